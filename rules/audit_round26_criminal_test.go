package rules_test

import (
	"strings"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Round 26 of the statute audit (2026-12-05): criminal procedure, a minor
// defendant stated by his age or a birth month. Every row was written from
// the texts first, then run:
//
//   - 刑事诉讼法 (2018) 第二百二十三条第二项 ("被告人是未成年人的"; 刑诉法解释
//     (2021) 第三百七十条第三项) closes fast-track; simplified procedure has no
//     such bar (art. 215; Interp. 360), but 刑诉法解释第五百六十六条 makes the
//     minor's representative and defender's view a condition of it. A
//     defendant's age is his age at the offence (刑法第十七条; Interp. 146):
//     an age under eighteen stated of a 被告人 of this case at the offence
//     or later (年仅十七周岁, 案发时16岁, 现年17岁, （17周岁）) was under
//     eighteen at the offence too. 未满十六周岁 is under eighteen as well.
//   - A birth month without a day (2008年3月出生): the defendant may have
//     been born on any day of it, so the stricter reading takes its last
//     day (the youngest he can be). Reviewed, as every text reading is. An
//     offence month without a day (于2025年5月) is not read as the offence:
//     it is as often an earlier event (于2021年10月申领信用卡).
//   - 刑诉法解释第五百六十六条: "对未成年人刑事案件，人民法院决定适用简易程序审理
//     的，应当征求未成年被告人及其法定代理人、辩护人的意见。上述人员提出异议的，不适
//     用简易程序" (2012 text art. 474). A text stating that the 法定代理人 or the
//     辩护人 objects (不同意适用简易程序, 对适用简易程序提出异议) closes simplified
//     procedure when a defendant is a minor (by the field or the text), reviewed;
//     of an adult's defender it changes nothing (art. 214 ¶1(3) is the
//     defendant's own objection) and is not reviewed.
//   - Not read: an age of a 被害人 or of another person (被告人明知张某系13
//     周岁, 被告人王某的女儿（15岁）, 伙同李某（17岁）), an age at an earlier
//     event (16岁时曾…), a lower bound (已满十八周岁).

// TestAuditRound26Criminal: filings.
func TestAuditRound26Criminal(t *testing.T) { runTable(t, audit26CriminalCases(t)) }

func audit26CriminalCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb)
	n := 0
	says := func(text string, mods ...mod) *triagev1.Filing {
		n++
		return crim(10, append([]mod{id("JS-R26-" + strings.Repeat("m", n%7) + text[:min(len(text), 12)]), func(f *triagev1.Filing) { f.Text = text }}, mods...)...)
	}
	beijing := courtIn("北京市海淀区人民法院", "北京市")
	const (
		ftMinor   = "CRPL223_MINOR_DEFENDANT"
		consult   = "INTERP566_MINOR_REPRESENTATIVE_CONSULTED"
		eligCrPL  = "CRPL222_ELIGIBLE"
		eligSimp  = "CRPL214_ELIGIBLE"
		pilotExcl = "PILOT_EXCLUDED"
		// repObjects: Interp. 566; r26RepObjects is new in round 26, a
		// literal so that the table compiles (and fails) without it.
		repObjects    = "INTERP566_REPRESENTATIVE_OBJECTS"
		r26RepObjects = "REVIEW_REPRESENTATIVE_OBJECTS_IN_TEXT"
	)
	// minor: CrPL 223(2) closes fast-track; simplified stays open on the
	// condition of Interp. 566; reviewed.
	minorRow := func(name, text string, mods ...mod) tcase {
		return tcase{name: name, filing: says(text, mods...), avail: av(pFT, avU, pSimp, avA), review: ptr(true),
			fires: []string{at(locFT, ftMinor), at(locSimp, consult), at(locReview, r23Minor)}}
	}
	nothing := func(name, text string, mods ...mod) tcase {
		return tcase{name: name, filing: says(text, mods...), avail: av(pFT, avA, pSimp, avA),
			fires: []string{at(locFT, eligCrPL), at(locSimp, eligSimp)}, silent: []string{at(locFT, ftMinor), at(locSimp, consult), at(locReview, r23Minor)}}
	}
	in2025 := filedOn("2025-09-01")
	return []tcase{
		// --- 1. An age under eighteen stated of the defendant (CrPL 223(2); Interp. 370(3), 566) ---
		minorRow("年仅十七周岁", "被告人王某，男，年仅十七周岁，于2024年1月10日醉酒驾驶机动车。"),
		minorRow("犯罪时未满十八周岁", "被告人王某犯罪时未满十八周岁。"),
		minorRow("案发时16岁", "被告人王某，男，案发时16岁，醉酒驾驶机动车。"),
		minorRow("（17周岁）after the name", "被告人王某（17周岁）醉酒驾驶机动车。"),
		minorRow("作案时年仅十六岁", "被告人王某作案时年仅十六岁。"),
		minorRow("现年17岁", "被告人王某，男，现年17岁，汉族，初中文化。"),
		minorRow("作案时未满十六周岁 (under sixteen is under eighteen)", "被告人王某作案时未满十六周岁。"),
		minorRow("full-width digits: １７周岁", "被告人王某，男，１７周岁。"),

		// --- 2. A birth month without a day ---
		minorRow("2008年3月出生, offence 2025-05-01: seventeen", "被告人王某，男，2008年3月出生，于2025年5月1日醉酒驾驶机动车。", in2025),
		minorRow("2007年5月出生, offence 2025-05-10: may be under eighteen (the last day of the month)", "被告人王某，男，2007年5月出生，于2025年5月10日醉酒驾驶机动车。", in2025),
		minorRow("2008年3月出生, no offence date: the filing date", "被告人王某，男，2008年3月出生。", in2025),
		{name: "年仅十七周岁 at a 2017 pilot court: PILOT_EXCLUDED", filing: says("被告人王某，男，年仅十七周岁。", beijing, filedOn("2017-03-01")),
			avail: av(pFT, avU), review: ptr(true), fires: []string{at(locFT, pilotExcl), at(locReview, r23Minor)}},

		// --- 3. The minor's representative or defender objects (Interp. 566) ---
		{name: "年仅十七周岁, 其法定代理人不同意适用简易程序: both closed", filing: says("被告人王某，男，年仅十七周岁。其法定代理人不同意适用简易程序。"),
			avail: av(pFT, avU, pSimp, avU), review: ptr(true), fires: []string{at(locFT, ftMinor), at(locSimp, repObjects), at(locReview, r23Minor), at(locReview, r26RepObjects)}},
		{name: "minor by the field, 辩护人对适用简易程序提出异议", filing: says("辩护人对适用简易程序提出异议。", party(0, minor)),
			avail: av(pFT, avU, pSimp, avU), review: ptr(true), fires: []string{at(locSimp, repObjects), at(locReview, r26RepObjects)}},
		{name: "minor by the field, 2015 (Interp. 2012 art. 474)", filing: says("被告人王某的法定代理人李某对适用简易程序有异议。", party(0, minor), filedOn("2015-06-01")),
			avail: av(pSimp, avU), review: ptr(true), fires: []string{at(locSimp, "INTERP2012_474_REPRESENTATIVE_OBJECTS"), at(locReview, r26RepObjects)}},
		{name: "near miss: an adult's defender objects", filing: says("辩护人对适用简易程序提出异议。"),
			avail: av(pFT, avA, pSimp, avA), fires: []string{at(locSimp, eligSimp)}, silent: []string{at(locSimp, repObjects), at(locReview, r26RepObjects)}},
		{name: "near miss: the minor's representative agrees", filing: says("被告人王某，男，年仅十七周岁。其法定代理人同意适用简易程序。"),
			avail: av(pFT, avU, pSimp, avA), review: ptr(true), fires: []string{at(locSimp, consult)}, silent: []string{at(locSimp, repObjects), at(locReview, r26RepObjects)}},
		{name: "near miss: 辩护人未对适用简易程序提出异议", filing: says("辩护人未对适用简易程序提出异议。", party(0, minor)),
			avail: av(pSimp, avA), fires: []string{at(locSimp, consult)}, silent: []string{at(locSimp, repObjects), at(locReview, r26RepObjects)}},

		// A minor the field marks already: the bars are the field's, and the
		// review that asks to mark the party is not given.
		{name: "年仅十七周岁 of a defendant the field marks a minor: no review", filing: says("被告人王某，男，年仅十七周岁。", party(0, minor)),
			avail: av(pFT, avU, pSimp, avA), fires: []string{at(locFT, ftMinor), at(locSimp, consult)}, silent: []string{at(locReview, r23Minor)}},

		// --- near misses ---
		nothing("near miss: the victim 年仅十四岁", "被告人王某殴打被害人李某，被害人年仅十四岁。"),
		nothing("near miss: 被害人李某（年仅十四周岁）", "被告人王某殴打被害人李某（年仅十四周岁）。"),
		nothing("near miss: nineteen", "被告人王某，男，19岁。"),
		nothing("near miss: 已满十八周岁 (a lower bound)", "被告人王某作案时已满十八周岁。"),
		nothing("near miss: 明知张某系13周岁 (another person's age)", "被告人王某明知张某系13周岁，仍容留其吸毒。"),
		nothing("near miss: the defendant's daughter", "被告人王某的女儿（15岁）在场。"),
		nothing("near miss: an accomplice 伙同李某（17岁）", "被告人王某伙同李某（17岁）盗窃。"),
		nothing("near miss: 16岁时曾… (an earlier event)", "被告人王某16岁时曾因盗窃被收容教养。"),
		nothing("near miss: 2006年3月出生, offence 2025: nineteen", "被告人王某，男，2006年3月出生，于2025年5月1日醉酒驾驶机动车。", in2025),
		nothing("near miss: 2007年4月出生, offence 2025-05-10: eighteen whatever the day", "被告人王某，男，2007年4月出生，于2025年5月10日醉酒驾驶机动车。", in2025),
		nothing("near miss: the victim's birth month", "被告人王某猥亵被害人李某（2012年3月出生）。", in2025),
	}
}

