package rules_test

import (
	"errors"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound12Outcomes holds the round-12 conversion scenarios: each
// expectation (accepted, refused by a named rule, or refused by any rule
// when the texts fix the refusal but not fenjian's rule name: "*") was
// written from the texts before ValidateOutcome was read.
func TestAuditRound12Outcomes(t *testing.T) {
	civ := civilBase(t)
	crim := with(crimBase(t), cause("盗窃罪"), plea(true, true), sentenceKind(fixedTerm, 12))
	adm := adminBase(t)
	cs := circ
	remanded := cs(func(c *triagev1.Circumstances) { c.Remanded = true })
	midCiv := with(civ, court("杭州市中级人民法院"), level(intermediateCourt))
	midCrim := with(crim, court("杭州市中级人民法院"), level(intermediateCourt))
	coObjectsSimp := with(crim, addParties(1, defendant), cs(func(c *triagev1.Circumstances) { c.CoDefendantObjectsSimplified = true }))
	over3 := with(crim, sentenceKind(fixedTerm, 37))
	lifeBasic := with(crim, cause("故意杀人罪"), sentenceKind(life, 0))
	noAmount := with(civ, fen(0))
	conflict := with(civ, province("江苏省"), court("浙江省杭州市上城区人民法院"), yuan(58000))
	spot := with(adm, cs(func(c *triagev1.Circumstances) { c.ActOnTheSpot = true }))
	crimOn := func(o *triagev1.Outcome) { o.DecidedOn = "2024-03-20"; o.LegalBasis = "刑事诉讼法" }

	cases := []struct {
		name string
		dec  *triagev1.Decision
		out  *triagev1.Outcome
		want string // "" accepted, "*" any refusal, else the rule
	}{
		{"civil intermediate 普转简 agreed (CPL 160: basic courts)", decisionOf(t, midCiv, pOrd), outcome(chO2S, pSimp, agreed), "*"},
		{"civil intermediate override to small claims (CPL 165)", decisionOf(t, midCiv, pOrd), outcome(chOver, pSC), "*"},
		{"civil remanded 普转简 agreed (Interp. 257(2), 264)", decisionOf(t, with(civ, remanded), pOrd), outcome(chO2S, pSimp, agreed), "*"},
		{"civil ordinary 普转简 agreed after hearing (Interp. 260)", decisionOf(t, civ, pOrd), outcome(chO2S, pSimp, agreed, heard), rules.RuleInterp260AfterHearing},
		{"civil ordinary 普转简 agreed before hearing", decisionOf(t, civ, pOrd), outcome(chO2S, pSimp, agreed), ""},
		{"civil small claims to ordinary (CPL 169)", decisionOf(t, civ, pSC), outcome(chSC2O, pOrd), ""},
		{"civil small claims to simplified (Interp. 278, 279)", decisionOf(t, civ, pSC), outcome(chSC2S, pSimp), ""},
		{"civil no amount: court overrides to small claims (fenjian undetermined)", decisionOf(t, noAmount, pSimp), outcome(chOver, pSC), ""},
		{"civil court/province conflict: court overrides to small claims", decisionOf(t, conflict, pSimp), outcome(chOver, pSC), ""},
		{"criminal simplified to ordinary (CrPL 221)", decisionOf(t, crim, pSimp), outcome(chS2O, pOrd, crimOn), ""},
		{"criminal ordinary to simplified", decisionOf(t, crim, pOrd), outcome(chO2S, pSimp, crimOn), rules.RuleCriminalNoOrdinaryToSimplified},
		{"criminal fast-track to ordinary (CrPL 226)", decisionOf(t, crim, pFT), outcome(chFT2O, pOrd, crimOn), ""},
		{"criminal fast-track to simplified (CrPL 226, 第三节)", decisionOf(t, crim, pFT), outcome(chFT2S, pSimp, crimOn), ""},
		{"criminal fast-track to simplified, co-defendant objects (CrPL 215(3))", decisionOf(t, coObjectsSimp, pFT), outcome(chFT2S, pSimp, crimOn), rules.RuleProcedureExcluded},
		{"criminal 37 months: override to fast-track (CrPL 222)", decisionOf(t, over3, pSimp), outcome(chOver, pFT, crimOn), rules.RuleProcedureExcluded},
		{"criminal intermediate: override to simplified (CrPL 214)", decisionOf(t, midCrim, pOrd), outcome(chOver, pSimp, crimOn), rules.RuleProcedureExcluded},
		{"criminal life at basic: override to simplified (CrPL 21)", decisionOf(t, lifeBasic, pOrd), outcome(chOver, pSimp, crimOn), rules.RuleProcedureExcluded},
		{"administrative simplified to ordinary (ALL 84)", decisionOf(t, spot, pSimp), outcome(chS2O, pOrd), ""},
		{"administrative ordinary to simplified", decisionOf(t, adm, pOrd), outcome(chO2S, pSimp, agreed), rules.RuleAdminSimplifiedToOrdinaryOnly},
		{"administrative remanded: override to simplified agreed (ALL 82 ¶3)", decisionOf(t, with(adm, remanded), pOrd), outcome(chOver, pSimp, agreed), rules.RuleProcedureExcluded},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := rules.ValidateOutcome(c.dec, nil, c.out)
			var ce *rules.ConversionError
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.want == "*" && !errors.As(err, &ce):
				t.Fatalf("err = %v, want a refusal", err)
			case c.want != "" && c.want != "*" && (!errors.As(err, &ce) || ce.Rule != c.want):
				t.Fatalf("err = %v, want rule %s", err, c.want)
			}
		})
	}
}
