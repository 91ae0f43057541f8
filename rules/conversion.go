package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// This file checks the human decisions recorded on top of fenjian's own
// (the RecordOutcome RPC; docs/statutes.md, Conversions): a confirmation, a different
// procedure chosen at filing, or a later conversion. Each is checked against
// the decision it follows and the outcomes already recorded for it, because
// the law speaks of changes from the procedure in force: 简转普 needs a case
// in simplified procedure, 普转简 one in ordinary procedure before its
// hearing, and nothing converts a case into fast-track or small claims.
//
// Two kinds of error come back. A *FieldError is a malformed request (the
// API maps it to INVALID_ARGUMENT). A *ConversionError is a well-formed
// request that the law or the record forbids in the case's present state;
// the API maps it to FAILED_PRECONDITION and shows Rule, the stable code.

// Bounds of the free-text fields of an outcome.
const (
	MaxDecidedByChars     = 64   // an id, like filing.id
	MaxLegalBasisChars    = 200  // "民事诉讼法第一百七十条；民诉法解释第二百六十九条"
	MaxOutcomeReasonChars = 2000 // a paragraph in the decider's words
)

// ConversionError reports an outcome that the law, or consistency with what
// is already recorded, does not allow. Rule is a stable code (the Rule*
// constants), Article the provision it rests on ("" for record-keeping
// rules), Message an explanation in Chinese for the clerk and the judge.
type ConversionError struct {
	Rule    string
	Article string
	Message string
}

// Error implements error.
func (e *ConversionError) Error() string {
	if e.Article == "" {
		return fmt.Sprintf("%s: %s", e.Rule, e.Message)
	}
	return fmt.Sprintf("%s (%s): %s", e.Rule, e.Article, e.Message)
}

// Conversion rules. Like reason codes they are stable identifiers: a filing
// system may key on them, so a rule is never renamed or reused.
const (
	// Record keeping: the choice at filing (CONFIRMED or OVERRIDDEN) is the
	// first outcome of a decision and is made once.
	RuleConfirmedNotRecommended = "CONFIRMED_NOT_RECOMMENDED"
	RuleOverrideIsRecommended   = "OVERRIDE_SAME_AS_RECOMMENDED"
	RuleFilingChoiceNotFirst    = "FILING_CHOICE_NOT_FIRST"
	RuleOutcomeBeforePrevious   = "OUTCOME_BEFORE_PREVIOUS"

	// No provision converts a pending case into small claims or fast-track:
	// the law only provides conversions out of them.
	RuleNoConversionIntoSmallClaims = "NO_CONVERSION_INTO_SMALL_CLAIMS"
	RuleNoConversionIntoFastTrack   = "NO_CONVERSION_INTO_FAST_TRACK"

	// A conversion starts from the procedure in force and stays within the
	// procedures of the case kind.
	RuleChangeNotForCaseKind = "CHANGE_NOT_FOR_CASE_KIND"
	RuleChangeNotFromCurrent = "CHANGE_NOT_FROM_CURRENT_PROCEDURE"

	// The assessment (the decision's, or that of the latest corrected
	// filing) found the procedure chosen unavailable.
	RuleProcedureExcluded = "PROCEDURE_EXCLUDED"

	// 普转简 (civil only).
	RuleInterp260AfterHearing          = "INTERP260_NO_ORDINARY_TO_SIMPLIFIED_AFTER_HEARING"
	RuleProv2NoAgreement               = "PROV2_NO_ORDINARY_TO_SIMPLIFIED_WITHOUT_AGREEMENT"
	RuleInterp264Interp257Case         = "INTERP264_NO_SIMPLIFIED_FOR_INTERP257_CASE"
	RuleCPL43NoSimplifiedAfterPanel    = "CPL43_NO_SIMPLIFIED_AFTER_PANEL"
	RuleAdminSimplifiedToOrdinaryOnly  = "ALL84_SIMPLIFIED_TO_ORDINARY_ONLY"
	RuleCriminalNoOrdinaryToSimplified = "CRPL_NO_ORDINARY_TO_SIMPLIFIED"
	RulePanelKeepsProcedure            = "PANEL_KEEPS_PROCEDURE"
	RuleCPL40SimplifiedIsSingleJudge   = "CPL40_SIMPLIFIED_IS_SINGLE_JUDGE"
	RuleCPL40PanelAboveBasicCourt      = "CPL40_ORDINARY_PANEL_ABOVE_BASIC_COURT"
	RuleAdminNoSingleJudgeToPanel      = "ALL68_83_NO_SINGLE_JUDGE_TO_PANEL"
	RuleCrPL222FastTrackIsSingleJudge  = "CRPL222_FAST_TRACK_IS_SINGLE_JUDGE"
	RuleCrPL183OrdinaryIsPanel         = "CRPL183_ORDINARY_IS_PANEL"
	RulePanelAlreadyFormed             = "PANEL_ALREADY_FORMED"

	// Before CPL 2021 (in force 2022-01-01) civil first-instance ordinary
	// procedure was always a panel (CPL 2012/2017 art. 39), so there was no
	// single judge to replace; see civilPanelRulingRule. Before 2013 the same
	// rule was CPL 1991/2007 art. 40.
	RuleCPL2017OrdinaryIsPanel = "CPL2017_39_ORDINARY_IS_PANEL"
	RuleCPL2007OrdinaryIsPanel = "CPL2007_40_ORDINARY_IS_PANEL"

	// Before 若干规定 art. 2 (in force 2003-12-01) let the parties choose
	// simplified procedure for a case heard in ordinary procedure, the
	// SPC's 1992 opinion on applying the CPL forbade any 普转简 (its art.
	// 171), agreement or not.
	RuleOpinion1992NoOrdinaryToSimplified = "OPINION1992_171_NO_ORDINARY_TO_SIMPLIFIED"

	// Before CrPL 2012 (in force 2013-01-01) criminal simplified procedure
	// was always one judge (CrPL 1996 art. 174), so it had no panel to send
	// a case to; see criminalPanelRulingEra.
	RuleCrPL1996SimplifiedIsSingleJudge = "CRPL1996_174_SIMPLIFIED_IS_SINGLE_JUDGE"
)

// ConversionRule describes one rule for documentation and tests.
type ConversionRule struct {
	Rule, Article, Message string
}

