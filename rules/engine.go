package rules

import (
	"strings"
	"time"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/hanscan"
)

// chinaTime is Beijing time; China has no daylight saving, so a fixed zone is
// exact and needs no tzdata on the host.
var chinaTime = time.FixedZone("CST", 8*3600)

// Beijing returns Beijing time, the courts' calendar: filing dates and
// "since" dates are days in it.
func Beijing() *time.Location { return chinaTime }

// Engine evaluates filings against the statutes and the loaded rules file. It
// is immutable after Load and safe for concurrent use.
type Engine struct {
	version        string
	limits         map[string][]limit // by province code, sorted by effective date
	causes         *causeIndex
	groupMin       int
	reviewKeywords *keywordMatcher
	holidays       *Calendar
	now            func() time.Time
	// observe, when set (WithEvaluateObserver), sees every filing
	// Evaluate is given.
	observe func(*triagev1.Filing)
}

// Version identifies the rules: the file's version and a hash of its bytes, so
// two different files never share a version in the decision record.
func (e *Engine) Version() string { return e.version }

// WithClock returns a copy of the engine that reads "today" from now; it is
// used when a filing has no filed_on.
func (e *Engine) WithClock(now func() time.Time) *Engine {
	c := *e
	c.now = now
	return &c
}

// WithHolidays returns a copy of the engine that moves due dates off the
// rest days of cal (flag -holidays) instead of the embedded calendar.
func (e *Engine) WithHolidays(cal *Calendar) *Engine {
	c := *e
	c.holidays = cal
	return &c
}

// WithEvaluateObserver returns a copy of the engine that calls observe with
// every filing Evaluate is given, before it evaluates it (nil: none). It is
// for tests that count evaluations: recording an outcome evaluates the
// filing as last corrected once (OutcomeRecord), however many of its
// checks read it. observe must be safe for concurrent use if the engine is.
func (e *Engine) WithEvaluateObserver(observe func(*triagev1.Filing)) *Engine {
	c := *e
	c.observe = observe
	return &c
}

// Holidays returns the holiday calendar the engine counts due dates with.
func (e *Engine) Holidays() *Calendar { return e.holidays }

// LookupCause resolves a written cause of a case kind to its node in the
// official catalogues merged with the rules file's causes (exactly, by an
// older name, by the longest name it contains, or by its ending's family;
// docs/causes.md). Cause.Known is false when nothing matched.
func (e *Engine) LookupCause(kind triagev1.CaseKind, cause string) Cause {
	return e.causes.lookup(cause, kindName(kind))
}

// LookupCharges reads every charge a criminal filing's cause names
// (Charges): LookupCause gives the first of several, which is the node the
// classifier and teams read; the rules check each.
func (e *Engine) LookupCharges(cause string) Charges {
	return e.causes.charges(cause)
}

// Assessment is the legal evaluation of one filing: which procedures are open,
// why, and what needs a human look. It carries no model probabilities.
type Assessment struct {
	// FiledOn is the 立案 date the assessment used.
	FiledOn time.Time
	// Options holds one option per procedure of the case kind, in the order
	// small claims/fast-track, simplified, ordinary.
	Options []*triagev1.ProcedureOption
	// ReviewReasons are the signals that require a human look
	// (docs/statutes.md, Review signals).
	ReviewReasons []*triagev1.Reason
	// Inferences say what the rules read from the filing beyond its flags.
	Inferences []*triagev1.Reason
	// Limit is the small-claims limit applied (civil filings only).
	Limit *triagev1.SmallClaimsLimit
	// Facts are the derived facts, for the classifier's features.
	Facts Facts

	// text is the filing's text as this evaluation read it (TextRunes).
	text filingText
}

