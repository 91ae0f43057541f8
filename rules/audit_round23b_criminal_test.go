package rules_test

import (
	"strings"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Round 23b of the statute audit (2026-12-05): what round 23 left unread in
// a criminal filing's text. Every row was written from the texts first:
//
//   - 刑事诉讼法 (2018) 第二百一十五条第一项, 第二百二十三条第一项 ("尚未完全
//     丧失辨认或者控制自己行为能力的精神病人"), 第二百二十三条第二项 (未成年
//     人), 第二百二十二条 (三年有期徒刑以下; 审判员一人独任审判), 第二百三十
//     九条 ("原审人民法院对于发回重新审判的案件，应当另行组成合议庭");
//   - 刑诉法解释 (2021) 第一百四十六条 (责任年龄 by the birth date),
//     第三百七十七条, 第五百五十条, 第五百六十六条;
//   - 刑法第十七条 (未满十八周岁), 第十八条 (精神病人; 间歇性的精神病人在
//     精神正常的时候犯罪，应当负刑事责任).
//
// A 周岁 is counted by the calendar from the day after the birthday
// (最高人民法院关于审理未成年人刑事案件具体应用法律若干问题的解释第二条):
// on his eighteenth birthday a defendant is still under eighteen, the day
// after he is not.
//
// The text only makes an answer stricter: each row that reads something
// closes a procedure and is reviewed; the near misses change nothing.

// Codes added in round 23b, as literals so that the tables compile (and
// fail) without the change.
const r23bRemanded = "REVIEW_REMANDED_IN_TEXT"

// TestAuditRound23bCriminal: filings.
func TestAuditRound23bCriminal(t *testing.T) { runTable(t, audit23bCriminalCases(t)) }

func audit23bCriminalCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb)
	n := 0
	says := func(text string, months int32, mods ...mod) *triagev1.Filing {
		n++
		return crim(months, append([]mod{id("JS-R23B-" + strings.Repeat("y", n%7) + text[:min(len(text), 12)]), func(f *triagev1.Filing) { f.Text = text }}, mods...)...)
	}
	const (
		over3    = "CRPL222_SENTENCE_OVER_3_YEARS"
		panel    = "CRPL216_PANEL_REQUIRED"
		ftImp    = "CRPL223_IMPAIRED_DEFENDANT"
		simpImp  = "CRPL215_IMPAIRED_DEFENDANT"
		ftMinor  = "CRPL223_MINOR_DEFENDANT"
		consult  = "INTERP566_MINOR_REPRESENTATIVE_CONSULTED"
		ftRem    = "CRPL239_REMANDED_FAST_TRACK_BARRED"
		simpRem  = "CRPL239_REMANDED_NEW_PANEL"
		simpR12  = "CRPL2012_228_REMANDED_NEW_PANEL"
		r23Infer = "INFER_SENTENCE_FROM_TEXT"
	)
	// heavier: a recommendation over three years the text states under a
	// mark round 23 did not read (CrPL 222, 216).
	heavier := func(name, text string, months int32) tcase {
		c := tcase{name: name, filing: says(text, months),
			avail: av(pFT, avU, pSimp, avA),
			fires: []string{at(locFT, over3), at(locSimp, panel), at(locInfer, r23Infer)}}
		if months > 0 {
			c.fires = append(c.fires, at(locReview, r23Conflict))
		}
		return c
	}
	// impaired: CrPL 215(1), 223(1) close both procedures, reviewed.
	impaired := func(name, text string) tcase {
		return tcase{name: name, filing: says(text, 24),
			avail: av(pFT, avU, pSimp, avU), review: ptr(true),
			fires: []string{at(locFT, ftImp), at(locSimp, simpImp), at(locReview, r23Impaired)}}
	}
	// minor: CrPL 223(2) closes fast-track; simplified on consulting the
	// representative (Interp. 566), reviewed.
	minor := func(name, text string, mods ...mod) tcase {
		return tcase{name: name, filing: says(text, 24, mods...),
			avail: av(pFT, avU, pSimp, avA), review: ptr(true),
			fires: []string{at(locFT, ftMinor), at(locSimp, consult), at(locReview, r23Minor)}}
	}
	// remanded: CrPL 239: a new panel, so no fast-track (one judge, CrPL
	// 222) and simplified procedure only as a panel; reviewed.
	remanded := func(name, text string, mods ...mod) tcase {
		return tcase{name: name, filing: says(text, 24, mods...),
			avail: av(pFT, avU, pSimp, avA), review: ptr(true),
			fires: []string{at(locFT, ftRem), at(locSimp, simpRem), at(locReview, r23bRemanded)}}
	}
	quiet := []string{at(locReview, r23Impaired), at(locReview, r23Minor), at(locReview, r23bRemanded),
		at(locFT, over3), at(locInfer, r23Infer)}
	nothing := func(name, text string, mods ...mod) tcase {
		return tcase{name: name, filing: says(text, 24, mods...), avail: av(pFT, avA, pSimp, avA), silent: quiet}
	}
	return []tcase{
		// --- 1. Recommendations under other marks (CrPL 222, 216) ---
		heavier("提请判处 with a range crossing three years", "公诉机关提请判处被告人王某有期徒刑三年至四年。", 36),
		heavier("提请对被告人…判处", "提请对被告人王某判处有期徒刑四年，并处罚金。", 24),
		heavier("提请法院…判处, no field", "提请法院以盗窃罪判处被告人有期徒刑三年六个月。", 0),
		heavier("请求判处", "公诉机关请求判处被告人王某有期徒刑五年。", 24),
		heavier("请求对被告人…判处", "请求对被告人王某判处三年以上有期徒刑。", 36),
		heavier("求刑", "公诉机关对被告人王某求刑有期徒刑四年。", 24),
		// Read before (建议 is in them): asserted so that they stay read.
		heavier("量刑建议为", "公诉机关的量刑建议为有期徒刑三年至四年。", 36),
		heavier("建议对被告人…判处", "公诉机关建议对被告人王某判处有期徒刑四年。", 24),
		// Near misses: the real filings' 提请依法判处 with no term, a prior
		// sentence (累犯) in a sentence of its own.
		nothing("提请依法判处 with no term (a real filing's words)", "公诉机关认为，被告人郭某的行为已构成交通肇事罪，提请依法判处。"),
		nothing("请依法判处 after a prior sentence", "被告人王某曾因盗窃罪被判处有期徒刑五年，系累犯。提起公诉，请依法判处。"),
		nothing("提请批准逮捕 with a date", "2023年5月1日，公安机关提请批准逮捕被告人王某。"),

		// --- 2. A mentally ill defendant (CrPL 215(1), 223(1)) ---
		impaired("被告人…系精神病人", "被告人王某系精神病人。2023年5月1日，被告人王某盗窃财物。"),
		impaired("被告人…患有精神疾病", "被告人王某患有精神疾病，2023年5月1日盗窃财物。"),
		impaired("经鉴定，被告人…患有精神障碍", "经鉴定，被告人王某患有精神障碍。"),
		impaired("被告人…系间歇性精神病人", "被告人王某，系间歇性精神病人，2023年5月1日盗窃财物。"),
		impaired("被告人…作案时患精神分裂症", "经鉴定，被告人王某作案时患精神分裂症。"),
		// Near misses: full capacity stated, a victim's illness, a
		// negation, 精神药品.
		nothing("经鉴定具有完全刑事责任能力 (a real filing's words)", "被告人姜磊经鉴定具有完全刑事责任能力。"),
		nothing("精神障碍 with 完全刑事责任能力 in the same sentence", "经鉴定，被告人王某患有精神障碍，作案时具有完全刑事责任能力。"),
		nothing("间歇性精神病人 in a normal state, full capacity in the next sentence", "被告人王某系间歇性精神病人。经鉴定，王某作案时精神正常，具有完全刑事责任能力。"),
		nothing("被害人…患有精神发育迟滞 (a real filing's words)", "经鉴定，被害人吕某患有“轻度精神发育迟滞”，被告人燕某与其发生性关系。"),
		nothing("被告人…无精神病史", "被告人王某系无业人员，无精神病史。"),
		nothing("被告人…未患有精神疾病", "经鉴定，被告人王某未患有精神疾病。"),
		nothing("被告人…贩卖精神药品", "被告人顾斌斌向吸毒人员贩卖精神药品可待因。"),

		// --- 3. A minor by the birth date (刑法第十七条; CrPL 223(2)) ---
		minor("born 2005-03-01, offence 2022-06-10", "被告人王某，2005年3月1日出生。被告人王某于2022年6月10日盗窃财物。"),
		minor("男，born, offence on the 18th birthday (still under 18)", "被告人王某，男，2004年6月10日出生，汉族。被告人王某于2022年6月10日盗窃财物。"),
		minor("no offence date: the filing date (2024-03-05) under 18", "被告人王某，男，2006年5月1日出生。被告人王某多次盗窃财物。"),
		minor("two offences, the earlier under 18", "被告人王某，男，2004年9月1日出生。被告人王某于2022年8月1日、2023年1月5日两次盗窃财物。"),
		minor("full-width digits", "被告人王某，男，２００５年３月１日出生。被告人王某于２０２２年６月１０日盗窃财物。"),
		// Near misses: adult by one day, the victim's birth date, a
		// child's, a prior conviction as a minor, no day of birth.
		nothing("adult by one day (the day after the 18th birthday)", "被告人王某，男，2004年6月9日出生，汉族。被告人王某于2022年6月10日盗窃财物。"),
		nothing("the victim's birth date (a real filing's form)", "被告人王某于2017年10月2日将被害人李某（女、2001年8月25日出生）约至其出租房。"),
		nothing("被告人…趁被害人…（2007年1月16日出生）", "2017年5月11日，被告人赵某趁被害人李某（2007年1月16日出生）独自在家之际盗窃。"),
		nothing("a daughter's birth date in the defendant's clause", "被告人王某携其女儿（2011年10月20日出生）于2016年1月1日盗窃财物。"),
		nothing("an adult now, a prior conviction as a minor", "被告人王某，男，2003年1月1日出生。曾于2019年3月1日因盗窃被判处拘役三个月。被告人王某于2023年5月1日盗窃财物。"),
		nothing("year and month only", "被告人王某，男，2005年3月出生。被告人王某于2023年5月1日盗窃财物。"),
		nothing("an adult born 1990", "被告人王某，男，1990年3月1日出生。被告人王某于2023年5月1日盗窃财物。"),

		// --- 4. A remand stated only in the text (CrPL 239; Interp. 377) ---
		remanded("撤销原判，发回重审", "本院于2023年5月1日作出判决，被告人王某不服提出上诉，二审法院裁定撤销原判，发回重审。"),
		remanded("发回重新审判", "中级人民法院以原判事实不清为由，裁定撤销原判，发回本院重新审判。"),
		remanded("发回原审人民法院重新审判", "二审法院裁定撤销原判决，发回原审人民法院重新审判。"),
		{name: "2017 filing: the 2012 text's art. 228", filing: says("二审法院裁定撤销原判，发回重审。", 24, filedOn("2017-05-02")),
			avail: av(pSimp, avA), review: ptr(true), fires: []string{at(locSimp, simpR12), at(locReview, r23bRemanded)}, silent: []string{at(locFT, ftRem)}},
		// Near misses: a negation, and a reversal without a remand.
		nothing("不得再发回重新审判", "第二审人民法院不得再发回重新审判。"),
		nothing("驳回上诉，维持原判", "二审法院裁定驳回上诉，维持原判。"),
	}
}

