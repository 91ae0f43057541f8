package rules

import "time"

// crimCodes are the reason codes of the criminal provisions whose article
// numbers (or whose content) changed between the laws a filing can fall
// under. A code names its article, so a filing of 2017 — judged under the
// 2012 amendment — gets CRPL2012_208_NO_ADMISSION where a filing of 2024 gets
// CRPL214_NO_ADMISSION: the same condition, the article then in force.
type crimCodes struct {
	// Simplified procedure: conditions (CrPL 214 / 2012 art. 208), bars
	// (215 / 209), the panel over three years (216 / 210).
	courtLevel, noAdmission, objects, eligible string
	impaired, majorImpact, coDefendant         string
	panelOverThreeYears                        string
	// A recommended life imprisonment or death: the intermediate court's
	// case (CrPL 21 / 2012 art. 20), not a basic court's (214 / 208 ¶1).
	intermediate string
	// A charge of 危害国家安全 or terrorism: the intermediate court's case
	// whatever the sentence (CrPL 21(1) / 2012 art. 20(1)); it bars
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
	// art. 290(5) before 2021-03-01.
	defenceNotGuilty string
	// sentenceCap: CrPL 1996 art. 174(1) limited simplified procedure to
	// public prosecutions punishable by at most three years' fixed-term
	// imprisonment (or lighter); the 2012 amendment lifted the cap.
	sentenceCap bool
}

// crimCodesOn returns the codes for a filing of that date:
//   - from 2018-10-26 the 2018 amendment (the 2021 interpretation's
//     article for the defence's plea from 2021-03-01, the 2012
//     interpretation's before);
//   - 2013-01-01 to 2018-10-25 the 2012 amendment and the 2012
//     interpretation;
//   - before 2013 the 1996 law's three-year cap on simplified procedure,
//     its single judge (no simplified procedure for a case that must go to
//     a newly formed panel) and its new panel (arts. 192, 206), with the
//     2012 codes for the rest
//     (docs/statutes.md lists this gap).
func crimCodesOn(on time.Time) crimCodes {
	if !on.Before(crpl2018InForce) {
		c := crimCodes{
			courtLevel: CodeCrPL214CourtLevel, noAdmission: CodeCrPL214NoAdmission,
			objects: CodeCrPL214Objects, eligible: CodeCrPL214Eligible,
			impaired: CodeCrPL215Impaired, majorImpact: CodeCrPL215MajorImpact,
			coDefendant: CodeCrPL215CoDefendant, panelOverThreeYears: CodeCrPL216PanelRequired,
			intermediate: CodeCrPL21Intermediate, securityOrTerror: CodeCrPL21SecurityTerror,
			remandedPanel: CodeCrPL239NewPanel, remandedFastTrack: CodeCrPL239FastTrackBarred,
			retrialPanel: CodeCrPL256NewPanel, retrialFastTrack: CodeCrPL256FastTrackBarred,
			defenceNotGuilty: CodeInterp360DefenceNotGuil,
		}
		if on.Before(crInterp2021InForce) {
			c.defenceNotGuilty = CodeInterp2012DefenceNotGuil
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
		defenceNotGuilty: CodeInterp2012DefenceNotGuil,
	}
	if on.Before(crpl2012InForce) {
		c.sentenceCap = true
		c.remandedSimplified, c.retrialSimplified = CodeCrPL1996RemandedSimplified, CodeCrPL1996RetrialSimplified
		// The new panel is the 1996 law's (arts. 192, 206), not the 2012
		// amendment's, and no fast-track existed to bar: no pilot ran before
		// 2014-08 (CRPL222_NOT_IN_FORCE says so alone).
		c.remandedPanel, c.retrialPanel = CodeCrPL1996RemandedPanel, CodeCrPL1996RetrialPanel
		c.remandedFastTrack, c.retrialFastTrack = "", ""
	}
	return c
}
