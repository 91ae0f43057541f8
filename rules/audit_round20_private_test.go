package rules_test

import (
	"errors"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound20Private holds the round-20 statute scenarios (2026-12-04):
// private prosecutions (自诉), a minor defendant's representative objecting
// to simplified procedure, and the limits of 补充侦查. Each row was written
// from the texts in /work/shared/law/ before the criminal rules were read:
//
//   - 刑事诉讼法 (2018) 第二百一十条至第二百一十三条 (自诉), 第二百一十二条第二款
//     ("人民法院审理自诉案件的期限，被告人被羁押的，适用本法第二百零八条第一款、
//     第二款的规定；未被羁押的，应当在受理后六个月以内宣判"), 第二百一十四条、
//     第二百二十一条 (simplified: "基层人民法院管辖的案件"; back to "第一节或者
//     第二节"), 第二百二十二条第二款 and 第二百二十六条 (fast-track: the
//     procuratorate proposes it "在提起公诉的时候"; back to "第一节或者第三节"),
//     第一百七十六条第二款 (the sentencing recommendation is the procuratorate's);
//   - 刑诉法解释 (2021) 第三百二十七条 ("自诉案件符合简易程序适用条件的，可以适用
//     简易程序审理"), 第三百六十九条、第三百七十一条、第三百七十二条 (fast-track
//     speaks of the procuratorate and the prosecutor only), 第五百六十六条;
//   - older laws, read in reprints (docs/statutes.md, round 20): CrPL 2012
//     art. 206 ¶2 (the same six months), CrPL 1996 art. 174(2)–(3)
//     (告诉才处理 and 被害人起诉的轻微刑事案件 may take simplified procedure,
//     without item 1's three-year cap for 公诉案件).
//
// What a careful service does, and this table requires: a private
// prosecution never gets fast-track (its own code, in the pilot too), keeps
// simplified procedure where its conditions hold, and gets six months for
// ordinary procedure when the defendant is free; a minor defendant's
// representative objecting bars simplified procedure from 2021-03-01.
func TestAuditRound20Private(t *testing.T) { runTable(t, audit20PrivateCases(t)) }

// priv makes a filing a private prosecution with no recommendation.
var priv = circ(func(c *triagev1.Circumstances) {
	c.PrivateProsecution = true
	c.RecommendedSentenceKind, c.RecommendedSentenceMonths = triagev1.SentenceKind_SENTENCE_KIND_UNSPECIFIED, 0
})

// noRecommendation clears the recommendation of a public prosecution.
var noRecommendation = circ(func(c *triagev1.Circumstances) {
	c.RecommendedSentenceKind, c.RecommendedSentenceMonths = triagev1.SentenceKind_SENTENCE_KIND_UNSPECIFIED, 0
})

// repObjects: the minor defendant's legal representative objects.
var repObjects = circ(func(c *triagev1.Circumstances) { c.RepresentativeObjectsSimplified = true })

// ordinaryLimit checks the ordinary option's time limit.
func ordinaryLimit(months int32, article, due, extension string) func(t *testing.T, a *rules.Assessment) {
	return optionLimit(pOrd, months, 0, article, due, extension)
}

func audit20PrivateCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb)
	// 侮辱罪 (刑法第二百四十六条, at most three years): a 告诉才处理 case whose
	// charge establishes the sentence without a recommendation.
	insult := func(mods ...mod) *triagev1.Filing {
		return crim(0, append([]mod{cause("侮辱罪"), noRecommendation}, mods...)...)
	}
	// 故意伤害罪 (第二百三十四条 has paragraphs beyond three years: no ceiling).
	hurt := func(mods ...mod) *triagev1.Filing {
		return crim(0, append([]mod{cause("故意伤害罪"), noRecommendation}, mods...)...)
	}
	beijing := func(day string) mod {
		return func(f *triagev1.Filing) {
			f.Id, f.Court, f.Province, f.FiledOn = "JS-R20-"+day, "北京市朝阳区人民法院", "北京市", day
		}
	}
	dated := func(day string) mod { return func(f *triagev1.Filing) { f.Id, f.FiledOn = "JS-R20-"+day, day } }
	minorDefendant := party(0, minor)
	const ft, cap96, elig96, priv96 = "CRPL222_PRIVATE_PROSECUTION", "CRPL1996_174_SENTENCE_CAP", "CRPL1996_174_ELIGIBLE", "CRPL1996_174_PRIVATE_ELIGIBLE"
	const pilotPriv, rep, consulted = "PILOT_PRIVATE_PROSECUTION", "INTERP566_REPRESENTATIVE_OBJECTS", "INTERP566_MINOR_REPRESENTATIVE_CONSULTED"
	return []tcase{
		// --- 1. Private prosecutions: fast-track is the procuratorate's ---
		{name: "private 侮辱罪: fast-track barred, simplified open", filing: insult(priv),
			avail: av(pFT, avU, pSimp, avA, pOrd, avA), fires: []string{at(locFT, ft)},
			silent: []string{at(locFT, "CRPL222_SENTENCE_UNKNOWN")}},
		{name: "public 侮辱罪, same facts: fast-track open (near miss)", filing: insult(),
			avail: av(pFT, avA, pSimp, avA), silent: []string{ft}},
		{name: "private 侮辱罪 on 2021-02-28: barred (CrPL 222 ¶2, 226 alone)", filing: insult(priv, dated("2021-02-28")),
			avail: av(pFT, avU, pSimp, avA), fires: []string{at(locFT, "CRPL222_PRIVATE_PROSECUTION_CRPL2018")}, silent: []string{ft}},
		{name: "private 故意伤害罪 (轻伤) 2024: simplified open without a recommendation", filing: hurt(priv),
			avail: av(pFT, avU, pSimp, avA), fires: []string{at(locFT, ft)}},
		{name: "private, defendant objects: simplified barred as for anyone (CrPL 214 ¶1(3))", filing: insult(priv, cm.objects),
			avail: av(pFT, avU, pSimp, avU, pOrd, avA), fires: []string{at(locSimp, "CRPL214_DEFENDANT_OBJECTS"), at(locFT, ft)}},
		{name: "private at an intermediate court: the court level bars both", filing: insult(priv, courtAt("杭州市中级人民法院", intermediateCourt), id("JS-R20-mid")),
			avail: av(pFT, avU, pSimp, avU, pOrd, avA), fires: []string{at(locSimp, "CRPL214_COURT_LEVEL"), at(locFT, ft)}},

		// The pilot (2016 phase at a 北京 basic court).
		{name: "pilot 2017: private 侮辱罪 barred", filing: insult(priv, beijing("2017-06-01")),
			avail: av(pFT, avU, pSimp, avA), fires: []string{at(locFT, pilotPriv)}, silent: []string{ft}},
		{name: "pilot 2017: public 侮辱罪 open (near miss)", filing: insult(beijing("2017-06-01")),
			avail: av(pFT, avA), silent: []string{pilotPriv}},

		// Before 2013: CrPL 1996 art. 174(2)–(3) for private prosecutions.
		{name: "2010 private 故意伤害罪 without a recommendation: simplified open, no cap", filing: hurt(priv, dated("2010-06-01")),
			avail: av(pSimp, avA), fires: []string{at(locSimp, priv96)}, silent: []string{cap96, at(locSimp, elig96)}},
		{name: "2010 public 故意伤害罪 without a recommendation: the cap bars (near miss)", filing: hurt(dated("2010-06-01")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, cap96)}, silent: []string{priv96}},
		{name: "2010 public 侮辱罪: item 1's condition (near miss)", filing: insult(dated("2010-06-01")),
			avail: av(pSimp, avA), fires: []string{at(locSimp, elig96)}, silent: []string{priv96}},
		{name: "2010 private, defendant objects: the 2003 opinion is on 公诉案件", filing: hurt(priv, dated("2010-06-01"), cm.objects),
			avail: av(pSimp, avA), silent: []string{"OPINION2003_DEFENDANT_OBJECTS"}},
		{name: "2010 public, defendant objects: the 2003 opinion bars (near miss)", filing: insult(dated("2010-06-01"), cm.objects),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "OPINION2003_DEFENDANT_OBJECTS")}},
		{name: "2010 private, defendant denies: the 1998 interpretation still bars", filing: hurt(priv, dated("2010-06-01"), plea(false, false)),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "INTERP1998_222_NO_ADMISSION")}},
		{name: "2013 private 故意伤害罪: CrPL 2012 art. 208's condition", filing: hurt(priv, dated("2013-01-01")),
			avail: av(pSimp, avA), fires: []string{at(locSimp, "CRPL2012_208_ELIGIBLE")}, silent: []string{priv96, cap96}},

		// Time limits: six months for a free defendant (CrPL 212 ¶2).
		{name: "private, not detained: ordinary six months", filing: insult(priv),
			extra: ordinaryLimit(6, "刑事诉讼法第二百一十二条第二款", "2024-09-05", "六个月")},
		{name: "private, detained: the public limits (near miss)", filing: insult(priv, cm.detained),
			extra: ordinaryLimit(2, "刑事诉讼法第二百零八条", "2024-05-05", "二个月")},
		{name: "public, not detained: two months (near miss)", filing: insult(),
			extra: ordinaryLimit(2, "刑事诉讼法第二百零八条", "2024-05-06", "二个月")},
		{name: "private, simplified: twenty days as for any case (near miss)", filing: insult(priv),
			extra: func(t *testing.T, a *rules.Assessment) {
				if tl := a.Option(pSimp).GetTimeLimit(); tl.GetDays() != 20 || tl.GetArticle() != "刑事诉讼法第二百二十条" {
					t.Errorf("simplified limit %v", tl)
				}
			}},
		{name: "private 2015: CrPL 2012 art. 206 ¶2", filing: insult(priv, dated("2015-06-01")),
			extra: ordinaryLimit(6, "刑事诉讼法（2012年修正）第二百零六条第二款", "2015-12-01", "六个月")},
		// Until round 21 this row wanted the public month with a note: the
		// 1998 interpretation's art. 109 had not been read.
		{name: "private 2010: the 1998 interpretation's six months", filing: hurt(priv, dated("2010-06-01")),
			extra: ordinaryLimit(6, "最高人民法院关于执行《中华人民共和国刑事诉讼法》若干问题的解释（1998年）第一百零九条；最高人民法院关于严格执行案件审理期限制度的若干规定（法释〔2000〕29号）第一条", "", "六个月")},

		// --- 2. A minor defendant's legal representative or defender objects ---
		{name: "minor, representative objects: simplified barred (Interp. 566)", filing: insult(minorDefendant, repObjects),
			avail: av(pFT, avU, pSimp, avU, pOrd, avA), fires: []string{at(locSimp, rep), at(locFT, "CRPL223_MINOR_DEFENDANT")}},
		{name: "minor, no objection stated: open on the condition (near miss)", filing: insult(minorDefendant),
			avail: av(pSimp, avA), fires: []string{at(locSimp, consulted)}, silent: []string{rep}},
		{name: "minor, representative objects, private prosecution", filing: insult(priv, minorDefendant, repObjects),
			avail: av(pFT, avU, pSimp, avU, pOrd, avA), fires: []string{at(locSimp, rep), at(locFT, ft)}},
		// Until round 21 these two rows wanted simplified open: the 2012
		// interpretation's art. 474, the same words, had not been found.
		{name: "minor, representative objects on 2021-02-28: the 2012 interpretation's art. 474", filing: insult(minorDefendant, repObjects, dated("2021-02-28")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "INTERP2012_474_REPRESENTATIVE_OBJECTS")}, silent: []string{rep, consulted}},
		{name: "minor, representative objects on 2021-03-01", filing: insult(minorDefendant, repObjects, dated("2021-03-01")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, rep)}},
		{name: "minor, representative objects, 2015: art. 474", filing: insult(minorDefendant, repObjects, dated("2015-06-01")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "INTERP2012_474_REPRESENTATIVE_OBJECTS")}, silent: []string{rep}},
	}
}

