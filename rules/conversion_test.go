package rules_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Shorthands for the change kinds.
const (
	chConf   = triagev1.ChangeKind_CHANGE_KIND_CONFIRMED
	chOver   = triagev1.ChangeKind_CHANGE_KIND_OVERRIDDEN
	chS2O    = triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY
	chSC2S   = triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_SIMPLIFIED
	chSC2O   = triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY
	chPanel  = triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL
	chO2S    = triagev1.ChangeKind_CHANGE_KIND_ORDINARY_TO_SIMPLIFIED
	chFT2S   = triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_SIMPLIFIED
	chFT2O   = triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_ORDINARY
	decision = "d-0001"
)

// decisionOf evaluates a filing with the default rules and returns the
// decision the server would have stored, recommending rec.
func decisionOf(tb testing.TB, f *triagev1.Filing, rec triagev1.Procedure) *triagev1.Decision {
	tb.Helper()
	a, err := defaultEngine(tb).Evaluate(f)
	if err != nil {
		tb.Fatalf("evaluate: %v", err)
	}
	if o := a.Option(rec); o == nil || !o.GetAvailable() {
		tb.Fatalf("fixture: %v is not available for the filing, cannot be recommended", rec)
	}
	return &triagev1.Decision{
		DecisionId:  decision,
		CaseKind:    f.GetCaseKind(),
		Recommended: rec,
		Options:     a.Options,
		FiledOn:     a.FiledOn.Format(time.DateOnly),
		FilingId:    f.GetId(),
	}
}

type omod func(*triagev1.Outcome)

// outcome builds a well-formed outcome of decision; mods change it.
func outcome(ch triagev1.ChangeKind, p triagev1.Procedure, mods ...omod) *triagev1.Outcome {
	o := &triagev1.Outcome{
		DecisionId: decision,
		Procedure:  p,
		Change:     ch,
		DecidedBy:  "J-0421",
		LegalBasis: "民事诉讼法第一百七十条",
		Reason:     "案情复杂",
		DecidedOn:  "2024-04-01",
	}
	for _, m := range mods {
		m(o)
	}
	return o
}

func on(d string) omod           { return func(o *triagev1.Outcome) { o.DecidedOn = d } }
func agreed(o *triagev1.Outcome) { o.PartiesAgree = true }
func heard(o *triagev1.Outcome)  { o.OrdinaryHearingHeld = true }
func by(s string) omod           { return func(o *triagev1.Outcome) { o.DecidedBy = s } }

func outs(os ...*triagev1.Outcome) []*triagev1.Outcome { return os }

// ocase is one outcome check. Exactly one of rule, field, plain names the
// expected failure; none means the outcome is lawful. near names the rules
// the case stays just clear of.
type ocase struct {
	name  string
	dec   *triagev1.Decision
	prior []*triagev1.Outcome
	out   *triagev1.Outcome
	rule  string
	field string
	plain bool
	near  []string
	// article, when set, is the article the *ConversionError must cite.
	article string
}

