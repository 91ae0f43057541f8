package classifier

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"maps"
	"math"
	"slices"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// RealPrior is what real filings teach that a generated corpus cannot: how
// courts actually decided filings like this one, counted per case kind over
// a few coarse keys and smoothed down a back-off chain (the finest key, a
// coarser one, the kind). The generator is fitted to real statistics as far
// as they are measured (internal/corpus/doc.go), but some relations only real
// decisions show — drug sales tried simplified, rape in ordinary procedure,
// large loans and leases in ordinary — and a few hundred real filings are
// too few to retrain the trees on without overfitting, yet enough to count.
//
// The counts are a model parameter like the trees: Model.Score mixes the
// smoothed distribution in with the per-kind weight RealWeight. Only counts
// by key are stored, never a filing's content.
type RealPrior struct {
	// Alpha is the smoothing strength in filings: each level is
	// (counts + Alpha·parent) / (n + Alpha).
	Alpha float64 `json:"alpha"`
	// Counts maps a key (realPriorKeys) to the label counts indexed by
	// procedure number.
	Counts map[string][]float64 `json:"counts"`
	// Weight is, per case kind (enum name), the weight of the prior in the
	// final probabilities.
	Weight map[string]float64 `json:"weight"`
	// Fits records, per case kind, how the kind's distribution was made
	// (counts or a linear model, its penalty, its weight), so that it can be
	// refitted on other filings (Refit: out-of-fold checks); empty for a
	// prior of counts alone, made before linear models existed.
	Fits map[string]RealFit `json:"fits,omitempty"`
	// Linear holds, per case kind, the logistic regression that replaces
	// the counts for that kind (reallinear.go), or the ordinal model of
	// RealCivilOrdinal.
	Linear map[string]*RealLinear `json:"linear,omitempty"`
	// Recalibration holds RealRecalibrate's factors per procedure, keyed
	// by case kind and small-claims regime ("CASE_KIND_CIVIL/30").
	Recalibration map[string][]float64 `json:"recalibration,omitempty"`
}

// Methods of RealFit.
const (
	RealCounts = "counts"
	RealLogit  = "linear"
)

// RealFit is one case kind's configuration of the real prior: counts down
// the key chain, or a regularised logistic regression (RealLinear) with
// penalty Lambda and optionally balanced classes; mixed in with Weight.
type RealFit struct {
	Method   string  `json:"method"`
	Lambda   float64 `json:"lambda,omitempty"`
	Balanced bool    `json:"balanced,omitempty"`
	// Features is the linear model's feature set (featuresOf; empty:
	// realFeatures).
	Features string `json:"features,omitempty"`
	// Threshold is RealCivilLaw's claim/limit ratio above which ordinary.
	Threshold float64 `json:"threshold,omitempty"`
	// Gamma is RealRecalibrate's strength (1: the full correction).
	Gamma float64 `json:"gamma,omitempty"`
	// Bag, for the linear method: fit on this many bootstrap resamples of
	// the filings drawn within each label, and average the models'
	// coefficients into one (fitBaggedLinear); 0 fits once. BagSeed seeds
	// the resamples.
	Bag     int    `json:"bag,omitempty"`
	BagSeed uint64 `json:"bag_seed,omitempty"`
	// Guard keeps the prior off the law's small-claims mandate: where the
	// rules make small claims mandatory the prior is not applied, and
	// elsewhere it only moves the base scorer's mass between simplified
	// and ordinary (guardSplit).
	Guard bool `json:"guard,omitempty"`
	// OrdinaryBias is a cost on missing ordinary procedure (简转普, the
	// expensive mistake): where the prior applies, ordinary's probability is
	// multiplied by e^OrdinaryBias after the mix (applyOrdinaryBias). It is
	// not a constant: SelectRealFit chooses it inside its own folds, for the
	// chosen configuration, so that the cross-validated ordinary recall
	// reaches OrdinaryRecall (chooseOrdinaryBias).
	OrdinaryBias float64 `json:"ordinary_bias,omitempty"`
	// OrdinaryRecall, when positive, asks SelectRealFit for that bias: the
	// recall of ordinary procedure the selection aims at (0: no bias).
	OrdinaryRecall float64 `json:"ordinary_recall,omitempty"`
	Weight         float64 `json:"weight"`
}

