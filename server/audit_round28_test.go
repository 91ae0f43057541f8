package server

import (
	"slices"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestAuditRound28 sends round-28 filings through a real server on loopback
// with a SQLite store and the embedded rules, model and teams
// (rules/audit_round28_test.go has the full tables):
//   - a defendant who consents to fast-track and objects to simplified
//     procedure: fast-track stays open (刑事诉讼法第二百二十三条 lists no
//     objection to 简易程序), simplified procedure closes (第二百一十四条第一款第
//     三项), the conflict is reviewed, and recording fast-track is accepted;
//   - a 复议 complaint whose original organ is a 县级以上地方人民政府 at a basic
//     court is reviewed for 行政诉讼法第十五条第一项 (行诉法解释第一百三十四条第三款).
func TestAuditRound28(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t)})
	ctx := testContext(t)
	const (
		open   = triagev1.Availability_AVAILABILITY_AVAILABLE
		closed = triagev1.Availability_AVAILABILITY_UNAVAILABLE
		// Literals, so that the test compiles (and fails) without the change.
		conflict = "REVIEW_PROCEDURE_WISHES_CONFLICT"
		all15    = "REVIEW_ALL15_GOVERNMENT_DEFENDANT"
	)

	t.Run("consents to fast-track, objects to simplified: open, reviewed, recording accepted", func(t *testing.T) {
		f := criminalFiling("(2024)辽0102刑初2801号", true)
		f.Circumstances.ObjectsSimplified = true
		d := triageOK(t, ctx, h.client, f)
		checkOpenProcedures(t, d, map[triagev1.Procedure]triagev1.Availability{fastTrack: open, simplified: closed, ordinary: open})
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), conflict) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), conflict)
		}
		change := confirmed
		if d.GetRecommended() != fastTrack {
			change = overridden
		}
		o := outcome(d, change, fastTrack, "2024-03-06")
		o.LegalBasis = "刑事诉讼法第二百二十二条"
		if _, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o}); err != nil {
			t.Fatalf("recording fast-track: %v", err)
		}
	})
	t.Run("复议维持, original organ a district government: ALL 15(1) reviewed", func(t *testing.T) {
		f := adminFiling("(2024)辽0102行初2801号")
		f.Cause, f.Circumstances = "行政征收", &triagev1.Circumstances{}
		f.Text = "被告沈阳市和平区人民政府作出房屋征收决定，原告不服，向沈阳市人民政府申请行政复议，沈阳市人民政府作出复议决定维持。"
		d := triageOK(t, ctx, h.client, f)
		if !d.GetNeedsReview() || !slices.Contains(reviewCodesOf(d), all15) {
			t.Errorf("needs_review %v, review %v; want %s", d.GetNeedsReview(), reviewCodesOf(d), all15)
		}
	})
}