// Facts are what the rules derived from a filing.
type Facts struct {
	Cause Cause
	// Charges are the charges a criminal filing's cause names, each
	// resolved (LookupCharges); empty for other kinds.
	Charges      Charges
	Plaintiffs   int
	Defendants   int
	ThirdParties int
	Numerous     bool // ten or more on one side (Interp. 75)
	Foreign      bool
	// ForeignFacts: Foreign by the thing in dispute or a legal fact abroad
	// read from the text (Interp. 520(3), (4)), or by the cause or the
	// text calling the case foreign-related (round 29), no party foreign.
	ForeignFacts         bool
	PersonalStatus       bool // stated or inferred from the cause
	PropertyConfirmation bool // stated or inferred from the cause
	NonMonetary          bool // stated or inferred from the cause
	// PublicInterest: stated, or (civil) a 公益诉讼 cause (Interp. 257(5)).
	PublicInterest bool
	// ThirdPartyRevocation: stated, or (civil) a 第三人撤销之诉 cause
	// (Interp. 257(6), 292).
	ThirdPartyRevocation bool
	// AmountToLimit is the claim divided by the applicable CPL 165 ¶1 limit;
	// 0 when there is no claim or no limit.
	AmountToLimit float64
	// Claims is what a civil filing's text says of its claims (readClaims):
	// a claim for more than money, the largest sum named. Civil only.
	Claims ClaimsReading
	// ChangedClaimFen is the largest sum, in fen, of a changed or increased
	// claim the text states (增加/变更诉讼请求, round 27), which Interp. 278
	// compares with the small-claims figure; ChangedClaim the change's
	// words. Civil only; 0 and "" when none.
	ChangedClaimFen int64
	ChangedClaim    string
	// NotSimple is the words of a civil text that call this case complex,
	// difficult or new (complexIn, notSimpleIn; statute round 32), which
	// keep small claims from being the court's duty; "" when none.
	NotSimple string
	// GroupImpact is the words of a civil text that call this case a
	// group dispute or one of wide public attention (CPL 42 (2), (3):
	// groupImpactIn), "" when none; small claims is then no court's duty
	// (notSimpleSmallClaims).
	GroupImpact string
	// SmallClaimsObjection is the words of a civil text that state a
	// party's objection to small claims or simplified procedure (statute
	// round 34, smallClaimsObjectionIn).
	SmallClaimsObjection string
	// UnreachableParty, UnreachableDefendant are the words in which a civil
	// text says a party, or a defendant, cannot be reached short of 下落不明
	// (readWhereabouts: 失联, 联系不上, 住址不明; statute rounds 32b, 33), which
	// keep small claims from being the court's duty; "" when none.
	UnreachableParty, UnreachableDefendant string
	// Maritime: the court is a maritime court (海事法院), which may use small
	// claims (Interp. 273) and simplified procedure (海事诉讼特别程序法第九十八条)
	// though it sits at intermediate level. Civil filings only.
	Maritime bool
	// CivilPilot is the city of the civil 繁简分流 pilot whose basic court
	// judges a civil filing's small claims by the pilot's figures
	// (2020-01-15 to 2021-12-31, rules/civilpilot.go); "" elsewhere.
	CivilPilot string
	// CourtProvince is the province the court's name places the court in
	// when the filing states another (courtProvinceConflict), which decides
	// the small-claims figure and the pilot's city; zero when they agree or
	// either is unknown. Reviewed whatever it changes.
	CourtProvince Province

	// Criminal filings only, with the deprecated fields folded in: the
	// defendant's plea, the co-defendants' positions and the sentencing
	// recommendation read against the law's thresholds.
	Plea         Plea
	CoDefendants CoDefendants
	Sentence     Sentence
	// TextSentence is the recommendation the text states (ReadTextSentence),
	// kept whether or not it moved Sentence: the classifier's features read
	// the term of a recommendation stated only in the text, which the
	// thresholds above do not keep within three years (Sentence.withText).
	TextSentence TextSentence
	// PassUp says why a criminal filing at a basic court is the
	// intermediate court's case at first instance (CrPL 21), which the
	// basic court must pass up (Interp. 17, 219): it bars simplified
	// procedure and fast-track and asks for review. Zero elsewhere.
	PassUp PassUp
}

// PassUp are the grounds of CrPL 21 (2012 text art. 20) that make a case
// filed at a basic court the intermediate court's.
type PassUp struct {
	// SecurityOrTerror: a 危害国家安全 charge, or a terrorism charge from
	// 2013-01-01 (art. 21(1)).
	SecurityOrTerror bool
	// LifeOrDeath: a recommended life imprisonment or death (art. 21(2)).
	LifeOrDeath bool
}

// Option returns the assessment's option for p, or nil.
func (a *Assessment) Option(p triagev1.Procedure) *triagev1.ProcedureOption {
	for _, o := range a.Options {
		if o.GetProcedure() == p {
			return o
		}
	}
	return nil
}

// NeedsReview reports whether any review signal fired.
func (a *Assessment) NeedsReview() bool { return len(a.ReviewReasons) > 0 }

// Evaluate validates a filing and decides, for every procedure of its case
// kind, whether it is legally available. A validation problem is returned as
// a *FieldError.
func (e *Engine) Evaluate(f *triagev1.Filing) (*Assessment, error) { return e.evaluate(f, "") }

