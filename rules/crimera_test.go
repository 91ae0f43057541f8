package rules_test

import (
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

func TestCriminalEraCitations(t *testing.T) { runTable(t, criminalEraCases(t)) }

// criminalEraCases pin the criminal articles to the law in force on the
// filing date, at the boundary days:
//   - from 2018-10-26 the 2018 amendment: simplified procedure in arts.
//     214–216 ("基层人民法院管辖的案件，符合下列条件的，可以适用简易程序审判"),
//     remanded and retried cases in arts. 239 and 256, jurisdiction over life
//     and death in art. 21(2);
//   - 2013-01-01 to 2018-10-25 the 2012 amendment: the same words in arts.
//     208–210, 228, 245 and 20(2);
//   - until 2021-02-28 the 2012 interpretation (法释〔2012〕21号) art. 290(5)
//     for the defence's plea of not guilty, Interp. 2021 art. 360(5) after;
//   - before 2013 CrPL 1996 art. 174(1): simplified procedure only for
//     public prosecutions "依法可能判处三年以下有期徒刑、拘役、管制、单处罚金".
//
// The court is 衢州 (no pilot city), so fast-track stays out of the way.
func criminalEraCases(tb testing.TB) []tcase {
	base := with(crimBase(tb), court("浙江省衢州市柯城区人民法院"))
	on := func(day string, mods ...mod) *triagev1.Filing {
		return with(base, append([]mod{filedOn(day)}, mods...)...)
	}
	objects := circ(func(c *triagev1.Circumstances) { c.ObjectsSimplified = true })
	impact := circ(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true })
	coDefendant := circ(func(c *triagev1.Circumstances) { c.CoDefendantDispute = true })
	notGuilty := circ(func(c *triagev1.Circumstances) { c.DefencePleadsNotGuilty = true })
	remanded := circ(func(c *triagev1.Circumstances) { c.Remanded = true })
	retrial := circ(func(c *triagev1.Circumstances) { c.Retrial = true })
	life := sentenceKind(triagev1.SentenceKind_SENTENCE_KIND_LIFE_IMPRISONMENT, 0)
	// A newly formed panel must keep the case from a 速裁团队 whatever the
	// numbering of the article that requires it.
	panel := func(t *testing.T, a *rules.Assessment) {
		for _, p := range []triagev1.Procedure{pSimp, pOrd} {
			if !rules.RequiresPanel(a.Option(p)) {
				t.Errorf("RequiresPanel(%s) = false, want true: %v", procLoc(p), a.Option(p).GetReasons())
			}
		}
	}
	// Before 2013 only ordinary procedure is left to a remanded or retried
	// case, and it is the new panel's (CrPL 1996 arts. 192, 206).
	ordinaryPanel := func(t *testing.T, a *rules.Assessment) {
		if !rules.RequiresPanel(a.Option(pOrd)) {
			t.Errorf("RequiresPanel(ordinary) = false, want true: %v", a.Option(pOrd).GetReasons())
		}
	}
	return []tcase{
		// --- The conditions and bars of simplified procedure.
		{
			name: "2018-10-25 no admission: CrPL 2012 art. 208(2)", filing: on("2018-10-25", plea(false, false)),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL2012NoAdmission)},
			silent: []string{rules.CodeCrPL214NoAdmission},
		},
		{
			name: "2018-10-26 no admission: CrPL 214(2)", filing: on("2018-10-26", plea(false, false)),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL214NoAdmission)},
			silent: []string{rules.CodeCrPL2012NoAdmission},
		},
		{
			name: "2017 admitted: eligible under CrPL 2012 art. 208", filing: on("2017-05-05"),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL2012Eligible)},
			silent: []string{rules.CodeCrPL214Eligible, rules.CodeCrPL2012NoAdmission, rules.CodeCrPL2012Objects, rules.CodeCrPL2012CourtLevel},
		},
		{
			name: "2017 objection: CrPL 2012 art. 208(3)", filing: on("2017-05-05", objects),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL2012Objects)},
			silent: []string{rules.CodeCrPL214Objects},
		},
		{
			name: "2017 intermediate court: CrPL 2012 art. 208 ¶1", filing: on("2017-05-05", intermediate),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL2012CourtLevel)},
			silent: []string{rules.CodeCrPL214CourtLevel, rules.CodeCrPL2012Intermediate},
		},
		{
			name: "2017 impaired defendant: CrPL 2012 art. 209(1)", filing: on("2017-05-05", party(0, impaired)),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL2012Impaired)},
			silent: []string{rules.CodeCrPL215Impaired},
		},
		{
			name: "2017 major social impact: CrPL 2012 art. 209(2)", filing: on("2017-05-05", impact),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL2012MajorImpact)},
			silent: []string{rules.CodeCrPL215MajorImpact},
		},
		{
			name: "2017 co-defendant dispute: CrPL 2012 art. 209(3)", filing: on("2017-05-05", coDefendant),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL2012CoDefendant)},
			silent: []string{rules.CodeCrPL215CoDefendant},
		},
		{
			name: "2017 four years: a panel under CrPL 2012 art. 210", filing: on("2017-05-05", sentence(48)),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL2012PanelRequired)},
			silent: []string{rules.CodeCrPL216PanelRequired},
			extra: func(t *testing.T, a *rules.Assessment) {
				if !rules.RequiresPanel(a.Option(pSimp)) {
					t.Errorf("RequiresPanel(simplified) = false, want true")
				}
			},
		},
		{
			name: "2017 life imprisonment at a basic court: CrPL 2012 art. 20(2)", filing: on("2017-05-05", life),
			avail:  av(pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL2012Intermediate), at(locReview, rules.CodeReviewIntermediate2012)},
			silent: []string{rules.CodeCrPL21Intermediate},
		},
		{
			name: "2024 life imprisonment at a basic court: CrPL 21(2)", filing: on("2024-05-06", life),
			avail:  av(pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL21Intermediate), at(locReview, rules.CodeReviewIntermediate)},
			silent: []string{rules.CodeCrPL2012Intermediate},
		},
		{
			// At an intermediate court the level bar says it already; the
			// review is for a basic court that must pass the case up.
			name: "2024 life imprisonment at an intermediate court: no transfer to review", filing: on("2024-05-06", life, intermediate),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL214CourtLevel)},
			silent: []string{rules.CodeCrPL21Intermediate, rules.CodeReviewIntermediate},
		},

		// --- 危害国家安全、恐怖活动案件 (CrPL 21(1); 2012 art. 20(1); the
		// 1996 art. 20(1) named 危害国家安全案件 but not terrorism).
		{
			name: "2018-10-25 资敌罪 at a basic court: CrPL 2012 art. 20(1)", filing: on("2018-10-25", cause("资敌罪")),
			avail:  av(pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL2012SecurityTerror), at(locFT, rules.CodeCrPL2012SecurityTerror)},
			silent: []string{rules.CodeCrPL21SecurityTerror},
		},
		{
			name: "2018-10-26 资敌罪 at a basic court: CrPL 21(1)", filing: on("2018-10-26", cause("资敌罪")),
			avail:  av(pFT, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL21SecurityTerror), at(locFT, rules.CodeCrPL21SecurityTerror)},
			silent: []string{rules.CodeCrPL2012SecurityTerror},
		},
		{
			// Round 11: the 2012 amendment's art. 20(1) stood in for the
			// 1996 text's art. 20(1) (反革命案件、危害国家安全案件).
			name: "2012-12-31 间谍罪 at a basic court: CrPL 1996 art. 20(1)", filing: on("2012-12-31", cause("间谍罪")),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL1996NationalSecurity), at(locReview, rules.CodeReviewNationalSecurity1996)},
			silent: []string{rules.CodeCrPL2012SecurityTerror},
		},
		{
			name: "2013-01-01 间谍罪 at a basic court: CrPL 2012 art. 20(1)", filing: on("2013-01-01", cause("间谍罪")),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL2012SecurityTerror)},
			silent: []string{rules.CodeCrPL1996NationalSecurity},
		},
		{
			// Terrorism entered art. 20(1) with the 2012 amendment.
			name: "2012-12-31 帮助恐怖活动罪 at a basic court: not yet the intermediate court's", filing: on("2012-12-31", cause("帮助恐怖活动罪")),
			avail:  av(pSimp, avA),
			silent: []string{rules.CodeCrPL2012SecurityTerror, rules.CodeCrPL21SecurityTerror, rules.CodeCrPL1996NationalSecurity},
		},
		{
			name: "2013-01-01 帮助恐怖活动罪 at a basic court: CrPL 2012 art. 20(1)", filing: on("2013-01-01", cause("帮助恐怖活动罪")),
			avail: av(pSimp, avU),
			fires: []string{at(locSimp, rules.CodeCrPL2012SecurityTerror)},
		},
		{
			// A pilot court: not a basic court's case, so not the pilot's.
			name: "2018-05-05 资敌罪 at a pilot court: no pilot fast-track", filing: on("2018-05-05", cause("资敌罪"), zhengzhou),
			avail:  av(pFT, avU, pSimp, avU),
			fires:  []string{at(locFT, rules.CodeCrPL2012SecurityTerror)},
			silent: []string{at(locFT, rules.CodePilot2016Eligible)},
		},

		// --- Remanded and retried cases: a newly formed panel.
		{
			name: "2017 remanded: a new panel, CrPL 2012 art. 228", filing: on("2017-05-05", remanded),
			fires:  []string{at(locSimp, rules.CodeCrPL2012RemandedPanel), at(locOrd, rules.CodeCrPL2012RemandedPanel)},
			silent: []string{rules.CodeCrPL239NewPanel},
			extra:  panel,
		},
		{
			// CrPL 239 without the 2021 interpretation's art. 377 (audit of
			// citations by era).
			name: "2018-10-26 remanded: a new panel, CrPL 239", filing: on("2018-10-26", remanded),
			fires:  []string{at(locSimp, rules.CodeCrPL2018RemandedPanel), at(locFT, rules.CodeCrPL2018RemandedFastTrack)},
			silent: []string{rules.CodeCrPL2012RemandedPanel, rules.CodeCrPL2012RemandedFastTrack, rules.CodeCrPL239NewPanel, rules.CodeCrPL239FastTrackBarred},
			extra:  panel,
		},
		{
			name: "2021-03-01 remanded: a new panel, CrPL 239 and Interp. 377", filing: on("2021-03-01", remanded),
			fires:  []string{at(locSimp, rules.CodeCrPL239NewPanel), at(locFT, rules.CodeCrPL239FastTrackBarred)},
			silent: []string{rules.CodeCrPL2018RemandedPanel, rules.CodeCrPL2018RemandedFastTrack},
			extra:  panel,
		},
		{
			name: "2017 retried: a new panel, CrPL 2012 art. 245", filing: on("2017-05-05", retrial),
			fires:  []string{at(locSimp, rules.CodeCrPL2012RetrialPanel), at(locOrd, rules.CodeCrPL2012RetrialPanel)},
			silent: []string{rules.CodeCrPL256NewPanel},
			extra:  panel,
		},
		{
			name:   "2018 retried at a pilot court: fast-track barred under CrPL 2012 art. 245",
			filing: with(crimBase(tb), zhengzhou, filedOn("2018-05-05"), retrial),
			avail:  av(pFT, avU),
			fires:  []string{at(locFT, rules.CodeCrPL2012RetrialFastTrack)},
			silent: []string{rules.CodeCrPL256FastTrackBarred},
			extra:  panel,
		},

		{
			name: "2018-10-26 retried: a new panel, CrPL 256", filing: on("2018-10-26", retrial),
			fires:  []string{at(locSimp, rules.CodeCrPL256NewPanel), at(locFT, rules.CodeCrPL256FastTrackBarred)},
			silent: []string{rules.CodeCrPL2012RetrialPanel, rules.CodeCrPL2012RetrialFastTrack},
			extra:  panel,
		},

		// --- The same facts on the first day of the 2018 numbering.
		{
			name: "2018-10-26 admitted, four years: CrPL 214, 216", filing: on("2018-10-26", sentence(48)),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL214Eligible), at(locSimp, rules.CodeCrPL216PanelRequired)},
			silent: []string{rules.CodeCrPL2012Eligible, rules.CodeCrPL2012PanelRequired},
		},
		{
			name: "2018-10-26 impaired, major impact, co-defendant dispute: CrPL 215", filing: on("2018-10-26", party(0, impaired), impact, coDefendant),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL215ImpairedInterp2012), at(locSimp, rules.CodeCrPL215MajorImpactInterp2012), at(locSimp, rules.CodeCrPL215CoDefendantInterp2012)},
			silent: []string{rules.CodeCrPL2012Impaired, rules.CodeCrPL2012MajorImpact, rules.CodeCrPL2012CoDefendant, rules.CodeCrPL215Impaired, rules.CodeCrPL215MajorImpact, rules.CodeCrPL215CoDefendant},
		},
		{
			name: "2021-03-01 impaired, major impact, co-defendant dispute: CrPL 215, Interp. 360", filing: on("2021-03-01", party(0, impaired), impact, coDefendant),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL215Impaired), at(locSimp, rules.CodeCrPL215MajorImpact), at(locSimp, rules.CodeCrPL215CoDefendant)},
			silent: []string{rules.CodeCrPL215ImpairedInterp2012, rules.CodeCrPL215MajorImpactInterp2012, rules.CodeCrPL215CoDefendantInterp2012},
		},

		// --- The defence pleads not guilty: the interpretation in force.
		{
			name: "2021-02-28 defence pleads not guilty: Interp. 2012 art. 290(5)", filing: on("2021-02-28", notGuilty),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeInterp2012DefenceNotGuil)},
			silent: []string{rules.CodeInterp360DefenceNotGuil},
		},
		{
			name: "2021-03-01 defence pleads not guilty: Interp. 2021 art. 360(5)", filing: on("2021-03-01", notGuilty),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeInterp360DefenceNotGuil)},
			silent: []string{rules.CodeInterp2012DefenceNotGuil},
		},

		// --- Before 2013: the rest of the 1996 law (arts. 20, 147, 174)
		// and, from 1998-09-08, the 1998 interpretation (art. 222 and its
		// condition that the defendant admits the facts and agrees). Until
		// round 11 the 2012 amendment's codes stood in for them.
		{
			name: "2012-12-31 admitted, 24 months: eligible under CrPL 1996 art. 174(1)", filing: on("2012-12-31", sentence(24)),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL1996Eligible)},
			silent: []string{rules.CodeCrPL2012Eligible, rules.CodeCrPL2012PanelRequired},
		},
		{
			name: "2013-01-01 admitted, 24 months: eligible under CrPL 2012 art. 208", filing: on("2013-01-01", sentence(24)),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL2012Eligible)},
			silent: []string{rules.CodeCrPL1996Eligible},
		},
		{
			name: "2012-12-31 intermediate court: CrPL 1996 art. 147 ¶1", filing: on("2012-12-31", sentence(24), intermediate),
			avail:  av(pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL1996CourtLevel)},
			silent: []string{rules.CodeCrPL2012CourtLevel},
		},
		{
			name: "2013-01-01 intermediate court: CrPL 2012 art. 208 ¶1", filing: on("2013-01-01", sentence(24), intermediate),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL2012CourtLevel)},
			silent: []string{rules.CodeCrPL1996CourtLevel},
		},
		{
			name: "2012-12-31 life imprisonment at a basic court: CrPL 1996 art. 20(2)", filing: on("2012-12-31", life),
			avail:  av(pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL1996Intermediate), at(locSimp, rules.CodeCrPL1996SentenceCap), at(locReview, rules.CodeReviewIntermediate1996)},
			silent: []string{rules.CodeCrPL2012Intermediate},
		},
		{
			name: "2013-01-01 life imprisonment at a basic court: CrPL 2012 art. 20(2)", filing: on("2013-01-01", life),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL2012Intermediate)},
			silent: []string{rules.CodeCrPL1996Intermediate, rules.CodeCrPL1996SentenceCap},
		},
		{
			name: "2012-12-31 no admission: Interp. 1998 art. 222(1)", filing: on("2012-12-31", sentence(24), plea(false, false)),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeInterp1998NoAdmission)},
			silent: []string{rules.CodeCrPL2012NoAdmission},
		},
		{
			name: "2012-12-31 admission without acceptance: simplified open", filing: on("2012-12-31", sentence(24), plea(true, false)),
			avail:  av(pSimp, avA),
			silent: []string{rules.CodeInterp1998NoAdmission},
		},
		{
			name: "2012-12-31 the defendant objects: Interp. 1998, consent", filing: on("2012-12-31", sentence(24), objects),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeOpinion2003Objects)},
			silent: []string{rules.CodeCrPL2012Objects},
		},
		{
			name: "2012-12-31 impaired defendant: Interp. 1998 art. 222(3)", filing: on("2012-12-31", sentence(24), party(0, impaired)),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeInterp1998Impaired)},
			silent: []string{rules.CodeCrPL2012Impaired},
		},
		{
			name: "2012-12-31 a co-defendant denies the facts: Interp. 1998 art. 222(1)", filing: on("2012-12-31", sentence(24), circ(func(c *triagev1.Circumstances) { c.CoDefendantDeniesChargedFacts = true })),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeInterp1998CoDefendant)},
			silent: []string{rules.CodeCrPL2012CoDefendant},
		},
		{
			name: "2012-12-31 a co-defendant objects to simplified procedure: Interp. 1998, consent", filing: on("2012-12-31", sentence(24), circ(func(c *triagev1.Circumstances) { c.CoDefendantObjectsSimplified = true })),
			avail: av(pSimp, avU),
			fires: []string{at(locSimp, rules.CodeInterp1998CoDefendant)},
		},
		{
			// Disputing the charge's name or the recommendation is no denial
			// of the facts.
			name: "2012-12-31 a co-defendant disputes only the sentence: simplified open", filing: on("2012-12-31", sentence(24), circ(func(c *triagev1.Circumstances) { c.CoDefendantDisputesChargeOrSentence = true })),
			avail:  av(pSimp, avA),
			silent: []string{rules.CodeInterp1998CoDefendant},
		},
		{
			name: "2012-12-31 defence pleads not guilty: Interp. 1998 art. 222(4)", filing: on("2012-12-31", sentence(24), notGuilty),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeInterp1998DefenceNotGuil)},
			silent: []string{rules.CodeInterp2012DefenceNotGuil},
		},
		{
			name: "2013-01-01 defence pleads not guilty: Interp. 2012 art. 290(5)", filing: on("2013-01-01", sentence(24), notGuilty),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeInterp2012DefenceNotGuil)},
			silent: []string{rules.CodeInterp1998DefenceNotGuil},
		},
		{
			// Major social impact became a bar with the 2012 amendment's
			// art. 209(2); before it, only the court's "其他不宜" (Interp.
			// 1998 art. 222(5)). The review signal stays.
			name: "2012-12-31 major social impact: no bar under the 1996 law, reviewed", filing: on("2012-12-31", sentence(24), impact),
			avail:  av(pSimp, avA),
			fires:  []string{at(locReview, rules.CodeReviewMajorImpactNoText)},
			silent: []string{rules.CodeCrPL2012MajorImpact, rules.CodeCrPL215MajorImpact},
		},
		{
			name: "2013-01-01 major social impact: CrPL 2012 art. 209(2)", filing: on("2013-01-01", sentence(24), impact),
			avail: av(pSimp, avU),
			fires: []string{at(locSimp, rules.CodeCrPL2012MajorImpact)},
		},
		{
			// CrPL 1996 art. 20(3) (外国人犯罪的刑事案件, deleted in 2012):
			// `foreign` also marks 港澳台 defendants, so a review, not a bar.
			name: "2012-12-31 a foreign defendant at a basic court: reviewed under CrPL 1996 art. 20(3)", filing: on("2012-12-31", sentence(24), party(0, foreign)),
			avail: av(pSimp, avA),
			fires: []string{at(locSimp, rules.CodeCrPL1996Eligible), at(locReview, rules.CodeReviewForeignDefendant1996)},
		},
		{
			name: "2013-01-01 a foreign defendant at a basic court: the 2012 amendment deleted art. 20(3)", filing: on("2013-01-01", sentence(24), party(0, foreign)),
			avail:  av(pSimp, avA),
			silent: []string{rules.CodeReviewForeignDefendant1996},
		},
		{
			// The level bar says it already at an intermediate court.
			name: "2012-12-31 a foreign defendant at an intermediate court: no review", filing: on("2012-12-31", sentence(24), party(0, foreign), intermediate),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL1996CourtLevel)},
			silent: []string{rules.CodeReviewForeignDefendant1996},
		},
		{
			// The 1996 amendment, in force 1997-01-01, created simplified
			// procedure; the 1979 law had none.
			name: "1996-12-31 admitted, 24 months: no simplified procedure under the 1979 law", filing: on("1996-12-31", cause("盗窃罪"), sentence(24)),
			avail: av(pSimp, avU, pOrd, avA),
			fires: []string{at(locSimp, rules.CodeCrPL1996NotInForce)},
		},
		{
			name: "1997-01-01 admitted, 24 months: CrPL 1996 art. 174(1)", filing: on("1997-01-01", cause("盗窃罪"), sentence(24)),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL1996Eligible)},
			silent: []string{rules.CodeCrPL1996NotInForce},
		},
		{
			// The 1998 interpretation took effect on 1998-09-08: the day
			// before, the 1996 law's own conditions alone.
			name:   "1998-09-07 no admission, impaired, objection, co-defendant, defence's plea: the 1996 law alone",
			filing: on("1998-09-07", cause("盗窃罪"), sentence(24), plea(false, false), party(0, impaired), objects, coDefendant, notGuilty),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL1996Eligible)},
			silent: []string{rules.CodeInterp1998NoAdmission, rules.CodeInterp1998Impaired, rules.CodeOpinion2003Objects, rules.CodeInterp1998CoDefendant, rules.CodeInterp1998DefenceNotGuil},
		},
		{
			// The objection is no bar yet: the defendant's consent came with
			// the 2003 opinion (below).
			name:   "1998-09-08 no admission, impaired, objection, co-defendant, defence's plea: Interp. 1998 art. 222",
			filing: on("1998-09-08", cause("盗窃罪"), sentence(24), plea(false, false), party(0, impaired), objects, coDefendant, notGuilty),
			avail:  av(pSimp, avU),
			fires: []string{
				at(locSimp, rules.CodeInterp1998NoAdmission), at(locSimp, rules.CodeInterp1998Impaired),
				at(locSimp, rules.CodeInterp1998CoDefendant), at(locSimp, rules.CodeInterp1998DefenceNotGuil),
			},
			silent: []string{rules.CodeOpinion2003Objects},
		},
		// The defendant's consent: the 1998 interpretation's arts. 217–221
		// ask the procuratorate's, not the defendant's; 法发〔2003〕6号 art.
		// 3 ¶2 ("人民法院在征得被告人、辩护人同意后决定适用简易程序"), in force
		// 2003-03-14, made it a condition. Until the review of 2026-12-03 an objection
		// barred simplified procedure from 1998-09-08.
		{
			name: "2003-03-13 the defendant objects: no consent rule yet, simplified open", filing: on("2003-03-13", cause("盗窃罪"), sentence(24), objects),
			avail:  av(pSimp, avA),
			silent: []string{rules.CodeOpinion2003Objects},
		},
		{
			name: "2003-03-14 the defendant objects: 法发〔2003〕6号 art. 3 ¶2", filing: on("2003-03-14", cause("盗窃罪"), sentence(24), objects),
			avail: av(pSimp, avU),
			fires: []string{at(locSimp, rules.CodeOpinion2003Objects)},
		},
		{
			name: "2003-03-13 a co-defendant objects: simplified open", filing: on("2003-03-13", cause("盗窃罪"), sentence(24), circ(func(c *triagev1.Circumstances) { c.CoDefendantObjectsSimplified = true })),
			avail:  av(pSimp, avA),
			silent: []string{rules.CodeInterp1998CoDefendant},
		},
		{
			name: "2003-03-14 a co-defendant objects: 法发〔2003〕6号 art. 3 ¶2", filing: on("2003-03-14", cause("盗窃罪"), sentence(24), circ(func(c *triagev1.Circumstances) { c.CoDefendantObjectsSimplified = true })),
			avail: av(pSimp, avU),
			fires: []string{at(locSimp, rules.CodeInterp1998CoDefendant)},
		},
		{
			// A denial of the facts bars from 1998-09-08 (art. 222(1)).
			name: "2003-03-13 a co-defendant denies the facts: Interp. 1998 art. 222(1)", filing: on("2003-03-13", cause("盗窃罪"), sentence(24), circ(func(c *triagev1.Circumstances) { c.CoDefendantDeniesChargedFacts = true })),
			avail: av(pSimp, avU),
			fires: []string{at(locSimp, rules.CodeInterp1998CoDefendant)},
		},

		// --- Before 2013: the 1996 law's three-year cap.
		{
			name: "2012-12-31 37 months: CrPL 1996 art. 174(1) caps simplified at three years", filing: on("2012-12-31", sentence(37)),
			avail: av(pSimp, avU, pOrd, avA),
			fires: []string{at(locSimp, rules.CodeCrPL1996SentenceCap)},
		},
		{
			name: "2012-12-31 no recommendation: the cap is not established", filing: on("2012-12-31", sentence(0), cause("盗窃罪")),
			avail: av(pSimp, avU),
			fires: []string{at(locSimp, rules.CodeCrPL1996SentenceCap)},
		},
		{
			name: "2012-12-31 36 months: within the cap", filing: on("2012-12-31", sentence(36)),
			avail:  av(pSimp, avA),
			silent: []string{rules.CodeCrPL1996SentenceCap},
		},
		{
			name: "2013-01-01 37 months: the 2012 amendment lifted the cap (a panel)", filing: on("2013-01-01", sentence(37)),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL2012PanelRequired)},
			silent: []string{rules.CodeCrPL1996SentenceCap},
		},
		{
			// 拘役 is lighter than any 有期徒刑: within the cap.
			name: "2012-12-31 criminal detention: within the cap", filing: on("2012-12-31", sentenceKind(triagev1.SentenceKind_SENTENCE_KIND_CRIMINAL_DETENTION, 4)),
			avail:  av(pSimp, avA),
			silent: []string{rules.CodeCrPL1996SentenceCap},
		},

		// --- Before 2013: simplified procedure was one judge alone (CrPL
		// 1996 art. 174), so a case that must go to a newly formed panel
		// (remanded, art. 192; retried, art. 206) could not take it; from
		// 2013 it may, as a panel (2012 art. 210).
		{
			name: "2012-12-31 remanded, 24 months: CrPL 1996 arts. 174, 192, no simplified procedure", filing: on("2012-12-31", sentence(24), remanded),
			avail: av(pSimp, avU, pOrd, avA),
			fires: []string{at(locSimp, rules.CodeCrPL1996RemandedSimplified), at(locOrd, rules.CodeCrPL1996RemandedPanel)},
			// Round 10: the new panel cited the 2012 amendment's art. 228, and
			// fast-track the 2012 art. 228 and the pilot, before either existed.
			silent: []string{rules.CodeCrPL1996RetrialSimplified, rules.CodeCrPL2012RemandedPanel, rules.CodeCrPL2012RemandedFastTrack},
			extra:  ordinaryPanel,
		},
		{
			name: "2013-01-01 remanded, 24 months: simplified procedure as a new panel", filing: on("2013-01-01", sentence(24), remanded),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL2012RemandedPanel), at(locOrd, rules.CodeCrPL2012RemandedPanel)},
			silent: []string{rules.CodeCrPL1996RemandedSimplified, rules.CodeCrPL1996RemandedPanel},
		},
		{
			name: "2012-12-31 retried, 24 months: CrPL 1996 arts. 174, 206, no simplified procedure", filing: on("2012-12-31", sentence(24), retrial),
			avail:  av(pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL1996RetrialSimplified), at(locOrd, rules.CodeCrPL1996RetrialPanel)},
			silent: []string{rules.CodeCrPL1996RemandedSimplified, rules.CodeCrPL2012RetrialPanel, rules.CodeCrPL2012RetrialFastTrack},
			extra:  ordinaryPanel,
		},
		{
			name: "2013-01-01 retried, 24 months: simplified procedure as a new panel", filing: on("2013-01-01", sentence(24), retrial),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL2012RetrialPanel), at(locOrd, rules.CodeCrPL2012RetrialPanel)},
			silent: []string{rules.CodeCrPL1996RetrialSimplified, rules.CodeCrPL1996RetrialPanel},
		},
		{
			// Nothing else changes on the same day: the single judge bars
			// only what needs a new panel.
			name: "2012-12-31 24 months, neither remanded nor retried: simplified open", filing: on("2012-12-31", sentence(24)),
			avail:  av(pSimp, avA),
			silent: []string{rules.CodeCrPL1996RemandedSimplified, rules.CodeCrPL1996RetrialSimplified},
		},
	}
}

