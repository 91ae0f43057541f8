package classifier

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"strings"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier/scoring"
)

// Artifact file names inside a model directory.
const (
	ManifestFile = "manifest.json"
	FeaturesFile = "features.json"
	ModelFile    = "model.json.gz"
)

// Format versions. A loader refuses any other: silently reading a newer
// layout with old code is how a model scores garbage.
const (
	ManifestFormat = 1
	ModelFormat    = 1
)

// ModelKind names the model family in manifests and versions.
const ModelKind = "nb-cart"

// Size limits when loading: far above a real artifact (a few MB) and low
// enough that a hostile file cannot exhaust memory.
const (
	maxManifestBytes = 1 << 20
	maxFileBytes     = 64 << 20
	maxModelJSON     = 256 << 20
)

// Errors a load can fail with, wrapped with the file and the detail; match
// them with errors.Is.
var (
	ErrMissingFile     = errors.New("missing file")
	ErrChecksum        = errors.New("checksum mismatch")
	ErrFormat          = errors.New("unsupported format")
	ErrFeatureMismatch = errors.New("feature configuration mismatch")
	ErrInvalid         = errors.New("invalid artifact")
)

// Manifest describes a model artifact: what it is, what it was trained on,
// how well it did on its held-out split and the checksums of its files.
type Manifest struct {
	Format            int               `json:"format"`
	Kind              string            `json:"kind"`
	Version           string            `json:"version"`
	Created           time.Time         `json:"created"`
	Golearn           string            `json:"golearn_version"`
	FeatureConfigHash string            `json:"feature_config_hash"`
	Files             map[string]string `json:"files"` // name → hex SHA-256
	Training          TrainingInfo      `json:"training"`
	Params            TrainParams       `json:"params"`
	Holdout           HoldoutInfo       `json:"holdout"`
	Agreement         Agreement         `json:"golearn_agreement"`
	// Adjusted, when set, says what was attached to the trained model
	// after training; Holdout stays the trained model's.
	Adjusted *Adjustment `json:"adjusted,omitempty"`
	// Promotion, when set, is the evidence triagectl promote compared the
	// model with the one it replaced, and who forced it past a refusal.
	Promotion *Promotion `json:"promotion,omitempty"`
}

// TrainingInfo describes the training data.
type TrainingInfo struct {
	// SHA256 is the hex SHA-256 of the training file's bytes.
	SHA256 string `json:"sha256"`
	// Records is the number of records read; Used of them trained or
	// evaluated the model, the rest are counted in Skipped by reason.
	Records int            `json:"records"`
	Used    int            `json:"used"`
	Skipped map[string]int `json:"skipped,omitempty"`
	// DroppedLabels counts, per procedure (enum name), the records of each
	// label with fewer than Params.MinClassRows of them: not modelled, so
	// the model gives it no probability and never recommends it (a baseline
	// blend or real prior may still). Their records are in Skipped
	// ("rare_label").
	DroppedLabels map[string]int `json:"dropped_labels,omitempty"`
	LabelCounts   map[string]int `json:"label_counts"`
	// LabelCountsByKind splits LabelCounts by case kind: the "always the
	// most common procedure" reference (Majority) is the kind's most common
	// training label.
	LabelCountsByKind map[string]map[string]int `json:"label_counts_by_kind,omitempty"`
	// Train is the number of records the model was fit on.
	Train int `json:"train"`
	// Extra counts the records trained on beside the data file (real
	// filings), each ExtraRepeat times; ExtraSHA256 is the SHA-256 of their
	// ids in order, which identifies them without copying their content.
	Extra       int    `json:"extra,omitempty"`
	ExtraRepeat int    `json:"extra_repeat,omitempty"`
	ExtraSHA256 string `json:"extra_ids_sha256,omitempty"`
	// RealPriorFilings counts the real filings the model's real prior was
	// counted from (0: none).
	RealPriorFilings int `json:"real_prior_filings,omitempty"`
}

