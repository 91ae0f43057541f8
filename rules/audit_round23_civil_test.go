package rules_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// named sets the name of the i-th party.
func named(i int, name string) mod {
	return party(i, func(p *triagev1.Party) { p.Name = name })
}

// TestOldCatalogueCauses (statute round 23): a cause written as the 2011
// catalogue (法〔2011〕41号), or as clerks name the case, keeps the procedure
// its kind fixes. Until rules 2026-12-04.28 these resolved to nothing and
// simplified procedure stayed open:
//   - the 2011 catalogue's non-contentious cases named with 公民 (the 2020
//     revision says 自然人), and the short names of applications (支付令,
//     公示催告, 诉前财产保全, 破产清算, 人身安全保护令案件): heard in the
//     procedure the law gives them, not as simple disputes (若干规定第一条
//     第四项; CPL chapters 15, 17, 18);
//   - the execution objection suit by its older and colloquial names (案外人
//     异议之诉, 执行标的异议之诉, 许可执行之诉): 适用普通程序 (Interp. 308);
//   - 船舶权属纠纷, the 2011 name of 船舶物权纠纷: property confirmation
//     (CPL 166(1)).
//
// The near misses keep their answers: a suit beginning with 申请 (申请执行人
// 执行异议之诉, 申请诉中财产保全损害责任纠纷) is no application.
func TestOldCatalogueCauses(t *testing.T) { runTable(t, oldCatalogueCases(t)) }

func oldCatalogueCases(tb testing.TB) []tcase {
	civ := civilBase(tb) // 温州市鹿城区人民法院, 浙江, 2024-03-05
	c := func(mods ...mod) *triagev1.Filing { return with(civ, append([]mod{yuan(5000)}, mods...)...) }
	nonContentious := func(written string, mods ...mod) tcase {
		return tcase{name: written, filing: c(append([]mod{cause(written)}, mods...)...), avail: av(pSC, avU, pSimp, avU),
			mandatory: ptr(false), review: ptr(true),
			fires:  []string{at(locSimp, "NON_CONTENTIOUS_SPECIAL_PROCEDURE"), at(locReview, "REVIEW_NON_CONTENTIOUS_CAUSE")},
			silent: []string{"CAUSE_UNKNOWN"}}
	}
	objection := func(written string, mods ...mod) tcase {
		return tcase{name: written, filing: c(append([]mod{cause(written)}, mods...)...), avail: av(pSC, avU, pSimp, avU),
			mandatory: ptr(false), fires: []string{at(locSimp, "INTERP308_EXECUTION_OBJECTION_ORDINARY")}, silent: []string{"CAUSE_UNKNOWN"}}
	}
	return []tcase{
		// 若干规定第一条第四项; CPL 15th chapter (特别程序).
		nonContentious("认定公民无民事行为能力、限制民事行为能力案件"),
		nonContentious("申请宣告公民失踪"),
		nonContentious("申请宣告公民死亡"),
		nonContentious("申请撤销宣告公民失踪判决"),
		nonContentious("宣告失踪案件"),
		// CPL 17th and 18th chapters (督促程序, 公示催告程序); preservation;
		// bankruptcy; 反家庭暴力法第二十七条.
		nonContentious("支付令"),
		nonContentious("公示催告"),
		nonContentious("诉前财产保全"),
		nonContentious("申请财产保全"),
		nonContentious("破产清算"),
		nonContentious("人身安全保护令案件"),
		nonContentious("2018 申请宣告公民死亡", filedOn("2018-06-04")),
		// Interp. 308 (2015 text art. 310).
		objection("案外人异议之诉"),
		objection("执行标的异议之诉"),
		objection("许可执行之诉"),
		objection("2018 案外人异议之诉", filedOn("2018-06-04")),
		// CPL 166(1): property confirmation.
		{name: "船舶权属纠纷 (2011 name of 船舶物权纠纷)", filing: c(cause("船舶权属纠纷")), avail: av(pSC, avU),
			fires: []string{at(locSC, "CPL166_PROPERTY_RIGHTS_CONFIRMATION")}, silent: []string{"CAUSE_UNKNOWN"}},
		// 返还彩礼 is the 婚约财产纠纷 (a money claim within the band: CPL 165 ¶1).
		{name: "返还彩礼纠纷 resolves to 婚约财产纠纷", filing: c(cause("返还彩礼纠纷")), avail: av(pSC, avA), mandatory: ptr(true),
			review: ptr(false), silent: []string{"CAUSE_UNKNOWN"}},
		// Near misses.
		{name: "申请执行人执行异议之诉 (near miss: a suit)", filing: c(cause("申请执行人执行异议之诉")), avail: av(pSimp, avU),
			fires: []string{at(locSimp, "INTERP308_EXECUTION_OBJECTION_ORDINARY")}, silent: []string{"REVIEW_NON_CONTENTIOUS_CAUSE"}},
		{name: "申请诉中财产保全损害责任纠纷 (near miss: a tort suit)", filing: c(cause("申请诉中财产保全损害责任纠纷")),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true), silent: []string{"REVIEW_NON_CONTENTIOUS_CAUSE"}},
		{name: "申请某某纠纷 (near miss: a 纠纷 stays unknown)", filing: c(cause("申请某某纠纷")), avail: av(pSC, avD, pSimp, avA),
			fires: []string{at(locReview, "CAUSE_UNKNOWN")}},
	}
}

