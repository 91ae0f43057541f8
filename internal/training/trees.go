package training

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/triage"
	"github.com/sjwhitworth/golearn/trees"
)

// fitTrees fits cfg.Trees golearn CART trees, each on its own seeded
// bootstrap bag of the training rows, exports them, estimates each leaf's
// class distribution from the bag rows that reach it, and returns the
// out-of-bag ensemble probabilities of every training row (nil for a row in
// every bag). Bags are drawn here rather than by golearn's meta.BaggedModel,
// which draws from math/rand's global source: since Go 1.24 a program can no
// longer seed it, so its bags would differ on every run.
func (t *trainer) fitTrees(X [][]float64) ([]*trees.CARTDecisionTreeClassifier, []classifier.TreeParams, [][]float64, error) {
	B, C := t.cfg.Trees, len(t.classes)
	nFeat := classifier.NumDense + C
	n := len(t.train)
	m := min(t.cfg.BagSize, n)
	labels := make([]int64, C)
	for c, p := range t.classes {
		labels[c] = int64(p)
	}
	prior := make([]float64, C)
	for _, i := range t.train {
		prior[t.ex[i].class]++
	}
	for c := range prior {
		prior[c] /= float64(n)
	}
	forest := make([]*trees.CARTDecisionTreeClassifier, B)
	files := make([]classifier.TreeParams, B)
	inBag := make([][]uint16, B)
	err := t.parallel("trees", B, func(_, b int) error {
		r := rand.New(rand.NewPCG(t.cfg.Seed, 0x7eee0000+uint64(b)))
		counts := make([]uint16, n)
		rows := make([][]float64, m)
		lab := make([]float64, m)
		for j := 0; j < m; j++ {
			k := r.IntN(n)
			if counts[k] < math.MaxUint16 {
				counts[k]++
			}
			i := t.train[k]
			rows[j] = X[i]
			lab[j] = float64(t.classes[t.ex[i].class])
		}
		tree, err := fitCART(nFeat, rows, lab, labels, t.cfg.MaxDepth)
		if err != nil {
			return fmt.Errorf("tree %d: %w", b, err)
		}
		root, err := exportCART(tree)
		if err != nil {
			return fmt.Errorf("tree %d: %w", b, err)
		}
		tf := flattenCART(root)
		// Leaf distributions from the bag (with multiplicity), smoothed
		// towards the class prior so that small leaves do not claim certainty.
		leafCounts := map[int][]float64{}
		for j, x := range rows {
			l := treeLeaf(&tf, x)
			if leafCounts[l] == nil {
				leafCounts[l] = make([]float64, C)
			}
			leafCounts[l][slices.Index(labels, int64(lab[j]))]++
		}
		a := t.cfg.LeafSmoothing
		for i, f := range tf.Feature {
			if f >= 0 {
				continue
			}
			cnt := leafCounts[i]
			var tot float64
			for _, v := range cnt {
				tot += v
			}
			d := make([]float64, C)
			var sum float64
			for c := range d {
				var v float64
				if cnt != nil {
					v = cnt[c]
				}
				d[c] = (v + a*prior[c]) / (tot + a)
				sum += d[c]
			}
			for c := range d { // exact normalisation against rounding
				d[c] /= sum
			}
			tf.Dist[i] = d
		}
		forest[b], files[b], inBag[b] = tree, tf, counts
		return nil
	})
	if err != nil {
		return nil, nil, nil, err
	}
	oob := make([][]float64, n)
	nOOB := make([]int, n)
	for b := range files {
		tf := &files[b]
		for k, i := range t.train {
			if inBag[b][k] > 0 {
				continue
			}
			if oob[k] == nil {
				oob[k] = make([]float64, C)
			}
			d := tf.Dist[treeLeaf(tf, X[i])]
			for c := range d {
				oob[k][c] += d[c]
			}
			nOOB[k]++
		}
	}
	for k := range oob {
		for c := range oob[k] {
			oob[k][c] /= float64(nOOB[k])
		}
	}
	return forest, files, oob, nil
}

// treeLeaf walks an exported tree with CART's rule (x[f] < threshold →
// left) and returns the leaf's node index.
func treeLeaf(tf *classifier.TreeParams, x []float64) int {
	i := 0
	for tf.Feature[i] >= 0 {
		if x[tf.Feature[i]] < tf.Threshold[i] {
			i = int(tf.Left[i])
		} else {
			i = int(tf.Right[i])
		}
	}
	return i
}