// TestAuditRound26CriminalOutcomes: a court recording fast-track on a
// filing whose text states the defendant 年仅十七周岁 is refused; nineteen
// is a near miss.
func TestAuditRound26CriminalOutcomes(t *testing.T) {
	e := defaultEngine(t)
	_, _, crim := auditBuilders(t)
	basis := func(s string) omod { return func(o *triagev1.Outcome) { o.LegalBasis = s } }
	runR24Outcomes(t, e, []r24Outcome{
		{outcomeRow{"fast-track, 被告人年仅十七周岁", crim(10, text("被告人王某，男，年仅十七周岁。")), pSimp,
			outcome(chOver, pFT, basis("刑事诉讼法第二百二十二条"), on("2024-03-06")), rules.RuleProcedureExcluded}, "第二百二十三条"},
		{outcomeRow{"fast-track, 被告人19岁 (near miss)", crim(10, text("被告人王某，男，19岁。")), pSimp,
			outcome(chOver, pFT, basis("刑事诉讼法第二百二十二条"), on("2024-03-06")), ""}, ""},
	})
}

// TestReadTextFactsRound26: the ages round 26 reads, through ReadTextFacts
// alone, and the birth months through ReadTextBirthMinor.
func TestReadTextFactsRound26(t *testing.T) {
	for _, c := range []struct{ text, minor string }{
		{"被告人王某，男，年仅十七周岁。", "十七周岁"},
		{"被告人王某，案发时16岁。", "16岁"},
		{"被告人王某作案时未满十六周岁。", "未满十六周岁"},
		{"被告人王某（曾用名王二），男，17岁。", "17岁"},
		{"被告人王某作案时已满十六周岁不满十八周岁。", "不满十八周岁"},
		{"被告人王某，男，19岁。", ""},
		{"被告人王某，男，16岁以上。", ""},
		{"被告人王某作案时已满十六周岁。", ""},
		{"被告人王某16岁时曾盗窃。", ""},
		{"被告人王某的儿子（15岁）。", ""},
		{"被告人王某明知李某系13周岁。", ""},
		{"被告人王某殴打被害人李某（14周岁）。", ""},
		{"被告人王某，男，年仅十一岁。", ""},
	} {
		if got := rules.ReadTextFacts(c.text).Minor; got != c.minor {
			t.Errorf("%s: Minor %q, want %q", c.text, got, c.minor)
		}
	}
	filed := time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ text, minor string }{
		{"被告人王某，男，2008年3月出生，于2025年5月1日盗窃。", "2008年3月出生"},
		{"被告人王某，男，2007年5月出生，于2025年5月10日盗窃。", "2007年5月出生"},
		{"被告人王某，男，2007年4月出生，于2025年5月10日盗窃。", ""},
		{"被告人王某，男，2007年6月1日出生，于2025年8月10日盗窃。", ""},
		{"被告人王某，男，2007年13月出生。", ""},
	} {
		if got := rules.ReadTextBirthMinor(c.text, filed); got != c.minor {
			t.Errorf("%s: %q, want %q", c.text, got, c.minor)
		}
	}
}

