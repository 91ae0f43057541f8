package store

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// TestCheckpointerReportsItsPasses: each background checkpoint pass is
// timed and the WAL frames it copies are counted, so a stall of the
// commits can be put beside the checkpoints of the same window
// (docs/performance.md; bench's open-loop table prints both).
func TestCheckpointerReportsItsPasses(t *testing.T) {
	ctx := context.Background()
	reg := prometheus.NewRegistry()
	s, err := OpenSQLite(ctx, t.TempDir()+"/fenjian.db", Options{Registerer: reg})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	reqs := servedRequests(t, 20)
	for _, req := range reqs {
		if err := s.SaveTriage(ctx, req.triage.d, servedFilingOf(t, req.triage.d), req.triage.plan); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for testutil.ToFloat64(s.writer.metrics.checkpointPages) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no checkpoint copied a frame within 5 s of 20 commits")
		}
		time.Sleep(20 * time.Millisecond)
	}
	// 20 commits of one routed decision append ~12 frames each.
	if pages := testutil.ToFloat64(s.writer.metrics.checkpointPages); pages < 20 {
		t.Errorf("checkpoints copied %v frames; want at least one per commit", pages)
	}
	if n := testutil.CollectAndCount(reg, "fenjian_store_checkpoint_duration_seconds"); n != 1 {
		t.Errorf("checkpoint duration histogram registered %d times, want 1", n)
	}
}

// TestCheckpointerReportsTheWAL: the WAL's metrics say whether checkpoints
// keep it small, on a real SQLite store. A pass that succeeds stamps the
// time and the WAL's frames; a reader's long transaction keeps the WAL from
// restarting, which the frames show growing with every commit and falling
// once it ends; passes that fail are counted and the time of the last
// success stays where it was. Before, a failing pass was a log line, once
// per spell, and a checkpointer not running was not seen at all.
func TestCheckpointerReportsTheWAL(t *testing.T) {
	ctx := context.Background()
	reg := prometheus.NewRegistry()
	s, err := OpenSQLite(ctx, t.TempDir()+"/fenjian.db", Options{Registerer: reg})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const (
		last     = "fenjian_store_checkpoint_last_success_timestamp_seconds"
		failures = "fenjian_store_checkpoint_failures_total"
		frames   = "fenjian_store_wal_frames"
	)
	wal := map[string]prometheus.Collector{last: s.checkpoints.wal.lastSuccess, failures: s.checkpoints.wal.failures, frames: s.checkpoints.wal.frames}
	for name := range wal {
		if n := testutil.CollectAndCount(reg, name); n != 1 {
			t.Fatalf("%s registered %d times, want 1", name, n)
		}
	}
	value := func(name string) float64 { return testutil.ToFloat64(wal[name]) }
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("not within 10 s: %s", what)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	reqs := servedRequests(t, 30)
	save := func(from, to int) {
		t.Helper()
		for _, req := range reqs[from:to] {
			if err := s.SaveTriage(ctx, req.triage.d, servedFilingOf(t, req.triage.d), req.triage.plan); err != nil {
				t.Fatal(err)
			}
		}
	}
	opened := float64(time.Now().Unix())
	save(0, 10)
	waitFor("a pass succeeds after the store opens", func() bool { return value(last) >= opened })
	if n := value(failures); n != 0 {
		t.Errorf("%s = %v on a healthy store, want 0", failures, n)
	}
	// A heartbeat (Probe) is a commit: the first after a complete pass
	// starts the WAL over.
	commit := func() {
		t.Helper()
		if err := s.Probe(ctx); err != nil {
			t.Fatal(err)
		}
	}
	waitFor("the WAL is copied and starts over", func() bool { commit(); return value(frames) < 40 })

	// A reader's transaction holding a snapshot: passes still succeed, but
	// the WAL cannot start over, so it grows with each commit.
	reader, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := reader.QueryRowContext(ctx, `SELECT count(*) FROM decisions`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	save(10, 30)
	waitFor("the WAL grows under a long reader", func() bool { return value(frames) >= 100 })
	_ = reader.Rollback()
	waitFor("the WAL starts over once the reader is done", func() bool { commit(); return value(frames) < 40 })

	// Every pass failing: the checkpointer's connection is gone.
	if err := s.checkpoints.db.Close(); err != nil {
		t.Fatal(err)
	}
	waitFor("failing passes are counted", func() bool { return value(failures) >= 3 })
	stamped := value(last)
	waitFor("more passes fail", func() bool { return value(failures) >= 6 })
	if got := value(last); got != stamped {
		t.Errorf("%s moved from %v to %v while every pass failed", last, stamped, got)
	}
}
