package training

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// Split names for TrainConfig.Split.
const (
	// SplitStratified holds out the same share of every label, drawn with
	// the seed.
	SplitStratified = "stratified"
	// SplitID holds out by a hash of filing.id (internal/evaluation's
	// HeldOut rule), so `triagectl eval -holdout` and other tools see the
	// same split without the seed.
	SplitID = "id"
)

// TrainConfig tunes training. The zero value of each field means its
// default (DefaultTrainConfig).
type TrainConfig struct {
	// Seed fixes every random choice: same data and seed, same artifact.
	Seed uint64
	// Holdout is the share of records withheld for evaluation (0–0.9).
	Holdout float64
	// Split is SplitID (default) or SplitStratified.
	Split string
	// Version overrides the generated version ("nb-cart-<date>-<hash8>").
	Version string

	// Trees is the number of bagged CART trees.
	Trees int
	// MaxDepth limits each tree.
	MaxDepth int
	// BagSize is the number of rows drawn (with replacement) for each tree;
	// golearn's CART costs O(rows × distinct values) per feature and node,
	// so trees are fit on bags of this size, not on all rows.
	BagSize int
	// NBFeatures is how many hashed n-gram buckets the naive Bayes uses.
	NBFeatures int
	// NBFolds is the number of folds for out-of-fold NB features.
	NBFolds int
	// MinDF is the minimum number of training documents a bucket must
	// appear in to be selected.
	MinDF int
	// StackBins is the number of quantile bins of each NB log posterior.
	StackBins int
	// LeafSmoothing is the weight of the class prior mixed into every leaf
	// distribution (in rows).
	LeafSmoothing float64
	// OrdinaryRecall is the recall of ordinary procedure, after the triage
	// policy, that the class weights are tuned to reach on out-of-bag rows.
	OrdinaryRecall float64
	// MinClassRows: labels with fewer training rows are not modelled.
	MinClassRows int
	// Extra are records trained on in every configuration and never held
	// out, each repeated ExtraRepeat times (default 1): real filings beside
	// a generated corpus, weighted so that a few hundred count against tens
	// of thousands. They are judged by cross-validation over them
	// (`triagectl realcv`), not by the held-out split.
	Extra       []*triagev1.LabeledFiling
	ExtraRepeat int

	// RealPrior, when set, is stored in the model and mixed into its
	// probabilities (classifier/realprior.go): counts of real decisions,
	// fitted outside training (classifier.NewRealPrior) and chosen by
	// cross-validation over them.
	RealPrior *classifier.RealPrior

	// BaselineBlend is, per case kind (enum name), the weight of the cause
	// + amount baseline mixed into the model's probabilities (classifier.Model.Score),
	// after the class weights (which are tuned without it).
	BaselineBlend map[string]float64

	// Workers bounds parallelism (default GOMAXPROCS).
	Workers int
	// Now stamps the manifest (default time.Now); tests pin it.
	Now func() time.Time
	// Progress, if set, is told how far each stage is. It may be called
	// from several goroutines at once.
	Progress func(stage string, done, total int)
	// Skipped, if set, is told of each record left out after reading for
	// what it says (the rules refuse its filing, or its label is no
	// procedure of its case kind), in data order, with the filing's id and
	// why: the summary's count alone left data staff to find the lines of a
	// hand-edited export (outside check 23).
	Skipped func(filingID, why string)
}

// DefaultTrainConfig returns the defaults, measured on generated corpora
// (the classifier package documentation): they train 100,000 filings
// within a minute on two cores.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{
		Seed:           1,
		Holdout:        0.2,
		Split:          SplitID,
		Trees:          24,
		MaxDepth:       16,
		BagSize:        16000,
		NBFeatures:     2048,
		NBFolds:        3,
		MinDF:          3,
		StackBins:      24,
		LeafSmoothing:  2,
		OrdinaryRecall: 0.91,
		MinClassRows:   DefaultMinCases,
	}
}

// fill sets each unset (zero) setting to its default, then validates the
// config.
func (c *TrainConfig) fill() error {
	c.setDefaults()
	return c.validate()
}

