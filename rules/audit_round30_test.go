package rules_test

import (
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Round 30 of the statute audit (2026-12-05): criminal cases a basic court
// files that are not an ordinary public prosecution of one adult who
// pleads, as the filing's text states them when no field marks them.
// Written from the texts first, then run:
//
//   - 自诉 (刑事诉讼法第二百一十条; 刑诉法解释第三百一十六条至第三百三十四条):
//     fast-track is the procuratorate's (第二百二十二条第二款, 第二百二十六条),
//     simplified procedure is open (第二百一十四条 "基层人民法院管辖的案件").
//   - 缺席审判 (第二百九十一条至第二百九十七条): 第二百九十一条第二款 gives the
//     case to an intermediate court's panel; an absent defendant cannot be
//     asked in court or heard last (第二百一十七条, 第二百一十九条, 第二百二十
//     四条; 2012年修正 第二百一十一条, 第二百一十三条).
//   - 违法所得没收 (第二百九十八条, 第二百九十九条: 中级人民法院组成合议庭;
//     2012年修正 第二百八十条, 第二百八十一条).
//   - 强制医疗 (第三百零二条至第三百零四条: 应当组成合议庭; 2012年修正
//     第二百八十四条至第二百八十六条).
//   - 刑事附带民事公益诉讼: 人民陪审员法第十六条第二项 (七人合议庭, from
//     2018-04-27), so neither one judge nor simplified procedure.
//   - near misses: a co-offender absent and tried separately, 没收违法所得 as
//     a penalty, a private prosecution's reading never opening simplified
//     procedure before 2013 (the 1996 cap stays), 不属于自诉案件.

// Literals, so the table compiles (and fails) without the change.
const (
	privateInText    = "REVIEW_PRIVATE_PROSECUTION_IN_TEXT"
	absentia         = "CRPL291_TRIAL_IN_ABSENTIA"
	absentiaText     = "REVIEW_ABSENTIA_IN_TEXT"
	confiscation     = "CRPL299_CONFISCATION_APPLICATION"
	confiscationText = "REVIEW_CONFISCATION_IN_TEXT"
	medical          = "CRPL304_COMPULSORY_MEDICAL_PANEL"
	medicalText      = "REVIEW_COMPULSORY_MEDICAL_IN_TEXT"
	sevenPanel       = "ASSESSORS16_CRIMINAL_PUBLIC_INTEREST_SUIT"
	sevenPanelText   = "REVIEW_PUBLIC_INTEREST_SUIT_IN_TEXT"
)

// TestAuditRound30Criminal: filings.
func TestAuditRound30Criminal(t *testing.T) { runTable(t, audit30CriminalCases(t)) }

func audit30CriminalCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb) // 盗窃罪, admits, accepts, consents to fast-track; 杭州市上城区, 2024-03-05
	two := cm.twoDefendants
	none := sentenceKind(triagev1.SentenceKind_SENTENCE_KIND_UNSPECIFIED, 0)
	suzhou := courtIn("江苏省苏州市姑苏区人民法院", "江苏省")
	both := ftSimp
	quiet := func(name string, f *triagev1.Filing, ftWant, simpWant triagev1.Availability, silent ...string) tcase {
		return tcase{name: name, filing: f, avail: av(pFT, ftWant, pSimp, simpWant), silent: silent}
	}
	insult := cause("侮辱罪")
	return []tcase{
		// 自诉 in the text, no field (CrPL 210, 222 ¶2, 226; Interp. 369).
		both("自诉: 自诉人…向本院提起自诉, 侮辱罪", crim(0, none, insult, text("自诉人张某以被告人王某犯侮辱罪，于2024年3月1日向本院提起自诉。被告人王某认罪，同意适用速裁程序。")), avU, avA,
			at(locFT, "CRPL222_PRIVATE_PROSECUTION"), at(locReview, privateInText)),
		both("自诉: 自诉人李某诉称", crim(0, none, insult, text("自诉人李某诉称，被告人王某在微信群中公然侮辱自诉人。")), avU, avA, at(locFT, "CRPL222_PRIVATE_PROSECUTION")),
		both("自诉: 本案系自诉案件", crim(0, none, insult, text("本案系自诉案件，被告人王某对事实无异议。")), avU, avA, at(locFT, "CRPL222_PRIVATE_PROSECUTION")),
		both("自诉: 刑事自诉状", crim(0, none, cause("诽谤罪"), text("刑事自诉状。自诉人：张某。被告人：王某。")), avU, avA),
		both("自诉: 公诉转自诉 (CrPL 210(3))", crim(0, none, cause("故意伤害罪"), text("被害人张某因公安机关不予追究被告人王某的刑事责任，向本院提起自诉。")), avU, avA),
		both("自诉: 2018-10-26", crim(0, none, insult, filedOn("2018-10-26"), text("自诉人张某向本院提起自诉。")), avU, avA, at(locFT, "CRPL222_PRIVATE_PROSECUTION_CRPL2018")),
		both("自诉: 2021-03-01", crim(0, none, insult, filedOn("2021-03-01"), text("自诉人张某向本院提起自诉。")), avU, avA, at(locFT, "CRPL222_PRIVATE_PROSECUTION")),
		both("自诉: pilot 2016 (杭州 2017-03-01)", crim(0, none, insult, filedOn("2017-03-01"), text("自诉人张某向本院提起自诉。")), avU, avA, at(locFT, "PILOT_PRIVATE_PROSECUTION")),
		both("自诉: pilot 2014 (杭州 2015-03-02)", crim(0, none, insult, filedOn("2015-03-02"), text("自诉人张某向本院提起自诉。")), avU, avA, at(locFT, "PILOT2014_PRIVATE_PROSECUTION")),
		both("自诉: a minor defendant too", crim(0, none, insult, text("自诉人张某向本院提起自诉。被告人王某系未成年人。")), avU, avA, at(locFT, "CRPL223_MINOR_DEFENDANT")),
		both("自诉: 附带民事诉讼 unsettled", crim(0, none, insult, text("自诉人张某向本院提起自诉，并提起附带民事诉讼。")), avU, avA, at(locFT, "CRPL222_PRIVATE_PROSECUTION")),
		quiet("near miss: 本案不属于自诉案件", crim(10, text("本案不属于自诉案件，由公诉机关提起公诉。")), avA, avA, at(locReview, privateInText), at(locFT, "CRPL222_PRIVATE_PROSECUTION")),
		quiet("near miss: 被害人未提起自诉", crim(10, text("被害人张某未提起自诉。")), avA, avA, at(locReview, privateInText)),
		// The reading never opens simplified procedure (a private prosecution
		// before 2013 had no three-year cap: only the field says so).
		both("自诉 text 2010 苏州 (the 1996 cap stays: the text only closes)", crim(0, none, cause("故意伤害罪"), filedOn("2010-06-01"), suzhou, text("自诉人张某向本院提起自诉。")), avU, avU, at(locSimp, "CRPL1996_174_SENTENCE_CAP")),
		// 缺席审判 (CrPL 291 ¶2; 296; 217, 219, 224).
		both("缺席审判: 被告人在境外, 按照缺席审判程序提起公诉", crim(10, cause("贪污罪"), text("被告人王某现在境外，人民检察院按照缺席审判程序向本院提起公诉。")), avU, avU, at(locFT, absentia), at(locSimp, absentia), at(locReview, absentiaText)),
		both("缺席审判: 对被告人缺席审判 (CrPL 291)", crim(10, cause("受贿罪"), text("依照刑事诉讼法第二百九十一条的规定，对被告人王某缺席审判。")), avU, avU, at(locSimp, absentia)),
		both("缺席审理: 被告人患有严重疾病无法出庭 (CrPL 296)", crim(10, text("被告人王某因患有严重疾病无法出庭，中止审理超过六个月，其近亲属申请恢复审理，本院在被告人不出庭的情况下缺席审理。")), avU, avU, at(locSimp, absentia)),
		both("缺席审判: a co-defendant abroad", crim(10, two, cause("贪污罪"), text("被告人王某伙同被告人李某贪污公款，被告人李某在境外，对其缺席审判。")), avU, avU, at(locSimp, absentia)),
		both("缺席审判: 2015 (CrPL 2012 arts. 211, 213)", crim(10, suzhou, filedOn("2015-06-01"), text("对被告人王某缺席审判。")), avU, avU, at(locSimp, absentia)),
		quiet("near miss: 同案犯李某在逃，另案处理", crim(10, text("被告人王某伙同李某（在逃，另案处理）盗窃。")), avA, avA, absentia, at(locReview, absentiaText)),
		quiet("near miss: 附带民事部分缺席判决 (Interp. on the civil part)", crim(10, text("被告人王某认罪认罚。附带民事诉讼被告人赵某经传唤拒不到庭，附带民事部分缺席判决。")), avU, avA, absentia, at(locReview, absentiaText)),
		quiet("near miss: 被告人曾在境外务工", crim(10, text("被告人王某曾在境外务工，回国后盗窃。")), avA, avA, absentia, at(locReview, absentiaText)),
		quiet("near miss: 不适用缺席审判", crim(10, text("被告人王某已到案，不适用缺席审判程序。")), avA, avA, absentia, at(locReview, absentiaText)),
		// 违法所得没收 (CrPL 298, 299; 2012 arts. 280, 281).
		both("没收: 人民检察院提出没收违法所得的申请", crim(10, cause("贪污罪"), text("犯罪嫌疑人王某逃匿，通缉一年后不能到案，人民检察院向本院提出没收违法所得的申请。")), avU, avU, at(locFT, confiscation), at(locSimp, confiscation), at(locReview, confiscationText)),
		both("没收: 违法所得没收程序", crim(10, text("本案适用犯罪嫌疑人、被告人逃匿、死亡案件违法所得没收程序。")), avU, avU, at(locSimp, confiscation)),
		both("没收: 申请没收违法所得, 2016 (CrPL 2012 art. 281)", crim(10, suzhou, filedOn("2016-05-03"), text("检察机关申请没收犯罪嫌疑人王某的违法所得。")), avU, avU, at(locSimp, confiscation)),
		quiet("near miss: 建议判处…并没收违法所得 (a penalty)", crim(10, text("建议判处被告人王某有期徒刑十个月，并处罚金，没收违法所得。")), avA, avA, confiscation, at(locReview, confiscationText)),
		quiet("near miss: 依法追缴违法所得", crim(10, text("被告人王某的违法所得依法予以追缴。")), avA, avA, confiscation, at(locReview, confiscationText)),
		// 强制医疗 (CrPL 302–304; 2012 arts. 284–286).
		both("强制医疗: 申请对被申请人强制医疗", crim(10, cause("故意伤害罪"), text("人民检察院申请对被申请人王某强制医疗。")), avU, avU, at(locFT, medical), at(locSimp, medical), at(locReview, medicalText)),
		both("强制医疗: 审理中发现被告人符合强制医疗条件 (CrPL 303 ¶2)", crim(10, text("经鉴定，被告人王某可能符合强制医疗条件。")), avU, avU, at(locSimp, medical)),
		both("强制医疗: 2014 (CrPL 2012 art. 286)", crim(10, suzhou, filedOn("2014-04-01"), text("公诉机关提出强制医疗的申请。")), avU, avU, at(locSimp, medical)),
		quiet("near miss: 不符合强制医疗条件", crim(10, text("经鉴定，被告人王某具有完全刑事责任能力，不符合强制医疗条件。")), avA, avA, medical, at(locReview, medicalText)),
		quiet("near miss: 强制隔离戒毒", crim(10, text("被告人王某曾被强制隔离戒毒。")), avA, avA, medical, at(locReview, medicalText)),
		// 刑事附带民事公益诉讼 (人民陪审员法第十六条第二项, from 2018-04-27).
		both("公益诉讼: 一并提起附带民事公益诉讼", crim(10, cause("污染环境罪"), text("人民检察院以被告人王某犯污染环境罪提起公诉，并一并提起附带民事公益诉讼。")), avU, avU, at(locFT, sevenPanel), at(locSimp, sevenPanel), at(locReview, sevenPanelText)),
		both("公益诉讼: 刑事附带民事公益诉讼起诉书", crim(10, cause("销售假药罪"), text("刑事附带民事公益诉讼起诉书。被告人王某销售假药。")), avU, avU, at(locSimp, sevenPanel)),
		both("公益诉讼: 2018-04-27 (人民陪审员法 in force)", crim(10, suzhou, filedOn("2018-04-27"), text("检察机关提起刑事附带民事公益诉讼。")), avU, avU, at(locSimp, sevenPanel)),
		quiet("near miss: 公益诉讼 2018-04-26 (before 人民陪审员法)", crim(10, suzhou, filedOn("2018-04-26"), text("检察机关提起刑事附带民事公益诉讼。")), avU, avA, sevenPanel, at(locReview, sevenPanelText)),
		quiet("near miss: 未提起附带民事公益诉讼", crim(10, text("检察机关未提起附带民事公益诉讼。")), avA, avA, sevenPanel, at(locReview, sevenPanelText)),
		// Checked: other special cases as the text states them (earlier rounds).
		both("发回重审 in the text (CrPL 239)", crim(10, text("本案经二审裁定撤销原判，发回重审。")), avU, avA, at(locReview, "REVIEW_REMANDED_IN_TEXT")),
		both("再审 in the text (CrPL 256)", crim(10, text("本院决定对本案进行再审。")), avU, avA, at(locReview, "REVIEW_RETRIAL_IN_TEXT")),
		both("可能判处无期徒刑 in the text (CrPL 21)", crim(10, cause("故意杀人罪"), text("被告人王某可能判处无期徒刑。")), avU, avU, at(locSimp, "CRPL21_INTERMEDIATE_JURISDICTION")),
		both("重大社会影响 in the text (Interp. 360(3), 370(4))", crim(10, text("本案有重大社会影响。")), avU, avU),
		both("法定代理人 objects for a minor (Interp. 566)", crim(10, party(0, minor), text("被告人王某的法定代理人对适用简易程序提出异议。")), avU, avU, at(locSimp, "INTERP566_REPRESENTATIVE_OBJECTS")),
		both("附带民事诉讼 unsettled (Interp. 370(6))", crim(10, text("被害人张某提起附带民事诉讼，双方未达成调解协议。")), avU, avA),
	}
}

