package rules

import (
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// This file gives the civil conversion provisions as numbered in the texts
// in force on the day of the ruling (audit round 21, docs/statutes.md): the
// SPC's interpretation numbered its small-claims articles two higher until
// its 2022 revision (in force 2022-04-10) dropped the 2015 text's arts.
// 274–275, so Interp. 278, 279 and 281 were the 2015 text's 280, 281 and
// 283; before the 2015 interpretation (2015-02-04) only 若干规定 (in force
// 2003-12-01) spoke of converting a simplified case; CPL 169 ¶1 dates from
// the 2021 amendment (2022-01-01). The table articles (conversionRules,
// conversionCounting, outcomeReviewDefs) are today's.

// Texts of the era articles.
const (
	prov13Counting  = "最高人民法院关于适用简易程序审理民事案件的若干规定第十三条第二款"
	prov26Late      = "最高人民法院关于适用简易程序审理民事案件的若干规定第二十六条"
	interp2015Out   = "民诉法解释（2015年）第二百八十条、第二百八十一条"
	cpl169Out       = "民事诉讼法第一百六十九条第一款"
	cpl2012Small    = "民事诉讼法（2012年修正）第一百六十二条"
	interp2015Other = "民诉法解释（2015年）第二百八十三条"
)

// smallClaimsOutArticle is the provision in force on day t that sends a
// case unsuited to small claims to the other simplified rules: CPL 169 ¶1
// from 2022-01-01; before, the 2015 interpretation's arts. 280 (a changed
// claim, a counterclaim, 追加当事人) and 281 (an objection upheld), from
// 2015-02-04; "" before that, when CPL 2012 art. 162 had no such provision.
func smallClaimsOutArticle(t time.Time) string {
	switch {
	case !t.Before(cpl2021InForce):
		return cpl169Out
	case !t.Before(interp2015InForce):
		return interp2015Out
	}
	return ""
}

// smallClaimsPeriodEndedArticle is ReviewCPL168SmallClaimsPeriodEnded's
// article for a case filed on filed whose small-claims period cites period
// (civilPeriod) and a ruling on day t. A case filed under CPL 2021 or later
// (from 2022-01-01; arts. 168–169 kept their numbers in 2023) has CPL 168's
// own period and the table's article, as has one filed before 2013, when
// small claims did not exist and civilPeriod shows today's period. One
// filed 2013–2021 had simplified procedure's (CPL 2012/2017 arts. 161–162):
// that period's article and the conversion provision in force on t.
func smallClaimsPeriodEndedArticle(period string, filed, t time.Time) string {
	if filed.Before(cpl2012InForce) || !filed.Before(cpl2021InForce) {
		return reviewArticle(ReviewCPL168SmallClaimsPeriodEnded)
	}
	if out := smallClaimsOutArticle(t); out != "" {
		return period + "；" + out
	}
	return period
}

// reviewArticle is the table article of an outcome review code.
func reviewArticle(code string) string {
	return outcomeReview(code, "").GetArticle()
}

// civilCountingOn is how a civil conversion ruled on day t counts its clock
// (conversionCounting holds today's texts): the clock always runs from 立案,
// and what changes is the provision that says so.
//   - 简转普: 民诉法解释第二百五十八条第三款 (its 2015 text's same article
//     from 2015-02-04); before, 若干规定第十三条第二款, whose words speak of a
//     conversion on an objection and are the only text on the count; before
//     2003-12-01 none is cited (the 1992 opinion's was not read).
//   - small claims → ordinary: Interp. 281 with 258 ¶3, the 2015 text's 283
//     with 258 ¶3, and before 2015-02-04 若干规定第十三条第二款 (small claims
//     were a form of simplified procedure).
//   - small claims → the other simplified rules: CPL 169 ¶1 from
//     2022-01-01, the 2015 interpretation's arts. 280–281 from 2015-02-04,
//     and before that no provision: simplified procedure's own period runs
//     from 立案 (CPL 2012 art. 161), which the period cites already.
func civilCountingOn(ch triagev1.ChangeKind, t time.Time, c counting) counting {
	const (
		prov13Note = "（裁定时民诉法解释尚未施行：转入普通程序审理的民事案件的审理期限自人民法院立案的次日起开始计算。）"
	)
	switch ch {
	case triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY:
		switch {
		case !t.Before(interp2022InForce):
		case !t.Before(interp2015InForce):
			c.article = "民诉法解释（2015年）第二百五十八条第三款"
		case !t.Before(prov2003InForce):
			c.article, c.note = prov13Counting, c.note+prov13Note
		default:
			c.article, c.note = "", c.note+"（裁定时民诉法解释、若干规定均未施行，当时的计算规定本系统未核实，以法院案件管理系统为准。）"
		}
	case triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY:
		switch {
		case !t.Before(interp2022InForce):
		case !t.Before(interp2015InForce):
			c.article = interp2015Other + "、第二百五十八条第三款"
		default:
			c.article, c.note = prov13Counting, c.note+prov13Note
		}
	case triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_SIMPLIFIED:
		if c.article = smallClaimsOutArticle(t); c.article == "" {
			c.note += "（裁定时施行的民事诉讼法（2012年修正）和司法解释未规定小额诉讼程序的转换。）"
		}
	}
	return c
}

// interp258LateArticle is ReviewInterp258ConversionLate's article for a
// ruling on day t that left a period citing period: the 2015 text's arts.
// 258 ¶2 and 283 (today's 281) from 2015-02-04 to 2022-04-09; 若干规定第二十
// 六条 alone before ("应当在审限届满前及时作出决定"); before 2003-12-01 only
// the period the ruling came after.
func interp258LateArticle(period string, t time.Time) string {
	switch {
	case !t.Before(interp2022InForce):
		return reviewArticle(ReviewInterp258ConversionLate)
	case !t.Before(interp2015InForce):
		return "民诉法解释（2015年）第二百五十八条第二款、第二百八十三条；" + prov26Late
	case !t.Before(prov2003InForce):
		return prov26Late
	}
	return period
}

// noConversionIntoSmallClaimsErr is RuleNoConversionIntoSmallClaims with
// the article of the ruling's date: the provisions that send a case out of
// small claims and none into it — CPL 169 with Interp. 278–279 (the
// table's), CPL 169 with the 2015 text's arts. 280–281 until 2022-04-09,
// those alone from 2015-02-04, and before that CPL 2012 art. 162, the
// procedure's only article.
func noConversionIntoSmallClaimsErr(o *triagev1.Outcome) *ConversionError {
	e := conversionErr(RuleNoConversionIntoSmallClaims, "")
	t, ok := rulingDate(o)
	switch {
	case !ok || !t.Before(interp2022InForce):
	case !t.Before(cpl2021InForce):
		e.Article = "民事诉讼法第一百六十九条；" + interp2015Out
	case !t.Before(interp2015InForce):
		e.Article = interp2015Out
	default:
		e.Article = cpl2012Small
	}
	return e
}
