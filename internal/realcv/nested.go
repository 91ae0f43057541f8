package realcv

import (
	"fmt"
	"log/slog"
	"slices"
	"strings"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// NestedConfig is what Nested cross-validates: the real filings, the
// scorer the prior is mixed into, the folds and the grid of prior
// configurations the inner folds choose among.
type NestedConfig struct {
	Rules *rules.Engine
	// Filings are the real filings (classifier.PrepareRealCases keeps the
	// labelled ones).
	Filings []*triagev1.LabeledFiling
	// RealDir names where the filings came from, for the report.
	RealDir string
	// Model is the scorer the prior is mixed into, without its own prior
	// (its baseline blend kept); nil: the cause + amount baseline.
	Model *classifier.Model
	// Folds and Inner are the outer and inner folds.
	Folds, Inner int
	// FoldSeeds deal the outer folds, one repeat each, in order.
	FoldSeeds []uint64
	// Alpha smooths the real prior, in filings.
	Alpha float64
	// Methods are the prior's methods the grid holds: classifier.RealCounts
	// and classifier.RealLogit for every kind, the civil-only methods
	// (classifier.IsCivilMethod) for civil filings alone. The base scorer
	// alone (weight 0) is always a candidate.
	Methods []string
	// Features are the linear prior's feature sets, each a candidate the
	// inner folds choose among; "" is the kind's own set.
	Features []string
	// Kind keeps one case kind ("civil", "criminal", in any case); "":
	// both.
	Kind string
	// GridWeights keeps only these prior weights of the grid; nil: all.
	GridWeights []float64
	// Grid varies the linear candidates (bagging, guard, least penalty).
	Grid classifier.GridOptions
	// Bootstrap is the number of resamples of the intervals (0: none).
	Bootstrap int
	// MinConfidence are the review thresholds of the review-rate curve.
	MinConfidence []float64

	// Logger hears each kind's mean macro-F1; nil: nothing is logged.
	Logger *slog.Logger
}

// MethodError is a prior method Nested does not know: the caller's
// mistake, found before any filing is decided.
type MethodError struct{ Method string }

func (e *MethodError) Error() string {
	return fmt.Sprintf("%q is none of %s, %s, %s, %s, %s", e.Method, classifier.RealCounts, classifier.RealLogit,
		classifier.RealCivilLaw, classifier.RealCivilOrdinal, classifier.RealRecalibrate)
}

// Nested is the nested cross-validation of the real prior's configuration
// per case kind, civil and criminal, repeated over cfg.FoldSeeds. A kind
// with fewer filings than outer × inner folds is left out.
func Nested(cfg NestedConfig) (*NestedReport, error) {
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	base, name, err := nestedBase(cfg.Model)
	if err != nil {
		return nil, err
	}
	cases := classifier.PrepareRealCases(cfg.Rules, base, cfg.Filings)
	baseCases := classifier.PrepareRealCases(cfg.Rules, classifier.NewBaseline(), cfg.Filings)
	rep := &NestedReport{Real: cfg.RealDir, Base: name, Outer: cfg.Folds, Inner: cfg.Inner, Repeats: len(cfg.FoldSeeds),
		FoldSeeds: cfg.FoldSeeds, Alpha: cfg.Alpha, Grid: cfg.Grid}
	opts := evaluation.Options{Bootstrap: cfg.Bootstrap, Seed: 1}
	grid, civilGrid, err := nestedGrid(cfg)
	if err != nil {
		return nil, err
	}
	rep.Methods = cfg.Methods
	for _, kind := range []triagev1.CaseKind{triagev1.CaseKind_CASE_KIND_CIVIL, triagev1.CaseKind_CASE_KIND_CRIMINAL} {
		if cfg.Kind != "" && !strings.EqualFold("CASE_KIND_"+cfg.Kind, kind.String()) {
			continue
		}
		kc := classifier.RealCasesOfKind(cases, kind)
		bc := classifier.RealCasesOfKind(baseCases, kind)
		if len(kc) < cfg.Folds*cfg.Inner {
			continue
		}
		kgrid := grid
		if kind == triagev1.CaseKind_CASE_KIND_CIVIL {
			kgrid = append(slices.Clone(grid), civilGrid...)
		}
		nk, err := nestedKind(kc, bc, kgrid, cfg, opts)
		if err != nil {
			return nil, fmt.Errorf("%v: %w", kind, err)
		}
		logger.Info("realcv -nested", "kind", kind.String(), "macro_f1", nk.MacroF1.Mean)
		rep.Kinds = append(rep.Kinds, nk)
	}
	return rep, nil
}

// nestedBase is the scorer the prior is mixed into and its name: the model
// without its prior (its baseline blend kept), or the baseline.
func nestedBase(m *classifier.Model) (triage.Scorer, string, error) {
	if m == nil {
		return classifier.NewBaseline(), classifier.BaselineVersion, nil
	}
	m, err := m.With(m.BaselineBlends(), nil)
	if err != nil {
		return nil, "", err
	}
	return m, m.Version(), nil
}

// nestedGrid is the grid of prior configurations for every kind and the
// civil-only candidates added for civil filings, narrowed to
// cfg.GridWeights and varied by cfg.Grid.
func nestedGrid(cfg NestedConfig) (grid, civilGrid []classifier.RealFit, err error) {
	for _, g := range classifier.RealGrid() {
		if cfg.GridWeights != nil && !slices.Contains(cfg.GridWeights, g.Weight) {
			continue
		}
		if g.Weight == 0 || slices.Contains(cfg.Methods, g.Method) {
			if g.Method != classifier.RealLogit {
				grid = append(grid, g)
				continue
			}
			// Each feature set is a candidate like a penalty: with
			// several, the inner folds choose among them too. The
			// default set stands for the kind's own (civil: the civil
			// sets, classifier.SelectRealFit).
			for _, set := range cfg.Features {
				g.Features = set
				grid = append(grid, g)
			}
		}
	}
	grid = cfg.Grid.Apply(grid)
	var civilMethods []string
	for _, m := range cfg.Methods {
		switch {
		case m == classifier.RealCounts || m == classifier.RealLogit:
		case classifier.IsCivilMethod(m):
			civilMethods = append(civilMethods, m)
		default:
			return nil, nil, &MethodError{m}
		}
	}
	// The civil-only methods are candidates for civil filings alone.
	if len(civilMethods) > 0 {
		for _, g := range classifier.CivilGrid(civilMethods...) {
			if cfg.GridWeights == nil || slices.Contains(cfg.GridWeights, g.Weight) {
				civilGrid = append(civilGrid, g)
			}
		}
	}
	return grid, civilGrid, nil
}

// nestedKind is the nested cross-validation of one case kind's cases kc
// (bc: the same filings prepared with the baseline), repeated over the
// fold seeds.
func nestedKind(kc, bc []*classifier.RealCase, grid []classifier.RealFit, cfg NestedConfig, opts evaluation.Options) (*NestedKind, error) {
	nk := &NestedKind{Kind: kc[0].Kind.String(), N: len(kc)}
	counts := map[triagev1.Procedure]int{}
	for _, c := range kc {
		counts[c.Label]++
	}
	maj := triagev1.Procedure_PROCEDURE_UNSPECIFIED
	for p, n := range counts {
		if maj == triagev1.Procedure_PROCEDURE_UNSPECIFIED || n > counts[maj] || (n == counts[maj] && p < maj) {
			maj = p
		}
	}
	nk.MajorityProcedure = maj.String()
	var runs [][]classifier.RealDecision
	var chosen []classifier.RealFit
	var f1, acc, ord []float64
	for _, seed := range cfg.FoldSeeds {
		ds, ch, err := classifier.NestedRealCV(kc, grid, cfg.Alpha, cfg.Folds, cfg.Inner, seed)
		if err != nil {
			return nil, err
		}
		runs = append(runs, ds)
		chosen = append(chosen, ch...)
		m := evaluation.Compute(realOutcomes(kc, ds, triage.DefaultPolicy.MinConfidence))
		nk.Repeats = append(nk.Repeats, m)
		f1, acc, ord = append(f1, m.MacroF1), append(acc, m.Accuracy), append(ord, m.OrdinaryRecall)
	}
	nk.MacroF1, nk.Acc, nk.OrdRec = spreadOf(f1), spreadOf(acc), spreadOf(ord)
	nk.Chosen = classifier.RealFitCounts(chosen)
	changed := 0
	for i := range kc {
		for _, run := range runs[1:] {
			if run[i].Recommended != runs[0][i].Recommended {
				changed++
				break
			}
		}
	}
	nk.Changed = float64(changed) / float64(len(kc))

	// The references decide without a prior: the baseline's own
	// probabilities through the same policy, and always the majority.
	none := &classifier.RealPrior{Alpha: 1}
	bds := make([]classifier.RealDecision, len(bc))
	mds := make([]classifier.RealDecision, len(kc))
	for i, c := range bc {
		bds[i] = none.Decide(c, triage.DefaultPolicy)
		mds[i] = classifier.RealDecision{Recommended: maj, Confidence: 1}
	}
	so := realOutcomes(kc, runs[0], triage.DefaultPolicy.MinConfidence)
	bo := realOutcomes(bc, bds, triage.DefaultPolicy.MinConfidence)
	mo := realOutcomes(kc, mds, triage.DefaultPolicy.MinConfidence)
	nk.Scorer, nk.Baseline, nk.Majority = evaluation.ByKind(so, opts)[0], evaluation.ByKind(bo, opts)[0], evaluation.ByKind(mo, opts)[0]
	df1, dacc := evaluation.PairedDelta(so, bo, opts)
	nk.DeltaBaseline = [2]evaluation.Interval{df1, dacc}
	df1, dacc = evaluation.PairedDelta(so, mo, opts)
	nk.DeltaMajority = [2]evaluation.Interval{df1, dacc}
	for _, t := range cfg.MinConfidence {
		kr := evaluation.ByKind(realOutcomes(kc, runs[0], t), evaluation.Options{})[0]
		ood := 0
		for _, c := range kc {
			if c.OutOfDistribution {
				ood++
			}
		}
		nk.Review = append(nk.Review, Review{Kind: nk.Kind, MinConfidence: t, Review: kr.Review,
			OutOfDistribution: float64(ood) / float64(len(kc))})
	}
	return nk, nil
}
