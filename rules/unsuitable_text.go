package rules

import (
	"strings"

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
// procedure by the first two only. Before 2013 (statute round 36) only
// 不宜适用简易程序 is read: CrPL 1996 art. 179 retries a case found unfit in
// ordinary procedure (from 1997-01-01), and the 1998 interpretation's art.
// 222(5) ("其他不宜适用简易程序的", from 1998-09-08; the 2003 opinion's art.
// 2(4) repeats it) bars it; 可能不构成犯罪 then had no article of the bar
// lists (the 1998 interpretation's art. 229(1) converts a case whose act 不
// 构成犯罪 at trial) and is not read. Fast-track: CrPL 223 from 2018-10-26;
// before it, at a pilot court during a phase of the pilot (phase), the 办法's
// "其他不宜适用速裁程序的情形" as public accounts give it, and what makes a
// case unfit for CrPL 2012's simplified procedure (209(4), Interp. 2012
// 290(6)), since the pilot only simplified that procedure further
// (PILOT_UNSUITABLE; until statute round 36 the pilot's fast-track stayed
// open); outside the pilot nothing to close.
func unsuitableBars(f *triagev1.Filing, a *Assessment, phase pilotPhase) (ft, simpl []*triagev1.Reason) {
	if a.FiledOn.Before(crpl1996InForce) {
		// The 1979 law: no simplified procedure to close
		// (CRPL1996_174_NOT_IN_FORCE says so), nothing to review.
		return nil, nil
	}
	u := ReadUnsuitableText(f.GetText())
	if a.FiledOn.Before(crpl2012InForce) {
		return nil, unsuitableBars1996(f, a, u)
	}
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
	case phase == pilot2014 || phase == pilot2016:
		ftCode = pilotCode(phase == pilot2014, CodePilot2014Unsuitable, CodePilotUnsuitable)
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

// unsuitableBars1996 are the bars on simplified procedure the text states
// before 2013 (CrPL 1996): 不宜适用简易程序 (art. 179; from 1998-09-08 the
// 1998 interpretation's art. 222(5)) and, from 1998-09-08, a case the text
// itself calls 比较复杂的共同犯罪案件 (art. 222(2); the 2003 opinion's art.
// 2(1) from 2003-03-14), each with the review quoting the words (statute
// round 37: until rules 2026-12-06.45 art. 222(2) was not read).
// 可能不构成犯罪 had no item of these lists: it is reviewed and closes
// nothing (REVIEW_MAY_NOT_BE_CRIME_IN_TEXT_CRPL1996, statute round 38;
// until rules 2026-12-06.46 it was not read before 2013).
func unsuitableBars1996(f *triagev1.Filing, a *Assessment, u UnsuitableText) []*triagev1.Reason {
	var simpl []*triagev1.Reason
	if u.MayNotBeCrime != "" {
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewMayNotBeCrimeCrPL1996, u.MayNotBeCrime))
	}
	interp1998 := !a.FiledOn.Before(crInterp1998InForce)
	if u.Simplified != "" {
		code := CodeCrPL1996Unsuitable
		if interp1998 {
			code = CodeInterp1998Unsuitable
		}
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewUnsuitableInText, u.Simplified))
		simpl = append(simpl, reasonWithWords(code, u.Simplified))
	}
	if interp1998 {
		if w := complexJointCrimeIn(f.GetText()); w != "" {
			a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewUnsuitableInText, w))
			simpl = append(simpl, reasonWithWords(CodeInterp1998ComplexJointCrime, w))
		}
	}
	return simpl
}

// complexJointCrimeWords are the 1998 interpretation's art. 222(2) in its
// own words and their one common variant.
var complexJointCrimeWords = [...]string{"比较复杂的共同犯罪", "较为复杂的共同犯罪"}

// complexJointCrimeIn returns the words in which a text calls its case a
// complex joint crime (complexJointCrimeWords), not negated in its clause
// (不属于比较复杂的共同犯罪案件 states nothing), "" when none. It searches
// the clauses only when the text holds 复杂的共同犯罪 at all (one byte
// search, and only for filings before 2013).
func complexJointCrimeIn(text string) string {
	if !strings.Contains(text, "复杂的共同犯罪") {
		return ""
	}
	for _, w := range complexJointCrimeWords {
		if StatedInClause(text, w) {
			return w
		}
	}
	return ""
}
