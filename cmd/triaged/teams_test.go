package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

// teamsEdition is the embedded teams file as a court's edit of it: its
// version, and its civil 速裁团队's capacity.
func teamsEdition(t *testing.T, version string, capacity int64) []byte {
	t.Helper()
	var f routing.File
	if err := json.Unmarshal(routing.DefaultFile(), &f); err != nil {
		t.Fatal(err)
	}
	f.Version = version
	for i := range f.Teams {
		if f.Teams[i].ID == "civil-fast-general" {
			f.Teams[i].Capacity = capacity
		}
	}
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// replaceFile writes b at path in one rename, as a ConfigMap update does.
func replaceFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path+".new", b, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(path+".new", path); err != nil {
		t.Fatal(err)
	}
}

// scrapeLine returns the value of the exposition line whose series starts
// with prefix (a name, or a name and its first labels), -1 without one.
func scrapeLine(t *testing.T, ctx context.Context, url, prefix string) float64 {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(body)) {
		series, value, ok := strings.Cut(strings.TrimSpace(line), " ")
		if ok && strings.HasPrefix(series, prefix) {
			var v float64
			if _, err := fmt.Sscan(value, &v); err != nil {
				t.Fatal(err)
			}
			return v
		}
	}
	return -1
}

// waitForMetric waits until the exposition line of url starting with
// prefix has the value want, failing with logs when ctx ends first.
func waitForMetric(t *testing.T, ctx context.Context, url string, logs *syncBuffer, prefix string, want float64) {
	t.Helper()
	for scrapeLine(t, ctx, url, prefix) != want {
		if ctx.Err() != nil {
			t.Fatalf("%s never reached %v\n%s", prefix, want, logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestServeTeamsReload: a running triaged swaps a changed -teams file in by
// its watch and by SIGHUP, routes the next decision by it (the assignment
// names the new version), exports the version and the file's hash, and
// refuses a broken file, saying so at error, in
// fenjian_teams_last_reload_successful and in the refusal count, while the
// table before goes on routing.
func TestServeTeamsReload(t *testing.T) {
	teamsFile := filepath.Join(t.TempDir(), "teams.json")
	replaceFile(t, teamsFile, teamsEdition(t, "2026-12-01", 240))
	dataDir := t.TempDir()
	conn, logs, stop := startServe(t, "-data-dir="+dataDir, "-teams="+teamsFile, "-teams-watch=20ms")
	metricsURL := "http://" + waitForLog(t, logs, nil, "serving")["http_addr"].(string) + "/metrics"
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	client := triagev1.NewTriageServiceClient(conn)
	n := 0
	teamsVersion := func() string {
		t.Helper()
		n++
		resp, err := client.Triage(ctx, loanRequest(fmt.Sprintf("(2024)苏0106民初%d号", n)))
		if err != nil {
			t.Fatal(err)
		}
		return resp.GetDecision().GetAssignment().GetTeamsVersion()
	}
	waitMetric := func(prefix string, want float64) {
		t.Helper()
		waitForMetric(t, ctx, metricsURL, logs, prefix, want)
	}
	version := func(b []byte) string {
		ts, err := routing.Load(b)
		if err != nil {
			t.Fatal(err)
		}
		return ts.Version()
	}
	a := teamsEdition(t, "2026-12-01", 240)
	if got := teamsVersion(); got != version(a) {
		t.Fatalf("teams_version %q at start; want %s", got, version(a))
	}
	waitMetric(fmt.Sprintf(`fenjian_teams_info{sha256=%q,version=%q}`, sha256Hex(a), version(a)), 1)

	b := teamsEdition(t, "2026-12-05", 300)
	replaceFile(t, teamsFile, b)
	waitMetric(fmt.Sprintf(`fenjian_teams_info{sha256=%q,version=%q}`, sha256Hex(b), version(b)), 1)
	waitMetric(`fenjian_teams_reloads_total{result="swapped",trigger="watch"}`, 1)
	if got := teamsVersion(); got != version(b) {
		t.Errorf("teams_version %q after the watch swapped; want %s", got, version(b))
	}
	if rec := waitForLog(t, logs, nil, "teams swapped in"); rec["version"] != version(b) || rec["sha256"] != sha256Hex(b) {
		t.Errorf("swap log %v", rec)
	}

	replaceFile(t, teamsFile, []byte(strings.Replace(string(b), `"capacity": 300`, `"capacity": -1`, 1)))
	waitMetric("fenjian_teams_last_reload_successful", 0)
	waitMetric(`fenjian_teams_reloads_total{result="refused",trigger="watch"}`, 1)
	if rec := waitForLog(t, logs, nil, "teams file refused; the serving teams stay"); rec["level"] != "ERROR" || !strings.Contains(fmt.Sprint(rec["error"]), "civil-fast-general") {
		t.Errorf("refusal log %v", rec)
	}
	if got := teamsVersion(); got != version(b) {
		t.Errorf("teams_version %q after a refused file; want %s", got, version(b))
	}
	stop()

	// SIGHUP alone (no watch) on a restart with the file c.
	c := teamsEdition(t, "2026-12-06", 320)
	replaceFile(t, teamsFile, b)
	conn, logs, _ = startServe(t, "-data-dir="+dataDir, "-teams="+teamsFile, "-teams-watch=0")
	metricsURL = "http://" + waitForLog(t, logs, nil, "serving")["http_addr"].(string) + "/metrics"
	client = triagev1.NewTriageServiceClient(conn)
	replaceFile(t, teamsFile, c)
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitMetric(`fenjian_teams_reloads_total{result="swapped",trigger="sighup"}`, 1)
	waitMetric("fenjian_teams_last_reload_successful", 1)
	if got := teamsVersion(); got != version(c) {
		t.Errorf("teams_version %q after SIGHUP; want %s", got, version(c))
	}
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