// TestReadSpecialProceedings: the parser on its own, the near misses
// included.
func TestReadSpecialProceedings(t *testing.T) {
	for _, c := range []struct {
		text string
		want rules.SpecialProceedings
	}{
		{"自诉人张某向本院提起自诉。", rules.SpecialProceedings{Private: "自诉人"}},
		{"被害人向本院提起自诉。", rules.SpecialProceedings{Private: "提起自诉"}},
		{"刑事自诉状", rules.SpecialProceedings{Private: "自诉状"}},
		{"被害人张某未提起自诉。", rules.SpecialProceedings{}},
		{"被害人有权提起自诉。", rules.SpecialProceedings{}},
		{"本案不属于自诉案件。", rules.SpecialProceedings{}},
		{"被害人自诉头部疼痛。", rules.SpecialProceedings{}},
		{"被告人对事实无异议。对被告人缺席审判。", rules.SpecialProceedings{Absentia: "缺席审判"}},
		{"不适用缺席审判程序。", rules.SpecialProceedings{}},
		{"附带民事部分缺席判决。", rules.SpecialProceedings{}},
		{"本院缺席审理。", rules.SpecialProceedings{Absentia: "缺席审理"}},
		{"提出没收违法所得的申请。", rules.SpecialProceedings{Confiscation: "没收违法所得的申请"}},
		{"检察机关申请没收王某的违法所得。", rules.SpecialProceedings{Confiscation: "申请没收"}},
		{"公诉机关申请没收作案工具，违法所得已退赔。", rules.SpecialProceedings{}},
		{"建议判处罚金，没收违法所得。", rules.SpecialProceedings{}},
		{"申请对被申请人强制医疗。", rules.SpecialProceedings{Medical: "强制医疗"}},
		{"不符合强制医疗条件。", rules.SpecialProceedings{}},
		{"一并提起附带民事公益诉讼。", rules.SpecialProceedings{PublicInterestSuit: "附带民事公益诉讼"}},
		{"未提起刑事附带民事公益诉讼。", rules.SpecialProceedings{}},
	} {
		if got := rules.ReadSpecialProceedings(c.text); got != c.want {
			t.Errorf("ReadSpecialProceedings(%q) = %+v, want %+v", c.text, got, c.want)
		}
	}
}

