package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Statute round 38, each row written from the article's text (the texts in
// /work/shared/law/ and those docs/statutes.md names) before the engine was
// run; a reading may only close a procedure the law closes or leave it to a
// person, never open one.
//
// Leftovers of round 37:
//   - The fast-track pilots: a missing plea (认罪、同意量刑建议) and the
//     办法's exclusions cite the phase's decision and 办法 only — the 2014
//     ones on 2014-08-26..2016-08-21, the 2016 ones on 2016-11-30..
//     2018-10-25 (PILOT2014_NO_GUILTY_PLEA, PILOT2014_EXCLUDED beside
//     round 37's PILOT2014_NO_CONSENT).
//   - Before 1992-07-14 (the 1992 意见's own day) no text barred simplified
//     procedure to a defendant whose whereabouts were unknown in words: CPL
//     1991 art. 142 (事实清楚、权利义务关系明确、争议不大的简单的民事案件) and
//     art. 84 (公告送达, 六十日); the bar cites those, not the 意见.
//   - 可能不构成犯罪 before 2013: no bar list of CrPL 1996, the 1998
//     interpretation or the 2003 opinion names it (the 2012
//     interpretation's art. 290(6) first did); CrPL 1996 art. 179 sends a
//     case found unfit at trial to ordinary procedure. Reviewed, simplified
//     left open.
//   - CAUSE_UNKNOWN names each catalogue with the days its editions took
//     effect, so no filing date is told a later edition was in force.
//
// Then rows at readings a clerk's text or fields could trip: negations, a
// bar in other words, the day a law changed, counterclaims, third parties,
// co-defendants, minors, remands, retrials, foreign and 港澳台 parties,
// public-interest suits, non-money claims beside a sum.

// The round's new codes, as literals so the tables compile (and fail)
// without the change.
const (
	pilot2014NoGuiltyPlea = "PILOT2014_NO_GUILTY_PLEA"
	pilot2014Excluded     = "PILOT2014_EXCLUDED"
	cpl1991Whereabouts    = "CPL1991_142_DEFENDANT_WHEREABOUTS_UNKNOWN"
	reviewMayNotBeCrime96 = "REVIEW_MAY_NOT_BE_CRIME_IN_TEXT_CRPL1996"
	foreignInText96       = "CRPL1996_20_FOREIGN_DEFENDANT_IN_TEXT"
	reviewNotOnlyAmount   = "REVIEW_ALL82_NOT_ONLY_AMOUNT_IN_TEXT"
)

// notOffered checks that none of ps is available (small claims not
// mandatory) and ordinary is: the law closes them, or leaves them to a
// person.
func notOffered(ps ...triagev1.Procedure) func(*testing.T, *rules.Assessment) {
	return func(t *testing.T, a *rules.Assessment) {
		t.Helper()
		for _, p := range ps {
			o := a.Option(p)
			if o == nil {
				t.Errorf("no %s option: %s", procLoc(p), describe(a))
				continue
			}
			if o.GetAvailability() == avA || o.GetMandatory() {
				t.Errorf("%s %s mandatory=%v, want it not offered: %s", procLoc(p), o.GetAvailability(), o.GetMandatory(), describe(a))
			}
		}
		if o := a.Option(pOrd); o == nil || o.GetAvailability() != avA {
			t.Errorf("ordinary not available: %s", describe(a))
		}
	}
}

// The pilots' texts as reasons cite them, for the rounds' rows that check
// which phase a reason names.
const (
	pilotDec2014 = "速裁程序试点工作的决定（2014年6月27日）"
	pilotBan2014 = "速裁程序试点工作的办法》（2014年8月）"
	pilotDec2016 = "认罪认罚从宽制度试点工作的决定（2016年9月3日）"
	pilotBan2016 = "认罪认罚从宽制度试点工作的办法》（2016年11月）"
)

// TestAuditRound38Pilot: each phase's plea and exclusion bars cite that
// phase's texts only.
func TestAuditRound38Pilot(t *testing.T) { runTable(t, round38PilotCases(t)) }

