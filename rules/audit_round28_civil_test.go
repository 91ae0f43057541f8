package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Statute round 28 (civil): what a complaint's text states of where the
// thing in dispute lies or where the facts happened, and a changed claim
// written without round 26's words. Each row was written from the
// article's text (/work/shared/law/) before the engine was run; only
// readings that close a procedure or add a review.
//
//   - 民诉法解释第五百二十条 (from 2022-04-10): "有下列情形之一，人民法院可以认
//     定为涉外民事案件：…（三）标的物在中华人民共和国领域外的；（四）产生、变更
//     或者消灭民事关系的法律事实发生在中华人民共和国领域外的"; the 2015 text's
//     art. 522 (3), (4) the same words from 2015-02-04 (the number the code
//     cites for the 2015 text already, INFER_FOREIGN_PARTY_2015's article);
//     before, the 1992 opinion's art. 304 ("…法律事实发生在外国，或者诉讼标的
//     物在外国的民事案件，为涉外民事案件"). 第五百四十九条: Hong Kong, Macao
//     and Taiwan by the same rules.
//   - 民事诉讼法第一百六十六条第二项 (from 2022-01-01): 涉外案件 不适用小额诉讼
//     的程序; 民诉法解释（2015年）第二百七十五条第二项 from 2015-02-04 (and CPL
//     2012 art. 162 before, INTERP2015_275_FOREIGN's text).
//   - 民诉法解释第二百七十八条第一款 with CPL 165 ¶1: a changed claim whose
//     new sum is above the figure leaves small claims (round 27's codes);
//     a change of any sum adds round 26's review.
//
// The base filing: 温州市鹿城区人民法院, 浙江, filed 2024-03-05, ¥5,000
// claimed; 浙江's figure then is ¥54,323.
func TestAuditRound28CivilText(t *testing.T) { runTable(t, round28CivilCases(t)) }