// HoldoutInfo is the held-out split and the metrics on it.
type HoldoutInfo struct {
	Fraction float64 `json:"fraction"`
	Split    string  `json:"split"`
	Count    int     `json:"count"`
	// Model is the final recommendation (rules + model + triage policy).
	Model Metrics `json:"model"`
	// Argmax is the model's own most probable open procedure before the
	// tuned class weights and the policy: the quality of its probabilities,
	// comparable with a plain classifier's (e.g. the scikit-learn reference).
	Argmax Metrics `json:"argmax_unweighted"`
	// Baseline is the cause + amount baseline through the same policy.
	Baseline Metrics `json:"baseline"`
}

// TrainParams records the training configuration in the manifest.
type TrainParams struct {
	Seed           uint64  `json:"seed"`
	Trees          int     `json:"trees"`
	MaxDepth       int     `json:"max_depth"`
	BagSize        int     `json:"bag_size"`
	NBFeatures     int     `json:"nb_features"`
	NBFolds        int     `json:"nb_folds"`
	MinDF          int     `json:"min_df"`
	StackBins      int     `json:"stack_bins"`
	LeafSmoothing  float64 `json:"leaf_smoothing"`
	OrdinaryRecall float64 `json:"ordinary_recall_target"`
	OrdinaryMargin float64 `json:"policy_ordinary_margin"`
	MinClassRows   int     `json:"min_class_rows"`
	// BaselineBlend is the baseline blend training was configured with
	// (training.TrainConfig.BaselineBlend).
	BaselineBlend map[string]float64 `json:"baseline_blend,omitempty"`
}

// Metrics are the held-out measures recorded in a manifest: the scores of
// package scoring that describe a model's recommendations (no confusion
// matrix), with the number of cases.
type Metrics struct {
	Count          int            `json:"count"`
	Accuracy       float64        `json:"accuracy"`
	MacroF1        float64        `json:"macro_f1"`
	OrdinaryRecall float64        `json:"ordinary_recall"`
	PerClass       []ClassMetrics `json:"per_class"`
}

// ClassMetrics are one procedure's precision, recall and F1.
type ClassMetrics = scoring.ClassMetrics

// Agreement is the share of held-out rows on which the flat scorer and
// golearn's own Predict agree, per component.
type Agreement struct {
	Rows       int     `json:"rows"`
	NaiveBayes float64 `json:"naive_bayes"`
	Trees      float64 `json:"trees"`
}

// Params is the flat model as model.json.gz stores it: golearn's learned
// parameters as plain arrays. Training (internal/training) fills it; LoadFS
// validates it and builds the scorer from it.
type Params struct {
	Format            int          `json:"format"`
	Kind              string       `json:"kind"`
	FeatureConfigHash string       `json:"feature_config_hash"`
	Classes           []string     `json:"classes"`
	NaiveBayes        NBParams     `json:"naive_bayes"`
	StackEdges        [][]float64  `json:"stack_edges"`
	Trees             []TreeParams `json:"trees"`
	ClassWeights      []float64    `json:"class_weights"`
	TreeFeatures      []string     `json:"tree_features"`
	Smoothing         float64      `json:"leaf_smoothing"`
	// BaselineBlend is, per case kind (enum name), the weight of the cause
	// + amount baseline's probabilities mixed into the model's: where the
	// model generalises worse to real filings than the baseline, the blend
	// decided by measurement on them says so (Model.Score).
	BaselineBlend map[string]float64 `json:"baseline_blend,omitempty"`
	// Domain is what the training data looked like (domain.go); a model
	// without one never reports a filing out of distribution.
	Domain *Domain `json:"domain,omitempty"`
	// RealPrior holds counts of real decisions mixed into the probabilities
	// (realprior.go); nil for a model trained on generated data alone.
	RealPrior *RealPrior `json:"real_prior,omitempty"`
}

