package classifier

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"slices"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier/scoring"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// RealCase is a labelled real filing prepared once for the real prior's
// cross-validation: its assessment, keys and features, and the
// probabilities of the scorer the prior is mixed into.
type RealCase struct {
	ID    string
	Kind  triagev1.CaseKind
	Label triagev1.Procedure
	// RulesReview: the rules send the filing to review whatever the scorer
	// says; OutOfDistribution: the scorer's domain check flags it.
	RulesReview, OutOfDistribution bool

	keys  []string
	feats map[string][]realFeat // by feature set (featuresOf)
	civil civilLawFacts         // for the civil-only methods
	// baseline is the cause + amount baseline's distribution (civil
	// filings), which RealRecalibrate corrects.
	baseline triage.Probabilities
	opts     []triage.Option
	base     triage.Probabilities
}

// newRealCase prepares a filing; nil when it has no usable label or the
// rules refuse it (it is never scored either).
func newRealCase(eng *rules.Engine, lf *triagev1.LabeledFiling) *RealCase {
	f := lf.GetFiling()
	if lf.GetLabel() == triagev1.Procedure_PROCEDURE_UNSPECIFIED || int(lf.GetLabel()) >= len(triage.Probabilities{}) {
		return nil
	}
	a, err := eng.Evaluate(f)
	if err != nil {
		return nil
	}
	c := &RealCase{ID: f.GetId(), Kind: f.GetCaseKind(), Label: lf.GetLabel(), RulesReview: a.NeedsReview(),
		keys: realPriorKeys(f, a), feats: allFeatureSets(f, a), opts: triage.OptionsOf(a.Options, nil)}
	if c.Kind == triagev1.CaseKind_CASE_KIND_CIVIL {
		c.civil = civilLawOf(f, a)
		Baseline{}.Score(f, a, &c.baseline)
	}
	return c
}

// allFeatureSets computes every feature set of a filing once, so that the
// cross-validations' many fits do not recompute them.
func allFeatureSets(f *triagev1.Filing, a *rules.Assessment) map[string][]realFeat {
	out := make(map[string][]realFeat, len(featureSets))
	for _, set := range featureSets {
		out[set] = featuresOf(set, f, a)
	}
	return out
}

// features returns the case's features of one set.
func (c *RealCase) features(set string) []realFeat { return c.feats[set] }

// PrepareRealCases prepares labelled real filings for cross-validating the
// real prior mixed into base (the served scorer without its prior: a model
// with its baseline blend, or the baseline). Filings without a label or
// that the rules refuse are left out.
func PrepareRealCases(eng *rules.Engine, base triage.Scorer, data []*triagev1.LabeledFiling) []*RealCase {
	var out []*RealCase
	ab, _ := base.(triage.Abstainer)
	for _, lf := range data {
		c := newRealCase(eng, lf)
		if c == nil {
			continue
		}
		a, _ := eng.Evaluate(lf.GetFiling()) // evaluated without error in newRealCase
		base.Score(lf.GetFiling(), a, &c.base)
		c.OutOfDistribution = ab != nil && ab.OutOfDistribution(lf.GetFiling(), a) != ""
		out = append(out, c)
	}
	return out
}

// RealDecision is what the triage policy recommends for a case, with the
// recommended option's normalised probability.
type RealDecision struct {
	Recommended triagev1.Procedure
	Confidence  float64
}

// Decide mixes the prior's distribution for the case into the base
// probabilities with the kind's weight and applies the one recommendation
// policy (triage.Pick), as Engine.Decide does with Model.Score.
func (rp *RealPrior) Decide(c *RealCase, policy triage.Policy) RealDecision {
	p := c.base
	kind := c.Kind.String()
	if w := rp.Weight[kind]; w > 0 {
		var q triage.Probabilities
		ok := false
		handled, civilOK := rp.civilDistribution(kind, c.civil, func() []realFeat { return c.features(FeaturesCivilOrdinal) }, &p, &q)
		switch lm := rp.Linear[kind]; {
		case handled:
			ok = civilOK
		case lm != nil:
			lm.predict(c.features(lm.FeatureSet), &q)
			ok = true
		default:
			ok = rp.countDistribution(c.keys, &q)
		}
		if ok && rp.Fits[kind].Guard {
			ok = guardSplit(c.civil.mandatory, &p, &q)
		}
		if ok {
			for i := range p {
				p[i] = (1-w)*p[i] + w*q[i]
			}
			applyOrdinaryBias(&p, rp.Fits[kind].OrdinaryBias)
		}
	}
	best, norm := triage.Pick(c.opts, &p, policy)
	if best < 0 {
		return RealDecision{}
	}
	return RealDecision{Recommended: c.opts[best].Procedure, Confidence: norm[best]}
}