// String names the configuration in reports.
func (c RealFit) String() string {
	switch c.Method {
	case RealCivilLaw:
		return fmt.Sprintf("civil-law T=%g w=%.2f", c.Threshold, c.Weight)
	case RealCivilOrdinal:
		return fmt.Sprintf("civil-ordinal λ=%g w=%.2f", c.Lambda, c.Weight)
	case RealRecalibrate:
		return fmt.Sprintf("recalibrate γ=%g w=%.2f", c.Gamma, c.Weight)
	}
	if c.Method == RealLogit {
		b := ""
		if c.Balanced {
			b = " balanced"
		}
		if c.Features != "" {
			b += " " + c.Features
		}
		if c.Bag > 0 {
			b += fmt.Sprintf(" bag=%d", c.Bag)
			if c.BagSeed != 0 {
				b += fmt.Sprintf("/%d", c.BagSeed)
			}
		}
		if c.Guard {
			b += " guarded"
		}
		if c.OrdinaryRecall > 0 || c.OrdinaryBias != 0 {
			b += fmt.Sprintf(" ord-bias=%g", c.OrdinaryBias)
		}
		return fmt.Sprintf("linear λ=%g%s w=%.2f", c.Lambda, b, c.Weight)
	}
	return fmt.Sprintf("counts w=%.2f", c.Weight)
}

// realPriorKeys returns the back-off chain of a filing, coarsest first: the
// case kind, then for criminal cases the charge family (chargeFamily: the
// catalogue's chapters put rape beside assault, which practice tries
// differently) and the family with the plea, for civil cases the
// catalogue family, the cause (catalogue name, else as written) and the
// cause with its amount band.
func realPriorKeys(f *triagev1.Filing, a *rules.Assessment) []string {
	kind := f.GetCaseKind().String()
	keys := []string{kind}
	switch f.GetCaseKind() {
	case triagev1.CaseKind_CASE_KIND_CRIMINAL:
		fam := "other"
		if c := chargeFamily(f.GetCause()); c >= 0 {
			fam = chargeNames[c]
		}
		c := f.GetCircumstances()
		plea := "no_plea"
		if rules.PleaOf(c).Admits {
			plea = "plea"
		}
		keys = append(keys, kind+"/"+fam, kind+"/"+fam+"/"+plea)
	case triagev1.CaseKind_CASE_KIND_CIVIL:
		// The catalogue's family first: an unseen cause is counted like
		// its siblings (劳动合同纠纷 like the other 劳动争议).
		fam := "none"
		if a != nil && a.Facts.Cause.Family != "" {
			fam = a.Facts.Cause.Family
		}
		cause := causeKey(f, a)
		keys = append(keys, kind+"/family:"+fam, kind+"/family:"+fam+"/"+cause,
			kind+"/family:"+fam+"/"+cause+"/"+amountBand(f.GetClaimAmountFen()))
	}
	return keys
}

// amountBand is a coarse band of the claim in yuan: none stated, up to
// ¥50,000 (practice's "五万元以下"), up to ¥200,000, above.
func amountBand(fen int64) string {
	switch y := fen / 100; {
	case y <= 0:
		return "none"
	case y <= 50_000:
		return "le50k"
	case y <= 200_000:
		return "le200k"
	}
	return "gt200k"
}

// NewRealPrior counts labelled filings under eng's assessment.
func NewRealPrior(eng *rules.Engine, data []*triagev1.LabeledFiling, alpha float64, weight map[string]float64) (*RealPrior, error) {
	fits := map[string]RealFit{}
	for k, w := range weight {
		fits[k] = RealFit{Method: RealCounts, Weight: w}
	}
	rp, err := FitRealPrior(eng, data, alpha, fits)
	if err == nil {
		rp.Fits = nil // counts alone: the prior of before linear models
	}
	return rp, err
}

