package rules_test

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

func TestRegimes(t *testing.T) { runTable(t, regimeCases(t)) }

// Articles as a decision's SmallClaimsLimit shows them.
const (
	art162of2012 = "民事诉讼法（2012年修正）第一百六十二条"
	art162of2017 = "民事诉讼法（2017年修正）第一百六十二条"
	art165       = "民事诉讼法第一百六十五条"
)

// limitShows checks the law and the figure a decision shows.
func limitShows(article string, percent int32, derived bool, from string, mandatoryFen, agreementFen int64) func(*testing.T, *rules.Assessment) {
	return func(t *testing.T, a *rules.Assessment) {
		t.Helper()
		l := a.Limit
		if l.GetArticle() != article || l.GetPercent() != percent {
			t.Errorf("limit under %q at %d%%, want %q at %d%%", l.GetArticle(), l.GetPercent(), article, percent)
		}
		if !l.GetKnown() || l.GetDerived() != derived || l.GetEffectiveFrom() != from ||
			l.GetMandatoryLimitFen() != mandatoryFen || l.GetAgreementLimitFen() != agreementFen {
			t.Errorf("limit %v, want known, derived=%v, from %s, %d/%d fen", l, derived, from, mandatoryFen, agreementFen)
		}
		if derived && (l.GetStatistic() == "" || l.GetSource() == "") {
			t.Errorf("derived limit without its statistic and source: %v", l)
		}
	}
}