// setDefaults sets each unset (zero) setting to DefaultTrainConfig's value;
// ExtraRepeat defaults to 1, Workers to GOMAXPROCS and Now to time.Now.
func (c *TrainConfig) setDefaults() {
	d := DefaultTrainConfig()
	set := func(p *int, v int) {
		if *p == 0 {
			*p = v
		}
	}
	set(&c.Trees, d.Trees)
	set(&c.MaxDepth, d.MaxDepth)
	set(&c.BagSize, d.BagSize)
	set(&c.NBFeatures, d.NBFeatures)
	set(&c.NBFolds, d.NBFolds)
	set(&c.MinDF, d.MinDF)
	set(&c.StackBins, d.StackBins)
	set(&c.MinClassRows, d.MinClassRows)
	set(&c.ExtraRepeat, 1)
	set(&c.Workers, runtime.GOMAXPROCS(0))
	if c.Split == "" {
		c.Split = d.Split
	}
	if c.LeafSmoothing == 0 {
		c.LeafSmoothing = d.LeafSmoothing
	}
	if c.OrdinaryRecall == 0 {
		c.OrdinaryRecall = d.OrdinaryRecall
	}
	if c.Now == nil {
		c.Now = time.Now
	}
}

// validate refuses a filled config with a setting out of its range or a
// baseline blend that is not a case kind with a weight in [0, 1].
func (c *TrainConfig) validate() error {
	switch {
	case !(c.Holdout >= 0 && c.Holdout <= 0.9):
		return fmt.Errorf("holdout %v outside 0–0.9", c.Holdout)
	case c.Split != SplitStratified && c.Split != SplitID:
		return fmt.Errorf("split %q is not %q or %q", c.Split, SplitStratified, SplitID)
	case c.Trees < 1 || c.Trees > 1000:
		return fmt.Errorf("trees %d outside 1–1000", c.Trees)
	case c.MaxDepth < 1 || c.MaxDepth > 30:
		return fmt.Errorf("max depth %d outside 1–30", c.MaxDepth)
	case c.BagSize < 10:
		return fmt.Errorf("bag size %d below 10", c.BagSize)
	case c.NBFeatures < 1 || c.NBFeatures > 65535:
		return fmt.Errorf("NB features %d outside 1–65535", c.NBFeatures)
	case c.NBFolds < 2 || c.NBFolds > 20:
		return fmt.Errorf("NB folds %d outside 2–20", c.NBFolds)
	case c.StackBins < 2 || c.StackBins > 1024:
		return fmt.Errorf("stack bins %d outside 2–1024", c.StackBins)
	case !(c.LeafSmoothing > 0):
		return fmt.Errorf("leaf smoothing %v must be positive", c.LeafSmoothing)
	case !(c.OrdinaryRecall > 0 && c.OrdinaryRecall <= 1):
		return fmt.Errorf("ordinary recall target %v outside (0, 1]", c.OrdinaryRecall)
	case c.ExtraRepeat < 1 || c.ExtraRepeat > 1000:
		return fmt.Errorf("extra repeat %d outside 1–1000", c.ExtraRepeat)
	}
	for kind, w := range c.BaselineBlend {
		if k, ok := triagev1.CaseKind_value[kind]; !ok || k == 0 || !(w >= 0 && w <= 1) {
			return fmt.Errorf("baseline blend %q: %v is not a case kind and a weight in [0, 1]", kind, w)
		}
	}
	return nil
}

// DataInfo identifies the training data for the manifest.
type DataInfo struct {
	// SHA256 is the hex SHA-256 of the data file's bytes.
	SHA256 string
	// Records is the number of records read from it.
	Records int
}

// TrainResult is what Train produces.
type TrainResult struct {
	// Artifact is ready to be written with WriteDir.
	Artifact *Artifact
	// Model is the artifact loaded back, exactly as classifier.Load would.
	Model *classifier.Model
	// Stages lists the wall time of each stage.
	Stages []Stage
	// Selected is the number of text features the NB selected.
	Selected int
	// TreeNodes is the total number of nodes over all trees.
	TreeNodes int
}

