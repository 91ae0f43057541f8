package classifier

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/triage"
)

// realCivil is a civil filing for the civil feature sets' tests.
func realCivil(id, cause string, yuan int64, text string, defendants int, label triagev1.Procedure) *triagev1.LabeledFiling {
	parties := []*triagev1.Party{{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON}}
	for range defendants {
		parties = append(parties, &triagev1.Party{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON})
	}
	return &triagev1.LabeledFiling{Label: label, Filing: &triagev1.Filing{
		Id: id, CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, Court: "某区人民法院",
		CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "浙江省", FiledOn: "2018-05-01", Cause: cause,
		ClaimAmountFen: yuan * 100, Text: text, Parties: parties,
	}}
}

// TestCivilSmallFeatures checks that each fact of the small civil set is
// read from where the law puts it.
func TestCivilSmallFeatures(t *testing.T) {
	r := testRules(t)
	const sim = triagev1.Procedure_PROCEDURE_SIMPLIFIED
	tests := []struct {
		name      string
		lf        *triagev1.LabeledFiling
		mutate    func(*triagev1.Filing)
		want, not []string
	}{
		{"small loan within the limit", realCivil("a", "民间借贷纠纷", 5_000, "原告请求被告归还借款五千元。", 1, sim), nil,
			[]string{"text_log2", "limit_ratio_log2", "small_claims_mandatory"}, []string{"above_limit", "amount_none", "defendants_several"}},
		{"large loan, two defendants, whereabouts unknown", realCivil("b", "民间借贷纠纷", 2_000_000, "被告下落不明，原告请求归还借款。", 2, sim), nil,
			[]string{"limit_ratio_log2", "above_limit", "defendants_several", "whereabouts_unknown"}, []string{"small_claims_mandatory", "amount_none"}},
		{"no amount, counterclaim and appraisal flagged", realCivil("c", "离婚纠纷", 0, "原告请求离婚。", 1, sim), func(f *triagev1.Filing) {
			f.Circumstances = &triagev1.Circumstances{Counterclaim: true, AppraisalNeeded: true}
		}, []string{"amount_none", "counterclaim", "appraisal"}, []string{"limit_ratio_log2", "above_limit", "whereabouts_unknown"}},
		{"appraisal and counterclaim in the text", realCivil("d", "机动车交通事故责任纠纷", 80_000, "请求鉴定伤残等级；被告提出反诉。", 1, sim), nil,
			[]string{"appraisal", "counterclaim"}, []string{"amount_none"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.lf.GetFiling()
			if tc.mutate != nil {
				tc.mutate(f)
			}
			a, err := r.Evaluate(f)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, ft := range civilSmallFeatures(f, a) {
				if math.IsNaN(ft.v) || math.IsInf(ft.v, 0) {
					t.Errorf("%s = %v", ft.name, ft.v)
				}
				names = append(names, ft.name)
			}
			for _, n := range tc.want {
				if !slices.Contains(names, n) {
					t.Errorf("missing %s in %v", n, names)
				}
			}
			for _, n := range tc.not {
				if slices.Contains(names, n) {
					t.Errorf("unexpected %s in %v", n, names)
				}
			}
		})
	}
}

// TestBaselineLogP checks that the recalibration inputs are the
// baseline's own probabilities.
func TestBaselineLogP(t *testing.T) {
	r := testRules(t)
	f := realCivil("a", "民间借贷纠纷", 5_000, "原告请求被告归还借款。", 1, triagev1.Procedure_PROCEDURE_SIMPLIFIED).GetFiling()
	a, err := r.Evaluate(f)
	if err != nil {
		t.Fatal(err)
	}
	var p triage.Probabilities
	NewBaseline().Score(f, a, &p)
	got := map[string]float64{}
	for _, ft := range baselineLogP(f, a) {
		got[ft.name] = ft.v
	}
	want := map[string]float64{
		"base_logp_small_claims": math.Log(p[triagev1.Procedure_PROCEDURE_SMALL_CLAIMS]),
		"base_logp_simplified":   math.Log(p[triagev1.Procedure_PROCEDURE_SIMPLIFIED]),
		"base_logp_ordinary":     math.Log(p[triagev1.Procedure_PROCEDURE_ORDINARY]),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("baseline log-probabilities (-want +got):\n%s", diff)
	}
}

