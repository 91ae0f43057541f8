package rules_test

import (
	"testing"

	"github.com/fenjian/fenjian/rules"
)

// Round 36 of the statute audit (2026-12-06), criminal, the law before the
// 2018 amendment: each row written from the text first, then run.
//
//   - 刑事诉讼法（1996年）第一百七十四条: simplified procedure for public
//     prosecutions "依法可能判处三年以下有期徒刑、拘役、管制、单处罚金的"
//     with facts clear, "人民检察院建议或者同意适用简易程序的" (item 1), for
//     告诉才处理的案件 and 被害人起诉的有证据证明的轻微刑事案件 (items 2–3);
//     第一百四十七条 (basic courts); 第一百七十九条 ("发现不宜适用简易程序的，
//     应当按照本章第一节或者第二节的规定重新审理"); 第二十条 (the intermediate
//     court's cases); no fast-track;
//   - 刑诉法解释（1998年，1998-09-08）第二百二十二条 ("(一)公诉案件的被告人对于
//     起诉指控的犯罪事实予以否认的 … (四)辩护人作无罪辩护的；(五)其他不宜适用
//     简易程序的"), 第二百一十七条、第二百一十八条 (the procuratorate's written
//     proposal, or its consent when the court asks);
//   - 法发〔2003〕6号 (2003-03-14) 第二条第四项 ("其他不宜适用简易程序审理的
//     情形"), 第三条第二款 ("在征得被告人、辩护人同意后决定适用简易程序"),
//     第四条 ("应当征求人民检察院与被告人、辩护人的意见。人民检察院同意…后，
//     适用简易程序审理");
//   - the fast-track pilots (全国人大常委会 2014-06-27 and 2016-09-03
//     decisions, 18 cities; 试点办法 2014-08 (一年以下, listed offences) and
//     2016-11 (三年以下)), and their "其他不宜适用速裁程序的情形" as public
//     accounts of both 办法 give it; the pilot's fast-track simplified CrPL
//     2012's procedure further, so what closes simplified procedure under
//     CrPL 2012 art. 209(4) closes it too.
//
// The rows marked "new" failed before rules 2026-12-06.41.

// TestAuditRound36Criminal: filings.
func TestAuditRound36Criminal(t *testing.T) { runTable(t, audit36CriminalCases(t)) }

