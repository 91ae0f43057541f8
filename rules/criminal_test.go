package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// criminalBars are every reason that bars fast-track or simplified.
var criminalBars = []string{
	rules.CodeCrPL222CourtLevel, rules.CodeCrPL222NoGuiltyPlea, rules.CodeCrPL222NoConsent,
	rules.CodeCrPL222SentenceUnknown, rules.CodeCrPL222SentenceOver3Y, rules.CodeCrPL223Impaired,
	rules.CodeCrPL223Minor, rules.CodeCrPL223MajorImpact, rules.CodeCrPL223CoDefendant,
	rules.CodeCrPL223NoSettlement, rules.CodeInterp370DefenceNotGuil, rules.CodeCrPL214CourtLevel,
	rules.CodeCrPL214NoAdmission, rules.CodeCrPL214Objects, rules.CodeCrPL215Impaired,
	rules.CodeCrPL215MajorImpact, rules.CodeCrPL215CoDefendant, rules.CodeInterp360DefenceNotGuil,
	rules.CodeCrPL222NoAdmission, rules.CodeCrPL222NoAcceptance, rules.CodeCrPL239FastTrackBarred,
	rules.CodeCrPL256FastTrackBarred, rules.CodeInterp213FastTrackBarred, rules.CodeCrPL21SecurityTerror,
}

