package rules

import (
	"time"
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
// article for a small-claims period whose own article is period (the
// filing date's: CPL 168, or CPL 2012/2017 arts. 161–162 for filings of
// 2013–2021) and a ruling on day t: the period's article and the
// conversion provision then in force.
func smallClaimsPeriodEndedArticle(period string, t time.Time) string {
	if period == "民事诉讼法第一百六十八条" {
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
