package rules_test

import (
	"slices"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestClaimsInChineseNumerals (statute round 23b): CPL 165 ¶1 gives small
// claims by the 标的额, and a claim written in Chinese numerals (五千元,
// 伍仟元整, 三万五千元) states it as plainly as digits. Until rules
// 2026-12-04.29 the claims reader read digits only, so a claim of 五十万元
// beside an amount field of ¥5,000, or with no amount, kept small claims
// mandatory (or, without an amount, confidently no money claim). A sum
// written in digits and repeated in 大写 is one sum, and a 大写 repeat of a
// small sum changes nothing.
func TestClaimsInChineseNumerals(t *testing.T) { runTable(t, numeralClaimsCases(t)) }

func numeralClaimsCases(tb testing.TB) []tcase {
	civ := civilBase(tb)
	c := func(mods ...mod) *triagev1.Filing { return with(civ, append([]mod{yuan(5000)}, mods...)...) }
	claims := func(cl string) mod {
		return text("诉讼请求：" + cl + "事实与理由：被告向原告借款，到期未还。")
	}
	const amt, amt2017 = "REVIEW_TEXT_AMOUNT", "REVIEW_TEXT_AMOUNT_CPL2017"
	undecided := func(name, code string, mods ...mod) tcase {
		return tcase{name: name, filing: c(mods...), avail: av(pSC, avD, pSimp, avA), mandatory: ptr(false), review: ptr(true),
			fires: []string{at(locSC, code), at(locReview, code)}}
	}
	mandatory := func(name string, mods ...mod) tcase {
		return tcase{name: name + " (near miss)", filing: c(mods...), avail: av(pSC, avA), mandatory: ptr(true), review: ptr(false),
			silent: []string{amt}}
	}
	return []tcase{
		undecided("五十万元, field ¥5,000", amt, claims("判令被告偿还借款五十万元。")),
		undecided("伍拾万元整 (大写), field ¥5,000", amt, claims("判令被告偿还借款人民币伍拾万元整。")),
		undecided("三十五万元", amt, claims("判令被告偿还借款三十五万元及利息。")),
		undecided("壹拾贰万叁仟元", amt, claims("判令被告偿还借款壹拾贰万叁仟元。")),
		undecided("3千万元 (digits before 千 read nothing)", amt, claims("判令被告偿还借款3千万元。")),
		{name: "房屋租赁合同纠纷 without amount: 租金一万元", filing: c(cause("房屋租赁合同纠纷"), yuan(0), claims("判令被告支付租金一万元。")),
			avail: av(pSC, avD), review: ptr(true), fires: []string{at(locSC, amt)}, silent: []string{"CPL165_NOT_MONEY_PAYMENT"}},
		undecided("十万元 (a leading 十)", amt, claims("判令被告偿还借款十万元。")),
		undecided("2018 伍拾万元 (CPL 162)", amt2017, filedOn("2018-06-04"), claims("判令被告偿还借款伍拾万元。")),
		// Near misses: the 大写 repeat of the field's sum, a small sum, a
		// guess (三四万元), 1.5万 in digits, a rate's base.
		mandatory("5000元（大写：伍仟元整）", claims("判令被告偿还借款5000元（大写：伍仟元整）。")),
		mandatory("五千元", claims("判令被告偿还借款五千元。")),
		mandatory("三四万元 is a guess", claims("判令被告偿还借款5000元，被告另欠三四万元。")),
		mandatory("0.5万元", claims("判令被告偿还借款0.5万元。")),
		mandatory("每万元 a rate's base", claims("判令被告偿还借款5000元，利息按每万元每日五元计算。")),
		mandatory("五十万元 in the facts only", text("诉讼请求：判令被告偿还借款5000元。事实与理由：被告曾借款五十万元，已归还大部分。")),
	}
}

// TestForeignPartiesStated (statute round 23b): CPL 166(2) keeps a
// foreign-related case out of small claims, and Interp. 520(1) (2015 text
// art. 522(1)) makes a case foreign-related when a party is 外国人、无国籍人、
// 外国企业或者组织. Until rules 2026-12-04.29 only a Hong Kong, Macao or
// Taiwan name was read, so a defendant stated 美国籍, 外籍 or 无国籍 in the
// text, or named "Apple Inc." or "某某株式会社", kept small claims
// mandatory. A witness's or a relative's nationality, a 籍贯, a Chinese
// name holding 美 or 英, and a school named 外国语 change nothing.
func TestForeignPartiesStated(t *testing.T) { runTable(t, foreignStatedCases(t)) }

func foreignStatedCases(tb testing.TB) []tcase {
	civ := civilBase(tb)
	c := func(mods ...mod) *triagev1.Filing { return with(civ, append([]mod{yuan(5000)}, mods...)...) }
	const byText, byName = "INFER_FOREIGN_FROM_TEXT", "INFER_FOREIGN_FROM_PARTY_NAME"
	foreign := func(name, code string, mods ...mod) tcase {
		return tcase{name: name, filing: c(mods...), avail: av(pSC, avU, pSimp, avA),
			fires: []string{at(locSC, "CPL166_FOREIGN"), at(locInfer, code), at(locInfer, "INFER_FOREIGN_PARTY")}}
	}
	open := func(name string, mods ...mod) tcase {
		return tcase{name: name + " (near miss)", filing: c(mods...), avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true),
			silent: []string{byText, byName, "CPL166_FOREIGN"}}
	}
	return []tcase{
		foreign("text: 被告…美国籍", byText, text("被告约翰·史密斯，男，1970年出生，美国籍，住上海市。诉讼请求：判令被告偿还借款5000元。")),
		foreign("text: 被告系外籍人士", byText, text("诉讼请求：判令被告偿还借款5000元。事实与理由：被告系外籍人士，在温州经商。")),
		foreign("text: 被告国籍为日本", byText, text("被告田中太郎，国籍为日本。诉讼请求：判令被告支付货款5000元。")),
		foreign("text: 原告无国籍", byText, text("原告某某，无国籍，住温州市。诉讼请求：判令被告支付工资5000元。")),
		foreign("text: 被告系加拿大国籍", byText, text("被告李某系加拿大国籍。诉讼请求：判令被告偿还借款5000元。")),
		foreign("name: 李某（美国籍）", byText, named(1, "李某（美国籍）")),
		foreign("name: Apple Inc.", byName, named(1, "Apple Inc.")),
		foreign("name: Siemens AG", byName, named(1, "Siemens AG")),
		foreign("name: ABC Trading Co., Ltd.", byName, named(1, "ABC Trading Co., Ltd.")),
		foreign("name: 株式会社 (Japanese)", byName, named(1, "东京某某商事株式会社")),
		foreign("name: 美国某某公司", byName, named(1, "美国某某电子有限公司")),
		{name: "2018 text: 被告美国籍 (Interp. 2015 art. 522)", filing: c(filedOn("2018-06-04"), text("被告约翰，美国籍。")),
			avail: av(pSC, avU), fires: []string{at(locInfer, byText)}},
		// Near misses.
		open("证人系外籍", text("诉讼请求：判令被告偿还借款5000元。事实与理由：借款时证人在场，证人系外籍人士。")),
		open("被告之妻为美国籍", text("诉讼请求：判令被告偿还借款5000元。事实与理由：被告之妻为美国籍，借款用于家庭生活。")),
		open("被告非外籍", text("诉讼请求：判令被告偿还借款5000元。被告非外籍人士。")),
		open("李英国籍贯温州", text("被告李英国籍贯浙江温州。诉讼请求：判令被告偿还借款5000元。")),
		open("中国籍", text("被告张三，中国籍。诉讼请求：判令被告偿还借款5000元。")),
		open("a person named 王美国", named(1, "王美国")),
		open("a person named 英国强", named(1, "英国强")),
		open("温州外国语学校", named(1, "温州外国语学校")),
		open("a mainland company with its English name", named(1, "温州某某贸易有限公司（Wenzhou Trading Co., Ltd.）")),
		open("Zinc (no company form)", named(1, "Zinc")),
	}
}