// conversionRules is the single table of rules. Articles follow the numbering
// of the texts in docs/law/; 若干规定 is 最高人民法院关于适用
// 简易程序审理民事案件的若干规定 (2020), 行诉法解释 the 2018 interpretation of
// the Administrative Litigation Law.
var conversionRules = [...]ConversionRule{
	{RuleConfirmedNotRecommended, "", "“确认”只能适用分流建议的程序；选择了其他程序的，应记录为“改变建议”。"},
	{RuleOverrideIsRecommended, "", "所选程序与分流建议相同，应记录为“确认”。"},
	{RuleFilingChoiceNotFirst, "", "立案时的程序选择（确认或改变建议）只能作为该决定的第一条记录；此后程序的变化应按相应的程序转换记录。"},
	{RuleOutcomeBeforePrevious, "", "裁定日期早于该案已记录的上一次程序决定，记录顺序与事实不符。"},
	{RuleNoConversionIntoSmallClaims, "民事诉讼法第一百六十九条；民诉法解释第二百七十八条、第二百七十九条", "法律只规定了小额诉讼程序转为简易程序其他规定或普通程序，没有在审理过程中转入小额诉讼程序的规定。"},
	{RuleNoConversionIntoFastTrack, "刑事诉讼法第二百二十六条；刑诉法解释第三百六十九条、第三百七十五条", "速裁程序在送达起诉书副本时决定适用；法律只规定了速裁程序转为普通程序或简易程序，没有在审理过程中转入速裁程序的规定。"},
	{RuleChangeNotForCaseKind, "", "该程序转换不属于本类案件的程序（小额诉讼程序仅适用于民事案件，速裁程序仅适用于刑事案件）。"},
	{RuleChangeNotFromCurrent, "", "该程序转换须从案件现行的程序作出，与已记录的程序不符。"},
	{RuleProcedureExcluded, "", "依立案信息，该程序不能适用；如相关事实已经变更或认定有误，应在本次记录中载明更正后的立案信息及其依据。"},
	{RuleInterp260AfterHearing, "民诉法解释第二百六十条", "已经按照普通程序审理的案件，在开庭后不得转为简易程序审理。"},
	{RuleProv2NoAgreement, "最高人民法院关于适用简易程序审理民事案件的若干规定第二条；民事诉讼法第一百六十条第二款", "普通程序转为简易程序须当事人各方自愿选择并经人民法院审查同意；人民法院不得违反当事人自愿原则将普通程序转为简易程序。"},
	{RuleInterp264Interp257Case, "民诉法解释第二百五十七条、第二百六十四条第二款", "本案属于民诉法解释第二百五十七条规定不适用简易程序的案件，当事人约定适用简易程序的，人民法院不予准许。"},
	{RuleCPL43NoSimplifiedAfterPanel, "民事诉讼法第四十条第二款、第四十三条", "本案已裁定不宜由审判员一人独任审理、转由合议庭审理；简易程序由审判员一人独任审理，不能再转为简易程序。"},
	{RuleAdminSimplifiedToOrdinaryOnly, "行政诉讼法第八十二条、第八十四条；行诉法解释第一百零五条", "行政诉讼只规定了简易程序转为普通程序；普通程序不能转为简易程序。当事人各方同意适用简易程序的，应在立案时选择（记录为立案时的程序选择，并载明当事人各方同意，行政诉讼法第八十二条第二款）。"},
	{RuleCriminalNoOrdinaryToSimplified, "刑事诉讼法第二百二十一条、第二百二十六条；刑诉法解释第三百五十九条、第三百六十八条", "刑事案件的简易程序在送达起诉书副本时决定适用；法律只规定简易程序转为普通程序和速裁程序转为普通程序或简易程序，没有普通程序转为简易程序的规定。"},
	{RulePanelKeepsProcedure, "民事诉讼法第四十三条；刑诉法解释第三百六十六条", "转由合议庭审理不改变审理程序；程序也改变的，应记录为相应的程序转换。"},
	{RuleCPL40SimplifiedIsSingleJudge, "民事诉讼法第四十条第二款、第一百六十三条、第一百六十九条、第一百七十条", "适用简易程序（含小额诉讼程序）审理的民事案件由审判员一人独任审理；不宜独任审理的，应裁定转为普通程序。"},
	{RuleCPL40PanelAboveBasicCourt, "民事诉讼法第四十条", "只有基层人民法院可以由审判员一人适用普通程序独任审理；本院审理第一审普通程序案件本应组成合议庭。"},
	{RuleAdminNoSingleJudgeToPanel, "行政诉讼法第六十八条、第八十三条、第八十四条", "行政案件适用简易程序的由审判员一人独任审理，适用普通程序的由合议庭审理；不宜独任审理的，应裁定转为普通程序。"},
	{RuleCrPL222FastTrackIsSingleJudge, "刑事诉讼法第二百二十二条、第二百二十六条；刑诉法解释第三百七十五条", "速裁程序由审判员一人独任审判；不宜独任审判的，应转为普通程序或简易程序审理。"},
	{RuleCrPL183OrdinaryIsPanel, "刑事诉讼法第一百八十三条", "刑事第一审普通程序案件应当组成合议庭审判，不存在由独任审判转为合议庭的情形。"},
	{RulePanelAlreadyFormed, "民事诉讼法第四十三条；刑诉法解释第三百六十六条", "本案在现行程序下已记录转由合议庭审理。"},
	{RuleCrPL1996SimplifiedIsSingleJudge, "刑事诉讼法（1996年）第一百七十四条", "裁定时施行的刑事诉讼法（1996年）第一百七十四条规定，适用简易程序的案件由审判员一人独任审判；简易程序组成合议庭审判（刑事诉讼法（2012年修正）第二百一十条）自2013年1月1日起施行。本案不宜独任审判的，应记录为简易程序转为普通程序。"},
	{RuleCPL2007OrdinaryIsPanel, "民事诉讼法（1991年、2007年修正）第四十条", "裁定时施行的民事诉讼法（1991年、2007年修正）第四十条规定第一审民事案件由合议庭审理，仅简易程序由审判员一人独任审理；基层人民法院以普通程序独任审理及裁定转由合议庭审理（民事诉讼法第四十条第二款、第四十三条）自2022年1月1日起施行。"},
	{RuleOpinion1992NoOrdinaryToSimplified, "最高人民法院关于适用《中华人民共和国民事诉讼法》若干问题的意见第一百七十一条", "裁定时施行的司法解释规定，已经按照普通程序审理的案件，在审理过程中无论是否发生了情况变化，都不得改用简易程序审理；当事人各方自愿选择适用简易程序（最高人民法院关于适用简易程序审理民事案件的若干规定第二条）自2003年12月1日起施行。"},
	{RuleCPL2017OrdinaryIsPanel, "民事诉讼法（2012年、2017年修正）第三十九条", "裁定时施行的民事诉讼法（2012年、2017年修正）第三十九条规定第一审民事案件由合议庭审理，仅简易程序由审判员一人独任审理；基层人民法院以普通程序独任审理及裁定转由合议庭审理（民事诉讼法第四十条第二款、第四十三条）自2022年1月1日起施行。"},
}

// ConversionRules lists every rule ValidateOutcome can break, for
// documentation and for tests that check each one fires.
func ConversionRules() []ConversionRule { return allConversionRules }

// allConversionRules are conversionRules and the restarts' (restartRules).
var allConversionRules = append(conversionRules[:len(conversionRules):len(conversionRules)], restartRules[:]...)

func conversionErr(rule, detail string) *ConversionError {
	for _, r := range allConversionRules {
		if r.Rule == rule {
			msg := r.Message
			if detail != "" {
				msg = detail + msg
			}
			return &ConversionError{Rule: rule, Article: r.Article, Message: msg}
		}
	}
	panic("rules: unknown conversion rule " + rule) // caught by the tests
}

// changeSpec is what the law says about one conversion.
type changeSpec struct {
	from, to triagev1.Procedure
	kinds    []triagev1.CaseKind
}

// Shorthands for the enums this file uses.
const (
	kCivil    = triagev1.CaseKind_CASE_KIND_CIVIL
	kAdmin    = triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE
	kCriminal = triagev1.CaseKind_CASE_KIND_CRIMINAL

	pSmallClaims = triagev1.Procedure_PROCEDURE_SMALL_CLAIMS
	pSimplified  = triagev1.Procedure_PROCEDURE_SIMPLIFIED
	pOrdinary    = triagev1.Procedure_PROCEDURE_ORDINARY
	pFastTrack   = triagev1.Procedure_PROCEDURE_FAST_TRACK
)

// changes maps each conversion to its source and target procedures and the
// case kinds whose law provides it:
//
//   - simplified → ordinary: CPL 170 (Interp. 258, 269); 行政诉讼法 84;
//     CrPL 221 (Interp. 368).
//   - small claims → the other simplified rules or ordinary: CPL 169,
//     Interp. 278–279.
//   - ordinary → simplified: civil only, 若干规定 2 with Interp. 260.
//   - fast-track → simplified or ordinary: CrPL 226, Interp. 375.
var changes = map[triagev1.ChangeKind]changeSpec{
	triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY:     {pSimplified, pOrdinary, []triagev1.CaseKind{kCivil, kAdmin, kCriminal}},
	triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_SIMPLIFIED: {pSmallClaims, pSimplified, []triagev1.CaseKind{kCivil}},
	triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY:   {pSmallClaims, pOrdinary, []triagev1.CaseKind{kCivil}},
	triagev1.ChangeKind_CHANGE_KIND_ORDINARY_TO_SIMPLIFIED:     {pOrdinary, pSimplified, []triagev1.CaseKind{kCivil}},
	triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_SIMPLIFIED:   {pFastTrack, pSimplified, []triagev1.CaseKind{kCriminal}},
	triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_ORDINARY:     {pFastTrack, pOrdinary, []triagev1.CaseKind{kCriminal}},
}

// kindProcedures are the first-instance procedures the law gives each case kind.
func kindProcedures(k triagev1.CaseKind) []triagev1.Procedure {
	switch k {
	case kCivil:
		return []triagev1.Procedure{pSmallClaims, pSimplified, pOrdinary}
	case kAdmin:
		return []triagev1.Procedure{pSimplified, pOrdinary}
	case kCriminal:
		return []triagev1.Procedure{pFastTrack, pSimplified, pOrdinary}
	}
	return nil
}

func hasProcedure(k triagev1.CaseKind, p triagev1.Procedure) bool {
	for _, q := range kindProcedures(k) {
		if q == p {
			return true
		}
	}
	return false
}

