package rules

import (
	"strings"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/hanscan"
)

// Criminal cases a basic court files that are not an ordinary public
// prosecution, as the filing's text states them when no field marks them
// (statute round 30): a private prosecution (自诉), a trial in absentia
// (缺席审判), an application to confiscate illegal gains (违法所得没收), a
// compulsory medical treatment (强制医疗) and a criminal case with an
// incidental civil public interest suit (刑事附带民事公益诉讼). Each reading
// only closes a procedure and is reviewed with the words read: a private
// prosecution read from the text closes fast-track and does not set
// private_prosecution, which would also open simplified procedure before
// 2013 (CrPL 1996 art. 174(2)–(3) without the cap) and lengthen the period.

// Codes of the special proceedings read from a criminal filing's text.
const (
	// CodeCrPL291TrialInAbsentia: the text states a trial in absentia.
	CodeCrPL291TrialInAbsentia = "CRPL291_TRIAL_IN_ABSENTIA"
	// CodeCrPL299Confiscation: the text states an application to
	// confiscate illegal gains (违法所得没收程序).
	CodeCrPL299Confiscation = "CRPL299_CONFISCATION_APPLICATION"
	// CodeCrPL304CompulsoryMedical: the text states compulsory medical
	// treatment (强制医疗程序).
	CodeCrPL304CompulsoryMedical = "CRPL304_COMPULSORY_MEDICAL_PANEL"
	// CodeAssessors16CriminalPublicInterest: the text states an incidental
	// civil public interest suit, tried by a seven-member panel.
	CodeAssessors16CriminalPublicInterest = "ASSESSORS16_CRIMINAL_PUBLIC_INTEREST_SUIT"
	// CodeReviewPrivateProsecutionInText and the reviews below quote the
	// words a bar above (or, for a private prosecution, the fast-track bar
	// CRPL222_PRIVATE_PROSECUTION / PILOT_PRIVATE_PROSECUTION) was read from.
	CodeReviewPrivateProsecutionInText = "REVIEW_PRIVATE_PROSECUTION_IN_TEXT"
	// CodeReviewAbsentiaInText: a trial in absentia read from the text.
	CodeReviewAbsentiaInText = "REVIEW_ABSENTIA_IN_TEXT"
	// CodeReviewConfiscationInText: a confiscation application read from the text.
	CodeReviewConfiscationInText = "REVIEW_CONFISCATION_IN_TEXT"
	// CodeReviewCompulsoryMedicalInText: compulsory medical treatment read from the text.
	CodeReviewCompulsoryMedicalInText = "REVIEW_COMPULSORY_MEDICAL_IN_TEXT"
	// CodeReviewPublicInterestSuitInText: an incidental civil public
	// interest suit read from the text.
	CodeReviewPublicInterestSuitInText = "REVIEW_PUBLIC_INTEREST_SUIT_IN_TEXT"
)

// SpecialProceedings are the special proceedings a criminal filing's text
// states: each is the words that state it, "" when none.
type SpecialProceedings struct {
	// Private: 自诉人, 提起自诉, 自诉案件, 自诉状 not negated (不属于, 未) and
	// not a right or a possibility (有权, 可以). Bare 自诉 is not read: a
	// medical record's 自诉头痛 is a patient's own account.
	Private string
	// Absentia: 缺席审判, 缺席审理 not negated (刑事诉讼法第二百九十一条,
	// 第二百九十六条, 第二百九十七条). A civil part's 缺席判决 is not read.
	Absentia string
	// Confiscation: 没收违法所得的申请, 违法所得没收程序, or 申请没收 with
	// 违法所得 in its clause (第二百九十八条, 第二百九十九条); 没收违法所得 as a
	// penalty is not read.
	Confiscation string
	// Medical: 强制医疗 not negated (第三百零二条至第三百零四条).
	Medical string
	// PublicInterestSuit: 附带民事公益诉讼 not negated (人民陪审员法第十六条
	// 第二项).
	PublicInterestSuit string
}

// Any reports whether the text states any special proceeding.
func (s SpecialProceedings) Any() bool {
	return s.Private != "" || s.Absentia != "" || s.Confiscation != "" || s.Medical != "" || s.PublicInterestSuit != ""
}

var (
	privateWords      = [...]string{"自诉人", "提起自诉", "自诉案件", "自诉状"}
	absentiaWords     = [...]string{"缺席审判", "缺席审理"}
	confiscationWords = [...]string{"没收违法所得的申请", "没收违法所得申请", "违法所得没收程序", "违法所得没收申请"}
)

// ReadSpecialProceedings reads the special proceedings text states.
func ReadSpecialProceedings(text string) SpecialProceedings {
	var s SpecialProceedings
	if text == "" {
		return s
	}
	for _, w := range privateWords {
		if privateStated(text, w) {
			s.Private = w
			break
		}
	}
	for _, w := range absentiaWords {
		if statedInClause(text, w, 4) {
			s.Absentia = w
			break
		}
	}
	for _, w := range confiscationWords {
		if statedInClause(text, w, 4) {
			s.Confiscation = w
			break
		}
	}
	if s.Confiscation == "" {
		s.Confiscation = confiscationApplied(text)
	}
	if statedInClause(text, "强制医疗", 4) {
		s.Medical = "强制医疗"
	}
	// 未提起刑事附带民事公益诉讼: the negation may stand before 刑事.
	if statedInClause(text, "附带民事公益诉讼", 6) {
		s.PublicInterestSuit = "附带民事公益诉讼"
	}
	return s
}

