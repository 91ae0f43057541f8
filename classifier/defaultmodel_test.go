package classifier

import (
	"context"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier/scoring"
	"github.com/fenjian/fenjian/triage"
)

// TestDefaultModel loads the embedded default model and checks that, on a
// freshly generated evaluation set (seed 2; the model was trained on seed
// 1), it still does what its manifest says it did on its held-out split.
// Everything is seeded, so the test is deterministic; it fails when the
// corpus, the rules or the features drift away from the shipped model, and
// the cure is to retrain it (defaultmodel/README.md). It scores the trained
// model without the real-data adjustments attached after training (the
// baseline blend and the real prior, manifest.adjusted): the manifest's
// held-out figures are the trained model's, and the adjustments are judged
// on real filings (TestDefaultScorerOnRealFilings), not on generated ones.
func TestDefaultModel(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	man := m.Manifest()
	rec := man.Holdout.Model
	if m, err = m.With(nil, nil); err != nil {
		t.Fatal(err)
	}
	r := testRules(t)
	e := triage.New(r, m)
	data := generate(t, 5000, 2)
	var labels, recs []triagev1.Procedure
	for _, lf := range data {
		d, err := e.Decide(context.Background(), lf.GetFiling())
		if err != nil {
			t.Fatalf("%s: %v", lf.GetFiling().GetId(), err)
		}
		labels = append(labels, lf.GetLabel())
		recs = append(recs, d.GetRecommended())
	}
	got := scoring.Score(labels, recs)
	t.Logf("default model %s: fresh 5,000: accuracy %.4f macro-F1 %.4f ordinary recall %.4f; recorded %.4f %.4f %.4f",
		m.Version(), got.Accuracy, got.MacroF1, got.OrdinaryRecall, rec.Accuracy, rec.MacroF1, rec.OrdinaryRecall)
	const tol = 0.03
	if got.Accuracy < rec.Accuracy-tol || got.MacroF1 < rec.MacroF1-tol || got.OrdinaryRecall < rec.OrdinaryRecall-tol {
		t.Errorf("the default model no longer meets its recorded held-out metrics (tolerance %.2f)", tol)
	}
	// The class weights are tuned for 0.91 on out-of-bag rows; on the
	// fourth calibration's corpus (internal/corpus/doc.go), whose texts voice
	// complications as rarely as real complaints do, the 20,000-record
	// model reaches about 0.87 on fresh data (defaultmodel/README.md). The
	// floor is that figure less the noise of 5,000 records.
	if got.OrdinaryRecall < 0.86 {
		t.Errorf("ordinary recall %.4f below 0.86", got.OrdinaryRecall)
	}
}
