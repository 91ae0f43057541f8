package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Statute round 33 (civil), each row written from the article's text
// (/work/shared/law/) before the engine was run; a reading may only close a
// procedure the law closes or leave it to a person, never open one.
//
//   - CPL 165 ¶1 (2013–2021 art. 162): the figure is that of the province of
//     the court that hears the case. A court named by its county-level city
//     alone ("乐清市人民法院") was placed nowhere, so a clerk's wrong province
//     decided the figure unseen; now the city places it (countyCities), only
//     to show the conflict (REVIEW_COURT_PROVINCE_MISMATCH, small claims
//     undetermined where the figures answer differently).
//   - CPL 166(4) ("一方当事人下落不明"), Interp. 257(1) ("起诉时被告下落不明"),
//     CPL 95 (公告送达 when "受送达人下落不明"), 若干规定 art. 8: a complaint
//     that does not know the defendant's address (住址不明, 住址不详, 地址不详)
//     may be a person the court will find 下落不明: reviewed, small claims
//     undetermined. An address said to be imprecise (住址不明确, 住所不明确,
//     具体住址不详) is no unknown whereabouts: art. 8 has the court check it.
//   - 下落不明 and the words that say the same (去向不明, 不知去向, 行踪不明,
//     下落不详) are read one way, with the party named in the sentence
//     before as in round 23b, never of a thing (货款, 存款, 款项), and, said
//     of a party other than the defendant (CPL 166(4) "一方当事人"), with the
//     review that leaves small claims to a person.
//   - CPL 42 (2), (3): "涉及群体性纠纷，可能影响社会稳定", "人民群众广泛关注
//     或者其他社会影响较大" bar a single judge; CPL 165 ¶1 is for simple
//     cases. A complaint saying so of this case was the text signal only,
//     beside a mandatory small claim: now small claims is left to a person
//     (REVIEW_GROUP_IMPACT_IN_TEXT_CIVIL), as round 32 did for 新类型.
//   - Pins: CPL 165 ¶2 and Interp. 264 ¶2 (an agreement opens nothing a bar
//     closes), CPL 42 and Interp. 257 (5) in the text, CPL 166 (1), (5).
//
// The base filing: 温州市鹿城区人民法院, 浙江, filed 2024-03-05, ¥30,000
// 民间借贷纠纷; 浙江's figure then is ¥54,323 (2018-09-03: ¥24,225).
func TestAuditRound33Civil(t *testing.T) { runTable(t, round33CivilCases(t)) }

