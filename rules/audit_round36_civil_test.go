package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Statute round 36 (civil), each row written from the article's text
// (/work/shared/law/ and the texts docs/statutes.md names) before the
// engine was run; a reading may only close a procedure the law closes or
// leave it to a person, never open one.
//
//   - CPL 165 ¶1 ("简单金钱给付民事案件"): a claim for an act — an invoice
//     issued (开具发票), an apology (道歉), a post deleted (删除), a
//     registration cancelled (注销), a thing handed over (交出), goods
//     destroyed (销毁) — is no money payment, whatever sum sits beside it.
//   - Interp. 257 (6), CPL 59 ¶3: a case number of type 民撤 (第三人撤销之诉,
//     《人民法院案件类型及其代字标准》) is that suit; Interp. 264 ¶2: the
//     parties' agreement cannot open simplified procedure to it.
//   - Interp. 257 (2): a remand written 发还重审.
//   - CPL 160, 165: basic courts and their 派出法庭 only; the parties'
//     agreement (CPL 160 ¶2, 165 ¶2) is a basic court's too.
//   - Interp. 264 ¶2, CPL 165 ¶2 with 166, CPL 42, Interp. 140, 308: what
//     an agreement cannot overcome.
//   - Era boundaries: 若干规定 (2003) art. 2 from 2003-12-01; CPL 2012
//     art. 162 from 2013-01-01; Interp. 2015 art. 75 from 2015-02-04; CPL
//     166 (4) (any party's whereabouts) from 2022-01-01; the 繁简分流 pilot
//     2020-01-15 to 2021-12-31.
//   - CPL 166 (2), Interp. 520: a foreign party in words the readers did
//     not know (CPL 2023 art. 276's "在中华人民共和国领域内没有住所", a
//     foreign company's 代表处); Chinese legal persons with foreign capital
//     are not foreign.
//   - Interp. 257 (3), (5): numerous parties in Chinese numerals; the
//     2020 catalogue's 公益诉讼 causes.
//
// The base filing: 温州市鹿城区人民法院, 浙江, filed 2024-03-05, ¥30,000
// 民间借贷纠纷; 浙江's figure then is ¥54,323 (2× ¥217,290).
func TestAuditRound36Civil(t *testing.T) { runTable(t, round36CivilCases(t)) }