// NBParams holds golearn BernoulliNB's parameters exactly as it computed them
// (condProb[c][f] = (docs with f in c + 1)/(docs in c + 1)) and the hashed
// n-gram buckets they belong to.
type NBParams struct {
	Buckets           []uint32    `json:"buckets"`
	ClassInstances    []int       `json:"class_instances"`
	TrainingInstances int         `json:"training_instances"`
	CondProb          [][]float64 `json:"cond_prob"` // [class][feature]
}

// TreeParams is one CART tree in preorder: node i's children have larger
// indices; a leaf has feature −1, golearn's label and a class distribution.
type TreeParams struct {
	Feature   []int32     `json:"feature"` // −1 = leaf
	Threshold []float64   `json:"threshold"`
	Left      []int32     `json:"left"`
	Right     []int32     `json:"right"`
	Label     []int32     `json:"label"` // golearn's leaf label
	Dist      [][]float64 `json:"dist"`  // leaf class distribution; empty for inner nodes
}

// Artifact is a model directory's content, decoded and verified
// (DecodeArtifact). Training builds one and writes it (internal/training);
// the server only ever loads one into a Model.
type Artifact struct {
	Manifest Manifest
	Features FeatureConfig
	Params   Params
}

// FileChecksum is the checksum a manifest records for each file: hex
// SHA-256 of its bytes.
func FileChecksum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// Encode returns features.json's content for the configuration: the bytes
// Hash hashes and the manifest's checksum covers.
func (c FeatureConfig) Encode() ([]byte, error) { return c.marshal() }

// Load reads and verifies the model dir serves (ReadDir: a promoted
// directory's current version, or the files in dir), as LoadFS does.
func Load(dir string) (*Model, error) {
	_, art, err := ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("load model %s: %w", dir, err)
	}
	m, err := art.guardedModel()
	if err != nil {
		return nil, fmt.Errorf("load model %s: %w", dir, err)
	}
	return m, nil
}

// LoadFS reads and verifies a model artifact at the root of fsys: the
// manifest's format, every file's checksum, the feature configuration
// against this build and its hash against the manifest and the model, and
// the model's internal consistency (every index in range, every number
// finite). Any problem is an error naming the file; nothing panics.
func LoadFS(fsys fs.FS) (*Model, error) {
	_, art, err := readArtifact(fsys)
	if err != nil {
		return nil, err
	}
	return art.guardedModel()
}

// guardedModel is Model with a panic turned into an error (guard).
func (a *Artifact) guardedModel() (m *Model, err error) {
	err = guard(func() error {
		m, err = a.Model()
		return err
	})
	return m, err
}

func readLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", name, ErrMissingFile)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: %w: larger than %d bytes", name, ErrInvalid, limit)
	}
	return b, nil
}

