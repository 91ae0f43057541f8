package evaluation_test

import (
	"context"
	"errors"
	"io"
	"maps"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// idScorer returns fixed probabilities per filing id, so the recommendation
// of each fixture record is known by hand.
type idScorer map[string][5]float64

func (idScorer) Version() string { return "id-scorer" }
func (s idScorer) Score(f *triagev1.Filing, _ *rules.Assessment, p *triage.Probabilities) {
	*p = s[f.GetId()]
}

// namedScorer is another scorer under another version name.
type namedScorer struct {
	idScorer
	name string
}

func (s namedScorer) Version() string { return s.name }

// p lists probabilities as small claims, simplified, ordinary, fast-track.
func p(sc, sim, ord, ft float64) [5]float64 { return [5]float64{0, sc, sim, ord, ft} }

// fixtureScorer drives testdata/eval.jsonl:
//
//	c1 labelled SMALL_CLAIMS → small claims (0.7), right
//	c2 labelled ORDINARY     → simplified (0.6; ¥100,000, over the
//	                           small-claims figure), wrong: an ordinary case missed
//	c3 labelled ORDINARY     → ordinary (0.8; small claims unavailable), right
//	k1 labelled FAST_TRACK   → fast-track (0.9), right
//	a1 labelled SIMPLIFIED   → ordinary (1.0: simplified unavailable), wrong
var fixtureScorer = idScorer{
	"c1": p(0.7, 0.2, 0.1, 0),
	"c2": p(0, 0.6, 0.4, 0),
	"c3": p(0, 0.2, 0.8, 0),
	"k1": p(0, 0.05, 0.05, 0.9),
	"a1": p(0, 0.3, 0.7, 0),
}

func mustRules(t testing.TB) *rules.Engine {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func openFixture(t testing.TB) *dataset.Reader {
	t.Helper()
	f, err := os.Open("testdata/eval.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return dataset.NewReader(f)
}

// stepClock advances by step on every reading, so each Decide takes step.
func stepClock(step time.Duration) func() time.Time {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(step); return t }
}

func TestEvaluateFixture(t *testing.T) {
	r := mustRules(t)
	reports, err := evaluation.Evaluate(context.Background(), openFixture(t),
		evaluation.Options{Now: stepClock(7 * time.Microsecond)},
		triage.New(r, fixtureScorer), triage.New(r, namedScorer{fixtureScorer, "reference"}))
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 2 {
		t.Fatalf("%d reports, want 2", len(reports))
	}
	got := reports[0]
	if got.Model != "id-scorer" || got.RulesVersion != r.Version() || reports[1].Model != "reference" {
		t.Errorf("model, rules = %q, %q, %q", got.Model, got.RulesVersion, reports[1].Model)
	}
	// 9 lines, one blank: 1 invalid (line 3), 1 unlabelled (line 7),
	// 1 rejected (line 8, no case kind), 5 evaluated.
	wantCounts := evaluation.Counts{Lines: 8, Invalid: 1, Unlabeled: 1, Rejected: 1, Evaluated: 5}
	if got.Counts != wantCounts {
		t.Errorf("counts = %+v, want %+v", got.Counts, wantCounts)
	}
	wantProblems := []evaluation.Problem{
		{Line: 3, Kind: evaluation.ProblemInvalid},
		{Line: 8, ID: "bad-kind", Kind: evaluation.ProblemRejected},
	}
	if !slices.EqualFunc(got.Problems, wantProblems, func(a, b evaluation.Problem) bool {
		return a.Line == b.Line && a.ID == b.ID && a.Kind == b.Kind && a.Error != ""
	}) {
		t.Errorf("problems = %+v, want %+v", got.Problems, wantProblems)
	}
	if !strings.Contains(got.Problems[1].Error, "filing.case_kind") {
		t.Errorf("rejection %q does not name the field", got.Problems[1].Error)
	}
	// Rows/columns: small claims, simplified, ordinary, fast-track.
	wantMatrix := [][]int{{1, 0, 0, 0}, {0, 0, 1, 0}, {0, 1, 1, 0}, {0, 0, 0, 1}}
	if !slices.EqualFunc(got.Confusion.Matrix, wantMatrix, slices.Equal) {
		t.Errorf("confusion = %v, want %v", got.Confusion.Matrix, wantMatrix)
	}
	// Accuracy 3/5; F1 small claims 1, simplified 0, ordinary 1/2, fast-track 1
	// → macro 0.625; ordinary recall 1/2; ECE = (.3 + .6 + .2 + .1 + 1)/5.
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"accuracy", got.Accuracy, 0.6},
		{"macro_f1", got.MacroF1, 0.625},
		{"ordinary_recall", got.OrdinaryRecall, 0.5},
		{"ece", got.Calibration.ECE, 0.44},
		{"p50", got.Latency.P50, 7},
		{"p99", got.Latency.P99, 7},
	} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if got.OrdinaryMissed != 1 {
		t.Errorf("ordinary missed = %d, want 1", got.OrdinaryMissed)
	}
	// The second engine saw the same records.
	if b := reports[1]; b.Counts.Evaluated != 5 || b.Counts.Rejected != 1 || b.Latency.Count != 5 {
		t.Errorf("second engine counts = %+v", b.Counts)
	}
}

