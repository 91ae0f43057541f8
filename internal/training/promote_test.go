package training

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/triage"
)

// jsonl is the labelled filings of generate(n, seed) as JSONL.
func jsonl(t *testing.T, n int, seed uint64) []byte {
	t.Helper()
	return encode(t, generate(t, n, seed))
}

// encode writes filings as JSONL.
func encode(t *testing.T, filings []*triagev1.LabeledFiling) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := dataset.NewWriter(&buf)
	for _, lf := range filings {
		if err := w.Write(lf); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestComparePromotion compares the shipped model (candidate) with the
// cause + amount baseline (serving) on generated filings: each model's
// record holds the figures it has when evaluated alone, so the two are
// not swapped (they differ on this set), and the verdict is worse exactly
// when the candidate falls below the serving figures by more than the
// tolerance.
func TestComparePromotion(t *testing.T) {
	data := jsonl(t, 300, 4)
	model, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	baseline := classifier.NewBaseline()
	var servCounts evaluation.Counts // the serving model's report's, which the verdict carries
	alone := func(s triage.Scorer) classifier.PromotionScores {
		reports, err := evaluation.Evaluate(context.Background(), dataset.NewReader(bytes.NewReader(data)), evaluation.Options{}, triage.New(testRules(t), s))
		if err != nil {
			t.Fatal(err)
		}
		r := reports[0]
		servCounts = r.Counts
		return classifier.PromotionScores{Evaluated: r.Counts.Evaluated, MacroF1: r.MacroF1, OrdinaryRecall: r.OrdinaryRecall, PerClass: r.PerClass}
	}
	wantCand, wantServ := alone(model), alone(baseline)
	if cmp.Equal(wantCand, wantServ) || wantCand.Evaluated != 300 {
		t.Fatalf("candidate %+v, serving %+v: the test needs two models that score differently on 300 filings", wantCand, wantServ)
	}
	for _, tolerance := range []float64{0, 1} {
		p := classifier.Promotion{Tolerance: tolerance, MinCases: DefaultMinCases, EvalData: "named by the caller"}
		v, err := ComparePromotion(context.Background(), testRules(t), dataset.NewReader(bytes.NewReader(data)), model, baseline, &p, 0)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(wantCand, p.Candidate); d != "" {
			t.Errorf("tolerance %v: recorded candidate (-want +got):\n%s", tolerance, d)
		}
		if d := cmp.Diff(wantServ, p.Serving); d != "" {
			t.Errorf("tolerance %v: recorded serving (-want +got):\n%s", tolerance, d)
		}
		// The 300 generated filings are synthetic evidence, which promote
		// says (outside check 29).
		want := Verdict{Lost: lostProcedures(wantCand, wantServ, DefaultMinCases), Data: servCounts,
			Provenance: "synthetic", Sources: map[string]int{"synthetic": 300}}
		want.MacroF1, want.OrdinaryRecall = worseThan(wantCand, wantServ, tolerance)
		if d := cmp.Diff(want, v); d != "" {
			t.Errorf("tolerance %v: verdict (-want +got):\n%s", tolerance, d)
		}
		if p.EvalData != "named by the caller" || p.EvalSHA256 != "" {
			t.Errorf("tolerance %v: evidence %q %q, want the caller's untouched", tolerance, p.EvalData, p.EvalSHA256)
		}
	}
	// The same models the other way round: the baseline as the candidate
	// is worse than the model beyond no tolerance, or better.
	p := classifier.Promotion{Tolerance: 1, MinCases: DefaultMinCases}
	if v, err := ComparePromotion(context.Background(), testRules(t), dataset.NewReader(bytes.NewReader(data)), baseline, model, &p, 0); err != nil || v.Worse() {
		t.Errorf("tolerance 1: verdict %+v, error %v; want a pass", v, err)
	}
	if !cmp.Equal(p.Candidate, wantServ) || !cmp.Equal(p.Serving, wantCand) {
		t.Errorf("swapped: recorded candidate %+v, serving %+v", p.Candidate, p.Serving)
	}
}

// TestWorseThan: a candidate lower by exactly the tolerance passes; one
// ulp lower in macro-F1 or in ordinary recall is worse; higher passes.
func TestWorseThan(t *testing.T) {
	serving := classifier.PromotionScores{MacroF1: 0.75, OrdinaryRecall: 0.75}
	below := math.Nextafter(0.5, 0)
	for _, tc := range []struct {
		name      string
		candidate classifier.PromotionScores
		tolerance float64
		want      bool
	}{
		{"equal", serving, 0, false},
		{"lower by the tolerance", classifier.PromotionScores{MacroF1: 0.5, OrdinaryRecall: 0.5}, 0.25, false},
		{"macro-F1 an ulp beyond", classifier.PromotionScores{MacroF1: below, OrdinaryRecall: 0.5}, 0.25, true},
		{"ordinary recall an ulp beyond", classifier.PromotionScores{MacroF1: 0.5, OrdinaryRecall: below}, 0.25, true},
		{"lower, no tolerance", classifier.PromotionScores{MacroF1: math.Nextafter(0.75, 0), OrdinaryRecall: 0.75}, 0, true},
		{"higher", classifier.PromotionScores{MacroF1: 1, OrdinaryRecall: 1}, 0, false},
	} {
		if f1, ord := worseThan(tc.candidate, serving, tc.tolerance); (f1 || ord) != tc.want {
			t.Errorf("%s: worse macro-F1 %v, ordinary recall %v; want worse %v", tc.name, f1, ord, tc.want)
		}
	}
}

// TestComparePromotionFails: nothing labelled to evaluate (no line, only
// unlabelled or invalid lines), a source that cannot be read and a
// cancelled context are errors, and the record keeps no figure.
func TestComparePromotionFails(t *testing.T) {
	closed, err := os.Create(filepath.Join(t.TempDir(), "eval.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if err := closed.Close(); err != nil {
		t.Fatal(err)
	}
	unlabelled := generate(t, 5, 4)
	for _, lf := range unlabelled {
		lf.Label = triagev1.Procedure_PROCEDURE_UNSPECIFIED
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	model, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		ctx  context.Context
		src  evaluation.Source
		want func(error) bool
	}{
		{"empty", context.Background(), dataset.NewReader(strings.NewReader("")), isNothing},
		{"unlabelled and invalid lines", context.Background(), dataset.NewReader(io.MultiReader(bytes.NewReader(encode(t, unlabelled)), strings.NewReader("{not json\n"))), isNothing},
		{"unreadable", context.Background(), dataset.NewReader(closed), func(err error) bool {
			return err != nil && strings.Contains(err.Error(), "read evaluation data") && errors.Is(err, os.ErrClosed)
		}},
		{"cancelled", cancelled, dataset.NewReader(bytes.NewReader(jsonl(t, 5, 4))), func(err error) bool { return errors.Is(err, context.Canceled) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var p classifier.Promotion
			v, err := ComparePromotion(tc.ctx, testRules(t), tc.src, model, model, &p, 0)
			if !tc.want(err) || v.Worse() {
				t.Errorf("verdict %+v, error %v", v, err)
			}
			if !cmp.Equal(p, classifier.Promotion{}) {
				t.Errorf("record %+v after a failure, want it untouched", p)
			}
		})
	}
}

func isNothing(err error) bool { return errors.Is(err, ErrNothingEvaluated) }

// TestLostProcedures: a procedure with at least minCases cases is lost
// when the candidate's recall is 0 and the serving model's is not, whatever
// the tolerance; a lower recall above 0, both 0, or fewer cases than
// minCases is not.
func TestLostProcedures(t *testing.T) {
	const (
		ft = "PROCEDURE_FAST_TRACK"
		sc = "PROCEDURE_SMALL_CLAIMS"
	)
	class := func(proc string, recall float64, support int) classifier.ClassMetrics {
		return classifier.ClassMetrics{Procedure: proc, Recall: recall, Support: support}
	}
	scores := func(cs ...classifier.ClassMetrics) classifier.PromotionScores {
		return classifier.PromotionScores{PerClass: cs}
	}
	for _, tc := range []struct {
		name               string
		candidate, serving classifier.PromotionScores
		minCases           int
		want               []LostProcedure
	}{
		{"lost", scores(class(ft, 0, 40)), scores(class(ft, 0.6, 40)), 20,
			[]LostProcedure{{Candidate: class(ft, 0, 40), Serving: class(ft, 0.6, 40)}}},
		{"lost where serving got one case of 40", scores(class(ft, 0, 40)), scores(class(ft, 0.025, 40)), 20,
			[]LostProcedure{{Candidate: class(ft, 0, 40), Serving: class(ft, 0.025, 40)}}},
		{"absent from the candidate's classes reads as 0", scores(), scores(class(ft, 0.5, 20)), 20,
			[]LostProcedure{{Candidate: classifier.ClassMetrics{Procedure: ft}, Serving: class(ft, 0.5, 20)}}},
		{"exactly the minimum", scores(class(ft, 0, 20)), scores(class(ft, 0.6, 20)), 20,
			[]LostProcedure{{Candidate: class(ft, 0, 20), Serving: class(ft, 0.6, 20)}}},
		{"fewer cases than the minimum", scores(class(ft, 0, 19)), scores(class(ft, 0.6, 19)), 20, nil},
		{"lower but not 0", scores(class(sc, 0.04, 25)), scores(class(sc, 0.9, 25)), 20, nil},
		{"both 0", scores(class(ft, 0, 30)), scores(class(ft, 0, 30)), 20, nil},
		{"a minimum of 0 compares no procedure without cases", scores(class(ft, 0, 0)), scores(class(ft, 0, 0)), 0, nil},
		{"only the lost, in the serving order", scores(class(sc, 0, 25), class("PROCEDURE_ORDINARY", 0.1, 30), class(ft, 0, 50)),
			scores(class(sc, 0.5, 25), class("PROCEDURE_ORDINARY", 0.8, 30), class(ft, 0.7, 50)), 20,
			[]LostProcedure{{Candidate: class(sc, 0, 25), Serving: class(sc, 0.5, 25)}, {Candidate: class(ft, 0, 50), Serving: class(ft, 0.7, 50)}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := lostProcedures(tc.candidate, tc.serving, tc.minCases)
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("lost (-want +got):\n%s", d)
			}
			if v := (Verdict{Lost: got}); v.Worse() != (len(tc.want) > 0) {
				t.Errorf("Worse() %v with lost %+v", v.Worse(), got)
			}
		})
	}
}