// TestCivilLinearFeatureSet fits a civil linear model on a set where the
// claim against the limit decides, checks that the set is recorded, read
// back when scoring and survives validation, and that an unknown set is
// refused.
func TestCivilLinearFeatureSet(t *testing.T) {
	r := testRules(t)
	const sim, ord = triagev1.Procedure_PROCEDURE_SIMPLIFIED, triagev1.Procedure_PROCEDURE_ORDINARY
	var data []*triagev1.LabeledFiling
	for i := range 12 {
		data = append(data,
			realCivil(fmt.Sprintf("s%d", i), "买卖合同纠纷", int64(20_000+1_000*i), "原告请求被告支付货款。", 1, sim),
			realCivil(fmt.Sprintf("o%d", i), "买卖合同纠纷", int64(3_000_000+100_000*i), "原告请求被告支付货款。", 1, ord))
	}
	for _, set := range civilFeatureSets {
		t.Run(set, func(t *testing.T) {
			rp, err := FitRealPrior(r, data, 5, map[string]RealFit{"CASE_KIND_CIVIL": {Method: RealLogit, Lambda: 0.01, Features: set, Weight: 1}})
			if err != nil {
				t.Fatal(err)
			}
			lm := rp.Linear["CASE_KIND_CIVIL"]
			if lm.FeatureSet != set {
				t.Fatalf("feature set %q, want %q", lm.FeatureSet, set)
			}
			pOrd := func(yuan int64) float64 {
				f := realCivil("x", "买卖合同纠纷", yuan, "原告请求被告支付货款。", 1, sim).GetFiling()
				a, err := r.Evaluate(f)
				if err != nil {
					t.Fatal(err)
				}
				var p triage.Probabilities
				rp.Apply(f, a, &p)
				return p[ord]
			}
			if lo, hi := pOrd(25_000), pOrd(3_500_000); !(lo < 0.3 && hi > 0.7) {
				t.Errorf("P(ordinary) %.3f for ¥25,000 and %.3f for ¥3,500,000: the claim should decide", lo, hi)
			}
			bad := *lm
			bad.FeatureSet = "no-such-set"
			if err := bad.validate(); err == nil {
				t.Error("unknown feature set accepted")
			}
		})
	}
}

// TestRealGridFor checks that civil filings choose among the civil
// feature sets and the base scorer alone, that criminal linear candidates
// read criminalFeatureSet, and that administrative filings take the grid
// as it is.
func TestRealGridFor(t *testing.T) {
	grid := RealGrid()
	if diff := cmp.Diff(grid, realGridFor(triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE, grid)); diff != "" {
		t.Errorf("administrative grid changed:\n%s", diff)
	}
	// Criminal: the same candidates, the linear ones reading the law's
	// fast-track era (criminalFeatureSet); a named set stays.
	crim := realGridFor(triagev1.CaseKind_CASE_KIND_CRIMINAL, grid)
	if len(crim) != len(grid) {
		t.Errorf("criminal grid has %d candidates, want %d", len(crim), len(grid))
	}
	for i, g := range crim {
		want := grid[i]
		if want.Method == RealLogit {
			want.Features = FeaturesCriminalLaw
		}
		if g != want {
			t.Errorf("criminal candidate %d = %v, want %v", i, g, want)
		}
	}
	broad := []RealFit{{Method: RealLogit, Lambda: 1, Features: FeaturesBroad, Weight: 1}}
	if diff := cmp.Diff(broad, realGridFor(triagev1.CaseKind_CASE_KIND_CRIMINAL, broad)); diff != "" {
		t.Errorf("a criminal candidate naming its set was changed:\n%s", diff)
	}
	civil := realGridFor(triagev1.CaseKind_CASE_KIND_CIVIL, grid)
	if len(civil) != 145 {
		t.Errorf("civil grid has %d candidates, want 145", len(civil))
	}
	sets := map[string]int{}
	for _, g := range civil {
		switch {
		case g.Method == RealCounts && g.Weight != 0:
			t.Errorf("civil grid keeps counts at weight %v", g.Weight)
		case g.Method == RealLogit:
			sets[g.Features]++
		}
	}
	want := map[string]int{FeaturesCivilSmall: 48, FeaturesBaselineLogP: 48, FeaturesCivilSmallBaseline: 48}
	if diff := cmp.Diff(want, sets); diff != "" {
		t.Errorf("civil linear candidates by feature set (-want +got):\n%s", diff)
	}
	named := []RealFit{{Method: RealLogit, Lambda: 1, Features: FeaturesCivilSmall, Weight: 1}}
	if diff := cmp.Diff(named, realGridFor(triagev1.CaseKind_CASE_KIND_CIVIL, named)); diff != "" {
		t.Errorf("a candidate naming its set was changed:\n%s", diff)
	}
}