func round38PilotCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb) // 盗窃罪, admits, accepts, consents; 杭州市上城区 (a pilot city)
	p14, p16 := []string{pilotBan2014}, []string{pilotBan2016}
	barred := func(name, on, code, other string, want, not []string, mods ...mod) tcase {
		return tcase{name: name, filing: crim(10, append([]mod{filedOn(on)}, mods...)...), avail: av(pFT, avU),
			fires: []string{at(locFT, code)}, silent: []string{other}, extra: citesOnly(locFT, code, want, not)}
	}
	noPlea, noAccept := plea(false, false), plea(true, false)
	minorDef := party(0, minor)
	return []tcase{
		// --- No plea: the 2014 decision and 办法 / the 2016 decision and 办法 art. 16.
		barred("2015-03-02 (first phase): does not admit", "2015-03-02", pilot2014NoGuiltyPlea, rules.CodePilotNoGuiltyPlea, append(p14, pilotDec2014), []string{pilotDec2016, pilotBan2016}, noPlea),
		barred("2014-08-26 (first phase's first day): does not accept the recommendation", "2014-08-26", pilot2014NoGuiltyPlea, rules.CodePilotNoGuiltyPlea, append(p14, pilotDec2014), []string{pilotDec2016, pilotBan2016}, noAccept),
		barred("2016-08-21 (first phase's last day): does not admit", "2016-08-21", pilot2014NoGuiltyPlea, rules.CodePilotNoGuiltyPlea, append(p14, pilotDec2014), []string{pilotDec2016, pilotBan2016}, noPlea),
		barred("2016-11-30 (second phase's first day): does not admit", "2016-11-30", rules.CodePilotNoGuiltyPlea, pilot2014NoGuiltyPlea, append(p16, pilotDec2016), []string{pilotDec2014, pilotBan2014}, noPlea),
		barred("2018-10-25 (second phase's last day): does not accept", "2018-10-25", rules.CodePilotNoGuiltyPlea, pilot2014NoGuiltyPlea, append(p16, pilotDec2016), []string{pilotDec2014, pilotBan2014}, noAccept),
		// --- The 办法's exclusions.
		barred("2015-03-02 (first phase): a minor defendant", "2015-03-02", pilot2014Excluded, rules.CodePilotExcluded, p14, p16, minorDef),
		barred("2016-08-21 (first phase's last day): major social impact", "2016-08-21", pilot2014Excluded, rules.CodePilotExcluded, p14, p16, cm.impact),
		barred("2016-11-30 (second phase's first day): a minor defendant", "2016-11-30", rules.CodePilotExcluded, pilot2014Excluded, p16, p14, minorDef),
		barred("2017-03-01 (second phase): no settlement with the victim", "2017-03-01", rules.CodePilotExcluded, pilot2014Excluded, p16, p14, cm.noSettlement),
		// --- Near misses: plea stated, no exclusion; and the day after the
		// pilots (CrPL 223 instead).
		{name: "2015-03-02: admits, accepts (near miss)", filing: crim(10, filedOn("2015-03-02")), avail: av(pFT, avA),
			silent: []string{pilot2014NoGuiltyPlea, pilot2014Excluded, rules.CodePilotNoGuiltyPlea, rules.CodePilotExcluded}},
		{name: "2017-03-01: admits, accepts (near miss)", filing: crim(10, filedOn("2017-03-01")), avail: av(pFT, avA),
			silent: []string{pilot2014NoGuiltyPlea, pilot2014Excluded, rules.CodePilotNoGuiltyPlea, rules.CodePilotExcluded}},
		{name: "2018-10-26: a minor defendant, CrPL 223 (near miss)", filing: crim(10, filedOn("2018-10-26"), minorDef), avail: av(pFT, avU),
			silent: []string{pilot2014Excluded, rules.CodePilotExcluded}},
	}
}

// TestAuditRound38Civil: CPL 1991 before the 1992 意见, and the civil
// readings (CPL 165, 166; Interp. 257, 264; 若干规定 art. 1; the 1992 意见
// art. 169).
func TestAuditRound38Civil(t *testing.T) { runTable(t, round38CivilCases(t)) }

