package evaluation

import (
	"math"
	"slices"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

const (
	sc  = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS
	sim = triagev1.Procedure_PROCEDURE_SIMPLIFIED
	ord = triagev1.Procedure_PROCEDURE_ORDINARY
	ft  = triagev1.Procedure_PROCEDURE_FAST_TRACK
)

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-12 }

// o builds an outcome with a confidence of 0.5.
func o(label, rec triagev1.Procedure) Outcome {
	return Outcome{Label: label, Recommended: rec, Confidence: 0.5}
}

func TestComputeHandExamples(t *testing.T) {
	type class struct {
		p, r, f1      float64
		support, pred int
	}
	tests := []struct {
		name           string
		outcomes       []Outcome
		labels         []string
		matrix         [][]int
		accuracy       float64
		macroF1        float64
		ordinaryRecall float64
		ordinaryMissed int
		classes        []class
	}{
		{
			name:     "empty",
			labels:   []string{},
			matrix:   [][]int{},
			outcomes: nil,
		},
		{
			name:           "all correct",
			outcomes:       []Outcome{o(ord, ord), o(sim, sim), o(ord, ord)},
			labels:         []string{"PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"},
			matrix:         [][]int{{1, 0}, {0, 2}},
			accuracy:       1,
			macroF1:        1,
			ordinaryRecall: 1,
			classes:        []class{{1, 1, 1, 1, 1}, {1, 1, 1, 2, 2}},
		},
		{
			// SC row [0 1 0], SIM row [0 1 0], ORD row [0 1 1].
			// SC: no TP, never predicted → P=R=F1=0. SIM: TP 1, predicted 3,
			// support 1 → P 1/3, R 1, F1 2/(2+2+0) = 1/2. ORD: TP 1, predicted 1,
			// support 2 → P 1, R 1/2, F1 2/(2+0+1) = 2/3. Macro (0+1/2+2/3)/3 = 7/18.
			name:           "mixed",
			outcomes:       []Outcome{o(ord, ord), o(ord, sim), o(sim, sim), o(sc, sim)},
			labels:         []string{"PROCEDURE_SMALL_CLAIMS", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"},
			matrix:         [][]int{{0, 1, 0}, {0, 1, 0}, {0, 1, 1}},
			accuracy:       0.5,
			macroF1:        7.0 / 18,
			ordinaryRecall: 0.5,
			ordinaryMissed: 1,
			classes:        []class{{0, 0, 0, 1, 0}, {1.0 / 3, 1, 0.5, 1, 3}, {1, 0.5, 2.0 / 3, 2, 1}},
		},
		{
			// Fast-track appears only as a recommendation: support 0, F1 0,
			// and it still counts in the macro average (scikit-learn's labels
			// are the union of y_true and y_pred).
			name:     "class only recommended, no ordinary label",
			outcomes: []Outcome{o(sim, ft), o(sim, sim)},
			labels:   []string{"PROCEDURE_SIMPLIFIED", "PROCEDURE_FAST_TRACK"},
			matrix:   [][]int{{1, 1}, {0, 0}},
			accuracy: 0.5,
			// SIM: P 1, R 1/2, F1 2/3; FT: 0.
			macroF1: 1.0 / 3,
			classes: []class{{1, 0.5, 2.0 / 3, 2, 1}, {0, 0, 0, 0, 1}},
		},
		{
			name:           "every ordinary case fast-tracked",
			outcomes:       []Outcome{o(ord, ft), o(ord, ft), o(ft, ft)},
			labels:         []string{"PROCEDURE_ORDINARY", "PROCEDURE_FAST_TRACK"},
			matrix:         [][]int{{0, 2}, {0, 1}},
			accuracy:       1.0 / 3,
			macroF1:        0.25, // ORD 0; FT P 1/3, R 1, F1 2/(2+2) = 1/2
			ordinaryRecall: 0,
			ordinaryMissed: 2,
			classes:        []class{{0, 0, 0, 2, 0}, {1.0 / 3, 1, 0.5, 1, 3}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Compute(tt.outcomes)
			if !slices.Equal(m.Confusion.Labels, tt.labels) {
				t.Errorf("labels = %v, want %v", m.Confusion.Labels, tt.labels)
			}
			if !slices.EqualFunc(m.Confusion.Matrix, tt.matrix, slices.Equal) {
				t.Errorf("matrix = %v, want %v", m.Confusion.Matrix, tt.matrix)
			}
			if !near(m.Accuracy, tt.accuracy) || !near(m.MacroF1, tt.macroF1) || !near(m.OrdinaryRecall, tt.ordinaryRecall) {
				t.Errorf("accuracy, macro-F1, ordinary recall = %v, %v, %v; want %v, %v, %v",
					m.Accuracy, m.MacroF1, m.OrdinaryRecall, tt.accuracy, tt.macroF1, tt.ordinaryRecall)
			}
			if m.OrdinaryMissed != tt.ordinaryMissed {
				t.Errorf("ordinary missed = %d, want %d", m.OrdinaryMissed, tt.ordinaryMissed)
			}
			if len(m.PerClass) != len(tt.classes) {
				t.Fatalf("per class = %+v, want %d classes", m.PerClass, len(tt.classes))
			}
			for i, want := range tt.classes {
				got := m.PerClass[i]
				if got.Procedure != tt.labels[i] || !near(got.Precision, want.p) || !near(got.Recall, want.r) ||
					!near(got.F1, want.f1) || got.Support != want.support || got.Predicted != want.pred {
					t.Errorf("class %d = %+v, want %s %+v", i, got, tt.labels[i], want)
				}
			}
			if len(m.Calibration.Bins) != NumBins {
				t.Errorf("calibration has %d bins, want %d", len(m.Calibration.Bins), NumBins)
			}
		})
	}
}

func TestBinOf(t *testing.T) {
	tests := []struct {
		conf float64
		want int
	}{
		{0, 0}, {-0.5, 0}, {0.05, 0}, {0.1, 0}, {0.1000001, 1}, {0.3, 2}, {0.30000000000000004, 3},
		{0.5, 4}, {0.55, 5}, {0.95, 9}, {1, 9}, {1.5, 9}, {math.NaN(), 9},
	}
	for _, tt := range tests {
		if got := binOf(tt.conf); got != tt.want {
			t.Errorf("binOf(%v) = %d, want %d", tt.conf, got, tt.want)
		}
	}
}

func TestCalibration(t *testing.T) {
	c := func(conf float64, correct bool) Outcome {
		if correct {
			return Outcome{Label: ord, Recommended: ord, Confidence: conf}
		}
		return Outcome{Label: ord, Recommended: sim, Confidence: conf}
	}
	type bin struct {
		b, count       int
		conf, accuracy float64
	}
	tests := []struct {
		name     string
		outcomes []Outcome
		ece      float64
		bins     []bin // non-empty bins
	}{
		{"empty", nil, 0, nil},
		{"perfectly calibrated", []Outcome{c(0.5, true), c(0.5, false)}, 0, []bin{{4, 2, 0.5, 0.5}}},
		{
			// bin 9: conf .95, accuracy .5 → 2/4·.45; bin 3: conf .35, acc 1 → 1/4·.65;
			// bin 2: conf .25, acc 0 → 1/4·.25. ECE = .225 + .1625 + .0625 = .45.
			name:     "three bins",
			outcomes: []Outcome{c(0.95, true), c(0.95, false), c(0.35, true), c(0.25, false)},
			ece:      0.45,
			bins:     []bin{{2, 1, 0.25, 0}, {3, 1, 0.35, 1}, {9, 2, 0.95, 0.5}},
		},
		{
			// Upper edges belong to the lower bin; 1.0 to the last.
			name:     "edges",
			outcomes: []Outcome{c(0.1, true), c(0.2, true), c(1, false)},
			ece:      (0.9 + 0.8 + 1) / 3,
			bins:     []bin{{0, 1, 0.1, 1}, {1, 1, 0.2, 1}, {9, 1, 1, 0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compute(tt.outcomes).Calibration
			if !near(got.ECE, tt.ece) {
				t.Errorf("ECE = %v, want %v", got.ECE, tt.ece)
			}
			var nonEmpty []bin
			for b, x := range got.Bins {
				if !near(x.Lower, float64(b)/10) || !near(x.Upper, float64(b+1)/10) {
					t.Errorf("bin %d is [%v, %v]", b, x.Lower, x.Upper)
				}
				if x.Count > 0 {
					nonEmpty = append(nonEmpty, bin{b, x.Count, x.Confidence, x.Accuracy})
				}
			}
			if !slices.EqualFunc(nonEmpty, tt.bins, func(a, b bin) bool {
				return a.b == b.b && a.count == b.count && near(a.conf, b.conf) && near(a.accuracy, b.accuracy)
			}) {
				t.Errorf("bins = %+v, want %+v", nonEmpty, tt.bins)
			}
		})
	}
}

func TestLatency(t *testing.T) {
	us := func(xs ...int) []Outcome {
		out := make([]Outcome, len(xs))
		for i, x := range xs {
			out[i] = Outcome{Label: ord, Recommended: ord, Latency: time.Duration(x) * time.Microsecond}
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = 100 - i // 100 … 1, unsorted on purpose
	}
	tests := []struct {
		name     string
		outcomes []Outcome
		want     Latency
	}{
		{"none", nil, Latency{}},
		{"one", us(7), Latency{Count: 1, P50: 7, P99: 7, Mean: 7, Max: 7}},
		{"three", us(3, 1, 2), Latency{Count: 3, P50: 2, P99: 3, Mean: 2, Max: 3}},
		{"four", us(4, 1, 3, 2), Latency{Count: 4, P50: 2, P99: 4, Mean: 2.5, Max: 4}},
		{"1…100", us(hundred...), Latency{Count: 100, P50: 50, P99: 99, Mean: 50.5, Max: 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Compute(tt.outcomes).Latency; got != tt.want {
				t.Errorf("latency = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestAgainstScikitLearn checks the metrics on a fixed 4×4 confusion matrix
// against scikit-learn 1.2.1 (Debian bookworm's python3-sklearn). The
// expected numbers were printed by this script, run with /usr/bin/python3:
//
//	import numpy as np
//	from sklearn.metrics import (accuracy_score, f1_score, recall_score,
//	    precision_recall_fscore_support, confusion_matrix)
//	from sklearn.calibration import calibration_curve
//	labels = [1, 2, 3, 4]  # SMALL_CLAIMS, SIMPLIFIED, ORDINARY, FAST_TRACK
//	M = [[30, 8, 2, 0], [5, 40, 10, 0], [1, 12, 45, 2], [0, 3, 4, 0]]
//	yt, yp, conf, k = [], [], [], 0
//	for i, row in enumerate(M):
//	    for j, n in enumerate(row):
//	        for _ in range(n):
//	            yt.append(labels[i]); yp.append(labels[j])
//	            conf.append(0.203 + 0.79 * (((k * 37) % 101) / 100)); k += 1
//	yt, yp, conf = np.array(yt), np.array(yp), np.array(conf)
//	print(accuracy_score(yt, yp), f1_score(yt, yp, average="macro", zero_division=0))
//	print(precision_recall_fscore_support(yt, yp, labels=labels, zero_division=0))
//	print(confusion_matrix(yt, yp, labels=labels))
//	print(recall_score(yt, yp, labels=[3], average="macro", zero_division=0))
//	correct = (yt == yp).astype(int)
//	pt, pp = calibration_curve(correct, conf, n_bins=10, strategy="uniform")
//	ids = np.searchsorted(np.linspace(0, 1, 11)[1:-1], conf)  # calibration_curve's binning
//	n = np.bincount(ids, minlength=10); n = n[n > 0]
//	print(pt, pp, np.sum(n / len(conf) * np.abs(pt - pp)))  # ECE
func TestAgainstScikitLearn(t *testing.T) {
	procs := []triagev1.Procedure{sc, sim, ord, ft}
	matrix := [][]int{{30, 8, 2, 0}, {5, 40, 10, 0}, {1, 12, 45, 2}, {0, 3, 4, 0}}
	var outcomes []Outcome
	k := 0
	for i, row := range matrix {
		for j, n := range row {
			for range n {
				m := (k * 37) % 101
				// The explicit conversion rounds the product, as Python does
				// (no fused multiply-add).
				conf := 0.203 + float64(0.79*(float64(m)/100))
				outcomes = append(outcomes, Outcome{Label: procs[i], Recommended: procs[j], Confidence: conf})
				k++
			}
		}
	}
	got := Compute(outcomes)

	const tol = 1e-12
	check := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > tol {
			t.Errorf("%s = %.17g, scikit-learn %.17g", name, got, want)
		}
	}
	check("accuracy", got.Accuracy, 0.7098765432098766)
	check("macro_f1", got.MacroF1, 0.5528103596995009)
	check("ordinary_recall", got.OrdinaryRecall, 0.75)
	if !slices.EqualFunc(got.Confusion.Matrix, matrix, slices.Equal) {
		t.Errorf("confusion = %v, want %v", got.Confusion.Matrix, matrix)
	}
	perClass := []struct {
		p, r, f1 float64
		support  int
	}{
		{0.8333333333333334, 0.75, 0.7894736842105262, 40},
		{0.6349206349206349, 0.7272727272727273, 0.6779661016949152, 55},
		{0.7377049180327869, 0.75, 0.743801652892562, 60},
		{0.0, 0.0, 0.0, 7},
	}
	for i, want := range perClass {
		c := got.PerClass[i]
		check(c.Procedure+" precision", c.Precision, want.p)
		check(c.Procedure+" recall", c.Recall, want.r)
		check(c.Procedure+" f1", c.F1, want.f1)
		if c.Support != want.support {
			t.Errorf("%s support = %d, want %d", c.Procedure, c.Support, want.support)
		}
	}
	wantCounts := []int{0, 0, 21, 19, 21, 21, 19, 20, 21, 20}
	probTrue := []float64{0.6666666666666666, 0.6842105263157895, 0.7142857142857143, 0.7619047619047619,
		0.6842105263157895, 0.75, 0.7142857142857143, 0.7}
	probPred := []float64{0.2500238095238095, 0.3485263157894738, 0.44789999999999996, 0.552104761904762,
		0.6508052631578948, 0.7477050000000001, 0.8492952380952383, 0.9503400000000001}
	nz := 0
	for b, bin := range got.Calibration.Bins {
		if bin.Count != wantCounts[b] {
			t.Errorf("bin %d count = %d, want %d", b, bin.Count, wantCounts[b])
			continue
		}
		if bin.Count == 0 {
			continue
		}
		check("bin accuracy", bin.Accuracy, probTrue[nz])
		check("bin confidence", bin.Confidence, probPred[nz])
		nz++
	}
	check("ece", got.Calibration.ECE, 0.20771604938271607)
}
