package rules_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

func detainedDefendant(c *triagev1.Circumstances) { c.DefendantDetained = true }

// holidayCases are the reason codes of due-date counting, for the table of
// every code (TestEveryCodeFiresAndHasNearMiss).
func holidayCases(tb testing.TB) []tcase {
	return []tcase{
		{
			// 2 months from 2026-12-01 end in 2027, which has no notice yet.
			name:   "due date in a year without a calendar",
			filing: with(civilBase(tb), filedOn("2026-12-01")),
			fires:  []string{at(locInfer, rules.CodeHolidayCalendarMissing)},
		},
		{
			name:   "every due date in a covered year",
			filing: with(civilBase(tb), filedOn("2026-06-01")), // ordinary: 2026-12-01
			silent: []string{rules.CodeHolidayCalendarMissing},
		},
		{
			name:   "defendant in custody: CrPL 105 ¶4 proviso",
			filing: with(crimBase(tb), circ(detainedDefendant)),
			fires:  []string{at(locInfer, rules.CodeCrPL105Detained)},
		},
		{
			name:   "defendant at liberty",
			filing: crimBase(tb),
			silent: []string{rules.CodeCrPL105Detained},
		},
		{
			// The proviso is criminal procedure's; a civil filing cannot
			// carry it even if the flag is set.
			name:   "custody flag on a civil filing",
			filing: with(civilBase(tb), circ(detainedDefendant)),
			silent: []string{rules.CodeCrPL105Detained},
		},
	}
}

// TestHolidayDueDates: a period whose last day is a statutory rest day ends
// on the next working day (民事诉讼法第八十五条第三款, 刑事诉讼法第一百零五条第四款,
// 行诉法解释第四十八条第三款), except for a defendant in custody (刑事诉讼法第一百
// 零五条第四款但书) and where no calendar covers the year.
func TestHolidayDueDates(t *testing.T) {
	e := defaultEngine(t)
	for _, c := range []struct {
		name    string
		f       *triagev1.Filing
		p       triagev1.Procedure
		due     string
		unadj   string // "" when not moved
		missing bool
	}{
		// The case: 2 months from 2024-08-01 end on 2024-10-01, in
		// the National Day holiday (10-01..10-07 of 国办发明电〔2023〕7号).
		{"civil small claims ending on National Day (CPL 85 ¶3)", with(civilBase(t), filedOn("2024-08-01")), pSC, "2024-10-08", "2024-10-01", false},
		{"civil simplified ending on a working Friday", with(civilBase(t), filedOn("2024-08-01")), pSimp, "2024-11-01", "", false},
		{"civil small claims ending on a make-up Saturday", with(civilBase(t), filedOn("2024-08-12")), pSC, "2024-10-12", "", false},
		{"civil small claims ending on a plain Saturday", with(civilBase(t), filedOn("2024-07-07")), pSC, "2024-09-09", "2024-09-07", false},
		{"civil ordinary ending on the Spring Festival", with(civilBase(t), filedOn("2023-08-10")), pOrd, "2024-02-18", "2024-02-10", false},
		{"administrative simplified (行诉法解释 48 ¶3)", with(adminBase(t), filedOn("2024-08-17")), pSimp, "2024-10-08", "2024-10-01", false},
		{"criminal fast-track at liberty (CrPL 105 ¶4)", with(crimBase(t), filedOn("2024-09-21")), pFT, "2024-10-08", "2024-10-01", false},
		{"criminal fast-track in custody: not extended", with(crimBase(t), filedOn("2024-09-21"), circ(detainedDefendant)), pFT, "2024-10-01", "", false},
		{"2020 Spring Festival extension (国办发明电〔2020〕1号)", with(crimBase(t), filedOn("2020-01-22")), pFT, "2020-02-03", "2020-02-01", false},
		{"2019 May Day changed (国办发明电〔2019〕3号)", with(crimBase(t), filedOn("2019-04-23")), pFT, "2019-05-05", "2019-05-03", false},
		{"2019 make-up Sunday after May Day", with(crimBase(t), filedOn("2019-04-25")), pFT, "2019-05-05", "", false},
		{"2019 May Day as first announced would have ended on 05-02", with(crimBase(t), filedOn("2019-04-22")), pFT, "2019-05-05", "2019-05-02", false},
		{"no calendar for 2027: not moved", with(civilBase(t), filedOn("2026-12-01")), pSC, "2027-02-01", "", true},
		{"2026-12 is covered", with(civilBase(t), filedOn("2026-10-01")), pSC, "2026-12-01", "", false},
		{"no calendar for 2012: not moved even off a Sunday", with(civilBase(t), filedOn("2012-05-08")), pSC, "2012-07-08", "", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, err := e.Evaluate(c.f)
			if err != nil {
				t.Fatal(err)
			}
			tl := a.Option(c.p).GetTimeLimit()
			if tl.GetDueOn() != c.due || tl.GetUnadjustedDueOn() != c.unadj || tl.GetHolidayCalendarMissing() != c.missing {
				t.Fatalf("due %s (unadjusted %q, missing %v), want %s (%q, %v)",
					tl.GetDueOn(), tl.GetUnadjustedDueOn(), tl.GetHolidayCalendarMissing(), c.due, c.unadj, c.missing)
			}
			custody := c.f.GetCircumstances().GetDefendantDetained()
			switch {
			case c.missing || custody:
				if tl.GetHolidayCalendar() != "" {
					t.Errorf("holiday_calendar %q, want none applied", tl.GetHolidayCalendar())
				}
			case tl.GetHolidayCalendar() != e.Holidays().Version():
				t.Errorf("holiday_calendar %q, want %q", tl.GetHolidayCalendar(), e.Holidays().Version())
			}
			// The code names the period article of the filing date's text
			// (HOLIDAY_CALENDAR_MISSING_CPL2007 for a 2012 civil filing).
			if c.missing && !slices.ContainsFunc(a.Inferences, func(r *triagev1.Reason) bool {
				return strings.HasPrefix(r.GetCode(), rules.CodeHolidayCalendarMissing)
			}) {
				t.Error("due date not adjusted, yet HOLIDAY_CALENDAR_MISSING not inferred")
			}
		})
	}
}

