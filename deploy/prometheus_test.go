package deploy

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"sigs.k8s.io/yaml"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/auth"
)

// TestPromtool runs what .ci/run runs: promtool check config and rules, and
// the alerts' unit tests.
func TestPromtool(t *testing.T) {
	promtool := requireTool(t, "promtool")
	tests, _ := filepath.Glob("prometheus/tests/*.yml")
	ruleFiles, _ := filepath.Glob("prometheus/rules/*.yml")
	for _, args := range [][]string{
		{"check", "config", "prometheus/prometheus.yml"},
		append([]string{"check", "rules"}, ruleFiles...),
		append([]string{"test", "rules"}, tests...),
	} {
		out, err := exec.Command(promtool, args...).CombinedOutput()
		if err != nil {
			t.Errorf("promtool %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

// TestEveryAlertHasAUnitTest: each alert of the rules is named in an
// alert_rule_test, and has a runbook line in docs/operations.md.
func TestEveryAlertHasAUnitTest(t *testing.T) {
	ruleFiles, _ := filepath.Glob("prometheus/rules/*.yml")
	testFiles, _ := filepath.Glob("prometheus/tests/*.yml")
	var tested, runbook strings.Builder
	for _, f := range testFiles {
		b, _ := os.ReadFile(f)
		tested.Write(b)
	}
	if b, err := os.ReadFile("../docs/operations.md"); err == nil {
		runbook.Write(b)
	}
	n := 0
	for _, f := range ruleFiles {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`(?m)^\s*- alert: (\S+)`).FindAllStringSubmatch(string(b), -1) {
			n++
			if !strings.Contains(tested.String(), "alertname: "+m[1]+"\n") {
				t.Errorf("alert %s has no promtool unit test in prometheus/tests", m[1])
			}
			if !strings.Contains(runbook.String(), m[1]) {
				t.Errorf("alert %s has no runbook entry in docs/operations.md", m[1])
			}
		}
	}
	if n == 0 {
		t.Fatal("no alerts found")
	}
}

// TestPrometheusScrapesTriaged starts a real Prometheus with
// deploy/prometheus/prometheus.yml (the Kubernetes DNS discovery swapped
// for the loopback target, intervals shortened to 1s) against a real,
// version-stamped triaged, makes Triage calls and waits until Prometheus's
// query API shows them; then checks that every rule evaluates without error
// and every dashboard panel's expression runs.
func TestPrometheusScrapesTriaged(t *testing.T) {
	prom := requireTool(t, "prometheus")
	tr := startTriaged(t, append([]string{"-model=../classifier/defaultmodel/model"}, checkpointFlags(t)...)...) // -checkpoint-dir: its counter is alerted on
	decided := makeCalls(t, tr)

	dir := t.TempDir()
	writePrometheusConfig(t, dir, tr.httpAddr)
	api := startPrometheus(t, prom, dir)

	start := time.Now()
	for _, q := range []struct {
		expr string
		want float64
	}{
		{`up{job="fenjian"}`, 1},
		{`sum(fenjian_decisions_total{job="fenjian"})`, float64(decided)},
		// The dry run is a Triage call too, but not a decision.
		{`sum(grpc_server_handled_total{job="fenjian",grpc_method="Triage",grpc_code="OK"})`, float64(decided + 1)},
		{`sum(fenjian_build_info{job="fenjian",version="` + testVersion + `"})`, 1},
		{`fenjian_store_up{job="fenjian"}`, 1},
		{`sum(fenjian_model_training_ratio{job="fenjian"})`, 1},
	} {
		waitFor(t, 60*time.Second, q.expr, func() (bool, string) {
			v, err := queryScalar(api, q.expr)
			if err != nil {
				return false, err.Error()
			}
			return v > q.want-1e-9 && v < q.want+1e-9, fmt.Sprint(v)
		})
	}
	t.Logf("Prometheus showed the %d decisions %v after the calls", decided, time.Since(start).Round(time.Millisecond))

	// Every rule has been evaluated, none with an error.
	waitFor(t, 30*time.Second, "every rule evaluated without error", func() (bool, string) {
		var r struct {
			Data struct {
				Groups []struct {
					Name  string `json:"name"`
					Rules []struct {
						Name           string `json:"name"`
						Health         string `json:"health"`
						LastError      string `json:"lastError"`
						LastEvaluation string `json:"lastEvaluation"`
					} `json:"rules"`
				} `json:"groups"`
			} `json:"data"`
		}
		if err := getJSON(api+"/api/v1/rules", &r); err != nil {
			return false, err.Error()
		}
		n := 0
		for _, g := range r.Data.Groups {
			for _, rule := range g.Rules {
				n++
				if rule.Health != "ok" {
					return false, fmt.Sprintf("%s: %s %s", rule.Name, rule.Health, rule.LastError)
				}
			}
		}
		return n > 0, fmt.Sprintf("%d rules", n)
	})

	// Every dashboard expression runs against the real data.
	for _, e := range dashboardExprs(t) {
		expr := strings.ReplaceAll(e.expr, "$__rate_interval", "1m")
		if _, err := query(api, expr); err != nil {
			t.Errorf("panel %q: %s: %v", e.panel, expr, err)
		}
	}
}

// makeCalls triages filings through triaged (one under review, one
// criminal), opens a team feed for a moment, and returns how many decisions
// were recorded.
func makeCalls(t *testing.T, tr triaged) int {
	t.Helper()
	conn, err := grpc.NewClient(tr.grpcAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	c := triagev1.NewTriageServiceClient(conn)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// A feed needs an identity: the president's local token (a president
	// may read every team's feed).
	secrets, err := auth.ReadLocalSecrets(filepath.Join(tr.dataDir, auth.LocalSecretsFile))
	if err != nil {
		t.Fatal(err)
	}
	feedCtx := metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+secrets["FENJIAN_PRESIDENT_TOKEN"])
	feed, err := c.WatchAssignments(feedCtx, &triagev1.WatchAssignmentsRequest{TeamId: "family"})
	if err != nil {
		t.Fatal(err)
	}
	_ = feed
	filings := []*triagev1.Filing{
		civilFiling("(2024)辽0102民初1号", ""),
		civilFiling("(2024)辽0102民初2号", "本案已有媒体报道。"),
		civilFiling("(2024)辽0102民初3号", ""),
	}
	// Above the small-claims limit: a procedure blocked by a rule.
	filings[2].ClaimAmountFen = 15_000_000
	for _, f := range filings {
		if _, err := c.Triage(ctx, &triagev1.TriageRequest{Filing: f}); err != nil {
			t.Fatalf("Triage %s: %v", f.GetId(), err)
		}
	}
	// A dry run is not recorded and not counted as a decision.
	if _, err := c.Triage(ctx, &triagev1.TriageRequest{Filing: civilFiling("(2024)辽0102民初4号", ""), DryRun: true}); err != nil {
		t.Fatalf("dry run: %v", err)
	}
	return len(filings)
}

func civilFiling(id, extra string) *triagev1.Filing {
	return &triagev1.Filing{
		Id: id, CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, Court: "沈阳市和平区人民法院",
		CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "辽宁省", FiledOn: "2024-03-05",
		Cause: "民间借贷纠纷", ClaimAmountFen: 3000000,
		Parties: []*triagev1.Party{
			{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON, Name: "王秀英"},
			{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON, Name: "李建国"},
		},
		Text: "诉讼请求：1.判令被告偿还借款30000元及利息；2.诉讼费由被告承担。事实与理由：被告于2023年1月向原告借款，到期未还。" + extra,
	}
}

// writePrometheusConfig writes deploy/prometheus/prometheus.yml into dir
// with the job's discovery replaced by target and 1s intervals, and copies
// the rules beside it.
func writePrometheusConfig(t *testing.T, dir, target string) {
	t.Helper()
	b, err := os.ReadFile("prometheus/prometheus.yml")
	if err != nil {
		t.Fatal(err)
	}
	var cfg map[string]any
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		t.Fatal(err)
	}
	global := cfg["global"].(map[string]any)
	global["scrape_interval"], global["evaluation_interval"] = "1s", "1s"
	found := false
	for _, sc := range cfg["scrape_configs"].([]any) {
		sc := sc.(map[string]any)
		if sc["job_name"] != "fenjian" {
			continue
		}
		found = true
		if _, ok := sc["dns_sd_configs"]; !ok {
			t.Fatal("the fenjian job has no dns_sd_configs to replace")
		}
		delete(sc, "dns_sd_configs")
		sc["static_configs"] = []any{map[string]any{"targets": []any{target}}}
	}
	if !found {
		t.Fatal("prometheus.yml has no job fenjian")
	}
	out, err := yaml.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "prometheus.yml"), out, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "rules"), 0o700); err != nil {
		t.Fatal(err)
	}
	rules, _ := filepath.Glob("prometheus/rules/*.yml")
	for _, r := range rules {
		b, err := os.ReadFile(r)
		if err != nil {
			t.Fatal(err)
		}
		b = shortenGroupIntervals(t, b)
		if err := os.WriteFile(filepath.Join(dir, "rules", filepath.Base(r)), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// shortenGroupIntervals sets every rule group's own interval (the hourly
// fenjian-weekly group) to the test's 1s, so that each rule is evaluated
// within the test's wait and its errors are seen.
func shortenGroupIntervals(t *testing.T, rules []byte) []byte {
	t.Helper()
	var doc map[string]any
	if err := yaml.Unmarshal(rules, &doc); err != nil {
		t.Fatal(err)
	}
	for _, g := range doc["groups"].([]any) {
		if g := g.(map[string]any); g["interval"] != nil {
			g["interval"] = "1s"
		}
	}
	out, err := yaml.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// startPrometheus runs prom on the configuration in dir and returns its
// API's base URL once it is ready. The port is picked free and then handed
// to another process, so another test can take it in between: a Prometheus
// that exits because its address is in use is started again on another port,
// and readiness is only believed from a page that says it is Prometheus's
// (another server on a reused port must not pass for it).
func startPrometheus(t *testing.T, prom, dir string) string {
	t.Helper()
	for attempt := 1; ; attempt++ {
		port := freePort(t)
		ctx, cancel := context.WithCancel(context.Background())
		cmd := exec.CommandContext(ctx, prom,
			"--config.file="+filepath.Join(dir, "prometheus.yml"),
			"--storage.tsdb.path="+filepath.Join(dir, "data"),
			"--web.listen-address="+port,
			"--log.level=warn")
		logs := &lockedBuilder{}
		cmd.Stdout, cmd.Stderr = logs, logs
		cmd.WaitDelay = 10 * time.Second
		if err := cmd.Start(); err != nil {
			cancel()
			t.Fatal(err)
		}
		exited := make(chan struct{})
		go func() { _ = cmd.Wait(); close(exited) }()
		stop := func() { cancel(); <-exited }
		api := "http://" + port
		ready, why := waitPrometheusReady(api, exited, 60*time.Second)
		if !ready {
			stop()
			if strings.Contains(logs.String(), "address already in use") && attempt < 5 {
				t.Logf("Prometheus's port %s was taken before it bound it (attempt %d); another port", port, attempt)
				continue
			}
			t.Fatalf("Prometheus not ready on %s: %s\nprometheus log:\n%s", port, why, logs.String())
		}
		t.Cleanup(func() {
			stop()
			if t.Failed() {
				t.Logf("prometheus log:\n%s", logs.String())
			}
		})
		return api
	}
}

// waitPrometheusReady polls api's readiness page until it answers as
// Prometheus, the process exits or d passes; it says why when not ready.
func waitPrometheusReady(api string, exited <-chan struct{}, d time.Duration) (bool, string) {
	deadline := time.Now().Add(d)
	last := "no answer yet"
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return false, "exited: " + last
		default:
		}
		resp, err := http.Get(api + "/-/ready")
		if err != nil {
			last = err.Error()
		} else {
			body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<10))
			resp.Body.Close()
			if resp.StatusCode == 200 && strings.Contains(string(body), "Prometheus") {
				return true, ""
			}
			last = resp.Status + ": " + strings.TrimSpace(string(body))
		}
		time.Sleep(250 * time.Millisecond)
	}
	return false, last
}