// procName is the Chinese name of a procedure, for messages.
func procName(p triagev1.Procedure) string {
	switch p {
	case pSmallClaims:
		return "小额诉讼程序"
	case pSimplified:
		return "简易程序"
	case pOrdinary:
		return "普通程序"
	case pFastTrack:
		return "速裁程序"
	}
	return p.String()
}

// CurrentProcedure is the procedure in force for a decided case: the
// procedure of the last recorded outcome or, before any, the recommendation
// (until the court records otherwise it is taken to apply it). The server
// stores it as the next outcome's previous.
func CurrentProcedure(d *triagev1.Decision, prior []*triagev1.Outcome) triagev1.Procedure {
	if last := lastOutcome(prior); last != nil {
		return last.GetProcedure()
	}
	return d.GetRecommended()
}

// CurrentTimeLimit is the time limit in force for a decided case, as it
// was computed when recorded: the last recorded outcome's time_limit (under
// its procedure, from 立案 or from the day it restarted) or, before any, the
// decision's (the recommended procedure's). It goes with CurrentProcedure.
func CurrentTimeLimit(d *triagev1.Decision, prior []*triagev1.Outcome) *triagev1.TimeLimit {
	if last := lastOutcome(prior); last != nil {
		return last.GetTimeLimit()
	}
	return d.GetTimeLimit()
}

func lastOutcome(prior []*triagev1.Outcome) *triagev1.Outcome {
	for i := len(prior) - 1; i >= 0; i-- {
		if prior[i] != nil {
			return prior[i]
		}
	}
	return nil
}

// ValidateOutcome checks an outcome against the stored decision d it follows
// and the outcomes already recorded for d (prior, oldest first, as stored:
// they are trusted). It returns a *FieldError for a malformed outcome, a
// *ConversionError when the law or the record forbids it, another error when
// the stored decision itself is unusable, and nil when it may be recorded.
//
// The server-set fields (outcome_id, previous, time_limit, recorded_at) are
// ignored; see CurrentProcedure and OutcomeTimeLimitFromRecord to fill them.
//
// What is checked beyond the form of the request:
//   - CONFIRMED applies the recommendation and OVERRIDDEN another procedure,
//     both only as the first outcome; later a move into small claims or
//     fast-track is refused with the rule saying the law has no such
//     conversion, any other with FILING_CHOICE_NOT_FIRST.
//   - A conversion starts from the procedure in force, between procedures of
//     the case kind, as the law provides it (see changes).
//   - 普转简: civil only, before any ordinary hearing (Interp. 260), with all
//     parties' agreement (若干规定 2, CPL 160 ¶2), never for an Interp. 257
//     case (Interp. 264 ¶2) nor after CPL 43 sent the case to a panel.
//   - Single judge → panel keeps the procedure and exists only where a single
//     judge can sit and a panel can too while keeping it: civil ordinary at a
//     basic court (CPL 40 ¶2, 43; from 2022, or 2020 under the pilot) and
//     criminal simplified (CrPL 216, Interp. 366; from 2013); once per
//     procedure.
//   - A restart of the criminal time limit (CHANGE_KIND_TIME_LIMIT_RESTARTED,
//     rules/restart.go): criminal only, keeping the procedure in force, and
//     none the procedure cannot take (a remand in fast-track, or in
//     simplified procedure before 2013; 补充侦查 in fast-track).
//   - A procedure chosen at filing or entered by 普转简 or fast-track →
//     simplified must be one the assessment did not find unavailable: every
//     reason of an unavailable option bars it (see Bars), unless the outcome
//     corrects the facts that barred it (Engine.ValidateOutcome).
//
// Not checked, because the record cannot show it: that a 简转普 ruling came
// before the simplified time limit ran out (Interp. 258 ¶2, 行诉法解释 105
// ¶1: suspended periods such as appraisal do not count and are not recorded
// here), the grounds of a conversion (CPL 169–170, Interp. 368, 375), and
// whether a small-claims objection came before the hearing (Interp. 279).
//
// ValidateOutcome has no rules engine, so it cannot re-evaluate a corrected
// filing: an outcome carrying a correction, or a record with one, is an error
// here; use Engine.ValidateOutcome.
func ValidateOutcome(d *triagev1.Decision, prior []*triagev1.Outcome, o *triagev1.Outcome) error {
	return ValidateOutcomeAt(d, prior, o, time.Now())
}

// ValidateOutcomeAt is ValidateOutcome with now as the current time, which
// bounds outcome.decided_on: a ruling is not dated after today in Beijing
// (plus the day of slack filing.filed_on has).
func ValidateOutcomeAt(d *triagev1.Decision, prior []*triagev1.Outcome, o *triagev1.Outcome, now time.Time) error {
	if err := validateOutcomeFields(d, o, now); err != nil {
		return err
	}
	if o.GetCorrection() != nil || latestCorrection(prior) != nil {
		return errors.New("rules: an outcome record with a fact correction is checked by Engine.ValidateOutcome")
	}
	return validateOutcome(d, prior, o, assessed{options: d.GetOptions()})
}

// assessed is the legal assessment an outcome is checked against: the
// decision's own, or that of the latest corrected filing.
type assessed struct {
	options   []*triagev1.ProcedureOption
	corrected bool
	// adminAgreement: the outcome of an administrative case states that
	// all parties agree to simplified procedure (outcome.parties_agree),
	// which 行政诉讼法第八十二条第二款 makes enough for any first-instance case
	// the article's other paragraphs and other laws do not close. It meets
	// ALL82_NOT_QUALIFIED (no ¶1 item and no agreement), and nothing else:
	// a remand or retrial (¶3), the 1989 law (ALL82_NOT_IN_FORCE) and the
	// seven-member panels of 人民陪审员法第十六条 still bar the procedure.
	adminAgreement bool
}

func (a assessed) option(p triagev1.Procedure) *triagev1.ProcedureOption {
	for _, o := range a.options {
		if o.GetProcedure() == p {
			return o
		}
	}
	return nil
}

// ValidateOutcome is rules.ValidateOutcome with fact corrections. The
// outcome is checked against the facts as last corrected: this outcome's
// correction, else the latest one recorded before it, else the filing as
// decided. A correction (outcome.correction) must carry the filing as the
// court now has it (the same id, case kind and 立案 date, valid like a new
// filing) and a basis, and must change something; ValidateOutcome sets its
// changed_fields. original is the stored filing of d, needed only when o
// carries a correction.
//
// A correction is re-evaluated with e: the server passes the engine whose
// version the decision recorded when it still has it, the current one
// otherwise. "Today", which bounds decided_on, is e's clock (WithClock).
func (e *Engine) ValidateOutcome(d *triagev1.Decision, original *triagev1.Filing, prior []*triagev1.Outcome, o *triagev1.Outcome) error {
	_, err := e.CheckOutcome(d, original, prior, o)
	return err
}

// CheckOutcome is ValidateOutcome that also returns the case as the teams
// must read it after o (what RoutingView(d, prior, o) returns), from the
// same evaluation of the corrected filing: CheckOutcomeRecord(…).RoutingView().
func (e *Engine) CheckOutcome(d *triagev1.Decision, original *triagev1.Filing, prior []*triagev1.Outcome, o *triagev1.Outcome) (*triagev1.Decision, error) {
	r, err := e.CheckOutcomeRecord(d, original, prior, o)
	if err != nil {
		return nil, err
	}
	return r.RoutingView(), nil
}

// CheckOutcomeRecord is ValidateOutcome returning the outcome's record: the
// facts as last corrected, evaluated once here, from which the caller that
// records o takes the routing view (OutcomeRecord.RoutingView), the time
// limit (OutcomeRecord.TimeLimit) and the review (OutcomeRecord.Review)
// without evaluating the corrected filing again.
func (e *Engine) CheckOutcomeRecord(d *triagev1.Decision, original *triagev1.Filing, prior []*triagev1.Outcome, o *triagev1.Outcome) (*OutcomeRecord, error) {
	if err := validateOutcomeFields(d, o, e.now()); err != nil {
		return nil, err
	}
	r := e.recordOf(d, prior, o)
	if o.GetCorrection() != nil {
		// Checked as a new correction, not re-evaluated as a recorded one:
		// its errors name the request's fields.
		a, err := e.CheckCorrection(d, original, prior, o)
		if err != nil {
			return nil, err
		}
		r.corrected = a
	}
	a, err := r.assessment()
	if err != nil {
		return nil, err
	}
	if err := validateOutcome(d, prior, o, assessedOf(d, a)); err != nil {
		return nil, err
	}
	return r, nil
}

