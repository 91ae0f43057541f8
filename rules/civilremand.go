package rules

import (
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/hanscan"
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

// thisCaseMarks name the case being filed in a sentence: 本案, the court
// itself (发回本院重审), the judgment or trial the remand set aside
// (撤销原判, 原审). A civil complaint often tells the history of earlier
// suits ("前案经二审发回重审后，法院驳回了…"): a remand in a sentence without
// one of these is another case's and is not read (one of the 48 real civil
// filings, tried in simplified procedure, tells such a history).
var thisCaseMarks = [...]string{"本案", "本院", "我院", "原判", "原审"}

// thisCaseRemand returns the words of the first sentence of a folded text
// that states a remand (remandIn) and names this case (thisCaseMarks), ""
// when none does.
func thisCaseRemand(text string) string {
	for sent := range sentencesOf(text) {
		if !hanscan.Contains(sent, "发回") && !hanscan.Contains(sent, "发还") {
			continue
		}
		if words := remandIn(sent); words != "" && namesThisCase(sent) {
			return words
		}
	}
	return ""
}

// civilRemandInText reads a civil filing's text for a remand of this case
// its circumstances do not state (thisCaseRemand: 发回 or 发还 followed within its
// clause by 重审, 重新审判 or 重新审理, not negated, in a sentence naming this
// case) and returns a copy with remanded
// set, with the review that names the words read; f itself when the text
// states none or the flag is set already. A sentence naming this case may
// still speak of another's remand: the reading is then the stricter one,
// and a person confirms it, as for a criminal filing (criminalTextFacts).
//
// held is f's text folded, with its characters (Engine.evaluate makes it
// once for every civil reader): a text whose fold holds neither 发回 nor
// 发还 is answered by the set or one search each, and no complaint is
// folded a second time here.
func civilRemandInText(held *hanscan.Text, f *triagev1.Filing, a *Assessment) *triagev1.Filing {
	if f.GetCircumstances().GetRemanded() {
		return f
	}
	folded := held.String()
	if !held.Contains(folded, "发回") && !held.Contains(folded, "发还") {
		return f
	}
	words := thisCaseRemand(folded)
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
