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
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/internal/training"
)

// trainFlags are the parsed flags of `triagectl train`.
type trainFlags struct {
	data, out, version, rulesPath, split string
	seed                                 uint64
	holdout, ordinaryRecall              float64
	trees, maxDepth, bagSize, nbFeatures int
	workers                              int
	quiet, force                         bool
	real                                 string
	alpha                                float64
	priorWeight, blend                   map[string]float64
}

// parseTrainFlags parses and checks the flags; every problem is a
// usageError (exit code 2), -h is flag.ErrHelp.
func parseTrainFlags(e *env, args []string) (*trainFlags, error) {
	d := training.DefaultTrainConfig()
	f := trainFlags{}
	fs := newFlagSet(e, "train")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: triagectl train -data FILE.jsonl|DIR -out DIR [-seed S] [-holdout F] [-version V] [flags]")
		fmt.Fprintln(fs.Output(), "\nTrains an NB+CART model (golearn) on labelled filings, evaluates it on a held-out split through")
		fmt.Fprintln(fs.Output(), "the triage policy and writes a versioned model directory (manifest.json, features.json, model.json.gz).")
		fmt.Fprintln(fs.Output(), "The same data and -seed give the same artifact apart from the manifest's created time.")
		fmt.Fprintln(fs.Output(), "-data may be a directory: every *.jsonl in it, in name order (e.g. the real filings), as eval reads it.")
		fmt.Fprintln(fs.Output(), "\nflags:")
		fs.PrintDefaults()
	}
	fs.StringVar(&f.data, "data", "", dataFlagUsage)
	fs.StringVar(&f.out, "out", "", "model `dir` to write (required)")
	fs.Uint64Var(&f.seed, "seed", d.Seed, "random `seed` for the split, folds and bags")
	fs.Float64Var(&f.holdout, "holdout", d.Holdout, "`fraction` of records held out for evaluation (0–0.9)")
	fs.StringVar(&f.split, "split", training.SplitID, "held-out split `mode`: \"id\" (hash of filing.id, the split that triagectl eval -holdout and the scikit-learn reference use) or \"stratified\" (per label, drawn with -seed)")
	fs.StringVar(&f.version, "version", "", "model `version` (default nb-cart-<date>-<hash8>)")
	fs.StringVar(&f.rulesPath, "rules", "", "rules `file` (default: the rules built into the binary)")
	fs.IntVar(&f.trees, "trees", d.Trees, "number of bagged CART trees")
	fs.IntVar(&f.maxDepth, "max-depth", d.MaxDepth, "maximum depth of each tree")
	fs.IntVar(&f.bagSize, "bag-size", d.BagSize, "rows drawn for each tree")
	fs.IntVar(&f.nbFeatures, "nb-features", d.NBFeatures, "text n-gram features of the naive Bayes")
	fs.Float64Var(&f.ordinaryRecall, "ordinary-recall", d.OrdinaryRecall, "ordinary recall after the triage policy that the class weights are tuned for (out of bag); higher sends more cases to ordinary at the cost of macro-F1")
	fs.IntVar(&f.workers, "workers", 0, "parallel workers (default GOMAXPROCS)")
	fs.StringVar(&f.real, "real", "", "`dir` of real labelled filings whose counts become the model's real prior (with -prior-weight)")
	fs.Float64Var(&f.alpha, "alpha", 5, "smoothing of the real prior, in filings")
	fs.Func("prior-weight", "per case kind, weight of the real prior: `civil=W,criminal=W,administrative=W` (choose with `triagectl realcv`)", func(s string) (err error) {
		f.priorWeight, err = parseKindWeights(s)
		return err
	})
	fs.Func("blend", "per case kind, weight of the cause + amount baseline blended in: `civil=W,...`", func(s string) (err error) {
		f.blend, err = parseKindWeights(s)
		return err
	})
	fs.BoolVar(&f.quiet, "quiet", false, "no progress bars")
	fs.BoolVar(&f.force, "force", false, "overwrite a model already in -out (never one promote serves or put there: promote replaces those)")
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	switch {
	case f.data == "":
		return nil, usageError{"-data is required"}
	case f.out == "":
		return nil, usageError{"-out is required"}
	case !(f.holdout >= 0 && f.holdout <= 0.9):
		return nil, usageError{fmt.Sprintf("-holdout must be between 0 and 0.9, got %v", f.holdout)}
	case f.split != training.SplitID && f.split != training.SplitStratified:
		return nil, usageError{fmt.Sprintf("-split must be %q or %q, got %q", training.SplitID, training.SplitStratified, f.split)}
	case f.trees < 1 || f.maxDepth < 1 || f.bagSize < 10 || f.nbFeatures < 1 || f.nbFeatures > 65535:
		return nil, usageError{"-trees, -max-depth, -bag-size (≥ 10) and -nb-features (≤ 65535) must be positive"}
	case !(f.ordinaryRecall > 0 && f.ordinaryRecall <= 1):
		return nil, usageError{fmt.Sprintf("-ordinary-recall must be in (0, 1], got %v", f.ordinaryRecall)}
	case f.workers < 0:
		return nil, usageError{"-workers must not be negative"}
	case f.workers > maxConcurrency:
		// 2000000000 ended in "fatal error: runtime: out of memory"
		// (outside check 9).
		return nil, usageError{fmt.Sprintf("-workers must be at most %d, got %d", maxConcurrency, f.workers)}
	case (f.real == "") != (len(f.priorWeight) == 0):
		return nil, usageError{"-real and -prior-weight go together"}
	}
	return &f, nil
}