// TestWhereaboutsSaidOfTheDefendant (statute round 23b): CPL 166(4) and
// Interp. 257(1) close small claims and simplified procedure when the
// defendant's whereabouts are unknown, not anyone's. Until rules
// 2026-12-04.29 下落不明 anywhere in the text was read as the defendant's,
// so "原告之父下落不明" or "证人下落不明" barred both procedures. The text
// is now read as the defendant's only when 被告 or a defendant's name is
// its subject.
func TestWhereaboutsSaidOfTheDefendant(t *testing.T) { runTable(t, whereaboutsSubjectCases(t)) }

func whereaboutsSubjectCases(tb testing.TB) []tcase {
	civ := civilBase(tb)
	c := func(mods ...mod) *triagev1.Filing { return with(civ, append([]mod{yuan(5000)}, mods...)...) }
	const wb = "INFER_WHEREABOUTS_FROM_TEXT"
	barred := func(name string, mods ...mod) tcase {
		return tcase{name: name, filing: c(mods...), avail: av(pSC, avU, pSimp, avU), mandatory: ptr(false),
			fires: []string{at(locSC, "CPL166_WHEREABOUTS_UNKNOWN"), at(locSimp, "INTERP257_DEFENDANT_WHEREABOUTS_UNKNOWN"), at(locInfer, wb)}}
	}
	open := func(name string, mods ...mod) tcase {
		return tcase{name: name + " (near miss)", filing: c(mods...), avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true),
			silent: []string{wb}}
	}
	return []tcase{
		barred("被告下落不明", text("诉讼请求：判令被告偿还借款5000元。事实与理由：被告下落不明。")),
		barred("被告现下落不明", text("诉讼请求：判令被告偿还借款5000元。事实与理由：被告现下落不明。")),
		barred("被告某某下落不明", text("诉讼请求：判令被告偿还借款5000元。事实与理由：被告王某某下落不明。")),
		barred("被告向原告借款后下落不明", text("诉讼请求：判令被告偿还借款5000元。事实与理由：被告向原告借款后下落不明。")),
		barred("subject in the sentence before", text("诉讼请求：判令被告偿还借款5000元。事实与理由：被告借款后未还。此后下落不明。")),
		barred("a defendant by name", named(1, "李四"), text("诉讼请求：判令偿还借款5000元。事实与理由：李四借款后下落不明。")),
		open("原告之父下落不明", text("诉讼请求：判令被告偿还借款5000元。事实与理由：原告之父下落不明，原告代为主张。")),
		open("证人下落不明", text("诉讼请求：判令被告偿还借款5000元。事实与理由：借款时的证人下落不明。")),
		open("被告的法定代表人下落不明", named(1, "温州市某某贸易有限公司"),
			text("诉讼请求：判令被告支付货款5000元。事实与理由：被告的法定代表人下落不明，公司仍正常经营。")),
		open("no subject written", text("下落不明。诉讼请求：判令被告偿还借款5000元。")),
	}
}

// audit23bCivilCases are the round's tables, for TestEveryCodeFiresAndHasNearMiss.
func audit23bCivilCases(tb testing.TB) []tcase {
	return slices.Concat(numeralClaimsCases(tb), foreignStatedCases(tb), whereaboutsSubjectCases(tb))
}
