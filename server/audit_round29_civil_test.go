package server

import (
	"slices"
	"testing"

	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound29Civil triages and records statute round 29's civil
// scenarios through a real server on loopback with a SQLite store and the
// embedded rules (rules/audit_round29_civil_test.go has the full table).
// Until rules 2026-12-05.61 a complaint saying the plaintiff bought the
// thing in Japan, or that the defendant has settled in Canada, or a cause
// written 涉外民间借贷纠纷, kept small claims mandatory, where 民诉法解释第五百
// 二十条 (第二项、第四项 for the first two) makes the case
// foreign-related and 民事诉讼法第一百六十六条第二项 closes small claims to
// it; and a ¥30,000 claim increased by ¥30,000 was compared with 辽宁's
// ¥47,000 as ¥30,000 (民诉法解释第二百七十八条第一款 with 第一百六十五条).
// A judge's choice of small claims for each was recorded without a word.
func TestAuditRound29Civil(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	claims := "诉讼请求：1.判令被告偿还借款30000元；2.诉讼费由被告承担。事实与理由："
	barred := []struct {
		name, text, bar, infer, review string
	}{
		{"在日本购买", claims + "2023年5月，原告在日本购买被告销售的手表，支付价款30000元。",
			rules.CodeCPL166Foreign, rules.CodeInferForeignFactsFromText, ""},
		{"被告已定居加拿大", claims + "被告借款30000元后已定居加拿大。",
			rules.CodeCPL166Foreign, rules.CodeInferForeignFromText, ""},
		{"案由写作涉外民间借贷纠纷", claims + "被告借款30000元到期未还。",
			rules.CodeCPL166Foreign, rules.CodeInferForeignCaseStated, ""},
		{"增加诉讼请求30000元 (¥60,000 in all)", claims + "被告借款30000元到期未还。审理中，原告增加诉讼请求，要求被告支付违约金30000元。",
			rules.CodeInterp278ChangedOverLimit, "", rules.CodeReviewChangeAfterFilingInText},
	}
	for i, c := range barred {
		t.Run(c.name+": small claims barred, the judge's choice of it refused", func(t *testing.T) {
			f := loanFiling("r29-barred-" + string(rune('1'+i)))
			f.Text = c.text
			if c.infer == rules.CodeInferForeignCaseStated {
				f.Cause = "涉外民间借贷纠纷"
			}
			d := triageOK(t, ctx, h.client, f)
			checkSmallClaimsBarred(ctx, t, h.client, d, smallClaimsBar{bar: c.bar, infer: c.infer, review: c.review})
		})
	}

	near := []struct{ name, text string }{
		{"在日本料理店购买 (a restaurant at home)", claims + "原告在日本料理店购买被告发售的餐券30000元。"},
		{"增加诉讼请求至40000元 (a total within)", claims + "被告借款30000元到期未还。审理中，原告将诉讼请求增加至40000元。"},
	}
	for i, c := range near {
		t.Run("near miss: "+c.name+", small claims mandatory", func(t *testing.T) {
			f := loanFiling("r29-near-" + string(rune('1'+i)))
			f.Text = c.text
			d := triageOK(t, ctx, h.client, f)
			if sc := decisionOption(t, d, smallClaims); !sc.GetMandatory() || !sc.GetAvailable() {
				t.Errorf("small claims %v, want mandatory", sc)
			}
			if is := reasonCodes(d.GetInferences()); slices.Contains(is, rules.CodeInferForeignFactsFromText) {
				t.Errorf("inferences %v, want no %s", is, rules.CodeInferForeignFactsFromText)
			}
		})
	}
}
