package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Round 29 of the statute audit (2026-12-05): criminal and administrative,
// written from the texts first, then run.
//
//   - The 2014 fast-track pilot (全国人大常委会授权决定 2014-06-27: cases of
//     "事实清楚，证据充分，被告人自愿认罪，当事人对适用法律没有争议" … "进一步
//     简化刑事诉讼法规定的相关诉讼程序") and the 2016 认罪认罚从宽 pilot (decision
//     2016-09-03; 试点办法 art. 16): the pilot's fast-track simplified CrPL
//     2012's procedure for cases that qualified for it; it was no procedure of
//     its own beside 简易程序, as CrPL 2018's 第三节 is. A defendant who
//     objects to simplified procedure (CrPL 2012 art. 208 ¶1(3)), or a
//     co-defendant who does (art. 209(3)), therefore closes the pilot's
//     fast-track too.
//   - CrPL 2012 arts. 208–215 and CrPL 2018 arts. 214–226, 刑法 arts. 17–19,
//     49, 刑诉法解释 (2021) arts. 359–377 across 2013–2026.
//   - 行政诉讼法 (1989) art. 14, (2014/2017) arts. 15, 82–84; 行诉法解释 (2018)
//     arts. 102–105.

// pilotObjects is this round's new code, as a literal so the table compiles
// (and fails) without the change.
const pilotObjects = "PILOT_OBJECTS_SIMPLIFIED"

// TestAuditRound29Criminal: filings.
func TestAuditRound29Criminal(t *testing.T) { runTable(t, audit29CriminalCases(t)) }