// TestAuditRound20PrivateRefusals: what the two new fields make contradictory is
// refused, naming the field; nothing else changes.
func TestAuditRound20PrivateRefusals(t *testing.T) {
	c, a, crim := auditBuilders(t)
	const (
		fPriv = "filing.circumstances.private_prosecution"
		fRep  = "filing.circumstances.representative_objects_simplified"
		fMon  = "filing.circumstances.recommended_sentence_months"
		fKind = "filing.circumstances.recommended_sentence_kind"
	)
	privOnly := circ(func(c *triagev1.Circumstances) { c.PrivateProsecution = true })
	victimMinor := addParties(1, plaintiff, minor)
	for _, r := range []refusal{
		{"civil private prosecution", c(privOnly), fPriv},
		{"administrative private prosecution", a(privOnly), fPriv},
		{"civil representative objects", c(repObjects), fRep},
		{"administrative representative objects", a(repObjects), fRep},
		{"private with a recommended term", crim(6, privOnly), fMon},
		{"private with a recommended kind and no term", crim(0, privOnly, sentenceKind(fineOnly, 0)), fKind},
		{"representative objects, adult defendant", crim(6, repObjects), fRep},
		{"representative objects, the minor is the victim", crim(6, repObjects, victimMinor), fRep},
		{"representative objects, no parties", crim(6, repObjects, func(f *triagev1.Filing) { f.Parties = nil }), fRep},
	} {
		t.Run(r.name, func(t *testing.T) {
			a, err := defaultEngine(t).Evaluate(r.filing)
			var fe *rules.FieldError
			if !errors.As(err, &fe) || fe.Field != r.field {
				t.Fatalf("Evaluate = %v, %v; want a FieldError naming %s", a != nil, err, r.field)
			}
		})
	}
	// Near misses: the same fields where they belong are evaluated.
	for name, f := range map[string]*triagev1.Filing{
		"public with a recommended term":          crim(6),
		"private without a recommendation":        crim(0, privOnly, noRecommendation),
		"representative objects, minor defendant": crim(6, repObjects, party(0, minor)),
	} {
		t.Run("near miss: "+name, func(t *testing.T) {
			if _, err := defaultEngine(t).Evaluate(f); err != nil {
				t.Fatalf("Evaluate: %v", err)
			}
		})
	}
}