// TestCivilGrid checks the pre-registered civil candidates.
func TestCivilGrid(t *testing.T) {
	n := map[string]int{}
	for _, g := range CivilGrid() {
		n[g.Method]++
		if !IsCivilMethod(g.Method) || !(g.Weight > 0 && g.Weight <= 1) {
			t.Errorf("candidate %v", g)
		}
	}
	if diff := cmp.Diff(map[string]int{RealCivilLaw: 6, RealCivilOrdinal: 3, RealRecalibrate: 2}, n); diff != "" {
		t.Errorf("candidates per method (-want +got):\n%s", diff)
	}
	if got := CivilGrid(RealRecalibrate); len(got) != 2 || got[0].Method != RealRecalibrate {
		t.Errorf("CivilGrid(recalibrate) = %v", got)
	}
	if IsCivilMethod(RealCounts) || IsCivilMethod(RealLogit) {
		t.Error("counts or linear taken for a civil-only method")
	}
}

// TestCivilLawDistribution checks the ordinary grounds as read from a
// filing and the law-structured scorer's pick for each.
func TestCivilLawDistribution(t *testing.T) {
	r := testRules(t)
	const (
		sc  = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS
		sim = triagev1.Procedure_PROCEDURE_SIMPLIFIED
		ord = triagev1.Procedure_PROCEDURE_ORDINARY
	)
	tests := []struct {
		name       string
		lf         *triagev1.LabeledFiling
		mutate     func(*triagev1.Filing)
		mandatory  bool
		grounds    int
		threshold  float64
		want       triagev1.Procedure
		wantRegime string
	}{
		{"small loan in the band: small claims", realCivil("a", "民间借贷纠纷", 5_000, "请求归还借款。", 1, sim), nil, true, 0, 4, sc, "30"},
		// From rules 2026-12-04.28 the rules read 下落不明 in the text
		// (CPL 166(4), INFER_WHEREABOUTS_FROM_TEXT): small claims is no
		// longer mandatory, and the words stay a ground against it.
		{"small loan, whereabouts unknown in the text", realCivil("b", "民间借贷纠纷", 5_000, "被告下落不明。", 1, sim), nil, false, 1, 4, ord, "30"},
		{"two defendants and a counterclaim", realCivil("c", "买卖合同纠纷", 100_000, "请求支付货款。", 2, sim), func(f *triagev1.Filing) {
			f.Circumstances = &triagev1.Circumstances{Counterclaim: true}
		}, false, 2, 4, ord, "30"},
		{"a complex cause with an appraisal", realCivil("d", "建设工程施工合同纠纷", 100_000, "请求鉴定工程造价。", 1, sim), nil, false, 2, 4, ord, "30"},
		{"over the band, under the threshold", realCivil("e", "民间借贷纠纷", 100_000, "请求归还借款。", 1, sim), nil, false, 0, 64, sim, "30"},
		{"far over the threshold", realCivil("f", "民间借贷纠纷", 3_000_000, "请求归还借款。", 1, sim), nil, false, 0, 4, ord, "30"},
		{"no amount", realCivil("g", "侵权责任纠纷", 0, "请求赔礼道歉。", 1, sim), nil, false, 0, 4, sim, "30"},
		{"2024: the CPL 165 regime", realCivil("h", "民间借贷纠纷", 45_000, "请求归还借款。", 1, sim), func(f *triagev1.Filing) {
			f.Province, f.FiledOn = "江苏省", "2024-03-05"
		}, true, 0, 4, sc, "50"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.lf.GetFiling()
			if tc.mutate != nil {
				tc.mutate(f)
			}
			a, err := r.Evaluate(f)
			if err != nil {
				t.Fatal(err)
			}
			x := civilLawOf(f, a)
			if x.mandatory != tc.mandatory || x.grounds != tc.grounds || x.regime != tc.wantRegime {
				t.Errorf("facts %+v, want mandatory %v, %d grounds, regime %s", x, tc.mandatory, tc.grounds, tc.wantRegime)
			}
			var q triage.Probabilities
			civilLawDistribution(x, tc.threshold, &q)
			best, _ := triage.Pick(triage.OptionsOf(a.Options, nil), &q, triage.DefaultPolicy)
			if got := a.Options[best].GetProcedure(); got != tc.want {
				t.Errorf("picked %v, want %v (q %v)", got, tc.want, q)
			}
		})
	}
}