// evaluate is Evaluate of a filing that restates the one decided under
// decidedID ("" for a new filing), validated as validateAt says: a case
// decided under an id this release refuses stays correctable.
func (e *Engine) evaluate(f *triagev1.Filing, decidedID string) (*Assessment, error) {
	if e.observe != nil {
		e.observe(f)
	}
	v, err := validateAt(f, e.now(), decidedID)
	if err != nil {
		return nil, err
	}
	a := &Assessment{text: filingText{raw: f.GetText(), runes: v.textRunes}}
	if f.GetFiledOn() == "" {
		now := e.now().In(chinaTime)
		a.FiledOn = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
		a.Inferences = append(a.Inferences, reason(CodeInferFiledOnToday))
	} else {
		a.FiledOn, _ = ParseDate(f.GetFiledOn()) // validated above
	}
	// A retrial number (民再, 刑再, 行再) is a retrial whatever the
	// circumstances say: the stricter reading closes what the law closes to
	// a retrial. The caller's filing is not changed.
	// The id read as a case number once (validateAt), for this and the
	// year's review.
	nf, numbered := v.id.facts, v.id.numbered
	if numbered && nf.retrialFor(f.GetCircumstances()) {
		f = proto.CloneOf(f)
		if f.Circumstances == nil {
			f.Circumstances = &triagev1.Circumstances{}
		}
		f.Circumstances.Retrial = true
		a.Inferences = append(a.Inferences, reason(CodeInferRetrialFromCaseNumber))
	}
	// So is a 民撤 number a third party's suit to revoke (statute round 36).
	if numbered && nf.thirdPartyRevocationFor(f.GetCircumstances()) {
		f = proto.CloneOf(f)
		if f.Circumstances == nil {
			f.Circumstances = &triagev1.Circumstances{}
		}
		f.Circumstances.ThirdPartyRevocation = true
		a.Inferences = append(a.Inferences, reason(CodeInferThirdPartyRevocationFromCaseNumber))
	}
	// A filing without a province is read as of the province its case
	// number's court code or its court's name names: the small-claims
	// figure and the pilots' cities are the court's province's (CPL 165
	// ¶1), and both names are the court's own, so leaving the limit unknown
	// would only send a case to review that the filing itself places.
	if p, code, ok := inferProvince(f, nf, numbered); ok {
		f = proto.CloneOf(f)
		f.Province = p.Name
		a.Inferences = append(a.Inferences, reason(code))
	}
	// A criminal filing's text may state a bar its fields do not (a deaf
	// or minor defendant, a civil claim, a dispute): read with a review.
	if f.GetCaseKind() == triagev1.CaseKind_CASE_KIND_CRIMINAL {
		f = criminalTextFacts(f, a)
	}
	// So may a criminal or administrative filing's text state a fact of
	// the case itself: a major social impact, a retrial, a not-guilty
	// defence, an administrative remand (statute round 24).
	if k := f.GetCaseKind(); k == triagev1.CaseKind_CASE_KIND_CRIMINAL || k == triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE {
		f = caseTextFacts(f, a)
	}
	e.facts(f, a)
	switch f.GetCaseKind() {
	case triagev1.CaseKind_CASE_KIND_CIVIL:
		// What the names and the text state beside the fields (statute
		// round 23): read into the facts, or into a copy of the filing.
		// The text is folded once for both (foldCause), and the set of its
		// characters made once (hanscan.Text): most of the readers'
		// words hold a character a complaint lacks (issue 13).
		var held hanscan.Text
		held.Reset(foldCause(f.GetText()))
		f = readCivil(f, a, &held)
		// A remand the text states (statute round 24).
		f = civilRemandInText(&held, f, a)
		// A remand, retrial or counterclaim written into the cause field
		// (statute round 35).
		f = civilCauseRemarks(f, a)
		// A retrial, a third-party revocation suit, the public interest, a
		// major social impact or a counterclaim the text states (statute
		// round 25).
		f = civilCaseText(f, a, &held)
		e.civil(f, a)
		cpl1982Review(a)
	case triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE:
		administrative(f, a)
	case triagev1.CaseKind_CASE_KIND_CRIMINAL:
		criminal(f, a)
	}
	e.review(f, a)
	if numbered && nf.yearAhead(f.GetFiledOn()) {
		a.ReviewReasons = append(a.ReviewReasons, reason(CodeReviewCaseNumberYearAhead))
	}
	if f.GetCaseKind() == triagev1.CaseKind_CASE_KIND_CIVIL {
		oneNameForArticle162(a)
	}
	missing := false
	for _, o := range a.Options {
		o.TimeLimit = timeLimit(f, a, o.GetProcedure(), e.holidays)
		missing = missing || o.GetTimeLimit().GetHolidayCalendarMissing()
	}
	// A due date not checked against the holidays must be said, not left
	// for the reader to notice as an absent field.
	if missing {
		a.Inferences = append(a.Inferences, reason(holidayMissingCodeOn(f.GetCaseKind(), a.FiledOn)))
	}
	if detained(f) {
		a.Inferences = append(a.Inferences, reason(crimCodesOn(a.FiledOn).detained))
	}
	return a, nil
}

