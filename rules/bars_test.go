package rules_test

import (
	"errors"
	"slices"
	"sort"
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// barScenario closes procedure p with the barring code (bar applied to
// base) and opens it again with the smallest change that stays within the
// law (near applied to base).
type barScenario struct {
	base      func(testing.TB) *triagev1.Filing
	p         triagev1.Procedure
	bar, near []mod
}

func intermediate(f *triagev1.Filing) { f.CourtLevel = intermediateCourt }

// hzPilot places a filing at a basic court of the 繁简分流 pilot (杭州)
// during it.
func hzPilot() []mod {
	return []mod{province("浙江省"), court("杭州市西湖区人民法院"), filedOn("2021-03-01")}
}
func c(m func(*triagev1.Circumstances)) mod {
	return circ(m)
}

// barScenarios has one scenario per reason code that can bar an option. It
// is checked against the codes the rules actually put on unavailable
// options (TestEveryBarHasAScenario), so a new barring code fails the tests
// until it has one here.
func barScenarios() map[string]barScenario {
	civ, adm, crim := civilBase, adminBase, crimBase
	onTheSpot := c(func(c *triagev1.Circumstances) { c.ActOnTheSpot = true })
	return map[string]barScenario{
		// Small claims (CPL 165–166; Interp. 140, 257 via 281; CPL 42).
		rules.CodeCPL165CourtLevel: {civ, pSC, []mod{intermediate}, nil},
		// 海事诉讼特别程序法第九十八条, in force 2000-07-01 (round 17).
		rules.CodeMSPL98NotInForce: {civ, pSimp, []mod{court("宁波海事法院"), intermediate, filedOn("2000-06-30")},
			[]mod{court("宁波海事法院"), intermediate, filedOn("2000-07-01")}},
		rules.CodeCPL165NotMoneyPayment: {civ, pSC, []mod{c(func(c *triagev1.Circumstances) { c.NonMonetaryClaims = true })}, nil},
		rules.CodeCPL166PersonalStatus:  {civ, pSC, []mod{c(func(c *triagev1.Circumstances) { c.PersonalStatus = true })}, nil},
		rules.CodeCPL166PropertyRights:  {civ, pSC, []mod{c(func(c *triagev1.Circumstances) { c.PropertyRightsConfirmation = true })}, nil},
		rules.CodeCPL166Foreign:         {civ, pSC, []mod{party(1, foreign)}, nil},
		rules.CodeCPL166Appraisal:       {civ, pSC, []mod{c(func(c *triagev1.Circumstances) { c.AppraisalNeeded = true })}, nil},
		rules.CodeCPL166Whereabouts:     {civ, pSC, []mod{party(0, whereaboutsUnknown)}, nil},
		rules.CodeCPL166Counterclaim:    {civ, pSC, []mod{c(func(c *triagev1.Circumstances) { c.Counterclaim = true })}, nil},
		// Interp. 278 ¶1 (2015 text art. 280; CPL 2012 art. 162 before
		// 2015-02-04): a changed claim above the figure (round 27).
		rules.CodeInterp278ChangedOverLimit: {civ, pSC, []mod{text("原告变更诉讼请求为判令被告偿还借款80000元。")},
			[]mod{text("原告变更诉讼请求为判令被告偿还借款50000元。")}},
		rules.CodeInterp2015ChangedOverLimit: {civ, pSC, []mod{yuan(5000), filedOn("2018-09-03"), text("原告变更诉讼请求为判令被告偿还借款30000元。")},
			[]mod{yuan(5000), filedOn("2018-09-03"), text("原告变更诉讼请求为判令被告偿还借款20000元。")}},
		rules.CodeCPL2012ChangedOverLimit: {civ, pSC, []mod{yuan(5000), filedOn("2014-09-03"), text("原告变更诉讼请求为判令被告偿还借款20000元。")},
			[]mod{yuan(5000), filedOn("2014-09-03"), text("原告变更诉讼请求为判令被告偿还借款15000元。")}},
		rules.CodeCPL165AgreementExcluded: {civ, pSC, []mod{c(agreeSmallClaims), c(func(c *triagev1.Circumstances) { c.Counterclaim = true })}, []mod{c(agreeSmallClaims)}},
		rules.CodeCPL165OverMandatory:     {civ, pSC, []mod{yuan(100000)}, []mod{yuan(100000), c(agreeSmallClaims)}},
		// The case: ¥300,000 in 江苏, over twice the 2024 figure.
		rules.CodeCPL165OverAgreement: {civ, pSC, []mod{province("江苏省"), yuan(300000), c(agreeSmallClaims)}, []mod{province("江苏省"), yuan(240000), c(agreeSmallClaims)}},

		// Small claims at a basic court of the 繁简分流 pilot, 2020-01-15 to
		// 2021-12-31 (¥50,000 mandatory, ¥100,000 by agreement).
		rules.CodePilot2020OverMandatory:     {civ, pSC, append(hzPilot(), yuan(60000)), append(hzPilot(), yuan(60000), c(agreeSmallClaims))},
		rules.CodePilot2020OverAgreement:     {civ, pSC, append(hzPilot(), yuan(100001), c(agreeSmallClaims)), append(hzPilot(), yuan(100000), c(agreeSmallClaims))},
		rules.CodePilot2020AgreementExcluded: {civ, pSC, append(hzPilot(), yuan(10000), c(agreeSmallClaims), cause("侵害商标权纠纷")), append(hzPilot(), yuan(10000), c(agreeSmallClaims))},
		rules.CodePilot2020NotMoneyPayment:   {civ, pSC, append(hzPilot(), yuan(10000), c(func(c *triagev1.Circumstances) { c.NonMonetaryClaims = true })), append(hzPilot(), yuan(10000))},

		// Small claims before 2022 (CPL 2012/2017 art. 162, 30% of the
		// previous year's wage, no agreement band), and before it existed.
		rules.CodeCPL162NotInForce:      {civ, pSC, []mod{filedOn("2012-12-31"), yuan(10000)}, []mod{filedOn("2013-01-01"), yuan(10000)}},
		rules.CodeCPL162CourtLevel:      {civ, pSC, []mod{filedOn("2019-05-06"), yuan(10000), intermediate}, []mod{filedOn("2019-05-06"), yuan(10000)}},
		rules.CodeCPL162NotMoneyPayment: {civ, pSC, []mod{filedOn("2019-05-06"), yuan(10000), c(func(c *triagev1.Circumstances) { c.NonMonetaryClaims = true })}, []mod{filedOn("2019-05-06"), yuan(10000)}},
		rules.CodeCPL162OverLimit:       {civ, pSC, []mod{filedOn("2019-05-06"), yuan(100000)}, []mod{filedOn("2019-05-06"), yuan(10000)}},
		// 民诉法解释（2015年）第二百七十五条第三项: no IP dispute in small
		// claims until CPL 166 (2022-01-01) replaced the list.
		rules.CodeInterp2015IntellectualProp: {civ, pSC, []mod{filedOn("2019-05-06"), yuan(10000), cause("侵害商标权纠纷")}, []mod{filedOn("2022-01-01"), yuan(10000), cause("侵害商标权纠纷")}},
		// The exclusions of 民诉法解释（2015年）第二百七十五条 (1), (2), (4)
		// and, for a defendant, 第二百五十七条第一项; CPL 2017 art. 40 ¶2.
		rules.CodeInterp2015PersonalStatus: {civ, pSC, []mod{filedOn("2019-05-06"), yuan(10000), c(func(c *triagev1.Circumstances) { c.PersonalStatus = true })}, []mod{filedOn("2019-05-06"), yuan(10000)}},
		// Before 2015-02-04: CPL 2012 art. 162 alone (audit of citations by era).
		rules.CodeCPL2012PersonalStatus:      {civ, pSC, []mod{filedOn("2014-05-06"), yuan(3000), c(func(c *triagev1.Circumstances) { c.PersonalStatus = true })}, []mod{filedOn("2014-05-06"), yuan(3000)}},
		rules.CodeCPL2012PropertyRights:      {civ, pSC, []mod{filedOn("2014-05-06"), yuan(3000), c(func(c *triagev1.Circumstances) { c.PropertyRightsConfirmation = true })}, []mod{filedOn("2014-05-06"), yuan(3000)}},
		rules.CodeCPL2012Foreign:             {civ, pSC, []mod{filedOn("2014-05-06"), yuan(3000), party(0, foreign)}, []mod{filedOn("2014-05-06"), yuan(3000)}},
		rules.CodeCPL2012Appraisal:           {civ, pSC, []mod{filedOn("2014-05-06"), yuan(3000), c(func(c *triagev1.Circumstances) { c.AppraisalNeeded = true })}, []mod{filedOn("2014-05-06"), yuan(3000)}},
		rules.CodeCPL2012NotMoneyPayment:     {civ, pSC, []mod{filedOn("2014-05-06"), yuan(3000), c(func(c *triagev1.Circumstances) { c.NonMonetaryClaims = true })}, []mod{filedOn("2014-05-06"), yuan(3000)}},
		rules.CodeInterp2015PropertyRights:   {civ, pSC, []mod{filedOn("2019-05-06"), yuan(10000), c(func(c *triagev1.Circumstances) { c.PropertyRightsConfirmation = true })}, []mod{filedOn("2019-05-06"), yuan(10000)}},
		rules.CodeInterp2015Foreign:          {civ, pSC, []mod{filedOn("2019-05-06"), yuan(10000), party(1, foreign)}, []mod{filedOn("2019-05-06"), yuan(10000)}},
		rules.CodeInterp2015Appraisal:        {civ, pSC, []mod{filedOn("2019-05-06"), yuan(10000), c(func(c *triagev1.Circumstances) { c.AppraisalNeeded = true })}, []mod{filedOn("2019-05-06"), yuan(10000)}},
		rules.CodeInterp2015Whereabouts:      {civ, pSC, []mod{filedOn("2019-05-06"), yuan(10000), party(1, whereaboutsUnknown)}, []mod{filedOn("2019-05-06"), yuan(10000), party(0, whereaboutsUnknown)}},
		rules.CodeCPL2017NewPanelSingleJudge: {civ, pSimp, []mod{filedOn("2019-05-06"), c(func(c *triagev1.Circumstances) { c.Remanded = true })}, []mod{filedOn("2019-05-06")}},

		// Civil simplified (CPL 160, Interp. 257, 264, 140; CPL 42).
		rules.CodeCPL160CourtLevel: {civ, pSimp, []mod{intermediate}, nil},
		// Before 2022 the basic-court condition was CPL 2012/2017 art. 157.
		rules.CodeCPL2017SimplifiedCourtLevel: {civ, pSimp, []mod{filedOn("2019-05-06"), intermediate}, []mod{filedOn("2019-05-06")}},
		rules.CodeInterp257Whereabouts:        {civ, pSimp, []mod{party(1, whereaboutsUnknown)}, []mod{party(0, whereaboutsUnknown)}},
		rules.CodeInterp257Remanded:           {civ, pSimp, []mod{c(func(c *triagev1.Circumstances) { c.Remanded = true })}, nil},
		rules.CodeInterp257Numerous:           {civ, pSimp, []mod{setParties(10, 1)}, []mod{setParties(9, 1)}},
		rules.CodeInterp257Retrial:            {civ, pSimp, []mod{c(func(c *triagev1.Circumstances) { c.Retrial = true })}, nil},
		rules.CodeInterp257PublicInterest:     {civ, pSimp, []mod{c(func(c *triagev1.Circumstances) { c.PublicInterest = true })}, nil},
		rules.CodeInterp257ThirdPartyRevoke:   {civ, pSimp, []mod{c(func(c *triagev1.Circumstances) { c.ThirdPartyRevocation = true })}, nil},
		rules.CodeInterp264NoAgreement:        {civ, pSimp, []mod{c(agreeSimplified), c(func(c *triagev1.Circumstances) { c.Retrial = true })}, []mod{c(agreeSimplified)}},
		rules.CodeInterp140PublicNotice:       {civ, pSimp, []mod{c(func(c *triagev1.Circumstances) { c.PublicNoticeService = true })}, nil},
		// The kind of suit fixes the procedure: 民诉法解释第三百零八条 (an
		// execution objection suit, not a distribution-plan objection suit)
		// from 2015-02-04, when its 2015 text's art. 310 took effect; and
		// 若干规定第一条第四项 for a non-contentious case (a payment order), not a
		// contentious suit of the same catalogue's special part.
		rules.CodeInterp308OrdinaryOnly:   {civ, pSimp, []mod{filedOn("2015-02-04"), cause("案外人执行异议之诉")}, []mod{filedOn("2015-02-03"), cause("案外人执行异议之诉")}},
		rules.CodeNonContentiousProcedure: {civ, pSimp, []mod{cause("申请支付令")}, []mod{cause("失踪人债务支付纠纷")}},
		// Before 2015-02-04: 若干规定 art. 1 (1)–(4), and art. 2's agreement
		// subject to it; the day after the interpretation's codes take over.
		rules.CodeProv1Whereabouts:       {civ, pSimp, []mod{filedOn("2015-02-03"), party(1, whereaboutsUnknown)}, []mod{filedOn("2015-02-03"), party(0, whereaboutsUnknown)}},
		rules.CodeProv1Remanded:          {civ, pSimp, []mod{filedOn("2015-02-03"), c(func(c *triagev1.Circumstances) { c.Remanded = true })}, []mod{filedOn("2015-02-03")}},
		rules.CodeProv1Numerous:          {civ, pSimp, []mod{filedOn("2015-02-03"), setParties(10, 1)}, []mod{filedOn("2015-02-03"), setParties(9, 1)}},
		rules.CodeProv1Retrial:           {civ, pSimp, []mod{filedOn("2015-02-03"), c(func(c *triagev1.Circumstances) { c.Retrial = true })}, []mod{filedOn("2015-02-03")}},
		rules.CodeProv1AgreementExcluded: {civ, pSimp, []mod{filedOn("2015-02-03"), c(agreeSimplified), setParties(10, 1)}, []mod{filedOn("2015-02-03"), c(agreeSimplified)}},
		// Before 2003-12-01, when 若干规定 was not yet in force: the 1992
		// 意见's arts. 169 and 174 (era_test.go pins the day 若干规定's art.
		// 1 codes take over).
		rules.CodeOpinion1992Whereabouts: {civ, pSimp, []mod{filedOn("2003-11-30"), party(1, whereaboutsUnknown)}, []mod{filedOn("2003-11-30"), party(0, whereaboutsUnknown)}},
		// Before the 1992 意见 (statute round 38): CPL 1991 art. 142's simple case.
		rules.CodeCPL1991Whereabouts:  {civ, pSimp, []mod{filedOn("1992-07-13"), party(1, whereaboutsUnknown)}, []mod{filedOn("1992-07-13"), party(0, whereaboutsUnknown)}},
		rules.CodeOpinion1992Remanded: {civ, pSimp, []mod{filedOn("2003-11-30"), c(func(c *triagev1.Circumstances) { c.Remanded = true })}, []mod{filedOn("2003-11-30")}},
		rules.CodeOpinion1992Retrial:  {civ, pSimp, []mod{filedOn("2003-11-30"), c(func(c *triagev1.Circumstances) { c.Retrial = true })}, []mod{filedOn("2003-11-30")}},
		// Before 2015-02-04 no express bar for the suits of Interp. 257 (5),
		// (6): 若干规定 art. 1(5), the court's finding; art. 8(1) for a
		// defendant who cannot be served directly or by leaving.
		rules.CodeProv1PublicInterest:       {civ, pSimp, []mod{filedOn("2015-02-03"), c(func(c *triagev1.Circumstances) { c.PublicInterest = true })}, []mod{filedOn("2015-02-03")}},
		rules.CodeProv1ThirdPartyRevocation: {civ, pSimp, []mod{filedOn("2015-02-03"), c(func(c *triagev1.Circumstances) { c.ThirdPartyRevocation = true })}, []mod{filedOn("2015-02-03")}},
		rules.CodeProv8PublicNotice:         {civ, pSimp, []mod{filedOn("2015-02-03"), c(func(c *triagev1.Circumstances) { c.PublicNoticeService = true })}, []mod{filedOn("2015-02-03")}},
		// Before 2013: CPL 1991/2007 art. 142 (basic courts) and art. 41
		// ¶2, ¶3 (a remanded case goes to a new panel).
		rules.CodeCPL2007SimplifiedCourtLevel: {civ, pSimp, []mod{filedOn("2010-05-04"), intermediate}, []mod{filedOn("2010-05-04")}},
		rules.CodeCPL2007NewPanelSingleJudge:  {civ, pSimp, []mod{filedOn("2010-05-04"), c(func(c *triagev1.Circumstances) { c.Remanded = true })}, []mod{filedOn("2010-05-04")}},
		rules.CodeCPL42SingleJudgeBarred:      {civ, pSimp, []mod{c(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true })}, nil},
		// 民事诉讼法第四十一条第三款: a remanded case goes to a new panel.
		rules.CodeCPL41SingleJudgeBarred: {civ, pSimp, []mod{c(func(c *triagev1.Circumstances) { c.Remanded = true })}, nil},

		// Administrative simplified (行政诉讼法 82).
		rules.CodeAdmin82Remanded:     {adm, pSimp, []mod{onTheSpot, c(func(c *triagev1.Circumstances) { c.Remanded = true })}, []mod{onTheSpot}},
		rules.CodeAdmin82Retrial:      {adm, pSimp, []mod{onTheSpot, c(func(c *triagev1.Circumstances) { c.Retrial = true })}, []mod{onTheSpot}},
		rules.CodeAdmin82NotQualified: {adm, pSimp, nil, []mod{c(agreeSimplified)}},

		// 人民陪审员法第十六条第二项 (2018-04-27): a 行政公益诉讼 goes to a
		// seven-member panel; the day before, the parties' agreement opens it.
		rules.CodeAssessors16MajorSocialImpact:  {adm, pSimp, []mod{filedOn("2018-04-27"), c(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true; c.ActOnTheSpot = true })}, []mod{filedOn("2018-04-26"), c(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true; c.ActOnTheSpot = true })}},
		rules.CodeAssessors16PublicInterestSuit: {adm, pSimp, []mod{cause("行政公益诉讼"), filedOn("2018-04-27"), c(func(c *triagev1.Circumstances) { c.PartiesAgreeSimplified = true })}, []mod{cause("行政公益诉讼"), filedOn("2018-04-26"), c(func(c *triagev1.Circumstances) { c.PartiesAgreeSimplified = true })}},

		// Fast-track (CrPL 222–223, Interp. 370).
		// The base court (杭州) was a pilot court: the day before the
		// amendment is tried outside the 18 cities.
		rules.CodeCrPL222NotInForce: {crim, pFT, []mod{courtIn("浙江省海盐县人民法院", "浙江省"), filedOn("2018-10-25")}, []mod{courtIn("浙江省海盐县人民法院", "浙江省"), filedOn("2018-10-26")}},

		// The fast-track pilot before 2018-10-26 (rules/pilot.go): 郑州.
		rules.CodePilotLapsed:          {crim, pFT, []mod{zhengzhou, filedOn("2016-11-29")}, []mod{zhengzhou, filedOn("2016-11-30")}},
		rules.CodePilot2014Lapsed:      {crim, pFT, []mod{zhengzhou, filedOn("2016-09-02")}, []mod{zhengzhou, filedOn("2016-08-21")}},
		rules.CodePilot2014Offence:     {crim, pFT, []mod{zhengzhou, filedOn("2015-05-05"), cause("非法经营罪")}, []mod{zhengzhou, filedOn("2017-05-05"), cause("非法经营罪")}},
		rules.CodePilot2014Over1Y:      {crim, pFT, []mod{zhengzhou, filedOn("2015-05-05"), sentence(13)}, []mod{zhengzhou, filedOn("2015-05-05"), sentence(12)}},
		rules.CodePilot2016Over3Y:      {crim, pFT, []mod{zhengzhou, filedOn("2018-05-05"), sentence(37)}, []mod{zhengzhou, filedOn("2018-05-05"), sentence(36)}},
		rules.CodePilotSentenceUnknown: {crim, pFT, []mod{zhengzhou, filedOn("2018-05-05"), sentence(0), cause("盗窃罪")}, []mod{zhengzhou, filedOn("2018-05-05"), sentence(1), cause("盗窃罪")}},
		rules.CodePilotNoGuiltyPlea:    {crim, pFT, []mod{zhengzhou, filedOn("2018-05-05"), plea(true, false)}, []mod{zhengzhou, filedOn("2018-05-05"), plea(true, true)}},
		rules.CodePilotNoConsent:       {crim, pFT, []mod{zhengzhou, filedOn("2018-05-05"), c(func(c *triagev1.Circumstances) { c.ConsentsFastTrack = false })}, []mod{zhengzhou, filedOn("2018-05-05")}},
		// The first phase's (statute round 37): its own codes.
		rules.CodePilot2014NoConsent:       {crim, pFT, []mod{zhengzhou, filedOn("2015-05-05"), c(func(c *triagev1.Circumstances) { c.ConsentsFastTrack = false })}, []mod{zhengzhou, filedOn("2015-05-05")}},
		rules.CodePilot2014SentenceUnknown: {crim, pFT, []mod{zhengzhou, filedOn("2015-05-05"), sentence(0), cause("盗窃罪")}, []mod{zhengzhou, filedOn("2015-05-05"), sentence(1), cause("盗窃罪")}},
		rules.CodePilotExcluded:            {crim, pFT, []mod{zhengzhou, filedOn("2018-05-05"), party(0, minor)}, []mod{zhengzhou, filedOn("2018-05-05")}},
		// The first phase's plea and exclusions (statute round 38).
		rules.CodePilot2014NoGuiltyPlea: {crim, pFT, []mod{zhengzhou, filedOn("2015-05-05"), plea(true, false)}, []mod{zhengzhou, filedOn("2015-05-05"), plea(true, true)}},
		rules.CodePilot2014Excluded:     {crim, pFT, []mod{zhengzhou, filedOn("2015-05-05"), party(0, minor)}, []mod{zhengzhou, filedOn("2015-05-05")}},
		// CrPL 1996 art. 20(3): a nationality the text states (statute round 38).
		rules.CodeCrPL1996ForeignDefendant:   {crim, pSimp, []mod{filedOn("2010-06-01"), text("被告人JOHN SMITH，男，美国国籍。")}, []mod{filedOn("2010-06-01"), text("被告人王某，男，中国国籍。")}},
		rules.CodePilotObjectsSimplified:     {crim, pFT, []mod{zhengzhou, filedOn("2018-05-05"), cm.objects}, []mod{zhengzhou, filedOn("2018-05-05")}},
		rules.CodePilot2014ObjectsSimplified: {crim, pFT, []mod{zhengzhou, filedOn("2015-05-05"), cm.objects}, []mod{zhengzhou, filedOn("2015-05-05")}},
		rules.CodeCrPL222CourtLevel:          {crim, pFT, []mod{intermediate}, nil},
		rules.CodeCrPL222NoGuiltyPlea:        {crim, pFT, []mod{c(func(c *triagev1.Circumstances) { c.GuiltyPlea = false })}, nil},
		rules.CodeCrPL222NoConsent:           {crim, pFT, []mod{c(func(c *triagev1.Circumstances) { c.ConsentsFastTrack = false })}, nil},
		// 认罪 and 认罚 apart (刑事诉讼法第二百二十二条 needs both).
		rules.CodeCrPL222NoAdmission:  {crim, pFT, []mod{plea(false, true)}, []mod{plea(true, true)}},
		rules.CodeCrPL222NoAcceptance: {crim, pFT, []mod{plea(true, false)}, []mod{plea(true, true)}},
		// A newly formed panel (刑事诉讼法第二百三十九条、第二百五十六条) or
		// assessors (刑诉法解释第二百一十三条) rule out fast-track's single judge.
		rules.CodeCrPL239FastTrackBarred:   {crim, pFT, []mod{c(func(c *triagev1.Circumstances) { c.Remanded = true })}, nil},
		rules.CodeCrPL256FastTrackBarred:   {crim, pFT, []mod{c(func(c *triagev1.Circumstances) { c.Retrial = true })}, nil},
		rules.CodeInterp213FastTrackBarred: {crim, pFT, []mod{c(func(c *triagev1.Circumstances) { c.GroupInterest = true })}, nil},
		rules.CodeCrPL222SentenceUnknown:   {crim, pFT, []mod{sentence(0), cause("盗窃罪")}, []mod{sentence(1), cause("盗窃罪")}},
		rules.CodeCrPL222SentenceOver3Y:    {crim, pFT, []mod{sentence(37)}, []mod{sentence(36)}},
		rules.CodeCrPL223Impaired:          {crim, pFT, []mod{party(0, impaired)}, nil},
		rules.CodeCrPL223Minor:             {crim, pFT, []mod{party(0, minor)}, nil},
		rules.CodeCrPL223MajorImpact:       {crim, pFT, []mod{c(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true })}, nil},
		rules.CodeCrPL223CoDefendant:       {crim, pFT, []mod{c(func(c *triagev1.Circumstances) { c.CoDefendantDispute = true })}, nil},
		rules.CodeCrPL223NoSettlement:      {crim, pFT, []mod{c(func(c *triagev1.Circumstances) { c.VictimSettlementMissing = true })}, nil},
		rules.CodeInterp370DefenceNotGuil:  {crim, pFT, []mod{c(func(c *triagev1.Circumstances) { c.DefencePleadsNotGuilty = true })}, nil},

		// Round 20: a private prosecution (CrPL 222 ¶2, 226; in the pilot its
		// decisions), a minor's representative objecting (Interp. 566).
		rules.CodeCrPL222PrivateProsecution: {crim, pFT, []mod{priv}, nil},
		// Special proceedings the text states (statute round 30).
		rules.CodeCrPL291TrialInAbsentia:            {crim, pSimp, []mod{text("对被告人缺席审判。")}, []mod{text("不适用缺席审判程序。")}},
		rules.CodeCrPL299Confiscation:               {crim, pSimp, []mod{text("提出没收违法所得的申请。")}, []mod{text("建议判处罚金，没收违法所得。")}},
		rules.CodeCrPL304CompulsoryMedical:          {crim, pSimp, []mod{text("申请对被申请人强制医疗。")}, []mod{text("不符合强制医疗条件。")}},
		rules.CodeAssessors16CriminalPublicInterest: {crim, pSimp, []mod{filedOn("2018-04-27"), text("一并提起附带民事公益诉讼。")}, []mod{filedOn("2018-04-26"), text("一并提起附带民事公益诉讼。")}},
		// Statute round 31: a dead defendant (CrPL 16(5), 297 ¶1; 2012 and 1996
		// art. 15(5)) and a seven-member panel (人民陪审员法 16) in the text.
		rules.CodeCrPL16DefendantDead:         {crim, pSimp, []mod{text("被告人王某已死亡。")}, []mod{text("被告人王某致被害人死亡。")}},
		rules.CodeCrPL2012DefendantDead:       {crim, pSimp, []mod{filedOn("2017-05-05"), text("被告人王某已死亡。")}, []mod{filedOn("2017-05-05"), text("被告人王某的父亲已死亡。")}},
		rules.CodeCrPL1996DefendantDead:       {crim, pSimp, []mod{filedOn("2012-12-31"), text("被告人王某已死亡。")}, []mod{filedOn("2012-12-31"), text("被告人王某的父亲已死亡。")}},
		rules.CodeAssessors16SevenMemberPanel: {crim, pSimp, []mod{text("组成七人合议庭。")}, []mod{filedOn("2018-04-26"), text("组成七人合议庭。")}},
		// Statute round 32: the first pilot's exclusions in the text, the
		// 1996 law's missing special proceedings, and an intermediate
		// court's administrative case at a basic court.
		rules.CodePilot2014ExcludedInText:         {crim, pFT, []mod{filedOn("2015-06-01"), text("被告人王某系累犯。")}, []mod{filedOn("2015-06-01"), text("被告人王某不构成累犯。")}},
		rules.CodeCrPL1996NoSpecialProceeding:     {crim, pSimp, []mod{filedOn("2012-06-01"), text("对被告人缺席审判。")}, []mod{filedOn("2012-06-01"), text("不适用缺席审判程序。")}},
		rules.CodeAdmin15IntermediateJurisdiction: {adm, pSimp, []mod{onTheSpot, text("被告商务部作出处罚决定。")}, []mod{onTheSpot, text("被告三墩镇人民政府作出处罚决定。")}},
		rules.CodePilotPrivateProsecution:         {crim, pFT, []mod{zhengzhou, filedOn("2018-05-05"), priv}, []mod{zhengzhou, filedOn("2018-05-05")}},
		rules.CodePilot2014PrivateProsecution:     {crim, pFT, []mod{zhengzhou, filedOn("2015-05-05"), priv}, []mod{zhengzhou, filedOn("2015-05-05")}},
		rules.CodeInterp566RepresentativeObjects:  {crim, pSimp, []mod{party(0, minor), repObjects}, []mod{party(0, minor)}},
		// Round 21: before 2021-03-01 the 2012 interpretation's art. 474.
		rules.CodeInterp2012RepresentativeObjects: {crim, pSimp, []mod{party(0, minor), repObjects, id("JS-R21-2015"), filedOn("2015-06-01")},
			[]mod{party(0, minor), id("JS-R21-2015"), filedOn("2015-06-01")}},

		// Criminal simplified (CrPL 214–215, Interp. 360).
		rules.CodeCrPL214CourtLevel:  {crim, pSimp, []mod{intermediate}, nil},
		rules.CodeCrPL214NoAdmission: {crim, pSimp, []mod{c(func(c *triagev1.Circumstances) { c.GuiltyPlea = false })}, nil},
		rules.CodeCrPL214Objects:     {crim, pSimp, []mod{c(func(c *triagev1.Circumstances) { c.ObjectsSimplified = true })}, nil},
		rules.CodeCrPL215Impaired:    {crim, pSimp, []mod{party(0, impaired)}, nil},
		// The 2018-10-26 to 2021-02-28 codes (audit of citations by era):
		// CrPL 2018 without the 2021 interpretation.
		rules.CodeCrPL2018ImpairedFT:           {crim, pFT, []mod{filedOn("2020-06-01"), party(0, impaired)}, []mod{filedOn("2020-06-01")}},
		rules.CodeCrPL2018MinorFT:              {crim, pFT, []mod{filedOn("2020-06-01"), party(0, minor)}, []mod{filedOn("2020-06-01")}},
		rules.CodeCrPL2018MajorImpactFT:        {crim, pFT, []mod{filedOn("2020-06-01"), c(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true })}, []mod{filedOn("2020-06-01")}},
		rules.CodeCrPL2018CoDefendantFT:        {crim, pFT, []mod{filedOn("2020-06-01"), c(func(c *triagev1.Circumstances) { c.CoDefendantDispute = true })}, []mod{filedOn("2020-06-01")}},
		rules.CodeCrPL2018NoSettlementFT:       {crim, pFT, []mod{filedOn("2020-06-01"), c(func(c *triagev1.Circumstances) { c.VictimSettlementMissing = true })}, []mod{filedOn("2020-06-01")}},
		rules.CodeCrPL2018DefenceNotGuiltyFT:   {crim, pFT, []mod{filedOn("2020-06-01"), c(func(c *triagev1.Circumstances) { c.DefencePleadsNotGuilty = true })}, []mod{filedOn("2020-06-01")}},
		rules.CodeCrPL2018RemandedFastTrack:    {crim, pFT, []mod{filedOn("2020-06-01"), c(func(c *triagev1.Circumstances) { c.Remanded = true })}, []mod{filedOn("2020-06-01")}},
		rules.CodeCrPL2018PrivateProsecution:   {crim, pFT, []mod{filedOn("2020-06-01"), priv}, []mod{filedOn("2020-06-01")}},
		rules.CodeCrPL215ImpairedInterp2012:    {crim, pSimp, []mod{filedOn("2020-06-01"), party(0, impaired)}, []mod{filedOn("2020-06-01")}},
		rules.CodeCrPL215MajorImpactInterp2012: {crim, pSimp, []mod{filedOn("2020-06-01"), c(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true })}, []mod{filedOn("2020-06-01")}},
		rules.CodeCrPL215CoDefendantInterp2012: {crim, pSimp, []mod{filedOn("2020-06-01"), c(func(c *triagev1.Circumstances) { c.CoDefendantDispute = true })}, []mod{filedOn("2020-06-01")}},
		rules.CodeCrPL215MajorImpact:           {crim, pSimp, []mod{c(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true })}, nil},
		rules.CodeCrPL215CoDefendant:           {crim, pSimp, []mod{c(func(c *triagev1.Circumstances) { c.CoDefendantDispute = true })}, nil},
		rules.CodeInterp360DefenceNotGuil:      {crim, pSimp, []mod{c(func(c *triagev1.Circumstances) { c.DefencePleadsNotGuilty = true })}, nil},
		// CrPL 21(2): life or death is the intermediate court's case.
		rules.CodeAdmin82NotInForce: {adm, pSimp, []mod{onTheSpot, filedOn("2015-04-30")}, []mod{onTheSpot, filedOn("2015-05-01")}},
		// CrPL 21(1): 危害国家安全、恐怖活动案件 are the intermediate court's.
		rules.CodeCrPL21SecurityTerror:   {crim, pFT, []mod{cause("资敌罪")}, []mod{cause("编造、故意传播虚假恐怖信息罪")}},
		rules.CodeCrPL2012SecurityTerror: {crim, pSimp, []mod{filedOn("2017-05-05"), cause("组织、领导、参加恐怖组织罪")}, []mod{filedOn("2012-12-31"), cause("组织、领导、参加恐怖组织罪")}},
		rules.CodeCrPL21Intermediate:     {crim, pSimp, []mod{sentenceKind(triagev1.SentenceKind_SENTENCE_KIND_LIFE_IMPRISONMENT, 0)}, []mod{sentenceKind(triagev1.SentenceKind_SENTENCE_KIND_FIXED_TERM, 180)}},

		// Criminal simplified before 2018-10-26: the 2012 amendment's
		// numbering (arts. 20, 208, 209), the 2012 interpretation (art. 290,
		// until 2021-02-28), and before 2013 the 1996 law's three-year cap.
		rules.CodeCrPL2012CourtLevel:       {crim, pSimp, []mod{filedOn("2017-05-05"), intermediate}, []mod{filedOn("2017-05-05")}},
		rules.CodeCrPL2012NoAdmission:      {crim, pSimp, []mod{filedOn("2017-05-05"), plea(false, false)}, []mod{filedOn("2017-05-05"), plea(true, false)}},
		rules.CodeCrPL2012Objects:          {crim, pSimp, []mod{filedOn("2017-05-05"), c(func(c *triagev1.Circumstances) { c.ObjectsSimplified = true })}, []mod{filedOn("2017-05-05")}},
		rules.CodeCrPL2012Impaired:         {crim, pSimp, []mod{filedOn("2017-05-05"), party(0, impaired)}, []mod{filedOn("2017-05-05")}},
		rules.CodeCrPL2012MajorImpact:      {crim, pSimp, []mod{filedOn("2017-05-05"), c(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true })}, []mod{filedOn("2017-05-05")}},
		rules.CodeCrPL2012CoDefendant:      {crim, pSimp, []mod{filedOn("2017-05-05"), c(func(c *triagev1.Circumstances) { c.CoDefendantDispute = true })}, []mod{filedOn("2017-05-05")}},
		rules.CodeCrPL2012Intermediate:     {crim, pSimp, []mod{filedOn("2017-05-05"), sentenceKind(triagev1.SentenceKind_SENTENCE_KIND_DEATH, 0)}, []mod{filedOn("2017-05-05"), sentence(120)}},
		rules.CodeInterp2012DefenceNotGuil: {crim, pSimp, []mod{filedOn("2021-02-28"), c(func(c *triagev1.Circumstances) { c.DefencePleadsNotGuilty = true })}, []mod{filedOn("2021-02-28")}},
		rules.CodeCrPL1996SentenceCap:      {crim, pSimp, []mod{filedOn("2012-12-31"), sentence(37)}, []mod{filedOn("2012-12-31"), sentence(36)}},
		// Before 2013 simplified procedure was one judge alone (CrPL 1996
		// art. 174): no simplified procedure for a case that needs a new panel.
		rules.CodeCrPL1996RemandedSimplified: {crim, pSimp, []mod{filedOn("2012-12-31"), sentence(24), c(func(c *triagev1.Circumstances) { c.Remanded = true })}, []mod{filedOn("2013-01-01"), sentence(24), c(func(c *triagev1.Circumstances) { c.Remanded = true })}},
		rules.CodeCrPL1996RetrialSimplified:  {crim, pSimp, []mod{filedOn("2012-12-31"), sentence(24), c(func(c *triagev1.Circumstances) { c.Retrial = true })}, []mod{filedOn("2013-01-01"), sentence(24), c(func(c *triagev1.Circumstances) { c.Retrial = true })}},
		// Before 2013 the rest of the 1996 law (arts. 20, 147) and, from
		// 1998-09-08, the 1998 interpretation (art. 222).
		rules.CodeCrPL1996NotInForce:       {crim, pSimp, []mod{filedOn("1996-12-31"), cause("盗窃罪"), sentence(24)}, []mod{filedOn("1997-01-01"), cause("盗窃罪"), sentence(24)}},
		rules.CodeCrPL1996CourtLevel:       {crim, pSimp, []mod{filedOn("2012-12-31"), sentence(24), intermediate}, []mod{filedOn("2012-12-31"), sentence(24)}},
		rules.CodeCrPL1996Intermediate:     {crim, pSimp, []mod{filedOn("2012-12-31"), sentenceKind(triagev1.SentenceKind_SENTENCE_KIND_LIFE_IMPRISONMENT, 0)}, []mod{filedOn("2012-12-31"), sentence(36)}},
		rules.CodeCrPL1996NationalSecurity: {crim, pSimp, []mod{filedOn("2012-12-31"), sentence(24), cause("间谍罪")}, []mod{filedOn("2012-12-31"), sentence(24), cause("帮助恐怖活动罪")}},
		rules.CodeInterp1998NoAdmission:    {crim, pSimp, []mod{filedOn("2012-12-31"), sentence(24), plea(false, false)}, []mod{filedOn("2012-12-31"), sentence(24), plea(true, false)}},
		// The defendant's consent: 法发〔2003〕6号 art. 3 ¶2, from 2003-03-14.
		rules.CodeOpinion2003Objects:       {crim, pSimp, []mod{filedOn("2003-03-14"), cause("盗窃罪"), sentence(24), c(func(c *triagev1.Circumstances) { c.ObjectsSimplified = true })}, []mod{filedOn("2003-03-13"), cause("盗窃罪"), sentence(24), c(func(c *triagev1.Circumstances) { c.ObjectsSimplified = true })}},
		rules.CodeInterp1998Impaired:       {crim, pSimp, []mod{filedOn("2012-12-31"), sentence(24), party(0, impaired)}, []mod{filedOn("2012-12-31"), sentence(24)}},
		rules.CodeInterp1998CoDefendant:    {crim, pSimp, []mod{filedOn("2012-12-31"), sentence(24), c(func(c *triagev1.Circumstances) { c.CoDefendantDeniesChargedFacts = true })}, []mod{filedOn("2012-12-31"), sentence(24), c(func(c *triagev1.Circumstances) { c.CoDefendantDisputesChargeOrSentence = true })}},
		rules.CodeInterp1998DefenceNotGuil: {crim, pSimp, []mod{filedOn("2012-12-31"), sentence(24), c(func(c *triagev1.Circumstances) { c.DefencePleadsNotGuilty = true })}, []mod{filedOn("2012-12-31"), sentence(24)}},
		// A remanded or retried case at a pilot court, 2012 numbering.
		rules.CodeCrPL2012RemandedFastTrack: {crim, pFT, []mod{zhengzhou, filedOn("2018-05-05"), c(func(c *triagev1.Circumstances) { c.Remanded = true })}, []mod{zhengzhou, filedOn("2018-05-05")}},
		rules.CodeCrPL2012RetrialFastTrack:  {crim, pFT, []mod{zhengzhou, filedOn("2018-05-05"), c(func(c *triagev1.Circumstances) { c.Retrial = true })}, []mod{zhengzhou, filedOn("2018-05-05")}},
		// Round 35b: the text states the case unsuitable, by era.
		rules.CodeInterp360MayNotBeCrime:      {crim, pSimp, []mod{filedOn("2024-03-05"), text("被告人虽认罪，但经审查可能不构成犯罪。")}, []mod{filedOn("2024-03-05"), text("本案不存在可能不构成犯罪的情形。")}},
		rules.CodeInterp2012MayNotBeCrime:     {crim, pSimp, []mod{filedOn("2020-06-01"), text("被告人虽认罪，但经审查可能不构成犯罪。")}, []mod{filedOn("2020-06-01"), text("本案不存在可能不构成犯罪的情形。")}},
		rules.CodeCrPL215Unsuitable:           {crim, pSimp, []mod{filedOn("2024-03-05"), text("本案不宜适用简易程序审理。")}, []mod{filedOn("2024-03-05"), text("本案不属于不宜适用简易程序审理的情形。")}},
		rules.CodeCrPL215UnsuitableInterp2012: {crim, pSimp, []mod{filedOn("2020-06-01"), text("本案不宜适用简易程序审理。")}, []mod{filedOn("2020-06-01"), text("本案不属于不宜适用简易程序审理的情形。")}},
		rules.CodeCrPL2012Unsuitable:          {crim, pSimp, []mod{filedOn("2017-05-05"), text("本案不宜适用简易程序审理。")}, []mod{filedOn("2017-05-05"), text("本案不属于不宜适用简易程序审理的情形。")}},
		rules.CodeCrPL223Unsuitable:           {crim, pFT, []mod{filedOn("2024-03-05"), text("本案不宜适用速裁程序审理。")}, []mod{filedOn("2024-03-05"), text("本案不属于不宜适用速裁程序审理的情形。")}},
		rules.CodeCrPL2018Unsuitable:          {crim, pFT, []mod{filedOn("2020-06-01"), text("本案不宜适用速裁程序审理。")}, []mod{filedOn("2020-06-01"), text("本案不属于不宜适用速裁程序审理的情形。")}},
		// Round 36: before 2013 and at a pilot court; the consent of the
		// procuratorate and (from 2003-03-14) the defender before 2013.
		rules.CodeCrPL1996Unsuitable:               {crim, pSimp, []mod{filedOn("1998-09-07"), sentence(24), text("本案不宜适用简易程序审理。")}, []mod{filedOn("1998-09-07"), sentence(24), text("本案不属于不宜适用简易程序审理的情形。")}},
		rules.CodeInterp1998Unsuitable:             {crim, pSimp, []mod{filedOn("1998-09-08"), sentence(24), text("本案不宜适用简易程序审理。")}, []mod{filedOn("1998-09-08"), sentence(24), text("本案不属于不宜适用简易程序审理的情形。")}},
		rules.CodeOpinion2003DefenderDisputesFacts: {crim, pSimp, []mod{filedOn("2010-06-01"), sentence(24), text("辩护人对指控的犯罪事实有异议。")}, []mod{filedOn("2010-06-01"), sentence(24), text("辩护人对指控的犯罪事实无异议。")}},
		rules.CodeInterp1998ComplexJointCrime:      {crim, pSimp, []mod{filedOn("2010-06-01"), sentence(24), text("本案系比较复杂的共同犯罪案件。")}, []mod{filedOn("2010-06-01"), sentence(24), text("本案不属于比较复杂的共同犯罪案件。")}},
		rules.CodePilotUnsuitable:                  {crim, pFT, []mod{zhengzhou, filedOn("2018-05-05"), text("本案不宜适用速裁程序审理。")}, []mod{zhengzhou, filedOn("2018-05-05"), text("本案不属于不宜适用速裁程序审理的情形。")}},
		rules.CodePilot2014Unsuitable:              {crim, pFT, []mod{zhengzhou, filedOn("2015-05-05"), text("本案不宜适用速裁程序审理。")}, []mod{zhengzhou, filedOn("2015-05-05"), text("本案不属于不宜适用速裁程序审理的情形。")}},
		rules.CodeCrPL1996ProcuratorateObjects:     {crim, pSimp, []mod{filedOn("2012-12-31"), sentence(24), text("人民检察院不同意适用简易程序。")}, []mod{filedOn("2013-01-01"), sentence(24), text("人民检察院不同意适用简易程序。")}},
		rules.CodeOpinion2003DefenderObjects:       {crim, pSimp, []mod{filedOn("2003-03-14"), sentence(24), text("辩护人不同意适用简易程序。")}, []mod{filedOn("2003-03-13"), sentence(24), text("辩护人不同意适用简易程序。")}},
		rules.CodeInterp377FastTrackRemand:         {crim, pSimp, []mod{filedOn("2021-03-01"), c(func(c *triagev1.Circumstances) { c.Remanded = true }), text("原审适用速裁程序审理，二审以事实不清为由发回重审。")}, []mod{filedOn("2021-02-28"), c(func(c *triagev1.Circumstances) { c.Remanded = true }), text("原审适用速裁程序审理，二审以事实不清为由发回重审。")}},
	}
}

