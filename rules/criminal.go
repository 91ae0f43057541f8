package rules

import (
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// fastTrackInForce is when the 2018 amendment that created 速裁程序 took effect.
var fastTrackInForce = time.Date(2018, 10, 26, 0, 0, 0, 0, time.UTC)

// Sentence thresholds of CrPL 222 (fast-track: 三年有期徒刑以下), 225 (一年)
// and 216/220 (三年), in months.
const (
	fastTrackMaxSentence   = 36
	fastTrackLongSentence  = 12
	simplifiedLongSentence = 36
)

// criminal decides fast-track (CrPL 222–223, Interp. 370), simplified (CrPL
// 214–215, Interp. 360) and ordinary procedure for a public prosecution at
// first instance. A condition the filing does not establish is not met
// (docs/statutes.md): without guilty_plea neither fast-track nor simplified.
func criminal(f *triagev1.Filing, a *Assessment) {
	c := f.GetCircumstances()
	basic := f.GetCourtLevel() == triagev1.CourtLevel_COURT_LEVEL_BASIC
	impaired := anyDefendant(f, (*triagev1.Party).GetImpaired)
	minor := anyDefendant(f, (*triagev1.Party).GetMinor)
	months := c.GetRecommendedSentenceMonths()

	var ft []*triagev1.Reason
	if a.FiledOn.Before(fastTrackInForce) {
		ft = append(ft, reason(CodeCrPL222NotInForce))
	}
	if !basic {
		ft = append(ft, reason(CodeCrPL222CourtLevel))
	}
	if !c.GetGuiltyPlea() {
		ft = append(ft, reason(CodeCrPL222NoGuiltyPlea))
	}
	if !c.GetConsentsFastTrack() {
		ft = append(ft, reason(CodeCrPL222NoConsent))
	}
	switch {
	case months == 0:
		ft = append(ft, reason(CodeCrPL222SentenceUnknown))
	case months > fastTrackMaxSentence:
		ft = append(ft, reason(CodeCrPL222SentenceOver3Y))
	}
	if impaired {
		ft = append(ft, reason(CodeCrPL223Impaired))
	}
	if minor {
		ft = append(ft, reason(CodeCrPL223Minor))
	}
	if c.GetMajorSocialImpact() {
		ft = append(ft, reason(CodeCrPL223MajorImpact))
	}
	if c.GetCoDefendantDispute() {
		ft = append(ft, reason(CodeCrPL223CoDefendant))
	}
	if c.GetVictimSettlementMissing() {
		ft = append(ft, reason(CodeCrPL223NoSettlement))
	}
	if c.GetDefencePleadsNotGuilty() {
		ft = append(ft, reason(CodeInterp370DefenceNotGuil))
	}

	var simp []*triagev1.Reason
	if !basic {
		simp = append(simp, reason(CodeCrPL214CourtLevel))
	}
	if !c.GetGuiltyPlea() {
		simp = append(simp, reason(CodeCrPL214NoAdmission))
	}
	if c.GetObjectsSimplified() {
		simp = append(simp, reason(CodeCrPL214Objects))
	}
	if impaired {
		simp = append(simp, reason(CodeCrPL215Impaired))
	}
	if c.GetMajorSocialImpact() {
		simp = append(simp, reason(CodeCrPL215MajorImpact))
	}
	if c.GetCoDefendantDispute() {
		simp = append(simp, reason(CodeCrPL215CoDefendant))
	}
	if c.GetDefencePleadsNotGuilty() {
		simp = append(simp, reason(CodeInterp360DefenceNotGuil))
	}
	simpConds := []*triagev1.Reason{reason(CodeCrPL214Eligible)}
	if months > simplifiedLongSentence {
		simpConds = append(simpConds, reason(CodeCrPL216PanelRequired))
	}

	a.Options = append(a.Options,
		option(triagev1.Procedure_PROCEDURE_FAST_TRACK, ft, []*triagev1.Reason{reason(CodeCrPL222Eligible)}),
		option(triagev1.Procedure_PROCEDURE_SIMPLIFIED, simp, simpConds),
		option(triagev1.Procedure_PROCEDURE_ORDINARY, nil, nil))
}
