package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Statute round 27 (civil): what a civil complaint's text states and its
// fields do not, read only in the strict direction. Each row was written
// from the article's text (/work/shared/law/) before the engine was run.
//
//   - 民事诉讼法第一百六十六条 (from 2022-01-01; CPL 2023 the same number):
//     "人民法院审理下列民事案件，不适用小额诉讼的程序：（一）人身关系、财产确
//     权案件；（二）涉外案件；…"; from 2015-02-04 to 2021-12-31 民诉法解释
//     （2015年）第二百七十五条 (1), (2) (INTERP2015_275_*), and from 2013-01-01
//     CPL 2012 art. 162 (the same codes, whose text says so). Before 2013 no
//     small claims existed (CPL162_NOT_IN_FORCE).
//   - 民诉法解释第二百七十八条第一款 (from 2022-04-10; the 2015 text's art.
//     280 before): "因当事人申请增加或者变更诉讼请求、提出反诉、追加当事人等，
//     致使案件不符合小额诉讼案件条件的，应当适用简易程序的其他规定审理"; CPL 165
//     ¶1, ¶2 (CPL 2012/2017 art. 162 before 2022) give the condition: the 标的
//     额 within the province's figure (50%, or 2× with an agreement; 30%
//     before 2022). A changed claim whose new sum is itself above the figure
//     takes the case out of small claims whatever the amount field says.
//   - 民诉法解释第五百二十条 (1), (2) and 第五百四十九条: a party who is a
//     resident of Hong Kong, Macao or Taiwan makes the case one the courts
//     hear by the foreign-related rules, which fenjian reads as 涉外 for CPL
//     166(2) already when a party's name says so (round 23).
//
// The base filing: 温州市鹿城区人民法院, 浙江, filed 2024-03-05, ¥5,000
// claimed; 浙江's figure then is ¥54,323 (50%), ¥217,290 (2×).
func TestAuditRound27CivilText(t *testing.T) { runTable(t, round27CivilCases(t)) }