// checkTrainOut refuses, before training, an -out train may not write: a
// directory promote serves (training.CheckWritable, which WriteDir checks
// again), a model there without -force, and, even with -force, a model
// promote put there (its manifest records the promotion). Such a directory
// in the files themselves is what promote wrote until 2026-12-04 and what
// a server still reads: `train -force -out models/current` replaced the
// served model, which the server's manifest watch then loaded, with no
// comparison and no promotion record (outside check 25). A promoted model
// is replaced by promote alone, which compares (or records -force's
// reason).
func checkTrainOut(out string, force bool) error {
	if err := training.CheckWritable(out); err != nil {
		return err
	}
	b, err := os.ReadFile(filepath.Join(out, classifier.ManifestFile))
	if err != nil {
		return nil // no model there (or one the write will report)
	}
	if !force {
		return fmt.Errorf("%s already holds a model; use -force to overwrite it", out)
	}
	var m struct {
		Promotion *classifier.Promotion `json:"promotion"`
	}
	if json.Unmarshal(b, &m) == nil && m.Promotion != nil {
		return fmt.Errorf("%s holds a model triagectl promote put there (promoted %s): -force does not replace a promoted model; train into another directory and promote it",
			out, m.Promotion.At.Format(time.RFC3339))
	}
	return nil
}

// runTrain is `triagectl train`.
func runTrain(ctx context.Context, e *env, args []string) error {
	f, err := parseTrainFlags(e, args)
	if err != nil {
		return err
	}
	if err := checkTrainOut(f.out, f.force); err != nil {
		return err
	}
	r, err := loadRules(f.rulesPath)
	if err != nil {
		return err
	}
	// golearn's CART allocates a fresh slice for every candidate split; with
	// the default GOGC the collector takes about half of training. A
	// short-lived command can trade memory for it (measured: 2× faster),
	// within a soft limit that keeps the heap near 1.5 GiB at 100,000 filings.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1536 << 20))
	start := time.Now()
	prog := newTrainProgress(e.stderr, f.quiet)
	defer prog.finish()

	records, info, invalid, err := readTrainingData(e, f.data, prog)
	if err != nil {
		return err
	}
	if invalid > 0 {
		e.logger.Warn("skipped lines that are not labelled filings", "lines", invalid)
	}
	cfg := training.DefaultTrainConfig()
	cfg.Seed, cfg.Holdout, cfg.Split, cfg.Version = f.seed, f.holdout, f.split, f.version
	cfg.Trees, cfg.MaxDepth, cfg.BagSize, cfg.NBFeatures, cfg.Workers = f.trees, f.maxDepth, f.bagSize, f.nbFeatures, f.workers
	cfg.OrdinaryRecall = f.ordinaryRecall
	cfg.Progress = prog.update
	// Name the first few records left out for what they say, as the
	// lines that are no labelled filing are named (readTrainingData).
	skipped := 0
	cfg.Skipped = func(id, why string) {
		if skipped++; skipped <= maxProblemsWarned {
			e.logger.Warn("skipping filing", "filing_id", id, "err", why)
		}
	}
	cfg.BaselineBlend = f.blend
	if f.real != "" {
		real, err := dataset.ReadDir(f.real)
		if err != nil {
			return err
		}
		if cfg.RealPrior, err = classifier.NewRealPrior(r, real, f.alpha, f.priorWeight); err != nil {
			return err
		}
	}
	res, err := training.Train(ctx, r, records, info, cfg)
	prog.finish()
	if err != nil {
		return err
	}
	warnDroppedLabels(e, res.Artifact.Manifest.Training.DroppedLabels, cfg)
	if err := res.Artifact.WriteDir(f.out); err != nil {
		return err
	}
	// Load what was written, exactly as the service will.
	t0 := time.Now()
	m, err := classifier.Load(f.out)
	if err != nil {
		return fmt.Errorf("written model does not load: %w", err)
	}
	loadTime := time.Since(t0)
	prov, provCounts := dataset.ProvenanceOf(records)
	writeTrainSummary(e.stdout, f, m.Manifest(), res, invalid, dataset.FormatProvenance(prov, provCounts), time.Since(start), loadTime)
	return nil
}

