package realcv

import (
	"fmt"
	"slices"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/rules"
)

// SelectConfig is what SelectPrior chooses with: the model the prior will
// be attached to, the filings, and the kinds to choose for.
type SelectConfig struct {
	Rules *rules.Engine
	// Filings are all the real filings: the choice and the fit see every
	// one of them.
	Filings []*triagev1.LabeledFiling
	// Model is the trained model the prior is attached to; Blend is the
	// baseline blend it will be served with (nil: none, as
	// training.Artifact.Adjust then attaches none), so that the choice is
	// made for the scorer that will serve it.
	Model *classifier.Model
	Blend map[string]float64
	// Alpha smooths the real prior, in filings.
	Alpha float64
	// Kinds are the case kinds a configuration is chosen for, in this
	// order; for those also in Guarded the linear candidates are guarded
	// (classifier.GridOptions.Guard), the grid `realcv -nested -guard`
	// evaluates.
	Kinds, Guarded []triagev1.CaseKind
	// OrdinaryRecall, per case kind (enum name), asks the selection for
	// an ordinary bias reaching that recall in its own folds
	// (classifier.GridOptions.OrdinaryRecall); absent: none.
	OrdinaryRecall map[string]float64
	// Seed deals the cross-validation's folds.
	Seed uint64
	// Chosen, when set, hears each kind's choice as soon as it is made: a
	// caller can report progress on a selection that takes minutes.
	Chosen func(Choice)
}

// Choice is one case kind's chosen configuration of the real prior and its
// cross-validated figures.
type Choice struct {
	Kind     triagev1.CaseKind
	Fit      classifier.RealFit
	MacroF1  float64
	Accuracy float64
	// N is the number of the kind's filings cross-validated.
	N int
}

// selectFolds is the number of folds of SelectPrior's cross-validation,
// as the inner folds of Nested see about as many filings.
const selectFolds = 5

// SelectPrior chooses for each of cfg.Kinds the real prior's configuration
// by cross-validation over all the real filings (classifier.SelectRealFit,
// dealt with cfg.Seed), mixed into cfg.Model with cfg.Blend, and fits the
// chosen configurations on all of them: the procedure Nested measures out
// of fold, run to make the prior a model ships with (`triagectl adjust
// -select`).
func SelectPrior(cfg SelectConfig) (*classifier.RealPrior, error) {
	m, err := cfg.Model.With(cfg.Blend, nil)
	if err != nil {
		return nil, err
	}
	cases := classifier.PrepareRealCases(cfg.Rules, m, cfg.Filings)
	fits := map[string]classifier.RealFit{}
	for _, kind := range cfg.Kinds {
		kc := classifier.RealCasesOfKind(cases, kind)
		grid := classifier.RealGrid()
		if o := (classifier.GridOptions{Guard: slices.Contains(cfg.Guarded, kind), OrdinaryRecall: cfg.OrdinaryRecall[kind.String()]}); o.Guard || o.OrdinaryRecall > 0 {
			grid = o.Apply(grid)
		}
		fit, score, err := classifier.SelectRealFit(kc, grid, cfg.Alpha, selectFolds, cfg.Seed)
		if err != nil {
			return nil, fmt.Errorf("%v: %w", kind, err)
		}
		if cfg.Chosen != nil {
			cfg.Chosen(Choice{Kind: kind, Fit: fit, MacroF1: score[0], Accuracy: score[1], N: len(kc)})
		}
		fits[kind.String()] = fit
	}
	return classifier.FitRealPrior(cfg.Rules, cfg.Filings, cfg.Alpha, fits)
}