// Stage is one timed part of training.
type Stage struct {
	Name     string
	Duration time.Duration
}

// example is one usable training or held-out record.
type example struct {
	f       *triagev1.Filing
	class   int
	holdout bool
	avail   [4]uint8 // per class: availOpen, availUndetermined, availClosed, availNone
	// opts are the rules' options as the recommendation policy sees them,
	// so that tuning replays exactly what triage.Engine decides.
	opts    []triage.Option
	extra   bool                 // TrainConfig.Extra: always trained on
	base    triage.Probabilities // the baseline's probabilities, for blending
	dense   [classifier.NumDense]float64
	present []uint16 // selected NB features present, in order of first occurrence
	cause   string   // the cause token the scorer hashes (classifier.CauseName)
}

const (
	availNone uint8 = iota // not a procedure of this case kind
	availOpen
	availUndetermined
	availClosed
)

// Train fits a model on labelled filings: golearn BernoulliNB on hashed
// text n-grams (out-of-fold for the training rows), stacked with the
// structured features into bagged golearn CART trees, class weights tuned
// on out-of-bag rows for the triage policy, evaluated on the held-out split
// through triage.Engine. The classifier package documentation has the
// design and its reasons.
func Train(ctx context.Context, eng *rules.Engine, data []*triagev1.LabeledFiling, info DataInfo, cfg TrainConfig) (*TrainResult, error) {
	if eng == nil {
		return nil, errors.New("train: no rules engine")
	}
	if err := cfg.fill(); err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	t := &trainer{ctx: ctx, eng: eng, cfg: cfg, info: info, res: &TrainResult{}, skipped: map[string]int{}}
	if len(cfg.Extra) > 0 {
		if t.info.Records == 0 {
			t.info.Records = len(data)
		}
		t.extra = map[*triagev1.LabeledFiling]bool{}
		all := slices.Clip(data)
		for _, lf := range cfg.Extra {
			t.extra[lf] = true
			for range cfg.ExtraRepeat {
				all = append(all, lf)
			}
		}
		data = all
	}
	if err := t.run(data); err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	return t.res, nil
}

type trainer struct {
	ctx     context.Context
	eng     *rules.Engine
	cfg     TrainConfig
	info    DataInfo
	res     *TrainResult
	ext     *classifier.Extractor
	skipped map[string]int
	dropped map[string]int                   // labels with fewer than MinClassRows records: their counts
	extra   map[*triagev1.LabeledFiling]bool // TrainConfig.Extra
	classes []triagev1.Procedure
	names   []string
	ex      []example
	train   []int // indices into ex
	hold    []int
	stageT0 time.Time
}

func (t *trainer) stage(name string) {
	now := time.Now()
	if !t.stageT0.IsZero() && len(t.res.Stages) > 0 {
		t.res.Stages[len(t.res.Stages)-1].Duration = now.Sub(t.stageT0)
	}
	t.stageT0 = now
	if name != "" {
		t.res.Stages = append(t.res.Stages, Stage{Name: name})
	}
}

func (t *trainer) progress(stage string, done, total int) {
	if t.cfg.Progress != nil {
		t.cfg.Progress(stage, done, total)
	}
}

// parallel runs fn(i) for i in [0, n) on the configured workers; the first
// error (or cancellation) stops the rest.
func (t *trainer) parallel(stage string, n int, fn func(worker, i int) error) error {
	var next, done atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	workers := min(t.cfg.Workers, max(n, 1))
	t.progress(stage, 0, n)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := t.ctx.Err(); err != nil {
					once.Do(func() { firstErr = err })
					return
				}
				if err := fn(w, i); err != nil {
					once.Do(func() { firstErr = err })
					next.Store(int64(n))
					return
				}
				d := int(done.Add(1))
				if n <= 1024 || d%256 == 0 || d == n {
					t.progress(stage, d, n)
				}
			}
		}()
	}
	wg.Wait()
	return firstErr
}

