package rules

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/fenjian/fenjian/internal/boundedfile"
)

// The periods of the procedure laws end on a working day: 民事诉讼法第八十五条
// 第三款, 刑事诉讼法第一百零五条第四款 and 行诉法解释第四十八条第三款 (its own
// text, not a reference to the Civil Procedure Law) move a period whose last
// day is a statutory rest day to the first day after it. Which days are rest
// days is not in the statutes: the State Council's General Office announces
// each year's holidays and make-up working days (国务院办公厅关于部分节假日安排
// 的通知), so they are data, shipped as holidays.json and replaceable with
// -holidays.

//go:embed holidays.json
var defaultHolidays []byte

// HolidayFile is the holiday calendar file: one entry per notice.
type HolidayFile struct {
	// Version names this edition of the file, e.g. "2026-12-02"; it is
	// recorded in every time limit the calendar adjusted.
	Version string `json:"version"`
	// Notices are the State Council's notices, one base notice per year plus
	// any notice that changes or supplements it.
	Notices []HolidayNotice `json:"notices"`
}

// HolidayNotice is one notice and the days it sets.
type HolidayNotice struct {
	// Year is the calendar year the notice arranges.
	Year int `json:"year"`
	// Title is the notice's title, e.g. "国务院办公厅关于2024年部分节假日安排的通知".
	Title string `json:"title"`
	// Number is the document number, e.g. "国办发明电〔2023〕7号".
	Number string `json:"number"`
	// IssuedOn is the notice's date, "YYYY-MM-DD".
	IssuedOn string `json:"issued_on"`
	// Amends names (by Number) the year's base notice that this notice
	// changes or supplements; its days then override the base notice's.
	Amends string `json:"amends,omitempty"`
	// Rest are the days off (放假调休), each "YYYY-MM-DD" or a range
	// "YYYY-MM-DD..YYYY-MM-DD" (both ends included).
	Rest []string `json:"rest"`
	// Work are the make-up working days (调休上班), always a Saturday or a
	// Sunday.
	Work []string `json:"work"`
}

// Calendar tells rest days from working days in the years its notices cover.
// It is immutable and safe for concurrent use.
type Calendar struct {
	version string
	years   map[int]bool
	// days holds the days the notices set: true for a rest day, false for a
	// make-up working day. Any other day of a covered year is a rest day
	// when it is a Saturday or a Sunday.
	days map[time.Time]bool
}

// Version identifies the calendar in time limits.
func (c *Calendar) Version() string { return c.version }

// Covers reports whether a notice for year is in the calendar.
func (c *Calendar) Covers(year int) bool { return c != nil && c.years[year] }

// Years returns the covered years in ascending order.
func (c *Calendar) Years() []int {
	var out []int
	for y := range c.years {
		out = append(out, y)
	}
	slices.Sort(out)
	return out
}

// RestDay reports whether day is a statutory rest day (法定休假日): a holiday
// of the notices, or a Saturday or Sunday that no notice made a working day.
// known is false when no notice covers day's year.
func (c *Calendar) RestDay(day time.Time) (rest, known bool) {
	day = dateOf(day)
	if !c.Covers(day.Year()) {
		return false, false
	}
	if r, ok := c.days[day]; ok {
		return r, true
	}
	wd := day.Weekday()
	return wd == time.Saturday || wd == time.Sunday, true
}

// NextWorkingDay returns day when it is a working day, else the first
// working day after it. ok is false when a day it has to look at lies in a
// year no notice covers; day is then returned unchanged.
func (c *Calendar) NextWorkingDay(day time.Time) (next time.Time, ok bool) {
	day = dateOf(day)
	// A year has at most nine consecutive rest days; the bound only stops a
	// corrupt calendar from looping.
	for d, i := day, 0; i < 366; d, i = d.AddDate(0, 0, 1), i+1 {
		rest, known := c.RestDay(d)
		if !known {
			return day, false
		}
		if !rest {
			return d, true
		}
	}
	return day, false
}

func dateOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// DefaultHolidays returns the calendar embedded in the binary.
func DefaultHolidays() (*Calendar, error) {
	c, err := LoadHolidays(defaultHolidays)
	if err != nil {
		return nil, fmt.Errorf("embedded holidays: %w", err)
	}
	return c, nil
}

// DefaultHolidaysFile returns the embedded calendar file, as a starting
// point for next year's edition.
func DefaultHolidaysFile() []byte { return bytes.Clone(defaultHolidays) }

// OpenHolidays returns the calendar in the file at path, or the embedded one
// when path is empty: what every -holidays flag means.
func OpenHolidays(path string) (*Calendar, error) {
	if path == "" {
		return DefaultHolidays()
	}
	c, _, err := ReadHolidays(path)
	return c, err
}

// ReadHolidays reads and validates the calendar file at path as every
// -holidays flag does, and returns its bytes too: the bytes the calendar
// was loaded from, and also when they were read but refused (ReadFile's
// contract), so that a reloader can tell a file it already judged from a
// new one.
func ReadHolidays(path string) (*Calendar, []byte, error) {
	b, err := boundedfile.Read(path, MaxHolidaysFileBytes)
	if err != nil {
		return nil, nil, fmt.Errorf("read holidays %s: %w", path, err)
	}
	c, err := LoadHolidays(b)
	if err != nil {
		return nil, b, fmt.Errorf("holidays %s: %w", path, err)
	}
	return c, b, nil
}

