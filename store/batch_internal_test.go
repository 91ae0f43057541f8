package store

import (
	"context"
	"math"
	"path/filepath"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestDrawRedrawsWhenTeamFull drives the redraw path that the chain lock
// makes unreachable in normal operation: the transaction believes a team has
// room (a stale load, as if team_load were changed outside the lock), the
// conditional increment refuses, and the draw is made again without that
// team and recorded as such.
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
	b := &batch{tx: tx, d: &s.dialect, hot: s.hot, at: now, now: now.UnixNano(), headHash: genesisHash,
		loads: map[[2]string]int64{{"A", "2024-03"}: 0}} // stale: A is full

	var calls [][]string
	plan := &AssignmentPlan{
		Teams:     []TeamSlot{{TeamID: "A", Capacity: 5}, {TeamID: "B", Capacity: 3}},
		Seed:      42,
		Algorithm: "first",
		Draw: func(_ uint64, cands []*triagev1.DrawCandidate) (int, error) {
			var ids []string
			for _, c := range cands {
				ids = append(ids, c.GetTeamId())
			}
			calls = append(calls, ids)
			return 0, nil // the first candidate
		},
	}
	job := &triageJob{d: &triagev1.Decision{DecisionId: "d", Recommended: triagev1.Procedure_PROCEDURE_SIMPLIFIED}, plan: plan, period: "2024-03"}
	a, err := b.draw(ctx, job, &decisionRow{decisionID: "d", filingID: "f"})
	if err != nil {
		t.Fatal(err)
	}
	if a == nil || a.GetTeamId() != "B" {
		t.Fatalf("draw = %v, want team B", a)
	}
	if len(calls) != 2 || len(calls[0]) != 2 || len(calls[1]) != 1 || calls[1][0] != "B" {
		t.Errorf("Draw saw %v, want [A B] then [B]", calls)
	}
	if c := a.GetDraw().GetCandidates(); len(c) != 1 || c[0].GetTeamId() != "B" || c[0].GetFree() != 3 {
		t.Errorf("recorded candidates %v, want the redraw's [B free 3]", c)
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
