package rules_test

import (
	"slices"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// citationEraCases are the inferences whose article is the text in force on
// the filing date (civilInferCodesOn, crimCodesOn): on each side of every
// boundary the inference cites its era's article and not its neighbour's.
// Only the citation changes with the era; which procedures are offered is
// pinned by the other tables.
func citationEraCases(tb testing.TB) []tcase {
	// cites checks that the decision's inference of code cites article.
	cites := func(code, article string) func(t *testing.T, a *rules.Assessment) {
		return func(t *testing.T, a *rules.Assessment) {
			t.Helper()
			for _, r := range append(slices.Clone(a.Inferences), a.ReviewReasons...) {
				if r.GetCode() == code {
					if r.GetArticle() != article {
						t.Errorf("%s cites %q, want %q", code, r.GetArticle(), article)
					}
					return
				}
			}
			t.Errorf("no %s in %v %v", code, a.Inferences, a.ReviewReasons)
		}
	}
	type era struct {
		day, code, article string
		not                []string // the neighbouring eras' codes
	}
	var out []tcase
	addAt := func(loc, what string, base *triagev1.Filing, eras ...era) {
		for _, e := range eras {
			out = append(out, tcase{
				name:   what + " filed " + e.day + ": " + e.code,
				filing: with(base, filedOn(e.day)),
				fires:  []string{at(loc, e.code)},
				silent: e.not,
				extra:  cites(e.code, decisionArticle(e.article, e.day)),
			})
		}
	}
	add := func(what string, base *triagev1.Filing, eras ...era) { addAt(locInfer, what, base, eras...) }
	const (
		piNow  = "民诉法解释第二百五十七条第五项；民事诉讼法第四十二条第一项"
		pi2015 = "民诉法解释（2015年）第二百五十七条第五项；民事诉讼法（2012年、2017年修正）第五十五条"
		pi2012 = "民事诉讼法（2012年修正）第五十五条；最高人民法院关于适用简易程序审理民事案件的若干规定第一条第五项"
	)
	add("公益诉讼 by its cause", with(civilBase(tb), cause("环境污染民事公益诉讼"), yuan(10000)),
		era{"2012-12-31", rules.CodeInferPublicInterest2012, pi2012, []string{rules.CodeInferPublicInterest, rules.CodeInferPublicInterest2015}},
		era{"2015-02-03", rules.CodeInferPublicInterest2012, pi2012, []string{rules.CodeInferPublicInterest2015}},
		era{"2015-02-04", rules.CodeInferPublicInterest2015, pi2015, []string{rules.CodeInferPublicInterest2012}},
		era{"2021-12-31", rules.CodeInferPublicInterest2015, pi2015, []string{rules.CodeInferPublicInterest}},
		era{"2022-01-01", rules.CodeInferPublicInterest, piNow, []string{rules.CodeInferPublicInterest2015}},
	)
	const (
		tpNow  = "民事诉讼法第五十九条第三款；民诉法解释第二百五十七条第六项"
		tp2015 = "民事诉讼法（2012年、2017年修正）第五十六条第三款；民诉法解释（2015年）第二百五十七条第六项"
		tp2012 = "民事诉讼法（2012年修正）第五十六条第三款"
	)
	add("第三人撤销之诉 by its cause", with(civilBase(tb), cause("第三人撤销之诉"), yuan(10000)),
		era{"2015-02-03", rules.CodeInferThirdPartyRevocation2012, tp2012, []string{rules.CodeInferThirdPartyRevocation2015}},
		era{"2015-02-04", rules.CodeInferThirdPartyRevocation2015, tp2015, []string{rules.CodeInferThirdPartyRevocation2012}},
		era{"2021-12-31", rules.CodeInferThirdPartyRevocation2015, tp2015, []string{rules.CodeInferThirdPartyRevocation}},
		era{"2022-01-01", rules.CodeInferThirdPartyRevocation, tpNow, []string{rules.CodeInferThirdPartyRevocation2015}},
	)
	add("ten plaintiffs", with(civilBase(tb), setParties(10, 1)),
		era{"2015-02-03", rules.CodeInferNumerous1992, "最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第五十九条", []string{rules.CodeInferNumerous}},
		era{"2015-02-04", rules.CodeInferNumerous, "民诉法解释第七十五条", []string{rules.CodeInferNumerous1992}},
	)
	const (
		fNow  = "民诉法解释第五百二十条、第五百四十九条"
		f2015 = "民诉法解释（2015年）第五百二十二条、第五百五十一条"
		f1992 = "最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第三百零四条"
	)
	add("a foreign defendant", with(civilBase(tb), addParties(1, defendant, foreign)),
		era{"2015-02-03", rules.CodeInferForeign1992, f1992, []string{rules.CodeInferForeign2015}},
		era{"2015-02-04", rules.CodeInferForeign2015, f2015, []string{rules.CodeInferForeign1992}},
		era{"2022-04-09", rules.CodeInferForeign2015, f2015, []string{rules.CodeInferForeign}},
		era{"2022-04-10", rules.CodeInferForeign, fNow, []string{rules.CodeInferForeign2015}},
	)
	const (
		mNow  = "民诉法解释第二百七十三条"
		m2013 = "最高人民法院关于海事法院可否适用小额诉讼程序问题的批复（法释〔2013〕16号）"
		mMSPL = "海事诉讼特别程序法第九十八条"
	)
	add("宁波海事法院", with(civilBase(tb), court("宁波海事法院"), level(intermediateCourt), province("浙江省"),
		cause("海上货物运输合同纠纷"), yuan(30000)),
		era{"2013-06-25", rules.CodeInferMaritimeCourtMSPL, mMSPL, []string{rules.CodeInferMaritimeCourt2013}},
		era{"2013-06-26", rules.CodeInferMaritimeCourt2013, m2013, []string{rules.CodeInferMaritimeCourtMSPL}},
		era{"2015-02-03", rules.CodeInferMaritimeCourt2013, m2013, []string{rules.CodeInferMaritimeCourt}},
		era{"2015-02-04", rules.CodeInferMaritimeCourt, mNow, []string{rules.CodeInferMaritimeCourt2013}},
	)
	const (
		cNow  = "民事诉讼法第十八条至第二十一条、第一百六十条、第一百六十五条"
		c2017 = "民事诉讼法（2012年、2017年修正）第十七条至第二十条、第一百五十七条、第一百六十二条"
		c2007 = "民事诉讼法（1991年、2007年修正）第十八条至第二十一条、第一百四十二条"
	)
	add("南京市中级人民法院 stated as basic (civil)", with(civilBase(tb), court("南京市中级人民法院"),
		level(triagev1.CourtLevel_COURT_LEVEL_BASIC), yuan(10000)),
		era{"2012-12-31", rules.CodeInferCourtAboveBasic2007, c2007, []string{rules.CodeInferCourtAboveBasic2017}},
		era{"2013-01-01", rules.CodeInferCourtAboveBasic2017, c2017, []string{rules.CodeInferCourtAboveBasic2007}},
		era{"2021-12-31", rules.CodeInferCourtAboveBasic2017, c2017, []string{rules.CodeInferCourtAboveBasic}},
		era{"2022-01-01", rules.CodeInferCourtAboveBasic, cNow, []string{rules.CodeInferCourtAboveBasic2017}},
	)

	const (
		kNow  = "刑事诉讼法（2018年修正）第二十条至第二十三条、第二百一十四条、第二百二十二条"
		k2012 = "刑事诉讼法（2012年修正）第十九条至第二十二条、第二百零八条第一款"
		k1996 = "刑事诉讼法（1996年）第十九条至第二十二条、第一百四十七条第一款、第一百七十四条"
	)
	add("杭州市中级人民法院 stated as basic (criminal)", with(crimBase(tb), court("杭州市中级人民法院"),
		level(triagev1.CourtLevel_COURT_LEVEL_BASIC)),
		era{"2012-12-31", rules.CodeInferCriminalCourtAboveBasic1996, k1996, []string{rules.CodeInferCriminalCourtAboveBasic2012}},
		era{"2013-01-01", rules.CodeInferCriminalCourtAboveBasic2012, k2012, []string{rules.CodeInferCriminalCourtAboveBasic1996}},
		era{"2018-10-25", rules.CodeInferCriminalCourtAboveBasic2012, k2012, []string{rules.CodeInferCriminalCourtAboveBasic}},
		era{"2018-10-26", rules.CodeInferCriminalCourtAboveBasic, kNow, []string{rules.CodeInferCriminalCourtAboveBasic2012}},
	)
	const (
		hNow  = "全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定（1984年）第三条；刑事诉讼法第二百一十四条、第二百二十二条"
		h2012 = "全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定（1984年）第三条；刑事诉讼法（2012年修正）第二百零八条第一款"
		h1996 = "全国人民代表大会常务委员会关于在沿海港口城市设立海事法院的决定（1984年）第三条；刑事诉讼法（1996年）第一百四十七条第一款、第一百七十四条"
	)
	add("宁波海事法院 stated as basic (criminal)", with(crimBase(tb), court("宁波海事法院"),
		level(triagev1.CourtLevel_COURT_LEVEL_BASIC)),
		era{"2012-12-31", rules.CodeInferCriminalMaritimeCourt1996, h1996, []string{rules.CodeInferCriminalMaritimeCourt2012}},
		era{"2013-01-01", rules.CodeInferCriminalMaritimeCourt2012, h2012, []string{rules.CodeInferCriminalMaritimeCourt1996}},
		era{"2018-10-25", rules.CodeInferCriminalMaritimeCourt2012, h2012, []string{rules.CodeInferCriminalMaritimeCourt}},
		era{"2018-10-26", rules.CodeInferCriminalMaritimeCourt, hNow, []string{rules.CodeInferCriminalMaritimeCourt2012}},
	)
	const (
		sNow  = "刑事诉讼法第二百一十六条、第二百二十二条第一款；刑法分则规定的本罪法定刑"
		s2012 = "刑事诉讼法（2012年修正）第二百一十条第一款；刑法分则规定的本罪法定刑"
		s1996 = "刑事诉讼法（1996年）第一百七十四条第一项；刑法分则规定的本罪法定刑"
	)
	add("危险驾驶罪 without recommendation", with(crimBase(tb), sentence(0)),
		era{"2012-12-31", rules.CodeInferSentenceFromCharge1996, s1996, []string{rules.CodeInferSentenceFromCharge2012}},
		era{"2013-01-01", rules.CodeInferSentenceFromCharge2012, s2012, []string{rules.CodeInferSentenceFromCharge1996}},
		era{"2018-10-25", rules.CodeInferSentenceFromCharge2012, s2012, []string{rules.CodeInferSentenceFromCharge}},
		era{"2018-10-26", rules.CodeInferSentenceFromCharge, sNow, []string{rules.CodeInferSentenceFromCharge2012}},
	)
	const (
		psNow  = "民事诉讼法第一百六十六条第一项"
		ps2015 = "民诉法解释（2015年）第二百七十五条第一项"
		ps2012 = "民事诉讼法（2012年修正）第一百六十二条"
	)
	add("离婚纠纷 by its cause", with(civilBase(tb), cause("离婚纠纷")),
		era{"2015-02-03", rules.CodeInferPersonalStatus2012, ps2012, []string{rules.CodeInferPersonalStatus2015}},
		era{"2015-02-04", rules.CodeInferPersonalStatus2015, ps2015, []string{rules.CodeInferPersonalStatus2012}},
		era{"2021-12-31", rules.CodeInferPersonalStatus2015, ps2015, []string{rules.CodeInferPersonalStatus}},
		era{"2022-01-01", rules.CodeInferPersonalStatus, psNow, []string{rules.CodeInferPersonalStatus2015}},
	)
	add("所有权确认纠纷 by its cause", with(civilBase(tb), cause("所有权确认纠纷")),
		era{"2015-02-03", rules.CodeInferPropertyRights2012, ps2012, []string{rules.CodeInferPropertyRights2015}},
		era{"2015-02-04", rules.CodeInferPropertyRights2015, ps2015, []string{rules.CodeInferPropertyRights2012}},
		era{"2021-12-31", rules.CodeInferPropertyRights2015, ps2015, []string{rules.CodeInferPropertyRights}},
		era{"2022-01-01", rules.CodeInferPropertyRights, psNow, []string{rules.CodeInferPropertyRights2015}},
	)
	const nm2015 = "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释（2015年）第二百七十四条"
	add("解除合同纠纷 by its cause", with(civilBase(tb), cause("解除合同纠纷")),
		era{"2015-02-03", rules.CodeInferNonMonetary2012, ps2012, []string{rules.CodeInferNonMonetary2015}},
		era{"2015-02-04", rules.CodeInferNonMonetary2015, nm2015, []string{rules.CodeInferNonMonetary2012}},
		era{"2021-12-31", rules.CodeInferNonMonetary2015, nm2015, []string{rules.CodeInferNonMonetary}},
		era{"2022-01-01", rules.CodeInferNonMonetary, "民事诉讼法第一百六十五条", []string{rules.CodeInferNonMonetary2015}},
	)

	// The criminal review signals of a case a basic court must pass up.
	const (
		riNow  = "刑事诉讼法第二十一条第二项；刑诉法解释第十七条"
		ri2018 = "刑事诉讼法第二十一条第二项"
		ri2012 = "刑事诉讼法（2012年修正）第二十条第二项"
		ri1996 = "刑事诉讼法（1996年）第二十条第二项"
	)
	addAt(locReview, "life imprisonment recommended at a basic court",
		with(crimBase(tb), court("浙江省衢州市柯城区人民法院"), sentenceKind(triagev1.SentenceKind_SENTENCE_KIND_LIFE_IMPRISONMENT, 0)),
		era{"2012-12-31", rules.CodeReviewIntermediate1996, ri1996, []string{rules.CodeReviewIntermediate2012}},
		era{"2013-01-01", rules.CodeReviewIntermediate2012, ri2012, []string{rules.CodeReviewIntermediate1996}},
		era{"2018-10-25", rules.CodeReviewIntermediate2012, ri2012, []string{rules.CodeReviewIntermediate2018}},
		era{"2018-10-26", rules.CodeReviewIntermediate2018, ri2018, []string{rules.CodeReviewIntermediate2012}},
		era{"2021-02-28", rules.CodeReviewIntermediate2018, ri2018, []string{rules.CodeReviewIntermediate}},
		era{"2021-03-01", rules.CodeReviewIntermediate, riNow, []string{rules.CodeReviewIntermediate2018}},
	)
	const (
		rsNow  = "刑事诉讼法第二十一条第一项；刑诉法解释第十五条、第二百一十九条第一款第一项"
		rs2018 = "刑事诉讼法第二十一条第一项"
		rs2012 = "刑事诉讼法（2012年修正）第二十条第一项"
		rs1996 = "刑事诉讼法（1996年）第二十条第一项"
	)
	addAt(locReview, "间谍罪 at a basic court",
		with(crimBase(tb), court("浙江省衢州市柯城区人民法院"), cause("间谍罪"), sentence(24)),
		era{"2012-12-31", rules.CodeReviewNationalSecurity1996, rs1996, []string{rules.CodeReviewSecurityTerror2012}},
		era{"2013-01-01", rules.CodeReviewSecurityTerror2012, rs2012, []string{rules.CodeReviewNationalSecurity1996}},
		era{"2018-10-25", rules.CodeReviewSecurityTerror2012, rs2012, []string{rules.CodeReviewSecurityTerror2018}},
		era{"2018-10-26", rules.CodeReviewSecurityTerror2018, rs2018, []string{rules.CodeReviewSecurityTerror2012}},
		era{"2021-02-28", rules.CodeReviewSecurityTerror2018, rs2018, []string{rules.CodeReviewSecurityTerror}},
		era{"2021-03-01", rules.CodeReviewSecurityTerror, rsNow, []string{rules.CodeReviewSecurityTerror2018}},
	)
	// A basic court's name with a higher level stated.
	const (
		lNow  = "民事诉讼法第一百六十条、第一百六十五条"
		l2017 = "民事诉讼法（2012年、2017年修正）第一百五十七条、第一百六十二条"
		l2007 = "民事诉讼法（1991年、2007年修正）第一百四十二条"
		k2018 = "刑事诉讼法第二百一十四条、第二百二十二条"
		kl12  = "刑事诉讼法（2012年修正）第二百零八条第一款"
		kl96  = "刑事诉讼法（1996年）第一百四十七条第一款、第一百七十四条"
	)
	addAt(locReview, "杭州市上城区人民法院 stated intermediate (civil)",
		with(civilBase(tb), court("杭州市上城区人民法院"), province("浙江省"), level(intermediateCourt)),
		era{"2012-12-31", rules.CodeReviewCourtLevelCPL2007, l2007, []string{rules.CodeReviewCourtLevelCPL2017}},
		era{"2013-01-01", rules.CodeReviewCourtLevelCPL2017, l2017, []string{rules.CodeReviewCourtLevelCPL2007}},
		era{"2021-12-31", rules.CodeReviewCourtLevelCPL2017, l2017, []string{rules.CodeReviewCourtLevel}},
		era{"2022-01-01", rules.CodeReviewCourtLevel, lNow, []string{rules.CodeReviewCourtLevelCPL2017}},
	)
	addAt(locReview, "杭州市上城区人民法院 stated intermediate (criminal)",
		with(crimBase(tb), court("杭州市上城区人民法院"), province("浙江省"), level(intermediateCourt)),
		era{"2012-12-31", rules.CodeReviewCourtLevelCrPL1996, kl96, []string{rules.CodeReviewCourtLevelCrPL2012}},
		era{"2013-01-01", rules.CodeReviewCourtLevelCrPL2012, kl12, []string{rules.CodeReviewCourtLevelCrPL1996}},
		era{"2018-10-25", rules.CodeReviewCourtLevelCrPL2012, kl12, []string{rules.CodeReviewCourtLevelCrPL2018}},
		era{"2018-10-26", rules.CodeReviewCourtLevelCrPL2018, k2018, []string{rules.CodeReviewCourtLevelCrPL2012}},
		era{"2021-12-31", rules.CodeReviewCourtLevelCrPL2018, k2018, []string{rules.CodeReviewCourtLevel}},
		// Outside check 21: the civil code (CPL 160, 165) is no reason on
		// a criminal filing of 2022 on.
		era{"2022-01-01", rules.CodeReviewCourtLevelCrPL2018, k2018, []string{rules.CodeReviewCourtLevel}},
	)
	// A defendant in custody: the proviso the 2012 amendment added to the
	// law as art. 103 ¶4; from 1998-09-08 to 2012 the 1998
	// interpretation's art. 103 held the same rule; before it the 1996
	// law's art. 79 had no holiday rule at all.
	const (
		d2018 = "刑事诉讼法第一百零五条第四款"
		d2012 = "刑事诉讼法（2012年修正）第一百零三条第四款"
		d1998 = "最高人民法院关于执行《中华人民共和国刑事诉讼法》若干问题的解释（1998年）第一百零三条"
		d1996 = "刑事诉讼法（1996年）第七十九条"
	)
	add("defendant in custody", with(crimBase(tb), circ(detainedDefendant)),
		era{"1998-09-07", rules.CodeCrPL1996Detained, d1996, []string{rules.CodeInterp1998Detained, rules.CodeCrPL105Detained}},
		era{"1998-09-08", rules.CodeInterp1998Detained, d1998, []string{rules.CodeCrPL1996Detained, rules.CodeCrPL105Detained}},
		era{"2012-12-31", rules.CodeInterp1998Detained, d1998, []string{rules.CodeCrPL2012Detained, rules.CodeCrPL105Detained}},
		era{"2013-01-01", rules.CodeCrPL2012Detained, d2012, []string{rules.CodeCrPL105Detained}},
		era{"2018-10-25", rules.CodeCrPL2012Detained, d2012, []string{rules.CodeCrPL105Detained}},
		era{"2018-10-26", rules.CodeCrPL105Detained, d2018, []string{rules.CodeCrPL2012Detained}},
	)

	// The 四类案件 signals: 法发〔2021〕30号 from 2021-11-04, 法发〔2015〕13号
	// art. 24 from 2015-09-21 where an item holds the signal, nothing
	// before (reviewCodesOn).
	const (
		o21  = "法发〔2021〕30号"
		o15  = "《最高人民法院关于完善人民法院司法责任制的若干意见》（法发〔2015〕13号）第24条"
		o151 = o15 + "第（1）项"
		o152 = o15 + "第（2）项"
	)
	fourKinds := []struct {
		what               string
		base               *triagev1.Filing
		now, y2015, noText string
		article2015        string
	}{
		{"ten plaintiffs (review)", with(civilBase(tb), setParties(10, 1)),
			rules.CodeReviewGroupDispute, rules.CodeReviewGroupDispute2015, rules.CodeReviewGroupDisputeNoText, o151},
		{"追索劳动报酬纠纷 with five plaintiffs", with(civilBase(tb), cause("追索劳动报酬纠纷"), setParties(5, 1)),
			rules.CodeReviewGroupCause, rules.CodeReviewGroupCause2015, rules.CodeReviewGroupCauseNoText, o151},
		{"major social impact (civil)", with(civilBase(tb), circ(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true })),
			rules.CodeReviewMajorImpact, rules.CodeReviewMajorImpact2015, rules.CodeReviewMajorImpactNoText, o152},
		{"舆情 in the text", with(civilBase(tb), text("可能引发舆情")),
			rules.CodeReviewTextSignal, rules.CodeReviewTextSignal2015, rules.CodeReviewTextSignalNoText, o15},
	}
	for _, k := range fourKinds {
		addAt(locReview, k.what, k.base,
			era{"2015-09-20", k.noText, "", []string{k.y2015, k.now}},
			era{"2015-09-21", k.y2015, k.article2015, []string{k.noText, k.now}},
			era{"2021-11-03", k.y2015, k.article2015, []string{k.now}},
			era{"2021-11-04", k.now, o21, []string{k.y2015}},
		)
	}
	// No item of art. 24 names a sensitive case or a public interest.
	addAt(locReview, "故意杀人罪 (sensitive cause)", with(crimBase(tb), cause("故意杀人罪"), sentence(120)),
		era{"2021-11-03", rules.CodeReviewSensitiveNoText, "", []string{rules.CodeReviewSensitiveCause}},
		era{"2021-11-04", rules.CodeReviewSensitiveCause, o21, []string{rules.CodeReviewSensitiveNoText}},
	)
	addAt(locReview, "public interest (review)", with(civilBase(tb), circ(func(c *triagev1.Circumstances) { c.PublicInterest = true })),
		era{"2021-11-03", rules.CodeReviewPublicInterestNoText, "", []string{rules.CodeReviewPublicInterest2021, rules.CodeReviewPublicInterest}},
		era{"2021-11-04", rules.CodeReviewPublicInterest2021, o21, []string{rules.CodeReviewPublicInterestNoText}},
		era{"2021-12-31", rules.CodeReviewPublicInterest2021, o21, []string{rules.CodeReviewPublicInterest}},
		era{"2022-01-01", rules.CodeReviewPublicInterest, o21 + "；民事诉讼法第四十二条", []string{rules.CodeReviewPublicInterest2021}},
	)
	// The court/province conflict by the small-claims law of the date.
	const (
		cpNow  = "民事诉讼法第一百六十五条；民诉法解释第二百七十三条"
		cp2017 = "民事诉讼法（2012年、2017年修正）第一百六十二条；民诉法解释第二百七十三条"
		cp2013 = "民事诉讼法（2012年修正）第一百六十二条；最高人民法院关于海事法院可否适用小额诉讼程序问题的批复（法释〔2013〕16号）"
		cp2012 = "民事诉讼法（2012年修正）第一百六十二条"
	)
	addAt(locReview, "杭州市西湖区人民法院 filed as 江苏省", with(civilBase(tb), court("杭州市西湖区人民法院"), province("江苏省")),
		era{"2012-12-31", rules.CodeReviewCourtProvinceNoText, "", []string{rules.CodeReviewCourtProvinceCPL2012, rules.CodeReviewCourtProvince}},
		era{"2013-01-01", rules.CodeReviewCourtProvinceCPL2012, cp2012, []string{rules.CodeReviewCourtProvinceNoText}},
		era{"2013-06-25", rules.CodeReviewCourtProvinceCPL2012, cp2012, []string{rules.CodeReviewCourtProvinceReply2013}},
		era{"2013-06-26", rules.CodeReviewCourtProvinceReply2013, cp2013, []string{rules.CodeReviewCourtProvinceCPL2012}},
		era{"2015-02-03", rules.CodeReviewCourtProvinceReply2013, cp2013, []string{rules.CodeReviewCourtProvinceCPL2017}},
		era{"2015-02-04", rules.CodeReviewCourtProvinceCPL2017, cp2017, []string{rules.CodeReviewCourtProvinceReply2013}},
		era{"2021-12-31", rules.CodeReviewCourtProvinceCPL2017, cp2017, []string{rules.CodeReviewCourtProvince}},
		era{"2022-01-01", rules.CodeReviewCourtProvince, cpNow, []string{rules.CodeReviewCourtProvinceCPL2017}},
	)

	// An unchecked due date cites the period article of the case kind's
	// text of the filing date. The calendar here has 2024 alone, so every
	// other year's due dates are unchecked.
	cal, err := rules.LoadHolidays(readTestdata(tb, "holidays/minimal.json"))
	if err != nil {
		tb.Fatal(err)
	}
	addCal := func(what string, base *triagev1.Filing, eras ...era) {
		n := len(out)
		add(what, base, eras...)
		for i := n; i < len(out); i++ {
			out[i].holidays = cal
		}
	}
	const hNowAll = "民事诉讼法第八十五条第三款；刑事诉讼法第一百零五条第四款；行诉法解释第四十八条第三款"
	addCal("civil due date off the calendar", civilBase(tb),
		era{"2012-12-31", rules.CodeHolidayMissingCPL2007, "民事诉讼法（1991年、2007年修正）第七十五条第三款", []string{rules.CodeHolidayMissingCPL2017, rules.CodeHolidayCalendarMissing}},
		era{"2013-01-01", rules.CodeHolidayMissingCPL2017, "民事诉讼法（2012年、2017年修正）第八十二条第三款", []string{rules.CodeHolidayMissingCPL2007}},
		era{"2021-12-31", rules.CodeHolidayMissingCPL2017, "民事诉讼法（2012年、2017年修正）第八十二条第三款", []string{rules.CodeHolidayCalendarMissing}},
		era{"2022-01-01", rules.CodeHolidayCalendarMissing, hNowAll, []string{rules.CodeHolidayMissingCPL2017}},
	)
	addCal("criminal due date off the calendar", crimBase(tb),
		era{"1998-09-07", rules.CodeHolidayMissingCrPL1996, "刑事诉讼法（1996年）第七十九条", []string{rules.CodeHolidayMissingInterp1998, rules.CodeHolidayCalendarMissing}},
		era{"1998-09-08", rules.CodeHolidayMissingInterp1998, d1998, []string{rules.CodeHolidayMissingCrPL1996}},
		era{"2012-12-31", rules.CodeHolidayMissingInterp1998, d1998, []string{rules.CodeHolidayMissingCrPL2012}},
		era{"2013-01-01", rules.CodeHolidayMissingCrPL2012, d2012, []string{rules.CodeHolidayMissingInterp1998}},
		era{"2018-10-25", rules.CodeHolidayMissingCrPL2012, d2012, []string{rules.CodeHolidayMissingCrPL2018}},
		era{"2018-10-26", rules.CodeHolidayMissingCrPL2018, d2018, []string{rules.CodeHolidayMissingCrPL2012}},
		era{"2021-12-31", rules.CodeHolidayMissingCrPL2018, d2018, []string{rules.CodeHolidayCalendarMissing}},
		era{"2022-01-01", rules.CodeHolidayCalendarMissing, hNowAll, []string{rules.CodeHolidayMissingCrPL2018}},
	)
	const (
		a2018 = "行诉法解释第四十八条第三款"
		a2014 = "行政诉讼法第一百零一条；民事诉讼法（2012年、2017年修正）第八十二条第三款"
	)
	addCal("administrative due date off the calendar", adminBase(tb),
		era{"2015-04-30", rules.CodeHolidayMissingAdmin1989, "", []string{rules.CodeHolidayMissingAdmin2014, rules.CodeHolidayMissingCPL2017}},
		era{"2015-05-01", rules.CodeHolidayMissingAdmin2014, a2014, []string{rules.CodeHolidayMissingAdmin1989}},
		era{"2018-02-07", rules.CodeHolidayMissingAdmin2014, a2014, []string{rules.CodeHolidayMissingAdmin2018}},
		era{"2018-02-08", rules.CodeHolidayMissingAdmin2018, a2018, []string{rules.CodeHolidayMissingAdmin2014}},
		era{"2021-12-31", rules.CodeHolidayMissingAdmin2018, a2018, []string{rules.CodeHolidayCalendarMissing}},
		era{"2022-01-01", rules.CodeHolidayCalendarMissing, hNowAll, []string{rules.CodeHolidayMissingAdmin2018}},
	)
	return out
}

