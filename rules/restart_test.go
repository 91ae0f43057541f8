package rules_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Restarts of the criminal time limit (rules/restart.go; docs/statutes.md,
// Conversions: Restarts of the criminal time limit).
const (
	chRestart      = triagev1.ChangeKind_CHANGE_KIND_TIME_LIMIT_RESTARTED
	rsJurisdiction = triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_JURISDICTION_CHANGED
	rsInvestigated = triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_SUPPLEMENTARY_INVESTIGATION
	rsDesignated   = triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_JURISDICTION_DESIGNATED
	rsRemanded     = triagev1.TimeLimitRestart_TIME_LIMIT_RESTART_REMANDED
)

func restart(r triagev1.TimeLimitRestart) omod {
	return func(o *triagev1.Outcome) { o.Restart = r }
}

// restarted is a restart outcome of decision on day under procedure p.
func restarted(r triagev1.TimeLimitRestart, p triagev1.Procedure, day string) *triagev1.Outcome {
	return outcome(chRestart, p, restart(r), on(day), func(o *triagev1.Outcome) { o.LegalBasis = "刑事诉讼法第二百零八条" })
}

// restartRuleArticles pins the restart rules' articles for
// TestConversionRuleArticles.
var restartRuleArticles = map[string]string{
	rules.RuleRestartCriminalOnly:           "刑事诉讼法第二百零八条第二款、第三款、第二百四十一条；刑诉法解释第二百零九条",
	rules.RuleRestartKeepsProcedure:         "",
	rules.RuleRestartBefore1997:             "刑事诉讼法（1996年）第一百六十八条",
	rules.RuleRestartRemandedFastTrack:      "刑事诉讼法第二百三十九条、第二百二十二条；刑诉法解释第三百七十七条",
	rules.RuleRestartRemandedSimplified1996: "刑事诉讼法（1996年）第一百九十二条、第一百七十四条",
	rules.RuleRestartInvestigationFastTrack: "刑事诉讼法第二百二十二条第一款、第二百二十六条；刑诉法解释第三百七十五条",
	rules.RuleRestartInvestigationLimit:     "刑诉法解释第二百七十四条第一款",
	rules.RuleRestartInvestigationPrivate:   "刑事诉讼法第二百零四条第二项、第二百零八条第三款、第二百一十二条第二款",
}

// restartOutcomeCases are the restarts' refusals, each with its near miss;
// TestEveryConversionRuleFiresAndHasNearMiss reads them with the others.
func restartOutcomeCases(tb testing.TB) []ocase {
	civ, adm, crim := civilBase(tb), adminBase(tb), crimBase(tb) // filed 2024-03-05
	civOrd, civSimp := decisionOf(tb, civ, pOrd), decisionOf(tb, civ, pSimp)
	admOrd := decisionOf(tb, adm, pOrd)
	crimFT, crimSimp, crimOrd := decisionOf(tb, crim, pFT), decisionOf(tb, crim, pSimp), decisionOf(tb, crim, pOrd)
	crim2012Simp := decisionOf(tb, with(crim, filedOn("2012-06-15")), pSimp)
	crim1996Ord := decisionOf(tb, with(crim, filedOn("1996-11-20")), pOrd)
	return append([]ocase{
		// Accepted: each restart in ordinary procedure.
		{name: "restart: 改变管辖 in criminal ordinary", dec: crimOrd, out: restarted(rsJurisdiction, pOrd, "2024-04-10"),
			near: []string{rules.RuleRestartCriminalOnly, rules.RuleRestartKeepsProcedure}},
		{name: "restart: 补充侦查 in criminal ordinary", dec: crimOrd, out: restarted(rsInvestigated, pOrd, "2024-04-10")},
		{name: "restart: 指定管辖 in criminal ordinary", dec: crimOrd, out: restarted(rsDesignated, pOrd, "2024-04-10")},
		{name: "restart: 发回重审 in criminal ordinary", dec: crimOrd, out: restarted(rsRemanded, pOrd, "2024-04-10")},

		// Civil and administrative limits run from 立案: no restart.
		{name: "restart: civil ordinary refused", dec: civOrd, out: restarted(rsJurisdiction, pOrd, "2024-04-10"), rule: rules.RuleRestartCriminalOnly},
		{name: "restart: civil simplified 发回重审 refused", dec: civSimp, out: restarted(rsRemanded, pSimp, "2024-04-10"), rule: rules.RuleRestartCriminalOnly},
		{name: "restart: administrative ordinary refused", dec: admOrd, out: restarted(rsDesignated, pOrd, "2024-04-10"), rule: rules.RuleRestartCriminalOnly},

		// The procedure stays the one in force.
		{name: "restart: another procedure than the one in force", dec: crimSimp, out: restarted(rsInvestigated, pOrd, "2024-04-10"), rule: rules.RuleRestartKeepsProcedure},
		{name: "restart: fast-track recommended, ordinary recorded", dec: crimFT, out: restarted(rsJurisdiction, pOrd, "2024-04-10"), rule: rules.RuleRestartKeepsProcedure},
		{name: "restart: after fast-track → ordinary, under ordinary", dec: crimFT, prior: outs(outcome(chFT2O, pOrd, on("2024-03-08"))),
			out: restarted(rsInvestigated, pOrd, "2024-04-10"), near: []string{rules.RuleRestartKeepsProcedure, rules.RuleRestartInvestigationFastTrack}},

		// 发回重审 needs a new panel (CrPL 239; 1996 art. 192).
		{name: "restart: 发回重审 in fast-track", dec: crimFT, out: restarted(rsRemanded, pFT, "2024-04-10"), rule: rules.RuleRestartRemandedFastTrack},
		{name: "restart: 发回重审 in simplified, 2024", dec: crimSimp, out: restarted(rsRemanded, pSimp, "2024-04-10"),
			near: []string{rules.RuleRestartRemandedFastTrack, rules.RuleRestartRemandedSimplified1996}},
		{name: "restart: 发回重审 in simplified on 2012-12-31", dec: crim2012Simp, out: restarted(rsRemanded, pSimp, "2012-12-31"),
			rule: rules.RuleRestartRemandedSimplified1996, article: "刑事诉讼法（1996年）第一百九十二条、第一百七十四条"},
		{name: "restart: 发回重审 in simplified on 2013-01-01, filed 2012", dec: crim2012Simp, out: restarted(rsRemanded, pSimp, "2013-01-01"),
			near: []string{rules.RuleRestartRemandedSimplified1996}},
		{name: "restart: 补充侦查 in simplified on 2012-12-31", dec: crim2012Simp, out: restarted(rsInvestigated, pSimp, "2012-12-31"),
			near: []string{rules.RuleRestartRemandedSimplified1996}},

		// 补充侦查 in fast-track: convert first.
		{name: "restart: 补充侦查 in fast-track", dec: crimFT, out: restarted(rsInvestigated, pFT, "2024-03-08"), rule: rules.RuleRestartInvestigationFastTrack},
		{name: "restart: 改变管辖 in fast-track", dec: crimFT, out: restarted(rsJurisdiction, pFT, "2024-03-08"), near: []string{rules.RuleRestartInvestigationFastTrack}},
		{name: "restart: 补充侦查 in simplified", dec: crimSimp, out: restarted(rsInvestigated, pSimp, "2024-04-10"), near: []string{rules.RuleRestartInvestigationFastTrack}},

		// The 1979 law was not read.
		{name: "restart on 1996-12-31", dec: crim1996Ord, out: restarted(rsJurisdiction, pOrd, "1996-12-31"), rule: rules.RuleRestartBefore1997},
		{name: "restart on 1997-01-01, filed 1996", dec: crim1996Ord, out: restarted(rsJurisdiction, pOrd, "1997-01-01"), near: []string{rules.RuleRestartBefore1997}},

		// Dates: not before 立案 (INVALID_ARGUMENT), not before the last
		// outcome; the same day as it is in order.
		{name: "restart before filed_on", dec: crimOrd, out: restarted(rsInvestigated, pOrd, "2024-03-04"), field: "outcome.decided_on"},
		{name: "restart on filed_on", dec: crimOrd, out: restarted(rsInvestigated, pOrd, "2024-03-05")},
		{name: "restart dated before the last outcome", dec: crimFT, prior: outs(outcome(chFT2O, pOrd, on("2024-04-12"))),
			out: restarted(rsInvestigated, pOrd, "2024-04-10"), rule: rules.RuleOutcomeBeforePrevious},
		{name: "restart on the day of the last outcome", dec: crimFT, prior: outs(outcome(chFT2O, pOrd, on("2024-04-10"))),
			out: restarted(rsInvestigated, pOrd, "2024-04-10")},

		// The basis: which restart, and only on a restart.
		{name: "restart without outcome.restart", dec: crimOrd, out: outcome(chRestart, pOrd), field: "outcome.restart"},
		{name: "restart of an unknown kind", dec: crimOrd, out: outcome(chRestart, pOrd, restart(99)), field: "outcome.restart"},
		{name: "outcome.restart on a conversion", dec: crimSimp, out: outcome(chS2O, pOrd, restart(rsInvestigated)), field: "outcome.restart"},
		{name: "outcome.restart on a confirmation", dec: crimOrd, out: outcome(chConf, pOrd, restart(rsRemanded)), field: "outcome.restart"},

		// A remand forms a new panel: no second one under the procedure.
		{name: "panel after 发回重审 in simplified", dec: crimSimp, prior: outs(restarted(rsRemanded, pSimp, "2024-04-10")),
			out: outcome(chPanel, pSimp, on("2024-04-12")), rule: rules.RulePanelAlreadyFormed},
		{name: "panel after 补充侦查 in simplified", dec: crimSimp, prior: outs(restarted(rsInvestigated, pSimp, "2024-04-10")),
			out: outcome(chPanel, pSimp, on("2024-04-12")), near: []string{rules.RulePanelAlreadyFormed}},
		// A conversion after a restart.
		{name: "简转普 after 补充侦查", dec: crimSimp, prior: outs(restarted(rsInvestigated, pSimp, "2024-04-15")),
			out: outcome(chS2O, pOrd, on("2024-05-03"))},
	}, round20RestartCases(tb)...)
}

func TestValidateRestart(t *testing.T) {
	for _, c := range restartOutcomeCases(t) {
		t.Run(c.name, func(t *testing.T) { checkOutcomeCase(t, c) })
	}
}

// TestRestartServerPath: the engine's check (the server's, with fact
// corrections) refuses and accepts as ValidateOutcome does, and a restart
// may carry a correction: after 补充侦查 the prosecution may change its
// recommendation.
func TestRestartServerPath(t *testing.T) {
	e := defaultEngine(t)
	crim := crimBase(t)
	crimSimp := decisionOf(t, crim, pSimp)
	civOrd := decisionOf(t, civilBase(t), pOrd)
	var ce *rules.ConversionError
	if err := e.ValidateOutcome(civOrd, nil, nil, restarted(rsInvestigated, pOrd, "2024-04-10")); !errors.As(err, &ce) || ce.Rule != rules.RuleRestartCriminalOnly {
		t.Errorf("civil restart: %v", err)
	}
	corrected := with(crim, circ(func(c *triagev1.Circumstances) { c.RecommendedSentenceMonths = 8 }))
	o := restarted(rsInvestigated, pSimp, "2024-04-15")
	o.Correction = &triagev1.FactCorrection{Filing: corrected, Basis: "补充侦查后的量刑建议书"}
	if err := e.ValidateOutcome(crimSimp, crim, nil, o); err != nil {
		t.Fatalf("restart with a correction: %v", err)
	}
	// A correction that bars the procedure in force refuses the restart:
	// the case must be converted (刑诉法解释第三百六十八条).
	denied := with(crim, circ(func(c *triagev1.Circumstances) { c.GuiltyPlea = false }))
	o = restarted(rsInvestigated, pSimp, "2024-04-15")
	o.Correction = &triagev1.FactCorrection{Filing: denied, Basis: "被告人翻供"}
	if err := e.ValidateOutcome(crimSimp, crim, nil, o); !errors.As(err, &ce) || ce.Rule != rules.RuleProcedureExcluded {
		t.Errorf("restart keeping a procedure the corrected facts bar: %v, want %s", err, rules.RuleProcedureExcluded)
	}
}

// decisionInCustody is decisionOf with the inferences a stored decision
// keeps (custody: CrPL 105 ¶4).
func decisionInCustody(tb testing.TB, f *triagev1.Filing, rec triagev1.Procedure) *triagev1.Decision {
	tb.Helper()
	d := decisionOf(tb, f, rec)
	a, err := defaultEngine(tb).Evaluate(f)
	if err != nil {
		tb.Fatal(err)
	}
	d.Inferences = a.Inferences
	return d
}

// TestRestartTimeLimits: the due date after a restart runs from it, under
// the procedure in force and the law in force that day, and outcomes that
// keep the clock count from it. Without restarts every row but the near
// misses fails: a restart could not be recorded, and a panel counted from
// filed_on.
func TestRestartTimeLimits(t *testing.T) {
	crim := crimBase(t) // filed 2024-03-05, 4 months recommended
	crimFT, crimSimp, crimOrd := decisionOf(t, crim, pFT), decisionOf(t, crim, pSimp), decisionOf(t, crim, pOrd)
	detained := decisionInCustody(t, with(crim, circ(func(c *triagev1.Circumstances) { c.DefendantDetained = true })), pSimp)
	ord := func(filed string) *triagev1.Decision { return decisionOf(t, with(crim, filedOn(filed)), pOrd) }
	type row struct {
		name     string
		dec      *triagev1.Decision
		prior    []*triagev1.Outcome
		out      *triagev1.Outcome
		months   int32
		days     int32
		due      string
		article  string
		note     string
		calendar bool // the holiday calendar covers the due date
	}
	for _, c := range []row{
		// CrPL 2018: each restart. 2024-06-10 is 端午节: the next working day.
		{name: "改变管辖, ordinary", dec: crimOrd, out: restarted(rsJurisdiction, pOrd, "2024-04-10"),
			months: 2, due: "2024-06-11", article: "刑事诉讼法第二百零八条；刑事诉讼法第二百零八条第二款", note: "从改变后的人民法院收到案件之日起计算", calendar: true},
		// 2024-05-05 is in the 劳动节 holiday; in custody it stays (CrPL 105 ¶4).
		{name: "补充侦查, simplified", dec: crimSimp, out: restarted(rsInvestigated, pSimp, "2024-04-15"),
			days: 20, due: "2024-05-06", article: "刑事诉讼法第二百零八条第三款", note: "补充侦查完毕移送人民法院后", calendar: true},
		{name: "补充侦查, simplified, in custody", dec: detained, out: restarted(rsInvestigated, pSimp, "2024-04-15"),
			days: 20, due: "2024-05-05", article: "刑事诉讼法第二百零八条第三款"},
		{name: "指定管辖, ordinary", dec: crimOrd, out: restarted(rsDesignated, pOrd, "2024-04-10"),
			months: 2, due: "2024-06-11", article: "刑诉法解释第二百零九条", note: "收到指定管辖决定书和案卷、证据材料之日", calendar: true},
		{name: "发回重审, simplified", dec: crimSimp, out: restarted(rsRemanded, pSimp, "2024-04-10"),
			days: 20, due: "2024-04-30", article: "刑事诉讼法第二百四十一条", note: "从收到发回的案件之日起", calendar: true},
		// 2024-04-20 is a Saturday.
		{name: "改变管辖, fast-track", dec: crimFT, out: restarted(rsJurisdiction, pFT, "2024-04-10"),
			days: 10, due: "2024-04-22", article: "刑事诉讼法第二百二十五条；刑事诉讼法第二百零八条第二款", calendar: true},

		// Outcomes that keep the clock count from the restart: a panel
		// (刑诉法解释第三百六十六条) after 补充侦查, here due 2024-05-06, not
		// 2024-03-25 from 受理.
		{name: "panel after 补充侦查", dec: crimSimp, prior: outs(restarted(rsInvestigated, pSimp, "2024-04-15")),
			out: outcome(chPanel, pSimp, on("2024-04-20")), days: 20, due: "2024-05-06", article: "刑事诉讼法第二百二十条", calendar: true},
		{name: "near miss: panel without a restart", dec: crimSimp, out: outcome(chPanel, pSimp, on("2024-03-14")),
			days: 20, due: "2024-03-25", article: "刑事诉讼法第二百二十条", calendar: true},
		// A conversion restarts on its own decision (Interp. 368 ¶2).
		{name: "简转普 after 补充侦查", dec: crimSimp, prior: outs(restarted(rsInvestigated, pSimp, "2024-04-15")),
			out: outcome(chS2O, pOrd, on("2024-05-03")), months: 2, due: "2024-07-03", article: "刑诉法解释第三百六十八条第二款", calendar: true},
		// A restart recorded after a conversion runs from the restart.
		{name: "改变管辖 after fast-track → ordinary", dec: crimFT, prior: outs(outcome(chFT2O, pOrd, on("2024-03-12"))),
			out: restarted(rsJurisdiction, pOrd, "2024-04-10"), months: 2, due: "2024-06-11", article: "刑事诉讼法第二百零八条第二款", calendar: true},

		// Each era's article, by the day the clock starts again.
		{name: "CrPL 2012: 补充侦查 2014-06-03", dec: ord("2014-05-05"), out: restarted(rsInvestigated, pOrd, "2014-06-03"),
			months: 2, due: "2014-08-04", article: "刑事诉讼法（2012年修正）第二百零二条第三款", calendar: true},
		{name: "CrPL 2012: 改变管辖 2018-10-25", dec: ord("2018-09-03"), out: restarted(rsJurisdiction, pOrd, "2018-10-25"),
			months: 2, due: "2018-12-25", article: "刑事诉讼法（2012年修正）第二百零二条第二款", calendar: true},
		{name: "CrPL 2018: 改变管辖 2018-10-26", dec: ord("2018-09-03"), out: restarted(rsJurisdiction, pOrd, "2018-10-26"),
			months: 2, due: "2018-12-26", article: "刑事诉讼法第二百零八条第二款", calendar: true},
		{name: "CrPL 2012: 发回重审 2016-04-05", dec: ord("2015-09-01"), out: restarted(rsRemanded, pOrd, "2016-04-05"),
			months: 2, due: "2016-06-06", article: "刑事诉讼法（2012年修正）第二百三十条", calendar: true},
		{name: "Interp. 2012: 指定管辖 2021-02-28", dec: ord("2021-01-04"), out: restarted(rsDesignated, pOrd, "2021-02-28"),
			months: 2, due: "2021-04-28", article: "刑诉法解释（2012年）第一百七十二条", calendar: true},
		// 2021-05-01 is in the 劳动节 holiday (05-01..05-05).
		{name: "Interp. 2021: 指定管辖 2021-03-01", dec: ord("2021-01-04"), out: restarted(rsDesignated, pOrd, "2021-03-01"),
			months: 2, due: "2021-05-06", article: "刑诉法解释第二百零九条", calendar: true},
		// CrPL 1996: one month (art. 168); 2010 is outside the calendar.
		{name: "CrPL 1996: 发回重审 2010-05-10", dec: ord("2010-03-01"), out: restarted(rsRemanded, pOrd, "2010-05-10"),
			months: 1, due: "2010-06-10", article: "刑事诉讼法（1996年）第一百九十四条"},
		{name: "CrPL 1996: 指定管辖 2010-05-10", dec: ord("2010-03-01"), out: restarted(rsDesignated, pOrd, "2010-05-10"),
			months: 1, due: "2010-06-10", article: "刑事诉讼法（1996年）第一百六十八条第二款"},
		{name: "CrPL 1996: 补充侦查 2012-12-31", dec: ord("2012-12-03"), out: restarted(rsInvestigated, pOrd, "2012-12-31"),
			months: 1, due: "2013-01-31", article: "刑事诉讼法（1996年）第一百六十八条第三款", calendar: true},
		// Filed under the 1996 law, restarted under the 2012 one: its period.
		{name: "filed 2012, 补充侦查 2013-01-07", dec: ord("2012-12-03"), out: restarted(rsInvestigated, pOrd, "2013-01-07"),
			months: 2, due: "2013-03-07", article: "刑事诉讼法（2012年修正）第二百零二条第三款", calendar: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := defaultEngine(t)
			if err := e.ValidateOutcome(c.dec, nil, c.prior, c.out); err != nil {
				t.Fatalf("ValidateOutcome: %v", err)
			}
			sentence := &triagev1.Circumstances{RecommendedSentenceMonths: 4}
			tl, err := e.OutcomeTimeLimitFromRecord(c.dec, c.prior, c.out, sentence)
			if err != nil {
				t.Fatal(err)
			}
			if tl.GetProcedure() != c.out.GetProcedure() || tl.GetMonths() != c.months || tl.GetDays() != c.days || tl.GetDueOn() != c.due {
				t.Errorf("limit %v %d months %d days due %s, want %v %d, %d, %s", tl.GetProcedure(), tl.GetMonths(), tl.GetDays(), tl.GetDueOn(), c.out.GetProcedure(), c.months, c.days, c.due)
			}
			if tl.GetHolidayCalendarMissing() == c.calendar && !strings.Contains(c.name, "custody") {
				t.Errorf("holiday_calendar_missing = %v", tl.GetHolidayCalendarMissing())
			}
			for _, a := range strings.Split(c.article, "；") {
				if !strings.Contains(tl.GetArticle(), a) {
					t.Errorf("article %q does not mention %q", tl.GetArticle(), a)
				}
			}
			if !strings.Contains(tl.GetExtension(), c.note) {
				t.Errorf("extension %q does not mention %q", tl.GetExtension(), c.note)
			}
			// Criminal outcomes carry no late flag: conversions and
			// restarts start their own period (刑诉法解释第三百六十八条第二款).
			if rs, err := e.OutcomeReview(c.dec, c.prior, c.out, tl); err != nil || len(rs) != 0 {
				t.Errorf("review reasons %v, %v; want none", rs, err)
			}
		})
	}
}

