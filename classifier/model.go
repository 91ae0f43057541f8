package classifier

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sync"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// Model is a trained NB+CART scorer in flat form: the golearn Bernoulli
// naive Bayes as log-probability tables and the golearn CART trees as node
// arrays (doc.go). It implements triage.Scorer, is immutable after loading
// and safe for concurrent use. The trained part of Score allocates nothing
// in steady state; the real prior's keys and named features allocate a few
// small slices per call.
type Model struct {
	version  string
	manifest Manifest
	ext      *Extractor
	classes  []triagev1.Procedure // class index → procedure
	nb       flatNB
	stack    [][]float64 // per class: bin edges of the NB log-posterior
	trees    []flatTree
	weights  []float64  // per-class multipliers tuned for the policy
	blend    [4]float64 // per case kind: weight of the baseline's probabilities
	domain   *Domain    // what the training data looked like; nil for none
	prior    *RealPrior // counts of real decisions; nil for none
	nFeat    int        // tree input width: NumDense + len(classes)
	pool     sync.Pool  // *scratch
	// bounded says the ensemble's probabilities are finite for every input
	// (leaves are validated finite, the class weights below boundWeight), so
	// that a kind blended wholly into the baseline need not compute them.
	bounded bool
}

// boundWeight keeps reweighted probabilities (each at most 1, up to
// rounding, times its weight, then summed over the classes) far from
// overflow.
const boundWeight = 1e300

// flatNB is golearn's BernoulliNB rewritten for sparse input. golearn scores
// class c as log p(c) + Σ_f log p(f|c) over present f + Σ_f log(1−p(f|c))
// over absent f; with base[c] = log p(c) + Σ_f log(1−p(f|c)) the sum only
// needs the present features: score[c] = base[c] + Σ_present delta[f][c].
type flatNB struct {
	sel   []uint16            // bucket → 1 + selected feature index; 0 = not selected
	sieve *[sieveWords]uint64 // folded bitmap of the buckets sel selects (Vector.sieve)
	delta []float64           // [feature*C + c] log p(f|c) − log(1−p(f|c))
	base  []float64           // [c]
}

// flatTree is one CART tree in preorder: node i's children have larger
// indices, leaves have feature −1 and own C probabilities at dist[off:].
type flatTree struct {
	nodes []flatNode
	dist  []float64
	// label is golearn's own leaf label (procedure number, 0 = none), kept to
	// check the export against golearn's Predict.
	label []int32
}

type flatNode struct {
	feature   int32 // −1 for a leaf
	left      int32
	right     int32
	off       int32 // leaf: offset into dist
	threshold float64
}

// scratch is the per-call working memory of Score, pooled.
type scratch struct {
	v     *Vector
	x     []float64 // tree input
	nb    []float64 // NB scores → log posteriors
	probs []float64
}

// Version implements triage.Scorer: the manifest's version.
func (m *Model) Version() string { return m.version }

// Manifest returns a copy of the artifact manifest the model was loaded
// with.
func (m *Model) Manifest() Manifest {
	c := m.manifest
	c.Files = maps.Clone(c.Files)
	c.Training.Skipped = maps.Clone(c.Training.Skipped)
	c.Training.LabelCounts = maps.Clone(c.Training.LabelCounts)
	c.Training.LabelCountsByKind = maps.Clone(c.Training.LabelCountsByKind)
	c.Params.BaselineBlend = maps.Clone(c.Params.BaselineBlend)
	return c
}

// Classes returns the procedures the model distinguishes, in class order.
func (m *Model) Classes() []triagev1.Procedure {
	return append([]triagev1.Procedure(nil), m.classes...)
}

func (m *Model) init() {
	m.nFeat = NumDense + len(m.classes)
	m.bounded = !slices.ContainsFunc(m.weights, func(w float64) bool { return !(w < boundWeight) })
	m.pool.New = func() any {
		v := m.ext.NewVector()
		v.filter, v.sieve = m.nb.sel, m.nb.sieve
		return &scratch{
			v:     v,
			x:     make([]float64, m.nFeat),
			nb:    make([]float64, len(m.classes)),
			probs: make([]float64, len(m.classes)),
		}
	}
}

// Score implements triage.Scorer.
func (m *Model) Score(f *triagev1.Filing, a *rules.Assessment, p *triage.Probabilities) {
	k := f.GetCaseKind()
	w := 0.0
	if k > 0 && int(k) < len(m.blend) && a != nil {
		w = m.blend[k]
	}
	if w == 1 && m.bounded {
		// The blend below gives the ensemble weight 1−w = 0, and 0·x = 0
		// for every finite x ≥ 0: the probabilities are the same without
		// extracting features and walking the trees (the shipped model
		// blends civil and criminal filings wholly into the baseline).
		for _, proc := range m.classes {
			p[proc] = 0
		}
	} else {
		s := m.pool.Get().(*scratch)
		m.ext.Extract(f, a, s.v)
		m.predict(s)
		for c, proc := range m.classes {
			p[proc] = s.probs[c]
		}
		m.pool.Put(s)
	}
	if w > 0 {
		blendBaseline(f, a, p, w)
	}
	if m.prior != nil {
		m.prior.Apply(f, a, p)
	}
}