func audit29CriminalCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb) // 盗窃罪, admits, accepts, consents to fast-track; 杭州市上城区, 2024-03-05
	two := cm.twoDefendants
	p14 := filedOn("2015-03-02") // the 2014 pilot's first phase, 杭州 a pilot city
	p16 := filedOn("2017-03-01") // the 2016 pilot
	ft := func(name string, f *triagev1.Filing, want triagev1.Availability, fires ...string) tcase {
		return tcase{name: name, filing: f, avail: av(pFT, want), fires: fires}
	}
	// quiet rows keep PILOT_OBJECTS_SIMPLIFIED silent.
	quiet := func(name string, f *triagev1.Filing, want triagev1.Availability, fires ...string) tcase {
		return tcase{name: name, filing: f, avail: av(pFT, want), fires: fires, silent: []string{at(locFT, pilotObjects)}}
	}
	both := ftSimp
	return []tcase{
		// The pilots: an objection to simplified procedure.
		ft("pilot 2014: objects_simplified, consents to fast-track", crim(10, p14, cm.objects), avU, at(locFT, rules.CodePilot2014ObjectsSimplified)),
		ft("pilot 2014: text 对适用简易程序有异议", crim(10, p14, text("被告人王某认罪，同意适用速裁程序，但对适用简易程序有异议。")), avU, at(locFT, rules.CodePilot2014ObjectsSimplified)),
		ft("pilot 2014: co-defendant objects to simplified procedure", crim(10, p14, two, cm.coObjS), avU, at(locFT, rules.CodePilot2014ObjectsSimplified)),
		ft("pilot 2016: objects_simplified", crim(10, p16, cm.objects), avU, at(locFT, pilotObjects)),
		ft("pilot 2016: co-defendant objects to simplified procedure", crim(10, p16, two, cm.coObjS), avU, at(locFT, pilotObjects)),
		ft("pilot 2016: text 被告人李某对适用简易程序有异议", crim(10, p16, two, text("被告人王某伙同被告人李某盗窃，被告人李某对适用简易程序有异议。")), avU, at(locFT, pilotObjects)),
		ft("pilot 2016 last day 2018-10-25: objects_simplified", crim(10, filedOn("2018-10-25"), cm.objects), avU, at(locFT, pilotObjects)),
		ft("near miss: 2018-10-26 objects_simplified (CrPL 223 lists no such bar; reviewed)", crim(10, filedOn("2018-10-26"), cm.objects), avA, at(locReview, "REVIEW_PROCEDURE_WISHES_CONFLICT")),
		quiet("near miss: pilot 2014, no objection", crim(10, p14), avA, at(locFT, "PILOT2014_FAST_TRACK_ELIGIBLE")),
		quiet("near miss: pilot 2016, no objection", crim(10, p16), avA, at(locFT, "PILOT2016_FAST_TRACK_ELIGIBLE")),
		quiet("near miss: pilot 2016, objects to fast-track only (no consent)", crim(10, p16, cm.noConsent), avU, at(locFT, "PILOT_NO_CONSENT")),
		// The pilots: the defendant refuses fast-track, in the text.
		ft("pilot 2014: text 被告人不同意适用速裁程序", crim(10, p14, text("被告人王某认罪，但不同意适用速裁程序。")), avU),
		ft("pilot 2016: text 被告人拒绝适用速裁程序", crim(10, p16, text("被告人王某对指控事实无异议，拒绝适用速裁程序。")), avU),
		// The pilots: the parties dispute the law (the 2014 decision: 当事人对
		// 适用法律没有争议).
		ft("pilot 2014: 被告人对指控的罪名有异议", crim(10, p14, text("被告人王某对指控的犯罪事实无异议，但对指控的罪名有异议。")), avU),
		ft("pilot 2016: 被告人对指控的罪名提出异议", crim(10, p16, text("被告人王某对指控的罪名提出异议。")), avU),
		// A refusal in other words, today (CrPL 222 ¶1, 214 ¶1(3)).
		both("2024: 被告人拒绝适用速裁程序", crim(10, text("被告人王某认罪认罚，但拒绝适用速裁程序。")), avU, avA, at(locFT, "CRPL222_NO_CONSENT")),
		both("2024: 被告人不愿适用速裁程序", crim(10, text("被告人王某表示不愿适用速裁程序。")), avU, avA, at(locFT, "CRPL222_NO_CONSENT")),
		both("2024: 被告人要求适用普通程序审理", crim(10, text("被告人王某认罪认罚，要求适用普通程序审理。")), avU, avU, at(locFT, "CRPL222_NO_CONSENT"), at(locSimp, "CRPL214_DEFENDANT_OBJECTS")),
		both("2024: 被告人李某申请适用普通程序 (a co-defendant)", crim(10, two, text("被告人王某伙同被告人李某盗窃，被告人李某申请适用普通程序。")), avU, avU, at(locFT, "CRPL223_CO_DEFENDANT_DISPUTE"), at(locSimp, "CRPL215_CO_DEFENDANT_DISPUTE")),
		both("2024: 被告人拒绝适用简易程序", crim(10, text("被告人王某拒绝适用简易程序。")), avA, avU, at(locSimp, "CRPL214_DEFENDANT_OBJECTS")),
		both("2017 苏州: 被告人不同意简易程序 (CrPL 2012 art. 208 ¶1(3))", crim(10, filedOn("2017-05-02"), courtIn("江苏省苏州市姑苏区人民法院", "江苏省"), text("被告人王某不同意简易程序。")), avU, avU, at(locSimp, "CRPL2012_208_DEFENDANT_OBJECTS")),
		// Statute round 37: the first phase's code (its texts only).
		ft("pilot 2014: 被告人要求适用普通程序", crim(10, p14, text("被告人王某要求适用普通程序。")), avU, at(locFT, "PILOT2014_NO_CONSENT")),
		both("near miss: 本院依法适用普通程序 (the court's words)", crim(10, text("被告人王某认罪认罚。本院依法适用普通程序。")), avA, avA),
		both("near miss: 公诉机关建议适用普通程序", crim(10, text("被告人王某认罪认罚，公诉机关建议适用普通程序审理。")), avA, avA),
		both("near miss: 被告人不要求适用普通程序", crim(10, text("被告人王某同意适用速裁程序，不要求适用普通程序。")), avA, avA),
		both("near miss: 被害人不同意适用简易程序 (no defendant)", crim(10, text("被告人王某认罪认罚。被害人不同意适用简易程序。")), avA, avA),
		// CrPL 174 ¶1, 222: a 具结书 stated as not signed.
		both("2024: 被告人王某未签署认罪认罚具结书", crim(10, text("被告人王某对指控的犯罪事实无异议，但未签署认罪认罚具结书。")), avU, avA, at(locFT, "CRPL222_NO_ACCEPTANCE"), at(locReview, "REVIEW_PLEA_WITHDRAWN_IN_TEXT")),
		both("2024: 被告人李某没有签署具结书 (a co-defendant)", crim(10, two, text("被告人王某伙同被告人李某盗窃，被告人李某没有签署具结书。")), avU, avA, at(locFT, "CRPL223_CO_DEFENDANT_DISPUTE")),
		ft("pilot 2016: 被告人王某未签署具结书", crim(10, p16, text("被告人王某未签署具结书。")), avU, at(locFT, "PILOT_NO_GUILTY_PLEA")),
		both("near miss: 被告人王某已签署认罪认罚具结书", crim(10, text("被告人王某自愿认罪认罚，已签署认罪认罚具结书。")), avA, avA),
		both("near miss: 在值班律师见证下签署了认罪认罚具结书", crim(10, text("被告人王某在值班律师见证下签署了认罪认罚具结书。")), avA, avA),
		// Pilot boundaries (2014-08-22, 2016-11-16: the brief's dates; fenjian
		// opens the phases later, which only closes).
		ft("pilot 2014: 2014-08-22 (issue date reported; not opened)", crim(10, filedOn("2014-08-22")), avU),
		ft("pilot 2016: 2016-11-16 (not opened before 2016-11-30)", crim(10, filedOn("2016-11-16")), avU),
		ft("pilot 2014: 2014-08-26 opens", crim(10, filedOn("2014-08-26")), avA),
		ft("pilot 2014: 2016-08-22, lapsed", crim(10, filedOn("2016-08-22")), avU, at(locFT, "PILOT2014_LAPSED")),
		// Pilot 2014: the sentence and the offences.
		ft("pilot 2014: 13 months", crim(13, p14), avU, at(locFT, "PILOT2014_SENTENCE_OVER_1_YEAR")),
		ft("pilot 2014: exemption", crim(0, p14, sentenceKind(exemption, 0)), avU),
		ft("pilot 2014: 盗窃罪、妨害公务罪", crim(10, p14, cause("盗窃罪、妨害公务罪")), avU, at(locFT, "PILOT2014_OFFENCE_NOT_LISTED")),
		ft("pilot 2016: 38 months", crim(38, p16), avU, at(locFT, "PILOT2016_SENTENCE_OVER_3_YEARS")),
		ft("pilot 2016: outside the cities (苏州)", crim(10, p16, courtIn("江苏省苏州市姑苏区人民法院", "江苏省")), avU, at(locFT, "CRPL222_NOT_IN_FORCE")),
		// 刑法 arts. 17–19 in the text, in the pilots and today.
		ft("pilot 2016: 被告人系又聋又哑的人 (刑法第十九条)", crim(10, p16, text("被告人王某系又聋又哑的人，盗窃他人财物。")), avU),
		ft("2024: 被告人系又聋又哑的人", crim(10, text("被告人王某系又聋又哑的人，盗窃他人财物。")), avU),
		ft("2024: 被告人王某是尚未完全丧失辨认或者控制自己行为能力的精神病人", crim(10, text("经鉴定，被告人王某是尚未完全丧失辨认或者控制自己行为能力的精神病人。")), avU),
		ft("pilot 2014: 被告人作案时已满十六周岁不满十八周岁", crim(10, p14, text("被告人王某作案时已满十六周岁不满十八周岁。")), avU),
		ft("near miss: 已满七十五周岁 (刑法第十七条之一: no bar)", crim(10, text("被告人王某系已满七十五周岁的老年人。")), avA),
		// CrPL 2012 arts. 208–210, 2013–2018, outside the pilot cities.
		both("2013-01-01 苏州: 48 months, simplified open with a panel", crim(48, filedOn("2013-01-01"), courtIn("江苏省苏州市姑苏区人民法院", "江苏省")), avU, avA, at(locSimp, "CRPL2012_210_PANEL_REQUIRED")),
		both("2012-12-31 苏州: 48 months, the 1996 cap", crim(48, filedOn("2012-12-31"), courtIn("江苏省苏州市姑苏区人民法院", "江苏省")), avU, avU, at(locSimp, "CRPL1996_174_SENTENCE_CAP")),
		both("2015 苏州: 被告人李某不认罪 (CrPL 2012 art. 209(3))", crim(10, filedOn("2015-06-01"), two, courtIn("江苏省苏州市姑苏区人民法院", "江苏省"), text("被告人王某伙同被告人李某盗窃，被告人李某不认罪。")), avU, avU),
		// CrPL 2018 art. 216, the indictment's wording.
		both("2024: 建议在有期徒刑三年至三年六个月之间量刑", crim(36, text("公诉机关建议在有期徒刑三年至三年六个月之间量刑。")), avU, avA, at(locSimp, "CRPL216_PANEL_REQUIRED")),
		both("2024: 量刑建议：有期徒刑三年二个月", crim(0, sentenceKind(triagev1.SentenceKind_SENTENCE_KIND_UNSPECIFIED, 0), text("量刑建议：有期徒刑三年二个月。")), avU, avA, at(locSimp, "CRPL216_PANEL_REQUIRED")),
		both("2024: 建议判处3年2个月有期徒刑", crim(30, text("建议判处被告人王某3年2个月有期徒刑。")), avU, avA, at(locSimp, "CRPL216_PANEL_REQUIRED")),
		both("2024: 建议判处有期徒刑38个月", crim(30, text("建议判处被告人王某有期徒刑38个月。")), avU, avA),
		both("2024: 建议判处有期徒刑四年以下", crim(30, text("建议判处被告人王某有期徒刑四年以下。")), avU, avA),
		both("near miss: 有期徒刑三年，缓刑五年", crim(36, sentenceKind(suspended, 36), text("建议判处被告人王某有期徒刑三年，缓刑五年。")), avA, avA),
		// Interp. (2021) 360(5), 370(7) around 2021-03-01.
		both("2021-03-01: 辩护人作无罪辩护", crim(10, filedOn("2021-03-01"), text("辩护人作无罪辩护。")), avU, avU),
		// 刑法 art. 49 does not change the court: life stays the intermediate court's.
		both("2024: 审判时怀孕的妇女, 建议判处无期徒刑", crim(0, sentenceKind(life, 0), text("被告人王某审判时怀孕。")), avU, avU, at(locSimp, "CRPL21_INTERMEDIATE_JURISDICTION")),
	}
}