// regimeCases judges filings by the law in force on their filing date. The
// figures are 北京's, typed from the wage statistic (not read from the rules
// file): 2011 ¥75,482 → 30% = 22,644.60 → 22,645 from 2013-01-01; 2015
// ¥111,390 → 33,417 from 2016-07-01; 2016 ¥119,928 → 35,978 from
// 2017-07-01; 2020 ¥178,178 → 30% = 53,453.40 → 53,453 from 2021-07-01, and
// 50% = 89,089, 2× = 356,356 from 2022-01-01.
func regimeCases(tb testing.TB) []tcase {
	base := civilBase(tb)
	bj := func(day string, amount int64, mods ...mod) *triagev1.Filing {
		return with(base, append([]mod{province("北京市"), court("北京市东城区人民法院"), filedOn(day), fen(amount)}, mods...)...)
	}
	agree := circ(agreeSmallClaims)
	counterclaim := circ(func(c *triagev1.Circumstances) { c.Counterclaim = true })
	appraisal := circ(func(c *triagev1.Circumstances) { c.AppraisalNeeded = true })
	return []tcase{
		{
			// 民事诉讼法（2012年修正）, in force 2013-01-01, created the procedure.
			name: "2012-12-31: no small-claims procedure yet", filing: bj("2012-12-31", 1000_00),
			avail: av(pSC, avU, pSimp, avA, pOrd, avA), mandatory: ptr(false), review: ptr(false),
			fires:  []string{at(locSC, rules.CodeCPL162NotInForce)},
			silent: []string{rules.CodeLimitUnknown, rules.CodeCPL162Mandatory, rules.CodeCPL165Mandatory},
			extra: func(t *testing.T, a *rules.Assessment) {
				if a.Limit.GetKnown() || a.Limit.GetArticle() != "" || a.Limit.GetPercent() != 0 {
					t.Errorf("limit %v before 2013, want none", a.Limit)
				}
			},
		},
		{
			name: "2012-12-31 at an intermediate court: only the missing procedure is said", filing: bj("2012-12-31", 1000_00, level(intermediateCourt)),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL162NotInForce)},
			silent: []string{rules.CodeCPL162CourtLevel, rules.CodeCPL165CourtLevel},
		},
		{
			name: "2013-01-01: CPL 2012 art. 162, at 30% of the 2011 wage", filing: bj("2013-01-01", 22644_60),
			avail: av(pSC, avA), mandatory: ptr(true), review: ptr(false),
			fires:  []string{at(locSC, rules.CodeCPL162Mandatory)},
			silent: []string{rules.CodeCPL162NotInForce, rules.CodeCPL165Mandatory, rules.CodeLimitUnknown},
			extra:  limitShows(art162of2012, 30, true, "2013-01-01", 22644_60, 0),
		},
		{
			name: "2013-01-01: one fen over 30%", filing: bj("2013-01-01", 22644_61),
			avail: av(pSC, avU, pSimp, avA), review: ptr(false),
			fires:  []string{at(locSC, rules.CodeCPL162OverLimit)},
			silent: []string{rules.CodeCPL162Mandatory, rules.CodeCPL165OverMandatory},
		},
		{
			// CPL 162 had no agreement band: agreeing changes nothing.
			name: "2013-01-01: one fen over 30% with agreement is still over", filing: bj("2013-01-01", 22644_61, agree),
			avail: av(pSC, avU), review: ptr(false),
			fires:  []string{at(locSC, rules.CodeCPL162OverLimit)},
			silent: []string{rules.CodeCPL165Agreement, rules.CodeCPL165OverAgreement, rules.CodeLimitAgreementUnknown},
		},
		{
			name: "2017-06-30: CPL 2012 still cited, the 2015 wage", filing: bj("2017-06-30", 35000_00),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL162OverLimit)},
			silent: []string{rules.CodeCPL162Mandatory},
			extra:  limitShows(art162of2012, 30, true, "2016-07-01", 33417_00, 0),
		},
		{
			name: "2017-07-01: CPL 2017 amendment, the 2016 wage", filing: bj("2017-07-01", 35000_00),
			avail: av(pSC, avA), mandatory: ptr(true),
			fires:  []string{at(locSC, rules.CodeCPL162Mandatory)},
			silent: []string{rules.CodeCPL162OverLimit},
			extra:  limitShows(art162of2017, 30, true, "2017-07-01", 35978_40, 0),
		},
		{
			// 北京 was a 繁简分流 pilot city, whose basic courts applied the
			// pilot's ¥50,000 from 2020-01-15 (civilpilot_test.go); its
			// intermediate court kept art. 162 and shows its figure.
			name: "2021-12-31: ¥60,000 is over 30% (53,453.40)", filing: bj("2021-12-31", 60000_00, level(intermediateCourt)),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL162CourtLevel)},
			silent: []string{rules.CodeCPL165Mandatory, rules.CodePilot2020OverMandatory},
			extra:  limitShows(art162of2017, 30, true, "2021-07-01", 53453_40, 0),
		},
		{
			name: "2021-12-31 at a basic court of the pilot: ¥60,000 is over the pilot's ¥50,000", filing: bj("2021-12-31", 60000_00),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodePilot2020OverMandatory)},
			silent: []string{rules.CodeCPL162OverLimit, rules.CodeCPL165Mandatory},
			extra:  pilotLimitShows,
		},
		{
			// Same statistic, new law: the 2021 amendment's 50%.
			name: "2022-01-01: ¥60,000 is under 50% (89,089)", filing: bj("2022-01-01", 60000_00),
			avail: av(pSC, avA), mandatory: ptr(true), review: ptr(false),
			fires:  []string{at(locSC, rules.CodeCPL165Mandatory)},
			silent: []string{rules.CodeCPL162OverLimit, rules.CodeCPL162Mandatory},
			extra:  limitShows(art165, 50, true, "2022-01-01", 89089_00, 356356_00),
		},
		{
			// Outside the pilot's courts (河北: 30% = 23,197 from 2021-07-01).
			name: "2021-12-31: ¥100,000 with agreement, no agreement band yet", filing: bj("2021-12-31", 100000_00, agree, province("河北省"), court("石家庄市长安区人民法院")),
			avail: av(pSC, avU), review: ptr(false),
			fires:  []string{at(locSC, rules.CodeCPL162OverLimit)},
			silent: []string{rules.CodeCPL165Agreement, rules.CodePilot2020Agreement},
		},
		{
			name: "2021-12-31 at a basic court of the pilot: ¥100,000 with agreement, the pilot's band", filing: bj("2021-12-31", 100000_00, agree),
			avail: av(pSC, avA), mandatory: ptr(false), review: ptr(false),
			fires:  []string{at(locSC, rules.CodePilot2020Agreement)},
			silent: []string{rules.CodeCPL162OverLimit, rules.CodeCPL165Agreement},
		},
		{
			name: "2022-01-01: ¥100,000 with agreement, within 2×", filing: bj("2022-01-01", 100000_00, agree),
			avail: av(pSC, avA), mandatory: ptr(false),
			fires:  []string{at(locSC, rules.CodeCPL165Agreement)},
			silent: []string{rules.CodeCPL162OverLimit},
		},
		{
			name: "2019 at an intermediate court: CPL 162 court level", filing: bj("2019-05-01", 1000_00, level(intermediateCourt)),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL162CourtLevel)},
			silent: []string{rules.CodeCPL165CourtLevel},
		},
		{
			name: "2023 at an intermediate court: CPL 165 court level", filing: bj("2023-05-01", 1000_00, level(intermediateCourt)),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL165CourtLevel)},
			silent: []string{rules.CodeCPL162CourtLevel},
		},
		{
			// A mixed cause without an amount may ask for no money (腾退房屋).
			name: "2019 without a money claim: CPL 162 and Interp. 2015 art. 274", filing: bj("2019-05-01", 0, cause("房屋租赁合同纠纷")),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL162NotMoneyPayment)},
			silent: []string{rules.CodeCPL165NotMoneyPayment, rules.CodeCPL162AmountNotStated},
		},
		{
			name: "2023 without a money claim: CPL 165", filing: bj("2023-05-01", 0, cause("房屋租赁合同纠纷")),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeCPL165NotMoneyPayment)},
			silent: []string{rules.CodeCPL162NotMoneyPayment, rules.CodeCPL165AmountNotStated},
		},
		{
			// A loan without an amount has left its 标的额 out: the
			// article that reads it is the one of the filing date.
			name: "2019 loan without an amount: CPL 162's figure undecided", filing: bj("2019-05-01", 0),
			avail: av(pSC, avD), review: ptr(true),
			fires:  []string{at(locSC, rules.CodeCPL162AmountNotStated), at(locReview, rules.CodeCPL162AmountNotStated)},
			silent: []string{rules.CodeCPL165AmountNotStated, rules.CodeCPL162NotMoneyPayment},
		},
		{
			name: "2023 loan without an amount: CPL 165's figure undecided", filing: bj("2023-05-01", 0),
			avail: av(pSC, avD), review: ptr(true),
			fires:  []string{at(locSC, rules.CodeCPL165AmountNotStated), at(locReview, rules.CodeCPL165AmountNotStated)},
			silent: []string{rules.CodeCPL162AmountNotStated, rules.CodeCPL165NotMoneyPayment},
		},
		{
			// Interp. 2015 art. 275(4) excludes appraisal cases; the
			// agreement that CPL 165 ¶2 would refuse did not exist.
			name: "2019 appraisal with agreement: excluded, no agreement reason", filing: bj("2019-05-01", 1000_00, appraisal, agree),
			avail:  av(pSC, avU),
			fires:  []string{at(locSC, rules.CodeInterp2015Appraisal)},
			silent: []string{rules.CodeCPL165AgreementExcluded},
		},
		{
			name: "2019 in 香港: no figure, reviewed, the 2017 article shown", filing: with(bj("2019-05-01", 1000_00), province("香港特别行政区")),
			avail: av(pSC, avD), review: ptr(true),
			fires: []string{at(locSC, rules.CodeLimitUnknown), at(locReview, rules.CodeLimitUnknown)},
			extra: func(t *testing.T, a *rules.Assessment) {
				if a.Limit.GetKnown() || a.Limit.GetArticle() != art162of2017 || a.Limit.GetPercent() != 30 {
					t.Errorf("limit %v, want unknown under %s at 30%%", a.Limit, art162of2017)
				}
			},
		},
		{
			// 北京's 2022-07-01 figure rests on the 2021 wage (97,326); the
			// 2022 wage is due by 2023-07-01 and the file lacks it.
			name: "2023-06-30: over the derived figure, still current", filing: bj("2023-06-30", 100000_00),
			avail: av(pSC, avU), review: ptr(false),
			fires:  []string{at(locSC, rules.CodeCPL165OverMandatory)},
			silent: []string{rules.CodeLimitDerivedOutdated},
		},
		{
			name: "2023-07-01: over an outdated derived figure, reviewed", filing: bj("2023-07-01", 100000_00),
			avail: av(pSC, avU), review: ptr(true),
			fires: []string{at(locSC, rules.CodeCPL165OverMandatory), at(locReview, rules.CodeLimitDerivedOutdated)},
			extra: limitShows(art165, 50, true, "2022-07-01", 97325_50, 389302_00),
		},
		{
			// Under the outdated figure a newer (higher) one answers the same.
			name: "2023-07-01: under an outdated derived figure, not reviewed", filing: bj("2023-07-01", 97325_50),
			avail: av(pSC, avA), mandatory: ptr(true), review: ptr(false),
			silent: []string{rules.CodeLimitDerivedOutdated},
		},
		{
			name: "2023-07-01: over an outdated figure but excluded anyway", filing: bj("2023-07-01", 100000_00, counterclaim),
			avail: av(pSC, avU), review: ptr(false),
			fires:  []string{rules.CodeCPL166Counterclaim},
			silent: []string{rules.CodeLimitDerivedOutdated},
		},
		{
			// A notice is never outdated: the court's figure governs until
			// the court replaces it.
			name: "2026-06-01: over 辽宁's 2023 notice, not reviewed", filing: with(base, province("辽宁省"), filedOn("2026-06-01"), fen(47000_01)),
			avail: av(pSC, avU), review: ptr(false),
			fires:  []string{rules.CodeCPL165OverMandatory},
			silent: []string{rules.CodeLimitDerivedOutdated},
		},
		{
			name: "2022-01-11: 浙江's notice, announced not derived", filing: with(base, province("浙江省"), filedOn("2022-01-11"), fen(54323_00)),
			avail: av(pSC, avA), mandatory: ptr(true),
			fires: []string{at(locSC, rules.CodeCPL165Mandatory)},
			extra: limitShows(art165, 50, false, "2022-01-11", 54323_00, 217290_00),
		},
	}
}