// blendBaseline mixes the cause + amount baseline's probabilities into p
// with weight w: (1−w)·model + w·baseline, procedure by procedure.
func blendBaseline(f *triagev1.Filing, a *rules.Assessment, p *triage.Probabilities, w float64) {
	var b triage.Probabilities
	Baseline{}.Score(f, a, &b)
	for i := range p {
		p[i] = (1-w)*p[i] + w*b[i]
	}
}

// With returns a scorer with the same trained parameters, another baseline
// blend and another real prior (nil for none), versioned "<version>+adj":
// for measuring them without retraining (`triagectl realcv`) and for
// attaching the chosen ones to a trained model (`triagectl train -real`).
func (m *Model) With(blend map[string]float64, prior *RealPrior) (*Model, error) {
	if prior != nil {
		if err := prior.validate(); err != nil {
			return nil, err
		}
	}
	c := &Model{
		version: m.version + "+adj", manifest: m.Manifest(), ext: m.ext, classes: m.classes,
		nb: m.nb, stack: m.stack, trees: m.trees, weights: m.weights, domain: m.domain, prior: prior,
	}
	for kind, w := range blend {
		k, ok := triagev1.CaseKind_value[kind]
		if !ok || k <= 0 || int(k) >= len(c.blend) || !(w >= 0 && w <= 1) {
			return nil, fmt.Errorf("baseline blend %q: %v is not a case kind and a weight in [0, 1]", kind, w)
		}
		c.blend[k] = w
	}
	c.manifest.Version = c.version
	c.init()
	return c, nil
}

// Unweighted writes the ensemble's class probabilities before the class
// weights, in class order.
func (m *Model) Unweighted(f *triagev1.Filing, a *rules.Assessment, out []float64) {
	s := m.pool.Get().(*scratch)
	m.ext.Extract(f, a, s.v)
	m.nbLogPosterior(s.v, s.nb)
	m.stackInput(&s.v.Dense, s.nb, s.x)
	m.ensemble(s.x, out)
	m.pool.Put(s)
}

// predict computes s.probs from the extracted vector s.v.
func (m *Model) predict(s *scratch) {
	m.nbLogPosterior(s.v, s.nb)
	m.stackInput(&s.v.Dense, s.nb, s.x)
	m.ensemble(s.x, s.probs)
	m.reweight(s.probs)
}

// nbScores writes golearn's per-class NB scores (unnormalised log joint).
func (m *Model) nbScores(v *Vector, out []float64) {
	C := len(m.classes)
	copy(out, m.nb.base)
	for _, j := range v.Buckets { // selected feature indices (Vector.filter)
		d := m.nb.delta[int(j)*C : int(j)*C+C]
		for c := range out {
			out[c] += d[c]
		}
	}
}

// nbLogPosterior writes log p(c | text) from the NB scores, clipped to
// [minLogPost, 0] so that the stacked feature is finite.
func (m *Model) nbLogPosterior(v *Vector, out []float64) {
	m.nbScores(v, out)
	logPosterior(out)
}

// minLogPost bounds NB log posteriors from below; below it the text says
// "certainly not" and finer distinctions carry no information.
const minLogPost = -30

func logPosterior(s []float64) {
	mx := math.Inf(-1)
	for _, x := range s {
		mx = max(mx, x)
	}
	var sum float64
	for _, x := range s {
		sum += math.Exp(x - mx)
	}
	lse := mx + math.Log(sum)
	for i, x := range s {
		lp := x - lse
		if !(lp >= minLogPost) { // also NaN
			lp = minLogPost
		}
		s[i] = min(lp, 0)
	}
}

// stackInput writes the tree input: the dense features, then each class's
// NB log posterior as its quantile bin.
func (m *Model) stackInput(d *[NumDense]float64, lp []float64, x []float64) {
	copy(x, d[:])
	for c, edges := range m.stack {
		x[NumDense+c] = float64(binIndex(lp[c], edges))
	}
}

// binIndex returns the number of edges strictly below v.
func binIndex(v float64, edges []float64) int {
	lo, hi := 0, len(edges)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if edges[mid] < v {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// leaf walks a tree with golearn CART's rule: x[f] < threshold goes left.
func (t *flatTree) leaf(x []float64) int {
	i := 0
	for {
		n := &t.nodes[i]
		if n.feature < 0 {
			return i
		}
		if x[n.feature] < n.threshold {
			i = int(n.left)
		} else {
			i = int(n.right)
		}
	}
}

// ensemble averages the trees' leaf distributions (soft voting).
func (m *Model) ensemble(x []float64, out []float64) {
	clear(out)
	C := len(out)
	for ti := range m.trees {
		t := &m.trees[ti]
		off := t.nodes[t.leaf(x)].off
		d := t.dist[off : int(off)+C]
		for c := range out {
			out[c] += d[c]
		}
	}
	if n := float64(len(m.trees)); n > 0 {
		for c := range out {
			out[c] /= n
		}
	}
}

// reweight applies the tuned class weights and renormalises.
func (m *Model) reweight(p []float64) {
	var sum float64
	for c := range p {
		p[c] *= m.weights[c]
		sum += p[c]
	}
	if sum > 0 {
		for c := range p {
			p[c] /= sum
		}
	}
}