// barringCodes returns every code the rules put on an unavailable option in
// any case of the package's tables (which between them fire every code).
func barringCodes(t *testing.T) []string {
	e := defaultEngine(t)
	set := map[string]bool{}
	for _, cases := range allTables(t) {
		for _, tc := range cases {
			for _, o := range evaluate(t, e, tc).Options {
				for _, r := range rules.Bars(o) {
					set[r.GetCode()] = true
				}
			}
		}
	}
	out := make([]string, 0, len(set))
	for code := range set {
		out = append(out, code)
	}
	sort.Strings(out)
	return out
}

// TestEveryBarHasAScenario fails when a code the rules can put on an
// unavailable option has no scenario in barScenarios, or a scenario names a
// code that never bars.
func TestEveryBarHasAScenario(t *testing.T) {
	scen := barScenarios()
	codes := barringCodes(t)
	for _, code := range codes {
		if _, ok := scen[code]; !ok {
			t.Errorf("barring code %s has no scenario in barScenarios", code)
		}
	}
	for code := range scen {
		if !slices.Contains(codes, code) {
			t.Errorf("scenario for %s, which never bars an option", code)
		}
	}
}

// TestOutcomeNeverEntersABarredProcedure: for every barring code, choosing
// the barred procedure at filing is refused with PROCEDURE_EXCLUDED naming
// the code and its article; the same choice on the near-miss filing, where
// the law leaves the procedure open, is accepted.
func TestOutcomeNeverEntersABarredProcedure(t *testing.T) {
	e := defaultEngine(t)
	for code, s := range barScenarios() {
		t.Run(code, func(t *testing.T) {
			barred := with(s.base(t), s.bar...)
			d := decisionOf(t, barred, pOrd)
			opt := decisionOption(d, s.p)
			bars := rules.Bars(opt)
			if !reasonIn(bars, code) {
				t.Fatalf("fixture: %v is not barred by %s (%v)", s.p, code, opt)
			}
			o := outcome(chOver, s.p)
			err := e.ValidateOutcome(d, barred, nil, o)
			var ce *rules.ConversionError
			if !errors.As(err, &ce) || ce.Rule != rules.RuleProcedureExcluded {
				t.Fatalf("err = %v, want %s", err, rules.RuleProcedureExcluded)
			}
			if !strings.Contains(ce.Message, code) || ce.Article != bars[0].GetArticle() {
				t.Errorf("error %v does not name %s with article %q", ce, code, bars[0].GetArticle())
			}
			// Without the engine the rule is the same.
			if err2 := rules.ValidateOutcome(d, nil, o); !errors.As(err2, &ce) || ce.Rule != rules.RuleProcedureExcluded {
				t.Errorf("rules.ValidateOutcome: %v", err2)
			}

			open := with(s.base(t), s.near...)
			dn := decisionOf(t, open, pOrd)
			// Simplified chosen at filing states the parties' agreement:
			// most near-miss filings are simple loans in the small-claims
			// band, where the law leaves simplified procedure only to an
			// agreement (SMALL_CLAIMS_MANDATORY_NOT_SIMPLIFIED, round 20).
			near := outcome(chOver, s.p)
			if s.p == pSimp {
				agreed(near)
			}
			if err := e.ValidateOutcome(dn, open, nil, near); err != nil {
				t.Errorf("near miss refused: %v", err)
			}
		})
	}
}

