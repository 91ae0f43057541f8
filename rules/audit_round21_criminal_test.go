package rules_test

import (
	"errors"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Round 21 of the statute audit (2026-12-05): criminal conversions and the
// trial-stage time limits. Every row was written from the texts before the
// criminal rules were read:
//
//   - /work/shared/law: 刑事诉讼法 (2018) 第二百零四条至第二百零八条 (延期审理,
//     "人民检察院应当在一个月以内补充侦查完毕", the restarts), 第二百一十二条
//     第二款, 第二百一十四条至第二百二十六条 (simplified and fast-track, their
//     periods and conversions); 刑诉法解释 (2021) 第二百零九条至第二百一十一条,
//     第二百七十四条, 第三百五十九条至第三百七十七条, 第五百五十条, 第五百六十六条;
//   - reprints (docs/statutes.md, round 21, names them): the 2012
//     interpretation's art. 474 (a minor's legal representative or defender
//     objecting bars simplified procedure) and art. 298 (简转普 counted from
//     the decision); the 1998 interpretation's art. 109 (a private
//     prosecution whose defendant is free: six months from 立案) and art. 230
//     (简转普 counted from the decision); 法释〔2000〕29号 art. 1 (the same six
//     months).
//
// What a careful service does, and these tables require: a minor's
// representative objecting bars simplified procedure from 2013 (not only from
// 2021-03-01); a free private defendant's ordinary period before 2013 is
// six months from 1998-09-08; a conversion's clock cites the text in force
// on the day of the decision; a 补充侦查 whose file comes back more than one
// month after the period could have ended is flagged (刑事诉讼法第二百零五条).

// Codes added in round 21, as literals so that the tables compile (and fail)
// without the change.
const (
	r21Rep2012       = "INTERP2012_474_REPRESENTATIVE_OBJECTS"
	r21Consulted2012 = "INTERP2012_474_MINOR_REPRESENTATIVE_CONSULTED"
	r21LateReturn    = "CRPL205_SUPPLEMENTARY_INVESTIGATION_LATE_RETURN"
	r21Interp1998    = "最高人民法院关于执行《中华人民共和国刑事诉讼法》若干问题的解释（1998年）"
)

// TestAuditRound21Criminal: filings.
func TestAuditRound21Criminal(t *testing.T) { runTable(t, audit21CriminalCases(t)) }

// optionLimit checks the time limit of option p: its months and days, its
// article, its due date (unless due is empty) and a part of its extension.
func optionLimit(p triagev1.Procedure, months, days int32, article, due, extension string) func(t *testing.T, a *rules.Assessment) {
	return func(t *testing.T, a *rules.Assessment) {
		t.Helper()
		tl := a.Option(p).GetTimeLimit()
		if tl.GetMonths() != months || tl.GetDays() != days || (article != "" && tl.GetArticle() != article) || (due != "" && tl.GetDueOn() != due) {
			t.Errorf("%s time limit %d months %d days, %q, due %s; want %d months %d days, %q, due %s",
				procLoc(p), tl.GetMonths(), tl.GetDays(), tl.GetArticle(), tl.GetDueOn(), months, days, article, due)
		}
		if !strings.Contains(tl.GetExtension(), extension) {
			t.Errorf("%s extension %q does not say %q", procLoc(p), tl.GetExtension(), extension)
		}
	}
}

// simplifiedLimit checks the simplified option's time limit.
func simplifiedLimit(days int32, article, due, extension string) func(t *testing.T, a *rules.Assessment) {
	return optionLimit(pSimp, 0, days, article, due, extension)
}

// fastTrackLimit checks the fast-track option's time limit.
func fastTrackLimit(days int32, due, extension string) func(t *testing.T, a *rules.Assessment) {
	return optionLimit(pFT, 0, days, "", due, extension)
}

// messageSays checks that the reason code at loc says words.
func messageSays(loc, code, words string) func(t *testing.T, a *rules.Assessment) {
	return func(t *testing.T, a *rules.Assessment) {
		t.Helper()
		for _, o := range a.Options {
			if procLoc(o.GetProcedure()) != loc {
				continue
			}
			for _, r := range o.GetReasons() {
				if r.GetCode() == code {
					if !strings.Contains(r.GetMessage(), words) {
						t.Errorf("%s %s says %q, want %q", loc, code, r.GetMessage(), words)
					}
					return
				}
			}
		}
		t.Errorf("no %s at %s", code, loc)
	}
}

func audit21CriminalCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb)
	dated := func(day string) mod { return func(f *triagev1.Filing) { f.Id, f.FiledOn = "JS-R21-"+day, day } }
	beijing := func(day string) mod {
		return func(f *triagev1.Filing) {
			f.Id, f.Court, f.Province, f.FiledOn = "JS-R21-BJ-"+day, "北京市朝阳区人民法院", "北京市", day
		}
	}
	minorDefendant := party(0, minor)
	// 侮辱罪 (刑法第二百四十六条, at most three years) without a
	// recommendation, as a private prosecution.
	insultPriv := func(mods ...mod) *triagev1.Filing {
		return crim(0, append([]mod{cause("侮辱罪"), noRecommendation, priv}, mods...)...)
	}
	const rep2021, consulted2021 = "INTERP566_REPRESENTATIVE_OBJECTS", "INTERP566_MINOR_REPRESENTATIVE_CONSULTED"
	return []tcase{
		// --- 1. The periods at filing (CrPL 220, 225; 2012 art. 214; 1996 art. 178) ---
		{name: "fast-track, four months' 拘役-free term: ten days", filing: crim(4),
			avail: av(pFT, avA), extra: fastTrackLimit(10, "2024-03-15", "可以延长至十五日")},
		{name: "fast-track, 18 months: ten days, fifteen by extension", filing: crim(18),
			avail: av(pFT, avA), extra: fastTrackLimit(10, "2024-03-15", "本案量刑建议超过一年有期徒刑，可以延长至十五日")},
		{name: "48 months 2024: simplified on a panel, twenty days, a month and a half by extension", filing: crim(48),
			avail: av(pFT, avU, pSimp, avA), fires: []string{at(locSimp, "CRPL216_PANEL_REQUIRED")},
			extra: simplifiedLimit(20, "刑事诉讼法第二百二十条", "2024-03-25", "本案量刑建议超过三年有期徒刑，可以延长至一个半月")},
		{name: "48 months 2013-01-01: the 2012 text's art. 214", filing: crim(48, dated("2013-01-01")),
			avail: av(pSimp, avA), extra: simplifiedLimit(20, "刑事诉讼法（2012年修正）第二百一十四条", "", "一个半月")},
		{name: "48 months 2012-12-31: the 1996 cap bars simplified (near miss)", filing: crim(48, dated("2012-12-31")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "CRPL1996_174_SENTENCE_CAP")}},
		{name: "24 months 2010: twenty days, no extension (1996 art. 178)", filing: crim(24, dated("2010-06-01")),
			avail: av(pSimp, avA), extra: simplifiedLimit(20, "刑事诉讼法（1996年）第一百七十八条", "", "未规定延长")},

		// --- 2. A minor defendant's representative objecting (刑诉法解释第五百六十六条; 2012 art. 474) ---
		{name: "minor, representative objects 2021-03-01: Interp. 566", filing: crim(4, minorDefendant, repObjects, dated("2021-03-01")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, rep2021)}, silent: []string{r21Rep2012}},
		{name: "minor, representative objects 2021-02-28: the 2012 interpretation's art. 474 bars", filing: crim(4, minorDefendant, repObjects, dated("2021-02-28")),
			avail: av(pFT, avU, pSimp, avU, pOrd, avA), fires: []string{at(locSimp, r21Rep2012)}, silent: []string{rep2021}},
		{name: "minor, representative objects 2015: art. 474 bars", filing: crim(4, minorDefendant, repObjects, dated("2015-06-01")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, r21Rep2012)}},
		{name: "minor, representative objects 2013-01-01: art. 474 bars", filing: crim(4, minorDefendant, repObjects, dated("2013-01-01")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, r21Rep2012)}},
		{name: "minor, representative objects 2012-12-31: no text read before 2013 (near miss)", filing: crim(4, minorDefendant, repObjects, dated("2012-12-31")),
			avail: av(pSimp, avA), silent: []string{r21Rep2012, rep2021, r21Consulted2012}},
		{name: "minor, no objection stated 2015: open on art. 474's condition", filing: crim(4, minorDefendant, dated("2015-06-01")),
			avail: av(pSimp, avA), fires: []string{at(locSimp, r21Consulted2012)}, silent: []string{r21Rep2012, consulted2021}},
		{name: "minor, no objection stated 2024: Interp. 566's condition (near miss)", filing: crim(4, minorDefendant),
			avail: av(pSimp, avA), fires: []string{at(locSimp, consulted2021)}, silent: []string{r21Consulted2012}},
		{name: "minor in the 2016 pilot: fast-track excluded", filing: crim(4, minorDefendant, beijing("2017-06-01")),
			avail: av(pFT, avU), fires: []string{at(locFT, "PILOT_EXCLUDED")}},
		{name: "minor 2024: fast-track barred (CrPL 223(2))", filing: crim(4, minorDefendant),
			avail: av(pFT, avU), fires: []string{at(locFT, "CRPL223_MINOR_DEFENDANT")}},

		// --- 3. A private prosecution before 2013 (1998 interpretation art. 109; 法释〔2000〕29号 art. 1) ---
		{name: "private 2010, free: six months from 立案", filing: insultPriv(dated("2010-06-01")),
			extra: ordinaryLimit(6, r21Interp1998+"第一百零九条；最高人民法院关于严格执行案件审理期限制度的若干规定（法释〔2000〕29号）第一条", "2010-12-01", "延长三个月")},
		{name: "private 2000-09-28, free: the 2000 rules' art. 1 beside art. 109", filing: insultPriv(dated("2000-09-28")),
			extra: ordinaryLimit(6, r21Interp1998+"第一百零九条；最高人民法院关于严格执行案件审理期限制度的若干规定（法释〔2000〕29号）第一条", "", "六个月")},
		{name: "private 2000-09-27, free: art. 109 alone", filing: insultPriv(dated("2000-09-27")),
			extra: ordinaryLimit(6, r21Interp1998+"第一百零九条", "", "六个月")},
		{name: "private 1998-09-08, free: art. 109 from its first day", filing: insultPriv(dated("1998-09-08")),
			extra: ordinaryLimit(6, r21Interp1998+"第一百零九条", "1999-03-08", "六个月")},
		{name: "private 1998-09-07, free: no text read, the public month with a note (near miss)", filing: insultPriv(dated("1998-09-07")),
			extra: ordinaryLimit(1, "刑事诉讼法（1996年）第一百六十八条", "", "本案为自诉案件")},
		{name: "private 2010, detained: a month, counted by art. 109 from custody", filing: insultPriv(dated("2010-06-01"), cm.detained),
			extra: ordinaryLimit(1, "刑事诉讼法（1996年）第一百六十八条；"+r21Interp1998+"第一百零九条", "2010-07-01", "被告人被羁押后")},
		{name: "public 2010, free: the public month (near miss)", filing: crim(24, cause("侮辱罪"), dated("2010-06-01")),
			extra: ordinaryLimit(1, "刑事诉讼法（1996年）第一百六十八条", "2010-07-01", "一个半月")},

		// --- 4. Remanded cases (CrPL 239; 刑诉法解释第三百七十七条) ---
		{name: "remanded 2024: no fast-track; simplified on a panel says 377", filing: crim(4, cm.remanded),
			avail: av(pFT, avU, pSimp, avA, pOrd, avA), fires: []string{at(locFT, "CRPL239_REMANDED_FAST_TRACK_BARRED"), at(locSimp, "CRPL239_REMANDED_NEW_PANEL")},
			extra: messageSays(locSimp, "CRPL239_REMANDED_NEW_PANEL", "应当适用第一审普通程序")},
		{name: "remanded in the 2016 pilot: no fast-track", filing: crim(4, cm.remanded, beijing("2017-06-01")),
			avail: av(pFT, avU, pSimp, avA), fires: []string{at(locFT, "CRPL2012_228_REMANDED_FAST_TRACK_BARRED")}},
	}
}