// TestAuditRound20PrivateOutcomes: the court's outcomes on private prosecutions and
// minors' cases, through Engine.ValidateOutcome with the stored filing and
// corrections, as the server checks them.
func TestAuditRound20PrivateOutcomes(t *testing.T) {
	e := defaultEngine(t)
	_, _, crim := auditBuilders(t)
	insult := func(mods ...mod) *triagev1.Filing {
		return crim(0, append([]mod{cause("侮辱罪"), noRecommendation}, mods...)...)
	}
	basis := func(d string) omod {
		return func(o *triagev1.Outcome) { o.DecidedOn = d; o.LegalBasis = "刑事诉讼法第二百二十六条" }
	}
	correct := func(f *triagev1.Filing) omod {
		return func(o *triagev1.Outcome) {
			o.Correction = &triagev1.FactCorrection{Filing: f, Basis: "刑事自诉状；刑事诉讼法第二百一十条"}
		}
	}
	civ := civilBase(t)
	type row struct {
		name    string
		f       *triagev1.Filing
		rec     triagev1.Procedure
		prior   []*triagev1.Outcome
		out     *triagev1.Outcome
		want    string // "" accepted, else the rule
		field   string // a FieldError naming it
		article string
		months  int32
		days    int32
		due     string
	}
	rows := []row{
		{name: "private: override at filing to fast-track refused", f: insult(priv), rec: pSimp,
			out: outcome(chOver, pFT, basis("2024-03-06")), want: rules.RuleProcedureExcluded, article: "第二百二十二条第二款"},
		{name: "public: override at filing to fast-track accepted (near miss)", f: insult(), rec: pSimp,
			out: outcome(chOver, pFT, basis("2024-03-06")), days: 10, due: "2024-03-15"},
		{name: "private: 简转普, six months from the decision (Interp. 368 ¶2, CrPL 212 ¶2)", f: insult(priv), rec: pSimp,
			out: outcome(chS2O, pOrd, basis("2024-03-20")), months: 6, due: "2024-09-20"},
		{name: "public: 简转普, two months from the decision (near miss)", f: insult(), rec: pSimp,
			out: outcome(chS2O, pOrd, basis("2024-03-20")), months: 2, due: "2024-05-20"},
		{name: "correction to private, then fast-track confirmed: refused", f: insult(), rec: pFT,
			out: outcome(chConf, pFT, basis("2024-03-06"), correct(insult(priv))), want: rules.RuleProcedureExcluded, article: "第二百二十二条第二款"},
		{name: "correction to private keeping the recommendation: INVALID_ARGUMENT", f: crim(6), rec: pFT,
			out:   outcome(chFT2S, pSimp, basis("2024-03-06"), correct(crim(6, circ(func(c *triagev1.Circumstances) { c.PrivateProsecution = true })))),
			field: "outcome.correction.filing.circumstances.recommended_sentence_months"},
		{name: "correction to private, FT → simplified: accepted", f: insult(), rec: pFT,
			out: outcome(chFT2S, pSimp, basis("2024-03-06"), correct(insult(priv))), days: 20, due: "2024-03-26"},
		{name: "correction setting private on a civil case: INVALID_ARGUMENT", f: civ, rec: pSimp,
			out:   outcome(chS2O, pOrd, on("2024-03-20"), correct(with(civ, circ(func(c *triagev1.Circumstances) { c.PrivateProsecution = true })))),
			field: "outcome.correction.filing.circumstances.private_prosecution"},
		{name: "correction: the minor's representative objects, simplified confirmed refused", f: insult(party(0, minor)), rec: pSimp,
			out: outcome(chConf, pSimp, basis("2024-03-06"), correct(insult(party(0, minor), repObjects))), want: rules.RuleProcedureExcluded, article: "第五百六十六条"},
		{name: "correction: the minor's representative objects, 简转普 accepted", f: insult(party(0, minor)), rec: pSimp,
			out: outcome(chS2O, pOrd, basis("2024-03-06"), correct(insult(party(0, minor), repObjects))), months: 2, due: "2024-05-06"},
		{name: "correction: representative objects, the defendant corrected to adult: INVALID_ARGUMENT", f: insult(party(0, minor)), rec: pSimp,
			out:   outcome(chS2O, pOrd, basis("2024-03-06"), correct(insult(repObjects))),
			field: "outcome.correction.filing.circumstances.representative_objects_simplified"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			d := withInferences(t, r.f, r.rec)
			err := e.ValidateOutcome(d, r.f, r.prior, r.out)
			if r.field != "" {
				var fe *rules.FieldError
				if !errors.As(err, &fe) || fe.Field != r.field {
					t.Fatalf("err = %v, want a FieldError naming %s", err, r.field)
				}
				return
			}
			checkVerdict(t, err, r.want, r.article)
			if r.want != "" {
				return
			}
			tl, err := e.OutcomeTimeLimitFromRecord(d, r.prior, r.out, r.f.GetCircumstances())
			if err != nil {
				t.Fatalf("time limit: %v", err)
			}
			checkPeriod(t, tl, r.months, r.days, r.due)
		})
	}
}