// criminalCases covers CrPL 214–216, 222–223 and Interp. 360, 370. The base
// filing (testdata/filings/criminal_dui.json) is a single adult defendant at
// a basic court who pleads guilty, accepts punishment and consents to
// fast-track, with a 4-month recommendation.
func criminalCases(tb testing.TB) []tcase {
	base := crimBase(tb)
	w := func(mods ...mod) *triagev1.Filing { return with(base, mods...) }
	return []tcase{
		{
			name:   "guilty plea, consent, 4 months: fast-track and simplified",
			filing: w(),
			avail:  av(pFT, avA, pSimp, avA, pOrd, avA),
			review: ptr(false),
			fires:  []string{at(locFT, rules.CodeCrPL222Eligible), at(locSimp, rules.CodeCrPL214Eligible)},
			silent: append(append([]string{rules.CodeCrPL216PanelRequired, rules.CodeInferNumerous, rules.CodeInferForeign}, criminalBars...), reviewCodes...),
			extra: func(t *testing.T, a *rules.Assessment) {
				if a.Limit != nil {
					t.Errorf("criminal assessment carries a small-claims limit: %v", a.Limit)
				}
			},
		},
		{
			// A 海事法院 is of intermediate level (its appeals go to the
			// high court, NPCSC decision of 1984 art. 3): a criminal filing
			// there stating a basic court gets neither procedure of
			// CrPL 214 and 222.
			name:   "宁波海事法院 stated as basic: no fast-track, no simplified",
			filing: w(court("宁波海事法院"), level(triagev1.CourtLevel_COURT_LEVEL_BASIC)),
			avail:  av(pFT, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locInfer, rules.CodeInferCriminalMaritimeCourt), at(locFT, rules.CodeCrPL222CourtLevel),
				at(locSimp, rules.CodeCrPL214CourtLevel)},
			silent: []string{rules.CodeInferCriminalCourtAboveBasic},
		},
		{
			// Near miss: a basic court of the same city keeps both open.
			name:   "宁波市鄞州区人民法院 stated as basic: fast-track and simplified",
			filing: w(court("宁波市鄞州区人民法院"), level(triagev1.CourtLevel_COURT_LEVEL_BASIC)),
			avail:  av(pFT, avA, pSimp, avA, pOrd, avA),
			silent: []string{rules.CodeInferCriminalMaritimeCourt, rules.CodeCrPL222CourtLevel, rules.CodeCrPL214CourtLevel},
		},
		{
			// Stated at its level, the court is judged as any intermediate
			// court, with nothing to infer.
			name:   "宁波海事法院 stated as intermediate",
			filing: w(court("宁波海事法院"), level(intermediateCourt)),
			avail:  av(pFT, avU, pSimp, avU, pOrd, avA),
			silent: []string{rules.CodeInferCriminalMaritimeCourt},
		},
		{
			name:   "intermediate court",
			filing: w(level(intermediateCourt)),
			avail:  av(pFT, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locFT, rules.CodeCrPL222CourtLevel), at(locSimp, rules.CodeCrPL214CourtLevel)},
			silent: []string{rules.CodeCrPL222Eligible, rules.CodeCrPL214Eligible},
		},
		{
			// docs/statutes.md: a condition the filing does not establish is not met.
			name:   "no guilty plea stated",
			filing: w(circ(func(c *triagev1.Circumstances) { c.GuiltyPlea = false })),
			avail:  av(pFT, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locFT, rules.CodeCrPL222NoGuiltyPlea), at(locSimp, rules.CodeCrPL214NoAdmission)},
			silent: []string{rules.CodeCrPL222NoConsent},
		},
		{
			name:   "no consent to fast-track: simplified still open",
			filing: w(circ(func(c *triagev1.Circumstances) { c.ConsentsFastTrack = false })),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodeCrPL222NoConsent)},
			silent: []string{rules.CodeCrPL222NoGuiltyPlea, rules.CodeCrPL214NoAdmission},
		},
		{
			// 盗窃罪 reaches 无期徒刑 (刑法第二百六十四条): only a
			// recommendation can establish 三年以下 (cf. ceilingCases).
			name:   "no sentence recommendation",
			filing: w(sentence(0), cause("盗窃罪")),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodeCrPL222SentenceUnknown)},
			silent: []string{rules.CodeCrPL222SentenceOver3Y},
		},
		{
			// CrPL 222: 三年有期徒刑以下 includes three years.
			name:   "36 months: fast-track open",
			filing: w(sentence(36)),
			avail:  av(pFT, avA, pSimp, avA),
			silent: []string{rules.CodeCrPL222SentenceOver3Y, rules.CodeCrPL222SentenceUnknown, rules.CodeCrPL216PanelRequired},
		},
		{
			name:   "37 months: no fast-track; simplified needs a panel (CrPL 216)",
			filing: w(sentence(37)),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodeCrPL222SentenceOver3Y), at(locSimp, rules.CodeCrPL216PanelRequired), at(locSimp, rules.CodeCrPL214Eligible)},
		},
		{
			name:   "impaired defendant bars both",
			filing: w(party(0, impaired)),
			avail:  av(pFT, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locFT, rules.CodeCrPL223Impaired), at(locSimp, rules.CodeCrPL215Impaired)},
		},
		{
			name:   "impaired person who is not a defendant bars nothing",
			filing: w(addParties(1, plaintiff, impaired)),
			avail:  av(pFT, avA, pSimp, avA),
			silent: []string{rules.CodeCrPL223Impaired, rules.CodeCrPL215Impaired},
		},
		{
			// CrPL 223(2) bars fast-track; CrPL 215 does not list minors.
			name:   "minor defendant bars fast-track, not simplified",
			filing: w(party(0, minor)),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodeCrPL223Minor)},
			silent: []string{at(locSimp, rules.CodeCrPL223Minor)},
		},
		{
			name:   "minor who is not a defendant bars nothing",
			filing: w(addParties(1, thirdParty, minor)),
			avail:  av(pFT, avA),
			silent: []string{rules.CodeCrPL223Minor},
		},
		{
			name:   "major social impact bars both and needs review",
			filing: w(circ(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true })),
			avail:  av(pFT, avU, pSimp, avU, pOrd, avA),
			review: ptr(true),
			fires: []string{at(locFT, rules.CodeCrPL223MajorImpact), at(locSimp, rules.CodeCrPL215MajorImpact),
				at(locReview, rules.CodeReviewMajorImpact)},
		},
		{
			name:   "co-defendant dispute bars both",
			filing: w(addParties(1, defendant), circ(func(c *triagev1.Circumstances) { c.CoDefendantDispute = true })),
			avail:  av(pFT, avU, pSimp, avU),
			fires:  []string{at(locFT, rules.CodeCrPL223CoDefendant), at(locSimp, rules.CodeCrPL215CoDefendant)},
		},
		{
			name:   "two defendants without dispute",
			filing: w(addParties(1, defendant)),
			avail:  av(pFT, avA, pSimp, avA),
			silent: []string{rules.CodeCrPL223CoDefendant, rules.CodeCrPL215CoDefendant},
		},
		{
			// CrPL 223(5) has no counterpart in CrPL 215 / Interp. 360.
			name:   "victim settlement missing bars fast-track only",
			filing: w(circ(func(c *triagev1.Circumstances) { c.VictimSettlementMissing = true })),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodeCrPL223NoSettlement)},
			silent: []string{at(locSimp, rules.CodeCrPL223NoSettlement)},
		},
		{
			name:   "defence pleads not guilty bars both",
			filing: w(circ(func(c *triagev1.Circumstances) { c.DefencePleadsNotGuilty = true })),
			avail:  av(pFT, avU, pSimp, avU),
			fires:  []string{at(locFT, rules.CodeInterp370DefenceNotGuil), at(locSimp, rules.CodeInterp360DefenceNotGuil)},
		},
		{
			// CrPL 222–223 do not turn on simplified procedure: the consent
			// to fast-track stands.
			name:   "defendant objects to simplified",
			filing: w(circ(func(c *triagev1.Circumstances) { c.ObjectsSimplified = true })),
			avail:  av(pFT, avA, pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL214Objects)},
			silent: []string{at(locFT, rules.CodeCrPL214Objects), rules.CodeInterp360DefenceNotGuil, rules.CodeInterp370DefenceNotGuil},
		},
		{
			name:   "sensitive cause 故意杀人罪 needs review",
			filing: w(cause("故意杀人罪")),
			review: ptr(true),
			fires:  []string{at(locReview, rules.CodeReviewSensitiveCause)},
		},
		{
			name:   "ordinary cause 盗窃罪 does not",
			filing: w(cause("盗窃罪")),
			review: ptr(false),
			silent: []string{rules.CodeReviewSensitiveCause},
		},
		{
			name:   "ten defendants: no civil group-dispute signal in a criminal case",
			filing: w(setParties(0, 10)),
			silent: []string{rules.CodeReviewGroupDispute, rules.CodeInferNumerous},
		},
		{
			name:   "group-prone 非法吸收公众存款罪 with five defendants",
			filing: w(cause("非法吸收公众存款罪"), setParties(0, 5)),
			review: ptr(true),
			fires:  []string{at(locReview, rules.CodeReviewGroupCause)},
		},
		{
			name:   "group-prone 非法吸收公众存款罪 with four defendants",
			filing: w(cause("非法吸收公众存款罪"), setParties(0, 4)),
			silent: []string{rules.CodeReviewGroupCause},
		},

		// CrPL 21(1): 危害国家安全、恐怖活动案件 are the intermediate court's at
		// first instance whatever the sentence, so a basic court's filing
		// is no "基层人民法院管辖的案件" of arts. 214 and 222.
		{
			name:   "资敌罪 at a basic court, 4 months: CrPL 21(1) bars fast-track and simplified",
			filing: w(cause("资敌罪")),
			avail:  av(pFT, avU, pSimp, avU, pOrd, avA),
			review: ptr(true),
			fires:  []string{at(locFT, rules.CodeCrPL21SecurityTerror), at(locSimp, rules.CodeCrPL21SecurityTerror), at(locReview, rules.CodeReviewSensitiveCause), at(locReview, rules.CodeReviewSecurityTerror)},
			silent: []string{rules.CodeCrPL222Eligible, rules.CodeCrPL214Eligible, rules.CodeCrPL2012SecurityTerror},
		},
		{
			name:   "帮助恐怖活动罪 (拘役) at a basic court: CrPL 21(1) terrorism",
			filing: w(cause("帮助恐怖活动罪"), sentenceKind(triagev1.SentenceKind_SENTENCE_KIND_CRIMINAL_DETENTION, 5)),
			avail:  av(pFT, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locFT, rules.CodeCrPL21SecurityTerror), at(locSimp, rules.CodeCrPL21SecurityTerror)},
		},
		{
			// The former name resolves to the same charge.
			name:   "资助恐怖活动罪 (old name) at a basic court",
			filing: w(cause("资助恐怖活动罪")),
			avail:  av(pFT, avU, pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL21SecurityTerror)},
		},
		{
			// 刑诉法解释第十五条: one charge of several for the higher court
			// takes the whole case there.
			name:   "盗窃罪、间谍罪: one charge for the intermediate court takes the whole case",
			filing: w(cause("盗窃罪、间谍罪")),
			avail:  av(pFT, avU, pSimp, avU, pOrd, avA),
			review: ptr(true),
			fires:  []string{at(locFT, rules.CodeCrPL21SecurityTerror), at(locSimp, rules.CodeCrPL21SecurityTerror), at(locReview, rules.CodeReviewSecurityTerror)},
		},
		{
			// The statute's own class, written as such.
			name:   "恐怖活动犯罪 written as the class: CrPL 21(1)'s own words",
			filing: w(cause("恐怖活动犯罪")),
			avail:  av(pFT, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locFT, rules.CodeCrPL21SecurityTerror), at(locSimp, rules.CodeCrPL21SecurityTerror)},
		},
		{
			// Near miss: 编造、故意传播虚假恐怖信息罪 (刑法第二百九十一条之一) is an
			// offence against public order, not a 恐怖活动案件.
			name:   "编造、故意传播虚假恐怖信息罪 at a basic court: both open",
			filing: w(cause("编造、故意传播虚假恐怖信息罪")),
			avail:  av(pFT, avA, pSimp, avA, pOrd, avA),
			silent: []string{rules.CodeCrPL21SecurityTerror, rules.CodeCrPL2012SecurityTerror, rules.CodeReviewSecurityTerror},
		},
		{
			// Near miss: 军人叛逃罪 (刑法第四百三十条) contains 叛逃罪 but is a
			// 军人违反职责罪, not a 危害国家安全罪.
			name:   "军人叛逃罪 is not 叛逃罪, nor with another charge",
			filing: w(cause("盗窃罪、军人叛逃罪")),
			silent: []string{rules.CodeCrPL21SecurityTerror, rules.CodeReviewSecurityTerror},
		},
		{
			// At an intermediate court the level bar says it already.
			name:   "资敌罪 at an intermediate court: the court-level bars only",
			filing: w(cause("资敌罪"), level(intermediateCourt)),
			avail:  av(pFT, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locFT, rules.CodeCrPL222CourtLevel), at(locSimp, rules.CodeCrPL214CourtLevel)},
			silent: []string{rules.CodeCrPL21SecurityTerror, rules.CodeReviewSecurityTerror},
		},
	}
}

func TestCriminal(t *testing.T) { runTable(t, criminalCases(t)) }
