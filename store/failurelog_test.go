package store_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/fenjian/fenjian/store"
)

// lockedBuffer is a log sink the writer and the test share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// notStored returns the "write not stored" records logged so far.
func (l *lockedBuffer) notStored(t *testing.T) []map[string]any {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	var recs []map[string]any
	for line := range strings.SplitSeq(strings.TrimSpace(l.b.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if rec["msg"] == "write not stored" {
			recs = append(recs, rec)
		}
	}
	return recs
}

// TestWriteFailuresLogBounded: while the database refuses every write,
// each write is still counted and answered UNAVAILABLE, but at most
// FailureLogBurst of them are logged at once, and the next record logged
// says how many went unlogged. One ERROR record per failed write flooded
// the logs in an outage under load (outside check 20: 18,457 records in
// 10 s of a PostgreSQL stop, 17,646 in 14 s of a full SQLite volume).
func TestWriteFailuresLogBounded(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		reg := prometheus.NewRegistry()
		logs := &lockedBuffer{}
		s := b.open(t, store.Options{Registerer: reg, Logger: slog.New(slog.NewJSONHandler(logs, nil))})
		ctx := context.Background()
		b.exec(t, b.refuseInserts)
		defer b.exec(t, b.allowInserts)

		const flood = 3 * store.FailureLogBurst
		total := 0
		for _, tt := range []struct {
			name       string
			writes     int
			pause      time.Duration // before the writes: the limit refills
			wantLogged int           // new "write not stored" records, at least
			wantCount  int           // the last new record says how many went unlogged: 1 yes, -1 no, 0 either (a refill mid-flood)
		}{
			{"a few failures are each logged", 3, 0, 3, -1},
			{"a flood is logged up to the burst", flood, 0, store.FailureLogBurst - 3, 0},
			{"the next record says how many were left out", 1, 200 * time.Millisecond, 1, 1},
		} {
			t.Run(tt.name, func(t *testing.T) {
				time.Sleep(tt.pause)
				before := len(logs.notStored(t))
				written := writeErrors(t, reg, "save")
				start := time.Now()
				for i := range tt.writes {
					d, f := civilCase(fmt.Sprintf("%s-%d", strings.ReplaceAll(tt.name, " ", "-"), i))
					if err := s.SaveDecision(ctx, d, f); !errors.Is(err, store.ErrUnavailable) {
						t.Fatalf("save while refused = %v, want ErrUnavailable", err)
					}
				}
				total += tt.writes
				if got := writeErrors(t, reg, "save") - written; got != float64(tt.writes) {
					t.Errorf("write_errors_total{operation=save} rose by %v, want %d: every failure counted", got, tt.writes)
				}
				all := logs.notStored(t)
				recs := all[before:]
				// The limit refills at FailureLogRate a second while the
				// writes run.
				refill := int(time.Since(start).Seconds()*store.FailureLogRate) + 1
				if len(recs) < tt.wantLogged || len(recs) > tt.wantLogged+refill {
					t.Fatalf("logged %d records, want %d (up to %d refilled)", len(recs), tt.wantLogged, refill)
				}
				// Every failure is logged or counted in a later record.
				accounted := len(all)
				for _, r := range all {
					n, _ := r["writes_not_logged"].(float64)
					accounted += int(n)
				}
				// On a slow machine the limit refills during the flood, and a
				// record inside the flood already counted what it left out.
				countedEarlier := tt.wantCount > 0 && accounted == total
				if n, _ := recs[len(recs)-1]["writes_not_logged"].(float64); tt.wantCount != 0 && (n > 0) != (tt.wantCount > 0) && !countedEarlier {
					t.Errorf("the last record's writes_not_logged = %v, want one: %v", n, tt.wantCount > 0)
				}
				if tt.wantCount > 0 && accounted != total {
					t.Errorf("%d failures logged or counted as unlogged, want all %d", accounted, total)
				}
			})
		}
	})
}
