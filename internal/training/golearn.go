package training

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"

	"github.com/fenjian/fenjian/classifier"
	"github.com/sjwhitworth/golearn/base"
	"github.com/sjwhitworth/golearn/naive"
	"github.com/sjwhitworth/golearn/trees"
)

// This file is the only place that touches golearn: it builds its grids,
// fits its models and reads their learned parameters back out. The request
// path never sees any of it (the package documentation says why).

// golearnModule is the learning library's module path.
const golearnModule = "github.com/sjwhitworth/golearn"

// golearnPinned is the golearn version go.mod requires (a test keeps the
// two in step). Test binaries carry no dependency list, so it stands in
// when the build information does not name golearn.
const golearnPinned = "v0.0.0-20221228163002-74ae077eafb2"

// golearnVersion reports the golearn module version linked into this binary.
func golearnVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == golearnModule {
				if d.Replace != nil {
					return d.Replace.Version
				}
				return d.Version
			}
		}
	}
	return golearnPinned
}

// nbGrid is a golearn grid of binary text features with a categorical
// class attribute whose values are registered up front (so that golearn
// never adds one while predicting: that mutates the attribute, a data race
// under concurrent requests).
type nbGrid struct {
	inst  *base.DenseInstances
	specs []base.AttributeSpec
	class *base.CategoricalAttribute
	cspec base.AttributeSpec
}

var bitOne = []byte{1}

// nbModel is a fitted golearn BernoulliNB, kept for the agreement check.
type nbModel struct{ nb *naive.BernoulliNBClassifier }

// newNBGrid builds a grid of rows × K binary attributes; present[i] lists
// the selected features of row i and class[i] its class index (−1 = unset).
func newNBGrid(K int, classNames []string, present [][]uint16, class []int) *nbGrid {
	g := &nbGrid{inst: base.NewDenseInstances()}
	g.specs = make([]base.AttributeSpec, K)
	for j := range g.specs {
		g.specs[j] = g.inst.AddAttribute(base.NewBinaryAttribute("t" + strconv.Itoa(j)))
	}
	g.class = base.NewCategoricalAttribute()
	g.class.SetName("label")
	for _, n := range classNames {
		g.class.GetSysValFromString(n)
	}
	g.cspec = g.inst.AddAttribute(g.class)
	if err := g.inst.AddClassAttribute(g.class); err != nil {
		panic(err) // the attribute was just added
	}
	if err := g.inst.Extend(len(present)); err != nil {
		panic(err)
	}
	for i, feats := range present {
		for _, j := range feats {
			g.inst.Set(g.specs[j], i, bitOne)
		}
		if class[i] >= 0 {
			g.inst.Set(g.cspec, i, base.PackU64ToBytes(uint64(class[i])))
		}
	}
	return g
}

// fitNB fits golearn's BernoulliNB and reads its parameters back through
// its own Save: the fitted probabilities are unexported, and Save (file
// path only) is golearn's one public way out.
func fitNB(K int, classNames []string, present [][]uint16, class []int) (nb *naive.BernoulliNBClassifier, params classifier.NBParams, err error) {
	defer func() {
		// golearn panics instead of returning errors in places (e.g. a class
		// whose rows have no feature at all).
		if r := recover(); r != nil {
			err = fmt.Errorf("golearn BernoulliNB: %v", r)
		}
	}()
	g := newNBGrid(K, classNames, present, class)
	nb = naive.NewBernoulliNBClassifier()
	if err := nb.Fit(g.inst); err != nil {
		return nil, classifier.NBParams{}, fmt.Errorf("golearn BernoulliNB fit: %w", err)
	}
	params, err = nbParams(nb, classNames, K)
	return nb, params, err
}

func nbParams(nb *naive.BernoulliNBClassifier, classNames []string, K int) (classifier.NBParams, error) {
	dir, err := os.MkdirTemp("", "fenjian-nb-*")
	if err != nil {
		return classifier.NBParams{}, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "nb.golearn")
	if err := nb.Save(path); err != nil {
		return classifier.NBParams{}, fmt.Errorf("golearn BernoulliNB save: %w", err)
	}
	r, err := base.ReadSerializedClassifierStub(path)
	if err != nil {
		return classifier.NBParams{}, fmt.Errorf("golearn BernoulliNB read back: %w", err)
	}
	defer r.Close()
	var cond map[string][]float64
	var counts map[string]int
	if err := r.GetJSONForKey("COND_MAP", &cond); err != nil {
		return classifier.NBParams{}, fmt.Errorf("golearn BernoulliNB COND_MAP: %w", err)
	}
	if err := r.GetJSONForKey("CLASS_INSTANCES", &counts); err != nil {
		return classifier.NBParams{}, fmt.Errorf("golearn BernoulliNB CLASS_INSTANCES: %w", err)
	}
	n, err := r.GetU64ForKey("NUM_TRAINING_INSTANCES")
	if err != nil {
		return classifier.NBParams{}, fmt.Errorf("golearn BernoulliNB NUM_TRAINING_INSTANCES: %w", err)
	}
	p := classifier.NBParams{TrainingInstances: int(n)}
	for _, c := range classNames {
		probs, ok := cond[c]
		if !ok || counts[c] == 0 || len(probs) != K {
			return classifier.NBParams{}, fmt.Errorf("golearn BernoulliNB: no parameters for class %s", c)
		}
		p.CondProb = append(p.CondProb, probs)
		p.ClassInstances = append(p.ClassInstances, counts[c])
	}
	return p, nil
}

