package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/internal/realcv"
	"github.com/fenjian/fenjian/internal/training"
)

// realCVFlags are the parsed flags of `triagectl realcv`.
type realCVFlags struct {
	data, models, real, out, rulesPath string
	folds, repeat, bootstrap           int
	trees, bagSize                     int
	alpha                              float64
	seeds                              []uint64
	blends, priorWeights               []float64
	minConfidence                      []float64
	nested                             bool
	inner, repeats                     int
	// foldSeeds are the outer dealings' seeds (-fold-seeds); empty: 1…repeats.
	foldSeeds      []uint64
	methods        string
	features, kind string
	gridWeights    []float64
	// gridOpts are -bag, -bag-seed, -guard and -min-lambda: the fourth
	// civil attempt's variations of the linear candidates.
	gridOpts classifier.GridOptions
}

func parseRealCVFlags(e *env, args []string) (*realCVFlags, error) {
	d := training.DefaultTrainConfig()
	f := realCVFlags{}
	var seeds, blends, weights, conf, gridWeights, foldSeeds string
	fs := newFlagSet(e, "realcv")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: triagectl realcv (-models DIR,DIR,... | -data CORPUS.jsonl [-seeds 1,2,3]) [-real DIR] [-folds K]")
		fmt.Fprintln(fs.Output(), "                       [-blend 0,0.5,1] [-prior-weight 0,0.5] [-alpha A] [-repeat R] [-out FILE.json]")
		fmt.Fprintln(fs.Output(), "       triagectl realcv -nested [-models DIR|baseline] [-kind civil|criminal] [-guard] [-methods M,...]")
		fmt.Fprintln(fs.Output(), "                       [-fold-seeds S,...] [-real DIR] [-out FILE.json]")
		fmt.Fprintln(fs.Output(), "\nCross-validates on real filings: the real set is split into -folds stratified folds (by case kind")
		fmt.Fprintln(fs.Output(), "and label, a hash of the id; the same for every seed). For each fold the real prior is counted from")
		fmt.Fprintln(fs.Output(), "the other folds, mixed into each model (one per seed: -models, or trained on -data) with each")
		fmt.Fprintln(fs.Output(), "baseline blend and prior weight, and the fold is decided; with -repeat R > 0 the models are trained")
		fmt.Fprintln(fs.Output(), "per fold on the corpus plus the other folds' filings repeated R times. Every figure is out of fold:")
		fmt.Fprintln(fs.Output(), "per configuration and case kind the metrics with bootstrap 95% intervals beside the baseline and the")
		fmt.Fprintln(fs.Output(), "majority procedure, the share of recommendations that change between seeds, and the review rate with")
		fmt.Fprintln(fs.Output(), "the accuracy outside review at several confidence thresholds.")
		fmt.Fprintln(fs.Output(), "\nWith -nested (the embedded default model unless -models names one), the real prior's configuration")
		fmt.Fprintln(fs.Output(), "per case kind is chosen inside the training folds and measured on the outer folds, repeated over")
		fmt.Fprintln(fs.Output(), "-repeats dealings (or -fold-seeds): the figures the README and docs/quality.md quote.")
		fmt.Fprintln(fs.Output(), "\nflags:")
		fs.PrintDefaults()
	}
	fs.StringVar(&f.data, "data", "", "generated labelled JSONL `file` to train on, one model per seed")
	fs.StringVar(&f.models, "models", "", "comma-separated trained model `dirs` (one per seed) instead of -data")
	fs.Float64Var(&f.alpha, "alpha", 5, "smoothing of the real prior, in filings")
	fs.StringVar(&f.real, "real", "", "`dir` of real labelled filings (default $"+dataset.RealDirEnv+", ../shared/real, /work/shared/real)")
	fs.StringVar(&f.out, "out", "", "write the full JSON report to `file`, opened before the run and renamed over it once complete (mode 0600; default: stdout gets only the table)")
	fs.StringVar(&f.rulesPath, "rules", "", "rules `file` (default: the rules built into the binary)")
	fs.IntVar(&f.folds, "folds", 5, "number of folds over the real filings")
	fs.IntVar(&f.repeat, "repeat", 0, "with -data: train per fold on the corpus plus the other folds' filings repeated this many times; 0 = corpus only")
	fs.IntVar(&f.bootstrap, "bootstrap", 1000, "bootstrap resamples for the intervals")
	fs.IntVar(&f.trees, "trees", d.Trees, "trees per model")
	fs.IntVar(&f.bagSize, "bag-size", d.BagSize, "rows drawn for each tree")
	fs.StringVar(&seeds, "seeds", "1", "comma-separated training `seeds`; several measure seed stability")
	fs.StringVar(&blends, "blend", "0,0.25,0.5,0.75,1", "comma-separated baseline blend `weights` to measure")
	fs.StringVar(&weights, "prior-weight", "0,0.25,0.5,0.75", "comma-separated real prior `weights` to measure")
	fs.BoolVar(&f.nested, "nested", false, "nested cross-validation of the real prior's configuration per case kind (counts or a linear model, its penalty and weight chosen inside the training folds); -models is then one model dir, \"baseline\", or empty for the embedded default model")
	fs.StringVar(&f.methods, "methods", "counts,linear", "with -nested: the real prior's `methods` the grid holds (counts, linear; for civil filings also civil-law, civil-ordinal, recalibrate); the base scorer alone is always a candidate")
	fs.StringVar(&f.features, "features", "", "with -nested: the linear model's feature `sets`, comma-separated: each is a candidate the inner folds choose among (empty: the kind's own: civil chooses among civil-small, baseline-logp and civil-small+baseline, criminal reads criminal-law, the broad set with the fast-track era of the law; \"broad\" is the broad set as it was)")
	fs.StringVar(&f.kind, "kind", "", "with -nested: only this case `kind` (civil, criminal); empty: both")
	fs.StringVar(&gridWeights, "grid-weights", "", "with -nested: keep only these prior `weights` of the grid (comma-separated); empty: all")
	fs.IntVar(&f.gridOpts.Bag, "bag", 0, "with -nested: fit every linear candidate on `n` bootstrap resamples (within each label) and average the coefficients; 0: one fit")
	fs.Uint64Var(&f.gridOpts.BagSeed, "bag-seed", 0, "with -bag: the resamples' `seed`")
	fs.BoolVar(&f.gridOpts.Guard, "guard", false, "with -nested: the linear prior is not applied where small claims is mandatory and elsewhere only moves mass between simplified and ordinary")
	fs.Func("ordinary-recall", "with -nested: every linear candidate asks for the ordinary bias that reaches this `recall` (0–1) in the selection's own folds (classifier.RealFit.OrdinaryBias); 0: no bias", setShare(&f.gridOpts.OrdinaryRecall))
	fs.Float64Var(&f.gridOpts.MinLambda, "min-lambda", 0, "with -nested: drop linear candidates with a penalty below `λ`")
	fs.IntVar(&f.inner, "inner", 4, "with -nested: inner folds choosing the configuration")
	fs.IntVar(&f.repeats, "repeats", 5, "with -nested: repeats with differently dealt folds (seeds 1…R)")
	fs.StringVar(&foldSeeds, "fold-seeds", "", "with -nested: the repeats' fold `seeds`, comma-separated, in place of 1…R (-repeats is then their number); fresh seeds deal the same filings anew")
	fs.StringVar(&conf, "min-confidence", "0.4,0.5,0.6", "comma-separated review `thresholds` to report")
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	var err error
	if f.seeds, err = parseList(seeds, func(s string) (uint64, error) { return strconv.ParseUint(s, 10, 64) }); err != nil {
		return nil, usageError{"-seeds: " + err.Error()}
	}
	parseF := func(s string) (float64, error) { return strconv.ParseFloat(s, 64) }
	if f.blends, err = parseList(blends, parseF); err != nil {
		return nil, usageError{"-blend: " + err.Error()}
	}
	if f.priorWeights, err = parseList(weights, parseF); err != nil {
		return nil, usageError{"-prior-weight: " + err.Error()}
	}
	if gridWeights != "" {
		if f.gridWeights, err = parseList(gridWeights, parseF); err != nil {
			return nil, usageError{"-grid-weights: " + err.Error()}
		}
	}
	if f.minConfidence, err = parseList(conf, parseF); err != nil {
		return nil, usageError{"-min-confidence: " + err.Error()}
	}
	if foldSeeds != "" {
		if f.foldSeeds, err = parseFoldSeeds(foldSeeds); err != nil {
			return nil, usageError{"-fold-seeds: " + err.Error()}
		}
		f.repeats = len(f.foldSeeds)
	}
	bootErr := checkBootstrap(f.bootstrap)
	switch {
	case f.nested && (f.data != "" || f.inner < 2 || f.repeats < 1):
		return nil, usageError{"-nested takes -models (or none), -inner ≥ 2 and -repeats ≥ 1"}
	case !f.nested && f.foldSeeds != nil:
		return nil, usageError{"-fold-seeds deals the folds of -nested"}
	case !f.nested && (f.data == "") == (f.models == ""):
		return nil, usageError{"give -data or -models"}
	case f.models != "" && f.repeat > 0:
		return nil, usageError{"-repeat trains per fold: it needs -data"}
	case f.folds < 2:
		return nil, usageError{"-folds must be at least 2"}
	case f.gridOpts.Bag < 0 || !(f.gridOpts.MinLambda >= 0):
		return nil, usageError{"-bag and -min-lambda must not be negative"}
	case f.repeat < 0:
		return nil, usageError{"-repeat must not be negative"}
	case bootErr != nil:
		return nil, bootErr
	case slices.ContainsFunc(f.blends, func(w float64) bool { return !(w >= 0 && w <= 1) }),
		slices.ContainsFunc(f.priorWeights, func(w float64) bool { return !(w >= 0 && w <= 1) }):
		return nil, usageError{"-blend and -prior-weight weights must be in [0, 1]"}
	}
	if f.real == "" {
		f.real = dataset.RealDir()
		if f.real == "" {
			return nil, usageError{"no real filings found: set -real or $" + dataset.RealDirEnv}
		}
	}
	return &f, nil
}

