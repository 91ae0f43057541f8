package rules_test

// Cases from a second reading of the statutes: the panel rules (刑事诉讼法第
// 二百三十九条、第二百五十六条, 刑诉法解释第二百一十三条、第三百七十七条, 民事诉讼法第
// 四十一条), the split of 认罪 and 认罚 and of the co-defendants' objections, the
// kind of the sentencing recommendation, and maritime courts. Each rule has a
// near miss: a filing one fact away that it does not bar.

import (
	"strings"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

func TestSecondReading(t *testing.T) { runTable(t, secondReadingCases(t)) }

// panelCodes are the criminal codes that say a panel must sit.
var panelCodes = []string{
	rules.CodeCrPL239FastTrackBarred, rules.CodeCrPL239NewPanel, rules.CodeCrPL256FastTrackBarred,
	rules.CodeCrPL256NewPanel, rules.CodeInterp213FastTrackBarred, rules.CodeInterp213AssessorPanel,
}

func secondReadingCases(tb testing.TB) []tcase {
	crim := crimBase(tb)
	cw := func(mods ...mod) *triagev1.Filing { return with(crim, mods...) }
	civ := civilBase(tb)
	vw := func(mods ...mod) *triagev1.Filing { return with(civ, mods...) }
	set := func(m func(c *triagev1.Circumstances)) mod { return circ(m) }
	remanded := set(func(c *triagev1.Circumstances) { c.Remanded = true })
	retrial := set(func(c *triagev1.Circumstances) { c.Retrial = true })
	maritime := func(mods ...mod) *triagev1.Filing {
		return with(civ, append([]mod{court("宁波海事法院"), level(intermediateCourt), province("浙江省"), cause("海上货物运输合同纠纷")}, mods...)...)
	}
	// extension checks the fast-track and simplified extension texts (CrPL
	// 225: 有期徒刑超过一年; 220: 超过三年).
	extension := func(overOne, overThree bool) func(t *testing.T, a *rules.Assessment) {
		return func(t *testing.T, a *rules.Assessment) {
			if got := strings.Contains(a.Option(pFT).GetTimeLimit().GetExtension(), "本案量刑建议超过一年"); got != overOne {
				t.Errorf("fast-track extension %q, want over one year = %v", a.Option(pFT).GetTimeLimit().GetExtension(), overOne)
			}
			if got := strings.Contains(a.Option(pSimp).GetTimeLimit().GetExtension(), "本案量刑建议超过三年"); got != overThree {
				t.Errorf("simplified extension %q, want over three years = %v", a.Option(pSimp).GetTimeLimit().GetExtension(), overThree)
			}
		}
	}
	return []tcase{
		// --- 1. 发回重审, criminal: 刑事诉讼法第二百三十九条 另行组成合议庭;
		// 刑诉法解释第三百七十七条; fast-track is one judge (第二百二十二条),
		// simplified may sit as a panel (第二百一十六条).
		{
			name:   "criminal remanded: no fast-track, simplified and ordinary as a new panel",
			filing: cw(remanded),
			avail:  av(pFT, avU, pSimp, avA, pOrd, avA),
			fires: []string{at(locFT, rules.CodeCrPL239FastTrackBarred), at(locSimp, rules.CodeCrPL239NewPanel),
				at(locSimp, rules.CodeCrPL214Eligible), at(locOrd, rules.CodeCrPL239NewPanel)},
			silent: []string{rules.CodeCrPL256FastTrackBarred, rules.CodeInterp213FastTrackBarred, rules.CodeCrPL216PanelRequired},
		},
		{
			name:   "criminal remanded, 40 months: both panel conditions on simplified",
			filing: cw(remanded, sentence(40)),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCrPL239NewPanel), at(locSimp, rules.CodeCrPL216PanelRequired), at(locFT, rules.CodeCrPL222SentenceOver3Y)},
		},
		{
			// Near miss for all the panel codes: the same filing at first hearing.
			name:   "criminal first hearing: fast-track open, no panel required",
			filing: cw(),
			avail:  av(pFT, avA, pSimp, avA, pOrd, avA),
			silent: panelCodes,
			extra: func(t *testing.T, a *rules.Assessment) {
				if rs := a.Option(pOrd).GetReasons(); len(rs) != 0 {
					t.Errorf("ordinary carries %v", rs)
				}
			},
		},
		// --- 2. 审判监督程序, criminal: 刑事诉讼法第二百五十六条.
		{
			name:   "criminal retrial: no fast-track, simplified and ordinary as a new panel",
			filing: cw(retrial),
			avail:  av(pFT, avU, pSimp, avA, pOrd, avA),
			fires: []string{at(locFT, rules.CodeCrPL256FastTrackBarred), at(locSimp, rules.CodeCrPL256NewPanel),
				at(locOrd, rules.CodeCrPL256NewPanel)},
			silent: []string{rules.CodeCrPL239FastTrackBarred, rules.CodeCrPL239NewPanel},
		},
		// --- 3. 刑诉法解释第二百一十三条第一款第一项: 涉及群体利益、公共利益 →
		// 审判员和人民陪审员组成合议庭.
		{
			name:   "criminal public interest: no fast-track, panel with assessors, review",
			filing: cw(set(func(c *triagev1.Circumstances) { c.PublicInterest = true })),
			avail:  av(pFT, avU, pSimp, avA, pOrd, avA),
			review: ptr(true),
			fires: []string{at(locFT, rules.CodeInterp213FastTrackBarred), at(locSimp, rules.CodeInterp213AssessorPanel),
				at(locOrd, rules.CodeInterp213AssessorPanel), at(locReview, rules.CodeReviewPublicInterest2021)},
			// CPL 42 is a civil article: a criminal case's review cites
			// 法发〔2021〕30号 alone (audit of citations by era).
			silent: []string{rules.CodeReviewPublicInterest},
		},
		{
			// The bar does not rest on the review flag: group interest has none.
			name:   "criminal group interest: the same bar without a review signal",
			filing: cw(set(func(c *triagev1.Circumstances) { c.GroupInterest = true })),
			avail:  av(pFT, avU, pSimp, avA, pOrd, avA),
			review: ptr(false),
			fires:  []string{at(locFT, rules.CodeInterp213FastTrackBarred), at(locSimp, rules.CodeInterp213AssessorPanel)},
			silent: []string{rules.CodeReviewPublicInterest, rules.CodeCrPL239NewPanel},
		},
		// --- 4. 民事诉讼法第四十一条第三款、第四款: remanded cases and retrials
		// go to a newly formed panel.
		{
			name:   "civil remanded: ordinary needs a new panel, no single judge",
			filing: vw(remanded),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locOrd, rules.CodeCPL41PanelRequired), at(locSC, rules.CodeCPL41SingleJudgeBarred),
				at(locSimp, rules.CodeCPL41SingleJudgeBarred), at(locSimp, rules.CodeInterp257Remanded)},
			silent: []string{rules.CodeCPL42PanelRequired},
		},
		{
			name:   "civil retrial: ordinary needs a new panel, no single judge",
			filing: vw(retrial),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires: []string{at(locOrd, rules.CodeCPL41PanelRequired), at(locSC, rules.CodeCPL41SingleJudgeBarred),
				at(locSimp, rules.CodeCPL41SingleJudgeBarred), at(locSimp, rules.CodeInterp257Retrial)},
		},
		{
			name:   "civil first hearing: no panel required",
			filing: vw(),
			avail:  av(pSC, avA, pSimp, avA, pOrd, avA),
			silent: []string{rules.CodeCPL41PanelRequired, rules.CodeCPL41SingleJudgeBarred},
		},
		// --- 6. 认罪 and 认罚: 第二百一十四条第一款第二项 needs the admission,
		// 第二百二十二条 the admission and the acceptance.
		{
			name:   "admits and accepts (split fields): both open",
			filing: cw(plea(true, true)),
			avail:  av(pFT, avA, pSimp, avA),
			silent: []string{rules.CodeCrPL222NoGuiltyPlea, rules.CodeCrPL222NoAdmission, rules.CodeCrPL222NoAcceptance, rules.CodeCrPL214NoAdmission},
			extra: func(t *testing.T, a *rules.Assessment) {
				if p := a.Facts.Plea; !p.Admits || !p.Accepts {
					t.Errorf("Facts.Plea = %+v", p)
				}
			},
		},
		{
			name:   "admits, does not accept: simplified open, fast-track barred",
			filing: cw(plea(true, false)),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodeCrPL222NoAcceptance)},
			silent: []string{rules.CodeCrPL214NoAdmission, rules.CodeCrPL222NoGuiltyPlea, rules.CodeCrPL222NoAdmission},
		},
		{
			name:   "accepts, does not admit: both barred",
			filing: cw(plea(false, true)),
			avail:  av(pFT, avU, pSimp, avU),
			fires:  []string{at(locFT, rules.CodeCrPL222NoAdmission), at(locSimp, rules.CodeCrPL214NoAdmission)},
			silent: []string{rules.CodeCrPL222NoGuiltyPlea, rules.CodeCrPL222NoAcceptance},
		},
		{
			name:   "neither admits nor accepts: CRPL222_NO_GUILTY_PLEA as before",
			filing: cw(plea(false, false)),
			avail:  av(pFT, avU, pSimp, avU),
			fires:  []string{at(locFT, rules.CodeCrPL222NoGuiltyPlea), at(locSimp, rules.CodeCrPL214NoAdmission)},
			silent: []string{rules.CodeCrPL222NoAdmission, rules.CodeCrPL222NoAcceptance},
		},
		{
			// The fixture sets only the deprecated guilty_plea: read as both.
			name:   "old record with guilty_plea: both halves",
			filing: cw(),
			avail:  av(pFT, avA, pSimp, avA),
			silent: []string{rules.CodeCrPL222NoAdmission, rules.CodeCrPL222NoAcceptance, rules.CodeCrPL214NoAdmission},
		},
		// --- 7. Co-defendants: 第二百二十三条第四项 (fast-track) and
		// 第二百一十五条第三项 (simplified) list different objections.
		{
			name:   "co-defendant denies the charged facts: both barred",
			filing: cw(addParties(1, defendant), set(func(c *triagev1.Circumstances) { c.CoDefendantDeniesChargedFacts = true })),
			avail:  av(pFT, avU, pSimp, avU),
			fires:  []string{at(locFT, rules.CodeCrPL223CoDefendant), at(locSimp, rules.CodeCrPL215CoDefendant)},
		},
		{
			name:   "co-defendant disputes charge or sentence: fast-track only",
			filing: cw(addParties(1, defendant), set(func(c *triagev1.Circumstances) { c.CoDefendantDisputesChargeOrSentence = true })),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodeCrPL223CoDefendant)},
			silent: []string{rules.CodeCrPL215CoDefendant},
		},
		{
			name:   "co-defendant objects to fast-track: fast-track only",
			filing: cw(addParties(1, defendant), set(func(c *triagev1.Circumstances) { c.CoDefendantObjectsFastTrack = true })),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodeCrPL223CoDefendant)},
			silent: []string{rules.CodeCrPL215CoDefendant},
		},
		{
			name:   "co-defendant objects to simplified: simplified only",
			filing: cw(addParties(1, defendant), set(func(c *triagev1.Circumstances) { c.CoDefendantObjectsSimplified = true })),
			avail:  av(pFT, avA, pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCrPL215CoDefendant)},
			silent: []string{rules.CodeCrPL223CoDefendant},
		},
		// --- 8. The kind of the recommendation: 三年有期徒刑以下 (第二百二十二条)
		// includes every lighter punishment.
		{
			name:   "拘役 with no term stated: within three years",
			filing: cw(sentenceKind(detention, 0)),
			avail:  av(pFT, avA, pSimp, avA),
			silent: []string{rules.CodeCrPL222SentenceUnknown, rules.CodeCrPL222SentenceOver3Y},
			extra:  extension(false, false),
		},
		{
			name:   "单处罚金: within three years",
			filing: cw(sentenceKind(fineOnly, 0)),
			avail:  av(pFT, avA),
			silent: []string{rules.CodeCrPL222SentenceUnknown},
			extra:  extension(false, false),
		},
		{
			name:   "免予刑事处罚: within three years",
			filing: cw(sentenceKind(exemption, 0)),
			avail:  av(pFT, avA),
			silent: []string{rules.CodeCrPL222SentenceUnknown},
		},
		{
			name:   "管制 of 36 months (several crimes): within three years",
			filing: cw(sentenceKind(surveillance, 36)),
			avail:  av(pFT, avA),
			silent: []string{rules.CodeCrPL222SentenceOver3Y, rules.CodeCrPL216PanelRequired},
			extra:  extension(false, false),
		},
		{
			// 缓刑 suspends a sentence of 有期徒刑: two years suspended is still
			// 有期徒刑超过一年 for the extension of 第二百二十五条.
			name:   "有期徒刑 of 24 months suspended: fast-track, 15-day extension",
			filing: cw(sentenceKind(suspended, 24)),
			avail:  av(pFT, avA, pSimp, avA),
			silent: []string{rules.CodeCrPL222SentenceOver3Y, rules.CodeCrPL216PanelRequired},
			extra:  extension(true, false),
		},
		{
			// CrPL 21(2): a case punishable by life or death is the
			// intermediate court's, so it is no 基层人民法院管辖的案件 (art.
			// 214) even when filed at one, and the basic court must pass
			// it up (Interp. 17): simplified is barred, and reviewed.
			name:   "无期徒刑 at a basic court: the intermediate court's case, no simplified",
			filing: cw(sentenceKind(life, 0)),
			avail:  av(pFT, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locFT, rules.CodeCrPL222SentenceOver3Y), at(locSimp, rules.CodeCrPL21Intermediate), at(locReview, rules.CodeReviewIntermediate)},
			silent: []string{rules.CodeCrPL222SentenceUnknown, rules.CodeCrPL216PanelRequired},
			extra:  extension(true, true),
		},
		{
			name:   "死刑 at a basic court: the intermediate court's case",
			filing: cw(sentenceKind(death, 0)),
			avail:  av(pFT, avU, pSimp, avU),
			fires:  []string{at(locFT, rules.CodeCrPL222SentenceOver3Y), at(locSimp, rules.CodeCrPL21Intermediate), at(locReview, rules.CodeReviewIntermediate)},
		},
		{
			// Near miss: 15 years of 有期徒刑 is within a basic court's
			// jurisdiction; simplified stays open with a panel (art. 216).
			name:   "有期徒刑 180 months at a basic court: simplified with a panel",
			filing: cw(sentenceKind(fixedTerm, 180)),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodeCrPL222SentenceOver3Y), at(locSimp, rules.CodeCrPL216PanelRequired)},
			silent: []string{rules.CodeCrPL21Intermediate, rules.CodeReviewIntermediate},
		},
		{
			name:   "fixed term of 0 months: no recommendation",
			filing: cw(sentenceKind(fixedTerm, 0), cause("盗窃罪")),
			avail:  av(pFT, avU, pSimp, avA),
			fires:  []string{at(locFT, rules.CodeCrPL222SentenceUnknown)},
			extra:  extension(false, false),
		},
		{
			name:   "fixed term of 13 months: 15-day extension, no panel",
			filing: cw(sentenceKind(fixedTerm, 13)),
			avail:  av(pFT, avA),
			silent: []string{rules.CodeCrPL216PanelRequired},
			extra:  extension(true, false),
		},
		// --- 9. Maritime courts: 民诉法解释第二百七十三条 "可以" (an option, never
		// mandatory); 海事诉讼特别程序法第九十八条 opens simplified procedure.
		{
			name:      "maritime court, ¥30,000: small claims optional, simplified open",
			filing:    maritime(yuan(30000)),
			avail:     av(pSC, avA, pSimp, avA, pOrd, avA),
			mandatory: ptr(false),
			fires:     []string{at(locSC, rules.CodeInterp273NotMandatory), at(locSimp, rules.CodeMSPL98Simplified)},
			silent:    []string{at(locSC, rules.CodeCPL165Mandatory), at(locSimp, rules.CodeCPL160CourtLevel)},
			extra: func(t *testing.T, a *rules.Assessment) {
				if !a.Facts.Maritime {
					t.Error("Facts.Maritime not set")
				}
			},
		},
		{
			// Near miss: a basic court with the same claim must use small claims.
			name:      "basic court, ¥30,000: small claims mandatory",
			filing:    vw(yuan(30000)),
			avail:     av(pSC, avA, pSimp, avA),
			mandatory: ptr(true),
			fires:     []string{at(locSC, rules.CodeCPL165Mandatory)},
			silent:    []string{rules.CodeInterp273NotMandatory, rules.CodeMSPL98Simplified},
		},
		{
			// Near miss: an intermediate court that is no maritime court.
			name:   "intermediate court that is no maritime court: simplified barred",
			filing: maritime(court("杭州市中级人民法院"), cause("民间借贷纠纷"), yuan(30000)),
			avail:  av(pSC, avU, pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCPL160CourtLevel)},
			silent: []string{rules.CodeMSPL98Simplified, rules.CodeInterp273NotMandatory},
		},
		{
			// The law's other bars still apply at a maritime court.
			name:   "maritime court, remanded: no single judge",
			filing: maritime(yuan(30000), remanded),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeInterp257Remanded), at(locOrd, rules.CodeCPL41PanelRequired)},
		},
	}
}