func (t *trainer) run(data []*triagev1.LabeledFiling) error {
	ext, err := classifier.NewExtractor(classifier.DefaultFeatureConfig())
	if err != nil {
		return err
	}
	t.ext = ext

	t.stage("prepare")
	if err := t.prepare(data); err != nil {
		return err
	}
	t.stage("select text features")
	buckets, err := t.selectBuckets()
	if err != nil {
		return err
	}
	t.res.Selected = len(buckets)
	t.stage("naive Bayes (golearn)")
	nb, oof, final, err := t.fitNaiveBayes(buckets)
	if err != nil {
		return err
	}
	t.stage("stack features")
	edges := t.stackEdges(oof)
	X := make([][]float64, len(t.ex))
	nFeat := classifier.NumDense + len(t.classes)
	for i := range t.ex {
		x := make([]float64, nFeat)
		copy(x, t.ex[i].dense[:])
		X[i] = x
	}
	for k, i := range t.train {
		for c := range t.classes {
			X[i][classifier.NumDense+c] = float64(classifier.StackBin(oof[k][c], edges[c]))
		}
	}
	holdLP, err := t.nbLogPosteriors(&final, buckets, t.hold)
	if err != nil {
		return err
	}
	for k, i := range t.hold {
		for c := range t.classes {
			X[i][classifier.NumDense+c] = float64(classifier.StackBin(holdLP[k][c], edges[c]))
		}
	}

	t.stage("trees (golearn CART)")
	forest, tfiles, oob, err := t.fitTrees(X)
	if err != nil {
		return err
	}
	for _, tf := range tfiles {
		t.res.TreeNodes += len(tf.Feature)
	}

	t.stage("tune class weights")
	weights := t.tuneWeights(oob)

	t.stage("assemble artifact")
	man := classifier.Manifest{
		Format:            classifier.ManifestFormat,
		Kind:              classifier.ModelKind,
		Version:           t.cfg.Version,
		Created:           t.cfg.Now().UTC().Truncate(time.Second),
		Golearn:           golearnVersion(),
		FeatureConfigHash: t.ext.Config().Hash(),
		Training:          t.trainingInfo(),
		Params: classifier.TrainParams{
			Seed: t.cfg.Seed, Trees: t.cfg.Trees, MaxDepth: t.cfg.MaxDepth, BagSize: t.cfg.BagSize,
			NBFeatures: t.cfg.NBFeatures, NBFolds: t.cfg.NBFolds, MinDF: t.cfg.MinDF, StackBins: t.cfg.StackBins,
			LeafSmoothing: t.cfg.LeafSmoothing, OrdinaryRecall: t.cfg.OrdinaryRecall,
			OrdinaryMargin: triage.DefaultPolicy.OrdinaryMargin, MinClassRows: t.cfg.MinClassRows,
			BaselineBlend: t.blends(),
		},
		Holdout: classifier.HoldoutInfo{Fraction: t.cfg.Holdout, Split: t.cfg.Split, Count: len(t.hold)},
	}
	final.Buckets = buckets
	art := &Artifact{Artifact: classifier.Artifact{
		Manifest: man,
		Features: t.ext.Config(),
		Params: classifier.Params{
			Format:            classifier.ModelFormat,
			Kind:              classifier.ModelKind,
			FeatureConfigHash: man.FeatureConfigHash,
			Classes:           t.names,
			NaiveBayes:        final,
			StackEdges:        edges,
			Trees:             tfiles,
			ClassWeights:      weights,
			TreeFeatures:      classifier.TreeFeatureNames(t.classes),
			Smoothing:         t.cfg.LeafSmoothing,
			BaselineBlend:     t.blends(),
			Domain:            classifier.NewDomain(t.eng, t.filings(t.train)),
			RealPrior:         t.cfg.RealPrior,
		},
	}}
	// Encode and load the model exactly as classifier.Load will, evaluate that, then
	// encode again with the metrics in the manifest.
	if err := art.encode(); err != nil {
		return err
	}
	probe, err := art.load()
	if err != nil {
		return fmt.Errorf("trained model does not load: %w", err)
	}

	t.stage("evaluate held-out")
	if err := t.evaluate(probe, &art.Manifest.Holdout); err != nil {
		return err
	}
	t.stage("golearn agreement")
	agr, err := t.agreement(probe, nb, forest, X)
	if err != nil {
		return err
	}
	art.Manifest.Agreement = agr
	if len(t.hold) > 0 && (agr.NaiveBayes < minAgreement || agr.Trees < minAgreement) {
		return fmt.Errorf("flat scorer disagrees with golearn's Predict (NB %.4f, trees %.4f, want ≥ %.3f): export bug", agr.NaiveBayes, agr.Trees, minAgreement)
	}

	t.stage("encode")
	art.Manifest.Version = t.cfg.Version
	if err := art.encode(); err != nil {
		return err
	}
	m, err := art.load()
	if err != nil {
		return fmt.Errorf("trained model does not load: %w", err)
	}
	t.res.Artifact, t.res.Model = art, m
	t.stage("")
	return nil
}

