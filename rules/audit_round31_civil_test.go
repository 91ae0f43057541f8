package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Statute round 31 (civil): a sum each of several parties pays or is paid,
// each row written from the article's text (/work/shared/law/) before the
// engine was run; a reading may only add a review, never open a procedure.
//
//   - CPL 165 ¶1 (CPL 2017 art. 162 before 2022): small claims by the 标的额,
//     what the claims ask together. "被告向三原告各支付货款20000元" asks three
//     shares, ¥60,000; "两被告各偿还借款30000元" two, ¥60,000. With the amount
//     field at one share the total is above the band the field gives, and a
//     person reads the 标的额 (REVIEW_TEXT_AMOUNT, small claims undetermined),
//     as round 30 does for claims that add up.
//   - 各项, 各类, 连带 and a bracket breaking a sum down are no shares.
//
// The base filing: 温州市鹿城区人民法院, 浙江, filed 2024-03-05; 浙江's
// figure then is ¥54,323 (2018-09-03: ¥24,225).
func TestAuditRound31Civil(t *testing.T) { runTable(t, round31CivilCases(t)) }

func round31CivilCases(tb testing.TB) []tcase {
	civ := civilBase(tb)
	c := func(mods ...mod) *triagev1.Filing { return with(civ, mods...) }
	claims := func(s string) string { return "诉讼请求：" + s + "事实与理由：被告欠款未还。" }
	textAmt := rules.CodeReviewTextAmount
	foreignSilent := []string{"CPL166_FOREIGN", rules.CodeInferForeignFromText}
	loan := claims("1.判令被告偿还借款20000元。")
	// resident: a party's habitual residence abroad (Interp. 520(2)) closes small claims (CPL 166(2)).
	resident := func(name, txt string) tcase {
		return tcase{name: name, filing: c(yuan(20000), text(loan+txt)), avail: av(pSC, avU, pSimp, avA, pOrd, avA),
			mandatory: ptr(false), fires: []string{at(locSC, "CPL166_FOREIGN"), "infer:" + rules.CodeInferForeignFromText}}
	}
	home := func(name, txt string) tcase {
		return tcase{name: name + " (near miss)", filing: c(yuan(20000), text(loan+txt)), avail: av(pSC, avA, pSimp, avA),
			mandatory: ptr(true), silent: foreignSilent}
	}
	// shares: the shares add up above the figure the field (one share) stays within.
	shares := func(name string, fieldYuan int64, cl string) tcase {
		return tcase{name: name, filing: c(yuan(fieldYuan), text(claims(cl))),
			avail: av(pSC, avD, pSimp, avA), mandatory: ptr(false), review: ptr(true), fires: []string{at(locSC, textAmt)}}
	}
	// within: near misses that stay mandatory small claims, no review.
	within := func(name string, fieldYuan int64, cl string) tcase {
		return tcase{name: name + " (near miss)", filing: c(yuan(fieldYuan), text(claims(cl))),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true), silent: []string{textAmt}}
	}
	return []tcase{
		shares("2024: 被告向三原告各支付货款20000元 = ¥60,000 over ¥54,323", 20000, "1.判令被告向三原告各支付货款20000元。"),
		shares("2024: 两被告各偿还借款30000元 = ¥60,000", 30000, "1.判令两被告各偿还借款30000元。"),
		shares("2024: 二被告各赔偿原告损失30000元", 30000, "1.判令二被告各赔偿原告损失30000元；2.诉讼费由被告承担。"),
		shares("2024: 被告向3名原告各支付工资20000元 (digits)", 20000, "1.判令被告向3名原告各支付工资20000元。"),
		shares("2024: 三原告…各20000元 (the count in the clause before)", 20000, "1.判令被告支付三原告补偿款，各20000元。"),
		shares("2024: 各支付…，共计60000元 (a stated total, pinned)", 20000, "1.判令被告向三原告各支付货款20000元，共计60000元。"),
		{name: "2018: 两被告各偿还借款15000元 = ¥30,000 over ¥24,225 (CPL 2017 art. 162)", filing: c(yuan(15000), filedOn("2018-09-03"),
			text(claims("1.判令两被告各偿还借款15000元。"))),
			avail: av(pSC, avD, pSimp, avA), mandatory: ptr(false), fires: []string{at(locSC, rules.CodeReviewTextAmountCPL2017)}},
		within("2024: 两被告各偿还借款10000元 = ¥20,000 within", 20000, "1.判令两被告各偿还借款10000元。"),
		within("2024: 两被告连带偿还借款30000元 (jointly, one sum)", 30000, "1.判令两被告连带偿还借款30000元。"),
		within("2024: 支付各项损失30000元 (各项: items)", 30000, "1.判令两被告支付各项损失30000元。"),
		within("2024: 三原告各类费用30000元 (各类: kinds)", 30000, "1.判令被告向三原告支付各类费用30000元。"),
		within("2024: 各自承担 without a sum", 30000, "1.判令被告偿还借款30000元；2.诉讼费由两被告各自承担。"),
		within("2024: 30000元（两被告各负担15000元） (a breakdown)", 30000, "1.判令两被告偿还借款30000元（两被告各负担15000元）。"),
		within("2024: 第二被告…各支付 (an ordinal, no count)", 30000, "1.判令被告向第二被告的债权人原告各支付借款30000元。"),
		within("2024: 原告各支付 with no count (一原告)", 30000, "1.判令被告向原告各支付借款30000元。"),

		// --- Interest to the day of payment at a stated rate, the field at the principal.
		shares("2024: 50000元及利息（年利率15%…至实际清偿之日止）: a year adds ¥7,500", 50000,
			"1.判令被告偿还借款50000元及利息（按年利率15%，自2023年3月1日起计算至实际清偿之日止）。"),
		shares("2024: 50000元，利息按月利率1%计算至付清之日止: a year adds ¥6,000", 50000,
			"1.判令被告偿还借款50000元；2.判令被告支付利息（按月利率1%计算至付清之日止）。"),
		{name: "2018: 22000元及利息（年利率24%…至还清之日）: ¥27,280 over ¥24,225", filing: c(yuan(22000), filedOn("2018-09-03"),
			text(claims("1.判令被告偿还借款22000元及利息（按年利率24%计算至还清之日止）。"))),
			avail: av(pSC, avD, pSimp, avA), mandatory: ptr(false), fires: []string{at(locSC, rules.CodeReviewTextAmountCPL2017)}},
		shares("2024: 暂计至起诉之日为8000元 with an open end (round 30's sum, pinned)", 50000,
			"1.判令被告偿还借款50000元及利息（按年利率15%计算至实际清偿之日止，暂计至起诉之日为8000元）。"),
		within("2024: 30000元 at 15% to payment: ¥34,500 within", 30000,
			"1.判令被告偿还借款30000元及利息（按年利率15%计算至实际清偿之日止）。"),
		within("2024: no rate stated (按LPR四倍): not read", 50000,
			"1.判令被告偿还借款50000元及利息（按LPR的四倍计算至实际清偿之日止）。"),
		within("2024: field ¥52,000 above the principal (interest to filing entered)", 52000,
			"1.判令被告偿还借款50000元及利息（按年利率15%计算至实际清偿之日止）。"),
		within("2024: 年利率15% with a closed period (至2024年3月1日止, no open end)", 50000,
			"1.判令被告偿还借款50000元及利息（按年利率15%计算至2023年4月1日止）。"),

		// --- A party settled abroad in other words (Interp. 2022 art. 520(2)).
		resident("2024: 被告已移民加拿大", "被告借款后已移民加拿大。"),
		resident("2024: 被告于2019年移民至澳大利亚", "被告于2019年移民至澳大利亚，借款未还。"),
		resident("2024: 被告已取得美国绿卡", "被告已取得美国绿卡，长期在外。"),
		home("被告系移民局工作人员 (移民局 names no place)", "被告系移民局工作人员，借款未还。"),
		home("被告计划移民加拿大 (meant)", "被告计划移民加拿大，借款未还。"),
		home("证人李某已移民美国 (no party)", "被告借款未还，出借时在场的证人李某已移民美国。"),
		home("被告通过移民中介介绍 (no place)", "被告通过移民中介介绍认识原告，借款未还。"),
		home("被告居住在美国 (a stay, not read: round 29)", "被告现居住在美国，借款未还。"),
	}
}