// TestRestartRemandFormsPanel: after 发回重审 the case is tried by a new
// panel (CrPL 239), so a team whose judges sit alone may not keep it
// (PanelRuled); another restart forms none.
func TestRestartRemandFormsPanel(t *testing.T) {
	crimSimp := decisionOf(t, crimBase(t), pSimp)
	if !rules.PanelRuled(crimSimp, outs(restarted(rsRemanded, pSimp, "2024-04-10"))) {
		t.Error("发回重审: no panel")
	}
	for _, r := range []triagev1.TimeLimitRestart{rsJurisdiction, rsInvestigated, rsDesignated} {
		if rules.PanelRuled(crimSimp, outs(restarted(r, pSimp, "2024-04-10"))) {
			t.Errorf("%v: a panel", r)
		}
	}
	// A conversion after the remand ends it, as it ends a panel ruling.
	if rules.PanelRuled(crimSimp, outs(restarted(rsRemanded, pSimp, "2024-04-10"), outcome(chS2O, pOrd, on("2024-04-12")))) {
		t.Error("panel kept after 简转普")
	}
}

// TestRestartDateIsTheStart: the day of the restart is not counted (CrPL 105
// ¶2), like 受理: ten days from 2024-04-10 end on 2024-04-20.
func TestRestartDateIsTheStart(t *testing.T) {
	e := defaultEngine(t)
	o := restarted(rsJurisdiction, pFT, "2024-04-10")
	decided := time.Date(2024, 4, 10, 0, 0, 0, 0, time.UTC)
	tl := e.OutcomeTimeLimit(crimKind, day("2024-03-05"), o, decided, nil, true)
	if tl.GetDueOn() != "2024-04-20" {
		t.Errorf("due %s, want 2024-04-20 (in custody, unmoved)", tl.GetDueOn())
	}
	// The same outcome on a civil case has no restart: from 立案.
	if tl := e.OutcomeTimeLimit(civilKind, day("2024-03-05"), restarted(rsJurisdiction, pOrd, "2024-04-10"), decided, nil, false); tl.GetDueOn() != "2024-09-05" {
		t.Errorf("civil: due %s, want 2024-09-05", tl.GetDueOn())
	}
}
