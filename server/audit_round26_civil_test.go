package server

import (
	"slices"
	"testing"

	"google.golang.org/grpc/codes"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound26Civil triages and records statute round 26's civil
// scenarios through a real server on loopback with a SQLite store and the
// embedded rules (rules/audit_round26_civil_test.go has the full table).
// Until rules 2026-12-04.40 a loan whose text said the defendant had asked
// the court to order the plaintiff to pay (a counterclaim told without
// 反诉), or whose claims asked to confirm that a car was the plaintiff's
// (财产确权), was mandatory small claims, and a judge's choice of small
// claims for it was recorded without a word (民事诉讼法第一百六十六条第一项、
// 第五项 close it); a text saying the defendant denied the loan left the
// case unreviewed (民诉法解释第二百五十六条: 争议不大 is the court's to find).
func TestAuditRound26Civil(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	claims := "诉讼请求：1.判令被告偿还借款30000元；2.诉讼费由被告承担。事实与理由："
	barred := []struct {
		name, text, bar, review string
	}{
		{"被告请求判令原告: small claims", claims + "被告向本院提出诉讼请求：判令原告返还押金2000元。",
			rules.CodeCPL166Counterclaim, rules.CodeReviewCounterclaimInText},
		{"确认…归原告所有: small claims", "诉讼请求：1.确认车牌号为辽A12345的小型轿车归原告所有；2.判令被告支付使用费30000元。事实与理由：原告出资购车。",
			rules.CodeCPL166PropertyRights, rules.CodeReviewPropertyConfirmationInText},
	}
	for i, c := range barred {
		t.Run(c.name+" barred, the judge's choice of it refused", func(t *testing.T) {
			f := loanFiling("r26-barred-" + string(rune('1'+i)))
			f.Text = c.text
			d := triageOK(t, ctx, h.client, f)
			o := decisionOption(t, d, smallClaims)
			if o.GetAvailable() || !slices.Contains(reasonCodes(o.GetReasons()), c.bar) || d.GetRecommended() == smallClaims {
				t.Errorf("small claims %v (recommended %v), want it barred by %s", o, d.GetRecommended(), c.bar)
			}
			if s := decisionOption(t, d, simplified); !s.GetAvailable() {
				t.Errorf("simplified %v, want it open", s)
			}
			if !slices.Contains(reasonCodes(d.GetReviewReasons()), c.review) {
				t.Errorf("review reasons %v lack %s", reasonCodes(d.GetReviewReasons()), c.review)
			}
			rec := outcome(d, overridden, smallClaims, "2024-03-06")
			rec.LegalBasis, rec.Reason = "民事诉讼法第一百六十五条", "标的额较小。"
			_, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: rec})
			checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
		})
	}

	t.Run("被告否认借款事实: reviewed, small claims still mandatory", func(t *testing.T) {
		f := loanFiling("r26-denial")
		f.Text = claims + "原告多次催要，被告否认借款事实。"
		d := triageOK(t, ctx, h.client, f)
		if sc := decisionOption(t, d, smallClaims); !sc.GetMandatory() {
			t.Errorf("small claims %v, want mandatory", sc)
		}
		if !d.GetNeedsReview() || !slices.Contains(reasonCodes(d.GetReviewReasons()), rules.CodeReviewDefendantDeniesInText) {
			t.Errorf("review %v, reasons %v, want %s", d.GetNeedsReview(), reasonCodes(d.GetReviewReasons()), rules.CodeReviewDefendantDeniesInText)
		}
	})

	t.Run("near miss: 被告要求原告 before the suit, small claims mandatory", func(t *testing.T) {
		f := loanFiling("r26-near")
		f.Text = claims + "被告曾要求原告在网上为其贷款，后借款30000元到期未还。"
		d := triageOK(t, ctx, h.client, f)
		if sc := decisionOption(t, d, smallClaims); !sc.GetMandatory() || d.GetRecommended() != smallClaims {
			t.Errorf("small claims %v (recommended %v), want mandatory", sc, d.GetRecommended())
		}
		if rs := reasonCodes(d.GetReviewReasons()); slices.Contains(rs, rules.CodeReviewCounterclaimInText) {
			t.Errorf("review reasons %v, want no %s", rs, rules.CodeReviewCounterclaimInText)
		}
	})
}