func outcomeCases(tb testing.TB) []ocase {
	civ := civilBase(tb) // 民间借贷 ¥30,000, 浙江, basic court, filed 2024-03-05
	civSC := decisionOf(tb, civ, pSC)
	civSimp := decisionOf(tb, civ, pSimp)
	civOrd := decisionOf(tb, civ, pOrd)
	remanded := circ(func(c *triagev1.Circumstances) { c.Remanded = true })
	civRemandedOrd := decisionOf(tb, with(civ, remanded), pOrd)
	civDefendantGone := decisionOf(tb, with(civ, party(1, whereaboutsUnknown)), pOrd)
	civPlaintiffGone := decisionOf(tb, with(civ, party(0, whereaboutsUnknown)), pOrd)
	// Filed before 若干规定 (2003-12-01): the bars are the 1992 意见's
	// (OPINION1992_*, statute round 36); a 普转简 ruled once 若干规定 was
	// in force is refused as in an Interp. 257 case, as it was when these
	// filings gave PROV1_* codes.
	civRemanded2003 := decisionOf(tb, with(civ, filedOn("2003-11-30"), remanded), pOrd)
	civDefendantGone2003 := decisionOf(tb, with(civ, filedOn("2003-11-30"), party(1, whereaboutsUnknown)), pOrd)
	// Before 2015-02-04 the bars were 若干规定 art. 1's (PROV1_*).
	civNumerous2015 := decisionOf(tb, with(civ, filedOn("2015-02-03"), setParties(10, 1)), pOrd)
	civNine2015 := decisionOf(tb, with(civ, filedOn("2015-02-03"), setParties(9, 1)), pOrd)
	civIntermediate := decisionOf(tb, with(civ, level(intermediateCourt)), pOrd)
	// A 2019 intermediate court: its simplified option carries CPL 2017 art.
	// 157's code (CPL2017_157_COURT_LEVEL), which basicCourt must read too.
	civIntermediate2019 := decisionOf(tb, with(civ, filedOn("2019-05-06"), level(intermediateCourt)), pOrd)
	// The same filing naming 中级人民法院 while stating a basic court.
	civNamedIntermediate := decisionOf(tb, with(civ, court("南京市中级人民法院"), level(triagev1.CourtLevel_COURT_LEVEL_BASIC)), pOrd)
	civImpact := decisionOf(tb, with(civ, circ(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true })), pOrd)
	civAppraisal := decisionOf(tb, with(civ, circ(func(c *triagev1.Circumstances) { c.AppraisalNeeded = true })), pOrd)
	civNotice := decisionOf(tb, with(civ, circ(func(c *triagev1.Circumstances) { c.PublicNoticeService = true })), pOrd)

	// The conversion audit of 2026-12-03: rulings under CPL 2012/2017.
	civ2019 := with(civ, filedOn("2019-05-06"))
	civ2019Ord := decisionOf(tb, civ2019, pOrd)
	civ2012Ord := decisionOf(tb, with(civ, filedOn("2012-12-20")), pOrd)
	civ2003Ord := decisionOf(tb, with(civ, filedOn("2003-06-02")), pOrd)
	civ2021Ord := decisionOf(tb, with(civ, filedOn("2021-12-20")), pOrd)

	adm := adminBase(tb) // 行政处罚 ¥5,000: simplified only by agreement
	admOrd := decisionOf(tb, adm, pOrd)
	admSimp := decisionOf(tb, with(adm, circ(func(c *triagev1.Circumstances) { c.ActOnTheSpot = true })), pSimp)
	admRemanded := decisionOf(tb, with(adm, remanded), pOrd)

	crim := crimBase(tb) // 危险驾驶, plea and consent, 4 months
	crimFT := decisionOf(tb, crim, pFT)
	crimSimp := decisionOf(tb, crim, pSimp)
	crimOrd := decisionOf(tb, crim, pOrd)
	crimMinor := decisionOf(tb, with(crim, party(0, minor)), pOrd)
	crimNoPlea := decisionOf(tb, with(crim, circ(func(c *triagev1.Circumstances) { c.GuiltyPlea = false })), pOrd)
	crimRemanded := decisionOf(tb, with(crim, remanded), pSimp)
	crimGroup := decisionOf(tb, with(crim, circ(func(c *triagev1.Circumstances) { c.GroupInterest = true })), pOrd)
	crimNoAcceptance := decisionOf(tb, with(crim, plea(true, false)), pSimp)
	// Filed under the 1996 law: simplified procedure by one judge (art. 174).
	crim2012Simp := decisionOf(tb, with(crim, filedOn("2012-06-15")), pSimp)

	// The round-9 categories (docs/statutes.md, Conversions: audit of
	// 2026-12-03, round 9): suits whose procedure the law fixes, a criminal
	// case at a maritime court, the 1996 bars, a charge's statutory ceiling,
	// an administrative public-interest suit.
	objection := with(civ, cause("案外人执行异议之诉"), yuan(10000))
	objectionOrd := decisionOf(tb, objection, pOrd)
	objection2015Ord := decisionOf(tb, with(objection, filedOn("2015-02-03")), pOrd)
	revocationOrd := decisionOf(tb, with(civ, cause("第三人撤销之诉"), yuan(10000)), pOrd)
	envSuitOrd := decisionOf(tb, with(civ, cause("环境污染民事公益诉讼"), yuan(10000)), pOrd)
	payOrderOrd := decisionOf(tb, with(civ, cause("申请支付令"), yuan(10000)), pOrd)
	missingDebtOrd := decisionOf(tb, with(civ, cause("失踪人债务支付纠纷"), yuan(10000)), pOrd)
	crimMaritime := with(crim, court("宁波海事法院"), level(basicCourt))
	crimMaritimeOrd := decisionOf(tb, crimMaritime, pOrd)
	remanded1996 := with(crim, filedOn("2012-06-15"), remanded)
	crimRemanded1996Ord := decisionOf(tb, remanded1996, pOrd)
	crimRetrial1996Ord := decisionOf(tb, with(crim, filedOn("2012-06-15"), circ(func(c *triagev1.Circumstances) { c.Retrial = true })), pOrd)
	crimRemanded2013Ord := decisionOf(tb, with(crim, filedOn("2013-01-01"), remanded), pOrd)
	noRecommendation := circ(func(c *triagev1.Circumstances) { c.RecommendedSentenceMonths = 0 })
	crimCeilingFT := decisionOf(tb, with(crim, noRecommendation), pFT)
	crimGamblingSimp := decisionOf(tb, with(crim, cause("赌博罪"), noRecommendation), pSimp)
	crimTwoChargesOrd := decisionOf(tb, with(crim, cause("危险驾驶罪、交通肇事罪"), noRecommendation), pOrd)
	admSuit := with(adm, cause("行政公益诉讼"), circ(func(c *triagev1.Circumstances) { c.PartiesAgreeSimplified = true }))
	admSuitOrd := decisionOf(tb, admSuit, pOrd)
	admSuit2018Ord := decisionOf(tb, with(admSuit, filedOn("2018-04-26")), pOrd)

	return []ocase{
		// --- the form of the request: *FieldError ---
		{name: "nil outcome", dec: civSC, out: nil, field: "outcome"},
		{name: "no decision id", dec: civSC, out: outcome(chConf, pSC, func(o *triagev1.Outcome) { o.DecisionId = " " }), field: "outcome.decision_id"},
		{name: "another decision's id", dec: civSC, out: outcome(chConf, pSC, func(o *triagev1.Outcome) { o.DecisionId = "d-9" }), field: "outcome.decision_id"},
		{name: "no stored decision", dec: nil, out: outcome(chConf, pSC), field: "outcome.decision_id"},
		{name: "procedure unspecified", dec: civSC, out: outcome(chConf, triagev1.Procedure_PROCEDURE_UNSPECIFIED), field: "outcome.procedure"},
		{name: "procedure out of range", dec: civSC, out: outcome(chConf, triagev1.Procedure(42)), field: "outcome.procedure"},
		{name: "fast-track in a civil case", dec: civSC, out: outcome(chOver, pFT), field: "outcome.procedure"},
		{name: "small claims in a criminal case", dec: crimFT, out: outcome(chOver, pSC), field: "outcome.procedure"},
		{name: "small claims in an administrative case", dec: admOrd, out: outcome(chOver, pSC), field: "outcome.procedure"},
		{name: "change unspecified", dec: civSC, out: outcome(triagev1.ChangeKind_CHANGE_KIND_UNSPECIFIED, pSC), field: "outcome.change"},
		{name: "change out of range", dec: civSC, out: outcome(triagev1.ChangeKind(99), pSC), field: "outcome.change"},
		{name: "简转普 naming simplified as the new procedure", dec: civSimp, out: outcome(chS2O, pSimp), field: "outcome.procedure"},
		{name: "fast-track → simplified naming ordinary", dec: crimFT, out: outcome(chFT2S, pOrd), field: "outcome.procedure"},
		{name: "no decided_by", dec: civSC, out: outcome(chConf, pSC, by("  ")), field: "outcome.decided_by"},
		{name: "decided_by of 65 characters", dec: civSC, out: outcome(chConf, pSC, by(strings.Repeat("审", 65))), field: "outcome.decided_by"},
		{name: "decided_by of 64 characters", dec: civSC, out: outcome(chConf, pSC, by(strings.Repeat("审", 64)))},
		{name: "decided_by with a newline", dec: civSC, out: outcome(chConf, pSC, by("J-1\nJ-2")), field: "outcome.decided_by"},
		{name: "decided_by not UTF-8", dec: civSC, out: outcome(chConf, pSC, by("J-\xff")), field: "outcome.decided_by"},
		// An id with white space at either end names no identity (token
		// names and certificate CNs have none); a clerk stored "J-0421 " as
		// a judge beside "J-0421" (outside check 14). Inside, it passes.
		{name: "decided_by with a trailing space", dec: civSC, out: outcome(chConf, pSC, by("J-0421 ")), field: "outcome.decided_by"},
		{name: "decided_by with a leading space", dec: civSC, out: outcome(chConf, pSC, by(" J-0421")), field: "outcome.decided_by"},
		{name: "decided_by with an ideographic space", dec: civSC, out: outcome(chConf, pSC, by("J-0421\u3000")), field: "outcome.decided_by"},
		{name: "decided_by with a space inside", dec: civSC, out: outcome(chConf, pSC, by("J 0421"))},
		{name: "no decided_on", dec: civSC, out: outcome(chConf, pSC, on("")), field: "outcome.decided_on"},
		{name: "decided_on not a date", dec: civSC, out: outcome(chConf, pSC, on("2024-02-30")), field: "outcome.decided_on"},
		{name: "decided_on in another form", dec: civSC, out: outcome(chConf, pSC, on("2024/04/01")), field: "outcome.decided_on"},
		{name: "decided the day before 立案", dec: civSC, out: outcome(chConf, pSC, on("2024-03-04")), field: "outcome.decided_on"},
		{name: "decided on the day of 立案", dec: civSC, out: outcome(chConf, pSC, on("2024-03-05"))},
		{name: "legal basis too long", dec: civSC, out: outcome(chConf, pSC, func(o *triagev1.Outcome) { o.LegalBasis = strings.Repeat("条", 201) }), field: "outcome.legal_basis"},
		{name: "reason too long", dec: civSC, out: outcome(chConf, pSC, func(o *triagev1.Outcome) { o.Reason = strings.Repeat("由", 2001) }), field: "outcome.reason"},
		{name: "reason at the bound", dec: civSC, out: outcome(chConf, pSC, func(o *triagev1.Outcome) { o.Reason = strings.Repeat("由", 2000) })},
		{name: "reason not UTF-8", dec: civSC, out: outcome(chConf, pSC, func(o *triagev1.Outcome) { o.Reason = "\xc3" }), field: "outcome.reason"},

		// --- an unusable stored decision is the server's fault, not a field ---
		{name: "stored decision without case kind", dec: &triagev1.Decision{DecisionId: decision, FiledOn: "2024-03-05", Recommended: pOrd}, out: outcome(chConf, pOrd), plain: true},
		{name: "stored decision without filed_on", dec: &triagev1.Decision{DecisionId: decision, CaseKind: civilKind, Recommended: pOrd}, out: outcome(chConf, pOrd), plain: true},

		// --- the choice at filing ---
		{name: "confirmed small claims", dec: civSC, out: outcome(chConf, pSC), near: []string{rules.RuleConfirmedNotRecommended}},
		{name: "confirmed, yet another procedure", dec: civSC, out: outcome(chConf, pSimp), rule: rules.RuleConfirmedNotRecommended},
		{name: "overridden to the recommendation", dec: civSC, out: outcome(chOver, pSC), rule: rules.RuleOverrideIsRecommended},
		{name: "overridden to ordinary", dec: civSC, out: outcome(chOver, pOrd), near: []string{rules.RuleOverrideIsRecommended}},
		{name: "confirmed twice", dec: civSC, prior: outs(outcome(chConf, pSC)), out: outcome(chConf, pSC), rule: rules.RuleFilingChoiceNotFirst},
		{name: "overridden after a confirmation", dec: civOrd, prior: outs(outcome(chConf, pOrd)), out: outcome(chOver, pSimp), rule: rules.RuleFilingChoiceNotFirst},
		{name: "first outcome overrides to simplified", dec: civOrd, out: outcome(chOver, pSimp), near: []string{rules.RuleFilingChoiceNotFirst}},
		{
			// CPL 169, Interp. 278–279 only lead out of small claims.
			name: "into small claims after ordinary was applied", dec: civOrd, prior: outs(outcome(chConf, pOrd)),
			out: outcome(chOver, pSC), rule: rules.RuleNoConversionIntoSmallClaims,
			article: "民事诉讼法第一百六十九条；民诉法解释第二百七十八条、第二百七十九条",
		},
		{name: "small claims chosen at filing", dec: civOrd, out: outcome(chOver, pSC), near: []string{rules.RuleNoConversionIntoSmallClaims}},
		{
			// CrPL 226, Interp. 375 only lead out of fast-track; Interp. 369
			// decides it when the indictment is served.
			name: "into fast-track after ordinary was applied", dec: crimOrd, prior: outs(outcome(chConf, pOrd)),
			out: outcome(chOver, pFT), rule: rules.RuleNoConversionIntoFastTrack,
			article: "刑事诉讼法第二百二十六条；刑诉法解释第三百六十九条、第三百七十五条",
		},
		{name: "fast-track chosen at filing", dec: crimOrd, out: outcome(chOver, pFT), near: []string{rules.RuleNoConversionIntoFastTrack}},
		{name: "ruling dated before the last one", dec: civSimp, prior: outs(outcome(chConf, pSimp, on("2024-04-02"))), out: outcome(chS2O, pOrd, on("2024-04-01")), rule: rules.RuleOutcomeBeforePrevious},
		{name: "ruling dated the same day as the last one", dec: civSimp, prior: outs(outcome(chConf, pSimp, on("2024-04-01"))), out: outcome(chS2O, pOrd, on("2024-04-01")), near: []string{rules.RuleOutcomeBeforePrevious}},

		// --- statutory exclusions recorded in the decision ---
		{
			name: "override to simplified of a remanded case", dec: civRemandedOrd, out: outcome(chOver, pSimp),
			rule: rules.RuleProcedureExcluded, article: "民诉法解释第二百五十七条第二项",
		},
		{
			name: "override to simplified at an intermediate court", dec: civIntermediate, out: outcome(chOver, pSimp),
			rule: rules.RuleProcedureExcluded, article: "民事诉讼法第一百六十条",
		},
		{
			name: "override to fast-track of a minor defendant", dec: crimMinor, out: outcome(chOver, pFT),
			rule: rules.RuleProcedureExcluded, article: "刑事诉讼法第二百二十三条第二项；刑诉法解释第三百七十条第三项（2021年3月1日起施行）",
		},
		{
			name: "override to simplified of a remanded administrative case", dec: admRemanded, out: outcome(chOver, pSimp),
			rule: rules.RuleProcedureExcluded, article: "行政诉讼法第八十二条第三款",
		},
		{
			// 刑事诉讼法第二百三十九条: a new panel, so no single judge.
			name: "override to fast-track of a remanded criminal case", dec: crimRemanded, out: outcome(chOver, pFT),
			rule: rules.RuleProcedureExcluded, article: "刑事诉讼法第二百三十九条、第二百二十二条；刑诉法解释第三百七十七条（2021年3月1日起施行）",
		},
		{
			name: "override to fast-track of a case of group interest", dec: crimGroup, out: outcome(chOver, pFT),
			rule: rules.RuleProcedureExcluded, article: "刑诉法解释第二百一十三条第一款第一项；刑事诉讼法第二百二十二条",
		},
		{name: "override to fast-track without a stated acceptance of the sentencing recommendation", dec: crimNoAcceptance, out: outcome(chOver, pFT),
			rule: rules.RuleProcedureExcluded, article: "刑事诉讼法第二百二十二条"},
		// Every reason of an unavailable option bars it, including those
		// that rest on what the filing did not state (no plea, no
		// agreement): the outcome must correct the facts to lift them.
		{name: "override to small claims though appraisal was expected", dec: civAppraisal, out: outcome(chOver, pSC),
			rule: rules.RuleProcedureExcluded, article: "民事诉讼法第一百六十六条第三项"},
		{name: "override to simplified though public notice was expected", dec: civNotice, out: outcome(chOver, pSimp),
			rule: rules.RuleProcedureExcluded, article: "民诉法解释第一百四十条"},
		{name: "override to fast-track without a stated plea", dec: crimNoPlea, out: outcome(chOver, pFT),
			rule: rules.RuleProcedureExcluded, article: "刑事诉讼法第二百二十二条"},
		{name: "override to simplified without the parties' agreement (行政诉讼法 82 ¶2)", dec: admOrd, out: outcome(chOver, pSimp),
			rule: rules.RuleProcedureExcluded, article: "行政诉讼法第八十二条"},
		// Near misses: the same choices where the assessment left them open.
		{name: "override to small claims of a case without appraisal", dec: civOrd, out: outcome(chOver, pSC), near: []string{rules.RuleProcedureExcluded}},
		{name: "override to fast-track with plea and consent", dec: crimOrd, out: outcome(chOver, pFT), near: []string{rules.RuleProcedureExcluded}},
		{name: "override to simplified of an act on the spot", dec: decisionOf(tb, with(adm, circ(func(c *triagev1.Circumstances) { c.ActOnTheSpot = true })), pOrd),
			out: outcome(chOver, pSimp), near: []string{rules.RuleProcedureExcluded}},

		// --- conversions: from the procedure in force, within the case kind ---
		{name: "civil 简转普", dec: civSimp, out: outcome(chS2O, pOrd), near: []string{rules.RuleChangeNotFromCurrent, rules.RuleCPL40SimplifiedIsSingleJudge}},
		{name: "civil 简转普 after a confirmation", dec: civSimp, prior: outs(outcome(chConf, pSimp, on("2024-03-06"))), out: outcome(chS2O, pOrd)},
		{name: "简转普 of a small-claims case", dec: civSC, out: outcome(chS2O, pOrd), rule: rules.RuleChangeNotFromCurrent},
		{name: "small claims → simplified rules", dec: civSC, out: outcome(chSC2S, pSimp)},
		{name: "small claims → ordinary", dec: civSC, out: outcome(chSC2O, pOrd)},
		{name: "small claims → simplified of a simplified case", dec: civSimp, out: outcome(chSC2S, pSimp), rule: rules.RuleChangeNotFromCurrent},
		{name: "small claims → ordinary after the court overrode to ordinary", dec: civSC, prior: outs(outcome(chOver, pOrd)), out: outcome(chSC2O, pOrd), rule: rules.RuleChangeNotFromCurrent},
		{name: "small claims → simplified in a criminal case", dec: crimSimp, out: outcome(chSC2S, pSimp), rule: rules.RuleChangeNotForCaseKind},
		{name: "fast-track → ordinary in a civil case", dec: civSimp, out: outcome(chFT2O, pOrd), rule: rules.RuleChangeNotForCaseKind},
		{name: "fast-track → simplified in an administrative case", dec: admOrd, out: outcome(chFT2S, pSimp), rule: rules.RuleChangeNotForCaseKind},
		{name: "fast-track → ordinary in a criminal case", dec: crimFT, out: outcome(chFT2O, pOrd), near: []string{rules.RuleChangeNotForCaseKind}},
		{name: "fast-track → simplified", dec: crimFT, out: outcome(chFT2S, pSimp)},
		{name: "fast-track → ordinary of a simplified case", dec: crimSimp, out: outcome(chFT2O, pOrd), rule: rules.RuleChangeNotFromCurrent},
		{name: "criminal 简转普 (CrPL 221)", dec: crimSimp, out: outcome(chS2O, pOrd), near: []string{rules.RuleCriminalNoOrdinaryToSimplified}},
		{name: "criminal 简转普 after fast-track → simplified", dec: crimFT, prior: outs(outcome(chFT2S, pSimp, on("2024-03-12"))), out: outcome(chS2O, pOrd)},
		{name: "administrative 简转普 (行政诉讼法 84)", dec: admSimp, out: outcome(chS2O, pOrd), near: []string{rules.RuleAdminSimplifiedToOrdinaryOnly, rules.RuleAdminNoSingleJudgeToPanel}},
		{name: "administrative 普转简", dec: admOrd, out: outcome(chO2S, pSimp, agreed), rule: rules.RuleAdminSimplifiedToOrdinaryOnly},
		{name: "criminal 普转简", dec: crimOrd, out: outcome(chO2S, pSimp, agreed), rule: rules.RuleCriminalNoOrdinaryToSimplified},

		// --- 普转简 (civil) ---
		{name: "普转简 before the hearing, all agree", dec: civOrd, out: outcome(chO2S, pSimp, agreed), near: []string{rules.RuleInterp260AfterHearing}},
		{name: "普转简 after the ordinary hearing", dec: civOrd, out: outcome(chO2S, pSimp, agreed, heard), rule: rules.RuleInterp260AfterHearing, article: "民诉法解释第二百六十条"},
		{name: "普转简 without the parties' agreement", dec: civOrd, out: outcome(chO2S, pSimp), rule: rules.RuleProv2NoAgreement},
		{name: "普转简 with agreement", dec: civOrd, out: outcome(chO2S, pSimp, agreed), near: []string{rules.RuleProv2NoAgreement}},
		{name: "普转简 of a remanded case, by agreement", dec: civRemandedOrd, out: outcome(chO2S, pSimp, agreed), rule: rules.RuleInterp264Interp257Case, article: "民诉法解释第二百五十七条、第二百六十四条第二款"},
		{name: "普转简 where the defendant was missing at filing", dec: civDefendantGone, out: outcome(chO2S, pSimp, agreed), rule: rules.RuleInterp264Interp257Case},
		// Interp. 257(1) is the defendant; a missing plaintiff bars only small claims (CPL 166(4)).
		{name: "普转简 of a remand filed 2003-11-30, ruled 2003-12-05", dec: civRemanded2003, out: outcome(chO2S, pSimp, agreed, on("2003-12-05")), rule: rules.RuleInterp264Interp257Case},
		{name: "普转简 where the defendant was missing at filing, 2003-11-30", dec: civDefendantGone2003, out: outcome(chO2S, pSimp, agreed, on("2003-12-05")), rule: rules.RuleInterp264Interp257Case},
		{name: "普转简 where a plaintiff was missing", dec: civPlaintiffGone, out: outcome(chO2S, pSimp, agreed), near: []string{rules.RuleInterp264Interp257Case}},
		{name: "普转简 of a 2015-02-03 case of ten plaintiffs (若干规定 art. 1(3))", dec: civNumerous2015, out: outcome(chO2S, pSimp, agreed), rule: rules.RuleInterp264Interp257Case},
		{name: "普转简 of a 2015-02-03 case of nine plaintiffs", dec: civNine2015, out: outcome(chO2S, pSimp, agreed), near: []string{rules.RuleInterp264Interp257Case}},
		// The article is the ruling date's: 若干规定 art. 1, 2 before the
		// interpretation took effect, Interp. 257, 264 from its first day.
		{name: "普转简 of ten plaintiffs ruled 2015-02-03: 若干规定 art. 1, 2", dec: civNumerous2015, out: outcome(chO2S, pSimp, agreed, on("2015-02-03")),
			rule: rules.RuleInterp264Interp257Case, article: "最高人民法院关于适用简易程序审理民事案件的若干规定第一条、第二条"},
		{name: "普转简 of ten plaintiffs ruled 2015-02-04: Interp. 257, 264", dec: civNumerous2015, out: outcome(chO2S, pSimp, agreed, on("2015-02-04")),
			rule: rules.RuleInterp264Interp257Case, article: "民诉法解释第二百五十七条、第二百六十四条第二款"},
		// Before 若干规定 art. 2 (2003-12-01) no 普转简 at all: 适用意见 art.
		// 171; an agreement changed nothing. From its first day the
		// agreement opens it.
		{name: "普转简 agreed, ruled 2003-11-30: 适用意见 art. 171", dec: civ2003Ord, out: outcome(chO2S, pSimp, agreed, on("2003-11-30")),
			rule: rules.RuleOpinion1992NoOrdinaryToSimplified, article: "最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第一百七十一条"},
		{name: "普转简 without agreement, ruled 2003-11-30: 适用意见 art. 171, not 若干规定 art. 2", dec: civ2003Ord, out: outcome(chO2S, pSimp, on("2003-11-30")),
			rule: rules.RuleOpinion1992NoOrdinaryToSimplified},
		{name: "普转简 agreed, ruled 2003-12-01: 若干规定 art. 2", dec: civ2003Ord, out: outcome(chO2S, pSimp, agreed, on("2003-12-01")),
			near: []string{rules.RuleOpinion1992NoOrdinaryToSimplified}},
		{name: "普转简 without agreement, ruled 2003-12-01: 若干规定 art. 2", dec: civ2003Ord, out: outcome(chO2S, pSimp, on("2003-12-01")),
			rule: rules.RuleProv2NoAgreement, article: "最高人民法院关于适用简易程序审理民事案件的若干规定第二条"},
		{name: "普转简 after CPL 43 sent the case to a panel", dec: civOrd, prior: outs(outcome(chConf, pOrd), outcome(chPanel, pOrd)), out: outcome(chO2S, pSimp, agreed), rule: rules.RuleCPL43NoSimplifiedAfterPanel},
		{name: "普转简 after 简转普", dec: civSimp, prior: outs(outcome(chS2O, pOrd)), out: outcome(chO2S, pSimp, agreed), near: []string{rules.RuleCPL43NoSimplifiedAfterPanel}},
		{name: "普转简 at an intermediate court", dec: civIntermediate, out: outcome(chO2S, pSimp, agreed), rule: rules.RuleProcedureExcluded, article: "民事诉讼法第一百六十条"},
		{name: "普转简 of a case of major social impact", dec: civImpact, out: outcome(chO2S, pSimp, agreed), rule: rules.RuleProcedureExcluded, article: "民事诉讼法第四十条第二款、第四十二条第三项"},

		// Before 2022 the agreement provision beside 若干规定 art. 2 was CPL
		// 2012/2017 art. 157 ¶2; the article follows the ruling's date.
		{name: "普转简 without agreement, ruled in 2019", dec: civ2019Ord, out: outcome(chO2S, pSimp, on("2019-06-01")), rule: rules.RuleProv2NoAgreement,
			article: "最高人民法院关于适用简易程序审理民事案件的若干规定第二条；民事诉讼法（2012年、2017年修正）第一百五十七条第二款"},
		{name: "普转简 without agreement, ruled 2021-12-31", dec: civ2021Ord, out: outcome(chO2S, pSimp, on("2021-12-31")), rule: rules.RuleProv2NoAgreement,
			article: "最高人民法院关于适用简易程序审理民事案件的若干规定第二条；民事诉讼法（2012年、2017年修正）第一百五十七条第二款"},
		{name: "普转简 without agreement, ruled 2022-01-01", dec: civ2021Ord, out: outcome(chO2S, pSimp, on("2022-01-01")), rule: rules.RuleProv2NoAgreement,
			article: "最高人民法院关于适用简易程序审理民事案件的若干规定第二条；民事诉讼法第一百六十条第二款"},
		{name: "普转简 without agreement, ruled 2012-12-31", dec: civ2012Ord, out: outcome(chO2S, pSimp, on("2012-12-31")), rule: rules.RuleProv2NoAgreement,
			article: "最高人民法院关于适用简易程序审理民事案件的若干规定第二条"},
		{name: "普转简 with agreement, ruled in 2019", dec: civ2019Ord, out: outcome(chO2S, pSimp, agreed, on("2019-06-01")), near: []string{rules.RuleProv2NoAgreement}},

		// --- more scenarios of the conversion audit of 2026-12-03 ---
		// The article of the criminal rules follows the ruling's date: no
		// 刑诉法解释 (2021) before 2021-03-01, CrPL 2012 before 2018-10-26.
		{name: "criminal 普转简 of 2019", dec: decisionOf(tb, with(crim, filedOn("2019-05-06")), pOrd), out: outcome(chO2S, pSimp, agreed, on("2019-06-01")),
			rule: rules.RuleCriminalNoOrdinaryToSimplified, article: "刑事诉讼法第二百二十一条、第二百二十六条；刑诉法解释（2012年）第二百九十八条"},
		{name: "criminal 普转简 ruled 2021-02-28", dec: decisionOf(tb, with(crim, filedOn("2021-02-01")), pOrd), out: outcome(chO2S, pSimp, agreed, on("2021-02-28")),
			rule: rules.RuleCriminalNoOrdinaryToSimplified, article: "刑事诉讼法第二百二十一条、第二百二十六条；刑诉法解释（2012年）第二百九十八条"},
		{name: "criminal 普转简 ruled 2021-03-01", dec: decisionOf(tb, with(crim, filedOn("2021-02-01")), pOrd), out: outcome(chO2S, pSimp, agreed, on("2021-03-01")),
			rule: rules.RuleCriminalNoOrdinaryToSimplified, article: "刑事诉讼法第二百二十一条、第二百二十六条；刑诉法解释第三百五十九条、第三百六十八条"},
		{name: "criminal 普转简 ruled 2018-10-25", dec: decisionOf(tb, with(crim, filedOn("2018-10-01")), pOrd), out: outcome(chO2S, pSimp, agreed, on("2018-10-25")),
			rule: rules.RuleCriminalNoOrdinaryToSimplified, article: "刑事诉讼法（2012年修正）第二百一十五条；刑诉法解释（2012年）第二百九十八条"},
		{name: "into fast-track ruled 2019", dec: decisionOf(tb, with(crim, filedOn("2019-05-06")), pOrd), prior: outs(outcome(chConf, pOrd, on("2019-05-07"))),
			out: outcome(chOver, pFT, on("2019-06-01")), rule: rules.RuleNoConversionIntoFastTrack, article: "刑事诉讼法第二百二十六条"},
		{name: "into fast-track ruled 2021-03-01", dec: decisionOf(tb, with(crim, filedOn("2021-02-01")), pOrd), prior: outs(outcome(chConf, pOrd, on("2021-02-02"))),
			out: outcome(chOver, pFT, on("2021-03-01")), rule: rules.RuleNoConversionIntoFastTrack, article: "刑事诉讼法第二百二十六条；刑诉法解释第三百六十九条、第三百七十五条"},
		{name: "fast-track → simplified at an intermediate court", dec: decisionOf(tb, with(crim, level(intermediateCourt)), pOrd),
			// the prior fast-track is trusted as stored; simplified is checked afresh
			prior: outs(outcome(chOver, pFT, on("2024-03-06"))), out: outcome(chFT2S, pSimp), rule: rules.RuleProcedureExcluded, article: "刑事诉讼法第二百一十四条"},
		{name: "into small claims after simplified was confirmed", dec: civSimp, prior: outs(outcome(chConf, pSimp, on("2024-03-06"))), out: outcome(chOver, pSC),
			rule: rules.RuleNoConversionIntoSmallClaims},
		{name: "fast-track → simplified after 简转普", dec: crimSimp, prior: outs(outcome(chS2O, pOrd, on("2024-03-06"))), out: outcome(chFT2S, pSimp),
			rule: rules.RuleChangeNotFromCurrent},
		{name: "普转简 after 简转普 and the ordinary hearing", dec: civSimp, prior: outs(outcome(chS2O, pOrd, on("2024-03-06"))), out: outcome(chO2S, pSimp, agreed, heard),
			rule: rules.RuleInterp260AfterHearing},
		{name: "普转简 of a case of public interest", dec: decisionOf(tb, with(civ, circ(func(c *triagev1.Circumstances) { c.PublicInterest = true })), pOrd),
			out: outcome(chO2S, pSimp, agreed), rule: rules.RuleInterp264Interp257Case},
		{name: "普转简 after small claims → ordinary", dec: civSC, prior: outs(outcome(chSC2O, pOrd, on("2024-03-06"))), out: outcome(chO2S, pSimp, agreed)},
		{name: "administrative 普转简 of 2016", dec: decisionOf(tb, with(adm, filedOn("2016-05-06")), pOrd), out: outcome(chO2S, pSimp, agreed, on("2016-06-01")),
			rule: rules.RuleAdminSimplifiedToOrdinaryOnly},
		// 行政诉讼法 82 does not confine simplified procedure to basic courts.
		{name: "administrative act on the spot at an intermediate court, simplified chosen", dec: decisionOf(tb, with(adm, level(intermediateCourt),
			circ(func(c *triagev1.Circumstances) { c.ActOnTheSpot = true })), pOrd), out: outcome(chOver, pSimp)},
		{name: "fast-track → ordinary in the 2015 pilot", dec: decisionOf(tb, with(crim, filedOn("2015-05-06")), pOrd),
			prior: outs(outcome(chOver, pFT, on("2015-05-07"))), out: outcome(chFT2O, pOrd, on("2015-06-01"))},
		{name: "criminal fast-track → simplified → ordinary, then a panel", dec: crimFT,
			prior: outs(outcome(chFT2S, pSimp, on("2024-03-06")), outcome(chS2O, pOrd, on("2024-03-07"))), out: outcome(chPanel, pOrd), rule: rules.RuleCrPL183OrdinaryIsPanel},

		// --- the round-9 categories after filing ---
		// 民诉法解释第三百零八条: 执行异议之诉 适用普通程序 (from 2015-02-04).
		{name: "执行异议之诉: simplified chosen at filing", dec: objectionOrd, out: outcome(chOver, pSimp),
			rule: rules.RuleProcedureExcluded, article: "民诉法解释第三百零八条（2022年4月10日前为第三百一十条）"},
		{name: "执行异议之诉: small claims chosen at filing", dec: objectionOrd, out: outcome(chOver, pSC),
			rule: rules.RuleProcedureExcluded, article: "民事诉讼法第一百六十五条"},
		// Interp. 308 is no Interp. 257 case: the bar, not Interp. 264 ¶2.
		{name: "执行异议之诉: 普转简 with agreement", dec: objectionOrd, out: outcome(chO2S, pSimp, agreed),
			rule: rules.RuleProcedureExcluded, article: "民诉法解释第三百零八条（2022年4月10日前为第三百一十条）"},
		{name: "执行异议之诉 filed 2015-02-03: 普转简 with agreement", dec: objection2015Ord, out: outcome(chO2S, pSimp, agreed, on("2015-03-01"))},
		{name: "执行异议之诉: ordinary single judge → panel (CPL 43)", dec: objectionOrd, out: outcome(chPanel, pOrd)},
		// 民诉法解释第二百五十七条第六项, 第二百六十四条第二款; 第二百九十二条.
		{name: "第三人撤销之诉: 普转简 with agreement", dec: revocationOrd, out: outcome(chO2S, pSimp, agreed),
			rule: rules.RuleInterp264Interp257Case, article: "民诉法解释第二百五十七条、第二百六十四条第二款"},
		{name: "第三人撤销之诉: simplified chosen at filing", dec: revocationOrd, out: outcome(chOver, pSimp),
			rule: rules.RuleProcedureExcluded, article: "民诉法解释第二百五十七条第六项"},
		{name: "第三人撤销之诉: ordinary confirmed", dec: revocationOrd, out: outcome(chConf, pOrd)},
		{name: "第三人撤销之诉: single judge → panel (the panel Interp. 292 requires)", dec: revocationOrd, out: outcome(chPanel, pOrd)},
		// 民诉法解释第二百五十七条第五项.
		{name: "环境污染民事公益诉讼: 普转简 with agreement", dec: envSuitOrd, out: outcome(chO2S, pSimp, agreed),
			rule: rules.RuleInterp264Interp257Case, article: "民诉法解释第二百五十七条、第二百六十四条第二款"},
		{name: "环境污染民事公益诉讼: simplified chosen at filing", dec: envSuitOrd, out: outcome(chOver, pSimp),
			rule: rules.RuleProcedureExcluded, article: "民诉法解释第二百五十七条第五项"},
		// 若干规定第一条第四项: a non-contentious case.
		{name: "申请支付令: 普转简 with agreement", dec: payOrderOrd, out: outcome(chO2S, pSimp, agreed),
			rule: rules.RuleProcedureExcluded, article: "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第四项"},
		{name: "申请支付令: simplified chosen at filing", dec: payOrderOrd, out: outcome(chOver, pSimp),
			rule: rules.RuleProcedureExcluded, article: "最高人民法院关于适用简易程序审理民事案件的若干规定第一条第四项"},
		{name: "失踪人债务支付纠纷 (a dispute, not 非讼): 普转简 with agreement", dec: missingDebtOrd, out: outcome(chO2S, pSimp, agreed)},
		// 刑事诉讼法第二百一十四条、第二百二十二条: a maritime court is no basic court.
		{name: "maritime court: fast-track chosen at filing", dec: crimMaritimeOrd, out: outcome(chOver, pFT),
			rule: rules.RuleProcedureExcluded, article: "刑事诉讼法第二百二十二条"},
		{name: "maritime court: simplified chosen at filing", dec: crimMaritimeOrd, out: outcome(chOver, pSimp),
			rule: rules.RuleProcedureExcluded, article: "刑事诉讼法第二百一十四条"},
		{name: "maritime court: fast-track → simplified", dec: crimMaritimeOrd, prior: outs(outcome(chOver, pFT, on("2024-03-06"))), out: outcome(chFT2S, pSimp),
			rule: rules.RuleProcedureExcluded, article: "刑事诉讼法第二百一十四条"},
		{name: "maritime court: fast-track → ordinary", dec: crimMaritimeOrd, prior: outs(outcome(chOver, pFT, on("2024-03-06"))), out: outcome(chFT2O, pOrd)},
		{name: "maritime court: ordinary confirmed", dec: crimMaritimeOrd, out: outcome(chConf, pOrd)},
		// 刑事诉讼法（1996年）第一百九十二条、第二百零六条、第一百七十四条.
		{name: "1996 remand: simplified chosen at filing", dec: crimRemanded1996Ord, out: outcome(chOver, pSimp, on("2012-07-01")),
			rule: rules.RuleProcedureExcluded, article: "刑事诉讼法（1996年）第一百九十二条、第一百七十四条"},
		{name: "1996 retrial: simplified chosen at filing", dec: crimRetrial1996Ord, out: outcome(chOver, pSimp, on("2012-07-01")),
			rule: rules.RuleProcedureExcluded, article: "刑事诉讼法（1996年）第二百零六条、第一百七十四条"},
		{name: "remand filed 2013-01-01: simplified (a panel) chosen at filing", dec: crimRemanded2013Ord, out: outcome(chOver, pSimp, on("2013-01-02"))},
		{name: "1996 remand: ordinary single judge → panel", dec: crimRemanded1996Ord, out: outcome(chPanel, pOrd, on("2012-07-01")), rule: rules.RuleCrPL183OrdinaryIsPanel},
		// 刑法第一百三十三条之一, 第三百零三条: a lone charge's ceiling.
		{name: "危险驾驶 without a recommendation: fast-track confirmed", dec: crimCeilingFT, out: outcome(chConf, pFT)},
		{name: "危险驾驶 without a recommendation: fast-track → ordinary", dec: crimCeilingFT, out: outcome(chFT2O, pOrd)},
		{name: "赌博罪 without a recommendation: simplified single judge → panel", dec: crimGamblingSimp, out: outcome(chPanel, pSimp)},
		{name: "two charges without a recommendation: fast-track chosen at filing", dec: crimTwoChargesOrd, out: outcome(chOver, pFT),
			rule: rules.RuleProcedureExcluded, article: "刑事诉讼法第二百二十二条"},
		// 人民陪审员法第十六条第二项 (2018-04-27).
		{name: "行政公益诉讼: simplified chosen at filing", dec: admSuitOrd, out: outcome(chOver, pSimp),
			rule: rules.RuleProcedureExcluded, article: "人民陪审员法第十六条第二项；行政诉讼法第八十三条"},
		{name: "行政公益诉讼 filed 2018-04-26: simplified chosen by agreement", dec: admSuit2018Ord, out: outcome(chOver, pSimp, on("2018-05-01"))},
		{name: "行政公益诉讼: 普转简", dec: admSuitOrd, out: outcome(chO2S, pSimp, agreed), rule: rules.RuleAdminSimplifiedToOrdinaryOnly},
		{name: "行政公益诉讼: single judge → panel", dec: admSuitOrd, out: outcome(chPanel, pOrd), rule: rules.RuleAdminNoSingleJudgeToPanel},

		// --- single judge → panel ---
		// CPL 2012/2017 art. 39 (before 2013 CPL 1991/2007 art. 40): ordinary
		// procedure was a panel; CPL 40 ¶2 and 43 came on 2022-01-01. Rulings
		// from 2020 are accepted (the civil 繁简分流 pilot, whose terms were
		// not confirmed).
		{name: "civil ordinary single judge → panel ruled 2019-06-01", dec: civ2019Ord, out: outcome(chPanel, pOrd, on("2019-06-01")),
			rule: rules.RuleCPL2017OrdinaryIsPanel, article: "民事诉讼法（2012年、2017年修正）第三十九条"},
		{name: "civil ordinary single judge → panel ruled 2019-12-31", dec: civ2019Ord, out: outcome(chPanel, pOrd, on("2019-12-31")), rule: rules.RuleCPL2017OrdinaryIsPanel},
		{name: "civil ordinary single judge → panel ruled 2013-01-01", dec: civ2012Ord, out: outcome(chPanel, pOrd, on("2013-01-01")), rule: rules.RuleCPL2017OrdinaryIsPanel},
		{name: "civil ordinary single judge → panel ruled 2020-01-01", dec: civ2019Ord, out: outcome(chPanel, pOrd, on("2020-01-01")), near: []string{rules.RuleCPL2017OrdinaryIsPanel}},
		// Before 2013 CPL 1991/2007 art. 40 had the same rule, and no pilot ran.
		{name: "civil ordinary single judge → panel ruled 2012-12-31", dec: civ2012Ord, out: outcome(chPanel, pOrd, on("2012-12-31")),
			rule: rules.RuleCPL2007OrdinaryIsPanel, article: "民事诉讼法（1991年、2007年修正）第四十条"},
		// The ruling's date decides, not the filing's: a 2012 filing sent to
		// a panel in 2020 is accepted like any ruling of the pilot years.
		{name: "civil ordinary filed 2012, single judge → panel ruled 2020-01-01", dec: civ2012Ord, out: outcome(chPanel, pOrd, on("2020-01-01")),
			near: []string{rules.RuleCPL2007OrdinaryIsPanel, rules.RuleCPL2017OrdinaryIsPanel}},
		{name: "civil ordinary single judge → panel ruled 2022-01-01, filed 2021", dec: civ2021Ord, out: outcome(chPanel, pOrd, on("2022-01-01")), near: []string{rules.RuleCPL2017OrdinaryIsPanel}},

		{name: "civil ordinary, single judge → panel (CPL 43)", dec: civOrd, out: outcome(chPanel, pOrd), near: []string{rules.RuleCPL40PanelAboveBasicCourt, rules.RulePanelKeepsProcedure}},
		{name: "panel with a change of procedure", dec: civOrd, out: outcome(chPanel, pSimp), rule: rules.RulePanelKeepsProcedure},
		{name: "panel in civil simplified procedure", dec: civSimp, out: outcome(chPanel, pSimp), rule: rules.RuleCPL40SimplifiedIsSingleJudge},
		{name: "panel in small claims", dec: civSC, out: outcome(chPanel, pSC), rule: rules.RuleCPL40SimplifiedIsSingleJudge},
		{name: "panel in ordinary at an intermediate court", dec: civIntermediate, out: outcome(chPanel, pOrd), rule: rules.RuleCPL40PanelAboveBasicCourt},
		{name: "panel in ordinary at a 2019 intermediate court", dec: civIntermediate2019, out: outcome(chPanel, pOrd), rule: rules.RuleCPL40PanelAboveBasicCourt},
		{name: "panel in ordinary at 南京市中级人民法院 stated as basic", dec: civNamedIntermediate, out: outcome(chPanel, pOrd), rule: rules.RuleCPL40PanelAboveBasicCourt},
		{name: "panel in administrative simplified", dec: admSimp, out: outcome(chPanel, pSimp), rule: rules.RuleAdminNoSingleJudgeToPanel},
		{name: "panel in administrative ordinary", dec: admOrd, out: outcome(chPanel, pOrd), rule: rules.RuleAdminNoSingleJudgeToPanel},
		{name: "panel in fast-track", dec: crimFT, out: outcome(chPanel, pFT), rule: rules.RuleCrPL222FastTrackIsSingleJudge},
		{name: "panel in criminal ordinary", dec: crimOrd, out: outcome(chPanel, pOrd), rule: rules.RuleCrPL183OrdinaryIsPanel},
		{name: "panel in criminal simplified (Interp. 366)", dec: crimSimp, out: outcome(chPanel, pSimp), near: []string{rules.RuleCrPL183OrdinaryIsPanel, rules.RuleCrPL222FastTrackIsSingleJudge}},
		// CrPL 1996 art. 174: simplified procedure was one judge alone; the
		// panel came with CrPL 2012 art. 210 on 2013-01-01. The ruling's date
		// decides, as for CPL 2017 art. 39.
		{name: "panel in criminal simplified ruled 2012-12-31", dec: crim2012Simp, out: outcome(chPanel, pSimp, on("2012-12-31")),
			rule: rules.RuleCrPL1996SimplifiedIsSingleJudge, article: "刑事诉讼法（1996年）第一百七十四条"},
		{name: "panel in criminal simplified ruled 2012-06-20", dec: crim2012Simp, out: outcome(chPanel, pSimp, on("2012-06-20")), rule: rules.RuleCrPL1996SimplifiedIsSingleJudge},
		{name: "panel in criminal simplified filed 2012, ruled 2013-01-01", dec: crim2012Simp, out: outcome(chPanel, pSimp, on("2013-01-01")),
			near: []string{rules.RuleCrPL1996SimplifiedIsSingleJudge}},
		{name: "criminal 简转普 ruled 2012-12-31", dec: crim2012Simp, out: outcome(chS2O, pOrd, on("2012-12-31")), near: []string{rules.RuleCrPL1996SimplifiedIsSingleJudge}},
		{name: "a second panel", dec: civOrd, prior: outs(outcome(chPanel, pOrd)), out: outcome(chPanel, pOrd), rule: rules.RulePanelAlreadyFormed},
		{
			// The earlier panel sat under ordinary procedure before the case
			// went to simplified and back (priors are trusted as stored).
			name: "a panel again after the procedure changed", dec: civOrd,
			prior: outs(outcome(chConf, pOrd), outcome(chPanel, pOrd), outcome(chO2S, pSimp, agreed), outcome(chS2O, pOrd)),
			out:   outcome(chPanel, pOrd), near: []string{rules.RulePanelAlreadyFormed},
		},
	}
}