// TestCitationEras: each inference cites the article in force on its
// filing date, on both sides of every boundary.
func TestCitationEras(t *testing.T) {
	runTable(t, citationEraCases(t))
}

// TestCustodyFromRecordByEra: a stored decision records a defendant in
// custody by the code of its filing date's text (CRPL2012_103_… from 2013
// to 2018-10-25), and the outcome's due date must keep its last day under
// either code, as OutcomeTimeLimit does with detained set.
func TestCustodyFromRecordByEra(t *testing.T) {
	e := defaultEngine(t)
	for _, c := range []struct {
		filed, code string
		// recorded, when set, replaces code in the stored decision: the
		// code an older rules version gave the same filing.
		recorded string
	}{
		{"2012-12-12", rules.CodeInterp1998Detained, ""},
		// Rules versions before 2026-12-04 recorded CRPL105_… on filings
		// before 2013; their decisions must keep their custody.
		{"2012-12-12", rules.CodeInterp1998Detained, rules.CodeCrPL105Detained},
		{"2017-03-01", rules.CodeCrPL2012Detained, ""},
		{"2024-03-01", rules.CodeCrPL105Detained, ""},
	} {
		t.Run(c.filed+" "+c.recorded, func(t *testing.T) {
			f := with(crimBase(t), filedOn(c.filed), circ(detainedDefendant))
			a, err := e.Evaluate(f)
			if err != nil {
				t.Fatal(err)
			}
			d := &triagev1.Decision{
				DecisionId: decision, CaseKind: f.GetCaseKind(), Recommended: pSimp,
				Options: a.Options, Inferences: a.Inferences, FiledOn: c.filed,
			}
			if !slices.ContainsFunc(d.Inferences, func(r *triagev1.Reason) bool { return r.GetCode() == c.code }) {
				t.Fatalf("decision does not record %s: %v", c.code, d.Inferences)
			}
			if c.recorded != "" {
				// A copy: the engine's reasons are shared.
				d.Inferences = slices.Clone(d.Inferences)
				for i, r := range d.Inferences {
					if r.GetCode() == c.code {
						d.Inferences[i] = &triagev1.Reason{Code: c.recorded, Article: r.GetArticle(), Message: r.GetMessage()}
					}
				}
			}
			// A decision day whose period ends on a rest day, so custody
			// changes the due date.
			filed, _ := rules.ParseDate(c.filed)
			for i := 1; i < 60; i++ {
				decided := filed.AddDate(0, 0, i)
				o := outcome(chS2O, pOrd, on(decided.Format("2006-01-02")), func(o *triagev1.Outcome) { o.LegalBasis = "刑事诉讼法" })
				held := e.OutcomeTimeLimit(f.GetCaseKind(), filed, o, decided, nil, true)
				free := e.OutcomeTimeLimit(f.GetCaseKind(), filed, o, decided, nil, false)
				if held.GetDueOn() == free.GetDueOn() {
					continue
				}
				got, err := e.OutcomeTimeLimitFromRecord(d, nil, o, nil)
				if err != nil {
					t.Fatal(err)
				}
				if got.GetDueOn() != held.GetDueOn() {
					t.Errorf("decided %s: due %s from the record, want %s (in custody)", o.GetDecidedOn(), got.GetDueOn(), held.GetDueOn())
				}
				return
			}
			t.Fatal("no decision day whose due date custody changes")
		})
	}
}