func validateOutcome(d *triagev1.Decision, prior []*triagev1.Outcome, o *triagev1.Outcome, view assessed) error {
	// The agreement the court records with its choice is a fact of the
	// case like those of the filing: until rules 2026-12-04.21 an
	// administrative choice of simplified procedure at filing with the
	// parties' agreement was refused as ALL82_NOT_QUALIFIED unless a
	// correction restated the filing (audit round 21).
	view.adminAgreement = d.GetCaseKind() == kAdmin && o.GetPartiesAgree()
	if last := lastOutcome(prior); last != nil {
		decided, _ := ParseDate(o.GetDecidedOn()) // validated above
		if t, err := ParseDate(last.GetDecidedOn()); err == nil && decided.Before(t) {
			return conversionErr(RuleOutcomeBeforePrevious, fmt.Sprintf("本次裁定日期%s早于上一次记录的%s。", o.GetDecidedOn(), last.GetDecidedOn()))
		}
	}
	cur := CurrentProcedure(d, prior)
	var err error
	switch o.GetChange() {
	case triagev1.ChangeKind_CHANGE_KIND_CONFIRMED, triagev1.ChangeKind_CHANGE_KIND_OVERRIDDEN:
		err = checkFilingChoice(d, prior, cur, o, view)
	case triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL:
		err = checkPanel(d, prior, cur, o, view)
	case triagev1.ChangeKind_CHANGE_KIND_TIME_LIMIT_RESTARTED:
		err = checkRestart(d, prior, cur, o, view)
	default:
		err = checkConversion(d, prior, cur, o, view)
	}
	if err != nil || !view.corrected {
		return err
	}
	return checkCorrectedTarget(view, o)
}

// checkCorrectedTarget refuses an outcome that, on facts a correction has
// changed, keeps or puts the case in a procedure those facts bar. The
// conversion rules above take the procedure the case leaves as already
// checked against the facts, which holds only while the facts stand:
//   - small claims → the other simplified rules: 民诉法解释第二百七十八条
//     sends a case that no longer meets the small-claims conditions (a
//     changed claim, a counterclaim, 追加当事人…) to the other simplified
//     rules, but "应当适用普通程序审理的，裁定转为普通程序" (¶2): ten
//     plaintiffs after 追加当事人 (Interp. 257(3)), a defendant to be served
//     by public notice (Interp. 140), a major social impact (CPL 42(3));
//   - single judge → panel in criminal simplified procedure: the panel is
//     刑诉法解释第三百六十六条's answer to a likely sentence over three years,
//     not to a bar of simplified procedure found at trial (a deaf
//     defendant, a denial, an objection, a not-guilty defence, CrPL 214–215,
//     Interp. 360), where 第三百六十八条 requires ordinary procedure.
//
// Until rules 2026-12-04.5 both were recorded (audit round 15). Outcomes
// without a correction are not re-checked here: every bar of simplified
// procedure also bars small claims (smallClaimsExclusions), and the
// procedure a panel keeps was checked when the case entered it.
func checkCorrectedTarget(view assessed, o *triagev1.Outcome) error {
	err := checkBarred(view, o.GetProcedure())
	if err == nil {
		return nil
	}
	var ce *ConversionError
	if errors.As(err, &ce) {
		switch o.GetChange() {
		case triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_SIMPLIFIED:
			ce.Message += "小额诉讼案件不再符合条件且应当适用普通程序审理的，应当裁定转为普通程序（民诉法解释第二百七十八条第二款）。"
		case triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL:
			ce.Message += "转由合议庭审理不改变程序；案件不应当或者不宜适用简易程序的，应当转为普通程序审理（刑诉法解释第三百六十八条）。"
		}
	}
	return err
}

// latestCorrection returns the latest correction recorded in prior, or nil.
func latestCorrection(prior []*triagev1.Outcome) *triagev1.FactCorrection {
	for i := len(prior) - 1; i >= 0; i-- {
		if c := prior[i].GetCorrection(); c != nil {
			return c
		}
	}
	return nil
}

func validateOutcomeFields(d *triagev1.Decision, o *triagev1.Outcome, now time.Time) error {
	if o == nil {
		return &FieldError{Field: "outcome", Problem: "is required"}
	}
	switch id := o.GetDecisionId(); {
	case strings.TrimSpace(id) == "":
		return fieldErrorf("outcome.decision_id", "is required")
	case d == nil:
		return fieldErrorf("outcome.decision_id", "names no stored decision")
	case d.GetDecisionId() != "" && id != d.GetDecisionId():
		return fieldErrorf("outcome.decision_id", "does not match the stored decision")
	}
	// The stored decision is the server's own record: if it is unusable the
	// fault is not the caller's, so it is a plain error (INTERNAL).
	kind := d.GetCaseKind()
	if len(kindProcedures(kind)) == 0 {
		return fmt.Errorf("rules: stored decision %q has case kind %v", d.GetDecisionId(), kind)
	}
	filed, err := ParseDate(d.GetFiledOn())
	if err != nil {
		return fmt.Errorf("rules: stored decision %q: filed_on: %w", d.GetDecisionId(), err)
	}

	p := o.GetProcedure()
	if _, ok := triagev1.Procedure_name[int32(p)]; !ok || p == triagev1.Procedure_PROCEDURE_UNSPECIFIED {
		return fieldErrorf("outcome.procedure", "must be SMALL_CLAIMS, SIMPLIFIED, ORDINARY or FAST_TRACK")
	}
	if !hasProcedure(kind, p) {
		return fieldErrorf("outcome.procedure", "%s is not a procedure of %s cases", p, kindName(kind))
	}
	ch := o.GetChange()
	if _, ok := triagev1.ChangeKind_name[int32(ch)]; !ok || ch == triagev1.ChangeKind_CHANGE_KIND_UNSPECIFIED {
		return fieldErrorf("outcome.change", "must be CONFIRMED, OVERRIDDEN or one of the conversions")
	}
	if spec, ok := changes[ch]; ok && p != spec.to {
		return fieldErrorf("outcome.procedure", "must be %s for %s", spec.to, ch)
	}
	if err := validateRestartField(o); err != nil {
		return err
	}

	if err := ValidatePersonID("outcome.decided_by", o.GetDecidedBy()); err != nil {
		return err
	}
	if o.GetDecidedOn() == "" {
		return fieldErrorf("outcome.decided_on", "is required: the date of the ruling, YYYY-MM-DD")
	}
	decided, err := ParseDate(o.GetDecidedOn())
	if err != nil {
		return fieldErrorf("outcome.decided_on", "%v", err)
	}
	if decided.Before(filed) {
		return fieldErrorf("outcome.decided_on", "%s is before the 立案 date %s", o.GetDecidedOn(), d.GetFiledOn())
	}
	// Outcomes are append-only and kept in date order
	// (OUTCOME_BEFORE_PREVIOUS), so a ruling dated in the future would
	// refuse every genuine outcome of the case after it.
	if err := notAfterToday("outcome.decided_on", "ruling", o.GetDecidedOn(), decided, now); err != nil {
		return err
	}
	for _, fv := range [...]struct {
		field, v string
		lines    Lines
		max      int
	}{
		{"outcome.legal_basis", o.GetLegalBasis(), SingleLine, MaxLegalBasisChars},
		{"outcome.reason", o.GetReason(), MultiLine, MaxOutcomeReasonChars},
	} {
		if err := ValidateText(fv.field, fv.v, fv.lines); err != nil {
			return err
		}
		if utf8.RuneCountInString(fv.v) > fv.max {
			return fieldErrorf(fv.field, "is longer than %d characters", fv.max)
		}
	}
	return nil
}

// checkFilingChoice checks CONFIRMED and OVERRIDDEN: the court's choice at
// filing, made once, before anything else is recorded.
func checkFilingChoice(d *triagev1.Decision, prior []*triagev1.Outcome, cur triagev1.Procedure, o *triagev1.Outcome, view assessed) error {
	p := o.GetProcedure()
	if lastOutcome(prior) != nil {
		// Only conversions can follow; a move into small claims or
		// fast-track is one the law does not have, so say that.
		if p != cur {
			switch p {
			case pSmallClaims:
				return noConversionIntoSmallClaimsErr(o)
			case pFastTrack:
				return criminalEraErr(RuleNoConversionIntoFastTrack, o)
			}
		}
		return conversionErr(RuleFilingChoiceNotFirst, fmt.Sprintf("本案已有程序记录，现行程序为%s。", procName(cur)))
	}
	rec := d.GetRecommended()
	switch o.GetChange() {
	case triagev1.ChangeKind_CHANGE_KIND_CONFIRMED:
		if p != rec {
			return conversionErr(RuleConfirmedNotRecommended, fmt.Sprintf("分流建议为%s，记录的程序为%s。", procName(rec), procName(p)))
		}
	case triagev1.ChangeKind_CHANGE_KIND_OVERRIDDEN:
		if p == rec {
			return conversionErr(RuleOverrideIsRecommended, "")
		}
	}
	return checkBarred(view, p)
}

