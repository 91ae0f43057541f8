package classifier

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier/scoring"
	"github.com/fenjian/fenjian/triage"
)

func TestApplyOrdinaryBias(t *testing.T) {
	const sc, sim, ord = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, triagev1.Procedure_PROCEDURE_SIMPLIFIED, triagev1.Procedure_PROCEDURE_ORDINARY
	probs := func(s, m, o float64) triage.Probabilities {
		var p triage.Probabilities
		p[sc], p[sim], p[ord] = s, m, o
		return p
	}
	tests := []struct {
		name string
		bias float64
		p    triage.Probabilities
		want triage.Probabilities
	}{
		{"no bias: unchanged", 0, probs(0.2, 0.5, 0.3), probs(0.2, 0.5, 0.3)},
		{"ln 2: ordinary's odds doubled, the total kept", math.Ln2, probs(0.2, 0.5, 0.3), probs(0.2/1.3, 0.5/1.3, 0.6/1.3)},
		{"no ordinary mass: unchanged", 1, probs(0.4, 0.6, 0), probs(0.4, 0.6, 0)},
		{"a total below 1 is kept", math.Ln2, probs(0, 0.3, 0.2), probs(0, 0.3*0.5/0.7, 0.4*0.5/0.7)},
	}
	near := cmp.Comparer(func(a, b float64) bool { return math.Abs(a-b) < 1e-12 })
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.p
			applyOrdinaryBias(&p, tc.bias)
			if diff := cmp.Diff(tc.want, p, near); diff != "" {
				t.Errorf("biased (-want +got):\n%s", diff)
			}
		})
	}
}

// TestChooseOrdinaryBias checks chooseOrdinaryBias's rule against the
// biases' own cross-validated figures on the same dealings: the best
// macro-F1 among those reaching the recall target, else the highest recall.
func TestChooseOrdinaryBias(t *testing.T) {
	r := testRules(t)
	cases := PrepareRealCases(r, NewBaseline(), realCrimSet())
	fit := RealFit{Method: RealLogit, Lambda: 1, Weight: 0.5}
	const k, seed = 3, 4
	cands := make([]RealFit, len(ordinaryBiases))
	for i, b := range ordinaryBiases {
		cands[i] = fit
		cands[i].OrdinaryBias = b
	}
	f1, rec := make([]float64, len(cands)), make([]float64, len(cands))
	for rep := range selectRepeats {
		ds, err := crossDecide(cases, cands, 5, caseFolds(cases, k, innerSeed(seed, -1-rep)), k)
		if err != nil {
			t.Fatal(err)
		}
		for g := range cands {
			labels, recs := make([]triagev1.Procedure, len(cases)), make([]triagev1.Procedure, len(cases))
			for i, c := range cases {
				labels[i], recs[i] = c.Label, ds[g][i].Recommended
			}
			m := scoring.Score(labels, recs)
			f1[g] += m.MacroF1 / selectRepeats
			rec[g] += m.OrdinaryRecall / selectRepeats
		}
	}
	if rec[len(rec)-1] <= rec[0] {
		t.Fatalf("the largest bias does not raise ordinary recall (%.3f → %.3f): the test set checks nothing", rec[0], rec[len(rec)-1])
	}
	for _, target := range []float64{0.01, rec[0] + 1e-9, 1} {
		f := fit
		f.OrdinaryRecall = target
		got, score, err := chooseOrdinaryBias(cases, f, 5, k, seed)
		if err != nil {
			t.Fatal(err)
		}
		g := -1
		for i, b := range ordinaryBiases {
			if b == got.OrdinaryBias {
				g = i
			}
		}
		if g < 0 || math.Abs(score[0]-f1[g]) > 1e-9 {
			t.Fatalf("target %.3f: chose bias %v with macro-F1 %.3f, not one of the candidates' figures", target, got.OrdinaryBias, score[0])
		}
		for i := range cands {
			switch {
			case rec[g] >= target && rec[i] >= target && f1[i] > f1[g]+1e-9:
				t.Errorf("target %.3f: chose bias %v (macro-F1 %.3f), bias %v reaches it with %.3f", target, got.OrdinaryBias, f1[g], ordinaryBiases[i], f1[i])
			case rec[g] < target && rec[i] >= target:
				t.Errorf("target %.3f: chose bias %v (recall %.3f), bias %v reaches it (%.3f)", target, got.OrdinaryBias, rec[g], ordinaryBiases[i], rec[i])
			case rec[g] < target && rec[i] > rec[g]+1e-9:
				t.Errorf("target %.3f: reached by none, chose bias %v (recall %.3f), bias %v has more (%.3f)", target, got.OrdinaryBias, rec[g], ordinaryBiases[i], rec[i])
			}
		}
	}
	// SelectRealFit takes the step only when asked.
	plain, _, err := SelectRealFit(cases, []RealFit{fit}, 5, k, seed)
	if err != nil {
		t.Fatal(err)
	}
	if plain.OrdinaryBias != 0 {
		t.Errorf("no recall target, yet bias %v", plain.OrdinaryBias)
	}
}

