package server

import (
	"slices"
	"testing"

	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound35Civil triages statute round 35's civil scenarios through
// a real server on loopback with a SQLite store and the embedded rules
// (rules/audit_round35_civil_test.go has the full table). Until rules
// 2026-12-06.36 each of these was a mandatory small claim: a defendant
// "住台湾地区台北市" (民事诉讼法第一百六十六条第二项; 民诉法解释第五百二十条第二项、
// 第五百四十九条), plaintiffs who "推选…为代表人进行诉讼" (第五十六条: only a
// numerous side does; 民诉法解释第二百五十七条第三项), a cause written
// "民间借贷纠纷（发回重审）" (第二百五十七条第二项) and a complaint headed
// "原告：浙江省消费者权益保护委员会" (第二百五十七条第五项).
func TestAuditRound35Civil(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	const claims = "诉讼请求：1.判令被告偿还借款30000元。事实与理由：被告于2023年1月向原告借款，到期未还。"
	for i, c := range []struct {
		name, text, cause string // cause "" keeps the loan's
		simplifiedClosed  bool   // simplified must be closed too
		review            string // a review code that must be given, "" none
		mandatory         bool   // small claims stays mandatory (near miss)
	}{
		{"被告住台湾地区台北市: a Taiwan party, no small claim", claims + "被告陈某，住台湾地区台北市信义区。", "", false, "", false},
		{"推选代表人: a numerous side, neither small claims nor simplified", claims + "原告一方推选张某、李某为代表人进行诉讼。", "", true, "", false},
		{"cause 民间借贷纠纷（发回重审）: a remand, left to a person", claims, "民间借贷纠纷（发回重审）", true,
			rules.CodeReviewProcedureInCauseCivil, false},
		{"原告：浙江省消费者权益保护委员会: a public-interest suit", "原告：浙江省消费者权益保护委员会。" + claims, "", true, "", false},
		{"near miss: 被告住温州市鹿城区香港路, small claims mandatory", claims + "被告王某，住温州市鹿城区香港路1号。", "", false, "", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := loanFiling("r35-" + string(rune('1'+i)))
			f.Court, f.Province, f.Text, f.ClaimAmountFen = "沈阳市和平区人民法院", "辽宁省", c.text, 3_000_000
			if c.cause != "" {
				f.Cause = c.cause
			}
			d := triageOK(t, ctx, h.client, f)
			sc := decisionOption(t, d, smallClaims)
			if sc.GetMandatory() != c.mandatory {
				t.Errorf("small claims %v, want mandatory %v", sc, c.mandatory)
			}
			if !c.mandatory && sc.GetAvailable() {
				t.Errorf("small claims %v, want closed", sc)
			}
			if s := decisionOption(t, d, simplified); c.simplifiedClosed && s.GetAvailable() {
				t.Errorf("simplified %v, want closed", s)
			}
			if rs := reviewCodesOf(d); c.review != "" && !slices.Contains(rs, c.review) {
				t.Errorf("review reasons %v, want %s", rs, c.review)
			}
		})
	}
}
