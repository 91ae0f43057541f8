package rules

import (
	"strings"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// 刑诉法解释第三百七十七条 (from 2021-03-01, statute round 36): "适用速裁程序
// 审理的案件，第二审人民法院依照刑事诉讼法第二百三十六条第一款第三项的规定发回
// 原审人民法院重新审判的，原审人民法院应当适用第一审普通程序重新审判。" A
// remanded case whose text says the first trial was in fast-track and the
// remand was for 事实不清 or 证据不足 (CrPL 236 ¶1(3)) is closed to simplified
// procedure; with fast-track stated and no such ground, the ground decides,
// so it is reviewed. CrPL 239's new panel (fast-track closed) stands either
// way.

// firstTrialMarks name the earlier trial in a remanded case's text.
var firstTrialMarks = [...]string{"原审", "一审", "原判"}

// remandGround377 are CrPL 236 ¶1(3)'s grounds in a judgment's words.
var remandGround377 = [...]string{"事实不清", "证据不足"}

// fastTrackFirstTrialIn returns "适用速裁程序" where a sentence of text names
// the earlier trial (firstTrialMarks) and says it was in fast-track, not
// negated in the two runes before (原审未适用速裁程序 is none); "" otherwise.
func fastTrackFirstTrialIn(text string) string {
	const w = "适用速裁程序"
	for sent := range sentencesOf(text) {
		i := strings.Index(sent, w)
		if i < 0 || !containsAny(sent[:i], firstTrialMarks[:]) || !statedNotNegated(sent, w, 2) {
			continue
		}
		return w
	}
	return ""
}

// remand377 returns the bar on simplified procedure of a remanded filing
// (CrPL 239) of 2021-03-01 on whose text states a fast-track first trial
// and a remand for 事实不清 or 证据不足, reviewing the words; with the first
// trial stated and no such ground it only reviews. nil otherwise.
func remand377(f *triagev1.Filing, a *Assessment) []*triagev1.Reason {
	if a.FiledOn.Before(crInterp2021InForce) {
		return nil
	}
	w := fastTrackFirstTrialIn(f.GetText())
	if w == "" {
		return nil
	}
	for _, g := range remandGround377 {
		if statedNotNegated(f.GetText(), g, 2) {
			a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewInterp377FastTrackRemand, w+"；"+g))
			return []*triagev1.Reason{reasonWithWords(CodeInterp377FastTrackRemand, w+"；"+g)}
		}
	}
	a.ReviewReasons = append(a.ReviewReasons, reasonWithWords(CodeReviewInterp377FastTrackRemand, w))
	return nil
}
