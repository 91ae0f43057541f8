package server

import (
	"slices"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"google.golang.org/grpc/codes"
)

// TestAuditRound31 sends a round-31 filing through a real server on
// loopback with a SQLite store and the embedded rules, model and teams
// (rules/audit_round31_test.go has the full table): an indictment whose
// text states the one defendant dead. 刑事诉讼法第十六条第五项 and 第二百九十七条
// 第一款 end his trial (裁定终止审理), so neither fast-track nor simplified
// procedure is open, the death is reviewed, ordinary is recommended, and
// recording simplified procedure is refused. Near miss: a victim's death
// the defendant caused (被告人王某驾车致被害人张某死亡) closes nothing.
func TestAuditRound31(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t)})
	ctx := testContext(t)
	const (
		open   = triagev1.Availability_AVAILABILITY_AVAILABLE
		closed = triagev1.Availability_AVAILABILITY_UNAVAILABLE
		// Literals, so that the test compiles (and fails) without the change.
		deadBar    = "CRPL16_DEFENDANT_DEAD"
		deadReview = "REVIEW_DEFENDANT_DEAD_IN_TEXT"
		excluded   = "PROCEDURE_EXCLUDED"
	)

	t.Run("被告人已死亡 in the text: neither simpler procedure, reviewed, recording simplified refused", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, criminalWithText("(2024)辽0102刑初3101号", "被告人王某于2024年2月1日在羁押期间因病死亡。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: closed, simplified: closed, ordinary: open})
		if d.GetRecommended() != ordinary {
			t.Errorf("recommended %s, want ordinary", d.GetRecommended())
		}
		for _, p := range []triagev1.Procedure{fastTrack, simplified} {
			if o := decisionOption(t, d, p); !slices.ContainsFunc(o.GetReasons(), func(r *triagev1.Reason) bool { return r.GetCode() == deadBar }) {
				t.Errorf("%s reasons %v lack %s", p, reasonCodes(o.GetReasons()), deadBar)
			}
		}
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), deadReview) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), deadReview)
		}
		o := outcome(d, overridden, simplified, "2024-03-06")
		o.LegalBasis = "刑事诉讼法第二百一十四条"
		checkStatus(t, recordOutcome(ctx, h.client, o), codes.FailedPrecondition, "", excluded)
	})
	t.Run("near miss: 被告人王某驾车致被害人张某死亡", func(t *testing.T) {
		d := triageOK(t, ctx, h.client, criminalWithText("(2024)辽0102刑初3102号", "被告人王某驾车致被害人张某死亡，认罪认罚。"))
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: open, simplified: open, ordinary: open})
		if slices.Contains(reviewCodesOf(d), deadReview) {
			t.Errorf("review %v holds %s", reviewCodesOf(d), deadReview)
		}
	})
}