func round27CivilCases(tb testing.TB) []tcase {
	civ := civilBase(tb)
	c := func(mods ...mod) *triagev1.Filing { return with(civ, append([]mod{yuan(5000)}, mods...)...) }
	claims := "诉讼请求：1.判令被告偿还借款5000元；2.本案诉讼费由被告承担。事实与理由：被告借款5000元到期未还。"
	const (
		rStatus   = "review:" + rules.CodeReviewPersonalStatusInText
		rChange   = "review:" + rules.CodeReviewChangeAfterFilingInText
		rForeign  = "infer:" + rules.CodeInferForeignFromText
		cpl166PS  = "CPL166_PERSONAL_STATUS"
		i2015PS   = "INTERP2015_275_PERSONAL_STATUS"
		i278      = rules.CodeInterp278ChangedOverLimit
		i2015_280 = rules.CodeInterp2015ChangedOverLimit
		cpl162Chg = rules.CodeCPL2012ChangedOverLimit
	)
	statusCodes := []string{rules.CodeReviewPersonalStatusInText, cpl166PS, i2015PS}
	changeCodes := []string{i278, i2015_280, cpl162Chg}
	// status: a personal-status claim in a complaint whose cause is not
	// one: small claims barred by CPL 166(1), simplified open, reviewed.
	status := func(name, cz, txt string) tcase {
		return tcase{name: name, filing: c(cause(cz), text(txt)), avail: av(pSC, avU, pSimp, avA, pOrd, avA), mandatory: ptr(false),
			review: ptr(true), fires: []string{at(locSC, cpl166PS), rStatus}}
	}
	// notStatus: nothing of personal status read.
	notStatus := func(name string, mods ...mod) tcase {
		return tcase{name: name + " (near miss)", filing: c(mods...), silent: statusCodes}
	}
	// changed: small claims barred by the changed claim's sum under the
	// article of the filing date (code), simplified open.
	changed := func(name, txt, code string, mods ...mod) tcase {
		return tcase{name: name, filing: c(append([]mod{text(claims + txt)}, mods...)...), avail: av(pSC, avU, pSimp, avA, pOrd, avA),
			mandatory: ptr(false), review: ptr(true), fires: []string{at(locSC, code)}}
	}
	// within: a change is read (review) but its sum is within the figure
	// or is no new 标的额: small claims stays mandatory.
	within := func(name, txt string) tcase {
		return tcase{name: name + " (near miss)", filing: c(text(claims + txt)), avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true),
			review: ptr(true), fires: []string{rChange}, silent: changeCodes}
	}
	notChanged := func(name, txt string) tcase {
		return tcase{name: name + " (near miss)", filing: c(text(claims + txt)), avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true),
			silent: append([]string{rules.CodeReviewChangeAfterFilingInText}, changeCodes...)}
	}
	// foreign: a party stated to be a resident of Hong Kong, Macao or
	// Taiwan: CPL 166(2) (Interp. 549 with 520).
	foreign := func(name, txt string, mods ...mod) tcase {
		return tcase{name: name, filing: c(append([]mod{text(claims + txt)}, mods...)...), avail: av(pSC, avU, pSimp, avA, pOrd, avA),
			mandatory: ptr(false), fires: []string{at(locSC, "CPL166_FOREIGN"), rForeign}}
	}
	return []tcase{
		// --- 1. 人身关系 in the claims beside a money claim: CPL 166(1).
		status("2024: 判令原告与被告离婚 beside 返还彩礼 (婚约财产纠纷)", "婚约财产纠纷",
			"诉讼请求：1.判令原告与被告离婚；2.判令被告返还彩礼30000元。事实与理由：双方感情破裂。"),
		status("2024: 请求判决准予原告与被告离婚 (unmarked claims)", "婚约财产纠纷",
			"原告与被告于2018年登记结婚，现感情确已破裂，故请求判决准予原告与被告离婚，并返还彩礼30000元。"),
		status("2024: 解除原告与被告的婚姻关系", "离婚后损害责任纠纷",
			"诉讼请求：1.解除原告与被告的婚姻关系；2.判令被告赔偿精神损害抚慰金20000元。"),
		status("2024: 解除收养关系 beside 生活费 (赡养费纠纷)", "赡养费纠纷",
			"诉讼请求：1.解除原告与被告之间的收养关系；2.判令被告补偿收养期间支出的生活费20000元。"),
		status("2024: 确认不存在亲子关系 beside 返还抚养费", "不当得利纠纷",
			"诉讼请求：1.确认原告与李某某之间不存在亲子关系；2.判令被告返还原告支付的抚养费50000元。"),
		status("2024: 变更抚养关系 beside 抚养费 (抚养费纠纷)", "抚养费纠纷",
			"诉讼请求：1.判令婚生子李某某变更由原告直接抚养；2.判令被告每月支付抚养费1000元。"),
		status("2024: 由原告抚养 (抚养费纠纷)", "抚养费纠纷",
			"诉讼请求：1.判令婚生女李某某由原告抚养；2.判令被告每月支付抚养费1500元。"),
		status("2024: 确认婚姻无效", "婚约财产纠纷",
			"诉讼请求：1.确认原告与被告的婚姻无效；2.判令被告返还彩礼20000元。"),
		status("2024: 变更监护人", "侵权责任纠纷",
			"诉讼请求：1.变更原告为李某某的监护人；2.判令被告返还李某某的存款10000元。"),
		status("2024: traditional 判令原告與被告離婚", "婚约财产纠纷",
			"訴訟請求：1.判令原告與被告離婚；2.判令被告返還彩禮30000元。"),
		status("2022-02-10: CPL 2021 art. 166(1)", "婚约财产纠纷",
			"诉讼请求：1.判令原告与被告离婚；2.判令被告返还彩礼30000元。"),
		{name: "2018: Interp. 2015 art. 275(1)", filing: c(filedOn("2018-09-03"), cause("婚约财产纠纷"),
			text("诉讼请求：1.判令原告与被告离婚；2.判令被告返还彩礼10000元。")),
			avail: av(pSC, avU, pSimp, avA), review: ptr(true), fires: []string{at(locSC, i2015PS), rStatus}, silent: []string{cpl166PS}},
		{name: "2014: CPL 2012 art. 162 alone (the 2015 interpretation not yet in force)", filing: c(filedOn("2014-09-03"), cause("婚约财产纠纷"),
			text("诉讼请求：1.判令原告与被告离婚；2.判令被告返还彩礼10000元。")),
			avail: av(pSC, avU, pSimp, avA), review: ptr(true), fires: []string{at(locSC, "CPL2012_162_PERSONAL_STATUS"), rStatus}, silent: []string{cpl166PS, i2015PS}},
		{name: "2012: no small claims at all, no exclusion cited", filing: c(filedOn("2012-06-04"), cause("婚约财产纠纷"),
			text("诉讼请求：1.判令原告与被告离婚；2.判令被告返还彩礼10000元。")),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, "CPL162_NOT_IN_FORCE")}, silent: []string{cpl166PS, i2015PS}},
		notStatus("离婚损害赔偿 (money)", cause("离婚后损害责任纠纷"), text("诉讼请求：1.判令被告支付离婚损害赔偿金20000元。")),
		notStatus("依离婚协议支付 (a document)", cause("抚养费纠纷"), text("诉讼请求：1.判令被告依离婚协议支付抚养费5000元。")),
		notStatus("已离婚 in the facts", cause("抚养费纠纷"), text("诉讼请求：1.判令被告支付抚养费5000元。事实与理由：原、被告已于2019年协议离婚。")),
		notStatus("不要求离婚 (negated)", cause("扶养费纠纷"), text("诉讼请求：1.原告不要求离婚，仅请求判令被告支付扶养费5000元。")),
		notStatus("婚生子现由原告抚养 (a fact beside a maintenance claim)", cause("抚养费纠纷"),
			text("诉讼请求：1.婚生子现由原告抚养，判令被告每月支付抚养费1000元。")),
		notStatus("随原告生活 (a fact beside a maintenance claim)", cause("抚养费纠纷"),
			text("诉讼请求：1.判令被告每月支付婚生子（随原告生活）抚养费1000元。")),
		notStatus("因离婚产生的补偿 (money)", cause("离婚后损害责任纠纷"), text("诉讼请求：1.判令被告支付因离婚产生的经济补偿5000元。")),
		notStatus("抚养费 alone (money)", cause("抚养费纠纷"), text("诉讼请求：1.判令被告每月支付抚养费1000元至孩子年满十八周岁。")),
		{name: "离婚纠纷 (the cause says so already: no text review)", filing: c(cause("离婚纠纷"), text("诉讼请求：1.判令原告与被告离婚。")),
			avail: av(pSC, avU), fires: []string{at(locSC, cpl166PS)}, silent: []string{rules.CodeReviewPersonalStatusInText}},
		{name: "the flag set already (no text review)", filing: c(cause("婚约财产纠纷"), circ(func(c *triagev1.Circumstances) { c.PersonalStatus = true }),
			text("诉讼请求：1.判令原告与被告离婚；2.判令被告返还彩礼30000元。")),
			avail: av(pSC, avU), fires: []string{at(locSC, cpl166PS)}, silent: []string{rules.CodeReviewPersonalStatusInText}},

		// --- 2. A changed or increased claim above the figure: Interp. 278.
		changed("2024: 变更诉讼请求为 80000元 (over ¥54,323)", "原告变更诉讼请求为：判令被告偿还借款80000元。", i278),
		changed("2024: 增加诉讼请求 违约金60000元", "审理中，原告增加诉讼请求，要求被告另行支付违约金60000元。", i278),
		changed("2024: 变更为 捌万元 (大写)", "原告变更诉讼请求为判令被告偿还借款捌万元。", i278),
		changed("2024: 变更为 6.5万元", "原告变更诉讼请求为判令被告偿还借款6.5万元。", i278),
		changed("2024: 由5000元变更为80000元 (the new sum)", "原告将诉讼请求金额由5000元变更为80000元，即变更诉讼请求。", i278),
		changed("2024: 变更 over 2× even agreed (¥250,000)", "原告变更诉讼请求为判令被告偿还借款250000元。", i278,
			circ(func(c *triagev1.Circumstances) { c.PartiesAgreeSmallClaims = true })),
		changed("2024: amount field 0, changed to 80000元", "原告变更诉讼请求为判令被告偿还借款80000元。", i278, yuan(0)),
		changed("2022-04-10: Interp. 2022 art. 278 in force", "原告变更诉讼请求为判令被告偿还借款80000元。", i278, filedOn("2022-04-10")),
		changed("2022-04-09: the 2015 text's art. 280 still in force", "原告变更诉讼请求为判令被告偿还借款80000元。", i2015_280, filedOn("2022-04-09")),
		changed("2018: 30% (¥24,225), Interp. 2015 art. 280", "原告变更诉讼请求为判令被告偿还借款30000元。", i2015_280, filedOn("2018-09-03")),
		changed("2014: 30% (¥16,971), CPL 2012 art. 162", "原告变更诉讼请求为判令被告偿还借款20000元。", cpl162Chg, filedOn("2014-09-03")),
		{name: "2024: agreed, changed to ¥100,000 (within 2×): agreed, no longer mandatory", filing: c(text(claims+"原告变更诉讼请求为判令被告偿还借款100000元。"),
			circ(func(c *triagev1.Circumstances) { c.PartiesAgreeSmallClaims = true })),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(false), review: ptr(true), fires: []string{at(locSC, "CPL165_AGREEMENT"), at(locSC, i278)}},
		{name: "2012: no small claims, nothing cited", filing: c(filedOn("2012-06-04"), text(claims+"原告变更诉讼请求为判令被告偿还借款80000元。")),
			avail: av(pSC, avU), silent: changeCodes},
		{name: "amount field over already: the change adds no code", filing: c(yuan(80000), text(claims+"原告变更诉讼请求为判令被告偿还借款90000元。")),
			avail: av(pSC, avU), fires: []string{at(locSC, "CPL165_OVER_LIMIT_NO_AGREEMENT")}, silent: changeCodes},
		within("变更为 50000元 (within ¥54,323)", "原告变更诉讼请求为判令被告偿还借款50000元。"),
		within("由80000元变更为5000元 (the old sum)", "原告变更诉讼请求，将借款金额由80000元变更为5000元。"),
		within("变更诉讼请求，减少本金60000元 (a reduction)", "原告变更诉讼请求，减少本金60000元。"),
		within("以80000元为基数的利息 (a base, not the claim)", "原告变更诉讼请求为判令被告支付以80000元为基数计算的利息。"),
		notChanged("未变更诉讼请求", "原告未变更诉讼请求，其曾主张80000元。"),
		notChanged("保留变更诉讼请求的权利", "原告保留变更诉讼请求至80000元的权利。"),
		notChanged("另案中变更诉讼请求", "原告在另案中变更诉讼请求为80000元。"),

		// --- 3. 涉港澳台 parties stated in the text: CPL 166(2), Interp. 549.
		foreign("2024: 被告系香港特别行政区居民", "被告系香港特别行政区居民。"),
		foreign("2024: 原告为台湾居民", "原告为台湾居民，长期在温州经商。"),
		foreign("2024: 被告系澳门居民", "被告系澳门居民。"),
		{name: "2018: 被告系台湾同胞 (Interp. 2015 art. 275(2))", filing: c(filedOn("2018-09-03"), text(claims+"被告系台湾同胞。")),
			avail: av(pSC, avU), fires: []string{at(locSC, "INTERP2015_275_FOREIGN"), rForeign}},
		{name: "证人系香港居民 (not a party: near miss)", filing: c(text(claims + "证人张某系香港居民。")),
			avail: av(pSC, avA), mandatory: ptr(true), silent: []string{"CPL166_FOREIGN", rules.CodeInferForeignFromText}},
		{name: "被告前往香港旅游 (no residence: near miss)", filing: c(text(claims + "被告借款后前往香港旅游。")),
			avail: av(pSC, avA), mandatory: ptr(true), silent: []string{"CPL166_FOREIGN", rules.CodeInferForeignFromText}},
		{name: "被告非香港居民 (negated: near miss)", filing: c(text(claims + "被告非香港居民。")),
			avail: av(pSC, avA), mandatory: ptr(true), silent: []string{"CPL166_FOREIGN", rules.CodeInferForeignFromText}},
	}
}