func round36CivilCases(tb testing.TB) []tcase {
	rows := newCivilRows(tb)
	c, loan, barred, noSC, stays := rows.filing, loanClaims, rows.barred, rows.noSC, rows.stays
	fire, quiet := fireCode, quietCode
	// nonMoney: a claim for an act beside a sum (CPL 165 ¶1): small claims
	// undetermined, a person reads the claims; simplified stays open.
	const nm = rules.CodeReviewTextNonMoney
	nonMoney := func(name, causeName, claims string) tcase {
		return tcase{name: name, filing: c(cause(causeName), text("诉讼请求："+claims+"事实与理由：双方于2023年发生纠纷，被告未履行。")),
			avail: av(pSC, avD, pSimp, avA), mandatory: ptr(false), review: ptr(true),
			fires: []string{at(locSC, nm), at(locReview, nm)}}
	}
	moneyOnly := func(name, causeName, claims string) tcase {
		return tcase{name: name + " (near miss)", filing: c(cause(causeName), text("诉讼请求："+claims+"事实与理由：双方于2023年发生纠纷，被告未履行。")),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true), silent: []string{nm}}
	}
	simpClosed := func(name string, mods ...mod) tcase {
		return tcase{name: name, filing: c(mods...), avail: av(pSC, avU, pSimp, avU, pOrd, avA)}
	}
	pilotHZ := court("杭州市上城区人民法院")
	return []tcase{
		// --- CPL 165 ¶1: 金钱给付 only; acts the claims ask for.
		nonMoney("2024: 支付货款 + 开具增值税专用发票", "买卖合同纠纷", "1.判令被告支付货款30000元；2.判令被告向原告开具增值税专用发票。"),
		nonMoney("2024: 支付货款 + 开具发票 (开具 alone)", "买卖合同纠纷", "1.判令被告支付货款30000元；2.判令被告开具等额发票。"),
		nonMoney("2024: 公开道歉 + 精神损害抚慰金", "网络侵权责任纠纷", "1.判令被告在其微信朋友圈公开道歉；2.判令被告赔偿精神损害抚慰金30000元。"),
		nonMoney("2024: 书面道歉 + 赔偿", "网络侵权责任纠纷", "1.判令被告向原告书面道歉；2.判令被告赔偿损失30000元。"),
		nonMoney("2024: 删除侵权视频 + 赔偿", "网络侵权责任纠纷", "1.判令被告删除其在抖音发布的侵权视频；2.判令被告赔偿损失30000元。"),
		nonMoney("2024: 注销电话号码 + 赔偿", "电信服务合同纠纷", "1.判令被告注销以原告名义开通的电话号码；2.判令被告赔偿损失30000元。"),
		nonMoney("2024: 交出车辆钥匙 + 租金", "租赁合同纠纷", "1.判令被告交出车辆钥匙及行驶证；2.判令被告支付租金30000元。"),
		nonMoney("2024: 销毁侵权产品 + 赔偿", "产品责任纠纷", "1.判令被告销毁库存的不合格产品；2.判令被告赔偿损失30000元。"),
		nonMoney("2024: 赔礼道歉 + 赔偿 (pin)", "网络侵权责任纠纷", "1.判令被告向原告赔礼道歉；2.判令被告赔偿损失30000元。"),
		nonMoney("2024: 恢复原状 + 赔偿 (pin)", "财产损害赔偿纠纷", "1.判令被告将围墙恢复原状；2.判令被告赔偿损失30000元。"),
		nonMoney("2024: 继续履行 + 违约金 (pin)", "买卖合同纠纷", "1.判令被告继续履行合同；2.判令被告支付违约金30000元。"),
		// A claims part whose facts' heading has no colon: the facts read
		// as claims tell an invoice issued (a generated filing of the
		// decide digest).
		{name: "2024: 事实与理由 without a colon, 开具了增值税专用发票 told (near miss)", filing: c(cause("买卖合同纠纷"),
			text("请求事项：\n1、请求判令被告给付货款30000元。\n事实与理由\n原告依约向被告供货，原告按被告要求开具了增值税专用发票，被告至今未付。")),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true), silent: []string{nm}},
		{name: "2024: 已删除视频 told in the claims (near miss)", filing: c(cause("网络侵权责任纠纷"),
			text("诉讼请求：1.判令被告赔偿损失30000元，被告虽已删除视频但影响仍在。")),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true), silent: []string{nm}},
		moneyOnly("2024: 发票金额30000元 (a sum, no act)", "买卖合同纠纷", "1.判令被告支付货款30000元（发票金额）。"),
		moneyOnly("2024: 退还押金30000元 (money)", "租赁合同纠纷", "1.判令被告退还押金30000元。"),
		{name: "2024: 原告已开具发票 in the facts (near miss)", filing: c(cause("买卖合同纠纷"),
			text("诉讼请求：1.判令被告支付货款30000元。事实与理由：原告依约供货并已向被告开具发票，被告未付款。")),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true), silent: []string{nm}},

		// --- Interp. 257 (6), CPL 59 ¶3: a 民撤 case number.
		fire(rules.CodeInferThirdPartyRevocationFromCaseNumber, fire(rules.CodeInterp257ThirdPartyRevoke,
			barred("2024: id (2024)浙0302民撤1号", id("(2024)浙0302民撤1号")))),
		fire(rules.CodeInterp264NoAgreement, barred("2024: id 民撤, parties agree to simplified (Interp. 264 ¶2)",
			id("(2024)浙0302民撤2号"), circ(agreeSimplified))),
		barred("2018: id (2018)浙0302民撤1号 (Interp. 2015 art. 257(6))",
			id("(2018)浙0302民撤1号"), filedOn("2018-09-03"), yuan(5000)),
		quiet(rules.CodeInferThirdPartyRevocationFromCaseNumber, quiet(rules.CodeInterp257ThirdPartyRevoke,
			stays("2024: id (2024)浙0302民初1号", id("(2024)浙0302民初1号")))),
		quiet(rules.CodeInferThirdPartyRevocationFromCaseNumber, fire(rules.CodeInterp257ThirdPartyRevoke,
			barred("2024: id 民撤 with the suit's flag set (no inference)", id("(2024)浙0302民撤3号"),
				circ(func(c *triagev1.Circumstances) { c.ThirdPartyRevocation = true })))),

		// --- Interp. 257 (2): a remand written 发还重审.
		fire(rules.CodeInterp257Remanded, barred("2024: 裁定发还重审", text(loan("30000", "本案经温州市中级人民法院裁定撤销原判，发还重审。")))),
		fire(rules.CodeInterp257Remanded, barred("2024: 发还本院重新审理", text(loan("30000", "二审法院将本案发还本院重新审理。")))),
		quiet(rules.CodeInterp257Remanded, stays("2024: 发还货物 (goods sent back)", text(loan("30000", "原告已将货物发还被告。")))),

		// --- CPL 160, 165: basic courts and their 派出法庭.
		stays("2024: 温州市鹿城区人民法院藤桥人民法庭 (派出法庭)", court("温州市鹿城区人民法院藤桥人民法庭")),
		stays("2024: 瑞安市人民法院塘下人民法庭 (派出法庭)", court("瑞安市人民法院塘下人民法庭")),
		stays("2024: 杭州互联网法院 (a basic court)", court("杭州互联网法院")),
		stays("2024: 杭州铁路运输法院 (a basic court)", court("杭州铁路运输法院")),
		simpClosed("2024: 温州市鹿城区人民法院 stated intermediate", level(intermediateCourt)),
		simpClosed("2024: stated high, parties agree to simplified (CPL 160 ¶2: a basic court's)", level(highCourt),
			court("浙江省高级人民法院"), circ(agreeSimplified)),
		simpClosed("2024: 温州市中级人民法院, ¥60,000 agreed (CPL 165 ¶2: a basic court's)", level(intermediateCourt),
			court("温州市中级人民法院"), yuan(60000), circ(agreeSmallClaims)),
		simpClosed("2024: 温州市中级人民法院 stated basic, agreed to both", court("温州市中级人民法院"),
			circ(agreeSimplified), circ(agreeSmallClaims)),

		// --- Interp. 264 ¶2, CPL 165 ¶2 with 166, CPL 42, Interp. 140, 308:
		// what an agreement cannot overcome.
		fire(rules.CodeInterp264NoAgreement, simpClosed("2024: defendant's whereabouts unknown, agreed to simplified",
			party(1, whereaboutsUnknown), circ(agreeSimplified))),
		fire(rules.CodeInterp140PublicNotice, simpClosed("2024: public notice, agreed to simplified (Interp. 140)",
			circ(func(c *triagev1.Circumstances) { c.PublicNoticeService = true }), circ(agreeSimplified))),
		fire(rules.CodeInterp264NoAgreement, barred("2024: 本案涉及社会公共利益, agreed to simplified",
			text(loan("30000", "本案涉及社会公共利益。")), circ(agreeSimplified))),
		fire(rules.CodeCPL42SingleJudgeBarred, simpClosed("2024: major social impact, agreed to simplified (CPL 42(3))",
			circ(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true }), circ(agreeSimplified))),
		fire(rules.CodeInterp308OrdinaryOnly, simpClosed("2024: 案外人执行异议之诉, agreed to simplified (Interp. 308)",
			cause("案外人执行异议之诉"), circ(agreeSimplified))),
		fire(rules.CodeCPL165AgreementExcluded, noSC("2024: 离婚纠纷 ¥5,000 agreed to small claims (CPL 166(1))",
			cause("离婚纠纷"), yuan(5000), circ(agreeSmallClaims))),
		fire(rules.CodeCPL165AgreementExcluded, noSC("2024: ¥60,000, 申请对借条笔迹进行司法鉴定, agreed (CPL 166(3))",
			yuan(60000), text(loan("60000", "被告申请对借条上的笔迹进行司法鉴定。")), circ(agreeSmallClaims))),
		fire(rules.CodeCPL165AgreementExcluded, noSC("2024: ¥217,290 agreed with a counterclaim (CPL 166(5))",
			yuan(217290), circ(func(c *triagev1.Circumstances) { c.Counterclaim = true }), circ(agreeSmallClaims))),
		noSC("2021-06-01 温州 (no pilot) ¥40,000 agreed: CPL 2017 art. 162 has no agreement",
			filedOn("2021-06-01"), yuan(40000), circ(agreeSmallClaims)),
		noSC("2012-12-31 ¥5,000 agreed: no small claims before CPL 2012",
			filedOn("2012-12-31"), yuan(5000), circ(agreeSmallClaims)),

		// --- Era boundaries.
		{name: "2003-11-30 agreed to simplified: no text let the parties choose", filing: c(filedOn("2003-11-30"), yuan(5000), circ(agreeSimplified)),
			fires: []string{at(locSimp, rules.CodeCPL2007SimplifiedSimple)}, silent: []string{rules.CodeProv2Agreement}},
		{name: "2003-12-01 agreed to simplified: 若干规定 art. 2", filing: c(filedOn("2003-12-01"), yuan(5000), circ(agreeSimplified)),
			fires: []string{at(locSimp, rules.CodeProv2Agreement)}},
		{name: "2012-12-31 ¥5,000: small claims not yet law", filing: c(filedOn("2012-12-31"), yuan(5000)),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, rules.CodeCPL162NotInForce)}},
		{name: "2013-01-01 ¥5,000: CPL 2012 art. 162, mandatory", filing: c(filedOn("2013-01-01"), yuan(5000)),
			avail: av(pSC, avA), mandatory: ptr(true), fires: []string{at(locSC, rules.CodeCPL162Mandatory)}},
		{name: "2015-02-03 ten plaintiffs: 若干规定 art. 1(3), the 1992 opinion", filing: c(filedOn("2015-02-03"), yuan(5000), setParties(10, 1)),
			avail: av(pSC, avU, pSimp, avU), fires: []string{rules.CodeProv1Numerous, rules.CodeInferNumerous1992}, silent: []string{rules.CodeInterp257Numerous}},
		{name: "2015-02-04 ten plaintiffs: Interp. 2015 arts. 257(3), 75", filing: c(filedOn("2015-02-04"), yuan(5000), setParties(10, 1)),
			avail: av(pSC, avU, pSimp, avU), fires: []string{rules.CodeInterp257Numerous, rules.CodeInferNumerous}, silent: []string{rules.CodeProv1Numerous}},
		{name: "2021-12-31 plaintiff's whereabouts unknown (near miss): only a defendant's barred", filing: c(filedOn("2021-12-31"), yuan(5000), party(0, whereaboutsUnknown)),
			avail: av(pSC, avA, pSimp, avA), silent: []string{rules.CodeCPL166Whereabouts, rules.CodeInterp2015Whereabouts}},
		{name: "2022-01-01 plaintiff's whereabouts unknown: CPL 166(4) any party", filing: c(filedOn("2022-01-01"), yuan(5000), party(0, whereaboutsUnknown)),
			avail: av(pSC, avU, pSimp, avA), fires: []string{at(locSC, rules.CodeCPL166Whereabouts)}},
		{name: "pilot 杭州 2020-01-15 ¥45,000: the pilot's first day", filing: c(pilotHZ, filedOn("2020-01-15"), yuan(45000)),
			avail: av(pSC, avA), mandatory: ptr(true), fires: []string{at(locSC, rules.CodePilot2020Mandatory)}},
		{name: "pilot 杭州 2021-12-31 ¥60,000 agreed: the pilot's band", filing: c(pilotHZ, filedOn("2021-12-31"), yuan(60000), circ(agreeSmallClaims)),
			avail: av(pSC, avA), mandatory: ptr(false), fires: []string{at(locSC, rules.CodePilot2020Agreement)}},
		{name: "pilot 杭州 2022-01-01 ¥52,000: CPL 165 at every court", filing: c(pilotHZ, filedOn("2022-01-01"), yuan(52000)),
			avail: av(pSC, avA), mandatory: ptr(true), fires: []string{at(locSC, rules.CodeCPL165Mandatory)}, silent: []string{rules.CodePilot2020Mandatory}},
		noSC("温州 (no pilot) 2021-12-31 ¥45,000: CPL 2017 art. 162's 30%", filedOn("2021-12-31"), yuan(45000)),

		// --- CPL 166 (2), Interp. 520: foreign parties in other words.
		noSC("2024: 被告在中华人民共和国领域内没有住所 (CPL 2023 art. 276's words)",
			text(loan("30000", "被告在中华人民共和国领域内没有住所。"))),
		noSC("2024: 被告：日本某某株式会社上海代表处", text("被告：日本某某株式会社上海代表处。"+loan("30000", ""))),
		noSC("2024: 被告系新加坡永久居民", text(loan("30000", "被告李某系新加坡永久居民，常年居住在新加坡。"))),
		quiet(rules.CodeInferForeignDomicileFromText, stays("2024: 原告系外商独资企业 (a Chinese legal person)",
			text("原告：温州某某制衣有限公司（外商独资企业）。"+loan("30000", "")))),
		stays("2024: 被告系中外合资经营企业 (a Chinese legal person)", text("被告：温州某某电器有限公司（中外合资经营企业）。"+loan("30000", ""))),

		// --- Interp. 257 (3): numerous parties in Chinese numerals.
		barred("2024: 原告王某等十一人", text("原告王某等十一人。诉讼请求：判令被告支付工资30000元。")),
		barred("2024: 原告李某等一百二十三人", text("原告李某等一百二十三人。诉讼请求：判令被告支付工资30000元。")),

		// --- Interp. 257 (5): the 2020 catalogue's 公益诉讼 causes.
		barred("2024: cause 英雄烈士保护民事公益诉讼", cause("英雄烈士保护民事公益诉讼")),
		barred("2024: cause 未成年人保护民事公益诉讼", cause("未成年人保护民事公益诉讼")),
		barred("2024: cause 个人信息保护民事公益诉讼", cause("个人信息保护民事公益诉讼")),

		// --- Interp. 257 (4): a retrial in words the readers may not know.
		barred("2024: 根据检察机关的再审检察建议决定再审 (CPL 219 ¶2)", text(loan("30000", "本院根据温州市鹿城区人民检察院的再审检察建议，决定对本案再审。"))),
		// --- Interp. 257 (6): a mediation statement (调解书) revoked.
		barred("2024: 案外人请求撤销民事调解书", cause("民间借贷纠纷"),
			text("诉讼请求：撤销温州市鹿城区人民法院（2023）浙0302民初88号民事调解书。事实与理由：原告作为第三人因不能归责于本人的事由未参加诉讼，该调解书损害原告民事权益。")),
		// --- CPL 166 (5): a counterclaim denied.
		quiet(rules.CodeCPL166Counterclaim, stays("2024: 被告未提起反诉", text(loan("30000", "被告未提起反诉。")))),
		// --- Interp. 140: public notice asked for.
		fire(rules.CodeInterp140PublicNotice, barred("2024: 原告申请对被告公告送达", text(loan("30000", "因被告下落不明，原告申请对被告公告送达。")))),
		// --- CPL 165 ¶1: the amount in capitals or another currency.
		stays("2024: 借款人民币叁万元整 = the field", text("诉讼请求：1.判令被告偿还借款人民币叁万元整。事实与理由：被告向原告借款人民币叁万元整，至今未还。")),
		noSC("2024: 借款30000欧元", text("诉讼请求：1.判令被告偿还借款30000欧元。事实与理由：被告向原告借款30000欧元，至今未还。")),
	}
}

