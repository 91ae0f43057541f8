package reload_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
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

	"github.com/fenjian/fenjian/reload"
	"github.com/fenjian/fenjian/routing"
)

// teamsFixture returns the bytes of reload/testdata/teams/name.
func teamsFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "teams", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// install writes b as the teams file at path, as a ConfigMap update or an
// editor's save-and-rename does: whole, in one rename.
func install(t testing.TB, path string, b []byte) {
	t.Helper()
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// lockedBuffer is a log sink safe for the reloader's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// records returns the JSON log records with msg.
func (l *lockedBuffer) records(t testing.TB, msg string) []map[string]any {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []map[string]any
	for line := range strings.Lines(l.b.String()) {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if rec["msg"] == msg {
			out = append(out, rec)
		}
	}
	return out
}

// teamsSetup is a table serving a.json, loaded from a file the test may
// rewrite, and its reloader with its own registry and log.
type teamsSetup struct {
	path  string
	table *routing.Table
	r     *reload.TeamsReloader
	reg   *prometheus.Registry
	logs  *lockedBuffer
	a     *routing.Teams
}

// needsCivil is a Check as triaged's: a token's role names team civil.
func needsCivil(ts *routing.Teams) error {
	if _, ok := ts.Team("civil"); !ok {
		return errors.New("tokens file: clerk-1: role team:civil names no team of the teams file")
	}
	return nil
}

func newTeamsSetup(t testing.TB) *teamsSetup {
	t.Helper()
	s := &teamsSetup{path: filepath.Join(t.TempDir(), "teams.json"), reg: prometheus.NewRegistry(), logs: &lockedBuffer{}}
	install(t, s.path, teamsFixture(t, "a.json"))
	a, started, err := routing.ReadFile(s.path)
	if err != nil {
		t.Fatal(err)
	}
	s.a, s.table = a, routing.NewTable(a)
	s.r, err = reload.NewTeams(reload.TeamsOptions{
		File: s.path, Target: s.table, Check: needsCivil, Registerer: s.reg,
		Logger: slog.New(slog.NewJSONHandler(s.logs, nil)),
	}, started)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sha(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// teamsMetricsWant is the reload metrics' exposition: refusals and swaps by
// trigger, the last reload's success and the serving version.
func teamsMetricsWant(refusedWatch, swappedWatch, unchangedWatch, refusedHup, swappedHup int, ok int, version, hash string) string {
	var b strings.Builder
	b.WriteString("# HELP fenjian_teams_info 1 for the teams table serving now: its version (the file's version and a hash, as assignments record it) and the SHA-256 of the file.\n# TYPE fenjian_teams_info gauge\n")
	fmt.Fprintf(&b, "fenjian_teams_info{sha256=%q,version=%q} 1\n", hash, version)
	b.WriteString("# HELP fenjian_teams_last_reload_successful 1 when the last teams file reload swapped the file in or found it unchanged (and before any), 0 when it refused the file: the serving teams are older than the file.\n# TYPE fenjian_teams_last_reload_successful gauge\n")
	fmt.Fprintf(&b, "fenjian_teams_last_reload_successful %d\n", ok)
	b.WriteString("# HELP fenjian_teams_reloads_total Teams file reload attempts by trigger (sighup, watch) and result (swapped, unchanged, refused).\n# TYPE fenjian_teams_reloads_total counter\n")
	fmt.Fprintf(&b, "fenjian_teams_reloads_total{result=\"refused\",trigger=\"sighup\"} %d\n", refusedHup)
	if swappedHup > 0 {
		fmt.Fprintf(&b, "fenjian_teams_reloads_total{result=\"swapped\",trigger=\"sighup\"} %d\n", swappedHup)
	}
	fmt.Fprintf(&b, "fenjian_teams_reloads_total{result=\"refused\",trigger=\"watch\"} %d\n", refusedWatch)
	if swappedWatch > 0 {
		fmt.Fprintf(&b, "fenjian_teams_reloads_total{result=\"swapped\",trigger=\"watch\"} %d\n", swappedWatch)
	}
	if unchangedWatch > 0 {
		fmt.Fprintf(&b, "fenjian_teams_reloads_total{result=\"unchanged\",trigger=\"watch\"} %d\n", unchangedWatch)
	}
	return b.String()
}

func checkTeamsMetrics(t testing.TB, reg prometheus.Gatherer, want string) {
	t.Helper()
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "fenjian_teams_info", "fenjian_teams_last_reload_successful", "fenjian_teams_reloads_total"); err != nil {
		t.Error(err)
	}
}

// TestTeamsReloadRefusesBadFiles: each file a court could get wrong is
// refused with its reason, logged at error, counted, and the last reload
// marked failed; the table serving is the one before, pointer for pointer;
// putting the good file back is "unchanged" and clears the failure.
func TestTeamsReloadRefusesBadFiles(t *testing.T) {
	for _, tc := range []struct {
		name    string
		fixture string // "" removes the file
		reason  string // in the error and the log
	}{
		{"unparseable", "unparseable.json", "parse teams"},
		{"empty file", "empty.json", "parse teams"},
		{"unknown field", "unknown_field.json", `unknown field "capcity"`},
		{"a team with no case kinds", "no_kinds.json", "teams[0] (civil): case_kinds is empty"},
		{"a team with no procedures", "no_procedures.json", "teams[2] (criminal): procedures is empty"},
		{"duplicate ids", "duplicate_id.json", `id "civil" is also teams[0]'s`},
		{"negative capacity", "negative_capacity.json", "teams[0] (civil): capacity"},
		{"zero capacity", "zero_capacity.json", "teams[1] (admin): capacity"},
		{"a lawful procedure without a team", "no_criminal_team.json", "no team takes CASE_KIND_CRIMINAL"},
		{"a team a token's role names removed", "role_team_removed.json", "role team:civil names no team"},
		{"file gone", "", "no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newTeamsSetup(t)
			if tc.fixture == "" {
				if err := os.Remove(s.path); err != nil {
					t.Fatal(err)
				}
			} else {
				install(t, s.path, teamsFixture(t, tc.fixture))
			}
			res, err := s.r.Reload(context.Background(), "watch")
			if !errors.Is(err, reload.ErrRefused) || !strings.Contains(err.Error(), tc.reason) {
				t.Fatalf("Reload: %v; want ErrRefused saying %q", err, tc.reason)
			}
			if res.Changed || res.Version != s.a.Version() {
				t.Errorf("result %+v; want the serving %s, unchanged", res, s.a.Version())
			}
			if s.table.Teams() != s.a {
				t.Errorf("serving %s after a refusal; want the table before", s.table.Teams().Version())
			}
			recs := s.logs.records(t, "teams file refused; the serving teams stay")
			if len(recs) != 1 || recs[0]["level"] != "ERROR" || !strings.Contains(fmt.Sprint(recs[0]["error"]), tc.reason) ||
				recs[0]["serving"] != s.a.Version() || recs[0]["file"] != s.path {
				t.Errorf("log records %v; want one ERROR naming the file, the serving version and %q", recs, tc.reason)
			}
			aHash := sha(teamsFixture(t, "a.json"))
			checkTeamsMetrics(t, s.reg, teamsMetricsWant(1, 0, 0, 0, 0, 0, s.a.Version(), aHash))

			// The good file back: nothing to swap, and the failure clears.
			install(t, s.path, teamsFixture(t, "a.json"))
			if res, err := s.r.Reload(context.Background(), "watch"); err != nil || res.Changed {
				t.Fatalf("Reload of the serving file: %+v, %v; want unchanged", res, err)
			}
			checkTeamsMetrics(t, s.reg, teamsMetricsWant(1, 0, 1, 0, 0, 1, s.a.Version(), aHash))
		})
	}
}

// TestTeamsReloadFollows: Follow swaps a new file in on its change (the
// watch) and on SIGHUP, logs the version, hash and teams added and removed,
// and exports them; a bad file between is refused and the watch goes on.
func TestTeamsReloadFollows(t *testing.T) {
	s := newTeamsSetup(t)
	ctx, cancel := context.WithCancel(context.Background())
	hup := make(chan os.Signal, 1)
	done := make(chan struct{})
	go func() { defer close(done); s.r.Follow(ctx, hup, 5*time.Millisecond) }()
	defer func() { cancel(); <-done }()
	// waitSwaps waits for the n-th swap's log record (written after the
	// swap) and returns the table serving.
	waitSwaps := func(n int) *routing.Teams {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for len(s.logs.records(t, "teams swapped in")) < n {
			if time.Now().After(deadline) {
				t.Fatalf("serving %s; swap %d never logged", s.table.Teams().Version(), n)
			}
			time.Sleep(time.Millisecond)
		}
		return s.table.Teams()
	}
	// The first poll finds the file serving: unchanged, nothing logged.
	deadline := time.Now().Add(10 * time.Second)
	for metricValue(t, s.reg, "fenjian_teams_reloads_total", "trigger", "watch", "result", "unchanged") < 1 {
		if time.Now().After(deadline) {
			t.Fatal("the watch never polled")
		}
		time.Sleep(time.Millisecond)
	}

	bBytes := teamsFixture(t, "b.json")
	install(t, s.path, bBytes)
	b := waitSwaps(1)
	if !strings.HasPrefix(b.Version(), "reload-b+") {
		t.Fatalf("serving %s; want reload-b", b.Version())
	}
	if team, ok := b.Team("civil"); !ok || team.Capacity != 80 {
		t.Errorf("civil after the swap: %+v; want capacity 80", team)
	}
	recs := s.logs.records(t, "teams swapped in")
	if len(recs) != 1 || recs[0]["trigger"] != "watch" || recs[0]["version"] != b.Version() || recs[0]["previous"] != s.a.Version() ||
		recs[0]["sha256"] != sha(bBytes) || fmt.Sprint(recs[0]["added"]) != "[civil-fast]" || fmt.Sprint(recs[0]["removed"]) != "[]" {
		t.Errorf("swap log %v; want trigger watch, versions, hash and civil-fast added", recs)
	}

	install(t, s.path, teamsFixture(t, "duplicate_id.json"))
	deadline = time.Now().Add(10 * time.Second)
	for len(s.logs.records(t, "teams file refused; the serving teams stay")) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the bad file was never refused")
		}
		time.Sleep(time.Millisecond)
	}
	if s.table.Teams() != b {
		t.Fatalf("serving %s after a refused file; want %s", s.table.Teams().Version(), b.Version())
	}

	// SIGHUP alone: the watch stopped, a.json is swapped in by the signal.
	cancel()
	<-done
	hupCtx, hupCancel := context.WithCancel(context.Background())
	hupDone := make(chan struct{})
	go func() { defer close(hupDone); s.r.Follow(hupCtx, hup, 0) }()
	defer func() { hupCancel(); <-hupDone }()
	aBytes := teamsFixture(t, "a.json")
	install(t, s.path, aBytes)
	hup <- os.Interrupt // any value: Follow reloads on every signal it is sent
	a := waitSwaps(2)
	if !strings.HasPrefix(a.Version(), "reload-a+") {
		t.Fatalf("serving %s; want reload-a", a.Version())
	}
	if _, ok := a.Team("civil-fast"); ok {
		t.Error("civil-fast still listed after a.json swapped in")
	}
	last := s.logs.records(t, "teams swapped in")
	if got := last[len(last)-1]; fmt.Sprint(got["removed"]) != "[civil-fast]" {
		t.Errorf("swap log %v; want civil-fast removed", got)
	}
	checkTeamsMetrics(t, s.reg, teamsMetricsWant(1, 1, 1, 0, 1, 1, a.Version(), sha(aBytes)))
}

// metricValue is the value of the series of name with the label pairs
// given, 0 when there is none.
func metricValue(t testing.TB, reg prometheus.Gatherer, name string, labels ...string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
	series:
		for _, m := range mf.GetMetric() {
			got := map[string]string{}
			for _, l := range m.GetLabel() {
				got[l.GetName()] = l.GetValue()
			}
			for i := 0; i+1 < len(labels); i += 2 {
				if got[labels[i]] != labels[i+1] {
					continue series
				}
			}
			return m.GetCounter().GetValue() + m.GetGauge().GetValue()
		}
	}
	return 0
}

// TestNewTeamsRequiresOptions: no file, no target or a target without teams
// is refused.
func TestNewTeamsRequiresOptions(t *testing.T) {
	ts, err := routing.Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, opts := range map[string]reload.TeamsOptions{
		"no file":          {Target: routing.NewTable(ts)},
		"no target":        {File: "teams.json"},
		"target with none": {File: "teams.json", Target: routing.NewTable(nil)},
	} {
		if _, err := reload.NewTeams(opts, nil); err == nil {
			t.Errorf("%s: NewTeams succeeded", name)
		}
	}
}