func TestEvaluateHoldOut(t *testing.T) {
	// FNV-1a-64 mod 1000: c2 224, c3 435, a1 423, bad-kind 317 are held out
	// at 0.5; c1 857 and k1 873 are not.
	r := mustRules(t)
	reports, err := evaluation.Evaluate(context.Background(), openFixture(t),
		evaluation.Options{HoldOut: 0.5}, triage.New(r, fixtureScorer))
	if err != nil {
		t.Fatal(err)
	}
	got := reports[0]
	want := evaluation.Counts{Lines: 8, Invalid: 1, Unlabeled: 1, NotHeldOut: 2, Rejected: 1, Evaluated: 3}
	if got.Counts != want {
		t.Errorf("counts = %+v, want %+v", got.Counts, want)
	}
	if got.Data.HoldOut != 0.5 {
		t.Errorf("data.holdout = %v", got.Data.HoldOut)
	}
	// c2 wrong, c3 right, a1 wrong.
	if math.Abs(got.Accuracy-1.0/3) > 1e-12 {
		t.Errorf("accuracy = %v, want 1/3", got.Accuracy)
	}
}

// errSource fails after its records.
type errSource struct {
	recs []*triagev1.LabeledFiling
	err  error
	line int
}

func (s *errSource) Read() (*triagev1.LabeledFiling, error) {
	if s.line >= len(s.recs) {
		return nil, s.err
	}
	s.line++
	return s.recs[s.line-1], nil
}
func (s *errSource) Line() int { return s.line }

