package classifier

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// RealLinear is a multinomial logistic regression over a few named facts of
// a filing, fitted on real filings of one case kind with an L2 penalty. It
// is the real prior's alternative to counting down a key chain: with a few
// hundred filings, counts can split on one or two facts before the cells
// empty, while a regularised linear model weighs every fact at once (the
// charge family, the plea, the sentencing recommendation, co-defendants,
// for civil filings the cause and the claim against the province's limit)
// with one parameter, the penalty, to choose.
//
// The fit is deterministic (standardised inputs, Newton's method from zero
// to convergence, no sampling): refitting on the same filings gives the
// same parameters, so it adds no seed variance.
type RealLinear struct {
	// Lambda is the L2 penalty on the standardised weights (not the
	// intercepts), per filing of the mean log-loss.
	Lambda float64 `json:"lambda"`
	// Balanced weighs each filing by the inverse frequency of its label, so
	// that a rare procedure counts as much as a common one (macro-F1).
	Balanced bool `json:"balanced,omitempty"`
	// FeatureSet names the facts read (featuresOf): empty for
	// realFeatures, else one of the named sets (realcivil.go).
	FeatureSet string `json:"feature_set,omitempty"`
	// Features names the inputs in order (realFeatures); Mean and Scale
	// standardise them.
	Features []string  `json:"features"`
	Mean     []float64 `json:"mean"`
	Scale    []float64 `json:"scale"`
	// Classes are the procedure numbers of the outputs, Coef per class the
	// weights of the features followed by the intercept.
	Classes []int32     `json:"classes"`
	Coef    [][]float64 `json:"coef"`
}

// realFeat is one named input of the real linear model.
type realFeat struct {
	name string
	v    float64
}

// Vocabulary prefixes: indicator features named by a value of the filing
// (its charge family, civil cause or cause family). Only values seen in at
// least minVocab training filings become features; an unseen one leaves
// the filing at the intercepts and the other facts.
const (
	vocabCharge = "charge:"
	vocabCause  = "cause:"
	vocabFamily = "family:"
	vocabRegion = "province:"
	minVocab    = 3
)

// fastTrackInForce is when the 2018 Criminal Procedure Law put fast-track
// (速裁) into force everywhere; before it only pilot courts used it.
var fastTrackInForce = time.Date(2018, 10, 26, 0, 0, 0, 0, time.UTC)

// realFeatures returns the facts the real linear model reads, by case kind.
// Each was chosen because practice or the law ties it to the procedure, not
// by searching the real filings: for every kind the province (courts
// differ in practice) and the text's length; for criminal filings the charge family,
// the plea, the sentencing recommendation (stated, how heavy), co-defendants,
// a victim or an injury named in the allegation, the era of fast-track; for
// civil filings the cause and its family, the claim against the province's
// small-claims limit, the parties, and the complaint's length and the
// claims it makes beyond payment.
func realFeatures(f *triagev1.Filing, a *rules.Assessment) []realFeat {
	var out []realFeat
	emitRealFeatures(f, a, func(prefix, name string, v float64) {
		out = append(out, realFeat{prefix + name, v})
	})
	return out
}

// emitRealFeatures calls add for each of the facts realFeatures returns, in
// the same order, the name split into a vocabulary prefix ("" for none) and
// the rest: scoring looks the name up without building it
// (RealLinear.predictFiling).
func emitRealFeatures(f *triagev1.Filing, a *rules.Assessment, add func(prefix, name string, v float64)) {
	text := f.GetText()
	add("", "text_log2", math.Log2(1+float64(textRunes(f, a))))
	if f.GetProvince() != "" {
		// Courts differ in how they apply 繁简分流 (their own criteria and
		// caseloads); the province is the coarsest court that real
		// filings repeat often enough to learn from.
		add(vocabRegion, f.GetProvince(), 1)
	}
	has := func(name string, keys ...string) {
		for _, k := range keys {
			if strings.Contains(text, k) {
				add("", name, 1)
				return
			}
		}
	}
	switch f.GetCaseKind() {
	case triagev1.CaseKind_CASE_KIND_CRIMINAL:
		criminalFeatures(f, a, add)
		has("victim", "被害人")
		has("injury_or_death", "伤", "死亡")
		has("amount_wan", "万元")
	case triagev1.CaseKind_CASE_KIND_CIVIL:
		civilFeatures(f, a, add)
		has("interest", "利息")
		has("penalty", "违约金")
		has("rescission", "解除")
		has("confirmation", "确认")
		has("guarantee", "担保", "保证")
		has("appraisal_text", "鉴定", "评估")
		add("", "sentences", math.Min(float64(strings.Count(text, "。")), 20))
	}
}