// TestOutcomeTimeLimitHolidays: an outcome's due date counts the same way,
// and the custody proviso follows the decision's record of it.
func TestOutcomeTimeLimitHolidays(t *testing.T) {
	e := defaultEngine(t)
	crim := with(crimBase(t), filedOn("2024-09-21"))
	for _, c := range []struct {
		name  string
		f     *triagev1.Filing
		due   string
		unadj string
	}{
		{"at liberty: moved off National Day", crim, "2024-10-08", "2024-10-01"},
		{"in custody: not moved", with(crim, circ(detainedDefendant)), "2024-10-01", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := decisionOf(t, c.f, pFT)
			a, err := e.Evaluate(c.f)
			if err != nil {
				t.Fatal(err)
			}
			d.Inferences = a.Inferences
			o := outcome(chConf, pFT, on("2024-09-22"))
			if err := e.ValidateOutcome(d, c.f, nil, o); err != nil {
				t.Fatal(err)
			}
			tl, err := e.OutcomeTimeLimitFromRecord(d, nil, o, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tl.GetDueOn() != c.due || tl.GetUnadjustedDueOn() != c.unadj {
				t.Errorf("due %s (unadjusted %q), want %s (%q)", tl.GetDueOn(), tl.GetUnadjustedDueOn(), c.due, c.unadj)
			}
		})
	}
}

// TestDefaultHolidays pins the embedded calendar: the years it covers and
// days of each kind, against the notices they come from.
func TestDefaultHolidays(t *testing.T) {
	c, err := rules.DefaultHolidays()
	if err != nil {
		t.Fatal(err)
	}
	for y := 2013; y <= 2026; y++ {
		if !c.Covers(y) {
			t.Errorf("%d not covered", y)
		}
	}
	for _, y := range []int{2012, 2027} {
		if c.Covers(y) {
			t.Errorf("%d covered, but no notice for it is shipped", y)
		}
	}
	for _, tc := range []struct {
		day  string
		rest bool
		why  string
	}{
		{"2013-01-05", false, "国办发明电〔2012〕33号: 1月5日（星期六）上班"},
		{"2015-09-03", true, "国发明电〔2015〕1号: 9月3日放假"},
		{"2015-09-04", true, "国发明电〔2015〕1号: 9月4日调休"},
		{"2015-09-06", false, "国发明电〔2015〕1号: 9月6日（星期日）上班"},
		{"2018-12-29", false, "国办发明电〔2018〕15号: 2018年12月29日（星期六）上班"},
		{"2018-12-31", true, "国办发明电〔2018〕15号: 2018年12月30日至2019年1月1日"},
		{"2019-05-03", true, "国办发明电〔2019〕3号: 5月1日至4日"},
		{"2019-05-05", false, "国办发明电〔2019〕3号: 5月5日（星期日）上班"},
		{"2020-02-01", true, "国办发明电〔2020〕1号 extends to 2月2日, over the make-up Saturday of 国办发明电〔2019〕16号"},
		{"2020-02-03", false, "国办发明电〔2020〕1号: 2月3日起正常上班"},
		{"2024-02-18", false, "国办发明电〔2023〕7号: 2月18日（星期日）上班"},
		{"2024-10-07", true, "国办发明电〔2023〕7号: 10月1日至7日"},
		{"2024-10-08", false, "an ordinary Tuesday"},
		{"2024-09-07", true, "an ordinary Saturday is a rest day too"},
		{"2025-01-28", true, "国办发明电〔2024〕12号: 农历除夕起放假"},
		{"2026-02-23", true, "国办发明电〔2025〕7号: 2月15日至23日"},
		{"2026-02-28", false, "国办发明电〔2025〕7号: 2月28日（周六）上班"},
	} {
		rest, known := c.RestDay(day(tc.day))
		if !known || rest != tc.rest {
			t.Errorf("%s: rest %v (known %v), want %v: %s", tc.day, rest, known, tc.rest, tc.why)
		}
	}
	if got := c.Years(); len(got) != 14 || got[0] != 2013 || got[13] != 2026 {
		t.Errorf("Years() = %v", got)
	}
}

