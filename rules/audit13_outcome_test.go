package rules_test

import (
	"errors"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound13Outcomes holds the round-13 conversion scenarios: whether
// the outcome is lawful ("" accepted, "*" refused by some rule, else the
// rule) and, for an accepted one, the time limit it runs under (period and
// due date), each written from the texts before ValidateOutcome was read.
func TestAuditRound13Outcomes(t *testing.T) {
	e := defaultEngine(t)
	civ := civilBase(t)                                                                        // 民间借贷 ¥30,000, 浙江, basic, filed 2024-03-05
	adm := with(adminBase(t), circ(func(c *triagev1.Circumstances) { c.ActOnTheSpot = true })) // filed 2024-03-05
	crim := func(months int32, mods ...mod) *triagev1.Filing {
		return with(crimBase(t), append([]mod{cause("盗窃罪"), plea(true, true), sentenceKind(fixedTerm, months)}, mods...)...)
	}
	detainedC := circ(func(c *triagev1.Circumstances) { c.DefendantDetained = true })
	foreignCiv := with(civ, party(1, foreign))
	crimOn := func(d string) omod {
		return func(o *triagev1.Outcome) { o.DecidedOn = d; o.LegalBasis = "刑事诉讼法" }
	}
	admOn := func(o *triagev1.Outcome) { o.LegalBasis = "行政诉讼法第八十四条" }

	type lim struct {
		months, days int32
		due          string
		none         bool
	}
	crimSimp := decisionOf(t, crim(37), pSimp)
	panelled := outs(outcome(chPanel, pSimp, crimOn("2024-03-12")))
	civOrd := decisionOf(t, civ, pOrd)
	civPanelled := outs(outcome(chPanel, pOrd, func(o *triagev1.Outcome) { o.DecidedOn = "2024-03-20" }))
	cases := []struct {
		name  string
		dec   *triagev1.Decision
		prior []*triagev1.Outcome
		out   *triagev1.Outcome
		want  string
		lim   *lim
	}{
		// Single judge to panel: only where the procedure allows a panel.
		{"crim simplified 37 months: single judge to panel (CrPL 216, Interp. 366)", decisionOf(t, crim(37), pSimp), nil,
			outcome(chPanel, pSimp, crimOn("2024-03-12")), "", &lim{days: 20, due: "2024-03-25"}},
		{"crim simplified 12 months: single judge to panel (CrPL 216 可以组成合议庭)", decisionOf(t, crim(12), pSimp), nil,
			outcome(chPanel, pSimp, crimOn("2024-03-12")), "", &lim{days: 20, due: "2024-03-25"}},
		{"crim fast-track: panel (CrPL 222 审判员一人独任)", decisionOf(t, crim(12), pFT), nil,
			outcome(chPanel, pFT, crimOn("2024-03-12")), "*", nil},
		{"crim ordinary: panel (CrPL 183: already a panel)", decisionOf(t, crim(12), pOrd), nil,
			outcome(chPanel, pOrd, crimOn("2024-03-12")), "*", nil},
		{"adm simplified: panel (ALL 83 审判员一人独任)", decisionOf(t, adm, pSimp), nil,
			outcome(chPanel, pSimp, admOn), "*", nil},
		{"adm ordinary: panel (ALL 68: already a panel)", decisionOf(t, adm, pOrd), nil,
			outcome(chPanel, pOrd, admOn), "*", nil},
		{"civ basic ordinary single judge to panel (CPL 43)", decisionOf(t, civ, pOrd), nil,
			outcome(chPanel, pOrd, func(o *triagev1.Outcome) { o.LegalBasis = "民事诉讼法第四十三条" }), "", &lim{months: 6, due: "2024-09-05"}},
		{"civ simplified: panel (CPL 160/163 single judge)", decisionOf(t, civ, pSimp), nil,
			outcome(chPanel, pSimp), "*", nil},
		// Conversions and the clock they run on.
		{"civ small claims to simplified: three months from filing", decisionOf(t, civ, pSC), nil,
			outcome(chSC2S, pSimp), "", &lim{months: 3, due: "2024-06-05"}},
		{"civ small claims to ordinary: six months from filing", decisionOf(t, civ, pSC), nil,
			outcome(chSC2O, pOrd), "", &lim{months: 6, due: "2024-09-05"}},
		{"civ simplified to ordinary: six months from filing (Interp. 258 ¶3)", decisionOf(t, civ, pSimp), nil,
			outcome(chS2O, pOrd), "", &lim{months: 6, due: "2024-09-05"}},
		{"civ foreign simplified to ordinary: no limit (CPL 287)", decisionOf(t, foreignCiv, pSimp), nil,
			outcome(chS2O, pOrd), "", &lim{none: true}},
		{"civ foreign 普转简 agreed before the hearing: three months from filing", decisionOf(t, foreignCiv, pOrd), nil,
			outcome(chO2S, pSimp, agreed), "", &lim{months: 3, due: "2024-06-05"}},
		{"civ foreign override to small claims (CPL 166(2))", decisionOf(t, foreignCiv, pSimp), nil,
			outcome(chOver, pSC), "*", nil},
		{"crim fast-track to simplified: twenty days from the ruling (Interp. 376)", decisionOf(t, crim(6), pFT), nil,
			outcome(chFT2S, pSimp, crimOn("2024-03-12")), "", &lim{days: 20, due: "2024-04-01"}},
		{"crim fast-track to ordinary: two months from the ruling, off a Sunday", decisionOf(t, crim(6), pFT), nil,
			outcome(chFT2O, pOrd, crimOn("2024-03-12")), "", &lim{months: 2, due: "2024-05-13"}},
		{"crim fast-track to ordinary, in custody: the Sunday stands", withInferences(t, crim(6, detainedC), pFT), nil,
			outcome(chFT2O, pOrd, crimOn("2024-03-12")), "", &lim{months: 2, due: "2024-05-12"}},
		{"crim simplified to ordinary: two months from the ruling (Interp. 368 ¶2)", decisionOf(t, crim(6), pSimp), nil,
			outcome(chS2O, pOrd, crimOn("2024-03-20")), "", &lim{months: 2, due: "2024-05-20"}},
		{"crim fast-track to simplified, defendant objects (CrPL 214(3))",
			decisionOf(t, crim(6, circ(func(c *triagev1.Circumstances) { c.ObjectsSimplified = true })), pFT), nil,
			outcome(chFT2S, pSimp, crimOn("2024-03-12")), "*", nil},
		{"crim fast-track to simplified, 附带民事 unsettled is no bar to simplified",
			decisionOf(t, crim(6), pFT), nil,
			outcome(chFT2S, pSimp, crimOn("2024-03-12"), func(o *triagev1.Outcome) { o.Reason = "附带民事诉讼未达成调解" }), "", &lim{days: 20, due: "2024-04-01"}},
		{"adm simplified to ordinary: six months from filing", decisionOf(t, adm, pSimp), nil,
			outcome(chS2O, pOrd, admOn), "", &lim{months: 6, due: "2024-09-05"}},
		{"crim simplified panel twice (already formed)", crimSimp, panelled,
			outcome(chPanel, pSimp, crimOn("2024-03-15")), "*", nil},
		{"crim simplified panel then 简转普: two months from that ruling", crimSimp, panelled,
			outcome(chS2O, pOrd, crimOn("2024-03-18")), "", &lim{months: 2, due: "2024-05-20"}},
		{"civ ordinary panel then 普转简 agreed (CPL 43: no single judge after the panel)", civOrd, civPanelled,
			outcome(chO2S, pSimp, agreed), "*", nil},
		{"civ ordinary panel: six months from filing kept", civOrd, nil,
			outcome(chPanel, pOrd, func(o *triagev1.Outcome) { o.DecidedOn = "2024-06-01" }), "", &lim{months: 6, due: "2024-09-05"}},
		{"adm simplified to small claims (civil only)", decisionOf(t, adm, pSimp), nil,
			outcome(chOver, pSC, admOn), "*", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkVerdict(t, rules.ValidateOutcome(c.dec, c.prior, c.out), c.want, "")
			if c.lim == nil {
				return
			}
			tl, err := e.OutcomeTimeLimitFromRecord(c.dec, c.prior, c.out, nil)
			if err != nil {
				t.Fatalf("time limit: %v", err)
			}
			if c.lim.none {
				if !tl.GetNoStatutoryLimit() {
					t.Errorf("time limit %v, want none", tl)
				}
				return
			}
			checkPeriod(t, tl, c.lim.months, c.lim.days, c.lim.due)
		})
	}
}

