package server

import (
	"slices"
	"strings"
	"testing"

	"google.golang.org/grpc/codes"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound24 sends round-24 filings through a real server on loopback
// with a SQLite store and the embedded rules, model and teams
// (rules/audit_round24_criminal_test.go and audit_round24_admin_test.go have
// the full tables):
//   - a 2015 filing at a pilot court (北京) whose indictment recommends 有期
//     徒刑一年六个月 beside a field of ten months passes the 2014 pilot's cap of
//     一年以下, so the pilot's fast-track is closed and recording it is refused;
//     until rules 2026-12-04.32 only the field was read;
//   - an administrative complaint stating 撤销原判，发回重审 closes simplified
//     procedure (行政诉讼法第八十二条第三款) whatever the parties agree, and
//     the choice of it with their agreement is refused; until rules
//     2026-12-04.32 the remand in an administrative text was not read;
//   - the near miss: 驳回上诉，维持原判 leaves the agreement's simplified
//     procedure open.
func TestAuditRound24(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t)})
	ctx := testContext(t)
	const (
		open   = triagev1.Availability_AVAILABILITY_AVAILABLE
		closed = triagev1.Availability_AVAILABILITY_UNAVAILABLE
		// Literals, so that the test compiles (and fails) without the change.
		adminRemanded = "REVIEW_ADMIN_REMANDED_IN_TEXT"
	)

	t.Run("2015 pilot case recommended 一年六个月: no fast-track", func(t *testing.T) {
		f := criminalFiling("(2015)海刑初24001号", true)
		f.Court, f.Province, f.FiledOn, f.Cause = "北京市海淀区人民法院", "北京市", "2015-03-02", "盗窃罪"
		f.Circumstances.RecommendedSentenceMonths = 10
		f.Text = "公诉机关建议判处被告人王某有期徒刑一年六个月。"
		d := triageOK(t, ctx, h.client, f)
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: open, ordinary: open})
		if o := decisionOption(t, d, fastTrack); !slices.ContainsFunc(o.GetReasons(), func(r *triagev1.Reason) bool { return r.GetCode() == rules.CodePilot2014Over1Y }) {
			t.Errorf("fast-track reasons %v lack %s", o.GetReasons(), rules.CodePilot2014Over1Y)
		}
		o := outcome(d, overridden, fastTrack, "2015-03-03")
		o.LegalBasis = "关于在部分地区开展刑事案件速裁程序试点工作的办法"
		checkStatus(t, recordOutcome(ctx, h.client, o), codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
	})

	adminCase := func(id, text string) *triagev1.Filing {
		f := adminFiling(id)
		f.Cause, f.ClaimAmountFen, f.Text = "行政处罚", 500_000, text
		f.Circumstances = &triagev1.Circumstances{PartiesAgreeSimplified: true}
		return f
	}
	t.Run("administrative complaint stating 发回重审, agreed: no simplified procedure", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, adminCase("(2024)辽0102行初2401号", "本案经沈阳市中级人民法院二审，裁定撤销原判，发回重审。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{simplified: closed, ordinary: open})
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), adminRemanded) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), adminRemanded)
		}
		o := outcome(d, overridden, simplified, "2024-03-05")
		o.LegalBasis, o.PartiesAgree = "行政诉讼法第八十二条第二款", true
		st := checkStatus(t, recordOutcome(ctx, h.client, o), codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
		if !strings.Contains(st.Message(), rules.CodeAdmin82Remanded) {
			t.Errorf("refusal %q does not name %s", st.Message(), rules.CodeAdmin82Remanded)
		}
	})
	t.Run("near miss: 驳回上诉，维持原判, agreed", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, adminCase("(2024)辽0102行初2402号", "二审法院判决驳回上诉，维持原判。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{simplified: open, ordinary: open})
		if slices.Contains(reviewCodesOf(d), adminRemanded) {
			t.Errorf("review %v has %s", reviewCodesOf(d), adminRemanded)
		}
	})
}
