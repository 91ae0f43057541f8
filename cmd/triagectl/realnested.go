package main

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/internal/realcv"
	"github.com/fenjian/fenjian/rules"
)

// runRealNested is `triagectl realcv -nested`: nested cross-validation of
// the real prior's configuration per case kind.
func runRealNested(e *env, f *realCVFlags, r *rules.Engine, out *output) error {
	all, err := dataset.ReadDir(f.real)
	if err != nil {
		return err
	}
	base, err := nestedModel(f.models)
	if err != nil {
		return err
	}
	rep, err := realcv.Nested(realcv.NestedConfig{Rules: r, Filings: all, RealDir: f.real, Model: base,
		Folds: f.folds, Inner: f.inner, FoldSeeds: f.dealings(), Alpha: f.alpha,
		Methods: strings.Split(f.methods, ","), Features: strings.Split(f.features, ","), Kind: f.kind,
		GridWeights: f.gridWeights, Grid: f.gridOpts, Bootstrap: f.bootstrap, MinConfidence: f.minConfidence, Logger: e.logger})
	var me *realcv.MethodError
	if errors.As(err, &me) {
		return usageError{"-methods: " + me.Error()}
	}
	if err != nil {
		return err
	}
	if err := writeJSONReport(out, rep); err != nil {
		return err
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

// nestedModel is the model -models names for -nested: nil for
// "baseline", the embedded default model for none, else the one dir.
func nestedModel(models string) (*classifier.Model, error) {
	switch models {
	case "baseline":
		return nil, nil
	case "":
		return classifier.Default()
	}
	if strings.Contains(models, ",") {
		return nil, usageError{"-nested takes one model dir in -models"}
	}
	return classifier.Load(models)
}

// writeNestedTable prints rep as tables: the metrics per kind beside the
// references, their spread over the dealings, the choices, the figures per
// dealing and procedure, and the review-rate curve.
func writeNestedTable(e *env, rep *realcv.NestedReport) {
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
	sp := func(s realcv.Spread) string {
		return fmt.Sprintf("%.3f ± %.3f (%.3f–%.3f)", s.Mean, s.SD, s.Min, s.Max)
	}
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
			rec[i] = fmt.Sprintf("%s %.3f (%d of %d)", strings.TrimPrefix(c.Procedure, "PROCEDURE_"), c.Recall, c.Correct(), c.Support)
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
