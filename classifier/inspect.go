package classifier

import (
	"fmt"
	"slices"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// The functions below open the scorer's arithmetic to training
// (internal/training), which fits the parameters with golearn outside this
// package: training stacks and checks with the code that serves, not with a
// copy of it, so a trained model scores exactly what training measured.

// Dense writes the filing's structured features, as Extract does, without
// hashing the text.
func (x *Extractor) Dense(f *triagev1.Filing, a *rules.Assessment, d *[NumDense]float64) {
	x.dense(f, a, d)
	x.walk(nil, nsText, f.GetText(), d)
}

// NBLogPosteriors returns, for each row of selected text features (indices
// into p.Buckets), the per-class log posteriors the naive Bayes parameters
// give through the scorer's own arithmetic, clipped as the scorer clips
// them. buckets is the extractor's bucket space.
func NBLogPosteriors(p *NBParams, buckets int, rows [][]uint16) ([][]float64, error) {
	m := &Model{classes: make([]triagev1.Procedure, len(p.ClassInstances))}
	if err := m.loadNB(p, buckets); err != nil {
		return nil, fmt.Errorf("naive Bayes parameters: %w", err)
	}
	C := len(m.classes)
	out := make([][]float64, len(rows))
	for k, present := range rows {
		s := slices.Clone(m.nb.base)
		for _, j := range present {
			d := m.nb.delta[int(j)*C : int(j)*C+C]
			for c := range s {
				s[c] += d[c]
			}
		}
		logPosterior(s)
		out[k] = s
	}
	return out, nil
}

// StackBin returns the tree input for an NB log posterior: its bin among a
// class's stack edges (the number of edges strictly below it).
func StackBin(logPosterior float64, edges []float64) int { return binIndex(logPosterior, edges) }

// NBFeatures returns the number of text features the naive Bayes selected.
func (m *Model) NBFeatures() int { return len(m.nb.delta) / len(m.classes) }

// TreeInput writes what the scorer computes from a filing before the trees:
// into nb golearn's per-class naive Bayes scores (the unnormalised log
// joint its PredictOne compares), into x the trees' input (the dense
// features, then the binned NB log posteriors; len(TreeFeatureNames)).
func (m *Model) TreeInput(f *triagev1.Filing, a *rules.Assessment, nb, x []float64) {
	s := m.pool.Get().(*scratch)
	defer m.pool.Put(s)
	m.ext.Extract(f, a, s.v)
	m.nbScores(s.v, s.nb)
	copy(nb, s.nb)
	logPosterior(s.nb)
	m.stackInput(&s.v.Dense, s.nb, x)
}

// LeafLabels writes, for each tree, golearn's own label of the leaf that x
// reaches (out has one entry per tree).
func (m *Model) LeafLabels(x []float64, out []int32) {
	for b := range m.trees {
		t := &m.trees[b]
		out[b] = t.label[t.leaf(x)]
	}
}

// Trees returns the number of trees in the ensemble.
func (m *Model) Trees() int { return len(m.trees) }
