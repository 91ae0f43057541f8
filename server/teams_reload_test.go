package server

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

// swapTeams are two editions of a court's teams file, as a team lead's edit
// makes them: b removes the 速裁团队 fast-b, creates fast-c and gives the
// general civil team more places. Capacities are large, so no draw finds
// every team full and each decision has a team.
func swapTeams(t testing.TB) (a, b *routing.Teams) {
	t.Helper()
	fa := tinyTeams()
	fa.Version = "swap-a"
	for i := range fa.Teams {
		fa.Teams[i].Capacity = 1000
	}
	fb := tinyTeams()
	fb.Version = "swap-b"
	fb.Teams = slices.DeleteFunc(fb.Teams, func(e routing.TeamEntry) bool { return e.ID == "fast-b" })
	for i := range fb.Teams {
		fb.Teams[i].Capacity = 1000
		if fb.Teams[i].ID == "civil" {
			fb.Teams[i].Capacity = 900
		}
	}
	fast := fb.Teams[0]
	fast.ID, fast.Name, fast.Capacity = "fast-c", "速裁丙", 500
	fb.Teams = append(fb.Teams, fast)
	return writeTeams(t, fa), writeTeams(t, fb)
}

// TestTeamsSwapUnderLoad swaps the teams table back and forth (as the
// teams reloader does) while Triage calls run on a real server and store:
// no call fails, and every decision is routed wholly by one of the two
// tables, the one its assignment's teams_version names: its draw's
// candidates are exactly that table's eligible teams for the case, with
// that table's capacities, so its team is one the table has. The store
// returns each assignment as answered, teams_version included.
func TestTeamsSwapUnderLoad(t *testing.T) {
	forEachBackend(t, func(t *testing.T, be backend) {
		ctx := testContext(t)
		a, b := swapTeams(t)
		table := routing.NewTable(a)
		h := startServer(t, deps{decider: newDecider(t), store: openTarget(t, be.target), teamsTable: table})
		byVersion := map[string]*routing.Teams{a.Version(): a, b.Version(): b}

		makers := []func(string) *triagev1.Filing{
			loanFiling, reviewTextFiling, simplifiedFiling, adminFiling,
			func(id string) *triagev1.Filing { return criminalFiling(id, true) },
		}
		type call struct {
			f   *triagev1.Filing
			d   *triagev1.Decision
			err error
		}
		const workers, perWorker = 6, 20
		calls := make([][]call, workers)
		stop := make(chan struct{})
		swapped := make(chan int)
		go func() {
			n := 0
			for {
				select {
				case <-stop:
					swapped <- n
					return
				default:
				}
				next := b
				if table.Teams() == b {
					next = a
				}
				if err := table.SetTeams(next); err != nil {
					t.Error(err)
				}
				n++
				time.Sleep(200 * time.Microsecond)
			}
		}()
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				for i := range perWorker {
					f := makers[(w+i)%len(makers)](fmt.Sprintf("swap-%d-%d", w, i))
					resp, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: f})
					calls[w] = append(calls[w], call{f: f, d: resp.GetDecision(), err: err})
				}
			})
		}
		wg.Wait()
		close(stop)
		if n := <-swapped; n < 2 {
			t.Fatalf("the table was swapped %d times during the load", n)
		}

		seen := map[string]int{}
		for _, c := range slices.Concat(calls...) {
			if c.err != nil {
				t.Errorf("Triage(%s): %v", c.f.GetId(), c.err)
				continue
			}
			as := c.d.GetAssignment()
			ts := byVersion[as.GetTeamsVersion()]
			if ts == nil {
				t.Errorf("%s: assignment names teams version %q, neither %s nor %s", c.f.GetId(), as.GetTeamsVersion(), a.Version(), b.Version())
				continue
			}
			seen[as.GetTeamsVersion()]++
			var want []*triagev1.DrawCandidate
			for _, team := range ts.Eligible(c.d, c.f) {
				want = append(want, &triagev1.DrawCandidate{TeamId: team.ID, Capacity: team.Capacity})
			}
			if diff := cmp.Diff(want, as.GetDraw().GetCandidates(), protocmp.Transform(),
				protocmp.IgnoreFields(&triagev1.DrawCandidate{}, "free", "load")); diff != "" {
				t.Errorf("%s: draw candidates are not %s's eligible teams (-want +got):\n%s", c.f.GetId(), as.GetTeamsVersion(), diff)
			}
			if _, ok := ts.Team(as.GetTeamId()); !ok {
				t.Errorf("%s: drawn to %q, not a team of %s", c.f.GetId(), as.GetTeamId(), as.GetTeamsVersion())
			}
			got, err := h.client.GetCase(ctx, &triagev1.GetCaseRequest{DecisionId: c.d.GetDecisionId()})
			if err != nil {
				t.Errorf("GetCase(%s): %v", c.f.GetId(), err)
				continue
			}
			if diff := cmp.Diff([]*triagev1.Assignment{as}, got.GetAssignments(), protocmp.Transform()); diff != "" {
				t.Errorf("%s: stored assignment differs from the answer (-answer +stored):\n%s", c.f.GetId(), diff)
			}
		}
		if seen[a.Version()] == 0 || seen[b.Version()] == 0 {
			t.Errorf("decisions by teams version: %v; want both tables to have routed some", seen)
		}
	})
}