func TestValidateOutcome(t *testing.T) {
	for _, c := range outcomeCases(t) {
		t.Run(c.name, func(t *testing.T) { checkOutcomeCase(t, c) })
	}
}

func checkOutcomeCase(t *testing.T, c ocase) {
	t.Helper()
	err := rules.ValidateOutcome(c.dec, c.prior, c.out)
	var fe *rules.FieldError
	var ce *rules.ConversionError
	switch {
	case c.field != "":
		if !errors.As(err, &fe) || fe.Field != c.field {
			t.Fatalf("err = %v, want a FieldError on %s", err, c.field)
		}
	case c.rule != "":
		if !errors.As(err, &ce) || ce.Rule != c.rule {
			t.Fatalf("err = %v, want rule %s", err, c.rule)
		}
		if ce.Message == "" {
			t.Errorf("rule %s without a message", ce.Rule)
		}
		if c.article != "" && ce.Article != c.article {
			t.Errorf("rule %s cites %q, want %q", ce.Rule, ce.Article, c.article)
		}
	case c.plain:
		if err == nil || errors.As(err, &fe) || errors.As(err, &ce) {
			t.Fatalf("err = %v (%T), want a plain error", err, err)
		}
	default:
		if err != nil {
			t.Fatalf("err = %v, want the outcome accepted", err)
		}
	}
}