// FitRealPrior makes a real prior from labelled filings: the counts (with
// smoothing alpha) for every kind, and a linear model for each kind whose
// fit says so.
func FitRealPrior(eng *rules.Engine, data []*triagev1.LabeledFiling, alpha float64, fits map[string]RealFit) (*RealPrior, error) {
	cases := make([]*RealCase, 0, len(data))
	for _, lf := range data {
		if c := newRealCase(eng, lf); c != nil {
			cases = append(cases, c)
		}
	}
	return fitRealPrior(cases, alpha, fits)
}

func fitRealPrior(cases []*RealCase, alpha float64, fits map[string]RealFit) (*RealPrior, error) {
	if !(alpha > 0) {
		return nil, fmt.Errorf("real prior: alpha %v must be positive", alpha)
	}
	rp := &RealPrior{Alpha: alpha, Counts: map[string][]float64{}, Weight: map[string]float64{}, Fits: map[string]RealFit{}}
	for _, c := range cases {
		for _, k := range c.keys {
			if rp.Counts[k] == nil {
				rp.Counts[k] = make([]float64, len(triage.Probabilities{}))
			}
			rp.Counts[k][c.Label]++
		}
	}
	for _, kind := range slices.Sorted(maps.Keys(fits)) {
		fit := fits[kind]
		rp.Weight[kind], rp.Fits[kind] = fit.Weight, fit
		switch fit.Method {
		case RealCounts:
		case RealCivilLaw:
			if !(fit.Threshold > 0) || math.IsInf(fit.Threshold, 0) {
				return nil, fmt.Errorf("real prior %s: civil-law threshold %v must be positive", kind, fit.Threshold)
			}
		case RealCivilOrdinal:
			lm, err := fitRealLinear(ordinalRows(cases, kind), fit.Lambda, false, FeaturesCivilOrdinal)
			if err != nil {
				return nil, fmt.Errorf("real prior %s: %w", kind, err)
			}
			if rp.Linear == nil {
				rp.Linear = map[string]*RealLinear{}
			}
			rp.Linear[kind] = lm
		case RealRecalibrate:
			if !(fit.Gamma > 0 && fit.Gamma <= 1) {
				return nil, fmt.Errorf("real prior %s: recalibration strength %v must be in (0, 1]", kind, fit.Gamma)
			}
			if rp.Recalibration == nil {
				rp.Recalibration = map[string][]float64{}
			}
			maps.Copy(rp.Recalibration, fitRecalibration(cases, kind, fit.Gamma))
		case RealLogit:
			var rows []realRow
			for _, c := range cases {
				if c.Kind.String() == kind {
					rows = append(rows, realRow{c.features(fit.Features), c.Label})
				}
			}
			var lm *RealLinear
			var err error
			if fit.Bag > 0 {
				lm, err = fitBaggedLinear(rows, fit.Lambda, fit.Balanced, fit.Features, fit.Bag, fit.BagSeed)
			} else {
				lm, err = fitRealLinear(rows, fit.Lambda, fit.Balanced, fit.Features)
			}
			if err != nil {
				return nil, fmt.Errorf("real prior %s: %w", kind, err)
			}
			if rp.Linear == nil {
				rp.Linear = map[string]*RealLinear{}
			}
			rp.Linear[kind] = lm
		default:
			return nil, fmt.Errorf("real prior %s: method %q is not one of %q, %q, %q, %q, %q", kind, fit.Method, RealCounts, RealLogit, RealCivilLaw, RealCivilOrdinal, RealRecalibrate)
		}
	}
	return rp, rp.validate()
}