// minAgreement is the least share of held-out predictions on which the
// flat scorer must match golearn's own Predict (package documentation).
const minAgreement = 0.995

// filings returns the filings of the examples at idx.
func (t *trainer) filings(idx []int) []*triagev1.Filing {
	out := make([]*triagev1.Filing, len(idx))
	for k, i := range idx {
		out[k] = t.ex[i].f
	}
	return out
}

func (t *trainer) trainingInfo() classifier.TrainingInfo {
	ti := classifier.TrainingInfo{
		SHA256: t.info.SHA256, Records: t.info.Records, Used: len(t.ex), Train: len(t.train),
		LabelCounts: map[string]int{}, LabelCountsByKind: map[string]map[string]int{},
	}
	if len(t.skipped) > 0 {
		ti.Skipped = t.skipped
	}
	ti.DroppedLabels = t.dropped
	if rp := t.cfg.RealPrior; rp != nil {
		for k, c := range rp.Counts {
			if k == triagev1.CaseKind_CASE_KIND_CIVIL.String() || k == triagev1.CaseKind_CASE_KIND_CRIMINAL.String() || k == triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE.String() {
				for _, v := range c {
					ti.RealPriorFilings += int(v)
				}
			}
		}
	}
	if n := len(t.cfg.Extra); n > 0 {
		ti.Extra, ti.ExtraRepeat = n, t.cfg.ExtraRepeat
		h := sha256.New()
		for _, lf := range t.cfg.Extra {
			h.Write([]byte(lf.GetFiling().GetId()))
			h.Write([]byte{'\n'})
		}
		ti.ExtraSHA256 = hex.EncodeToString(h.Sum(nil))
	}
	for _, e := range t.ex {
		ti.LabelCounts[t.names[e.class]]++
		k := e.f.GetCaseKind().String()
		if ti.LabelCountsByKind[k] == nil {
			ti.LabelCountsByKind[k] = map[string]int{}
		}
		ti.LabelCountsByKind[k][t.names[e.class]]++
	}
	return ti
}

// describeLabelCounts says, for data staff, how many records each label
// has, in procedure order, each procedure named as courts name it with its
// enum name ("简易程序 (SIMPLIFIED) 12"), records without a label last. It
// printed Go's map syntax, "have map[]" for an empty export and
// "map[PROCEDURE_ORDINARY:30 PROCEDURE_UNSPECIFIED:4]" (outside check 18).
func describeLabelCounts(count map[triagev1.Procedure]int) string {
	var parts []string
	for p := triagev1.Procedure_PROCEDURE_SMALL_CLAIMS; p <= triagev1.Procedure_PROCEDURE_FAST_TRACK; p++ {
		if n := count[p]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s (%s) %d", rules.ProcedureName(p), strings.TrimPrefix(p.String(), "PROCEDURE_"), n))
		}
	}
	if n := count[triagev1.Procedure_PROCEDURE_UNSPECIFIED]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d without a label", n))
	}
	if len(parts) == 0 {
		return "no labelled record"
	}
	return strings.Join(parts, ", ")
}