// TestEveryConversionRuleFiresAndHasNearMiss fails when a rule of
// rules.ConversionRules() is never broken by a case, or has no case that
// stays just clear of it.
func TestEveryConversionRuleFiresAndHasNearMiss(t *testing.T) {
	fires, near := map[string]bool{}, map[string]bool{}
	for _, c := range append(outcomeCases(t), restartOutcomeCases(t)...) {
		if c.rule != "" {
			fires[c.rule] = true
		}
		for _, r := range c.near {
			if c.rule != "" || c.field != "" || c.plain {
				t.Errorf("%s: a near miss must be accepted", c.name)
			}
			near[r] = true
		}
	}
	seen := map[string]bool{}
	for _, r := range rules.ConversionRules() {
		if seen[r.Rule] {
			t.Errorf("rule %s listed twice", r.Rule)
		}
		seen[r.Rule] = true
		if !fires[r.Rule] {
			t.Errorf("rule %s never fires", r.Rule)
		}
		if !near[r.Rule] {
			t.Errorf("rule %s has no near miss", r.Rule)
		}
		if r.Message == "" {
			t.Errorf("rule %s has no message", r.Rule)
		}
	}
	for r := range fires {
		if !seen[r] {
			t.Errorf("rule %s fires but ConversionRules() does not list it", r)
		}
	}
}