// RealGrid is the configurations the nested cross-validation chooses
// among for a case kind: the base scorer alone (weight 0); counts, or the
// linear model at six penalties, plain or balanced, each mixed in at four
// weights (the rest is the base scorer's). 53 in all. Civil filings read
// it through realGridFor: 145 candidates, the linear ones over three
// civil feature sets.
func RealGrid() []RealFit {
	grid := []RealFit{{Method: RealCounts, Weight: 0}}
	for _, w := range []float64{0.25, 0.5, 0.75, 1} {
		grid = append(grid, RealFit{Method: RealCounts, Weight: w})
		for _, lambda := range []float64{1, 0.3, 0.1, 0.03, 0.01, 0.003} {
			for _, bal := range []bool{false, true} {
				grid = append(grid, RealFit{Method: RealLogit, Lambda: lambda, Balanced: bal, Weight: w})
			}
		}
	}
	return grid
}

// civilFeatureSets are the feature sets a civil linear model chooses
// among: the broad set (realFeatures) and the counts lost to the
// baseline on the real civil filings in nested cross-validation (macro-F1
// 0.26–0.27 against 0.325), so the civil grid replaces them with the small
// civil set, the baseline recalibrated, and both (realcivil.go).
var civilFeatureSets = []string{FeaturesCivilSmall, FeaturesBaselineLogP, FeaturesCivilSmallBaseline}

// criminalFeatureSet is the set a criminal linear configuration of the
// default feature set reads: the broad set with the law's fast-track era
// (realcriminal.go), which beat the broad set in nested cross-validation
// after the rules learnt the 2014–2018 pilot (docs/quality.md).
const criminalFeatureSet = FeaturesCriminalLaw

// realGridFor is grid as one case kind reads it. For civil filings a
// linear configuration of the default feature set stands for one per
// civil feature set, and counts are dropped (the base scorer alone stays a
// candidate); for criminal filings it reads criminalFeatureSet; a
// configuration naming its set is kept as it is ("broad" names the old
// criminal set). Other kinds take grid unchanged. SelectRealFit and NestedRealCV apply it, so that
// `triagectl adjust -select` and `triagectl realcv -nested` choose from
// the same candidates.
func realGridFor(kind triagev1.CaseKind, grid []RealFit) []RealFit {
	switch kind {
	case triagev1.CaseKind_CASE_KIND_CRIMINAL:
		out := slices.Clone(grid)
		for i, g := range out {
			if g.Method == RealLogit && g.Features == "" {
				out[i].Features = criminalFeatureSet
			}
		}
		return out
	case triagev1.CaseKind_CASE_KIND_CIVIL:
	default:
		return grid
	}
	var out []RealFit
	for _, g := range grid {
		switch {
		case g.Method == RealCounts && g.Weight > 0:
		case g.Method == RealLogit && g.Features == "":
			for _, set := range civilFeatureSets {
				g.Features = set
				out = append(out, g)
			}
		default:
			out = append(out, g)
		}
	}
	return out
}

// caseFolds deals cases into k folds stratified by label, by a seeded hash
// of the id (as RealFoldsSeed).
func caseFolds(cases []*RealCase, k int, seed uint64) []int {
	lfs := make([]*triagev1.LabeledFiling, len(cases))
	for i, c := range cases {
		lfs[i] = &triagev1.LabeledFiling{Filing: &triagev1.Filing{Id: c.ID, CaseKind: c.Kind}, Label: c.Label}
	}
	return RealFoldsSeed(lfs, k, seed)
}

