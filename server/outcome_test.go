package server

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/testing/protocmp"
	"google.golang.org/protobuf/types/known/timestamppb"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// outcome is a well-formed outcome of decision d: decided by a judge's id on
// decidedOn.
func outcome(d *triagev1.Decision, change triagev1.ChangeKind, p triagev1.Procedure, decidedOn string) *triagev1.Outcome {
	return &triagev1.Outcome{
		DecisionId: d.GetDecisionId(),
		Procedure:  p,
		Change:     change,
		DecidedBy:  "judge-0417",
		LegalBasis: "民事诉讼法第一百七十条",
		Reason:     "案情复杂，不宜适用简易程序。",
		DecidedOn:  decidedOn,
	}
}

const (
	confirmed  = triagev1.ChangeKind_CHANGE_KIND_CONFIRMED
	overridden = triagev1.ChangeKind_CHANGE_KIND_OVERRIDDEN
	simpToOrd  = triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY
	ordToSimp  = triagev1.ChangeKind_CHANGE_KIND_ORDINARY_TO_SIMPLIFIED
	ftToOrd    = triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_ORDINARY

	smallClaims = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS
	simplified  = triagev1.Procedure_PROCEDURE_SIMPLIFIED
	ordinary    = triagev1.Procedure_PROCEDURE_ORDINARY
	fastTrack   = triagev1.Procedure_PROCEDURE_FAST_TRACK
)

