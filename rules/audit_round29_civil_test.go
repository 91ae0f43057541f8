package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Statute round 29 (civil): an outside team's scenarios, each row written
// from the article's text (/work/shared/law/, the design page's domain
// part) before the engine was run; a fix may only close a procedure or add
// a review, never open one.
//
//   - 民诉法解释第五百二十条 (from 2022-04-10; the 2015 text's art. 522, the
//     1992 opinion's art. 304 before): a case is foreign-related when "（二）
//     当事人一方或者双方的经常居所地在中华人民共和国领域外的；（三）标的物在
//     中华人民共和国领域外的；（四）产生、变更或者消灭民事关系的法律事实发生在
//     中华人民共和国领域外的"; art. 549 for Hong Kong, Macao and Taiwan. CPL
//     166(2) (from 2022-01-01; Interp. 2015 art. 275(2) and CPL 2012 art. 162
//     before) closes small claims to it; simplified procedure stays open (no
//     article of CPL 160 or Interp. 257 closes it).
//   - 《归侨侨眷权益保护法》第二条: "华侨是指定居在国外的中国公民" — a party
//     who is a 华侨 has his habitual residence abroad; a 归侨 has returned.
//   - 民诉法解释第二百七十八条第一款 (the 2015 text's art. 280; CPL 2012 art.
//     162 before) with CPL 165: an increase (增加诉讼请求) adds to the claims
//     the complaint made; the 标的额 then is their total, not the increase's
//     own sum, and above the figure the case leaves small claims.
//   - CPL 160 (basic courts), 165, 166 (3)–(5), Interp. 140, 257, 264 ¶2 and
//     the 2012/2017 texts' arts. 157, 162 for the odd field combinations.
//
// The base filing: 温州市鹿城区人民法院, 浙江, filed 2024-03-05; 浙江's
// figure then is ¥54,323 (2018-09-03: ¥24,225; 2014-09-03: ¥16,971).
func TestAuditRound29Civil(t *testing.T) { runTable(t, round29CivilCases(t)) }

