package server

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/modeltest"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/shadow"
	"github.com/fenjian/fenjian/triage"
)

// shadowEngine is the repository's trained model as "shadow-1" under the
// embedded rules: a real candidate next to the baseline the test servers
// serve.
func shadowEngine(t *testing.T) *triage.Engine {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "shadow-model")
	modeltest.Write(t, dir, "shadow-1")
	m, err := classifier.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return triage.New(r, m)
}

// TestShadowLeavesResponsesAlone serves the same filings from a server
// without a shadow model, one with a shadow model scoring, and one whose
// shadow queue is full and never drained: every response is the same (but
// its random id), the scoring server counts and records the shadow model's
// agreement by case kind and procedure pair, and the full one drops and
// counts the filings it could not queue.
func TestShadowLeavesResponsesAlone(t *testing.T) {
	ctx := testContext(t)
	filings := []*triagev1.Filing{validFiling(), loanFiling("shadow-2"), criminalFiling("shadow-3", true), adminFiling("shadow-4"), divorceFiling("shadow-5")}
	se := shadowEngine(t)

	plain := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t))})

	scoringStore := openStore(t, tempDB(t))
	scoringReg := prometheus.NewRegistry()
	scoring, err := shadow.New(shadow.Options{Engine: se, Store: scoringStore, Registerer: scoringReg})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	go func() { defer close(stopped); scoring.Run(runCtx) }()
	t.Cleanup(func() { stop(); <-stopped })
	withShadow := startServer(t, deps{decider: newDecider(t), store: scoringStore, shadow: scoring})

	fullStore := openStore(t, tempDB(t))
	fullReg := prometheus.NewRegistry()
	full, err := shadow.New(shadow.Options{Engine: se, Store: fullStore, Registerer: fullReg, QueueSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	withFull := startServer(t, deps{decider: newDecider(t), store: fullStore, shadow: full})

	want := map[string]int{} // agreement series → count
	for _, f := range filings {
		var resps []*triagev1.TriageResponse
		for _, h := range []*harness{plain, withShadow, withFull} {
			resp, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: f})
			if err != nil {
				t.Fatalf("Triage %s: %v", f.GetId(), err)
			}
			resps = append(resps, resp)
		}
		for i, name := range []string{"scoring shadow", "full shadow queue"} {
			if diff := cmp.Diff(resps[0], resps[i+1], protocmp.Transform(),
				protocmp.IgnoreFields(&triagev1.Decision{}, "decision_id")); diff != "" {
				t.Errorf("%s: response with a %s differs (-without +with):\n%s", f.GetId(), name, diff)
			}
		}
		sd, err := se.Decide(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		want[fmt.Sprintf("fenjian_shadow_agreement_total{case_kind=%q,served=%q,shadow=%q}", f.GetCaseKind(), resps[1].GetDecision().GetRecommended(), sd.GetRecommended())]++
	}
	// A dry run is not shadow-scored.
	if _, err := withShadow.client.Triage(ctx, &triagev1.TriageRequest{Filing: validFiling(), DryRun: true}); err != nil {
		t.Fatal(err)
	}

	// Scoring happens after the responses: wait for the store to hold it.
	deadline := time.Now().Add(30 * time.Second)
	for n := 0; n < len(filings); {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d shadow scores recorded", n, len(filings))
		}
		time.Sleep(10 * time.Millisecond)
		counts, err := scoringStore.ShadowAgreement(ctx, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		n = 0
		for _, c := range counts {
			n += c.Count
		}
	}
	var lines []string
	for series, n := range want {
		lines = append(lines, fmt.Sprintf("%s %d\n", series, n))
	}
	if err := testutil.GatherAndCompare(scoringReg, strings.NewReader(
		"# HELP fenjian_shadow_agreement_total Filings the shadow model scored, by case kind and the procedure served and the one the shadow model recommended (agreement where they are equal).\n"+
			"# TYPE fenjian_shadow_agreement_total counter\n"+strings.Join(lines, "")), "fenjian_shadow_agreement_total"); err != nil {
		t.Error(err)
	}
	if err := testutil.GatherAndCompare(fullReg, strings.NewReader(fmt.Sprintf(`# HELP fenjian_shadow_dropped_total Decided filings not shadow-scored because the shadow queue was full.
# TYPE fenjian_shadow_dropped_total counter
fenjian_shadow_dropped_total %d
`, len(filings)-1)), "fenjian_shadow_dropped_total"); err != nil {
		t.Error(err)
	}
	if counts, err := fullStore.ShadowAgreement(ctx, time.Time{}); err != nil || len(counts) != 0 {
		t.Errorf("a shadow that never ran recorded %v, %v", counts, err)
	}
}
