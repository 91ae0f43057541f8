package server

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

var (
	arrived = triagev1.FeedEvent_FEED_EVENT_ARRIVED
	left    = triagev1.FeedEvent_FEED_EVENT_LEFT
)

// event is what a feed sends for a.
func event(a *triagev1.Assignment, ev triagev1.FeedEvent) *triagev1.WatchAssignmentsResponse {
	return &triagev1.WatchAssignmentsResponse{Assignment: a, Event: ev}
}

// wantEvents fails the test unless f delivers want next, then nothing.
func wantEvents(t *testing.T, f *feed, name string, want ...*triagev1.WatchAssignmentsResponse) {
	t.Helper()
	got := f.takeEvents(t, len(want))
	if diff := cmp.Diff(want, got, protocmp.Transform()); diff != "" {
		t.Errorf("%s feed (-want +got):\n%s", name, diff)
	}
	f.quiet(t, feedQuiet)
}

// TestFeedsFollowDesignation: a designation to another team shows on the
// old team's feed as the case leaving, with who designated and why, and on
// the new team's as its arrival, live and on replay; a designation of a case
// to the team it is on is refused (ALREADY_WITH_TEAM) and no feed shows it.
// On SQLite and PostgreSQL.
func TestFeedsFollowDesignation(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		st := openTarget(t, b.target)
		h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
		ctx := testContext(t)
		const from, to = "civil-fast-general", "civil-trial-1"
		d := triageOK(t, ctx, h.client, loanFiling("m-1"))
		if got := d.GetAssignment().GetTeamId(); got != from {
			t.Fatalf("loan drawn to %q, the test needs %s", got, from)
		}
		oldFeed := watch(t, h.client, from, d.GetAssignment().GetCursor())
		newFeed := watch(t, h.client, to, "")

		resp, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{
			DecisionId: d.GetDecisionId(), TeamId: to, DesignatedBy: "president-1", Reason: "原承办团队需回避",
		})
		if err != nil {
			t.Fatalf("AssignCase: %v", err)
		}
		moved := resp.GetAssignment()
		if moved.GetPreviousTeamId() != from || moved.GetKind() != triagev1.AssignmentKind_ASSIGNMENT_KIND_DESIGNATED {
			t.Errorf("designation = %v, want DESIGNATED with previous_team_id %s", moved, from)
		}
		wantEvents(t, oldFeed, from, event(moved, left))
		wantEvents(t, newFeed, to, event(moved, arrived))

		// Designated again to the team it is on: refused, it would move
		// nothing, and neither feed shows anything.
		again, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{
			DecisionId: d.GetDecisionId(), TeamId: to, DesignatedBy: "president-1", Reason: "重新指定",
		})
		checkStatus(t, err, codes.FailedPrecondition, "", "ALREADY_WITH_TEAM")
		if again != nil {
			t.Errorf("response with an error: %v", again)
		}
		newFeed.quiet(t, feedQuiet)
		oldFeed.quiet(t, 0)

		// A replay from the start tells the same story.
		wantEvents(t, watch(t, h.client, from, ""), from, event(d.GetAssignment(), arrived), event(moved, left))
		wantEvents(t, watch(t, h.client, to, ""), to, event(moved, arrived))
		verifyAudit(t, st)
	})
}

