//go:build unix

package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/store"
)

// TestPostgresOutage stops a throwaway PostgreSQL server under a store that
// is saving decisions from several goroutines, then starts it again
// (docs/architecture.md, Targets: a store outage yields UNAVAILABLE, never an unrecorded
// decision, and an acknowledged decision is never lost). While the server is
// down every save, read and ping fails promptly with ErrUnavailable; no save
// reports success without its row; once the server is back, the same store
// saves again without being reopened.
//
// "fast" is a clean shutdown (sessions are told and closed); "immediate"
// kills the server as a crash would, so the acknowledged decisions must also
// survive crash recovery.
func TestPostgresOutage(t *testing.T) {
	pgtest.DSN(t) // PostgreSQL tests run when the suite is asked for them
	for _, mode := range []string{"fast", "immediate"} {
		t.Run("stop="+mode, func(t *testing.T) {
			c := pgtest.StartCluster(t)
			ctx := context.Background()
			s, err := store.OpenPostgres(ctx, c.URL(), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()

			load := startSaveLoad(s)
			if !waitUntil(30*time.Second, func() bool { return load.okCount.Load() >= 100 }) {
				t.Fatalf("only %d saves succeeded before the outage", load.okCount.Load())
			}

			c.Stop(mode)
			down := time.Now()
			probeStoreUnavailable(t, ctx, s)
			time.Sleep(500 * time.Millisecond) // the load keeps failing meanwhile
			load.stop()
			results := load.results

			c.Start()
			after := saveAfterRecovery(t, ctx, s)

			// Every acknowledged save has its row; every failure is
			// ErrUnavailable and was prompt.
			ok, failedDown, ambiguous, slowest := checkOutageSaves(t, ctx, s, results, down)
			for _, id := range after {
				if _, err := s.GetDecision(ctx, id); err != nil {
					t.Errorf("%s saved after recovery, GetDecision = %v", id, err)
				}
			}
			if failedDown == 0 {
				t.Errorf("no save failed while the server was down")
			}
			if slowest > 10*time.Second {
				t.Errorf("a failing save took %v, want failures within seconds", slowest)
			}
			t.Logf("%d saves: %d acknowledged, %d failed with ErrUnavailable while the server was down (slowest failure %v), %d failed but stored",
				len(results), ok, failedDown, slowest.Round(time.Millisecond), ambiguous)
		})
	}
}

// outageSave is one save of TestPostgresOutage's load and what came of it.
type outageSave struct {
	id    string
	err   error
	start time.Time
	took  time.Duration
}

// saveLoad is the load of saves TestPostgresOutage keeps up across the
// outage: eight goroutines saving until stopped, every save recorded.
type saveLoad struct {
	mu       sync.Mutex
	results  []outageSave
	okCount  atomic.Int64
	seq      atomic.Int64
	stopLoad chan struct{}
	wg       sync.WaitGroup
}

// startSaveLoad starts eight goroutines that save decisions to s until stop
// is called, recording each save in results.
func startSaveLoad(s store.Store) *saveLoad {
	l := &saveLoad{stopLoad: make(chan struct{})}
	for range 8 {
		l.wg.Go(func() {
			for {
				select {
				case <-l.stopLoad:
					return
				default:
				}
				id := fmt.Sprintf("load-%d", l.seq.Add(1))
				// A generous deadline: promptness is asserted on
				// the measured time, not by cutting calls short.
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				start := time.Now()
				err := save(ctx, s, id)
				cancel()
				l.mu.Lock()
				l.results = append(l.results, outageSave{"dec-" + id, err, start, time.Since(start)})
				l.mu.Unlock()
				if err == nil {
					l.okCount.Add(1)
				} else {
					time.Sleep(5 * time.Millisecond) // no hot loop while the server is down
				}
			}
		})
	}
	return l
}

// stop ends the load and waits for its saves to finish.
func (l *saveLoad) stop() {
	close(l.stopLoad)
	l.wg.Wait()
}

// probeStoreUnavailable checks a save, a Ping and a read with the server
// down each fail with ErrUnavailable, the save promptly, though the caller
// sets no deadline.
func probeStoreUnavailable(t *testing.T, ctx context.Context, s store.Store) {
	t.Helper()
	// Probes from a caller with no deadline of its own: the store
	// must bound them itself.
	start := time.Now()
	err := save(ctx, s, "probe")
	if took := time.Since(start); !errors.Is(err, store.ErrUnavailable) || took > 10*time.Second {
		t.Errorf("save with the server down = %v after %v, want ErrUnavailable promptly", err, took)
	}
	if err := s.Ping(ctx); !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("Ping with the server down = %v, want ErrUnavailable", err)
	}
	if _, err := s.GetDecision(ctx, "dec-load-1"); !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("GetDecision with the server down = %v, want ErrUnavailable", err)
	}
}

