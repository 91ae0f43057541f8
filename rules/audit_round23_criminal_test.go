package rules_test

import (
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Round 23 of the statute audit (2026-12-05): the sentencing recommendation
// and the bars of the two basic-court procedures as indictments write them.
// Every row was written from the texts before the rules were read:
//
//   - 刑事诉讼法 (2018) 第二百一十四条至第二百一十六条 (simplified: admission,
//     no objection; bars 215(1)–(3); a panel "对可能判处的有期徒刑超过三年的"),
//     第二百二十二条 ("可能判处三年有期徒刑以下刑罚"), 第二百二十三条 (bars
//     (1)–(5)), 第二百二十五条 (一年), 第二十一条第二项 (无期徒刑、死刑);
//   - 刑诉法解释 (2021) 第三百六十条, 第三百七十条, 第五百六十六条;
//   - 刑法第十七条、第十八条第三款、第十九条 (who is a minor or impaired),
//     第六十九条 (数罪并罚: 总和刑期以下), 第七十二条 (缓刑), 第九十九条 (以上、
//     以下包括本数); the 1996 text's art. 174(1) (三年以下) by filing date.
//
// What a careful service does, and these tables require: the likely sentence
// is the heaviest the indictment states — a range's upper end, a term with
// 以上 and no end, every count under 数罪并罚 without the term to execute,
// every defendant's — whatever a field states lighter; a probation period is
// no prison term; a bar the text states about the defendant is a bar (and is
// reviewed); the same words about a victim or an accomplice not on trial
// are nothing.

// Codes added in round 23, as literals so that the tables compile (and
// fail) without the change.
const (
	r23InferText     = "INFER_SENTENCE_FROM_TEXT"
	r23Conflict      = "REVIEW_SENTENCE_TEXT_CONFLICT"
	r23Impaired      = "REVIEW_IMPAIRED_DEFENDANT_IN_TEXT"
	r23Minor         = "REVIEW_MINOR_DEFENDANT_IN_TEXT"
	r23CivilClaim    = "REVIEW_CIVIL_CLAIM_IN_TEXT"
	r23DisputeInText = "REVIEW_PLEA_DISPUTE_IN_TEXT"
)

// TestAuditRound23Criminal: filings.
func TestAuditRound23Criminal(t *testing.T) { runTable(t, audit23CriminalCases(t)) }

func audit23CriminalCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb)
	// Every row has an id that is no case number and the fixture's date
	// (2024-03-05) unless it needs another.
	n := 0
	says := func(text string, months int32, mods ...mod) *triagev1.Filing {
		n++
		return crim(months, append([]mod{id("JS-R23-" + strings.Repeat("x", n%7) + text[:min(len(text), 12)]), func(f *triagev1.Filing) { f.Text = text }}, mods...)...)
	}
	twoDefendants := setParties(0, 2)
	const (
		over3     = "CRPL222_SENTENCE_OVER_3_YEARS"
		unknownS  = "CRPL222_SENTENCE_UNKNOWN"
		panel     = "CRPL216_PANEL_REQUIRED"
		interm    = "CRPL21_INTERMEDIATE_JURISDICTION"
		reviewInt = "REVIEW_INTERMEDIATE_JURISDICTION"
		fromCh    = "INFER_SENTENCE_WITHIN_THREE_YEARS_FROM_CHARGE"
		cap1996   = "CRPL1996_174_SENTENCE_CAP"
		ftImp     = "CRPL223_IMPAIRED_DEFENDANT"
		simpImp   = "CRPL215_IMPAIRED_DEFENDANT"
		ftMinor   = "CRPL223_MINOR_DEFENDANT"
		consult   = "INTERP566_MINOR_REPRESENTATIVE_CONSULTED"
		settle    = "CRPL223_NO_VICTIM_SETTLEMENT"
		ftCo      = "CRPL223_CO_DEFENDANT_DISPUTE"
		simpCo    = "CRPL215_CO_DEFENDANT_DISPUTE"
		simpNoAdm = "CRPL214_NO_ADMISSION"
		ftNoAcc   = "CRPL222_NO_ACCEPTANCE"
		ftNoCons  = "CRPL222_NO_CONSENT"
	)
	// heavier: the text's recommendation crosses three years where the
	// field's does not: no fast-track (CrPL 222), a panel for simplified
	// procedure (CrPL 216), reviewed when the field stated a lighter one.
	heavier := func(name, text string, months int32, mods ...mod) tcase {
		c := tcase{name: name, filing: says(text, months, mods...),
			avail: av(pFT, avU, pSimp, avA),
			fires: []string{at(locFT, over3), at(locSimp, panel), at(locInfer, r23InferText)}}
		if months > 0 {
			c.fires = append(c.fires, at(locReview, r23Conflict))
		} else {
			c.silent = []string{at(locReview, r23Conflict)}
		}
		return c
	}
	// same: the text states what the field does (in other words): nothing changes.
	same := func(name, text string, months int32, mods ...mod) tcase {
		return tcase{name: name, filing: says(text, months, mods...),
			avail:  av(pFT, avA, pSimp, avA),
			silent: []string{at(locFT, over3), at(locSimp, panel), at(locInfer, r23InferText), at(locReview, r23Conflict)}}
	}
	quiet := []string{at(locReview, r23Impaired), at(locReview, r23Minor), at(locReview, r23CivilClaim), at(locReview, r23DisputeInText)}
	nothing := func(name, text string, mods ...mod) tcase {
		return tcase{name: name, filing: says(text, 24, mods...), avail: av(pFT, avA, pSimp, avA), silent: quiet}
	}
	return []tcase{
		// --- 1. The recommendation as written (CrPL 222, 216; 刑法第六十九条) ---
		heavier("range crossing three years, field its lower end: 二年六个月至三年六个月", "建议判处被告人有期徒刑二年六个月至三年六个月，并处罚金。", 30),
		heavier("range crossing three years, field 36: 三年至四年 (a real filing's words)", "公诉机关建议对其判处有期徒刑三年至四年，并处罚金人民币三千元。", 36),
		heavier("bare first number: 三至五年", "建议对其在有期徒刑三至五年之间量刑。", 24),
		heavier("三年以上, no field", "建议判处被告人三年以上有期徒刑。", 0),
		heavier("三年以上, field 36", "建议判处被告人三年以上有期徒刑。", 36),
		heavier("三年左右, field 36", "建议判处被告人有期徒刑三年左右。", 36),
		heavier("数罪并罚 without the term to execute: 二年 + 二年", "建议以盗窃罪判处被告人有期徒刑二年，以诈骗罪判处有期徒刑二年，数罪并罚。", 24),
		heavier("two defendants, the other's term: 二年 and 四年", "建议对被告人甲判处有期徒刑二年，对被告人乙判处有期徒刑四年。", 24, twoDefendants),
		{name: "a unit's fine (the field) and its manager's term (单位犯罪)", filing: says("建议对被告单位判处罚金人民币五十万元，对被告人张某判处有期徒刑四年。", 0, sentenceKind(fineOnly, 0)),
			avail: av(pFT, avU, pSimp, avA), fires: []string{at(locFT, over3), at(locSimp, panel), at(locReview, r23Conflict)}},
		heavier("digits: 3年6个月", "建议判处有期徒刑3年6个月。", 24),
		heavier("months in words: 四十二个月", "建议判处有期徒刑四十二个月。", 24),
		heavier("full-width digits: ３年６个月", "建议判处有期徒刑３年６个月。", 24),
		heavier("三年零一个月", "建议判处有期徒刑三年零一个月。", 36),
		heavier("field 拘役, text 有期徒刑四年", "建议判处有期徒刑四年。", 4, sentenceKind(detention, 4)),
		heavier("field 缓刑 36, text three years and a half", "建议判处有期徒刑三年六个月。", 36, sentenceKind(suspended, 36)),
		heavier("量刑意见 instead of 建议", "公诉机关的量刑意见为有期徒刑三年至四年。", 36),
		{name: "数罪并罚 with a charge's ceiling: 危险驾驶罪 cause, 盗窃 count in the text", filing: says("建议以危险驾驶罪判处拘役四个月，以盗窃罪判处有期徒刑三年六个月，数罪并罚。", 0, cause("危险驾驶罪")),
			avail: av(pFT, avU), fires: []string{at(locFT, over3), at(locInfer, r23InferText)}, silent: []string{at(locInfer, fromCh)}},
		{name: "无期徒刑 in the text at a basic court (CrPL 21(2))", filing: says("建议判处被告人无期徒刑，剥夺政治权利终身。", 0),
			avail: av(pFT, avU, pSimp, avU), fires: []string{at(locSimp, interm), at(locReview, reviewInt), at(locInfer, r23InferText)}},
		{name: "死刑缓期二年执行 in the text, field 120", filing: says("建议判处被告人死刑，缓期二年执行。", 120),
			avail: av(pFT, avU, pSimp, avU), fires: []string{at(locSimp, interm), at(locReview, r23Conflict)}},
		{name: "1996 text: 三年至五年 closes art. 174(1) on 2010-05-01", filing: says("建议判处有期徒刑三年至五年。", 24, filedOn("2010-05-01")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, cap1996), at(locInfer, r23InferText)}},
		// Near misses: the text states what the field does, or no prison term.
		same("一年六个月 in words, field 18", "建议判处有期徒刑一年六个月。", 18),
		same("1年6个月 in digits, field 18", "建议判处有期徒刑1年6个月。", 18),
		same("十八个月, field 18", "建议判处有期徒刑十八个月。", 18),
		same("一年半, field 18", "建议判处有期徒刑一年半。", 18),
		same("三年 and 缓刑四年: the probation is no term", "建议判处有期徒刑三年，缓刑四年。", 36),
		same("三年 and 剥夺政治权利四年", "建议判处有期徒刑三年，剥夺政治权利四年。", 36),
		same("六个月以上，一年六个月以下 (以上 closed by 以下)", "建议对其判处六个月以上，一年六个月以下有期徒刑，并处罚金。", 18),
		same("数罪并罚 with the term to execute: 决定执行二年六个月", "建议以盗窃罪判处有期徒刑二年，以诈骗罪判处有期徒刑一年，数罪并罚，决定执行有期徒刑二年六个月。", 30),
		same("拘役 and a fine: 拘役一至三个月，并处罚金一千元至二千元", "建议判处被告人拘役一至三个月，并处罚金一千元至二千元。", 3, sentenceKind(detention, 3)),
		same("三年 exactly is within (刑法第九十九条)", "建议判处有期徒刑三年，并处罚金。", 36),
		same("a date in the allegation is no term", "2023年5月1日，被告人盗窃。建议判处有期徒刑一年。", 12),
		{name: "a lighter text never opens fast-track: field unstated, 有期徒刑一年", filing: says("建议判处有期徒刑一年。", 0),
			avail: av(pFT, avU), fires: []string{at(locFT, unknownS)}, silent: []string{at(locInfer, r23InferText)}},
		{name: "a lighter text never lightens the field: 48 months, text 二年", filing: says("建议判处有期徒刑二年。", 48),
			avail: av(pFT, avU), fires: []string{at(locFT, over3), at(locSimp, panel)}, silent: []string{at(locInfer, r23InferText), at(locReview, r23Conflict)}},
		{name: "危险驾驶罪 with 拘役二个月 in the text keeps its ceiling", filing: says("建议判处拘役二个月，并处罚金。", 0, cause("危险驾驶罪")),
			avail: av(pFT, avA), fires: []string{at(locInfer, fromCh)}, silent: []string{at(locInfer, r23InferText)}},
		{name: "一年左右, field 12: over one year (CrPL 225), fast-track open", filing: says("建议判处被告人有期徒刑一年左右。", 12),
			avail: av(pFT, avA), review: ptr(false), fires: []string{at(locInfer, r23InferText)}, silent: []string{at(locFT, over3), at(locReview, r23Conflict)},
			extra: fastTrackExtension("本案量刑建议超过一年有期徒刑")},
		{name: "一年, field 12: not over one year (near miss)", filing: says("建议判处被告人有期徒刑一年。", 12),
			avail: av(pFT, avA), silent: []string{at(locInfer, r23InferText)}, extra: fastTrackExtension("对可能判处的有期徒刑超过一年的")},

		// --- 2. Bars the text states about the defendant (CrPL 215, 223) ---
		{name: "被告人…系聋哑人 (215(1), 223(1))", filing: says("被告人王某系聋哑人。2023年5月1日，被告人王某盗窃财物。", 24),
			avail: av(pFT, avU, pSimp, avU), review: ptr(true), fires: []string{at(locFT, ftImp), at(locSimp, simpImp), at(locReview, r23Impaired)}},
		{name: "被告人王某，系盲人", filing: says("被告人王某，系盲人，2023年5月1日盗窃财物。", 24),
			avail: av(pFT, avU, pSimp, avU), fires: []string{at(locReview, r23Impaired)}},
		{name: "经鉴定…限定刑事责任能力", filing: says("经鉴定，被告人王某患有精神分裂症，作案时具有限定刑事责任能力。", 24),
			avail: av(pFT, avU, pSimp, avU), fires: []string{at(locFT, ftImp), at(locReview, r23Impaired)}},
		{name: "被告人…作案时未满十八周岁 (223(2); Interp. 566)", filing: says("被告人李某作案时未满十八周岁。2023年5月1日，被告人李某盗窃财物。", 24),
			avail: av(pFT, avU, pSimp, avA), review: ptr(true), fires: []string{at(locFT, ftMinor), at(locSimp, consult), at(locReview, r23Minor)}},
		{name: "附带民事诉讼 without a settlement (223(5))", filing: says("附带民事诉讼原告人李某要求被告人王某赔偿医疗费等损失。", 24),
			avail: av(pFT, avU, pSimp, avA), review: ptr(true), fires: []string{at(locFT, settle), at(locReview, r23CivilClaim)}},
		{name: "a co-defendant denies the facts (223(4), 215(3))", filing: says("被告人李四对指控的犯罪事实有异议。", 24, twoDefendants),
			avail: av(pFT, avU, pSimp, avU), fires: []string{at(locFT, ftCo), at(locSimp, simpCo), at(locReview, r23DisputeInText)}},
		{name: "a co-defendant disputes the recommendation: fast-track only (223(4))", filing: says("被告人李四对量刑建议有异议。", 24, twoDefendants),
			avail: av(pFT, avU, pSimp, avA), fires: []string{at(locFT, ftCo), at(locReview, r23DisputeInText)}, silent: []string{at(locSimp, simpCo)}},
		{name: "a co-defendant refuses fast-track: fast-track only", filing: says("被告人李四不同意适用速裁程序。", 24, twoDefendants),
			avail: av(pFT, avU, pSimp, avA), fires: []string{at(locFT, ftCo)}, silent: []string{at(locSimp, simpCo)}},
		{name: "a co-defendant objects to simplified procedure (215(3))", filing: says("被告人李四对适用简易程序有异议。", 24, twoDefendants),
			avail: av(pSimp, avU), fires: []string{at(locSimp, simpCo)}},
		{name: "the one defendant denies the facts: no admission (214(2))", filing: says("被告人王某不认罪，辩称其未实施盗窃。", 24),
			avail: av(pFT, avU, pSimp, avU), fires: []string{at(locSimp, simpNoAdm), at(locReview, r23DisputeInText)}},
		{name: "the one defendant disputes the recommendation: no acceptance (222)", filing: says("被告人王某对量刑建议有异议。", 24),
			avail: av(pFT, avU, pSimp, avA), fires: []string{at(locFT, ftNoAcc)}},
		{name: "the one defendant refuses fast-track: no consent (222)", filing: says("被告人王某不同意适用速裁程序。", 24),
			avail: av(pFT, avU, pSimp, avA), fires: []string{at(locFT, ftNoCons)}},
		// Near misses: the same words of a victim, an accomplice not on
		// trial, a negation, a settlement.
		nothing("被害人李某系聋哑人", "被害人李某系聋哑人，被告人王某盗窃其财物。"),
		nothing("被告人…殴打聋哑人", "被告人王某殴打聋哑人李某。"),
		nothing("an accomplice 系未成年人，分案处理", "被告人王天超和方某（系未成年人，分案处理）、张某等人在饭店饮酒。"),
		nothing("被告人…容留未成年人", "被告人邹建辉在其出租屋内容留未成年人孙某某吸食甲基苯丙胺。"),
		nothing("被告人明知被害人未满十八周岁", "被告人王某明知被害人未满十八周岁仍与其交往。"),
		nothing("附带民事诉讼 settled: 达成调解协议", "附带民事诉讼原告人李某与被告人王某达成调解协议，王某已赔偿。"),
		nothing("未提起附带民事诉讼", "被害人未提起附带民事诉讼。"),
		nothing("对指控的犯罪事实没有异议", "被告人王某对指控的犯罪事实没有异议，自愿认罪认罚。"),
		nothing("认罪，对殴打的事实无异议", "被告人李正旺认罪，对殴打的事实无异议。"),
		nothing("被告人自愿认罪认罚 (the fixture's words)", "被告人醉酒驾驶机动车在道路上行驶，被告人自愿认罪认罚。"),
	}
}