// TestReadTextBirthMinor: the birth-date reader alone.
func TestReadTextBirthMinor(t *testing.T) {
	filed := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		text string
		want string
	}{
		{"被告人王某，2005年3月1日出生。被告人王某于2022年6月10日盗窃。", "2005年3月1日出生"},
		{"被告人王某，男，2004年6月10日出生。于2022年6月10日盗窃。", "2004年6月10日出生"},
		{"被告人王某，男，2004年6月9日出生。于2022年6月10日盗窃。", ""},
		{"被告人王某，男，2006年3月6日出生。", "2006年3月6日出生"},
		{"被告人王某，男，2006年3月5日出生。", "2006年3月5日出生"},
		{"被告人王某，男，2006年3月4日出生。", ""},
		{"被告人王某，男，2004年2月29日出生。于2022年2月28日盗窃。", "2004年2月29日出生"},
		{"被害人李某（2006年1月1日出生）", ""},
		{"被告人王某，男，2005年13月1日出生。", ""},
		{"被告人王某于2023年1月1日殴打被害人李某（2006年1月1日出生）。", ""},
	} {
		if got := rules.ReadTextBirthMinor(c.text, filed); got != c.want {
			t.Errorf("%s: got %q, want %q", c.text, got, c.want)
		}
	}
}

// FuzzReadTextBirthMinor: any text reads without a panic, and what it
// returns is a birth date the text states (YYYY年M月D日出生, as written).
func FuzzReadTextBirthMinor(f *testing.F) {
	for _, s := range []string{"", "被告人", "被告人王某，2005年3月1日出生。于2022年6月10日", "被告人王某，男，２００５年３月１日出生", "被告人王某，2005年2月30日出生", "于2022年1月1日", "被告人9999年99月99日出生"} {
		f.Add(s)
	}
	filed := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		got := rules.ReadTextBirthMinor(text, filed)
		if got != "" && (!strings.Contains(text, got) || !strings.HasSuffix(got, "出生")) {
			t.Fatalf("%q: read %q, not a birth date of the text", text, got)
		}
	})
}
