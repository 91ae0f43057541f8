package classifier

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/triage"
)

// TestFitBaggedLinear checks the bagged fit: on rows that repeat one
// filing per label every resample is the sample itself, so the bagged
// model must predict what the single fit does (the raw-input mapping of
// the coefficients is then exact); on varied rows it is a function of the
// seed and differs between seeds; no bags is refused.
func TestFitBaggedLinear(t *testing.T) {
	const sim, ord, sc = triagev1.Procedure_PROCEDURE_SIMPLIFIED, triagev1.Procedure_PROCEDURE_ORDINARY, triagev1.Procedure_PROCEDURE_SMALL_CLAIMS
	row := func(label triagev1.Procedure, x, y float64, fam string) realRow {
		return realRow{[]realFeat{{"x", x}, {"y", y}, {vocabFamily + fam, 1}}, label}
	}
	var same []realRow
	for range 6 {
		same = append(same, row(sim, 1, 0, "a"), row(ord, 3, 2, "b"), row(sc, 0, 1, "a"))
	}
	var varied []realRow
	for i := range 12 {
		v := float64(i)
		varied = append(varied, row(sim, v/4, math.Sin(v), "a"), row(ord, 2+v/3, math.Cos(v), "b"), row(sc, v/6, 1, "a"))
	}
	predictions := func(lm *RealLinear, rows []realRow) []float64 {
		var out []float64
		for _, r := range rows {
			var q triage.Probabilities
			lm.predict(r.feats, &q)
			out = append(out, q[sc], q[sim], q[ord])
		}
		return out
	}
	near := cmp.Comparer(func(a, b float64) bool { return math.Abs(a-b) < 1e-9 })
	for _, balanced := range []bool{false, true} {
		t.Run(fmt.Sprintf("balanced=%v", balanced), func(t *testing.T) {
			single, err := fitRealLinear(same, 0.1, balanced, "")
			if err != nil {
				t.Fatal(err)
			}
			bagged, err := fitBaggedLinear(same, 0.1, balanced, "", 7, 3)
			if err != nil {
				t.Fatal(err)
			}
			if err := bagged.validate(); err != nil {
				t.Fatalf("bagged model invalid: %v", err)
			}
			if diff := cmp.Diff(predictions(single, same), predictions(bagged, same), near); diff != "" {
				t.Errorf("identical resamples: bagged predictions differ from the single fit (-single +bagged):\n%s", diff)
			}
			a, err := fitBaggedLinear(varied, 0.1, balanced, "", 7, 3)
			if err != nil {
				t.Fatal(err)
			}
			b, err := fitBaggedLinear(varied, 0.1, balanced, "", 7, 3)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(a, b); diff != "" {
				t.Errorf("same seed, different models:\n%s", diff)
			}
			c, err := fitBaggedLinear(varied, 0.1, balanced, "", 7, 4)
			if err != nil {
				t.Fatal(err)
			}
			if cmp.Equal(a.Coef, c.Coef) {
				t.Error("seeds 3 and 4 gave the same model: the seed is not used")
			}
			if !slices.Equal(a.Classes, []int32{int32(sc), int32(sim), int32(ord)}) {
				t.Errorf("classes %v, want every label of the rows", a.Classes)
			}
		})
	}
	if _, err := fitBaggedLinear(varied, 0.1, false, "", 0, 1); err == nil {
		t.Error("0 bags accepted")
	}
}

// TestGuardSplit checks that the guard keeps the prior off a mandatory
// small-claims filing and elsewhere lets it split only the base's
// simplified + ordinary mass.
func TestGuardSplit(t *testing.T) {
	const sc, sim, ord = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, triagev1.Procedure_PROCEDURE_SIMPLIFIED, triagev1.Procedure_PROCEDURE_ORDINARY
	probs := func(s, m, o float64) triage.Probabilities {
		var p triage.Probabilities
		p[sc], p[sim], p[ord] = s, m, o
		return p
	}
	tests := []struct {
		name      string
		mandatory bool
		p, q      triage.Probabilities
		applies   bool
		want      triage.Probabilities
	}{
		{"mandatory small claims: not applied", true, probs(0.6, 0.3, 0.1), probs(0, 0.1, 0.9), false, triage.Probabilities{}},
		{"outside the band: the base's small claims kept, the rest split as the prior", false, probs(0.2, 0.5, 0.3), probs(0.5, 0.1, 0.4), true, probs(0.2, 0.16, 0.64)},
		{"no small claims: the prior's split of everything", false, probs(0, 0.7, 0.3), probs(0, 0.25, 0.75), true, probs(0, 0.25, 0.75)},
		{"prior with nothing on simplified or ordinary: not applied", false, probs(0.2, 0.5, 0.3), probs(1, 0, 0), false, triage.Probabilities{}},
	}
	near := cmp.Comparer(func(a, b float64) bool { return math.Abs(a-b) < 1e-12 })
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := tc.q
			if got := guardSplit(tc.mandatory, &tc.p, &q); got != tc.applies {
				t.Fatalf("applies = %v, want %v", got, tc.applies)
			}
			if tc.applies {
				if diff := cmp.Diff(tc.want, q, near); diff != "" {
					t.Errorf("guarded prior (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestCivilCoarseFeatures checks the bands of the claim against the limit
// (浙江 2018: CPL 2012 art. 162's 30% of the province's wage) and the
// family × band indicator.
func TestCivilCoarseFeatures(t *testing.T) {
	r := testRules(t)
	tests := []struct {
		yuan int64
		band string
	}{
		{0, "none"}, {2_000, "within"}, {40_000, "to4"}, {1_000_000, "over4"},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.yuan), func(t *testing.T) {
			f := realCivil("x", "民间借贷纠纷", tc.yuan, "请求归还借款。", 1, triagev1.Procedure_PROCEDURE_SIMPLIFIED).GetFiling()
			a, err := r.Evaluate(f)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]float64{}
			for _, ft := range featuresOf(FeaturesCivilCoarse, f, a) {
				got[ft.name] = ft.v
			}
			fam := a.Facts.Cause.Family
			if fam == "" {
				t.Fatal("民间借贷纠纷 has no catalogue family")
			}
			want := map[string]float64{"band:" + tc.band: 1, vocabFamily + fam: 1, vocabFamilyBand + fam + "/" + tc.band: 1}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("features (-want +got):\n%s", diff)
			}
		})
	}
}

