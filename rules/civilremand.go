package rules

import (
	"strings"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// CodeReviewRemandedInTextCivil: a civil filing's text states that the case
// was remanded for retrial (发回重审) and its circumstances do not (statute
// round 24, rules 2026-12-04.31). A remanded civil case is filed again at
// first instance under a new 民初 number, so the number does not show the
// remand; only the flag or the text does. The law closes simplified
// procedure to it (民诉法解释第二百五十七条第二项; before 2015-02-04 若干规定
// 第一条第二项), and so small claims (民诉法解释第二百八十一条), and the
// original court tries it by a newly formed panel (民事诉讼法第四十一条第三款;
// CPL 2012/2017 art. 40 ¶2). Until this round such a filing kept small claims
// mandatory and simplified procedure open.
const CodeReviewRemandedInTextCivil = "REVIEW_REMANDED_IN_TEXT_CIVIL"

// civilRemandInText reads a civil filing's text for a remand its
// circumstances do not state (remandIn: 发回 followed within its clause by
// 重审, 重新审判 or 重新审理, not negated) and returns a copy with remanded
// set, with the review that names the words read; f itself when the text
// states none or the flag is set already. A text may speak of another
// case's remand (原告曾另案起诉…发回重审): the reading is the stricter one,
// and a person confirms it, as for a criminal filing (criminalTextFacts).
func civilRemandInText(f *triagev1.Filing, a *Assessment) *triagev1.Filing {
	if f.GetCircumstances().GetRemanded() {
		return f
	}
	text := f.GetText()
	// Most texts name no remand: fold (traditional 發回重審) only when
	// either form of 发回 is there.
	switch {
	case strings.Contains(text, "发回"):
	case strings.Contains(text, "發回"):
		text = foldCause(text)
	default:
		return f
	}
	words := remandIn(text)
	if words == "" {
		return f
	}
	f = proto.CloneOf(f)
	if f.Circumstances == nil {
		f.Circumstances = &triagev1.Circumstances{}
	}
	f.Circumstances.Remanded = true
	a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewRemandedInTextCivil, words))
	return f
}
