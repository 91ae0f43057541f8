package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Statute round 32b (civil): a party the complaint says cannot be reached,
// each row written from the article's text (/work/shared/law/) before the
// engine was run.
//
//   - CPL 2021/2023 art. 166(4): "一方当事人下落不明的案件" are no small
//     claims; Interp. 2022 art. 257(1): "起诉时被告下落不明的" no simplified
//     case. 2015-02-04 to 2021-12-31 Interp. 2015 art. 257(1) (with CPL
//     2012/2017 art. 162, of the defendant only); 2003-12-01 to 2015-02-03
//     若干规定 art. 1(1) (small claims from 2013).
//   - Whether a person's whereabouts are unknown is the court's finding. A
//     complaint saying a party is 失联, 联系不上, 无法联系, 音讯全无, 杳无音信
//     or 住所不明 says less than 下落不明 (round 30 reads 去向不明, 不知去向,
//     行踪不明, 下落不详 as 下落不明 itself): nothing is closed, but small
//     claims is no longer the court's duty (undetermined) and the case is
//     reviewed, under the article in force on the filing date.
//   - Said of a party only (被告, 原告, a party's name; before 2022 the
//     defendant only), not of a relative or a witness, not negated, and not
//     undone in the same sentence (现已联系上).
//
// The base filing: 温州市鹿城区人民法院, 浙江, filed 2024-03-05, ¥20,000
// 民间借贷纠纷; 浙江's figure then is ¥54,323.
func TestAuditRound32bCivil(t *testing.T) { runTable(t, round32bCivilCases(t)) }