// TestTeamsRemovedAfterSwap: once a reload's table no longer lists a team,
// no case is drawn or designated to it, while its stored assignments stay
// readable (GetCase, its feed) and a conversion moves its case off by a new
// draw; fenjian_team_free_capacity drops its series and shows a changed
// capacity at the next scrape; every new assignment names the new version.
func TestTeamsRemovedAfterSwap(t *testing.T) {
	forEachBackend(t, func(t *testing.T, be backend) {
		ctx := testContext(t)
		a := writeTeams(t, tinyTeams())
		table := routing.NewTable(a)
		h := startServer(t, deps{decider: newDecider(t), store: openTarget(t, be.target), teamsTable: table})
		held1 := triageOK(t, ctx, h.client, reviewTextFiling("rm-1"))
		held2 := triageOK(t, ctx, h.client, reviewTextFiling("rm-2"))
		loan := triageOK(t, ctx, h.client, loanFiling("rm-3"))
		for _, d := range []*triagev1.Decision{held1, held2} {
			if got := d.GetAssignment(); got.GetTeamId() != "civil" || got.GetTeamsVersion() != a.Version() {
				t.Fatalf("%s drawn to %q under %q; the test needs civil under %s", d.GetFilingId(), got.GetTeamId(), got.GetTeamsVersion(), a.Version())
			}
		}
		fastA := 0 // places of fast-a taken
		if loan.GetAssignment().GetTeamId() == "fast-a" {
			fastA = 1
		}
		waitDecisions(t, h, 3)

		// The new file: civil dissolved into civil-new, fast-a given 20 places.
		fb := tinyTeams()
		fb.Version = "tiny-2"
		for i, e := range fb.Teams {
			switch e.ID {
			case "civil":
				fb.Teams[i].ID, fb.Teams[i].Name, fb.Teams[i].Capacity = "civil-new", "民事审判二庭", 4
			case "fast-a":
				fb.Teams[i].Capacity = 20
			}
		}
		b := writeTeams(t, fb)
		if err := table.SetTeams(b); err != nil {
			t.Fatal(err)
		}

		t.Run("metrics follow the swap", func(t *testing.T) {
			for team, want := range map[string]float64{"civil": absent, "fast-a": float64(20 - fastA), "fast-b": float64(5 - (1 - fastA))} {
				if got := freeCapacityAfter(t, h, team); got != want {
					t.Errorf("fenjian_team_free_capacity{team=%q} = %v, want %v (%v is absent)", team, got, want, float64(absent))
				}
			}
		})
		t.Run("the removed team's cases stay readable", func(t *testing.T) {
			for _, d := range []*triagev1.Decision{held1, held2} {
				got, err := h.client.GetCase(ctx, &triagev1.GetCaseRequest{DecisionId: d.GetDecisionId()})
				if err != nil {
					t.Fatalf("GetCase(%s): %v", d.GetFilingId(), err)
				}
				if diff := cmp.Diff([]*triagev1.Assignment{d.GetAssignment()}, got.GetAssignments(), protocmp.Transform()); diff != "" {
					t.Errorf("GetCase(%s) assignments (-at triage +now):\n%s", d.GetFilingId(), diff)
				}
			}
		})
		t.Run("the removed team's feed goes on", func(t *testing.T) {
			f := watch(t, h.client, "civil", "")
			got := f.take(t, 2)
			if diff := cmp.Diff([]*triagev1.Assignment{held1.GetAssignment(), held2.GetAssignment()}, got, protocmp.Transform()); diff != "" {
				t.Errorf("civil's feed (-want +got):\n%s", diff)
			}
			f.stop()
		})
		t.Run("a team never listed has no feed", func(t *testing.T) {
			for _, team := range []string{"civil-2", "CIVIL", ""} {
				st := watchErr(t, h.client, &triagev1.WatchAssignmentsRequest{TeamId: team})
				if st.Code() != codes.InvalidArgument {
					t.Errorf("WatchAssignments(%q): %v, want INVALID_ARGUMENT", team, st)
				}
			}
		})
		t.Run("no new case is drawn to the removed team", func(t *testing.T) {
			d := triageOK(t, ctx, h.client, reviewTextFiling("rm-4"))
			if got := d.GetAssignment(); got.GetTeamId() != "civil-new" || got.GetTeamsVersion() != b.Version() {
				t.Errorf("drawn to %q under %q; want civil-new under %s", got.GetTeamId(), got.GetTeamsVersion(), b.Version())
			}
		})
		t.Run("no case is designated to the removed team", func(t *testing.T) {
			_, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: loan.GetDecisionId(), TeamId: "civil", DesignatedBy: "president-1", Reason: "审判团队调整"})
			checkStatus(t, err, codes.InvalidArgument, "team_id", "")
		})
		t.Run("a designation names the table it was checked with", func(t *testing.T) {
			resp, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: held1.GetDecisionId(), TeamId: "civil-new", DesignatedBy: "president-1", Reason: "原团队撤销，移交民事审判二庭"})
			if err != nil {
				t.Fatal(err)
			}
			if got := resp.GetAssignment(); got.GetTeamsVersion() != b.Version() || got.GetPreviousTeamId() != "civil" {
				t.Errorf("designation %v; want teams_version %s, previous civil", got, b.Version())
			}
		})
		t.Run("a conversion moves the case off the removed team", func(t *testing.T) {
			resp, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{
				Outcome: outcome(held2, triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY, ordinary, "2024-03-05")})
			if err != nil {
				t.Fatal(err)
			}
			if got := resp.GetReassignment(); got.GetTeamId() != "civil-new" || got.GetPreviousTeamId() != "civil" || got.GetTeamsVersion() != b.Version() {
				t.Errorf("reassignment %v; want civil → civil-new under %s", got, b.Version())
			}
		})
	})
}
