package rules

import (
	"slices"
	"strings"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Simplified procedure before 2013 rested on the consent of persons whose
// refusal no filing field carries (statute round 36):
//
//   - CrPL 1996 art. 174(1): a public prosecution "人民检察院建议或者同意适用
//     简易程序的" (the 1998 interpretation's arts. 217–218: the proposal in
//     writing, or the procuratorate's consent when the court asks; the 2003
//     opinion's art. 4: "人民检察院同意…后，适用简易程序审理");
//   - 法发〔2003〕6号 art. 3 ¶2, from 2003-03-14: the court decides "在征得被
//     告人、辩护人同意后"; the defendant's objection is the field's
//     (OPINION2003_DEFENDANT_OBJECTS), the defender's is read here.
//
// From 2013 neither is a condition (CrPL 2012 art. 208: the procuratorate
// "可以建议"; art. 208 ¶1(3) asks the defendant alone), and a private
// prosecution (174(2)–(3)) never needed the procuratorate; the 2003 opinion
// is on 公诉案件. A stated refusal closes simplified procedure and is
// reviewed with its words.

// procuratorates name the prosecuting side in an indictment's words.
var procuratorates = [...]string{"人民检察院", "检察院", "公诉机关", "公诉人", "检察机关"}

// defenders name the defence lawyer.
var defenders = [...]string{"辩护人", "辩护律师"}

// ordinaryProposalVerbs, before 普通程序, make a proposal of the ordinary
// procedure (建议本案适用普通程序审理).
var ordinaryProposalVerbs = [...]string{"建议", "要求", "申请", "请求"}

// procedureSubjects are the persons an indictment names who may object to
// a procedure: the one named last before an objection is the one objecting
// ("公诉机关指控，被告人不同意适用简易程序" is the defendant's refusal).
var procedureSubjects = [...]string{"被告人", "辩护人", "辩护律师", "法定代理人", "人民检察院", "检察院", "公诉机关", "公诉人", "检察机关", "被害人", "自诉人"}

// lastSubjectIsOneOf reports whether the person named last in prefix is one
// of persons.
func lastSubjectIsOneOf(prefix string, persons []string) bool {
	last, ours := -1, false
	for _, p := range procedureSubjects {
		if i := strings.LastIndex(prefix, p); i >= 0 && i+len(p) > last {
			last, ours = i+len(p), slices.Contains(persons, p)
		} else if i >= 0 && i+len(p) == last && slices.Contains(persons, p) {
			ours = true
		}
	}
	return ours
}

// objectionOfIn is objectionByIn with the objector the person named last
// before the objection (lastSubjectIsOneOf).
func objectionOfIn(text string, persons []string) string {
	return objectionInSentenceOf(text, func(before string) bool { return lastSubjectIsOneOf(before, persons) })
}

// procuratorateObjectionIn returns the words by which the text states the
// procuratorate refusing simplified procedure (objectionByIn) or proposing
// the ordinary one (a proposal verb not negated just before it, and 普通程序
// after it in the sentence), the procuratorate the person named last before
// either, "" when none.
func procuratorateObjectionIn(text string) string {
	if w := objectionOfIn(text, procuratorates[:]); w != "" {
		return w
	}
	for sent := range sentencesOf(text) {
		i := strings.Index(sent, "普通程序")
		if i < 0 || !containsAny(sent[:i], procuratorates[:]) {
			continue
		}
		for _, v := range ordinaryProposalVerbs {
			if j := strings.LastIndex(sent[:i], v); j >= 0 && statedNotNegated(sent[:i], v, 1) &&
				lastSubjectIsOneOf(sent[:j], procuratorates[:]) {
				return sent[j : i+len("普通程序")]
			}
		}
	}
	return ""
}

// consentBars1996 are the bars of a public prosecution filed before 2013
// whose text states the procuratorate's (from 1997-01-01) or, from
// 2003-03-14, the defender's refusal of simplified procedure; nil for a
// private prosecution and from 2013-01-01.
func consentBars1996(f *triagev1.Filing, a *Assessment, private bool) []*triagev1.Reason {
	if private || a.FiledOn.Before(crpl1996InForce) || !a.FiledOn.Before(crpl2012InForce) {
		return nil
	}
	var bars []*triagev1.Reason
	if w := procuratorateObjectionIn(f.GetText()); w != "" {
		bars = append(bars, reasonWithWords(CodeCrPL1996ProcuratorateObjects, w))
		a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewProcedureObjectionInText1996, w))
	}
	if !a.FiledOn.Before(crOpinion2003InForce) {
		if w := objectionOfIn(f.GetText(), defenders[:]); w != "" {
			bars = append(bars, reasonWithWords(CodeOpinion2003DefenderObjects, w))
			a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewProcedureObjectionInText1996, w))
		}
		if w := defenderDisputesFactsIn(f.GetText()); w != "" {
			bars = append(bars, reasonWithWords(CodeOpinion2003DefenderDisputesFacts, w))
			a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewDefenderDisputeInText2003, w))
		}
	}
	return bars
}

// factDisputeWords state a dispute (有异议, 提出异议, 持异议); disputeNegated
// reads 无异议, 没有异议, 不持异议 before them as none.
var factDisputeWords = [...]string{"提出异议", "有异议", "持异议"}

// defenderDisputesFactsIn returns the words in which the text states the
// defender disputing the charged facts (statute round 37): the 2003
// opinion's art. 1(2) opens simplified procedure to a public prosecution
// only where "被告人及辩护人对所指控的基本犯罪事实没有异议". In a sentence, a
// dispute word not negated, 事实 between it and the 对 before it, and the
// defender the person named last before that 对 (辩护人对被告人王某的犯罪事实有
// 异议 is the defender's; 辩护人对量刑有异议 is no dispute of the facts). It
// reads sentences only when the text holds 辩护 and 异议 at all.
func defenderDisputesFactsIn(text string) string {
	if !strings.Contains(text, "辩护") || !strings.Contains(text, "异议") {
		return ""
	}
	for sent := range sentencesOf(text) {
		for _, w := range factDisputeWords {
			i := strings.Index(sent, w)
			if i < 0 || disputeNegated(sent[:i]) {
				continue
			}
			j := strings.LastIndex(sent[:i], "对")
			if j < 0 || !strings.Contains(sent[j:i], "事实") || !lastSubjectIsOneOf(sent[:j], defenders[:]) {
				continue
			}
			return sent[j : i+len(w)]
		}
	}
	return ""
}
