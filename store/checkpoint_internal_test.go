package store

import (
	"context"
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
