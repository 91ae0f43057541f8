package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"runtime"
	rtmetrics "runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestMigrationOpenAtScale measures how long opening a store of n decisions
// takes when migrations must run, the time triaged spends before its
// listeners start (docs/operations.md, "Startup and long migrations"). It
// writes n decisions as a binary before migration 14 left them, without a
// filing key (the heaviest upgrade: migration 15 keys every row, 16 reads
// every row again), then opens the store as triaged does and logs the time;
// then it opens it again with migrations 16 and 17 undone in
// schema_migrations, with 17 alone undone (the latest migration alone
// re-run: 0017 re-keys every decision under the folded key) and once more
// with nothing to migrate, logging each open's time and the peak of this
// process's live Go heap and resident set during it (SQLite's page cache,
// modernc's C heap, is outside the Go heap) (the migrations run in Go: each row is read,
// re-keyed and written back from here). It is
// a measurement, skipped unless FENJIAN_MIGRATION_SCALE gives n:
//
//	FENJIAN_MIGRATION_SCALE=200000 go test -run TestMigrationOpenAtScale -parallel 1 -v -timeout 30m ./store/
//
// Its assertions are what the upgrade must leave: every decision keyed.
func TestMigrationOpenAtScale(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("FENJIAN_MIGRATION_SCALE"))
	if n <= 0 {
		t.Skip("a measurement: set FENJIAN_MIGRATION_SCALE to the number of decisions")
	}
	d0, f0 := servedCase(t)
	eachMigrationBackend(t, func(t *testing.T, name string, b migrationBackend) {
		ctx := context.Background()
		old, raw := openAtSchema(t, b, filingKeyVersion)
		if err := old.Close(); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		fillUnkeyed(t, name, raw, d0, f0, n)
		t.Logf("%s: %d decisions written without a filing key in %v", name, n, time.Since(start).Round(time.Millisecond))

		open := func(step string) {
			t.Helper()
			runtime.GC()
			before := liveHeap()
			peak := samplePeakHeap()
			resetPeakRSS(t)
			start := time.Now()
			s, err := Open(ctx, b.target, Options{})
			took := time.Since(start)
			top := peak()
			rss := peakRSS(t)
			if err != nil {
				t.Fatalf("%s: Open: %v", step, err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: open, %s: %v, live Go heap %d MB before, peak %d MB; peak RSS of the test process %s", name, step, took.Round(time.Millisecond), before>>20, top>>20, rss)
		}
		open("migrations 15 to 17 (every decision keyed)")
		var unkeyed int
		if err := raw.QueryRow(`SELECT count(*) FROM decisions WHERE filing_key IS NULL`).Scan(&unkeyed); err != nil || unkeyed != 0 {
			t.Errorf("after the upgrade %d decisions have no filing key (%v)", unkeyed, err)
		}
		// Both re-reading migrations again (a store keeps its highest
		// version: 16 alone would not run below 17).
		del := `DELETE FROM schema_migrations WHERE version >= 16`
		if _, err := raw.Exec(del); err != nil {
			t.Fatal(err)
		}
		open("migrations 16 and 17 (every decision read again, twice)")
		if _, err := raw.Exec(`DELETE FROM schema_migrations WHERE version >= 17`); err != nil {
			t.Fatal(err)
		}
		open("migration 17 alone (every decision re-keyed under the folded key)")
		open("no migration")
		if name == "sqlite" {
			if fi, err := os.Stat(b.target); err == nil {
				t.Logf("sqlite: database file %d MB", fi.Size()>>20)
			}
		}
	})
}

// fillUnkeyed inserts n copies of d0 and f0, each with its own decision and
// filing id, without a filing key, as a binary before migration 14 stored
// them; in transactions of 10,000.
func fillUnkeyed(t *testing.T, name string, raw *sql.DB, d0 *triagev1.Decision, f0 *triagev1.Filing, n int) {
	t.Helper()
	q := `INSERT INTO decisions (` + decisionColumns + `) VALUES (?, ?, 'CASE_KIND_CIVIL', 'PROCEDURE_SMALL_CLAIMS', 0, 'm', 'r', ?, ?, ?)`
	if name == "postgres" {
		q = postgresQ(q)
	}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano()
	for done := 0; done < n; {
		tx, err := raw.Begin()
		if err != nil {
			t.Fatal(err)
		}
		ins, err := tx.Prepare(q)
		if err != nil {
			t.Fatal(err)
		}
		for end := min(n, done+10_000); done < end; done++ {
			d, f := proto.CloneOf(d0), proto.CloneOf(f0)
			id := uuid.Must(uuid.NewV7()).String()
			filing := fmt.Sprintf("(2024)辽0102民初%d号", done+1)
			d.DecisionId, d.FilingId, f.Id = id, filing, filing
			db, err := marshalOpts.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			fb, err := marshalOpts.Marshal(f)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ins.Exec(id, filing, base+int64(done)*int64(time.Millisecond), db, fb); err != nil {
				t.Fatalf("insert decision %d: %v", done, err)
			}
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
}

// liveHeap is the bytes of live and not yet swept heap objects.
func liveHeap() uint64 {
	sample := []rtmetrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	rtmetrics.Read(sample)
	return sample[0].Value.Uint64()
}

// samplePeakHeap samples liveHeap every 10 ms until the returned stop is
// called, which returns the highest sample: the peak a migration's reads
// and writes reach, to within a GC cycle.
func samplePeakHeap() (stop func() uint64) {
	var (
		mu   sync.Mutex
		peak = liveHeap()
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	wg.Go(func() {
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			h := liveHeap()
			mu.Lock()
			peak = max(peak, h)
			mu.Unlock()
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		mu.Lock()
		defer mu.Unlock()
		return max(peak, liveHeap())
	}
}

// resetPeakRSS resets the process's peak resident set (VmHWM) on Linux
// (proc(5), clear_refs "5"); elsewhere peakRSS says it is unknown.
func resetPeakRSS(t *testing.T) {
	t.Helper()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		t.Logf("peak RSS not reset: %v", err)
	}
}

// peakRSS is VmHWM of /proc/self/status: the peak resident set since
// resetPeakRSS, or "unknown".
func peakRSS(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.Join(strings.Fields(v), " ")
		}
	}
	return "unknown"
}