// warnDroppedLabels says on stderr which labels training dropped for
// having fewer than cfg.MinClassRows records, and what that means: the
// summary's "skipped rare_label=N" was all a court's data staff saw of a
// model that could no longer recommend fast-track (outside check 14).
func warnDroppedLabels(e *env, dropped map[string]int, cfg training.TrainConfig) {
	if len(dropped) == 0 {
		return
	}
	var names []string
	for p := triagev1.Procedure_PROCEDURE_SMALL_CLAIMS; p <= triagev1.Procedure_PROCEDURE_FAST_TRACK; p++ {
		if n, ok := dropped[p.String()]; ok {
			names = append(names, fmt.Sprintf("%s %d cases", procedureLabel(p.String()), n))
		}
	}
	msg := fmt.Sprintf("labels with fewer than %d cases were dropped: the model will never recommend them", cfg.MinClassRows)
	if len(cfg.BaselineBlend) > 0 || cfg.RealPrior != nil {
		msg = fmt.Sprintf("labels with fewer than %d cases were dropped: the trained model gives them no probability; only the -blend baseline or the -real prior can still recommend them", cfg.MinClassRows)
	}
	e.logger.Warn(msg, "dropped", strings.Join(names, ", "))
}

// readTrainingData reads every labelled filing of path (a file, a
// directory of *.jsonl files in name order, or - for stdin: the forms eval
// and promote -eval read, through the same openData), hashing the bytes
// for the manifest as eval's report does. Lines that are not filings are
// counted and skipped: one bad line in an export should not cost a
// retraining.
func readTrainingData(e *env, path string, prog *trainProgress) ([]*triagev1.LabeledFiling, training.DataInfo, int, error) {
	h := sha256.New()
	read := &countingWriter{}
	sink := io.MultiWriter(h, read)
	var rd evaluation.Source = dataset.NewReader(io.TeeReader(e.stdin, sink))
	size := int64(-1)
	if path != "-" {
		src, closer, err := openData(path, sink)
		if err != nil {
			return nil, training.DataInfo{}, 0, err
		}
		defer closer.Close()
		if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
		rd = src
	}
	var out []*triagev1.LabeledFiling
	invalid := 0
	for n := 0; ; n++ {
		lf, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var le *dataset.LineError
		if errors.As(err, &le) {
			if invalid < maxProblemsWarned {
				e.logger.Warn("skipping line", "err", le)
			}
			invalid++
			continue
		}
		if err != nil {
			return nil, training.DataInfo{}, 0, fmt.Errorf("read data: %w", err)
		}
		out = append(out, lf)
		if n%1024 == 0 {
			prog.update("read data (bytes)", int(read.n), int(size))
		}
	}
	prog.update("read data (bytes)", int(read.n), int(read.n))
	return out, training.DataInfo{SHA256: hex.EncodeToString(h.Sum(nil)), Records: len(out)}, invalid, nil
}

// countingWriter counts the bytes written to it: the data read so far,
// for the progress bar.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

// trainProgress shows one progress bar per training stage on a terminal;
// elsewhere (a pipe, a CI log) or with -quiet it shows nothing.
type trainProgress struct {
	mu    sync.Mutex
	w     io.Writer
	on    bool
	stage string
	bar   *progressbar.ProgressBar
}

func newTrainProgress(w io.Writer, quiet bool) *trainProgress {
	on := false
	if f, ok := w.(*os.File); ok && !quiet {
		on = term.IsTerminal(int(f.Fd()))
	}
	return &trainProgress{w: w, on: on}
}