// civilMethodData is a small civil set in which whereabouts unknown
// decides ordinary, with small loans in the band labelled small claims.
func civilMethodData() []*triagev1.LabeledFiling {
	var data []*triagev1.LabeledFiling
	for i := range 12 {
		data = append(data,
			realCivil(fmt.Sprintf("s%d", i), "民间借贷纠纷", int64(100_000+1_000*i), "请求归还借款。", 1, triagev1.Procedure_PROCEDURE_SIMPLIFIED),
			realCivil(fmt.Sprintf("o%d", i), "民间借贷纠纷", int64(100_000+1_000*i), "被告下落不明，请求归还借款。", 1, triagev1.Procedure_PROCEDURE_ORDINARY),
			realCivil(fmt.Sprintf("m%d", i), "民间借贷纠纷", int64(2_000+100*i), "请求归还借款。", 1, triagev1.Procedure_PROCEDURE_SMALL_CLAIMS))
	}
	return data
}

// TestCivilMethodsServeAsCrossValidated fits each civil candidate and
// checks that the served path (Model.Score through RealPrior.Apply, after
// a JSON round trip as in a model directory) recommends what the
// cross-validation path (RealPrior.Decide on prepared cases) does for
// every filing.
func TestCivilMethodsServeAsCrossValidated(t *testing.T) {
	r := testRules(t)
	data := civilMethodData()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := PrepareRealCases(r, NewBaseline(), data)
	// The fourth attempt's linear variants too: bagged, guarded, coarse.
	fits := append(CivilGrid(),
		RealFit{Method: RealLogit, Lambda: 0.1, Balanced: true, Features: FeaturesCivilSmallBaseline, Bag: 5, Guard: true, Weight: 0.5},
		RealFit{Method: RealLogit, Lambda: 0.03, Features: FeaturesCivilCoarse, Guard: true, Weight: 1},
		RealFit{Method: RealLogit, Lambda: 0.03, Features: FeaturesCivilSmall, Bag: 3, BagSeed: 2, Weight: 1})
	for _, fit := range fits {
		t.Run(fit.String(), func(t *testing.T) {
			rp, err := FitRealPrior(r, data, 5, map[string]RealFit{"CASE_KIND_CIVIL": fit})
			if err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(rp)
			if err != nil {
				t.Fatal(err)
			}
			var back RealPrior
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			served, err := m.With(m.BaselineBlends(), &back)
			if err != nil {
				t.Fatal(err)
			}
			eng := triage.New(r, served)
			right := 0
			for i, lf := range data {
				d, err := eng.Decide(context.Background(), lf.GetFiling())
				if err != nil {
					t.Fatal(err)
				}
				want := rp.Decide(cases[i], triage.DefaultPolicy).Recommended
				if d.GetRecommended() != want {
					t.Errorf("%s: served %v, cross-validation path %v", lf.GetFiling().GetId(), d.GetRecommended(), want)
				}
				if want == lf.GetLabel() {
					right++
				}
			}
			if fit.Method == RealRecalibrate && len(rp.Recalibration) != 1 {
				t.Errorf("recalibration for %d regimes, want the one of the data", len(rp.Recalibration))
			}
			t.Logf("%d of %d right", right, len(data))
		})
	}
}