// parseFoldSeeds reads -fold-seeds: distinct seeds above 0 (seed 0 is
// RealFolds' own dealing, the one the refit test uses; a seed given twice
// would count one dealing as two in the change share).
func parseFoldSeeds(s string) ([]uint64, error) {
	seeds, err := parseList(s, func(s string) (uint64, error) { return strconv.ParseUint(s, 10, 64) })
	if err != nil {
		return nil, err
	}
	for i, x := range seeds {
		if x == 0 {
			return nil, fmt.Errorf("seed 0 is the refit test's dealing; give seeds above 0")
		}
		if slices.Contains(seeds[:i], x) {
			return nil, fmt.Errorf("seed %d given twice", x)
		}
	}
	return seeds, nil
}

func parseList[T any](s string, parse func(string) (T, error)) ([]T, error) {
	var out []T
	for _, part := range strings.Split(s, ",") {
		v, err := parse(strings.TrimSpace(part))
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// runRealCV is `triagectl realcv`: the cross-validation on real filings
// (internal/realcv), or with -nested runRealNested.
func runRealCV(ctx context.Context, e *env, args []string) error {
	f, err := parseRealCVFlags(e, args)
	if err != nil {
		return err
	}
	r, err := loadRules(f.rulesPath)
	if err != nil {
		return err
	}
	// -out is opened before the cross-validation, which takes minutes to
	// hours, so a directory or a missing one fails at once rather than
	// after it (outside check 23), and written under a temporary name
	// renamed over it once complete.
	out, err := openJSONReport(e, f.out)
	if err != nil {
		return err
	}
	defer out.abort()
	if f.nested {
		return runRealNested(e, f, r, out)
	}
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1536 << 20))
	all, err := dataset.ReadDir(f.real)
	if err != nil {
		return err
	}
	cfg := realcv.Config{Rules: r, Filings: all, RealDir: f.real, Folds: f.folds, Alpha: f.alpha,
		Blends: f.blends, PriorWeights: f.priorWeights, MinConfidence: f.minConfidence, Bootstrap: f.bootstrap,
		Seeds: f.seeds, Trees: f.trees, BagSize: f.bagSize, Repeat: f.repeat, Logger: e.logger}
	if err := loadRealCVModels(e, f, &cfg); err != nil {
		return err
	}
	rep, err := realcv.Run(ctx, cfg)
	if err != nil {
		return err
	}
	if err := writeJSONReport(out, rep); err != nil {
		return err
	}
	writeRealCVTable(e, rep)
	return nil
}