// TestConversionRuleArticles pins each rule to the provisions it cites, read
// from the texts in docs/law/. Record-keeping rules cite
// none; PROCEDURE_EXCLUDED cites the exclusion it found.
func TestConversionRuleArticles(t *testing.T) {
	want := map[string]string{
		rules.RuleConfirmedNotRecommended:           "",
		rules.RuleOverrideIsRecommended:             "",
		rules.RuleFilingChoiceNotFirst:              "",
		rules.RuleOutcomeBeforePrevious:             "",
		rules.RuleChangeNotForCaseKind:              "",
		rules.RuleChangeNotFromCurrent:              "",
		rules.RuleProcedureExcluded:                 "",
		rules.RuleNoConversionIntoSmallClaims:       "民事诉讼法第一百六十九条；民诉法解释第二百七十八条、第二百七十九条",
		rules.RuleNoConversionIntoFastTrack:         "刑事诉讼法第二百二十六条；刑诉法解释第三百六十九条、第三百七十五条",
		rules.RuleInterp260AfterHearing:             "民诉法解释第二百六十条",
		rules.RuleProv2NoAgreement:                  "最高人民法院关于适用简易程序审理民事案件的若干规定第二条；民事诉讼法第一百六十条第二款",
		rules.RuleInterp264Interp257Case:            "民诉法解释第二百五十七条、第二百六十四条第二款",
		rules.RuleCPL43NoSimplifiedAfterPanel:       "民事诉讼法第四十条第二款、第四十三条",
		rules.RuleAdminSimplifiedToOrdinaryOnly:     "行政诉讼法第八十二条、第八十四条；行诉法解释第一百零五条",
		rules.RuleCriminalNoOrdinaryToSimplified:    "刑事诉讼法第二百二十一条、第二百二十六条；刑诉法解释第三百五十九条、第三百六十八条",
		rules.RulePanelKeepsProcedure:               "民事诉讼法第四十三条；刑诉法解释第三百六十六条",
		rules.RuleCPL40SimplifiedIsSingleJudge:      "民事诉讼法第四十条第二款、第一百六十三条、第一百六十九条、第一百七十条",
		rules.RuleCPL40PanelAboveBasicCourt:         "民事诉讼法第四十条",
		rules.RuleAdminNoSingleJudgeToPanel:         "行政诉讼法第六十八条、第八十三条、第八十四条",
		rules.RuleCrPL222FastTrackIsSingleJudge:     "刑事诉讼法第二百二十二条、第二百二十六条；刑诉法解释第三百七十五条",
		rules.RuleCrPL183OrdinaryIsPanel:            "刑事诉讼法第一百八十三条",
		rules.RulePanelAlreadyFormed:                "民事诉讼法第四十三条；刑诉法解释第三百六十六条",
		rules.RuleCPL2017OrdinaryIsPanel:            "民事诉讼法（2012年、2017年修正）第三十九条",
		rules.RuleCPL2007OrdinaryIsPanel:            "民事诉讼法（1991年、2007年修正）第四十条",
		rules.RuleOpinion1992NoOrdinaryToSimplified: "最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第一百七十一条",
		rules.RuleCrPL1996SimplifiedIsSingleJudge:   "刑事诉讼法（1996年）第一百七十四条",
	}
	for r, a := range restartRuleArticles {
		want[r] = a
	}
	for _, r := range rules.ConversionRules() {
		a, ok := want[r.Rule]
		if !ok {
			t.Errorf("rule %s has no pinned article in this test", r.Rule)
			continue
		}
		if r.Article != a {
			t.Errorf("rule %s cites %q, want %q", r.Rule, r.Article, a)
		}
	}
}