// TestAuditRound36Remand: the remand reader round 36 taught 发还 is the
// criminal and administrative readers' too (remandIn): CrPL 239, 236 ¶2
// (a case remanded is heard by a new panel; no fast-track) and ALL 82 ¶3
// (no simplified procedure), read from the same words, with the same
// negations.
func TestAuditRound36Remand(t *testing.T) { runTable(t, round36RemandCases(t)) }

func round36RemandCases(tb testing.TB) []tcase {
	_, a, crim := auditBuilders(tb)
	says := func(words string) *triagev1.Filing { return crim(10, id("JS-R36-"+words[:12]), text(words)) }
	return []tcase{
		{name: "crim: 撤销原判，发还重审 (CrPL 239)", filing: says("二审法院认为原判事实不清，裁定撤销原判，发还重审。"),
			avail: av(pFT, avU), review: ptr(true), fires: []string{at(locFT, "CRPL239_REMANDED_FAST_TRACK_BARRED"), at(locReview, rules.CodeReviewRemandedInText)}},
		{name: "crim: 赃款已发还被害人 (near miss)", filing: says("被告人王某盗窃所得赃款已发还被害人，被害人表示谅解。"),
			avail: av(pFT, avA), silent: []string{at(locReview, rules.CodeReviewRemandedInText)}},
		{name: "crim: 不得再发还重新审判 (near miss: CrPL 236 ¶2's negation)", filing: says("第二审人民法院不得再发还重新审判。"),
			avail: av(pFT, avA), silent: []string{at(locReview, rules.CodeReviewRemandedInText)}},
		{name: "adm: 裁定发还重审 (ALL 82 ¶3)", filing: a(text("本案经杭州市中级人民法院二审，裁定撤销原判，发还重审。")),
			avail: av(pSimp, avU, pOrd, avA), review: ptr(true), fires: []string{at(locSimp, "ALL82_REMANDED"), at(locReview, rules.CodeReviewAdminRemandedInText)}},
		{name: "adm: 责令发还财物 (near miss)", filing: a(text("请求撤销被告作出的处罚决定，责令被告发还扣押的财物。")),
			silent: []string{at(locReview, rules.CodeReviewAdminRemandedInText), at(locSimp, "ALL82_REMANDED")}},
	}
}
