package scoring

import (
	"math"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

const (
	sc  = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS
	sim = triagev1.Procedure_PROCEDURE_SIMPLIFIED
	ord = triagev1.Procedure_PROCEDURE_ORDINARY
)

func TestScore(t *testing.T) {
	// labels:      ORD ORD ORD SIM SIM SC
	// recommended: ORD ORD SIM SIM ORD SC
	// ORD: tp 2, support 3, predicted 3 → P 2/3, R 2/3, F1 2/3
	// SIM: tp 1, support 2, predicted 2 → P 1/2, R 1/2, F1 1/2
	// SC:  tp 1, support 1, predicted 1 → 1, 1, 1
	labels := []triagev1.Procedure{ord, ord, ord, sim, sim, sc}
	recs := []triagev1.Procedure{ord, ord, sim, sim, ord, sc}
	s := Score(labels, recs)
	near := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	near("accuracy", s.Accuracy, 4.0/6)
	near("macro-F1", s.MacroF1, (2.0/3+0.5+1)/3)
	near("ordinary recall", s.OrdinaryRecall, 2.0/3)
	if s.OrdinaryMissed != 1 {
		t.Errorf("ordinary missed = %d, want 1", s.OrdinaryMissed)
	}
	wantOrder := []string{"PROCEDURE_SMALL_CLAIMS", "PROCEDURE_SIMPLIFIED", "PROCEDURE_ORDINARY"}
	for i, c := range s.PerClass {
		if c.Procedure != wantOrder[i] || s.Confusion.Labels[i] != wantOrder[i] {
			t.Fatalf("class %d is %s / %s, want %s (procedure-number order)", i, c.Procedure, s.Confusion.Labels[i], wantOrder[i])
		}
	}
	near("SIM precision", s.PerClass[1].Precision, 0.5)
	near("ORD F1", s.PerClass[2].F1, 2.0/3)
	if got := s.Confusion.Matrix[2][1]; got != 1 { // labelled ordinary, recommended simplified
		t.Errorf("confusion[ORD][SIM] = %d, want 1", got)
	}
}

func TestScoreEmptyAndZeroDivision(t *testing.T) {
	s := Score(nil, nil)
	if s.Accuracy != 0 || s.MacroF1 != 0 || s.OrdinaryRecall != 0 || len(s.PerClass) != 0 {
		t.Errorf("empty input scored %+v, want zeros", s)
	}
	// A procedure only ever recommended has support 0: its recall is 0, not NaN.
	s = Score([]triagev1.Procedure{sim}, []triagev1.Procedure{ord})
	if r := s.PerClass[1].Recall; r != 0 || math.IsNaN(s.MacroF1) {
		t.Errorf("recall of a never-labelled procedure = %v, macro-F1 %v; want 0 and a number", r, s.MacroF1)
	}
	if s.OrdinaryRecall != 0 || s.OrdinaryMissed != 0 {
		t.Errorf("no ordinary labels: recall %v, missed %d, want 0, 0", s.OrdinaryRecall, s.OrdinaryMissed)
	}
}