// DecodeArtifact verifies and parses an artifact's files (by name, as
// ReadArtifactFiles returns them): formats, checksums and the feature
// configuration. Artifact.Model checks the parameters themselves.
func DecodeArtifact(files map[string][]byte) (*Artifact, error) {
	a := &Artifact{}
	if err := json.Unmarshal(files[ManifestFile], &a.Manifest); err != nil {
		return nil, fmt.Errorf("%s: %w: %w", ManifestFile, ErrInvalid, err)
	}
	man := &a.Manifest
	switch {
	case man.Format != ManifestFormat:
		return nil, fmt.Errorf("%s: %w: manifest format %d, this build reads %d", ManifestFile, ErrFormat, man.Format, ManifestFormat)
	case man.Kind != ModelKind:
		return nil, fmt.Errorf("%s: %w: model kind %q, this build reads %q", ManifestFile, ErrFormat, man.Kind, ModelKind)
	case strings.TrimSpace(man.Version) == "":
		return nil, fmt.Errorf("%s: %w: no version", ManifestFile, ErrInvalid)
	}
	for _, name := range []string{FeaturesFile, ModelFile} {
		want, ok := man.Files[name]
		if !ok {
			return nil, fmt.Errorf("%s: %w: no checksum for %s", ManifestFile, ErrInvalid, name)
		}
		if got := FileChecksum(files[name]); got != want {
			return nil, fmt.Errorf("%s: %w: sha256 %s, manifest says %s", name, ErrChecksum, got, want)
		}
	}

	if err := json.Unmarshal(files[FeaturesFile], &a.Features); err != nil {
		return nil, fmt.Errorf("%s: %w: %w", FeaturesFile, ErrInvalid, err)
	}
	if err := a.Features.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w: %w", FeaturesFile, ErrFeatureMismatch, err)
	}
	fh := a.Features.Hash()
	if fh != man.FeatureConfigHash {
		return nil, fmt.Errorf("%s: %w: hash %s, manifest says %s", FeaturesFile, ErrFeatureMismatch, fh, man.FeatureConfigHash)
	}

	zr, err := gzip.NewReader(bytes.NewReader(files[ModelFile]))
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %w", ModelFile, ErrInvalid, err)
	}
	raw, err := io.ReadAll(io.LimitReader(zr, maxModelJSON+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %w", ModelFile, ErrInvalid, err)
	}
	if len(raw) > maxModelJSON {
		return nil, fmt.Errorf("%s: %w: decompresses to more than %d bytes", ModelFile, ErrInvalid, maxModelJSON)
	}
	if err := json.Unmarshal(raw, &a.Params); err != nil {
		return nil, fmt.Errorf("%s: %w: %w", ModelFile, ErrInvalid, err)
	}
	switch {
	case a.Params.Format != ModelFormat:
		return nil, fmt.Errorf("%s: %w: model format %d, this build reads %d", ModelFile, ErrFormat, a.Params.Format, ModelFormat)
	case a.Params.Kind != ModelKind:
		return nil, fmt.Errorf("%s: %w: model kind %q, this build reads %q", ModelFile, ErrFormat, a.Params.Kind, ModelKind)
	case a.Params.FeatureConfigHash != fh:
		return nil, fmt.Errorf("%s: %w: trained with feature config %s, artifact has %s", ModelFile, ErrFeatureMismatch, a.Params.FeatureConfigHash, fh)
	}
	return a, nil
}

// Model validates the flat parameters and builds the scorer from them.
func (a *Artifact) Model() (*Model, error) {
	mf := &a.Params
	ext, err := NewExtractor(a.Features)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %w", FeaturesFile, ErrFeatureMismatch, err)
	}
	m := &Model{version: a.Manifest.Version, manifest: a.Manifest, ext: ext}
	if err := m.loadClasses(mf.Classes); err != nil {
		return nil, err
	}
	if want := TreeFeatureNames(m.classes); !slices.Equal(mf.TreeFeatures, want) {
		return nil, fmt.Errorf("%s: %w: tree feature list differs from this build's", ModelFile, ErrFeatureMismatch)
	}
	if err := m.loadNB(&mf.NaiveBayes, ext.Buckets()); err != nil {
		return nil, invalidModel("naive_bayes: %v", err)
	}
	if err := m.loadStack(mf.StackEdges, mf.ClassWeights); err != nil {
		return nil, err
	}
	m.domain = mf.Domain
	if mf.RealPrior != nil {
		if err := mf.RealPrior.validate(); err != nil {
			return nil, invalidModel("%v", err)
		}
		m.prior = mf.RealPrior
	}
	if err := validateDomainOrder(mf.Domain); err != nil {
		return nil, err
	}
	if err := m.loadBlend(mf.BaselineBlend); err != nil {
		return nil, err
	}
	if err := m.loadTrees(mf.Trees); err != nil {
		return nil, err
	}
	m.init()
	return m, nil
}

// invalidModel is the error of a model file whose parameters are invalid
// (ErrInvalid), with what is wrong.
func invalidModel(format string, args ...any) error {
	return fmt.Errorf("%s: %w: %s", ModelFile, ErrInvalid, fmt.Sprintf(format, args...))
}

