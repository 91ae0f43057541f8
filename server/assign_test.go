package server

import (
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestAssignCase designates teams for decided cases (指定分案,
// docs/architecture.md, Routing): the reason is required, the team must exist and take the case under
// the procedure in force, a case under review never goes to a 速裁团队, a
// case is not designated to the team it is already with, and an accepted
// designation is in the team's feed as DESIGNATED with who and why.
func TestAssignCase(t *testing.T) {
	st := openStore(t, tempDB(t))
	teams := defaultTeams(t)
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: teams})
	ctx := testContext(t)

	loan := triageOK(t, ctx, h.client, loanFiling("a-1"))            // small claims, civil-fast-general
	review := triageOK(t, ctx, h.client, reviewTextFiling("a-2"))    // small claims, under review
	converted := triageOK(t, ctx, h.client, simplifiedFiling("a-3")) // simplified, then 简转普
	if _, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{
		Outcome: outcome(converted, simpToOrd, ordinary, "2024-04-01"),
	}); err != nil {
		t.Fatalf("简转普: %v", err)
	}
	crim := triageOK(t, ctx, h.client, criminalFiling("a-4", true))
	// 刑事诉讼法第二百三十九条: a remanded case goes to a newly formed panel,
	// so simplified only as a panel trial and never with a 速裁团队.
	remandedFiling := criminalFiling("a-5", true)
	remandedFiling.Circumstances.Remanded = true
	remanded := triageOK(t, ctx, h.client, remandedFiling)
	if remanded.GetNeedsReview() || remanded.GetRecommended() != triagev1.Procedure_PROCEDURE_SIMPLIFIED {
		t.Fatalf("remanded case: %v, needs_review %v; the test needs simplified without review", remanded.GetRecommended(), remanded.GetNeedsReview())
	}
	if got := remanded.GetAssignment().GetTeamId(); got != "criminal-trial" {
		t.Errorf("remanded case drawn to %q, want criminal-trial (the only team that can sit as a panel)", got)
	}
	if !review.GetNeedsReview() || review.GetRecommended() != smallClaims {
		t.Fatalf("review case: %v, needs_review %v; the test needs small claims under review", review.GetRecommended(), review.GetNeedsReview())
	}

	// A general team the case under review was not drawn to.
	reviewTo := generalCivil[0]
	if review.GetAssignment().GetTeamId() == reviewTo {
		reviewTo = generalCivil[1]
	}

	req := func(d *triagev1.Decision, team string) *triagev1.AssignCaseRequest {
		return &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: team, DesignatedBy: "president-07", Reason: "原承办团队需回避，院长指定。"}
	}
	with := func(r *triagev1.AssignCaseRequest, e func(*triagev1.AssignCaseRequest)) *triagev1.AssignCaseRequest {
		e(r)
		return r
	}
	tests := []struct {
		name  string
		req   *triagev1.AssignCaseRequest
		code  codes.Code
		field string
		rule  string
		proc  triagev1.Procedure // OK: the procedure recorded
	}{
		{name: "to a general team", req: req(loan, "civil-trial-2"), proc: smallClaims},
		{name: "case under review to a general team", req: req(review, reviewTo), proc: smallClaims},
		{name: "after 简转普, ordinary to the commercial team", req: req(converted, "commercial"), proc: ordinary},
		{name: "back to the team drawn", req: req(loan, "civil-fast-general"), proc: smallClaims},
		// Moved back just now: a second designation there would show it
		// arriving twice and count it twice in the team's load.
		// (The same request again is a retry, answered the designation
		// stored: TestAssignCaseReplay.)
		{name: "again to the team it is with", req: with(req(loan, "civil-fast-general"), func(r *triagev1.AssignCaseRequest) { r.Reason = "再次指定。" }), code: codes.FailedPrecondition, rule: "ALREADY_WITH_TEAM"},
		{name: "criminal to the criminal trial team", req: req(crim, "criminal-trial"), proc: fastTrack},

		{name: "no reason", req: with(req(loan, "civil-trial-1"), func(r *triagev1.AssignCaseRequest) { r.Reason = "" }), code: codes.InvalidArgument, field: "reason"},
		{name: "blank reason", req: with(req(loan, "civil-trial-1"), func(r *triagev1.AssignCaseRequest) { r.Reason = " \t\n" }), code: codes.InvalidArgument, field: "reason"},
		{name: "reason too long", req: with(req(loan, "civil-trial-1"), func(r *triagev1.AssignCaseRequest) { r.Reason = strings.Repeat("因", 2001) }), code: codes.InvalidArgument, field: "reason"},
		{name: "unknown team", req: req(loan, "civil-trial-9"), code: codes.InvalidArgument, field: "team_id"},
		{name: "no team", req: req(loan, ""), code: codes.InvalidArgument, field: "team_id"},
		{name: "no decision id", req: with(req(loan, "civil-trial-1"), func(r *triagev1.AssignCaseRequest) { r.DecisionId = "" }), code: codes.InvalidArgument, field: "decision_id"},
		{name: "decision id not a UUID", req: with(req(loan, "civil-trial-1"), func(r *triagev1.AssignCaseRequest) { r.DecisionId = "a-1" }), code: codes.InvalidArgument, field: "decision_id"},
		{name: "no designated_by", req: with(req(loan, "civil-trial-1"), func(r *triagev1.AssignCaseRequest) { r.DesignatedBy = "" }), code: codes.InvalidArgument, field: "designated_by"},
		{name: "designated_by with a newline", req: with(req(loan, "civil-trial-1"), func(r *triagev1.AssignCaseRequest) { r.DesignatedBy = "president\n07" }), code: codes.InvalidArgument, field: "designated_by"},
		// An id with white space at either end names no identity (outside
		// check 14: a clerk's "J-0421 " was stored as a judge beside "J-0421").
		{name: "designated_by with a trailing space", req: with(req(loan, "civil-trial-1"), func(r *triagev1.AssignCaseRequest) { r.DesignatedBy = "P-01 " }), code: codes.InvalidArgument, field: "designated_by"},
		{name: "unknown decision", req: with(req(loan, "civil-trial-1"), func(r *triagev1.AssignCaseRequest) { r.DecisionId = uuid.Must(uuid.NewV7()).String() }), code: codes.NotFound},

		{name: "civil case to the criminal team", req: req(loan, "criminal-trial"), code: codes.FailedPrecondition, rule: "TEAM_DOES_NOT_TAKE_CASE"},
		{name: "small claims to the commercial team", req: req(loan, "commercial"), code: codes.FailedPrecondition, rule: "TEAM_DOES_NOT_TAKE_CASE"},
		{name: "after 简转普, ordinary to the 速裁团队", req: req(converted, "civil-fast-general"), code: codes.FailedPrecondition, rule: "TEAM_DOES_NOT_TAKE_CASE"},
		{name: "case under review to the 速裁团队", req: req(review, "civil-fast-general"), code: codes.FailedPrecondition, rule: "REVIEW_CASE_TO_FAST_TRACK"},
		{name: "case under review to the finance 速裁团队", req: req(review, "civil-fast-finance"), code: codes.FailedPrecondition, rule: "REVIEW_CASE_TO_FAST_TRACK"},
		{name: "remanded criminal case to the 速裁团队", req: req(remanded, "criminal-fast"), code: codes.FailedPrecondition, rule: "PANEL_CASE_TO_FAST_TRACK"},
		// The law lets it be with the trial team (not PANEL_CASE_TO_FAST_TRACK),
		// and it was drawn there: the designation would move nothing.
		{name: "remanded criminal case to the trial team", req: req(remanded, "criminal-trial"), code: codes.FailedPrecondition, rule: "ALREADY_WITH_TEAM"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var beforeFeed []*triagev1.Assignment
			if _, ok := teams.Team(tt.req.GetTeamId()); ok {
				beforeFeed = teamFeed(t, st, tt.req.GetTeamId())
			}
			start := time.Now()
			resp, err := h.client.AssignCase(ctx, tt.req)
			if tt.code != codes.OK {
				checkStatus(t, err, tt.code, tt.field, tt.rule)
				if resp != nil {
					t.Errorf("response with an error: %v", resp)
				}
				if _, ok := teams.Team(tt.req.GetTeamId()); ok {
					if n := len(teamFeed(t, st, tt.req.GetTeamId())); n != len(beforeFeed) {
						t.Errorf("a refused designation reached the feed: %d assignments before, %d after", len(beforeFeed), n)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("AssignCase: %v", err)
			}
			a := resp.GetAssignment()
			d, err := st.GetDecision(ctx, tt.req.GetDecisionId())
			if err != nil {
				t.Fatal(err)
			}
			if a.GetKind() != triagev1.AssignmentKind_ASSIGNMENT_KIND_DESIGNATED || a.GetTeamId() != tt.req.GetTeamId() ||
				a.GetReason() != tt.req.GetReason() || a.GetDesignatedBy() != tt.req.GetDesignatedBy() ||
				a.GetDecisionId() != d.GetDecisionId() || a.GetFilingId() != d.GetFilingId() ||
				a.GetProcedure() != tt.proc || a.GetDraw() != nil {
				t.Errorf("assignment = %v; want DESIGNATED to %s under %v with the reason and the designator", a, tt.req.GetTeamId(), tt.proc)
			}
			if _, err := uuid.Parse(a.GetAssignmentId()); err != nil {
				t.Errorf("assignment_id %q: %v", a.GetAssignmentId(), err)
			}
			if at := a.GetAssignedAt().AsTime(); at.Before(start.Add(-time.Second)) || at.After(time.Now().Add(time.Second)) {
				t.Errorf("assigned_at %v is not the time of the call", at)
			}
			// The team's feed, from the cursor it had before, delivers it
			// and nothing else.
			after := ""
			if len(beforeFeed) > 0 {
				after = beforeFeed[len(beforeFeed)-1].GetCursor()
			}
			f := watch(t, h.client, tt.req.GetTeamId(), after)
			got := f.take(t, 1)[0]
			if !proto.Equal(got, a) {
				t.Errorf("feed delivered %v, want the designation %v", got, a)
			}
			f.quiet(t, feedQuiet)
			f.stop()
			// The decision itself still names the drawn team.
			if d.GetAssignment().GetKind() == triagev1.AssignmentKind_ASSIGNMENT_KIND_DESIGNATED {
				t.Errorf("the stored decision's assignment was replaced: %v", d.GetAssignment())
			}
		})
	}
}
