package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// reviewCodes are the review signals (docs/statutes.md, Review signals).
var reviewCodes = []string{
	rules.CodeReviewGroupDispute, rules.CodeReviewGroupCause, rules.CodeReviewPublicInterest,
	rules.CodeReviewMajorImpact, rules.CodeReviewSensitiveCause, rules.CodeReviewTextSignal,
	rules.CodeCauseUnknown,
}

// inferCodes are the inferences the rules may draw from a filing.
var inferCodes = []string{
	rules.CodeInferPersonalStatus, rules.CodeInferPropertyRights, rules.CodeInferNonMonetary,
	rules.CodeInferNumerous, rules.CodeInferForeign, rules.CodeInferFiledOnToday,
}

// civilBars are the exclusions of CPL 166, Interp. 257, 264 and 140.
var civilBars = []string{
	rules.CodeCPL166PersonalStatus, rules.CodeCPL166PropertyRights, rules.CodeCPL166Foreign,
	rules.CodeCPL166Appraisal, rules.CodeCPL166Whereabouts, rules.CodeCPL166Counterclaim,
	rules.CodeInterp257Whereabouts, rules.CodeInterp257Remanded, rules.CodeInterp257Numerous,
	rules.CodeInterp257Retrial, rules.CodeInterp257PublicInterest, rules.CodeInterp257ThirdPartyRevoke,
	rules.CodeInterp264NoAgreement, rules.CodeInterp140PublicNotice, rules.CodeCPL165AgreementExcluded,
}

