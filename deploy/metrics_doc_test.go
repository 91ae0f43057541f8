package deploy

import (
	"bufio"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/auth"
	"github.com/fenjian/fenjian/checkpoint"
)

// TestOperationsMetricsTable holds docs/operations.md's metrics table to
// what a real triaged exports: every documented metric exists with exactly
// the documented labels, and every fenjian_* and grpc_* family it exports
// is documented. The server runs with -model, -shadow-model, -teams, -rules
// and -checkpoint-dir, and a model reload is made, so that the metrics of those
// features are exported.
func TestOperationsMetricsTable(t *testing.T) {
	model := "-model=../classifier/defaultmodel/model"
	tr := startTriaged(t, append([]string{model, "-shadow-model=../classifier/defaultmodel/model", "-teams=../routing/default_teams.json", "-rules=../rules/default_rules.json", "-holidays=../rules/holidays.json"}, checkpointFlags(t)...)...)
	makeCalls(t, tr)
	reloadModel(t, tr)
	exported := scrapeLabels(t, "http://"+tr.httpAddr+"/metrics")
	// The TLS metrics are exported only with -tls-cert, and the roles
	// file's only with -tls-client-ca and -roles: a second triaged serves
	// both (tlsTriaged), and its families of that kind (tlsOnly) are held
	// to the table too. Only fenjian_tls_* were, and the three
	// fenjian_roles_* families went unlisted (outside check 30).
	withTLS := tlsTriaged(t)
	for name, labels := range scrapeLabels(t, "http://"+withTLS.httpAddr+"/metrics") {
		if slices.ContainsFunc(tlsOnly, func(p string) bool { return strings.HasPrefix(name, p) }) {
			exported[name] = labels
		}
	}

	documented := operationsMetrics(t)
	if len(documented) < 20 {
		t.Fatalf("read %d metrics from docs/operations.md's table; the table's format changed", len(documented))
	}
	for name, labels := range documented {
		got, ok := exported[name]
		if !ok {
			t.Errorf("docs/operations.md documents %s, which triaged does not export", name)
			continue
		}
		runtime := strings.HasPrefix(name, "go_") || strings.HasPrefix(name, "process_")
		if !runtime && !slices.Equal(got, labels) {
			t.Errorf("docs/operations.md gives %s the labels %q; triaged exports %q", name, labels, got)
		}
	}
	for name := range exported {
		if !strings.HasPrefix(name, "fenjian_") && !strings.HasPrefix(name, "grpc_") {
			continue // go_* and process_*: the runtime's, documented as a family
		}
		if _, ok := documented[name]; !ok {
			t.Errorf("triaged exports %s, which docs/operations.md's metrics table does not list", name)
		}
	}
}