func TestConversionErrorText(t *testing.T) {
	e := &rules.ConversionError{Rule: "R", Article: "A", Message: "M"}
	if got := e.Error(); got != "R (A): M" {
		t.Errorf("Error() = %q", got)
	}
	e.Article = ""
	if got := e.Error(); got != "R: M" {
		t.Errorf("Error() = %q", got)
	}
}

// TestBars: every reason of an unavailable option bars it, whatever kind of
// reason it is; an available or undetermined option is barred by nothing.
func TestBars(t *testing.T) {
	r := &triagev1.Reason{Code: rules.CodeCrPL222NoGuiltyPlea}
	for _, c := range []struct {
		av   triagev1.Availability
		want int
	}{
		{triagev1.Availability_AVAILABILITY_UNAVAILABLE, 1},
		{triagev1.Availability_AVAILABILITY_AVAILABLE, 0},
		{triagev1.Availability_AVAILABILITY_UNDETERMINED, 0},
	} {
		o := &triagev1.ProcedureOption{Availability: c.av, Reasons: []*triagev1.Reason{r}}
		if got := len(rules.Bars(o)); got != c.want {
			t.Errorf("%v: %d bars, want %d", c.av, got, c.want)
		}
	}
	if rules.Bars(nil) != nil {
		t.Error("nil option has bars")
	}
}

func TestCurrentProcedure(t *testing.T) {
	d := &triagev1.Decision{Recommended: pSC}
	if got := rules.CurrentProcedure(d, nil); got != pSC {
		t.Errorf("no outcome: %v, want the recommendation", got)
	}
	prior := outs(outcome(chConf, pSC), outcome(chSC2O, pOrd), nil)
	if got := rules.CurrentProcedure(d, prior); got != pOrd {
		t.Errorf("after small claims → ordinary: %v", got)
	}
}

// tlcase is one time-limit computation with an exact due date.
type tlcase struct {
	name       string
	kind       triagev1.CaseKind
	filed      string
	out        *triagev1.Outcome
	sentence   *triagev1.Circumstances // the filing's recommendation
	months     int32
	days       int32
	due        string
	article    string // a provision the article must mention
	extension  string // a phrase the extension must contain
	fromRecord *triagev1.Decision
	prior      []*triagev1.Outcome
	noLimit    bool
}

