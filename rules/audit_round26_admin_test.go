package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Round 26 of the statute audit (2026-12-05): administrative filings. Every
// row was written from the texts before fenjian was run:
//
//   - 行政诉讼法第八十二条第一款第二项: "案件涉及款额二千元以下的". A complaint
//     that states a sum of money the case is about (罚款, 没收, 补偿款, 费, 金
//     …) above two thousand yuan, against an amount field of two thousand or
//     less, leaves the item unproven: the stricter reading wins (the item is
//     not counted) and the amount is reviewed. A sum the text states below
//     the field's never counts the item (a reading only closes), nor does a
//     sum beside no word of money (月收入3000元).
//   - 行政诉讼法第十五条第一项: "对国务院部门或者县级以上地方人民政府所作的行政行为
//     提起诉讼的案件" go to the intermediate court. Complaints write the
//     departments short (市场监管总局, 国家发展改革委, 人社部, 中国证监会) and the
//     governments short (杭州市政府, 西湖区政府, 县政府): read as the full names
//     are (rounds 24–25), reviewed at a basic court. A name a local body also
//     bears (发改委, 国资委, 药监局) is read only with 国家 or 国务院 before it;
//     a 公安局, a 镇政府 or a government's 办公厅 is no such defendant. 被告人社部
//     and 被告人力资源和社会保障部 name the ministry after 被告, not a 被告人.

// Codes added in round 26 (administrative), as literals so that the table
// compiles (and fails) without the change.
const r26AdminAmount = "REVIEW_ADMIN_TEXT_AMOUNT"

// TestAuditRound26Admin: filings.
func TestAuditRound26Admin(t *testing.T) { runTable(t, audit26AdminCases(t)) }

func audit26AdminCases(tb testing.TB) []tcase {
	_, a, _ := auditBuilders(tb) // 行政处罚 ¥5,000, 杭州市西湖区 (basic), filed 2024-03-05
	const (
		small   = "ALL82_SMALL_AMOUNT"
		notQual = "ALL82_NOT_QUALIFIED"
		agreed  = "ALL82_AGREEMENT"
		spot    = "ALL82_ACT_ON_THE_SPOT"
	)
	// over: the field says ¥1,500, the text a larger sum of the case: the
	// item is not counted, and reviewed.
	over := func(name, words string, mods ...mod) tcase {
		return tcase{name: name, filing: a(append([]mod{yuan(1500), text(words)}, mods...)...), avail: av(pSimp, avU, pOrd, avA), review: ptr(true),
			fires: []string{at(locSimp, notQual), at(locReview, r26AdminAmount)}, silent: []string{at(locSimp, small)}}
	}
	quiet := []string{at(locReview, r26AdminAmount)}
	jur := func(name, date, partyName, words, code string) tcase {
		ms := []mod{filedOn(date), cm.agreeS}
		if partyName != "" {
			ms = append(ms, named(1, partyName))
		}
		if words != "" {
			ms = append(ms, text(words))
		}
		c := tcase{name: name, filing: a(ms...), silent: []string{at(locReview, r24Admin15), at(locReview, r25Admin1989), at(locReview, r25Customs)}}
		if date >= "2015-05-01" && code == "" {
			c.avail = av(pSimp, avA, pOrd, avA)
		} else {
			// Before 2015-05-01 no simplified procedure; from it, a
			// reviewed defendant's case closes it at the basic court
			// (statute round 32, 第二十二条).
			c.avail = av(pSimp, avU, pOrd, avA)
		}
		if code != "" {
			c.fires, c.review = []string{at(locReview, code)}, ptr(true)
			c.silent = nil
		}
		return c
	}
	return []tcase{
		// --- 1. 行政诉讼法第八十二条第一款第二项: the sum in the complaint ---
		over("field ¥1,500, text 罚款5000元", "诉讼请求：撤销被告作出的罚款5000元的处罚决定。"),
		over("field ¥1,500, text 罚款五千元", "请求撤销被告对原告罚款五千元的处罚决定。"),
		over("field ¥1,500, text 罚款1500元并没收违法所得8000元", "被告对原告罚款1500元，并没收违法所得8000元。原告不服，请求撤销。"),
		over("field ¥1,500, text 补偿款1.2万元", "请求判令被告支付补偿款1.2万元。"),
		{name: "field ¥1,500, text 罚款5000元, parties agree (¶2): open, reviewed", filing: a(yuan(1500), cm.agreeS, text("请求撤销被告罚款5000元的决定。")),
			avail: av(pSimp, avA), review: ptr(true), fires: []string{at(locSimp, agreed), at(locReview, r26AdminAmount)}, silent: []string{at(locSimp, small)}},
		{name: "field ¥1,500, text 罚款5000元, on the spot (¶1(1)): open, reviewed", filing: a(yuan(1500), cm.spot, text("请求撤销被告当场作出的罚款5000元的决定。")),
			avail: av(pSimp, avA), review: ptr(true), fires: []string{at(locSimp, spot), at(locReview, r26AdminAmount)}, silent: []string{at(locSimp, small)}},
		{name: "near miss: field ¥1,500, text 罚款1500元", filing: a(yuan(1500), text("请求撤销被告罚款1500元的决定。")),
			avail: av(pSimp, avA), fires: []string{at(locSimp, small)}, silent: quiet},
		{name: "near miss: field ¥1,500, text 罚款二千元 (二千元以下)", filing: a(yuan(1500), text("请求撤销被告罚款二千元的决定。")),
			avail: av(pSimp, avA), fires: []string{at(locSimp, small)}, silent: quiet},
		{name: "near miss: 月收入3000元 is no sum of the case", filing: a(yuan(1500), text("原告月收入3000元，被告对其罚款1500元，请求撤销。")),
			avail: av(pSimp, avA), fires: []string{at(locSimp, small)}, silent: quiet},
		{name: "never opens: field 0, text 罚款1500元", filing: a(fen(0), text("请求撤销被告罚款1500元的决定。")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, notQual)}, silent: []string{at(locSimp, small), at(locReview, r26AdminAmount)}},
		{name: "never opens: field ¥5,000, text 罚款1500元", filing: a(yuan(5000), text("请求撤销被告罚款1500元的决定。")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, notQual)}, silent: []string{at(locSimp, small), at(locReview, r26AdminAmount)}},

		// --- 2. 行政诉讼法第十五条第一项: short names ---
		jur("市场监管总局 in the text", "2024-03-05", "", "请求撤销被告市场监管总局作出的处罚决定。", r24Admin15),
		jur("国家发展改革委 as the party", "2024-03-05", "国家发展改革委", "", r24Admin15),
		jur("中国证监会 in the text", "2024-03-05", "", "请求撤销被告中国证监会作出的行政处罚决定。", r24Admin15),
		jur("国务院国资委 as the party", "2024-03-05", "国务院国资委", "", r24Admin15),
		jur("被告人社部 (after 被告, not a 被告人)", "2024-03-05", "", "请求撤销被告人社部作出的决定。", r24Admin15),
		jur("被告人力资源和社会保障部 (the full name, after 被告)", "2024-03-05", "", "请求确认被告人力资源和社会保障部不履行法定职责违法。", r24Admin15),
		jur("杭州市政府 as the party", "2024-03-05", "杭州市政府", "", r24Admin15),
		jur("西湖区政府 in the text", "2024-03-05", "", "请求撤销被告西湖区政府作出的征收决定。", r24Admin15),
		jur("被告县政府 in the text", "2024-03-05", "", "请求确认被告县政府强制拆除行为违法。", r24Admin15),
		jur("1989 art. 14(2): 浙江省政府 (2010)", "2010-06-01", "浙江省政府", "", r25Admin1989),
		jur("near miss: 杭州市政府 in 2000 (1989 art. 14 named 省级 only)", "2000-01-04", "杭州市政府", "", ""),
		jur("near miss: 杭州市公安局 in the text", "2024-03-05", "", "请求撤销被告杭州市公安局作出的处罚决定。", ""),
		jur("near miss: 公安局 as the party", "2024-03-05", "公安局", "", ""),
		jur("near miss: 三墩镇政府 (below the county)", "2024-03-05", "", "请求撤销被告三墩镇政府作出的决定。", ""),
		jur("near miss: 杭州市政府办公厅 (a department)", "2024-03-05", "", "请求撤销被告杭州市政府办公厅作出的答复。", ""),
		jur("near miss: 被告未执行区政府批复 (not a name)", "2024-03-05", "", "被告未执行区政府批复，请求判令其履行职责。", ""),
		jur("near miss: 杭州市发改委 (a local commission)", "2024-03-05", "", "请求撤销被告杭州市发改委作出的决定。", ""),
		jur("near miss: 被告人王某 in the text", "2024-03-05", "", "被告人王某曾向市政府举报。", ""),
	}
}

