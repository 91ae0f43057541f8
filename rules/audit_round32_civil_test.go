package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Statute round 32 (civil): which procedure a filing may, must or must not
// take, each row written from the article's text (/work/shared/law/) before
// the engine was run; a reading may only close a procedure the law closes
// or leave it to a person, never open one.
//
//   - CPL 165 ¶1 (2013–2021 art. 162): the small-claims figure is the
//     province's "上年度就业人员年平均工资" — the province of the court that
//     hears the case, not the one a clerk types. A court whose name opens
//     with a prefecture-level city of another province ("温州市鹿城区人民法院"
//     filed as 广东省) was read only when the name held a province's full
//     name or a pilot city: now the city places it (prefectureOfCourt), and
//     where the two provinces' figures answer differently small claims is
//     undetermined (REVIEW_COURT_PROVINCE_MISMATCH).
//   - CPL 166(3) (Interp. 2015 art. 275(4)): "需要评估、鉴定" — a need or an
//     application naming its object ("需对房屋损失进行评估", "申请伤残等级
//     鉴定") closes small claims as the bare words do.
//   - CPL 166(2), Interp. 520(1): "当事人一方或者双方是外国人" — a party
//     stated to be a country's 公民 or to hold its 护照 is one.
//   - CPL 165 ¶1 "简单金钱给付民事案件" and CPL 42(4) "属于新类型或者疑难复杂的
//     案件" (no single judge): a complaint calling its own case new, complex
//     or difficult does not make it so (the court finds it), but small
//     claims is then no longer offered as the court's duty: undetermined.
//
// The base filing: 温州市鹿城区人民法院, 浙江, filed 2024-03-05, ¥30,000
// 民间借贷纠纷; 浙江's figure then is ¥54,323 (2018-09-03: ¥24,225).
func TestAuditRound32Civil(t *testing.T) { runTable(t, round32CivilCases(t)) }

