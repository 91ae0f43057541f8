package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/internal/evaluation"
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
	bootstrap       int
	seed            uint64
	majority        bool
}

// parseEvalFlags parses and checks the flags; every problem is a usageError
// (exit code 2), -h is flag.ErrHelp.
func parseEvalFlags(e *env, args []string) (*evalFlags, error) {
	var f evalFlags
	fs := newFlagSet(e, "eval")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: triagectl eval -model DIR|baseline|default -data FILE.jsonl|DIR [-baseline DIR|builtin] [-majority] [-bootstrap N] [-seed S] [-html FILE] [-rules FILE] [-holdout F]")
		fmt.Fprintln(fs.Output(), "\nDecides every labelled filing of -data with the rules and the model and prints the metrics of the")
		fmt.Fprintln(fs.Output(), "recommendations against the labels as JSON, overall and by case kind, with bootstrap 95% intervals;")
		fmt.Fprintln(fs.Output(), "with -baseline or -majority, {\"models\":[baseline, majority, model], \"deltas\":[...]}, deltas against the first.")
		fmt.Fprintln(fs.Output(), "-data may be a directory: every *.jsonl in it, in name order (e.g. the real filings).")
		fmt.Fprintln(fs.Output(), "\nflags:")
		fs.PrintDefaults()
	}
	fs.StringVar(&f.model, "model", "", "model `dir` to evaluate, or \"baseline\" for the built-in cause + amount baseline (required)")
	fs.StringVar(&f.data, "data", "", dataFlagUsage)
	fs.StringVar(&f.baseline, "baseline", "", "reference model `dir`, or \"builtin\" for the built-in baseline, to compare against")
	fs.StringVar(&f.htmlPath, "html", "", "also write a self-contained HTML report to `file`, under a temporary name renamed over it once complete (mode 0600); opened before the evaluation")
	fs.StringVar(&f.rulesPath, "rules", "", "rules `file` (default: the rules built into the binary)")
	fs.IntVar(&f.bootstrap, "bootstrap", 1000, "bootstrap `resamples` for the 95% intervals (percentile method); 0 = none")
	fs.Uint64Var(&f.seed, "seed", 1, "`seed` of the bootstrap resamples")
	fs.BoolVar(&f.majority, "majority", false, "also evaluate \"always the most common procedure\" per case kind, from the model's training labels (the default model's for the baseline)")
	fs.Float64Var(&f.holdout, "holdout", 0, "evaluate only the held-out `fraction` of the records (the split `triagectl train` withholds at the same fraction); 0 = all")
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	bootErr := checkBootstrap(f.bootstrap)
	switch {
	case f.model == "":
		return nil, usageError{"-model is required (a model directory, or \"baseline\")"}
	case f.data == "":
		return nil, usageError{"-data is required"}
	case bootErr != nil:
		return nil, bootErr
	case !(f.holdout >= 0 && f.holdout <= 1):
		return nil, usageError{fmt.Sprintf("-holdout must be between 0 and 1, got %v", f.holdout)}
	case f.htmlPath == "-":
		// stdout carries the JSON report; createOutput's "-" would mix the
		// page into it.
		return nil, usageError{"-html - would write the page into the JSON report on stdout; name a file"}
	case f.htmlPath != "" && f.data != "-" && sameFile(f.htmlPath, f.data):
		// The report is written after the data is read: it replaced the
		// labelled filings with HTML, a link to them too (outside check 18).
		return nil, usageError{fmt.Sprintf("-html %s is the -data file: the report would replace the labelled filings; write it elsewhere", f.htmlPath)}
	}
	return &f, nil
}

// maxBootstrap bounds -bootstrap of eval and realcv: every resample's draw is
// kept (resamples × filings integers, 800 MB for 10,000 of 10,000 filings),
// and -bootstrap 2000000000 ended in "fatal error: runtime: out of memory"
// (outside check 9). Ten times the default already puts the Monte Carlo
// error of a 95% interval's ends far below their sampling error.
const maxBootstrap = 10_000

