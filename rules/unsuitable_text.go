package rules

import (
	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// A criminal filing's text that states the case unsuitable for a simpler
// procedure (statute round 35b). The law closes them outright for such
// cases: 刑事诉讼法第二百一十五条 and 第二百二十三条 say "有下列情形之一的，不
// 适用" and list 其他不宜适用简易程序 / 速裁程序审理的 (items 4 and 6); the
// 2021 interpretation adds 被告人认罪但经审查认为可能不构成犯罪的 (art. 360(6),
// as the 2012 one's art. 290(6) did). Who finds a case 不宜 is the court, and
// a filing's statement is its writer's view; but a procuratorate that says
// so does not propose the procedure, and fenjian does not offer what the
// filing itself calls unsuitable: the procedure is closed, as a text's plea
// dispute (REVIEW_PLEA_DISPUTE_IN_TEXT) or defence plea of not guilty
// (REVIEW_DEFENCE_NOT_GUILTY_IN_TEXT) closes it, and a person reviews the
// words (REVIEW_UNSUITABLE_IN_TEXT). REVIEW_COMPLEX_IN_TEXT_CIVIL only
// reviews because 复杂 is a judgement the civil law leaves open (CPL 160
// names no bar); 不宜 is the bar's own word.

// UnsuitableText is what a criminal filing's text states of the case's
// suitability: each field the words read, "" when none.
type UnsuitableText struct {
	// MayNotBeCrime: 可能不构成犯罪 (刑诉法解释第三百六十条第六项).
	MayNotBeCrime string
	// Simplified: 不宜适用简易程序 (刑事诉讼法第二百一十五条第四项).
	Simplified string
	// FastTrack: 不宜适用速裁程序 (刑事诉讼法第二百二十三条第六项).
	FastTrack string
}

// Any reports whether the text states any of the three.
func (u UnsuitableText) Any() bool {
	return u.MayNotBeCrime != "" || u.Simplified != "" || u.FastTrack != ""
}

var (
	mayNotBeCrimeWords = [...]string{"可能不构成犯罪"}
	unfitSimplWords    = [...]string{"不宜适用简易程序", "不宜按照简易程序", "不宜按简易程序"}
	unfitFTWords       = [...]string{"不宜适用速裁程序", "不宜按照速裁程序", "不宜按速裁程序"}
)

// ReadUnsuitableText reads text for the three statements, each not negated
// in its clause (StatedInClause: 本案不属于不宜适用速裁程序审理的情形 and 不
// 存在可能不构成犯罪的情形 state nothing).
func ReadUnsuitableText(text string) UnsuitableText {
	first := func(ws []string) string {
		for _, w := range ws {
			if StatedInClause(text, w) {
				return w
			}
		}
		return ""
	}
	return UnsuitableText{
		MayNotBeCrime: first(mayNotBeCrimeWords[:]),
		Simplified:    first(unfitSimplWords[:]),
		FastTrack:     first(unfitFTWords[:]),
	}
}

// unsuitableBars are the bars the text's statements put on fast-track and
// simplified procedure under the law of the filing date, with a review
// quoting each statement. Fast-track, the simpler of the two, is closed by
// all three (CrPL 223(6); Interp. 370(8) from 2021-03-01; CrPL 226 sends a
// case whose 行为不构成犯罪 back to ordinary or simplified trial); simplified
// procedure by the first two only. Nothing is read before 2013-01-01 (the
// 1998 interpretation is not among the texts read) or, for fast-track,
// before 2018-10-26 (the pilots' 办法 are not either): docs/statutes.md.
func unsuitableBars(f *triagev1.Filing, a *Assessment) (ft, simpl []*triagev1.Reason) {
	if a.FiledOn.Before(crpl2012InForce) {
		return nil, nil
	}
	u := ReadUnsuitableText(f.GetText())
	if !u.Any() {
		return nil, nil
	}
	interp2021 := !a.FiledOn.Before(crInterp2021InForce)
	crpl2018 := !a.FiledOn.Before(crpl2018InForce)
	mayNot, unfit, ftCode := CodeInterp2012MayNotBeCrime, CodeCrPL2012Unsuitable, ""
	switch {
	case interp2021:
		mayNot, unfit, ftCode = CodeInterp360MayNotBeCrime, CodeCrPL215Unsuitable, CodeCrPL223Unsuitable
	case crpl2018:
		unfit, ftCode = CodeCrPL215UnsuitableInterp2012, CodeCrPL2018Unsuitable
	}
	if u.MayNotBeCrime != "" {
		simpl = append(simpl, reasonWithWords(mayNot, u.MayNotBeCrime))
	}
	if u.Simplified != "" {
		simpl = append(simpl, reasonWithWords(unfit, u.Simplified))
	}
	if ftCode != "" {
		for _, w := range []string{u.MayNotBeCrime, u.Simplified, u.FastTrack} {
			if w != "" {
				ft = append(ft, reasonWithWords(ftCode, w))
				break
			}
		}
	}
	if len(ft) == 0 && len(simpl) == 0 {
		// 不宜适用速裁程序 where no fast-track law of the filing date is
		// read: nothing to close, nothing to review.
		return nil, nil
	}
	for _, w := range []string{u.MayNotBeCrime, u.Simplified, u.FastTrack} {
		if w != "" && (w != u.FastTrack || len(ft) > 0) {
			a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewUnsuitableInText, w))
		}
	}
	return ft, simpl
}