// checkpointFlags returns -checkpoint-dir and -checkpoint-key for a new
// directory and signer key.
func checkpointFlags(t *testing.T) []string {
	t.Helper()
	signer, _, err := checkpoint.GenerateKey("fenjian.test")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	key := filepath.Join(dir, "checkpoint.key")
	if err := os.WriteFile(key, []byte(signer+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cps := filepath.Join(dir, "checkpoints")
	if err := os.Mkdir(cps, 0o700); err != nil {
		t.Fatal(err)
	}
	return []string{"-checkpoint-dir=" + cps, "-checkpoint-key=" + key}
}

// reloadModel asks tr to reload its -model through AdminService, as the
// local admin.
func reloadModel(t *testing.T, tr triaged) {
	t.Helper()
	secrets, err := auth.ReadLocalSecrets(filepath.Join(tr.dataDir, auth.LocalSecretsFile))
	if err != nil {
		t.Fatal(err)
	}
	conn, err := grpc.NewClient(tr.grpcAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+secrets["FENJIAN_ADMIN_TOKEN"])
	if _, err := triagev1.NewAdminServiceClient(conn).ReloadModel(ctx, &triagev1.ReloadModelRequest{}); err != nil {
		t.Fatalf("ReloadModel: %v", err)
	}
}

var (
	expositionSample = regexp.MustCompile(`^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? `)
	expositionLabel  = regexp.MustCompile(`([a-zA-Z_][a-zA-Z0-9_]*)="`)
	backticked       = regexp.MustCompile("`([^`]*)`")
	parenthesised    = regexp.MustCompile(`\([^)]*\)`)
)

// scrapeLabels returns each metric family of the text exposition at u with
// the sorted label names of its samples (le, a histogram's bucket bound,
// left out).
func scrapeLabels(t *testing.T, u string) map[string][]string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	families := map[string][]string{}
	histograms := map[string]bool{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if f := strings.Fields(line); len(f) == 4 && f[0] == "#" && f[1] == "TYPE" {
			families[f[2]] = []string{}
			histograms[f[2]] = f[3] == "histogram" || f[3] == "summary"
			continue
		}
		m := expositionSample.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		name := m[1]
		if _, ok := families[name]; !ok {
			for _, suffix := range []string{"_bucket", "_count", "_sum"} {
				if base, ok := strings.CutSuffix(name, suffix); ok && histograms[base] {
					name = base
				}
			}
		}
		for _, l := range expositionLabel.FindAllStringSubmatch(m[2], -1) {
			if l[1] != "le" && !slices.Contains(families[name], l[1]) {
				families[name] = append(families[name], l[1])
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for name := range families {
		slices.Sort(families[name])
	}
	return families
}

// operationsMetrics reads the table under "## Metrics" in
// docs/operations.md: each metric it names (a row may name several; a
// wildcard such as go_* is skipped) with the sorted label names of its row.
// Backticked words in parentheses in the labels column are label values.
func operationsMetrics(t *testing.T) map[string][]string {
	t.Helper()
	b, err := os.ReadFile("../docs/operations.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "\n## Metrics\n")
	if !ok {
		t.Fatal(`docs/operations.md has no "## Metrics" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	metrics := map[string][]string{}
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 6 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue
		}
		labels := []string{}
		for _, m := range backticked.FindAllStringSubmatch(parenthesised.ReplaceAllString(cells[3], ""), -1) {
			labels = append(labels, m[1])
		}
		slices.Sort(labels)
		for _, m := range backticked.FindAllStringSubmatch(cells[1], -1) {
			if !strings.Contains(m[1], "*") {
				metrics[m[1]] = labels
			}
		}
	}
	return metrics
}

var (
	counterSelector = regexp.MustCompile(`\b(?:increase|rate)\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\{([^}]*)\}\[`)
	labelMatcher    = regexp.MustCompile(`([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|=)\s*"((?:[^"\\]|\\.)*)"`)
)

// TestAlertCountersExistBeforeTheirEvents: every counter that a rule of
// deploy/prometheus/rules takes increase() or rate() of is exported by a
// fresh triaged, before any call, with a series for each label matcher.
// A series born at its first event starts at 1, and increase() counts
// from the first sample it sees: the first event of each replica would be
// lost, and an alert on "any in 15 minutes" would never fire for it.
func TestAlertCountersExistBeforeTheirEvents(t *testing.T) {
	tr := startTriaged(t, append([]string{"-model=../classifier/defaultmodel/model"}, checkpointFlags(t)...)...) // -checkpoint-dir: its counter is alerted on
	series := scrapeSeries(t, "http://"+tr.httpAddr+"/metrics")
	files, _ := filepath.Glob("prometheus/rules/*.yml")
	checked := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range counterSelector.FindAllStringSubmatch(string(b), -1) {
			name, matchers := m[1], labelMatcher.FindAllStringSubmatch(m[2], -1)
			checked++
			found := false
			for _, labels := range series[name] {
				if matchesAll(labels, matchers) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s: %s{%s} has no series on a fresh triaged; its first event would be invisible to increase() and rate()", f, name, m[2])
			}
		}
	}
	if checked == 0 {
		t.Fatal("no increase() or rate() of a counter in the rules: the pattern no longer matches them")
	}
}

// matchesAll reports whether labels satisfy every matcher (label, "=" or
// "=~", value) of a selector.
func matchesAll(labels map[string]string, matchers [][]string) bool {
	for _, mt := range matchers {
		v, ok := labels[mt[1]]
		if mt[1] == "job" {
			continue // added by Prometheus
		}
		if mt[2] == "=" && (!ok || v != mt[3]) {
			return false
		}
		if mt[2] == "=~" && !regexp.MustCompile(`^(?:`+mt[3]+`)$`).MatchString(v) {
			return false
		}
	}
	return true
}

// scrapeSeries returns the label sets of every sample of the exposition at
// u, by sample name.
func scrapeSeries(t *testing.T, u string) map[string][]map[string]string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out := map[string][]map[string]string{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	pair := regexp.MustCompile(`([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"`)
	for sc.Scan() {
		m := expositionSample.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		labels := map[string]string{}
		for _, p := range pair.FindAllStringSubmatch(m[2], -1) {
			labels[p[1]] = p[2]
		}
		out[m[1]] = append(out[m[1]], labels)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
