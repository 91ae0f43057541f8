package server

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

// TestFreeCapacityFollowsTheMonth triages on a real server whose clock the
// test moves across month ends, with one civil team of 2 places a month,
// and reads fenjian_team_free_capacity as Prometheus scrapes it after each
// step: it is the team's free places in the current intake month (Beijing
// time), its full capacity when this replica drew none of them, never a
// figure of another month a draw left behind.
func TestFreeCapacityFollowsTheMonth(t *testing.T) {
	const capacity = 2
	// tinyTeams' criminal and administrative teams, and one civil team:
	// every loan is drawn to it.
	file := tinyTeams()
	file.Teams = append(file.Teams[3:], routing.TeamEntry{
		ID: "civil", Name: "民事审判团队", Capacity: capacity,
		CaseKinds:  []string{"CASE_KIND_CIVIL"},
		Procedures: []string{"PROCEDURE_SMALL_CLAIMS", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"},
	})
	var clock atomic.Pointer[time.Time]
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: writeTeams(t, file),
		now: func() time.Time { return *clock.Load() }})
	ctx := testContext(t)

	steps := []struct {
		name string
		now  time.Time // UTC; Beijing is 8 hours ahead
		// filedOn are the 立案 dates of the loans triaged at now.
		filedOn []string
		want    float64
	}{
		{name: "March filled", now: at("2024-03-20T02:00:00Z"), filedOn: []string{"2024-03-05", "2024-03-06"}, want: 0},
		{name: "last second of March in Beijing", now: at("2024-03-31T15:59:59Z"), want: 0},
		// UTC is still on 31 March: the month is Beijing's.
		{name: "April begins in Beijing", now: at("2024-03-31T16:00:00Z"), want: capacity},
		{name: "April's first draw", now: at("2024-04-01T01:00:00Z"), filedOn: []string{"2024-04-01"}, want: capacity - 1},
		// March is full: the draw finds no room, offering the team with
		// March's 0 free, which is not April's figure.
		{name: "a March filing triaged late", now: at("2024-04-02T01:00:00Z"), filedOn: []string{"2024-03-30"}, want: capacity - 1},
		{name: "April filled", now: at("2024-04-10T01:00:00Z"), filedOn: []string{"2024-04-10"}, want: 0},
		// A filing may be dated tomorrow: May's figure waits for May.
		{name: "a May filing on 30 April", now: at("2024-04-30T15:00:00Z"), filedOn: []string{"2024-05-01"}, want: 0},
		{name: "May begins with its own figure", now: at("2024-04-30T16:00:00Z"), want: capacity - 1},
		{name: "months later, no draw since", now: at("2024-09-15T01:00:00Z"), want: capacity},
	}
	triaged := 0
	for _, s := range steps {
		clock.Store(&s.now)
		for _, on := range s.filedOn {
			triaged++
			f := loanFiling(fmt.Sprintf("cap-%d", triaged))
			f.FiledOn = on
			triageOK(t, ctx, h.client, f)
		}
		// The metrics of a call are recorded as it ends, which the
		// client may see before: wait for this step's decisions.
		waitDecisions(t, h, triaged)
		if got := gathered(t, h.reg, "fenjian_team_free_capacity", map[string]string{"team": "civil"}); got != s.want {
			t.Errorf("%s (%s UTC): fenjian_team_free_capacity{team=\"civil\"} = %v, want %v", s.name, s.now.Format(time.DateTime), got, s.want)
		}
	}
}

