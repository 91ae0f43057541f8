package server

import (
	"slices"
	"strings"
	"testing"

	"google.golang.org/grpc/codes"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound25 sends round-25 filings through a real server on loopback
// with a SQLite store and the embedded rules, model and teams
// (rules/audit_round25_criminal_test.go and audit_round25_admin_test.go have
// the full tables):
//   - an indictment stating 附带民事诉讼…经调解未果 closes fast-track (刑事诉讼法
//     第二百二十三条第五项) and recording fast-track is refused; until rules
//     2026-12-04.37 any 调解 in the text read as a settlement;
//   - an administrative complaint marked as agreed whose text states 被告不同意
//     适用简易程序 closes simplified procedure (行政诉讼法第八十二条第二款: 各方),
//     and recording it without an agreement is refused;
//   - a 国务院部门 defendant at a basic court is reviewed (行政诉讼法第十五条第一
//     项) and nothing closes;
//   - the near miss: 已达成调解协议 leaves fast-track open.
func TestAuditRound25(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t)})
	ctx := testContext(t)
	const (
		open   = triagev1.Availability_AVAILABILITY_AVAILABLE
		closed = triagev1.Availability_AVAILABILITY_UNAVAILABLE
		// Literals, so that the test compiles (and fails) without the change.
		objection  = "REVIEW_ADMIN_OBJECTION_IN_TEXT"
		civilClaim = "REVIEW_CIVIL_CLAIM_IN_TEXT"
		ministry   = "REVIEW_ALL15_GOVERNMENT_DEFENDANT"
	)
	adminCase := func(id, text string) *triagev1.Filing {
		f := adminFiling(id)
		f.Cause, f.ClaimAmountFen, f.Text = "行政处罚", 500_000, text
		f.Circumstances = &triagev1.Circumstances{PartiesAgreeSimplified: true}
		return f
	}

	t.Run("附带民事诉讼 经调解未果: no fast-track", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, criminalWithText("(2024)辽0102刑初2501号", "被告人醉酒驾驶机动车撞伤被害人李某。被害人李某提起附带民事诉讼，经调解未果。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: open, ordinary: open})
		if !slices.Contains(reviewCodesOf(d), civilClaim) {
			t.Errorf("review %v lacks %s", reviewCodesOf(d), civilClaim)
		}
		o := outcome(d, overridden, fastTrack, "2024-03-06")
		o.LegalBasis = "刑事诉讼法第二百二十二条"
		st := checkStatus(t, recordOutcome(ctx, h.client, o), codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
		if !strings.Contains(st.Message(), rules.CodeCrPL223NoSettlement) {
			t.Errorf("refusal %q does not name %s", st.Message(), rules.CodeCrPL223NoSettlement)
		}
	})
	t.Run("near miss: 已达成调解协议, fast-track open", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, criminalWithText("(2024)辽0102刑初2502号", "被告人醉酒驾驶机动车撞伤被害人李某。被害人李某提起附带民事诉讼，双方已达成调解协议。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: open, simplified: open, ordinary: open})
		if slices.Contains(reviewCodesOf(d), civilClaim) {
			t.Errorf("review %v has %s", reviewCodesOf(d), civilClaim)
		}
	})
	t.Run("administrative, agreed, 被告不同意适用简易程序: no simplified procedure", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, adminCase("(2024)辽0102行初2501号", "诉讼请求：撤销处罚决定。被告不同意适用简易程序。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{simplified: closed, ordinary: open})
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), objection) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), objection)
		}
		// Recorded without the agreement: refused. An outcome recording
		// the parties' agreement, reached after filing, would stand.
		o := outcome(d, overridden, simplified, "2024-03-05")
		o.LegalBasis = "行政诉讼法第八十二条第二款"
		st := checkStatus(t, recordOutcome(ctx, h.client, o), codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
		if !strings.Contains(st.Message(), rules.CodeAdmin82NotQualified) {
			t.Errorf("refusal %q does not name %s", st.Message(), rules.CodeAdmin82NotQualified)
		}
	})
	// Statute round 32: the basic court transfers the case (行政诉讼法第二十二
	// 条), so simplified procedure is closed there as well as reviewed.
	t.Run("administrative, a ministry defendant at a basic court: reviewed, simplified closed", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, adminCase("(2024)辽0102行初2502号", "请求撤销被告中华人民共和国商务部作出的处罚决定。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{simplified: closed, ordinary: open})
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), ministry) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), ministry)
		}
	})
}