// round20RestartCases are the 补充侦查 limits (刑诉法解释第二百七十四条 and its
// predecessors; CrPL 204(2), 208 ¶3, 212 ¶2), each refusal with its near
// miss; restartOutcomeCases includes them.
func round20RestartCases(tb testing.TB) []ocase {
	crim := crimBase(tb) // filed 2024-03-05
	crimOrd := decisionOf(tb, crim, pOrd)
	crimSimp := decisionOf(tb, crim, pSimp)
	private := with(crim, cause("侮辱罪"), priv)
	privOrd, privSimp := decisionOf(tb, private, pOrd), decisionOf(tb, private, pSimp)
	ord2019 := decisionOf(tb, with(crim, id("JS-R20-2019"), filedOn("2019-06-03")), pOrd)
	ord2005 := decisionOf(tb, with(crim, id("JS-R20-2005"), filedOn("2005-06-03")), pOrd)
	ord1997 := decisionOf(tb, with(crim, id("JS-R20-1997"), filedOn("1997-03-03")), pOrd)
	si := func(day string) *triagev1.Outcome { return restarted(rsInvestigated, pOrd, day) }
	return []ocase{
		// At most two in one trial.
		{name: "补充侦查 a third time: refused", dec: crimOrd, prior: outs(si("2024-04-10"), si("2024-05-20")), out: si("2024-07-01"),
			rule: rules.RuleRestartInvestigationLimit, article: "刑诉法解释第二百七十四条第一款"},
		{name: "补充侦查 a second time: accepted", dec: crimOrd, prior: outs(si("2024-04-10")), out: si("2024-05-20"),
			near: []string{rules.RuleRestartInvestigationLimit}},
		{name: "补充侦查 after 改变管辖 and one 补充侦查: other restarts not counted", dec: crimOrd,
			prior: outs(si("2024-04-10"), restarted(rsJurisdiction, pOrd, "2024-05-02")), out: si("2024-05-20"),
			near: []string{rules.RuleRestartInvestigationLimit}},
		{name: "改变管辖 after two 补充侦查: accepted", dec: crimOrd, prior: outs(si("2024-04-10"), si("2024-05-20")),
			out: restarted(rsJurisdiction, pOrd, "2024-07-01"), near: []string{rules.RuleRestartInvestigationLimit}},
		{name: "补充侦查 after two and 发回重审: a new trial", dec: crimOrd,
			prior: outs(si("2024-04-10"), si("2024-05-20"), restarted(rsRemanded, pOrd, "2024-09-02")), out: si("2024-10-08"),
			near: []string{rules.RuleRestartInvestigationLimit}},
		{name: "补充侦查 a third time in simplified procedure: refused", dec: crimSimp,
			prior: outs(restarted(rsInvestigated, pSimp, "2024-03-20"), restarted(rsInvestigated, pSimp, "2024-04-22")),
			out:   restarted(rsInvestigated, pSimp, "2024-05-27"), rule: rules.RuleRestartInvestigationLimit},
		// By the law on the day of the third.
		{name: "补充侦查 a third time on 2020-01-10: Interp. 2012 art. 223", dec: ord2019, prior: outs(si("2019-08-01"), si("2019-10-08")),
			out: si("2020-01-10"), rule: rules.RuleRestartInvestigationLimit, article: "刑诉法解释（2012年）第二百二十三条第一款"},
		{name: "补充侦查 a third time on 2006-01-10: Interp. 1998 art. 157", dec: ord2005, prior: outs(si("2005-08-01"), si("2005-10-08")),
			out: si("2006-01-10"), rule: rules.RuleRestartInvestigationLimit, article: "最高人民法院关于执行《中华人民共和国刑事诉讼法》若干问题的解释（1998年）第一百五十七条"},
		{name: "补充侦查 a third time on 1998-09-08", dec: ord1997, prior: outs(si("1997-05-05"), si("1997-07-07")),
			out: si("1998-09-08"), rule: rules.RuleRestartInvestigationLimit},
		{name: "补充侦查 a third time on 1998-09-07: no limit read before the 1998 interpretation", dec: ord1997, prior: outs(si("1997-05-05"), si("1997-07-07")),
			out: si("1998-09-07"), near: []string{rules.RuleRestartInvestigationLimit}},

		// A private prosecution has no 补充侦查.
		{name: "补充侦查 in a private prosecution: refused", dec: privOrd, out: si("2024-04-10"),
			rule: rules.RuleRestartInvestigationPrivate, article: "刑事诉讼法第二百零四条第二项、第二百零八条第三款、第二百一十二条第二款"},
		{name: "补充侦查 in a private prosecution, simplified: refused", dec: privSimp, out: restarted(rsInvestigated, pSimp, "2024-04-10"),
			rule: rules.RuleRestartInvestigationPrivate},
		{name: "改变管辖 in a private prosecution: accepted", dec: privOrd, out: restarted(rsJurisdiction, pOrd, "2024-04-10"),
			near: []string{rules.RuleRestartInvestigationPrivate}},
		{name: "补充侦查 in the public twin: accepted", dec: crimOrd, out: si("2024-04-10"),
			near: []string{rules.RuleRestartInvestigationPrivate}},
	}
}