// Refit returns a prior with the receiver's configuration (smoothing, and
// per kind its method, penalty and weight) fitted on other filings: what
// the receiver would have been had it been made from them. Out-of-fold
// checks use it to score the real filings with a prior that did not see
// them.
func (rp *RealPrior) Refit(eng *rules.Engine, data []*triagev1.LabeledFiling) (*RealPrior, error) {
	if len(rp.Fits) == 0 {
		return NewRealPrior(eng, data, rp.Alpha, rp.Weight)
	}
	return FitRealPrior(eng, data, rp.Alpha, rp.Fits)
}

func (rp *RealPrior) validate() error {
	if !(rp.Alpha > 0) || math.IsInf(rp.Alpha, 0) {
		return fmt.Errorf("real prior: alpha %v", rp.Alpha)
	}
	for k, c := range rp.Counts {
		if len(c) != len(triage.Probabilities{}) || !allFinite(c) {
			return fmt.Errorf("real prior: counts of %q", k)
		}
	}
	for kind, w := range rp.Weight {
		if v, ok := triagev1.CaseKind_value[kind]; !ok || v == 0 || !(w >= 0 && w <= 1) {
			return fmt.Errorf("real prior: weight %q: %v is not a case kind and a weight in [0, 1]", kind, w)
		}
	}
	for key, f := range rp.Recalibration {
		if len(f) != len(triage.Probabilities{}) || !allFinite(f) || slices.ContainsFunc(f, func(v float64) bool { return !(v > 0) }) {
			return fmt.Errorf("real prior: recalibration %q", key)
		}
	}
	for kind, fit := range rp.Fits {
		if !(fit.OrdinaryBias >= 0) || math.IsInf(fit.OrdinaryBias, 0) || !(fit.OrdinaryRecall >= 0 && fit.OrdinaryRecall <= 1) {
			return fmt.Errorf("real prior: %s: ordinary bias %v, recall target %v: want a finite bias ≥ 0 and a target in [0, 1]", kind, fit.OrdinaryBias, fit.OrdinaryRecall)
		}
		if fit.Method == RealCivilOrdinal && rp.Linear[kind] == nil {
			return fmt.Errorf("real prior: %s is civil-ordinal without its model", kind)
		}
	}
	for kind, lm := range rp.Linear {
		if v, ok := triagev1.CaseKind_value[kind]; !ok || v == 0 {
			return fmt.Errorf("real prior: linear model for %q, not a case kind", kind)
		}
		if err := lm.validate(); err != nil {
			return fmt.Errorf("real prior: linear model for %s: %w", kind, err)
		}
	}
	return nil
}

// distribution writes the prior's distribution for the filing into q,
// given the base probabilities p: the civil-only methods' (realcivil.go),
// the linear model's, or the smoothed counts of the filing's chain; false
// when it has none (not even the kind was counted, or a regime without a
// recalibration).
func (rp *RealPrior) distribution(f *triagev1.Filing, a *rules.Assessment, p, q *triage.Probabilities) bool {
	kind := f.GetCaseKind().String()
	if IsCivilMethod(rp.Fits[kind].Method) {
		_, ok := rp.civilDistribution(kind, civilLawOf(f, a), func() []realFeat { return civilOrdinalFeatures(f, a) }, p, q)
		return ok
	}
	if lm := rp.Linear[kind]; lm != nil {
		if lm.FeatureSet == "" {
			lm.predictFiling(f, a, q) // the broad set, read without building names
		} else {
			lm.predict(featuresOf(lm.FeatureSet, f, a), q)
		}
		return true
	}
	return rp.countDistribution(realPriorKeys(f, a), q)
}

// countDistribution smooths the counts down a key chain into q.
func (rp *RealPrior) countDistribution(keys []string, q *triage.Probabilities) bool {
	top := rp.Counts[keys[0]]
	if top == nil {
		return false
	}
	var n float64
	for _, v := range top {
		n += v
	}
	for i := range q {
		q[i] = top[i] / n
	}
	for _, k := range keys[1:] {
		c := rp.Counts[k]
		if c == nil {
			break // a finer key is never counted without its parent
		}
		var m float64
		for _, v := range c {
			m += v
		}
		for i := range q {
			q[i] = (c[i] + rp.Alpha*q[i]) / (m + rp.Alpha)
		}
	}
	return true
}

