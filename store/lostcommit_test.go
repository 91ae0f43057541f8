package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/store"
)

// TestLostCommitAnswer: a Triage's decision whose COMMIT reached
// PostgreSQL but whose answer was lost with the connection was stored while
// the caller was told UNAVAILABLE, "the decision could not be stored" (in a
// PostgreSQL restart under load, 1 of 399 failed calls; outside check 27).
// The writer now reads back whether the transaction committed: committed,
// the save succeeds; not committed (the COMMIT never arrived), it fails
// with ErrUnavailable and nothing is stored; not learned (the database gone
// for longer than store.LostCommitReadBack), it fails with ErrUnavailable
// and ErrCommitUnknown, which the server answers saying the decision may be
// stored. Real PostgreSQL; the fault is a relay cutting the writer's
// connection at its COMMIT.
func TestLostCommitAnswer(t *testing.T) {
	readBack := store.LostCommitReadBack
	store.LostCommitReadBack = 500 * time.Millisecond
	t.Cleanup(func() { store.LostCommitReadBack = readBack })
	for _, tc := range []struct {
		name    string
		cut     pgtest.CommitCut
		stored  bool
		unknown bool
		// advance: another replica records a decision after the COMMIT
		// ran and before the writer reads back (outside check 28): the
		// chain's head is then past the lost batch.
		advance bool
	}{
		{"after", pgtest.CutAfterCommit, true, false, false},
		{"before", pgtest.CutBeforeCommit, false, false, false},
		{"after-down", pgtest.CutAfterCommitDown, true, true, false},
		{"after,another-replica-advanced", pgtest.CutAfterCommit, true, false, true},
	} {
		t.Run("cut="+tc.name, func(t *testing.T) {
			be := newPostgresBackend(t)
			relay, via := pgtest.StartCommitCutter(t, be.target, tc.cut)
			ctx := context.Background()
			s, err := store.Open(ctx, via, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := save(ctx, s, "1"); err != nil { // the pools are up
				t.Fatal(err)
			}
			// other carries the other replica's save from the relay's
			// goroutine (OnCut) to this one.
			other := make(chan error, 1)
			if tc.advance {
				o, err := store.Open(ctx, be.target, store.Options{}) // not through the relay
				if err != nil {
					t.Fatal(err)
				}
				defer o.Close()
				relay.OnCut = func() { other <- save(ctx, o, "other") }
			}

			relay.Arm()
			err = save(ctx, s, "2")
			if relay.Cuts() != 1 {
				t.Fatalf("the relay cut %d connections at COMMIT, want 1", relay.Cuts())
			}
			if tc.advance {
				if err := <-other; err != nil {
					t.Fatalf("the other replica's decision: %v", err)
				}
			}
			if tc.unknown {
				time.Sleep(pgtest.DownFor) // the database back
			}
			_, getErr := s.GetDecision(ctx, "dec-2")
			switch {
			case tc.unknown && (!errors.Is(err, store.ErrUnavailable) || !errors.Is(err, store.ErrCommitUnknown)):
				t.Errorf("COMMIT ran, its answer lost, the database gone: SaveDecision = %v, want ErrUnavailable and ErrCommitUnknown", err)
			case tc.unknown && getErr != nil:
				t.Errorf("COMMIT ran, its answer lost, the database gone: GetDecision = %v, want the decision stored", getErr)
			case tc.unknown:
			case tc.stored && err != nil:
				t.Errorf("COMMIT ran, its answer lost: SaveDecision = %v, want nil (the decision is stored: GetDecision = %v)", err, getErr)
			case tc.stored && getErr != nil:
				t.Errorf("COMMIT ran, its answer lost: SaveDecision = nil but GetDecision = %v", getErr)
			case !tc.stored && (!errors.Is(err, store.ErrUnavailable) || errors.Is(err, store.ErrCommitUnknown)):
				t.Errorf("COMMIT never sent: SaveDecision = %v, want ErrUnavailable (not ErrCommitUnknown: the read-back says it did not commit)", err)
			case !tc.stored && !errors.Is(getErr, store.ErrNotFound):
				t.Errorf("COMMIT never sent: GetDecision = %v, want ErrNotFound", getErr)
			}
			// The writer goes on with a new connection, the chain intact.
			if err := save(ctx, s, "3"); err != nil {
				t.Fatalf("save after the cut: %v", err)
			}
			rep, err := s.VerifyAudit(ctx)
			if err != nil || !rep.OK {
				t.Fatalf("audit after the cut = %+v, %v", rep, err)
			}
		})
	}
}
