package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/internal/training"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
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
		fmt.Fprintln(fs.Output(), "\nCross-validates on real filings: the real set is split into -folds stratified folds (by case kind")
		fmt.Fprintln(fs.Output(), "and label, a hash of the id; the same for every seed). For each fold the real prior is counted from")
		fmt.Fprintln(fs.Output(), "the other folds, mixed into each model (one per seed: -models, or trained on -data) with each")
		fmt.Fprintln(fs.Output(), "baseline blend and prior weight, and the fold is decided; with -repeat R > 0 the models are trained")
		fmt.Fprintln(fs.Output(), "per fold on the corpus plus the other folds' filings repeated R times. Every figure is out of fold:")
		fmt.Fprintln(fs.Output(), "per configuration and case kind the metrics with bootstrap 95% intervals beside the baseline and the")
		fmt.Fprintln(fs.Output(), "majority procedure, the share of recommendations that change between seeds, and the review rate with")
		fmt.Fprintln(fs.Output(), "the accuracy outside review at several confidence thresholds.")
		fmt.Fprintln(fs.Output(), "\nflags:")
		fs.PrintDefaults()
	}
	fs.StringVar(&f.data, "data", "", "generated labelled JSONL `file` to train on, one model per seed")
	fs.StringVar(&f.models, "models", "", "comma-separated trained model `dirs` (one per seed) instead of -data")
	fs.Float64Var(&f.alpha, "alpha", 5, "smoothing of the real prior, in filings")
	fs.StringVar(&f.real, "real", "", "`dir` of real labelled filings (default $"+dataset.RealDirEnv+", ../shared/real, /work/shared/real)")
	fs.StringVar(&f.out, "out", "", "write the full JSON report to `file` (default: stdout gets only the table)")
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
	case f.bootstrap < 0:
		// A negative count would silently drop the intervals.
		return nil, usageError{fmt.Sprintf("-bootstrap must not be negative, got %d", f.bootstrap)}
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

// RealCVReport is the JSON report of `triagectl realcv`.
type RealCVReport struct {
	Real      string          `json:"real"`
	Records   int             `json:"records"`
	Folds     int             `json:"folds"`
	Repeat    int             `json:"repeat"`
	Seeds     []uint64        `json:"seeds"`
	Corpus    string          `json:"corpus"`
	Trees     int             `json:"trees"`
	Alpha     float64         `json:"alpha"`
	Scorers   []RealCVScorer  `json:"scorers"`
	Stability []RealCVStable  `json:"stability"`
	Review    []RealCVReview  `json:"review"`
	ByRecord  []RealCVOutcome `json:"-"`
}

// RealCVScorer is one scorer's out-of-fold metrics per case kind (first seed).
type RealCVScorer struct {
	Scorer      string                   `json:"scorer"`
	Blend       float64                  `json:"blend"`
	PriorWeight float64                  `json:"prior_weight"`
	ByKind      []*evaluation.KindReport `json:"by_kind"`
}

// RealCVStable is the seed stability of one blend and case kind: the share
// of real filings whose recommendation is not the same in every retrain,
// and the mean share changed between two retrains.
type RealCVStable struct {
	Blend       float64 `json:"blend"`
	PriorWeight float64 `json:"prior_weight"`
	Kind        string  `json:"kind"`
	AnyDiff     float64 `json:"any_change"`
	Pairwise    float64 `json:"pairwise_change"`
}

// RealCVReview is the review rate and the accuracy outside review of one
// blend, kind and confidence threshold (first seed).
type RealCVReview struct {
	Blend         float64 `json:"blend"`
	PriorWeight   float64 `json:"prior_weight"`
	Kind          string  `json:"kind"`
	MinConfidence float64 `json:"min_confidence"`
	evaluation.Review
	// OutOfDistribution is the share flagged MODEL_OUT_OF_DISTRIBUTION.
	OutOfDistribution float64 `json:"out_of_distribution"`
}

// RealCVOutcome is one record's decision in one configuration.
type RealCVOutcome struct {
	ID                 string
	Kind               triagev1.CaseKind
	Label, Recommended triagev1.Procedure
	Confidence         float64
	RulesReview, OOD   bool
}

func runRealCV(ctx context.Context, e *env, args []string) error {
	f, err := parseRealCVFlags(e, args)
	if err != nil {
		return err
	}
	r, err := loadRules(f.rulesPath)
	if err != nil {
		return err
	}
	if f.nested {
		return runRealNested(e, f, r)
	}
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1536 << 20))
	real, err := readRealLabelled(f.real)
	if err != nil {
		return err
	}
	run := &realCVRun{ctx: ctx, e: e, f: f, r: r, real: real, fold: classifier.RealFolds(real, f.folds),
		configs: realCVConfigs(f)}
	if err := run.loadModels(); err != nil {
		return err
	}
	if err := run.trainSeedModels(); err != nil {
		return err
	}
	if err := run.crossValidate(); err != nil {
		return err
	}
	rep := run.report()
	if err := writeRealCVReport(f.out, rep); err != nil {
		return err
	}
	writeRealCVTable(e, rep)
	return nil
}

