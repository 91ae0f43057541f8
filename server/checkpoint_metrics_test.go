package server

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/checkpoint"
)

// TestAuditCheckpointMetrics: every audit checkpoint the server attempts is
// counted by result in fenjian_audit_checkpoints_total, so that a failing
// or refused checkpoint can page; before, each was one ERROR log line (the
// outside check made a running triaged's -checkpoint-dir unwritable: no
// metric moved). Real SQLite stores and checkpoint writers: a checkpoint of
// a store with a decision is ok (the near miss); with the directory gone it
// fails; a writer on another, empty store over the same directory refuses
// to sign a head behind the last checkpoint, as over a truncated chain.
func TestAuditCheckpointMetrics(t *testing.T) {
	ctx := testContext(t)
	signer, _, err := checkpoint.GenerateKey("fenjian.test")
	if err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	counts, err := newCheckpointCounter(reg)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, nil))
	want := map[string]float64{checkpointOK: 0, checkpointFailed: 0, checkpointRefused: 0}
	check := func(step string) {
		t.Helper()
		for result, n := range want {
			got, err := metricValue(reg, "fenjian_audit_checkpoints_total", map[string]string{"result": result})
			if err != nil || got != n {
				t.Errorf("%s: fenjian_audit_checkpoints_total{result=%q} = %v (%v), want %v", step, result, got, err, n)
			}
		}
	}
	check("registered")

	st := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st})
	if _, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: validFiling()}); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "checkpoints")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	w, err := checkpoint.NewWriter(dir, signer, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkpointOnce(ctx, logger, w, counts)
	want[checkpointOK]++
	check("a store with a decision")

	// Another store, empty, over the same directory: its head (seq 0) is
	// behind the checkpoint just signed.
	empty := openStore(t, tempDB(t))
	behind, err := checkpoint.NewWriter(dir, signer, empty, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkpointOnce(ctx, logger, behind, counts)
	want[checkpointRefused]++
	check("a head behind the last checkpoint")

	if _, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("cp-2")}); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	checkpointOnce(ctx, logger, w, counts)
	want[checkpointFailed]++
	check("the directory gone")
	for _, msg := range []string{`"audit checkpoint refused"`, `"audit checkpoint failed"`} {
		if !bytes.Contains(logs.Bytes(), []byte(msg)) {
			t.Errorf("no %s record in the log:\n%s", msg, logs.String())
		}
	}
}
