package server

import (
	"slices"
	"testing"

	"google.golang.org/grpc/codes"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound24Civil triages and records statute round 24's civil
// scenarios through a real server on loopback with a SQLite store and the
// embedded rules (rules/audit_round24_civil_test.go has the full tables).
// Until rules 2026-12-04.31 a ¥32,593.51 loan filed in 浙江 on 2021-08-02,
// above 30% of the 2020 wage (¥32,593.50; CPL 2017 art. 162 has no
// agreement band), was mandatory small claims on the figure rounded to
// ¥32,594; and a loan whose text said the case had been remanded (发回重审)
// was mandatory small claims, and a judge's choice of small claims or of
// simplified procedure for it was recorded without a word (民诉法解释第二百
// 五十七条第二项 closes both).
func TestAuditRound24Civil(t *testing.T) {
	h, _, ctx := startDefaultServer(t)

	t.Run("浙江 2021-08-02 ¥32,593.51: above 30% of the wage, no small claims", func(t *testing.T) {
		f := loanFiling("r24-limit-1")
		f.Province, f.Court, f.FiledOn, f.ClaimAmountFen = "浙江省", "温州市鹿城区人民法院", "2021-08-02", 3259351
		f.Text = "诉讼请求：1.判令被告偿还借款32593.51元；2.诉讼费由被告承担。事实与理由：被告于2021年1月向原告借款，到期未还。"
		d := triageOK(t, ctx, h.client, f)
		sc := decisionOption(t, d, smallClaims)
		if sc.GetAvailable() || !slices.Contains(reasonCodes(sc.GetReasons()), rules.CodeCPL162OverLimit) || d.GetRecommended() == smallClaims {
			t.Errorf("small claims %v (recommended %v), want it barred by %s", sc, d.GetRecommended(), rules.CodeCPL162OverLimit)
		}
		if got := d.GetSmallClaimsLimit().GetMandatoryLimitFen(); got != 3259350 {
			t.Errorf("limit shown %d fen, want the share, 3259350", got)
		}
	})

	remandText := "诉讼请求：1.判令被告偿还借款30000元及利息；2.诉讼费由被告承担。事实与理由：本案经沈阳市中级人民法院裁定撤销原判，发回重审。"
	for i, p := range []triagev1.Procedure{smallClaims, simplified} {
		t.Run("text 发回重审: "+p.String()+" barred, the judge's choice of it refused", func(t *testing.T) {
			f := loanFiling("r24-remand-" + string(rune('1'+i)))
			f.Text = remandText
			d := triageOK(t, ctx, h.client, f)
			o := decisionOption(t, d, p)
			if o.GetAvailable() || !slices.Contains(reasonCodes(o.GetReasons()), rules.CodeInterp257Remanded) || d.GetRecommended() == p {
				t.Errorf("%v option %v (recommended %v), want it barred by %s", p, o, d.GetRecommended(), rules.CodeInterp257Remanded)
			}
			if !slices.Contains(reasonCodes(d.GetReviewReasons()), rules.CodeReviewRemandedInTextCivil) {
				t.Errorf("review reasons %v lack %s", reasonCodes(d.GetReviewReasons()), rules.CodeReviewRemandedInTextCivil)
			}
			rec := outcome(d, overridden, p, "2024-03-06")
			rec.LegalBasis, rec.Reason = "民事诉讼法第一百六十条", "案件事实清楚。"
			_, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: rec})
			checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
		})
	}

	t.Run("near miss: 发回 of goods, small claims mandatory", func(t *testing.T) {
		f := loanFiling("r24-remand-near")
		f.Text = "诉讼请求：1.判令被告偿还货款30000元；2.诉讼费由被告承担。事实与理由：原告将不合格货物发回被告处，被告未退款。"
		d := triageOK(t, ctx, h.client, f)
		if sc := decisionOption(t, d, smallClaims); !sc.GetMandatory() || d.GetRecommended() != smallClaims {
			t.Errorf("small claims %v (recommended %v), want mandatory", sc, d.GetRecommended())
		}
	})
}
