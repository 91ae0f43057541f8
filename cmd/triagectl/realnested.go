package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// NestedReport is the JSON report of `triagectl realcv -nested`.
type NestedReport struct {
	Real    string `json:"real"`
	Base    string `json:"base"`
	Outer   int    `json:"outer_folds"`
	Inner   int    `json:"inner_folds"`
	Repeats int    `json:"repeats"`
	// FoldSeeds are the repeats' outer dealings, in order.
	FoldSeeds []uint64 `json:"fold_seeds"`
	Alpha     float64  `json:"alpha"`
	Methods   []string `json:"methods"`
	// Grid is -bag, -bag-seed, -guard and -min-lambda as given.
	Grid  classifier.GridOptions `json:"grid_options"`
	Kinds []*NestedKind          `json:"kinds"`
}

// NestedKind is one case kind's nested cross-validation: the first
// repeat's pooled out-of-fold metrics with intervals beside the references,
// the spread over repeats, the configurations chosen, stability and review.
type NestedKind struct {
	Kind     string                 `json:"kind"`
	N        int                    `json:"n"`
	Scorer   *evaluation.KindReport `json:"scorer"`
	Baseline *evaluation.KindReport `json:"baseline"`
	Majority *evaluation.KindReport `json:"majority"`
	// MajorityProcedure is the kind's most common real label ("always …").
	MajorityProcedure string `json:"majority_procedure"`
	// DeltaBaseline and DeltaMajority are paired bootstrap intervals of the
	// scorer's macro-F1 and accuracy minus the reference's (first repeat).
	DeltaBaseline [2]evaluation.Interval `json:"delta_baseline"`
	DeltaMajority [2]evaluation.Interval `json:"delta_majority"`
	// Repeats holds each repeat's pooled metrics, in the order of the
	// report's FoldSeeds; MacroF1, Acc and OrdRec summarise them.
	Repeats []evaluation.Metrics `json:"per_repeat"`
	MacroF1 Spread               `json:"macro_f1"`
	Acc     Spread               `json:"accuracy"`
	OrdRec  Spread               `json:"ordinary_recall"`
	// Chosen counts the configurations the inner cross-validations chose.
	Chosen []string `json:"chosen"`
	chosen []classifier.RealFit
	// Changed is the share of filings whose out-of-fold recommendation is
	// not the same in every repeat (the fold dealing is the only change).
	Changed float64        `json:"changed_across_repeats"`
	Review  []RealCVReview `json:"review"`
}

// Spread is a figure's mean, standard deviation, minimum and maximum over
// repeats.
type Spread struct {
	Mean, SD, Min, Max float64
}

func spreadOf(xs []float64) Spread {
	s := Spread{Min: math.Inf(1), Max: math.Inf(-1)}
	for _, x := range xs {
		s.Mean += x / float64(len(xs))
		s.Min, s.Max = min(s.Min, x), max(s.Max, x)
	}
	for _, x := range xs {
		s.SD += (x - s.Mean) * (x - s.Mean)
	}
	if len(xs) > 1 {
		s.SD = math.Sqrt(s.SD / float64(len(xs)-1))
	}
	return s
}

