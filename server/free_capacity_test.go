package server

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

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