// TestAuditRound29Admin: administrative filings.
func TestAuditRound29Admin(t *testing.T) { runTable(t, audit29AdminCases(t)) }

func audit29AdminCases(tb testing.TB) []tcase {
	_, a, _ := auditBuilders(tb) // 行政处罚 ¥5,000, 杭州市西湖区 (basic), filed 2024-03-05
	const (
		all15 = "REVIEW_ALL15_GOVERNMENT_DEFENDANT"
		all89 = "REVIEW_ALL1989_14_INTERMEDIATE_DEFENDANT"
	)
	inter := courtAt("浙江省杭州市中级人民法院", triagev1.CourtLevel_COURT_LEVEL_INTERMEDIATE)
	return []tcase{
		{name: "2015-05-01: 被告商务部 at a basic court", filing: a(filedOn("2015-05-01"), text("被告商务部作出反倾销调查裁定。")), fires: []string{at(locReview, all15)}},
		{name: "2015-04-30: 被告商务部 at a basic court", filing: a(filedOn("2015-04-30"), text("被告商务部作出反倾销调查裁定。")), fires: []string{at(locReview, all89)}, avail: av(pSimp, avU)},
		{name: "2010: 被告淳安县人民政府 at a basic court (法释〔2008〕1号)", filing: a(filedOn("2010-06-01"), text("被告淳安县人民政府作出征收决定。")), fires: []string{at(locReview, all89)}, avail: av(pSimp, avU)},
		{name: "near miss: 被告杭州市人民政府 at the intermediate court", filing: a(inter, text("被告杭州市人民政府作出征收决定。")), silent: []string{at(locReview, all15)}},
		{name: "near miss: 被告三墩镇人民政府", filing: a(text("被告三墩镇人民政府作出处罚决定。")), silent: []string{at(locReview, all15)}},
		{name: "ALL 82 ¶1(2): 罚款贰仟伍佰元 beside a field of ¥2,000", filing: a(fen(200000), text("被告对原告处以罚款贰仟伍佰元。")), avail: av(pSimp, avU)},
		{name: "ALL 82 ¶3: 政府信息公开, 发回重审 at the intermediate court", filing: a(inter, cm.disclosure, text("本案经二审撤销原判，发回重审。")), avail: av(pSimp, avU)},
		{name: "near miss: 政府信息公开 at the intermediate court", filing: a(inter, cm.disclosure), avail: av(pSimp, avA)},
		{name: "ALL 82 ¶2: agreement, 第三人不同意适用简易程序", filing: a(cm.agreeS, text("第三人不同意适用简易程序。")), avail: av(pSimp, avU)},
	}
}

// FuzzReadTextFactsRound29: a defendant's request for the ordinary
// procedure, refusal of fast-track or unsigned 具结书 appended in a sentence
// of its own is always read as a dispute; the court's or the prosecution's
// words about the ordinary procedure appended never add one.
func FuzzReadTextFactsRound29(f *testing.F) {
	for _, s := range []string{"", "被告人", "被告人王某", "要求适用", "普通程序", "拒绝", "不愿适用速裁程序", "不", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, tail := range []string{"。被告人王某要求适用普通程序审理。", "。被告人王某拒绝适用速裁程序。", "。被告人王某不愿适用简易程序。", "。被告人王某未签署认罪认罚具结书。"} {
			if rules.ReadTextFacts(text+tail).Dispute == "" {
				t.Fatalf("%q + %q: no dispute read", text, tail)
			}
		}
		if rules.ReadTextFacts(text).Dispute != "" {
			return
		}
		for _, tail := range []string{"。本院依法适用普通程序。", "。公诉机关建议适用普通程序审理。"} {
			if w := rules.ReadTextFacts(text + tail).Dispute; w != "" {
				t.Fatalf("%q + %q: dispute %q read", text, tail, w)
			}
		}
	})
}
