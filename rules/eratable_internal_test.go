package rules

import (
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// day parses a test date.
func day(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestSmallClaimsPeriodEndedArticleEras pins ReviewCPL168SmallClaimsPeriodEnded's
// article across the eras of the filing (whose small-claims period the
// review cites: civilPeriod) and of the ruling (whose conversion provision
// it adds: smallClaimsOutArticle): CPL 2012 from 2013-01-01, the 2015
// interpretation from 2015-02-04, CPL 2021 from 2022-01-01, CPL 2023 from
// 2024-01-01 (arts. 168–169 kept their numbers). A filing before 2013 has
// today's period (small claims did not exist) and today's article.
func TestSmallClaimsPeriodEndedArticleEras(t *testing.T) {
	const (
		cpl2012Period = "民事诉讼法（2012年、2017年修正）第一百六十一条、第一百六十二条"
		today         = "民事诉讼法第一百六十八条、第一百六十九条第一款"
	)
	for _, r := range []struct{ filed, ruled, want string }{
		{"2012-12-31", "2013-03-01", today},
		{"2013-01-01", "2013-04-02", cpl2012Period},
		{"2014-12-01", "2015-02-03", cpl2012Period},
		{"2014-12-01", "2015-02-04", cpl2012Period + "；民诉法解释（2015年）第二百八十条、第二百八十一条"},
		{"2021-10-01", "2021-12-31", cpl2012Period + "；民诉法解释（2015年）第二百八十条、第二百八十一条"},
		{"2021-10-01", "2022-01-01", cpl2012Period + "；民事诉讼法第一百六十九条第一款"},
		{"2021-12-31", "2022-04-01", cpl2012Period + "；民事诉讼法第一百六十九条第一款"},
		{"2022-01-01", "2022-03-02", today},
		{"2023-12-31", "2024-03-01", today},
		{"2024-01-01", "2024-03-02", today},
	} {
		filed := day(t, r.filed)
		period, _ := civilPeriod(triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, false, filed)
		if got := smallClaimsPeriodEndedArticle(period.article, filed, day(t, r.ruled)); got != r.want {
			t.Errorf("filed %s, ruled %s: %q, want %q", r.filed, r.ruled, got, r.want)
		}
	}
}

// TestAdminCountingEras pins how an administrative conversion counts its
// clock (countingOf) across the eras of the ruling: the 2014 law's simplified
// procedure from 2015-05-01 (before it no conversion is recorded,
// ALL82_NOT_IN_FORCE, and the 2015 texts are shown), 行诉法解释 from
// 2018-02-08, CPL 2023 from 2024-01-01 (no administrative change). Only
// 简转普 counts; an undated ruling gets today's text.
func TestAdminCountingEras(t *testing.T) {
	const s2o = triagev1.ChangeKind_CHANGE_KIND_SIMPLIFIED_TO_ORDINARY
	today := counting{"行诉法解释第一百零五条第二款", "由简易程序转为普通程序，审理期限自立案之日起计算。"}
	before2018 := counting{"行政诉讼法第一百零一条；民诉法解释（2015年）第二百五十八条第三款", "由简易程序转为普通程序，审理期限自立案之日计算。"}
	for _, r := range []struct {
		change triagev1.ChangeKind
		ruled  string
		want   counting
		ok     bool
	}{
		{s2o, "2015-04-30", before2018, true},
		{s2o, "2015-05-01", before2018, true},
		{s2o, "2018-02-07", before2018, true},
		{s2o, "2018-02-08", today, true},
		{s2o, "2023-12-31", today, true},
		{s2o, "2024-01-01", today, true},
		{s2o, "2018-02-30", today, true},
		{triagev1.ChangeKind_CHANGE_KIND_OVERRIDDEN, "2016-06-01", counting{}, false},
		{triagev1.ChangeKind_CHANGE_KIND_ORDINARY_TO_SIMPLIFIED, "2016-06-01", counting{}, false},
		{triagev1.ChangeKind_CHANGE_KIND_SINGLE_JUDGE_TO_PANEL, "2024-06-01", counting{}, false},
	} {
		got, ok := countingOf(triagev1.CaseKind_CASE_KIND_ADMINISTRATIVE, &triagev1.Outcome{Change: r.change, DecidedOn: r.ruled})
		if got != r.want || ok != r.ok {
			t.Errorf("%v ruled %s: %v, %v; want %v, %v", r.change, r.ruled, got, ok, r.want, r.ok)
		}
	}
}
