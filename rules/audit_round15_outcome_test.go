package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound15Outcomes holds the round-15 outcome scenarios (2026-12-04):
// outcomes that carry a fact correction (Outcome.correction) and keep or move
// the case into a procedure, each written from the texts before the code
// deciding it was read. The question each row asks: once the court has the
// facts as corrected, may the case go on in the procedure the outcome
// records? 民诉法解释第二百七十八条 sends a small-claims case that no longer
// meets the small-claims conditions (增加或者变更诉讼请求、提出反诉、追加当事人
// 等) to the other simplified rules, "应当适用普通程序审理的，裁定转为普通程序"
// (¶2); 刑诉法解释第三百六十六条 lets a simplified single judge hand the case
// to a panel when more than three years becomes likely, but 第三百六十八条
// sends a simplified case to ordinary procedure when a bar appears at trial.
// "" accepted, "*" refused by some rule, else the rule; article is what a
// refusal must cite; lim the time limit of an accepted outcome.
func TestAuditRound15Outcomes(t *testing.T) {
	e := defaultEngine(t)
	civ := civilBase(t) // 民间借贷 ¥30,000, 温州市鹿城区人民法院, basic, filed 2024-03-05
	cs := circ
	civCorrect := func(f *triagev1.Filing) omod {
		return func(o *triagev1.Outcome) {
			o.Correction = &triagev1.FactCorrection{Filing: f, Basis: "追加当事人申请书；民诉法解释第二百七十八条"}
			o.LegalBasis = "民事诉讼法第一百六十九条；民诉法解释第二百七十八条"
		}
	}
	crim := func(months int32, mods ...mod) *triagev1.Filing {
		return with(crimBase(t), append([]mod{cause("盗窃罪"), plea(true, true), sentenceKind(fixedTerm, months),
			cs(func(c *triagev1.Circumstances) { c.ConsentsFastTrack = true })}, mods...)...)
	}
	crimCorrect := func(f *triagev1.Filing) omod {
		return func(o *triagev1.Outcome) {
			o.Correction = &triagev1.FactCorrection{Filing: f, Basis: "庭审笔录"}
			o.LegalBasis = "刑诉法解释第三百六十六条"
			o.DecidedOn = "2024-03-12"
		}
	}
	crimOn := func(o *triagev1.Outcome) {
		o.DecidedOn = "2024-03-12"
		o.LegalBasis = "刑事诉讼法第二百二十一条"
	}
	sc2s := func(f *triagev1.Filing) *triagev1.Outcome {
		return outcome(chSC2S, pSimp, on("2024-03-20"), civCorrect(f))
	}
	sc2o := func(f *triagev1.Filing) *triagev1.Outcome {
		return outcome(chSC2O, pOrd, on("2024-03-20"), civCorrect(f))
	}
	panelIn := func(f *triagev1.Filing) *triagev1.Outcome { return outcome(chPanel, pSimp, crimCorrect(f)) }
	impact := cs(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true })
	notice := cs(func(c *triagev1.Circumstances) { c.PublicNoticeService = true })
	crim24 := crim(24)

	type lim struct {
		months, days int32
		due          string
		none         bool // no statutory limit (民事诉讼法第二百八十七条)
	}
	type row struct {
		name    string
		f       *triagev1.Filing
		rec     triagev1.Procedure
		prior   []*triagev1.Outcome
		out     *triagev1.Outcome
		want    string
		article string
		lim     *lim
	}
	simp3 := &lim{months: 3, due: "2024-06-05"} // CPL 164, from 立案 (Interp. 258 ¶3, 281)
	ord6 := &lim{months: 6, due: "2024-09-05"}  // CPL 152, from 立案
	rows := []row{
		// === small claims → the other simplified rules, facts corrected (民诉法解释第二百七十八条) ===
		// 追加当事人 to ten plaintiffs: 人数众多 (Interp. 75), so simplified
		// procedure is barred (Interp. 257(3)) and ¶2 sends the case to ordinary.
		{"SC→S after 追加当事人 to ten plaintiffs (Interp. 257(3), 278 ¶2)", civ, pSC, nil,
			sc2s(with(civ, setParties(10, 1))), rules.RuleProcedureExcluded, "第二百五十七条", nil},
		{"SC→O after 追加当事人 to ten plaintiffs", civ, pSC, nil, sc2o(with(civ, setParties(10, 1))), "", "", ord6},
		{"SC→S after 追加当事人 to nine plaintiffs (near miss)", civ, pSC, nil, sc2s(with(civ, setParties(9, 1))), "", "", simp3},
		{"SC→S after ten defendants added (Interp. 257(3))", civ, pSC, nil,
			sc2s(with(civ, setParties(1, 10))), rules.RuleProcedureExcluded, "第二百五十七条", nil},
		// Public notice is the one service simplified procedure lacks (Interp. 140).
		{"SC→S when public notice is needed (Interp. 140)", civ, pSC, nil,
			sc2s(with(civ, notice)), rules.RuleProcedureExcluded, "第一百四十条", nil},
		{"SC→O when public notice is needed", civ, pSC, nil, sc2o(with(civ, notice)), "", "", ord6},
		{"SC→S, the defendant's whereabouts unknown at filing (Interp. 257(1))", civ, pSC, nil,
			sc2s(with(civ, party(1, whereaboutsUnknown))), rules.RuleProcedureExcluded, "第二百五十七条", nil},
		// CPL 166(4) takes any party's unknown whereabouts out of small claims;
		// Interp. 257(1) bars simplified procedure only for the defendant's.
		{"SC→S, a third party's whereabouts unknown (near miss: CPL 166(4) only)", civ, pSC, nil,
			sc2s(with(civ, addParties(1, thirdParty, whereaboutsUnknown))), "", "", simp3},
		{"SC→S, the plaintiff's whereabouts unknown (near miss)", civ, pSC, nil,
			sc2s(with(civ, party(0, whereaboutsUnknown))), "", "", simp3},
		{"SC→S, major social impact found (CPL 42(3))", civ, pSC, nil,
			sc2s(with(civ, impact)), rules.RuleProcedureExcluded, "第四十二条", nil},
		{"SC→S, public interest found (Interp. 257(5), CPL 42(1))", civ, pSC, nil,
			sc2s(with(civ, cs(func(c *triagev1.Circumstances) { c.PublicInterest = true }))), rules.RuleProcedureExcluded, "", nil},
		// The facts Interp. 278 ¶1 itself names leave simplified open.
		{"SC→S after a counterclaim (near miss: CPL 166(5), Interp. 278 ¶1)", civ, pSC, nil,
			sc2s(with(civ, cs(func(c *triagev1.Circumstances) { c.Counterclaim = true }))), "", "", simp3},
		{"SC→S after an appraisal is needed (near miss: CPL 166(3))", civ, pSC, nil,
			sc2s(with(civ, cs(func(c *triagev1.Circumstances) { c.AppraisalNeeded = true }))), "", "", simp3},
		{"SC→S after the claim is raised to ¥800,000 (near miss: CPL 165)", civ, pSC, nil,
			sc2s(with(civ, yuan(800000))), "", "", simp3},
		{"SC→S after a foreign party joins (near miss: CPL 166(2); no ordinary limit only)", civ, pSC, nil,
			sc2s(with(civ, addParties(1, defendant, foreign))), "", "", nil},
		{"SC→S without a correction (near miss)", civ, pSC, nil, outcome(chSC2S, pSimp, on("2024-03-20")), "", "", simp3},
		// Confirmed in small claims at filing, then the correction comes with the conversion.
		{"SC confirmed, then SC→S after ten plaintiffs", civ, pSC,
			outs(outcome(chConf, pSC, on("2024-03-06"))),
			sc2s(with(civ, setParties(10, 1))), rules.RuleProcedureExcluded, "第二百五十七条", nil},
		// 2019: the same bar under the 2015 interpretation (Interp. 2015 art. 257(3)).
		{"2019 SC→S after ten plaintiffs (Interp. 2015 art. 257(3))", with(civ, filedOn("2019-05-06"), yuan(20000)), pSC, nil,
			outcome(chSC2S, pSimp, on("2019-05-20"), civCorrect(with(civ, filedOn("2019-05-06"), yuan(20000), setParties(10, 1)))),
			rules.RuleProcedureExcluded, "第二百五十七条", nil},
		// 2019 major social impact: 人民陪审员法第十六条第四项 (round 14); filed
		// 2018-04-26 nothing barred a single judge.
		{"2019 SC→S, major social impact (人民陪审员法 16(4))", with(civ, filedOn("2019-05-06"), yuan(20000)), pSC, nil,
			outcome(chSC2S, pSimp, on("2019-05-20"), civCorrect(with(civ, filedOn("2019-05-06"), yuan(20000), impact))),
			rules.RuleProcedureExcluded, "人民陪审员法第十六条第四项", nil},
		{"2018-04-26 SC→S, major social impact (near miss: no bar then)", with(civ, filedOn("2018-04-26"), yuan(20000)), pSC, nil,
			outcome(chSC2S, pSimp, on("2018-05-10"), civCorrect(with(civ, filedOn("2018-04-26"), yuan(20000), impact))), "", "", nil},
		// Ten plaintiffs: ordinary, then 普转简 by agreement is Interp. 264 ¶2's refusal.
		{"SC→O for ten plaintiffs, then 普转简 agreed (Interp. 264 ¶2)", civ, pSC,
			outs(sc2o(with(civ, setParties(10, 1)))), outcome(chO2S, pSimp, agreed, on("2024-03-25")),
			rules.RuleInterp264Interp257Case, "", nil},

		// === criminal simplified, single judge → panel, facts corrected (刑诉法解释第三百六十六条、第三百六十八条) ===
		{"crim S panel, recommendation now 48 months (Interp. 366: the lawful case)", crim24, pSimp, nil,
			panelIn(crim(48)), "", "", &lim{days: 20, due: "2024-03-25"}},
		{"crim S panel, defendant found deaf (CrPL 215(1))", crim24, pSimp, nil,
			panelIn(crim(24, party(0, impaired))), rules.RuleProcedureExcluded, "第二百一十五条", nil},
		{"crim S panel, defendant now denies the facts (CrPL 214(2), Interp. 368(3))", crim24, pSimp, nil,
			panelIn(crim(24, plea(false, false))), rules.RuleProcedureExcluded, "第二百一十四条", nil},
		{"crim S panel, defendant now objects (CrPL 214 ¶1(3))", crim24, pSimp, nil,
			panelIn(crim(24, cs(func(c *triagev1.Circumstances) { c.ObjectsSimplified = true }))), rules.RuleProcedureExcluded, "第二百一十四条", nil},
		{"crim S panel, major social impact (CrPL 215(2))", crim24, pSimp, nil,
			panelIn(crim(24, impact)), rules.RuleProcedureExcluded, "第二百一十五条", nil},
		{"crim S panel, life imprisonment now recommended (CrPL 21(2))", crim24, pSimp, nil,
			panelIn(crim(0, sentenceKind(life, 0))), rules.RuleProcedureExcluded, "第二十一条", nil},
		{"crim S panel, the defence now pleads not guilty (Interp. 360(5))", crim24, pSimp, nil,
			panelIn(crim(24, cs(func(c *triagev1.Circumstances) { c.DefencePleadsNotGuilty = true }))), rules.RuleProcedureExcluded, "第三百六十条", nil},
		{"crim S panel, a co-defendant denies the facts (CrPL 215(3))", crim24, pSimp, nil,
			panelIn(crim(24, addParties(1, defendant), cs(func(c *triagev1.Circumstances) { c.CoDefendantDeniesChargedFacts = true }))),
			rules.RuleProcedureExcluded, "第二百一十五条", nil},
		{"crim S panel, a co-defendant objects to fast-track only (near miss: CrPL 223(4))", crim24, pSimp, nil,
			panelIn(crim(24, addParties(1, defendant), cs(func(c *triagev1.Circumstances) { c.CoDefendantObjectsFastTrack = true }))), "", "", nil},
		{"crim S panel, no victim settlement (near miss: CrPL 223(5) fast-track only)", crim24, pSimp, nil,
			panelIn(crim(24, cs(func(c *triagev1.Circumstances) { c.VictimSettlementMissing = true }))), "", "", nil},
		{"crim S panel, defendant found a minor (near miss: Interp. 566 a condition)", crim24, pSimp, nil,
			panelIn(crim(24, party(0, minor))), "", "", nil},
		{"crim S panel, 认罚 withdrawn, facts admitted (near miss: CrPL 214 needs 认罪 only)", crim24, pSimp, nil,
			panelIn(crim(24, plea(true, false))), "", "", nil},
		{"crim S panel without a correction (near miss)", crim24, pSimp, nil, outcome(chPanel, pSimp, crimOn), "", "", nil},
		// The lawful way out of a simplified case that has become barred.
		{"crim 简转普, defendant found deaf", crim24, pSimp, nil,
			outcome(chS2O, pOrd, crimOn, crimCorrect(crim(24, party(0, impaired)))), "", "", &lim{months: 2, due: "2024-05-13"}},
		{"crim FT → S, a co-defendant now objects to simplified (CrPL 215(3))", crim(6), pFT, nil,
			outcome(chFT2S, pSimp, crimCorrect(crim(6, addParties(1, defendant), cs(func(c *triagev1.Circumstances) { c.CoDefendantObjectsSimplified = true })))),
			rules.RuleProcedureExcluded, "第二百一十五条", nil},

		// === the time limit after a correction (民事诉讼法第二百八十七条, 刑事诉讼法第一百零五条第四款) ===
		// A party found foreign-related makes the case 涉外: its ordinary
		// procedure has no period (CPL 287 lifts art. 152), its simplified
		// procedure keeps art. 164's three months (287 names only 152 and 183).
		{"SC→O after a foreign defendant joins: no ordinary limit (CPL 287)", civ, pSC, nil,
			sc2o(with(civ, addParties(1, defendant, foreign))), "", "", &lim{none: true}},
		{"简转普 after a party is found foreign: no ordinary limit (CPL 287)", civ, pSimp, nil,
			outcome(chS2O, pOrd, on("2024-03-20"), civCorrect(with(civ, party(1, foreign)))), "", "", &lim{none: true}},
		{"SC→S after a foreign defendant joins: simplified keeps three months (near miss)", civ, pSC, nil,
			sc2s(with(civ, addParties(1, defendant, foreign))), "", "", simp3},
		{"简转普 of a foreign case corrected to a domestic one: six months", with(civ, party(1, foreign)), pSimp, nil,
			outcome(chS2O, pOrd, on("2024-03-20"), civCorrect(civ)), "", "", ord6},
		// Custody found by the correction: the last day is not moved for a
		// holiday (CrPL 105 ¶4). 2024-03-12 + two months = Sunday 2024-05-12.
		{"FT→O, the defendant found detained: Sunday 2024-05-12 kept (CrPL 105 ¶4)", crim(6), pFT, nil,
			outcome(chFT2O, pOrd, crimCorrect(crim(6, cs(func(c *triagev1.Circumstances) { c.DefendantDetained = true })))),
			"", "", &lim{months: 2, due: "2024-05-12"}},
		{"FT→O, not detained: moved to Monday 2024-05-13 (near miss)", crim(6), pFT, nil,
			outcome(chFT2O, pOrd, crimCorrect(crim(6, plea(false, false)))), "", "", &lim{months: 2, due: "2024-05-13"}},
		{"FT→O, a detained defendant found released: moved to 2024-05-13", crim(6, cs(func(c *triagev1.Circumstances) { c.DefendantDetained = true })), pFT, nil,
			outcome(chFT2O, pOrd, crimCorrect(crim(6))), "", "", &lim{months: 2, due: "2024-05-13"}},
		// A correction recorded earlier governs the limit of a later outcome.
		{"S→O after an earlier correction found the defendant detained", crim(6), pFT,
			outs(outcome(chFT2S, pSimp, crimCorrect(crim(6, cs(func(c *triagev1.Circumstances) { c.DefendantDetained = true }))))),
			outcome(chS2O, pOrd, crimOn), "", "", &lim{months: 2, due: "2024-05-12"}},

		// === fast-track → simplified on corrected facts (刑事诉讼法第二百二十六条; 刑诉法解释第三百七十五条) ===
		{"crim FT → S, public interest found: simplified with an assessor panel (Interp. 213 ¶1(1))", crim(6), pFT, nil,
			outcome(chFT2S, pSimp, crimCorrect(crim(6, cs(func(c *triagev1.Circumstances) { c.PublicInterest = true })))), "", "", nil},
		{"crim FT → S, life imprisonment now recommended (CrPL 21(2))", crim(6), pFT, nil,
			outcome(chFT2S, pSimp, crimCorrect(crim(0, sentenceKind(life, 0)))), rules.RuleProcedureExcluded, "第二十一条", nil},
		{"crim FT → S, 间谍罪 found (CrPL 21(1))", crim(6), pFT, nil,
			outcome(chFT2S, pSimp, crimCorrect(crim(6, cause("间谍罪")))), rules.RuleProcedureExcluded, "第二十一条", nil},
		{"crim FT → S, a minor found (near miss: Interp. 566 a condition)", crim(6), pFT, nil,
			outcome(chFT2S, pSimp, crimCorrect(crim(6, party(0, minor)))), "", "", &lim{days: 20, due: "2024-04-01"}},
		{"crim FT confirmed with a correction finding a minor (CrPL 223(2))", crim(6), pFT, nil,
			outcome(chConf, pFT, crimCorrect(crim(6, party(0, minor)))), rules.RuleProcedureExcluded, "第二百二十三条", nil},

		// === administrative on corrected facts (行政诉讼法第八十二条至第八十四条) ===
		{"adm simplified → panel, whatever the facts (ALL 68, 83)", with(adminBase(t), cs(func(c *triagev1.Circumstances) { c.ActOnTheSpot = true })), pSimp, nil,
			outcome(chPanel, pSimp, on("2024-03-20")), "*", "", nil},
		{"adm 简转普, major social impact found: six months from 立案", with(adminBase(t), cs(func(c *triagev1.Circumstances) { c.ActOnTheSpot = true })), pSimp, nil,
			outcome(chS2O, pOrd, on("2024-03-20"), func(o *triagev1.Outcome) {
				o.LegalBasis = "行政诉讼法第八十四条"
				o.Correction = &triagev1.FactCorrection{Filing: with(adminBase(t), cs(func(c *triagev1.Circumstances) { c.ActOnTheSpot = true; c.MajorSocialImpact = true })), Basis: "庭审笔录"}
			}), "", "", ord6},
		{"adm simplified confirmed with a correction finding major social impact (人民陪审员法 16(4))", with(adminBase(t), cs(func(c *triagev1.Circumstances) { c.ActOnTheSpot = true })), pSimp, nil,
			outcome(chConf, pSimp, on("2024-03-06"), func(o *triagev1.Outcome) {
				o.LegalBasis = "行政诉讼法第八十二条"
				o.Correction = &triagev1.FactCorrection{Filing: with(adminBase(t), cs(func(c *triagev1.Circumstances) { c.ActOnTheSpot = true; c.MajorSocialImpact = true })), Basis: "庭审笔录"}
			}), rules.RuleProcedureExcluded, "人民陪审员法第十六条第四项", nil},

		// === civil ordinary single judge → panel: ordinary is never barred ===
		{"civ ordinary panel after ten plaintiffs (near miss: ordinary stays)", civ, pOrd, nil,
			outcome(chPanel, pOrd, on("2024-03-20"), civCorrect(with(civ, setParties(10, 1)))), "", "", ord6},
		{"civ 简转普 after public notice is needed", civ, pSimp, nil, outcome(chS2O, pOrd, on("2024-03-20"), civCorrect(with(civ, notice))), "", "", ord6},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			d := withInferences(t, r.f, r.rec)
			checkVerdict(t, e.ValidateOutcome(d, r.f, r.prior, r.out), r.want, r.article)
			if r.lim == nil {
				return
			}
			tl, err := e.OutcomeTimeLimitFromRecord(d, r.prior, r.out, nil)
			if err != nil {
				t.Fatalf("time limit: %v", err)
			}
			if r.lim.none {
				if !tl.GetNoStatutoryLimit() {
					t.Errorf("time limit %d months due %s (%s), want none (民事诉讼法第二百八十七条)", tl.GetMonths(), tl.GetDueOn(), tl.GetArticle())
				}
				return
			}
			checkPeriod(t, tl, r.lim.months, r.lim.days, r.lim.due)
		})
	}
}
