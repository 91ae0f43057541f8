package reload_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/reload"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// notice2027 is a test notice for 2027 (the embedded calendar ends with
// 2026), as an operator adds next year's notice once the State Council
// issues it: Spring Festival off from 02-06 to 02-12, no make-up days.
var notice2027 = rules.HolidayNotice{
	Year: 2027, Title: "国务院办公厅关于2027年部分节假日安排的通知（测试）", Number: "国办发明电〔2026〕99号",
	IssuedOn: "2026-11-01", Rest: []string{"2027-01-01", "2027-02-06..2027-02-12"},
}

// holidaysEdition returns the embedded calendar file with version, edited
// by edit when it is not nil: an operator's edition of it, good or bad.
func holidaysEdition(t testing.TB, version string, edit func(*rules.HolidayFile)) []byte {
	t.Helper()
	var f rules.HolidayFile
	if err := json.Unmarshal(rules.DefaultHolidaysFile(), &f); err != nil {
		t.Fatal(err)
	}
	f.Version = version
	if edit != nil {
		edit(&f)
	}
	b, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// with2027 adds notice2027 to a calendar file.
func with2027(f *rules.HolidayFile) { f.Notices = append(f.Notices, notice2027) }

// holidaysSetup are a serving and a shadow engine under one Law, on the
// embedded rules and the calendar of a file the test may rewrite, and the
// Law's rules and holidays reloaders with their own registry and log.
type holidaysSetup struct {
	dir             string
	path, rulesPath string
	serving, shadow *triage.Engine
	law             *reload.Law
	h               *reload.HolidaysReloader
	rr              *reload.RulesReloader
	reg             *prometheus.Registry
	logs            *lockedBuffer
	start           *rules.Engine // the rules at start, with the calendar a
	a               *rules.Calendar
	aBytes          []byte
}

func newHolidaysSetup(t testing.TB) *holidaysSetup {
	t.Helper()
	dir := t.TempDir()
	s := &holidaysSetup{dir: dir, path: filepath.Join(dir, "holidays.json"), rulesPath: filepath.Join(dir, "rules.json"),
		reg: prometheus.NewRegistry(), logs: &lockedBuffer{}}
	s.aBytes = holidaysEdition(t, "holidays-a", nil)
	install(t, s.path, s.aBytes)
	rulesBytes := rulesEdition(t, "reload-a", nil)
	install(t, s.rulesPath, rulesBytes)
	a, started, err := rules.ReadHolidays(s.path)
	if err != nil {
		t.Fatal(err)
	}
	s.a = a
	r, _, err := rules.ReadFile(s.rulesPath)
	if err != nil {
		t.Fatal(err)
	}
	s.start = r.WithHolidays(a)
	s.serving, s.shadow = triage.New(s.start, classifier.NewBaseline()), triage.New(s.start, classifier.NewBaseline())
	if s.law, err = reload.NewLaw(s.serving, s.shadow); err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewJSONHandler(s.logs, nil))
	s.h, err = reload.NewHolidays(reload.HolidaysOptions{
		File: s.path, Load: rules.ReadHolidays, Target: s.law, Registerer: s.reg, Logger: logger,
	}, started)
	if err != nil {
		t.Fatal(err)
	}
	s.rr, err = reload.NewRules(reload.RulesOptions{
		File: s.rulesPath, Load: rules.ReadFile, Targets: []reload.RulesTarget{s.law}, Registerer: prometheus.NewRegistry(), Logger: logger,
	}, rulesBytes)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// checkServing fails unless both engines hold the same rules value, of
// version rulesVersion and counting with the calendar cal.
func (s *holidaysSetup) checkServing(t testing.TB, rulesVersion string, cal *rules.Calendar) {
	t.Helper()
	r := s.serving.Rules()
	if s.shadow.Rules() != r {
		t.Errorf("serving rules %s, shadow %s: not one value", r.Version(), s.shadow.Rules().Version())
	}
	if r.Version() != rulesVersion || r.Holidays() != cal {
		t.Errorf("serving rules %s with calendar %s; want %s with %s", r.Version(), r.Holidays().Version(), rulesVersion, cal.Version())
	}
}

// holidaysMetricsWant is the holidays reload metrics' exposition.
func holidaysMetricsWant(refusedWatch, swappedWatch, unchangedWatch, refusedHup, swappedHup int, ok int, version, hash string) string {
	var b strings.Builder
	b.WriteString("# HELP fenjian_holidays_info 1 for the holiday calendar serving now: its version (the file's version, as time limits record it in holiday_calendar) and the SHA-256 of the file.\n# TYPE fenjian_holidays_info gauge\n")
	fmt.Fprintf(&b, "fenjian_holidays_info{sha256=%q,version=%q} 1\n", hash, version)
	b.WriteString("# HELP fenjian_holidays_last_reload_successful 1 when the last holiday calendar file reload swapped the file in or found it unchanged (and before any), 0 when it refused the file: the serving calendar is older than the file.\n# TYPE fenjian_holidays_last_reload_successful gauge\n")
	fmt.Fprintf(&b, "fenjian_holidays_last_reload_successful %d\n", ok)
	b.WriteString("# HELP fenjian_holidays_reloads_total Holiday calendar file reload attempts by trigger (sighup, watch) and result (swapped, unchanged, refused).\n# TYPE fenjian_holidays_reloads_total counter\n")
	fmt.Fprintf(&b, "fenjian_holidays_reloads_total{result=\"refused\",trigger=\"sighup\"} %d\n", refusedHup)
	if swappedHup > 0 {
		fmt.Fprintf(&b, "fenjian_holidays_reloads_total{result=\"swapped\",trigger=\"sighup\"} %d\n", swappedHup)
	}
	fmt.Fprintf(&b, "fenjian_holidays_reloads_total{result=\"refused\",trigger=\"watch\"} %d\n", refusedWatch)
	if swappedWatch > 0 {
		fmt.Fprintf(&b, "fenjian_holidays_reloads_total{result=\"swapped\",trigger=\"watch\"} %d\n", swappedWatch)
	}
	if unchangedWatch > 0 {
		fmt.Fprintf(&b, "fenjian_holidays_reloads_total{result=\"unchanged\",trigger=\"watch\"} %d\n", unchangedWatch)
	}
	return b.String()
}

func checkHolidaysMetrics(t testing.TB, reg prometheus.Gatherer, want string) {
	t.Helper()
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "fenjian_holidays_info", "fenjian_holidays_last_reload_successful", "fenjian_holidays_reloads_total"); err != nil {
		t.Error(err)
	}
}

