package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	dto "github.com/prometheus/client_model/go"
	"google.golang.org/protobuf/types/known/timestamppb"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// These tests sit inside the package because they need to know when the
// writer has taken a request and how many are queued, to make a batch
// deterministic rather than hope for one.

func testCase(id string) (*triagev1.Decision, *triagev1.Filing) {
	f := &triagev1.Filing{
		Id:         "(2024)浙0106民初" + id + "号",
		CaseKind:   triagev1.CaseKind_CASE_KIND_CIVIL,
		CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC,
		Province:   "浙江省",
		FiledOn:    "2024-06-01",
		Cause:      "买卖合同纠纷",
		Parties:    []*triagev1.Party{{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Name: "王五"}},
		Text:       "诉讼请求：判令被告支付货款……",
	}
	d := &triagev1.Decision{
		DecisionId:  id,
		Recommended: triagev1.Procedure_PROCEDURE_SIMPLIFIED,
		FilingId:    f.Id,
		CaseKind:    f.CaseKind,
		DecidedAt:   timestamppb.New(time.Date(2024, 6, 1, 8, 0, 0, 0, time.UTC)),
	}
	return d, f
}

func open(t *testing.T, reg prometheus.Registerer, maxBatch int) (*SQLite, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fenjian.db")
	s, err := OpenSQLite(context.Background(), path, Options{Registerer: reg, MaxBatch: maxBatch})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s, path
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// TestDuplicateFailsOnlyItsCaller puts a duplicate id into one batch with
// other decisions: the shared transaction fails, and the per-decision retry
// must fail the duplicate alone.
func TestDuplicateFailsOnlyItsCaller(t *testing.T) {
	reg := prometheus.NewRegistry()
	s, path := open(t, reg, 64)
	ctx := context.Background()
	if err := save(ctx, s, "dup"); err != nil {
		t.Fatal(err)
	}

	// Hold SQLite's write lock from another connection so the writer stalls
	// in its next BEGIN IMMEDIATE while the batch under test queues up.
	lock, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	conn, err := lock.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}

	var wg sync.WaitGroup
	wg.Go(func() {
		if err := save(ctx, s, "blocker"); err != nil {
			t.Errorf("blocker: %v", err)
		}
	})
	// The writer observes a batch's size before it begins the transaction.
	waitFor(t, "the writer to take the blocker", func() bool {
		return histogramOf(t, reg, "fenjian_store_commit_batch_size").GetSampleCount() == 2
	})

	const n = 20
	ids := make([]string, n)
	errs := make([]error, n)
	for i := range n {
		ids[i] = fmt.Sprintf("batch-%d", i)
		if i == n/2 {
			ids[i] = "dup"
		}
		wg.Go(func() {
			d, f := testCase(ids[i])
			if ids[i] == "dup" {
				d.Recommended = triagev1.Procedure_PROCEDURE_ORDINARY // must not overwrite
			}
			errs[i] = s.SaveDecision(ctx, d, f)
		})
	}
	waitFor(t, "the batch to queue", func() bool { return len(s.writer.reqs) == n })
	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	wg.Wait()

	for i, err := range errs {
		if ids[i] == "dup" {
			if !errors.Is(err, ErrDuplicate) || errors.Is(err, ErrUnavailable) {
				t.Errorf("duplicate: SaveDecision = %v, want ErrDuplicate only", err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s shared a batch with the duplicate and failed: %v", ids[i], err)
		}
	}
	got, err := s.GetDecision(ctx, "dup")
	if err != nil || got.GetRecommended() != triagev1.Procedure_PROCEDURE_SIMPLIFIED {
		t.Errorf("the first decision under the duplicate id was changed: %v, %v", got, err)
	}

	// One batch of n was tried (and failed), then n retries of one.
	h := histogramOf(t, reg, "fenjian_store_commit_batch_size")
	if upToN, singles := cumulative(h, n), cumulative(h, 1); upToN-singles != 1 || h.GetSampleCount() != 2+1+n {
		t.Errorf("want exactly one commit of %d decisions, histogram %v", n, h)
	}
	if got := testutil.ToFloat64(s.writer.metrics.writeErrors.WithLabelValues(opBatch)); got != 1 {
		t.Errorf("write_errors_total{operation=batch} = %v, want 1", got)
	}
	if got := testutil.ToFloat64(s.writer.metrics.writeErrors.WithLabelValues(opSave)); got != 1 {
		t.Errorf("write_errors_total{operation=save} = %v, want 1", got)
	}
}

// TestWriteFailureIsUnavailable breaks writes for real and checks that
// callers get ErrUnavailable, and that the store recovers once the fault is
// gone (the writer's connection is not left inside a failed transaction).
func TestWriteFailureIsUnavailable(t *testing.T) {
	tests := []struct {
		name    string
		breakIt func(t *testing.T, s *SQLite, path string)
		fix     func(t *testing.T, s *SQLite, path string)
	}{
		{
			// What an operator's trigger, or a CHECK a later migration adds,
			// looks like to the writer: the database refuses the insert.
			name: "database refuses the insert",
			breakIt: func(t *testing.T, _ *SQLite, path string) {
				execRaw(t, path, `CREATE TRIGGER refuse BEFORE INSERT ON decisions BEGIN SELECT RAISE(ABORT, 'refused'); END`)
			},
			fix: func(t *testing.T, _ *SQLite, path string) {
				execRaw(t, path, `DROP TRIGGER refuse`)
			},
		},
		{
			// SQLITE_FULL, what a full disk returns: the writer's connection
			// may not grow the file past its current size.
			name: "disk full",
			breakIt: func(t *testing.T, s *SQLite, _ string) {
				var pages int
				if err := s.write.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
					t.Fatal(err)
				}
				if _, err := s.write.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages)); err != nil {
					t.Fatal(err)
				}
			},
			fix: func(t *testing.T, s *SQLite, _ string) {
				if _, err := s.write.Exec("PRAGMA max_page_count = 1073741823"); err != nil {
					t.Fatal(err)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := prometheus.NewRegistry()
			s, path := open(t, reg, 0)
			ctx := context.Background()
			if err := save(ctx, s, "before"); err != nil {
				t.Fatal(err)
			}
			tt.breakIt(t, s, path)

			// A big filing text so the disk-full case needs new pages.
			var wg sync.WaitGroup
			errs := make([]error, 5)
			for i := range errs {
				wg.Go(func() {
					d, f := testCase(fmt.Sprintf("broken-%d", i))
					f.Text = string(make([]byte, 64<<10))
					errs[i] = s.SaveDecision(ctx, d, f)
				})
			}
			wg.Wait()
			t.Logf("save while broken: %v", errs[0])
			for i, err := range errs {
				if !errors.Is(err, ErrUnavailable) || errors.Is(err, ErrDuplicate) {
					t.Errorf("save #%d while broken = %v, want ErrUnavailable", i, err)
				}
			}
			if got := testutil.ToFloat64(s.writer.metrics.writeErrors.WithLabelValues(opSave)); got != float64(len(errs)) {
				t.Errorf("write_errors_total{operation=save} = %v, want %d", got, len(errs))
			}
			if err := s.Ping(ctx); err != nil {
				t.Errorf("Ping with reads working: %v", err)
			}

			tt.fix(t, s, path)
			d, f := testCase("after")
			f.Text = string(make([]byte, 64<<10))
			if err := s.SaveDecision(ctx, d, f); err != nil {
				t.Fatalf("save after the fault was removed: %v", err)
			}
			for i := range errs {
				if _, err := s.GetDecision(ctx, fmt.Sprintf("broken-%d", i)); !errors.Is(err, ErrNotFound) {
					t.Errorf("a decision reported unavailable was stored: %v", err)
				}
			}
		})
	}
}