// The round's other angles, written from the articles before the engine
// was run (most pin what earlier rounds read; the findings among them are
// fixed in rules/civilcasetext27.go and rules/civiltext.go):
//   - 民诉法解释第二百五十七条第三项 with 第七十五条: "当事人一方人数众多的"
//     (十人以上) closes simplified procedure and so small claims;
//   - 民诉法解释第五百二十条第二项: a party whose 经常居所地 is outside the PRC
//     makes the case foreign-related (CPL 166(2));
//   - the day a province's new figure takes effect (CPL 165 ¶1, Interp. 272);
//   - 民诉法解释（2015年）第二百七十五条第三项 (知识产权纠纷, 2015-02-04 to
//     2021-12-31), which CPL 166 did not keep.
func TestAuditRound27CivilOtherAngles(t *testing.T) { runTable(t, round27OtherCases(t)) }

func round27OtherCases(tb testing.TB) []tcase {
	civ := civilBase(tb)
	c := func(mods ...mod) *triagev1.Filing { return with(civ, append([]mod{yuan(5000)}, mods...)...) }
	claims := "诉讼请求：1.判令被告偿还借款5000元；2.本案诉讼费由被告承担。事实与理由：被告借款5000元到期未还。"
	numerous := func(name, txt string) tcase {
		return tcase{name: name, filing: c(text(claims + txt)), avail: av(pSC, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locSimp, "INTERP257_NUMEROUS_PARTIES")}}
	}
	return []tcase{
		numerous("原告张某等12人 (round 23's count)", "原告张某等12人系被告的雇员。"),
		numerous("原告共计12人", "本案原告共计12人，均系被告的雇员。"),
		numerous("原告十二人推选代表人", "原告十二人推选张某为诉讼代表人。"),
		{name: "原告2人 (near miss)", filing: c(text(claims + "本案原告共计2人。")), avail: av(pSC, avA, pSimp, avA),
			silent: []string{"INTERP257_NUMEROUS_PARTIES"}},
		{name: "12名证人 (not parties: near miss)", filing: c(text(claims + "原告申请12名证人出庭。")), avail: av(pSC, avA, pSimp, avA),
			silent: []string{"INTERP257_NUMEROUS_PARTIES"}},
		{name: "被告经常居所地在美国 (Interp. 520(2))", filing: c(text(claims + "被告经常居所地在美国。")),
			avail: av(pSC, avU), fires: []string{at(locSC, "CPL166_FOREIGN")}},
		{name: "浙江 2021-06-30: ¥30,000 over 30% of ¥99,654", filing: c(yuan(30000), filedOn("2021-06-30")),
			avail: av(pSC, avU), fires: []string{at(locSC, "CPL162_OVER_LIMIT")}},
		{name: "浙江 2021-07-01: ¥30,000 within 30% of ¥108,645", filing: c(yuan(30000), filedOn("2021-07-01")),
			avail: av(pSC, avA), mandatory: ptr(true)},
		{name: "浙江 2024: ¥54,323 at the figure", filing: c(yuan(54323)), avail: av(pSC, avA), mandatory: ptr(true)},
		{name: "浙江 2024: ¥54,323.01 over the figure", filing: c(fen(5432301)), avail: av(pSC, avU)},
		// 知识产权 at a basic court: Interp. 2015 art. 275(3) closed small
		// claims from 2015-02-04 to 2021-12-31; CPL 166 names no IP case.
		{name: "2018 侵害商标权纠纷: Interp. 2015 art. 275(3)", filing: c(filedOn("2018-09-03"), cause("侵害商标权纠纷")),
			avail: av(pSC, avU), fires: []string{at(locSC, "INTERP2015_275_INTELLECTUAL_PROPERTY")}},
		{name: "2015-02-03 侵害商标权纠纷: not yet in force", filing: c(filedOn("2015-02-03"), cause("侵害商标权纠纷")),
			silent: []string{"INTERP2015_275_INTELLECTUAL_PROPERTY"}},
		{name: "2024 侵害商标权纠纷: CPL 166 names no IP case", filing: c(cause("侵害商标权纠纷")),
			silent: []string{"INTERP2015_275_INTELLECTUAL_PROPERTY"}},
	}
}
