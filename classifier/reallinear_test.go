package classifier

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/triage"
)

// realCrim is a criminal filing for the real prior's tests.
func realCrim(id, cause string, plea bool, label triagev1.Procedure) *triagev1.LabeledFiling {
	return &triagev1.LabeledFiling{Label: label, Filing: &triagev1.Filing{
		Id: id, CaseKind: triagev1.CaseKind_CASE_KIND_CRIMINAL, Court: "某区人民法院",
		CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "浙江省", FiledOn: "2018-05-01", Cause: cause,
		Text:          "公诉机关指控：被告人某某" + cause + "。",
		Parties:       []*triagev1.Party{{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON}},
		Circumstances: &triagev1.Circumstances{GuiltyPlea: plea},
	}}
}

// realCrimSet is drug sales tried simplified and rape in ordinary
// procedure, with one exception each, as practice has it.
func realCrimSet() []*triagev1.LabeledFiling {
	const sim, ord = triagev1.Procedure_PROCEDURE_SIMPLIFIED, triagev1.Procedure_PROCEDURE_ORDINARY
	var data []*triagev1.LabeledFiling
	for i := range 12 {
		label := sim
		if i == 0 {
			label = ord
		}
		data = append(data, realCrim(fmt.Sprintf("d%d", i), "贩卖毒品罪", true, label))
		label = ord
		if i == 0 {
			label = sim
		}
		data = append(data, realCrim(fmt.Sprintf("r%d", i), "强奸罪", i%2 == 0, label))
	}
	return data
}

// TestRealLinear fits the linear prior and checks what it learnt, that the
// fit is deterministic, that it survives JSON, and that a stronger penalty
// pulls it towards the base rate.
func TestRealLinear(t *testing.T) {
	r := testRules(t)
	const sim, ord = triagev1.Procedure_PROCEDURE_SIMPLIFIED, triagev1.Procedure_PROCEDURE_ORDINARY
	fit := func(lambda float64) *RealPrior {
		t.Helper()
		rp, err := FitRealPrior(r, realCrimSet(), 5, map[string]RealFit{"CASE_KIND_CRIMINAL": {Method: RealLogit, Lambda: lambda, Weight: 1}})
		if err != nil {
			t.Fatal(err)
		}
		return rp
	}
	pSim := func(rp *RealPrior, lf *triagev1.LabeledFiling) float64 {
		t.Helper()
		a, err := r.Evaluate(lf.GetFiling())
		if err != nil {
			t.Fatal(err)
		}
		var p triage.Probabilities
		rp.Apply(lf.GetFiling(), a, &p)
		if s := p[sim] + p[ord]; math.Abs(s-1) > 1e-9 {
			t.Errorf("probabilities sum to %v", s)
		}
		return p[sim]
	}
	weak, strong := fit(0.01), fit(10)
	drugs, rape := realCrim("x", "贩卖毒品罪", true, sim), realCrim("y", "强奸罪", true, ord)
	if got := pSim(weak, drugs); got < 0.8 {
		t.Errorf("drug sale: P(simplified) = %.3f, want ≥ 0.8", got)
	}
	if got := pSim(weak, rape); got > 0.2 {
		t.Errorf("rape: P(simplified) = %.3f, want ≤ 0.2", got)
	}
	if d, s := pSim(weak, drugs)-pSim(weak, rape), pSim(strong, drugs)-pSim(strong, rape); !(s < d) || s < 0 {
		t.Errorf("penalty 10 separates by %.3f, penalty 0.01 by %.3f: want less, not reversed", s, d)
	}
	if diff := cmp.Diff(weak, fit(0.01)); diff != "" {
		t.Errorf("refit differs (-first +second):\n%s", diff)
	}
	b, err := json.Marshal(weak)
	if err != nil {
		t.Fatal(err)
	}
	var back RealPrior
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if err := back.validate(); err != nil {
		t.Fatal(err)
	}
	if got, want := pSim(&back, drugs), pSim(weak, drugs); got != want {
		t.Errorf("after JSON P(simplified) = %v, want %v", got, want)
	}
	// Refit keeps the configuration.
	again, err := weak.Refit(r, realCrimSet()[:20])
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(weak.Fits, again.Fits); diff != "" || again.Linear["CASE_KIND_CRIMINAL"] == nil {
		t.Errorf("refit lost the configuration (-want +got):\n%s", diff)
	}
}

