package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Statute round 35 (civil), each row written from the article's text
// (/work/shared/law/ and the texts docs/statutes.md names) before the
// engine was run; a reading may only close a procedure the law closes or
// leave it to a person, never open one.
//
//   - Interp. 257 (2015 text art. 257; 若干规定 art. 1): remand, numerous
//     parties, retrial, national or public interest and a third party's
//     suit to revoke are never heard in simplified procedure, small claims
//     (Interp. 281) included. Written in other words in the complaint, or
//     in the cause field, the court must at least look: small claims is not
//     the court's duty, simplified not offered as open.
//   - CPL 166 (5): a counterclaim; CPL 166 (2) and Interp. 520: a party of
//     香港, 澳门, 台湾 or abroad, by address or document.
//   - CPL 165 ¶1: the 标的额 a complaint states in 万元 or capitals.
//
// The base filing: 温州市鹿城区人民法院, 浙江, filed 2024-03-05, ¥30,000
// 民间借贷纠纷; 浙江's figure then is ¥54,323.
func TestAuditRound35Civil(t *testing.T) { runTable(t, round35CivilCases(t)) }

// notSimple checks that neither small claims nor simplified procedure is
// offered as open, and small claims is not the court's duty.
func notSimple(t *testing.T, a *rules.Assessment) {
	t.Helper()
	for _, p := range []triagev1.Procedure{pSC, pSimp} {
		if o := a.Option(p); o != nil && o.GetAvailability() == avA {
			t.Errorf("%s available: %s", procLoc(p), describe(a))
		}
	}
	if o := a.Option(pSC); o != nil && o.GetMandatory() {
		t.Errorf("small claims mandatory: %s", describe(a))
	}
	if o := a.Option(pOrd); o == nil || o.GetAvailability() != avA {
		t.Errorf("ordinary not available: %s", describe(a))
	}
	if !a.NeedsReview() && !closedBoth(a) {
		t.Errorf("neither closed nor reviewed: %s", describe(a))
	}
}

// notSmallClaim checks that small claims is neither available nor the
// court's duty (simplified may stay open).
func notSmallClaim(t *testing.T, a *rules.Assessment) {
	t.Helper()
	if o := a.Option(pSC); o != nil && (o.GetAvailability() == avA || o.GetMandatory()) {
		t.Errorf("small claims %s mandatory=%v: %s", o.GetAvailability(), o.GetMandatory(), describe(a))
	}
}

func closedBoth(a *rules.Assessment) bool {
	for _, p := range []triagev1.Procedure{pSC, pSimp} {
		if o := a.Option(p); o == nil || o.GetAvailability() != avU {
			return false
		}
	}
	return true
}