func round28CivilCases(tb testing.TB) []tcase {
	civ := civilBase(tb)
	c := func(mods ...mod) *triagev1.Filing { return with(civ, append([]mod{yuan(5000)}, mods...)...) }
	claims := "诉讼请求：1.判令被告偿还借款5000元；2.本案诉讼费由被告承担。事实与理由："
	const (
		factsCode = "INFER_FOREIGN_FACTS_FROM_TEXT"
		rFacts    = "infer:" + factsCode
		rChange   = "review:" + rules.CodeReviewChangeAfterFilingInText
		i278      = rules.CodeInterp278ChangedOverLimit
	)
	foreignSilent := []string{"CPL166_FOREIGN", "INTERP2015_275_FOREIGN", factsCode}
	// abroad: the thing or the legal fact abroad (Interp. 520(3), (4)):
	// small claims barred by CPL 166(2), simplified open; no party is
	// said to be foreign, so the party's inference is not given.
	abroad := func(name, txt string, mods ...mod) tcase {
		return tcase{name: name, filing: c(append([]mod{text(claims + txt)}, mods...)...), avail: av(pSC, avU, pSimp, avA, pOrd, avA),
			mandatory: ptr(false), fires: []string{at(locSC, "CPL166_FOREIGN"), rFacts}, silent: []string{"infer:" + rules.CodeInferForeign}}
	}
	home := func(name, txt string) tcase {
		return tcase{name: name + " (near miss)", filing: c(text(claims + txt)), avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true),
			silent: foreignSilent}
	}
	changed := func(name, txt string) tcase {
		return tcase{name: name, filing: c(text(claims + "被告借款5000元到期未还。" + txt)), avail: av(pSC, avU, pSimp, avA, pOrd, avA),
			mandatory: ptr(false), review: ptr(true), fires: []string{at(locSC, i278), rChange}}
	}
	within := func(name, txt string) tcase {
		return tcase{name: name + " (near miss)", filing: c(text(claims + "被告借款5000元到期未还。" + txt)), avail: av(pSC, avA, pSimp, avA),
			mandatory: ptr(true), review: ptr(true), fires: []string{rChange}, silent: []string{i278}}
	}
	return []tcase{
		// --- 1. 标的物 abroad: Interp. 520(3).
		abroad("2024: 房屋位于美国 (the thing abroad)", "原告向被告支付购买位于美国加利福尼亚州的房屋的定金5000元，被告未履行。"),
		abroad("2024: 房产坐落于日本东京 (the thing abroad)", "被告出租给原告的房产坐落于日本东京，原告已支付押金5000元。"),
		abroad("2024: 货物位于境外 (the thing abroad)", "双方买卖的货物位于境外仓库，被告收款5000元后未发货。"),
		// --- 2. The legal fact abroad: Interp. 520(4).
		abroad("2024: 在日本签订合同", "2023年5月，原、被告在日本签订借款合同，被告借款5000元。"),
		abroad("2024: 在美国纽约签署借条 (a city between)", "被告在美国纽约签署借条一份，借款5000元。"),
		abroad("2024: 货物在境外交付", "被告向原告出售货物，货物在境外交付，原告支付货款5000元后发现质量问题。"),
		abroad("2024: 合同签订地为新加坡", "双方借款合同的签订地为新加坡。"),
		abroad("2024: 交通事故发生于泰国", "2023年8月，被告驾车发生交通事故，事故发生于泰国，致原告受伤。"),
		abroad("2024: 在香港签订 (Interp. 549)", "原、被告在香港签订借款协议。"),
		// A foreign-related case's ordinary procedure has no time limit
		// (CPL 287: "人民法院审理涉外民事案件的期间，不受本法第一百五十二条、第一百
		// 八十三条规定的限制").
		{name: "2024: 在日本签订: ordinary's period is CPL 287's", filing: c(text(claims + "原、被告在日本签订借款合同。")),
			avail: av(pSC, avU), fires: []string{at(locOrd, rules.CodeCPL287NoTimeLimit)}},
		{name: "约定在日本交付: ordinary's period is CPL 152's (near miss)", filing: c(text(claims + "双方约定货物在日本交付。")),
			silent: []string{rules.CodeCPL287NoTimeLimit}},
		{name: "2018: 在日本签订合同 (Interp. 2015 arts. 522(4), 275(2))", filing: c(filedOn("2018-09-03"), text(claims+"原、被告在日本签订借款合同。")),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, "INTERP2015_275_FOREIGN"), rFacts}},
		{name: "2014: 房屋位于美国 (1992 opinion art. 304; CPL 2012 art. 162)", filing: c(filedOn("2014-09-03"),
			text(claims+"原告向被告支付购买位于美国的房屋的定金5000元。")),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, "CPL2012_162_FOREIGN"), rFacts}, silent: []string{"INTERP2015_275_FOREIGN"}},
		{name: "2012: no small claims, nothing cited", filing: c(filedOn("2012-06-04"), text(claims+"原、被告在日本签订借款合同。")),
			avail: av(pSC, avU), silent: []string{"CPL166_FOREIGN", "INTERP2015_275_FOREIGN"}},
		{name: "a foreign party too: the party's inference, the facts' not added", filing: c(text(claims + "被告系美国籍，双方在日本签订借款合同。")),
			avail: av(pSC, avU), fires: []string{at(locSC, "CPL166_FOREIGN"), "infer:" + rules.CodeInferForeignFromText}, silent: []string{factsCode}},
		home("在美国留学的经历 (no legal fact)", "被告曾有在美国留学的经历，回国后向原告借款5000元。"),
		home("从美国回国后在温州签订 (the fact at home)", "被告从美国回国后在温州签订借款合同。"),
		{name: "借款1000美元 (a currency, not a place: near miss)", filing: c(text(claims + "被告于2023年向原告借款1000美元。")),
			silent: foreignSilent},
		home("不是在日本签订 (negated)", "双方并非在日本签订借款合同，而是在温州签订。"),
		home("约定在日本交付 (agreed, not a fact)", "双方约定货物在日本交付，但被告至今未发货。"),
		home("房屋位于香港路 (a street's name)", "原告承租的房屋位于温州市鹿城区，被告的商铺位于香港路28号。"),
		home("位于美国 said of a company's seat, no thing", "原告公司的合作方位于美国。"),
		home("一家在美国上市的公司 (a place of the company, not of the signing)", "被告与一家在美国上市的公司签订借款合同后向原告借款5000元。"),
		home("在美国就医期间发生医疗费 (a cost, not the fact)", "被告致原告受伤，原告在美国就医期间发生医疗费5000元。"),
		home("在日本旅游 (no legal fact named)", "被告在日本旅游期间，原告通过微信向其转账5000元。"),

		// --- 3. A change written as 诉讼请求变更为 / 增加…共计 (Interp. 278).
		changed("2024: 诉讼请求变更为：判令被告支付80000元", "庭审中，原告将诉讼请求变更为：判令被告支付80000元。"),
		changed("2024: 诉讼请求增加为 80000元", "审理中，原告的诉讼请求增加为判令被告偿还借款80000元。"),
		changed("2024: 增加诉讼请求…共计80000元", "审理中，原告增加诉讼请求，要求被告另行支付违约金30000元及利息，以上共计80000元。"),
		changed("2024: 现主张80000元，故变更诉讼请求 (the sum before the words)", "原告现主张借款本金80000元，故变更诉讼请求。"),
		within("诉讼请求变更为 50000元 (within ¥54,323)", "原告将诉讼请求变更为：判令被告支付50000元。"),
		{name: "诉讼请求未变更 (negated: near miss)", filing: c(text(claims + "被告借款5000元到期未还。原告的诉讼请求未变更为80000元。")),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true), silent: []string{i278, rules.CodeReviewChangeAfterFilingInText}},
		{name: "已还80000元，故变更诉讼请求 (a reduction before the words: near miss)",
			filing: c(text(claims + "被告借款5000元到期未还。被告已还款80000元，故原告变更诉讼请求。")),
			avail:  av(pSC, avA, pSimp, avA), mandatory: ptr(true), review: ptr(true), fires: []string{rChange}, silent: []string{i278}},
	}
}