// crossDecide decides every case out of fold for every configuration of
// grid: for each fold, each distinct fit (method, penalty, balance) is
// made once from the other folds and decides the fold at every weight.
// out[g][i] is configuration g's decision of case i.
func crossDecide(cases []*RealCase, grid []RealFit, alpha float64, fold []int, k int) ([][]RealDecision, error) {
	out := make([][]RealDecision, len(grid))
	for g := range out {
		out[g] = make([]RealDecision, len(cases))
	}
	for f := range k {
		var train []*RealCase
		for i, c := range cases {
			if fold[i] != f {
				train = append(train, c)
			}
		}
		fitted := map[RealFit]*RealPrior{}
		for g, cfg := range grid {
			key := cfg
			key.Weight = 1
			rp := fitted[key]
			if rp == nil {
				var err error
				if rp, err = fitRealPrior(train, alpha, map[string]RealFit{cases[0].Kind.String(): key}); err != nil {
					return nil, err
				}
				fitted[key] = rp
			}
			w := *rp
			w.Weight = map[string]float64{cases[0].Kind.String(): cfg.Weight}
			for i, c := range cases {
				if fold[i] == f {
					out[g][i] = w.Decide(c, triage.DefaultPolicy)
				}
			}
		}
	}
	return out, nil
}

// selectRepeats is how many differently dealt k-fold cross-validations
// SelectRealFit averages: one dealing of a few dozen filings ranks close
// configurations by chance.
const selectRepeats = 3

// SelectRealFit chooses, for cases of one kind, the configuration of grid
// with the best cross-validated macro-F1 of the final recommendation,
// averaged over selectRepeats dealings of k folds (accuracy breaking ties,
// then grid order): the hyper-parameter choice of the nested
// cross-validation and, run on all the real filings, of the shipped prior.
// It returns the choice and its mean macro-F1 and accuracy.
func SelectRealFit(cases []*RealCase, grid []RealFit, alpha float64, k int, seed uint64) (RealFit, [2]float64, error) {
	if len(cases) > 0 {
		grid = realGridFor(cases[0].Kind, grid)
	}
	if len(cases) < k || len(grid) == 0 {
		return RealFit{}, [2]float64{}, fmt.Errorf("select real prior: %d cases for %d folds, %d configurations", len(cases), k, len(grid))
	}
	score, err := crossScore(cases, grid, alpha, k, seed)
	if err != nil {
		return RealFit{}, [2]float64{}, err
	}
	best := 0
	for g := range grid {
		if s, b := score[g], score[best]; s[0] > b[0]+1e-12 || (s[0] > b[0]-1e-12 && s[1] > b[1]+1e-12) {
			best = g
		}
	}
	if fit := grid[best]; fit.OrdinaryRecall > 0 && fit.Weight > 0 {
		return chooseOrdinaryBias(cases, fit, alpha, k, seed)
	}
	return grid[best], [2]float64{score[best][0], score[best][1]}, nil
}

// crossScore is every configuration's cross-validated macro-F1, accuracy
// and ordinary recall of the final recommendation, each the mean over
// selectRepeats dealings of k folds (seeded from seed): what SelectRealFit
// and chooseOrdinaryBias rank by.
func crossScore(cases []*RealCase, grid []RealFit, alpha float64, k int, seed uint64) ([][3]float64, error) {
	score := make([][3]float64, len(grid))
	for r := range selectRepeats {
		ds, err := crossDecide(cases, grid, alpha, caseFolds(cases, k, innerSeed(seed, -1-r)), k)
		if err != nil {
			return nil, err
		}
		for g := range grid {
			labels, recs := make([]triagev1.Procedure, len(cases)), make([]triagev1.Procedure, len(cases))
			for i, c := range cases {
				labels[i], recs[i] = c.Label, ds[g][i].Recommended
			}
			m := scoring.Score(labels, recs)
			score[g][0] += m.MacroF1 / selectRepeats
			score[g][1] += m.Accuracy / selectRepeats
			score[g][2] += m.OrdinaryRecall / selectRepeats
		}
	}
	return score, nil
}

// ordinaryBiases are the costs chooseOrdinaryBias chooses among: ordinary's
// probability multiplied by 1 to e (2.7).
var ordinaryBiases = []float64{0, 0.25, 0.5, 0.75, 1}