// TestAuditRound26AdminOutcomes: the court's choice of simplified procedure
// under ¶1(2) is refused when the complaint states a 罚款 of ¥5,000 against
// a field of ¥1,500; a text that agrees stands.
func TestAuditRound26AdminOutcomes(t *testing.T) {
	e := defaultEngine(t)
	_, a, _ := auditBuilders(t)
	basis := func(s string) omod { return func(o *triagev1.Outcome) { o.LegalBasis = s } }
	runR24Outcomes(t, e, []r24Outcome{
		{outcomeRow{"small amount, text 罚款5000元", a(yuan(1500), text("请求撤销被告罚款5000元的决定。")), pOrd,
			outcome(chOver, pSimp, basis("行政诉讼法第八十二条第一款第二项"), on("2024-03-05")), rules.RuleProcedureExcluded}, "第八十二条"},
		{outcomeRow{"small amount, text 罚款1500元 (near miss)", a(yuan(1500), text("请求撤销被告罚款1500元的决定。")), pSimp,
			outcome(chConf, pSimp, basis("行政诉讼法第八十二条第一款第二项"), on("2024-03-05")), ""}, ""},
	})
}

// TestReadAdminTextAmount: the sums ReadAdminTextAmount reads, alone.
func TestReadAdminTextAmount(t *testing.T) {
	for _, c := range []struct {
		text string
		fen  int64
	}{
		{"请求撤销被告罚款5000元的决定。", 5000_00},
		{"罚款五千元", 5000_00},
		{"被告对原告罚款1500元，并没收违法所得8000元。", 8000_00},
		{"支付补偿款1.2万元", 12000_00},
		{"原告月收入3000元。", 0},
		{"", 0},
	} {
		if got := rules.ReadAdminTextAmount(c.text); got != c.fen {
			t.Errorf("%s: got %d, want %d", c.text, got, c.fen)
		}
	}
}

// FuzzReadAdminTextAmount: any text reads without a panic to a sum of no
// less than zero; a 罚款 of ¥5,000 appended in a sentence of its own is
// always read.
func FuzzReadAdminTextAmount(f *testing.F) {
	for _, s := range []string{"", "罚款", "元", "万元", "罚款1.5万", "罚款五千", "罚款9999999999999999999元", "款,元", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got := rules.ReadAdminTextAmount(text); got < 0 {
			t.Fatalf("%q: %d", text, got)
		}
		if got := rules.ReadAdminTextAmount(text + "。罚款5000元。"); got < 5000_00 {
			t.Fatalf("%q + 罚款5000元: %d", text, got)
		}
	})
}
