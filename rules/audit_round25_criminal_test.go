package rules_test

import (
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Round 25 of the statute audit (2026-12-05): criminal procedure, the bars
// an indictment states in words round 23 did not read. Every row was written
// from the texts first, then run:
//
//   - 刑事诉讼法 (2018) 第二百一十五条第一项 and 第二百二十三条第一项 ("被告人是盲、
//     聋、哑人"; 刑诉法解释 (2021) 第三百六十条第一项, 第三百七十条第一项): a
//     defendant stated 失聪, 听力残疾, 言语残疾, 视力残疾 or 双眼失明 after a
//     copula (系, 为, 患有) is read as deaf, mute or blind. The grade of a
//     disability is not read (视力残疾三级、四级 is 低视力): the reading closes
//     and is reviewed, as round 23's words are.
//   - 第二百二十三条第五项 ("被告人与被害人或者其法定代理人没有就附带民事诉讼赔偿等
//     事项达成调解或者和解协议的"; 刑诉法解释第三百七十条第六项): a civil claim
//     whose mediation is stated to have failed (调解未果, 未能达成和解, 未达成调解
//     协议) and no settlement stated after it. Until this round any 调解 or 和解
//     in the text read as a settlement.
//   - 第二百一十四条第一款第二项, 第二百一十五条第三项, 第二百二十三条第四项: a
//     defendant who 翻供 (retracts his confession) denies the charged facts;
//     alone he does not admit them, beside another defendant he is the
//     co-defendant who disputes them.
//   - The 2014 and 2016 pilots' exclusions (docs/statutes.md, "the fast-track
//     pilot": the same exclusions, read as widely as CrPL 223): PILOT_EXCLUDED.

// TestAuditRound25Criminal: filings.
func TestAuditRound25Criminal(t *testing.T) { runTable(t, audit25CriminalCases(t)) }

func audit25CriminalCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb)
	n := 0
	says := func(text string, months int32, mods ...mod) *triagev1.Filing {
		n++
		return crim(months, append([]mod{id("JS-R25-" + strings.Repeat("z", n%7) + text[:min(len(text), 12)]), func(f *triagev1.Filing) { f.Text = text }}, mods...)...)
	}
	beijing := courtIn("北京市海淀区人民法院", "北京市")
	const (
		ftImpaired  = "CRPL223_IMPAIRED_DEFENDANT"
		smImpaired  = "CRPL215_IMPAIRED_DEFENDANT"
		ftNoSettle  = "CRPL223_NO_VICTIM_SETTLEMENT"
		ftCoDef     = "CRPL223_CO_DEFENDANT_DISPUTE"
		pilotExcl   = "PILOT_EXCLUDED"
		eligCrPL    = "CRPL222_ELIGIBLE"
		eligSimp    = "CRPL214_ELIGIBLE"
		noAdmission = "CRPL222_NO_ADMISSION"
	)
	// impaired: CrPL 215(1), 223(1) close both procedures, reviewed.
	impaired := func(name, text string, mods ...mod) tcase {
		return tcase{name: name, filing: says(text, 10, mods...), avail: av(pFT, avU, pSimp, avU), review: ptr(true),
			fires: []string{at(locFT, ftImpaired), at(locSimp, smImpaired), at(locReview, r23Impaired)}}
	}
	// noSettlement: CrPL 223(5) closes fast-track; simplified has no such
	// bar (art. 215).
	noSettlement := func(name, text string, mods ...mod) tcase {
		return tcase{name: name, filing: says(text, 10, mods...), avail: av(pFT, avU, pSimp, avA), review: ptr(true),
			fires: []string{at(locFT, ftNoSettle), at(locSimp, eligSimp), at(locReview, r23CivilClaim)}}
	}
	quiet := []string{at(locReview, r23Impaired), at(locReview, r23CivilClaim), at(locReview, r23DisputeInText)}
	nothing := func(name, text string, mods ...mod) tcase {
		return tcase{name: name, filing: says(text, 10, mods...), avail: av(pFT, avA, pSimp, avA),
			fires: []string{at(locFT, eligCrPL), at(locSimp, eligSimp)}, silent: quiet}
	}
	return []tcase{
		// --- 1. 盲、聋、哑 in other words (CrPL 215(1), 223(1); Interp. 360(1), 370(1)) ---
		impaired("系先天失聪", "被告人王某系先天失聪，自愿认罪认罚。"),
		impaired("系听力残疾人（二级）", "被告人王某系听力残疾人（二级），到案后如实供述。"),
		impaired("系言语残疾人", "被告人王某系言语残疾人，由手语翻译人员协助讯问。"),
		impaired("系视力残疾人（一级）", "被告人王某系视力残疾人（一级）。"),
		impaired("为双眼失明的残疾人", "被告人王某为双眼失明的残疾人。"),
		{name: "听力残疾 at a 2017 pilot court: PILOT_EXCLUDED", filing: says("被告人王某系听力残疾人。", 10, beijing, filedOn("2017-03-01")),
			avail: av(pFT, avU), review: ptr(true), fires: []string{at(locFT, pilotExcl), at(locReview, r23Impaired)}},
		nothing("near miss: 殴打听力残疾人 (what he did to another)", "被告人王某殴打听力残疾人李某。"),
		nothing("near miss: the victim is 言语残疾人", "被告人王某盗窃被害人李某财物，被害人李某系言语残疾人。"),
		nothing("near miss: 一只眼失明 is not 双眼", "被告人王某系一只眼失明。"),

		// --- 2. A civil claim whose mediation failed (CrPL 223(5); Interp. 370(6)) ---
		noSettlement("附带民事诉讼, 未能达成和解", "被害人李某提起附带民事诉讼，双方未能达成和解。"),
		noSettlement("附带民事诉讼, 经调解未果", "被害人李某提起附带民事诉讼，要求赔偿医疗费，经调解未果。"),
		noSettlement("附带民事诉讼, 未达成调解协议", "附带民事诉讼原告人李某请求判令被告人赔偿损失，双方未达成调解协议。"),
		{name: "附带民事诉讼, 调解不成, on 2021-02-28 (Interp. 370 not yet; CrPL 223(5))", filing: says("被害人李某提起附带民事诉讼，调解不成。", 10, filedOn("2021-02-28")),
			avail: av(pFT, avU, pSimp, avA), review: ptr(true),
			fires: []string{at(locFT, "CRPL223_NO_VICTIM_SETTLEMENT_CRPL2018"), at(locSimp, eligSimp), at(locReview, r23CivilClaim)}, silent: []string{ftNoSettle}},
		// The first phase's 办法 (statute round 38: PILOT2014_EXCLUDED).
		{name: "附带民事诉讼, 调解不成 at a 2015 pilot court: PILOT2014_EXCLUDED", filing: says("被害人李某提起附带民事诉讼，调解不成。", 10, beijing, filedOn("2015-03-02")),
			avail: av(pFT, avU), review: ptr(true), fires: []string{at(locFT, "PILOT2014_EXCLUDED"), at(locReview, r23CivilClaim)}},
		nothing("near miss: 已达成调解协议", "被害人李某提起附带民事诉讼，双方已达成调解协议。"),
		nothing("near miss: 调解未果, later 达成和解协议", "被害人李某提起附带民事诉讼，先经调解未果，后双方达成和解协议。"),
		nothing("near miss: 未提起附带民事诉讼", "被害人李某未提起附带民事诉讼，双方调解未果。"),

		// --- 3. 翻供 (CrPL 214 ¶1(2), 215(3), 223(4)) ---
		{name: "one defendant 翻供: no admission, both closed", filing: says("被告人王某到案后翻供，否认醉酒驾驶。", 10),
			avail: av(pFT, avU, pSimp, avU), review: ptr(true), fires: []string{at(locFT, noAdmission), at(locReview, r23DisputeInText)}},
		{name: "a co-defendant 翻供: CrPL 215(3), 223(4)", filing: says("被告人王某认罪认罚。被告人李某到案后翻供。", 10, cm.twoDefendants),
			avail: av(pFT, avU, pSimp, avU), review: ptr(true), fires: []string{at(locFT, ftCoDef), at(locReview, r23DisputeInText)}},
		nothing("near miss: 未翻供", "被告人王某到案后如实供述，未翻供。"),
		nothing("near miss: 没有翻供", "被告人王某到案后没有翻供。"),
	}
}

