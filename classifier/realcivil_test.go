package classifier

import (
	"fmt"
	"math"
	"slices"
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