func round32CivilCases(tb testing.TB) []tcase {
	civ := civilBase(tb)
	c := func(mods ...mod) *triagev1.Filing { return with(civ, mods...) }
	loan := "诉讼请求：1.判令被告偿还借款30000元；2.本案诉讼费由被告承担。事实与理由：被告于2023年5月向原告借款30000元，至今未还。"
	injury := func(facts string) string {
		return "诉讼请求：1.判令被告赔偿医疗费等各项损失30000元。事实与理由：" + facts
	}
	const (
		mismatch     = rules.CodeReviewCourtProvince
		mismatch2017 = rules.CodeReviewCourtProvinceCPL2017
		appraisal    = "INFER_APPRAISAL_FROM_TEXT"
		foreignText  = "INFER_FOREIGN_FROM_TEXT"
		complexCode  = rules.CodeReviewComplexInTextCivil
	)
	// courtElsewhere: the court's province answers otherwise than the
	// field's: small claims undetermined, reviewed.
	courtElsewhere := func(name, code string, mods ...mod) tcase {
		return tcase{name: name, filing: c(mods...), avail: av(pSC, avD, pSimp, avA, pOrd, avA), mandatory: ptr(false),
			review: ptr(true), fires: []string{at(locSC, code), at(locReview, code)}}
	}
	// courtFlagged: a conflict that answers the same, or at a court with no
	// small claims: the answer stands, the conflict is reviewed.
	courtFlagged := func(name string, avail map[triagev1.Procedure]triagev1.Availability, mods ...mod) tcase {
		return tcase{name: name, filing: c(mods...), avail: avail, review: ptr(true),
			fires: []string{at(locReview, mismatch)}, silent: []string{at(locSC, mismatch)}}
	}
	// courtAgrees: near misses, a court of the province the field states.
	courtAgrees := func(name string, mods ...mod) tcase {
		return tcase{name: name + " (near miss)", filing: c(mods...), silent: []string{mismatch}}
	}
	// appraised: CPL 166(3) closes small claims; simplified stays open.
	appraised := func(name, txt string, mods ...mod) tcase {
		return tcase{name: name, filing: c(append([]mod{cause("机动车交通事故责任纠纷"), text(txt)}, mods...)...),
			avail: av(pSC, avU, pSimp, avA, pOrd, avA), mandatory: ptr(false),
			fires: []string{at(locSC, "CPL166_APPRAISAL"), at(locInfer, appraisal)}}
	}
	notAppraised := func(name, txt string) tcase {
		return tcase{name: name + " (near miss)", filing: c(cause("机动车交通事故责任纠纷"), text(txt)),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true), silent: []string{appraisal, "CPL166_APPRAISAL"}}
	}
	foreignParty := func(name, txt string) tcase {
		return tcase{name: name, filing: c(text(loan + txt)), avail: av(pSC, avU, pSimp, avA, pOrd, avA), mandatory: ptr(false),
			fires: []string{at(locSC, "CPL166_FOREIGN"), at(locInfer, foreignText), at(locOrd, "CPL287_FOREIGN_NO_TIME_LIMIT")}}
	}
	domestic := func(name, txt string) tcase {
		return tcase{name: name + " (near miss)", filing: c(text(loan + txt)), avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true),
			silent: []string{foreignText, "CPL166_FOREIGN"}}
	}
	// notSimple: the text calls this case new or complex: small claims no
	// longer mandatory (undetermined), nothing closed, reviewed.
	notSimple := func(name, txt string, mods ...mod) tcase {
		return tcase{name: name, filing: c(append([]mod{text(loan + txt)}, mods...)...),
			avail: av(pSC, avD, pSimp, avA, pOrd, avA), mandatory: ptr(false), review: ptr(true),
			fires: []string{at(locSC, complexCode)}}
	}
	simple := func(name, txt string) tcase {
		return tcase{name: name + " (near miss)", filing: c(text(loan + txt)), avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true),
			silent: []string{at(locSC, complexCode)}}
	}
	return []tcase{
		// --- CPL 165 ¶1: the figure of the court's province.
		courtElsewhere("2024: 温州 court filed as 广东省, ¥57,000: over 浙江's ¥54,323, within 广东's", mismatch,
			province("广东省"), court("温州市鹿城区人民法院"), yuan(57000)),
		courtElsewhere("2024: 温州 court filed with 广东's code 440000, ¥57,000", mismatch,
			province("440000"), court("温州市鹿城区人民法院"), yuan(57000)),
		courtElsewhere("2024: 温州 court's 派出法庭 filed as 江苏省, ¥58,000 (江苏 ¥60,862)", mismatch,
			province("江苏省"), court("温州市鹿城区人民法院七都人民法庭"), yuan(58000)),
		courtElsewhere("2018: 温州 court filed as 江苏省, ¥24,000 (CPL 2017 art. 162)", mismatch2017,
			filedOn("2018-09-03"), province("江苏省"), court("温州市鹿城区人民法院"), yuan(24000)),
		courtElsewhere("2021: 南京 (pilot city) court filed as 浙江省: the pilot's ¥50,000 against 浙江's 30%", mismatch2017,
			filedOn("2021-06-01"), province("浙江省"), court("南京市玄武区人民法院"), yuan(30000)),
		courtFlagged("2024: 温州 court filed as 广东省, ¥30,000: mandatory on both figures", av(pSC, avA, pSimp, avA),
			province("广东省"), court("温州市鹿城区人民法院"), yuan(30000)),
		courtFlagged("2024: 温州市中级人民法院 filed as 江苏省: no small claims anyway", av(pSC, avU, pSimp, avU),
			province("江苏省"), court("温州市中级人民法院"), level(intermediateCourt)),
		courtFlagged("2024: 海南藏族自治州 (青海) court filed as 海南省", av(pSC, avU, pSimp, avU),
			province("海南省"), court("海南藏族自治州中级人民法院"), level(intermediateCourt)),
		courtFlagged("2024: 朝阳市 (辽宁) court filed as 北京市", av(pSC, avA, pSimp, avA),
			province("北京市"), court("朝阳市双塔区人民法院")),
		courtAgrees("2024: 北京市朝阳区 is 北京's, not 辽宁's 朝阳市", province("北京市"), court("北京市朝阳区人民法院")),
		courtAgrees("2024: 朝阳市双塔区 filed as 辽宁省", province("辽宁省"), court("朝阳市双塔区人民法院")),
		courtAgrees("2024: 海南藏族自治州 filed as 青海省", province("青海省"), court("海南藏族自治州中级人民法院"), level(intermediateCourt)),
		courtAgrees("2024: 大连市中山区 filed as 辽宁省 (not 广东's 中山市)", province("辽宁省"), court("大连市中山区人民法院")),
		courtAgrees("2024: 中山市人民法院 filed as 广东省", province("广东省"), court("中山市人民法院")),
		courtAgrees("2024: 吉林市船营区 filed as 吉林省", province("吉林省"), court("吉林市船营区人民法院")),
		courtAgrees("2024: 宁波海事法院 filed as 江苏省 (a maritime tribunal may sit elsewhere: Interp. 273)",
			province("江苏省"), court("宁波海事法院")),
		courtAgrees("2024: 浙江's county code 330302 with the 温州 court", province("330302"), court("温州市鹿城区人民法院"), yuan(57000)),

		// --- CPL 166(3): an appraisal needed, its object named.
		appraised("2024: 本案需对房屋损失进行评估", loan+"本案需对房屋损失进行评估。", cause("民间借贷纠纷")),
		appraised("2024: 原告伤情需进行伤残等级鉴定", injury("原告伤情需进行伤残等级鉴定。")),
		appraised("2024: 原告申请伤残等级鉴定", injury("原告申请伤残等级鉴定。")),
		appraised("2024: 原告申请进行笔迹鉴定", injury("原告申请进行笔迹鉴定。")),
		appraised("2024: 应当对车辆损失进行评估", injury("原告认为应当对车辆损失进行评估。")),
		{name: "2018: 需对房屋损失进行评估 (Interp. 2015 art. 275(4))", filing: c(filedOn("2018-09-03"), yuan(20000),
			text("诉讼请求：1.判令被告偿还借款20000元。事实与理由：被告借款未还，本案需对房屋损失进行评估。")),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, "INTERP2015_275_APPRAISAL"), at(locInfer, appraisal)}},
		notAppraised("经鉴定，原告构成十级伤残 (made, not disputed)", injury("经鉴定，原告构成十级伤残。")),
		notAppraised("应进行赔偿并支付鉴定费 (a fee)", injury("被告应进行赔偿并支付鉴定费。")),
		notAppraised("无需对损失进行评估 (negated)", injury("双方对损失数额无争议，无需对损失进行评估。")),
		notAppraised("申请人张三经鉴定 (申请人 is a party)", injury("申请人张三经鉴定无异议。")),

		// --- CPL 166(2), Interp. 520(1): a foreign party in other words.
		foreignParty("2024: 原告系美国公民", "原告系美国公民。"),
		foreignParty("2024: 被告持有加拿大护照", "被告持有加拿大护照，长期在温州经商。"),
		foreignParty("2024: 被告系日本公民", "被告系日本公民。"),
		{name: "2018: 原告系美国公民 (Interp. 2015 art. 275(2), 522)", filing: c(filedOn("2018-09-03"), yuan(20000),
			text("诉讼请求：1.判令被告偿还借款20000元。事实与理由：原告系美国公民。")),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, "INTERP2015_275_FOREIGN"), at(locInfer, foreignText)}},
		domestic("证人系美国公民 (no party)", "出借时证人在场，证人系美国公民。"),
		domestic("被告系中国公民", "被告系中国公民。"),
		domestic("被告非美国公民 (negated)", "被告非美国公民。"),

		// --- CPL 165 ¶1, 42(4): called new, complex or difficult.
		notSimple("2024: 本案属于新类型案件", "本案属于新类型案件。"),
		notSimple("2024: 本案系疑难复杂案件", "本案系疑难复杂案件。"),
		notSimple("2024: 本案案情复杂", "本案案情复杂，涉及多个法律关系。"),
		notSimple("2018: 本案属于新类型纠纷 (CPL 2017 art. 162)", "本案属于新类型纠纷。", filedOn("2018-09-03"), yuan(20000)),
		simple("本案不属于新类型案件 (negated)", "本案不属于新类型案件。"),
		simple("另案系新类型案件 (another suit)", "另案系新类型案件。"),
		simple("本案案情并不复杂 (negated)", "本案案情并不复杂。"),
		{name: "2024: 新类型 at ¥90,000: over the figure, closed by the amount (near miss)", filing: c(yuan(90000),
			text("诉讼请求：1.判令被告偿还借款90000元。事实与理由：本案属于新类型案件。")),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, "CPL165_OVER_LIMIT_NO_AGREEMENT")}, silent: []string{at(locSC, complexCode)}},
	}
}