// TestRealPriorRejects lists the configurations and stored priors that
// must be refused.
func TestRealPriorRejects(t *testing.T) {
	r := testRules(t)
	crimFit := func(f RealFit) map[string]RealFit { return map[string]RealFit{"CASE_KIND_CRIMINAL": f} }
	tests := []struct {
		name  string
		alpha float64
		fits  map[string]RealFit
		data  []*triagev1.LabeledFiling
		want  string
	}{
		{"zero alpha", 0, crimFit(RealFit{Method: RealCounts, Weight: 1}), realCrimSet(), "alpha"},
		{"unknown method", 5, crimFit(RealFit{Method: "forest", Weight: 1}), realCrimSet(), "method"},
		{"zero lambda", 5, crimFit(RealFit{Method: RealLogit, Weight: 1}), realCrimSet(), "lambda"},
		{"weight above 1", 5, crimFit(RealFit{Method: RealCounts, Weight: 1.5}), realCrimSet(), "weight"},
		{"one label", 5, crimFit(RealFit{Method: RealLogit, Lambda: 1, Weight: 1}), realCrimSet()[1:2], "need 2"},
		{"not a kind", 5, map[string]RealFit{"CASE_KIND_NONE": {Method: RealCounts, Weight: 1}}, realCrimSet(), "not a case kind"},
	}
	for _, tc := range tests {
		_, err := FitRealPrior(r, tc.data, tc.alpha, tc.fits)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one mentioning %q", tc.name, err, tc.want)
		}
	}
	good, err := FitRealPrior(r, realCrimSet(), 5, crimFit(RealFit{Method: RealLogit, Lambda: 1, Weight: 1}))
	if err != nil {
		t.Fatal(err)
	}
	stored := []struct {
		name   string
		mutate func(lm *RealLinear)
	}{
		{"short coefficients", func(lm *RealLinear) { lm.Coef[0] = lm.Coef[0][1:] }},
		{"NaN coefficient", func(lm *RealLinear) { lm.Coef[1][0] = math.NaN() }},
		{"zero scale", func(lm *RealLinear) { lm.Scale[0] = 0 }},
		{"class out of range", func(lm *RealLinear) { lm.Classes[0] = 9 }},
		{"unsorted features", func(lm *RealLinear) { lm.Features[0], lm.Features[1] = lm.Features[1], lm.Features[0] }},
	}
	for _, tc := range stored {
		b, _ := json.Marshal(good)
		var rp RealPrior
		if err := json.Unmarshal(b, &rp); err != nil {
			t.Fatal(err)
		}
		tc.mutate(rp.Linear["CASE_KIND_CRIMINAL"])
		if err := rp.validate(); err == nil {
			t.Errorf("%s: accepted", tc.name)
		}
	}
}

// TestSelectRealFit checks that the selection and the nested
// cross-validation run on a small set, decide every case and choose from
// the grid, and that the same seed gives the same choice.
func TestSelectRealFit(t *testing.T) {
	r := testRules(t)
	cases := PrepareRealCases(r, NewBaseline(), realCrimSet())
	if len(cases) != 24 {
		t.Fatalf("%d cases prepared, want 24", len(cases))
	}
	grid := []RealFit{{Method: RealCounts, Weight: 0}, {Method: RealCounts, Weight: 1}, {Method: RealLogit, Lambda: 0.1, Weight: 1}}
	fit, score, err := SelectRealFit(cases, grid, 5, 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	if fit.Weight == 0 || score[0] < 0.8 {
		t.Errorf("chose %v with macro-F1 %.3f: the charge decides this set, the base scorer alone cannot", fit, score[0])
	}
	ds, chosen, err := NestedRealCV(cases, grid, 5, 3, 2, 7)
	if err != nil {
		t.Fatal(err)
	}
	ds2, chosen2, err := NestedRealCV(cases, grid, 5, 3, 2, 7)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(chosen, chosen2); diff != "" || !cmp.Equal(ds, ds2) {
		t.Errorf("same seed, different nested result:\n%s", diff)
	}
	for i, d := range ds {
		if d.Recommended == triagev1.Procedure_PROCEDURE_UNSPECIFIED {
			t.Errorf("case %d undecided", i)
		}
	}
	if _, _, err := SelectRealFit(cases[:2], grid, 5, 3, 1); err == nil {
		t.Error("2 cases in 3 folds accepted")
	}
}

// FuzzCompareJoined holds the join-free comparison to strings.Compare.
func FuzzCompareJoined(f *testing.F) {
	f.Add("charge:other", "charge:", "other")
	f.Add("charge", "charge:", "x")
	f.Add("province:上海市", "province:", "上海")
	f.Add("", "", "")
	f.Fuzz(func(t *testing.T, s, prefix, name string) {
		if got, want := compareJoined(s, prefix, name), strings.Compare(s, prefix+name); got != want {
			t.Errorf("compareJoined(%q, %q, %q) = %d, want %d", s, prefix, name, got, want)
		}
	})
}

// TestPredictFilingMatchesPredict: the serving path (facts straight to
// their inputs) gives the training path's distribution (named facts, then
// dense) bit for bit, for the shipped criminal model on generated and, when
// present, real filings, and allocates nothing.
func TestPredictFilingMatchesPredict(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	lm := m.RealPrior().Linear[triagev1.CaseKind_CASE_KIND_CRIMINAL.String()]
	if lm == nil {
		t.Fatal("the default model has no criminal linear prior")
	}
	r := testRules(t)
	var filings []*triagev1.Filing
	for _, lf := range generate(t, 600, 43) {
		filings = append(filings, lf.GetFiling())
	}
	filings = append(filings, realFilings(t)...)
	for _, f := range filings {
		a, err := r.Evaluate(f)
		if err != nil {
			continue
		}
		var want, got triage.Probabilities
		lm.predict(realFeatures(f, a), &want)
		lm.predictFiling(f, a, &got)
		for i := range got {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Fatalf("%s: procedure %d: %v, training path %v", f.GetId(), i, got[i], want[i])
			}
		}
	}
	var f *triagev1.Filing
	for _, fl := range filings {
		if fl.GetCaseKind() == triagev1.CaseKind_CASE_KIND_CRIMINAL {
			f = fl
			break
		}
	}
	a, err := r.Evaluate(f)
	if err != nil {
		t.Fatal(err)
	}
	var q triage.Probabilities
	if n := testing.AllocsPerRun(100, func() { lm.predictFiling(f, a, &q) }); n != 0 {
		t.Errorf("predictFiling allocates %v times", n)
	}
}