// TestHolidaysReloadRefusesBadFiles: each calendar file an operator could
// get wrong is refused by the start's own validation, with the reason the
// start would give (rules.LoadHolidays's error for the same bytes), logged
// at error, counted, and the last reload marked failed; both engines keep
// the rules and calendar before, pointer for pointer; putting the good
// file back is "unchanged" and clears the failure.
func TestHolidaysReloadRefusesBadFiles(t *testing.T) {
	good := holidaysEdition(t, "holidays-a", with2027)
	last := func(edit func(*rules.HolidayNotice)) func(*rules.HolidayFile) {
		return func(f *rules.HolidayFile) {
			n := notice2027
			n.Rest = append([]string(nil), n.Rest...)
			edit(&n)
			f.Notices = append(f.Notices, n)
		}
	}
	for _, tc := range []struct {
		name   string
		file   []byte // nil removes the file
		reason string // in the error and the log, beside rules.LoadHolidays's own error
	}{
		{"unparseable", []byte(`{"version": "2027-01-01",`), "parse holidays"},
		{"empty file", []byte{}, "parse holidays"},
		{"trailing data", append(good[:len(good):len(good)], []byte(`{}`)...), "trailing data"},
		{"unknown field", []byte(strings.Replace(string(good), `"issued_on"`, `"issued"`, 1)), `unknown field "issued"`},
		{"empty version", holidaysEdition(t, " ", with2027), "version is empty"},
		{"no notices", holidaysEdition(t, "none", func(f *rules.HolidayFile) { f.Notices = nil }), "no notices"},
		{"day that does not exist", holidaysEdition(t, "bad-day", last(func(n *rules.HolidayNotice) { n.Rest[0] = "2027-02-30" })), `"2027-02-30" is not YYYY-MM-DD`},
		{"range backwards", holidaysEdition(t, "backwards", last(func(n *rules.HolidayNotice) { n.Rest[1] = "2027-02-12..2027-02-06" })), "the range must run forwards"},
		{"make-up day on a weekday", holidaysEdition(t, "bad-work", last(func(n *rules.HolidayNotice) { n.Work = []string{"2027-02-15"} })), "2027-02-15 is a Monday"},
		{"day outside its year", holidaysEdition(t, "bad-year", last(func(n *rules.HolidayNotice) { n.Rest[0] = "2028-01-01" })), "2028-01-01 is outside 2027"},
		{"day listed twice", holidaysEdition(t, "twice", last(func(n *rules.HolidayNotice) { n.Rest[0] = "2027-02-06" })), "2027-02-06 is listed twice"},
		{"second base notice for a year", holidaysEdition(t, "two-bases", func(f *rules.HolidayFile) {
			with2027(f)
			n := notice2027
			n.Number, n.Rest = "国办发明电〔2026〕100号", []string{"2027-10-01"}
			f.Notices = append(f.Notices, n)
		}), "a second base notice for 2027"},
		{"amends no notice", holidaysEdition(t, "bad-amends", last(func(n *rules.HolidayNotice) { n.Amends = "国办发明电〔2026〕1号" })), `amends "国办发明电〔2026〕1号"`},
		{"notice without a number", holidaysEdition(t, "no-number", last(func(n *rules.HolidayNotice) { n.Number = " " })), "number is empty"},
		{"notice without its date", holidaysEdition(t, "no-date", last(func(n *rules.HolidayNotice) { n.IssuedOn = "" })), "issued_on is empty"},
		{"file gone", nil, "no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newHolidaysSetup(t)
			if tc.file == nil {
				if err := os.Remove(s.path); err != nil {
					t.Fatal(err)
				}
			} else {
				install(t, s.path, tc.file)
				// The start's verdict on the same bytes: a reload must
				// refuse exactly what a restart would.
				if _, err := rules.LoadHolidays(tc.file); err == nil {
					t.Fatal("rules.LoadHolidays accepts the file; the row tests nothing")
				} else if !strings.Contains(err.Error(), tc.reason) {
					t.Fatalf("rules.LoadHolidays: %v; the row expects %q", err, tc.reason)
				}
			}
			res, err := s.h.Reload(context.Background(), "sighup")
			if !errors.Is(err, reload.ErrRefused) || !strings.Contains(err.Error(), tc.reason) {
				t.Fatalf("Reload: %v; want ErrRefused saying %q", err, tc.reason)
			}
			if tc.file != nil {
				_, loadErr := rules.LoadHolidays(tc.file)
				if !strings.Contains(err.Error(), loadErr.Error()) {
					t.Errorf("Reload: %v; want the start's reason %q", err, loadErr)
				}
			}
			if res.Changed || res.Version != s.a.Version() {
				t.Errorf("result %+v; want the serving %s, unchanged", res, s.a.Version())
			}
			if s.serving.Rules() != s.start || s.shadow.Rules() != s.start {
				t.Errorf("serving %s, shadow %s after a refusal; want the rules before", s.serving.Rules().Holidays().Version(), s.shadow.Rules().Holidays().Version())
			}
			recs := s.logs.records(t, "holidays file refused; the serving holidays stay")
			if len(recs) != 1 || recs[0]["level"] != "ERROR" || !strings.Contains(fmt.Sprint(recs[0]["error"]), tc.reason) ||
				recs[0]["serving"] != s.a.Version() || recs[0]["file"] != s.path || recs[0]["trigger"] != "sighup" {
				t.Errorf("log records %v; want one ERROR naming the file, the trigger, the serving version and %q", recs, tc.reason)
			}
			checkHolidaysMetrics(t, s.reg, holidaysMetricsWant(0, 0, 0, 1, 0, 0, s.a.Version(), sha(s.aBytes)))

			// The good file back: nothing to swap, and the failure clears.
			install(t, s.path, s.aBytes)
			if res, err := s.h.Reload(context.Background(), "watch"); err != nil || res.Changed {
				t.Fatalf("Reload of the serving file: %+v, %v; want unchanged", res, err)
			}
			checkHolidaysMetrics(t, s.reg, holidaysMetricsWant(0, 0, 1, 1, 0, 1, s.a.Version(), sha(s.aBytes)))
		})
	}
}