// TestSaveWaitRespectsContext: a caller whose deadline passes while its
// decision waits for a stalled commit gets its context error back promptly.
func TestSaveWaitRespectsContext(t *testing.T) {
	s, path := open(t, nil, 0)
	lock, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	conn, err := lock.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	err = save(ctx, s, "late")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("SaveDecision with a stalled writer = %v, want context.DeadlineExceeded", err)
	}
	if waited := time.Since(start); waited > busyTimeout/2 {
		t.Errorf("SaveDecision returned after %v, not at its deadline", waited)
	}
	if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
}

func TestLoadMigrationsRejectsGaps(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		ok    bool
	}{
		{"in order", []string{"0001_a.sql", "0002_b.sql"}, true},
		{"gap", []string{"0001_a.sql", "0003_c.sql"}, false},
		{"repeat", []string{"0001_a.sql", "0001_b.sql"}, false},
		{"bad name", []string{"0001_a.sql", "two_b.sql"}, false},
		{"starts at 2", []string{"0002_b.sql"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, name := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte("SELECT 1;")}
			}
			_, err := loadMigrations(fsys)
			if (err == nil) != tt.ok {
				t.Errorf("loadMigrations(%v) error = %v, want ok=%v", tt.files, err, tt.ok)
			}
		})
	}
}

func save(ctx context.Context, s *SQLite, id string) error {
	d, f := testCase(id)
	return s.SaveDecision(ctx, d, f)
}

func histogramOf(t *testing.T, reg *prometheus.Registry, name string) *dto.Histogram {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == name && len(mf.GetMetric()) == 1 {
			return mf.GetMetric()[0].GetHistogram()
		}
	}
	t.Fatalf("metric %s not registered", name)
	return nil
}

// cumulative returns how many observations were at most le.
func cumulative(h *dto.Histogram, le float64) uint64 {
	for _, b := range h.GetBucket() {
		if b.GetUpperBound() >= le {
			return b.GetCumulativeCount()
		}
	}
	return h.GetSampleCount()
}

func execRaw(t *testing.T, path, stmt string) {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmt); err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
}