// update is training.TrainConfig.Progress; total < 0 means unknown.
func (p *trainProgress) update(stage string, done, total int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if stage != p.stage {
		if p.bar != nil {
			p.bar.Finish()
			fmt.Fprintln(p.w)
		}
		p.stage = stage
		opts := []progressbar.Option{
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription(stage),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100 * time.Millisecond),
			progressbar.OptionShowElapsedTimeOnFinish(),
		}
		if strings.HasSuffix(stage, "(bytes)") {
			opts = append(opts, progressbar.OptionShowBytes(true))
		}
		p.bar = progressbar.NewOptions(total, opts...)
	}
	if total > 0 && p.bar.GetMax() != total {
		p.bar.ChangeMax(total)
	}
	_ = p.bar.Set(done) // rendering errors are not worth failing training for
}

func (p *trainProgress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
		fmt.Fprintln(p.w)
		p.bar, p.stage = nil, ""
	}
}

// writeTrainSummary prints what was trained and how well it did.
//
// provenance (dataset.FormatProvenance of the records' sources) labels the
// data line and the held-out figures: on synthetic records they say how well
// the trees learnt the generator, on real ones how they do for a court
// (outside check 29: a model trained on a court's export and one trained on
// gen's corpus printed the same unlabelled table).
func writeTrainSummary(w io.Writer, f *trainFlags, man classifier.Manifest, res *training.TrainResult, invalid int, provenance string, total, load time.Duration) {
	tr := man.Training
	fmt.Fprintf(w, "model %s written to %s\n", man.Version, f.out)
	fmt.Fprintf(w, "data: %d records, %s (sha256 %s), %d used, %d invalid lines", tr.Records, provenance, short(tr.SHA256), tr.Used, invalid)
	if len(tr.Skipped) > 0 {
		fmt.Fprintf(w, ", skipped %s", formatCounts(tr.Skipped))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "split: %d train, %d held out (%s, %.0f%%)\n", tr.Train, man.Holdout.Count, man.Holdout.Split, 100*man.Holdout.Fraction)
	fmt.Fprint(w, "labels:")
	names := make([]string, 0, len(tr.LabelCounts))
	for k := range tr.LabelCounts {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Fprintf(w, " %s %d (%.1f%%)", strings.TrimPrefix(k, "PROCEDURE_"), tr.LabelCounts[k], 100*float64(tr.LabelCounts[k])/float64(max(tr.Used, 1)))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "model: %d text features, %d trees, %d nodes\n", res.Selected, man.Params.Trees, res.TreeNodes)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "held-out (%s)\taccuracy\tmacro-F1\tordinary recall\n", strings.SplitN(provenance, ":", 2)[0])
	for _, row := range []struct {
		name string
		m    classifier.Metrics
	}{{"model (policy)", man.Holdout.Model}, {"model (argmax, unweighted)", man.Holdout.Argmax}, {"baseline", man.Holdout.Baseline}} {
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\n", row.name, row.m.Accuracy, row.m.MacroF1, row.m.OrdinaryRecall)
	}
	tw.Flush()
	fmt.Fprintf(w, "golearn agreement on %d held-out rows: naive Bayes %.2f%%, trees %.2f%%\n",
		man.Agreement.Rows, 100*man.Agreement.NaiveBayes, 100*man.Agreement.Trees)
	var parts []string
	for _, s := range res.Stages {
		parts = append(parts, fmt.Sprintf("%s %.1fs", s.Name, s.Duration.Seconds()))
	}
	fmt.Fprintf(w, "time: %.1fs total (%s); load %dms\n", total.Seconds(), strings.Join(parts, ", "), load.Milliseconds())
}

func short(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}

func formatCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

// parseKindWeights parses "civil=0.5,criminal=0.25" into case kind enum
// names and weights in [0, 1]. A kind given twice is refused: which of its
// weights the model would get is not what the operator can see
// (civil=0.5,civil=0.2 attached 0.2 and said nothing).
func parseKindWeights(s string) (map[string]float64, error) {
	out := map[string]float64{}
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return nil, fmt.Errorf("%q is not kind=weight", part)
		}
		ck, ok := caseKindNamed(k)
		if !ok {
			return nil, fmt.Errorf("unknown case kind %q", k)
		}
		kind := ck.String()
		w, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || !(w >= 0 && w <= 1) {
			return nil, fmt.Errorf("weight %q is not in [0, 1]", v)
		}
		if _, dup := out[kind]; dup {
			return nil, fmt.Errorf("case kind %q is given twice", strings.TrimSpace(k))
		}
		out[kind] = w
	}
	return out, nil
}