// lockedBuilder is a strings.Builder written by the child's output copier
// and read by the test at the same time.
type lockedBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuilder) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuilder) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func waitFor(t *testing.T, d time.Duration, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(d)
	var last string
	for time.Now().Before(deadline) {
		var ok bool
		if ok, last = cond(); ok {
			return
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("%s: not within %v (last: %s)", what, d, last)
}

func getJSON(u string, v any) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return fmt.Errorf("%s: %s", resp.Status, b)
	}
	return json.Unmarshal(b, v)
}

// promResult is an instant query's vector.
type promResult []struct {
	Metric map[string]string `json:"metric"`
	Value  [2]any            `json:"value"`
}

func query(api, expr string) (promResult, error) {
	var r struct {
		Status string `json:"status"`
		Error  string `json:"error"`
		Data   struct {
			ResultType string          `json:"resultType"`
			Result     json.RawMessage `json:"result"`
		} `json:"data"`
	}
	if err := getJSON(api+"/api/v1/query?query="+url.QueryEscape(expr), &r); err != nil {
		return nil, err
	}
	if r.Status != "success" {
		return nil, fmt.Errorf("%s", r.Error)
	}
	var v promResult
	if r.Data.ResultType == "vector" {
		if err := json.Unmarshal(r.Data.Result, &v); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// queryScalar returns the value of an expression with one series.
func queryScalar(api, expr string) (float64, error) {
	v, err := query(api, expr)
	if err != nil {
		return 0, err
	}
	if len(v) != 1 {
		return 0, fmt.Errorf("%d series", len(v))
	}
	var f float64
	_, err = fmt.Sscan(fmt.Sprint(v[0].Value[1]), &f)
	return f, err
}

// dashboardExpr is one panel target's expression.
type dashboardExpr struct{ panel, expr string }

func dashboardExprs(t *testing.T) []dashboardExpr {
	t.Helper()
	b, err := os.ReadFile("grafana/fenjian.json")
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Panels []struct {
			Title   string `json:"title"`
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("grafana/fenjian.json: %v", err)
	}
	var out []dashboardExpr
	for _, p := range d.Panels {
		if len(p.Targets) == 0 {
			t.Errorf("panel %q has no query", p.Title)
		}
		for _, tg := range p.Targets {
			out = append(out, dashboardExpr{p.Title, tg.Expr})
		}
	}
	if len(out) == 0 {
		t.Fatal("no panel queries")
	}
	return out
}

var (
	promStrings  = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	promMatchers = regexp.MustCompile(`\{[^}]*\}|\[[^\]]*\]`)
	promGroups   = regexp.MustCompile(`\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)`)
	promIdent    = regexp.MustCompile(`[a-zA-Z_:][a-zA-Z0-9_:]*`)
	promKeywords = []string{"and", "or", "unless", "offset", "bool", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan"}
)

// metricNames returns the metric (and recording rule) names an expression
// selects: identifiers left once strings, matchers, ranges and grouping
// clauses are removed, other than function names and keywords.
func metricNames(expr string) []string {
	s := promStrings.ReplaceAllString(expr, `""`)
	s = promMatchers.ReplaceAllString(s, " ")
	s = promGroups.ReplaceAllString(s, " ")
	var names []string
	for _, loc := range promIdent.FindAllStringIndex(s, -1) {
		name := s[loc[0]:loc[1]]
		rest := strings.TrimLeft(s[loc[1]:], " \t\n")
		if strings.HasPrefix(rest, "(") || slices.Contains(promKeywords, strings.ToLower(name)) {
			continue
		}
		if loc[0] > 0 && (s[loc[0]-1] >= '0' && s[loc[0]-1] <= '9' || s[loc[0]-1] == '.') {
			continue // the exponent or unit of a number
		}
		names = append(names, name)
	}
	return names
}