// filing2027 is a civil filing of 2026-11-06 whose simplified procedure's
// three months (民事诉讼法第一百六十四条) end on Saturday 2027-02-06.
func filing2027() *triagev1.Filing {
	return &triagev1.Filing{
		Id: "(2026)苏0106民初1号", CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC,
		Province: "江苏省", FiledOn: "2026-11-06", Cause: "民间借贷纠纷", ClaimAmountFen: 450_000_00,
		Parties: []*triagev1.Party{
			{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON},
			{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON},
		},
	}
}

// simplifiedLimit is the time limit of the simplified procedure of
// filing2027 under the rules serving.
func simplifiedLimit(t testing.TB, e *triage.Engine) *triagev1.TimeLimit {
	t.Helper()
	a, err := e.Rules().Evaluate(filing2027())
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range a.Options {
		if o.GetProcedure() == triagev1.Procedure_PROCEDURE_SIMPLIFIED {
			return o.GetTimeLimit()
		}
	}
	t.Fatal("no simplified option")
	return nil
}

// TestHolidaysReloadFollows: Follow swaps a new calendar into both engines
// on its change (the watch) and on SIGHUP, logs the old and new version,
// the file's hash and the years it covers, and exports them; the next due
// date counts with it (2027's notice added: a period ending on a Spring
// Festival Saturday moves to the Monday after the holiday, where the
// calendar before had no 2027 and said so). A bad file between is refused
// once and the watch goes on. An older edition is swapped in like any
// other.
func TestHolidaysReloadFollows(t *testing.T) {
	s := newHolidaysSetup(t)
	if tl := simplifiedLimit(t, s.serving); !tl.GetHolidayCalendarMissing() || tl.GetDueOn() != "2027-02-06" {
		t.Fatalf("at start: %v; want due 2027-02-06 with the calendar missing (no 2027 notice)", tl)
	}
	ctx, cancel := context.WithCancel(context.Background())
	hup := make(chan os.Signal, 1)
	done := make(chan struct{})
	go func() { defer close(done); s.h.Follow(ctx, hup, 5*time.Millisecond) }()
	defer func() { cancel(); <-done }()
	waitSwaps := func(n int) *rules.Calendar {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for len(s.logs.records(t, "holidays swapped in")) < n {
			if time.Now().After(deadline) {
				t.Fatalf("serving %s; swap %d never logged", s.law.Holidays().Version(), n)
			}
			time.Sleep(time.Millisecond)
		}
		return s.law.Holidays()
	}
	deadline := time.Now().Add(10 * time.Second)
	for metricValue(t, s.reg, "fenjian_holidays_reloads_total", "trigger", "watch", "result", "unchanged") < 1 {
		if time.Now().After(deadline) {
			t.Fatal("the watch never polled")
		}
		time.Sleep(time.Millisecond)
	}

	bBytes := holidaysEdition(t, "holidays-b", with2027)
	install(t, s.path, bBytes)
	b := waitSwaps(1)
	if b.Version() != "holidays-b" || !b.Covers(2027) {
		t.Fatalf("serving calendar %s covering %v; want holidays-b with 2027", b.Version(), b.Years())
	}
	s.checkServing(t, s.start.Version(), b)
	tl := simplifiedLimit(t, s.serving)
	if tl.GetDueOn() != "2027-02-15" || tl.GetUnadjustedDueOn() != "2027-02-06" || tl.GetHolidayCalendar() != "holidays-b" || tl.GetHolidayCalendarMissing() {
		t.Errorf("after the swap: %v; want due 2027-02-15 (moved from 02-06 past the holiday and the weekend) by holidays-b", tl)
	}
	recs := s.logs.records(t, "holidays swapped in")
	if len(recs) != 1 || recs[0]["trigger"] != "watch" || recs[0]["version"] != "holidays-b" || recs[0]["previous"] != "holidays-a" ||
		recs[0]["sha256"] != sha(bBytes) || recs[0]["level"] != "INFO" || !strings.HasSuffix(fmt.Sprint(recs[0]["years"]), " 2026 2027]") {
		t.Errorf("swap log %v; want trigger watch, both versions, the hash and the years to 2027", recs)
	}
	checkHolidaysMetrics(t, s.reg, holidaysMetricsWant(0, 1, 1, 0, 0, 1, "holidays-b", sha(bBytes)))

	install(t, s.path, []byte(`{"version": "broken",`))
	deadline = time.Now().Add(10 * time.Second)
	for len(s.logs.records(t, "holidays file refused; the serving holidays stay")) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the bad file was never refused")
		}
		time.Sleep(time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // ten polls of the same bad file
	if n := len(s.logs.records(t, "holidays file refused; the serving holidays stay")); n != 1 {
		t.Errorf("the unchanged bad file was refused %d times; want once per change", n)
	}
	s.checkServing(t, s.start.Version(), b)

	// SIGHUP alone: the watch stopped; the older edition a goes back in.
	cancel()
	<-done
	hupCtx, hupCancel := context.WithCancel(context.Background())
	hupDone := make(chan struct{})
	go func() { defer close(hupDone); s.h.Follow(hupCtx, hup, 0) }()
	defer func() { hupCancel(); <-hupDone }()
	install(t, s.path, s.aBytes)
	hup <- os.Interrupt // any value: Follow reloads on every signal it is sent
	a := waitSwaps(2)
	if a.Version() != "holidays-a" || a.Covers(2027) {
		t.Fatalf("serving calendar %s covering %v; want holidays-a without 2027", a.Version(), a.Years())
	}
	s.checkServing(t, s.start.Version(), a)
	if tl := simplifiedLimit(t, s.serving); !tl.GetHolidayCalendarMissing() || tl.GetDueOn() != "2027-02-06" {
		t.Errorf("back on holidays-a: %v; want due 2027-02-06 with the calendar missing", tl)
	}
	checkHolidaysMetrics(t, s.reg, holidaysMetricsWant(1, 1, 1, 0, 1, 1, "holidays-a", sha(s.aBytes)))
}

