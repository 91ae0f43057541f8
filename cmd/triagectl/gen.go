package main

import (
	"context"
	"fmt"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/corpus"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/rules"
)

// runGen writes a synthetic labelled corpus (package corpus): -n records from
// -seed, as JSONL, to -out or stdout. The same flags always give the same
// bytes, so a corpus can be regenerated instead of stored.
func runGen(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "gen")
	n := fs.Int("n", 10000, fmt.Sprintf("number of filings to generate (at most %d)", corpus.MaxN))
	seed := fs.Uint64("seed", 1, "random seed; the same -n and -seed give the same output")
	out := fs.String("out", "", "output JSONL file (default stdout)")
	rulesPath := fs.String("rules", "", "rules file judging which procedures are open (default: the embedded rules)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *n < 0:
		return usageError{"-n must not be negative"}
	case *n > corpus.MaxN:
		// Checked before the output is created: -n 1000000000 wrote for
		// hours until the disk was full (outside check 25).
		return usageError{fmt.Sprintf("-n must be at most %d (ten times the filings training is sized for), got %d", corpus.MaxN, *n)}
	}
	eng, err := rules.Open(*rulesPath)
	if err != nil {
		return err
	}

	target := *out
	if target == "" {
		target = "-"
	}
	// A truncated corpus must not pass for a whole one: written under a
	// temporary name and renamed once complete (createOutput).
	o, err := createOutput(e, target)
	if err != nil {
		return err
	}
	defer o.abort()
	dw := dataset.NewWriter(o)
	err = corpus.Generate(ctx, corpus.Config{N: *n, Seed: *seed}, eng, func(lf *triagev1.LabeledFiling) error {
		return dw.Write(lf)
	})
	if err == nil {
		err = dw.Flush()
	}
	if err == nil {
		err = o.commit()
	}
	if err == nil && !o.stream {
		e.logger.Info("corpus written", "file", *out, "records", *n, "seed", *seed)
	}
	return err
}