// runRealNested is `triagectl realcv -nested`: nested cross-validation of
// the real prior's configuration per case kind.
func runRealNested(e *env, f *realCVFlags, r *rules.Engine) error {
	all, err := dataset.ReadDir(f.real)
	if err != nil {
		return err
	}
	base, name, err := nestedBase(f.models)
	if err != nil {
		return err
	}
	cases := classifier.PrepareRealCases(r, base, all)
	baseCases := classifier.PrepareRealCases(r, classifier.NewBaseline(), all)
	rep := &NestedReport{Real: f.real, Base: name, Outer: f.folds, Inner: f.inner, Repeats: f.repeats, FoldSeeds: f.dealings(), Alpha: f.alpha, Grid: f.gridOpts}
	opts := evaluation.Options{Bootstrap: f.bootstrap, Seed: 1}
	var grid []classifier.RealFit
	methods := strings.Split(f.methods, ",")
	for _, g := range classifier.RealGrid() {
		if f.gridWeights != nil && !slices.Contains(f.gridWeights, g.Weight) {
			continue
		}
		if g.Weight == 0 || slices.Contains(methods, g.Method) {
			if g.Method != classifier.RealLogit {
				grid = append(grid, g)
				continue
			}
			// Each feature set is a candidate like a penalty: with
			// several, the inner folds choose among them too. The
			// default set stands for the kind's own (civil: the civil
			// sets, classifier.SelectRealFit).
			for _, set := range strings.Split(f.features, ",") {
				g.Features = set
				grid = append(grid, g)
			}
		}
	}
	grid = f.gridOpts.Apply(grid)
	var civilMethods []string
	for _, m := range methods {
		switch {
		case m == classifier.RealCounts || m == classifier.RealLogit:
		case classifier.IsCivilMethod(m):
			civilMethods = append(civilMethods, m)
		default:
			return usageError{fmt.Sprintf("-methods: %q is none of %s, %s, %s, %s, %s", m, classifier.RealCounts, classifier.RealLogit,
				classifier.RealCivilLaw, classifier.RealCivilOrdinal, classifier.RealRecalibrate)}
		}
	}
	// The civil-only methods are candidates for civil filings alone.
	var civilGrid []classifier.RealFit
	if len(civilMethods) > 0 {
		for _, g := range classifier.CivilGrid(civilMethods...) {
			if f.gridWeights == nil || slices.Contains(f.gridWeights, g.Weight) {
				civilGrid = append(civilGrid, g)
			}
		}
	}
	rep.Methods = methods
	for _, kind := range []triagev1.CaseKind{triagev1.CaseKind_CASE_KIND_CIVIL, triagev1.CaseKind_CASE_KIND_CRIMINAL} {
		if f.kind != "" && !strings.EqualFold("CASE_KIND_"+f.kind, kind.String()) {
			continue
		}
		kc := classifier.RealCasesOfKind(cases, kind)
		bc := classifier.RealCasesOfKind(baseCases, kind)
		if len(kc) < f.folds*f.inner {
			continue
		}
		kgrid := grid
		if kind == triagev1.CaseKind_CASE_KIND_CIVIL {
			kgrid = append(slices.Clone(grid), civilGrid...)
		}
		nk, err := nestedKind(kc, bc, kgrid, f, opts)
		if err != nil {
			return fmt.Errorf("%v: %w", kind, err)
		}
		e.logger.Info("realcv -nested", "kind", kind.String(), "macro_f1", nk.MacroF1.Mean)
		rep.Kinds = append(rep.Kinds, nk)
	}
	if f.out != "" {
		b, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return fmt.Errorf("encode report: %w", err)
		}
		if err := os.WriteFile(f.out, append(b, '\n'), 0o644); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	}
	writeNestedTable(e, rep)
	return nil
}

// dealings are the repeats' fold seeds: -fold-seeds, else 1…-repeats.
func (f *realCVFlags) dealings() []uint64 {
	if f.foldSeeds != nil {
		return f.foldSeeds
	}
	seeds := make([]uint64, f.repeats)
	for i := range seeds {
		seeds[i] = uint64(i + 1)
	}
	return seeds
}

// nestedBase is the scorer the prior is mixed into: the served model
// without its prior (its baseline blend kept), or the baseline.
func nestedBase(models string) (triage.Scorer, string, error) {
	switch models {
	case "baseline":
		return classifier.NewBaseline(), classifier.BaselineVersion, nil
	case "":
		m, err := classifier.Default()
		if err != nil {
			return nil, "", err
		}
		m, err = m.With(m.BaselineBlends(), nil)
		return m, m.Version(), err
	}
	if strings.Contains(models, ",") {
		return nil, "", usageError{"-nested takes one model dir in -models"}
	}
	m, err := classifier.Load(models)
	if err != nil {
		return nil, "", err
	}
	m, err = m.With(m.BaselineBlends(), nil)
	return m, m.Version(), err
}

func nestedKind(kc, bc []*classifier.RealCase, grid []classifier.RealFit, f *realCVFlags, opts evaluation.Options) (*NestedKind, error) {
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
	var f1, acc, ord []float64
	for _, seed := range f.dealings() {
		ds, chosen, err := classifier.NestedRealCV(kc, grid, f.alpha, f.folds, f.inner, seed)
		if err != nil {
			return nil, err
		}
		runs = append(runs, ds)
		nk.chosen = append(nk.chosen, chosen...)
		m := evaluation.Compute(realOutcomes(kc, ds, triage.DefaultPolicy.MinConfidence))
		nk.Repeats = append(nk.Repeats, m)
		f1, acc, ord = append(f1, m.MacroF1), append(acc, m.Accuracy), append(ord, m.OrdinaryRecall)
	}
	nk.MacroF1, nk.Acc, nk.OrdRec = spreadOf(f1), spreadOf(acc), spreadOf(ord)
	nk.Chosen = classifier.RealFitCounts(nk.chosen)
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
	for _, t := range f.minConfidence {
		kr := evaluation.ByKind(realOutcomes(kc, runs[0], t), evaluation.Options{})[0]
		ood := 0
		for _, c := range kc {
			if c.OutOfDistribution {
				ood++
			}
		}
		nk.Review = append(nk.Review, RealCVReview{Kind: nk.Kind, MinConfidence: t, Review: kr.Review,
			OutOfDistribution: float64(ood) / float64(len(kc))})
	}
	return nk, nil
}

