package rules_test

import (
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// reviewCases covers the 四类案件 signals on civil filings (docs/statutes.md,
// Review signals).
func reviewCases(tb testing.TB) []tcase {
	base := civilBase(tb)
	w := func(mods ...mod) *triagev1.Filing { return with(base, mods...) }
	wages := cause("追索劳动报酬纠纷")
	return []tcase{
		{
			name:   "plain case: no review",
			filing: w(),
			review: ptr(false),
			silent: reviewCodes,
			extra: func(t *testing.T, a *rules.Assessment) {
				if len(a.ReviewReasons) != 0 {
					t.Errorf("review reasons %v", reasonCodes(a.ReviewReasons))
				}
			},
		},
		{
			name:   "wage arrears with five plaintiffs (group_cause_min_parties)",
			filing: w(wages, setParties(5, 1)),
			avail:  av(pSC, avA, pSimp, avA),
			review: ptr(true),
			fires:  []string{at(locReview, rules.CodeReviewGroupCause)},
			silent: []string{rules.CodeReviewGroupDispute, rules.CodeInterp257Numerous},
		},
		{
			name:   "wage arrears with four plaintiffs",
			filing: w(wages, setParties(4, 1)),
			review: ptr(false),
			silent: []string{rules.CodeReviewGroupCause},
		},
		{
			name:   "wage arrears with ten plaintiffs: group dispute, reported once",
			filing: w(wages, setParties(10, 1)),
			review: ptr(true),
			fires:  []string{at(locReview, rules.CodeReviewGroupDispute)},
			silent: []string{rules.CodeReviewGroupCause},
		},
		{
			name:   "group-prone cause with five on the defendant side",
			filing: w(cause("物业服务合同纠纷"), setParties(1, 5)),
			review: ptr(true),
			fires:  []string{at(locReview, rules.CodeReviewGroupCause)},
		},
		{
			name:   "five plaintiffs on a cause that is not group-prone",
			filing: w(setParties(5, 1)),
			review: ptr(false),
			silent: []string{rules.CodeReviewGroupCause},
		},
		{
			name:   "text keyword 群体性",
			filing: w(text("原告等人系群体性讨薪事件的当事人，请求判令被告支付工资。")),
			review: ptr(true),
			fires:  []string{at(locReview, rules.CodeReviewTextSignal)},
		},
		{
			name:   "two keywords give one signal",
			filing: w(text("本案已有媒体报道，属于疑难复杂案件。")),
			review: ptr(true),
			fires:  []string{at(locReview, rules.CodeReviewTextSignal)},
			extra: func(t *testing.T, a *rules.Assessment) {
				if len(a.ReviewReasons) != 1 {
					t.Errorf("review reasons %v, want one", reasonCodes(a.ReviewReasons))
				}
			},
		},
		{
			name:   "ordinary text has no signal",
			filing: w(text("被告借款后未按约定归还，经多次催讨未果。")),
			silent: []string{rules.CodeReviewTextSignal},
		},
		{
			name:   "civil case of major social impact",
			filing: w(circ(func(c *triagev1.Circumstances) { c.MajorSocialImpact = true })),
			review: ptr(true),
			fires:  []string{at(locReview, rules.CodeReviewMajorImpact)},
			silent: []string{rules.CodeCrPL223MajorImpact, rules.CodeCrPL215MajorImpact},
		},
		{
			name: "several signals are all reported",
			filing: w(setParties(12, 1), text("可能引发舆情"), circ(func(c *triagev1.Circumstances) {
				c.PublicInterest = true
				c.MajorSocialImpact = true
			})),
			review: ptr(true),
			fires: []string{rules.CodeReviewGroupDispute, rules.CodeReviewPublicInterest,
				rules.CodeReviewMajorImpact, rules.CodeReviewTextSignal},
		},

		// A cause in no catalogue: still decided, never unseen. In the
		// mandatory band small claims stays what the law prescribes, but the
		// filing goes to a human first.
		{
			// Until rules 2026-12-04.23 small claims was mandatory here, with
			// the review beside it: a guess at a 简单金钱给付 case.
			name:      "unknown cause in the mandatory band: small claims left to a person",
			filing:    w(cause("某某新类型权益纠纷")),
			avail:     av(pSC, avD, pSimp, avA, pOrd, avA),
			mandatory: ptr(false),
			review:    ptr(true),
			fires:     []string{at(locReview, rules.CodeCauseUnknown), at(locSC, rules.CodeCauseUnknown)},
		},
		{
			name:   "empty cause is unknown too",
			filing: w(cause("")),
			review: ptr(true),
			fires:  []string{at(locReview, rules.CodeCauseUnknown)},
		},
		{
			name:   "old name of a catalogue cause is known",
			filing: w(cause("居间合同纠纷")),
			review: ptr(false),
			silent: []string{rules.CodeCauseUnknown},
		},
		{
			name:   "unseen cause of a known family is known",
			filing: w(cause("电梯坠落责任纠纷")),
			review: ptr(false),
			silent: []string{rules.CodeCauseUnknown},
		},
		{
			name:   "criminal: a garbled charge is unknown",
			filing: with(crimBase(tb), cause("罪事实清楚罪")),
			review: ptr(true),
			fires:  []string{at(locReview, rules.CodeCauseUnknown)},
		},
		{
			name:   "criminal: one part of a compound charge is known",
			filing: with(crimBase(tb), cause("贩卖毒品罪")),
			silent: []string{rules.CodeCauseUnknown},
		},
		{
			name:   "administrative: an empty cause is unknown",
			filing: with(adminBase(tb), cause("")),
			review: ptr(true),
			fires:  []string{at(locReview, rules.CodeCauseUnknown)},
		},
		{
			name:   "administrative: a 2004-style management area is known",
			filing: with(adminBase(tb), cause("土地行政管理（土地）")),
			silent: []string{rules.CodeCauseUnknown},
		},
	}
}

func TestReview(t *testing.T) { runTable(t, reviewCases(t)) }

// clockCases evaluate filings without filed_on against an injected clock.
func clockCases(tb testing.TB) []tcase {
	base := civilBase(tb)
	w := func(mods ...mod) *triagev1.Filing { return with(base, mods...) }
	dateIs := func(want string) func(*testing.T, *rules.Assessment) {
		return func(t *testing.T, a *rules.Assessment) {
			if got := a.FiledOn.Format(time.DateOnly); got != want {
				t.Errorf("FiledOn = %s, want %s", got, want)
			}
			if a.FiledOn.Location() != time.UTC || a.FiledOn.Hour() != 0 {
				t.Errorf("FiledOn = %v, want a UTC midnight date", a.FiledOn)
			}
		}
	}
	return []tcase{
		{
			// 17:00Z is 01:00 the next day in Beijing (UTC+8).
			name:   "no filed_on: today in Beijing, not in UTC",
			filing: w(filedOn("")),
			clock:  time.Date(2024, 3, 4, 17, 0, 0, 0, time.UTC),
			fires:  []string{at(locInfer, rules.CodeInferFiledOnToday)},
			extra:  dateIs("2024-03-05"),
		},
		{
			name:   "no filed_on: 15:59Z is still the same day in Beijing",
			filing: w(filedOn("")),
			clock:  time.Date(2024, 3, 4, 15, 59, 0, 0, time.UTC),
			fires:  []string{at(locInfer, rules.CodeInferFiledOnToday)},
			extra:  dateIs("2024-03-04"),
		},
		{
			name:   "filed_on given: the clock is not used",
			filing: w(filedOn("2023-01-02")),
			clock:  time.Date(2024, 3, 4, 17, 0, 0, 0, time.UTC),
			silent: []string{rules.CodeInferFiledOnToday},
			extra:  dateIs("2023-01-02"),
		},
		{
			// The Beijing date also selects the limit: 江苏 changes on 2024-01-06.
			name:   "no filed_on: Beijing date picks the 江苏 2024-01-06 limit",
			filing: w(filedOn(""), province("江苏省"), yuan(60862)),
			clock:  time.Date(2024, 1, 5, 16, 0, 0, 0, time.UTC),
			avail:  av(pSC, avA),
			fires:  []string{rules.CodeInferFiledOnToday, at(locSC, rules.CodeCPL165Mandatory)},
			extra: func(t *testing.T, a *rules.Assessment) {
				dateIs("2024-01-06")(t, a)
				if a.Limit.GetMandatoryLimitFen() != 6086200 {
					t.Errorf("limit %d, want 6086200", a.Limit.GetMandatoryLimitFen())
				}
			},
		},
	}
}

func TestClock(t *testing.T) { runTable(t, clockCases(t)) }

// TestWithClockCopies checks WithClock leaves the engine it was called on
// alone, so two clocks never share state.
func TestWithClockCopies(t *testing.T) {
	e := defaultEngine(t)
	f := with(civilBase(t), filedOn(""))
	d1 := time.Date(2024, 3, 4, 17, 0, 0, 0, time.UTC)
	d2 := time.Date(2022, 2, 1, 3, 0, 0, 0, time.UTC)
	e1 := e.WithClock(func() time.Time { return d1 })
	e2 := e.WithClock(func() time.Time { return d2 })
	a1, err1 := e1.Evaluate(f)
	a2, err2 := e2.Evaluate(f)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if got := a1.FiledOn.Format(time.DateOnly); got != "2024-03-05" {
		t.Errorf("e1: %s", got)
	}
	if got := a2.FiledOn.Format(time.DateOnly); got != "2022-02-01" {
		t.Errorf("e2: %s", got)
	}
	if e1.Version() != e.Version() || e2.Version() != e.Version() {
		t.Error("WithClock changed the rules version")
	}
	// The original engine still reads the real clock (in Beijing time).
	beijing := time.FixedZone("CST", 8*3600)
	before := time.Now().In(beijing).Format(time.DateOnly)
	a, err := e.Evaluate(f)
	if err != nil {
		t.Fatal(err)
	}
	after := time.Now().In(beijing).Format(time.DateOnly)
	if got := a.FiledOn.Format(time.DateOnly); got != before && got != after {
		t.Errorf("original engine: FiledOn %s, want today %s", got, after)
	}
}