func round38CivilCases(tb testing.TB) []tcase {
	rows := newCivilRows(tb)
	c := rows.filing
	const cite1991 = "民事诉讼法（1991年）第一百四十二条"
	loan := func(facts string) mod { return text(loanClaims("30000", facts)) }
	closed := func(name string, ps []triagev1.Procedure, mods ...mod) tcase {
		return tcase{name: name, filing: c(mods...), extra: notOffered(ps...)}
	}
	sc := []triagev1.Procedure{pSC}
	both := []triagev1.Procedure{pSC, pSimp}
	old := func(name, on string, code string, silent []string, mods ...mod) tcase {
		return tcase{name: name, filing: c(append([]mod{filedOn(on)}, mods...)...), avail: av(pSimp, avU, pOrd, avA),
			fires: []string{at(locSimp, code)}, silent: silent}
	}
	return []tcase{
		// --- CPL 1991 before the 1992 意见 (leftover 2).
		{name: "1991-12-02: defendant's whereabouts unknown (field)", filing: c(filedOn("1991-12-02"), party(1, whereaboutsUnknown)),
			avail: av(pSimp, avU, pOrd, avA), fires: []string{at(locSimp, cpl1991Whereabouts)},
			silent: []string{rules.CodeOpinion1992Whereabouts}, extra: citesAt(locSimp, cite1991)},
		old("1992-07-13 (the 意见's day before): whereabouts unknown", "1992-07-13", cpl1991Whereabouts, []string{rules.CodeOpinion1992Whereabouts}, party(1, whereaboutsUnknown)),
		old("1992-07-14 (the 意见's first day): whereabouts unknown (near miss)", "1992-07-14", rules.CodeOpinion1992Whereabouts, []string{cpl1991Whereabouts}, party(1, whereaboutsUnknown)),
		old("1999-05-04: 被告下落不明 in the text", "1999-05-04", rules.CodeOpinion1992Whereabouts, []string{cpl1991Whereabouts}, loan("被告借款后即下落不明。")),
		old("1992-03-02: 被告下落不明 in the text", "1992-03-02", cpl1991Whereabouts, []string{rules.CodeOpinion1992Whereabouts}, loan("被告借款后即下落不明。")),
		{name: "1992-03-02: defendant reachable (near miss)", filing: c(filedOn("1992-03-02"), loan("被告现住温州市鹿城区。")),
			avail: av(pSimp, avA), silent: []string{cpl1991Whereabouts, rules.CodeOpinion1992Whereabouts}},
		// --- CPL 166 (5): a counterclaim the text states.
		closed("2024: 被告已提起反诉 in the text", sc, loan("被告已提起反诉，要求原告返还定金5000元。")),
		{name: "2024: 被告未提起反诉 (near miss)", filing: c(loan("被告未提起反诉。")), avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true)},
		// --- CPL 166 (2), Interp. 549: 港澳台 and foreign parties in words.
		closed("2024: 被告系香港特别行政区居民", sc, loan("被告李某系香港特别行政区居民。")),
		closed("2024: 原告系澳门特别行政区居民", sc, loan("原告张某系澳门特别行政区居民。")),
		closed("2024: 被告系台湾地区居民", sc, loan("被告陈某系台湾地区居民。")),
		closed("2024: 被告系美国公民", sc, loan("被告JOHN SMITH系美国公民。")),
		{name: "2024: 被告曾在香港务工 (near miss)", filing: c(loan("被告曾在香港务工，现居住在温州市鹿城区。")), avail: av(pSC, avA)},
		// --- Interp. 257 (2), (4), (6), (5), (3): in words.
		closed("2024: 经二审裁定发回重审", both, loan("本案经温州市中级人民法院二审裁定发回重审。")),
		closed("2016-06-01: 本案系发回重审案件", both, filedOn("2016-06-01"), loan("本案系发回重审案件。")),
		closed("2024: 依照审判监督程序再审", both, loan("本案经本院审判委员会讨论决定，依照审判监督程序再审。")),
		fireCode(at(locReview, rules.CodeReviewThirdPartyRevocationInText), closed("2024: 原告作为案外第三人请求撤销生效判决 (in the facts)", both,
			loan("原告作为案外第三人，请求撤销(2023)浙0302民初100号民事判决第二项。"))),
		closed("2016-06-01: 原告系第三人，要求改变生效民事调解书 (in the facts)", both, filedOn("2016-06-01"),
			loan("原告系(2015)浙0302民初9号案件的案外第三人，要求改变该案民事调解书。")),
		{name: "2024: 被告曾作为第三人请求撤销另案判决 (near miss)", filing: c(loan("被告曾作为第三人请求撤销(2022)浙0302民初7号民事判决，已被驳回。")),
			avail: av(pSC, avA, pSimp, avA), silent: []string{rules.CodeReviewThirdPartyRevocationInText}},
		{name: "2024: 原告系另案第三人，该案民事判决已生效 (near miss)", filing: c(loan("原告系(2022)浙0302民初7号案件的第三人，该案民事判决已生效。")),
			avail: av(pSC, avA, pSimp, avA), silent: []string{rules.CodeReviewThirdPartyRevocationInText}},
		closed("2024: 环境民事公益诉讼 in the text", both, cause("环境污染责任纠纷"),
			text("诉讼请求：判令被告赔偿生态环境修复费用30000元。事实与理由：原告温州市生态环境保护协会依法提起环境民事公益诉讼。")),
		closed("2024: 原告共计12人", both, loan("原告共计12人，均系被告的出借人。")),
		// --- CPL 165, 166 (3), (1): not money alone; appraisal.
		closed("2024: 返还身份证原件 beside the sum", sc, text("诉讼请求：1.判令被告返还原告身份证原件；2.判令被告偿还借款30000元。事实与理由：被告借款未还，并扣留原告身份证。")),
		closed("2024: 协助办理车辆过户登记 beside the sum", sc, cause("买卖合同纠纷"),
			text("诉讼请求：1.判令被告协助原告办理车辆过户登记手续；2.判令被告支付违约金30000元。事实与理由：双方买卖二手车，被告未办理过户。")),
		closed("2024: 申请对借条进行笔迹鉴定", sc, loan("被告否认借条系其书写，原告申请对借条进行笔迹鉴定。")),
		{name: "2024: 原告不申请鉴定 (near miss)", filing: c(loan("借条系被告亲笔书写，原告不申请鉴定。")), avail: av(pSC, avA, pSimp, avA), mandatory: ptr(true)},
		// --- Days a law changed: CPL 2012 art. 162 (2013-01-01), CPL 166 (4)'s any party (2022-01-01).
		{name: "2012-12-31: small claims not in force", filing: c(filedOn("2012-12-31"), yuan(5000), text(loanClaims("5000", ""))), avail: av(pSC, avU, pSimp, avA)},
		closed("2022-01-01: the plaintiff's whereabouts unknown (CPL 166 (4))", sc, filedOn("2022-01-01"), party(0, whereaboutsUnknown)),
		// --- Parties the law does not exclude: a minor plaintiff, a third party.
		{name: "2024: 原告系未成年人，由法定代理人代为起诉 (near miss)", filing: c(loan("原告王某（2012年出生）系未成年人，由其法定代理人王某某代为起诉。")),
			avail: av(pSC, avA, pSimp, avA)},
		{name: "2024: 第三人李某系借款的担保人 (near miss)", filing: c(addParties(1, thirdParty), loan("第三人李某系借款的担保人。")),
			avail: av(pSimp, avA)},
	}
}