// statedInClause reports whether text holds w somewhere without a negation
// in the n runes before it within its clause: unlike statedNotNegated, a
// 不 or 无 ending the sentence before (…无异议。缺席审判…) does not hide it.
func statedInClause(text, w string, n int) bool {
	return statedUnless(text, w, n, negatedInClause)
}

// negatedInClause is negatedWithin over the clause that ends with before.
func negatedInClause(before string, n int) bool {
	return negatedWithin(before[clauseStart(before):], n)
}

// privateStated reports whether text states w of this case: an occurrence
// neither negated in the four runes before nor a right or a possibility
// (被害人有权提起自诉, 可以提起自诉).
func privateStated(text, w string) bool {
	for rest := text; ; {
		i := hanscan.Index(rest, w)
		if i < 0 {
			return false
		}
		before := rest[:i]
		if !negatedInClause(before, 4) && !strings.HasSuffix(before, "有权") && !strings.HasSuffix(before, "可以") &&
			!strings.HasSuffix(before, "有权向本院") && !strings.HasSuffix(before, "可以向本院") {
			return true
		}
		rest = rest[i+len(w):]
	}
}

// confiscationApplied returns "申请没收" when a clause applies to confiscate
// and names 违法所得 after it (检察机关申请没收犯罪嫌疑人王某的违法所得), "" when
// none: an application to confiscate a tool or a vehicle is no 违法所得没收.
func confiscationApplied(text string) string {
	const w = "申请没收"
	for rest := text; ; {
		i := hanscan.Index(rest, w)
		if i < 0 {
			return ""
		}
		after := rest[i+len(w):]
		if j := strings.IndexAny(after, clauseBreaks); j >= 0 {
			after = after[:j]
		}
		if strings.Contains(after, "违法所得") && !negatedInClause(rest[:i], 2) {
			return w
		}
		rest = rest[i+len(w):]
	}
}

// specialBars are what the special proceedings of a criminal filing's text
// close: fast-track (beyond a private prosecution, which the caller bars by
// the era's code) and simplified procedure.
type specialBars struct {
	// private: the field or the text states a private prosecution, which
	// closes fast-track.
	private   bool
	ft, simpl []*triagev1.Reason
}

// specialProceedingsIn reads f's text for special proceedings, adds a
// review quoting each, and returns the bars: fast-track's only where the
// law of the filing date had fast-track (phase: the pilots; CrPL 2018 from
// 2018-10-26), so that a code citing a later text is not listed beside
// CRPL222_NOT_IN_FORCE; simplified procedure's on every date. A private
// prosecution the field states is not reviewed again.
func specialProceedingsIn(f *triagev1.Filing, a *Assessment, phase pilotPhase) specialBars {
	b := specialBars{private: f.GetCircumstances().GetPrivateProsecution()}
	s := ReadSpecialProceedings(f.GetText())
	if !s.Any() {
		return b
	}
	if s.Private != "" && !b.private {
		b.private = true
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewPrivateProsecutionInText, s.Private))
	}
	ftInForce := phase == pilot2014 || phase == pilot2016 || !a.FiledOn.Before(crpl2018InForce)
	both := func(words, bar, review string) {
		if words == "" {
			return
		}
		if ftInForce {
			b.ft = append(b.ft, reason(bar))
		}
		b.simpl = append(b.simpl, reason(bar))
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(review, words))
	}
	// 刑事诉讼法第二百九十一条第二款: an intermediate court's panel; and an
	// absent defendant cannot be asked in court (第二百一十七条) nor heard
	// last (第二百一十九条, 第二百二十四条), which both simpler procedures
	// require (2012年修正 第二百一十一条、第二百一十三条).
	both(s.Absentia, CodeCrPL291TrialInAbsentia, CodeReviewAbsentiaInText)
	// 第二百九十九条: 中级人民法院组成合议庭 (2012年修正 第二百八十一条).
	both(s.Confiscation, CodeCrPL299Confiscation, CodeReviewConfiscationInText)
	// 第三百零四条第一款: 应当组成合议庭 (2012年修正 第二百八十六条).
	both(s.Medical, CodeCrPL304CompulsoryMedical, CodeReviewCompulsoryMedicalInText)
	// 人民陪审员法第十六条第二项: 公益诉讼 are tried by a seven-member panel,
	// from 2018-04-27; before it no law required one (the suit itself came
	// with the 2018-03-02 interpretation on procuratorial public interest
	// suits), and nothing is read.
	if !a.FiledOn.Before(assessorsLawInForce) {
		both(s.PublicInterestSuit, CodeAssessors16CriminalPublicInterest, CodeReviewPublicInterestSuitInText)
	}
	return b
}
