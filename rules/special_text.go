package rules

import (
	"cmp"
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
	// CodeCrPL16DefendantDead: the text states the (one) defendant dead
	// (statute round 31): the trial ends (刑事诉讼法第十六条第五项, 第二百九十七条
	// 第一款), so neither simpler procedure. CodeCrPL2012DefendantDead and
	// CodeCrPL1996DefendantDead are the same bar under the text of the
	// filing date (crimCodesOn).
	CodeCrPL16DefendantDead = "CRPL16_DEFENDANT_DEAD"
	// CodeCrPL2012DefendantDead: 刑事诉讼法（2012年修正）第十五条第五项.
	CodeCrPL2012DefendantDead = "CRPL2012_15_DEFENDANT_DEAD"
	// CodeCrPL1996DefendantDead: 刑事诉讼法（1996年）第十五条第五项.
	CodeCrPL1996DefendantDead = "CRPL1996_15_DEFENDANT_DEAD"
	// CodeReviewDefendantDeadInText: a defendant's death read from the text
	// (barred with one defendant, reviewed only with several: the others'
	// trial goes on).
	CodeReviewDefendantDeadInText = "REVIEW_DEFENDANT_DEAD_IN_TEXT"
	// CodeReviewAppealInText: a basic court's first-instance filing whose
	// text states an appeal or a second instance, which a basic court never
	// hears (刑事诉讼法第二百二十七条: 向上一级人民法院上诉). Review only.
	CodeReviewAppealInText = "REVIEW_APPEAL_IN_TEXT"
	// CodeAssessors16SevenMemberPanel: the text states a seven-member panel
	// (人民陪审员法第十六条, from 2018-04-27), whose cases are all of major
	// social impact or public interest suits: neither simpler procedure.
	CodeAssessors16SevenMemberPanel = "ASSESSORS16_SEVEN_MEMBER_PANEL"
	// CodeReviewSevenMemberPanelInText: a seven-member panel read from the
	// text (before 2018-04-27, when no law had one, reviewed only).
	CodeReviewSevenMemberPanelInText = "REVIEW_SEVEN_MEMBER_PANEL_IN_TEXT"
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
	// Dead: a defendant (被告人, 犯罪嫌疑人) stated dead, the words from the
	// subject to 死亡 (被告人王某已死亡, 被告人王某于2024年2月1日因病死亡):
	// 刑事诉讼法第十六条第五项, 第二百九十七条. At most 24 runes may stand
	// between (64 when they state his own death's circumstances:
	// ownDeathWords), none of deadNameStop, so a death the defendant caused
	// (被告人王某致被害人死亡, 造成一人死亡) or a relative's (被告人王某的父亲
	// 已死亡) is not read.
	Dead string
	// Appeal: 上诉人, 提起上诉, 提出上诉, 第二审 or 二审 in a sentence without
	// a remand or retrial (发回, 重审, 再审: a basic court's first instance
	// again) and not a right (有权, 可以, 如不服, 可在, 可于), not negated in its
	// clause.
	Appeal string
	// SevenPanel: 七人合议庭 not negated in its clause (人民陪审员法第十六条).
	SevenPanel string
}

// Any reports whether the text states any special proceeding.
func (s SpecialProceedings) Any() bool {
	return s.Private != "" || s.Absentia != "" || s.Confiscation != "" || s.Medical != "" || s.PublicInterestSuit != "" || s.Dead != "" ||
		s.Appeal != "" || s.SevenPanel != ""
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
	s.Dead = deadDefendant(text)
	s.Appeal = appealIn(text)
	if statedInClause(text, "七人合议庭", 6) {
		s.SevenPanel = "七人合议庭"
	}
	return s
}

var (
	appealWords = [...]string{"上诉人", "提起上诉", "提出上诉", "第二审", "二审"}
	// appealNot: a sentence with these states a remand or a retrial (a
	// first instance again) or a right to appeal, not an appeal of this case.
	appealNot = [...]string{"发回", "重审", "再审", "有权", "可以", "如不服", "可在", "可于"}
)

// appealIn returns the words that state an appeal or a second instance of
// the case, "" when none.
func appealIn(text string) string {
	for _, w := range appealWords {
		for rest := text; ; {
			i := hanscan.Index(rest, w)
			if i < 0 {
				break
			}
			// The sentence, not the clause: a remand's 发回重审 is often
			// a clause after the 二审 it names.
			start, end := spanAround(rest, i, sentenceBreaks)
			if !containsAny(rest[start:end], appealNot[:]) && !negatedInClause(rest[:i], 4) {
				return w
			}
			rest = rest[i+len(w):]
		}
	}
	return ""
}