func TestEvaluateErrors(t *testing.T) {
	r := mustRules(t)
	eng := triage.New(r, fixtureScorer)
	readErr := errors.New("disk on fire")
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		src     evaluation.Source
		engines []*triage.Engine
		want    error
	}{
		{"no engine", context.Background(), &errSource{err: readErr}, nil, nil},
		{"read failure", context.Background(), &errSource{err: readErr}, []*triage.Engine{eng}, readErr},
		{"cancelled", canceled, &errSource{err: readErr}, []*triage.Engine{eng}, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := evaluation.Evaluate(tt.ctx, tt.src, evaluation.Options{}, tt.engines...)
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestEvaluateProblemsBounded(t *testing.T) {
	recs := make([]*triagev1.LabeledFiling, evaluation.MaxProblems+5)
	for i := range recs { // no case kind: every record is rejected
		recs[i] = &triagev1.LabeledFiling{Filing: &triagev1.Filing{Id: "x"}, Label: triagev1.Procedure_PROCEDURE_ORDINARY}
	}
	reports, err := evaluation.Evaluate(context.Background(), &errSource{recs: recs, err: io.EOF},
		evaluation.Options{}, triage.New(mustRules(t), fixtureScorer))
	if err != nil {
		t.Fatal(err)
	}
	got := reports[0]
	if got.Counts.Rejected != len(recs) || len(got.Problems) != evaluation.MaxProblems || !got.ProblemsTruncated {
		t.Errorf("rejected %d, %d problems listed, truncated %v", got.Counts.Rejected, len(got.Problems), got.ProblemsTruncated)
	}
}

func TestCompare(t *testing.T) {
	a := &evaluation.Report{Model: "baseline", Data: evaluation.DataInfo{Path: "x"}}
	a.Accuracy, a.MacroF1, a.OrdinaryRecall, a.Calibration.ECE = 0.5, 0.4, 0.9, 0.2
	a.Counts.Evaluated = 10
	b := &evaluation.Report{Model: "nb", Data: evaluation.DataInfo{Path: "x"}}
	b.Accuracy, b.MacroF1, b.OrdinaryRecall, b.Calibration.ECE = 0.75, 0.5, 0.8, 0.1
	b.Counts.Evaluated = 10
	other := &evaluation.Report{Model: "other", Data: evaluation.DataInfo{Path: "y"}}
	other.Counts.Evaluated = 9

	tests := []struct {
		name     string
		reports  []*evaluation.Report
		deltas   []evaluation.Delta
		warnings int
	}{
		{"single", []*evaluation.Report{a}, nil, 0},
		{"model vs baseline", []*evaluation.Report{a, b}, []evaluation.Delta{
			{Model: "nb", Reference: "baseline", MetricDelta: evaluation.MetricDelta{Accuracy: 0.25, MacroF1: 0.1, OrdinaryRecall: -0.1, ECE: -0.1}},
		}, 0},
		{"different data", []*evaluation.Report{a, other}, []evaluation.Delta{
			{Model: "other", Reference: "baseline", MetricDelta: evaluation.MetricDelta{Accuracy: -0.5, MacroF1: -0.4, OrdinaryRecall: -0.9, ECE: -0.2}},
		}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := evaluation.Compare(tt.reports...)
			if len(c.Models) != len(tt.reports) {
				t.Errorf("%d models", len(c.Models))
			}
			if !slices.EqualFunc(c.Deltas, tt.deltas, func(x, y evaluation.Delta) bool {
				return x.Model == y.Model && x.Reference == y.Reference && math.Abs(x.Accuracy-y.Accuracy) < 1e-12 &&
					math.Abs(x.MacroF1-y.MacroF1) < 1e-12 && math.Abs(x.OrdinaryRecall-y.OrdinaryRecall) < 1e-12 &&
					math.Abs(x.ECE-y.ECE) < 1e-12
			}) {
				t.Errorf("deltas = %+v, want %+v", c.Deltas, tt.deltas)
			}
			if len(c.Warnings) != tt.warnings {
				t.Errorf("warnings = %q, want %d", c.Warnings, tt.warnings)
			}
		})
	}
}

// TestEvaluateProvenance: a report says whether its figures were measured on
// real or synthetic filings, from the evaluated records' sources; a record
// the rules refuse, and lines that are no record, do not count (outside
// check 29: a report on gen's corpus and one on real filings could not be
// told apart).
func TestEvaluateProvenance(t *testing.T) {
	// The fixture's labelled records in order: c1, c2, c3, k1, bad-kind
	// (rejected: no case kind), a1.
	var fixture []*triagev1.LabeledFiling
	rd := openFixture(t)
	for {
		lf, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err == nil && lf.GetLabel() != triagev1.Procedure_PROCEDURE_UNSPECIFIED {
			fixture = append(fixture, lf)
		}
	}
	if len(fixture) != 6 {
		t.Fatalf("%d labelled fixture records, want 6", len(fixture))
	}
	for _, tc := range []struct {
		name string
		// sources of the six records; the fifth is rejected.
		sources [6]string
		want    string
		counts  map[string]int
	}{
		{"generated", [6]string{"synthetic", "synthetic", "synthetic", "synthetic", "synthetic", "synthetic"},
			"synthetic", map[string]int{"synthetic": 5}},
		{"exported and curated real", [6]string{"outcome", "outcome", "real:civil", "real:criminal", "outcome", "real:admin"},
			"real", map[string]int{"real": 5}},
		{"an export padded with generated filings", [6]string{"outcome", "outcome", "synthetic", "outcome", "outcome", "outcome"},
			"mixed", map[string]int{"real": 4, "synthetic": 1}},
		{"only the rejected record differs", [6]string{"outcome", "outcome", "outcome", "outcome", "synthetic", "outcome"},
			"real", map[string]int{"real": 5}},
		{"unlabelled", [6]string{"fixture", "", "fixture", "fixture", "fixture", "fixture"},
			"unstated", map[string]int{"unstated": 5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := &errSource{err: io.EOF}
			for i, lf := range fixture {
				c := proto.Clone(lf).(*triagev1.LabeledFiling)
				c.Source = tc.sources[i]
				src.recs = append(src.recs, c)
			}
			r := mustRules(t)
			reports, err := evaluation.Evaluate(context.Background(), src, evaluation.Options{},
				triage.New(r, fixtureScorer), triage.New(r, namedScorer{fixtureScorer, "reference"}))
			if err != nil {
				t.Fatal(err)
			}
			for _, rep := range reports {
				if rep.Data.Provenance != tc.want || !maps.Equal(rep.Data.Sources, tc.counts) {
					t.Errorf("%s: provenance %q %v, want %q %v", rep.Model, rep.Data.Provenance, rep.Data.Sources, tc.want, tc.counts)
				}
			}
			// Same file, same split: the comparison does not call it other data.
			if w := evaluation.Compare(reports...).Warnings; len(w) != 0 {
				t.Errorf("warnings %q", w)
			}
		})
	}
}
