package server

import (
	"slices"
	"testing"

	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound33Civil triages statute round 33's civil scenarios through
// a real server on loopback with a SQLite store and the embedded rules
// (rules/audit_round33_civil_test.go has the full table). Until rules
// 2026-12-06.29 a court named by its county-level city alone ("乐清市人民法
// 院", 浙江) filed as 广东省 with ¥57,000 took 广东's figure unseen and small
// claims was mandatory, where 民事诉讼法第一百六十五条 takes 浙江's (¥54,323);
// a complaint calling its case a group dispute (第四十二条第二项) left small
// claims mandatory; and "被告住址不明确" (an imprecise address, no unknown
// whereabouts) was reviewed as 下落不明 might be.
func TestAuditRound33Civil(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	const facts = "事实与理由：被告于2023年1月向原告借款，到期未还。"
	for i, c := range []struct {
		name, court, province, text string
		fen                         int64
		review                      string // the review code that must be given, "" none
		mandatory                   bool
	}{
		{"乐清市人民法院 filed as 广东省, ¥57,000: 浙江's figure, left to a person", "乐清市人民法院", "广东省",
			"诉讼请求：1.判令被告偿还借款57000元。" + facts, 5_700_000, rules.CodeReviewCourtProvince, false},
		{"本案涉及群体性纠纷: small claims left to a person", "沈阳市和平区人民法院", "辽宁省",
			"诉讼请求：1.判令被告偿还借款30000元。" + facts + "本案涉及群体性纠纷。", 3_000_000, rules.CodeReviewGroupImpactInTextCivil, false},
		{"near miss: 被告住址不明确, small claims mandatory", "沈阳市和平区人民法院", "辽宁省",
			"诉讼请求：1.判令被告偿还借款30000元。" + facts + "被告住址不明确。", 3_000_000, "", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := loanFiling("r33-" + string(rune('1'+i)))
			f.Court, f.Province, f.Text, f.ClaimAmountFen = c.court, c.province, c.text, c.fen
			d := triageOK(t, ctx, h.client, f)
			if sc := decisionOption(t, d, smallClaims); sc.GetMandatory() != c.mandatory {
				t.Errorf("small claims %v, want mandatory %v", sc, c.mandatory)
			}
			rs := reviewCodesOf(d)
			if c.review != "" && !slices.Contains(rs, c.review) {
				t.Errorf("review reasons %v, want %s", rs, c.review)
			}
			if c.review == "" && slices.Contains(rs, rules.CodeReviewWhereaboutsInText) {
				t.Errorf("review reasons %v, want no %s", rs, rules.CodeReviewWhereaboutsInText)
			}
		})
	}
}