func round35CivilCases(tb testing.TB) []tcase {
	rows := newCivilRows(tb)
	c, loan, barred, noSC, stays := rows.filing, loanClaims, rows.barred, rows.noSC, rows.stays
	fire, quiet := fireCode, quietCode
	return []tcase{
		// --- Interp. 257 (5): 涉及国家利益、社会公共利益.
		barred("2024: 本案涉及社会公共利益", text(loan("30000", "本案涉及社会公共利益。"))),
		// 损害国家利益 and 侵害众多消费者合法权益 are not read (round 25): a
		// contract said to harm the state (民法典 art. 153) or a consumer's
		// own suit for punitive damages says them of no public-interest suit.
		stays("2024: 被告的行为损害国家利益 (a contract's invalidity)", text(loan("30000", "被告的行为损害国家利益。"))),
		stays("2024: 侵害众多消费者合法权益 (a consumer's own suit)", cause("产品责任纠纷"),
			text("诉讼请求：判令被告赔偿损失30000元。事实与理由：被告销售不合格产品，侵害众多消费者合法权益。")),
		fire(rules.CodeInferPublicInterestFromFiling, barred("2024: 原告：浙江省消费者权益保护委员会 (消费者权益保护法 art. 47)", cause("产品责任纠纷"),
			text("原告：浙江省消费者权益保护委员会。诉讼请求：判令被告停止销售并赔偿30000元。事实与理由：被告销售假冒商品。"))),
		fire(rules.CodeInferPublicInterestFromFiling, barred("2024: 原告：中国消费者协会 (CPL 58 ¶1)", cause("产品责任纠纷"),
			text("原告：中国消费者协会，住所地北京市。诉讼请求：判令被告赔偿30000元。"))),
		stays("2024: 支持起诉人：…人民检察院 (CPL 15, a worker's own suit)",
			text("支持起诉人：温州市鹿城区人民检察院。原告：张某。诉讼请求：判令被告偿还借款30000元。")),
		stays("2024: 原告：温州市某某贸易有限公司", text("原告：温州市某某贸易有限公司。诉讼请求：判令被告偿还借款30000元。")),
		barred("2024: 公益诉讼起诉人温州市鹿城区人民检察院 (CPL 58 ¶2)", cause("环境污染责任纠纷"),
			text("公益诉讼起诉人：温州市鹿城区人民检察院。诉讼请求：判令被告赔偿生态环境修复费用30000元。")),
		barred("2024: cause 生态环境损害赔偿诉讼", cause("生态环境损害赔偿诉讼")),
		barred("2024: cause 消费者权益保护民事公益诉讼", cause("消费者权益保护民事公益诉讼")),
		// --- Interp. 257 (3): 当事人一方人数众多 (Interp. 75: 十人以上).
		barred("2024: 原告张某等三十五人", text("原告张某等三十五人。诉讼请求：判令被告支付工资30000元。")),
		barred("2024: 原告共计52人", text("诉讼请求：判令被告支付工资30000元。事实与理由：原告共计52人，均为被告员工。")),
		fire(rules.CodeInferRepresentativeSuitFromText, barred("2024: 推选代表人进行诉讼 (CPL 56)", text(loan("30000", "原告一方推选张某、李某为代表人进行诉讼。")))),
		fire(rules.CodeInferRepresentativeSuitFromText, barred("2024: 人数不确定的代表人诉讼 (CPL 57)", text(loan("30000", "本案系诉讼标的是同一种类、当事人一方人数众多在起诉时人数尚未确定的代表人诉讼。")))),
		fire(rules.CodeInferRepresentativeSuitFromText, barred("2024: 原告推选诉讼代表人", text(loan("30000", "原告推选诉讼代表人王某参加诉讼。")))),
		fire(rules.CodeProv1Numerous, barred("2014: 推选代表人 (若干规定 art. 1(3))", filedOn("2014-06-01"), yuan(5000),
			text(loan("5000", "原告一方推选张某为代表人进行诉讼。")))),
		quiet(rules.CodeInferRepresentativeSuitFromText, stays("2024: 股东会推选张某为法定代表人", text(loan("30000", "被告公司股东会推选张某为法定代表人。")))),
		quiet(rules.CodeInferRepresentativeSuitFromText, stays("2024: 本案并非代表人诉讼", text(loan("30000", "本案并非代表人诉讼。")))),
		stays("原告张某等二人", text("原告张某等二人。诉讼请求：判令被告偿还借款30000元。")),
		// --- Interp. 257 (2): 发回重审 in other words; in the cause field.
		barred("2024: 撤销原判，发回本院重审", text(loan("30000", "温州市中级人民法院裁定撤销原判，发回本院重审。"))),
		barred("2024: 发回重新审理", text(loan("30000", "二审法院以事实不清为由将本案发回重新审理。"))),
		fire(rules.CodeReviewProcedureInCauseCivil, fire(rules.CodeInterp257Remanded,
			barred("2024: cause 民间借贷纠纷（发回重审）", cause("民间借贷纠纷（发回重审）")))),
		fire(rules.CodeReviewProcedureInCauseCivil, barred("2024: cause 民间借贷纠纷重审", cause("民间借贷纠纷重审"))),
		fire(rules.CodeInterp257Remanded, fire(rules.CodeReviewProcedureInCauseCivil,
			barred("2018: cause 民间借贷纠纷(发回重审)", filedOn("2018-09-03"), yuan(5000), text(loan("5000", "")), cause("民间借贷纠纷(发回重审)")))),
		// --- Interp. 257 (4): 审判监督程序.
		barred("2024: 本案依审判监督程序再审", text(loan("30000", "本院依照审判监督程序决定对本案进行再审。"))),
		barred("2024: 人民检察院抗诉 (CPL 219)", text(loan("30000", "温州市人民检察院对原判决提出抗诉，本院裁定再审。"))),
		fire(rules.CodeReviewProcedureInCauseCivil, fire(rules.CodeInterp257Retrial,
			barred("2024: cause 民间借贷纠纷（再审）", cause("民间借贷纠纷（再审）")))),
		barred("2024: id (2024)浙0302民再1号", id("(2024)浙0302民再1号")),
		// --- Interp. 257 (6): 第三人撤销之诉 in other words.
		barred("2024: 第三人请求撤销生效判决 (CPL 59 ¶3)", cause("民间借贷纠纷"),
			text("诉讼请求：撤销温州市鹿城区人民法院（2023）浙0302民初100号民事判决。事实与理由：原告作为第三人，因不能归责于本人的事由未参加诉讼，该判决损害原告民事权益。")),
		barred("2024: cause 第三人撤销之诉纠纷", cause("第三人撤销之诉纠纷")),
		// --- CPL 166 (5): a counterclaim in other words.
		noSC("2024: 反诉原告 in the text", text(loan("30000", "被告（反诉原告）提出反诉，请求原告返还货款。"))),
		noSC("2024: 被告向本院提起反诉", text(loan("30000", "被告已向本院提起反诉。"))),
		fire(rules.CodeReviewProcedureInCauseCivil, fire(rules.CodeCPL166Counterclaim,
			noSC("2024: cause 民间借贷纠纷（反诉）", cause("民间借贷纠纷（反诉）")))),
		{name: "2024: cause 民间借贷纠纷（撤回反诉） (near miss)", filing: c(cause("民间借贷纠纷（撤回反诉）")),
			avail: av(pSC, avA), mandatory: ptr(true), silent: []string{rules.CodeReviewProcedureInCauseCivil}},
		// --- CPL 166 (2), Interp. 520: 涉港澳台 / 涉外 parties by address or document.
		fire(rules.CodeInferForeignDomicileFromText, noSC("2024: 被告住所地中国香港九龙", text(loan("30000", "被告住所地：中国香港九龙弥敦道1号。")))),
		noSC("2024: 被告持港澳居民来往内地通行证", text(loan("30000", "被告李某，持港澳居民来往内地通行证。"))),
		noSC("2024: 被告持台湾居民来往大陆通行证", text(loan("30000", "被告陈某，持台湾居民来往大陆通行证。"))),
		fire(rules.CodeInferForeignDomicileFromText, noSC("2024: 被告住台湾地区台北市", text(loan("30000", "被告陈某，住台湾地区台北市信义区。")))),
		fire(rules.CodeInferForeignDomicileFromText, noSC("2024: 被告住澳门特别行政区", text(loan("30000", "被告何某，住澳门特别行政区。")))),
		fire(rules.CodeInferForeignDomicileFromText, noSC("2024: 被告住所地为美国纽约州", text(loan("30000", "被告李某，住所地为美国纽约州。")))),
		fire(rules.CodeInterp2015Foreign, fire(rules.CodeInferForeignDomicileFromText, noSC("2018: 被告住香港新界 (Interp. 2015 art. 275(2))",
			filedOn("2018-09-03"), yuan(5000), text(loan("5000", "被告王某，住香港新界沙田。"))))),
		quiet(rules.CodeInferForeignDomicileFromText, stays("2024: 被告住温州市鹿城区香港路", text(loan("30000", "被告王某，住温州市鹿城区香港路1号。")))),
		quiet(rules.CodeInferForeignDomicileFromText, stays("2024: 被告住香港路 (a street)", text(loan("30000", "被告王某，住香港路1号。")))),
		quiet(rules.CodeInferForeignDomicileFromText, stays("2024: 原告的委托诉讼代理人住香港 (not a party)", text(loan("30000", "原告的委托诉讼代理人李某住香港。")))),
		quiet(rules.CodeInferForeignDomicileFromText, stays("2024: 被告暂住香港 (a stay: round 29)", text(loan("30000", "被告王某暂住香港。")))),
		quiet(rules.CodeInferForeignDomicileFromText, stays("2024: 被告并非住香港", text(loan("30000", "被告王某并非住香港。")))),
		noSC("2024: 被告美国国籍，护照号", text(loan("30000", "被告John Smith，美国国籍，护照号码：123456789。"))),
		noSC("2024: 被告系日本籍", text(loan("30000", "被告田中某，日本籍。"))),
		noSC("2024: 被告为外国人", text(loan("30000", "被告系外国人。"))),
		noSC("2024: 被告为香港居民", text(loan("30000", "被告系香港居民。"))),
		// --- CPL 165 ¶1: the amount in 万元 or capitals, field empty.
		noSC("2024: 借款8万元, no amount field", fen(0), text("诉讼请求：1.判令被告偿还借款8万元。事实与理由：被告向原告借款8万元，至今未还。")),
		noSC("2024: 借款人民币伍万捌仟元整, no amount field", fen(0), text("诉讼请求：1.判令被告偿还借款人民币伍万捌仟元整。")),
		noSC("2024: 借款5.8万元, no amount field", fen(0), text("诉讼请求：1.判令被告偿还借款5.8万元。")),
		noSC("2024: 借款30000元及利息28000元, no amount field", fen(0), text("诉讼请求：1.判令被告偿还借款30000元；2.支付利息28000元。")),
		noSC("2024: field ¥30,000 but claims 8万元", text("诉讼请求：1.判令被告偿还借款8万元。事实与理由：被告向原告借款8万元。")),
		noSC("2024: field ¥30,000 but claims 人民币捌万元", text("诉讼请求：1.判令被告偿还借款人民币捌万元。")),
		// --- Interp. 2015 art. 275 (3): 知识产权纠纷, by the 2011 案由规定's
		// part 5 names (rounds before read 知识产权 itself).
		noSC("2018: 侵害商标权纠纷", filedOn("2018-09-03"), yuan(5000), text(""), cause("侵害商标权纠纷")),
		noSC("2018: 侵害作品信息网络传播权纠纷", filedOn("2018-09-03"), yuan(5000), text(""), cause("侵害作品信息网络传播权纠纷")),
		noSC("2018: 著作权权属、侵权纠纷", filedOn("2018-09-03"), yuan(5000), text(""), cause("著作权权属、侵权纠纷")),
		noSC("2018: 特许经营合同纠纷 (知识产权合同纠纷)", filedOn("2018-09-03"), yuan(5000), text(""), cause("特许经营合同纠纷")),
		noSC("2018: 计算机软件开发合同纠纷 (技术合同纠纷)", filedOn("2018-09-03"), yuan(5000), text(""), cause("计算机软件开发合同纠纷")),
		// --- Interp. 273: a maritime court "可以" hear small claims; never
		// its duty.
		{name: "2024: 宁波海事法院 船舶修理合同纠纷 ¥30,000 (Interp. 273: 可以)", filing: c(court("宁波海事法院"), cause("船舶修理合同纠纷"),
			text("诉讼请求：判令被告支付修理费30000元。")), mandatory: ptr(false)},
		// --- CPL 165 ¶1: interest 暂计至 the filing, over the figure.
		noSC("2024: 本金30000元及利息暂计至起诉之日25000元",
			text("诉讼请求：1.判令被告偿还借款本金30000元及利息（暂计至2024年3月1日为25000元，此后按年利率15%计算至实际清偿之日止）。")),
		// --- Special procedures in the cause, round 34's not added.
		barred("2024: cause 申请撤销监护人资格", cause("申请撤销监护人资格")),
		barred("2024: cause 申请确认人民调解协议效力", cause("申请确认人民调解协议效力")),
		barred("2024: cause 申请认定公民无民事行为能力", cause("申请认定公民无民事行为能力")),
		stays("2024: 民间借贷纠纷 base"),
	}
}