// TestOrdinaryBiasKeepsTheSmallClaimsMandate: a guarded prior's bias is
// applied where the prior is, never where small claims is mandatory.
func TestOrdinaryBiasKeepsTheSmallClaimsMandate(t *testing.T) {
	const sc, ord = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, triagev1.Procedure_PROCEDURE_ORDINARY
	r := testRules(t)
	var data []*triagev1.LabeledFiling
	for i := range 12 {
		data = append(data,
			realCivil(fmt.Sprintf("small%d", i), "民间借贷纠纷", int64(2_000+100*i), "请求归还借款。", 1, ord),
			realCivil(fmt.Sprintf("large%d", i), "民间借贷纠纷", int64(300_000+10_000*i), "请求归还借款。", 1, triagev1.Procedure_PROCEDURE_SIMPLIFIED))
	}
	small := realCivil("new-small", "民间借贷纠纷", 2_500, "请求归还借款。", 1, sc)
	large := realCivil("new-large", "民间借贷纠纷", 3_000, "请求归还借款。", 1, ord)
	large.Filing.ClaimAmountFen = 350_000_00
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	scored := map[float64][2]triage.Probabilities{}
	for _, bias := range []float64{0, 1} {
		fit := RealFit{Method: RealLogit, Lambda: 0.01, Features: FeaturesCivilSmall, Guard: true, OrdinaryBias: bias, Weight: 1}
		rp, err := FitRealPrior(r, data, 5, map[string]RealFit{"CASE_KIND_CIVIL": fit})
		if err != nil {
			t.Fatal(err)
		}
		served, err := m.With(m.BaselineBlends(), rp)
		if err != nil {
			t.Fatal(err)
		}
		d, err := triage.New(r, served).Decide(context.Background(), small.GetFiling())
		if err != nil {
			t.Fatal(err)
		}
		if got := d.GetRecommended(); got != sc {
			t.Errorf("bias %v: the mandatory small loan served %v, want small claims", bias, got)
		}
		var got [2]triage.Probabilities
		for i, lf := range []*triagev1.LabeledFiling{small, large} {
			a, err := r.Evaluate(lf.GetFiling())
			if err != nil {
				t.Fatal(err)
			}
			served.Score(lf.GetFiling(), a, &got[i])
		}
		scored[bias] = got
	}
	if scored[0][0] != scored[1][0] {
		t.Errorf("mandatory band: the bias moved the scores %v → %v", scored[0][0], scored[1][0])
	}
	if !(scored[1][1][ord] > scored[0][1][ord]) {
		t.Errorf("outside the band: ordinary %v with the bias, %v without", scored[1][1][ord], scored[0][1][ord])
	}
}
