package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/internal/realcv"
	"github.com/fenjian/fenjian/internal/training"
)

// runAdjust is `triagectl adjust`: attach a baseline blend and a real prior,
// chosen with `triagectl realcv`, to a trained model without retraining.
func runAdjust(_ context.Context, e *env, args []string) error {
	var model, out, real, rulesPath string
	var alpha float64
	var weights, blend, ordRecall map[string]float64
	var selectKinds, guardKinds []triagev1.CaseKind
	var selectSeed uint64
	fs := newFlagSet(e, "adjust")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: triagectl adjust -model DIR -out DIR [-real DIR (-prior-weight civil=W,... | -select KINDS [-guard KINDS] [-ordinary-recall civil=R,...] [-select-seed N])] [-alpha A] [-blend civil=W,...]")
		fmt.Fprintln(fs.Output(), "\nAttaches to a trained model the cause + amount baseline blend and the real prior (counts of the real")
		fmt.Fprintln(fs.Output(), "filings' decisions) that `triagectl realcv` measured best, and writes it under a new version. The trained")
		fmt.Fprintln(fs.Output(), "parameters and the manifest's held-out figures (of the trained model) are unchanged; manifest.adjusted")
		fmt.Fprintln(fs.Output(), "records what was attached. With -select KINDS the real prior's configuration for those case kinds")
		fmt.Fprintln(fs.Output(), "(counts or a linear model, its penalty and weight) is chosen by cross-validation over the real filings,")
		fmt.Fprintln(fs.Output(), "the procedure `triagectl realcv -nested` evaluates, and fitted on all of them.")
		fmt.Fprintln(fs.Output(), "\nflags:")
		fs.PrintDefaults()
	}
	fs.StringVar(&model, "model", "", "trained model `dir` (required)")
	fs.StringVar(&out, "out", "", "model `dir` to write (required; may equal -model, but not a directory promote serves: adjust a copy and promote it)")
	fs.StringVar(&real, "real", "", "`dir` of real labelled filings to count (default $"+dataset.RealDirEnv+", ../shared/real, /work/shared/real)")
	fs.StringVar(&rulesPath, "rules", "", "rules `file` (default: the rules built into the binary)")
	fs.Float64Var(&alpha, "alpha", 5, "smoothing of the real prior, in filings")
	fs.Func("prior-weight", "per case kind, weight of the real prior: `civil=W,criminal=W`", func(s string) (err error) {
		weights, err = parseKindWeights(s)
		return err
	})
	fs.Func("select", "choose the real prior's configuration by cross-validation for these `kinds` (civil,criminal)", func(s string) (err error) {
		selectKinds, err = parseKinds(s)
		return err
	})
	fs.Func("guard", "with -select: for these `kinds` (civil) choose among guarded linear priors (classifier.RealFit.Guard: off where small claims is mandatory, elsewhere only splitting simplified and ordinary), as `realcv -nested -guard` measures them", func(s string) (err error) {
		guardKinds, err = parseKinds(s)
		return err
	})
	fs.Func("ordinary-recall", "with -select: per case kind, the ordinary recall `civil=R,criminal=R` the selection's own folds choose an ordinary bias for (classifier.RealFit.OrdinaryRecall), as `realcv -nested -ordinary-recall` measures it", func(s string) (err error) {
		ordRecall, err = parseKindWeights(s)
		return err
	})
	fs.Uint64Var(&selectSeed, "select-seed", 1, "with -select: `seed` of the cross-validation's dealings (the shipped model's choice uses 1; others measure how the choice moves with the dealing)")
	fs.Func("blend", "per case kind, weight of the cause + amount baseline: `civil=W,criminal=W`", func(s string) (err error) {
		blend, err = parseKindWeights(s)
		return err
	})
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if model == "" || out == "" {
		return usageError{"-model and -out are required"}
	}
	art, err := training.ReadArtifact(model)
	if err != nil {
		return err
	}
	selectFit := len(selectKinds) > 0
	if selectFit && len(weights) > 0 {
		return usageError{"-select chooses the weights: give it or -prior-weight, not both"}
	}
	for _, k := range guardKinds {
		if !slices.Contains(selectKinds, k) {
			return usageError{fmt.Sprintf("-guard %s: the kind is not in -select", strings.ToLower(strings.TrimPrefix(k.String(), "CASE_KIND_")))}
		}
	}
	for k := range ordRecall {
		if v := triagev1.CaseKind(triagev1.CaseKind_value[k]); !slices.Contains(selectKinds, v) {
			return usageError{fmt.Sprintf("-ordinary-recall %s: the kind is not in -select", strings.ToLower(strings.TrimPrefix(k, "CASE_KIND_")))}
		}
	}
	if selectSeed == 0 {
		return usageError{"-select-seed must be above 0"}
	}
	var prior *classifier.RealPrior
	if len(weights) > 0 || selectFit {
		if real == "" {
			if real = dataset.RealDir(); real == "" {
				return usageError{"no real filings found: set -real or $" + dataset.RealDirEnv}
			}
		}
		r, err := loadRules(rulesPath)
		if err != nil {
			return err
		}
		recs, err := dataset.ReadDir(real)
		if err != nil {
			return err
		}
		if selectFit {
			prior, err = selectPrior(e, model, realcv.SelectConfig{Rules: r, Filings: recs, Blend: blend, Alpha: alpha,
				Kinds: selectKinds, Guarded: guardKinds, OrdinaryRecall: ordRecall, Seed: selectSeed})
		} else {
			prior, err = classifier.NewRealPrior(r, recs, alpha, weights)
		}
		if err != nil {
			return err
		}
	}
	m, err := art.Adjust(blend, prior, time.Now())
	if err != nil {
		return err
	}
	if err := art.WriteDir(out); err != nil {
		return err
	}
	if _, err := classifier.Load(out); err != nil {
		return fmt.Errorf("written model does not load: %w", err)
	}
	fmt.Fprintf(e.stdout, "model %s (trained %s) written to %s\n", m.Version(), art.Manifest.Adjusted.Trained, out)
	return nil
}