func decisionOption(d *triagev1.Decision, p triagev1.Procedure) *triagev1.ProcedureOption {
	for _, o := range d.GetOptions() {
		if o.GetProcedure() == p {
			return o
		}
	}
	return nil
}

// respell writes a case number's parentheses as ASCII and its digits
// full-width, as another filing system would: the same filing key.
func respell(id string) string {
	r := strings.NewReplacer("（", "(", "）", ")", "(", "（", ")", "）")
	out := []rune(r.Replace(id))
	for i, c := range out {
		if c >= '0' && c <= '9' {
			out[i] = c - '0' + '０'
		}
	}
	return string(out)
}

func correct(f *triagev1.Filing, basis string) omod {
	return func(o *triagev1.Outcome) { o.Correction = &triagev1.FactCorrection{Filing: f, Basis: basis} }
}

// TestCorrections: an outcome may enter a procedure the decided facts barred
// only by stating the corrected facts and what establishes them; the
// corrected filing is validated like a new one and must open the procedure.
func TestCorrections(t *testing.T) {
	e := defaultEngine(t)
	const basis = "原告2024年3月10日变更诉讼请求申请书；民诉法解释第二百三十二条"
	js := with(civilBase(t), province("江苏省"), yuan(300000), c(agreeSmallClaims))
	dJS := decisionOf(t, js, pOrd)
	reduced := with(js, yuan(50000))

	// A case decided, before filing.id refused a letter for a digit, under
	// (2O24)…: its correction restates that id, as stored.
	const lookalike = "(2O24)苏0102民初77号"
	jsLook := with(js, id(lookalike))
	dLook := decisionOf(t, js, pOrd)
	dLook.FilingId = lookalike

	crimNoPlea := with(crimBase(t), c(func(c *triagev1.Circumstances) { c.GuiltyPlea = false }))
	dNoPlea := decisionOf(t, crimNoPlea, pOrd)
	pleaded := with(crimNoPlea, c(func(c *triagev1.Circumstances) { c.GuiltyPlea = true }))
	ftWithPlea := outcome(chOver, pFT, on("2024-03-06"), correct(pleaded, "被告人2024年3月6日签署认罪认罚具结书"))

	for _, tc := range []struct {
		name     string
		d        *triagev1.Decision
		original *triagev1.Filing
		prior    []*triagev1.Outcome
		out      *triagev1.Outcome
		field    string
		rule     string
		plain    bool
		changed  []string
		wantID   string // the corrected filing's id once accepted, when not its own
	}{
		{name: "¥300,000 corrected to ¥50,000: small claims", d: dJS, original: js,
			out: outcome(chOver, pSC, correct(reduced, basis)), changed: []string{"claim_amount_fen", "text"}},
		{name: "the same override without a correction", d: dJS, original: js, out: outcome(chOver, pSC), rule: rules.RuleProcedureExcluded},
		{name: "a correction that leaves the claim over the ceiling", d: dJS, original: js,
			out: outcome(chOver, pSC, correct(with(js, yuan(250000)), basis)), rule: rules.RuleProcedureExcluded},
		{name: "correction without basis", d: dJS, original: js, out: outcome(chOver, pSC, correct(reduced, "  ")), field: "outcome.correction.basis"},
		{name: "correction without filing", d: dJS, original: js, out: outcome(chOver, pSC, correct(nil, basis)), field: "outcome.correction.filing"},
		{name: "correction changing nothing", d: dJS, original: js, out: outcome(chOver, pSC, correct(with(js), basis)), field: "outcome.correction.filing"},
		{name: "correction of another filing", d: dJS, original: js, out: outcome(chOver, pSC, correct(with(reduced, id("(2024)苏0102民初9号")), basis)), field: "outcome.correction.filing.id"},
		// The clerk's system spells the case number its own way: one filing
		// to the store, so one to the correction, stored under the decided
		// spelling (wantID).
		{name: "correction under another spelling of the case number", d: dJS, original: js,
			out: outcome(chOver, pSC, correct(with(reduced, id(respell(js.GetId()))), basis)), changed: []string{"claim_amount_fen", "text"}, wantID: js.GetId()},
		{name: "near miss: another spelling and nothing else changed", d: dJS, original: js,
			out: outcome(chOver, pSC, correct(with(js, id(respell(js.GetId()))), basis)), field: "outcome.correction.filing"},
		{name: "correction of a case decided under an id with a letter for a digit, under that id", d: dLook, original: jsLook,
			out: outcome(chOver, pSC, correct(with(reduced, id(lookalike)), basis)), changed: []string{"claim_amount_fen", "text"}},
		{name: "near miss: a correction under an id with a letter for a digit, of a case decided under another", d: dJS, original: js,
			out: outcome(chOver, pSC, correct(with(reduced, id(lookalike)), basis)), field: "outcome.correction.filing.id"},
		{name: "correction changing the case kind", d: dJS, original: js, out: outcome(chOver, pSC, correct(with(reduced, kind(crimKind)), basis)), field: "outcome.correction.filing.case_kind"},
		{name: "correction moving the 立案 date", d: dJS, original: js, out: outcome(chOver, pSC, correct(with(reduced, filedOn("2024-03-06")), basis)), field: "outcome.correction.filing.filed_on"},
		{name: "corrected filing invalid like a new one", d: dJS, original: js, out: outcome(chOver, pSC, correct(with(js, fen(-1)), basis)), field: "outcome.correction.filing.claim_amount_fen"},
		{name: "basis too long", d: dJS, original: js, out: outcome(chOver, pSC, correct(reduced, strings.Repeat("据", rules.MaxCorrectionBasisChars+1))), field: "outcome.correction.basis"},
		{name: "no stored filing to compare with", d: dJS, out: outcome(chOver, pSC, correct(reduced, basis)), plain: true},
		{name: "plea established: fast-track", d: dNoPlea, original: crimNoPlea, out: ftWithPlea, changed: []string{"circumstances.guilty_plea"}},
		{
			// The decision barred simplified for want of an admission too;
			// the recorded correction lifted that, so fast-track →
			// simplified stands on the corrected facts.
			name: "a later conversion is checked on the corrected facts", d: dNoPlea, prior: outs(ftWithPlea),
			out: outcome(chFT2S, pSimp, on("2024-03-10")),
		},
		{name: "near miss: the same conversion with no correction on record", d: decisionOf(t, crimBase(t), pFT),
			out: outcome(chFT2S, pSimp, on("2024-03-10"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := e.ValidateOutcome(tc.d, tc.original, tc.prior, tc.out)
			var fe *rules.FieldError
			var ce *rules.ConversionError
			switch {
			case tc.field != "":
				if !errors.As(err, &fe) || fe.Field != tc.field {
					t.Fatalf("err = %v, want a FieldError on %s", err, tc.field)
				}
			case tc.rule != "":
				if !errors.As(err, &ce) || ce.Rule != tc.rule {
					t.Fatalf("err = %v, want %s", err, tc.rule)
				}
			case tc.plain:
				if err == nil || errors.As(err, &fe) || errors.As(err, &ce) {
					t.Fatalf("err = %v, want a plain error", err)
				}
			default:
				if err != nil {
					t.Fatalf("err = %v, want accepted", err)
				}
				if got := tc.out.GetCorrection().GetChangedFields(); !slices.Equal(got, tc.changed) {
					t.Errorf("changed_fields %v, want %v", got, tc.changed)
				}
				if got := tc.out.GetCorrection().GetFiling().GetId(); tc.wantID != "" && got != tc.wantID {
					t.Errorf("corrected filing's id %q, want the decided %q", got, tc.wantID)
				}
			}
		})
	}
	// Without an engine a correction cannot be re-evaluated: never accepted.
	if err := rules.ValidateOutcome(dJS, nil, outcome(chOver, pSC, correct(reduced, basis))); err == nil {
		t.Error("rules.ValidateOutcome accepted a correction it cannot check")
	}
}

func TestChangedFields(t *testing.T) {
	a := civilBase(t)
	for _, tc := range []struct {
		name string
		b    *triagev1.Filing
		want []string
	}{
		{"same", with(a), nil},
		{"amount and a flag", with(a, yuan(1), c(func(c *triagev1.Circumstances) { c.Counterclaim = true })), []string{"claim_amount_fen", "text", "circumstances.counterclaim"}},
		{"a party's flag", with(a, party(1, minor)), []string{"parties[1].minor"}},
		{"a party more", with(a, addParties(1, defendant)), []string{"parties"}},
	} {
		if got := rules.ChangedFields(a, tc.b); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
