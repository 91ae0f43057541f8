package server

import (
	"slices"
	"testing"

	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound28Civil triages and records statute round 28's civil
// scenarios through a real server on loopback with a SQLite store and the
// embedded rules (rules/audit_round28_civil_test.go has the full table).
// Until rules 2026-12-04.48 a complaint saying the loan contract was signed
// in Japan kept small claims mandatory, where 民诉法解释第五百二十条第四项
// makes the case foreign-related and 民事诉讼法第一百六十六条第二项 closes
// small claims to it; and "原告将诉讼请求变更为：判令被告支付500000元" was
// read as no change at all (民诉法解释第二百七十八条第一款). A judge's choice
// of small claims for each was recorded without a word.
func TestAuditRound28Civil(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	claims := "诉讼请求：1.判令被告偿还借款30000元；2.诉讼费由被告承担。事实与理由："
	barred := []struct {
		name, text, bar, infer, review string
	}{
		{"在日本签订借款合同", claims + "2023年5月，原、被告在日本签订借款合同。",
			rules.CodeCPL166Foreign, rules.CodeInferForeignFactsFromText, ""},
		{"诉讼请求变更为500000元", claims + "审理中，原告将诉讼请求变更为：判令被告支付500000元。",
			rules.CodeInterp278ChangedOverLimit, "", rules.CodeReviewChangeAfterFilingInText},
	}
	for i, c := range barred {
		t.Run(c.name+": small claims barred, the judge's choice of it refused", func(t *testing.T) {
			f := loanFiling("r28-barred-" + string(rune('1'+i)))
			f.Text = c.text
			d := triageOK(t, ctx, h.client, f)
			checkSmallClaimsBarred(ctx, t, h.client, d, smallClaimsBar{bar: c.bar, infer: c.infer, review: c.review})
		})
	}

	t.Run("near miss: 约定在日本交付, small claims mandatory", func(t *testing.T) {
		f := loanFiling("r28-near")
		f.Text = claims + "双方约定货物在日本交付，但被告至今未发货。"
		d := triageOK(t, ctx, h.client, f)
		if sc := decisionOption(t, d, smallClaims); !sc.GetMandatory() || d.GetRecommended() != smallClaims {
			t.Errorf("small claims %v (recommended %v), want mandatory", sc, d.GetRecommended())
		}
		if is := reasonCodes(d.GetInferences()); slices.Contains(is, rules.CodeInferForeignFactsFromText) {
			t.Errorf("inferences %v, want no %s", is, rules.CodeInferForeignFactsFromText)
		}
	})
}