// fastTrackExtension checks what the fast-track time limit says of its
// extension to fifteen days (CrPL 225: 可能判处的有期徒刑超过一年).
func fastTrackExtension(says string) func(t *testing.T, a *rules.Assessment) {
	return func(t *testing.T, a *rules.Assessment) {
		t.Helper()
		if got := a.Option(pFT).GetTimeLimit().GetExtension(); !strings.HasPrefix(got, says) {
			t.Errorf("fast-track extension %q, want it to start %q", got, says)
		}
	}
}

// TestReadTextSentence: the recommendation reader alone.
func TestReadTextSentence(t *testing.T) {
	for _, c := range []struct {
		text                 string
		found                bool
		days                 int
		unbounded, life, sum bool
	}{
		{"建议判处有期徒刑二年六个月至三年六个月。", true, 42 * 30, false, false, false},
		{"建议对其在有期徒刑三至五年之间量刑", true, 5 * 360, false, false, false},
		{"建议判处被告人三年以上有期徒刑", true, 36 * 30, true, false, false},
		{"建议判处有期徒刑一年左右", true, 361, false, false, false},
		{"建议判处有期徒刑1年6个月", true, 540, false, false, false},
		{"建议判处有期徒刑十八个月", true, 540, false, false, false},
		{"建议判处有期徒刑一年半", true, 540, false, false, false},
		{"建议判处有期徒刑六个半月", true, 195, false, false, false},
		{"建议判处拘役二个月十五日以上三个月十五日以下", true, 0, false, false, false},
		{"建议判处拘役五个月至有期徒刑八个月，可适用缓刑", true, 240, false, false, false},
		{"建议判处二个月至三个月拘役，并处罚金", true, 0, false, false, false},
		{"建议判处有期徒刑三年，缓刑四年", true, 1080, false, false, false},
		{"建议判处死刑，缓期二年执行", true, 0, false, true, false},
		{"建议以盗窃罪判处有期徒刑二年，以诈骗罪判处有期徒刑二年，数罪并罚", true, 1440, false, false, true},
		{"建议以盗窃罪判处有期徒刑二年，以诈骗罪判处有期徒刑一年，数罪并罚，决定执行有期徒刑二年六个月", true, 900, false, false, false},
		{"建议判处被告人拘役，并处罚金", true, 0, false, false, false},
		{"建议适用简易程序审理", false, 0, false, false, false},
		{"被告人于2023年5月1日盗窃", false, 0, false, false, false},
	} {
		got := rules.ReadTextSentence(c.text)
		if got.Found != c.found || got.MaxFixedDays != c.days || got.Unbounded != c.unbounded || got.LifeOrDeath != c.life || got.Summed != c.sum {
			t.Errorf("%s: got found=%v days=%d unbounded=%v life=%v summed=%v, want %v %d %v %v %v", c.text,
				got.Found, got.MaxFixedDays, got.Unbounded, got.LifeOrDeath, got.Summed, c.found, c.days, c.unbounded, c.life, c.sum)
		}
	}
}

// FuzzReadTextSentence: any text reads without a panic, and a recommendation
// of four years appended to it is always read as over three years (nothing
// before it can hide it).
func FuzzReadTextSentence(f *testing.F) {
	for _, s := range []string{"", "建议", "建议判处有期徒刑二年六个月至三年六个月", "缓刑", "三至", "一千零一十", "被告人王某系聋哑人", "附带民事诉讼", "建议判处有期徒刑三年以上"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		_ = rules.ReadTextFacts(text)
		got := rules.ReadTextSentence(text + "。建议判处有期徒刑四年。")
		if !got.Found || got.MaxFixedDays < 4*360 && !got.Unbounded && !got.LifeOrDeath {
			t.Fatalf("%q: four years not read: %+v", text, got)
		}
	})
}
