package server

import (
	"slices"
	"testing"

	"google.golang.org/grpc/codes"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound25Civil triages and records statute round 25's civil
// scenarios through a real server on loopback with a SQLite store and the
// embedded rules (rules/audit_round25_civil_test.go has the full table).
// Until rules 2026-12-04.36 a loan whose text said this case was retried
// under 审判监督程序, or whose claims asked to set aside an effective
// judgment (第三人撤销之诉), was mandatory small claims, and a judge's choice
// of small claims or simplified procedure for it was recorded without a
// word (民诉法解释第二百五十七条第四项、第六项 close both); a loan whose text
// said the defendant had counterclaimed was mandatory small claims (民事诉讼
// 法第一百六十六条第五项 closes it).
func TestAuditRound25Civil(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	barred := []struct {
		name, text, bar, review string
		p                       triagev1.Procedure
	}{
		{"审判监督程序: small claims", "诉讼请求：1.判令被告偿还借款30000元；2.诉讼费由被告承担。事实与理由：本院按照审判监督程序对本案进行再审。",
			rules.CodeInterp257Retrial, rules.CodeReviewRetrialInTextCivil, smallClaims},
		{"审判监督程序: simplified", "诉讼请求：1.判令被告偿还借款30000元；2.诉讼费由被告承担。事实与理由：温州市中级人民法院裁定指令本院再审本案。",
			rules.CodeInterp257Retrial, rules.CodeReviewRetrialInTextCivil, simplified},
		{"第三人撤销之诉: simplified", "诉讼请求：1.撤销沈阳市和平区人民法院（2023）辽0102民初88号民事判决第二项；2.诉讼费由被告承担。事实与理由：原告未参加前案诉讼，该判决损害原告的民事权益。",
			rules.CodeInterp257ThirdPartyRevoke, rules.CodeReviewThirdPartyRevocationInText, simplified},
	}
	for i, c := range barred {
		t.Run(c.name+" barred, the judge's choice of it refused", func(t *testing.T) {
			f := loanFiling("r25-barred-" + string(rune('1'+i)))
			f.Text = c.text
			d := triageOK(t, ctx, h.client, f)
			o := decisionOption(t, d, c.p)
			if o.GetAvailable() || !slices.Contains(reasonCodes(o.GetReasons()), c.bar) || d.GetRecommended() == c.p {
				t.Errorf("%v option %v (recommended %v), want it barred by %s", c.p, o, d.GetRecommended(), c.bar)
			}
			if !slices.Contains(reasonCodes(d.GetReviewReasons()), c.review) {
				t.Errorf("review reasons %v lack %s", reasonCodes(d.GetReviewReasons()), c.review)
			}
			rec := outcome(d, overridden, c.p, "2024-03-06")
			rec.LegalBasis, rec.Reason = "民事诉讼法第一百六十条", "案件事实清楚。"
			_, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: rec})
			checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
		})
	}

	t.Run("反诉: small claims barred, simplified open", func(t *testing.T) {
		f := loanFiling("r25-counterclaim")
		f.Text = "诉讼请求：1.判令被告偿还借款30000元；2.诉讼费由被告承担。事实与理由：被告在答辩期内提出反诉，要求原告返还押金2000元。"
		d := triageOK(t, ctx, h.client, f)
		if sc := decisionOption(t, d, smallClaims); sc.GetAvailable() || !slices.Contains(reasonCodes(sc.GetReasons()), rules.CodeCPL166Counterclaim) {
			t.Errorf("small claims %v, want it barred by %s", sc, rules.CodeCPL166Counterclaim)
		}
		if s := decisionOption(t, d, simplified); !s.GetAvailable() {
			t.Errorf("simplified %v, want it open", s)
		}
	})

	t.Run("near miss: 被告称将提起反诉, small claims mandatory", func(t *testing.T) {
		f := loanFiling("r25-near")
		f.Text = "诉讼请求：1.判令被告偿还借款30000元；2.诉讼费由被告承担。事实与理由：被告到期未还，被告称将提起反诉。"
		d := triageOK(t, ctx, h.client, f)
		if sc := decisionOption(t, d, smallClaims); !sc.GetMandatory() || d.GetRecommended() != smallClaims {
			t.Errorf("small claims %v (recommended %v), want mandatory", sc, d.GetRecommended())
		}
		if slices.Contains(reasonCodes(d.GetReviewReasons()), rules.CodeReviewCounterclaimInText) {
			t.Errorf("review reasons %v, want no %s", reasonCodes(d.GetReviewReasons()), rules.CodeReviewCounterclaimInText)
		}
	})
}
