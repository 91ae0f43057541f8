package store

import (
	"context"
	"errors"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestPostgresWriterTimeoutIsUnavailable: a transaction that outlives the
// writer's own bound (postgresWriteTimeout; a PostgreSQL that hangs, here a
// lock held from another session) fails the save with ErrUnavailable, not
// with context.DeadlineExceeded, which the server answers as
// DEADLINE_EXCEEDED: the outside check's caller, which had set no deadline,
// got that after 10 s against a PostgreSQL behind a frozen proxy. Near
// miss: a caller whose own deadline passes first gets its own
// context.DeadlineExceeded.
func TestPostgresWriterTimeoutIsUnavailable(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name           string
		writer, caller time.Duration
		unavailable    bool
	}{
		{"the writer's bound passes", 300 * time.Millisecond, time.Minute, true},
		{"near miss: the caller's deadline passes", time.Minute, 300 * time.Millisecond, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := openTestPostgres(t, Options{writeTimeout: tc.writer})
			// Every write transaction locks the chain's head first.
			lock, err := p.read.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := lock.ExecContext(ctx, `SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE`); err != nil {
				t.Fatal(err)
			}
			cctx, cancel := context.WithTimeout(ctx, tc.caller)
			defer cancel()
			err = p.SaveDecision(cctx, &triagev1.Decision{DecisionId: "dec-" + tc.name[:4], Recommended: triagev1.Procedure_PROCEDURE_SIMPLIFIED},
				&triagev1.Filing{Id: "f-" + tc.name[:4], CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL})
			_ = lock.Rollback()
			if err == nil {
				t.Fatal("saved while the head was locked")
			}
			t.Log(err)
			if got := errors.Is(err, context.DeadlineExceeded); got == tc.unavailable {
				t.Errorf("errors.Is(err, context.DeadlineExceeded) = %v, want %v", got, !tc.unavailable)
			}
			if tc.unavailable && !errors.Is(err, ErrUnavailable) {
				t.Errorf("err does not wrap ErrUnavailable")
			}
		})
	}
}
