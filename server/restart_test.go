package server

import (
	"testing"

	"google.golang.org/grpc/codes"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestTimeLimitRestarts records restarts of the criminal time limit (CrPL
// 208 ¶2–3, 241; 刑诉法解释第二百零九条) through a real server on loopback:
// the due date runs from the restart, an outcome that keeps the clock (a
// panel) counts from it, the restart is stored and chained like any outcome,
// a remand (new panel, CrPL 239) takes the case off the 速裁团队, and every
// refusal comes back with its code. rules/restart_test.go has the tables.
func TestTimeLimitRestarts(t *testing.T) {
	h, st, ctx := startDefaultServer(t)

	const (
		restarted = triagev1.ChangeKind_CHANGE_KIND_TIME_LIMIT_RESTARTED
		toPanel   = triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL
		ftToSimp  = triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_SIMPLIFIED
		changed   = triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_JURISDICTION_CHANGED
		returned  = triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_SUPPLEMENTARY_INVESTIGATION
		remanded  = triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_REMANDED
	)
	restart := func(d *triagev1.Decision, r triagev1.TimeLimitRestart, p triagev1.Procedure, on string) *triagev1.Outcome {
		o := outcome(d, restarted, p, on)
		o.Restart, o.LegalBasis = r, "刑事诉讼法第二百零八条"
		return o
	}
	record := func(o *triagev1.Outcome) (*triagev1.RecordOutcomeResponse, error) {
		return h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
	}
	refused := func(o *triagev1.Outcome) error {
		_, err := record(o)
		return err
	}
	mustRecord := func(o *triagev1.Outcome) *triagev1.RecordOutcomeResponse {
		t.Helper()
		resp, err := record(o)
		if err != nil {
			t.Fatalf("RecordOutcome %v %v: %v", o.GetChange(), o.GetRestart(), err)
		}
		return resp
	}
	wantDue := func(what string, o *triagev1.Outcome, days int32, due string) {
		t.Helper()
		if tl := o.GetTimeLimit(); tl.GetDays() != days || tl.GetDueOn() != due {
			t.Errorf("%s: time limit %v, want %d days due %s", what, tl, days, due)
		}
	}

	// 补充侦查 in simplified procedure (filed 2024-03-05, 20 days: due
	// 03-25): the file back on 04-15 gives 05-05, in the 劳动节 holiday, so
	// 05-06; a panel ruled on 04-20 keeps that clock, where it showed 03-25.
	simp := triageOK(t, ctx, h.client, criminalFiling("rs-1", false))
	if simp.GetRecommended() != simplified {
		t.Fatalf("rs-1 recommended %v; the test needs simplified", simp.GetRecommended())
	}
	r := mustRecord(restart(simp, returned, simplified, "2024-04-15")).GetOutcome()
	wantDue("补充侦查", r, 20, "2024-05-06")
	if r.GetPrevious() != simplified || r.GetRestart() != returned || len(r.GetReviewReasons()) != 0 {
		t.Errorf("restart stored as previous %v restart %v review %v", r.GetPrevious(), r.GetRestart(), r.GetReviewReasons())
	}
	panel := mustRecord(outcome(simp, toPanel, simplified, "2024-04-20")).GetOutcome()
	wantDue("panel after 补充侦查", panel, 20, "2024-05-06")

	// The store keeps the restart as recorded.
	stored, err := st.ListOutcomes(ctx, simp.GetDecisionId())
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 2 || stored[0].GetChange() != restarted || stored[0].GetRestart() != returned || stored[0].GetTimeLimit().GetDueOn() != "2024-05-06" {
		t.Errorf("stored outcomes %v", stored)
	}

	// 发回重审 of a fast-track case converted to simplified procedure: the
	// retrial is a new panel's (CrPL 239), so the case leaves criminal-fast;
	// 20 days from 04-10 end on 04-30.
	ft := triageOK(t, ctx, h.client, criminalFiling("rs-2", true))
	if ft.GetAssignment().GetTeamId() != "criminal-fast" {
		t.Fatalf("rs-2 drawn to %q; the test needs criminal-fast", ft.GetAssignment().GetTeamId())
	}
	checkStatus(t, refused(restart(ft, remanded, fastTrack, "2024-03-08")),
		codes.FailedPrecondition, "", rules.RuleRestartRemandedFastTrack)
	checkStatus(t, refused(restart(ft, returned, fastTrack, "2024-03-08")),
		codes.FailedPrecondition, "", rules.RuleRestartInvestigationFastTrack)
	if got := mustRecord(outcome(ft, ftToSimp, simplified, "2024-03-08")).GetReassignment(); got != nil {
		t.Fatalf("fast-track → simplified moved the case: %v", got)
	}
	resp := mustRecord(restart(ft, remanded, simplified, "2024-04-10"))
	wantDue("发回重审", resp.GetOutcome(), 20, "2024-04-30")
	if got := resp.GetReassignment(); got.GetTeamId() == "" || got.GetTeamId() == "criminal-fast" || got.GetPreviousTeamId() != "criminal-fast" {
		t.Errorf("after 发回重审 the case is with %q (reassignment %v), want it drawn off criminal-fast", got.GetTeamId(), got)
	}

	// Near miss: 改变管辖 in fast-track keeps the procedure and the team;
	// ten days from 04-10 end on Saturday 04-20, so 04-22.
	ft2 := triageOK(t, ctx, h.client, criminalFiling("rs-3", true))
	resp = mustRecord(restart(ft2, changed, fastTrack, "2024-04-10"))
	if resp.GetReassignment() != nil {
		t.Errorf("改变管辖 moved the case: %v", resp.GetReassignment())
	}
	if tl := resp.GetOutcome().GetTimeLimit(); tl.GetDays() != 10 || tl.GetDueOn() != "2024-04-22" {
		t.Errorf("改变管辖 in fast-track: time limit %v, want 10 days due 2024-04-22", tl)
	}

	// Refusals.
	loan := triageOK(t, ctx, h.client, loanFiling("rs-4"))
	checkStatus(t, refused(restart(loan, changed, loan.GetRecommended(), "2024-04-10")),
		codes.FailedPrecondition, "", rules.RuleRestartCriminalOnly)
	checkStatus(t, refused(restart(ft2, returned, fastTrack, "2024-03-04")),
		codes.InvalidArgument, "outcome.decided_on", "")
	checkStatus(t, refused(restart(ft2, changed, fastTrack, "2024-04-09")),
		codes.FailedPrecondition, "", rules.RuleOutcomeBeforePrevious)
	checkStatus(t, refused(restart(ft2, changed, ordinary, "2024-04-12")),
		codes.FailedPrecondition, "", rules.RuleRestartKeepsProcedure)
	checkStatus(t, refused(restart(ft2, triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_UNSPECIFIED, fastTrack, "2024-04-12")),
		codes.InvalidArgument, "outcome.restart", "")
	conversion := outcome(simp, triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY, ordinary, "2024-04-22")
	conversion.Restart = returned
	checkStatus(t, refused(conversion), codes.InvalidArgument, "outcome.restart", "")

	// Every restart recorded is in the audit chain.
	rep, err := st.VerifyAudit(ctx)
	if err != nil || !rep.OK {
		t.Fatalf("VerifyAudit: %+v, %v", rep, err)
	}
	// Outcomes: rs-1's restart and panel, rs-2's conversion and remand,
	// rs-3's restart.
	if rep.Outcomes != 5 {
		t.Errorf("audit chain holds %d outcomes, want 5", rep.Outcomes)
	}
}