// TestLawKeepsTheOtherHalf: the calendar lives inside the rules, so a
// rules reload after a calendar reload must keep the new calendar (the
// rules file is read with the embedded one), and a calendar reload after a
// rules reload the new rules, in both engines, in either order.
func TestLawKeepsTheOtherHalf(t *testing.T) {
	bRules := rulesEdition(t, "reload-b", func(f *rules.File) { f.ReviewKeywords = append(f.ReviewKeywords, "借款") })
	bHolidays := holidaysEdition(t, "holidays-b", with2027)
	for _, tc := range []struct {
		name  string
		order []string // "rules", "holidays": which file changes and reloads, in turn
	}{
		{"holidays then rules", []string{"holidays", "rules"}},
		{"rules then holidays", []string{"rules", "holidays"}},
		{"rules alone", []string{"rules"}},
		{"holidays alone", []string{"holidays"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newHolidaysSetup(t)
			wantRules, wantCal := s.start.Version(), s.a
			for _, what := range tc.order {
				switch what {
				case "rules":
					install(t, s.rulesPath, bRules)
					res, err := s.rr.Reload(context.Background(), "sighup")
					if err != nil || !res.Changed {
						t.Fatalf("rules reload: %+v, %v", res, err)
					}
					wantRules = res.Version
				case "holidays":
					install(t, s.path, bHolidays)
					if res, err := s.h.Reload(context.Background(), "sighup"); err != nil || !res.Changed {
						t.Fatalf("holidays reload: %+v, %v", res, err)
					}
					wantCal = s.law.Holidays()
					if wantCal.Version() != "holidays-b" {
						t.Fatalf("calendar %s after its reload; want holidays-b", wantCal.Version())
					}
				}
			}
			s.checkServing(t, wantRules, wantCal)
		})
	}
}