func audit36CriminalCases(tb testing.TB) []tcase {
	_, _, crim := auditBuilders(tb) // 盗窃罪, admits, accepts, consents to fast-track; 杭州市上城区, 2024-03-05
	two := cm.twoDefendants
	suzhou := courtIn("江苏省苏州市姑苏区人民法院", "江苏省") // never a criminal pilot city
	zz := courtIn("河南省郑州市中原区人民法院", "河南省")     // a pilot city in both phases
	bj := courtIn("北京市海淀区人民法院", "北京市")
	both := ftSimp
	not := ftSimpNot
	const (
		ftNotInForce    = rules.CodeCrPL222NotInForce
		notInForce1996  = rules.CodeCrPL1996NotInForce
		eligible1996    = rules.CodeCrPL1996Eligible
		cap1996         = rules.CodeCrPL1996SentenceCap
		private1996     = rules.CodeCrPL1996PrivateEligible
		noAdm1998       = rules.CodeInterp1998NoAdmission
		objects2003     = rules.CodeOpinion2003Objects
		unfitReview     = rules.CodeReviewUnsuitableInText
		unfit1996       = "CRPL1996_179_UNSUITABLE"
		unfit1998       = "INTERP1998_222_UNSUITABLE"
		procObjects     = "CRPL1996_174_PROCURATORATE_OBJECTS"
		defObjects      = "OPINION2003_DEFENDER_OBJECTS"
		objReview       = "REVIEW_PROCEDURE_OBJECTION_IN_TEXT_CRPL1996"
		pilotUnfit      = "PILOT_UNSUITABLE"
		pilot14         = rules.CodePilot2014Eligible
		pilot16         = rules.CodePilot2016Eligible
		pilotOff        = rules.CodePilot2014Offence
		pilotExcl       = rules.CodePilotExcluded
		pilotLapsed     = rules.CodePilotLapsed
		unfit2012       = rules.CodeCrPL2012Unsuitable
		mayNot2012      = rules.CodeInterp2012MayNotBeCrime
		interp377       = "INTERP377_FAST_TRACK_REMAND_ORDINARY"
		interp377Review = "REVIEW_INTERP377_FAST_TRACK_REMAND"
	)
	return []tcase{
		// --- 1. CrPL 1996 art. 174(1): the cap, the kinds, the eras ---
		both("1996 174(1): 36 months (2010) within the cap", crim(36, suzhou, filedOn("2010-06-01")), avU, avA,
			at(locSimp, eligible1996), at(locFT, ftNotInForce)),
		both("1996 174(1): 37 months (2010) over the cap", crim(37, suzhou, filedOn("2010-06-01")), avU, avU, at(locSimp, cap1996)),
		both("1996 174(1): 拘役 (2010)", crim(0, suzhou, filedOn("2010-06-01"), sentenceKind(detention, 4)), avU, avA),
		both("1996 174(1): 管制 (2010)", crim(0, suzhou, filedOn("2010-06-01"), sentenceKind(surveillance, 6)), avU, avA),
		both("1996 174(1): 单处罚金 (2010)", crim(0, suzhou, filedOn("2010-06-01"), sentenceKind(fineOnly, 0)), avU, avA),
		both("1998 interp 221: 免予刑事处分 may go simplified (2010)", crim(0, suzhou, filedOn("2010-06-01"), sentenceKind(exemption, 0)), avU, avA,
			at(locSimp, eligible1996)),
		both("1996 174(1): 缓刑 of 24 months (2010)", crim(0, suzhou, filedOn("2010-06-01"), sentenceKind(suspended, 24)), avU, avA),
		both("1996 174(1): the last day 2012-12-31, 48 months", crim(48, suzhou, filedOn("2012-12-31")), avU, avU, at(locSimp, cap1996)),
		not("CrPL 2012 208: the first day 2013-01-01, 48 months (no cap)", crim(48, suzhou, filedOn("2013-01-01")), avU, avA, nil, at(locSimp, cap1996)),
		both("1996 174: the first day 1997-01-01", crim(12, suzhou, filedOn("1997-01-01")), avU, avA, at(locSimp, eligible1996)),
		both("1979 law: 1996-12-31, no simplified procedure", crim(12, suzhou, filedOn("1996-12-31")), avU, avU, at(locSimp, notInForce1996)),
		// 174(2)–(3): a private prosecution has no cap.
		both("1996 174(2)–(3): a private prosecution has no cap (2010, no recommendation)", crim(0, suzhou, filedOn("2010-06-01"), priv), avU, avA,
			at(locSimp, private1996)),
		both("1996 174(1): a public prosecution without a recommendation is not shown within the cap (2010)", crim(0, suzhou, filedOn("2010-06-01"), noRecommendation), avU, avU,
			at(locSimp, cap1996)),
		// 147 ¶1, 20: basic courts only; life imprisonment is the intermediate court's.
		both("1996 147: an intermediate court (2010)", crim(12, filedOn("2010-06-01"), courtAt("江苏省苏州市中级人民法院", intermediateCourt), province("江苏省")), avU, avU),
		both("1996 20(2): life imprisonment at a basic court (2010)", crim(0, suzhou, filedOn("2010-06-01"), sentenceKind(life, 0)), avU, avU),
		// 1998 interpretation 222(1), 2003 opinion 3 ¶2, by date.
		both("1998 interp 222(1): no admission (2000)", crim(12, suzhou, filedOn("2000-06-01"), plea(false, false)), avU, avU, at(locSimp, noAdm1998)),
		not("1996 174 alone: no admission before 1998-09-08 is no bar (1998-06-01)", crim(12, suzhou, filedOn("1998-06-01"), plea(false, false)), avU, avA,
			nil, at(locSimp, noAdm1998)),
		both("2003 opinion 3 ¶2: the defendant objects (2005)", crim(12, suzhou, filedOn("2005-06-01"), cm.objects), avU, avU, at(locSimp, objects2003)),
		not("before the 2003 opinion: the defendant's objection is no bar (2002)", crim(12, suzhou, filedOn("2002-06-01"), cm.objects), avU, avA,
			nil, at(locSimp, objects2003)),
		both("1998 interp 222(3): an impaired defendant (2010)", crim(12, suzhou, filedOn("2010-06-01"), party(0, impaired)), avU, avU),
		both("1998 interp 222(4): the defence pleads not guilty (2010)", crim(12, suzhou, filedOn("2010-06-01"), cm.notGuilty), avU, avU),
		both("1996 192: a remanded case, new panel, no single judge (2010)", crim(12, suzhou, filedOn("2010-06-01"), cm.remanded), avU, avU),
		// No fast-track before the pilot, even in a pilot city.
		both("no fast-track before 2014-08-26 in a pilot city (北京 2012)", crim(6, bj, filedOn("2012-06-01")), avU, avA, at(locFT, ftNotInForce)),
		both("no fast-track before the first 试点办法 (郑州 2014-08-22)", crim(6, zz, filedOn("2014-08-22")), avU, avA, at(locFT, ftNotInForce)),

		// --- 2. new: 不宜适用简易程序 stated before 2013 ---
		both("new: 1998 interp 222(5): 本案不宜适用简易程序 (2010)", crim(12, suzhou, filedOn("2010-06-01"), text("本案不宜适用简易程序审理。")), avU, avU,
			at(locSimp, unfit1998), at(locReview, unfitReview)),
		both("new: 2003 opinion 2(4): 不宜按照简易程序审理 (2005)", crim(12, suzhou, filedOn("2005-06-01"), text("公诉机关认为本案不宜按照简易程序审理。")), avU, avU,
			at(locSimp, unfit1998)),
		both("new: 1996 179: 不宜适用简易程序 (1998-06-01, before the 1998 interpretation)", crim(12, suzhou, filedOn("1998-06-01"), text("本案不宜适用简易程序审理。")), avU, avU,
			at(locSimp, unfit1996), at(locReview, unfitReview)),
		{name: "1979 law: 不宜适用简易程序 (1996-06-01) cites only the procedure's absence", filing: crim(12, suzhou, filedOn("1996-06-01"), text("本案不宜适用简易程序审理。")),
			avail: av(pSimp, avU), fires: []string{at(locSimp, notInForce1996)}, silent: []string{at(locSimp, unfit1996), at(locSimp, unfit1998), at(locReview, unfitReview)}},
		not("near miss: 不属于不宜适用简易程序的情形 (2010)", crim(12, suzhou, filedOn("2010-06-01"), text("本案不属于不宜适用简易程序审理的情形。")), avU, avA,
			nil, at(locSimp, unfit1998), at(locReview, unfitReview)),
		not("2010: 不宜适用速裁程序 closes nothing (no fast-track law)", crim(12, suzhou, filedOn("2010-06-01"), text("本案不宜适用速裁程序审理。")), avU, avA,
			nil, at(locReview, unfitReview), at(locSimp, unfit1998)),

		// --- 3. new: CrPL 1996 174(1) 人民检察院建议或者同意 ---
		both("new: 174(1): 人民检察院不同意适用简易程序 (2010)", crim(12, suzhou, filedOn("2010-06-01"), text("人民检察院不同意适用简易程序。")), avU, avU,
			at(locSimp, procObjects), at(locReview, objReview)),
		both("new: 174(1): 公诉机关建议适用普通程序审理 (2008)", crim(12, suzhou, filedOn("2008-06-01"), text("公诉机关建议本案适用普通程序审理。")), avU, avU,
			at(locSimp, procObjects)),
		both("new: 174(1): 检察院对适用简易程序有异议 (1999)", crim(12, suzhou, filedOn("1999-06-01"), text("检察院对适用简易程序有异议。")), avU, avU,
			at(locSimp, procObjects)),
		not("near miss: 人民检察院建议适用简易程序 (2010)", crim(12, suzhou, filedOn("2010-06-01"), text("人民检察院建议适用简易程序。")), avU, avA,
			nil, at(locSimp, procObjects), at(locReview, objReview)),
		not("near miss: 公诉机关同意适用简易程序 (2010)", crim(12, suzhou, filedOn("2010-06-01"), text("公诉机关同意适用简易程序。")), avU, avA,
			nil, at(locSimp, procObjects)),
		not("near miss: 公诉机关并非不同意适用简易程序 (2010)", crim(12, suzhou, filedOn("2010-06-01"), text("公诉机关并非不同意适用简易程序。")), avU, avA,
			nil, at(locSimp, procObjects)),
		not("private prosecution: 174(2)–(3) need no procuratorate (2010)", crim(0, suzhou, filedOn("2010-06-01"), priv, text("人民检察院不同意适用简易程序。")), avU, avA,
			nil, at(locSimp, procObjects)),
		not("near miss: 公诉机关指控后，被告人不同意适用简易程序 is the defendant's (2002: no bar)", crim(12, suzhou, filedOn("2002-06-01"), text("公诉机关指控被告人犯盗窃罪，被告人不同意适用简易程序。")), avU, avA,
			nil, at(locSimp, procObjects), at(locReview, objReview)),
		not("near miss: 公诉机关认为被告人要求适用普通程序 is the defendant's proposal (2002)", crim(12, suzhou, filedOn("2002-06-01"), text("公诉机关称被告人要求适用普通程序审理。")), avU, avA,
			nil, at(locSimp, procObjects)),
		not("CrPL 2012 208 ¶2: the procuratorate only 可以建议 (2015, 苏州)", crim(12, suzhou, filedOn("2015-06-01"), text("人民检察院不同意适用简易程序。")), avU, avA,
			nil, at(locSimp, procObjects), at(locReview, objReview)),

		// --- 4. new: 2003 opinion 3 ¶2: the defender's consent ---
		both("new: 2003 opinion 3 ¶2: 辩护人不同意适用简易程序 (2010)", crim(12, suzhou, filedOn("2010-06-01"), text("辩护人不同意适用简易程序。")), avU, avU,
			at(locSimp, defObjects), at(locReview, objReview)),
		both("new: 2003 opinion 3 ¶2: 辩护人对适用简易程序提出异议 (2012-12-31)", crim(12, suzhou, filedOn("2012-12-31"), text("被告人的辩护人对适用简易程序提出异议。")), avU, avU,
			at(locSimp, defObjects)),
		not("near miss: 辩护人在场，被告人不同意适用简易程序 is the defendant's (2002: no bar)", crim(12, suzhou, filedOn("2002-06-01"), text("在辩护人在场的情况下，被告人不同意适用简易程序。")), avU, avA,
			nil, at(locSimp, defObjects)),
		not("before the 2003 opinion: the defender's objection (2002)", crim(12, suzhou, filedOn("2002-06-01"), text("辩护人不同意适用简易程序。")), avU, avA,
			nil, at(locSimp, defObjects)),
		not("CrPL 2012 208(3): an adult's defender is not asked (2015, 苏州)", crim(12, suzhou, filedOn("2015-06-01"), text("辩护人不同意适用简易程序。")), avU, avA,
			nil, at(locSimp, defObjects)),
		not("near miss: 辩护人未对适用简易程序提出异议 (2010)", crim(12, suzhou, filedOn("2010-06-01"), text("辩护人未对适用简易程序提出异议。")), avU, avA,
			nil, at(locSimp, defObjects)),

		// --- 5. the 2014 pilot (one year, the 办法's offences) ---
		both("pilot 2014: 郑州 2015, 12 months 盗窃", crim(12, zz, filedOn("2015-06-01")), avA, avA, at(locFT, pilot14)),
		both("pilot 2014: 北京 2015, 危险驾驶 拘役", crim(0, bj, filedOn("2015-06-01"), cause("危险驾驶罪"), sentenceKind(detention, 3)), avA, avA),
		both("pilot 2014: 苏州 2015 is no pilot city", crim(12, suzhou, filedOn("2015-06-01")), avU, avA, at(locFT, ftNotInForce)),
		both("pilot 2014: 宁波 2015 (a civil pilot city only)", crim(6, filedOn("2015-06-01"), courtIn("浙江省宁波市海曙区人民法院", "浙江省")), avU, avA,
			at(locFT, ftNotInForce)),
		both("pilot 2014: 大连 瓦房店市 2015", crim(6, filedOn("2015-06-01"), courtIn("辽宁省瓦房店市人民法院", "辽宁省")), avA, avA),
		both("pilot 2014: 广东省佛山市 2015 is not 广州", crim(6, filedOn("2015-06-01"), courtIn("广东省佛山市禅城区人民法院", "广东省")), avU, avA,
			at(locFT, ftNotInForce)),
		both("pilot 2014: 盗窃罪、诈骗罪 both listed", crim(6, zz, filedOn("2015-06-01"), cause("盗窃罪、诈骗罪")), avA, avA),
		both("pilot 2014: 盗窃罪、非法经营罪, one off the list", crim(6, zz, filedOn("2015-06-01"), cause("盗窃罪、非法经营罪")), avU, avA, at(locFT, pilotOff)),
		// The first phase's 办法 (statute round 38: PILOT2014_EXCLUDED).
		both("pilot 2014: a co-defendant disputes the recommendation", crim(6, zz, filedOn("2015-06-01"), two, cm.coCharge), avU, avA, at(locFT, "PILOT2014_EXCLUDED")),
		both("pilot 2014: no settlement with the victim", crim(6, zz, filedOn("2015-06-01"), cm.noSettlement), avU, avA, at(locFT, "PILOT2014_EXCLUDED")),
		both("pilot 2014: an exemption is not on the decision's list", crim(0, zz, filedOn("2015-06-01"), sentenceKind(exemption, 0)), avU, avA),
		both("pilot 2014: an intermediate court of the city", crim(6, filedOn("2015-06-01"), courtAt("河南省郑州市中级人民法院", intermediateCourt), province("河南省")), avU, avU),
		both("pilot gap: 2016-09-15 (decision adopted, no new 办法)", crim(6, zz, filedOn("2016-09-15")), avU, avA, at(locFT, pilotLapsed)),

		// --- 6. the 2016 pilot (三年以下, no list) ---
		both("pilot 2016: 郑州 2017, 30 months", crim(30, zz, filedOn("2017-06-01")), avA, avA, at(locFT, pilot16)),
		both("pilot 2016: 非法经营罪 24 months", crim(24, zz, filedOn("2017-06-01"), cause("非法经营罪")), avA, avA),
		both("pilot 2016: a minor defendant", crim(6, zz, filedOn("2017-06-01"), party(0, minor)), avU, avA, at(locFT, pilotExcl)),
		both("pilot 2016: major social impact", crim(6, zz, filedOn("2017-06-01"), cm.impact), avU, avU, at(locFT, pilotExcl)),
		both("pilot 2016: 苏州 2017 is no pilot city", crim(6, suzhou, filedOn("2017-06-01")), avU, avA, at(locFT, ftNotInForce)),
		both("pilot 2016: the last day 2018-10-25 (天津)", crim(30, filedOn("2018-10-25"), courtIn("天津市和平区人民法院", "天津市")), avA, avA, at(locFT, pilot16)),
		both("CrPL 222: the first day 2018-10-26 (苏州)", crim(30, suzhou, filedOn("2018-10-26")), avA, avA, at(locFT, rules.CodeCrPL222Eligible)),

		// --- 7. new: the pilots' 其他不宜适用速裁程序的情形 ---
		both("new: pilot 2014: 本案不宜适用速裁程序 (郑州 2015)", crim(6, zz, filedOn("2015-06-01"), text("本案不宜适用速裁程序审理。")), avU, avA,
			at(locFT, rules.CodePilot2014Unsuitable), at(locReview, unfitReview)),
		both("new: pilot 2016: 不宜按照速裁程序 (郑州 2017)", crim(6, zz, filedOn("2017-06-01"), text("公诉机关认为本案不宜按照速裁程序审理。")), avU, avA,
			at(locFT, pilotUnfit)),
		both("new: pilot 2016: 不宜适用简易程序 closes both (CrPL 2012 209(4))", crim(6, zz, filedOn("2017-06-01"), text("本案不宜适用简易程序审理。")), avU, avU,
			at(locFT, pilotUnfit), at(locSimp, unfit2012)),
		both("new: pilot 2016: 认罪但可能不构成犯罪 closes both (Interp. 2012 290(6))", crim(6, zz, filedOn("2017-06-01"), text("被告人虽认罪，但经审查可能不构成犯罪。")), avU, avU,
			at(locFT, pilotUnfit), at(locSimp, mayNot2012)),
		not("near miss: pilot 2016: 不属于不宜适用速裁程序的情形", crim(6, zz, filedOn("2017-06-01"), text("本案不属于不宜适用速裁程序审理的情形。")), avA, avA,
			nil, at(locFT, pilotUnfit), at(locReview, unfitReview)),
		{name: "pilot gap: 不宜适用速裁程序 adds nothing (2016-09-15)", filing: crim(6, zz, filedOn("2016-09-15"), text("本案不宜适用速裁程序审理。")),
			avail: av(pFT, avU, pSimp, avA), fires: []string{at(locFT, pilotLapsed)}, silent: []string{at(locFT, pilotUnfit), at(locReview, unfitReview)}},

		// --- 8. new: 刑诉法解释第三百七十七条 (current law): a fast-track case
		// remanded under CrPL 236 ¶1(3) (事实不清楚或者证据不足) is retried in
		// 第一审普通程序, not simplified procedure; another ground is reviewed.
		both("new: Interp. 377: 原审适用速裁程序, 以事实不清、证据不足发回", crim(10, cm.remanded, text("本案原审适用速裁程序审理，二审以事实不清、证据不足为由发回重审。")), avU, avU,
			at(locSimp, interp377), at(locReview, interp377Review)),
		both("new: Interp. 377: 一审适用速裁程序, 以事实不清发回 (remand read from the text)", crim(10, text("一审适用速裁程序审理后，二审法院以事实不清为由裁定撤销原判，发回重审。")), avU, avU,
			at(locSimp, interp377)),
		not("new: Interp. 377: another ground (违反法定诉讼程序) is reviewed, not closed", crim(10, cm.remanded, text("原审适用速裁程序审理，二审以违反法定诉讼程序为由发回重审。")), avU, avA,
			[]string{at(locReview, interp377Review)}, at(locSimp, interp377)),
		not("Interp. 377 not yet in force (2020): the new panel only", crim(10, cm.remanded, suzhou, filedOn("2020-06-01"), text("本案原审适用速裁程序审理，二审以事实不清、证据不足为由发回重审。")), avU, avA,
			nil, at(locSimp, interp377), at(locReview, interp377Review)),
		not("near miss: 原审适用简易程序 (not fast-track)", crim(10, cm.remanded, text("原审适用简易程序审理，二审以事实不清为由发回重审。")), avU, avA,
			nil, at(locSimp, interp377), at(locReview, interp377Review)),
		not("near miss: 原审未适用速裁程序", crim(10, cm.remanded, text("原审未适用速裁程序，二审以事实不清为由发回重审。")), avU, avA,
			nil, at(locSimp, interp377), at(locReview, interp377Review)),
		not("near miss: not remanded, 被告人同意适用速裁程序", crim(10, text("被告人同意适用速裁程序，一审事实清楚。")), avA, avA,
			nil, at(locSimp, interp377), at(locReview, interp377Review)),
	}
}