// TestAuditRound25CriminalOutcomes: a court recording fast-track on a
// filing whose text states a failed mediation of the civil claim, or a deaf
// defendant, is refused; the settled claim is a near miss.
func TestAuditRound25CriminalOutcomes(t *testing.T) {
	e := defaultEngine(t)
	_, _, crim := auditBuilders(t)
	basis := func(s string) omod { return func(o *triagev1.Outcome) { o.LegalBasis = s } }
	runR24Outcomes(t, e, []r24Outcome{
		{outcomeRow{"fast-track, 附带民事诉讼 调解未果", crim(10, text("被害人李某提起附带民事诉讼，经调解未果。")), pSimp,
			outcome(chOver, pFT, basis("刑事诉讼法第二百二十二条"), on("2024-03-06")), rules.RuleProcedureExcluded}, "第二百二十三条"},
		{outcomeRow{"fast-track, 被告人系先天失聪", crim(10, text("被告人王某系先天失聪。")), pOrd,
			outcome(chOver, pFT, basis("刑事诉讼法第二百二十二条"), on("2024-03-06")), rules.RuleProcedureExcluded}, "第二百二十三条"},
		{outcomeRow{"fast-track, 附带民事诉讼 已达成调解协议 (near miss)", crim(10, text("被害人李某提起附带民事诉讼，双方已达成调解协议。")), pSimp,
			outcome(chOver, pFT, basis("刑事诉讼法第二百二十二条"), on("2024-03-06")), ""}, ""},
	})
}