// TestLawConcurrentReloads: a calendar reload racing rules reloads (run
// with -race) never loses the calendar: a rules swap that read the
// calendar before it and stored after it would put the old one back.
// Rounds of one SetHolidays among SetRules calls, each round from the
// start's law, must all end on the new rules with the new calendar.
func TestLawConcurrentReloads(t *testing.T) {
	bRules := rulesEdition(t, "reload-b", nil)
	bHolidays := holidaysEdition(t, "holidays-b", with2027)
	rulesB, _, err := rules.ReadFile(writeTemp(t, "rules-b.json", bRules))
	if err != nil {
		t.Fatal(err)
	}
	calB, err := rules.LoadHolidays(bHolidays)
	if err != nil {
		t.Fatal(err)
	}
	s := newHolidaysSetup(t)
	lost := 0
	const rounds = 2000
	for range rounds {
		s.serving.SetRules(s.start)
		s.shadow.SetRules(s.start)
		var wg sync.WaitGroup
		for i := range 8 {
			wg.Go(func() {
				if i == 3 {
					s.law.SetHolidays(calB)
					return
				}
				for range 4 {
					s.law.SetRules(rulesB)
				}
			})
		}
		wg.Wait()
		if r := s.serving.Rules(); r.Holidays() != calB || s.shadow.Rules() != r || r.Version() != rulesB.Version() {
			lost++
		}
	}
	if lost > 0 {
		t.Errorf("%d of %d rounds lost a half or split the engines", lost, rounds)
	}
}