// TestGridOptions checks that the options touch only the linear
// candidates with a weight: the penalty floor drops, bagging and the guard
// are set, feature sets multiply.
func TestGridOptions(t *testing.T) {
	grid := []RealFit{
		{Method: RealCounts, Weight: 0},
		{Method: RealCounts, Weight: 0.5},
		{Method: RealLogit, Lambda: 0.01, Weight: 1},
		{Method: RealLogit, Lambda: 0.1, Balanced: true, Weight: 1},
		{Method: RealCivilLaw, Threshold: 4, Weight: 1},
	}
	got := GridOptions{Bag: 5, BagSeed: 2, Guard: true, MinLambda: 0.03, Features: []string{FeaturesCivilSmall, FeaturesCivilCoarse}}.Apply(grid)
	want := []RealFit{
		{Method: RealCounts, Weight: 0},
		{Method: RealCounts, Weight: 0.5},
		{Method: RealLogit, Lambda: 0.1, Balanced: true, Features: FeaturesCivilSmall, Bag: 5, BagSeed: 2, Guard: true, Weight: 1},
		{Method: RealLogit, Lambda: 0.1, Balanced: true, Features: FeaturesCivilCoarse, Bag: 5, BagSeed: 2, Guard: true, Weight: 1},
		{Method: RealCivilLaw, Threshold: 4, Weight: 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("grid (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(grid, GridOptions{}.Apply(grid)); diff != "" {
		t.Errorf("no options changed the grid:\n%s", diff)
	}
}

// TestGuardKeepsTheSmallClaimsMandate fits the linear prior on filings in
// which small loans under the limit went ordinary and large ones
// simplified (the inversion the real civil sample teaches): unguarded, a
// new loan under the limit is recommended ordinary; guarded it keeps small
// claims, which the law makes mandatory, on the served path (Model.Score)
// and the cross-validation path (RealPrior.Decide) alike, while a large
// loan still follows the prior.
func TestGuardKeepsTheSmallClaimsMandate(t *testing.T) {
	const sc, sim, ord = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, triagev1.Procedure_PROCEDURE_SIMPLIFIED, triagev1.Procedure_PROCEDURE_ORDINARY
	r := testRules(t)
	var data []*triagev1.LabeledFiling
	for i := range 12 {
		data = append(data,
			realCivil(fmt.Sprintf("small%d", i), "民间借贷纠纷", int64(2_000+100*i), "请求归还借款。", 1, ord),
			realCivil(fmt.Sprintf("large%d", i), "民间借贷纠纷", int64(300_000+10_000*i), "请求归还借款。", 1, sim))
	}
	small := realCivil("new-small", "民间借贷纠纷", 2_500, "请求归还借款。", 1, sc)
	large := realCivil("new-large", "民间借贷纠纷", 3_000, "请求归还借款。", 1, sim)
	large.Filing.ClaimAmountFen = 350_000_00
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := PrepareRealCases(r, NewBaseline(), []*triagev1.LabeledFiling{small, large})
	if !cases[0].civil.mandatory || cases[1].civil.mandatory {
		t.Fatal("the small loan must be in the mandatory band and the large one outside it")
	}
	for _, tc := range []struct {
		guard      bool
		small, big triagev1.Procedure
	}{
		{false, ord, sim},
		{true, sc, sim},
	} {
		t.Run(fmt.Sprintf("guard=%v", tc.guard), func(t *testing.T) {
			fit := RealFit{Method: RealLogit, Lambda: 0.01, Features: FeaturesCivilSmall, Guard: tc.guard, Weight: 1}
			rp, err := FitRealPrior(r, data, 5, map[string]RealFit{"CASE_KIND_CIVIL": fit})
			if err != nil {
				t.Fatal(err)
			}
			served, err := m.With(m.BaselineBlends(), rp)
			if err != nil {
				t.Fatal(err)
			}
			eng := triage.New(r, served)
			for i, want := range []triagev1.Procedure{tc.small, tc.big} {
				lf := []*triagev1.LabeledFiling{small, large}[i]
				d, err := eng.Decide(context.Background(), lf.GetFiling())
				if err != nil {
					t.Fatal(err)
				}
				if got := d.GetRecommended(); got != want {
					t.Errorf("%s served: %v, want %v", lf.GetFiling().GetId(), got, want)
				}
				if got := rp.Decide(cases[i], triage.DefaultPolicy).Recommended; got != want {
					t.Errorf("%s cross-validated: %v, want %v", lf.GetFiling().GetId(), got, want)
				}
			}
			if !tc.guard {
				return
			}
			// Without an assessment (rules that refused the filing) the
			// mandate is unknown: the guarded prior stays out, and the
			// scorer's probabilities are the model's without it.
			unprimed, err := m.With(m.BaselineBlends(), nil)
			if err != nil {
				t.Fatal(err)
			}
			var got, want triage.Probabilities
			served.Score(small.GetFiling(), nil, &got)
			unprimed.Score(small.GetFiling(), nil, &want)
			if got != want {
				t.Errorf("no assessment: scored %v, want the model's own %v", got, want)
			}
		})
	}
}