// policyPick applies triage.Pick, the engine's recommendation policy, to
// class probabilities p (weighted, normalised) and returns the picked class
// index, −1 if none is open. q is scratch indexed by procedure. With
// beta > 0 the baseline's probabilities base are blended in as classifier.Model.Score
// blends them, so that the weights are tuned for what is served.
func policyPick(p []float64, opts []triage.Option, classes []triagev1.Procedure, policy triage.Policy, q *triage.Probabilities, base *triage.Probabilities, beta float64) int {
	*q = triage.Probabilities{}
	for c, proc := range classes {
		q[proc] = p[c]
	}
	if beta > 0 {
		for i := range q {
			q[i] = (1-beta)*q[i] + beta*base[i]
		}
	}
	best, _ := triage.Pick(opts, q, policy)
	if best < 0 {
		return -1
	}
	return slices.Index(classes, opts[best].Procedure)
}

// tuneWeights chooses per-class probability multipliers that maximise the
// macro-F1 of the policy's recommendations on out-of-bag rows while keeping
// ordinary recall at the target: class imbalance and the policy's lean to
// ordinary are handled where they act, on the final recommendation.
// Coordinate ascent over a log-grid, ordinary fixed at 1; deterministic.
func (t *trainer) tuneWeights(oob [][]float64) []float64 {
	C := len(t.classes)
	type row struct {
		p     []float64
		opts  []triage.Option
		label triagev1.Procedure
		base  *triage.Probabilities
		beta  float64
	}
	// The weights are tuned on the model's own probabilities (beta 0): the
	// baseline blend and the real prior are chosen afterwards by
	// cross-validation on real filings with the weights as trained
	// (`triagectl realcv`), and tuning them again for the blend would ship a
	// scorer other than the one measured.
	var rows []row
	for k, i := range t.train {
		if oob[k] != nil {
			rows = append(rows, row{oob[k], t.ex[i].opts, t.classes[t.ex[i].class], &t.ex[i].base, 0})
		}
	}
	logw := make([]float64, C)
	labels := make([]triagev1.Procedure, len(rows))
	preds := make([]triagev1.Procedure, len(rows))
	buf := make([]float64, C)
	var q triage.Probabilities
	objective := func() float64 {
		for j, r := range rows {
			var s float64
			for c := range buf {
				buf[c] = r.p[c] * math.Exp(logw[c])
				s += buf[c]
			}
			for c := range buf {
				buf[c] /= s
			}
			labels[j] = r.label
			if c := policyPick(buf, r.opts, t.classes, triage.DefaultPolicy, &q, r.base, r.beta); c >= 0 {
				preds[j] = t.classes[c]
			} else {
				preds[j] = triagev1.Procedure_PROCEDURE_UNSPECIFIED
			}
		}
		m := computeMetrics(labels, preds)
		j := m.MacroF1
		if short := t.cfg.OrdinaryRecall - m.OrdinaryRecall; short > 0 {
			j -= 10 * short
		}
		return j
	}
	if len(rows) == 0 {
		return ones(C)
	}
	best := objective()
	for sweep := 0; sweep < 3; sweep++ {
		improved := false
		for c := 0; c < C; c++ {
			if t.classes[c] == triagev1.Procedure_PROCEDURE_ORDINARY {
				continue
			}
			keep := logw[c]
			bestV := keep
			for g := -20; g <= 20; g++ {
				logw[c] = float64(g) / 10
				if j := objective(); j > best+1e-12 {
					best, bestV, improved = j, logw[c], true
				}
			}
			logw[c] = bestV
		}
		if !improved {
			break
		}
	}
	w := make([]float64, C)
	for c := range w {
		w[c] = math.Exp(logw[c])
	}
	return w
}

func ones(n int) []float64 {
	w := make([]float64, n)
	for i := range w {
		w[i] = 1
	}
	return w
}

