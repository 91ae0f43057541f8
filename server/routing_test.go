package server

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

// TestTriageRoutesToTeam triages filings of every kind through a server with
// the embedded teams (docs/architecture.md, Routing) and checks each stored decision's
// random assignment: the team is one routing finds eligible, the recorded
// draw re-runs to it, its weights are the teams' free capacity (which a dry
// run does not take), a case under review is never on a 速裁团队, and the
// assignment is in the team's feed exactly as the decision names it.
func TestTriageRoutesToTeam(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		teams := defaultTeams(t)
		st := openTarget(t, b.target)
		h := startServer(t, deps{decider: newDecider(t), store: st, teams: teams})
		ctx := testContext(t)

		tests := []routedCase{
			{"small-claims loan to the 速裁团队", loanFiling("(2024)辽0102民初1号"), triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, false, []string{"civil-fast-general"}},
			{"simplified loan to the 速裁团队", simplifiedFiling("(2024)辽0102民初2号"), triagev1.Procedure_PROCEDURE_SIMPLIFIED, false, []string{"civil-fast-general"}},
			{"review signal keeps a small-claims loan off the 速裁团队", reviewTextFiling("(2024)辽0102民初3号"), triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, true, generalCivil},
			{"twelve plaintiffs", manyPlaintiffsFiling("(2024)辽0102民初4号"), triagev1.Procedure_PROCEDURE_ORDINARY, true, generalCivil},
			{"public interest", publicInterestFiling("(2024)辽0102民初5号"), triagev1.Procedure_PROCEDURE_ORDINARY, true, generalCivil},
			{"divorce to the family team", divorceFiling("(2024)辽0102民初6号"), triagev1.Procedure_PROCEDURE_SIMPLIFIED, false, []string{"family"}},
			{"construction dispute to the commercial team", constructionFiling("(2024)辽0102民初7号"), triagev1.Procedure_PROCEDURE_ORDINARY, false, []string{"commercial"}},
			{"criminal fast-track to the criminal 速裁团队", criminalFiling("(2024)辽0102刑初1号", true), triagev1.Procedure_PROCEDURE_FAST_TRACK, false, []string{"criminal-fast"}},
			{"criminal simplified to the criminal 速裁团队", criminalFiling("(2024)辽0102刑初2号", false), triagev1.Procedure_PROCEDURE_SIMPLIFIED, false, []string{"criminal-fast"}},
			{"administrative", adminFiling("(2024)辽0102行初1号"), triagev1.Procedure_PROCEDURE_SIMPLIFIED, false, []string{"administrative"}},
			// 刑诉法解释第五百五十条第一款: the minor's DUI goes to the juvenile team,
			// not the criminal 速裁团队 the adult's near miss above goes to.
			{"juvenile DUI to the juvenile team", withParties("(2024)辽0102刑初3号", false, true), triagev1.Procedure_PROCEDURE_SIMPLIFIED, false, []string{"juvenile"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				checkRoutedTriage(t, ctx, h, st, teams, tt)
			})
		}
	})
}

// routedCase is one filing of TestTriageRoutesToTeam: the procedure and
// review flag the test expects for it and the teams where it may land
// (sorted).
type routedCase struct {
	name   string
	filing *triagev1.Filing
	rec    triagev1.Procedure
	review bool
	teams  []string // where the case may land, sorted
}

// checkRoutedTriage triages tt's filing (after a dry run) and checks its
// random assignment: team, fields, recorded draw, stored decision and feed.
func checkRoutedTriage(t *testing.T, ctx context.Context, h *harness, st CaseStore, teams *routing.Teams, tt routedCase) {
	t.Helper()
	// Load before: what each team has been given so far.
	load := map[string]int64{}
	for _, team := range teams.All() {
		load[team.ID] = int64(len(teamFeed(t, st, team.ID)))
	}

	d := checkDryRunMatches(t, ctx, h, tt)
	a := d.GetAssignment()
	if a == nil {
		t.Fatalf("decision has no assignment; review reasons %v", d.GetReviewReasons())
	}
	checkAssignmentTeam(t, teams, tt, d, a)
	checkAssignmentDraw(t, teams, tt, d, a, load)
	checkStoredInFeed(t, ctx, h, st, d, a, load)
}

// checkDryRunMatches makes a dry run of tt's filing, which must get no id
// and no assignment, then the real call, which must decide as tt expects and
// as the dry run did; it returns the real decision.
func checkDryRunMatches(t *testing.T, ctx context.Context, h *harness, tt routedCase) *triagev1.Decision {
	t.Helper()
	// A dry run is scored like the real call but gets no id,
	// no team and takes no place.
	dry, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: tt.filing, DryRun: true})
	if err != nil {
		t.Fatalf("Triage(dry_run): %v", err)
	}
	if a := dry.GetDecision().GetAssignment(); a != nil || dry.GetDecision().GetDecisionId() != "" {
		t.Errorf("dry run: decision_id %q, assignment %v; want neither", dry.GetDecision().GetDecisionId(), a)
	}

	d := triageOK(t, ctx, h.client, tt.filing)
	if d.GetRecommended() != tt.rec || d.GetNeedsReview() != tt.review {
		t.Fatalf("recommended %v, needs_review %v (%v); the test expects %v, %v",
			d.GetRecommended(), d.GetNeedsReview(), d.GetReviewReasons(), tt.rec, tt.review)
	}
	if dry.GetDecision().GetRecommended() != d.GetRecommended() || dry.GetDecision().GetNeedsReview() != d.GetNeedsReview() {
		t.Errorf("dry run decided %v/%v, the real call %v/%v", dry.GetDecision().GetRecommended(),
			dry.GetDecision().GetNeedsReview(), d.GetRecommended(), d.GetNeedsReview())
	}
	return d
}