func round33CivilCases(tb testing.TB) []tcase {
	civ := civilBase(tb)
	c := func(mods ...mod) *triagev1.Filing { return with(civ, mods...) }
	loan := func(sum, facts string) string {
		return "诉讼请求：1.判令被告偿还借款" + sum + "元。事实与理由：" + facts
	}
	const (
		mismatch     = rules.CodeReviewCourtProvince
		mismatch2017 = rules.CodeReviewCourtProvinceCPL2017
		rev2022      = rules.CodeReviewWhereaboutsInText
		rev2015      = rules.CodeReviewWhereaboutsInTextInterp2015
		rWhere       = "infer:" + rules.CodeInferWhereaboutsFromText
		sc166        = rules.CodeCPL166Whereabouts
		simp257      = rules.CodeInterp257Whereabouts
		groupCode    = rules.CodeReviewGroupImpactInTextCivil
	)
	whereCodes := []string{rev2022, rev2015, rWhere, sc166}
	// courtElsewhere: the county-level city's province answers otherwise
	// than the field's: small claims undetermined, reviewed.
	courtElsewhere := func(name, code string, mods ...mod) tcase {
		return tcase{name: name, filing: c(mods...), avail: av(pSC, avD, pSimp, avA, pOrd, avA), mandatory: ptr(false),
			review: ptr(true), fires: []string{at(locSC, code), at(locReview, code)}}
	}
	// courtFlagged: a conflict both figures answer alike: the answer
	// stands, the conflict is reviewed.
	courtFlagged := func(name, courtName, prov string) tcase {
		return tcase{name: name, filing: c(yuan(10000), text(loan("10000", "被告借款未还。")), court(courtName), province(prov)),
			avail: av(pSC, avA, pSimp, avA), review: ptr(true),
			fires: []string{at(locReview, mismatch)}, silent: []string{at(locSC, mismatch)}}
	}
	// courtAgrees: near misses, a court of the province the field states.
	courtAgrees := func(name, courtName, prov string) tcase {
		return tcase{name: name + " (near miss)", filing: c(province(prov), court(courtName)),
			silent: []string{mismatch, mismatch2017}}
	}
	// unreachable: small claims undetermined (not closed), simplified and
	// ordinary open, reviewed; the stronger inference not given.
	unreachable := func(name, code, facts string, mods ...mod) tcase {
		return tcase{name: name, filing: c(append([]mod{yuan(20000), text(loan("20000", facts))}, mods...)...),
			avail: av(pSC, avD, pSimp, avA, pOrd, avA), mandatory: ptr(false), review: ptr(true),
			fires: []string{at(locSC, code), at(locReview, code)}, silent: []string{rWhere, sc166}}
	}
	// reached: near misses that stay mandatory small claims, unreviewed.
	reached := func(name, facts string, mods ...mod) tcase {
		return tcase{name: name + " (near miss)", filing: c(append([]mod{yuan(20000), text(loan("20000", facts))}, mods...)...),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true), review: ptr(false), silent: whereCodes}
	}
	// gone: CPL 166(4) closes small claims, Interp. 257(1) simplified.
	gone := func(name, facts string, mods ...mod) tcase {
		return tcase{name: name, filing: c(append([]mod{yuan(20000), text(loan("20000", facts))}, mods...)...),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locSC, sc166), at(locSimp, simp257), rWhere}}
	}
	// groupImpact: the text calls this case a group dispute or one of wide
	// attention: small claims undetermined (not closed), simplified and
	// ordinary open, reviewed.
	groupImpact := func(name, facts string, mods ...mod) tcase {
		return tcase{name: name, filing: c(append([]mod{text(loan("30000", facts))}, mods...)...),
			avail: av(pSC, avD, pSimp, avA, pOrd, avA), mandatory: ptr(false), review: ptr(true),
			fires: []string{at(locSC, groupCode), at(locReview, groupCode)}}
	}
	notGroupImpact := func(name, facts string) tcase {
		return tcase{name: name + " (near miss)", filing: c(text(loan("30000", facts))),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true), silent: []string{groupCode}}
	}
	return []tcase{
		// --- CPL 165 ¶1: the province of a court named by its county-level city.
		courtElsewhere("2024: 乐清市人民法院 (浙江) filed as 广东省, ¥57,000: over 浙江's ¥54,323", mismatch,
			province("广东省"), court("乐清市人民法院"), yuan(57000)),
		courtElsewhere("2024: 义乌市人民法院 (浙江) filed as 广东's code 440000, ¥57,000", mismatch,
			province("440000"), court("义乌市人民法院"), yuan(57000)),
		courtElsewhere("2024: 慈溪市人民法院周巷人民法庭 (浙江) filed as 江苏省, ¥58,000 (江苏 ¥60,862)", mismatch,
			province("江苏省"), court("慈溪市人民法院周巷人民法庭"), yuan(58000)),
		courtElsewhere("2018: 义乌市人民法院 filed as 江苏省, ¥24,000 (CPL 2017 art. 162)", mismatch2017,
			filedOn("2018-09-03"), province("江苏省"), court("义乌市人民法院"), yuan(24000)),
		courtFlagged("2024: 晋江市人民法院 (福建) filed as 广东省", "晋江市人民法院", "广东省"),
		courtFlagged("2024: 寿光市人民法院 (山东) filed as 河北省", "寿光市人民法院", "河北省"),
		courtFlagged("2024: 库尔勒市人民法院 (新疆) filed as 甘肃省", "库尔勒市人民法院", "甘肃省"),
		courtFlagged("2024: 满洲里市人民法院 (内蒙古) filed as 黑龙江省", "满洲里市人民法院", "黑龙江省"),
		courtFlagged("2024: 都江堰市人民法院 (四川) filed as 重庆市", "都江堰市人民法院", "重庆市"),
		courtFlagged("2024: 格尔木市人民法院 (青海) filed as 西藏自治区", "格尔木市人民法院", "西藏自治区"),
		courtAgrees("2024: 乐清市人民法院 filed as 浙江省", "乐清市人民法院", "浙江省"),
		courtAgrees("2024: 自贡市大安区 (四川) is not 吉林's 大安市", "自贡市大安区人民法院", "四川省"),
		courtAgrees("2024: 南京市栖霞区 (江苏) is not 山东's 栖霞市", "南京市栖霞区人民法院", "江苏省"),
		courtAgrees("2024: 唐山市开平区 (河北) is not 广东's 开平市", "唐山市开平区人民法院", "河北省"),

		// --- An address unknown or imprecise (CPL 95, 166(4); Interp. 257(1); 若干规定 art. 8).
		unreachable("2024: 被告住址不详", rev2022, "被告借款后搬离原住处，现住址不详。"),
		unreachable("2024: 被告地址不详", rev2022, "被告借款后一直未还，其地址不详。"),
		unreachable("2024: 被告住址不明 (round 32b, pinned)", rev2022, "被告现住址不明，原告无法提供其送达地址。"),
		unreachable("2018: 被告住所不详 (Interp. 2015 art. 257(1))", rev2015, "被告借款后住所不详。", filedOn("2018-09-03"), yuan(5000),
			text(loan("5000", "被告借款后住所不详。"))),
		reached("被告住址不明确 (an imprecise address)", "被告住址不明确，原告仅知其所在村。"),
		reached("被告住所不明确 (an imprecise address)", "被告住所不明确。"),
		reached("被告具体住址不详 (the details only)", "被告系温州市鹿城区人，具体住址不详。"),
		reached("被告详细地址不详 (the details only)", "被告在温州经商，详细地址不详。"),

		// --- 下落不明 and its synonyms read one way (CPL 166(4), Interp. 257(1)).
		gone("2024: 被告借款后未还。此后去向不明 (the party in the sentence before, as 下落不明's)", "被告借款后未还。此后去向不明。"),
		gone("2024: 被告借款后未还。后来不知去向", "被告借款后未还。后来不知去向。"),
		gone("2024: 被告收取原告货款后下落不明 (the defendant, not the 货款)", "被告收取原告货款后下落不明。"),
		gone("2024: 被告借款后，将车辆卖掉，此后下落不明 (a thing the defendant acts on)", "被告借款后，将车辆卖掉，此后下落不明。"),
		gone("2024: 被告王金下落不明 (a name ending in 金)", "王金借款后下落不明。", named(1, "王金")),
		reached("被告收到的货款至今下落不明 (a thing's)", "被告收到的货款至今下落不明。"),
		reached("款项被被告转走，去向不明 (a thing's)", "原告将款项交付被告，款项被被告转走，去向不明。"),
		reached("该款项原告已交付被告，下落不明 (a thing's)", "该款项原告已交付被告，下落不明。"),
		unreachable("2024: 原告王五出国务工后下落不明 (一方当事人: CPL 166(4), not Interp. 257(1))", rev2022,
			"原告王五出国务工后下落不明，由其委托诉讼代理人起诉。", named(0, "王五")),
		unreachable("2024: 被告曾下落不明，现已联系上 (reached before the suit: a person weighs 起诉时)", rev2022,
			"被告曾一度下落不明，现已联系上，但仍拒不还款。"),
		{name: "2018: 原告王五下落不明 (Interp. 2015 art. 257(1) speaks of the defendant: near miss)",
			filing: c(filedOn("2018-09-03"), yuan(5000), named(0, "王五"), text(loan("5000", "原告王五出国务工后下落不明。"))),
			avail:  av(pSC, avA, pSimp, avA), mandatory: ptr(true), silent: whereCodes},

		unreachable("2024: 被告已被宣告失踪 (a court's finding; the custodian may be the party)", rev2022, "被告借款后外出，已被宣告失踪。"),
		unreachable("2024: 被告已被法院宣告死亡", rev2022, "被告已被法院宣告死亡，原告诉请其继承人偿还。"),
		reached("原告已申请宣告失踪 (an application, no finding)", "被告借款未还，原告已申请宣告失踪。"),

		// --- CPL 42 (2), (3) in the article's own words: no simple case stated.
		groupImpact("2024: 本案涉及群体性纠纷，可能影响社会稳定 (CPL 42(2))", "本案涉及群体性纠纷，可能影响社会稳定。"),
		groupImpact("2024: 本案社会影响较大 (CPL 42(3))", "本案社会影响较大。"),
		groupImpact("2024: 本案受到人民群众广泛关注 (CPL 42(3))", "本案受到人民群众广泛关注。"),
		groupImpact("2018: 本案涉及群体性纠纷 (CPL 2017 arts. 157 ¶1, 162: a simple case)", "本案涉及群体性纠纷。",
			filedOn("2018-09-03"), yuan(20000)),
		notGroupImpact("本案不属于群体性纠纷 (negated)", "本案不属于群体性纠纷。"),
		notGroupImpact("另案系群体性纠纷 (another suit)", "另案系群体性纠纷，本案仅涉原、被告二人。"),
		notGroupImpact("本案未引起广泛关注 (negated)", "本案未引起广泛关注。"),

		// --- Pins: an agreement opens nothing a bar closes.
		{name: "2024: 被告去向不明 with the parties' small-claims agreement at ¥80,000 (CPL 165 ¶2, 166(4))",
			filing: c(yuan(80000), circ(agreeSmallClaims), text(loan("80000", "被告借款后去向不明。"))),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA), fires: []string{at(locSC, sc166), rWhere}},
		{name: "2024: whereabouts field with the parties' simplified agreement (Interp. 264 ¶2, 257(1))",
			filing: c(party(1, whereaboutsUnknown), circ(agreeSimplified)),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA), fires: []string{at(locSimp, simp257)}},
		{name: "2024: 原告失联 with a counterclaim (CPL 166(5) closes small claims; the review stands)",
			filing: c(yuan(20000), circ(func(x *triagev1.Circumstances) { x.Counterclaim = true }),
				text(loan("20000", "原告出国务工已失联，由其委托诉讼代理人起诉。"))),
			avail: av(pSC, avU, pSimp, avA, pOrd, avA), review: ptr(true), fires: []string{at(locReview, rev2022)}},
	}
}
