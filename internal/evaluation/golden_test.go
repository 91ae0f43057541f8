package evaluation_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/triage"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenReports evaluates the fixture with two models, everything that could
// vary from run to run pinned: the clock steps 7 µs per reading (latency),
// the bootstrap is seeded, the rules' version (which moves with every rules
// change) is a constant, and the problems' error texts are dropped
// (protojson randomises the spaces of its error messages so that nobody
// depends on their text: neither do the goldens).
func goldenReports(t *testing.T) []*evaluation.Report {
	t.Helper()
	r := mustRules(t)
	reports, err := evaluation.Evaluate(context.Background(), openFixture(t),
		evaluation.Options{Now: stepClock(7 * time.Microsecond), Bootstrap: 200, Seed: 1},
		triage.New(r, namedScorer{fixtureScorer, "reference"}), triage.New(r, fixtureScorer))
	if err != nil {
		t.Fatal(err)
	}
	for _, rep := range reports {
		rep.RulesVersion = "rules"
		for i := range rep.Problems {
			rep.Problems[i].Error = ""
		}
	}
	return reports
}

// indentJSON encodes v as `triagectl eval` prints it.
func indentJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return buf.Bytes(), err
}

// TestGolden pins what the evaluation writes for the fixture: the JSON of
// one model's report and of a comparison (intervals, per-kind reports and
// paired deltas included: field names are a stable interface for tools
// reading the reports) and the HTML page (tables, plots, escaping). Run with
// -update after an intended change and review the diff.
func TestGolden(t *testing.T) {
	tests := []struct {
		name   string
		golden string
		render func(reports []*evaluation.Report) ([]byte, error)
	}{
		{"one model JSON", "report.golden.json", func(reports []*evaluation.Report) ([]byte, error) {
			return indentJSON(reports[0])
		}},
		{"comparison JSON", "comparison.golden.json", func(reports []*evaluation.Report) ([]byte, error) {
			return indentJSON(evaluation.Compare(reports...))
		}},
		{"comparison HTML", "report.golden.html", func(reports []*evaluation.Report) ([]byte, error) {
			var buf bytes.Buffer
			err := evaluation.WriteHTML(&buf, evaluation.Compare(reports...))
			return buf.Bytes(), err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.render(goldenReports(t))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tt.golden)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s differs from the golden file (-want +got); if intended, run with -update and review the diff:\n%s", path, diff)
			}
		})
	}
}
