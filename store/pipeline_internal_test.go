package store

import (
	"context"
	"errors"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestPostgresPipelinedCommitRefusesStaleLoads drives postgresTx, whose
// COMMIT is sent in one pipeline with the batch's statement: when the
// team_load guard fails, the statement must fail and take the COMMIT with
// it, so that neither the decision nor the new chain head is stored (a
// count checked after the fact would come too late), and the writer gets
// errLoadsChanged. With the count team_load holds, the same batch commits.
func TestPostgresPipelinedCommitRefusesStaleLoads(t *testing.T) {
	ctx := context.Background()
	p := openTestPostgres(t, Options{})
	key := [2]string{"A", "2024-03"}
	stored := func(id string) (decisions int, head int64) {
		t.Helper()
		if err := p.read.QueryRowContext(ctx, `SELECT count(*) FROM decisions WHERE decision_id = $1`, id).Scan(&decisions); err != nil {
			t.Fatal(err)
		}
		if err := p.read.QueryRowContext(ctx, `SELECT seq FROM audit_head WHERE id = 1`).Scan(&head); err != nil {
			t.Fatal(err)
		}
		return decisions, head
	}
	for _, tc := range []struct {
		name string
		// counted is what the batch believes team_load holds after its
		// one draw; team_load holds 5 when the batch writes.
		counted int64
		want    error
	}{
		{"stale", 3, errLoadsChanged},
		{"current", 6, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id := "dec-" + tc.name
			_, head0 := stored(id)
			tx := &postgresTx{p: p}
			now := time.Now()
			b := &batch{d: &p.dialect, at: now, now: now.UnixNano(), deferLoads: true}
			if err := tx.begin(ctx, b, [][2]string{key}); err != nil {
				tx.end(ctx)
				t.Fatal(err)
			}
			// Changed outside the chain lock, after the batch read it.
			if _, err := p.read.ExecContext(ctx, `INSERT INTO team_load (team_id, period, assigned) VALUES ('A', '2024-03', 5)
ON CONFLICT (team_id, period) DO UPDATE SET assigned = 5`); err != nil {
				tx.end(ctx)
				t.Fatal(err)
			}
			row, err := newDecisionRow(&triagev1.Decision{DecisionId: id, Recommended: triagev1.Procedure_PROCEDURE_SIMPLIFIED},
				&triagev1.Filing{Id: "f-" + tc.name, CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL}, now, true)
			if err != nil {
				tx.end(ctx)
				t.Fatal(err)
			}
			if err := b.addDecision(ctx, &saveRequest{decision: row}); err != nil {
				tx.end(ctx)
				t.Fatal(err)
			}
			b.loads[key], b.pending[key] = tc.counted, 1
			err = tx.commit(ctx, b)
			tx.end(ctx)
			if !errors.Is(err, tc.want) {
				t.Fatalf("commit = %v, want %v", err, tc.want)
			}
			n, head := stored(id)
			wantN, wantHead := 0, head0
			if tc.want == nil {
				wantN, wantHead = 1, head0+1
			}
			if n != wantN || head != wantHead {
				t.Errorf("after commit: %d decisions %q stored, audit head at %d; want %d, %d", n, id, head, wantN, wantHead)
			}
			var load int64
			if err := p.read.QueryRowContext(ctx, `SELECT assigned FROM team_load WHERE team_id = 'A' AND period = '2024-03'`).Scan(&load); err != nil {
				t.Fatal(err)
			}
			if wantLoad := map[bool]int64{true: 5, false: 6}[tc.want != nil]; load != wantLoad {
				t.Errorf("team_load = %d, want %d", load, wantLoad)
			}
		})
	}
	// The writer's connection is back in its pool, idle: a save goes
	// through.
	row, err := newDecisionRow(&triagev1.Decision{DecisionId: "dec-after"}, &triagev1.Filing{Id: "f-after"}, time.Now(), true)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.writer.submit(ctx, &saveRequest{decision: row}); err != nil {
		t.Fatalf("save after the refused commit: %v", err)
	}
}