func criminalFeatures(f *triagev1.Filing, a *rules.Assessment, add func(prefix, name string, v float64)) {
	fam := "other"
	if c := chargeFamily(f.GetCause()); c >= 0 {
		fam = chargeNames[c]
	}
	add(vocabCharge, fam, 1)
	if strings.Contains(f.GetCause(), "危险驾驶") {
		add("", "dangerous_driving", 1) // 拘役 at most: the lightest charge in the family
	}
	c := f.GetCircumstances()
	// The plea and the co-defendants as the rules read them: the fields,
	// less what the text's disputes take away (criminalTextFacts); the
	// fields alone when there is no assessment.
	plea, co := rules.PleaOf(c), rules.CoDefendantsOf(c)
	if a != nil {
		plea, co = a.Facts.Plea, a.Facts.CoDefendants
	}
	if plea.Admits {
		add("", "admits", 1)
	}
	if plea.Accepts {
		add("", "accepts", 1)
	}
	if c.GetConsentsFastTrack() {
		add("", "consents_fast_track", 1)
	}
	criminalSentenceFeatures(f, a, add)
	defendants := 0
	minor := false
	for _, p := range f.GetParties() {
		if p.GetRole() == triagev1.PartyRole_PARTY_ROLE_DEFENDANT {
			defendants++
			minor = minor || p.GetMinor()
		}
	}
	minor = minor || reviewedFor(a, rules.CodeReviewMinorInText)
	if defendants > 1 {
		add("", "co_defendants", float64(min(defendants-1, 3)))
	}
	if co.DeniesFacts || co.DisputesChargeOrSentence || co.ObjectsSimplified || co.ObjectsFastTrack {
		add("", "co_defendant_objects", 1)
	}
	if minor {
		add("", "minor_defendant", 1)
	}
	if reviewedFor(a, textBarCodes...) {
		add("", "text_bar", 1)
	}
	if a != nil && !a.FiledOn.Before(fastTrackInForce) {
		add("", "fast_track_era", 1)
	}
}

// textBarCodes are the reviews the rules raise for a bar of a criminal
// filing read from its text (criminalTextFacts, caseTextFacts) other than a
// minor defendant, which minor_defendant reads.
var textBarCodes = []string{rules.CodeReviewImpairedInText, rules.CodeReviewCivilClaimInText,
	rules.CodeReviewDisputeInText, rules.CodeReviewRemandedInText, rules.CodeReviewMajorImpactInText,
	rules.CodeReviewRetrialInText, rules.CodeReviewDefenceNotGuiltyInText}

// reviewedFor reports whether the assessment raised a review with one of
// codes: how the rules say what they read from a filing's text that its
// fields do not state, so that the features reuse the rules' readers.
func reviewedFor(a *rules.Assessment, codes ...string) bool {
	if a == nil {
		return false
	}
	for _, r := range a.ReviewReasons {
		if slices.Contains(codes, r.GetCode()) {
			return true
		}
	}
	return false
}