// checkAssignmentTeam checks the team of d's assignment a is a team of the
// file, one tt allows, one that takes the case (never a 速裁团队 for a case
// under review), and the assignment's own fields.
func checkAssignmentTeam(t *testing.T, teams *routing.Teams, tt routedCase, d *triagev1.Decision, a *triagev1.Assignment) {
	t.Helper()
	team, ok := teams.Team(a.GetTeamId())
	switch {
	case !ok:
		t.Fatalf("assigned to %q, not a team of the file", a.GetTeamId())
	case !slices.Contains(tt.teams, a.GetTeamId()):
		t.Errorf("assigned to %s, want one of %v", a.GetTeamId(), tt.teams)
	case !team.Takes(d.GetCaseKind(), d.GetRecommended()):
		t.Errorf("team %s does not take %v under %v", team.ID, d.GetCaseKind(), d.GetRecommended())
	case d.GetNeedsReview() && team.FastTrack:
		t.Errorf("a case under review landed on the 速裁团队 %s", team.ID)
	}
	if a.GetKind() != triagev1.AssignmentKind_ASSIGNMENT_KIND_RANDOM || a.GetProcedure() != d.GetRecommended() ||
		a.GetDecisionId() != d.GetDecisionId() || a.GetFilingId() != tt.filing.GetId() ||
		a.GetAssignmentId() == "" || a.GetAssignedAt() == nil || a.GetReason() != "" || a.GetDesignatedBy() != "" {
		t.Errorf("assignment fields: %v", a)
	}
	cursorOf(t, a)

}

// checkAssignmentDraw checks a's recorded draw: its candidates are exactly
// the eligible teams in file order, weighted by free capacity (load is what
// each team had before), and it re-runs to the team assigned.
func checkAssignmentDraw(t *testing.T, teams *routing.Teams, tt routedCase, d *triagev1.Decision, a *triagev1.Assignment, load map[string]int64) {
	t.Helper()
	// The draw: among exactly the teams routing finds eligible,
	// in file order, weighted by free capacity, and it re-runs
	// to the team assigned.
	draw := a.GetDraw()
	eligible := teams.Eligible(d, tt.filing)
	if got, want := candidateIDs(draw), teamIDs(eligible); !slices.Equal(got, want) {
		t.Errorf("draw candidates %v, want the eligible teams %v", got, want)
	}
	if got := sorted(teamIDs(eligible)); !slices.Equal(got, tt.teams) {
		t.Errorf("routing.Eligible = %v, the test expects %v", got, tt.teams)
	}
	for _, c := range draw.GetCandidates() {
		tm, _ := teams.Team(c.GetTeamId())
		if want := tm.Capacity - load[c.GetTeamId()]; c.GetFree() != want {
			t.Errorf("candidate %s has weight %d, want its free capacity %d (capacity %d, %d assigned)",
				c.GetTeamId(), c.GetFree(), want, tm.Capacity, load[c.GetTeamId()])
		}
	}
	if draw.GetAlgorithm() != routing.Algorithm {
		t.Errorf("draw algorithm %q, want %q", draw.GetAlgorithm(), routing.Algorithm)
	}
	i, err := routing.Redraw(draw)
	if err != nil {
		t.Fatalf("Redraw: %v", err)
	}
	if got := draw.GetCandidates()[i].GetTeamId(); got != a.GetTeamId() {
		t.Errorf("the recorded draw re-runs to %s, the case went to %s", got, a.GetTeamId())
	}

}

// checkStoredInFeed checks the stored decision is d as returned and the
// team's feed holds a exactly once, one more than load had.
func checkStoredInFeed(t *testing.T, ctx context.Context, h *harness, st CaseStore, d *triagev1.Decision, a *triagev1.Assignment, load map[string]int64) {
	t.Helper()
	// What was returned is what was stored, and the team's feed
	// has it once.
	got, err := h.client.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: d.GetDecisionId()})
	if err != nil {
		t.Fatalf("GetDecision: %v", err)
	}
	if diff := cmp.Diff(d, got.GetDecision(), protocmp.Transform()); diff != "" {
		t.Errorf("stored decision differs from the returned one (-returned +stored):\n%s", diff)
	}
	var inFeed []*triagev1.Assignment
	for _, x := range teamFeed(t, st, a.GetTeamId()) {
		if x.GetDecisionId() == d.GetDecisionId() {
			inFeed = append(inFeed, x)
		}
	}
	if len(inFeed) != 1 || !proto.Equal(inFeed[0], a) {
		t.Errorf("team feed holds %v for the decision, want exactly %v", inFeed, a)
	}
	if n := int64(len(teamFeed(t, st, a.GetTeamId()))); n != load[a.GetTeamId()]+1 {
		t.Errorf("team %s has %d assignments after one more, had %d (the dry run took a place?)", a.GetTeamId(), n, load[a.GetTeamId()])
	}
}