// evaluate decides every held-out filing through triage.Engine with the
// trained model and with the baseline, and records the metrics.
func (t *trainer) evaluate(m *classifier.Model, h *classifier.HoldoutInfo) error {
	n := len(t.hold)
	labels := make([]triagev1.Procedure, n)
	model := make([]triagev1.Procedure, n)
	argmx := make([]triagev1.Procedure, n)
	base := make([]triagev1.Procedure, n)
	me := triage.New(t.eng, m)
	be := triage.New(t.eng, classifier.NewBaseline())
	err := t.parallel("evaluate held-out", n, func(_, k int) error {
		e := &t.ex[t.hold[k]]
		labels[k] = t.classes[e.class]
		d, err := me.Decide(t.ctx, e.f)
		if err != nil {
			return fmt.Errorf("decide held-out %s: %w", e.f.GetId(), err)
		}
		model[k] = d.GetRecommended()
		bd, err := be.Decide(t.ctx, e.f)
		if err != nil {
			return fmt.Errorf("decide held-out %s: %w", e.f.GetId(), err)
		}
		base[k] = bd.GetRecommended()
		a, err := t.eng.Evaluate(e.f)
		if err != nil {
			return err
		}
		p := make([]float64, len(t.classes))
		m.Unweighted(e.f, a, p)
		best := -1
		for c := range t.classes {
			if e.avail[c] == availOpen && (best < 0 || p[c] > p[best]) {
				best = c
			}
		}
		if best >= 0 {
			argmx[k] = t.classes[best]
		}
		return nil
	})
	if err != nil {
		return err
	}
	h.Model = computeMetrics(labels, model)
	h.Argmax = computeMetrics(labels, argmx)
	h.Baseline = computeMetrics(labels, base)
	return nil
}

// maxAgreementRows bounds the agreement check: golearn's NB Predict costs
// about half a millisecond a row at 2,048 features.
const maxAgreementRows = 2000

// agreement compares the flat scorer with golearn's own Predict on held-out
// rows (the first maxAgreementRows of the split): the NB's class and every
// tree's leaf label. It also checks that the request path (Extract + the
// model's stacking) builds exactly the tree input the trainer built.
func (t *trainer) agreement(m *classifier.Model, nb nbModel, forest []*trees.CARTDecisionTreeClassifier, X [][]float64) (classifier.Agreement, error) {
	rows := t.hold[:min(len(t.hold), maxAgreementRows)]
	a := classifier.Agreement{Rows: len(rows)}
	if len(rows) == 0 {
		return a, nil
	}
	C := len(t.classes)
	present := make([][]uint16, len(rows))
	xs := make([][]float64, len(rows))
	flatNB := make([]int, len(rows))
	nbScores := make([]float64, C)
	for k, i := range rows {
		e := &t.ex[i]
		as, err := t.eng.Evaluate(e.f)
		if err != nil {
			return a, err
		}
		x := make([]float64, classifier.NumDense+C)
		m.TreeInput(e.f, as, nbScores, x)
		flatNB[k] = argmaxPlain(nbScores)
		if !slices.Equal(x, X[i]) {
			return a, fmt.Errorf("request-path features differ from training features for %s", e.f.GetId())
		}
		present[k], xs[k] = e.present, X[i]
	}
	golearnNB, err := predictNB(nb.nb, m.NBFeatures(), t.names, present)
	if err != nil {
		return a, fmt.Errorf("golearn NB predict: %w", err)
	}
	same := 0
	for k := range rows {
		if golearnNB[k] == flatNB[k] {
			same++
		}
	}
	a.NaiveBayes = float64(same) / float64(len(rows))
	if m.Trees() != len(forest) {
		return a, fmt.Errorf("model has %d trees, golearn fitted %d", m.Trees(), len(forest))
	}
	lab := make([]float64, len(rows))
	grid := floatGrid(classifier.NumDense+C, xs, lab)
	labels := make([][]int32, len(xs))
	for k, x := range xs {
		labels[k] = make([]int32, len(forest))
		m.LeafLabels(x, labels[k])
	}
	same = 0
	for b, tree := range forest {
		pred := tree.Predict(grid)
		for k := range xs {
			if int64(labels[k][b]) == pred[k] {
				same++
			}
		}
	}
	a.Trees = float64(same) / float64(len(rows)*len(forest))
	return a, nil
}

// argmaxPlain returns the first index of the largest value.
func argmaxPlain(s []float64) int {
	best := 0
	for i := range s {
		if s[i] > s[best] {
			best = i
		}
	}
	return best
}
