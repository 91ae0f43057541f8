package triage

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

func TestPick(t *testing.T) {
	const (
		sc  = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS
		sim = triagev1.Procedure_PROCEDURE_SIMPLIFIED
		ord = triagev1.Procedure_PROCEDURE_ORDINARY
		av  = triagev1.Availability_AVAILABILITY_AVAILABLE
		und = triagev1.Availability_AVAILABILITY_UNDETERMINED
		no  = triagev1.Availability_AVAILABILITY_UNAVAILABLE
	)
	pol := Policy{OrdinaryMargin: 0.05}
	probs := func(s, si, o float64) *Probabilities {
		var p Probabilities
		p[sc], p[sim], p[ord] = s, si, o
		return &p
	}
	tests := []struct {
		name string
		opts []Option
		p    *Probabilities
		want int
		norm float64 // normalised probability of the pick
		conf float64 // Confidence of the pick, when non-zero
	}{
		{"most probable", []Option{{sc, av, false}, {sim, av, false}, {ord, av, false}}, probs(0.6, 0.3, 0.1), 0, 0.6, 0},
		{"lean to ordinary within margin", []Option{{sc, av, false}, {sim, av, false}, {ord, av, false}}, probs(0, 0.52, 0.48), 2, 0.48, 0},
		{"margin exceeded", []Option{{sc, av, false}, {sim, av, false}, {ord, av, false}}, probs(0, 0.6, 0.4), 1, 0.6, 0},
		{"mandatory not leaned away from", []Option{{sc, av, true}, {sim, no, false}, {ord, av, false}}, probs(0.52, 0, 0.48), 0, 0.52, 0},
		{"mandatory loses to more probable ordinary", []Option{{sc, av, true}, {sim, no, false}, {ord, av, false}}, probs(0.4, 0, 0.6), 2, 0.6, 0},
		// In the CPL 165 ¶1 band simplified procedure is no lawful start:
		// a simple case goes to small claims, one that is not to ordinary.
		{"mandatory beside a more probable simplified", []Option{{sc, av, true}, {sim, av, false}, {ord, av, false}}, probs(0.3, 0.5, 0.2), 0, 0.3, 0.8},
		{"simplified's share counts for the mandatory against ordinary", []Option{{sc, av, true}, {sim, av, false}, {ord, av, false}}, probs(0.2, 0.3, 0.45), 0, 0.2 / 0.95, 0.5 / 0.95},
		{"mandatory loses to ordinary above both together", []Option{{sc, av, true}, {sim, av, false}, {ord, av, false}}, probs(0.1, 0.3, 0.6), 2, 0.6, 0.6},
		{"near miss: not mandatory, simplified stays the pick", []Option{{sc, av, false}, {sim, av, false}, {ord, av, false}}, probs(0.3, 0.5, 0.2), 1, 0.5, 0.5},
		{"closed option has no share", []Option{{sc, no, false}, {sim, av, false}, {ord, av, false}}, probs(0.5, 0.3, 0.2), 1, 0.6, 0},
		{"undetermined keeps its share but is not picked", []Option{{sc, und, false}, {sim, av, false}, {ord, av, false}}, probs(0.5, 0.3, 0.2), 1, 0.3, 0},
		{"no opinion spreads evenly, ordinary by the lean", []Option{{sc, av, false}, {sim, av, false}, {ord, av, false}}, probs(0, 0, 0), 2, 1.0 / 3, 0},
		{"nothing open", []Option{{sc, no, false}, {sim, und, false}}, probs(0.5, 0.5, 0), -1, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, norm := Pick(tc.opts, tc.p, pol)
			if tc.conf > 0 {
				if c := Confidence(tc.opts, norm, got); c-tc.conf > 1e-12 || tc.conf-c > 1e-12 {
					t.Errorf("Confidence = %v, want %v", c, tc.conf)
				}
			}
			if got != tc.want {
				t.Fatalf("Pick = %d, want %d (norm %v)", got, tc.want, norm)
			}
			if got >= 0 && (norm[got]-tc.norm > 1e-12 || tc.norm-norm[got] > 1e-12) {
				t.Errorf("normalised probability %v, want %v", norm[got], tc.norm)
			}
		})
	}
}