// readRealLabelled reads the real filings of dir and keeps the labelled ones.
func readRealLabelled(dir string) ([]*triagev1.LabeledFiling, error) {
	all, err := dataset.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var real []*triagev1.LabeledFiling
	for _, lf := range all {
		if lf.GetLabel() != triagev1.Procedure_PROCEDURE_UNSPECIFIED {
			real = append(real, lf)
		}
	}
	return real, nil
}

// realCVConfig is one configuration realcv measures: a baseline blend and a
// real prior weight.
type realCVConfig struct{ blend, weight float64 }

// realCVConfigs is every blend with every prior weight, blends outermost.
func realCVConfigs(f *realCVFlags) []realCVConfig {
	var configs []realCVConfig
	for _, b := range f.blends {
		for _, w := range f.priorWeights {
			configs = append(configs, realCVConfig{b, w})
		}
	}
	return configs
}

// realCVRun is the state of one `triagectl realcv` cross-validation (not
// -nested): the inputs, the models and the out-of-fold decisions.
type realCVRun struct {
	ctx     context.Context
	e       *env
	f       *realCVFlags
	r       *rules.Engine
	real    []*triagev1.LabeledFiling
	fold    []int
	configs []realCVConfig

	// models[s] is seed s's model, trained once (or per fold with -repeat,
	// when models stays nil).
	models []*classifier.Model
	corpus []*triagev1.LabeledFiling
	info   training.DataInfo

	// outcomes[c][s] are configuration c's out-of-fold decisions with seed
	// s's model, in real order; base and major are the baseline's and the
	// majority procedure's.
	outcomes    [][][]RealCVOutcome
	base, major []RealCVOutcome
}

// loadModels sets up the models: none for -models baseline, the -models
// dirs (their seeds replacing -seeds), or else reads the -data corpus to
// train on.
func (run *realCVRun) loadModels() error {
	f := run.f
	switch {
	case f.models == "baseline":
		// No trained model: the baseline with the real prior, to measure
		// what the counts add to the rule of thumb alone.
		f.seeds = []uint64{0}
		run.models = []*classifier.Model{nil}
	case f.models != "":
		for _, dir := range strings.Split(f.models, ",") {
			m, err := classifier.Load(dir)
			if err != nil {
				return err
			}
			run.models = append(run.models, m)
		}
		f.seeds = make([]uint64, len(run.models))
		for i, m := range run.models {
			f.seeds[i] = m.Manifest().Params.Seed
		}
	default:
		var err error
		if run.corpus, run.info, _, err = readTrainingData(run.e, f.data, newTrainProgress(run.e.stderr, true)); err != nil {
			return err
		}
	}
	return nil
}

// train trains a model with seed on the corpus plus extra, repeated
// -repeat times.
func (run *realCVRun) train(seed uint64, extra []*triagev1.LabeledFiling) (*classifier.Model, error) {
	f := run.f
	cfg := training.DefaultTrainConfig()
	cfg.Seed, cfg.Trees, cfg.BagSize = seed, f.trees, f.bagSize
	cfg.Holdout = 0.2 // the synthetic held-out split, for the manifest; real filings are never held out
	if len(extra) > 0 {
		cfg.Extra, cfg.ExtraRepeat = extra, f.repeat
	}
	run.e.logger.Info("realcv: training", "seed", seed, "real_extra", len(extra))
	res, err := training.Train(run.ctx, run.r, run.corpus, run.info, cfg)
	if err != nil {
		return nil, fmt.Errorf("seed %d: %w", seed, err)
	}
	return res.Model, nil
}

// trainSeedModels trains one model per seed on the corpus alone, unless the
// models are loaded or -repeat trains them per fold.
func (run *realCVRun) trainSeedModels() error {
	if run.models != nil || run.f.repeat != 0 {
		return nil
	}
	for _, seed := range run.f.seeds {
		m, err := run.train(seed, nil)
		if err != nil {
			return err
		}
		run.models = append(run.models, m)
	}
	return nil
}