// chooseOrdinaryBias is SelectRealFit's second step for a configuration
// that asks for an ordinary recall (RealFit.OrdinaryRecall): over the same
// dealings of the same cases (the training folds only, in a nested
// cross-validation), each bias of ordinaryBiases decides every case out of
// fold; the bias with the best mean macro-F1 among those whose mean
// ordinary recall reaches the target is chosen (the smaller on a tie), or,
// when none reaches it, the one with the highest recall (then macro-F1,
// then the smaller). The configuration itself was chosen first, at bias 0,
// so the bias adds five candidates, not five times the grid.
func chooseOrdinaryBias(cases []*RealCase, fit RealFit, alpha float64, k int, seed uint64) (RealFit, [2]float64, error) {
	cands := make([]RealFit, len(ordinaryBiases))
	for i, b := range ordinaryBiases {
		cands[i] = fit
		cands[i].OrdinaryBias = b
	}
	score, err := crossScore(cases, cands, alpha, k, seed)
	if err != nil {
		return RealFit{}, [2]float64{}, err
	}
	const eps = 1e-12
	reaches := func(g int) bool { return score[g][2] >= fit.OrdinaryRecall-eps }
	best := 0
	for g := 1; g < len(cands); g++ {
		s, b := score[g], score[best]
		switch {
		case reaches(g) && !reaches(best):
			best = g
		case reaches(g) && reaches(best):
			if s[0] > b[0]+eps {
				best = g
			}
		case !reaches(g) && !reaches(best):
			if s[2] > b[2]+eps || (s[2] > b[2]-eps && s[0] > b[0]+eps) {
				best = g
			}
		}
	}
	return cands[best], [2]float64{score[best][0], score[best][1]}, nil
}

// NestedRealCV is the honest estimate of the whole procedure for cases of
// one kind: outer folds (dealt by seed) each choose a configuration by an
// inner cross-validation on the other folds alone (SelectRealFit), fit it
// on them and decide the outer fold. It returns every case's out-of-fold
// decision and each outer fold's choice.
func NestedRealCV(cases []*RealCase, grid []RealFit, alpha float64, outer, inner int, seed uint64) ([]RealDecision, []RealFit, error) {
	fold := caseFolds(cases, outer, seed)
	ds := make([]RealDecision, len(cases))
	chosen := make([]RealFit, outer)
	for f := range outer {
		var train []*RealCase
		for i, c := range cases {
			if fold[i] != f {
				train = append(train, c)
			}
		}
		cfg, _, err := SelectRealFit(train, grid, alpha, inner, innerSeed(seed, f))
		if err != nil {
			return nil, nil, fmt.Errorf("outer fold %d: %w", f, err)
		}
		chosen[f] = cfg
		rp, err := fitRealPrior(train, alpha, map[string]RealFit{cases[0].Kind.String(): cfg})
		if err != nil {
			return nil, nil, fmt.Errorf("outer fold %d: %w", f, err)
		}
		for i, c := range cases {
			if fold[i] == f {
				ds[i] = rp.Decide(c, triage.DefaultPolicy)
			}
		}
	}
	return ds, chosen, nil
}

// innerSeed derives the inner folds' seed from the outer seed and fold,
// so that inner folds differ between outer folds and repeats.
func innerSeed(seed uint64, fold int) uint64 {
	h := fnv.New64a()
	h.Write(binary.LittleEndian.AppendUint64(nil, seed))
	h.Write(binary.LittleEndian.AppendUint64(nil, uint64(int64(fold)+1)))
	return h.Sum64() | 1 // never 0: 0 is RealFolds' own dealing
}

// RealCasesOfKind returns the cases of one kind, in order.
func RealCasesOfKind(cases []*RealCase, k triagev1.CaseKind) []*RealCase {
	var out []*RealCase
	for _, c := range cases {
		if c.Kind == k {
			out = append(out, c)
		}
	}
	return out
}

// RealFitCounts summarises chosen configurations, most frequent first, for
// reports.
func RealFitCounts(fits []RealFit) []string {
	n := map[string]int{}
	for _, f := range fits {
		n[f.String()]++
	}
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if c := cmp.Compare(n[b], n[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = fmt.Sprintf("%s ×%d", k, n[k])
	}
	return out
}