// provinceCodes are the 31 provinces of the mainland (GB/T 2260), the ones
// with a small-claims limit.
var provinceCodes = []string{
	"110000", "120000", "130000", "140000", "150000", "210000", "220000", "230000",
	"310000", "320000", "330000", "340000", "350000", "360000", "370000",
	"410000", "420000", "430000", "440000", "450000", "460000",
	"500000", "510000", "520000", "530000", "540000",
	"610000", "620000", "630000", "640000", "650000",
}

// TestEveryProvinceEveryDayHasALimit walks every province through 2013–2026
// (the first and last day of every month, and each regime's first day) and
// checks the embedded file gives a limit under the right law every time: a
// filing anywhere in those years must never fall to LIMIT_UNKNOWN.
func TestEveryProvinceEveryDayHasALimit(t *testing.T) {
	// The walk reaches 2026-12-31: judge it from a day after it, so that no
	// date of the walk is a filing in the future.
	e := defaultEngine(t).WithClock(func() time.Time { return time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC) })
	base := civilBase(t)
	var days []time.Time
	for m := time.Date(2013, 1, 1, 0, 0, 0, 0, time.UTC); m.Year() <= 2026; m = m.AddDate(0, 1, 0) {
		days = append(days, m, m.AddDate(0, 1, -1))
	}
	days = append(days, time.Date(2017, 7, 1, 0, 0, 0, 0, time.UTC), time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, code := range provinceCodes {
		p, ok := rules.LookupProvince(code)
		if !ok {
			t.Fatalf("province %s unknown", code)
		}
		for _, d := range days {
			day := d.Format(time.DateOnly)
			a, err := e.Evaluate(with(base, province(code), filedOn(day), fen(1)))
			if err != nil {
				t.Fatalf("%s %s: %v", p.Name, day, err)
			}
			l := a.Limit
			wantArticle, wantPercent := art165, int32(50)
			// The base court (温州) is placed by the province only in a
			// municipality, and 北京 and 上海 were 繁简分流 pilot cities
			// whole (civilpilot_test.go).
			pilot := (p.Name == "北京市" || p.Name == "上海市") && day >= "2020-01-15" && day < "2022-01-01"
			switch {
			case day < "2017-07-01":
				wantArticle, wantPercent = art162of2012, 30
			case pilot:
				wantArticle, wantPercent = artPilot2020, 0
			case day < "2022-01-01":
				wantArticle, wantPercent = art162of2017, 30
			}
			if !l.GetKnown() || l.GetMandatoryLimitFen() <= 0 {
				t.Errorf("%s %s: no limit", p.Name, day)
				continue
			}
			if l.GetArticle() != wantArticle || l.GetPercent() != wantPercent {
				t.Errorf("%s %s: %s at %d%%, want %s at %d%%", p.Name, day, l.GetArticle(), l.GetPercent(), wantArticle, wantPercent)
			}
			if pilot && (l.GetMandatoryLimitFen() != 50000_00 || l.GetAgreementLimitFen() != 100000_00) {
				t.Errorf("%s %s: pilot limit %v", p.Name, day, l)
			}
			if wantPercent == 30 && l.GetAgreementLimitFen() != 0 {
				t.Errorf("%s %s: an agreement figure before 2022", p.Name, day)
			}
			if l.GetEffectiveFrom() > day {
				t.Errorf("%s %s: entry from %s not yet in force", p.Name, day, l.GetEffectiveFrom())
			}
			if a.Option(pSC).GetAvailability() != avA || a.NeedsReview() {
				t.Errorf("%s %s: one fen is not plainly small claims: %s", p.Name, day, describe(a))
			}
		}
	}
}