// predictNB returns golearn's own NB predictions (class indices) for rows.
func predictNB(nb *naive.BernoulliNBClassifier, K int, classNames []string, present [][]uint16) ([]int, error) {
	class := make([]int, len(present))
	for i := range class {
		class[i] = -1
	}
	g := newNBGrid(K, classNames, present, class)
	out, err := nb.Predict(g.inst)
	if err != nil {
		return nil, err
	}
	idx := make(map[string]int, len(classNames))
	for i, n := range classNames {
		idx[n] = i
	}
	res := make([]int, len(present))
	for i := range res {
		c, ok := idx[base.GetClass(out, i)]
		if !ok {
			c = -1
		}
		res[i] = c
	}
	return res, nil
}

// floatGrid builds a golearn grid of float attributes (x0…) with a float
// class attribute holding the procedure number, as golearn's CART wants.
func floatGrid(nFeat int, rows [][]float64, label []float64) *base.DenseInstances {
	inst := base.NewDenseInstances()
	specs := make([]base.AttributeSpec, nFeat)
	for j := range specs {
		specs[j] = inst.AddAttribute(base.NewFloatAttribute("x" + strconv.Itoa(j)))
	}
	cls := base.NewFloatAttribute("procedure")
	cspec := inst.AddAttribute(cls)
	if err := inst.AddClassAttribute(cls); err != nil {
		panic(err)
	}
	if err := inst.Extend(len(rows)); err != nil {
		panic(err)
	}
	buf := make([]byte, 8)
	for i, x := range rows {
		for j, v := range x {
			base.PackFloatToBytesInline(v, buf)
			inst.Set(specs[j], i, buf)
		}
		base.PackFloatToBytesInline(label[i], buf)
		inst.Set(cspec, i, buf)
	}
	return inst
}

// fitCART fits golearn's CART classifier (Gini, depth-limited).
func fitCART(nFeat int, rows [][]float64, label []float64, labels []int64, maxDepth int) (t *trees.CARTDecisionTreeClassifier, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("golearn CART: %v", r)
		}
	}()
	t = trees.NewDecisionTreeClassifier(trees.GINI, int64(maxDepth), labels)
	if err := t.Fit(floatGrid(nFeat, rows, label)); err != nil {
		return nil, fmt.Errorf("golearn CART fit: %w", err)
	}
	if t.RootNode == nil {
		return nil, errors.New("golearn CART: no tree")
	}
	return t, nil
}

// cartNode mirrors golearn's unexported CART node. Its fields are exported,
// so encoding/json reads the learned tree exactly (floats round-trip) without
// reflection tricks.
type cartNode struct {
	Left       *cartNode
	Right      *cartNode
	Threshold  float64
	Feature    int64
	LeftLabel  int64
	RightLabel int64
}

func exportCART(t *trees.CARTDecisionTreeClassifier) (*cartNode, error) {
	b, err := json.Marshal(t.RootNode)
	if err != nil {
		return nil, fmt.Errorf("export golearn CART: %w", err)
	}
	var root cartNode
	if err := json.Unmarshal(b, &root); err != nil {
		return nil, fmt.Errorf("export golearn CART: %w", err)
	}
	return &root, nil
}

// flattenCART lays a golearn CART tree out in preorder. golearn keeps the
// prediction for a missing child in the parent (LeftLabel/RightLabel); the
// flat form makes it an explicit leaf, so every path ends in a leaf node.
func flattenCART(root *cartNode) classifier.TreeParams {
	var t classifier.TreeParams
	var add func(n *cartNode) int32
	leaf := func(label int64) int32 {
		i := int32(len(t.Feature))
		t.Feature = append(t.Feature, -1)
		t.Threshold = append(t.Threshold, 0)
		t.Left = append(t.Left, 0)
		t.Right = append(t.Right, 0)
		t.Label = append(t.Label, int32(label))
		t.Dist = append(t.Dist, nil)
		return i
	}
	add = func(n *cartNode) int32 {
		i := int32(len(t.Feature))
		t.Feature = append(t.Feature, int32(n.Feature))
		t.Threshold = append(t.Threshold, n.Threshold)
		t.Left = append(t.Left, 0)
		t.Right = append(t.Right, 0)
		t.Label = append(t.Label, 0)
		t.Dist = append(t.Dist, nil)
		var l, r int32
		if n.Left != nil {
			l = add(n.Left)
		} else {
			l = leaf(n.LeftLabel)
		}
		if n.Right != nil {
			r = add(n.Right)
		} else {
			r = leaf(n.RightLabel)
		}
		t.Left[i], t.Right[i] = l, r
		return i
	}
	add(root)
	return t
}
