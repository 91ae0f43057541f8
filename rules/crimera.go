package rules

import "time"

// crimCodes are the reason codes of the criminal provisions whose article
// numbers (or whose content) changed between the laws a filing can fall
// under. A code names its article, so a filing of 2017 — judged under the
// 2012 amendment — gets CRPL2012_208_NO_ADMISSION where a filing of 2024 gets
// CRPL214_NO_ADMISSION: the same condition, the article then in force.
type crimCodes struct {
	// Simplified procedure: conditions (CrPL 214 / 2012 art. 208 / 1996
	// arts. 147, 174), bars (215 / 209 / Interp. 1998 art. 222), the panel
	// over three years (216 / 210). A code is empty where the law of the
	// filing date has no such rule (e.g. major social impact and the panel
	// before 2013, the 1998 interpretation's bars before 1998-09-08, the
	// defendant's objection before 2003-03-14). criminal() reads an empty
	// objects as "the defendant's consent is no condition", for a
	// co-defendant's objection too.
	courtLevel, noAdmission, objects, eligible string
	impaired, majorImpact, coDefendant         string
	panelOverThreeYears                        string
	// A recommended life imprisonment or death: the intermediate court's
	// case (CrPL 21 / 2012 and 1996 art. 20), not a basic court's (214 /
	// 208 ¶1 / 1996 art. 147 ¶1).
	intermediate string
	// A charge of 危害国家安全 or terrorism: the intermediate court's case
	// whatever the sentence (CrPL 21(1) / 2012 art. 20(1); 1996 art. 20(1)
	// 危害国家安全 only); it bars
	// simplified procedure and fast-track at a basic court.
	securityOrTerror string
	// Remanded and retried cases: a newly formed panel (239 / 228 / 1996:
	// 192, 256 / 245 / 1996: 206), which bars single-judge fast-track where
	// it exists (empty before 2013, when it did not).
	remandedPanel, remandedFastTrack, retrialPanel, retrialFastTrack string
	// Before 2013 a newly formed panel also bars simplified procedure,
	// which the 1996 law gave to one judge alone (art. 174: "可以适用简易
	// 程序，由审判员一人独任审判"); the 2012 amendment's art. 210 let it sit
	// as a panel. Empty from 2013-01-01.
	remandedSimplified, retrialSimplified string
	// The defence pleads not guilty: Interp. 2021 art. 360(5), Interp. 2012
	// art. 290(5) before 2021-03-01, Interp. 1998 art. 222(4) before 2013.
	defenceNotGuilty string
	// minorConsulted: a minor defendant's simplified procedure also needs
	// the assent of the legal representative and the defender, whose
	// objection bars it (Interp. 2021 art. 566 from 2021-03-01; Interp.
	// 2012 art. 474, the same words, from 2013-01-01). Empty before 2013:
	// no earlier text to the same effect was found (the SPC's 2001 rules on
	// minors' cases, art. 35, refer to the law's own conditions), and no
	// filing field carries their objection, so the code is a condition of
	// the simplified option.
	minorConsulted string
	// representativeObjects: that objection, stated
	// (representative_objects_simplified), bars simplified procedure
	// (Interp. 2021 art. 566; Interp. 2012 art. 474 from 2013-01-01).
	// Empty before 2013, for the same reason as minorConsulted: the field
	// then bars nothing.
	representativeObjects string
	// simplifiedNotInForce bars simplified procedure on a filing before
	// 1997-01-01: the 1979 law had none. Empty from that day.
	simplifiedNotInForce string
	// sentenceCap: CrPL 1996 art. 174(1) limited simplified procedure to
	// public prosecutions punishable by at most three years' fixed-term
	// imprisonment (or lighter); the 2012 amendment lifted the cap.
	sentenceCap bool
	// The inferences whose article is the text of the filing date: a court
	// named above the basic level, a maritime court (both: the articles
	// that keep simplified procedure, and fast-track, to basic courts),
	// and a charge whose statutory maximum is at most three years (CrPL
	// 222 ¶1 / 2012 art. 210 ¶1 / 1996 art. 174(1)).
	courtAboveBasic, maritimeCourt, sentenceFromCharge string
	// The review signals of a case a basic court must pass up: a life or
	// death recommendation, a 危害国家安全 or terrorism charge (CrPL 21 /
	// 2012 and 1996 art. 20; the 2021 interpretation's arts. 15, 17, 219
	// from 2021-03-01).
	reviewIntermediate, reviewSecurityTerror string
	// reviewCourtLevel: a basic court's name with a higher level stated
	// (CrPL 214, 222 / 2012 art. 208 ¶1 / 1996 arts. 147 ¶1, 174). Until
	// outside check 21 a criminal filing of 2022 on was given the civil
	// code, which then named CPL 160 and 165 beside CrPL 214 and 222: a
	// criminal judge read the civil law cited; CRPL2018 now from 2018-10-26.
	reviewCourtLevel string
	// detained: a defendant in custody, whose periods end on their last
	// day whatever the holidays (CrPL 105 ¶4 / 2012 art. 103 ¶4, which the
	// 2012 amendment added to the law / from 1998-09-08 the 1998
	// interpretation's art. 103, the same rule / before it the 1996 law's
	// art. 79, which moved no period for a holiday at all).
	detained string
	// assessorsReview: a case of group or public interests, reviewed
	// because the panel with assessors was the court's choice: 人民陪审员法
	// 第十五条 beside the single judge of CrPL 183 ¶1 from 2018-10-26, of
	// CrPL 2012 art. 178 ¶1 from 2018-04-27, and no text before. Empty from
	// 2021-03-01, when Interp. 213 ¶1 (1) gives the case to a panel with
	// assessors outright (criminal() then bars fast-track instead).
	assessorsReview string
	// Fast-track's bars (CrPL 223, Interp. 370 from 2021-03-01): the
	// defendant impaired or a minor, major social impact, a co-defendant's
	// dispute, no settlement with the victim, the defence's plea of not
	// guilty (Interp. 370(7); CrPL 223(6) before 2021-03-01). Empty before
	// 2018-10-26, when crpl222FastTrack lists no bar of art. 223.
	ftImpaired, ftMinor, ftMajorImpact, ftCoDefendant, ftNoSettlement, ftDefenceNotGuilty string
	// ftPrivate: a private prosecution, which fast-track is not for (CrPL
	// 222 ¶2, 226; Interp. 369 from 2021-03-01).
	ftPrivate string
	// defendantDead: the defendant stated dead, whose trial ends (CrPL
	// 16(5), 297 ¶1 / 2012 art. 15(5) / 1996 art. 15(5)); empty before
	// 1997-01-01 (the 1979 law, not modelled: simplified procedure is
	// closed then anyway). Statute round 31.
	defendantDead string
}

