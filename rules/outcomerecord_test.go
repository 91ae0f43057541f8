package rules_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestOutcomeRecord: an OutcomeRecord gives what the engine's functions
// give one by one (CheckOutcome, OutcomeTimeLimitFromRecord, OutcomeReview)
// and evaluates the facts as last corrected once: no filing twice, none
// when no outcome corrects the facts. A 补充侦查 restart carrying its own
// correction after an earlier one reads two filings, each once: the late
// return is judged on the facts before it.
func TestOutcomeRecord(t *testing.T) {
	civ, crim := benchFiling(t), crimBase(t)
	claim := func(fen int64) *triagev1.Filing {
		f := proto.CloneOf(civ)
		f.ClaimAmountFen = fen
		return f
	}
	months := func(n int32) *triagev1.Filing {
		f := proto.CloneOf(crim)
		f.Circumstances.RecommendedSentenceMonths = n
		return f
	}
	const basis = "原告2024年4月1日增加诉讼请求申请书；民诉法解释第二百八十条"
	corrected := func(o *triagev1.Outcome, f *triagev1.Filing) *triagev1.Outcome {
		correct(f, basis)(o)
		return o
	}
	dSC := withInferences(t, civ, pSC)
	dCrim := withInferences(t, crim, pFT)
	for _, r := range []struct {
		name  string
		d     *triagev1.Decision
		f     *triagev1.Filing
		prior []*triagev1.Outcome
		out   *triagev1.Outcome
		evals int
	}{
		{"SC → O, no correction", dSC, civ, outs(outcome(chConf, pSC, on("2024-03-06"))), outcome(chSC2O, pOrd, on("2024-04-01")), 0},
		{"SC → O correcting the claim", dSC, civ, outs(outcome(chConf, pSC, on("2024-03-06"))),
			outcome(chSC2O, pOrd, on("2024-04-01"), correct(claim(30_000_000), basis)), 1},
		{"SC → O after a correction", dSC, civ, outs(outcome(chOver, pSC, on("2024-03-06"), correct(claim(4_000_000), basis))),
			outcome(chSC2O, pOrd, on("2024-06-10")), 1},
		{"simplified at filing on a corrected claim in the small-claims band", dSC, civ, nil,
			outcome(chOver, pSimp, on("2024-03-06"), correct(claim(4_000_000), basis)), 1},
		{"补充侦查 after a correction", dCrim, crim, outs(outcome(chOver, pOrd, on("2024-03-06"), correct(months(5), basis))),
			restarted(rsInvestigated, pOrd, "2024-07-06"), 1},
		{"补充侦查 with its own correction after another", dCrim, crim, outs(outcome(chOver, pOrd, on("2024-03-06"), correct(months(5), basis))),
			corrected(restarted(rsInvestigated, pOrd, "2024-07-06"), months(6)), 2},
	} {
		t.Run(r.name, func(t *testing.T) {
			e := defaultEngine(t)
			one := proto.CloneOf(r.out)
			view, err := e.CheckOutcome(r.d, r.f, r.prior, one)
			if err != nil {
				t.Fatalf("CheckOutcome: %v", err)
			}
			tl, err := e.OutcomeTimeLimitFromRecord(r.d, r.prior, one, r.f.GetCircumstances())
			if err != nil {
				t.Fatal(err)
			}
			review, err := e.OutcomeReview(r.d, r.prior, one, tl)
			if err != nil {
				t.Fatal(err)
			}

			var seen []*triagev1.Filing
			counted := e.WithEvaluateObserver(func(f *triagev1.Filing) { seen = append(seen, proto.CloneOf(f)) })
			two := proto.CloneOf(r.out)
			rec, err := counted.CheckOutcomeRecord(r.d, r.f, r.prior, two)
			if err != nil {
				t.Fatalf("CheckOutcomeRecord: %v", err)
			}
			recTL, err := rec.TimeLimit(r.f.GetCircumstances())
			if err != nil {
				t.Fatal(err)
			}
			recReview, err := rec.Review(recTL)
			if err != nil {
				t.Fatal(err)
			}
			for what, d := range map[string]string{
				"outcome":      cmp.Diff(one, two, protocmp.Transform()),
				"routing view": cmp.Diff(view, rec.RoutingView(), protocmp.Transform()),
				"time limit":   cmp.Diff(tl, recTL, protocmp.Transform()),
				"review":       cmp.Diff(review, recReview, protocmp.Transform()),
			} {
				if d != "" {
					t.Errorf("%s differs from the engine's (-engine +record):\n%s", what, d)
				}
			}
			if len(seen) != r.evals {
				t.Errorf("%d evaluations, want %d", len(seen), r.evals)
			}
			for i := range seen {
				for j := range i {
					if proto.Equal(seen[i], seen[j]) {
						t.Errorf("evaluations %d and %d are of the same filing", j+1, i+1)
					}
				}
			}
		})
	}
}
