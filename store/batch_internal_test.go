package store

import (
	"context"
	"math"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

// TestDrawRedrawsWhenTeamFull drives the redraw path that the chain lock
// makes unreachable in normal operation: the transaction believes a team has
// room (a stale load, as if team_load were changed outside the lock), the
// conditional increment refuses, and the draw is made again with the load
// read anew and recorded as such.
func TestDrawRedrawsWhenTeamFull(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "fenjian.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.write.ExecContext(ctx, `INSERT INTO team_load (team_id, period, assigned) VALUES ('A', '2024-03', 5)`); err != nil {
		t.Fatal(err)
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	now := time.Now()
	b := &batch{tx: tx, q: tx, d: &s.dialect, hot: s.hot, at: now, now: now.UnixNano(), headHash: genesisHash,
		loads: map[[2]string]int64{{"A", "2024-03"}: 0}} // stale: A is full

	teams := []TeamSlot{{TeamID: "A", Capacity: 5}, {TeamID: "B", Capacity: 3}}
	// A seed whose first draw, on the stale loads, takes A.
	var seed uint64
	for ; ; seed++ {
		if _, i, err := routing.Pick(seed, []routing.Slot{{TeamID: "A", Capacity: 5}, {TeamID: "B", Capacity: 3}}); err != nil || i == 0 {
			break
		}
	}
	plan := &AssignmentPlan{Teams: teams, Seed: seed}
	job := &triageJob{d: &triagev1.Decision{DecisionId: "d", Recommended: triagev1.Procedure_PROCEDURE_SIMPLIFIED}, plan: plan, period: "2024-03"}
	a, none, err := b.draw(ctx, job, &decisionRow{decisionID: "d", filingID: "f"})
	if err != nil || none != nil {
		t.Fatalf("draw: %v, unassigned draw %v", err, none)
	}
	if a == nil || a.GetTeamId() != "B" {
		t.Fatalf("draw = %v, want team B", a)
	}
	// The record is the redraw's, with A at the load the database holds.
	want := &triagev1.Draw{Seed: seed, Algorithm: routing.Algorithm, Candidates: []*triagev1.DrawCandidate{
		{TeamId: "A", Capacity: 5, Load: 5, Free: 0}, {TeamId: "B", Capacity: 3, Load: 0, Free: 3}}}
	if diff := cmp.Diff(want, a.GetDraw(), protocmp.Transform()); diff != "" {
		t.Errorf("recorded draw (-want +got):\n%s", diff)
	}
	var loadA, loadB int64
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT assigned FROM team_load WHERE team_id = 'A'), (SELECT assigned FROM team_load WHERE team_id = 'B')`).Scan(&loadA, &loadB); err != nil {
		t.Fatal(err)
	}
	if loadA != 5 || loadB != 1 {
		t.Errorf("team_load A=%d B=%d, want 5 and 1", loadA, loadB)
	}
	// Designated increments ignore capacity.
	if ok, err := b.increment(ctx, "A", "2024-03", math.MaxInt64); !ok || err != nil {
		t.Errorf("unbounded increment = %v, %v", ok, err)
	}
}
