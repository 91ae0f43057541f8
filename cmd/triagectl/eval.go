package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/classifier/evaluation"
	"github.com/fenjian/fenjian/dataset"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// Model names that select the built-in cause + amount baseline instead of a
// model directory (write ./baseline for a directory of that name).
var baselineNames = map[string]bool{"baseline": true, "builtin-baseline": true, "builtin": true}

// defaultModelName names the embedded default model in -model flags.
const defaultModelName = "default"

// evalFlags are the parsed flags of `triagectl eval`.
type evalFlags struct {
	model, baseline string
	data            string
	htmlPath        string
	rulesPath       string
	holdout         float64
}

// parseEvalFlags parses and checks the flags; every problem is a usageError
// (exit code 2), -h is flag.ErrHelp.
func parseEvalFlags(e *env, args []string) (*evalFlags, error) {
	var f evalFlags
	fs := newFlagSet(e, "eval")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: triagectl eval -model DIR|baseline -data FILE.jsonl [-baseline DIR|builtin] [-html FILE] [-rules FILE] [-holdout F]")
		fmt.Fprintln(fs.Output(), "\nDecides every labelled filing of -data with the rules and the model and prints the metrics of the")
		fmt.Fprintln(fs.Output(), "recommendations against the labels as JSON; with -baseline, {\"models\":[baseline, model], \"deltas\":[...]}.")
		fmt.Fprintln(fs.Output(), "\nflags:")
		fs.PrintDefaults()
	}
	fs.StringVar(&f.model, "model", "", "model `dir` to evaluate, or \"baseline\" for the built-in cause + amount baseline (required)")
	fs.StringVar(&f.data, "data", "", "labelled JSONL `file` (LabeledFiling lines); - is stdin (required)")
	fs.StringVar(&f.baseline, "baseline", "", "reference model `dir`, or \"builtin\" for the built-in baseline, to compare against")
	fs.StringVar(&f.htmlPath, "html", "", "also write a self-contained HTML report to `file`")
	fs.StringVar(&f.rulesPath, "rules", "", "rules `file` (default: the rules built into the binary)")
	fs.Float64Var(&f.holdout, "holdout", 0, "evaluate only the held-out `fraction` of the records (the split `triagectl train` withholds at the same fraction); 0 = all")
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	switch {
	case f.model == "":
		return nil, usageError{"-model is required (a model directory, or \"baseline\")"}
	case f.data == "":
		return nil, usageError{"-data is required"}
	case !(f.holdout >= 0 && f.holdout <= 1):
		return nil, usageError{fmt.Sprintf("-holdout must be between 0 and 1, got %v", f.holdout)}
	}
	return &f, nil
}

// runEval is `triagectl eval`. It fails (exit code 1) when a model, the rules
// or the data cannot be read, or when no labelled filing could be evaluated.
func runEval(ctx context.Context, e *env, args []string) error {
	f, err := parseEvalFlags(e, args)
	if err != nil {
		return err
	}
	r, err := loadRules(f.rulesPath)
	if err != nil {
		return err
	}
	model, err := loadScorer(f.model)
	if err != nil {
		return err
	}
	engines := []*triage.Engine{triage.New(r, model)}
	if f.baseline != "" {
		ref, err := loadScorer(f.baseline)
		if err != nil {
			return err
		}
		// The reference goes first: deltas are model minus reference.
		engines = append([]*triage.Engine{triage.New(r, ref)}, engines...)
	}

	in := e.stdin
	if f.data != "-" {
		file, err := os.Open(f.data)
		if err != nil {
			return fmt.Errorf("open data: %w", err)
		}
		defer file.Close()
		in = file
	}
	h := sha256.New()
	reports, err := evaluation.Evaluate(ctx, dataset.NewReader(io.TeeReader(in, h)),
		evaluation.Options{HoldOut: f.holdout}, engines...)
	if err != nil {
		return err
	}
	sum := hex.EncodeToString(h.Sum(nil))
	for _, rep := range reports {
		rep.Data.Path, rep.Data.SHA256 = f.data, sum
	}

	var out any = reports[0]
	cmp := evaluation.Compare(reports...)
	if len(reports) > 1 {
		out = cmp
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if f.htmlPath != "" {
		if err := writeHTMLReport(f.htmlPath, cmp); err != nil {
			return err
		}
		e.logger.Info("wrote HTML report", "path", f.htmlPath)
	}
	for _, w := range cmp.Warnings {
		e.logger.Warn(w)
	}
	if c := reports[0].Counts; c.Evaluated == 0 {
		return fmt.Errorf("no labelled filing evaluated (%d lines: %d invalid, %d unlabelled, %d rejected, %d outside the held-out split)",
			c.Lines, c.Invalid, c.Unlabeled, c.Rejected, c.NotHeldOut)
	}
	return nil
}

// loadRules opens -rules (the embedded rules when empty).
func loadRules(path string) (*rules.Engine, error) {
	r, err := rules.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load rules: %w", err)
	}
	return r, nil
}

// loadScorer resolves a -model or -baseline value: a baseline name,
// "default" for the model embedded in the binary (what triaged serves without
// -model), or a model directory.
func loadScorer(spec string) (triage.Scorer, error) {
	if baselineNames[spec] {
		return classifier.NewBaseline(), nil
	}
	if spec == defaultModelName {
		return classifier.Default()
	}
	m, err := classifier.Load(spec)
	if err != nil {
		return nil, err // names the directory
	}
	return m, nil
}

// writeHTMLReport writes the page to path; a failed close is reported, since
// it can lose the end of the file.
func writeHTMLReport(path string, cmp *evaluation.Comparison) (err error) {
	file, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create HTML report: %w", err)
	}
	defer func() {
		if cerr := file.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close HTML report: %w", cerr)
		}
	}()
	return evaluation.WriteHTML(file, cmp)
}
