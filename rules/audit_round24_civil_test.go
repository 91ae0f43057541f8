package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Statute round 24 (civil). Each row was written from the article's text
// before the engine was run: the filing date picks the law in force, and
// the answer is the one that law requires.

// TestAuditRound24DerivedLimitShare: a derived small-claims figure (no
// court's notice known; the wage statistic × the share) decides by the
// share itself. CPL 2012/2017 art. 162: "标的额为各省、自治区、直辖市上年度
// 就业人员年平均工资百分之三十以下的，实行一审终审" — no agreement band, so a
// claim above 30% has no small claims at all; CPL 165 ¶1 (from 2022-01-01):
// "百分之五十以下的，适用小额诉讼的程序审理", ¶2 above it and up to twice the
// wage only by the parties' agreement. Until rules 2026-12-04.31 the engine
// decided by the file's figure rounded half up to the yuan, so a claim up
// to half a yuan above the share was mandatory small claims, and a claim
// within a share rounded down was refused it.
//
// 10 of 14 rows fail without the change (derivedMandatoryFen in
// rules/rulesfile.go): the 9 claims between the share and the rounded
// figure, and the limit shown on a 30%-exactly row; the 4 others are near
// misses (exactly at the share, above both, and an announced notice's own
// rounded figure, which the court applies).
func TestAuditRound24DerivedLimitShare(t *testing.T) { runTable(t, derivedLimitShareCases(t)) }