// TestAuditRound21Outcomes: conversions and restarts through
// Engine.ValidateOutcome, their time limits and their review reasons, as
// the server computes them.
func TestAuditRound21Outcomes(t *testing.T) {
	e := defaultEngine(t)
	_, _, crim := auditBuilders(t)
	dated := func(day string) mod { return func(f *triagev1.Filing) { f.Id, f.FiledOn = "JS-R21-"+day, day } }
	beijing := func(day string) mod {
		return func(f *triagev1.Filing) {
			f.Id, f.Court, f.Province, f.FiledOn = "JS-R21-BJ-"+day, "北京市朝阳区人民法院", "北京市", day
		}
	}
	correct := func(f *triagev1.Filing) omod {
		return func(o *triagev1.Outcome) {
			o.Correction = &triagev1.FactCorrection{Filing: f, Basis: "庭审笔录；刑诉法解释第三百七十五条"}
		}
	}
	si := func(p triagev1.Procedure, day string) *triagev1.Outcome { return restarted(rsInvestigated, p, day) }
	type row struct {
		name    string
		f       *triagev1.Filing
		rec     triagev1.Procedure
		prior   []*triagev1.Outcome
		out     *triagev1.Outcome
		want    string // "" accepted, else the rule ("*" any)
		article string // the refusal's article, or a part of the time limit's
		notIn   string // what the time limit's article must not cite
		months  int32
		days    int32
		due     string
		ext     string   // a part of the time limit's extension text
		review  []string // the review codes expected (nil: none)
		revArt  string   // a part of the review reason's article
	}
	c4 := crim(4)
	c48 := crim(48)
	rows := []row{
		// --- Fast-track → simplified or ordinary (CrPL 226; Interp. 375–376) ---
		{name: "FT → simplified: twenty days from the decision", f: c4, rec: pFT,
			out: outcome(chFT2S, pSimp, on("2024-03-08")), article: "刑诉法解释第三百七十六条", days: 20, due: "2024-03-28"},
		{name: "FT → ordinary: two months from the decision", f: c4, rec: pFT,
			out: outcome(chFT2O, pOrd, on("2024-03-08")), article: "刑诉法解释第三百七十六条", months: 2, due: "2024-05-08"},
		{name: "FT → simplified, the defendant now denies: refused (CrPL 214 ¶1(2))", f: c4, rec: pFT,
			out: outcome(chFT2S, pSimp, on("2024-03-08"), correct(crim(4, plea(false, false)))), want: rules.RuleProcedureExcluded},
		{name: "FT → ordinary, the defendant now denies: accepted (near miss)", f: c4, rec: pFT,
			out: outcome(chFT2O, pOrd, on("2024-03-08"), correct(crim(4, plea(false, false)))), months: 2, due: "2024-05-08"},
		{name: "FT → simplified, the defendant objects to simplified: refused", f: c4, rec: pFT,
			out: outcome(chFT2S, pSimp, on("2024-03-08"), correct(crim(4, cm.objects))), want: rules.RuleProcedureExcluded},
		{name: "FT → simplified, recommendation now 48 months: a month and a half by extension", f: c4, rec: pFT,
			out: outcome(chFT2S, pSimp, on("2024-03-08"), correct(crim(48))), days: 20, due: "2024-03-28", ext: "一个半月"},
		{name: "FT → simplified 2021-03-01: Interp. 376", f: crim(4, dated("2021-02-25")), rec: pFT,
			out: outcome(chFT2S, pSimp, on("2021-03-01")), article: "刑诉法解释第三百七十六条", days: 20},
		{name: "FT → simplified 2021-02-26: CrPL 226, Interp. 376 not yet in force", f: crim(4, dated("2021-02-25")), rec: pFT,
			out: outcome(chFT2S, pSimp, on("2021-02-26")), article: "刑事诉讼法第二百二十六条", notIn: "第三百七十六条", days: 20, due: "2021-03-18"},
		{name: "FT → ordinary 2019: CrPL 226", f: crim(4, dated("2019-06-03")), rec: pFT,
			out: outcome(chFT2O, pOrd, on("2019-06-05")), article: "刑事诉讼法第二百二十六条", notIn: "第三百七十六条", months: 2, due: "2019-08-05"},
		{name: "FT → simplified in the 2016 pilot: the pilot's measures, not Interp. 376", f: crim(4, beijing("2017-06-01")), rec: pFT,
			out: outcome(chFT2S, pSimp, on("2017-06-05")), article: "试点", notIn: "第三百七十六条", days: 20, due: "2017-06-26"},

		// --- Simplified → ordinary (CrPL 221; Interp. 368 ¶2 and its predecessors) ---
		{name: "S → O 2024: Interp. 368 ¶2, two months from the decision", f: c4, rec: pSimp,
			out: outcome(chS2O, pOrd, on("2024-03-20")), article: "刑诉法解释第三百六十八条第二款", months: 2, due: "2024-05-20"},
		{name: "S → O 2021-02-26: the 2012 interpretation's art. 298", f: crim(4, dated("2021-02-25")), rec: pSimp,
			out: outcome(chS2O, pOrd, on("2021-02-26")), article: "刑诉法解释（2012年）第二百九十八条", notIn: "第三百六十八条", months: 2, due: "2021-04-26"},
		{name: "S → O 2015: the 2012 interpretation's art. 298", f: crim(4, dated("2015-06-01")), rec: pSimp,
			out: outcome(chS2O, pOrd, on("2015-06-10")), article: "刑诉法解释（2012年）第二百九十八条", notIn: "第三百六十八条", months: 2, due: "2015-08-10"},
		{name: "S → O 2010: the 1998 interpretation's art. 230", f: crim(24, dated("2010-06-01")), rec: pSimp,
			out: outcome(chS2O, pOrd, on("2010-06-10")), article: r21Interp1998 + "第二百三十条", notIn: "第三百六十八条", months: 1, due: "2010-07-10"},
		{name: "S → O 1998-09-07: CrPL 1996 art. 179 alone", f: crim(24, dated("1998-09-01")), rec: pSimp,
			out: outcome(chS2O, pOrd, on("1998-09-07")), article: "刑事诉讼法（1996年）第一百七十九条", notIn: "解释", months: 1, due: "1998-10-07"},

		// --- Into fast-track, or back into simplified: never ---
		{name: "simplified → fast-track: refused", f: c4, rec: pSimp, prior: outs(outcome(chConf, pSimp, on("2024-03-06"))),
			out: outcome(chOver, pFT, on("2024-03-08")), want: rules.RuleNoConversionIntoFastTrack},
		{name: "ordinary → simplified: refused", f: c4, rec: pOrd,
			out: outcome(chO2S, pSimp, on("2024-03-08"), agreed), want: rules.RuleCriminalNoOrdinaryToSimplified},
		{name: "minor: fast-track chosen at filing refused", f: crim(4, party(0, minor)), rec: pSimp,
			out: outcome(chOver, pFT, on("2024-03-06")), want: rules.RuleProcedureExcluded},

		// --- 补充侦查 and CrPL 205's one month ---
		{name: "补充侦查 within the period: no flag", f: c4, rec: pOrd,
			out: si(pOrd, "2024-04-10"), months: 2, due: "2024-06-11"},
		{name: "补充侦查 returned on the last day: three months and one from 受理 (near miss)", f: c4, rec: pOrd,
			out: si(pOrd, "2024-07-05"), months: 2},
		{name: "补充侦查 returned a day later: flagged", f: c4, rec: pOrd,
			out: si(pOrd, "2024-07-06"), months: 2, review: []string{r21LateReturn}, revArt: "刑事诉讼法第二百零四条第二项、第二百零五条"},
		{name: "补充侦查 after 改变管辖: counted from the move (near miss)", f: c4, rec: pOrd,
			prior: outs(restarted(rsJurisdiction, pOrd, "2024-05-01")), out: si(pOrd, "2024-07-06"), months: 2},
		{name: "补充侦查 after 简转普: counted from the conversion (near miss)", f: c4, rec: pSimp,
			prior: outs(outcome(chS2O, pOrd, on("2024-03-20"))), out: si(pOrd, "2024-07-20"), months: 2},
		{name: "补充侦查 after 简转普, a day later: flagged", f: c4, rec: pSimp,
			prior: outs(outcome(chS2O, pOrd, on("2024-03-20"))), out: si(pOrd, "2024-07-21"), months: 2, review: []string{r21LateReturn}},
		{name: "补充侦查 in simplified: twenty days and a month (near miss)", f: c4, rec: pSimp,
			out: si(pSimp, "2024-04-25"), days: 20},
		{name: "补充侦查 in simplified, a day later: flagged", f: c4, rec: pSimp,
			out: si(pSimp, "2024-04-26"), days: 20, review: []string{r21LateReturn}},
		{name: "补充侦查 in simplified over three years: a month and a half and a month (near miss)", f: c48, rec: pSimp,
			out: si(pSimp, "2024-05-20"), days: 20},
		{name: "补充侦查 in simplified over three years, a day later: flagged", f: c48, rec: pSimp,
			out: si(pSimp, "2024-05-21"), days: 20, review: []string{r21LateReturn}},
		{name: "补充侦查 2015, late: CrPL 2012 art. 199", f: crim(4, dated("2015-03-05")), rec: pOrd,
			out: si(pOrd, "2015-07-06"), months: 2, review: []string{r21LateReturn}, revArt: "刑事诉讼法（2012年修正）第一百九十八条第二项、第一百九十九条"},
		{name: "补充侦查 2010, late: CrPL 1996 art. 166 (a month and a half, then a month)", f: crim(24, dated("2010-03-05")), rec: pOrd,
			out: si(pOrd, "2010-05-21"), months: 1, review: []string{r21LateReturn}, revArt: "刑事诉讼法（1996年）第一百六十五条第二项、第一百六十六条"},
		{name: "补充侦查 2010 on the last day (near miss)", f: crim(24, dated("2010-03-05")), rec: pOrd,
			out: si(pOrd, "2010-05-20"), months: 1},
		{name: "改变管辖 long after: no 补充侦查, no flag (near miss)", f: c4, rec: pOrd,
			out: restarted(rsJurisdiction, pOrd, "2024-09-02"), months: 2},

		// --- 发回重审 (CrPL 239, 241; Interp. 377) ---
		{name: "发回重审 in fast-track: refused", f: c4, rec: pFT,
			out: restarted(rsRemanded, pFT, "2024-06-03"), want: rules.RuleRestartRemandedFastTrack},
		{name: "发回重审 in simplified 2024: a panel, twenty days", f: c4, rec: pSimp,
			out: restarted(rsRemanded, pSimp, "2024-06-03"), days: 20, due: "2024-06-24"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			d := withInferences(t, r.f, r.rec)
			err := e.ValidateOutcome(d, r.f, r.prior, r.out)
			if r.want != "" {
				checkVerdict(t, err, r.want, r.article)
				return
			}
			checkVerdict(t, err, "", "")
			tl, err := e.OutcomeTimeLimitFromRecord(d, r.prior, r.out, r.f.GetCircumstances())
			if err != nil {
				t.Fatalf("time limit: %v", err)
			}
			if tl.GetMonths() != r.months || tl.GetDays() != r.days || (r.due != "" && tl.GetDueOn() != r.due) {
				t.Errorf("time limit %d months %d days due %s, want %d months %d days due %s (%s)",
					tl.GetMonths(), tl.GetDays(), tl.GetDueOn(), r.months, r.days, r.due, tl.GetArticle())
			}
			if r.article != "" && !strings.Contains(tl.GetArticle(), r.article) {
				t.Errorf("time limit article %q does not cite %s", tl.GetArticle(), r.article)
			}
			if r.notIn != "" && strings.Contains(tl.GetArticle(), r.notIn) {
				t.Errorf("time limit article %q cites %s, not in force on %s", tl.GetArticle(), r.notIn, r.out.GetDecidedOn())
			}
			if r.ext != "" && !strings.Contains(tl.GetExtension(), r.ext) {
				t.Errorf("time limit extension %q does not say %s", tl.GetExtension(), r.ext)
			}
			rev, err := e.OutcomeReview(d, r.prior, r.out, tl)
			if err != nil {
				t.Fatalf("review: %v", err)
			}
			if got := reasonCodes(rev); strings.Join(got, ",") != strings.Join(r.review, ",") {
				t.Errorf("review reasons %v, want %v", got, r.review)
			}
			if r.revArt != "" && (len(rev) == 0 || !strings.Contains(rev[0].GetArticle(), r.revArt)) {
				t.Errorf("review reasons %v, want the article to cite %s", rev, r.revArt)
			}
		})
	}
}

// TestAuditRound21Refusals: the representative's objection keeps needing a
// minor defendant in every era; with one it is evaluated.
func TestAuditRound21Refusals(t *testing.T) {
	_, _, crim := auditBuilders(t)
	dated := func(day string) mod { return func(f *triagev1.Filing) { f.Id, f.FiledOn = "JS-R21-"+day, day } }
	for _, day := range []string{"2010-06-01", "2015-06-01"} {
		t.Run("adult "+day, func(t *testing.T) {
			_, err := defaultEngine(t).Evaluate(crim(4, repObjects, dated(day)))
			var fe *rules.FieldError
			if !errors.As(err, &fe) || fe.Field != "filing.circumstances.representative_objects_simplified" {
				t.Fatalf("Evaluate: %v, want a FieldError naming the field", err)
			}
		})
		t.Run("minor "+day+" (near miss)", func(t *testing.T) {
			if _, err := defaultEngine(t).Evaluate(crim(4, repObjects, party(0, minor), dated(day))); err != nil {
				t.Fatalf("Evaluate: %v", err)
			}
		})
	}
}