// Apply mixes the prior into p with the kind's weight: (1−w)·p + w·prior.
func (rp *RealPrior) Apply(f *triagev1.Filing, a *rules.Assessment, p *triage.Probabilities) {
	w := rp.Weight[f.GetCaseKind().String()]
	if !(w > 0) {
		return
	}
	var q triage.Probabilities
	if !rp.distribution(f, a, p, &q) {
		return
	}
	if rp.Fits[f.GetCaseKind().String()].Guard {
		if a == nil {
			// No assessment, no mandate known: the guard cannot tell
			// where the prior may go, so it goes nowhere.
			return
		}
		o := a.Option(triagev1.Procedure_PROCEDURE_SMALL_CLAIMS)
		if !guardSplit(o != nil && o.GetMandatory(), p, &q) {
			return
		}
	}
	for i := range p {
		p[i] = (1-w)*p[i] + w*q[i]
	}
	applyOrdinaryBias(p, rp.Fits[f.GetCaseKind().String()].OrdinaryBias)
}

// applyOrdinaryBias multiplies ordinary's probability by e^bias and scales
// the distribution back to its total: the cost of a missed ordinary case
// as a shift of the decision threshold (RealFit.OrdinaryBias).
func applyOrdinaryBias(p *triage.Probabilities, bias float64) {
	if bias == 0 {
		return
	}
	var before, after float64
	for _, v := range p {
		before += v
	}
	p[triagev1.Procedure_PROCEDURE_ORDINARY] *= math.Exp(bias)
	for _, v := range p {
		after += v
	}
	if !(after > 0) {
		return
	}
	for i := range p {
		p[i] *= before / after
	}
}

// RealFolds assigns each real filing one of k cross-validation folds:
// within each (case kind, label) group, filings ordered by FNV-1a of their
// id are dealt round-robin, so every fold has the group's share and the
// assignment depends on nothing but the ids (the same for every seed and
// every tool: `triagectl realcv` and the tests).
func RealFolds(real []*triagev1.LabeledFiling, k int) []int {
	return RealFoldsSeed(real, k, 0)
}

// RealFoldsSeed is RealFolds with the ids' hash seeded: seed 0 is
// RealFolds, any other seed deals the filings differently (repeated
// cross-validation).
func RealFoldsSeed(real []*triagev1.LabeledFiling, k int, seed uint64) []int {
	type item struct {
		i int
		h uint64
	}
	groups := map[string][]item{}
	var keys []string
	for i, lf := range real {
		key := lf.GetFiling().GetCaseKind().String() + "/" + lf.GetLabel().String()
		h := fnv.New64a()
		if seed != 0 {
			h.Write(binary.LittleEndian.AppendUint64(nil, seed))
		}
		h.Write([]byte(lf.GetFiling().GetId()))
		if _, ok := groups[key]; !ok {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], item{i, h.Sum64()})
	}
	slices.Sort(keys)
	out := make([]int, len(real))
	next := 0
	for _, key := range keys {
		g := groups[key]
		slices.SortFunc(g, func(a, b item) int {
			if c := cmp.Compare(a.h, b.h); c != 0 {
				return c
			}
			return a.i - b.i
		})
		for _, it := range g {
			out[it.i] = next % k
			next++
		}
	}
	return out
}

// RealPrior returns the model's real prior, nil for none. It is shared:
// callers must not modify it.
func (m *Model) RealPrior() *RealPrior { return m.prior }

// BaselineBlends returns the model's baseline blend by case kind enum name
// (only the kinds with a blend).
func (m *Model) BaselineBlends() map[string]float64 {
	out := map[string]float64{}
	for k, w := range m.blend {
		if w > 0 {
			out[triagev1.CaseKind(k).String()] = w
		}
	}
	return out
}