// TestClaimsTextAgainstFields (statute round 23): a civil filing's claims
// (诉讼请求) in its text against its fields. CPL 165 ¶1 (CPL 2012/2017
// art. 162 with Interp. 2015 art. 274 before 2022) gives small claims to a
// 金钱给付 case by its 标的额; until rules 2026-12-04.28 the rules read
// neither in the text, so
//   - a claim for the return or delivery of a thing, a transfer, a
//     rescission or a declaration beside a sum (返还原物 + 租金, 交付货物 +
//     违约金, 确认合同无效 + 返还, 离婚 + 分割财产) left small claims
//     mandatory: it is now undetermined and reviewed (REVIEW_TEXT_NON_MONEY_CLAIM);
//   - a sum in the claims far above the amount field, or in a foreign
//     currency, left small claims mandatory on the field's figure: now
//     undetermined (REVIEW_TEXT_AMOUNT);
//   - a mixed cause without an amount whose claims name only sums was
//     confidently no money claim (CPL165_NOT_MONEY_PAYMENT): now the 标的额
//     is a person's to read (REVIEW_TEXT_AMOUNT).
//
// Claims text that asks only for money, sums in the facts, and the costs
// clause change nothing.
func TestClaimsTextAgainstFields(t *testing.T) { runTable(t, claimsTextCases(t)) }