// prepare checks labels, evaluates every filing with the rules, splits,
// and extracts the dense features.
func (t *trainer) prepare(data []*triagev1.LabeledFiling) error {
	if t.info.Records == 0 {
		t.info.Records = len(data)
	}
	// Classes: the labelled procedures with enough rows, in procedure order.
	count := map[triagev1.Procedure]int{}
	for _, lf := range data {
		count[lf.GetLabel()]++
	}
	for p := triagev1.Procedure_PROCEDURE_SMALL_CLAIMS; p <= triagev1.Procedure_PROCEDURE_FAST_TRACK; p++ {
		switch {
		case count[p] >= t.cfg.MinClassRows:
			t.classes = append(t.classes, p)
			t.names = append(t.names, p.String())
		case count[p] > 0:
			// Not modelled: the model gives it no probability. Recorded,
			// because a court's export short of fast-track cases trained a
			// model that never recommended fast-track and said so only as
			// a count of skipped rows (outside check 14).
			if t.dropped == nil {
				t.dropped = map[string]int{}
			}
			t.dropped[p.String()] = count[p]
		}
	}
	if len(t.classes) < 2 {
		return fmt.Errorf("need at least two labels with %d or more records each; have %s", t.cfg.MinClassRows, describeLabelCounts(count))
	}
	classOf := map[triagev1.Procedure]int{}
	for c, p := range t.classes {
		classOf[p] = c
	}
	type cand struct {
		lf    *triagev1.LabeledFiling
		class int
	}
	var cands []cand
	for _, lf := range data {
		c, ok := classOf[lf.GetLabel()]
		switch {
		case lf.GetLabel() == triagev1.Procedure_PROCEDURE_UNSPECIFIED:
			t.skipped["unlabeled"]++
		case !ok:
			t.skipped["rare_label"]++
		case lf.GetFiling() == nil:
			t.skipped["no_filing"]++
		default:
			cands = append(cands, cand{lf, c})
		}
	}
	ex := make([]example, len(cands))
	bad := make([]string, len(cands))
	why := make([]string, len(cands))
	err := t.parallel("rules + features", len(cands), func(_, i int) error {
		f := cands[i].lf.GetFiling()
		a, err := t.eng.Evaluate(f)
		if err != nil {
			bad[i], why[i] = "rejected_by_rules", err.Error()
			return nil
		}
		e := &ex[i]
		e.f, e.class, e.extra = f, cands[i].class, t.extra[cands[i].lf]
		e.cause = classifier.CauseName(f, a)
		e.opts = triage.OptionsOf(a.Options, nil)
		classifier.Baseline{}.Score(f, a, &e.base)
		for c, p := range t.classes {
			e.avail[c] = availNone
			if o := a.Option(p); o != nil {
				switch o.GetAvailability() {
				case triagev1.Availability_AVAILABILITY_AVAILABLE:
					e.avail[c] = availOpen
				case triagev1.Availability_AVAILABILITY_UNDETERMINED:
					e.avail[c] = availUndetermined
				default:
					e.avail[c] = availClosed
				}
			}
		}
		if e.avail[e.class] == availNone {
			bad[i] = "label_not_a_procedure_of_case_kind"
			why[i] = fmt.Sprintf("label %s is not a procedure of %s", cands[i].lf.GetLabel(), f.GetCaseKind())
			return nil
		}
		var d [classifier.NumDense]float64
		t.ext.Dense(f, a, &d)
		e.dense = d
		return nil
	})
	if err != nil {
		return err
	}
	for i := range ex {
		if bad[i] != "" {
			t.skipped[bad[i]]++
			if t.cfg.Skipped != nil {
				t.cfg.Skipped(cands[i].lf.GetFiling().GetId(), why[i])
			}
			continue
		}
		t.ex = append(t.ex, ex[i])
	}
	t.split()
	if len(t.train) < 2*t.cfg.NBFolds {
		return fmt.Errorf("only %d training records", len(t.train))
	}
	for c := range t.classes {
		n := 0
		for _, i := range t.train {
			if t.ex[i].class == c {
				n++
			}
		}
		if n < t.cfg.NBFolds+1 {
			return fmt.Errorf("label %s has %d training records, need %d", t.names[c], n, t.cfg.NBFolds+1)
		}
	}
	return nil
}