// MaxHolidaysFileBytes bounds a holiday calendar read from disk (the
// embedded one is about 8 KB), as MaxRulesFileBytes does a rules file.
const MaxHolidaysFileBytes = 4 << 20

// LoadHolidays parses and validates a calendar file. Any problem (a bad or
// duplicate date, an unknown field, a notice without its source) refuses the
// file as a whole, naming the notice: a half-loaded calendar would move some
// due dates and silently not others.
func LoadHolidays(b []byte) (*Calendar, error) {
	var f HolidayFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("parse holidays: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("parse holidays: trailing data after the calendar object")
	}
	if err := ValidateVersion("holidays", f.Version); err != nil {
		return nil, err
	}
	if len(f.Notices) == 0 {
		return nil, fmt.Errorf("holidays: no notices")
	}
	c := &Calendar{version: f.Version, years: map[int]bool{}, days: map[time.Time]bool{}}
	base := map[string]int{} // base notice number → year
	// Base notices first, so that an amending notice may come anywhere in
	// the file and still override them.
	for _, pass := range [...]bool{false, true} {
		for i, n := range f.Notices {
			if (n.Amends != "") != pass {
				continue
			}
			where := fmt.Sprintf("notices[%d] (%d %s)", i, n.Year, n.Number)
			if err := checkNotice(n); err != nil {
				return nil, fmt.Errorf("holidays: %s: %w", where, err)
			}
			if !pass {
				if c.years[n.Year] {
					return nil, fmt.Errorf("holidays: %s: a second base notice for %d (a later change must name the notice it amends)", where, n.Year)
				}
				if _, dup := base[n.Number]; dup {
					return nil, fmt.Errorf("holidays: %s: number %s used twice", where, n.Number)
				}
				c.years[n.Year] = true
				base[n.Number] = n.Year
			} else if y, ok := base[n.Amends]; !ok || y != n.Year {
				return nil, fmt.Errorf("holidays: %s: amends %q, which is not a base notice for %d in the file", where, n.Amends, n.Year)
			}
			seen := map[time.Time]bool{}
			for _, list := range [...]struct {
				field string
				rest  bool
				items []string
			}{{"rest", true, n.Rest}, {"work", false, n.Work}} {
				for j, s := range list.items {
					days, err := parseDayRange(s)
					if err != nil {
						return nil, fmt.Errorf("holidays: %s: %s[%d]: %w", where, list.field, j, err)
					}
					for _, d := range days {
						if d.Year() != n.Year && !(d.Year() == n.Year-1 && d.Month() == time.December) {
							return nil, fmt.Errorf("holidays: %s: %s[%d]: %s is outside %d (only the last days of December before it may be)", where, list.field, j, d.Format(time.DateOnly), n.Year)
						}
						if seen[d] {
							return nil, fmt.Errorf("holidays: %s: %s[%d]: %s is listed twice in the notice", where, list.field, j, d.Format(time.DateOnly))
						}
						seen[d] = true
						if wd := d.Weekday(); !list.rest && wd != time.Saturday && wd != time.Sunday {
							return nil, fmt.Errorf("holidays: %s: work[%d]: %s is a %s; a make-up working day is a Saturday or a Sunday", where, j, d.Format(time.DateOnly), wd)
						}
						if _, dup := c.days[d]; dup && !pass {
							return nil, fmt.Errorf("holidays: %s: %s[%d]: %s is already set by another notice", where, list.field, j, d.Format(time.DateOnly))
						}
						c.days[d] = list.rest
					}
				}
			}
		}
	}
	return c, nil
}

func checkNotice(n HolidayNotice) error {
	switch {
	case n.Year < 1999 || n.Year > maxFilingYear:
		return fmt.Errorf("year %d is outside 1999..%d", n.Year, maxFilingYear)
	case strings.TrimSpace(n.Title) == "":
		return fmt.Errorf("title is empty: every calendar entry must name its notice")
	case strings.TrimSpace(n.Number) == "":
		return fmt.Errorf("number is empty: every calendar entry must name its notice")
	case n.IssuedOn == "":
		return fmt.Errorf("issued_on is empty: every calendar entry must date its notice")
	case len(n.Rest) == 0:
		return fmt.Errorf("rest is empty")
	}
	issued, err := time.Parse(time.DateOnly, n.IssuedOn)
	if err != nil {
		return fmt.Errorf("issued_on: %q is not YYYY-MM-DD", n.IssuedOn)
	}
	if issued.Year() > n.Year {
		return fmt.Errorf("issued_on %s is after the year it arranges", n.IssuedOn)
	}
	return nil
}

// maxRangeDays bounds a range: the longest arranged holiday is nine days.
const maxRangeDays = 31

func parseDayRange(s string) ([]time.Time, error) {
	from, to, isRange := strings.Cut(s, "..")
	a, err := time.Parse(time.DateOnly, from)
	if err != nil {
		return nil, fmt.Errorf("%q is not YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD", s)
	}
	if !isRange {
		return []time.Time{a}, nil
	}
	b, err := time.Parse(time.DateOnly, to)
	if err != nil {
		return nil, fmt.Errorf("%q is not YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD", s)
	}
	if !a.Before(b) {
		return nil, fmt.Errorf("%q: the range must run forwards", s)
	}
	if b.Sub(a) > maxRangeDays*24*time.Hour {
		return nil, fmt.Errorf("%q: a range of more than %d days", s, maxRangeDays)
	}
	var out []time.Time
	for d := a; !d.After(b); d = d.AddDate(0, 0, 1) {
		out = append(out, d)
	}
	return out, nil
}