var (
	deadSubjects = [...]string{"被告人", "犯罪嫌疑人"}
	// deadWords: the longer first, so that the words read end at 死亡.
	deadWords = [...]string{"已经死亡", "已死亡", "因病死亡", "死亡"}
)

// deadGate is a fragment of every one of deadWords (TestDeadGateInEveryWord).
const deadGate = "死亡"

// deadNameStop are runes that, between the subject and 死亡, make the death
// another's: a verb of causing or harming (致, 使, 将, 把, 造, 撞, 杀, 伤,
// 打, 害), a passive (被), another person (人: 被害人, 一人, 行人), a
// possessive (的, 之, 其), a negation (未, 不, 没, 无, 非), a conjunction (与,
// 和, 及, 同, 、), a bracket, and the clause breaks.
const deadNameStop = "致使将把造撞杀伤打害被人的之其未不没无非与和及同、（）()" + clauseBreaks

// deadDefendant returns the words that state a defendant dead, "" when
// none: 被告人 or 犯罪嫌疑人, at most 24 runes of name, date and place,
// then 已经死亡, 已死亡, 因病死亡 or 死亡.
func deadDefendant(text string) string {
	// Every death word holds deadGate: a text without it (228 of the 236
	// real indictments) is not searched for each subject and the words
	// after each (issue 13).
	if !hanscan.Contains(text, deadGate) {
		return ""
	}
	for _, subj := range deadSubjects {
		for at := range occurrences(text, subj) {
			if w := deadAfter(text[at+len(subj):]); w != "" {
				return subj + w
			}
		}
	}
	return ""
}

// deadNear and deadFar are how many runes of name, date and place may
// stand between the subject and 死亡: any words of deadNameStop's kind up to
// deadNear, and up to deadFar only when they state the circumstances of the
// defendant's own death (ownDeathWords: 被告人王某于2024年2月1日在杭州市上城区
// 看守所羁押期间因突发心脏病经抢救无效死亡 is 37). Until statute round 32 a
// death stated after more than 24 runes was not read, and both simpler
// procedures stayed open to a dead defendant.
const (
	deadNear = 24
	deadFar  = 64
)

// ownDeathWords are the circumstances of a defendant's own death: his
// custody (羁押, 关押, 看守所, 监管, 期间: 取保候审期间), an illness (病,
// 突发), his own act (自杀).
var ownDeathWords = [...]string{"羁押", "关押", "看守所", "监管", "期间", "病", "突发", "自杀"}

// deadAfter returns the name and death words that after begins with, ""
// when it does not.
func deadAfter(after string) string {
	n, skip := 0, 0
	for off, r := range after {
		for _, w := range deadWords {
			if strings.HasPrefix(after[off:], w) {
				if n > deadNear && !containsAny(after[:off], ownDeathWords[:]) {
					return ""
				}
				return after[:off+len(w)]
			}
		}
		for _, w := range treatmentFailed {
			if strings.HasPrefix(after[off:], w) {
				skip = off + len(w)
			}
		}
		if n == deadFar || off >= skip && strings.ContainsRune(deadNameStop, r) {
			return ""
		}
		n++
	}
	return ""
}

// treatmentFailed are the words of a treatment that failed (经抢救无效死亡):
// their 无 is no negation of the death.
var treatmentFailed = [...]string{"抢救无效", "医治无效", "救治无效"}

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
	return statedUnless(text, w, 4, func(before string, n int) bool {
		return negatedInClause(before, n) || strings.HasSuffix(before, "有权") || strings.HasSuffix(before, "可以") ||
			strings.HasSuffix(before, "有权向本院") || strings.HasSuffix(before, "可以向本院")
	})
}