// checkConversion checks a change of procedure during the proceedings.
func checkConversion(d *triagev1.Decision, prior []*triagev1.Outcome, cur triagev1.Procedure, o *triagev1.Outcome, view assessed) error {
	ch := o.GetChange()
	spec := changes[ch]
	kind := d.GetCaseKind()
	if !slices.Contains(spec.kinds, kind) {
		if ch == triagev1.ChangeKind_CHANGE_KIND_ORDINARY_TO_SIMPLIFIED {
			switch kind {
			case kAdmin:
				return adminEraErr(RuleAdminSimplifiedToOrdinaryOnly, o)
			case kCriminal:
				return criminalEraErr(RuleCriminalNoOrdinaryToSimplified, o)
			}
		}
		return conversionErr(RuleChangeNotForCaseKind, fmt.Sprintf("“%s”不适用于%s案件。", changeName(ch), kindChinese(kind)))
	}
	if cur != spec.from {
		return conversionErr(RuleChangeNotFromCurrent, fmt.Sprintf("“%s”须从%s作出，本案现行程序为%s。", changeName(ch), procName(spec.from), procName(cur)))
	}
	switch ch {
	case triagev1.ChangeKind_CHANGE_KIND_ORDINARY_TO_SIMPLIFIED:
		if t, ok := rulingDate(o); ok && t.Before(prov2003InForce) {
			return conversionErr(RuleOpinion1992NoOrdinaryToSimplified, fmt.Sprintf("裁定日期为%s。", o.GetDecidedOn()))
		}
		if o.GetOrdinaryHearingHeld() {
			return conversionErr(RuleInterp260AfterHearing, "")
		}
		if !o.GetPartiesAgree() {
			e := conversionErr(RuleProv2NoAgreement, "")
			e.Article = prov2Article(o)
			return e
		}
		// Interp. 264 ¶2 speaks to exactly this request (an agreement to
		// simplified procedure in an Interp. 257 case), so such a bar is
		// reported under its rule; every other bar as PROCEDURE_EXCLUDED.
		for _, r := range Bars(view.option(pSimplified)) {
			if interp257Code(r.GetCode()) {
				return interp264Err(o, fmt.Sprintf("%s：%s（%s）", source(view), r.GetMessage(), r.GetCode()))
			}
		}
		if panelSinceChange(prior, cur) {
			return conversionErr(RuleCPL43NoSimplifiedAfterPanel, "")
		}
		return checkBarred(view, pSimplified)
	case triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_SIMPLIFIED:
		return checkBarred(view, pSimplified)
	}
	// 简转普, small claims → simplified rules or ordinary, fast-track →
	// ordinary: the law directs these whenever the court finds the case
	// unsuited (CPL 169–170, 行政诉讼法 84, CrPL 221, 226), so nothing in the
	// record can bar them. Small claims → simplified rules is not checked
	// against the simplified option either: CPL 169 mandates it even where
	// simplified procedure would not have been open at filing (a maritime
	// court, Interp. 273), and every other bar of simplified procedure also
	// bars small claims (Interp. 257 via 281, CPL 166, 42, Interp. 140), so
	// the small-claims procedure it leaves was already checked against it —
	// on the facts as they were: facts a correction changes are checked
	// after this (checkCorrectedTarget, Interp. 278 ¶2).
	return nil
}

// checkPanel checks single judge → panel: CPL 43 (civil) and Interp. 366
// (criminal simplified) keep the procedure and change only the bench.
func checkPanel(d *triagev1.Decision, prior []*triagev1.Outcome, cur triagev1.Procedure, o *triagev1.Outcome, view assessed) error {
	if o.GetProcedure() != cur {
		return conversionErr(RulePanelKeepsProcedure, fmt.Sprintf("本案现行程序为%s，记录的程序为%s。", procName(cur), procName(o.GetProcedure())))
	}
	switch d.GetCaseKind() {
	case kCivil:
		switch cur {
		case pSmallClaims, pSimplified:
			return conversionErr(RuleCPL40SimplifiedIsSingleJudge, "")
		case pOrdinary:
			if !basicCourt(view) {
				return conversionErr(RuleCPL40PanelAboveBasicCourt, "")
			}
			if rule, ok := civilPanelRulingRule(o); ok {
				return conversionErr(rule, fmt.Sprintf("裁定日期为%s。", o.GetDecidedOn()))
			}
		}
	case kAdmin:
		return conversionErr(RuleAdminNoSingleJudgeToPanel, "")
	case kCriminal:
		switch cur {
		case pFastTrack:
			return conversionErr(RuleCrPL222FastTrackIsSingleJudge, "")
		case pOrdinary:
			return conversionErr(RuleCrPL183OrdinaryIsPanel, "")
		case pSimplified:
			if criminalPanelRulingEra(o) {
				return conversionErr(RuleCrPL1996SimplifiedIsSingleJudge, fmt.Sprintf("裁定日期为%s。", o.GetDecidedOn()))
			}
		}
	}
	if panelSinceChange(prior, cur) {
		return conversionErr(RulePanelAlreadyFormed, "")
	}
	return nil
}

// Bars returns the reasons that bar an option: all its reasons when the
// assessment found it unavailable, none otherwise. This is the one rule by
// which an outcome is held to the assessment: whatever made the rules close
// a procedure on the facts of the filing (its status, such as the court's
// level or a minor defendant, and equally a condition the filing did not
// establish, such as a guilty plea, an agreement or an amount within the
// limit) bars the court's choice of it, until an outcome corrects those
// facts and the corrected filing opens it. An undetermined option (a limit
// not configured) bars nothing: the court decides.
func Bars(o *triagev1.ProcedureOption) []*triagev1.Reason {
	if o.GetAvailability() != triagev1.Availability_AVAILABILITY_UNAVAILABLE {
		return nil
	}
	return o.GetReasons()
}

// PanelByLaw reports whether the law tries every first-instance case of
// decision d under procedure p by a panel (合议庭), whatever its facts, so
// that no single judge, and so no 速裁团队 (whose judges sit alone), may
// hold it:
//   - criminal ordinary procedure: CrPL 183 lets a basic court's judge sit
//     alone only in simplified procedure and fast-track (checkPanel's
//     CRPL183_ORDINARY_IS_PANEL);
//   - administrative ordinary procedure: 行政诉讼法 68 tries a case by a
//     panel, 83 by one judge only in simplified procedure (checkPanel's
//     ALL68_83_NO_SINGLE_JUDGE_TO_PANEL);
//   - civil ordinary procedure above the basic court: CPL 40 ¶2 lets only
//     a basic court try an ordinary case by one judge (basicCourt), and a
//     maritime court is of intermediate level on every date (its own
//     panel codes, which RequiresPanel reads too).
//
// RequiresPanel adds the panels the facts of a case require (a remand, a
// public-interest suit…). Civil ordinary procedure before 2022 (CPL
// 2012/2017 art. 39) is left out: the 2020–2021 繁简分流 pilot courts could
// sit alone (civilPanelRulingRule), and which courts they were is not known.
func PanelByLaw(d *triagev1.Decision, p triagev1.Procedure) bool {
	if p != pOrdinary {
		return false
	}
	switch d.GetCaseKind() {
	case kCriminal, kAdmin:
		return true
	case kCivil:
		return !basicCourt(assessed{options: d.GetOptions()})
	}
	return false
}

