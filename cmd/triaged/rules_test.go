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