// saveAfterRecovery waits for the same store, not reopened, to save again
// after the server's restart (failing meanwhile only with ErrUnavailable),
// then makes 20 concurrent saves that must succeed and a Ping; it returns
// the decision ids saved.
func saveAfterRecovery(t *testing.T, ctx context.Context, s store.Store) []string {
	t.Helper()
	// The same store, not reopened: its pools dial the server anew.
	var after []string
	recovered := waitUntil(30*time.Second, func() bool {
		id := fmt.Sprintf("after-%d", len(after))
		err := save(ctx, s, id)
		if err == nil {
			after = append(after, "dec-"+id)
			return true
		}
		if !errors.Is(err, store.ErrUnavailable) {
			t.Errorf("save while the server restarts = %v, want ErrUnavailable", err)
		}
		return false
	})
	if !recovered {
		t.Fatal("the store did not save again within 30s of the server's restart")
	}
	var rwg sync.WaitGroup
	errs := make([]error, 20)
	for i := range errs {
		rwg.Go(func() {
			id := fmt.Sprintf("recovered-%d", i)
			errs[i] = save(ctx, s, id)
		})
	}
	rwg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("save #%d after recovery: %v", i, err)
		}
		after = append(after, fmt.Sprintf("dec-recovered-%d", i))
	}
	if err := s.Ping(ctx); err != nil {
		t.Errorf("Ping after recovery: %v", err)
	}
	return after
}

// checkOutageSaves checks every acknowledged save has its row and every
// failure is ErrUnavailable; it returns the number acknowledged, the number
// of failures that started once the server was down, the number that failed
// but were stored, and the slowest failure.
func checkOutageSaves(t *testing.T, ctx context.Context, s store.Store, results []outageSave, down time.Time) (ok, failedDown, ambiguous int, slowest time.Duration) {
	t.Helper()
	for _, r := range results {
		_, getErr := s.GetDecision(ctx, r.id)
		switch {
		case r.err == nil:
			ok++
			if getErr != nil {
				t.Errorf("%s acknowledged but not stored after the outage: %v", r.id, getErr)
			}
		case errors.Is(r.err, store.ErrUnavailable) && !errors.Is(r.err, store.ErrDuplicate):
			if !r.start.Before(down) {
				failedDown++
			}
			slowest = max(slowest, r.took)
			if getErr == nil {
				// The connection died between COMMIT and its
				// answer, and the server was gone before the
				// writer could read back whether it committed:
				// stored, the caller told UNAVAILABLE saying it
				// may be (ErrCommitUnknown; a retry is answered
				// replayed). Told it was not stored, the caller
				// would have been misled (outside check 27).
				ambiguous++
				if !errors.Is(r.err, store.ErrCommitUnknown) {
					t.Errorf("%s failed with %v but is stored: want ErrCommitUnknown", r.id, r.err)
				}
			} else if !errors.Is(getErr, store.ErrNotFound) {
				t.Errorf("GetDecision(%s) after recovery = %v", r.id, getErr)
			}
		default:
			t.Errorf("%s: SaveDecision = %v, want nil or ErrUnavailable", r.id, r.err)
		}
	}
	return ok, failedDown, ambiguous, slowest
}