// withInferences is decisionOf with the assessment's inferences, which a
// stored decision carries (the custody code OutcomeTimeLimitFromRecord reads).
func withInferences(tb testing.TB, f *triagev1.Filing, rec triagev1.Procedure) *triagev1.Decision {
	tb.Helper()
	d := decisionOf(tb, f, rec)
	a, err := defaultEngine(tb).Evaluate(f)
	if err != nil {
		tb.Fatalf("evaluate: %v", err)
	}
	d.Inferences = a.Inferences
	return d
}

// checkVerdict checks ValidateOutcome's answer err against a scenario's
// want: "" accepted, "*" refused by any rule, else refused by that rule;
// article, when set, must be cited by the refusal. The outcome audits of
// every round read their rows this way.
func checkVerdict(t *testing.T, err error, want, article string) {
	t.Helper()
	var ce *rules.ConversionError
	switch {
	case want == "" && err != nil:
		t.Fatalf("refused: %v", err)
	case want == "*" && err == nil:
		t.Fatalf("accepted, want a refusal")
	case want != "" && want != "*" && (!errors.As(err, &ce) || ce.Rule != want):
		t.Fatalf("err = %v, want rule %s", err, want)
	}
	if article != "" && (!errors.As(err, &ce) || !strings.Contains(ce.Article, article)) {
		t.Errorf("err = %v, want the article to cite %s", err, article)
	}
}

// checkPeriod checks an outcome's time limit against a scenario's months,
// days and due date.
func checkPeriod(t *testing.T, tl *triagev1.TimeLimit, months, days int32, due string) {
	t.Helper()
	if tl.GetMonths() != months || tl.GetDays() != days || tl.GetDueOn() != due {
		t.Errorf("time limit %d months %d days due %s, want %d months %d days due %s (%s)",
			tl.GetMonths(), tl.GetDays(), tl.GetDueOn(), months, days, due, tl.GetArticle())
	}
}