func writeNestedTable(e *env, rep *NestedReport) {
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "nested cross-validation on real filings: base %s, prior methods %s, %d outer × %d inner folds, %d repeats, fold seeds %v (out of fold; intervals: bootstrap 95%%, first repeat)\n",
		rep.Base, strings.Join(rep.Methods, "+"), rep.Outer, rep.Inner, rep.Repeats, rep.FoldSeeds)
	iv := func(x float64, i evaluation.Interval) string { return fmt.Sprintf("%.3f [%.2f, %.2f]", x, i.Lo, i.Hi) }
	fmt.Fprintln(tw, "kind\tscorer\tn\taccuracy\tmacro-F1\tordinary recall\tECE\treview rate\tacc. not reviewed")
	for _, k := range rep.Kinds {
		for _, s := range []struct {
			name string
			kr   *evaluation.KindReport
		}{{"real prior (nested)", k.Scorer}, {classifier.BaselineVersion, k.Baseline}, {"always " + strings.TrimPrefix(k.MajorityProcedure, "PROCEDURE_"), k.Majority}} {
			kr := s.kr
			in := kr.Intervals
			if in == nil {
				in = &evaluation.Intervals{}
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%.3f\t%.3f\t%.3f\n", strings.TrimPrefix(k.Kind, "CASE_KIND_"), s.name, kr.Evaluated,
				iv(kr.Accuracy, in.Accuracy), iv(kr.MacroF1, in.MacroF1), iv(kr.OrdinaryRecall, in.OrdinaryRecall), kr.Calibration.ECE, kr.Review.Rate, kr.Review.AccuracyNotReviewed)
		}
	}
	tw.Flush()
	fmt.Fprintln(tw, "\nkind\tmacro-F1 over repeats\taccuracy over repeats\tordinary recall over repeats\tΔ macro-F1 vs baseline\tΔ accuracy vs always-majority\tchanged across repeats")
	sp := func(s Spread) string { return fmt.Sprintf("%.3f ± %.3f (%.3f–%.3f)", s.Mean, s.SD, s.Min, s.Max) }
	for _, k := range rep.Kinds {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%+.3f [%+.2f, %+.2f]\t%+.3f [%+.2f, %+.2f]\t%.3f\n", strings.TrimPrefix(k.Kind, "CASE_KIND_"), sp(k.MacroF1), sp(k.Acc), sp(k.OrdRec),
			k.Scorer.MacroF1-k.Baseline.MacroF1, k.DeltaBaseline[0].Lo, k.DeltaBaseline[0].Hi,
			k.Scorer.Accuracy-k.Majority.Accuracy, k.DeltaMajority[1].Lo, k.DeltaMajority[1].Hi, k.Changed)
	}
	tw.Flush()
	for _, k := range rep.Kinds {
		kind := strings.TrimPrefix(k.Kind, "CASE_KIND_")
		fmt.Fprintf(e.stdout, "\n%s chosen by the inner cross-validations: %s\n", kind, strings.Join(k.Chosen, "; "))
		// Each dealing's own figure: a rule may hold in every dealing, not
		// only in the mean.
		per := make([]string, len(k.Repeats))
		for i, m := range k.Repeats {
			per[i] = fmt.Sprintf("seed %d %.3f", rep.FoldSeeds[i], m.MacroF1)
		}
		fmt.Fprintf(e.stdout, "%s macro-F1 per dealing: %s\n", kind, strings.Join(per, ", "))
		rec := make([]string, len(k.Scorer.PerClass))
		for i, c := range k.Scorer.PerClass {
			rec[i] = fmt.Sprintf("%s %.3f (%d of %d)", strings.TrimPrefix(c.Procedure, "PROCEDURE_"), c.Recall, int(math.Round(c.Recall*float64(c.Support))), c.Support)
		}
		fmt.Fprintf(e.stdout, "%s recall per procedure, first dealing: %s\n", kind, strings.Join(rec, ", "))
	}
	fmt.Fprintln(tw, "\nreview\tmin confidence\treview rate\tout of distribution\taccuracy not reviewed\tnot reviewed")
	for _, k := range rep.Kinds {
		for _, r := range k.Review {
			fmt.Fprintf(tw, "%s\t%.2f\t%.3f\t%.3f\t%.3f\t%d\n", strings.TrimPrefix(r.Kind, "CASE_KIND_"), r.MinConfidence, r.Rate, r.OutOfDistribution, r.AccuracyNotReviewed, r.NotReviewed)
		}
	}
	tw.Flush()
}

// realOutcomes turns decisions into evaluation outcomes: a decision goes
// to review when the rules or the domain check send it there or its
// confidence is below minConfidence.
func realOutcomes(cases []*classifier.RealCase, ds []classifier.RealDecision, minConfidence float64) []evaluation.Outcome {
	out := make([]evaluation.Outcome, len(cases))
	for i, c := range cases {
		out[i] = evaluation.Outcome{Label: c.Label, Recommended: ds[i].Recommended, Confidence: ds[i].Confidence, Kind: c.Kind,
			NeedsReview: c.RulesReview || c.OutOfDistribution || ds[i].Confidence < minConfidence}
	}
	return out
}