func writeTemp(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	install(t, p, b)
	return p
}

// TestNewHolidaysRequiresOptions: no file, no loader, no target or a
// target without a calendar is refused; so is a Law of no engine, of an
// engine without rules, or of engines on different rules.
func TestNewHolidaysRequiresOptions(t *testing.T) {
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	law, err := reload.NewLaw(triage.New(r, classifier.NewBaseline()))
	if err != nil {
		t.Fatal(err)
	}
	noCalendar, err := reload.NewLaw(triage.New(r.WithHolidays(nil), classifier.NewBaseline()))
	if err != nil {
		t.Fatal(err)
	}
	for name, opts := range map[string]reload.HolidaysOptions{
		"no file":                 {Load: rules.ReadHolidays, Target: law},
		"no loader":               {File: "holidays.json", Target: law},
		"no target":               {File: "holidays.json", Load: rules.ReadHolidays},
		"target without calendar": {File: "holidays.json", Load: rules.ReadHolidays, Target: noCalendar},
	} {
		if _, err := reload.NewHolidays(opts, nil); err == nil {
			t.Errorf("%s: NewHolidays succeeded", name)
		}
	}
	for name, engines := range map[string][]reload.RulesTarget{
		"no engine":       nil,
		"engine, no rule": {triage.New(nil, classifier.NewBaseline())},
		"different rules": {triage.New(r, classifier.NewBaseline()), triage.New(r.WithHolidays(nil), classifier.NewBaseline())},
	} {
		if _, err := reload.NewLaw(engines...); err == nil {
			t.Errorf("%s: NewLaw succeeded", name)
		}
	}
}