// checkBootstrap refuses a -bootstrap count (eval, realcv) below 0, which
// would silently drop the intervals, or above maxBootstrap.
func checkBootstrap(n int) error {
	switch {
	case n < 0:
		return usageError{fmt.Sprintf("-bootstrap must not be negative, got %d", n)}
	case n > maxBootstrap:
		return usageError{fmt.Sprintf("-bootstrap must be at most %d, got %d", maxBootstrap, n)}
	}
	return nil
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
	if f.majority {
		maj, err := majorityOf(model)
		if err != nil {
			return err
		}
		engines = append([]*triage.Engine{triage.New(r, maj)}, engines...)
	}
	if f.baseline != "" {
		ref, err := loadScorer(f.baseline)
		if err != nil {
			return err
		}
		// The reference goes first: deltas are model minus reference.
		engines = append([]*triage.Engine{triage.New(r, ref)}, engines...)
	}

	// The report's file is opened before the evaluation, which may take
	// minutes, so a directory or a missing one fails at once; it is written
	// under a temporary name and renamed over -html only once complete, so
	// a failed run leaves the previous report whole (outside check 23: a
	// directory failed after the evaluation, and an evaluation of nothing
	// replaced the report before failing).
	var html *output
	if f.htmlPath != "" {
		if html, err = createOutput(e, f.htmlPath); err != nil {
			return fmt.Errorf("HTML report %s: %w", f.htmlPath, err)
		}
		defer html.abort()
	}

	h := sha256.New()
	var src evaluation.Source = dataset.NewReader(io.TeeReader(e.stdin, h))
	if f.data != "-" {
		s, closer, err := openData(f.data, h)
		if err != nil {
			return err
		}
		defer closer.Close()
		src = s
	}
	reports, err := evaluation.Evaluate(ctx, src,
		evaluation.Options{HoldOut: f.holdout, Bootstrap: f.bootstrap, Seed: f.seed}, engines...)
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
	for _, w := range cmp.Warnings {
		e.logger.Warn(w)
	}
	logProvenance(e, reports[0].Data)
	warnInSample(e, model, sum, f.holdout)
	warnNotEvaluated(e, reports[0].Counts, reports[0].Problems)
	if c := reports[0].Counts; c.Evaluated == 0 {
		return fmt.Errorf("no labelled filing evaluated (%d lines: %d invalid, %d unlabelled, %d rejected, %d outside the held-out split)",
			c.Lines, c.Invalid, c.Unlabeled, c.Rejected, c.NotHeldOut)
	}
	if html != nil {
		if err := evaluation.WriteHTML(html, cmp); err != nil {
			return fmt.Errorf("write HTML report %s: %w", f.htmlPath, err)
		}
		if err := html.commit(); err != nil {
			return fmt.Errorf("HTML report: %w", err)
		}
		e.logger.Info("wrote HTML report", "path", f.htmlPath)
	}
	return nil
}

// maxProblemsWarned bounds the lines warnNotEvaluated names one by one, as
// train does (readTrainingData): a file of another encoding would print
// every line.
const maxProblemsWarned = 5

// warnNotEvaluated says on stderr which lines of the data were not
// evaluated, as train says which it skipped: a line that is not a labelled
// filing (truncated, another encoding, a stray line) or a filing the rules
// refuse. eval and promote -eval read past them, and before this said
// nothing on stderr: promote reported "on decided.jsonl (200 filings)" for
// a file of 300 lines, a third of it unreadable, and accepted the candidate
// on the rest (outside check 18).
func warnNotEvaluated(e *env, c evaluation.Counts, problems []evaluation.Problem) {
	if c.Invalid+c.Rejected == 0 {
		return
	}
	for i, p := range problems {
		if i == maxProblemsWarned {
			break
		}
		where := fmt.Sprintf("line %d", p.Line)
		if p.File != "" {
			where = p.File + ":" + where[len("line "):]
		}
		e.logger.Warn("line not evaluated", "line", where, "kind", p.Kind, "err", p.Error)
	}
	e.logger.Warn("lines of the data were not evaluated: the figures are on the rest",
		"not_filings", c.Invalid, "refused_by_rules", c.Rejected, "evaluated", c.Evaluated, "lines", c.Lines)
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

// majorityOf is the "always the most common procedure" reference for the
// evaluated scorer: from its own training labels, or the embedded default
// model's when it has none (the baseline).
func majorityOf(s triage.Scorer) (*classifier.Majority, error) {
	m, ok := s.(*classifier.Model)
	if !ok {
		def, err := classifier.Default()
		if err != nil {
			return nil, err
		}
		m = def
	}
	maj, err := classifier.NewMajority(m.Manifest().Training.LabelCountsByKind)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", m.Version(), err)
	}
	return maj, nil
}

