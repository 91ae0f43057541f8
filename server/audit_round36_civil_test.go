package server

import (
	"slices"
	"testing"

	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound36Civil triages statute round 36's civil scenarios through
// a real server on loopback with a SQLite store and the embedded rules
// (rules/audit_round36_civil_test.go has the full table). Until rules
// 2026-12-06.40 each of these was a mandatory small claim: claims asking
// the defendant to "开具增值税专用发票" beside the price (民事诉讼法第一百六十五条
// 第一款: 金钱给付 only), a case numbered 民撤 (a third party's suit to revoke:
// 民诉法解释第二百五十七条第六项), a remand written "发还重审" (第二百五十七条第二
// 项) and a defendant "在中华人民共和国领域内没有住所" (民事诉讼法第一百六十六条
// 第二项, 第二百七十六条).
func TestAuditRound36Civil(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	const claims = "诉讼请求：1.判令被告偿还借款30000元。事实与理由：被告于2023年1月向原告借款，到期未还。"
	for i, c := range []struct {
		name, id, text, cause string // id, cause "" keep the loan's
		simplifiedClosed      bool   // simplified must be closed too
		review                string // a review code that must be given, "" none
		mandatory             bool   // small claims stays mandatory (near miss)
	}{
		{"开具增值税专用发票 beside the price: no money claim alone, left to a person", "",
			"诉讼请求：1.判令被告支付货款30000元；2.判令被告开具增值税专用发票。事实与理由：原告供货，被告未付款。", "买卖合同纠纷",
			false, rules.CodeReviewTextNonMoney, false},
		{"案号 民撤: a third party's suit to revoke, neither small claims nor simplified", "(2024)辽0102民撤1号", claims, "", true, "", false},
		{"裁定发还重审: a remand, neither small claims nor simplified", "", claims + "本案经沈阳市中级人民法院裁定撤销原判，发还重审。", "", true,
			rules.CodeReviewRemandedInTextCivil, false},
		{"被告在中华人民共和国领域内没有住所: a foreign party, no small claim", "", claims + "被告在中华人民共和国领域内没有住所。", "", false, "", false},
		{"near miss: 原告已开具发票 in the facts, small claims mandatory", "",
			"诉讼请求：1.判令被告支付货款30000元。事实与理由：原告供货并已向被告开具发票，被告未付款。", "买卖合同纠纷", false, "", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := loanFiling("r36-" + string(rune('1'+i)))
			if c.id != "" {
				f.Id = c.id
			}
			f.Text = c.text
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
