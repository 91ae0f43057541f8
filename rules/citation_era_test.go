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
				extra:  cites(e.code, e.article),
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
		sNow  = "刑事诉讼法第二百二十二条第一款；刑法分则规定的本罪法定刑"
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
		lNow  = "民事诉讼法第一百六十条、第一百六十五条；刑事诉讼法第二百一十四条、第二百二十二条"
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
		era{"2022-01-01", rules.CodeReviewCourtLevel, lNow, []string{rules.CodeReviewCourtLevelCrPL2018}},
	)
	// A defendant in custody: the proviso the 2012 amendment added as art.
	// 103 ¶4. Before 2013 no article stated it, and the 2018 code stays
	// (docs/statutes.md, Citations by filing date).
	const (
		d2018 = "刑事诉讼法第一百零五条第四款"
		d2012 = "刑事诉讼法（2012年修正）第一百零三条第四款"
	)
	add("defendant in custody", with(crimBase(tb), circ(detainedDefendant)),
		era{"2012-12-31", rules.CodeCrPL105Detained, d2018, []string{rules.CodeCrPL2012Detained}},
		era{"2013-01-01", rules.CodeCrPL2012Detained, d2012, []string{rules.CodeCrPL105Detained}},
		era{"2018-10-25", rules.CodeCrPL2012Detained, d2012, []string{rules.CodeCrPL105Detained}},
		era{"2018-10-26", rules.CodeCrPL105Detained, d2018, []string{rules.CodeCrPL2012Detained}},
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
	for _, c := range []struct{ filed, code string }{
		{"2017-03-01", rules.CodeCrPL2012Detained},
		{"2024-03-01", rules.CodeCrPL105Detained},
	} {
		t.Run(c.filed, func(t *testing.T) {
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