// TestCriminalTimeLimitsByEra: the trial periods of the law in force on the
// filing date. The 2012 amendment's arts. 202 and 214 read as the 2018
// text's 208 and 220; the 1996 law gave ordinary procedure one month
// (art. 168) and simplified procedure twenty days (art. 178).
func TestCriminalTimeLimitsByEra(t *testing.T) {
	e := defaultEngine(t)
	base := with(crimBase(t), court("浙江省衢州市柯城区人民法院"))
	for _, tc := range []struct {
		day                      string
		proc                     triagev1.Procedure
		months, days             int32
		unadjusted, article, ext string
	}{
		{"2012-11-05", pOrd, 1, 0, "2012-12-05", "刑事诉讼法（1996年）第一百六十八条", "一个半月"},
		{"2012-11-05", pSimp, 0, 20, "2012-11-25", "刑事诉讼法（1996年）第一百七十八条", "未规定延长"},
		// Before 1997 the 1979 law: no simplified procedure, and its own
		// ordinary period is not modelled — both say so.
		{"1996-12-31", pSimp, 0, 20, "1997-01-20", "刑事诉讼法（1996年）第一百七十八条", "1979年刑事诉讼法没有简易程序"},
		{"1996-12-31", pOrd, 1, 0, "1997-01-31", "刑事诉讼法（1996年）第一百六十八条", "1979年刑事诉讼法的审理期限本系统未核实"},
		{"1997-01-01", pOrd, 1, 0, "1997-02-01", "刑事诉讼法（1996年）第一百六十八条", "一个半月"},
		{"2013-01-01", pOrd, 2, 0, "2013-03-01", "刑事诉讼法（2012年修正）第二百零二条", "三个月"},
		{"2018-10-25", pSimp, 0, 20, "2018-11-14", "刑事诉讼法（2012年修正）第二百一十四条", "一个半月"},
		{"2018-10-25", pOrd, 2, 0, "2018-12-25", "刑事诉讼法（2012年修正）第二百零二条", "三个月"},
		{"2018-10-26", pSimp, 0, 20, "2018-11-15", "刑事诉讼法第二百二十条", "一个半月"},
		{"2018-10-26", pOrd, 2, 0, "2018-12-26", "刑事诉讼法第二百零八条", "三个月"},
		// Fast-track's art. 225 is the 2018 amendment's: cited as such, and
		// as not yet in force, on an earlier filing.
		{"2018-10-25", pFT, 0, 10, "2018-11-04", "刑事诉讼法（2018年修正）第二百二十五条", "立案日尚未施行"},
		{"2018-10-26", pFT, 0, 10, "2018-11-05", "刑事诉讼法第二百二十五条", "延长至十五日"},
	} {
		t.Run(tc.day+" "+procLoc(tc.proc), func(t *testing.T) {
			a, err := e.Evaluate(with(base, filedOn(tc.day)))
			if err != nil {
				t.Fatal(err)
			}
			tl := a.Option(tc.proc).GetTimeLimit()
			unadj := tl.GetUnadjustedDueOn()
			if unadj == "" {
				unadj = tl.GetDueOn()
			}
			if tl.GetMonths() != tc.months || tl.GetDays() != tc.days || tl.GetArticle() != tc.article || unadj != tc.unadjusted {
				t.Errorf("%v, want %d months %d days to %s under %s", tl, tc.months, tc.days, tc.unadjusted, tc.article)
			}
			if !strings.Contains(tl.GetExtension(), tc.ext) {
				t.Errorf("extension %q lacks %q", tl.GetExtension(), tc.ext)
			}
		})
	}
}