// at parses an RFC 3339 time.
func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// waitDecisions waits until fenjian_decisions_total, over all its series,
// has counted n decisions.
func waitDecisions(t *testing.T, h *harness, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, err := samples(h.reg, "fenjian_decisions_total")
		if err != nil {
			t.Fatal(err)
		}
		var sum float64
		for k, v := range got {
			if strings.HasPrefix(k, "fenjian_decisions_total") {
				sum += v
			}
		}
		if sum == float64(n) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("fenjian_decisions_total counts %v decisions, want %d", sum, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// absent is a want of freeCapacityAfter: the team has no series.
const absent = -1

// freeCapacityAfter reads fenjian_team_free_capacity{team} as a scrape
// would, absent when the replica exports no such series.
func freeCapacityAfter(t *testing.T, h *harness, team string) float64 {
	t.Helper()
	got, err := samples(h.reg, "fenjian_team_free_capacity")
	if err != nil {
		t.Fatal(err)
	}
	v, ok := got[series("fenjian_team_free_capacity", map[string]string{"team": team})]
	if !ok {
		return absent
	}
	return v
}

// TestFreeCapacityFollowsMoves: a conversion that re-draws its case onto
// another team, and a designation, take a place of that team's month as a
// draw at triage does, and the next scrape shows it; a re-draw that finds
// the team full shows it full. Before, only triage's draws set the gauge:
// the general civil team below took two re-drawn cases and a designated one
// and was still not exported at all (the replica that filled it showed its
// capacity, and FenjianTeamOverCapacity, the maximum over replicas, stayed
// quiet). Real server, real store, on SQLite and PostgreSQL.
func TestFreeCapacityFollowsMoves(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		// tinyTeams, with "civil" the only team taking an ordinary loan
		// case or a simplified one under review; simplified loans are
		// drawn to the two 速裁团队, which take no ordinary case.
		const capacity = 3
		h := startServer(t, deps{decider: newDecider(t), store: openTarget(t, b.target), teams: writeTeams(t, tinyTeams())})
		ctx := testContext(t)
		loans := make([]*triagev1.Decision, 4)
		for i := range loans {
			loans[i] = triageOK(t, ctx, h.client, simplifiedFiling(fmt.Sprintf("mv-%d", i)))
			if team := loans[i].GetAssignment().GetTeamId(); !strings.HasPrefix(team, "fast-") {
				t.Fatalf("simplified loan drawn to %q; the test needs a 速裁团队", team)
			}
		}
		waitDecisions(t, h, len(loans))
		if got := freeCapacityAfter(t, h, "civil"); got != absent {
			t.Fatalf("civil exported as %v before any draw offered it", got)
		}
		convert := func(d *triagev1.Decision) *triagev1.Assignment {
			t.Helper()
			resp, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(d, simpToOrd, ordinary, "2024-03-05")})
			if err != nil {
				t.Fatalf("简转普: %v", err)
			}
			return resp.GetReassignment()
		}
		steps := []struct {
			name string
			move func() *triagev1.Assignment
			kind triagev1.AssignmentKind
			want float64
		}{
			{"简转普 re-drawn to civil", func() *triagev1.Assignment { return convert(loans[0]) }, triagev1.AssignmentKind_ASSIGNMENT_KIND_RANDOM, capacity - 1},
			{"a second re-drawn to civil", func() *triagev1.Assignment { return convert(loans[1]) }, triagev1.AssignmentKind_ASSIGNMENT_KIND_RANDOM, capacity - 2},
			{"designated to civil", func() *triagev1.Assignment {
				resp, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{
					DecisionId: loans[2].GetDecisionId(), TeamId: "civil", DesignatedBy: "president-1", Reason: "原承办团队需回避"})
				if err != nil {
					t.Fatalf("AssignCase: %v", err)
				}
				return resp.GetAssignment()
			}, triagev1.AssignmentKind_ASSIGNMENT_KIND_DESIGNATED, 0},
			// civil is full: the re-draw finds no room and offered it.
			{"简转普 with civil full", func() *triagev1.Assignment { return convert(loans[3]) }, triagev1.AssignmentKind_ASSIGNMENT_KIND_UNROUTED, 0},
		}
		for _, s := range steps {
			a := s.move()
			if a.GetKind() != s.kind {
				t.Fatalf("%s: assignment %v, want kind %v", s.name, a, s.kind)
			}
			if got := freeCapacityAfter(t, h, "civil"); got != s.want {
				t.Errorf("%s: fenjian_team_free_capacity{team=\"civil\"} = %v, want %v", s.name, got, s.want)
			}
		}
	})
}

// TestFreeCapacityAfterTeamsChange: the teams file is read at start
// (docs/operations.md: a change is rolled out by restarting), so a team
// removed from it is gone from fenjian_team_free_capacity of the restarted
// replica, even when a case it held is converted and re-drawn; the teams
// left are exported. A real server on one store, restarted with a file
// without "civil". There is no hot reload of the teams file to test: a
// replica still running the old file exports the team until it is
// replaced, which the alert's `for: 10m` outlasts in a rolling update.
func TestFreeCapacityAfterTeamsChange(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := testContext(t)
		before := startServer(t, deps{decider: newDecider(t), store: openTarget(t, b.target), teams: writeTeams(t, tinyTeams())})
		held := triageOK(t, ctx, before.client, reviewTextFiling("rm-1"))
		if team := held.GetAssignment().GetTeamId(); team != "civil" {
			t.Fatalf("loan under review drawn to %q; the test needs civil", team)
		}
		waitDecisions(t, before, 1)
		if got := freeCapacityAfter(t, before, "civil"); got != 2 {
			t.Fatalf("before the change: civil = %v, want 2", got)
		}

		// The new file: civil replaced by civil-new.
		file := tinyTeams()
		for i, e := range file.Teams {
			if e.ID == "civil" {
				file.Teams[i].ID, file.Teams[i].Name = "civil-new", "民事审判二庭"
			}
		}
		after := startServer(t, deps{decider: newDecider(t), store: openTarget(t, b.target), teams: writeTeams(t, file)})
		resp, err := after.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{
			Outcome: outcome(held, triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY, ordinary, "2024-03-05")})
		if err != nil {
			t.Fatalf("小额转普 after the change: %v", err)
		}
		if a := resp.GetReassignment(); a.GetTeamId() != "civil-new" || a.GetPreviousTeamId() != "civil" {
			t.Fatalf("reassignment %v; want civil → civil-new", a)
		}
		triageOK(t, ctx, after.client, simplifiedFiling("rm-2"))
		waitDecisions(t, after, 1)
		for team, want := range map[string]float64{"civil": absent, "civil-new": 2} {
			if got := freeCapacityAfter(t, after, team); got != want {
				t.Errorf("after the change: fenjian_team_free_capacity{team=%q} = %v, want %v (%v is absent)", team, got, want, float64(absent))
			}
		}
	})
}