func round32bCivilCases(tb testing.TB) []tcase {
	civ := civilBase(tb)
	c := func(mods ...mod) *triagev1.Filing { return with(civ, append([]mod{yuan(20000)}, mods...)...) }
	loan := func(sum, facts string) string {
		return "诉讼请求：1.判令被告偿还借款" + sum + "元。事实与理由：" + facts
	}
	const (
		rev2022 = rules.CodeReviewWhereaboutsInText
		rev2015 = rules.CodeReviewWhereaboutsInTextInterp2015
		rev2003 = rules.CodeReviewWhereaboutsInTextProv2003
		rWhere  = "infer:" + rules.CodeInferWhereaboutsFromText
	)
	all := []string{rev2022, rev2015, rev2003}
	// unreachable: small claims undetermined (not closed), simplified and
	// ordinary open, reviewed with code; the stronger inference not given.
	unreachable := func(name, code string, mods ...mod) tcase {
		return tcase{name: name, filing: c(mods...), avail: av(pSC, avD, pSimp, avA, pOrd, avA), mandatory: ptr(false),
			review: ptr(true), fires: []string{at(locSC, code), at(locReview, code)}, silent: []string{rWhere}}
	}
	// reached: near misses that stay mandatory small claims, unreviewed.
	reached := func(name string, mods ...mod) tcase {
		return tcase{name: name + " (near miss)", filing: c(mods...), avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true),
			review: ptr(false), silent: all}
	}
	return []tcase{
		// --- 2024 (CPL 2023 art. 166(4); Interp. 2022 art. 257(1)).
		unreachable("2024: 被告借款后失联", rev2022, text(loan("20000", "被告借款后失联。"))),
		unreachable("2024: 被告借款后与原告失去联系", rev2022, text(loan("20000", "被告借款后与原告失去联系。"))),
		unreachable("2024: 被告电话关机，联系不上", rev2022, text(loan("20000", "被告至今未还，现被告电话关机，联系不上。"))),
		unreachable("2024: 原告多次催要，被告无法联系", rev2022, text(loan("20000", "原告多次催要，被告现无法联系。"))),
		unreachable("2018: 原告多次联系被告，被告电话关机，无法联系 (the defendant's, a generated filing's words)", rev2015,
			filedOn("2018-09-03"), yuan(5000), text(loan("5000", "原告发现后，多次联系被告，被告电话关机，无法联系。"))),
		unreachable("2024: 被告离家后音讯全无", rev2022, text(loan("20000", "被告离家后音讯全无。"))),
		unreachable("2024: 被告住所不明", rev2022, text(loan("20000", "被告住所不明。"))),
		unreachable("2024: a defendant by name: 李四借款后一直联系不上", rev2022, named(1, "李四"),
			text(loan("20000", "李四于2023年5月向原告借款，此后一直联系不上。"))),
		unreachable("2024: a plaintiff (一方当事人): 原告王五出国务工已失联", rev2022, named(0, "王五"),
			text(loan("20000", "原告王五出国务工已失联，由其委托诉讼代理人起诉。"))),
		{name: "2024: 被告失联, ¥60,000: small claims closed by the figure, the review stands", filing: c(yuan(60000),
			text(loan("60000", "被告借款后失联。"))), avail: av(pSC, avU, pSimp, avA), review: ptr(true),
			fires: []string{at(locReview, rev2022)}, silent: []string{at(locSC, rev2022), rWhere}},
		// --- 2022 (CPL 2021 art. 166(4)).
		unreachable("2022: 被告杳无音信", rev2022, filedOn("2022-03-01"), text(loan("20000", "被告借款后杳无音信。"))),
		// --- 2015-02-04 to 2021-12-31 (Interp. 2015 art. 257(1), CPL 162).
		unreachable("2018: 被告借款后联系不上", rev2015, filedOn("2018-09-03"), yuan(5000), text(loan("5000", "被告借款后联系不上。"))),
		unreachable("2017: 被告失联", rev2015, filedOn("2017-09-01"), yuan(5000), text(loan("5000", "被告借款后失联。"))),
		reached("2018: 原告王五失联 (Interp. 2015 art. 257(1) speaks of the defendant)", filedOn("2018-09-03"), yuan(5000),
			named(0, "王五"), text(loan("5000", "原告王五出国务工已失联，由其委托诉讼代理人起诉。"))),
		// --- 2013-01-01 to 2015-02-03 (若干规定 art. 1(1), CPL 2012 art. 162).
		unreachable("2014: 被告音讯全无", rev2003, filedOn("2014-09-03"), yuan(5000), text(loan("5000", "被告借款后音讯全无。"))),
		unreachable("2013: 被告失联", rev2003, filedOn("2013-06-03"), yuan(5000), text(loan("5000", "被告借款后失联。"))),
		{name: "2010: 被告失联: no small claims yet; 若干规定 art. 1(1) reviewed", filing: c(filedOn("2010-06-03"), yuan(5000),
			text(loan("5000", "被告借款后失联。"))), avail: av(pSimp, avA), review: ptr(true),
			fires: []string{at(locReview, rev2003)}, silent: []string{at(locSC, rev2003)}},

		// --- Near misses: negated, undone, another person, the stronger reading.
		reached("被告并未失联", text(loan("20000", "被告并未失联，仅拒不还款。"))),
		reached("被告并非联系不上", text(loan("20000", "被告并非联系不上，而是拒不还款。"))),
		reached("被告曾一度失联，现已联系上", text(loan("20000", "被告曾一度失联，现已联系上，但仍拒不还款。"))),
		reached("被告可以联系", text(loan("20000", "被告可以联系，但拒不还款。"))),
		reached("证人赵六已失联 (a witness)", text(loan("20000", "被告借款时证人赵六在场，证人赵六现已失联。"))),
		reached("被告之父音讯全无 (a relative)", text(loan("20000", "被告之父音讯全无。"))),
		reached("案外人孙七联系不上 (a third person)", text(loan("20000", "案外人孙七联系不上。"))),
		// Statute round 33 reads whose the words are as 下落不明's (round
		// 23b): the party may be named in the sentence before.
		unreachable("2024: 借款后联系不上, 被告 named in the sentence before (round 33)", rev2022, text(loan("20000", "借款后联系不上。"))),
		reached("no subject: 借款后联系不上", text("诉讼请求：1.判令偿还借款20000元。事实与理由：借款后联系不上。")),
		{name: "被告下落不明，也联系不上: 下落不明 read, closes (near miss)", filing: c(text(loan("20000", "被告下落不明，电话也联系不上。"))),
			avail: av(pSC, avU, pSimp, avU), fires: []string{at(locSC, rules.CodeCPL166Whereabouts), rWhere}, silent: all},
		{name: "whereabouts field set, 被告失联 in the text: the field closes (near miss)", filing: c(party(1, whereaboutsUnknown),
			text(loan("20000", "被告借款后失联。"))), avail: av(pSC, avU, pSimp, avU), fires: []string{at(locSC, rules.CodeCPL166Whereabouts)}, silent: all},
	}
}