// TestFeedsFollowConversion: 简转普 of a case on a 速裁团队, which takes no
// ordinary case, draws it again among the teams that take it (the draw
// recorded, re-runnable, and counted), and both feeds show the move; a team
// that takes the new procedure keeps its case. On SQLite and PostgreSQL.
func TestFeedsFollowConversion(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		st := openTarget(t, b.target)
		teams := defaultTeams(t)
		h := startServer(t, deps{decider: newDecider(t), store: st, teams: teams})
		ctx := testContext(t)
		const from = "civil-fast-general"
		s := triageOK(t, ctx, h.client, simplifiedFiling("c-1"))
		if got := s.GetAssignment().GetTeamId(); got != from {
			t.Fatalf("simplified loan drawn to %q, the test needs %s", got, from)
		}
		oldFeed := watch(t, h.client, from, s.GetAssignment().GetCursor())
		generals := map[string]*feed{}
		for _, team := range []string{"civil-trial-1", "civil-trial-2", "civil-trial-3"} {
			generals[team] = watch(t, h.client, team, "")
		}

		resp, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(s, simpToOrd, ordinary, "2024-04-02")})
		if err != nil {
			t.Fatalf("简转普: %v", err)
		}
		moved := resp.GetReassignment()
		if moved.GetKind() != triagev1.AssignmentKind_ASSIGNMENT_KIND_RANDOM || moved.GetPreviousTeamId() != from ||
			moved.GetOutcomeId() != resp.GetOutcome().GetOutcomeId() || moved.GetProcedure() != ordinary || moved.GetReason() == "" {
			t.Fatalf("reassignment = %v; want a RANDOM draw off %s for outcome %s under %v, with a reason", moved, from, resp.GetOutcome().GetOutcomeId(), ordinary)
		}
		// The draw is among the teams a fresh ordinary loan case would be
		// drawn among, and re-runs to the same team.
		var want []string
		for _, tm := range teams.EligibleFor(triagev1.CaseKind_CASE_KIND_CIVIL, ordinary, simplifiedFiling("x").GetCause(), false) {
			want = append(want, tm.ID)
		}
		if diff := cmp.Diff(want, candidateIDs(moved.GetDraw())); diff != "" {
			t.Errorf("re-draw candidates (-want +got):\n%s", diff)
		}
		i, err := routing.Draw(moved.GetDraw().GetSeed(), moved.GetDraw().GetCandidates())
		if err != nil || moved.GetDraw().GetCandidates()[i].GetTeamId() != moved.GetTeamId() {
			t.Errorf("re-running the draw gives candidate %d (%v), the record says %s", i, err, moved.GetTeamId())
		}
		wantEvents(t, oldFeed, from, event(moved, left))
		for team, f := range generals {
			if team == moved.GetTeamId() {
				wantEvents(t, f, team, event(moved, arrived))
			} else {
				f.quiet(t, 0)
			}
		}

		// Small claims → ordinary on a general civil team: it takes
		// ordinary cases and keeps the case; no feed moves.
		r := triageOK(t, ctx, h.client, reviewTextFiling("c-2"))
		keeper := r.GetAssignment().GetTeamId()
		kept := watch(t, h.client, keeper, r.GetAssignment().GetCursor())
		resp, err = h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{
			Outcome: outcome(r, triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY, ordinary, "2024-04-02")})
		if err != nil {
			t.Fatalf("小额转普: %v", err)
		}
		if resp.GetReassignment() != nil {
			t.Errorf("team %s takes ordinary cases, yet the case was moved: %v", keeper, resp.GetReassignment())
		}
		kept.quiet(t, feedQuiet)
		verifyAudit(t, st)
	})
}

// TestConversionNoTeam: when no team that takes the new procedure has room,
// the case leaves the team that cannot hold it as UNROUTED (no team, no
// load), flagged on that team's feed and in the metrics for a president to
// designate; the designation that follows is an arrival with no team left.
func TestConversionNoTeam(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		st := openTarget(t, b.target)
		h := startServer(t, deps{decider: newDecider(t), store: st, teams: writeTeams(t, tinyTeams())})
		ctx := testContext(t)
		// The one general civil team has 3 places: cases under review fill it.
		for _, id := range []string{"u-1", "u-2", "u-3"} {
			if got := triageOK(t, ctx, h.client, reviewTextFiling(id)).GetAssignment().GetTeamId(); got != "civil" {
				t.Fatalf("review case drawn to %q, want civil", got)
			}
		}
		s := triageOK(t, ctx, h.client, simplifiedFiling("u-4"))
		from := s.GetAssignment().GetTeamId()
		if from != "fast-a" && from != "fast-b" {
			t.Fatalf("simplified loan drawn to %q, want a 速裁团队", from)
		}
		oldFeed := watch(t, h.client, from, s.GetAssignment().GetCursor())
		resp, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(s, simpToOrd, ordinary, "2024-04-02")})
		if err != nil {
			t.Fatalf("简转普: %v", err)
		}
		moved := resp.GetReassignment()
		if moved.GetKind() != triagev1.AssignmentKind_ASSIGNMENT_KIND_UNROUTED || moved.GetTeamId() != "" ||
			moved.GetPreviousTeamId() != from || moved.GetOutcomeId() != resp.GetOutcome().GetOutcomeId() ||
			len(moved.GetDraw().GetCandidates()) != 1 || moved.GetDraw().GetCandidates()[0].GetTeamId() != "civil" {
			t.Fatalf("reassignment = %v; want UNROUTED off %s, no team, the draw that found civil full", moved, from)
		}
		wantEvents(t, oldFeed, from, event(moved, left))
		if got := testutil.ToFloat64(h.svc.metrics.assignments.WithLabelValues("", "unrouted")); got != 1 {
			t.Errorf("unrouted assignments metric = %v, want 1", got)
		}

		// The president designates: an arrival, and the 速裁团队 is not
		// told twice.
		civil := watch(t, h.client, "civil", "")
		des, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{
			DecisionId: s.GetDecisionId(), TeamId: "civil", DesignatedBy: "president-1", Reason: "转普通程序后无团队有余量，院长指定",
		})
		if err != nil {
			t.Fatalf("AssignCase: %v", err)
		}
		if got := des.GetAssignment().GetPreviousTeamId(); got != "" {
			t.Errorf("designation of an UNROUTED case has previous_team_id %q", got)
		}
		got := civil.takeEvents(t, 4)[3]
		if diff := cmp.Diff(event(des.GetAssignment(), arrived), got, protocmp.Transform()); diff != "" {
			t.Errorf("civil feed (-want +got):\n%s", diff)
		}
		oldFeed.quiet(t, feedQuiet)
		verifyAudit(t, st)
	})
}
