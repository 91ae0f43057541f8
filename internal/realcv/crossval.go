package realcv

import (
	"context"
	"fmt"
	"log/slog"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/internal/training"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// Config is what Run cross-validates: the real filings, the scorers and the
// configurations to measure.
type Config struct {
	Rules *rules.Engine
	// Filings are the real filings; the unlabelled ones are skipped.
	Filings []*triagev1.LabeledFiling
	// RealDir names where the filings came from, for the report.
	RealDir string
	// Folds is the number of stratified folds the labelled filings are
	// dealt into (classifier.RealFolds).
	Folds int
	// Alpha smooths the real prior, in filings.
	Alpha float64
	// Blends and PriorWeights are the baseline blends and real prior
	// weights measured, every blend with every weight, blends outermost.
	Blends, PriorWeights []float64
	// MinConfidence are the review thresholds of the review-rate curve.
	MinConfidence []float64
	// Bootstrap is the number of resamples of the intervals (0: none).
	Bootstrap int

	// Models are the models measured, one per seed; a nil model is the
	// baseline with the real prior alone. Their seeds are the report's.
	// Nil Models: one model per seed of Seeds is trained on Corpus.
	Models []*classifier.Model
	// Seeds, Corpus and Info are the training seeds, the synthetic corpus
	// and its description, with Models nil.
	Seeds  []uint64
	Corpus []*triagev1.LabeledFiling
	Info   training.DataInfo
	// Trees and BagSize size the trained models.
	Trees, BagSize int
	// Repeat > 0 trains per fold on the corpus plus the other folds'
	// filings repeated Repeat times, instead of once per seed on the corpus.
	Repeat int

	// Logger hears of each training; nil: nothing is logged.
	Logger *slog.Logger
}

// Run decides every labelled real filing out of fold in every configuration
// with every seed's model, and by the baseline and the majority procedure,
// and reports the metrics per configuration and case kind, the seed
// stability and the review-rate curve.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	real := labelled(cfg.Filings)
	run := &cvRun{ctx: ctx, cfg: cfg, real: real, fold: classifier.RealFolds(real, cfg.Folds),
		configs: configs(cfg.Blends, cfg.PriorWeights), models: cfg.Models, seeds: cfg.Seeds, logger: cfg.Logger}
	if run.logger == nil {
		run.logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Models != nil {
		run.seeds = seedsOf(cfg.Models)
	}
	if err := run.trainSeedModels(); err != nil {
		return nil, err
	}
	if err := run.crossValidate(); err != nil {
		return nil, err
	}
	return run.report(), nil
}

// labelled keeps the filings with a label.
func labelled(all []*triagev1.LabeledFiling) []*triagev1.LabeledFiling {
	var real []*triagev1.LabeledFiling
	for _, lf := range all {
		if lf.GetLabel() != triagev1.Procedure_PROCEDURE_UNSPECIFIED {
			real = append(real, lf)
		}
	}
	return real
}

// seedsOf are the models' training seeds; the baseline (a nil model) has
// seed 0.
func seedsOf(models []*classifier.Model) []uint64 {
	seeds := make([]uint64, len(models))
	for i, m := range models {
		if m != nil {
			seeds[i] = m.Manifest().Params.Seed
		}
	}
	return seeds
}

// config is one configuration Run measures: a baseline blend and a real
// prior weight.
type config struct{ blend, weight float64 }

// configs is every blend with every prior weight, blends outermost.
func configs(blends, weights []float64) []config {
	var out []config
	for _, b := range blends {
		for _, w := range weights {
			out = append(out, config{b, w})
		}
	}
	return out
}

// cvRun is the state of one cross-validation: the inputs, the models and
// the out-of-fold decisions.
type cvRun struct {
	ctx     context.Context
	cfg     Config
	real    []*triagev1.LabeledFiling
	fold    []int
	configs []config
	logger  *slog.Logger

	// models[s] is seed s's model, trained once (or per fold with Repeat,
	// when models stays nil).
	models []*classifier.Model
	seeds  []uint64

	// outcomes[c][s] are configuration c's out-of-fold decisions with seed
	// s's model, in real order; base and major are the baseline's and the
	// majority procedure's.
	outcomes    [][][]outcome
	base, major []outcome
}

// train trains a model with seed on the corpus plus extra, repeated
// Repeat times.
func (run *cvRun) train(seed uint64, extra []*triagev1.LabeledFiling) (*classifier.Model, error) {
	cfg := training.DefaultTrainConfig()
	cfg.Seed, cfg.Trees, cfg.BagSize = seed, run.cfg.Trees, run.cfg.BagSize
	cfg.Holdout = 0.2 // the synthetic held-out split, for the manifest; real filings are never held out
	if len(extra) > 0 {
		cfg.Extra, cfg.ExtraRepeat = extra, run.cfg.Repeat
	}
	run.logger.Info("realcv: training", "seed", seed, "real_extra", len(extra))
	res, err := training.Train(run.ctx, run.cfg.Rules, run.cfg.Corpus, run.cfg.Info, cfg)
	if err != nil {
		return nil, fmt.Errorf("seed %d: %w", seed, err)
	}
	return res.Model, nil
}

// trainSeedModels trains one model per seed on the corpus alone, unless the
// models are given or Repeat trains them per fold.
func (run *cvRun) trainSeedModels() error {
	if run.models != nil || run.cfg.Repeat != 0 {
		return nil
	}
	for _, seed := range run.seeds {
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
func (run *cvRun) crossValidate() error {
	run.outcomes = make([][][]outcome, len(run.configs))
	for c := range run.outcomes {
		run.outcomes[c] = make([][]outcome, len(run.seeds))
		for s := range run.outcomes[c] {
			run.outcomes[c][s] = make([]outcome, len(run.real))
		}
	}
	run.base = make([]outcome, len(run.real))
	run.major = make([]outcome, len(run.real))
	baseEng := triage.New(run.cfg.Rules, classifier.NewBaseline())
	for s, seed := range run.seeds {
		for k := range run.cfg.Folds {
			if err := run.decideFold(s, seed, k, baseEng); err != nil {
				return err
			}
		}
	}
	return nil
}

// decideFold decides fold k with seed s's model (trained on the other folds
// with Repeat), in every configuration; with the first seed and
// configuration also by the baseline and the majority procedure.
func (run *cvRun) decideFold(s int, seed uint64, k int, baseEng *triage.Engine) error {
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
	majEng := triage.New(run.cfg.Rules, maj)
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
func (run *cvRun) configEngine(model *classifier.Model, rest []*triagev1.LabeledFiling, cf config) (*triage.Engine, error) {
	var prior *classifier.RealPrior
	var err error
	if cf.weight > 0 {
		if prior, err = classifier.NewRealPrior(run.cfg.Rules, rest, run.cfg.Alpha, allKinds(cf.weight)); err != nil {
			return nil, err
		}
	}
	var sc triage.Scorer = baselinePrior{prior}
	if model != nil {
		if sc, err = model.With(allKinds(cf.blend), prior); err != nil {
			return nil, err
		}
	}
	return triage.New(run.cfg.Rules, sc), nil
}

// report is the report of the decisions: the baseline, the majority
// procedure and each configuration per kind, seed stability and review.
func (run *cvRun) report() *Report {
	cfg := run.cfg
	rep := &Report{Real: cfg.RealDir, Records: len(run.real), Folds: cfg.Folds, Repeat: cfg.Repeat, Seeds: run.seeds,
		Corpus: cfg.Info.SHA256, Trees: cfg.Trees, Alpha: cfg.Alpha}
	opts := evaluation.Options{Bootstrap: cfg.Bootstrap, Seed: 1}
	rep.Scorers = append(rep.Scorers,
		ScorerReport{Scorer: classifier.BaselineVersion, Blend: 1, ByKind: kindReports(run.base, opts, triage.DefaultPolicy.MinConfidence)},
		ScorerReport{Scorer: classifier.MajorityVersion, ByKind: kindReports(run.major, opts, triage.DefaultPolicy.MinConfidence)})
	for c, cf := range run.configs {
		rep.Scorers = append(rep.Scorers, ScorerReport{Scorer: "model", Blend: cf.blend, PriorWeight: cf.weight,
			ByKind: kindReports(run.outcomes[c][0], opts, triage.DefaultPolicy.MinConfidence)})
		rep.Stability = append(rep.Stability, stability(cf.blend, cf.weight, run.outcomes[c])...)
		for _, t := range cfg.MinConfidence {
			rep.Review = append(rep.Review, reviewAt(cf.blend, cf.weight, run.outcomes[c][0], t)...)
		}
	}
	return rep
}

// outcome is one record's decision in one configuration: what the
// stability and review measures read of it.
type outcome struct {
	ID                 string
	Kind               triagev1.CaseKind
	Label, Recommended triagev1.Procedure
	Confidence         float64
	RulesReview, OOD   bool
}

// decideOutcome decides lf with eng and keeps what the measures read: the
// recommendation, its probability and why the decision went to review.
func decideOutcome(ctx context.Context, eng *triage.Engine, lf *triagev1.LabeledFiling) (outcome, error) {
	f := lf.GetFiling()
	d, err := eng.Decide(ctx, f)
	if err != nil {
		return outcome{}, fmt.Errorf("%s: %w", f.GetId(), err)
	}
	o := outcome{ID: f.GetId(), Kind: f.GetCaseKind(), Label: lf.GetLabel(), Recommended: d.GetRecommended()}
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

// baselinePrior is the cause + amount baseline with a real prior mixed in:
// the scorer of a nil model, to measure what the counts add to the rule of
// thumb alone.
type baselinePrior struct{ prior *classifier.RealPrior }

func (baselinePrior) Version() string { return "baseline+prior" }

func (b baselinePrior) Score(f *triagev1.Filing, a *rules.Assessment, p *triage.Probabilities) {
	classifier.NewBaseline().Score(f, a, p)
	if b.prior != nil {
		b.prior.Apply(f, a, p)
	}
}