// split marks the held-out records.
func (t *trainer) split() {
	switch t.cfg.Split {
	case SplitID:
		cut := uint64(math.Round(t.cfg.Holdout * 1000))
		for i := range t.ex {
			h := fnv.New64a()
			h.Write([]byte(t.ex[i].f.GetId()))
			t.ex[i].holdout = h.Sum64()%1000 < cut
		}
	default:
		// Stratified: within each label, a seeded shuffle and the first
		// round(share × n) records.
		r := rand.New(rand.NewPCG(t.cfg.Seed, 0x5711))
		for c := range t.classes {
			var idx []int
			for i := range t.ex {
				if t.ex[i].class == c {
					idx = append(idx, i)
				}
			}
			r.Shuffle(len(idx), func(a, b int) { idx[a], idx[b] = idx[b], idx[a] })
			k := int(math.Round(t.cfg.Holdout * float64(len(idx))))
			for _, i := range idx[:k] {
				t.ex[i].holdout = true
			}
		}
	}
	for i := range t.ex {
		if t.ex[i].extra {
			t.ex[i].holdout = false
		}
		if t.ex[i].holdout {
			t.hold = append(t.hold, i)
		} else {
			t.train = append(t.train, i)
		}
	}
}

// selectBuckets picks the NBFeatures buckets with the highest χ² against
// the label among those in at least MinDF training documents (ties to the
// lower bucket), counting on the training split only.
func (t *trainer) selectBuckets() ([]uint32, error) {
	B := t.ext.Buckets()
	C := len(t.classes)
	workers := t.cfg.Workers
	df := make([][]int32, workers) // per worker: [bucket*C + c]
	vecs := make([]*classifier.Vector, workers)
	for w := range df {
		df[w] = make([]int32, B*C)
		vecs[w] = t.ext.NewVector()
	}
	err := t.parallel("count n-grams", len(t.train), func(w, k int) error {
		e := &t.ex[t.train[k]]
		t.ext.ExtractText(e.f, e.cause, vecs[w])
		for _, b := range vecs[w].Buckets {
			df[w][int(b)*C+e.class]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	total := df[0]
	for w := 1; w < workers; w++ {
		for j, v := range df[w] {
			total[j] += v
		}
	}
	nc := make([]float64, C)
	for _, i := range t.train {
		nc[t.ex[i].class]++
	}
	N := float64(len(t.train))
	type scored struct {
		b     uint32
		score float64
	}
	var cands []scored
	for b := 0; b < B; b++ {
		row := total[b*C : b*C+C]
		var d float64
		for _, v := range row {
			d += float64(v)
		}
		if d < float64(t.cfg.MinDF) || d >= N {
			continue
		}
		// χ² of the 2×C table (present/absent × class).
		var chi float64
		for c := 0; c < C; c++ {
			o := float64(row[c])
			e := nc[c] * d / N
			ea := nc[c] - e
			chi += (o-e)*(o-e)/e + (o-e)*(o-e)/ea
		}
		if !math.IsNaN(chi) && !math.IsInf(chi, 0) {
			cands = append(cands, scored{uint32(b), chi})
		}
	}
	slices.SortFunc(cands, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.b, b.b)
	})
	if len(cands) > t.cfg.NBFeatures {
		cands = cands[:t.cfg.NBFeatures]
	}
	if len(cands) == 0 {
		return nil, errors.New("no text n-gram occurs in enough training documents")
	}
	out := make([]uint32, len(cands))
	for i, s := range cands {
		out[i] = s.b
	}
	slices.Sort(out)
	// Record each example's selected features.
	pos := make(map[uint32]uint16, len(out))
	for j, b := range out {
		pos[b] = uint16(j)
	}
	err = t.parallel("select n-grams", len(t.ex), func(w, i int) error {
		e := &t.ex[i]
		t.ext.ExtractText(e.f, e.cause, vecs[w])
		// In order of first occurrence, as the scorer's filtered extraction
		// lists them: NB sums then run in the same order at training and
		// at serving, so both build bit-identical tree inputs.
		e.present = e.present[:0]
		for _, b := range vecs[w].Buckets {
			if j, ok := pos[b]; ok {
				e.present = append(e.present, j)
			}
		}
		return nil
	})
	return out, err
}

// fitNaiveBayes fits golearn's BernoulliNB on NBFolds folds of the training
// rows (for out-of-fold log posteriors, so the trees learn how much to trust
// the text on text they have not seen) and on all training rows (the NB the
// model keeps). oof[k] belongs to t.train[k].
func (t *trainer) fitNaiveBayes(buckets []uint32) (finalNB nbModel, oof [][]float64, final classifier.NBParams, err error) {
	K := len(buckets)
	F := t.cfg.NBFolds
	fold := make([]int, len(t.train))
	r := rand.New(rand.NewPCG(t.cfg.Seed, 0xf01d))
	for c := range t.classes {
		var ks []int
		for k, i := range t.train {
			if t.ex[i].class == c {
				ks = append(ks, k)
			}
		}
		r.Shuffle(len(ks), func(a, b int) { ks[a], ks[b] = ks[b], ks[a] })
		for j, k := range ks {
			fold[k] = j % F
		}
	}
	params := make([]classifier.NBParams, F+1)
	models := make([]nbModel, F+1)
	err = t.parallel("naive Bayes folds", F+1, func(_, fi int) error {
		var present [][]uint16
		var class []int
		for k, i := range t.train {
			if fi < F && fold[k] == fi {
				continue
			}
			present = append(present, t.ex[i].present)
			class = append(class, t.ex[i].class)
		}
		nb, p, err := fitNB(K, t.names, present, class)
		if err != nil {
			return err
		}
		p.Buckets = buckets
		params[fi], models[fi] = p, nbModel{nb}
		return nil
	})
	if err != nil {
		return nbModel{}, nil, classifier.NBParams{}, err
	}
	oof = make([][]float64, len(t.train))
	for fi := 0; fi < F; fi++ {
		var ks, idx []int
		for k, i := range t.train {
			if fold[k] == fi {
				ks = append(ks, k)
				idx = append(idx, i)
			}
		}
		lp, err := t.nbLogPosteriors(&params[fi], buckets, idx)
		if err != nil {
			return nbModel{}, nil, classifier.NBParams{}, err
		}
		for j, k := range ks {
			oof[k] = lp[j]
		}
	}
	return models[F], oof, params[F], nil
}

// nbLogPosteriors scores rows with NB parameters through the flat scorer's
// own code (the same arithmetic that will serve requests).
func (t *trainer) nbLogPosteriors(p *classifier.NBParams, buckets []uint32, rows []int) ([][]float64, error) {
	p.Buckets = buckets
	present := make([][]uint16, len(rows))
	for k, i := range rows {
		present[k] = t.ex[i].present
	}
	out, err := classifier.NBLogPosteriors(p, t.ext.Buckets(), present)
	if err != nil {
		return nil, fmt.Errorf("golearn BernoulliNB: %w", err)
	}
	return out, nil
}

// stackEdges returns, per class, up to StackBins−1 distinct quantiles of the
// out-of-fold log posteriors: the bin edges of the stacked features.
func (t *trainer) stackEdges(oof [][]float64) [][]float64 {
	edges := make([][]float64, len(t.classes))
	vals := make([]float64, len(oof))
	for c := range t.classes {
		for k := range oof {
			vals[k] = oof[k][c]
		}
		slices.Sort(vals)
		var e []float64
		for q := 1; q < t.cfg.StackBins; q++ {
			v := vals[min(len(vals)-1, q*len(vals)/t.cfg.StackBins)]
			if len(e) == 0 || v > e[len(e)-1] {
				e = append(e, v)
			}
		}
		edges[c] = e
	}
	return edges
}

// blends is the non-zero part of the configured baseline blend, nil when
// there is none (the artifact of a model without blend stays as it was).
func (t *trainer) blends() map[string]float64 {
	var out map[string]float64
	for k, w := range t.cfg.BaselineBlend {
		if w > 0 {
			if out == nil {
				out = map[string]float64{}
			}
			out[k] = w
		}
	}
	return out
}