// checkBarred refuses p when the assessment barred it, naming every barring
// code and the first one's article; an administrative outcome stating the
// parties' agreement is not barred for want of one (assessed.adminAgreement).
func checkBarred(view assessed, p triagev1.Procedure) error {
	bars := Bars(view.option(p))
	if p == pSimplified && view.adminAgreement {
		bars = slices.DeleteFunc(slices.Clone(bars), func(r *triagev1.Reason) bool {
			return r.GetCode() == CodeAdmin82NotQualified
		})
	}
	if len(bars) == 0 {
		return nil
	}
	parts := make([]string, len(bars))
	for i, r := range bars {
		parts[i] = fmt.Sprintf("%s（%s，%s）", r.GetMessage(), r.GetCode(), r.GetArticle())
	}
	e := conversionErr(RuleProcedureExcluded, fmt.Sprintf("%s排除%s：%s", source(view), procName(p), strings.Join(parts, "")))
	e.Article = bars[0].GetArticle()
	return e
}

// source says which facts a bar was found on, for messages.
func source(view assessed) string {
	if view.corrected {
		return "按更正后的立案信息"
	}
	return "分流决定记载"
}

// interp257Code reports whether a reason code is one of Interp. 257's cases
// or Interp. 264 ¶2's refusal of an agreement in one, or (before 2015-02-04)
// of 若干规定 art. 1's, or (before 2003-12-01) of the 1992 意见's arts. 169
// and 174 that stand for three of them.
func interp257Code(code string) bool {
	switch code {
	case CodeInterp264NoAgreement, CodeOpinion1992Whereabouts, CodeOpinion1992Remanded, CodeOpinion1992Retrial:
		return true
	}
	return strings.HasPrefix(code, "INTERP257_") || strings.HasPrefix(code, "PROV1_")
}

// basicCourt reads the court level from the assessment: civil simplified
// procedure is closed only to courts above the basic level (CPL 160; before
// 2022 CPL 2012/2017 art. 157, before 2013 CPL 1991/2007 art. 142), and a
// maritime court, which MSPL 98 gives simplified procedure although it sits
// at intermediate level, is known by its ordinary option's panel code (or,
// before 2000-07-01, its simplified option's MSPL98_NOT_IN_FORCE). An
// assessment without options is taken to be from a basic court.
func basicCourt(view assessed) bool {
	for _, r := range view.option(pSimplified).GetReasons() {
		switch r.GetCode() {
		case CodeCPL160CourtLevel, CodeCPL2017SimplifiedCourtLevel, CodeCPL2007SimplifiedCourtLevel, CodeMSPL98NotInForce:
			return false
		}
	}
	// A maritime court opens simplified procedure by MSPL 98, not as a
	// basic court; its ordinary option says it is tried by a panel.
	for _, r := range view.option(pOrdinary).GetReasons() {
		switch r.GetCode() {
		case CodeCPL40MaritimePanel, CodeCPL2017MaritimePanel, CodeCPL2007MaritimePanel:
			return false
		}
	}
	return true
}

func decisionOption(d *triagev1.Decision, p triagev1.Procedure) *triagev1.ProcedureOption {
	for _, o := range d.GetOptions() {
		if o.GetProcedure() == p {
			return o
		}
	}
	return nil
}

// PanelRuled reports whether a single judge → panel ruling (CPL 43:
// "裁定转由合议庭审理"; 刑诉法解释第三百六十六条: "应当转由合议庭审理") was
// recorded since the procedure in force began, the outcomes of decision d
// being recorded (oldest first, the one being recorded last). The court has
// then found that the case needs a panel under that procedure, so a team
// whose judges sit alone (a 速裁团队, routing.OffFastTrack) may no longer
// hold it, as for the panels the law or the facts require (PanelByLaw,
// RequiresPanel). A conversion to another procedure ends it: the new
// procedure's own bench rules apply.
func PanelRuled(d *triagev1.Decision, recorded []*triagev1.Outcome) bool {
	return panelSinceChange(recorded, CurrentProcedure(d, recorded))
}

// panelSinceChange reports whether a panel was recorded since the procedure
// in force began: walking back through the outcomes of that procedure.
func panelSinceChange(prior []*triagev1.Outcome, cur triagev1.Procedure) bool {
	for i := len(prior) - 1; i >= 0; i-- {
		o := prior[i]
		if o == nil {
			continue
		}
		if o.GetProcedure() != cur {
			return false
		}
		if o.GetChange() == triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL || remandPanel(o) {
			return true
		}
	}
	return false
}

// The civil single judge → panel ruling (CPL 40 ¶2, 43) exists from CPL
// 2021 (2022-01-01). From 2013-01-01 (CPL 2012) to then, CPL 2012/2017 art.
// 39 had every first-instance case tried by a panel except in simplified
// procedure, so a ruling of that time moving an ordinary case from a single
// judge to a panel records something the law had no place for. The
// NPCSC's 2019 authorisation of the civil 繁简分流 pilot (人大常委会字〔2019〕42号,
// SPC 试点实施办法 法〔2020〕11号) let pilot courts try some ordinary cases by a
// single judge (the decision set CPL 2017 art. 39 ¶1, ¶2 aside for them).
// Its courts and its start, 2020-01-15, are confirmed (rules/civilpilot.go)
// but its single-judge articles were not read, so every ruling from
// 2020-01-01 is still accepted, at any court. Before 2013-01-01 CPL
// 1991/2007 art. 40 had the same rule ("人民法院审理第一审民事案件，由审判员、
// 陪审员共同组成合议庭或者由审判员组成合议庭…适用简易程序审理的民事案件，由
// 审判员一人独任审理"; docs/statutes.md, Civil: before 2013), and no pilot
// ran, so such a ruling is refused under that article. docs/statutes.md,
// Conversions, lists the periods.
var civilPanelRefusedUntil = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// civilPanelRulingRule returns the rule a civil single judge → panel in
// ordinary procedure breaks by its ruling date, when the law then in force
// had no single judge in ordinary procedure: CPL 1991/2007 art. 40 before
// 2013-01-01, CPL 2012/2017 art. 39 until 2019-12-31; false from 2020.
func civilPanelRulingRule(o *triagev1.Outcome) (string, bool) {
	t, ok := rulingDate(o)
	switch {
	case !ok || !t.Before(civilPanelRefusedUntil):
		return "", false
	case t.Before(cpl2012InForce):
		return RuleCPL2007OrdinaryIsPanel, true
	}
	return RuleCPL2017OrdinaryIsPanel, true
}

// criminalPanelRulingEra reports whether o, a criminal single judge →
// panel in simplified procedure, is dated before CrPL 2012 came into force
// (2013-01-01). The 1996 law gave simplified procedure to one judge alone
// (art. 174: "可以适用简易程序，由审判员一人独任审判"), as the filing rules
// read it for a remanded or retried case (CRPL1996_192_…, CRPL1996_206_…);
// the 2012 amendment's art. 210 (CrPL 216 now) first let it sit as a panel,
// and Interp. 366's ruling sends a simplified case to one. The date is the
// ruling's: a case filed in 2012 and sent to a panel in 2013 was under the
// 2012 law when the panel was formed.
func criminalPanelRulingEra(o *triagev1.Outcome) bool {
	t, ok := rulingDate(o)
	return ok && t.Before(crpl2012InForce)
}

// rulingDate is an outcome's decided_on, which validateOutcomeFields has
// checked before any rule that reads it by era; false only for a date it
// would have refused, on which nothing is refused by era.
func rulingDate(o *triagev1.Outcome) (time.Time, bool) {
	t, err := ParseDate(o.GetDecidedOn())
	return t, err == nil
}

// interp264Err is RuleInterp264Interp257Case for the date of the ruling: a
// 普转简 ruled before 2015-02-04, when Interp. 257 and 264 did not exist,
// broke 若干规定 art. 1 and art. 2 (an agreement is for a case art. 1 does
// not exclude), which the rule then cites in their stead.
func interp264Err(o *triagev1.Outcome, detail string) *ConversionError {
	e := conversionErr(RuleInterp264Interp257Case, detail)
	if t, ok := rulingDate(o); ok && t.Before(interp2015InForce) {
		e.Article = reason(CodeProv1AgreementExcluded).GetArticle()
		e.Message = detail + "本案属于若干规定第一条除外的案件（裁定时民诉法解释尚未施行），当事人约定适用简易程序的，不予适用。"
	}
	return e
}

