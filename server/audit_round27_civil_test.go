package server

import (
	"slices"
	"testing"

	"google.golang.org/grpc/codes"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound27Civil triages and records statute round 27's civil
// scenarios through a real server on loopback with a SQLite store and the
// embedded rules (rules/audit_round27_civil_test.go has the full table).
// Until rules 2026-12-04.43 a complaint whose claims asked for a divorce
// beside a money claim left small claims to a person (a non-money claim),
// where 民事诉讼法第一百六十六条第一项 closes it to 人身关系 cases; a text saying
// the plaintiff had changed the claim to a sum far above the figure left it
// mandatory (民诉法解释第二百七十八条第一款); and a defendant stated to be a
// Hong Kong resident kept it mandatory (第一百六十六条第二项 with 民诉法解释
// 第五百四十九条). A judge's choice of small claims for each was recorded
// without a word.
func TestAuditRound27Civil(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	claims := "诉讼请求：1.判令被告偿还借款30000元；2.诉讼费由被告承担。事实与理由："
	barred := []struct {
		name, cause, text, bar, review string
	}{
		{"判令原告与被告离婚 beside 返还彩礼", "婚约财产纠纷", "诉讼请求：1.判令原告与被告离婚；2.判令被告返还彩礼30000元。事实与理由：双方感情破裂。",
			rules.CodeCPL166PersonalStatus, rules.CodeReviewPersonalStatusInText},
		{"变更诉讼请求为500000元", "民间借贷纠纷", claims + "审理中，原告变更诉讼请求为判令被告偿还借款500000元。",
			rules.CodeInterp278ChangedOverLimit, rules.CodeReviewChangeAfterFilingInText},
		{"被告系香港特别行政区居民", "民间借贷纠纷", claims + "被告系香港特别行政区居民。",
			rules.CodeCPL166Foreign, ""},
	}
	for i, c := range barred {
		t.Run(c.name+": small claims barred, the judge's choice of it refused", func(t *testing.T) {
			f := loanFiling("r27-barred-" + string(rune('1'+i)))
			f.Cause, f.Text = c.cause, c.text
			d := triageOK(t, ctx, h.client, f)
			o := decisionOption(t, d, smallClaims)
			if o.GetAvailable() || !slices.Contains(reasonCodes(o.GetReasons()), c.bar) || d.GetRecommended() == smallClaims {
				t.Errorf("small claims %v (recommended %v), want it barred by %s", o, d.GetRecommended(), c.bar)
			}
			if s := decisionOption(t, d, simplified); !s.GetAvailable() {
				t.Errorf("simplified %v, want it open", s)
			}
			if c.review != "" && !slices.Contains(reasonCodes(d.GetReviewReasons()), c.review) {
				t.Errorf("review reasons %v lack %s", reasonCodes(d.GetReviewReasons()), c.review)
			}
			rec := outcome(d, overridden, smallClaims, "2024-03-06")
			rec.LegalBasis, rec.Reason = "民事诉讼法第一百六十五条", "标的额较小。"
			_, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: rec})
			checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
		})
	}

	t.Run("near miss: 由500000元变更为20000元, small claims mandatory", func(t *testing.T) {
		f := loanFiling("r27-near")
		f.Text = claims + "原告变更诉讼请求，将借款金额由500000元变更为20000元。"
		d := triageOK(t, ctx, h.client, f)
		if sc := decisionOption(t, d, smallClaims); !sc.GetMandatory() || d.GetRecommended() != smallClaims {
			t.Errorf("small claims %v (recommended %v), want mandatory", sc, d.GetRecommended())
		}
		if rs := reasonCodes(d.GetReviewReasons()); !slices.Contains(rs, rules.CodeReviewChangeAfterFilingInText) {
			t.Errorf("review reasons %v, want %s", rs, rules.CodeReviewChangeAfterFilingInText)
		}
	})
}