// TestRecordOutcome records outcomes on decisions triaged through the
// server: what the law and the record allow comes back with the fields the
// server owns filled in (the previous procedure, the time limit counted as
// the law says, the id and the time) whatever the client sent; what they
// forbid fails with FAILED_PRECONDITION naming the rule; a malformed request
// fails with INVALID_ARGUMENT naming the field; an unknown decision is
// NOT_FOUND. Each accepted outcome is stored exactly as returned.
func TestRecordOutcome(t *testing.T) {
	h, st, ctx := startDefaultServer(t)

	type tl struct {
		proc    triagev1.Procedure
		months  int32
		dueOn   string
		article string // a part of the article
	}
	tests := []struct {
		name   string
		filing *triagev1.Filing
		// setup are outcomes recorded first; each must succeed.
		setup func(d *triagev1.Decision) []*triagev1.Outcome
		req   func(d *triagev1.Decision) *triagev1.RecordOutcomeRequest
		code  codes.Code
		field string // INVALID_ARGUMENT
		rule  string // FAILED_PRECONDITION
		// OK: the server-set fields.
		previous triagev1.Procedure
		limit    tl
	}{
		{
			// Two months end on 2024-05-05, in the 劳动节 holiday: due the
			// next working day (民事诉讼法第八十五条第三款).
			name: "confirmed", filing: loanFiling("o-1"),
			req:      one(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, confirmed, smallClaims, "2024-03-06") }),
			previous: smallClaims, limit: tl{smallClaims, 2, "2024-05-06", "第一百六十八条"},
		},
		{
			// A small-claims case in the band goes to simplified procedure
			// at filing only by the parties' agreement (CPL 160 ¶2; round 20).
			name: "overridden at filing", filing: loanFiling("o-2"),
			req: one(func(d *triagev1.Decision) *triagev1.Outcome {
				o := outcome(d, overridden, simplified, "2024-03-06")
				o.PartiesAgree = true
				return o
			}),
			previous: smallClaims, limit: tl{simplified, 3, "2024-06-05", "第一百六十四条"},
		},
		{
			// Interp. 258 ¶3: the ordinary limit runs from 立案, not from
			// the ruling (which would give 2024-11-20).
			name: "简转普 counts from filed_on", filing: simplifiedFiling("o-3"),
			setup:    many(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, confirmed, simplified, "2024-03-06") }),
			req:      one(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, simpToOrd, ordinary, "2024-05-20") }),
			previous: simplified, limit: tl{ordinary, 6, "2024-09-05", "第二百五十八条第三款"},
		},
		{
			name: "简转普 from the recommendation, month end clamped",
			filing: func() *triagev1.Filing {
				f := simplifiedFiling("o-4")
				f.FiledOn = "2024-08-31"
				return f
			}(),
			req:      one(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, simpToOrd, ordinary, "2024-10-08") }),
			previous: simplified, limit: tl{ordinary, 6, "2025-02-28", "第二百五十八条第三款"},
		},
		{
			// Whatever the client says of the fields the server owns is
			// replaced.
			name: "server-owned fields are the server's", filing: loanFiling("o-5"),
			req: one(func(d *triagev1.Decision) *triagev1.Outcome {
				o := outcome(d, confirmed, smallClaims, "2024-03-06")
				o.OutcomeId = "client-chosen-id"
				o.Previous = fastTrack
				o.TimeLimit = &triagev1.TimeLimit{Procedure: ordinary, Months: 99, DueOn: "2099-12-31", Article: "伪造"}
				o.RecordedAt = timestamppb.New(time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC))
				return o
			}),
			previous: smallClaims, limit: tl{smallClaims, 2, "2024-05-06", "第一百六十八条"},
		},
		{
			// A decision id in another form GetDecision accepts names the
			// same decision.
			name: "upper-case decision id", filing: loanFiling("o-6"),
			req: one(func(d *triagev1.Decision) *triagev1.Outcome {
				o := outcome(d, confirmed, smallClaims, "2024-03-06")
				o.DecisionId = strings.ToUpper(o.DecisionId)
				return o
			}),
			previous: smallClaims, limit: tl{smallClaims, 2, "2024-05-06", "第一百六十八条"},
		},
		{
			// 2024-05-12 is a Sunday: due Monday (刑事诉讼法第一百零五条第四款).
			name: "criminal fast-track to ordinary restarts the clock", filing: criminalFiling("o-7", true),
			req:      one(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, ftToOrd, ordinary, "2024-03-12") }),
			previous: fastTrack, limit: tl{ordinary, 2, "2024-05-13", "第三百七十六条"},
		},

		// The law or the record forbids it.
		{
			name: "普转简 after an ordinary hearing (Interp. 260)", filing: constructionFiling("o-10"),
			req: one(func(d *triagev1.Decision) *triagev1.Outcome {
				o := outcome(d, ordToSimp, simplified, "2024-04-10")
				o.OrdinaryHearingHeld, o.PartiesAgree = true, true
				return o
			}),
			code: codes.FailedPrecondition, rule: rules.RuleInterp260AfterHearing,
		},
		{
			name: "普转简 without the parties' agreement", filing: constructionFiling("o-11"),
			req:  one(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, ordToSimp, simplified, "2024-04-10") }),
			code: codes.FailedPrecondition, rule: rules.RuleProv2NoAgreement,
		},
		{
			name: "conversion into fast-track", filing: criminalFiling("o-12", true),
			setup: many(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, ftToOrd, ordinary, "2024-03-08") }),
			req:   one(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, overridden, fastTrack, "2024-03-10") }),
			code:  codes.FailedPrecondition, rule: rules.RuleNoConversionIntoFastTrack,
		},
		{
			name: "conversion into small claims", filing: simplifiedFiling("o-13"),
			setup: many(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, confirmed, simplified, "2024-03-06") }),
			req:   one(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, overridden, smallClaims, "2024-03-10") }),
			code:  codes.FailedPrecondition, rule: rules.RuleNoConversionIntoSmallClaims,
		},
		{
			name: "confirmed with another procedure", filing: loanFiling("o-14"),
			req:  one(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, confirmed, ordinary, "2024-03-06") }),
			code: codes.FailedPrecondition, rule: rules.RuleConfirmedNotRecommended,
		},
		{
			name: "second choice at filing", filing: loanFiling("o-15"),
			setup: many(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, confirmed, smallClaims, "2024-03-06") }),
			req:   one(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, confirmed, smallClaims, "2024-03-07") }),
			code:  codes.FailedPrecondition, rule: rules.RuleFilingChoiceNotFirst,
		},
		{
			name: "简转普 of a small-claims case", filing: loanFiling("o-16"),
			req:  one(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, simpToOrd, ordinary, "2024-04-01") }),
			code: codes.FailedPrecondition, rule: rules.RuleChangeNotFromCurrent,
		},
		{
			name: "simplified for twelve plaintiffs (Interp. 257)", filing: manyPlaintiffsFiling("o-17"),
			req:  one(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, overridden, simplified, "2024-03-06") }),
			code: codes.FailedPrecondition, rule: rules.RuleProcedureExcluded,
		},
		{
			name: "ruling dated before the previous one", filing: simplifiedFiling("o-18"),
			setup: many(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, confirmed, simplified, "2024-04-01") }),
			req:   one(func(d *triagev1.Decision) *triagev1.Outcome { return outcome(d, simpToOrd, ordinary, "2024-03-20") }),
			code:  codes.FailedPrecondition, rule: rules.RuleOutcomeBeforePrevious,
		},
		{
			name: "single judge to panel in simplified civil procedure", filing: simplifiedFiling("o-19"),
			req: one(func(d *triagev1.Decision) *triagev1.Outcome {
				return outcome(d, triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL, simplified, "2024-03-20")
			}),
			code: codes.FailedPrecondition, rule: rules.RuleCPL40SimplifiedIsSingleJudge,
		},
		{
			// CPL 2012/2017 art. 39: before CPL 43 (2022) ordinary procedure
			// sat as a panel, so no single judge could be replaced in 2019.
			name: "single judge to panel in civil ordinary procedure in 2019",
			filing: func() *triagev1.Filing {
				f := constructionFiling("o-9")
				f.FiledOn = "2019-05-06"
				return f
			}(),
			req: one(func(d *triagev1.Decision) *triagev1.Outcome {
				return outcome(d, triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL, ordinary, "2019-06-03")
			}),
			code: codes.FailedPrecondition, rule: rules.RuleCPL2017OrdinaryIsPanel,
		},

		// Malformed requests.
		{
			name: "no outcome", filing: loanFiling("o-20"),
			req:  func(*triagev1.Decision) *triagev1.RecordOutcomeRequest { return &triagev1.RecordOutcomeRequest{} },
			code: codes.InvalidArgument, field: "outcome",
		},
		{
			name: "no decision id", filing: loanFiling("o-21"),
			req:  edit(func(o *triagev1.Outcome) { o.DecisionId = "" }),
			code: codes.InvalidArgument, field: "outcome.decision_id",
		},
		{
			name: "decision id is a case number", filing: loanFiling("o-22"),
			req:  edit(func(o *triagev1.Outcome) { o.DecisionId = "(2024)辽0102民初1234号" }),
			code: codes.InvalidArgument, field: "outcome.decision_id",
		},
		{
			name: "no decided_by", filing: loanFiling("o-23"),
			req:  edit(func(o *triagev1.Outcome) { o.DecidedBy = " " }),
			code: codes.InvalidArgument, field: "outcome.decided_by",
		},
		{
			name: "decided_by too long", filing: loanFiling("o-24"),
			req:  edit(func(o *triagev1.Outcome) { o.DecidedBy = strings.Repeat("审", rules.MaxDecidedByChars+1) }),
			code: codes.InvalidArgument, field: "outcome.decided_by",
		},
		{
			name: "no decided_on", filing: loanFiling("o-25"),
			req:  edit(func(o *triagev1.Outcome) { o.DecidedOn = "" }),
			code: codes.InvalidArgument, field: "outcome.decided_on",
		},
		{
			name: "decided before 立案", filing: loanFiling("o-26"),
			req:  edit(func(o *triagev1.Outcome) { o.DecidedOn = "2024-03-04" }),
			code: codes.InvalidArgument, field: "outcome.decided_on",
		},
		{
			name: "no procedure", filing: loanFiling("o-27"),
			req:  edit(func(o *triagev1.Outcome) { o.Procedure = triagev1.Procedure_PROCEDURE_UNSPECIFIED }),
			code: codes.InvalidArgument, field: "outcome.procedure",
		},
		{
			name: "fast-track for a civil case", filing: loanFiling("o-28"),
			req:  edit(func(o *triagev1.Outcome) { o.Procedure, o.Change = fastTrack, overridden }),
			code: codes.InvalidArgument, field: "outcome.procedure",
		},
		{
			name: "no change", filing: loanFiling("o-29"),
			req:  edit(func(o *triagev1.Outcome) { o.Change = triagev1.ChangeKind_CHANGE_KIND_UNSPECIFIED }),
			code: codes.InvalidArgument, field: "outcome.change",
		},
		{
			name: "reason too long", filing: loanFiling("o-30"),
			req:  edit(func(o *triagev1.Outcome) { o.Reason = strings.Repeat("理", rules.MaxOutcomeReasonChars+1) }),
			code: codes.InvalidArgument, field: "outcome.reason",
		},

		{
			name: "unknown decision", filing: loanFiling("o-40"),
			req:  edit(func(o *triagev1.Outcome) { o.DecisionId = uuid.Must(uuid.NewV7()).String() }),
			code: codes.NotFound,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := triageOK(t, ctx, h.client, tt.filing)
			if tt.setup != nil {
				for _, o := range tt.setup(d) {
					if _, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o}); err != nil {
						t.Fatalf("setup outcome %v: %v", o.GetChange(), err)
					}
				}
			}
			before, err := st.ListOutcomes(ctx, d.GetDecisionId())
			if err != nil {
				t.Fatal(err)
			}
			req := tt.req(d)
			start := time.Now()
			resp, err := h.client.RecordOutcome(ctx, req)
			end := time.Now()
			after, lerr := st.ListOutcomes(ctx, d.GetDecisionId())
			if lerr != nil {
				t.Fatal(lerr)
			}
			if tt.code != codes.OK {
				checkStatus(t, err, tt.code, tt.field, tt.rule)
				if resp != nil {
					t.Errorf("response with an error: %v", resp)
				}
				if len(after) != len(before) {
					t.Errorf("a refused outcome was stored: %d outcomes before, %d after", len(before), len(after))
				}
				return
			}
			if err != nil {
				t.Fatalf("RecordOutcome: %v", err)
			}
			o := resp.GetOutcome()
			in := req.GetOutcome()
			if _, err := uuid.Parse(o.GetOutcomeId()); err != nil || o.GetOutcomeId() == in.GetOutcomeId() {
				t.Errorf("outcome_id %q: want a new UUID from the server", o.GetOutcomeId())
			}
			if at := o.GetRecordedAt().AsTime(); at.Before(start.Add(-time.Second)) || at.After(end.Add(time.Second)) {
				t.Errorf("recorded_at %v, not the time of the call (%v … %v)", at, start, end)
			}
			if o.GetPrevious() != tt.previous {
				t.Errorf("previous = %v, want %v", o.GetPrevious(), tt.previous)
			}
			lim := o.GetTimeLimit()
			if lim.GetProcedure() != tt.limit.proc || lim.GetMonths() != tt.limit.months || lim.GetDays() != 0 ||
				lim.GetDueOn() != tt.limit.dueOn || !strings.Contains(lim.GetArticle(), tt.limit.article) {
				t.Errorf("time_limit = %v; want %v, %d months, due %s, article citing %s",
					lim, tt.limit.proc, tt.limit.months, tt.limit.dueOn, tt.limit.article)
			}
			if o.GetDecisionId() != d.GetDecisionId() {
				t.Errorf("decision_id %q, want the canonical %q", o.GetDecisionId(), d.GetDecisionId())
			}
			// What the client owns is kept.
			if o.GetProcedure() != in.GetProcedure() || o.GetChange() != in.GetChange() || o.GetDecidedBy() != in.GetDecidedBy() ||
				o.GetDecidedOn() != in.GetDecidedOn() || o.GetReason() != in.GetReason() || o.GetLegalBasis() != in.GetLegalBasis() {
				t.Errorf("the client's fields changed: sent %v, got %v", in, o)
			}
			if len(after) != len(before)+1 || cmp.Diff(o, after[len(after)-1], protocmp.Transform()) != "" {
				t.Errorf("stored outcomes %v, want the returned %v last of %d", after, o, len(before)+1)
			}
		})
	}
	waitMetric(t, h.reg, "fenjian_outcomes_total", map[string]string{"change": "CHANGE_KIND_SIMPLIFIED_TO_ORDINARY", "agreement": "disagree"}, 2)
}