// TestCustodyDueDateAcross2013: a detained defendant's period ends on its
// last day, holiday or not, on both sides of 2013-01-01. The 1996 law's art.
// 79 had no holiday rule, but from 1998-09-08 the 1998 interpretation's art.
// 103 moved a period ending on a holiday and kept custody to its last day,
// the rule the 2012 amendment put in the law (art. 103 ¶4): the due date is
// the same, only the article cited differs. A defendant at liberty gets the
// next working day on both sides.
func TestCustodyDueDateAcross2013(t *testing.T) {
	e := defaultEngine(t)
	for _, c := range []struct {
		filed, code      string
		heldDue, freeDue string // simplified procedure, 20 days
	}{
		// 2013-01-01 is New Year's Day (rest 01-01..01-03).
		{"2012-12-12", rules.CodeInterp1998Detained, "2013-01-01", "2013-01-04"},
		// 2013-03-30 is a Saturday.
		{"2013-03-10", rules.CodeCrPL2012Detained, "2013-03-30", "2013-04-01"},
	} {
		t.Run(c.filed, func(t *testing.T) {
			for _, held := range []bool{true, false} {
				f := with(crimBase(t), filedOn(c.filed), circ(func(ci *triagev1.Circumstances) { ci.DefendantDetained = held }))
				a, err := e.Evaluate(f)
				if err != nil {
					t.Fatal(err)
				}
				want := c.freeDue
				if held {
					want = c.heldDue
				}
				if got := a.Option(pSimp).GetTimeLimit().GetDueOn(); got != want {
					t.Errorf("detained=%v: due %s, want %s", held, got, want)
				}
				if got := reasonIn(a.Inferences, c.code); got != held {
					t.Errorf("detained=%v: %s inferred %v", held, c.code, got)
				}
			}
		})
	}
}