func derivedLimitShareCases(tb testing.TB) []tcase {
	civ := civilBase(tb) // 温州市鹿城区人民法院, 浙江
	c := func(mods ...mod) *triagev1.Filing { return with(civ, mods...) }
	// 浙江 from 2021-07-01 (derived): 2020 wage ¥108,645; 30% = ¥32,593.50, written 32594.
	zj2021 := filedOn("2021-08-02")
	// 浙江 2022-01-01 to 2022-01-10 (derived): 50% = ¥54,322.50, written 54323;
	// from 2022-01-11 the high court's notice, ¥54,323.
	zj2022, zjNotice := filedOn("2022-01-05"), filedOn("2022-01-11")
	// 北京 (derived): 2013-01-01, 2011 wage ¥75,482, 30% = ¥22,644.60, written
	// 22645; 2015-07-01, 2014 wage ¥102,268, 30% = ¥30,680.40, written 30680.
	bj := func(day string) mod {
		return func(f *triagev1.Filing) {
			f.Province, f.Court, f.FiledOn = "北京市", "北京市海淀区人民法院", day
		}
	}
	// 广东 from 2022-07-01 (derived): 2021 wage ¥118,133; 50% = ¥59,066.50, written 59067.
	gd := func(f *triagev1.Filing) {
		f.Province, f.Court, f.FiledOn = "广东省", "广州市天河区人民法院", "2022-08-01"
	}
	agreed := circ(agreeSmallClaims)
	const (
		mand162, over162 = "small_claims:CPL162_MANDATORY", "small_claims:CPL162_OVER_LIMIT"
		mand165, noAgr   = "small_claims:CPL165_MANDATORY", "small_claims:CPL165_OVER_LIMIT_NO_AGREEMENT"
		agr165           = "small_claims:CPL165_AGREEMENT"
	)
	return []tcase{
		// CPL 2012/2017 art. 162: 30%, no agreement band.
		{name: "浙江 2021 ¥32,593.50: exactly 30%, mandatory (near miss)", filing: c(zj2021, fen(3259350)),
			avail: av(pSC, avA), mandatory: ptr(true), fires: []string{mand162}, extra: limitFen(3259350)},
		{name: "浙江 2021 ¥32,593.51: above 30%, no small claims", filing: c(zj2021, fen(3259351)),
			avail: av(pSC, avU), mandatory: ptr(false), fires: []string{over162}},
		{name: "浙江 2021 ¥32,593.99: above 30%, no small claims", filing: c(zj2021, fen(3259399)),
			avail: av(pSC, avU), mandatory: ptr(false), fires: []string{over162}},
		{name: "浙江 2021 ¥32,594.00 (the written figure): above 30%, no small claims", filing: c(zj2021, yuan(32594)),
			avail: av(pSC, avU), mandatory: ptr(false), fires: []string{over162}},
		{name: "北京 2013-01-01 ¥22,644.80: above 30%, no small claims", filing: c(bj("2013-01-01"), fen(2264480)),
			avail: av(pSC, avU), mandatory: ptr(false), fires: []string{over162}},
		{name: "北京 2013-01-01 ¥22,644.60: exactly 30%, mandatory (near miss)", filing: c(bj("2013-01-01"), fen(2264460)),
			avail: av(pSC, avA), mandatory: ptr(true), fires: []string{mand162}},
		// A share the file rounds down: the law's 30% admits the claim.
		{name: "北京 2015-07-01 ¥30,680.30: within 30% (¥30,680.40), mandatory", filing: c(bj("2015-07-01"), fen(3068030)),
			avail: av(pSC, avA), mandatory: ptr(true), fires: []string{mand162}, extra: limitFen(3068040)},
		{name: "北京 2015-07-01 ¥30,680.41: above 30% (near miss)", filing: c(bj("2015-07-01"), fen(3068041)),
			avail: av(pSC, avU), mandatory: ptr(false), fires: []string{over162}},
		// CPL 165: 50% mandatory, up to 2× by agreement.
		{name: "浙江 2022-01-05 ¥54,322.50: exactly 50%, mandatory (near miss)", filing: c(zj2022, fen(5432250)),
			avail: av(pSC, avA), mandatory: ptr(true), fires: []string{mand165}},
		{name: "浙江 2022-01-05 ¥54,322.80 not agreed: above 50%, no small claims", filing: c(zj2022, fen(5432280)),
			avail: av(pSC, avU), mandatory: ptr(false), fires: []string{noAgr}},
		{name: "浙江 2022-01-05 ¥54,322.80 agreed: by agreement, not mandatory", filing: c(zj2022, fen(5432280), agreed),
			avail: av(pSC, avA), mandatory: ptr(false), fires: []string{agr165}},
		{name: "广东 2022-08-01 ¥59,067.00 not agreed: above 50% (¥59,066.50)", filing: c(gd, yuan(59067)),
			avail: av(pSC, avU), mandatory: ptr(false), fires: []string{noAgr}},
		{name: "广东 2022-08-01 ¥59,066.51 not agreed: above 50%", filing: c(gd, fen(5906651)),
			avail: av(pSC, avU), mandatory: ptr(false), fires: []string{noAgr}},
		// The high court's notice states ¥54,323: its figure is applied as announced.
		{name: "浙江 2022-01-11 ¥54,322.80: the notice's ¥54,323, mandatory (near miss)", filing: c(zjNotice, fen(5432280)),
			avail: av(pSC, avA), mandatory: ptr(true), fires: []string{mand165}, extra: limitFen(5432300)},
	}
}

// TestAuditRound24RemandInText: a civil case remanded for retrial is filed
// again at first instance under a new 民初 number, so only the remanded flag
// or the text shows the remand. 民诉法解释第二百五十七条第二项 ("发回重审的",
// from 2015-02-04; before it 若干规定第一条第二项) closes simplified procedure
// and so small claims (Interp. 281, small claims being a form of it), and
// 民事诉讼法第四十一条第三款 (CPL 2012/2017 art. 40 ¶2) gives the case a newly
// formed panel. Until rules 2026-12-04.31 a text saying "裁定撤销原判，发回重
// 审" left small claims mandatory and simplified procedure open; the reading
// is reviewed (REVIEW_REMANDED_IN_TEXT_CIVIL), since a text may name
// another case's remand. A remand is read only in a sentence naming this
// case (本案, 本院, 原判, 原审): complaints tell earlier suits' history.
//
// 6 of 10 rows fail without the change (civilRemandInText in
// rules/civilremand.go); the 4 near misses pass both ways.
func TestAuditRound24RemandInText(t *testing.T) { runTable(t, remandInTextCases(t)) }