// prov2Article is RuleProv2NoAgreement's article for the date of the
// ruling: the agreement provision of the CPL then in force beside 若干规定
// art. 2 — CPL 160 ¶2 from 2022-01-01, CPL 2012/2017 art. 157 ¶2 (the text
// CodeCPL2017SimplifiedAgreement cites) from 2013-01-01; before 2013 only
// 若干规定 art. 2: CPL 1991/2007 art. 142 had no agreement paragraph (the
// 2012 amendment added it), as CodeProv2Agreement says. A ruling before
// 2003-12-01 never gets here: RuleOpinion1992NoOrdinaryToSimplified.
func prov2Article(o *triagev1.Outcome) string {
	const prov2 = "最高人民法院关于适用简易程序审理民事案件的若干规定第二条"
	t, ok := rulingDate(o)
	switch {
	case !ok || !t.Before(cpl2021InForce):
		return conversionErr(RuleProv2NoAgreement, "").Article
	case t.Before(cpl2012InForce):
		return prov2
	}
	return prov2 + "；民事诉讼法（2012年、2017年修正）第一百五十七条第二款"
}

// adminEraErr is conversionErr for RuleAdminSimplifiedToOrdinaryOnly on the
// date of the ruling, whose table article cites 行诉法解释 (in force
// 2018-02-08):
//   - 2015-05-01 to 2018-02-07: 行政诉讼法第八十二条、第八十四条 alone (the
//     2015 interpretation, 法释〔2015〕9号, has no simplified-procedure
//     article);
//   - before 2015-05-01: the 1989 law had no simplified procedure at all,
//     so the ruling cites the amendment that created it, as
//     ALL82_NOT_IN_FORCE does, and says so.
//
// Until rules 2026-12-04.21 every date cited the table's (audit round 21).
func adminEraErr(rule string, o *triagev1.Outcome) *ConversionError {
	e := conversionErr(rule, "")
	t, ok := rulingDate(o)
	switch {
	case !ok || !t.Before(adminInterp2018InForce):
	case t.Before(adminLaw2014InForce):
		e.Article = reason(CodeAdmin82NotInForce).GetArticle()
		e.Message = "裁定时施行的行政诉讼法（1989年）没有简易程序；简易程序（行政诉讼法第八十二条至第八十四条）自2015年5月1日起施行。"
	default:
		e.Article = "行政诉讼法第八十二条、第八十四条"
	}
	return e
}

// criminalEraErr is conversionErr for the two criminal rules whose table
// article cites 刑诉法解释 (2021), in force 2021-03-01: a ruling before then
// cites what was in force on its date, so far as the texts were confirmed.
//   - 2018-10-26 to 2021-02-28: CrPL 2018 without the 2021 interpretation's
//     articles; for 普转简 also Interp. 2012 art. 298 (简转普).
//   - 2013-01-01 to 2018-10-25, 普转简 only: CrPL 2012 art. 215 and Interp.
//     2012 art. 298, its 简转普 provisions (CrPL 221 / Interp. 368 now).
//
// Interp. 2012's counterpart of Interp. 359 (simplified procedure decided
// when the indictment is served), the fast-track pilot's measures and the
// 1996 law were not confirmed: those citations stay as the table's, and
// docs/statutes.md says so. Source for CrPL 2012 art. 215 and Interp. 2012
// art. 298: both quoted in full at dyzxw.org/html/article/201305/07/130345.shtml
// (2013).
func criminalEraErr(rule string, o *triagev1.Outcome) *ConversionError {
	e := conversionErr(rule, "")
	t, ok := rulingDate(o)
	if !ok || !t.Before(crInterp2021InForce) {
		return e
	}
	switch {
	case rule == RuleNoConversionIntoFastTrack && !t.Before(crpl2018InForce):
		e.Article = "刑事诉讼法第二百二十六条"
	case rule == RuleCriminalNoOrdinaryToSimplified && !t.Before(crpl2018InForce):
		e.Article = "刑事诉讼法第二百二十一条、第二百二十六条；刑诉法解释（2012年）第二百九十八条"
	case rule == RuleCriminalNoOrdinaryToSimplified && !t.Before(crpl2012InForce):
		e.Article = "刑事诉讼法（2012年修正）第二百一十五条；刑诉法解释（2012年）第二百九十八条"
	}
	return e
}

// ProcedureName is the Chinese name of a procedure (简易程序), for text
// read by clerks, judges and team leads; an unknown value keeps its enum name.
func ProcedureName(p triagev1.Procedure) string { return procName(p) }

// CaseKindName is the Chinese name of a case kind (民事, 行政, 刑事), for
// text read by clerks, judges and team leads.
func CaseKindName(k triagev1.CaseKind) string { return kindChinese(k) }

// ChangeName is the Chinese name of an outcome's change, for text read by
// clerks, judges and team leads: a conversion by its procedures (简易程序转为
// 普通程序), the other kinds by what the court did.
func ChangeName(ch triagev1.ChangeKind) string {
	switch ch {
	case triagev1.ChangeKind_CHANGE_KIND_CONFIRMED:
		return "确认分流建议"
	case triagev1.ChangeKind_CHANGE_KIND_OVERRIDDEN:
		return "改变分流建议"
	case triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL:
		return "转由合议庭审理"
	case triagev1.ChangeKind_CHANGE_KIND_TIME_LIMIT_RESTARTED:
		return "重新计算审理期限"
	}
	return changeName(ch)
}

// changeName is the Chinese name of a conversion, for messages.
func changeName(ch triagev1.ChangeKind) string {
	spec, ok := changes[ch]
	if !ok {
		return ch.String()
	}
	return procName(spec.from) + "转为" + procName(spec.to)
}

func kindChinese(k triagev1.CaseKind) string {
	switch k {
	case kCivil:
		return "民事"
	case kAdmin:
		return "行政"
	case kCriminal:
		return "刑事"
	}
	return k.String()
}

// restartsClock reports whether a change restarts the time limit from the
// date of the decision: only criminal conversions out of simplified or
// fast-track procedure do (刑诉法解释 368 ¶2, 376), and the criminal
// restarts recorded as such (CrPL 208 ¶2–3, 241, 刑诉法解释 209:
// rules/restart.go), from the day the clock starts again. Every civil and
// administrative limit runs from 立案 (CPL 152, 164, 168 and Interp. 258 ¶3;
// 行政诉讼法 81, 83 and 行诉法解释 105 ¶2).
func restartsClock(kind triagev1.CaseKind, ch triagev1.ChangeKind) bool {
	if kind != kCriminal {
		return false
	}
	switch ch {
	case triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY,
		triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_SIMPLIFIED,
		triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_ORDINARY,
		triagev1.ChangeKind_CHANGE_KIND_TIME_LIMIT_RESTARTED:
		return true
	}
	return false
}

// counting says where the clock of a converted case starts and on which
// provision, appended to the period's article and extension.
type counting struct{ article, note string }

var conversionCounting = map[triagev1.CaseKind]map[triagev1.ChangeKind]counting{
	kCivil: {
		triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY:     {"民诉法解释第二百五十八条第三款", "由简易程序转为普通程序，审理期限自立案之日计算。"},
		triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY:   {"民诉法解释第二百八十一条、第二百五十八条第三款", "由小额诉讼程序转为普通程序，审理期限自立案之日计算。"},
		triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_SIMPLIFIED: {"民事诉讼法第一百六十九条第一款", "小额诉讼案件适用简易程序的其他规定审理，审理期限仍自立案之日计算。"},
		triagev1.ChangeKind_CHANGE_KIND_ORDINARY_TO_SIMPLIFIED:     {"最高人民法院关于适用简易程序审理民事案件的若干规定第二条", "由普通程序转为简易程序，审理期限仍自立案之日计算。"},
	},
	kAdmin: {
		triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY: {"行诉法解释第一百零五条第二款", "由简易程序转为普通程序，审理期限自立案之日起计算。"},
	},
	kCriminal: {
		triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY:   {"刑诉法解释第三百六十八条第二款", "转为普通程序审理的，审理期限从作出决定之日起计算。"},
		triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_SIMPLIFIED: {"刑诉法解释第三百七十六条", "由速裁程序转为简易程序审理的，审理期限从作出决定之日起计算。"},
		triagev1.ChangeKind_CHANGE_KIND_FAST_TRACK_TO_ORDINARY:   {"刑诉法解释第三百七十六条", "由速裁程序转为普通程序审理的，审理期限从作出决定之日起计算。"},
	},
}

