package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
)

// conversion is an outcome of decision dec-<id> to procedure p.
func conversion(id string, p triagev1.Procedure) *triagev1.Outcome {
	return &triagev1.Outcome{
		DecisionId: "dec-" + id,
		Procedure:  p,
		Change:     triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY,
		DecidedBy:  "judge-1",
	}
}

// reroute is a plan keeping the case on keep and drawing among teams.
func reroute(keep []string, teams ...store.TeamSlot) *store.ReroutePlan {
	p := &store.ReroutePlan{Keep: map[string]bool{}, Draw: *plan(7, teams...), Reason: "简转普: the team does not take ordinary cases"}
	for _, k := range keep {
		p.Keep[k] = true
	}
	return p
}

// TestSaveConversion: an outcome whose procedure the case's team does not
// take moves the case in the outcome's transaction, by a recorded draw
// counted into the drawn team's load, or UNROUTED (no load) when no team has
// room; the case stays on a team in Keep, and with no team. Both feeds list
// the move, and the record verifies.
func TestSaveConversion(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		ctx := context.Background()
		civil := []store.TeamSlot{{TeamID: "civil-1", Capacity: 5}, {TeamID: "civil-2", Capacity: 5}}
		for _, id := range []string{"moved", "kept", "full"} {
			if err := saveTriageErr(ctx, s, id, plan(1, store.TeamSlot{TeamID: "fast", Capacity: 10})); err != nil {
				t.Fatal(err)
			}
		}
		if err := save(ctx, s, "none"); err != nil {
			t.Fatal(err)
		}

		o := conversion("moved", triagev1.Procedure_PROCEDURE_ORDINARY)
		a, err := s.SaveConversion(ctx, o, 0, reroute([]string{"civil-1", "civil-2"}, civil...))
		if err != nil {
			t.Fatalf("SaveConversion: %v", err)
		}
		if a.GetKind() != triagev1.AssignmentKind_ASSIGNMENT_KIND_RANDOM || a.GetPreviousTeamId() != "fast" ||
			a.GetOutcomeId() != o.GetOutcomeId() || a.GetProcedure() != triagev1.Procedure_PROCEDURE_ORDINARY ||
			len(a.GetDraw().GetCandidates()) != 2 || a.GetReason() == "" {
			t.Fatalf("reassignment = %v", a)
		}
		if got := teamLoad(t, b, a.GetTeamId(), "2024-03"); got != 1 {
			t.Errorf("drawn team's load = %d, want 1", got)
		}
		fast := teamFeed(t, s, "fast")
		if diff := cmp.Diff(a, fast[len(fast)-1], protocmp.Transform()); diff != "" {
			t.Errorf("fast's feed does not end with the case leaving (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]*triagev1.Assignment{a}, teamFeed(t, s, a.GetTeamId()), protocmp.Transform()); diff != "" {
			t.Errorf("drawn team's feed (-want +got):\n%s", diff)
		}

		// A team in Keep keeps its case; a case with no team stays without.
		for _, id := range []string{"kept", "none"} {
			got, err := s.SaveConversion(ctx, conversion(id, triagev1.Procedure_PROCEDURE_ORDINARY), 0, reroute([]string{"fast"}, civil...))
			if err != nil || got != nil {
				t.Errorf("SaveConversion(%s) = %v, %v; want no move", id, got, err)
			}
		}

		// No team with room: UNROUTED, counted nowhere, with the draw that
		// found none (civil-3 is filled by another case first).
		full := store.TeamSlot{TeamID: "civil-3", Capacity: 1}
		if err := saveTriageErr(ctx, s, "filler", plan(3, full)); err != nil {
			t.Fatal(err)
		}
		un, err := s.SaveConversion(ctx, conversion("full", triagev1.Procedure_PROCEDURE_ORDINARY), 0, reroute(nil, full))
		if err != nil {
			t.Fatalf("SaveConversion: %v", err)
		}
		if un.GetKind() != triagev1.AssignmentKind_ASSIGNMENT_KIND_UNROUTED || un.GetTeamId() != "" || un.GetPreviousTeamId() != "fast" ||
			len(un.GetDraw().GetCandidates()) != 1 || un.GetDraw().GetCandidates()[0].GetLoad() != 1 {
			t.Fatalf("no room: reassignment = %v, want UNROUTED off fast with the draw that found civil-3 full", un)
		}
		if got := teamLoad(t, b, "civil-3", "2024-03"); got != 1 {
			t.Errorf("civil-3's load = %d, want 1 (UNROUTED counts nowhere)", got)
		}
		// A second conversion of an UNROUTED case moves nothing: it has no team.
		if got, err := s.SaveConversion(ctx, conversion("full", triagev1.Procedure_PROCEDURE_ORDINARY), 1, reroute(nil, civil...)); err != nil || got != nil {
			t.Errorf("conversion of an UNROUTED case = %v, %v; want no move", got, err)
		}
		fast = teamFeed(t, s, "fast")
		if diff := cmp.Diff(un, fast[len(fast)-1], protocmp.Transform()); diff != "" {
			t.Errorf("fast's feed does not end with the UNROUTED case leaving (-want +got):\n%s", diff)
		}
		verifyOK(t, s)
	})
}

// TestSaveConversionFails: what the store refuses; a refused conversion
// leaves nothing half-written.
func TestSaveConversionFails(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		ctx := context.Background()
		if err := saveTriageErr(ctx, s, "c", plan(1, store.TeamSlot{TeamID: "fast", Capacity: 10})); err != nil {
			t.Fatal(err)
		}
		civil := store.TeamSlot{TeamID: "civil", Capacity: 5}
		noReason := reroute(nil, civil)
		noReason.Reason = " "
		noCapacity := reroute(nil, store.TeamSlot{TeamID: "civil", Capacity: 0})
		twice := reroute(nil, civil, civil)
		for name, p := range map[string]*store.ReroutePlan{"no reason": noReason, "no capacity": noCapacity, "a team twice": twice} {
			if _, err := s.SaveConversion(ctx, conversion("c", triagev1.Procedure_PROCEDURE_ORDINARY), 0, p); err == nil || errors.Is(err, store.ErrUnavailable) {
				t.Errorf("%s: err = %v, want a plain error", name, err)
			}
		}
		if _, err := s.SaveConversion(ctx, conversion("c", triagev1.Procedure_PROCEDURE_ORDINARY), -1, nil); err == nil {
			t.Errorf("negative prior: no error")
		}
		if os, err := s.ListOutcomes(ctx, "dec-c"); err != nil || len(os) != 0 {
			t.Errorf("after refused conversions: outcomes = %v, %v; want none", os, err)
		}
		if feed := teamFeed(t, s, "fast"); len(feed) != 1 {
			t.Errorf("after refused conversions fast's feed has %d rows, want its one arrival", len(feed))
		}
		// The writer survived; the same conversion with a sound draw commits.
		if a, err := s.SaveConversion(ctx, conversion("c", triagev1.Procedure_PROCEDURE_ORDINARY), 0, reroute(nil, civil)); err != nil || a.GetTeamId() != "civil" {
			t.Fatalf("SaveConversion after the failure = %v, %v", a, err)
		}
		verifyOK(t, s)
	})
}

// teamFeed lists a team's whole feed.
func teamFeed(t testing.TB, s store.Store, team string) []*triagev1.Assignment {
	t.Helper()
	feed, err := s.ListAssignments(context.Background(), team, 0, 10000)
	if err != nil {
		t.Fatalf("ListAssignments(%s): %v", team, err)
	}
	return feed
}
