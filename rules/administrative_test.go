package rules_test

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// adminCases covers 行政诉讼法 Art. 82. The base filing
// (testdata/filings/administrative_penalty.json) challenges a ¥5,000 fine at a
// basic court: none of Art. 82 ¶1's items, no agreement.
func adminCases(tb testing.TB) []tcase {
	base := adminBase(tb)
	w := func(mods ...mod) *triagev1.Filing { return with(base, mods...) }
	onTheSpot := circ(func(c *triagev1.Circumstances) { c.ActOnTheSpot = true })
	ordinaryLimit := func(months int32, article string) func(*testing.T, *rules.Assessment) {
		return func(t *testing.T, a *rules.Assessment) {
			if tl := a.Option(pOrd).GetTimeLimit(); tl.GetMonths() != months || tl.GetArticle() != article {
				t.Errorf("ordinary time limit %v, want %d months under %s", tl, months, article)
			}
		}
	}
	// limits checks the ordinary period and the article the simplified
	// period cites: Art. 83 came with the 2014 amendment, so a filing
	// before 2015-05-01 names the amendment and says it was not yet in force.
	limits := func(months int32, ordArticle, simpArticle string) func(*testing.T, *rules.Assessment) {
		return func(t *testing.T, a *rules.Assessment) {
			ordinaryLimit(months, ordArticle)(t, a)
			if tl := a.Option(pSimp).GetTimeLimit(); tl.GetDays() != 45 || tl.GetArticle() != simpArticle {
				t.Errorf("simplified time limit %v, want 45 days under %s", tl, simpArticle)
			}
		}
	}
	return []tcase{
		{
			name:   "penalty of 5000 yuan: not an Art. 82 ¶1 case",
			filing: w(),
			avail:  av(pSimp, avU, pOrd, avA),
			review: ptr(false),
			fires:  []string{at(locSimp, rules.CodeAdmin82NotQualified)},
			silent: append([]string{rules.CodeAdmin82SmallAmount, rules.CodeAdmin82OnTheSpot,
				rules.CodeAdmin82Disclosure, rules.CodeAdmin82Agreement}, inferCodes...),
			extra: func(t *testing.T, a *rules.Assessment) {
				if a.Limit != nil {
					t.Errorf("administrative assessment carries a small-claims limit: %v", a.Limit)
				}
			},
		},
		{
			// 人民陪审员法第十六条第二项: from 2018-04-27 a 行政公益诉讼 (the
			// catalogue's 公益诉讼 node) is tried by a seven-member panel
			// with assessors, so not by Art. 83's single judge, whatever
			// the parties agree or the act was.
			// The suit is also reviewed (四类案件, 法发〔2021〕30号), as a
			// civil 公益诉讼 is, without the public_interest flag; the code
			// cites 法发〔2021〕30号 alone, not CPL 42 (a civil article).
			name:   "2024 行政公益诉讼, parties agree, act on the spot: seven-member panel, no simplified procedure",
			filing: w(cause("行政公益诉讼"), onTheSpot, circ(func(c *triagev1.Circumstances) { c.PartiesAgreeSimplified = true })),
			avail:  av(pSimp, avU, pOrd, avA),
			review: ptr(true),
			fires:  []string{at(locSimp, rules.CodeAssessors16PublicInterestSuit), at(locReview, rules.CodeReviewPublicInterest2021)},
			silent: []string{rules.CodeReviewPublicInterest},
		},
		{
			// Near miss: another administrative cause without the flag is
			// not reviewed for the public interest.
			name:   "2024 政府信息公开 without the flag: no public-interest review",
			filing: w(cause("政府信息公开"), onTheSpot),
			avail:  av(pSimp, avA),
			silent: []string{rules.CodeReviewPublicInterest, rules.CodeAssessors16PublicInterestSuit},
		},
		{
			name:   "2018-04-27 行政公益诉讼, parties agree: the law's first day",
			filing: w(cause("行政公益诉讼"), filedOn("2018-04-27"), circ(func(c *triagev1.Circumstances) { c.PartiesAgreeSimplified = true })),
			avail:  av(pSimp, avU),
			fires:  []string{at(locSimp, rules.CodeAssessors16PublicInterestSuit)},
		},
		{
			// Near miss: the day before, no statute required the panel
			// (docs/statutes.md: judgements left open).
			name:   "2018-04-26 行政公益诉讼, parties agree: simplified by agreement",
			filing: w(cause("行政公益诉讼"), filedOn("2018-04-26"), circ(func(c *triagev1.Circumstances) { c.PartiesAgreeSimplified = true })),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeAdmin82Agreement)},
			silent: []string{rules.CodeAssessors16PublicInterestSuit},
		},
		{
			// Near miss: public_interest alone is no 公益诉讼; Art. 16(2)
			// reads the suit, which the cause names.
			name:   "2024 public interest stated, act on the spot: simplified stays open",
			filing: w(onTheSpot, circ(func(c *triagev1.Circumstances) { c.PublicInterest = true })),
			avail:  av(pSimp, avA),
			silent: []string{rules.CodeAssessors16PublicInterestSuit},
		},
		{
			// The 2014 amendment created the procedure from 2015-05-01.
			name:   "2015-04-30 act made on the spot: no simplified procedure before the 2014 amendment",
			filing: w(onTheSpot, filedOn("2015-04-30")),
			avail:  av(pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeAdmin82NotInForce)},
			silent: []string{rules.CodeAdmin82NotQualified},
			extra:  limits(3, "行政诉讼法（1989年）第五十七条", "行政诉讼法（2014年修正）第八十三条"),
		},
		{
			name:   "2015-05-01 act made on the spot: the amendment's first day",
			filing: w(onTheSpot, filedOn("2015-05-01")),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeAdmin82OnTheSpot)},
			silent: []string{rules.CodeAdmin82NotInForce},
			extra:  limits(6, "行政诉讼法第八十一条", "行政诉讼法第八十三条"),
		},
		{
			name:   "act made on the spot (82 ¶1(1))",
			filing: w(onTheSpot),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeAdmin82OnTheSpot)},
			silent: []string{rules.CodeAdmin82NotQualified},
		},
		{
			name:   "amount exactly 2000 yuan (82 ¶1(2), 以下 is inclusive)",
			filing: w(yuan(2000)),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeAdmin82SmallAmount)},
			silent: []string{rules.CodeAdmin82NotQualified},
		},
		{
			name:   "amount 2000.01 yuan is over",
			filing: w(fen(200001)),
			avail:  av(pSimp, avU),
			fires:  []string{rules.CodeAdmin82NotQualified},
			silent: []string{rules.CodeAdmin82SmallAmount},
		},
		{
			name:   "no amount is not a small amount",
			filing: w(fen(0)),
			avail:  av(pSimp, avU),
			silent: []string{rules.CodeAdmin82SmallAmount},
		},
		{
			name:   "information disclosure stated (82 ¶1(3))",
			filing: w(circ(func(c *triagev1.Circumstances) { c.InformationDisclosure = true })),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeAdmin82Disclosure)},
		},
		{
			name:   "information disclosure from the cause 政府信息公开",
			filing: w(cause("政府信息公开")),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeAdmin82Disclosure)},
		},
		{
			name:   "all parties agree (82 ¶2)",
			filing: w(circ(agreeSimplified)),
			avail:  av(pSimp, avA),
			fires:  []string{at(locSimp, rules.CodeAdmin82Agreement)},
			silent: []string{rules.CodeAdmin82NotQualified, rules.CodeCPL160Agreement},
		},
		{
			name:   "remanded: never simplified, even by agreement (82 ¶3)",
			filing: w(circ(agreeSimplified), onTheSpot, circ(func(c *triagev1.Circumstances) { c.Remanded = true })),
			avail:  av(pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeAdmin82Remanded)},
			silent: []string{rules.CodeAdmin82Retrial, rules.CodeInterp257Remanded, rules.CodeAdmin82NotQualified},
		},
		{
			name:   "retrial: never simplified (82 ¶3)",
			filing: w(onTheSpot, circ(func(c *triagev1.Circumstances) { c.Retrial = true })),
			avail:  av(pSimp, avU, pOrd, avA),
			fires:  []string{at(locSimp, rules.CodeAdmin82Retrial)},
			silent: []string{rules.CodeAdmin82Remanded, rules.CodeInterp257Retrial},
		},
		{
			// Art. 82 has no basic-court condition, unlike CPL 160 and CrPL 214.
			name:   "intermediate court: simplified still open",
			filing: w(level(intermediateCourt), onTheSpot),
			avail:  av(pSimp, avA, pOrd, avA),
			silent: []string{rules.CodeCPL160CourtLevel, rules.CodeCrPL214CourtLevel},
		},
		{
			name:   "high court: simplified open for a disclosure case",
			filing: w(level(highCourt), circ(func(c *triagev1.Circumstances) { c.InformationDisclosure = true })),
			avail:  av(pSimp, avA),
		},
		{
			// Civil circumstances mean nothing in an administrative case.
			name: "civil flags are ignored",
			filing: w(onTheSpot, party(1, whereaboutsUnknown), party(0, foreign), circ(func(c *triagev1.Circumstances) {
				c.PublicNoticeService = true
				c.Counterclaim = true
				c.PersonalStatus = true
			})),
			avail:  av(pSimp, avA),
			silent: []string{rules.CodeInterp140PublicNotice, rules.CodeInferForeign, rules.CodeCPL287NoTimeLimit},
		},
		{
			name:   "ten plaintiffs: review, but no civil inference or bar",
			filing: w(onTheSpot, setParties(10, 1)),
			avail:  av(pSimp, avA),
			review: ptr(true),
			fires:  []string{at(locReview, rules.CodeReviewGroupDispute)},
			silent: []string{rules.CodeInferNumerous, rules.CodeInterp257Numerous, rules.CodeReviewGroupCause},
		},
		{
			name:   "group-prone cause 行政征收 with five plaintiffs",
			filing: w(cause("行政征收"), setParties(5, 1)),
			review: ptr(true),
			fires:  []string{at(locReview, rules.CodeReviewGroupCause)},
		},
		{
			name:   "group-prone cause 行政征收 with four plaintiffs",
			filing: w(cause("行政征收"), setParties(4, 1)),
			review: ptr(false),
			silent: []string{rules.CodeReviewGroupCause},
		},
	}
}

func TestAdministrative(t *testing.T) { runTable(t, adminCases(t)) }
