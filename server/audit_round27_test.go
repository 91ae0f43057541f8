package server

import (
	"slices"
	"strings"
	"testing"

	"google.golang.org/grpc/codes"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound27 sends round-27 filings through a real server on loopback
// with a SQLite store and the embedded rules, model and teams
// (rules/audit_round27_criminal_test.go and audit_round27_admin_test.go have
// the full tables):
//   - 被告人王某明知张某系未成年人 is another person's minority: fast-track stays
//     open (刑事诉讼法第二百二十三条第二项 is the defendant's own), nothing is
//     reviewed, and recording fast-track is accepted; 被告人张某系未成年人 still
//     closes it;
//   - 被告人…撤回认罪认罚具结书 closes fast-track (第二百二十二条), reviewed, and
//     recording fast-track is refused;
//   - an administrative complaint stating 罚款2,500元 beside an amount field of
//     ¥1,500 no longer counts 行政诉讼法第八十二条第一款第二项.
func TestAuditRound27(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t)})
	ctx := testContext(t)
	const (
		open   = triagev1.Availability_AVAILABILITY_AVAILABLE
		closed = triagev1.Availability_AVAILABILITY_UNAVAILABLE
		// Literals, so that the test compiles (and fails) without the change.
		minorInText = "REVIEW_MINOR_DEFENDANT_IN_TEXT"
		withdrawn   = "REVIEW_PLEA_WITHDRAWN_IN_TEXT"
		textAmount  = "REVIEW_ADMIN_TEXT_AMOUNT"
	)

	t.Run("明知张某系未成年人: fast-track open, recording it accepted", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, criminalWithText("(2024)辽0102刑初2701号", "被告人王某明知张某系未成年人，仍向其出售香烟，后醉酒驾驶机动车。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: open, simplified: open, ordinary: open})
		if slices.Contains(reviewCodesOf(d), minorInText) {
			t.Errorf("review %v has %s", reviewCodesOf(d), minorInText)
		}
		change := confirmed
		if d.GetRecommended() != fastTrack {
			change = overridden
		}
		o := outcome(d, change, fastTrack, "2024-03-06")
		o.LegalBasis = "刑事诉讼法第二百二十二条"
		if err := recordOutcome(ctx, h.client, o); err != nil {
			t.Fatalf("recording fast-track: %v", err)
		}
	})
	t.Run("被告人张某系未成年人: fast-track still closed", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, criminalWithText("(2024)辽0102刑初2702号", "被告人张某系未成年人，醉酒驾驶机动车在道路上行驶。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: open, ordinary: open})
		if !slices.Contains(reviewCodesOf(d), minorInText) {
			t.Errorf("review %v lacks %s", reviewCodesOf(d), minorInText)
		}
	})
	t.Run("撤回认罪认罚具结书: no fast-track, recording it refused", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, criminalWithText("(2024)辽0102刑初2703号", "被告人王某醉酒驾驶机动车，后撤回认罪认罚具结书。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: open, ordinary: open})
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), withdrawn) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), withdrawn)
		}
		o := outcome(d, overridden, fastTrack, "2024-03-06")
		o.LegalBasis = "刑事诉讼法第二百二十二条"
		st := checkStatus(t, recordOutcome(ctx, h.client, o), codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
		if !strings.Contains(st.Message(), rules.CodeCrPL222NoAcceptance) {
			t.Errorf("refusal %q does not name %s", st.Message(), rules.CodeCrPL222NoAcceptance)
		}
	})
	t.Run("administrative, field ¥1,500, text 罚款2,500元: no simplified procedure", func(t *testing.T) {
		f := adminFiling("(2024)辽0102行初2701号")
		f.Cause, f.ClaimAmountFen, f.Text = "行政处罚", 150_000, "请求撤销被告作出的罚款2,500元的处罚决定。"
		f.Circumstances = &triagev1.Circumstances{}
		d := triageOK(t, ctx, h.client, f)
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{simplified: closed, ordinary: open})
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), textAmount) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), textAmount)
		}
	})
}
