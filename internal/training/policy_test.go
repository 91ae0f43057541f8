package training

import (
	"context"
	"testing"

	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/triage"
)

// TestPolicyPickAgreesWithEngine replays the training-time policy
// (policyPick on the options the trainer records) on the model's
// probabilities for every record of a generated corpus and checks it
// recommends what triage.Engine recommends: training must tune its class
// weights against the rule the server runs, not a copy of it.
func TestPolicyPickAgreesWithEngine(t *testing.T) {
	m, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := testRules(t)
	e := triage.New(r, m)
	classes := m.Classes()
	p := make([]float64, len(classes))
	var q triage.Probabilities
	mandatory := 0
	for _, lf := range generate(t, 3000, 5) {
		f := lf.GetFiling()
		d, err := e.Decide(context.Background(), f)
		if err != nil {
			t.Fatalf("%s: %v", f.GetId(), err)
		}
		a, err := r.Evaluate(f)
		if err != nil {
			t.Fatalf("%s: %v", f.GetId(), err)
		}
		opts := triage.OptionsOf(a.Options, nil)
		for _, o := range opts {
			if o.Mandatory {
				mandatory++
				break
			}
		}
		// The served probabilities (blend and real prior included), in
		// class order, through the training-time pick.
		var served triage.Probabilities
		m.Score(f, a, &served)
		for c, proc := range classes {
			p[c] = served[proc]
		}
		c := policyPick(p, opts, classes, triage.DefaultPolicy, &q, nil, 0)
		if c < 0 {
			t.Fatalf("%s: training policy picks nothing, engine %v", f.GetId(), d.GetRecommended())
		}
		if classes[c] != d.GetRecommended() {
			t.Errorf("%s: training policy picks %v, engine %v", f.GetId(), classes[c], d.GetRecommended())
		}
	}
	if mandatory == 0 {
		t.Error("no record with mandatory small claims: the corpus does not exercise the rule that drifted")
	}
}
