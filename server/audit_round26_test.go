package server

import (
	"slices"
	"strings"
	"testing"

	"google.golang.org/grpc/codes"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound26 sends round-26 filings through a real server on loopback
// with a SQLite store and the embedded rules, model and teams
// (rules/audit_round26_criminal_test.go and audit_round26_admin_test.go have
// the full tables):
//   - an indictment stating 被告人…年仅十七周岁 closes fast-track (刑事诉讼法第二百
//     二十三条第二项) and recording fast-track is refused;
//   - an administrative complaint whose amount field is ¥1,500 and whose text
//     states 罚款5000元 no longer counts 行政诉讼法第八十二条第一款第二项, and
//     recording simplified procedure on it is refused;
//   - 被告市场监管总局 at a basic court is reviewed (行政诉讼法第十五条第一项)
//     and, since statute round 32, has simplified procedure closed;
//   - the near miss: a victim 年仅十四周岁 leaves fast-track open.
func TestAuditRound26(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t)})
	ctx := testContext(t)
	const (
		open   = triagev1.Availability_AVAILABILITY_AVAILABLE
		closed = triagev1.Availability_AVAILABILITY_UNAVAILABLE
		// Literals, so that the test compiles (and fails) without the change.
		minorInText = "REVIEW_MINOR_DEFENDANT_IN_TEXT"
		textAmount  = "REVIEW_ADMIN_TEXT_AMOUNT"
		ministry    = "REVIEW_ALL15_GOVERNMENT_DEFENDANT"
	)
	adminCase := func(id string, fen int64, text string) *triagev1.Filing {
		f := adminFiling(id)
		f.Cause, f.ClaimAmountFen, f.Text = "行政处罚", fen, text
		f.Circumstances = &triagev1.Circumstances{}
		return f
	}

	t.Run("被告人年仅十七周岁: no fast-track", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, criminalWithText("(2024)辽0102刑初2601号", "被告人王某，男，年仅十七周岁，醉酒驾驶机动车在道路上行驶。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: open, ordinary: open})
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), minorInText) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), minorInText)
		}
		o := outcome(d, overridden, fastTrack, "2024-03-06")
		o.LegalBasis = "刑事诉讼法第二百二十二条"
		st := checkStatus(t, recordOutcome(ctx, h.client, o), codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
		if !strings.Contains(st.Message(), rules.CodeCrPL223Minor) {
			t.Errorf("refusal %q does not name %s", st.Message(), rules.CodeCrPL223Minor)
		}
	})
	t.Run("near miss: 被害人年仅十四周岁, fast-track open", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, criminalWithText("(2024)辽0102刑初2602号", "被告人王某醉酒驾驶机动车撞伤被害人李某，被害人李某年仅十四周岁。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: open, simplified: open, ordinary: open})
		if slices.Contains(reviewCodesOf(d), minorInText) {
			t.Errorf("review %v has %s", reviewCodesOf(d), minorInText)
		}
	})
	t.Run("administrative, field ¥1,500, text 罚款5000元: no simplified procedure", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, adminCase("(2024)辽0102行初2601号", 150_000, "请求撤销被告作出的罚款5000元的处罚决定。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{simplified: closed, ordinary: open})
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), textAmount) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), textAmount)
		}
		o := outcome(d, overridden, simplified, "2024-03-05")
		o.LegalBasis = "行政诉讼法第八十二条第一款第二项"
		st := checkStatus(t, recordOutcome(ctx, h.client, o), codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
		if !strings.Contains(st.Message(), rules.CodeAdmin82NotQualified) {
			t.Errorf("refusal %q does not name %s", st.Message(), rules.CodeAdmin82NotQualified)
		}
	})
	// Statute round 32: and closed at the basic court (行政诉讼法第二十二条).
	t.Run("administrative, 被告市场监管总局 at a basic court: reviewed, simplified closed", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, adminCase("(2024)辽0102行初2602号", 150_000, "请求撤销被告市场监管总局作出的罚款1500元的处罚决定。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{simplified: closed, ordinary: open})
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), ministry) || slices.Contains(reviewCodesOf(d), textAmount) {
			t.Errorf("needs_review %v, review %v; want %s and not %s", d.GetNeedsReview(), reviewCodesOf(d), ministry, textAmount)
		}
	})
}