// loadClasses sets m's classes from their names: 1–4 distinct procedures.
func (m *Model) loadClasses(names []string) error {
	C := len(names)
	if C < 1 || C > 4 {
		return invalidModel("%d classes, want 1–4", C)
	}
	seen := map[triagev1.Procedure]bool{}
	for _, name := range names {
		v, ok := triagev1.Procedure_value[name]
		p := triagev1.Procedure(v)
		if !ok || p == triagev1.Procedure_PROCEDURE_UNSPECIFIED || seen[p] {
			return invalidModel("class %q is not a distinct procedure", name)
		}
		seen[p] = true
		m.classes = append(m.classes, p)
	}
	return nil
}

// loadStack sets m's stacking parameters: per class, a sorted finite list of
// at most 1024 bin edges of the NB log posterior, and a positive finite
// class weight.
func (m *Model) loadStack(edges [][]float64, weights []float64) error {
	C := len(m.classes)
	if len(edges) != C {
		return invalidModel("stack_edges: %d classes, want %d", len(edges), C)
	}
	for c, e := range edges {
		if len(e) > 1024 || !allFinite(e) || !slices.IsSorted(e) {
			return invalidModel("stack_edges[%d]: not a sorted finite list of at most 1024 edges", c)
		}
	}
	m.stack = edges
	if len(weights) != C || !allFinite(weights) || slices.ContainsFunc(weights, func(w float64) bool { return w <= 0 }) {
		return invalidModel("class_weights: want %d positive finite weights", C)
	}
	m.weights = weights
	return nil
}

// validateDomainOrder checks that a domain's causes and families are sorted,
// as the lookups in them require; a nil domain is valid.
func validateDomainOrder(d *Domain) error {
	if d == nil {
		return nil
	}
	for kind, cs := range d.Causes {
		if !slices.IsSorted(cs) || !slices.IsSorted(d.Families[kind]) {
			return invalidModel("domain: causes or families of %s not sorted", kind)
		}
	}
	return nil
}

// loadBlend sets m's baseline blend: per case kind (enum name), a weight in
// [0, 1].
func (m *Model) loadBlend(blend map[string]float64) error {
	for kind, w := range blend {
		k, ok := triagev1.CaseKind_value[kind]
		if !ok || k <= 0 || int(k) >= len(m.blend) || !(w >= 0 && w <= 1) {
			return invalidModel("baseline_blend: %q: %v is not a case kind and a weight in [0, 1]", kind, w)
		}
		m.blend[k] = w
	}
	return nil
}

// loadTrees builds m's trees: 1–10000 of them, each over the dense features
// and the binned NB log posterior of each class.
func (m *Model) loadTrees(trees []TreeParams) error {
	if len(trees) == 0 || len(trees) > 10000 {
		return invalidModel("%d trees, want 1–10000", len(trees))
	}
	C := len(m.classes)
	nFeat := NumDense + C
	for i := range trees {
		t, err := buildTree(&trees[i], C, nFeat)
		if err != nil {
			return invalidModel("trees[%d]: %v", i, err)
		}
		m.trees = append(m.trees, t)
	}
	return nil
}

// TreeFeatureNames names the trees' inputs for a model of these classes:
// the dense features, then each class's binned NB log posterior.
func TreeFeatureNames(classes []triagev1.Procedure) []string {
	out := DenseFeatureNames()
	for _, p := range classes {
		out = append(out, "nb_log_posterior_bin:"+p.String())
	}
	return out
}