// TestLimitShareDoesNotCarryOver: a 30% figure ends with the law that set
// it. A file whose last entry is of 2021 has no figure for 2022: unknown,
// not a stale 30% applied under CPL 165.
func TestLimitShareDoesNotCarryOver(t *testing.T) {
	b, err := os.ReadFile("testdata/rules/minimal.json")
	if err != nil {
		t.Fatal(err)
	}
	var f rules.File
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	f.SmallClaimsLimits = []rules.LimitEntry{{
		// 天津, not 北京: 北京's basic courts were 繁简分流 pilot courts in
		// 2020–2021, whose figures the file does not hold.
		Province: "天津市", EffectiveFrom: "2021-07-01", MandatoryLimitYuan: "55508",
		Statistic: "2020年天津市城镇非私营单位就业人员年平均工资（测试）", Source: "test",
		Derived: true, AverageWageYuan: 185026, StatisticYear: 2020,
	}}
	e, err := rules.Load(marshal(t, f))
	if err != nil {
		t.Fatal(err)
	}
	base := civilBase(t)
	for _, tc := range []struct {
		day   string
		known bool
	}{{"2021-07-01", true}, {"2021-12-31", true}, {"2022-01-01", false}, {"2025-06-01", false}, {"2021-06-30", false}} {
		a, err := e.Evaluate(with(base, province("天津市"), filedOn(tc.day), fen(1000_00)))
		if err != nil {
			t.Fatal(err)
		}
		if a.Limit.GetKnown() != tc.known {
			t.Errorf("%s: known = %v, want %v (%v)", tc.day, a.Limit.GetKnown(), tc.known, a.Limit)
		}
		if !tc.known && !hasCode(codesAt(a), at(locReview, rules.CodeLimitUnknown)) {
			t.Errorf("%s: unknown limit not reviewed: %s", tc.day, describe(a))
		}
	}
}