// crossValidate decides every real filing out of fold in every
// configuration with every seed's model.
func (run *realCVRun) crossValidate() error {
	run.outcomes = make([][][]RealCVOutcome, len(run.configs))
	for c := range run.outcomes {
		run.outcomes[c] = make([][]RealCVOutcome, len(run.f.seeds))
		for s := range run.outcomes[c] {
			run.outcomes[c][s] = make([]RealCVOutcome, len(run.real))
		}
	}
	run.base = make([]RealCVOutcome, len(run.real))
	run.major = make([]RealCVOutcome, len(run.real))
	baseEng := triage.New(run.r, classifier.NewBaseline())
	for s, seed := range run.f.seeds {
		for k := range run.f.folds {
			if err := run.decideFold(s, seed, k, baseEng); err != nil {
				return err
			}
		}
	}
	return nil
}

// decideFold decides fold k with seed s's model (trained on the other folds
// with -repeat), in every configuration; with the first seed and
// configuration also by the baseline and the majority procedure.
func (run *realCVRun) decideFold(s int, seed uint64, k int, baseEng *triage.Engine) error {
	var rest []*triagev1.LabeledFiling
	for i, lf := range run.real {
		if run.fold[i] != k {
			rest = append(rest, lf)
		}
	}
	model := (*classifier.Model)(nil)
	if run.models != nil {
		model = run.models[s]
	} else {
		var err error
		if model, err = run.train(seed, rest); err != nil {
			return err
		}
	}
	maj, err := classifier.NewMajority(foldLabelCounts(model, rest))
	if err != nil {
		return err
	}
	majEng := triage.New(run.r, maj)
	for c, cf := range run.configs {
		eng, err := run.configEngine(model, rest, cf)
		if err != nil {
			return err
		}
		for i, lf := range run.real {
			if run.fold[i] != k {
				continue
			}
			if run.outcomes[c][s][i], err = decideOutcome(run.ctx, eng, lf); err != nil {
				return err
			}
			if s == 0 && c == 0 {
				if run.base[i], err = decideOutcome(run.ctx, baseEng, lf); err != nil {
					return err
				}
				if run.major[i], err = decideOutcome(run.ctx, majEng, lf); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// foldLabelCounts are the label counts per case kind the majority procedure
// is taken from: the model's training labels, or for the baseline (no
// training labels) the real ones of the other folds, rest.
func foldLabelCounts(model *classifier.Model, rest []*triagev1.LabeledFiling) map[string]map[string]int {
	if model != nil {
		return model.Manifest().Training.LabelCountsByKind
	}
	counts := map[string]map[string]int{}
	for _, lf := range rest {
		k := lf.GetFiling().GetCaseKind().String()
		if counts[k] == nil {
			counts[k] = map[string]int{}
		}
		counts[k][lf.GetLabel().String()]++
	}
	return counts
}

// allKinds gives every case kind the weight w.
func allKinds(w float64) map[string]float64 {
	return map[string]float64{"CASE_KIND_CIVIL": w, "CASE_KIND_CRIMINAL": w, "CASE_KIND_ADMINISTRATIVE": w}
}

// configEngine is the engine of configuration cf: the real prior counted
// from rest (none at weight 0) mixed into the model with cf's blend, or
// into the baseline when there is no model.
func (run *realCVRun) configEngine(model *classifier.Model, rest []*triagev1.LabeledFiling, cf realCVConfig) (*triage.Engine, error) {
	var prior *classifier.RealPrior
	var err error
	if cf.weight > 0 {
		if prior, err = classifier.NewRealPrior(run.r, rest, run.f.alpha, allKinds(cf.weight)); err != nil {
			return nil, err
		}
	}
	var sc triage.Scorer = baselinePrior{prior}
	if model != nil {
		if sc, err = model.With(allKinds(cf.blend), prior); err != nil {
			return nil, err
		}
	}
	return triage.New(run.r, sc), nil
}

// report is the report of the decisions: the baseline, the majority
// procedure and each configuration per kind, seed stability and review.
func (run *realCVRun) report() *RealCVReport {
	f := run.f
	rep := &RealCVReport{Real: f.real, Records: len(run.real), Folds: f.folds, Repeat: f.repeat, Seeds: f.seeds,
		Corpus: run.info.SHA256, Trees: f.trees, Alpha: f.alpha}
	opts := evaluation.Options{Bootstrap: f.bootstrap, Seed: 1}
	rep.Scorers = append(rep.Scorers,
		RealCVScorer{Scorer: classifier.BaselineVersion, Blend: 1, ByKind: kindReports(run.base, opts, triage.DefaultPolicy.MinConfidence)},
		RealCVScorer{Scorer: classifier.MajorityVersion, ByKind: kindReports(run.major, opts, triage.DefaultPolicy.MinConfidence)})
	for c, cf := range run.configs {
		rep.Scorers = append(rep.Scorers, RealCVScorer{Scorer: "model", Blend: cf.blend, PriorWeight: cf.weight,
			ByKind: kindReports(run.outcomes[c][0], opts, triage.DefaultPolicy.MinConfidence)})
		rep.Stability = append(rep.Stability, stability(cf.blend, cf.weight, run.outcomes[c])...)
		for _, t := range f.minConfidence {
			rep.Review = append(rep.Review, reviewAt(cf.blend, cf.weight, run.outcomes[c][0], t)...)
		}
	}
	return rep
}

// writeRealCVReport writes rep as indented JSON to out, if out is set.
func writeRealCVReport(out string, rep *RealCVReport) error {
	if out == "" {
		return nil
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return fmt.Errorf("encode report: %w", err)
	}
	if err := os.WriteFile(out, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

func decideOutcome(ctx context.Context, eng *triage.Engine, lf *triagev1.LabeledFiling) (RealCVOutcome, error) {
	f := lf.GetFiling()
	d, err := eng.Decide(ctx, f)
	if err != nil {
		return RealCVOutcome{}, fmt.Errorf("%s: %w", f.GetId(), err)
	}
	o := RealCVOutcome{ID: f.GetId(), Kind: f.GetCaseKind(), Label: lf.GetLabel(), Recommended: d.GetRecommended()}
	for _, opt := range d.GetOptions() {
		if opt.GetProcedure() == d.GetRecommended() {
			o.Confidence = opt.GetProbability()
		}
	}
	for _, rr := range d.GetReviewReasons() {
		switch rr.GetCode() {
		case triage.CodeLowConfidence:
		case triage.CodeOutOfDistribution:
			o.OOD = true
		default:
			o.RulesReview = true
		}
	}
	return o, nil
}

// evalOutcomes turns decisions into evaluation outcomes with review at the
// given confidence threshold.
func evalOutcomes(os []RealCVOutcome, minConf float64) []evaluation.Outcome {
	out := make([]evaluation.Outcome, len(os))
	for i, o := range os {
		out[i] = evaluation.Outcome{Label: o.Label, Recommended: o.Recommended, Confidence: o.Confidence, Kind: o.Kind,
			NeedsReview: o.RulesReview || o.OOD || o.Confidence < minConf}
	}
	return out
}

func kindReports(os []RealCVOutcome, opts evaluation.Options, minConf float64) []*evaluation.KindReport {
	return evaluation.ByKind(evalOutcomes(os, minConf), opts)
}

func stability(w, pw float64, runs [][]RealCVOutcome) []RealCVStable {
	if len(runs) < 2 {
		return nil
	}
	byKind := map[triagev1.CaseKind][]int{}
	for i, o := range runs[0] {
		byKind[o.Kind] = append(byKind[o.Kind], i)
	}
	var out []RealCVStable
	for _, k := range slices.Sorted(mapsKeys(byKind)) {
		idx := byKind[k]
		anyDiff, pairs, pairDiff := 0, 0, 0
		for _, i := range idx {
			same := true
			for s := 1; s < len(runs); s++ {
				if runs[s][i].Recommended != runs[0][i].Recommended {
					same = false
				}
			}
			if !same {
				anyDiff++
			}
			for a := range runs {
				for b := a + 1; b < len(runs); b++ {
					pairs++
					if runs[a][i].Recommended != runs[b][i].Recommended {
						pairDiff++
					}
				}
			}
		}
		out = append(out, RealCVStable{Blend: w, PriorWeight: pw, Kind: k.String(),
			AnyDiff: float64(anyDiff) / float64(len(idx)), Pairwise: float64(pairDiff) / float64(max(pairs, 1))})
	}
	return out
}

func mapsKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func reviewAt(w, pw float64, os []RealCVOutcome, t float64) []RealCVReview {
	var out []RealCVReview
	for _, kr := range evaluation.ByKind(evalOutcomes(os, t), evaluation.Options{}) {
		ood, n := 0, 0
		for _, o := range os {
			if o.Kind.String() == kr.Kind {
				n++
				if o.OOD {
					ood++
				}
			}
		}
		out = append(out, RealCVReview{Blend: w, PriorWeight: pw, Kind: kr.Kind, MinConfidence: t, Review: kr.Review,
			OutOfDistribution: float64(ood) / float64(max(n, 1))})
	}
	return out
}

func writeRealCVTable(e *env, rep *RealCVReport) {
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

// baselinePrior is the cause + amount baseline with a real prior mixed in,
// for `realcv -models baseline`.
type baselinePrior struct{ prior *classifier.RealPrior }

func (baselinePrior) Version() string { return "baseline+prior" }

func (b baselinePrior) Score(f *triagev1.Filing, a *rules.Assessment, p *triage.Probabilities) {
	classifier.NewBaseline().Score(f, a, p)
	if b.prior != nil {
		b.prior.Apply(f, a, p)
	}
}
