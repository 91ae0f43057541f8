package evaluation_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"testing"
	"time"

	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/triage"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestComparisonJSONGolden pins the JSON of a comparison on the fixture,
// intervals, per-kind reports and paired deltas included: field names are a
// stable interface for tools reading the reports. Run with -update after an
// intended change and review the diff.
func TestComparisonJSONGolden(t *testing.T) {
	r := mustRules(t)
	reports, err := evaluation.Evaluate(context.Background(), openFixture(t),
		evaluation.Options{Now: stepClock(7 * time.Microsecond), Bootstrap: 200, Seed: 1},
		triage.New(r, namedScorer{fixtureScorer, "reference"}), triage.New(r, fixtureScorer))
	if err != nil {
		t.Fatal(err)
	}
	for _, rep := range reports {
		rep.RulesVersion = "rules" // the rules' version moves with every rules change
		for i := range rep.Problems {
			// protojson randomises the spaces of its error messages so
			// that nobody depends on their text: neither does the golden.
			rep.Problems[i].Error = ""
		}
	}
	got, err := json.MarshalIndent(evaluation.Compare(reports...), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const golden = "testdata/comparison.golden.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("comparison JSON differs from %s; run with -update and review the diff", golden)
	}
}