func remandInTextCases(tb testing.TB) []tcase {
	civ := civilBase(tb)
	c := func(mods ...mod) *triagev1.Filing { return with(civ, append([]mod{yuan(5000)}, mods...)...) }
	claims := "诉讼请求：1.判令被告偿还借款5000元；2.本案诉讼费由被告承担。事实与理由："
	const review = "review:" + rules.CodeReviewRemandedInTextCivil
	remanded := func(name string, code, panel string, mods ...mod) tcase {
		return tcase{name: name, filing: c(mods...), avail: av(pSC, avU, pSimp, avU, pOrd, avA), mandatory: ptr(false), review: ptr(true),
			fires: []string{at(locSC, code), at(locSimp, code), at(locOrd, panel), review}}
	}
	return2024 := "CPL41_PANEL_REQUIRED"
	return []tcase{
		remanded("2024: 裁定撤销原判，发回重审", "INTERP257_REMANDED", return2024,
			text(claims+"本案经温州市中级人民法院二审，裁定撤销原判，发回重审。")),
		remanded("2024: traditional 發回重審", "INTERP257_REMANDED", return2024,
			text("訴訟請求：1.判令被告償還借款5000元。事實與理由：本案經溫州市中級人民法院裁定發回重審。")),
		remanded("2024: 发回本院重新审理", "INTERP257_REMANDED", return2024,
			text(claims+"二审法院以事实不清为由将本案发回本院重新审理。")),
		remanded("2018: Interp. 2015 art. 257(2), CPL 2017 art. 40", "INTERP257_REMANDED", "CPL2017_40_PANEL_REQUIRED",
			filedOn("2018-06-04"), text(claims+"本案经中级人民法院裁定发回重审。")),
		remanded("2014: 若干规定第一条第二项", "PROV1_REMANDED", "CPL2017_40_PANEL_REQUIRED",
			filedOn("2014-06-04"), text(claims+"本案经中级人民法院裁定发回重审。")),
		// Interp. 264 ¶2: the parties' agreement does not open simplified procedure.
		{name: "2024 agreed to simplified procedure: still barred", filing: c(circ(agreeSimplified), text(claims+"本案系发回重审案件。")),
			avail: av(pSC, avU, pSimp, avU), review: ptr(true), fires: []string{at(locSimp, "INTERP257_REMANDED"), review}},
		// Near misses.
		{name: "发回 of goods (near miss)", filing: c(text(claims + "原告将不合格货物发回被告处，被告未退款。")),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true), silent: []string{rules.CodeReviewRemandedInTextCivil, "INTERP257_REMANDED"}},
		{name: "another case's remand told as history (near miss)", filing: c(text(claims + "被告曾就车辆质量另案起诉，前案经二审发回重审后，法院驳回了其诉讼请求。")),
			avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true), silent: []string{rules.CodeReviewRemandedInTextCivil, "INTERP257_REMANDED"}},
		{name: "未发回重审 (near miss: negated)", filing: c(text(claims + "前案二审维持原判，未发回重审。")),
			avail: av(pSC, avA), mandatory: ptr(true), silent: []string{rules.CodeReviewRemandedInTextCivil}},
		{name: "flag already set (near miss: no review of the text)", filing: c(circ(func(c *triagev1.Circumstances) { c.Remanded = true }),
			text(claims+"本案经中级人民法院裁定发回重审。")),
			avail: av(pSC, avU, pSimp, avU), fires: []string{at(locSimp, "INTERP257_REMANDED")}, silent: []string{rules.CodeReviewRemandedInTextCivil}},
	}
}
