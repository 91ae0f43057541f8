package classifier

import (
	"context"
	"sync/atomic"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/dataset/realtest"
	"github.com/fenjian/fenjian/triage"
)

// TestDecideEvaluatesOnce: a Decide reads a filing through the rules once.
// callgrind's call counts under the Decide benchmarks suggested ~1.5
// evaluations per Decide (issue 13); the rules are ~95% of a Decide's
// instructions, so a second reading would double it. Counted here by the
// engine's own observer over the bench complaint and every real filing.
func TestDecideEvaluatesOnce(t *testing.T) {
	var n atomic.Int64
	r := testRules(t).WithEvaluateObserver(func(*triagev1.Filing) { n.Add(1) })
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	e := triage.New(r, m)
	fs := []*triagev1.Filing{benchFiling(t)}
	for _, lf := range realtest.Filings(t) {
		fs = append(fs, lf.GetFiling())
	}
	for _, f := range fs {
		n.Store(0)
		if _, err := e.Decide(context.Background(), f); err != nil {
			t.Fatalf("%s: %v", f.GetId(), err)
		}
		if got := n.Load(); got != 1 {
			t.Errorf("%s: Decide evaluated the filing %d times, want 1", f.GetId(), got)
		}
	}
}
