package server

import (
	"slices"
	"testing"

	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound30Civil triages and records statute round 30's civil
// scenarios through a real server on loopback with a SQLite store and the
// embedded rules (rules/audit_round30_civil_test.go has the full table).
// Until rules 2026-12-05.91 a complaint saying the plaintiff applied for an
// appraisal of the car's loss (申请对车辆损失进行评估), or that the defendant's
// whereabouts are 去向不明, kept small claims mandatory, where 民事诉讼法第一百
// 六十六条第三项、第四项 close it (and 民诉法解释第二百五十七条第一项 closes
// simplified procedure to a defendant who cannot be found); and a ¥30,000
// loan claimed with ¥20,000 of interest to filing was compared with 辽宁's
// ¥47,000 as ¥30,000 (第一百六十五条's 标的额 is the claims together). A
// judge's choice of the closed procedure was recorded without a word.
func TestAuditRound30Civil(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	claims := "诉讼请求：1.判令被告偿还借款30000元；2.诉讼费由被告承担。事实与理由："
	barred := []struct {
		name, text, bar, infer string
		simplifiedClosed       bool
	}{
		{"申请对车辆损失进行评估", claims + "被告驾车撞坏原告车辆，原告申请对车辆损失进行评估。",
			rules.CodeCPL166Appraisal, rules.CodeInferAppraisalFromText, false},
		{"被告去向不明", claims + "被告借款30000元后去向不明。",
			rules.CodeCPL166Whereabouts, rules.CodeInferWhereaboutsFromText, true},
	}
	for i, c := range barred {
		t.Run(c.name+": small claims barred, the judge's choice of it refused", func(t *testing.T) {
			f := loanFiling("r30-barred-" + string(rune('1'+i)))
			f.Text = c.text
			d := triageOK(t, ctx, h.client, f)
			checkSmallClaimsBarred(ctx, t, h.client, d, smallClaimsBar{bar: c.bar, infer: c.infer, simplifiedClosed: c.simplifiedClosed})
		})
	}

	t.Run("本金30000元 + 利息20000元 over ¥47,000: small claims left to a person", func(t *testing.T) {
		f := loanFiling("r30-sum")
		f.Text = "诉讼请求：1.判令被告偿还借款30000元；2.判令被告支付利息20000元（暂计至起诉之日）。事实与理由：被告借款到期未还。"
		d := triageOK(t, ctx, h.client, f)
		if sc := decisionOption(t, d, smallClaims); sc.GetMandatory() || d.GetRecommended() == smallClaims {
			t.Errorf("small claims %v (recommended %v), want it not mandatory", sc, d.GetRecommended())
		}
		if rs := reviewCodesOf(d); !slices.Contains(rs, rules.CodeReviewTextAmount) {
			t.Errorf("review reasons %v lack %s", rs, rules.CodeReviewTextAmount)
		}
	})

	t.Run("near miss: 本金30000元（大写：叁万元整）, small claims mandatory", func(t *testing.T) {
		f := loanFiling("r30-near")
		f.Text = "诉讼请求：1.判令被告偿还借款30000元（大写：叁万元整）。事实与理由：被告借款到期未还，原告之父去向不明。"
		d := triageOK(t, ctx, h.client, f)
		if sc := decisionOption(t, d, smallClaims); !sc.GetMandatory() || !sc.GetAvailable() {
			t.Errorf("small claims %v, want mandatory", sc)
		}
		if rs := reviewCodesOf(d); slices.Contains(rs, rules.CodeReviewTextAmount) {
			t.Errorf("review reasons %v, want no %s", rs, rules.CodeReviewTextAmount)
		}
	})
}
