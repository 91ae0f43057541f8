package main

import (
	"context"
	"fmt"
	"time"

	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/internal/training"
)

// runAdjust is `triagectl adjust`: attach a baseline blend and a real prior,
// chosen with `triagectl realcv`, to a trained model without retraining.
func runAdjust(_ context.Context, e *env, args []string) error {
	var model, out, real, rulesPath string
	var alpha float64
	var weights, blend map[string]float64
	fs := newFlagSet(e, "adjust")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: triagectl adjust -model DIR -out DIR [-real DIR -prior-weight civil=W,...] [-alpha A] [-blend civil=W,...]")
		fmt.Fprintln(fs.Output(), "\nAttaches to a trained model the cause + amount baseline blend and the real prior (counts of the real")
		fmt.Fprintln(fs.Output(), "filings' decisions) that `triagectl realcv` measured best, and writes it under a new version. The trained")
		fmt.Fprintln(fs.Output(), "parameters and the manifest's held-out figures (of the trained model) are unchanged; manifest.adjusted")
		fmt.Fprintln(fs.Output(), "records what was attached.")
		fmt.Fprintln(fs.Output(), "\nflags:")
		fs.PrintDefaults()
	}
	fs.StringVar(&model, "model", "", "trained model `dir` (required)")
	fs.StringVar(&out, "out", "", "model `dir` to write (required; may equal -model)")
	fs.StringVar(&real, "real", "", "`dir` of real labelled filings to count (default $"+dataset.RealDirEnv+", ../shared/real, /work/shared/real)")
	fs.StringVar(&rulesPath, "rules", "", "rules `file` (default: the rules built into the binary)")
	fs.Float64Var(&alpha, "alpha", 5, "smoothing of the real prior, in filings")
	fs.Func("prior-weight", "per case kind, weight of the real prior: `civil=W,criminal=W`", func(s string) (err error) {
		weights, err = parseKindWeights(s)
		return err
	})
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
	var prior *classifier.RealPrior
	if len(weights) > 0 {
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
		if prior, err = classifier.NewRealPrior(r, recs, alpha, weights); err != nil {
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
