package server

import (
	"slices"
	"testing"

	"google.golang.org/grpc/codes"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound22 triages the round-22 filings through a real server on
// loopback with the embedded rules, model and teams
// (rules/audit_round22_test.go has the full tables; docs/statutes.md,
// "Audit (2026-12-04, round 22: open items)"):
//   - a 行赔再 number is an administrative compensation retrial: no simplified
//     procedure (行政诉讼法第八十二条第三款), and a 行赔终 number no first-instance
//     case at all; until rules 2026-12-04.26 neither number was read;
//   - 深圳金融法庭 (an intermediate court's tribunal), 甘肃矿区人民法院 (appeals
//     to the high court) and the PLA's military court (high level), stated
//     basic, are no basic court: no small claims, simplified procedure or
//     fast-track; until rules 2026-12-04.26 the stated level opened them;
//   - a criminal case of group interest filed before 2021-03-01 keeps
//     fast-track open (人民陪审员法第十五条第二款 lets CrPL 183's single judge
//     stand) and is reviewed; until rules 2026-12-04.26 fast-track was barred.
func TestAuditRound22(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	reasonCodes := func(rs []*triagev1.Reason) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.GetCode())
		}
		return out
	}
	unavailable := func(t *testing.T, d *triagev1.Decision, p triagev1.Procedure, code string) {
		t.Helper()
		o := decisionOption(t, d, p)
		if o.GetAvailable() || !slices.Contains(reasonCodes(o.GetReasons()), code) {
			t.Errorf("%v option %v, want it barred by %s", p, o, code)
		}
		if d.GetRecommended() == p {
			t.Errorf("recommended %v, which the law closes", p)
		}
	}

	t.Run("行赔再 number agreed: no simplified procedure, the override refused", func(t *testing.T) {
		f := adminFiling("(2024)辽0102行赔再3号")
		f.Cause, f.Circumstances = "行政赔偿", &triagev1.Circumstances{PartiesAgreeSimplified: true}
		d := triageOK(t, ctx, h.client, f)
		unavailable(t, d, simplified, rules.CodeAdmin82Retrial)
		o := outcome(d, overridden, simplified, "2024-03-05")
		o.LegalBasis, o.PartiesAgree = "行政诉讼法第八十二条第二款", true
		_, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
		checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
	})
	t.Run("行赔终 number: not a first-instance case", func(t *testing.T) {
		f := adminFiling("(2024)辽01行赔终8号")
		f.Court, f.CourtLevel = "沈阳市中级人民法院", triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE
		_, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: f})
		checkStatus(t, err, codes.InvalidArgument, "filing.id", "")
	})
	t.Run("near miss: 行赔初 number ¥1,500: simplified open", func(t *testing.T) {
		f := adminFiling("(2024)辽0102行赔初3号")
		f.Cause, f.ClaimAmountFen, f.Circumstances = "行政赔偿", 150_000, &triagev1.Circumstances{}
		d := triageOK(t, ctx, h.client, f)
		if o := decisionOption(t, d, simplified); !o.GetAvailable() {
			t.Errorf("simplified option %v, want it open (行政诉讼法第八十二条第一款第二项)", o)
		}
	})
	for _, c := range []struct{ court, province string }{
		{"深圳金融法庭", "广东省"}, {"甘肃矿区人民法院", "甘肃省"}, {"中国人民解放军总直属军事法院", "北京市"},
	} {
		t.Run(c.court+" civil stated basic: no small claims", func(t *testing.T) {
			f := loanFiling("fin-" + c.court)
			f.Court, f.Province = c.court, c.province
			d := triageOK(t, ctx, h.client, f)
			unavailable(t, d, smallClaims, rules.CodeCPL165CourtLevel)
			unavailable(t, d, simplified, rules.CodeCPL160CourtLevel)
		})
	}
	t.Run("中国人民解放军军事法院 criminal stated basic: no fast-track", func(t *testing.T) {
		f := criminalFiling("r22-military", true)
		f.Court, f.Province = "中国人民解放军军事法院", "北京市"
		d := triageOK(t, ctx, h.client, f)
		unavailable(t, d, fastTrack, rules.CodeCrPL222CourtLevel)
	})
	t.Run("group interest 2019: fast-track open, reviewed", func(t *testing.T) {
		f := criminalFiling("r22-group-2019", true)
		f.FiledOn, f.Circumstances.GroupInterest = "2019-06-03", true
		d := triageOK(t, ctx, h.client, f)
		if o := decisionOption(t, d, fastTrack); !o.GetAvailable() {
			t.Errorf("fast-track option %v, want it open (人民陪审员法第十五条第二款)", o)
		}
		if !d.GetNeedsReview() || !slices.Contains(reasonCodes(d.GetReviewReasons()), rules.CodeReviewAssessors15Criminal) {
			t.Errorf("review %v %v, want %s", d.GetNeedsReview(), reasonCodes(d.GetReviewReasons()), rules.CodeReviewAssessors15Criminal)
		}
	})
	t.Run("near miss: group interest 2021-03-01: Interp. 213 bars fast-track", func(t *testing.T) {
		f := criminalFiling("r22-group-2021", true)
		f.FiledOn, f.Circumstances.GroupInterest = "2021-03-01", true
		d := triageOK(t, ctx, h.client, f)
		unavailable(t, d, fastTrack, rules.CodeInterp213FastTrackBarred)
	})
}
