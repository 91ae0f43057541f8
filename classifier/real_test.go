package classifier

import (
	"context"
	"fmt"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/dataset/realtest"
	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/triage"
	"google.golang.org/protobuf/proto"
)

// realFolds is the number of cross-validation folds over the real filings,
// as in the figures of defaultmodel/README.md.
const realFolds = 5

// TestDefaultScorerOnRealFilings decides the real development filings with
// the shipped default scorer and with the cause + amount baseline and fails
// when the scorer's macro-F1 falls below the baseline's by more than the
// interval: when the paired bootstrap 95% interval of the difference
// (1,000 resamples, seed 1) lies wholly below zero. Its criminal accuracy
// is held to the same rule against "always the most common procedure".
// Each kind is also held to issue 10's target: criminal macro-F1 above
// the baseline's beyond the interval and accuracy above the majority's;
// a shipped civil prior, macro-F1 above the baseline's.
//
// The shipped scorer's real prior was fitted on these very filings, so
// scoring them with it would be scoring the training set. The test rebuilds
// it out of fold instead: for each of 5 folds the prior is refitted on the
// other four with the shipped configuration (RealPrior.Refit: smoothing,
// and per kind counts or linear model, penalty, balance, feature set,
// guard, weight), and decides the fold. The configuration itself was
// chosen on all the real filings (`triagectl adjust -select`);
// `triagectl realcv -nested` measures the whole procedure, choice
// included, and docs/quality.md reports it. Civil filings are scored by
// the guarded linear prior since the fifth civil decision, criminal ones
// by theirs. It skips when the real filings are absent (they are not in
// the repository).
func TestDefaultScorerOnRealFilings(t *testing.T) {
	real := labelledRealFilings(t)
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range realFilingsViolations(t, real, m, nil) {
		t.Error(v)
	}
}

// TestRealFilingsCheckCatchesAWorseCivilScorer checks that the test above
// can fail for civil filings: the shipped configuration refitted on
// training folds whose civil labels have simplified and ordinary swapped
// learns the opposite of the courts' choices (out of fold 0.262 against
// the baseline's 0.325), and the check must report the civil target
// missed (and nothing of criminal, whose labels are left alone).
func TestRealFilingsCheckCatchesAWorseCivilScorer(t *testing.T) {
	real := labelledRealFilings(t)
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if rp := m.RealPrior(); rp == nil || rp.Weight[triagev1.CaseKind_CASE_KIND_CIVIL.String()] == 0 {
		t.Skip("the default scorer ships no civil prior: civil is the baseline, nothing to refit")
	}
	swap := func(lf *triagev1.LabeledFiling) *triagev1.LabeledFiling {
		if lf.GetFiling().GetCaseKind() != triagev1.CaseKind_CASE_KIND_CIVIL {
			return lf
		}
		out := proto.Clone(lf).(*triagev1.LabeledFiling)
		switch lf.GetLabel() {
		case triagev1.Procedure_PROCEDURE_SIMPLIFIED:
			out.Label = triagev1.Procedure_PROCEDURE_ORDINARY
		case triagev1.Procedure_PROCEDURE_ORDINARY:
			out.Label = triagev1.Procedure_PROCEDURE_SIMPLIFIED
		}
		return out
	}
	v := realFilingsViolations(t, real, m, swap)
	if len(v) != 1 || !strings.HasPrefix(v[0], "CASE_KIND_CIVIL: target missed") {
		t.Errorf("a civil prior fitted on swapped labels: violations %q, want the civil target alone", v)
	}
}

// labelledRealFilings reads the real development filings or skips the test.
func labelledRealFilings(t *testing.T) []*triagev1.LabeledFiling {
	t.Helper()
	real := realtest.Filings(t)
	return real
}

