package rules

import (
	"slices"
	"strings"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Statute round 37 (administrative): a complaint that calls its case
// complex or unfit for simplified procedure.
//
// 行政诉讼法第八十二条第一款 opens simplified procedure to the cases it lists
// only where the court finds them "事实清楚、权利义务关系明确、争议不大",
// which 行诉法解释 (2018) art. 102 defines (当事人对争议的事实陈述基本一致…
// 无须人民法院调查收集证据; 对行政行为的合法性、责任承担等没有实质分歧), and
// art. 105 sends a case the court finds "案情复杂" to ordinary procedure.
// Arts. 103 and 104 are about service and the time for evidence under the
// procedure and close nothing. Whether a case is complex is the court's
// finding, not a party's word, and the law has no "其他不宜适用简易程序"
// bar for administrative cases (art. 82 ¶3 closes remands and retrials
// only): a complaint saying 本案案情复杂 or 不宜适用简易程序 closes nothing
// and is reviewed (REVIEW_COMPLEX_IN_TEXT_ADMIN), as REVIEW_COMPLEX_IN_TEXT_
// CIVIL is for CPL 160. A party's 不宜 already takes back a marked agreement
// (objectionIn, REVIEW_ADMIN_OBJECTION_IN_TEXT): then that review alone.

// CodeReviewComplexInTextAdmin: an administrative complaint calls this case
// complex (案情复杂) or unfit for simplified procedure (不宜适用简易程序):
// 行政诉讼法第八十二条第一款; 行诉法解释第一百零二条、第一百零五条.
const CodeReviewComplexInTextAdmin = "REVIEW_COMPLEX_IN_TEXT_ADMIN"

// adminComplexIn returns the words in which an administrative complaint
// calls this case complex (complexIn, sentence by sentence) or unfit for
// simplified procedure (unfitSimplWords, not negated in its clause), ""
// when none. It looks at a sentence only when the text holds one of
// complexWords (复杂, 疑难) or 不宜 at all (a byte search each): most
// complaints hold none.
func adminComplexIn(text string) string {
	if strings.Contains(text, "复杂") || strings.Contains(text, "疑难") {
		for sent := range sentencesOf(text) {
			if w := complexIn(nil, sent); w != "" { // no character set: administrative texts are not read through one
				return w
			}
		}
	}
	if strings.Contains(text, "不宜") {
		for _, w := range unfitSimplWords {
			if StatedInClause(text, w) {
				return w
			}
		}
	}
	return ""
}

// adminComplexReview adds to a the review of a complaint calling the case
// complex or unfit (adminComplexIn), not beside the objection review that
// quotes the same 不宜 words. administrative() asks it of a case
// simplified procedure is open to, so of one filed from 2015-05-01.
func adminComplexReview(f *triagev1.Filing, a *Assessment) {
	w := adminComplexIn(f.GetText())
	if w == "" {
		return
	}
	if slices.ContainsFunc(a.ReviewReasons, func(r *triagev1.Reason) bool {
		return r.GetCode() == CodeReviewAdminObjectionInText && strings.Contains(r.GetMessage(), "“"+w+"”")
	}) {
		return
	}
	a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewComplexInTextAdmin, w))
}