// crimCodesOn returns the codes for a filing of that date:
//   - from 2018-10-26 the 2018 amendment (the 2021 interpretation's
//     article for the defence's plea from 2021-03-01, the 2012
//     interpretation's before);
//   - 2013-01-01 to 2018-10-25 the 2012 amendment and the 2012
//     interpretation;
//   - before 2013 the 1996 law and, from 1998-09-08, the 1998
//     interpretation (crimCodes1996); before 1997-01-01 no simplified
//     procedure at all.
func crimCodesOn(on time.Time) crimCodes {
	if on.Before(crpl2012InForce) {
		return crimCodes1996(on)
	}
	if !on.Before(crpl2018InForce) {
		c := crimCodes{
			courtLevel: CodeCrPL214CourtLevel, noAdmission: CodeCrPL214NoAdmission,
			objects: CodeCrPL214Objects, eligible: CodeCrPL214Eligible,
			impaired: CodeCrPL215Impaired, majorImpact: CodeCrPL215MajorImpact,
			coDefendant: CodeCrPL215CoDefendant, panelOverThreeYears: CodeCrPL216PanelRequired,
			intermediate: CodeCrPL21Intermediate, securityOrTerror: CodeCrPL21SecurityTerror,
			remandedPanel: CodeCrPL239NewPanel, remandedFastTrack: CodeCrPL239FastTrackBarred,
			retrialPanel: CodeCrPL256NewPanel, retrialFastTrack: CodeCrPL256FastTrackBarred,
			defenceNotGuilty: CodeInterp360DefenceNotGuil, minorConsulted: CodeInterp566MinorConsult,
			representativeObjects: CodeInterp566RepresentativeObjects,
			courtAboveBasic:       CodeInferCriminalCourtAboveBasic, maritimeCourt: CodeInferCriminalMaritimeCourt,
			sentenceFromCharge: CodeInferSentenceFromCharge,
			reviewIntermediate: CodeReviewIntermediate, reviewSecurityTerror: CodeReviewSecurityTerror,
			reviewCourtLevel: CodeReviewCourtLevelCrPL2018, detained: CodeCrPL105Detained,
			ftImpaired: CodeCrPL223Impaired, ftMinor: CodeCrPL223Minor, ftMajorImpact: CodeCrPL223MajorImpact,
			ftCoDefendant: CodeCrPL223CoDefendant, ftNoSettlement: CodeCrPL223NoSettlement,
			ftDefenceNotGuilty: CodeInterp370DefenceNotGuil, ftPrivate: CodeCrPL222PrivateProsecution,
			defendantDead: CodeCrPL16DefendantDead,
		}
		if on.Before(crInterp2021InForce) {
			c.assessorsReview = CodeReviewAssessors15Criminal
			c.impaired, c.majorImpact, c.coDefendant = CodeCrPL215ImpairedInterp2012, CodeCrPL215MajorImpactInterp2012, CodeCrPL215CoDefendantInterp2012
			c.remandedPanel, c.remandedFastTrack = CodeCrPL2018RemandedPanel, CodeCrPL2018RemandedFastTrack
			c.ftImpaired, c.ftMinor, c.ftMajorImpact = CodeCrPL2018ImpairedFT, CodeCrPL2018MinorFT, CodeCrPL2018MajorImpactFT
			c.ftCoDefendant, c.ftNoSettlement, c.ftDefenceNotGuilty = CodeCrPL2018CoDefendantFT, CodeCrPL2018NoSettlementFT, CodeCrPL2018DefenceNotGuiltyFT
			c.ftPrivate = CodeCrPL2018PrivateProsecution
			c.defenceNotGuilty, c.minorConsulted, c.representativeObjects = CodeInterp2012DefenceNotGuil, CodeInterp2012MinorConsult, CodeInterp2012RepresentativeObjects
			c.reviewIntermediate, c.reviewSecurityTerror = CodeReviewIntermediate2018, CodeReviewSecurityTerror2018
		}
		return c
	}
	c := crimCodes{
		courtLevel: CodeCrPL2012CourtLevel, noAdmission: CodeCrPL2012NoAdmission,
		objects: CodeCrPL2012Objects, eligible: CodeCrPL2012Eligible,
		impaired: CodeCrPL2012Impaired, majorImpact: CodeCrPL2012MajorImpact,
		coDefendant: CodeCrPL2012CoDefendant, panelOverThreeYears: CodeCrPL2012PanelRequired,
		intermediate: CodeCrPL2012Intermediate, securityOrTerror: CodeCrPL2012SecurityTerror,
		remandedPanel: CodeCrPL2012RemandedPanel, remandedFastTrack: CodeCrPL2012RemandedFastTrack,
		retrialPanel: CodeCrPL2012RetrialPanel, retrialFastTrack: CodeCrPL2012RetrialFastTrack,
		defenceNotGuilty: CodeInterp2012DefenceNotGuil, minorConsulted: CodeInterp2012MinorConsult,
		representativeObjects: CodeInterp2012RepresentativeObjects,
		courtAboveBasic:       CodeInferCriminalCourtAboveBasic2012, maritimeCourt: CodeInferCriminalMaritimeCourt2012,
		sentenceFromCharge: CodeInferSentenceFromCharge2012,
		reviewIntermediate: CodeReviewIntermediate2012, reviewSecurityTerror: CodeReviewSecurityTerror2012,
		reviewCourtLevel: CodeReviewCourtLevelCrPL2012, detained: CodeCrPL2012Detained,
		assessorsReview: CodeReviewAssessorsCriminalNoText, defendantDead: CodeCrPL2012DefendantDead,
	}
	if !on.Before(assessorsLawInForce) {
		c.assessorsReview = CodeReviewAssessors15CriminalCrPL2012
	}
	return c
}