func TestOutcomeTimeLimit(t *testing.T) {
	civ := civilBase(t)
	foreignSimp := decisionOf(t, with(civ, party(1, foreign)), pSimp)
	crimFT := decisionOf(t, crimBase(t), pFT)
	civSimp := decisionOf(t, civ, pSimp)
	for _, c := range []tlcase{
		// Civil: every limit runs from 立案 (CPL 152, 164, 168; Interp. 258 ¶3).
		{name: "civil 简转普 counts from 立案", kind: civilKind, filed: "2024-01-31", out: outcome(chS2O, pOrd, on("2024-03-15")),
			months: 6, due: "2024-07-31", article: "民诉法解释第二百五十八条第三款", extension: "自立案之日计算"},
		{name: "civil small claims → simplified rules", kind: civilKind, filed: "2024-03-05", out: outcome(chSC2S, pSimp, on("2024-04-20")),
			months: 3, due: "2024-06-05", article: "民事诉讼法第一百六十四条"},
		{name: "civil small claims → ordinary", kind: civilKind, filed: "2024-03-05", out: outcome(chSC2O, pOrd, on("2024-04-20")),
			months: 6, due: "2024-09-05", article: "民诉法解释第二百八十一条"},
		{name: "civil 普转简", kind: civilKind, filed: "2024-03-05", out: outcome(chO2S, pSimp, agreed, on("2024-04-20")),
			months: 3, due: "2024-06-05", article: "民事诉讼法第一百六十四条"},
		// 2024-05-05 is in the 劳动节 holiday: the next working day (CPL 85 ¶3).
		{name: "civil small claims confirmed", kind: civilKind, filed: "2024-03-05", out: outcome(chConf, pSC, on("2024-03-06")),
			months: 2, due: "2024-05-06", article: "民事诉讼法第一百六十八条"},
		{name: "civil panel keeps the ordinary clock", kind: civilKind, filed: "2024-08-31", out: outcome(chPanel, pOrd, on("2024-10-10")),
			months: 6, due: "2025-02-28", article: "民事诉讼法第一百五十二条"},
		// Administrative: 行诉法解释 105 ¶2.
		{name: "administrative 简转普 counts from 立案", kind: adminKind, filed: "2024-08-31", out: outcome(chS2O, pOrd, on("2024-09-20")),
			months: 6, due: "2025-02-28", article: "行诉法解释第一百零五条第二款"},
		{name: "administrative simplified confirmed", kind: adminKind, filed: "2024-03-05", out: outcome(chConf, pSimp, on("2024-03-06")),
			days: 45, due: "2024-04-19", article: "行政诉讼法第八十三条"},
		// Criminal: conversions restart from the decision (Interp. 368 ¶2, 376).
		{name: "criminal 简转普 restarts", kind: crimKind, filed: "2024-03-05", out: outcome(chS2O, pOrd, on("2024-03-20")),
			months: 2, due: "2024-05-20", article: "刑诉法解释第三百六十八条第二款", extension: "从作出决定之日起计算"},
		{name: "fast-track → simplified restarts", kind: crimKind, filed: "2024-03-05", out: outcome(chFT2S, pSimp, on("2024-03-12")),
			sentence: &triagev1.Circumstances{RecommendedSentenceMonths: 40},
			days:     20, due: "2024-04-01", article: "刑诉法解释第三百七十六条", extension: "本案量刑建议超过三年有期徒刑"},
		// The kind counts as the term does (刑事诉讼法第二百二十条): life is over
		// three years without any months.
		{name: "fast-track → simplified, a life recommendation", kind: crimKind, filed: "2024-03-05", out: outcome(chFT2S, pSimp, on("2024-03-12")),
			sentence: &triagev1.Circumstances{RecommendedSentenceKind: triagev1.SentenceKind_SENTENCE_KIND_LIFE_IMPRISONMENT},
			days:     20, due: "2024-04-01", article: "刑诉法解释第三百七十六条", extension: "本案量刑建议超过三年有期徒刑"},
		// 2024-05-12 is a Sunday (the Saturday before was a make-up working
		// day, the Sunday was not): CrPL 105 ¶4.
		{name: "fast-track → ordinary restarts", kind: crimKind, filed: "2024-03-05", out: outcome(chFT2O, pOrd, on("2024-03-12")),
			months: 2, due: "2024-05-13", article: "刑诉法解释第三百七十六条"},
		{name: "fast-track confirmed", kind: crimKind, filed: "2024-03-05", out: outcome(chConf, pFT, on("2024-03-06")),
			days: 10, due: "2024-03-15", article: "刑事诉讼法第二百二十五条"},
		{name: "criminal panel without a prior restart", kind: crimKind, filed: "2024-03-05", out: outcome(chPanel, pSimp, on("2024-03-14")),
			days: 20, due: "2024-03-25", article: "刑事诉讼法第二百二十条"},
		// From the record.
		{name: "criminal panel keeps the restarted clock", kind: crimKind, filed: "2024-03-05", out: outcome(chPanel, pSimp, on("2024-03-14")),
			fromRecord: crimFT, prior: outs(outcome(chFT2S, pSimp, on("2024-03-12"))),
			days: 20, due: "2024-04-01", article: "刑事诉讼法第二百二十条"},
		{name: "civil 简转普 from the record", kind: civilKind, filed: "2024-03-05", out: outcome(chS2O, pOrd, on("2024-04-20")),
			fromRecord: civSimp, months: 6, due: "2024-09-05", article: "民诉法解释第二百五十八条第三款"},
		{name: "foreign-related 简转普: no statutory limit (CPL 287)", kind: civilKind, filed: "2024-03-05", out: outcome(chS2O, pOrd, on("2024-04-20")),
			fromRecord: foreignSimp, noLimit: true, article: "民事诉讼法第二百八十七条"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var tl *triagev1.TimeLimit
			if c.fromRecord != nil {
				var err error
				if err := rules.ValidateOutcome(c.fromRecord, c.prior, c.out); err != nil {
					t.Fatalf("ValidateOutcome: %v", err)
				}
				tl, err = defaultEngine(t).OutcomeTimeLimitFromRecord(c.fromRecord, c.prior, c.out, c.sentence)
				if err != nil {
					t.Fatal(err)
				}
			} else {
				decided, _ := rules.ParseDate(c.out.GetDecidedOn())
				tl = defaultEngine(t).OutcomeTimeLimit(c.kind, day(c.filed), c.out, decided, c.sentence, false)
			}
			if tl.GetProcedure() != c.out.GetProcedure() {
				t.Errorf("procedure %v, want %v", tl.GetProcedure(), c.out.GetProcedure())
			}
			if c.noLimit {
				if !tl.GetNoStatutoryLimit() || tl.GetDueOn() != "" {
					t.Errorf("limit %v, want none", tl)
				}
			} else if tl.GetMonths() != c.months || tl.GetDays() != c.days || tl.GetDueOn() != c.due {
				t.Errorf("limit %d months %d days due %s, want %d, %d, %s", tl.GetMonths(), tl.GetDays(), tl.GetDueOn(), c.months, c.days, c.due)
			}
			if !strings.Contains(tl.GetArticle(), c.article) {
				t.Errorf("article %q does not mention %q", tl.GetArticle(), c.article)
			}
			if !strings.Contains(tl.GetExtension(), c.extension) {
				t.Errorf("extension %q does not mention %q", tl.GetExtension(), c.extension)
			}
		})
	}
}

// TestOutcomeTimeLimitNearMiss: the same dates give different due dates
// where the law restarts the clock and where it does not.
func TestOutcomeTimeLimitNearMiss(t *testing.T) {
	e := defaultEngine(t)
	filed, decided := day("2024-03-05"), day("2024-04-10")
	civ := e.OutcomeTimeLimit(civilKind, filed, outcome(chS2O, pOrd), decided, nil, false)
	crim := e.OutcomeTimeLimit(crimKind, filed, outcome(chS2O, pOrd), decided, nil, false)
	// Criminal confirmation of ordinary at filing: no restart.
	crimConf := e.OutcomeTimeLimit(crimKind, filed, outcome(chConf, pOrd), decided, nil, false)
	// 2024-06-10 (端午节) and 2024-05-05 (劳动节) move to the next working day.
	if civ.GetDueOn() != "2024-09-05" || crim.GetDueOn() != "2024-06-11" || crimConf.GetDueOn() != "2024-05-06" {
		t.Errorf("due dates %s, %s, %s", civ.GetDueOn(), crim.GetDueOn(), crimConf.GetDueOn())
	}
	if got := e.OutcomeTimeLimit(crimKind, filed, outcome(chOver, pSC), decided, nil, false); got != nil {
		t.Errorf("small claims in a criminal case: %v, want nil", got)
	}
}

func TestOutcomeTimeLimitFromRecordErrors(t *testing.T) {
	e := defaultEngine(t)
	d := &triagev1.Decision{DecisionId: decision, CaseKind: civilKind, FiledOn: "bad"}
	if _, err := e.OutcomeTimeLimitFromRecord(d, nil, outcome(chConf, pOrd), nil); err == nil {
		t.Error("bad filed_on accepted")
	}
	d.FiledOn = "2024-03-05"
	var fe *rules.FieldError
	if _, err := e.OutcomeTimeLimitFromRecord(d, nil, outcome(chConf, pOrd, on("x")), nil); !errors.As(err, &fe) {
		t.Errorf("bad decided_on: %v, want a FieldError", err)
	}
	if _, err := e.OutcomeTimeLimitFromRecord(d, nil, outcome(chConf, pFT), nil); !errors.As(err, &fe) {
		t.Errorf("fast-track in a civil case: %v, want a FieldError", err)
	}
}