// one makes a request of one outcome.
func one(f func(d *triagev1.Decision) *triagev1.Outcome) func(d *triagev1.Decision) *triagev1.RecordOutcomeRequest {
	return func(d *triagev1.Decision) *triagev1.RecordOutcomeRequest {
		return &triagev1.RecordOutcomeRequest{Outcome: f(d)}
	}
}

// many makes a setup of one outcome.
func many(f func(d *triagev1.Decision) *triagev1.Outcome) func(d *triagev1.Decision) []*triagev1.Outcome {
	return func(d *triagev1.Decision) []*triagev1.Outcome { return []*triagev1.Outcome{f(d)} }
}

// edit makes a request of a confirmation of the recommendation, edited.
func edit(e func(o *triagev1.Outcome)) func(d *triagev1.Decision) *triagev1.RecordOutcomeRequest {
	return func(d *triagev1.Decision) *triagev1.RecordOutcomeRequest {
		o := outcome(d, confirmed, d.GetRecommended(), "2024-03-06")
		e(o)
		return &triagev1.RecordOutcomeRequest{Outcome: o}
	}
}

// TestRecordOutcomeConcurrent sends the choice at filing for one decision
// from several clerks at once: it is made once (FILING_CHOICE_NOT_FIRST for
// the others), as if they had come one after another, never twice.
func TestRecordOutcomeConcurrent(t *testing.T) {
	h, st, ctx := startDefaultServer(t)
	for round := range 5 {
		d := triageOK(t, ctx, h.client, loanFiling("c-"+string(rune('a'+round))))
		const clerks = 8
		errs := make([]error, clerks)
		var wg sync.WaitGroup
		for i := range clerks {
			wg.Go(func() {
				o := outcome(d, confirmed, smallClaims, "2024-03-06")
				o.DecidedBy = "judge-" + string(rune('0'+i)) // listed judges: whom a clerk may record for
				_, errs[i] = h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
			})
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
				continue
			}
			checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleFilingChoiceNotFirst)
		}
		stored, err := st.ListOutcomes(ctx, d.GetDecisionId())
		if err != nil {
			t.Fatal(err)
		}
		if ok != 1 || len(stored) != 1 {
			t.Fatalf("round %d: %d of %d concurrent confirmations accepted, %d stored; want exactly one", round, ok, clerks, len(stored))
		}
	}
}