func allFinite(xs []float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// loadNB turns golearn's BernoulliNB parameters into sparse log tables,
// reproducing its PredictOne arithmetic (including its special case for
// p(f|c) = 1, where it uses log(1/(n_c+1)) for an absent feature).
func (m *Model) loadNB(nb *NBParams, buckets int) error {
	C := len(m.classes)
	K := len(nb.Buckets)
	switch {
	case K == 0 || K > 65535:
		return fmt.Errorf("%d features, want 1–65535", K)
	case len(nb.ClassInstances) != C || len(nb.CondProb) != C:
		return fmt.Errorf("parameters for %d/%d classes, want %d", len(nb.ClassInstances), len(nb.CondProb), C)
	case nb.TrainingInstances <= 0:
		return fmt.Errorf("training_instances %d", nb.TrainingInstances)
	}
	m.nb.sel = make([]uint16, buckets)
	m.nb.sieve = new([sieveWords]uint64)
	for j, b := range nb.Buckets {
		if int(b) >= buckets {
			return fmt.Errorf("bucket %d outside the %d-bucket space", b, buckets)
		}
		if m.nb.sel[b] != 0 {
			return fmt.Errorf("bucket %d listed twice", b)
		}
		m.nb.sel[b] = uint16(j + 1)
		f := uint32(b) & (sieveBits - 1)
		m.nb.sieve[f/64] |= 1 << (f % 64)
	}
	m.nb.base = make([]float64, C)
	m.nb.delta = make([]float64, K*C)
	for c := 0; c < C; c++ {
		n := nb.ClassInstances[c]
		if n <= 0 || n > nb.TrainingInstances {
			return fmt.Errorf("class_instances[%d] = %d", c, n)
		}
		if len(nb.CondProb[c]) != K {
			return fmt.Errorf("cond_prob[%d] has %d features, want %d", c, len(nb.CondProb[c]), K)
		}
		base := math.Log(float64(n) / float64(nb.TrainingInstances))
		for f, p := range nb.CondProb[c] {
			if !(p > 0 && p <= 1) {
				return fmt.Errorf("cond_prob[%d][%d] = %v outside (0, 1]", c, f, p)
			}
			absent := math.Log(1 - p)
			if p == 1 {
				absent = math.Log(1 / float64(n+1))
			}
			base += absent
			m.nb.delta[f*C+c] = math.Log(p) - absent
		}
		m.nb.base[c] = base
	}
	return nil
}

// buildTree validates one tree: children after their parent (so no cycles),
// indices and features in range, thresholds finite, leaf distributions
// finite, non-negative and summing to 1.
func buildTree(tf *TreeParams, C, nFeat int) (flatTree, error) {
	n := len(tf.Feature)
	if n == 0 || n > 1<<24 {
		return flatTree{}, fmt.Errorf("%d nodes", n)
	}
	if len(tf.Threshold) != n || len(tf.Left) != n || len(tf.Right) != n || len(tf.Label) != n || len(tf.Dist) != n {
		return flatTree{}, errors.New("node arrays differ in length")
	}
	t := flatTree{nodes: make([]flatNode, n), label: tf.Label}
	for i := 0; i < n; i++ {
		f := tf.Feature[i]
		nd := flatNode{feature: f, left: tf.Left[i], right: tf.Right[i], threshold: tf.Threshold[i], off: -1}
		if f < 0 {
			if f != -1 {
				return flatTree{}, fmt.Errorf("node %d: feature %d", i, f)
			}
			d := tf.Dist[i]
			if len(d) != C || !allFinite(d) {
				return flatTree{}, fmt.Errorf("node %d: leaf distribution is not %d finite numbers", i, C)
			}
			var sum float64
			for _, x := range d {
				if x < 0 {
					return flatTree{}, fmt.Errorf("node %d: negative probability", i)
				}
				sum += x
			}
			if math.Abs(sum-1) > 1e-6 {
				return flatTree{}, fmt.Errorf("node %d: leaf distribution sums to %v", i, sum)
			}
			nd.off = int32(len(t.dist))
			t.dist = append(t.dist, d...)
		} else {
			switch {
			case int(f) >= nFeat:
				return flatTree{}, fmt.Errorf("node %d: feature %d outside %d", i, f, nFeat)
			case math.IsNaN(nd.threshold) || math.IsInf(nd.threshold, 0):
				return flatTree{}, fmt.Errorf("node %d: threshold %v", i, nd.threshold)
			case nd.left <= int32(i) || int(nd.left) >= n || nd.right <= int32(i) || int(nd.right) >= n:
				return flatTree{}, fmt.Errorf("node %d: children %d, %d out of order or range", i, nd.left, nd.right)
			case len(tf.Dist[i]) != 0:
				return flatTree{}, fmt.Errorf("node %d: inner node with a distribution", i)
			}
		}
		t.nodes[i] = nd
	}
	return t, nil
}

// Adjustment records what was attached to a trained model after training
// (`triagectl adjust`, internal/training's Artifact.Adjust): the baseline
// blend and the real prior, chosen by cross-validation on real filings.
type Adjustment struct {
	// Trained is the version of the model as trained, whose held-out
	// figures the manifest keeps (they do not include the adjustment).
	Trained string `json:"trained"`
	// BaselineBlend and RealPriorWeight are per case kind (enum name).
	BaselineBlend   map[string]float64 `json:"baseline_blend,omitempty"`
	RealPriorWeight map[string]float64 `json:"real_prior_weight,omitempty"`
	RealPriorAlpha  float64            `json:"real_prior_alpha,omitempty"`
	// RealPriorFilings counts the real filings the prior was counted from.
	RealPriorFilings int `json:"real_prior_filings,omitempty"`
}

// Promotion records how a model came to be served: the evaluation file it
// was compared on, both models' figures there, the tolerance and the
// fewest cases of a procedure whose recall was compared, and, when the
// comparison refused it, that it was forced and why. A promotion compared
// on nothing (the first, or forced without -eval) has no figures, no
// tolerance and no minimum in the manifest: zeros there read as a
// candidate and a serving model that scored 0 (outside check 14).
type Promotion struct {
	At         time.Time `json:"at"`
	Replaced   string    `json:"replaced,omitempty"` // the serving model's version
	EvalData   string    `json:"eval_data,omitempty"`
	EvalSHA256 string    `json:"eval_sha256,omitempty"`
	Tolerance  float64   `json:"tolerance,omitzero"`
	// MinCases is the fewest cases of a procedure in the evaluation data
	// for its recall to be compared (triagectl promote -min-cases).
	MinCases     int             `json:"min_cases,omitzero"`
	Candidate    PromotionScores `json:"candidate,omitzero"`
	Serving      PromotionScores `json:"serving,omitzero"`
	Forced       bool            `json:"forced,omitempty"`
	ForcedReason string          `json:"forced_reason,omitempty"`
}

// PromotionScores are a model's figures on the promotion's evaluation file.
type PromotionScores struct {
	Evaluated      int     `json:"evaluated"`
	MacroF1        float64 `json:"macro_f1"`
	OrdinaryRecall float64 `json:"ordinary_recall"`
	// PerClass are the model's scores per procedure present among the
	// labels or its recommendations (package scoring): promote refuses a
	// candidate whose recall of a procedure is 0 where the serving model's
	// is not, since one that never recommends a procedure can still gain
	// macro-F1 elsewhere (outside check 14).
	PerClass []ClassMetrics `json:"per_class,omitempty"`
}

// Class returns the scores of procedure (an enum name); a procedure absent
// from PerClass was neither a label nor a recommendation, and has zero
// scores.
func (s PromotionScores) Class(procedure string) ClassMetrics {
	if i := slices.IndexFunc(s.PerClass, func(c ClassMetrics) bool { return c.Procedure == procedure }); i >= 0 {
		return s.PerClass[i]
	}
	return ClassMetrics{Procedure: procedure}
}

// ReadArtifactFiles reads the three files of a model directory, each within
// its size bound, for DecodeArtifact.
func ReadArtifactFiles(fsys fs.FS) (map[string][]byte, error) {
	files := make(map[string][]byte, 3)
	for _, name := range []string{ManifestFile, FeaturesFile, ModelFile} {
		limit := int64(maxFileBytes)
		if name == ManifestFile {
			limit = maxManifestBytes
		}
		b, err := readLimited(fsys, name, limit)
		if err != nil {
			return nil, err
		}
		files[name] = b
	}
	return files, nil
}