// realFilingsViolations decides the real filings out of fold with m (its
// prior refitted per fold on the other folds' filings, each passed through
// train when not nil), with the baseline and with the majority, and
// returns what breaks TestDefaultScorerOnRealFilings' rules.
func realFilingsViolations(t *testing.T, real []*triagev1.LabeledFiling, m *Model, train func(*triagev1.LabeledFiling) *triagev1.LabeledFiling) []string {
	t.Helper()
	r := testRules(t)
	fold := RealFolds(real, realFolds)
	ctx := context.Background()
	model := make([]evaluation.Outcome, len(real))
	base := make([]evaluation.Outcome, len(real))
	major := make([]evaluation.Outcome, len(real))
	decide := func(e *triage.Engine, lf *triagev1.LabeledFiling) evaluation.Outcome {
		d, err := e.Decide(ctx, lf.GetFiling())
		if err != nil {
			t.Fatalf("%s: %v", lf.GetFiling().GetId(), err)
		}
		return evaluation.Outcome{Label: lf.GetLabel(), Recommended: d.GetRecommended(), Kind: lf.GetFiling().GetCaseKind()}
	}
	be := triage.New(r, NewBaseline())
	majority := map[triagev1.CaseKind]triagev1.Procedure{}
	for k := range realFolds {
		// Always the most common real label of the kind among the other
		// folds ("always simplified" on these filings), decided through
		// the same engine so that the rules' options are respected.
		counts := map[string]map[string]int{}
		for i, lf := range real {
			if fold[i] != k && lf.GetLabel() != triagev1.Procedure_PROCEDURE_UNSPECIFIED {
				kind := lf.GetFiling().GetCaseKind().String()
				if counts[kind] == nil {
					counts[kind] = map[string]int{}
				}
				counts[kind][lf.GetLabel().String()]++
			}
		}
		maj, err := NewMajority(counts)
		if err != nil {
			t.Fatal(err)
		}
		for _, kind := range []triagev1.CaseKind{triagev1.CaseKind_CASE_KIND_CIVIL, triagev1.CaseKind_CASE_KIND_CRIMINAL} {
			majority[kind] = maj.Procedure(kind)
		}
		me := triage.New(r, maj)
		scorer := m
		if rp := m.RealPrior(); rp != nil {
			var rest []*triagev1.LabeledFiling
			for i, lf := range real {
				if fold[i] != k {
					if train != nil {
						lf = train(lf)
					}
					rest = append(rest, lf)
				}
			}
			oof, err := rp.Refit(r, rest)
			if err != nil {
				t.Fatal(err)
			}
			if scorer, err = m.With(m.BaselineBlends(), oof); err != nil {
				t.Fatal(err)
			}
		}
		e := triage.New(r, scorer)
		for i, lf := range real {
			if fold[i] == k {
				model[i], base[i], major[i] = decide(e, lf), decide(be, lf), decide(me, lf)
			}
		}
	}
	opts := evaluation.Options{Bootstrap: 1000, Seed: 1}
	var out []string
	for _, kind := range []triagev1.CaseKind{triagev1.CaseKind_CASE_KIND_CIVIL, triagev1.CaseKind_CASE_KIND_CRIMINAL} {
		var mo, bo, jo []evaluation.Outcome
		for i := range real {
			if model[i].Kind == kind {
				mo, bo, jo = append(mo, model[i]), append(bo, base[i]), append(jo, major[i])
			}
		}
		if len(mo) == 0 {
			out = append(out, fmt.Sprintf("%v: no real filings", kind))
			continue
		}
		dF1, dAcc := evaluation.PairedDelta(mo, bo, opts)
		_, dAccMaj := evaluation.PairedDelta(mo, jo, opts)
		mm, bm, jm := evaluation.Compute(mo), evaluation.Compute(bo), evaluation.Compute(jo)
		t.Logf("%v, %d real filings out of fold: model accuracy %.3f macro-F1 %.3f ordinary recall %.3f; baseline %.3f %.3f %.3f; majority accuracy %.3f; macro-F1 − baseline %+.3f [%+.3f, %+.3f]; accuracy − baseline %+.3f [%+.3f, %+.3f]; accuracy − majority %+.3f [%+.3f, %+.3f]",
			kind, len(mo), mm.Accuracy, mm.MacroF1, mm.OrdinaryRecall, bm.Accuracy, bm.MacroF1, bm.OrdinaryRecall, jm.Accuracy,
			mm.MacroF1-bm.MacroF1, dF1.Lo, dF1.Hi, mm.Accuracy-bm.Accuracy, dAcc.Lo, dAcc.Hi, mm.Accuracy-jm.Accuracy, dAccMaj.Lo, dAccMaj.Hi)
		if dF1.Hi < 0 {
			out = append(out, fmt.Sprintf("%v: the default scorer's macro-F1 %.3f is below the baseline's %.3f beyond the interval [%+.3f, %+.3f]", kind, mm.MacroF1, bm.MacroF1, dF1.Lo, dF1.Hi))
		}
		if kind == triagev1.CaseKind_CASE_KIND_CIVIL {
			// Issue 10's civil target, for a shipped civil prior: the
			// baseline alone is the fallback, so a prior must beat it.
			// The interval rule above is too weak for this on 48
			// filings: a prior fitted on labels with simplified and
			// ordinary swapped scores −0.064 [−0.19, +0.06].
			if rp := m.RealPrior(); rp != nil && rp.Weight[kind.String()] > 0 && mm.MacroF1 <= bm.MacroF1 {
				out = append(out, fmt.Sprintf("%v: target missed: the civil prior's macro-F1 %.3f is not above the baseline's %.3f", kind, mm.MacroF1, bm.MacroF1))
			}
			continue
		}
		if dAccMaj.Hi < 0 {
			out = append(out, fmt.Sprintf("%v: accuracy %.3f below always-%v's %.3f beyond the interval", kind, mm.Accuracy, majority[kind], jm.Accuracy))
		}
		if dF1.Lo <= 0 || mm.Accuracy <= jm.Accuracy {
			out = append(out, fmt.Sprintf("%v: target missed: macro-F1 − baseline %+.3f [%+.3f, %+.3f] must be above 0 beyond the interval, accuracy %.3f above always-%v's %.3f",
				kind, mm.MacroF1-bm.MacroF1, dF1.Lo, dF1.Hi, mm.Accuracy, majority[kind], jm.Accuracy))
		}
	}
	return out
}