// loadRealCVModels sets up what cfg measures: the baseline alone for
// -models baseline (a nil model: what the counts add to the rule of thumb
// alone), the -models dirs, or else the -data corpus to train on.
func loadRealCVModels(e *env, f *realCVFlags, cfg *realcv.Config) error {
	switch {
	case f.models == "baseline":
		cfg.Models = []*classifier.Model{nil}
	case f.models != "":
		for _, dir := range strings.Split(f.models, ",") {
			m, err := classifier.Load(dir)
			if err != nil {
				return err
			}
			cfg.Models = append(cfg.Models, m)
		}
	default:
		var err error
		if cfg.Corpus, cfg.Info, _, err = readTrainingData(e, f.data, newTrainProgress(e.stderr, true)); err != nil {
			return err
		}
	}
	return nil
}

// openJSONReport opens realcv's -out with createOutput; with no -out it
// is a report that writes nowhere, and "-" is a usage error.
func openJSONReport(e *env, path string) (*output, error) {
	switch path {
	case "":
		return &output{Writer: io.Discard, commit: func() error { return nil }, abort: func() {}}, nil
	case "-":
		// stdout carries the table; createOutput's "-" would mix the JSON
		// into it (before, a file named "-").
		return nil, usageError{"-out - would write the JSON report into the table on stdout; name a file"}
	}
	o, err := createOutput(e, path)
	if err != nil {
		return nil, fmt.Errorf("-out %s: %w", path, err)
	}
	return o, nil
}