// criminalSentenceFeatures are the sentencing recommendation's facts: stated
// in the fields or in the text (rules.ReadTextSentence, the rules' reader),
// its term (the field's, else the text's longest fixed term), and the
// law's thresholds as the rules place it (Assessment.Facts.Sentence: the
// fields, the text's heavier reading, the charge's ceiling). The kind of a
// light punishment (缓刑 and lighter) no rules reader tells apart:
// sentenceKind reads it as the trees do.
func criminalSentenceFeatures(f *triagev1.Filing, a *rules.Assessment, add func(prefix, name string, v float64)) {
	c := f.GetCircumstances()
	sev, _ := sentenceKind(c, f.GetText())
	if sev >= sevExemption && sev <= sevSuspended {
		add("", "sentence_light", 1)
	}
	fields := rules.SentenceOf(c)
	months := float64(c.GetRecommendedSentenceMonths())
	stated := fields.Known
	if !stated {
		// The rules read the text once (Facts.TextSentence); without an
		// assessment (training tools) it is read here by the same reader.
		var ts rules.TextSentence
		if a != nil {
			ts = a.Facts.TextSentence
		} else {
			ts = rules.ReadTextSentence(f.GetText())
		}
		if ts.Found {
			stated = true
			if months <= 0 && ts.MaxFixedDays > 0 && !ts.Unbounded {
				months = float64(ts.MaxFixedDays) / 30
			}
		}
	}
	if stated {
		add("", "sentence_stated", 1)
	}
	s := fields
	if a != nil {
		s = a.Facts.Sentence
	}
	if s.LifeOrDeath {
		add("", "sentence_grave", 1)
	}
	if months > 0 {
		add("", "sentence_months_log", math.Log1p(months))
	}
	if s.WithinThreeYears {
		add("", "sentence_within_three_years", 1)
	}
	if s.OverThreeYears {
		add("", "sentence_over_three_years", 1)
	}
}

func civilFeatures(f *triagev1.Filing, a *rules.Assessment, add func(prefix, name string, v float64)) {
	if a != nil {
		fx := &a.Facts
		if fx.Cause.Family != "" {
			add(vocabFamily, fx.Cause.Family, 1)
		}
		if fx.Cause.Category == rules.CategoryMoneyPayment {
			add("", "money_payment", 1)
		}
		if r := fx.AmountToLimit; r > 0 && !math.IsNaN(r) && !math.IsInf(r, 0) {
			// The claim against the province's limit of the time: the
			// statutory edges are 1 (small claims) and a few times it.
			add("", "limit_ratio_log2", math.Max(-6, math.Min(8, math.Log2(r))))
			if r <= 1 {
				add("", "within_limit", 1)
			}
		}
		if fx.PersonalStatus || fx.PropertyConfirmation || fx.NonMonetary {
			add("", "non_monetary", 1)
		}
	}
	add(vocabCause, causeKey(f, a), 1)
	if amt := f.GetClaimAmountFen(); amt > 0 {
		add("", "amount_log10", math.Log10(1+float64(amt)/100))
	} else {
		add("", "amount_none", 1)
	}
	var pl, df, plOrg, dfOrg int
	for _, p := range f.GetParties() {
		org := p.GetKind() == triagev1.PartyKind_PARTY_KIND_ORGANIZATION
		switch p.GetRole() {
		case triagev1.PartyRole_PARTY_ROLE_PLAINTIFF:
			pl++
			if org {
				plOrg++
			}
		case triagev1.PartyRole_PARTY_ROLE_DEFENDANT:
			df++
			if org {
				dfOrg++
			}
		}
	}
	add("", "parties", float64(min(pl+df, 8)))
	if plOrg > 0 {
		add("", "plaintiff_org", 1)
	}
	if dfOrg > 0 {
		add("", "defendant_org", 1)
	}
	c := f.GetCircumstances()
	if c.GetCounterclaim() || c.GetAppraisalNeeded() || c.GetPublicNoticeService() {
		add("", "stated_complication", 1)
	}
}

// realRow is one training filing for the linear model.
type realRow struct {
	feats []realFeat
	label triagev1.Procedure
}