// confiscationApplied returns "申请没收" when a clause applies to confiscate
// and names 违法所得 after it (检察机关申请没收犯罪嫌疑人王某的违法所得), "" when
// none: an application to confiscate a tool or a vehicle is no 违法所得没收.
func confiscationApplied(text string) string {
	const w = "申请没收"
	for at, before := range occurrences(text, w) {
		after := text[at+len(w):]
		if j := strings.IndexAny(after, clauseBreaks); j >= 0 {
			after = after[:j]
		}
		if strings.Contains(after, "违法所得") && !negatedInClause(before, 2) {
			return w
		}
	}
	return ""
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
// prosecution the field states is not reviewed again. basic: the filing's
// court is a basic court, which hears no appeal (REVIEW_APPEAL_IN_TEXT).
func specialProceedingsIn(f *triagev1.Filing, a *Assessment, phase pilotPhase, basic bool) specialBars {
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
	if a.FiledOn.Before(crpl2012InForce) {
		// The 1996 law had none of the three proceedings (the 2012
		// amendment brought confiscation and compulsory medical treatment,
		// the 2018 one the trial in absentia): their articles were not in
		// force, so they are not cited. Simplified procedure stays closed
		// (ordinary is the safer side) and a person looks (statute round
		// 32: until then the 2018 and 2012 articles were cited).
		if w := cmp.Or(s.Absentia, s.Confiscation, s.Medical); w != "" {
			b.simpl = append(b.simpl, reasonWithWords(CodeCrPL1996NoSpecialProceeding, w))
			a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeCrPL1996NoSpecialProceeding, w))
		}
	} else {
		// 刑事诉讼法第二百九十一条第二款: an intermediate court's panel; and an
		// absent defendant cannot be asked in court (第二百一十七条) nor heard
		// last (第二百一十九条, 第二百二十四条), which both simpler procedures
		// require (2012年修正 第二百一十一条、第二百一十三条).
		both(s.Absentia, CodeCrPL291TrialInAbsentia, CodeReviewAbsentiaInText)
		// 第二百九十九条: 中级人民法院组成合议庭 (2012年修正 第二百八十一条).
		both(s.Confiscation, CodeCrPL299Confiscation, CodeReviewConfiscationInText)
		// 第三百零四条第一款: 应当组成合议庭 (2012年修正 第二百八十六条).
		both(s.Medical, CodeCrPL304CompulsoryMedical, CodeReviewCompulsoryMedicalInText)
	}
	// 人民陪审员法第十六条第二项: 公益诉讼 are tried by a seven-member panel,
	// from 2018-04-27; before it no law required one (the suit itself came
	// with the 2018-03-02 interpretation on procuratorial public interest
	// suits), and nothing is read.
	if !a.FiledOn.Before(assessorsLawInForce) {
		both(s.PublicInterestSuit, CodeAssessors16CriminalPublicInterest, CodeReviewPublicInterestSuitInText)
		// 人民陪审员法第十六条: a seven-member panel tries (1) cases of ten
		// years or more 社会影响重大, (2) public interest suits, (3) and (4)
		// other cases 社会影响重大; each is barred from simplified procedure
		// (刑事诉讼法第二百一十五条第二项) and fast-track (第二百二十三条第三项)
		// or is round 30's suit. The suit's own bar says it already.
		if s.PublicInterestSuit == "" {
			both(s.SevenPanel, CodeAssessors16SevenMemberPanel, CodeReviewSevenMemberPanelInText)
		}
	} else if s.SevenPanel != "" {
		// No law had a seven-member panel before 2018-04-27: reviewed only.
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewSevenMemberPanelInText, s.SevenPanel))
	}
	// A basic court hears no appeal (刑事诉讼法第二百二十七条: 向上一级人民
	// 法院上诉; 2012年修正 第二百一十六条, 1996年 第一百八十条): the filing may
	// be a second instance entered as a first, or quote an earlier one.
	// Reviewed only.
	if basic && s.Appeal != "" {
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewAppealInText, s.Appeal))
	}
	// 刑事诉讼法第十六条第五项 (2012年修正 and 1996年 第十五条第五项): a dead
	// defendant's trial ends (第二百九十七条第一款: 裁定终止审理), and no
	// simpler procedure can try him. With several defendants the others'
	// trial goes on, so the death is reviewed and bars nothing; before
	// 1997 (no code) simplified procedure is closed anyway.
	if dead := crimCodesOn(a.FiledOn).defendantDead; s.Dead != "" && dead != "" {
		if defendantsOf(f) > 1 {
			a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewDefendantDeadInText, s.Dead))
		} else {
			both(s.Dead, dead, CodeReviewDefendantDeadInText)
		}
	}
	return b
}