func claimsTextCases(tb testing.TB) []tcase {
	civ := civilBase(tb)
	c := func(mods ...mod) *triagev1.Filing { return with(civ, append([]mod{yuan(5000)}, mods...)...) }
	claims := func(cl string) mod {
		return text("诉讼请求：" + cl + "事实与理由：双方于2023年签订合同，被告未履行。")
	}
	undecided := func(name, code string, mods ...mod) tcase {
		return tcase{name: name, filing: c(mods...), avail: av(pSC, avD, pSimp, avA), mandatory: ptr(false), review: ptr(true),
			fires: []string{at(locSC, code), at(locReview, code)}}
	}
	mandatory := func(name string, mods ...mod) tcase {
		return tcase{name: name + " (near miss)", filing: c(mods...), avail: av(pSC, avA), mandatory: ptr(true), review: ptr(false),
			silent: []string{"REVIEW_TEXT_NON_MONEY_CLAIM", "REVIEW_TEXT_AMOUNT"}}
	}
	const nm, amt = "REVIEW_TEXT_NON_MONEY_CLAIM", "REVIEW_TEXT_AMOUNT"
	const nm2017, amt2017 = "REVIEW_TEXT_NON_MONEY_CLAIM_CPL2017", "REVIEW_TEXT_AMOUNT_CPL2017"
	const nmPilot, amtPilot = "REVIEW_TEXT_NON_MONEY_CLAIM_PILOT2020", "REVIEW_TEXT_AMOUNT_PILOT2020"
	y2018 := []mod{filedOn("2018-06-04")}
	// A basic court of the 繁简分流 pilot (杭州) in 2020: the pilot's ¥50,000.
	pilot := []mod{filedOn("2020-06-01"), court("杭州市西湖区人民法院")}
	return []tcase{
		// CPL 165 ¶1: 金钱给付 only.
		undecided("买卖合同纠纷: 交付货物 + 违约金", nm, cause("买卖合同纠纷"), claims("1.判令被告交付空调2台；2.判令被告支付违约金5000元；3.诉讼费由被告承担。")),
		undecided("租赁合同纠纷: 返还手机 + 租金", nm, cause("租赁合同纠纷"), claims("1.被告返还原告苹果7plus手机一部（价值7188元）；2.被告支付租金1352.2元。")),
		undecided("房屋买卖合同纠纷: 过户 + 违约金", nm, cause("房屋买卖合同纠纷"), claims("1.判令被告协助办理房屋过户登记手续；2.支付违约金5000元。")),
		undecided("合同纠纷: 确认合同无效 + 返还已付款", nm, cause("合同纠纷"), claims("1.确认原、被告签订的合同无效；2.判令被告返还已付款5000元。")),
		undecided("物业服务合同纠纷: 解除合同 + 物业费", nm, cause("物业服务合同纠纷"), claims("1.解除双方物业服务合同；2.被告支付物业费5000元。")),
		// A claim to divorce is 人身关系 (CPL 166(1)): since round 27 small
		// claims is closed, no longer left to a person as a non-money claim.
		{name: "婚姻家庭纠纷: 离婚 + 分割财产 (round 27: CPL 166(1))", filing: c(cause("婚姻家庭纠纷"),
			claims("1.判令原、被告离婚；2.依法分割夫妻共同财产存款5000元。")), avail: av(pSC, avU, pSimp, avA), review: ptr(true),
			fires: []string{at(locSC, "CPL166_PERSONAL_STATUS"), at(locReview, "REVIEW_PERSONAL_STATUS_IN_TEXT")}},
		undecided("侵权责任纠纷: 停止侵害 + 赔偿", nm, cause("侵权责任纠纷"), claims("1.判令被告停止侵害；2.赔偿损失5000元。")),
		undecided("不當得利糾紛 (traditional): 返還車輛", nm, cause("不當得利糾紛"), claims("判令被告返還車輛一台並賠償5000元。")),
		undecided("劳动合同纠纷: 无需支付工资 (a declaration)", nm, cause("劳动合同纠纷"), claims("判决原告无需向被告支付工资5000元。")),
		undecided("诉称 text without markers: 要求腾退房屋", nm, cause("租赁合同纠纷"),
			text("原告诉称：被告租赁原告房屋，拖欠租金。故诉至法院，要求被告腾退房屋并支付租金5000元。")),
		undecided("2018 买卖合同纠纷: 交付货物 (CPL 162)", nm2017, append(y2018, cause("买卖合同纠纷"), claims("1.判令被告交付货物；2.支付违约金5000元。"))...),
		undecided("pilot 2020 买卖合同纠纷: 交付货物 (pilot art. 5)", nmPilot, append(pilot, cause("买卖合同纠纷"), claims("1.判令被告交付货物；2.支付违约金5000元。"))...),
		// CPL 165 ¶1: the 标的额.
		undecided("民间借贷纠纷: claims ¥500,000, field ¥5,000", amt, claims("判令被告偿还借款500000元及利息。")),
		undecided("民间借贷纠纷: claims 50万元, field ¥5,000", amt, claims("判令被告偿还借款50万元。")),
		undecided("买卖合同纠纷: 5000美元", amt, cause("买卖合同纠纷"), claims("判令被告支付货款5000美元。")),
		undecided("房屋租赁合同纠纷 without amount: 租金8000元", amt, cause("房屋租赁合同纠纷"), yuan(0), claims("判令被告支付租金8000元。")),
		undecided("2018 民间借贷纠纷: claims ¥500,000 (CPL 162)", amt2017, append(y2018, claims("判令被告偿还借款500000元。"))...),
		undecided("pilot 2020 民间借贷纠纷: claims ¥500,000 (pilot art. 5)", amtPilot, append(pilot, claims("判令被告偿还借款500000元。"))...),
		// Near misses: money only, sums in the facts, costs.
		mandatory("偿还借款5000元及利息", claims("1.判令被告偿还借款5000元及利息；2.诉讼费由被告承担。")),
		{name: "2018 偿还借款5000元 (near miss)", filing: c(append(y2018, claims("判令被告偿还借款5000元。"))...), avail: av(pSC, avA),
			mandatory: ptr(true), silent: []string{nm2017, amt2017}},
		{name: "pilot 2020 偿还借款5000元 (near miss)", filing: c(append(pilot, claims("判令被告偿还借款5000元。"))...), avail: av(pSC, avA),
			mandatory: ptr(true), silent: []string{nmPilot, amtPilot}},
		{name: "pilot 2020 claims ¥40,000 under the pilot's ¥50,000 (near miss)", filing: c(append(pilot, claims("判令被告偿还借款40000元。"))...),
			avail: av(pSC, avA), mandatory: ptr(true), silent: []string{amtPilot}},
		mandatory("返还原告借款5000元", claims("判令被告返还原告借款5000元。")),
		mandatory("归还本金5000元", claims("判令被告归还本金5000元。")),
		// Outside the round's own rows, on generated filings at merge: a
		// sum returned as 不当得利 or 人民币, and 返还之日 ending an interest
		// period, are money (不当得利纠纷 is a money-payment cause).
		mandatory("不当得利纠纷: 返还不当得利人民币5000元", cause("不当得利纠纷"), claims("1、判令被告返还不当得利人民币5000元；2、判令被告支付利息损失。")),
		mandatory("利息计算至实际返还之日", cause("不当得利纠纷"), claims("1.判令被告返还原告错误转账款项人民币5000元。2.判令被告支付资金占用期间的利息（以5000元为基数，自2019年1月26日起按LPR计算至实际返还之日）。")),
		mandatory("返还原告多收的停车费5000元", cause("物业服务合同纠纷"), claims("判令被告返还原告多收的停车费5000元。")),
		mandatory("交付货款5000元", cause("买卖合同纠纷"), claims("判令被告交付货款5000元。")),
		mandatory("抚养费纠纷: 支付抚养费", cause("抚养费纠纷"), claims("判令被告每月支付抚养费1000元。")),
		mandatory("sums in the facts only", text("诉讼请求：判令被告偿还借款5000元。事实与理由：被告借款500000元，已归还495000元，余款未还。")),
		mandatory("离婚后损害赔偿 is money", cause("离婚后损害责任纠纷"), claims("判令被告支付离婚损害赔偿金5000元。")),
		{name: "房屋租赁合同纠纷 without amount: 腾退房屋 (near miss: no money claim)", filing: c(cause("房屋租赁合同纠纷"), yuan(0),
			claims("判令被告腾退房屋。")), avail: av(pSC, avU), fires: []string{at(locSC, "CPL165_NOT_MONEY_PAYMENT")},
			silent: []string{amt}},
	}
}