// fitRealLinear fits the model on rows of one case kind.
func fitRealLinear(rows []realRow, lambda float64, balanced bool, set string) (*RealLinear, error) {
	if !(lambda > 0) || math.IsInf(lambda, 0) {
		return nil, fmt.Errorf("real linear model: lambda %v must be positive", lambda)
	}
	names, classes := realVocabulary(rows)
	if len(classes) < 2 {
		return nil, fmt.Errorf("real linear model: %d labelled procedures, need 2", len(classes))
	}
	lm := &RealLinear{Lambda: lambda, Balanced: balanced, FeatureSet: set, Features: names, Classes: classes}
	X := lm.standardise(rows)
	y := make([]int, len(rows))
	counts := make([]float64, len(classes))
	for i, r := range rows {
		y[i] = slices.Index(classes, int32(r.label))
		counts[y[i]]++
	}
	w := make([]float64, len(rows))
	for i := range rows {
		w[i] = 1
		if balanced {
			w[i] = float64(len(rows)) / (float64(len(classes)) * counts[y[i]])
		}
	}
	lm.Coef = descend(X, y, w, len(classes), lambda)
	return lm, nil
}

// realVocabulary lists the features of rows (vocabulary indicators seen
// in at least minVocab rows; every other name seen at all), sorted, and
// the labelled procedures, in procedure order.
func realVocabulary(rows []realRow) ([]string, []int32) {
	seen := map[string]int{}
	var classes []int32
	for _, r := range rows {
		for _, ft := range r.feats {
			seen[ft.name]++
		}
		if !slices.Contains(classes, int32(r.label)) {
			classes = append(classes, int32(r.label))
		}
	}
	var names []string
	for n, k := range seen {
		vocab := strings.HasPrefix(n, vocabCharge) || strings.HasPrefix(n, vocabCause) || strings.HasPrefix(n, vocabFamily) || strings.HasPrefix(n, vocabRegion) ||
			strings.HasPrefix(n, vocabFamilyBand)
		if !vocab || k >= minVocab {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	slices.Sort(classes)
	return names, classes
}

// standardise sets Mean and Scale from rows and returns their standardised
// design matrix; a constant feature gets scale 1 (its weight stays 0).
func (lm *RealLinear) standardise(rows []realRow) [][]float64 {
	d := len(lm.Features)
	X := make([][]float64, len(rows))
	for i, r := range rows {
		X[i] = lm.dense(r.feats)
	}
	lm.Mean, lm.Scale = make([]float64, d), make([]float64, d)
	n := float64(len(rows))
	for j := range d {
		var s, ss float64
		for i := range X {
			s += X[i][j]
		}
		mean := s / n
		for i := range X {
			ss += (X[i][j] - mean) * (X[i][j] - mean)
		}
		sd := math.Sqrt(ss / n)
		if !(sd > 1e-12) {
			sd = 1
		}
		lm.Mean[j], lm.Scale[j] = mean, sd
		for i := range X {
			X[i][j] = (X[i][j] - mean) / sd
		}
	}
	return X
}

// dense lays named features out in the model's order (unknown names are
// dropped).
func (lm *RealLinear) dense(feats []realFeat) []float64 {
	x := make([]float64, len(lm.Features))
	for _, ft := range feats {
		if j, ok := slices.BinarySearch(lm.Features, ft.name); ok {
			x[j] = ft.v
		}
	}
	return x
}

// descend minimises the weighted mean log-loss plus λ/2·‖W‖² (the
// intercepts get a token 1e-6 so that the softmax's free shift is pinned)
// by Newton's method with backtracking from zero: a few dozen parameters,
// so the exact Hessian is cheap, and the result does not depend on a step
// size or an iteration budget. It stops when a step changes no parameter
// by more than 1e-9, or after maxNewton steps.
func descend(X [][]float64, y []int, w []float64, C int, lambda float64) [][]float64 {
	const (
		maxNewton   = 100
		interceptL2 = 1e-6
	)
	d := 0
	if len(X) > 0 {
		d = len(X[0])
	}
	D := d + 1
	P := C * D
	pen := func(j int) float64 {
		if j == d {
			return interceptL2
		}
		return lambda
	}
	var wsum float64
	for _, v := range w {
		wsum += v
	}
	p := make([]float64, C)
	objective := func(W [][]float64) float64 {
		var loss float64
		for i, x := range X {
			linearSoftmax(W, x, p)
			loss -= w[i] * math.Log(max(p[y[i]], 1e-300))
		}
		loss /= wsum
		for c := range C {
			for j := range D {
				loss += pen(j) / 2 * W[c][j] * W[c][j]
			}
		}
		return loss
	}
	W, trial := zeros(C, D), zeros(C, D)
	g, H := make([]float64, P), zeros(P, P)
	f := objective(W)
	for range maxNewton {
		newtonSystem(X, y, w, wsum, W, pen, g, H, p)
		step, ok := choleskySolve(H, g)
		if !ok {
			break
		}
		// Backtrack until the objective falls (near the optimum Newton's
		// full step does).
		t, fNew := 1.0, math.Inf(1)
		for range 30 {
			for a := range C {
				for j := range D {
					trial[a][j] = W[a][j] - t*step[a*D+j]
				}
			}
			if fNew = objective(trial); fNew <= f {
				break
			}
			t /= 2
		}
		if !(fNew <= f) {
			break
		}
		var change float64
		for a := range C {
			for j := range D {
				change = max(change, math.Abs(trial[a][j]-W[a][j]))
			}
		}
		copyMat(W, trial)
		f = fNew
		if change < 1e-9 {
			break
		}
	}
	return W
}

// newtonSystem writes the objective's gradient g and Hessian H at W
// (parameters laid out class by class, the intercept last).
func newtonSystem(X [][]float64, y []int, w []float64, wsum float64, W [][]float64, pen func(int) float64, g []float64, H [][]float64, p []float64) {
	C, D := len(W), len(W[0])
	clear(g)
	for r := range H {
		clear(H[r])
	}
	xi := make([]float64, D)
	for i, x := range X {
		linearSoftmax(W, x, p)
		copy(xi, x)
		xi[D-1] = 1
		wi := w[i] / wsum
		for a := range C {
			ga := p[a] - b2f(a == y[i])
			for j := range D {
				g[a*D+j] += wi * ga * xi[j]
			}
			for b := range C {
				h := wi * p[a] * (b2f(a == b) - p[b])
				for j := range D {
					hj := h * xi[j]
					row := H[a*D+j][b*D : b*D+D]
					for k := range row {
						row[k] += hj * xi[k]
					}
				}
			}
		}
	}
	for a := range C {
		for j := range D {
			g[a*D+j] += pen(j) * W[a][j]
			H[a*D+j][a*D+j] += pen(j)
		}
	}
}

// choleskySolve solves H·x = g for a symmetric positive definite H (which
// it overwrites with its factor); false when H is not positive definite.
func choleskySolve(H [][]float64, g []float64) ([]float64, bool) {
	n := len(g)
	for i := range n {
		for j := 0; j <= i; j++ {
			s := H[i][j]
			for k := range j {
				s -= H[i][k] * H[j][k]
			}
			if i == j {
				if !(s > 0) {
					return nil, false
				}
				H[i][i] = math.Sqrt(s)
			} else {
				H[i][j] = s / H[j][j]
			}
		}
	}
	x := make([]float64, n)
	for i := range n { // L·z = g
		s := g[i]
		for k := range i {
			s -= H[i][k] * x[k]
		}
		x[i] = s / H[i][i]
	}
	for i := n - 1; i >= 0; i-- { // Lᵀ·x = z
		s := x[i]
		for k := i + 1; k < n; k++ {
			s -= H[k][i] * x[k]
		}
		x[i] = s / H[i][i]
	}
	return x, true
}

// linearSoftmax writes softmax(W·[x, 1]) into p.
func linearSoftmax(W [][]float64, x []float64, p []float64) {
	mx := math.Inf(-1)
	for c, row := range W {
		z := row[len(x)]
		for j, v := range x {
			z += row[j] * v
		}
		p[c] = z
		mx = max(mx, z)
	}
	var s float64
	for c := range p {
		p[c] = math.Exp(p[c] - mx)
		s += p[c]
	}
	for c := range p {
		p[c] /= s
	}
}

func zeros(r, c int) [][]float64 {
	m := make([][]float64, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

func copyMat(dst, src [][]float64) {
	for i := range dst {
		copy(dst[i], src[i])
	}
}

// predict writes the model's distribution for the named features into q
// (procedures it does not know get 0).
func (lm *RealLinear) predict(feats []realFeat, q *triage.Probabilities) {
	lm.predictDense(lm.dense(feats), q)
}

// predictFiling is predict(realFeatures(f, a), q) without building the
// list or its names: each fact goes straight to its input by a search of
// the sorted names, into a buffer on the stack.
func (lm *RealLinear) predictFiling(f *triagev1.Filing, a *rules.Assessment, q *triage.Probabilities) {
	var buf [64]float64
	var x []float64
	if d := len(lm.Features); d <= len(buf) {
		x = buf[:d]
	} else {
		x = make([]float64, d)
	}
	emitRealFeatures(f, a, func(prefix, name string, v float64) {
		if j, ok := lm.find(prefix, name); ok {
			x[j] = v
		}
	})
	lm.predictDense(x, q)
}

// find returns the index of the feature named prefix+name.
func (lm *RealLinear) find(prefix, name string) (int, bool) {
	lo, hi := 0, len(lm.Features)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if compareJoined(lm.Features[mid], prefix, name) < 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, lo < len(lm.Features) && compareJoined(lm.Features[lo], prefix, name) == 0
}

// compareJoined is strings.Compare(s, prefix+name) without the join.
func compareJoined(s, prefix, name string) int {
	if len(s) < len(prefix) {
		if c := strings.Compare(s, prefix[:len(s)]); c != 0 {
			return c
		}
		return -1 // s is a proper prefix of prefix+name
	}
	if c := strings.Compare(s[:len(prefix)], prefix); c != 0 {
		return c
	}
	return strings.Compare(s[len(prefix):], name)
}

// predictDense writes the distribution for the raw inputs x (standardised
// in place) into q.
func (lm *RealLinear) predictDense(x []float64, q *triage.Probabilities) {
	for j := range x {
		x[j] = (x[j] - lm.Mean[j]) / lm.Scale[j]
	}
	var buf [len(triage.Probabilities{})]float64
	var p []float64
	if len(lm.Classes) <= len(buf) {
		p = buf[:len(lm.Classes)]
	} else {
		p = make([]float64, len(lm.Classes))
	}
	linearSoftmax(lm.Coef, x, p)
	clear(q[:])
	for c, proc := range lm.Classes {
		q[proc] = p[c]
	}
}

func (lm *RealLinear) validate() error {
	d := len(lm.Features)
	switch {
	case !(lm.Lambda > 0):
		return fmt.Errorf("lambda %v", lm.Lambda)
	case len(lm.Mean) != d || len(lm.Scale) != d:
		return fmt.Errorf("%d features, %d means, %d scales", d, len(lm.Mean), len(lm.Scale))
	case len(lm.Classes) < 2 || len(lm.Coef) != len(lm.Classes):
		return fmt.Errorf("%d classes, %d coefficient rows", len(lm.Classes), len(lm.Coef))
	case !slices.Contains(featureSets, lm.FeatureSet):
		return fmt.Errorf("feature set %q", lm.FeatureSet)
	case !slices.IsSorted(lm.Features):
		return fmt.Errorf("features not sorted")
	case !allFinite(lm.Mean) || !allFinite(lm.Scale) || slices.Contains(lm.Scale, 0):
		return fmt.Errorf("non-finite or zero standardisation")
	}
	for c, proc := range lm.Classes {
		if proc <= 0 || int(proc) >= len(triage.Probabilities{}) {
			return fmt.Errorf("class %d: procedure %d", c, proc)
		}
		if len(lm.Coef[c]) != d+1 || !allFinite(lm.Coef[c]) {
			return fmt.Errorf("class %d: %d coefficients for %d features", c, len(lm.Coef[c]), d)
		}
	}
	return nil
}