// FuzzReadTextFactsAge: any text reads without a panic; a minor read is
// words of the text; a defendant's age under eighteen appended in a sentence
// of its own is always read, a victim's never; so is a defender's objection
// to simplified procedure (Interp. 566).
func FuzzReadTextFactsAge(f *testing.F) {
	for _, s := range []string{"", "被告人", "被告人王某", "被告人王某，男，", "未满", "已满", "被告人王某１７周", "被告人十七", "岁", "周岁", "被告人曾", "\xff"} {
		f.Add(s)
	}
	filed := time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		got := rules.ReadTextFacts(text)
		if got.Minor != "" && !strings.Contains(text, got.Minor) {
			t.Fatalf("%q: read %q, not words of the text", text, got.Minor)
		}
		if b := rules.ReadTextBirthMinor(text, filed); b != "" && (!strings.Contains(text, b) || !strings.HasSuffix(b, "出生")) {
			t.Fatalf("%q: birth %q, not a birth date of the text", text, b)
		}
		if rules.ReadTextFacts(text+"。被告人王某，男，年仅十七周岁。").Minor == "" {
			t.Fatalf("%q + a defendant of seventeen: no minor read", text)
		}
		if got.Minor == "" && rules.ReadTextFacts(text+"。被害人李某年仅十四周岁。").Minor != "" {
			t.Fatalf("%q + a victim of fourteen: minor read", text)
		}
		if rules.ReadTextFacts(text+"。辩护人对适用简易程序提出异议。").RepresentativeObjects == "" {
			t.Fatalf("%q + the defender's objection: not read", text)
		}
	})
}