// TestReadTextFactsRound25: the words round 25 reads, through ReadTextFacts
// alone.
func TestReadTextFactsRound25(t *testing.T) {
	for _, c := range []struct {
		text            string
		impaired, claim bool
		dispute         string
	}{
		{"被告人王某系先天失聪。", true, false, ""},
		{"被告人王某系视力残疾人。", true, false, ""},
		{"被告人王某殴打言语残疾人李某。", false, false, ""},
		{"被害人提起附带民事诉讼，经调解未果。", false, true, ""},
		{"被害人提起附带民事诉讼，双方未达成调解协议。", false, true, ""},
		{"被害人提起附带民事诉讼，双方已达成和解协议。", false, false, ""},
		{"被害人提起附带民事诉讼，调解未果，后达成调解协议。", false, false, ""},
		{"被害人提起附带民事诉讼，调解未果，后仍未达成和解协议。", false, true, ""},
		{"被害人提起附带民事诉讼。", false, true, ""},
		{"被告人王某当庭翻供。", false, false, "翻供"},
		{"被告人王某未翻供。", false, false, ""},
	} {
		got := rules.ReadTextFacts(c.text)
		if (got.Impaired != "") != c.impaired || (got.CivilClaim != "") != c.claim || got.Dispute != c.dispute {
			t.Errorf("%s: got %+v", c.text, got)
		}
	}
}

// FuzzReadTextFactsSettlement: a civil claim is read after any text when a
// failed mediation is appended and no settlement stated, and never when a
// settlement is appended.
func FuzzReadTextFactsSettlement(f *testing.F) {
	for _, s := range []string{"", "调解", "和解", "达成调解协议", "未达成", "附带民事", "未提起", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		const claim = "被害人提起附带民事诉讼。"
		if got := rules.ReadTextFacts(claim + text + "。双方已达成和解协议。"); got.CivilClaim != "" {
			t.Fatalf("%q + a settlement: civil claim read", text)
		}
		if strings.ContainsAny(text, "调和达协") {
			return // the text may itself state a settlement
		}
		if got := rules.ReadTextFacts(claim + text + "。经调解未果。"); got.CivilClaim == "" {
			t.Fatalf("%q + a failed mediation: no civil claim read", text)
		}
	})
}