// adminCounting2015 is the administrative 简转普's counting for a ruling
// before 行诉法解释 (in force 2018-02-08): 行政诉讼法第一百零一条 sent what the
// ALL does not provide on simplified procedure to the CPL's provisions, so
// 民诉法解释（2015年）第二百五十八条第三款 ("案件转为普通程序审理的，审理期限
// 自人民法院立案之日计算"; whalehearted.com/zs/1262104.aspx and
// ruoyo.com/falv/minshi/2548.html quote the article) counted the ordinary
// period from 立案, as 第一百零五条第二款 does now. Until rules 2026-12-04.21
// such a ruling cited the 2018 interpretation (audit round 21).
var adminCounting2015 = counting{"行政诉讼法第一百零一条；民诉法解释（2015年）第二百五十八条第三款", "由简易程序转为普通程序，审理期限自立案之日计算。"}

// adminCountingOn is how an administrative conversion ruled on day t counts
// its clock (conversionCounting holds today's texts, cur): 简转普, the one
// administrative conversion, by 行诉法解释第一百零五条第二款 from 2018-02-08
// and adminCounting2015 before. No ruling before 2015-05-01 can leave
// simplified procedure, which the 1989 law did not have (ALL82_NOT_IN_FORCE);
// OutcomeTimeLimit, asked for one, shows the 2015 texts.
func adminCountingOn(ch triagev1.ChangeKind, t time.Time, cur counting) counting {
	if ch == triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY && t.Before(adminInterp2018InForce) {
		return adminCounting2015
	}
	return cur
}

// OutcomeTimeLimit is the statutory time limit under the procedure an
// outcome applies, with its due date (rules.DueDate: the first day not
// counted, month ends clamped). filedOn is the 立案 (criminal: 受理) date,
// decidedOn the outcome's ruling date, sentence the filing's circumstances
// whose sentencing recommendation (kind and term) chooses the criminal
// extension texts (nil = none stated).
//
// The clock runs from filedOn except for criminal conversions out of
// simplified or fast-track procedure, where it restarts from decidedOn
// (刑诉法解释 368 ¶2, 376): civil 简转普 keeps counting from 立案 (Interp. 258
// ¶3), and so do small claims → simplified rules or ordinary (CPL 164's own
// "自立案之日起", Interp. 281 → 258 ¶3), 普转简 (CPL 164) and
// administrative 简转普 (行诉法解释 105 ¶2). A change that keeps the
// procedure (single judge → panel) keeps its clock, counted here from
// filedOn; use OutcomeTimeLimitFromRecord when an earlier criminal
// conversion restarted it, or when a civil case is foreign-related (CPL 287:
// no limit for ordinary procedure). It returns nil for a procedure that is
// not one of the case kind's.
//
// The due date moves off rest days by the engine's holiday calendar like a
// decision's (see timeLimit); detained applies CrPL 105 ¶4's proviso.
func (e *Engine) OutcomeTimeLimit(kind triagev1.CaseKind, filedOn time.Time, o *triagev1.Outcome, decidedOn time.Time, sentence *triagev1.Circumstances, detained bool) *triagev1.TimeLimit {
	start := filedOn
	if restartsClock(kind, o.GetChange()) {
		start = decidedOn
	}
	return outcomeTimeLimit(kind, start, o, sentence, false, detained, e.holidays)
}

func outcomeTimeLimit(kind triagev1.CaseKind, start time.Time, o *triagev1.Outcome, sentence *triagev1.Circumstances, foreign, inCustody bool, cal *Calendar) *triagev1.TimeLimit {
	p := o.GetProcedure()
	if !hasProcedure(kind, p) {
		return nil
	}
	// The recommendation's kind and term decide the extensions as they do a
	// decision's (SentenceOf): 拘役 or a fine is no 有期徒刑 over one year.
	f := &triagev1.Filing{CaseKind: kind, Circumstances: &triagev1.Circumstances{
		RecommendedSentenceMonths: sentence.GetRecommendedSentenceMonths(),
		RecommendedSentenceKind:   sentence.GetRecommendedSentenceKind(),
		DefendantDetained:         inCustody,
		// A private prosecution's ordinary period (CrPL 212 ¶2).
		PrivateProsecution: sentence.GetPrivateProsecution(),
	}}
	a := &Assessment{FiledOn: start, Facts: Facts{Foreign: foreign}}
	tl := timeLimit(f, a, p, cal)
	if c, ok := countingOf(kind, o); ok && !tl.GetNoStatutoryLimit() {
		if c.article != "" { // none for a ruling before the texts (civilCountingOn)
			tl.Article += "；" + c.article
		}
		tl.Extension = c.note + tl.Extension
	}
	return tl
}

// OutcomeTimeLimitFromRecord is OutcomeTimeLimit for the server, read from
// the stored decision (case kind, filed_on, whether CPL 287 exempts the case
// as foreign-related) and the prior outcomes (the date a criminal clock last
// restarted, which a panel keeps), counted with the engine's holiday
// calendar; a decision that recorded a defendant in custody under any of
// the codes crimCodesOn gives or gave (isDetainedCode: CRPL105_…, and on
// older filings CRPL2012_103_…, INTERP1998_103_…, CRPL1996_79_…, or the
// CRPL105_… that rules versions before 2026-12-04 recorded on filings
// before 2013) keeps its last days. When this outcome or an earlier one
// corrects the facts, these are read from the corrected filing instead (and,
// in criminal cases, the recommendation from it rather than sentence). Call
// it after ValidateOutcome.
func (e *Engine) OutcomeTimeLimitFromRecord(d *triagev1.Decision, prior []*triagev1.Outcome, o *triagev1.Outcome, sentence *triagev1.Circumstances) (*triagev1.TimeLimit, error) {
	return e.recordOf(d, prior, o).timeLimitOf(o, sentence)
}

// TimeLimit is OutcomeTimeLimitFromRecord for the outcome of the record,
// read on the assessment CheckOutcomeRecord made of the facts as last
// corrected.
func (r *OutcomeRecord) TimeLimit(sentence *triagev1.Circumstances) (*triagev1.TimeLimit, error) {
	return r.timeLimitOf(r.o, sentence)
}

// timeLimitOf is OutcomeTimeLimitFromRecord for o, an outcome on r's
// record and facts: r's own, or one OutcomeReview puts in its place (the
// period of the procedure the case leaves), which carries r's outcome's
// correction.
func (r *OutcomeRecord) timeLimitOf(o *triagev1.Outcome, sentence *triagev1.Circumstances) (*triagev1.TimeLimit, error) {
	d, prior := r.d, r.prior
	filed, err := ParseDate(d.GetFiledOn())
	if err != nil {
		return nil, fmt.Errorf("rules: stored decision %q: filed_on: %w", d.GetDecisionId(), err)
	}
	decided, err := ParseDate(o.GetDecidedOn())
	if err != nil {
		return nil, fieldErrorf("outcome.decided_on", "%v", err)
	}
	kind := d.GetCaseKind()
	start := filed
	switch {
	case restartsClock(kind, o.GetChange()):
		start = decided
	case o.GetChange() == triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL:
		// The panel keeps the clock of the procedure in force: from the last
		// conversion that restarted it, if any.
		for i := len(prior) - 1; i >= 0; i-- {
			if q := prior[i]; q != nil && restartsClock(kind, q.GetChange()) {
				if t, err := ParseDate(q.GetDecidedOn()); err == nil {
					start = t
				}
				break
			}
		}
	}
	// Whether the case is foreign-related (CPL 287) and the defendant in
	// custody (CrPL 105 ¶4) are facts of the case as last corrected, as the
	// procedure is (CheckOutcome): a party found foreign-related lifts the
	// ordinary period, a defendant found detained keeps its last day, and
	// the recommendation corrected earlier still chooses the extension.
	// Until rules 2026-12-04.5 they were read from the decision alone
	// (audit round 15).
	ordinary, inferences := decisionOption(d, pOrdinary).GetReasons(), d.GetInferences()
	a, err := r.assessment()
	if err != nil {
		return nil, err
	}
	if a != nil {
		ordinary, inferences = a.Option(pOrdinary).GetReasons(), a.Inferences
		if kind == kCriminal {
			sentence = r.correction.GetFiling().GetCircumstances()
		}
	}
	foreign := false
	for _, q := range ordinary {
		if isForeignNoTimeLimit(q.GetCode()) {
			foreign = true
		}
	}
	inCustody := false
	for _, q := range inferences {
		if isDetainedCode(q.GetCode()) {
			inCustody = true
		}
	}
	tl := outcomeTimeLimit(kind, start, o, sentence, foreign, inCustody, r.e.holidays)
	if tl == nil {
		return nil, fieldErrorf("outcome.procedure", "%s is not a procedure of %s cases", o.GetProcedure(), kindName(kind))
	}
	return tl, nil
}
