package server

import (
	"sync"
	"testing"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// evaluations collects the filings a rules engine evaluates
// (rules.Engine.WithEvaluateObserver).
type evaluations struct {
	mu  sync.Mutex
	got []*triagev1.Filing
}

func (e *evaluations) observe(f *triagev1.Filing) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.got = append(e.got, proto.CloneOf(f))
}

// take returns the filings evaluated since the last take.
func (e *evaluations) take() []*triagev1.Filing {
	e.mu.Lock()
	defer e.mu.Unlock()
	got := e.got
	e.got = nil
	return got
}

// TestRecordOutcomeEvaluatesOnce: recording an outcome evaluates the filing
// as last corrected once, however many of its checks read it (the
// conversion rules, the routing view, the time limit, the outcome review):
// once when the outcome or an earlier one corrects the facts, never when
// none does. The one outcome that reads two sets of facts, a 补充侦查
// restart that carries its own correction after an earlier one (the late
// return is judged on the facts before it, the period it starts on its
// own), evaluates each of the two filings once. Until the rules' checks
// shared one rules.OutcomeRecord, each re-evaluated the corrected filing:
// up to three times per outcome.
func TestRecordOutcomeEvaluatesOnce(t *testing.T) {
	var seen evaluations
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	r = r.WithEvaluateObserver(seen.observe)
	st := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: triage.New(r, classifier.NewBaseline()), store: st, teams: defaultTeams(t)})
	ctx := testContext(t)

	const (
		restarted = triagev1.ChangeKind_CHANGE_KIND_TIME_LIMIT_RESTARTED
		returned  = triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_SUPPLEMENTARY_INVESTIGATION
		scToOrd   = triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY
		panel     = triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL
	)
	// What establishes the corrected facts, by case kind.
	basis := map[triagev1.CaseKind]string{
		triagev1.CaseKind_CASE_KIND_CIVIL:          "原告变更诉讼请求申请书；民诉法解释第二百三十二条",
		triagev1.CaseKind_CASE_KIND_CRIMINAL:       "人民检察院调整量刑建议书；刑事诉讼法第二百零一条第二款",
		triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE: "被诉行政行为的决定书（不属于政府信息公开）；行政诉讼法第八十二条第一款第三项",
	}
	corrected := func(o *triagev1.Outcome, f *triagev1.Filing) *triagev1.Outcome {
		o.Correction = &triagev1.FactCorrection{Filing: f, Basis: basis[f.GetCaseKind()]}
		return o
	}
	civil := func(id string, amountFen int64) *triagev1.Filing {
		f := jiangsuFiling(id)
		f.ClaimAmountFen = amountFen
		return f
	}
	criminal := func(id string, months int32) *triagev1.Filing {
		f := criminalFiling(id, false)
		f.Circumstances.RecommendedSentenceMonths = months
		return f
	}
	investigation := func(d *triagev1.Decision, on string) *triagev1.Outcome {
		o := outcome(d, restarted, ordinary, on)
		o.Restart, o.LegalBasis = returned, "刑事诉讼法第二百零八条第三款"
		return o
	}
	toOrdinary := func(d *triagev1.Decision, ch triagev1.ChangeKind, on string) *triagev1.Outcome {
		o := outcome(d, ch, ordinary, on)
		o.LegalBasis = "民诉法解释第二百八十条"
		return o
	}

	type step struct {
		name    string
		outcome func(d *triagev1.Decision) *triagev1.Outcome
		want    int // filings evaluated while recording it
	}
	for _, tc := range []struct {
		filing *triagev1.Filing
		steps  []step
	}{
		{jiangsuFiling("eval-civil-1"), []step{
			{"small claims at filing on a reduced claim (correction)", func(d *triagev1.Decision) *triagev1.Outcome {
				return corrected(outcome(d, overridden, smallClaims, "2024-03-06"), civil("eval-civil-1", 5_000_000))
			}, 1},
			{"small claims → ordinary, the claim raised back (correction)", func(d *triagev1.Decision) *triagev1.Outcome {
				return corrected(toOrdinary(d, scToOrd, "2024-04-01"), civil("eval-civil-1", 8_000_000))
			}, 1},
			{"a panel in ordinary procedure, on the corrected facts", func(d *triagev1.Decision) *triagev1.Outcome {
				return outcome(d, panel, ordinary, "2024-04-10")
			}, 1},
		}},
		{loanFiling("eval-civil-3"), []step{
			{"simplified at filing on corrected facts still in the small-claims band", func(d *triagev1.Decision) *triagev1.Outcome {
				f := loanFiling("eval-civil-3")
				f.ClaimAmountFen = 4_000_000
				return corrected(outcome(d, overridden, simplified, "2024-03-06"), f)
			}, 1},
		}},
		{simplifiedFiling("eval-civil-2"), []step{
			{"simplified at filing, no correction", func(d *triagev1.Decision) *triagev1.Outcome {
				return outcome(d, confirmed, simplified, "2024-03-06")
			}, 0},
			{"简转普, no correction", func(d *triagev1.Decision) *triagev1.Outcome {
				return outcome(d, simpToOrd, ordinary, "2024-04-01")
			}, 0},
		}},
		{criminalFiling("eval-crim-1", false), []step{
			{"ordinary at filing, no correction", func(d *triagev1.Decision) *triagev1.Outcome {
				return outcome(d, overridden, ordinary, "2024-03-06")
			}, 0},
			{"补充侦查 with a correction", func(d *triagev1.Decision) *triagev1.Outcome {
				return corrected(investigation(d, "2024-05-06"), criminal("eval-crim-1", 5))
			}, 1},
			{"补充侦查 with another correction: the facts before it and its own", func(d *triagev1.Decision) *triagev1.Outcome {
				return corrected(investigation(d, "2024-07-06"), criminal("eval-crim-1", 4))
			}, 2},
		}},
		{criminalFiling("eval-crim-2", false), []step{
			{"ordinary at filing on corrected facts", func(d *triagev1.Decision) *triagev1.Outcome {
				return corrected(outcome(d, overridden, ordinary, "2024-03-06"), criminal("eval-crim-2", 5))
			}, 1},
			{"补充侦查 on the corrected facts", func(d *triagev1.Decision) *triagev1.Outcome {
				return investigation(d, "2024-07-06")
			}, 1},
		}},
		{adminFiling("eval-admin-1"), []step{
			{"simplified at filing, no correction", func(d *triagev1.Decision) *triagev1.Outcome {
				return outcome(d, confirmed, simplified, "2024-03-06")
			}, 0},
			{"简转普 on corrected facts", func(d *triagev1.Decision) *triagev1.Outcome {
				f := adminFiling("eval-admin-1")
				f.Circumstances.InformationDisclosure = false
				return corrected(outcome(d, simpToOrd, ordinary, "2024-04-30"), f)
			}, 1},
		}},
	} {
		d := triageOK(t, ctx, h.client, tc.filing)
		seen.take()
		for _, s := range tc.steps {
			if _, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: s.outcome(d)}); err != nil {
				t.Fatalf("%s: %s: %v", tc.filing.GetId(), s.name, err)
			}
			got := seen.take()
			if len(got) != s.want {
				t.Errorf("%s: %s: %d evaluations, want %d", tc.filing.GetId(), s.name, len(got), s.want)
			}
			for i := range got {
				for j := range i {
					if proto.Equal(got[i], got[j]) {
						t.Errorf("%s: %s: evaluations %d and %d are of the same filing", tc.filing.GetId(), s.name, j+1, i+1)
					}
				}
			}
		}
	}

	// A designation reads the same view: one evaluation of the filing as
	// last corrected.
	d := triageOK(t, ctx, h.client, criminalFiling("eval-crim-3", false))
	if _, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: corrected(outcome(d, overridden, ordinary, "2024-03-06"), criminal("eval-crim-3", 5))}); err != nil {
		t.Fatal(err)
	}
	seen.take()
	if _, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: "juvenile", DesignatedBy: "president-01", Reason: "院长指定"}); err != nil {
		t.Fatalf("AssignCase: %v", err)
	}
	if got := seen.take(); len(got) != 1 {
		t.Errorf("AssignCase after a correction: %d evaluations, want 1", len(got))
	}
}