// TestRecordOutcomeServiceContext pins the codes of a call whose client has
// gone: CANCELED and DEADLINE_EXCEEDED, not a store fault.
func TestRecordOutcomeServiceContext(t *testing.T) {
	st := openStore(t, tempDB(t))
	svc, err := NewService(Options{Decider: newDecider(t), Store: st, Teams: defaultTeams(t)})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := svc.Triage(testContext(t), &triagev1.TriageRequest{Filing: loanFiling("ctx-1")})
	if err != nil {
		t.Fatal(err)
	}
	d := resp.GetDecision()
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tt := range []struct {
		ctx  context.Context
		code codes.Code
	}{{canceled, codes.Canceled}, {expiredContext(t), codes.DeadlineExceeded}} {
		_, err := svc.RecordOutcome(tt.ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(d, confirmed, smallClaims, "2024-03-06")})
		checkStatus(t, err, tt.code, "", "")
		_, err = svc.AssignCase(tt.ctx, &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: "civil-trial-1", DesignatedBy: "president-1", Reason: "回避"})
		checkStatus(t, err, tt.code, "", "")
	}
	if got, err := st.ListOutcomes(context.Background(), d.GetDecisionId()); err != nil || len(got) != 0 {
		t.Errorf("outcomes after canceled calls: %v, %v", got, err)
	}
}