// TestLoadHolidaysRefuses: a bad calendar file is refused as a whole, with
// an error naming what is wrong.
func TestLoadHolidaysRefuses(t *testing.T) {
	const notice = `"year":2024,"title":"t","number":"A","issued_on":"2023-10-25"`
	for _, c := range []struct {
		name, file, want string
	}{
		{"not JSON", `{`, "parse holidays"},
		{"trailing data", `{"version":"v","notices":[{` + notice + `,"rest":["2024-10-01"]}]} {}`, "trailing data"},
		{"no version", `{"notices":[{` + notice + `,"rest":["2024-10-01"]}]}`, "version is empty"},
		// The calendar's version is stamped on every time limit it
		// confirms or moves, and logged at start.
		{"version of 65 characters", `{"version":"` + strings.Repeat("v", 65) + `","notices":[{` + notice + `,"rest":["2024-10-01"]}]}`, "holidays: version is 65 characters long, more than 64"},
		{"version with a newline", `{"version":"2026\n{\"level\":\"ERROR\"}","notices":[{` + notice + `,"rest":["2024-10-01"]}]}`, "holidays: version: control character U+000A at 4"},
		{"version with a bidirectional override", `{"version":"2026\u202e-12","notices":[{` + notice + `,"rest":["2024-10-01"]}]}`, "U+202E at 4"},
		{"no notices", `{"version":"v"}`, "no notices"},
		{"unknown field", `{"version":"v","notices":[{` + notice + `,"rest":["2024-10-01"],"note":"x"}]}`, `unknown field "note"`},
		{"bad date", `{"version":"v","notices":[{` + notice + `,"rest":["2024-02-30"]}]}`, "rest[0]"},
		{"bad range", `{"version":"v","notices":[{` + notice + `,"rest":["2024-10-07..2024-10-01"]}]}`, "run forwards"},
		{"duplicate in a notice", `{"version":"v","notices":[{` + notice + `,"rest":["2024-10-01..2024-10-03","2024-10-02"]}]}`, "listed twice"},
		{"rest and work the same day", `{"version":"v","notices":[{` + notice + `,"rest":["2024-10-05"],"work":["2024-10-05"]}]}`, "listed twice"},
		{"duplicate across notices", `{"version":"v","notices":[{` + notice + `,"rest":["2024-12-31"]},{"year":2025,"title":"t","number":"B","issued_on":"2024-11-12","rest":["2024-12-31..2025-01-01"]}]}`, "already set by another notice"},
		{"second base notice", `{"version":"v","notices":[{` + notice + `,"rest":["2024-10-01"]},{"year":2024,"title":"t","number":"B","issued_on":"2023-10-26","rest":["2024-10-02"]}]}`, "second base notice"},
		{"amends an unknown notice", `{"version":"v","notices":[{` + notice + `,"rest":["2024-10-01"]},{"year":2024,"title":"t","number":"B","issued_on":"2024-03-01","amends":"Z","rest":["2024-10-02"]}]}`, "amends"},
		{"no number", `{"version":"v","notices":[{"year":2024,"title":"t","issued_on":"2023-10-25","rest":["2024-10-01"]}]}`, "number is empty"},
		{"no title", `{"version":"v","notices":[{"year":2024,"number":"A","issued_on":"2023-10-25","rest":["2024-10-01"]}]}`, "title is empty"},
		{"no date of issue", `{"version":"v","notices":[{"year":2024,"title":"t","number":"A","rest":["2024-10-01"]}]}`, "issued_on is empty"},
		{"issued after its year", `{"version":"v","notices":[{"year":2024,"title":"t","number":"A","issued_on":"2025-01-02","rest":["2024-10-01"]}]}`, "after the year"},
		{"a weekday make-up day", `{"version":"v","notices":[{` + notice + `,"rest":["2024-10-01"],"work":["2024-10-08"]}]}`, "Saturday or a Sunday"},
		{"a day of another year", `{"version":"v","notices":[{` + notice + `,"rest":["2025-10-01"]}]}`, "outside 2024"},
		{"no rest days", `{"version":"v","notices":[{` + notice + `}]}`, "rest is empty"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cal, err := rules.LoadHolidays([]byte(c.file))
			if err == nil || cal != nil {
				t.Fatalf("loaded (%v), want an error", cal)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
		})
	}
	if _, err := rules.LoadHolidays(readTestdata(t, "holidays/minimal.json")); err != nil {
		t.Errorf("minimal calendar: %v", err)
	}
	near := `{"version":"` + strings.Repeat("版", rules.MaxVersionChars) + `","notices":[{` + notice + `,"rest":["2024-10-01"]}]}`
	if _, err := rules.LoadHolidays([]byte(near)); err != nil {
		t.Errorf("a version of %d characters refused: %v", rules.MaxVersionChars, err)
	}
}

