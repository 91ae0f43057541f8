package rules

import (
	"strings"

	"github.com/fenjian/fenjian/internal/hanscan"
)

// Statute round 38: 民诉法解释第二百五十七条第六项 (第三人起诉请求改变或者撤销生效
// 判决、裁定、调解书的: no simplified procedure, and so no small claims) in a
// complaint whose marked claims ask for something else while its facts say
// the plaintiff, as a third party, asks to set a judgment aside
// ("原告作为案外第三人，请求撤销(2023)浙0302民初100号民事判决第二项"):
// revokesJudgmentIn reads only the marked claims, and such a text kept
// both open until rules 2026-12-06.46.

// unaskedWords deny the request (原告作为第三人，不请求撤销该判决).
var unaskedWords = [...]string{"不请求", "不要求", "未请求", "未要求", "没有请求", "没有要求"}

// thirdPartyMark is the word every such sentence holds.
const thirdPartyMark = "第三人"

// thirdPartyAsksRevocationIn returns the first sentence of a folded text
// in which the plaintiff (原告 before 第三人) asks (请求, 要求) to change or
// set aside a court's judgment, ruling or mediation statement
// (revokesJudgment) and does not deny asking (unaskedWords), "" when none. Another party's suit (被告曾作为第三人请
// 求撤销…) is not this plaintiff's. Read only when the text holds 第三人.
func thirdPartyAsksRevocationIn(held *hanscan.Text, text string) string {
	if held.Lacks(text, thirdPartyMark) {
		return ""
	}
	for sent := range sentencesOf(text) {
		j := strings.Index(sent, thirdPartyMark)
		if j < 0 {
			continue
		}
		i := strings.Index(sent, "原告")
		if i < 0 || i > j {
			continue
		}
		if !strings.Contains(sent, "请求") && !strings.Contains(sent, "要求") || containsAny(sent, unaskedWords[:]) {
			continue
		}
		if revokesJudgment(sent) {
			return sent
		}
	}
	return ""
}