// TestPartiesAsFilingsWriteThem (statute round 23): what the party names
// and the text say of the parties. Until rules 2026-12-04.28 only the
// flags and the number of party entries were read, so
//   - "张三等15人" in one entry, ten names in one entry, or "原告王某等11人"
//     in the text were one person: simplified procedure (and small claims)
//     stayed open to a case of numerous parties (Interp. 257(3); before
//     2015-02-04 若干规定第一条第三项);
//   - "被告下落不明" and "请求公告送达" in the text left small claims
//     mandatory and simplified open (CPL 166(4), Interp. 257(1), 140);
//   - "申请司法鉴定" or "对鉴定意见有异议" in the text left small claims
//     mandatory in a case needing an appraisal (CPL 166(3));
//   - a Hong Kong company by name ("香港某某有限公司") left small claims
//     mandatory in a 涉港 case (CPL 166(2); Interp. 520, 549);
//   - a procuratorate or a consumers' association as plaintiff, or a text
//     calling the suit a 公益诉讼, left simplified open to a public-interest
//     suit (CPL 58; Interp. 257(5); CPL 42(1)).
func TestPartiesAsFilingsWriteThem(t *testing.T) { runTable(t, partiesTextCases(t)) }

func partiesTextCases(tb testing.TB) []tcase {
	civ := civilBase(tb) // one plaintiff, one defendant
	c := func(mods ...mod) *triagev1.Filing { return with(civ, append([]mod{yuan(5000)}, mods...)...) }
	ten := make([]string, 10)
	for i := range ten {
		ten[i] = fmt.Sprintf("赵某%d", i+1)
	}
	numerous := func(name string, mods ...mod) tcase {
		return tcase{name: name, filing: c(mods...), avail: av(pSC, avU, pSimp, avU), mandatory: ptr(false), review: ptr(true),
			fires: []string{at(locSimp, "INTERP257_NUMEROUS_PARTIES"), at(locInfer, "INFER_PARTY_COUNT_FROM_TEXT"),
				at(locInfer, "INFER_NUMEROUS_PARTIES"), at(locReview, "REVIEW_GROUP_DISPUTE")}}
	}
	open := func(name string, mods ...mod) tcase {
		return tcase{name: name + " (near miss)", filing: c(mods...), avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true),
			review: ptr(false), silent: []string{"INFER_PARTY_COUNT_FROM_TEXT", "INFER_WHEREABOUTS_FROM_TEXT",
				"INFER_PUBLIC_NOTICE_FROM_TEXT", "INFER_APPRAISAL_FROM_TEXT", "INFER_FOREIGN_FROM_PARTY_NAME", "INFER_PUBLIC_INTEREST_FROM_PARTY_OR_TEXT"}}
	}
	const wb = "INFER_WHEREABOUTS_FROM_TEXT"
	return []tcase{
		// Interp. 75, 257(3).
		numerous("原告 entered as 张三等15人", named(0, "张三等15人")),
		numerous("被告 entered as 李某等十二人", named(1, "李某等十二人")),
		numerous("ten names in one entry", named(0, strings.Join(ten, "、"))),
		numerous("text: 原告王某等11人", text("原告王某等11人诉被告某物业公司，请求判令被告返还多收的停车费5000元。")),
		numerous("text: 被告李某等二十名", text("诉讼请求：判令被告李某等二十名共同偿还借款5000元。")),
		{name: "2014 张三等15人 (若干规定第一条第三项)", filing: c(filedOn("2014-06-04"), named(0, "张三等15人")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "PROV1_NUMEROUS_PARTIES")}},
		// CPL 166(4), Interp. 257(1), 140.
		{name: "text: 被告下落不明", filing: c(text("诉讼请求：判令被告偿还借款5000元。事实与理由：被告借款后下落不明。")),
			avail: av(pSC, avU, pSimp, avU), mandatory: ptr(false),
			fires: []string{at(locSC, "CPL166_WHEREABOUTS_UNKNOWN"), at(locSimp, "INTERP257_DEFENDANT_WHEREABOUTS_UNKNOWN"), at(locInfer, wb)}},
		{name: "text: 被告现下落不明，请求公告送达", filing: c(text("被告现下落不明，原告请求公告送达。")),
			avail: av(pSC, avU, pSimp, avU), fires: []string{at(locSimp, "INTERP140_PUBLIC_NOTICE"), at(locInfer, "INFER_PUBLIC_NOTICE_FROM_TEXT"), at(locInfer, wb)}},
		{name: "text: 请求依法公告送达", filing: c(text("诉讼请求：判令被告偿还借款5000元；请求依法公告送达。")),
			avail: av(pSC, avU, pSimp, avU), fires: []string{at(locSimp, "INTERP140_PUBLIC_NOTICE"), at(locSC, "INTERP140_PUBLIC_NOTICE")}},
		{name: "2018 text: 被告下落不明", filing: c(filedOn("2018-06-04"), text("被告下落不明。")), avail: av(pSC, avU, pSimp, avU),
			fires: []string{at(locSC, "INTERP2015_257_SMALL_CLAIMS_DEFENDANT_WHEREABOUTS")}},
		// CPL 166(3) (Interp. 2015 art. 275(4)).
		{name: "text: 原告申请司法鉴定", filing: c(text("诉讼请求：判令被告赔偿损失5000元。事实与理由：房屋漏水受损，原告申请司法鉴定损失数额。")),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, "CPL166_APPRAISAL"), at(locInfer, "INFER_APPRAISAL_FROM_TEXT")}},
		{name: "text: 对鉴定意见有异议", filing: c(text("诉讼请求：判令被告赔偿损失5000元。事实与理由：原告对交警部门委托的鉴定意见有异议。")),
			avail: av(pSC, avU), fires: []string{at(locSC, "CPL166_APPRAISAL")}},
		{name: "2018 text: 需要进行鉴定", filing: c(filedOn("2018-06-04"), text("本案损失需要进行鉴定。")),
			avail: av(pSC, avU), fires: []string{at(locSC, "INTERP2015_275_APPRAISAL")}},
		// CPL 166(2); Interp. 520, 549.
		{name: "被告 香港某某贸易有限公司", filing: c(named(1, "香港某某贸易有限公司")), avail: av(pSC, avU, pSimp, avA),
			fires: []string{at(locSC, "CPL166_FOREIGN"), at(locInfer, "INFER_FOREIGN_FROM_PARTY_NAME"), at(locInfer, "INFER_FOREIGN_PARTY")}},
		{name: "被告 某某（香港）有限公司", filing: c(named(1, "某某（香港）有限公司")), avail: av(pSC, avU),
			fires: []string{at(locSC, "CPL166_FOREIGN")}},
		{name: "原告 台湾某某股份有限公司", filing: c(named(0, "台湾某某股份有限公司")), avail: av(pSC, avU),
			fires: []string{at(locSC, "CPL166_FOREIGN")}},
		// CPL 58; Interp. 257(5); CPL 42(1).
		{name: "原告 某市人民检察院, 环境污染责任纠纷", filing: c(cause("环境污染责任纠纷"), named(0, "温州市人民检察院")),
			avail: av(pSC, avU, pSimp, avU), review: ptr(true),
			fires: []string{at(locSimp, "INTERP257_PUBLIC_INTEREST"), at(locOrd, "CPL42_PANEL_REQUIRED"),
				at(locInfer, "INFER_PUBLIC_INTEREST_FROM_PARTY_OR_TEXT")}},
		{name: "原告 浙江省消费者权益保护委员会, 产品责任纠纷", filing: c(cause("产品责任纠纷"), named(0, "浙江省消费者权益保护委员会")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "INTERP257_PUBLIC_INTEREST")}},
		{name: "text: 提起环境民事公益诉讼", filing: c(cause("环境污染责任纠纷"), text("原告依法提起环境民事公益诉讼，请求判令被告赔偿生态修复费用5000元。")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, "INTERP257_PUBLIC_INTEREST")}},
		// Near misses.
		open("张三等3人", named(0, "张三等3人")),
		open("原告等9人 in text", text("原告张某等9人请求判令被告偿还借款5000元。")),
		open("a company's name", named(0, "温州市某某贸易有限公司")),
		open("被告并非下落不明", text("诉讼请求：判令被告偿还借款5000元。事实与理由：被告并非下落不明，只是拒不还款。")),
		open("无需公告送达", text("诉讼请求：判令被告偿还借款5000元；被告地址明确，无需公告送达。")),
		open("经司法鉴定 (an appraisal made, not disputed)", text("诉讼请求：判令被告赔偿损失5000元。事实与理由：原告受伤，经司法鉴定为十级伤残。")),
		open("无需鉴定", text("诉讼请求：判令被告赔偿损失5000元；损失有发票为证，无需鉴定。")),
		open("武汉市香港路某某店", named(1, "武汉市江岸区香港路某某商店")),
		open("被告 人民检察院 (a defendant brings no public-interest suit)", named(1, "某区人民检察院")),
		{name: "公益诉讼 cause and text: one inference, the cause's (near miss)", filing: c(cause("环境污染民事公益诉讼"),
			text("原告提起环境民事公益诉讼。")), avail: av(pSimp, avU),
			fires: []string{at(locInfer, "INFER_PUBLIC_INTEREST_FROM_CAUSE")}, silent: []string{"INFER_PUBLIC_INTEREST_FROM_PARTY_OR_TEXT"}},
	}
}

// audit23CivilCases are the round's tables, for TestEveryCodeFiresAndHasNearMiss.
func audit23CivilCases(tb testing.TB) []tcase {
	return slices.Concat(oldCatalogueCases(tb), claimsTextCases(tb), partiesTextCases(tb))
}