// TestOpenHolidays: -holidays replaces the embedded calendar, and a year the
// replacement lacks is reported missing rather than counted by weekends.
func TestOpenHolidays(t *testing.T) {
	if c, err := rules.OpenHolidays(""); err != nil || !c.Covers(2024) {
		t.Fatalf("embedded: %v", err)
	}
	if _, err := rules.OpenHolidays(filepath.Join(t.TempDir(), "none.json")); err == nil {
		t.Error("a missing file was accepted")
	}
	path := filepath.Join(t.TempDir(), "h.json")
	if err := os.WriteFile(path, readTestdata(t, "holidays/minimal.json"), 0o600); err != nil {
		t.Fatal(err)
	}
	cal, err := rules.OpenHolidays(path)
	if err != nil {
		t.Fatal(err)
	}
	e := defaultEngine(t).WithHolidays(cal)
	a, err := e.Evaluate(with(civilBase(t), filedOn("2024-08-01")))
	if err != nil {
		t.Fatal(err)
	}
	if tl := a.Option(pSC).GetTimeLimit(); tl.GetDueOn() != "2024-10-08" || tl.GetHolidayCalendar() != "test-1" {
		t.Errorf("2024 with the test calendar: %v", tl)
	}
	a, err = e.Evaluate(with(civilBase(t), filedOn("2025-08-01")))
	if err != nil {
		t.Fatal(err)
	}
	if tl := a.Option(pSC).GetTimeLimit(); tl.GetDueOn() != "2025-10-01" || !tl.GetHolidayCalendarMissing() {
		t.Errorf("2025 without a notice in the test calendar: %v", tl)
	}
	if len(rules.DefaultHolidaysFile()) == 0 {
		t.Error("no embedded calendar file")
	}
}

// TestReadHolidays: ReadHolidays returns the bytes it read also when it
// refuses them (the reloader judges a refused file once per change), and
// none for a file it could not read.
func TestReadHolidays(t *testing.T) {
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "good.json"), filepath.Join(dir, "bad.json")
	goodBytes := readTestdata(t, "holidays/minimal.json")
	badBytes := []byte(`{"version": "test-1", "notices": []}`)
	for p, b := range map[string][]byte{good: goodBytes, bad: badBytes} {
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name, path string
		bytes      []byte
		ok         bool
		reason     string
	}{
		{"good", good, goodBytes, true, ""},
		{"refused", bad, badBytes, false, "holidays " + bad + ": holidays: no notices"},
		{"missing", filepath.Join(dir, "none.json"), nil, false, "read holidays"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, b, err := rules.ReadHolidays(tc.path)
			if (err == nil) != tc.ok || (err != nil && !strings.Contains(err.Error(), tc.reason)) {
				t.Fatalf("ReadHolidays: %v; want ok %v or %q", err, tc.ok, tc.reason)
			}
			if (c != nil) != tc.ok || !bytes.Equal(b, tc.bytes) || (b == nil) != (tc.bytes == nil) {
				t.Errorf("calendar %v, %d bytes; want a calendar %v and the file's %d bytes", c != nil, len(b), tc.ok, len(tc.bytes))
			}
		})
	}
}

// FuzzLoadHolidays: the loader never panics, and a calendar it accepts
// answers for every day of the years it covers.
func FuzzLoadHolidays(f *testing.F) {
	f.Add(rules.DefaultHolidaysFile())
	f.Add(readTestdata(f, "holidays/minimal.json"))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := rules.LoadHolidays(b)
		if err != nil {
			if c != nil {
				t.Fatal("LoadHolidays returned a calendar with an error")
			}
			return
		}
		if c.Version() == "" {
			t.Fatal("calendar without a version")
		}
		for _, y := range c.Years() {
			for d := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == y; d = d.AddDate(0, 0, 1) {
				if _, known := c.RestDay(d); !known {
					t.Fatalf("%s of covered year %d unknown", d.Format(time.DateOnly), y)
				}
			}
		}
	})
}

func reasonIn(rs []*triagev1.Reason, code string) bool {
	for _, r := range rs {
		if r.GetCode() == code {
			return true
		}
	}
	return false
}