// FuzzReadSpecialProceedings: every word read is the text's; a tail stating
// each proceeding is read after any text; a tail of near misses adds none.
func FuzzReadSpecialProceedings(f *testing.F) {
	for _, s := range []string{"", "不", "有权", "自诉", "缺席", "申请没收", "强制医", "附带民事", "未提起刑事", "\xff\xfe", "自诉人张某。", "申请没收违法"} {
		f.Add(s)
	}
	const (
		stated = "。自诉人张某向本院提起自诉。对被告人缺席审判。人民检察院提出没收违法所得的申请。申请对被申请人强制医疗。一并提起附带民事公益诉讼。"
		misses = "。本案不属于自诉案件，不适用缺席审判程序，不符合强制医疗条件，未提起附带民事公益诉讼。建议判处罚金，没收违法所得。被害人自诉头痛。"
	)
	f.Fuzz(func(t *testing.T, text string) {
		got := rules.ReadSpecialProceedings(text)
		for _, w := range []string{got.Private, got.Absentia, got.Confiscation, got.Medical, got.PublicInterestSuit} {
			if w != "" && !strings.Contains(text, w) {
				t.Fatalf("%q: read %q, not words of the text", text, w)
			}
		}
		all := rules.ReadSpecialProceedings(text + stated)
		if all.Private == "" || all.Absentia == "" || all.Confiscation == "" || all.Medical == "" || all.PublicInterestSuit == "" {
			t.Fatalf("%q + stated: %+v, want every proceeding read", text, all)
		}
		if near := rules.ReadSpecialProceedings(text + misses); near != got {
			t.Fatalf("%q + near misses: %+v, want %+v", text, near, got)
		}
	})
}