// TestAuditRound38Criminal: CrPL 1996 arts. 20 (3), 174, 179 and the 1998
// interpretation's art. 222; CrPL 214–223 and Interp. 2021 arts. 360, 370.
func TestAuditRound38Criminal(t *testing.T) { runTable(t, round38CriminalCases(t)) }

func round38CriminalCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb)
	// 苏州 was in neither criminal pilot.
	suzhou := func(f *triagev1.Filing) { f.Court, f.Province = "苏州市姑苏区人民法院", "江苏省" }
	says := func(s string) mod {
		return text("经依法审查查明：被告人王某于案发当日在某超市盗窃财物，价值人民币3000元。" + s)
	}
	k := func(months int32, mods ...mod) *triagev1.Filing {
		return crim(months, append([]mod{suzhou}, mods...)...)
	}
	closed := func(name string, ps []triagev1.Procedure, mods ...mod) tcase {
		return tcase{name: name, filing: k(10, mods...), extra: notOffered(ps...)}
	}
	ft := []triagev1.Procedure{pFT}
	simp := []triagev1.Procedure{pSimp}
	both := []triagev1.Procedure{pFT, pSimp}
	mayNot := "被告人王某虽认罪，但经审查认为其行为可能不构成犯罪。"
	return []tcase{
		// --- 可能不构成犯罪 (leftover 3).
		{name: "2005-06-01: 可能不构成犯罪 reviewed, simplified open", filing: k(10, filedOn("2005-06-01"), says(mayNot)),
			avail: av(pSimp, avA), review: ptr(true), fires: []string{at(locReview, reviewMayNotBeCrime96)},
			extra: citesAt(locReview, "刑事诉讼法（1996年）第一百七十四条、第一百七十九条")},
		{name: "1997-01-01 (CrPL 1996's first day): 可能不构成犯罪", filing: k(10, filedOn("1997-01-01"), says(mayNot)),
			avail: av(pSimp, avA), fires: []string{at(locReview, reviewMayNotBeCrime96)}},
		{name: "2012-12-31: 可能不构成犯罪", filing: k(10, filedOn("2012-12-31"), says(mayNot)),
			avail: av(pSimp, avA), fires: []string{at(locReview, reviewMayNotBeCrime96)}},
		{name: "2013-01-01: 可能不构成犯罪 closes simplified (Interp. 2012 art. 290 (6)) (near miss)", filing: k(10, filedOn("2013-01-01"), says(mayNot)),
			avail: av(pSimp, avU), fires: []string{at(locSimp, rules.CodeInterp2012MayNotBeCrime)}, silent: []string{reviewMayNotBeCrime96}},
		{name: "1996-12-31: the 1979 law, no simplified procedure (near miss)", filing: k(10, filedOn("1996-12-31"), says(mayNot)),
			avail: av(pSimp, avU), silent: []string{reviewMayNotBeCrime96}},
		{name: "2005-06-01: 不存在可能不构成犯罪的情形 (near miss)", filing: k(10, filedOn("2005-06-01"), says("本案不存在可能不构成犯罪的情形。")),
			avail: av(pSimp, avA), silent: []string{reviewMayNotBeCrime96}},
		// --- CrPL 223 (2), Interp. 370 (3): a minor, also a co-defendant; not a victim.
		closed("2024: 作案时未满十八周岁 in the text", ft, says("被告人王某作案时未满十八周岁。")),
		closed("2024: 同案被告人李某作案时未满十八周岁", ft, cm.twoDefendants, says("同案被告人李某作案时未满十八周岁。")),
		{name: "2024: a minor defendant (field): simplified open, fast-track closed", filing: k(10, party(0, minor)), avail: av(pFT, avU, pSimp, avA)},
		{name: "2024: 被害人系未成年人 (near miss)", filing: k(10, says("被害人李某系未成年人。")), avail: av(pFT, avA, pSimp, avA)},
		// --- CrPL 215 (1), 223 (1): impaired in words.
		closed("2024: 被告人系聋哑人", both, says("被告人王某系聋哑人。")),
		closed("2010-06-01: 被告人系聋哑人 (1998 interpretation art. 222 (3))", simp, filedOn("2010-06-01"), says("被告人王某系聋哑人。")),
		// --- CrPL 215 (3), 223 (4): a co-defendant's dispute in words; its negation.
		closed("2024: 同案被告人李某对指控的犯罪事实有异议", both, cm.twoDefendants, says("同案被告人李某对指控的犯罪事实有异议。")),
		{name: "2024: 被告人王某对指控的犯罪事实没有异议 (near miss)", filing: k(10, says("被告人王某对指控的犯罪事实没有异议，同意量刑建议。")),
			avail: av(pFT, avA, pSimp, avA)},
		// --- Fast-track refused in other words (CrPL 222 ¶1, 223 (4)).
		closed("2024: 被告人对适用速裁程序有异议", ft, says("被告人王某对适用速裁程序有异议。")),
		{name: "2024: 认罪认罚，但不同意适用速裁程序", filing: k(10, says("被告人王某认罪认罚，但不同意适用速裁程序。")),
			avail: av(pFT, avU, pSimp, avA)},
		// --- Private prosecution in words (CrPL 222 ¶2, Interp. 369).
		closed("2024: 自诉人李某 侮辱罪", ft, cause("侮辱罪"), text("自诉人李某诉称：被告人王某在微信群中公然侮辱自诉人。")),
		// --- A recommendation over three years in the text (CrPL 222 ¶1).
		closed("2024: 建议判处有期徒刑四年 beside a field of 10 months", ft, says("公诉机关建议判处被告人王某有期徒刑四年。")),
		// --- CrPL 239: a remand in words.
		closed("2024: 经二审法院裁定发回重审", ft, says("本案经苏州市中级人民法院二审裁定发回重审。")),
		// --- CrPL 1996 art. 20 (3): 外国人犯罪的刑事案件, the intermediate court's.
		fireCode(at(locSimp, foreignInText96), closed("2005-06-01: 被告人JOHN SMITH，美国国籍, at a basic court", simp, filedOn("2005-06-01"),
			text("经依法审查查明：被告人JOHN SMITH，男，美国国籍，于案发当日在某超市盗窃财物，价值人民币3000元。"))),
		fireCode(at(locSimp, foreignInText96), closed("1997-01-01 (CrPL 1996's first day): 被告人系外籍人员", simp, filedOn("1997-01-01"),
			says("被告人王某系外籍人员。"))),
		{name: "2013-01-01: 被告人JOHN SMITH，美国国籍 (near miss: CrPL 2012 art. 20)", filing: k(10, filedOn("2013-01-01"),
			text("经依法审查查明：被告人JOHN SMITH，男，美国国籍，于案发当日在某超市盗窃财物，价值人民币3000元。")), avail: av(pSimp, avA),
			silent: []string{foreignInText96}},
		{name: "2005-06-01: 被告人系香港居民 (near miss: no 外国人)", filing: k(10, filedOn("2005-06-01"),
			text("经依法审查查明：被告人王某，男，香港居民，于案发当日在某超市盗窃财物，价值人民币3000元。")), avail: av(pSimp, avA),
			silent: []string{foreignInText96}},
		{name: "2005-06-01: the foreign flag alone, reviewed (near miss: 港澳台 too)", filing: k(10, filedOn("2005-06-01"), party(0, foreign)),
			avail: av(pSimp, avA), review: ptr(true), fires: []string{at(locReview, rules.CodeReviewForeignDefendant1996)},
			silent: []string{foreignInText96}},
		{name: "2005-06-01: 被害人JOHN SMITH，美国国籍 (near miss: the victim's)", filing: k(10, filedOn("2005-06-01"),
			says("被害人JOHN SMITH，美国国籍。")), avail: av(pSimp, avA), silent: []string{foreignInText96}},
		// --- Days a law changed: CrPL 222 (2018-10-26) outside the pilots; Interp. 370 (7) (2021-03-01).
		{name: "2018-10-25 at 苏州: no fast-track yet", filing: k(10, filedOn("2018-10-25")), avail: av(pFT, avU, pSimp, avA)},
		{name: "2018-10-26 at 苏州: CrPL 222 (near miss)", filing: k(10, filedOn("2018-10-26")), avail: av(pFT, avA, pSimp, avA)},
		closed("2021-02-28: the defence pleads not guilty", both, filedOn("2021-02-28"), cm.notGuilty),
		closed("2021-03-01: the defence pleads not guilty", both, filedOn("2021-03-01"), cm.notGuilty),
		// --- The 1998 interpretation's art. 222 (1): denial in words.
		closed("2000-05-08: 被告人对起诉指控的犯罪事实予以否认", simp, filedOn("2000-05-08"), says("被告人王某对起诉指控的犯罪事实予以否认。")),
		{name: "2000-05-08: 被告人对起诉指控的犯罪事实不予否认 (near miss)", filing: k(10, filedOn("2000-05-08"), says("被告人王某对起诉指控的犯罪事实不予以否认。")),
			avail: av(pSimp, avA)},
		closed("2024: 被告人对起诉指控的犯罪事实予以否认", both, says("被告人王某对起诉指控的犯罪事实予以否认。")),
	}
}