// selectPrior loads the model in dir and has realcv.SelectPrior choose
// and fit the real prior with cfg on it, printing each kind's choice as it
// is made.
func selectPrior(e *env, dir string, cfg realcv.SelectConfig) (*classifier.RealPrior, error) {
	m, err := classifier.Load(dir)
	if err != nil {
		return nil, err
	}
	cfg.Model = m
	cfg.Chosen = func(c realcv.Choice) {
		fmt.Fprintf(e.stdout, "%s: %s (cross-validated macro-F1 %.3f, accuracy %.3f over %d filings)\n", c.Kind, c.Fit, c.MacroF1, c.Accuracy, c.N)
	}
	return realcv.SelectPrior(cfg)
}

// parseKinds reads a comma-separated list of case kinds (civil,criminal).
func parseKinds(s string) ([]triagev1.CaseKind, error) {
	var out []triagev1.CaseKind
	for _, k := range strings.Split(s, ",") {
		kind, ok := caseKindNamed(k)
		if !ok {
			return nil, fmt.Errorf("unknown case kind %q", k)
		}
		out = append(out, kind)
	}
	return out, nil
}

// caseKindNamed is the case kind an operator named in a flag: civil,
// criminal or administrative, in any case of ASCII letters, spaces around
// it ignored. Only ASCII is folded: strings.ToUpper made "cıvıl" (dotless
// ı, U+0131) and "crimınal" the kinds CIVIL and CRIMINAL, so a name no
// operator means, and no log or manifest shows as typed, was taken
// (outside check 25).
func caseKindNamed(name string) (triagev1.CaseKind, bool) {
	name = strings.TrimSpace(name)
	for i := range len(name) {
		if name[i] >= utf8.RuneSelf {
			return 0, false
		}
	}
	v, ok := triagev1.CaseKind_value["CASE_KIND_"+strings.ToUpper(name)]
	if !ok || v == int32(triagev1.CaseKind_CASE_KIND_UNSPECIFIED) {
		return 0, false
	}
	return triagev1.CaseKind(v), true
}