// civilCases covers CPL 160–166, Interp. 140, 257, 264 and the civil side of
// CPL 42 and 287. The base filing (testdata/filings/civil_loan.json) is a
// ¥30,000 loan between two persons at a basic court in 浙江 on 2024-03-05,
// under the 54,323 mandatory limit: a plain small-claims case.
func civilCases(tb testing.TB) []tcase {
	base := civilBase(tb)
	w := func(mods ...mod) *triagev1.Filing { return with(base, mods...) }
	return []tcase{
		{
			name:      "plain loan under the mandatory limit",
			filing:    w(),
			avail:     av(pSC, avA, pSimp, avA, pOrd, avA),
			mandatory: ptr(true),
			review:    ptr(false),
			fires:     []string{at(locSC, rules.CodeCPL165Mandatory), at(locSimp, rules.CodeCPL160Simple)},
			silent: append(append([]string{
				rules.CodeCPL165Agreement, rules.CodeCPL160Agreement, rules.CodeCPL42PanelRequired,
				rules.CodeCPL287NoTimeLimit, rules.CodeCPL165CourtLevel, rules.CodeCPL160CourtLevel,
				rules.CodeCPL165NotMoneyPayment, rules.CodeLimitUnknown,
			}, civilBars...), append(inferCodes, reviewCodes...)...),
			extra: func(t *testing.T, a *rules.Assessment) {
				if got := a.Facts.AmountToLimit; got < 0.552 || got > 0.553 { // 30000/54323
					t.Errorf("AmountToLimit = %v, want 30000/54323", got)
				}
				if a.Facts.Cause.Name != "民间借贷纠纷" || a.Facts.Cause.Category != rules.CategoryMoneyPayment {
					t.Errorf("cause = %+v", a.Facts.Cause)
				}
				if a.Facts.Plaintiffs != 1 || a.Facts.Defendants != 1 || a.Facts.Numerous || a.Facts.Foreign {
					t.Errorf("facts = %+v", a.Facts)
				}
				if a.Option(pFT) != nil {
					t.Error("civil assessment has a fast-track option")
				}
				if got := a.FiledOn.Format("2006-01-02"); got != "2024-03-05" {
					t.Errorf("FiledOn = %s", got)
				}
			},
		},

		// CPL 165 / 160: basic courts and their tribunals only.
		{
			name:   "intermediate court: no small claims, no simplified",
			filing: w(level(intermediateCourt)),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSC, rules.CodeCPL165CourtLevel), at(locSimp, rules.CodeCPL160CourtLevel)},
			silent: []string{at(locSimp, rules.CodeCPL165CourtLevel), at(locSC, rules.CodeCPL160CourtLevel)},
		},
		{
			// CPL 160 ¶2: the agreement opens simplified procedure only at a basic court.
			name:   "intermediate court: agreement does not open simplified",
			filing: w(level(intermediateCourt), circ(agreeSimplified)),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeCPL160CourtLevel)},
			silent: []string{rules.CodeInterp264NoAgreement},
		},
		{
			name:   "high court: no small claims",
			filing: w(level(highCourt)),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{rules.CodeCPL165CourtLevel, rules.CodeCPL160CourtLevel},
		},

		// CPL 165: money payment only.
		{
			// A mixed cause without an amount may claim no money at all.
			name:   "no claim amount: not a money-payment case",
			filing: w(fen(0), cause("房屋租赁合同纠纷")),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locSC, rules.CodeCPL165NotMoneyPayment)},
			silent: []string{rules.CodeLimitUnknown, rules.CodeCPL165Mandatory, rules.CodeCPL165AmountNotStated},
			extra: func(t *testing.T, a *rules.Assessment) {
				if a.Facts.AmountToLimit != 0 {
					t.Errorf("AmountToLimit = %v, want 0 without a claim", a.Facts.AmountToLimit)
				}
			},
		},
		{
			name:   "stated non-monetary claims: no small claims, no inference",
			filing: w(circ(func(c *triagev1.Circumstances) { c.NonMonetaryClaims = true })),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locSC, rules.CodeCPL165NotMoneyPayment)},
			silent: []string{rules.CodeInferNonMonetary},
		},
		{
			name:   "non-monetary cause 排除妨害纠纷 inferred",
			filing: w(cause("排除妨害纠纷")),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locInfer, rules.CodeInferNonMonetary), at(locSC, rules.CodeCPL165NotMoneyPayment)},
		},
		{
			name:   "mixed cause 房屋租赁合同纠纷 infers nothing",
			filing: w(cause("房屋租赁合同纠纷")),
			avail:  av(pSC, avA),
			silent: append([]string{rules.CodeCPL165NotMoneyPayment}, inferCodes...),
		},

		// CPL 166(1): personal status and property confirmation.
		{
			name:   "stated personal status",
			filing: w(circ(func(c *triagev1.Circumstances) { c.PersonalStatus = true })),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locSC, rules.CodeCPL166PersonalStatus)},
			silent: []string{rules.CodeInferPersonalStatus, at(locSimp, rules.CodeCPL166PersonalStatus)},
		},
		{
			name:   "离婚纠纷 inferred as personal status",
			filing: w(cause("离婚纠纷")),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locInfer, rules.CodeInferPersonalStatus), at(locSC, rules.CodeCPL166PersonalStatus)},
			silent: []string{rules.CodeInferPropertyRights, rules.CodeCPL166PropertyRights},
			extra: func(t *testing.T, a *rules.Assessment) {
				if !a.Facts.PersonalStatus || a.Facts.PropertyConfirmation {
					t.Errorf("facts = %+v", a.Facts)
				}
			},
		},
		{
			name:   "stated property-rights confirmation",
			filing: w(circ(func(c *triagev1.Circumstances) { c.PropertyRightsConfirmation = true })),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locSC, rules.CodeCPL166PropertyRights)},
			silent: []string{rules.CodeInferPropertyRights},
		},
		{
			name:   "所有权确认纠纷 inferred as property confirmation",
			filing: w(cause("所有权确认纠纷")),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locInfer, rules.CodeInferPropertyRights), at(locSC, rules.CodeCPL166PropertyRights)},
			silent: []string{rules.CodeInferPersonalStatus},
		},
		{
			name:   "离婚后财产纠纷 is property, not 离婚纠纷",
			filing: w(cause("离婚后财产纠纷")),
			fires:  []string{at(locInfer, rules.CodeInferPropertyRights)},
			silent: []string{rules.CodeInferPersonalStatus, rules.CodeCPL166PersonalStatus},
		},
		{
			name:   "unknown cause infers nothing and asks for a human look",
			filing: w(cause("某某新类型权益纠纷")),
			avail:  av(pSC, avD, pSimp, avA),
			review: ptr(true),
			fires:  []string{at(locReview, rules.CodeCauseUnknown), at(locSC, rules.CodeCauseUnknown)},
			silent: inferCodes,
			extra: func(t *testing.T, a *rules.Assessment) {
				if c := a.Facts.Cause; c.Known || c.Name != "" || c.Category != rules.CategoryUnknown || c.Path != nil {
					t.Errorf("cause = %+v, want none", c)
				}
			},
		},

		// CPL 166(2): foreign-related (Interp. 520, 549).
		{
			name:   "foreign defendant: no small claims, simplified open, CPL 287",
			filing: w(party(1, foreign)),
			avail:  av(pSC, avU, pSimp, avA, pOrd, avA),
			fires: []string{at(locSC, rules.CodeCPL166Foreign), at(locInfer, rules.CodeInferForeign),
				at(locOrd, rules.CodeCPL287NoTimeLimit)},
			silent: []string{at(locSimp, rules.CodeCPL166Foreign)},
		},
		// CPL 166(3)
		{
			name:   "appraisal needed: no small claims, simplified open",
			filing: w(circ(func(c *triagev1.Circumstances) { c.AppraisalNeeded = true })),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locSC, rules.CodeCPL166Appraisal)},
			silent: []string{at(locSimp, rules.CodeCPL166Appraisal)},
		},
		// CPL 166(4) is any party; Interp. 257(1) only the defendant.
		{
			name:   "plaintiff whereabouts unknown: blocks small claims, not simplified",
			filing: w(party(0, whereaboutsUnknown)),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locSC, rules.CodeCPL166Whereabouts)},
			silent: []string{rules.CodeInterp257Whereabouts},
		},
		{
			name:   "third party whereabouts unknown: blocks small claims, not simplified",
			filing: w(addParties(1, thirdParty, whereaboutsUnknown)),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locSC, rules.CodeCPL166Whereabouts)},
			silent: []string{rules.CodeInterp257Whereabouts},
		},
		{
			name:   "defendant whereabouts unknown: blocks both",
			filing: w(party(1, whereaboutsUnknown)),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSC, rules.CodeCPL166Whereabouts), at(locSimp, rules.CodeInterp257Whereabouts)},
			silent: []string{rules.CodeInterp264NoAgreement},
		},
		// CPL 166(5)
		{
			name:   "counterclaim: no small claims, simplified open",
			filing: w(circ(func(c *triagev1.Circumstances) { c.Counterclaim = true })),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locSC, rules.CodeCPL166Counterclaim)},
			silent: []string{rules.CodeCPL165AgreementExcluded},
		},

		// CPL 165 ¶2 agreement, and what it cannot change.
		{
			name:      "agreement band with agreement",
			filing:    w(yuan(100000), circ(agreeSmallClaims)),
			avail:     av(pSC, avA),
			mandatory: ptr(false),
			fires:     []string{at(locSC, rules.CodeCPL165Agreement)},
			silent:    []string{rules.CodeCPL165AgreementExcluded, rules.CodeCPL165Mandatory, rules.CodeCPL165OverMandatory},
		},
		{
			name:   "agreement band without agreement",
			filing: w(yuan(100000)),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locSC, rules.CodeCPL165OverMandatory)},
			silent: []string{rules.CodeCPL165Agreement, rules.CodeCPL165OverAgreement},
		},
		{
			name:   "over the agreement limit even with agreement",
			filing: w(yuan(217291), circ(agreeSmallClaims)),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locSC, rules.CodeCPL165OverAgreement)},
			silent: []string{rules.CodeCPL165OverMandatory, rules.CodeCPL165Agreement},
		},
		{
			name:   "CPL 165 agreement cannot overcome a CPL 166 exclusion",
			filing: w(yuan(100000), circ(agreeSmallClaims), circ(func(c *triagev1.Circumstances) { c.Counterclaim = true })),
			avail:  av(pSC, avU, pSimp, avA),
			fires:  []string{at(locSC, rules.CodeCPL166Counterclaim), at(locSC, rules.CodeCPL165AgreementExcluded)},
			silent: []string{rules.CodeCPL165Agreement},
		},
		{
			name:   "CPL 165 agreement cannot overcome an Interp. 257 exclusion",
			filing: w(circ(agreeSmallClaims), circ(func(c *triagev1.Circumstances) { c.Remanded = true })),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeInterp257Remanded), at(locSC, rules.CodeCPL165AgreementExcluded)},
		},

		// CPL 160 ¶2 and Interp. 264.
		{
			name:   "CPL 160 ¶2 agreement is the condition simplified rests on",
			filing: w(circ(agreeSimplified)),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeCPL160Agreement)},
			silent: []string{at(locSimp, rules.CodeCPL160Simple), rules.CodeInterp264NoAgreement},
		},
		{
			name:   "Interp. 264: agreement cannot help a remanded case",
			filing: w(circ(agreeSimplified), circ(func(c *triagev1.Circumstances) { c.Remanded = true })),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeInterp257Remanded), at(locSimp, rules.CodeInterp264NoAgreement)},
		},
		{
			name:   "Interp. 264: agreement cannot help when the defendant is missing",
			filing: w(circ(agreeSimplified), party(1, whereaboutsUnknown)),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeInterp257Whereabouts), at(locSimp, rules.CodeInterp264NoAgreement)},
		},

		// Interp. 257(2)–(6); through Interp. 281 they bar small claims too.
		{
			name:   "remanded",
			filing: w(circ(func(c *triagev1.Circumstances) { c.Remanded = true })),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSC, rules.CodeInterp257Remanded), at(locSimp, rules.CodeInterp257Remanded)},
			silent: []string{rules.CodeInterp264NoAgreement},
		},
		{
			name:   "retrial",
			filing: w(circ(func(c *triagev1.Circumstances) { c.Retrial = true })),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSC, rules.CodeInterp257Retrial), at(locSimp, rules.CodeInterp257Retrial)},
			silent: []string{rules.CodeInterp257Remanded},
		},
		{
			name:   "public interest",
			filing: w(circ(func(c *triagev1.Circumstances) { c.PublicInterest = true })),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			review: ptr(true),
			fires: []string{at(locSC, rules.CodeInterp257PublicInterest), at(locSimp, rules.CodeInterp257PublicInterest),
				at(locOrd, rules.CodeCPL42PanelRequired), at(locReview, rules.CodeReviewPublicInterest)},
		},
		{
			name:   "third-party revocation action",
			filing: w(circ(func(c *triagev1.Circumstances) { c.ThirdPartyRevocation = true })),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSC, rules.CodeInterp257ThirdPartyRevoke), at(locSimp, rules.CodeInterp257ThirdPartyRevoke)},
		},
		// Interp. 75: 人数众多 is ten or more on one side.
		{
			name:   "nine plaintiffs are not numerous",
			filing: w(setParties(9, 1)),
			avail:  av(pSC, avA, pSimp, avA),
			review: ptr(false),
			silent: []string{rules.CodeInterp257Numerous, rules.CodeInferNumerous, rules.CodeReviewGroupDispute, rules.CodeCPL42PanelRequired},
		},
		{
			name:   "ten plaintiffs are numerous",
			filing: w(setParties(10, 1)),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			review: ptr(true),
			fires: []string{at(locSC, rules.CodeInterp257Numerous), at(locSimp, rules.CodeInterp257Numerous),
				at(locInfer, rules.CodeInferNumerous), at(locReview, rules.CodeReviewGroupDispute)},
			// CPL 42(2) needs a group dispute that may affect stability, not just ten parties.
			silent: []string{rules.CodeCPL42PanelRequired},
			extra: func(t *testing.T, a *rules.Assessment) {
				if !a.Facts.Numerous || a.Facts.Plaintiffs != 10 {
					t.Errorf("facts = %+v", a.Facts)
				}
			},
		},
		{
			name:   "ten defendants are numerous",
			filing: w(setParties(1, 10)),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeInterp257Numerous)},
		},
		{
			name:   "five on each side are not numerous (one side counts)",
			filing: w(setParties(5, 5)),
			avail:  av(pSimp, avA),
			silent: []string{rules.CodeInterp257Numerous, rules.CodeInferNumerous},
		},
		// Interp. 140.
		{
			name:   "public notice service bars simplified and small claims",
			filing: w(circ(func(c *triagev1.Circumstances) { c.PublicNoticeService = true })),
			avail:  av(pSC, avU, pSimp, avU, pOrd, avA),
			fires:  []string{at(locSC, rules.CodeInterp140PublicNotice), at(locSimp, rules.CodeInterp140PublicNotice)},
		},
		{
			// Interp. 140 is not an Interp. 257 case, so Interp. 264 is not the reason.
			name:   "public notice with agreement: still barred, not by Interp. 264",
			filing: w(circ(agreeSimplified), circ(func(c *triagev1.Circumstances) { c.PublicNoticeService = true })),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeInterp140PublicNotice)},
			silent: []string{rules.CodeInterp264NoAgreement},
		},
	}
}

func TestCivil(t *testing.T) { runTable(t, civilCases(t)) }

// TestReasonTable checks the code list is unique and that every option
// reason the tables produce carries an article and a message.
func TestReasonTable(t *testing.T) {
	codes := rules.Codes()
	if len(codes) == 0 {
		t.Fatal("no codes")
	}
	seen := map[string]bool{}
	for _, c := range codes {
		if c == "" || seen[c] {
			t.Errorf("code %q empty or listed twice", c)
		}
		seen[c] = true
	}
	e := defaultEngine(t)
	for _, tables := range allTables(t) {
		for _, c := range tables {
			for _, o := range evaluate(t, e, c).Options {
				for _, r := range o.GetReasons() {
					if r.GetArticle() == "" || r.GetMessage() == "" {
						t.Errorf("%s: reason %s lacks article or message", c.name, r.GetCode())
					}
				}
			}
		}
	}
}