// dataFlagUsage is the help of -data of eval and train, which read it
// alike (openData).
const dataFlagUsage = "labelled JSONL `file` (LabeledFiling lines), or a directory of them (every *.jsonl, in name order); - is stdin (required)"

// openData opens -data for reading labelled filings: a file, or a
// directory whose *.jsonl files are read one after another in name order,
// each with its own line numbers, so that a problem names the file and the
// line in it (dataset.FilesReader). Every byte read is written to h, a
// directory's files each followed by a newline: the digest of the files as
// one stream, as reports and promotions have recorded it.
func openData(path string, h io.Writer) (evaluation.Source, io.Closer, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, fmt.Errorf("open data: %w", err)
	}
	if !st.IsDir() {
		file, err := os.Open(path)
		if err != nil {
			return nil, nil, fmt.Errorf("open data: %w", err)
		}
		return dataset.NewReader(io.TeeReader(file, h)), file, nil
	}
	names, err := dataset.JSONLFiles(path)
	if err != nil {
		return nil, nil, fmt.Errorf("open data: %w", err)
	}
	var readers []dataset.NamedReader
	var files multiCloser
	for _, name := range names {
		file, err := os.Open(name)
		if err != nil {
			files.Close()
			return nil, nil, fmt.Errorf("open data: %w", err)
		}
		files = append(files, file)
		// The newline keeps the digest of the files as one stream, where
		// it kept a file not ending in one from gluing its last line to
		// the next file's first.
		readers = append(readers, dataset.NamedReader{Name: name, R: io.TeeReader(io.MultiReader(file, strings.NewReader("\n")), h)})
	}
	return dataset.NewFilesReader(readers...), files, nil
}

// multiCloser closes every file it holds.
type multiCloser []*os.File

func (m multiCloser) Close() error {
	var errs []error
	for _, f := range m {
		errs = append(errs, f.Close())
	}
	return errors.Join(errs...)
}

// logProvenance says on stderr what the figures on stdout measure: real
// filings, or — as a warning — synthetic, mixed or unstated ones (outside
// check 29: the same JSON came out for generated and for real filings).
func logProvenance(e *env, d evaluation.DataInfo) {
	if d.Provenance == "" {
		return
	}
	attrs := []any{"provenance", d.Provenance}
	for _, p := range []string{dataset.ProvenanceReal, dataset.ProvenanceSynthetic, dataset.ProvenanceUnstated} {
		if n := d.Sources[p]; n > 0 {
			attrs = append(attrs, p, n)
		}
	}
	if d.Provenance == dataset.ProvenanceReal {
		e.logger.Info(dataset.ProvenanceNote(d.Provenance), attrs...)
		return
	}
	e.logger.Warn(dataset.ProvenanceNote(d.Provenance), attrs...)
}

// warnInSample warns when the evaluation data is, byte for byte, the data
// the evaluated model was trained on (its manifest's training sha256) and
// the whole of it was evaluated: its figures are then in-sample, better than
// the model does on filings it has not seen. Outside check 29: a model
// trained on a court's export read ordinary recall 0.991 on that export and
// 0.950 on the part train had held out.
func warnInSample(e *env, model triage.Scorer, dataSHA256 string, holdout float64) {
	m, ok := model.(interface{ Manifest() classifier.Manifest })
	if !ok || holdout > 0 {
		return
	}
	man := m.Manifest()
	if man.Training.SHA256 == "" || man.Training.SHA256 != dataSHA256 {
		return
	}
	e.logger.Warn(fmt.Sprintf("-data is the data %s was trained on: these figures are in-sample; add -holdout %g to evaluate the part train held out", model.Version(), man.Holdout.Fraction),
		"split", man.Holdout.Split)
}
