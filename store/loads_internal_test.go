package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

// TestDeferredLoadsRefuseStaleCounts drives the guard of a batch's deferred
// team_load write on both dialects: the batch drew against a count that is
// no longer the stored one (as if team_load had been changed outside the
// chain lock), so the write must fail with errLoadsChanged, which makes the
// writer rerun the batch with a checked increment per draw. A batch whose
// count is right writes it.
func TestDeferredLoadsRefuseStaleCounts(t *testing.T) {
	ctx := context.Background()
	stores := map[string]func(t *testing.T) *sqlStore{
		"sqlite": func(t *testing.T) *sqlStore {
			s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "fenjian.db"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = s.Close() })
			return &s.sqlStore
		},
		"postgres": func(t *testing.T) *sqlStore {
			return &openTestPostgres(t, Options{}).sqlStore
		},
	}
	for name, open := range stores {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			if _, err := s.write.ExecContext(ctx, `INSERT INTO team_load (team_id, period, assigned) VALUES ('A', '2024-03', 5)`); err != nil {
				t.Fatal(err)
			}
			key := [2]string{"A", "2024-03"}
			for _, tc := range []struct {
				name    string
				counted int64 // what the batch believes team_load holds after its one draw
				want    error
			}{
				{"stale", 3, errLoadsChanged},
				{"current", 6, nil},
			} {
				tx, err := s.write.BeginTx(ctx, nil)
				if err != nil {
					t.Fatal(err)
				}
				now := time.Now()
				b := &batch{tx: tx, q: tx, d: &s.dialect, hot: s.hot, at: now, now: now.UnixNano(), headHash: genesisHash,
					deferLoads: true, loads: map[[2]string]int64{key: tc.counted}, pending: map[[2]string]int64{key: 1}}
				err = s.writeBatch(ctx, b)
				if !errors.Is(err, tc.want) {
					t.Errorf("%s count: write = %v, want %v", tc.name, err, tc.want)
				}
				if err == nil {
					var n int64
					if err := tx.QueryRowContext(ctx, s.dialect.q(selectLoad), "A", "2024-03").Scan(&n); err != nil || n != 6 {
						t.Errorf("%s count: team_load = %d, %v; want 6", tc.name, n, err)
					}
				}
				_ = tx.Rollback()
			}
		})
	}
}