// inferProvince is the province of a filing that states none: the one its
// case number's court code names (nf, when numbered), else the one its
// court's name names (provinceOfCourt), with the inference's code.
func inferProvince(f *triagev1.Filing, nf numberFacts, numbered bool) (Province, string, bool) {
	if strings.TrimSpace(f.GetProvince()) != "" {
		return Province{}, "", false
	}
	if numbered {
		if p, ok := nf.province(); ok {
			return p, CodeInferProvinceFromCaseNumber, true
		}
	}
	if p, ok := provinceOfCourt(f.GetCourt()); ok {
		return p, CodeInferProvinceFromCourtName, true
	}
	return Province{}, "", false
}

func (e *Engine) facts(f *triagev1.Filing, a *Assessment) {
	fx := &a.Facts
	fx.Cause = e.LookupCause(f.GetCaseKind(), f.GetCause())
	if f.GetCaseKind() == triagev1.CaseKind_CASE_KIND_CRIMINAL {
		fx.Charges = e.LookupCharges(f.GetCause())
	}
	for _, p := range f.GetParties() {
		switch p.GetRole() {
		case triagev1.PartyRole_PARTY_ROLE_PLAINTIFF:
			fx.Plaintiffs++
		case triagev1.PartyRole_PARTY_ROLE_DEFENDANT:
			fx.Defendants++
		case triagev1.PartyRole_PARTY_ROLE_THIRD_PARTY:
			fx.ThirdParties++
		}
		if p.GetForeign() {
			fx.Foreign = true
		}
	}
	fx.Numerous = fx.Plaintiffs >= numerousParties || fx.Defendants >= numerousParties
	fx.PublicInterest = f.GetCircumstances().GetPublicInterest()
	fx.ThirdPartyRevocation = f.GetCircumstances().GetThirdPartyRevocation()
	fx.CourtProvince = courtProvinceConflict(f.GetCourt(), f.GetProvince())
}

// numerousParties is Interp. 75's "人数众多，一般指十人以上".
const numerousParties = 10