// writeJSONReport writes rep as indented JSON to out and commits it.
func writeJSONReport(out *output, rep any) error {
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return fmt.Errorf("encode report: %w", err)
	}
	if _, err := out.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if err := out.commit(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// writeRealCVTable prints rep as tables: the metrics per kind and scorer,
// the seed stability and the review-rate curve.
func writeRealCVTable(e *env, rep *realcv.Report) {
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "real filings %d, %d folds, repeat %d, seeds %v, trees %d (out of fold; intervals: bootstrap 95%%)\n", rep.Records, rep.Folds, rep.Repeat, rep.Seeds, rep.Trees)
	fmt.Fprintln(tw, "kind\tscorer\tblend\tprior\tn\taccuracy\tmacro-F1\tordinary recall\tECE\treview rate\tacc. not reviewed")
	iv := func(x float64, i *evaluation.Interval) string {
		if i == nil {
			return fmt.Sprintf("%.3f", x)
		}
		return fmt.Sprintf("%.3f [%.2f, %.2f]", x, i.Lo, i.Hi)
	}
	for _, kind := range []string{"CASE_KIND_CIVIL", "CASE_KIND_CRIMINAL", "CASE_KIND_ADMINISTRATIVE"} {
		for _, s := range rep.Scorers {
			for _, k := range s.ByKind {
				if k.Kind != kind {
					continue
				}
				var a, m, o *evaluation.Interval
				if k.Intervals != nil {
					a, m, o = &k.Intervals.Accuracy, &k.Intervals.MacroF1, &k.Intervals.OrdinaryRecall
				}
				fmt.Fprintf(tw, "%s\t%s\t%.2f\t%.2f\t%d\t%s\t%s\t%s\t%.3f\t%.3f\t%.3f\n", strings.TrimPrefix(kind, "CASE_KIND_"), s.Scorer, s.Blend, s.PriorWeight, k.Evaluated,
					iv(k.Accuracy, a), iv(k.MacroF1, m), iv(k.OrdinaryRecall, o), k.Calibration.ECE, k.Review.Rate, k.Review.AccuracyNotReviewed)
			}
		}
	}
	tw.Flush()
	if len(rep.Stability) > 0 {
		fmt.Fprintln(tw, "\nseed stability\tblend\tprior\tchanged in any retrain\tpairwise")
		for _, s := range rep.Stability {
			fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.3f\t%.3f\n", strings.TrimPrefix(s.Kind, "CASE_KIND_"), s.Blend, s.PriorWeight, s.AnyDiff, s.Pairwise)
		}
		tw.Flush()
	}
	fmt.Fprintln(tw, "\nreview\tblend\tprior\tmin confidence\treview rate\tout of distribution\taccuracy not reviewed\tnot reviewed")
	for _, r := range rep.Review {
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%.3f\t%.3f\t%.3f\t%d\n", strings.TrimPrefix(r.Kind, "CASE_KIND_"), r.Blend, r.PriorWeight, r.MinConfidence, r.Rate, r.OutOfDistribution, r.AccuracyNotReviewed, r.NotReviewed)
	}
	tw.Flush()
}

// setShare is a flag's parser for a share in [0, 1], stored in dst.
func setShare(dst *float64) func(string) error {
	return func(s string) error {
		r, err := strconv.ParseFloat(s, 64)
		if err != nil || !(r >= 0 && r <= 1) {
			return fmt.Errorf("%q must be in [0, 1]", s)
		}
		*dst = r
		return nil
	}
}
