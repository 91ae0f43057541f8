package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// rulesEdition is the embedded rules file as a court's edit of it: its
// version and, when keyword is not empty, one more review keyword.
func rulesEdition(t *testing.T, version, keyword string) []byte {
	t.Helper()
	var f rules.File
	if err := json.Unmarshal(rules.DefaultFile(), &f); err != nil {
		t.Fatal(err)
	}
	f.Version = version
	if keyword != "" {
		f.ReviewKeywords = append(f.ReviewKeywords, keyword)
	}
	b, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestServeRulesReload: a running triaged swaps a changed -rules file in
// by its watch and by SIGHUP, decides the next filing by it (the decision
// names the new rules_version and follows the new file: a review keyword
// the loan's text holds makes it a review case), exports the version and
// the file's hash, and refuses a broken file with the start's own reason,
// saying so at error, in fenjian_rules_last_reload_successful and in the
// refusal count, while the rules before go on deciding.
func TestServeRulesReload(t *testing.T) {
	rulesFile := filepath.Join(t.TempDir(), "rules.json")
	a := rulesEdition(t, "2027-01-01", "")
	replaceFile(t, rulesFile, a)
	dataDir := t.TempDir()
	conn, logs, stop := startServe(t, "-data-dir="+dataDir, "-rules="+rulesFile, "-rules-watch=20ms")
	metricsURL := "http://" + waitForLog(t, logs, nil, "serving")["http_addr"].(string) + "/metrics"
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	client := triagev1.NewTriageServiceClient(conn)
	n := 0
	decide := func() *triagev1.Decision {
		t.Helper()
		n++
		resp, err := client.Triage(ctx, loanRequest(fmt.Sprintf("(2024)苏0106民初%d号", n)))
		if err != nil {
			t.Fatal(err)
		}
		return resp.GetDecision()
	}
	waitMetric := func(prefix string, want float64) {
		t.Helper()
		waitForMetric(t, ctx, metricsURL, logs, prefix, want)
	}
	version := func(b []byte) string {
		t.Helper()
		r, err := rules.Load(b)
		if err != nil {
			t.Fatal(err)
		}
		return r.Version()
	}
	if d := decide(); d.GetRulesVersion() != version(a) || d.GetNeedsReview() {
		t.Fatalf("at start: rules_version %q, needs_review %v; want %s, no review", d.GetRulesVersion(), d.GetNeedsReview(), version(a))
	}
	waitMetric(fmt.Sprintf(`fenjian_rules_info{sha256=%q,version=%q}`, sha256Hex(a), version(a)), 1)

	b := rulesEdition(t, "2027-01-02", "借款")
	replaceFile(t, rulesFile, b)
	waitMetric(fmt.Sprintf(`fenjian_rules_info{sha256=%q,version=%q}`, sha256Hex(b), version(b)), 1)
	waitMetric(`fenjian_rules_reloads_total{result="swapped",trigger="watch"}`, 1)
	if d := decide(); d.GetRulesVersion() != version(b) || !d.GetNeedsReview() {
		t.Errorf("after the watch swapped: rules_version %q, needs_review %v; want %s, review (its keyword)", d.GetRulesVersion(), d.GetNeedsReview(), version(b))
	}
	if rec := waitForLog(t, logs, nil, "rules swapped in"); rec["version"] != version(b) || rec["previous"] != version(a) || rec["sha256"] != sha256Hex(b) {
		t.Errorf("swap log %v", rec)
	}

	broken := []byte(strings.Replace(string(b), `"2027-01-02"`, `""`, 1))
	_, startErr := rules.Load(broken)
	if startErr == nil {
		t.Fatal("rules.Load accepts the broken file")
	}
	replaceFile(t, rulesFile, broken)
	waitMetric("fenjian_rules_last_reload_successful", 0)
	waitMetric(`fenjian_rules_reloads_total{result="refused",trigger="watch"}`, 1)
	if rec := waitForLog(t, logs, nil, "rules file refused; the serving rules stay"); rec["level"] != "ERROR" || !strings.Contains(fmt.Sprint(rec["error"]), startErr.Error()) {
		t.Errorf("refusal log %v; want ERROR with the start's reason %q", rec, startErr)
	}
	if d := decide(); d.GetRulesVersion() != version(b) {
		t.Errorf("rules_version %q after a refused file; want %s", d.GetRulesVersion(), version(b))
	}
	stop()

	// SIGHUP alone (no watch) on a restart with the file b.
	c := rulesEdition(t, "2027-01-03", "")
	replaceFile(t, rulesFile, b)
	conn, logs, _ = startServe(t, "-data-dir="+dataDir, "-rules="+rulesFile, "-rules-watch=0")
	metricsURL = "http://" + waitForLog(t, logs, nil, "serving")["http_addr"].(string) + "/metrics"
	client = triagev1.NewTriageServiceClient(conn)
	replaceFile(t, rulesFile, c)
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitMetric(`fenjian_rules_reloads_total{result="swapped",trigger="sighup"}`, 1)
	waitMetric("fenjian_rules_last_reload_successful", 1)
	if d := decide(); d.GetRulesVersion() != version(c) || d.GetNeedsReview() {
		t.Errorf("after SIGHUP: rules_version %q, needs_review %v; want %s, no review", d.GetRulesVersion(), d.GetNeedsReview(), version(c))
	}
}

// holidaysEdition is the embedded holiday calendar as an operator's edit of
// it: its version and, with with2027, a test notice for 2027 (the embedded
// calendar ends with 2026) giving Spring Festival off from 02-06 to 02-12.
func holidaysEdition(t *testing.T, version string, with2027 bool) []byte {
	t.Helper()
	var f rules.HolidayFile
	if err := json.Unmarshal(rules.DefaultHolidaysFile(), &f); err != nil {
		t.Fatal(err)
	}
	f.Version = version
	if with2027 {
		f.Notices = append(f.Notices, rules.HolidayNotice{
			Year: 2027, Title: "国务院办公厅关于2027年部分节假日安排的通知（测试）", Number: "国办发明电〔2026〕99号",
			IssuedOn: "2026-11-01", Rest: []string{"2027-01-01", "2027-02-06..2027-02-12"},
		})
	}
	b, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestServeHolidaysReload: a running triaged swaps a changed -holidays
// file in by its watch and by SIGHUP, counts the next decision's due dates
// by it (a loan filed 2026-11-06: its simplified procedure's three months,
// 民事诉讼法第一百六十四条, end on Saturday 2027-02-06, which the calendar
// without 2027 leaves unmoved and says so, and the one with 2027's notice
// moves past the holiday and the weekend to Monday 02-15, 民事诉讼法第八十五条
// 第三款), exports the version and the file's hash, refuses a broken file
// with the start's own reason while the calendar before goes on counting,
// and keeps the new calendar when -rules reloads after it.
func TestServeHolidaysReload(t *testing.T) {
	dir := t.TempDir()
	holidaysFile, rulesFile := filepath.Join(dir, "holidays.json"), filepath.Join(dir, "rules.json")
	a := holidaysEdition(t, "2026-12-02.a", false)
	replaceFile(t, holidaysFile, a)
	replaceFile(t, rulesFile, rulesEdition(t, "2027-01-01", ""))
	dataDir := t.TempDir()
	conn, logs, stop := startServe(t, "-data-dir="+dataDir, "-holidays="+holidaysFile, "-holidays-watch=20ms", "-rules="+rulesFile, "-rules-watch=20ms")
	metricsURL := "http://" + waitForLog(t, logs, nil, "serving")["http_addr"].(string) + "/metrics"
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	client := triagev1.NewTriageServiceClient(conn)
	n := 0
	simplified := func() (*triagev1.TimeLimit, *triagev1.Decision) {
		t.Helper()
		n++
		req := loanRequest(fmt.Sprintf("(2026)苏0106民初%d号", n))
		req.Filing.FiledOn = "2026-11-06"
		resp, err := client.Triage(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range resp.GetDecision().GetOptions() {
			if o.GetProcedure() == triagev1.Procedure_PROCEDURE_SIMPLIFIED {
				return o.GetTimeLimit(), resp.GetDecision()
			}
		}
		t.Fatalf("no simplified option in %v", resp.GetDecision())
		return nil, nil
	}
	waitMetric := func(prefix string, want float64) {
		t.Helper()
		waitForMetric(t, ctx, metricsURL, logs, prefix, want)
	}
	unmoved := func(when string) {
		t.Helper()
		if tl, _ := simplified(); tl.GetDueOn() != "2027-02-06" || !tl.GetHolidayCalendarMissing() || tl.GetHolidayCalendar() != "" {
			t.Errorf("%s: %v; want due 2027-02-06, the calendar missing", when, tl)
		}
	}
	moved := func(when, version string) {
		t.Helper()
		if tl, _ := simplified(); tl.GetDueOn() != "2027-02-15" || tl.GetUnadjustedDueOn() != "2027-02-06" || tl.GetHolidayCalendarMissing() || tl.GetHolidayCalendar() != version {
			t.Errorf("%s: %v; want due 2027-02-15 moved from 02-06 by %s", when, tl, version)
		}
	}
	unmoved("at start")
	waitMetric(fmt.Sprintf(`fenjian_holidays_info{sha256=%q,version="2026-12-02.a"}`, sha256Hex(a)), 1)

	b := holidaysEdition(t, "2026-12-02.b", true)
	replaceFile(t, holidaysFile, b)
	waitMetric(fmt.Sprintf(`fenjian_holidays_info{sha256=%q,version="2026-12-02.b"}`, sha256Hex(b)), 1)
	waitMetric(`fenjian_holidays_reloads_total{result="swapped",trigger="watch"}`, 1)
	moved("after the watch swapped", "2026-12-02.b")
	if rec := waitForLog(t, logs, nil, "holidays swapped in"); rec["version"] != "2026-12-02.b" || rec["previous"] != "2026-12-02.a" || rec["sha256"] != sha256Hex(b) {
		t.Errorf("swap log %v", rec)
	}

	// A rules reload after it keeps the new calendar.
	c := rulesEdition(t, "2027-01-02", "借款")
	replaceFile(t, rulesFile, c)
	waitMetric(`fenjian_rules_reloads_total{result="swapped",trigger="watch"}`, 1)
	moved("after -rules reloaded", "2026-12-02.b")
	if _, d := simplified(); !d.GetNeedsReview() {
		t.Errorf("after -rules reloaded: no review; want the new rules' keyword to make one")
	}

	broken := []byte(strings.Replace(string(b), `"2027-02-06..2027-02-12"`, `"2027-02-12..2027-02-06"`, 1))
	_, startErr := rules.LoadHolidays(broken)
	if startErr == nil {
		t.Fatal("rules.LoadHolidays accepts the broken file")
	}
	replaceFile(t, holidaysFile, broken)
	waitMetric("fenjian_holidays_last_reload_successful", 0)
	waitMetric(`fenjian_holidays_reloads_total{result="refused",trigger="watch"}`, 1)
	if rec := waitForLog(t, logs, nil, "holidays file refused; the serving holidays stay"); rec["level"] != "ERROR" || !strings.Contains(fmt.Sprint(rec["error"]), startErr.Error()) {
		t.Errorf("refusal log %v; want ERROR with the start's reason %q", rec, startErr)
	}
	moved("after a refused file", "2026-12-02.b")
	stop()

	// SIGHUP alone (no watch) on a restart with the file b: a goes back.
	replaceFile(t, holidaysFile, b)
	conn, logs, _ = startServe(t, "-data-dir="+dataDir, "-holidays="+holidaysFile, "-holidays-watch=0")
	metricsURL = "http://" + waitForLog(t, logs, nil, "serving")["http_addr"].(string) + "/metrics"
	client = triagev1.NewTriageServiceClient(conn)
	moved("after the restart", "2026-12-02.b")
	replaceFile(t, holidaysFile, a)
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitMetric(`fenjian_holidays_reloads_total{result="swapped",trigger="sighup"}`, 1)
	waitMetric("fenjian_holidays_last_reload_successful", 1)
	unmoved("after SIGHUP put a back")
}