// TestAuditRound38Admin: 行政诉讼法第八十二条 (from 2015-05-01; the 1989 law
// had no simplified procedure): ¶1's three kinds of case, ¶2's agreement,
// ¶3's remand and retrial.
func TestAuditRound38Admin(t *testing.T) { runTable(t, round38AdminCases(t)) }

func round38AdminCases(tb testing.TB) []tcase {
	_, a, _ := auditBuilders(tb) // 行政处罚 ¥5,000, 杭州市西湖区 (basic), filed 2024-03-05
	fine := func(n int64, claims string, mods ...mod) *triagev1.Filing {
		return a(append([]mod{yuan(n), text("诉讼请求：" + claims)}, mods...)...)
	}
	closed := func(name string, f *triagev1.Filing) tcase {
		return tcase{name: name, filing: f, extra: notOffered(pSimp)}
	}
	// notSum: a measure that is no sum beside the small amount; reviewed.
	notSum := func(name string, f *triagev1.Filing) tcase {
		return tcase{name: name, filing: f, avail: av(pSimp, avU, pOrd, avA), review: ptr(true),
			fires: []string{at(locReview, reviewNotOnlyAmount)}, silent: []string{at(locSimp, rules.CodeAdmin82SmallAmount)}}
	}
	open := func(name string, f *triagev1.Filing) tcase {
		return tcase{name: name + " (near miss)", filing: f, avail: av(pSimp, avA), silent: []string{reviewNotOnlyAmount}}
	}
	return []tcase{
		{name: "2024: 罚款1500元 (82 ¶1 (2)) (near miss)", filing: fine(1500, "撤销被告作出的罚款1500元的行政处罚决定。"), avail: av(pSimp, avA)},
		closed("2024: 罚款2500元, no agreement", fine(2500, "撤销被告作出的罚款2500元的行政处罚决定。")),
		notSum("2024: 罚款1000元并吊销营业执照", fine(1000, "撤销被告作出的罚款1000元并吊销营业执照的行政处罚决定。")),
		notSum("2024: 行政拘留十日并处罚款500元", fine(500, "撤销被告作出的行政拘留十日并处罚款500元的行政处罚决定。")),
		notSum("2024: 责令停产停业并罚款1500元", fine(1500, "撤销被告作出的责令停产停业并罚款1500元的行政处罚决定。")),
		notSum("2015-05-01 (the 2014 law's first day): 暂扣驾驶证并罚款200元", fine(200, "撤销被告作出的罚款200元并暂扣机动车驾驶证三个月的行政处罚决定。", filedOn("2015-05-01"))),
		open("2024: 警告并处罚款500元", fine(500, "撤销被告作出的警告并处罚款500元的行政处罚决定。")),
		open("2024: 罚款1500元, 原告曾被行政拘留 told in the facts", fine(1500, "撤销被告作出的罚款1500元的行政处罚决定。事实与理由：原告2020年曾被行政拘留，本次仅被罚款。")),
		open("2024: 罚款1000元并吊销营业执照, the parties agree (82 ¶2)", fine(1000, "撤销被告作出的罚款1000元并吊销营业执照的行政处罚决定。", cm.agreeS)),
		open("2024: 罚款1000元, 未吊销营业执照", fine(1000, "撤销被告作出的罚款1000元的行政处罚决定（被告未吊销原告营业执照）。")),
		{name: "2015-04-30: 罚款1000元并吊销营业执照, the 1989 law (near miss)", filing: fine(1000, "撤销被告作出的罚款1000元并吊销营业执照的行政处罚决定。", filedOn("2015-04-30")),
			avail: av(pSimp, avU), silent: []string{reviewNotOnlyAmount}},
		closed("2024: 罚款1500元, 本案系发回重审", fine(1500, "撤销被告作出的罚款1500元的行政处罚决定。事实与理由：本案系发回重审案件。")),
		closed("2024: 罚款1500元, 依照审判监督程序再审", fine(1500, "撤销被告作出的罚款1500元的行政处罚决定。事实与理由：本案依照审判监督程序再审。")),
		{name: "2015-04-30: 罚款1500元, the 1989 law", filing: fine(1500, "撤销被告作出的罚款1500元的行政处罚决定。", filedOn("2015-04-30")), avail: av(pSimp, avU)},
		{name: "2015-05-01: 罚款1500元 (near miss)", filing: fine(1500, "撤销被告作出的罚款1500元的行政处罚决定。", filedOn("2015-05-01")), avail: av(pSimp, avA)},
		// CAUSE_UNKNOWN names each catalogue with its days (leftover 5).
		{name: "2019-06-03: a cause in no catalogue", filing: a(filedOn("2019-06-03"), cause("某某行政争议")), review: ptr(true),
			fires: []string{at(locReview, rules.CodeCauseUnknown)},
			extra: citesAt(locReview, "《关于规范行政案件案由的通知》（法发〔2004〕2号）", "2021年1月1日起《关于行政案件案由的暂行规定》", "2008年4月1日起施行")},
		{name: "2024: 政府信息公开 (82 ¶1 (3)) (near miss)", filing: a(cause("政府信息公开"), yuan(0), text("诉讼请求：判令被告公开其2023年度征地补偿款发放的政府信息。")),
			avail: av(pSimp, avA)},
	}
}