func round29CivilCases(tb testing.TB) []tcase {
	civ := civilBase(tb)
	c := func(mods ...mod) *triagev1.Filing { return with(civ, append([]mod{yuan(5000)}, mods...)...) }
	claims := "诉讼请求：1.判令被告偿还借款5000元；2.本案诉讼费由被告承担。事实与理由："
	const (
		factsCode = rules.CodeInferForeignFactsFromText
		rFacts    = "infer:" + factsCode
		rParty    = "infer:" + rules.CodeInferForeignFromText
		rChange   = "review:" + rules.CodeReviewChangeAfterFilingInText
		i278      = rules.CodeInterp278ChangedOverLimit
		i2015_280 = rules.CodeInterp2015ChangedOverLimit
		cpl166F   = "CPL166_FOREIGN"
		i2015F    = "INTERP2015_275_FOREIGN"
	)
	foreignSilent := []string{cpl166F, i2015F, factsCode, rules.CodeInferForeignFromText}
	// abroad: the thing or a legal fact abroad (Interp. 520(3), (4)).
	abroad := func(name, cz, txt string, mods ...mod) tcase {
		return tcase{name: name, filing: c(append([]mod{cause(cz), text(claims + txt)}, mods...)...), avail: av(pSC, avU, pSimp, avA, pOrd, avA),
			mandatory: ptr(false), fires: []string{at(locSC, cpl166F), rFacts}}
	}
	// resident: a party's habitual residence abroad (Interp. 520(2)).
	resident := func(name, txt string) tcase {
		return tcase{name: name, filing: c(text(claims + txt)), avail: av(pSC, avU, pSimp, avA, pOrd, avA),
			mandatory: ptr(false), fires: []string{at(locSC, cpl166F), rParty}}
	}
	home := func(name, cz, txt string) tcase {
		return tcase{name: name + " (near miss)", filing: c(cause(cz), text(claims+txt)), avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true),
			silent: foreignSilent}
	}
	// inc: a ¥30,000 loan whose complaint claims ¥30,000, then an increase.
	loan30 := "诉讼请求：1.判令被告偿还借款30000元；2.本案诉讼费由被告承担。事实与理由：被告借款30000元到期未还。"
	inc := func(mods ...mod) *triagev1.Filing { return c(append([]mod{yuan(30000)}, mods...)...) }
	return []tcase{
		// --- 1. A legal fact abroad in words round 28 did not read (Interp. 520(4)).
		abroad("2024: 在日本购买 (a sale made abroad)", "买卖合同纠纷", "2023年5月，原告在日本购买被告销售的手表一块，支付价款5000元，后发现系假货。"),
		abroad("2024: 在美国登记结婚 (the marriage made abroad)", "离婚后损害责任纠纷", "原、被告于2010年在美国登记结婚，2022年协议离婚，被告应赔偿原告5000元。"),
		abroad("2024: 侵权行为地在境外", "财产损害赔偿纠纷", "被告损坏原告的摄像机，侵权行为地在境外，原告损失5000元。"),
		abroad("2024: 在日本大阪将原告打伤 (a tort done abroad)", "生命权、身体权、健康权纠纷", "2023年8月，被告在日本大阪将原告打伤，原告支出医疗费5000元。"),
		abroad("2024: 在澳门出售 (Interp. 549)", "买卖合同纠纷", "被告在澳门出售给原告金饰一件，收取价款5000元。"),
		// --- 2. The thing abroad told with 在 or 存放 (Interp. 520(3)).
		abroad("2024: 标的物在境外", "买卖合同纠纷", "双方买卖的标的物在境外，原告已付款5000元，被告未交货。"),
		abroad("2024: 货物现存放于越南海防港", "买卖合同纠纷", "涉案货物现存放于越南海防港，原告已付款5000元。"),
		abroad("2024: 房屋在日本 (a thing, plain 在)", "房屋租赁合同纠纷", "原告承租被告的房屋在日本东京，押金5000元未退还。"),
		// --- 3. A party who lives abroad (Interp. 520(2)).
		resident("2024: 被告经常居所地在境外 (round 27's words)", "被告经常居所地在境外。"),
		resident("2024: 被告已定居加拿大", "被告已定居加拿大多年，借款5000元未还。"),
		resident("2024: 被告长期居住在日本", "被告自2015年起长期居住在日本，借款5000元未还。"),
		resident("2024: 被告系旅居美国的华侨", "被告系旅居美国的华侨，借款5000元未还。"),
		resident("2024: 原告系华侨", "原告系华侨，回国探亲期间借给被告5000元。"),
		resident("2024: 被告移居澳大利亚", "被告借款5000元后移居澳大利亚。"),
		resident("2024: 被告已取得美国永久居留权 (定居: 国侨发〔2009〕5号)", "被告已取得美国永久居留权，借款5000元未还。"),
		abroad("2024: 被告在日本借款 (a loan made abroad)", "民间借贷纠纷", "2023年5月，被告在日本借款5000元，至今未还。"),
		// --- 3a. The case itself called foreign-related: the cause or the
		// text makes the finding Interp. 520 leads to.
		{name: "2024: cause 涉外民间借贷纠纷", filing: c(cause("涉外民间借贷纠纷"), text(claims+"被告借款5000元未还。")),
			avail: av(pSC, avU, pSimp, avA, pOrd, avA), mandatory: ptr(false), fires: []string{at(locSC, cpl166F), "infer:" + rules.CodeInferForeignCaseStated},
			silent: []string{"infer:" + rules.CodeInferForeign}},
		{name: "2024: cause 涉港民间借贷纠纷 (Interp. 549)", filing: c(cause("涉港民间借贷纠纷"), text(claims+"被告借款5000元未还。")),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, cpl166F), "infer:" + rules.CodeInferForeignCaseStated}},
		{name: "2024: 本案系涉外民事案件 in the text", filing: c(text(claims + "被告借款5000元未还，本案系涉外民事案件。")),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, cpl166F), "infer:" + rules.CodeInferForeignCaseStated}},
		{name: "2018: 本案具有涉外因素 (Interp. 2015 art. 275(2))", filing: c(filedOn("2018-09-03"), text(claims+"被告借款5000元未还，本案具有涉外因素。")),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, i2015F), "infer:" + rules.CodeInferForeignCaseStated},
			silent: []string{"infer:" + rules.CodeInferForeign2015}},
		{name: "本案不属于涉外案件 (negated: near miss)", filing: c(text(claims + "被告借款5000元未还，本案不属于涉外案件。")),
			avail: av(pSC, avA), mandatory: ptr(true), silent: append([]string{rules.CodeInferForeignCaseStated}, foreignSilent...)},
		{name: "涉案借款 (涉 of another word: near miss)", filing: c(text(claims + "涉案借款5000元被告至今未还。")),
			avail: av(pSC, avA), mandatory: ptr(true), silent: append([]string{rules.CodeInferForeignCaseStated}, foreignSilent...)},
		// --- 4. Other eras.
		{name: "2018: 在日本购买 (Interp. 2015 arts. 522(4), 275(2))", filing: c(filedOn("2018-09-03"), cause("买卖合同纠纷"),
			text(claims+"原告在日本购买被告销售的手表，支付价款5000元。")),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, i2015F), rFacts}},
		{name: "2014: 被告定居美国 (1992 opinion art. 304; CPL 2012 art. 162)", filing: c(filedOn("2014-09-03"),
			text(claims+"被告已定居美国，借款5000元未还。")),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, rules.CodeCPL2012Foreign), rParty}, silent: []string{i2015F}},
		{name: "2022-01-01: 标的物在境外 (CPL 166(2) in force)", filing: c(filedOn("2022-01-01"), cause("买卖合同纠纷"),
			text(claims+"双方买卖的标的物在境外，原告已付款5000元。")),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, cpl166F), rFacts}},
		{name: "2012-12-31: no small claims at all, nothing cited", filing: c(filedOn("2012-12-31"), text(claims+"被告已定居美国。")),
			avail: av(pSC, avU, pSimp, avA), silent: []string{cpl166F, i2015F}},
		// --- 5. Near misses: at home, meant, a shop's name, a returned 归侨.
		home("在日本料理店购买 (a restaurant at home)", "买卖合同纠纷", "原告在日本料理店购买被告发售的餐券5000元。"),
		home("计划在日本购买 (meant)", "民间借贷纠纷", "被告称计划在日本购买房屋，向原告借款5000元。"),
		home("欲在美国购买 (meant)", "民间借贷纠纷", "被告欲在美国购买房屋，向原告借款5000元。"),
		home("被告系归侨 (returned)", "民间借贷纠纷", "被告系归侨，借款5000元未还。"),
		home("证人定居美国 (no party)", "民间借贷纠纷", "被告借款5000元未还，出借时在场的证人李某已定居美国。"),
		home("被告曾在日本居住 (no habitual residence stated)", "民间借贷纠纷", "被告曾在日本居住，回国后借款5000元未还。"),
		home("在温州购买日本产手表 (the goods' origin)", "买卖合同纠纷", "原告在温州购买被告销售的日本产手表，支付价款5000元。"),
		home("侵权行为地在温州", "财产损害赔偿纠纷", "被告损坏原告的摄像机，侵权行为地在温州市鹿城区，原告损失5000元。"),
		home("被告居住在深圳华侨城 (a place's name)", "民间借贷纠纷", "被告居住在深圳华侨城，借款5000元未还。"),
		home("被告系归国华侨 (returned)", "民间借贷纠纷", "被告系归国华侨，借款5000元未还。"),
		home("房屋出售给被告在美国的亲属 (the relative abroad, not the house)", "房屋买卖合同纠纷", "原告将房屋出售给被告在美国的亲属，被告应付中介费5000元。"),
		home("标的物在香港路 (a street's name)", "买卖合同纠纷", "双方买卖的标的物在香港路仓库，原告已付款5000元。"),

		// --- 6. An increase adds to the claims (Interp. 278 ¶1, CPL 165).
		{name: "2024: ¥30,000 + 增加违约金30000元 = ¥60,000 over ¥54,323", filing: inc(text(loan30 + "审理中，原告增加诉讼请求，要求被告支付违约金30000元。")),
			avail: av(pSC, avU, pSimp, avA, pOrd, avA), mandatory: ptr(false), review: ptr(true), fires: []string{at(locSC, i278), rChange}},
		{name: "2024: ¥30,000 + 增加诉请3万元, parties agree: by agreement, not mandatory (CPL 165 ¶2)",
			filing: inc(circ(agreeSmallClaims), text(loan30+"审理中，原告增加诉请：判令被告支付利息3万元。")),
			avail:  av(pSC, avA, pSimp, avA), mandatory: ptr(false), review: ptr(true), fires: []string{at(locSC, i278), rChange}},
		{name: "2018: ¥20,000 + 增加10000元 = ¥30,000 over ¥24,225 (Interp. 2015 art. 280)",
			filing: c(yuan(20000), filedOn("2018-09-03"), text("诉讼请求：1.判令被告偿还借款20000元。事实与理由：被告借款未还。审理中，原告增加诉讼请求，要求被告支付违约金10000元。")),
			avail:  av(pSC, avU, pSimp, avA), mandatory: ptr(false), fires: []string{at(locSC, i2015_280), rChange}},
		{name: "2024: ¥20,000 + 增加30000元 = ¥50,000 within (near miss)",
			filing: c(yuan(20000), text("诉讼请求：1.判令被告偿还借款20000元。事实与理由：被告借款未还。审理中，原告增加诉讼请求，要求被告支付违约金30000元。")),
			avail:  av(pSC, avA, pSimp, avA), mandatory: ptr(true), review: ptr(true), fires: []string{rChange}, silent: []string{i278}},
		{name: "2024: ¥30,000, 诉讼请求增加至50000元 (a total, not added: near miss)", filing: inc(text(loan30 + "审理中，原告将诉讼请求增加至50000元。")),
			avail: av(pSC, avA), mandatory: ptr(true), fires: []string{rChange}, silent: []string{i278}},
		{name: "2024: ¥30,000, 增加…以上共计40000元 (a total stated: near miss)",
			filing: inc(text(loan30 + "审理中，原告增加诉讼请求，要求被告另行支付违约金10000元，以上共计40000元。")),
			avail:  av(pSC, avA), mandatory: ptr(true), fires: []string{rChange}, silent: []string{i278}},
		{name: "2024: ¥30,000, 变更诉讼请求为40000元 (a change, not added: near miss)",
			filing: inc(text(loan30 + "审理中，原告变更诉讼请求为：判令被告偿还借款40000元。")),
			avail:  av(pSC, avA), mandatory: ptr(true), fires: []string{rChange}, silent: []string{i278}},

		// --- 7. Odd field combinations (CPL 157/160, 165, 166, Interp. 140, 257, 264).
		{name: "2021-06-01: ¥40,000 over 30%, parties agree: no agreement route before 2022 (CPL 2017 art. 162)",
			filing: c(yuan(40000), filedOn("2021-06-01"), circ(agreeSmallClaims)), avail: av(pSC, avU, pSimp, avA)},
		{name: "2022-01-01: ¥40,000 within 50%: mandatory (CPL 165 ¶1)", filing: c(yuan(40000), filedOn("2022-01-01")),
			avail: av(pSC, avA), mandatory: ptr(true)},
		{name: "2012-12-31: parties agree small claims before CPL 2012", filing: c(filedOn("2012-12-31"), circ(agreeSmallClaims)),
			avail: av(pSC, avU, pSimp, avA)},
		{name: "2013-01-01: ¥5,000 within 30%: mandatory (CPL 2012 art. 162)", filing: c(filedOn("2013-01-01")),
			avail: av(pSC, avA), mandatory: ptr(true)},
		{name: "intermediate court, both agreements: neither small claims nor simplified (CPL 160, 165)",
			filing: c(courtAt("温州市中级人民法院", intermediateCourt), circ(agreeSmallClaims), circ(agreeSimplified)),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA)},
		{name: "remanded, parties agree simplified (Interp. 257(2), 264 ¶2)", filing: c(circ(func(c *triagev1.Circumstances) { c.Remanded = true }), circ(agreeSimplified)),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA)},
		{name: "2018: remanded, parties agree simplified (Interp. 2015 arts. 257(2), 264)", filing: c(filedOn("2018-09-03"),
			circ(func(c *triagev1.Circumstances) { c.Remanded = true }), circ(agreeSimplified)),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA)},
		{name: "public notice service (Interp. 140)", filing: c(circ(func(c *triagev1.Circumstances) { c.PublicNoticeService = true })),
			avail: av(pSC, avU, pSimp, avU, pOrd, avA)},
		{name: "plaintiff's whereabouts unknown: small claims closed (CPL 166(4)), simplified open (Interp. 257(1) names the defendant)",
			filing: c(party(0, whereaboutsUnknown)), avail: av(pSC, avU, pSimp, avA)},
		{name: "appraisal needed (CPL 166(3))", filing: c(circ(func(c *triagev1.Circumstances) { c.AppraisalNeeded = true })),
			avail: av(pSC, avU, pSimp, avA)},
		{name: "counterclaim, parties agree small claims (CPL 166(5))", filing: c(circ(func(c *triagev1.Circumstances) { c.Counterclaim = true }), circ(agreeSmallClaims)),
			avail: av(pSC, avU, pSimp, avA)},
		{name: "retrial, parties agree simplified (Interp. 257(4))", filing: c(circ(func(c *triagev1.Circumstances) { c.Retrial = true }), circ(agreeSimplified)),
			avail: av(pSC, avU, pSimp, avU)},
		{name: "ten plaintiffs, parties agree simplified (Interp. 257(3), 75)", filing: c(addParties(9, plaintiff), circ(agreeSimplified)),
			avail: av(pSC, avU, pSimp, avU)},
		{name: "foreign party flag, parties agree small claims (CPL 166(2))", filing: c(party(1, foreign), circ(agreeSmallClaims)),
			avail: av(pSC, avU, pSimp, avA)},
		{name: "离婚纠纷 ¥5,000, parties agree small claims (CPL 166(1))", filing: c(cause("离婚纠纷"), circ(agreeSmallClaims), text("诉讼请求：判令原告与被告离婚。")),
			avail: av(pSC, avU, pSimp, avA)},
	}
}