// crimCodes1996 returns the codes for a filing before 2013, under the 1996
// law (docs/statutes.md cites the reprints read):
//   - art. 174(1): simplified procedure for public prosecutions
//     "依法可能判处三年以下有期徒刑、拘役、管制、单处罚金", facts clear, the
//     procuratorate proposing or consenting (not a field: the eligible
//     code names it as a condition the court checks); one judge alone, at a
//     basic court (art. 147 ¶1), so no panel over three years (the cap
//     bars those) and no simplified procedure for a case that must go to a
//     newly formed panel (arts. 192, 206);
//   - art. 20: 反革命案件、危害国家安全案件 and 可能判处无期徒刑、死刑的普通
//     刑事案件 are the intermediate court's (item 3, 外国人犯罪, is no bar:
//     `foreign` also marks 港澳台 parties, so criminal() asks for review);
//   - no fast-track to bar: no pilot ran before 2014-08 (CRPL222_NOT_IN_FORCE
//     says so alone);
//   - from 1998-09-08 the 1998 interpretation's art. 222 bars (the
//     defendant, or a co-defendant, denying the charged facts, a blind,
//     deaf or mute defendant, the defence pleading not guilty), which the
//     2003 三院 opinion (法发〔2003〕6号, arts. 1, 2) repeats;
//   - from 2003-03-14 that opinion's art. 3 ¶2: the court decides on
//     simplified procedure "在征得被告人、辩护人同意后", so an objection,
//     the defendant's or a co-defendant's, bars it. The 1998
//     interpretation had no such condition (arts. 217–221 ask the
//     procuratorate's proposal or consent, not the defendant's), so before
//     that day an objection bars nothing.
//
// Major social impact was no bar before the 2012 amendment's art. 209(2):
// only the court's "其他不宜" (art. 222(5)), so the code is empty.
func crimCodes1996(on time.Time) crimCodes {
	c := crimCodes{
		courtLevel: CodeCrPL1996CourtLevel, eligible: CodeCrPL1996Eligible,
		intermediate: CodeCrPL1996Intermediate, securityOrTerror: CodeCrPL1996NationalSecurity,
		remandedPanel: CodeCrPL1996RemandedPanel, retrialPanel: CodeCrPL1996RetrialPanel,
		remandedSimplified: CodeCrPL1996RemandedSimplified, retrialSimplified: CodeCrPL1996RetrialSimplified,
		sentenceCap:     true,
		courtAboveBasic: CodeInferCriminalCourtAboveBasic1996, maritimeCourt: CodeInferCriminalMaritimeCourt1996,
		sentenceFromCharge: CodeInferSentenceFromCharge1996,
		reviewIntermediate: CodeReviewIntermediate1996, reviewSecurityTerror: CodeReviewNationalSecurity1996,
		reviewCourtLevel: CodeReviewCourtLevelCrPL1996, detained: CodeCrPL1996Detained,
		assessorsReview: CodeReviewAssessorsCriminalNoText,
	}
	if on.Before(crpl1996InForce) {
		// The 1979 law had no simplified procedure. Its other articles
		// (numbering, time limits) are not modelled: the 1996 codes stay
		// (docs/statutes.md, Known gaps).
		c.simplifiedNotInForce = CodeCrPL1996NotInForce
	} else {
		c.defendantDead = CodeCrPL1996DefendantDead
	}
	if !on.Before(crInterp1998InForce) {
		c.detained = CodeInterp1998Detained
		c.noAdmission = CodeInterp1998NoAdmission
		c.impaired, c.coDefendant = CodeInterp1998Impaired, CodeInterp1998CoDefendant
		c.defenceNotGuilty = CodeInterp1998DefenceNotGuil
	}
	if !on.Before(crOpinion2003InForce) {
		c.objects = CodeOpinion2003Objects
	}
	return c
}