func (e *Engine) review(f *triagev1.Filing, a *Assessment) {
	c := f.GetCircumstances()
	fx := a.Facts
	rc := reviewCodesOn(f.GetCaseKind(), a.FiledOn)
	if fx.Numerous && f.GetCaseKind() != triagev1.CaseKind_CASE_KIND_CRIMINAL {
		a.ReviewReasons = append(a.ReviewReasons, reason(rc.groupDispute))
	} else if fx.Cause.GroupProne && max(fx.Plaintiffs, fx.Defendants) >= e.groupMin {
		a.ReviewReasons = append(a.ReviewReasons, reason(rc.groupCause))
	}
	if fx.PublicInterest {
		a.ReviewReasons = append(a.ReviewReasons, reason(rc.publicInterest))
	}
	if c.GetMajorSocialImpact() {
		a.ReviewReasons = append(a.ReviewReasons, reason(rc.majorImpact))
	}
	// Group interests bar fast-track in a criminal case (Interp. 213); in a
	// civil or administrative one they call for an assessor panel (人民陪审员
	// 法第十五条第一款第一项, whose deference to a law's single judge was not
	// confirmed) and, in a civil group dispute that may affect stability,
	// forbid a single judge (CPL 42(2)): a person decides, so the case is
	// reviewed and kept off fast-track teams.
	if c.GetGroupInterest() && rc.groupInterest != "" {
		a.ReviewReasons = append(a.ReviewReasons, reason(rc.groupInterest))
	}
	// Any one of several charges makes the case sensitive, not only the
	// first, which the Cause is.
	if fx.Cause.Sensitive || fx.Charges.Sensitive() {
		a.ReviewReasons = append(a.ReviewReasons, reason(rc.sensitiveCause))
	}
	// A non-contentious case has its own procedure, which no option here
	// is: the ordinary option it keeps is a fallback a person must replace.
	if f.GetCaseKind() == triagev1.CaseKind_CASE_KIND_CIVIL && nonContentious(fx.Cause) {
		a.ReviewReasons = append(a.ReviewReasons, reason(CodeReviewNonContentious))
	}
	// A basic court holding a case punishable by life or death must pass it
	// up (Interp. 17); a person has to see that before anything is routed.
	if fx.PassUp.LifeOrDeath {
		a.ReviewReasons = append(a.ReviewReasons, reason(crimCodesOn(a.FiledOn).reviewIntermediate))
	}
	// So must a basic court holding a 危害国家安全 or terrorism charge
	// (CrPL 21(1)), which is not its case: 刑诉法解释第二百一十九条第一款第一项.
	if fx.PassUp.SecurityOrTerror {
		a.ReviewReasons = append(a.ReviewReasons, reason(crimCodesOn(a.FiledOn).reviewSecurityTerror))
	}
	// Contradictory court and province: which province's law of limits
	// (and, before 2018-10-26, which pilot city) applies is a person's call.
	if fx.CourtProvince != (Province{}) {
		a.ReviewReasons = append(a.ReviewReasons, reason(rc.courtProvince))
	}
	// A basic court's name with a higher level: the basic-court procedures
	// stay closed (the level is not overridden downwards), but if the name
	// is right small claims may be the law's duty (CPL 165 ¶1). Nothing
	// turns on the level in administrative cases (行政诉讼法第八十二条).
	if f.GetCaseKind() != triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE &&
		f.GetCourtLevel() != triagev1.CourtLevel_COURT_LEVEL_BASIC && namedBasic(f.GetCourt()) {
		code := civilInferCodesOn(a.FiledOn).reviewCourtLevel
		if f.GetCaseKind() == triagev1.CaseKind_CASE_KIND_CRIMINAL {
			code = crimCodesOn(a.FiledOn).reviewCourtLevel
		}
		a.ReviewReasons = append(a.ReviewReasons, reason(code))
	}
	if e.reviewKeywords.matchAny(f.GetText()) {
		a.ReviewReasons = append(a.ReviewReasons, reason(rc.textSignal))
	}
	// A cause in no catalogue tells the rules nothing about the case's
	// nature (personal status, property confirmation, money only), so
	// nothing inferred from it may pass unseen, least of all a mandatory
	// small-claims option; an empty cause is no better.
	if !fx.Cause.Complete() && kindName(f.GetCaseKind()) != "" {
		a.ReviewReasons = append(a.ReviewReasons, reason(CodeCauseUnknown))
	} else if len(fx.Charges.Unresolved) > 0 {
		// The cause resolved by one charge, but another part names no
		// charge the rules know, or says 等: that charge may give the
		// case to the intermediate court or bar a procedure, and no bar
		// can be read from a charge that is not known.
		a.ReviewReasons = append(a.ReviewReasons, unresolvedChargesReason(fx.Charges.Unresolved))
	}
}

func kindName(k triagev1.CaseKind) string {
	switch k {
	case triagev1.CaseKind_CASE_KIND_CIVIL:
		return "civil"
	case triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE:
		return "administrative"
	case triagev1.CaseKind_CASE_KIND_CRIMINAL:
		return "criminal"
	}
	return ""
}

// option builds an option from the reasons that bar it (blocks) and the
// conditions it rests on; any block makes it unavailable.
func option(p triagev1.Procedure, blocks, conditions []*triagev1.Reason) *triagev1.ProcedureOption {
	o := &triagev1.ProcedureOption{Procedure: p}
	if len(blocks) > 0 {
		o.Availability = triagev1.Availability_AVAILABILITY_UNAVAILABLE
		o.Reasons = blocks
		return o
	}
	o.Availability = triagev1.Availability_AVAILABILITY_AVAILABLE
	o.Available = true
	o.Reasons = conditions
	return o
}

// defendants iterates the defendants; criminal exclusions concern only them.
func anyDefendant(f *triagev1.Filing, pred func(*triagev1.Party) bool) bool {
	for _, p := range f.GetParties() {
		if p.GetRole() == triagev1.PartyRole_PARTY_ROLE_DEFENDANT && pred(p) {
			return true
		}
	}
	return false
}
