package server

import (
	"context"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestStatuteOutcomesRound13 records conversions through a real server on
// loopback (round-13 statute audit): each expectation — accepted with the
// time limit the law gives, counted from 立案 or from the ruling, or
// FAILED_PRECONDITION and nothing stored — was written from the texts
// before the rules were read. The filings are triaged and stored first;
// prior outcomes set the procedure in force.
func TestStatuteOutcomesRound13(t *testing.T) {
	h, st, ctx := startDefaultServer(t)

	const (
		panel    = triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL
		scToSimp = triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_SIMPLIFIED
		scToOrd  = triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY
		ftToSimp = triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_SIMPLIFIED
	)
	civ := func(id string, m func(f *triagev1.Filing)) *triagev1.Filing {
		f := loanFiling(id)
		if m != nil {
			m(f)
		}
		return f
	}
	crim := func(id string, m func(f *triagev1.Filing)) *triagev1.Filing {
		f := criminalFiling(id, true)
		if m != nil {
			m(f)
		}
		return f
	}
	adm := func(id string, m func(f *triagev1.Filing)) *triagev1.Filing {
		f := adminFiling(id)
		if m != nil {
			m(f)
		}
		return f
	}
	const cpl, crpl, all = "民事诉讼法", "刑事诉讼法", "行政诉讼法"
	cases := []statuteOutcome{
		// civil (CPL 40, 43, 160, 165–170; Interp. 258, 260, 278–279; 若干规定 2)
		{"civ small claims to simplified rules: three months from 立案", civ("r13-1", nil),
			[]step{{change: confirmed, proc: smallClaims, on: "2024-03-06", basis: cpl}},
			step{change: scToSimp, proc: simplified, on: "2024-04-01", basis: cpl}, want{months: 3, due: "2024-06-05"}},
		{"civ small claims to ordinary: six months from 立案", civ("r13-2", nil),
			[]step{{change: confirmed, proc: smallClaims, on: "2024-03-06", basis: cpl}},
			step{change: scToOrd, proc: ordinary, on: "2024-04-01", basis: cpl}, want{months: 6, due: "2024-09-05"}},
		{"civ simplified: single judge to panel (not a simplified panel)", civ("r13-3", nil),
			[]step{{change: overridden, proc: simplified, on: "2024-03-06", agree: true, basis: cpl}},
			step{change: panel, proc: simplified, on: "2024-03-20", basis: cpl}, want{refused: true}},
		{"civ ordinary single judge to panel (CPL 43): six months from 立案", civ("r13-4", nil),
			[]step{{change: overridden, proc: ordinary, on: "2024-03-06", basis: cpl}},
			step{change: panel, proc: ordinary, on: "2024-03-20", basis: cpl}, want{months: 6, due: "2024-09-05"}},
		{"civ panel then 普转简 agreed", civ("r13-5", nil),
			[]step{{change: overridden, proc: ordinary, on: "2024-03-06", basis: cpl}, {change: panel, proc: ordinary, on: "2024-03-20", basis: cpl}},
			step{change: ordToSimp, proc: simplified, on: "2024-03-25", agree: true, basis: cpl}, want{refused: true}},
		{"civ 普转简 agreed before the hearing: three months from 立案", civ("r13-6", nil),
			[]step{{change: overridden, proc: ordinary, on: "2024-03-06", basis: cpl}},
			step{change: ordToSimp, proc: simplified, on: "2024-03-25", agree: true, basis: cpl}, want{months: 3, due: "2024-06-05"}},
		{"civ 普转简 without agreement", civ("r13-7", nil),
			[]step{{change: overridden, proc: ordinary, on: "2024-03-06", basis: cpl}},
			step{change: ordToSimp, proc: simplified, on: "2024-03-25", basis: cpl}, want{refused: true}},
		{"civ 普转简 agreed after the ordinary hearing (Interp. 260)", civ("r13-8", nil),
			[]step{{change: overridden, proc: ordinary, on: "2024-03-06", basis: cpl}},
			step{change: ordToSimp, proc: simplified, on: "2024-03-25", agree: true, heard: true, basis: cpl}, want{refused: true}},
		{"civ foreign 简转普: no statutory limit (CPL 287)", civ("r13-9", func(f *triagev1.Filing) { f.Parties[1].Foreign = true }),
			[]step{{change: overridden, proc: simplified, on: "2024-03-06", basis: cpl}},
			step{change: simpToOrd, proc: ordinary, on: "2024-04-01", basis: cpl}, want{none: true}},
		{"civ defendant whereabouts unknown: simplified chosen (Interp. 257(1))", civ("r13-10", func(f *triagev1.Filing) { f.Parties[1].WhereaboutsUnknown = true }),
			nil, step{change: overridden, proc: simplified, on: "2024-03-06", basis: cpl}, want{refused: true}},
		{"civ counterclaim stated: small claims chosen (CPL 166(5))", civ("r13-11", func(f *triagev1.Filing) { f.Circumstances = &triagev1.Circumstances{Counterclaim: true} }),
			nil, step{change: overridden, proc: smallClaims, on: "2024-03-06", basis: cpl}, want{refused: true}},

		// criminal (CrPL 216, 220–226; Interp. 366, 368, 370, 376)
		{"crim fast-track to simplified: twenty days from the ruling", crim("r13-12", nil),
			[]step{{change: confirmed, proc: fastTrack, on: "2024-03-06", basis: crpl}},
			step{change: ftToSimp, proc: simplified, on: "2024-03-12", basis: crpl}, want{days: 20, due: "2024-04-01"}},
		{"crim fast-track to ordinary in custody: the Sunday stands (CrPL 105 ¶4)", crim("r13-13", func(f *triagev1.Filing) { f.Circumstances.DefendantDetained = true }),
			[]step{{change: confirmed, proc: fastTrack, on: "2024-03-06", basis: crpl}},
			step{change: ftToOrd, proc: ordinary, on: "2024-03-12", basis: crpl}, want{months: 2, due: "2024-05-12"}},
		{"crim simplified: panel (CrPL 216, Interp. 366): the twenty days from 立案 kept", crim("r13-14", nil),
			[]step{{change: overridden, proc: simplified, on: "2024-03-06", basis: crpl}},
			step{change: panel, proc: simplified, on: "2024-03-10", basis: crpl}, want{days: 20, due: "2024-03-25"}},
		{"crim fast-track: panel", crim("r13-15", nil),
			[]step{{change: confirmed, proc: fastTrack, on: "2024-03-06", basis: crpl}},
			step{change: panel, proc: fastTrack, on: "2024-03-10", basis: crpl}, want{refused: true}},
		{"crim simplified panel then 简转普: two months from the ruling, off a Saturday", crim("r13-16", nil),
			[]step{{change: overridden, proc: simplified, on: "2024-03-06", basis: crpl}, {change: panel, proc: simplified, on: "2024-03-10", basis: crpl}},
			step{change: simpToOrd, proc: ordinary, on: "2024-03-18", basis: crpl}, want{months: 2, due: "2024-05-20"}},
		{"crim minor defendant: fast-track chosen (CrPL 223(2))", crim("r13-17", func(f *triagev1.Filing) { f.Parties[0].Minor = true }),
			nil, step{change: overridden, proc: fastTrack, on: "2024-03-06", basis: crpl}, want{refused: true}},
		{"crim minor defendant: simplified chosen", crim("r13-18", func(f *triagev1.Filing) { f.Parties[0].Minor = true }),
			nil, step{change: overridden, proc: simplified, on: "2024-03-06", basis: crpl}, want{days: 20, due: "2024-03-25"}},
		{"crim 37 months: fast-track chosen (CrPL 222)", crim("r13-19", func(f *triagev1.Filing) {
			f.Cause = "盗窃罪"
			f.Circumstances.RecommendedSentenceMonths = 37
		}), nil, step{change: overridden, proc: fastTrack, on: "2024-03-06", basis: crpl}, want{refused: true}},

		// administrative (ALL 68, 81–84; 行诉法解释 105)
		{"adm 简转普: six months from 立案", adm("r13-20", nil),
			[]step{{change: confirmed, proc: simplified, on: "2024-03-06", basis: all}},
			step{change: simpToOrd, proc: ordinary, on: "2024-04-10", basis: all}, want{months: 6, due: "2024-09-05"}},
		{"adm simplified: single judge to panel", adm("r13-21", nil),
			[]step{{change: confirmed, proc: simplified, on: "2024-03-06", basis: all}},
			step{change: panel, proc: simplified, on: "2024-03-20", basis: all}, want{refused: true}},
		{"adm remanded: simplified chosen (ALL 82 ¶3)", adm("r13-22", func(f *triagev1.Filing) { f.Circumstances.Remanded = true }),
			nil, step{change: overridden, proc: simplified, on: "2024-03-06", basis: all}, want{refused: true}},
	}
	runStatuteOutcomes(t, ctx, h.client, st, cases)
}

// step is one outcome of a statute scenario.
type step struct {
	change triagev1.ChangeKind
	proc   triagev1.Procedure
	on     string
	agree  bool
	heard  bool
	basis  string
	// correct, when set, states the filing as corrected (a FactCorrection
	// of a copy of the scenario's filing).
	correct func(*triagev1.Filing)
}

// want is a statute scenario's expected answer to its last outcome.
type want struct {
	refused      bool
	months, days int32
	due          string
	none         bool // no statutory limit
}

// statuteOutcome is a filing triaged and stored, the outcomes that set the
// procedure in force, and the outcome under test.
type statuteOutcome struct {
	name   string
	filing *triagev1.Filing
	setup  []step
	last   step
	want   want
}

// runStatuteOutcomes triages each scenario's filing through the server,
// records its setup outcomes and checks the last one: refused with
// FAILED_PRECONDITION and nothing stored, or accepted with the time limit.
func runStatuteOutcomes(t *testing.T, ctx context.Context, client triagev1.TriageServiceClient, st interface {
	ListOutcomes(context.Context, string) ([]*triagev1.Outcome, error)
}, cases []statuteOutcome) {
	t.Helper()
	// A choice at filing is recorded as a confirmation when the scorer
	// recommended it already (record keeping, not law).
	mk := func(d *triagev1.Decision, f *triagev1.Filing, s step) *triagev1.Outcome {
		if s.change == overridden && d.GetRecommended() == s.proc {
			s.change = confirmed
		}
		o := outcome(d, s.change, s.proc, s.on)
		o.LegalBasis = s.basis
		o.PartiesAgree = s.agree
		o.OrdinaryHearingHeld = s.heard
		if s.correct != nil {
			g := proto.Clone(f).(*triagev1.Filing)
			s.correct(g)
			o.Correction = &triagev1.FactCorrection{Filing: g, Basis: "庭审笔录"}
		}
		return o
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := triageOK(t, ctx, client, c.filing)
			for _, s := range c.setup {
				if _, err := client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: mk(d, c.filing, s)}); err != nil {
					t.Fatalf("setup %v → %v: %v", s.change, s.proc, err)
				}
			}
			before, err := st.ListOutcomes(ctx, d.GetDecisionId())
			if err != nil {
				t.Fatal(err)
			}
			resp, err := client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: mk(d, c.filing, c.last)})
			if c.want.refused {
				checkStatus(t, err, codes.FailedPrecondition, "", "")
				after, err := st.ListOutcomes(ctx, d.GetDecisionId())
				if err != nil {
					t.Fatal(err)
				}
				if len(after) != len(before) {
					t.Errorf("a refused outcome was stored")
				}
				return
			}
			if err != nil {
				t.Fatalf("RecordOutcome: %v", err)
			}
			tl := resp.GetOutcome().GetTimeLimit()
			if c.want.none {
				if !tl.GetNoStatutoryLimit() || tl.GetDueOn() != "" {
					t.Errorf("time limit %v, want none", tl)
				}
				return
			}
			if tl.GetProcedure() != c.last.proc || tl.GetMonths() != c.want.months || tl.GetDays() != c.want.days || tl.GetDueOn() != c.want.due {
				t.Errorf("time limit %v, want %d months %d days due %s", tl, c.want.months, c.want.days, c.want.due)
			}
		})
	}
}