// TestRecalibration checks the factors against their formula and that a
// regime with too few training filings is left as the baseline has it.
func TestRecalibration(t *testing.T) {
	r := testRules(t)
	data := civilMethodData()
	cases := PrepareRealCases(r, NewBaseline(), data)
	rp, err := fitRealPrior(cases, 5, map[string]RealFit{"CASE_KIND_CIVIL": {Method: RealRecalibrate, Gamma: 1, Weight: 1}})
	if err != nil {
		t.Fatal(err)
	}
	f := rp.Recalibration["CASE_KIND_CIVIL/30"]
	if f == nil {
		t.Fatalf("no factors for the CPL 162 regime: %v", rp.Recalibration)
	}
	var base triage.Probabilities
	for _, c := range cases {
		for i, v := range c.baseline {
			base[i] += v / float64(len(cases))
		}
	}
	for _, p := range civilProcedures {
		want := (12 + 1) / float64(36+3) / base[p] // 12 filings of each label
		if math.Abs(f[p]-want) > 1e-12 {
			t.Errorf("%v: factor %v, want %v", p, f[p], want)
		}
	}
	few := rp.Recalibration
	rp2, err := fitRealPrior(cases[:recalibrateMin-1], 5, map[string]RealFit{"CASE_KIND_CIVIL": {Method: RealRecalibrate, Gamma: 1, Weight: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rp2.Recalibration) != 0 {
		t.Errorf("%d filings gave factors %v (had %v with all)", recalibrateMin-1, rp2.Recalibration, few)
	}
	// A 2024 filing (the CPL 165 regime, never trained on) keeps the
	// baseline's distribution: small claims for a loan in the band.
	lf := realCivil("new", "民间借贷纠纷", 45_000, "请求归还借款。", 1, triagev1.Procedure_PROCEDURE_SIMPLIFIED)
	lf.Filing.Province, lf.Filing.FiledOn = "江苏省", "2024-03-05"
	a, err := r.Evaluate(lf.GetFiling())
	if err != nil {
		t.Fatal(err)
	}
	var p, want triage.Probabilities
	NewBaseline().Score(lf.GetFiling(), a, &p)
	want = p
	rp.Apply(lf.GetFiling(), a, &p)
	if p != want {
		t.Errorf("a CPL 165 filing was recalibrated by CPL 162 factors: %v, want %v", p, want)
	}
}

// TestCivilMethodsRefuseBadFits checks every failure path of the civil
// methods' fit and validation.
func TestCivilMethodsRefuseBadFits(t *testing.T) {
	r := testRules(t)
	data := civilMethodData()
	civil := func(f RealFit) map[string]RealFit { return map[string]RealFit{"CASE_KIND_CIVIL": f} }
	oneLabel := data[:1]
	for _, tc := range []struct {
		name string
		data []*triagev1.LabeledFiling
		fit  map[string]RealFit
		want string
	}{
		{"civil-law without a threshold", data, civil(RealFit{Method: RealCivilLaw, Weight: 1}), "threshold"},
		{"civil-law infinite threshold", data, civil(RealFit{Method: RealCivilLaw, Threshold: math.Inf(1), Weight: 1}), "threshold"},
		{"recalibrate strength 0", data, civil(RealFit{Method: RealRecalibrate, Weight: 1}), "strength"},
		{"recalibrate strength 2", data, civil(RealFit{Method: RealRecalibrate, Gamma: 2, Weight: 1}), "strength"},
		{"civil-ordinal with one label", oneLabel, civil(RealFit{Method: RealCivilOrdinal, Lambda: 1, Weight: 1}), "labelled procedures"},
		{"civil-ordinal without a penalty", data, civil(RealFit{Method: RealCivilOrdinal, Weight: 1}), "lambda"},
		{"unknown method", data, civil(RealFit{Method: "civil-magic", Weight: 1}), "civil-magic"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := FitRealPrior(r, tc.data, 5, tc.fit)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one naming %q", err, tc.want)
			}
		})
	}
	rp, err := FitRealPrior(r, data, 5, civil(RealFit{Method: RealRecalibrate, Gamma: 1, Weight: 1}))
	if err != nil {
		t.Fatal(err)
	}
	rp.Recalibration["CASE_KIND_CIVIL/30"][triagev1.Procedure_PROCEDURE_SIMPLIFIED] = -1
	if err := rp.validate(); err == nil || !strings.Contains(err.Error(), "recalibration") {
		t.Errorf("negative factor: error %v", err)
	}
	rp, err = FitRealPrior(r, data, 5, civil(RealFit{Method: RealCivilOrdinal, Lambda: 1, Weight: 1}))
	if err != nil {
		t.Fatal(err)
	}
	rp.Linear = nil
	if err := rp.validate(); err == nil || !strings.Contains(err.Error(), "without its model") {
		t.Errorf("civil-ordinal without its model: error %v", err)
	}
}