// FuzzValidateOutcome throws arbitrary outcomes and histories at the
// validator: it must never panic and only ever return nil, a *FieldError or
// a *ConversionError for a well-formed stored decision; what it accepts is
// dated no later than tomorrow in Beijing and carries no character a text
// may not hold (forbiddenRune).
func FuzzValidateOutcome(f *testing.F) {
	f.Add(uint8(1), uint8(2), uint8(3), uint8(0), "2024-04-01", "J-1", "案情复杂", uint16(0))
	f.Add(uint8(3), uint8(7), uint8(2), uint8(3), "2024-03-01", "", "", uint16(0x1ff))
	f.Add(uint8(2), uint8(9), uint8(3), uint8(1), "2024-13-01", "J\x00", "理由\u001b[2J", uint16(0x0a5))
	f.Add(uint8(0), uint8(1), uint8(1), uint8(0), "2100-01-01", "J-1", "一、\r\n二、\t", uint16(0))
	f.Add(uint8(0), uint8(1), uint8(1), uint8(0), "2024-04-12", "J\u202e1", "\u0085", uint16(0))
	eng := defaultEngine(f)
	// "Today" is 2024-04-10 in Beijing: 2024-04-11 is the last day accepted.
	now := time.Date(2024, 4, 10, 4, 0, 0, 0, time.UTC)
	latest := time.Date(2024, 4, 11, 0, 0, 0, 0, time.UTC)
	decs := []*triagev1.Decision{
		decisionOf(f, civilBase(f), pSC),
		decisionOf(f, with(civilBase(f), circ(func(c *triagev1.Circumstances) { c.Remanded = true })), pOrd),
		decisionOf(f, adminBase(f), pOrd),
		decisionOf(f, crimBase(f), pFT),
	}
	f.Fuzz(func(t *testing.T, di, change, proc, nprior uint8, decidedOn, decidedBy, reason string, bits uint16) {
		d := decs[int(di)%len(decs)]
		var prior []*triagev1.Outcome
		for i := range int(nprior % 4) {
			prior = append(prior, outcome(triagev1.ChangeKind(int(change>>i)%10), triagev1.Procedure(int(proc>>i)%5)))
		}
		o := outcome(triagev1.ChangeKind(int(change)%11), triagev1.Procedure(int(proc)%6), on(decidedOn), by(decidedBy))
		o.Reason = reason
		o.PartiesAgree = bits&1 != 0
		o.OrdinaryHearingHeld = bits&2 != 0
		err := rules.ValidateOutcomeAt(d, prior, o, now)
		var fe *rules.FieldError
		var ce *rules.ConversionError
		if err != nil && !errors.As(err, &fe) && !errors.As(err, &ce) {
			t.Fatalf("unexpected error type %T: %v", err, err)
		}
		if err == nil {
			if _, terr := eng.OutcomeTimeLimitFromRecord(d, prior, o, nil); terr != nil {
				t.Fatalf("accepted outcome without a time limit: %v", terr)
			}
			if day, _ := rules.ParseDate(decidedOn); day.After(latest) {
				t.Fatalf("accepted a ruling dated %s, after %s", decidedOn, latest.Format(time.DateOnly))
			}
			if r, bad := forbiddenRune(decidedBy, false); bad {
				t.Fatalf("accepted decided_by with U+%04X", r)
			}
			if r, bad := forbiddenRune(reason, true); bad {
				t.Fatalf("accepted reason with U+%04X", r)
			}
		}
	})
}

// TestPanelByLaw: the procedures the law tries by a panel for every case of
// the kind, whatever the facts (routing keeps them off 速裁团队), each with a
// near miss one step away.
func TestPanelByLaw(t *testing.T) {
	civ := civilBase(t)
	crim := crimBase(t)
	adm := adminBase(t)
	for _, c := range []struct {
		name string
		d    *triagev1.Decision
		p    triagev1.Procedure
		want bool
	}{
		{"criminal ordinary (刑事诉讼法第一百八十三条)", decisionOf(t, crim, pOrd), pOrd, true},
		{"criminal ordinary at a maritime court", decisionOf(t, with(crim, court("宁波海事法院")), pOrd), pOrd, true},
		{"near miss: criminal simplified", decisionOf(t, crim, pSimp), pSimp, false},
		{"near miss: criminal fast-track", decisionOf(t, crim, pFT), pFT, false},
		{"administrative ordinary (行政诉讼法第六十八条)", decisionOf(t, adm, pOrd), pOrd, true},
		{"行政公益诉讼, ordinary", decisionOf(t, with(adm, cause("行政公益诉讼")), pOrd), pOrd, true},
		{"near miss: administrative simplified (行政诉讼法第八十三条)", decisionOf(t, with(adm, circ(func(c *triagev1.Circumstances) { c.ActOnTheSpot = true })), pSimp), pSimp, false},
		{"civil ordinary at an intermediate court (民事诉讼法第四十条)", decisionOf(t, with(civ, level(intermediateCourt)), pOrd), pOrd, true},
		{"civil ordinary at 南京市中级人民法院 stated as basic", decisionOf(t, with(civ, court("南京市中级人民法院")), pOrd), pOrd, true},
		{"near miss: civil ordinary at a basic court (第四十条第二款)", decisionOf(t, civ, pOrd), pOrd, false},
		{"near miss: 执行异议之诉 at a basic court", decisionOf(t, with(civ, cause("案外人执行异议之诉")), pOrd), pOrd, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := rules.PanelByLaw(c.d, c.p); got != c.want {
				t.Errorf("PanelByLaw = %v, want %v", got, c.want)
			}
		})
	}
}

// TestRoutingView: the teams read a case as last corrected. A correction
// that makes it a public-interest case brings the panel (CPL 42(1)) and the
// review signal; one that removes the public interest drops the rules'
// signal but keeps the classifier's; without a correction the decision is
// read as stored.
func TestRoutingView(t *testing.T) {
	e := defaultEngine(t)
	const basis = "原告2024年3月10日更正起诉状"
	civ := civilBase(t)
	pub := with(civ, circ(func(c *triagev1.Circumstances) { c.PublicInterest = true }))
	plain := decisionOf(t, civ, pOrd)
	flagged := decisionOf(t, pub, pOrd)
	flagged.ReviewReasons = []*triagev1.Reason{{Code: rules.CodeReviewPublicInterest}, {Code: "LOW_CONFIDENCE"}}
	flagged.NeedsReview = true

	v, err := e.RoutingView(plain, nil, outcome(chConf, pOrd))
	if err != nil || v != plain {
		t.Fatalf("no correction: %v, %v; want the decision itself", v, err)
	}
	// This outcome's correction, then the same one recorded before.
	for _, c := range []struct {
		name  string
		prior []*triagev1.Outcome
		o     *triagev1.Outcome
	}{
		{"this outcome's correction", nil, outcome(chConf, pOrd, correct(pub, basis))},
		{"a recorded correction", outs(outcome(chConf, pOrd, correct(pub, basis))), outcome(chPanel, pOrd)},
		{"a designation after a recorded correction", outs(outcome(chConf, pOrd, correct(pub, basis))), nil},
	} {
		v, err := e.RoutingView(plain, c.prior, c.o)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var ord *triagev1.ProcedureOption
		for _, o := range v.GetOptions() {
			if o.GetProcedure() == pOrd {
				ord = o
			}
		}
		if !v.GetNeedsReview() || !rules.RequiresPanel(ord) {
			t.Errorf("%s: needs_review %v, panel %v; want both (民事诉讼法第四十二条第一项)", c.name, v.GetNeedsReview(), rules.RequiresPanel(ord))
		}
		if plain.GetNeedsReview() || len(plain.GetReviewReasons()) > 0 {
			t.Fatalf("%s: the stored decision was changed", c.name)
		}
	}
	// Near miss the other way: the public interest corrected away.
	v, err = e.RoutingView(flagged, nil, outcome(chConf, pOrd, correct(civ, basis)))
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, r := range v.GetReviewReasons() {
		codes = append(codes, r.GetCode())
	}
	if strings.Join(codes, ",") != "LOW_CONFIDENCE" || !v.GetNeedsReview() {
		t.Errorf("review reasons %v, want only the classifier's LOW_CONFIDENCE", codes)
	}
}

// TestCheckOutcomeRoutesLikeRoutingView: recording an outcome checks it
// and routes it on one evaluation of the corrected filing; the case it
// routes is the one RoutingView gives for the same outcome.
func TestCheckOutcomeRoutesLikeRoutingView(t *testing.T) {
	e := defaultEngine(t)
	const basis = "原告2024年3月10日更正起诉状"
	civ := civilBase(t)
	pub := with(civ, circ(func(c *triagev1.Circumstances) { c.PublicInterest = true }))
	plain := decisionOf(t, civ, pOrd)
	for _, c := range []struct {
		name  string
		prior []*triagev1.Outcome
		o     *triagev1.Outcome
	}{
		{"no correction", nil, outcome(chConf, pOrd)},
		{"this outcome's correction", nil, outcome(chConf, pOrd, correct(pub, basis))},
		{"a recorded correction", outs(outcome(chConf, pOrd, correct(pub, basis))), outcome(chPanel, pOrd)},
		{"a new correction after a recorded one", outs(outcome(chConf, pOrd, correct(pub, basis))), outcome(chPanel, pOrd, correct(with(civ, func(f *triagev1.Filing) { f.Text += "补充。" }), basis))},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := e.CheckOutcome(plain, civ, c.prior, c.o)
			if err != nil {
				t.Fatal(err)
			}
			want, err := e.RoutingView(plain, c.prior, c.o)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got, protocmp.Transform()); diff != "" {
				t.Errorf("CheckOutcome's routing view differs from RoutingView's (-want +got):\n%s", diff)
			}
		})
	}
	// A refused outcome routes nothing.
	if v, err := e.CheckOutcome(plain, civ, nil, outcome(chConf, pOrd, correct(civ, basis))); err == nil || v != nil {
		t.Errorf("a correction that changes nothing: %v, %v; want an error and no view", v, err)
	}
}

// TestRecordedCorrectionThatNoLongerEvaluates: a stored correction the
// rules can no longer evaluate is the server's problem, never the
// caller's: the error must not be a *FieldError (which the edge maps to
// INVALID_ARGUMENT naming a field the request does not have).
func TestRecordedCorrectionThatNoLongerEvaluates(t *testing.T) {
	e := defaultEngine(t)
	civ := civilBase(t)
	plain := decisionOf(t, civ, pOrd)
	// As stored by a build that accepted what this one refuses in a
	// one-line field (U+2028, refused since 2026-12-03).
	bad := with(civ, func(f *triagev1.Filing) { f.Court = f.GetCourt() + "\u2028" })
	prior := outs(outcome(chConf, pOrd, correct(bad, "原告2024年3月10日更正起诉状")))
	check := func(name string, err error) {
		t.Helper()
		var fe *rules.FieldError
		switch {
		case err == nil:
			t.Errorf("%s: no error; want the re-evaluation's failure", name)
		case errors.As(err, &fe):
			t.Errorf("%s: %v is a *FieldError (%s); want a plain server-side error", name, err, fe.Field)
		}
	}
	_, err := e.CheckOutcome(plain, civ, prior, outcome(chPanel, pOrd))
	check("CheckOutcome", err)
	_, err = e.RoutingView(plain, prior, nil)
	check("RoutingView", err)
	// Near miss: a new correction supersedes the recorded one, which is
	// then not evaluated at all.
	if _, err := e.CheckOutcome(plain, civ, prior, outcome(chPanel, pOrd, correct(with(civ, func(f *triagev1.Filing) { f.Text += "补充。" }), "更正"))); err != nil {
		t.Errorf("a new correction after an unreadable recorded one: %v", err)
	}
}
