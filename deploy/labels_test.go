package deploy

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"sigs.k8s.io/yaml"

	"github.com/fenjian/fenjian/internal/testpki"
)

// TestAlertAndPanelLabelsExist holds every selector of the alerting and
// recording rules and of the Grafana dashboard to the series a real triaged
// exports after real calls (makeCalls: stored and dry-run Triage, a team
// feed, a blocked procedure), labels included: TestGrafanaDashboard checks
// metric names only, and a matcher on a label the metric lacks
// (fenjian_decisions_total{review="true"}), a value it never takes, or a
// "by (teams)" selects nothing, so an alert on it never fires and a panel
// stays empty. Checked:
//   - each label matcher (= with a value, =~) of each selector names a
//     label the metric's series have, with a series that matches it;
//   - each label of by, without, on and ignoring is on a metric the
//     expression selects, or made by label_replace, or a target label
//     Prometheus adds (job, instance, and pod from prometheus.yml).
//
// Recording rules' own names are not exported by triaged; their labels come
// from their by clauses, checked here in the rules that record them.
func TestAlertAndPanelLabelsExist(t *testing.T) {
	tr := startTriaged(t, alertedFlags(t)...)
	makeCalls(t, tr)
	series := scrapeSeries(t, "http://"+tr.httpAddr+"/metrics")
	maps.Copy(series, tlsSeries(t))
	problems := checkLabels(ruleAndPanelExprs(t), series)
	for _, p := range problems {
		t.Error(p)
	}
}

// alertedFlags are the flags that give triaged every series an alert or a
// panel reads: -model (the model's metrics), -teams, -rules and -holidays
// (their reload gauges) and -checkpoint-dir (its counter).
func alertedFlags(t *testing.T) []string {
	return append([]string{"-model=../classifier/defaultmodel/model", "-teams=../routing/default_teams.json", "-rules=../rules/default_rules.json", "-holidays=../rules/holidays.json"}, checkpointFlags(t)...)
}

// tlsTriaged starts a triaged serving TLS with client certificates and a
// -roles file: the fenjian_roles_* series, which FenjianRolesReloadRefused
// reads, and the fenjian_tls_* ones, which the TLS alerts read, exist only
// there. -roles needs TLS, and the other tests' triaged (alertedFlags)
// serves plain gRPC to makeCalls' bearer-token client, so this one is
// started apart, its files made by a throwaway CA, and only scraped.
func tlsTriaged(t *testing.T) triaged {
	t.Helper()
	dir := t.TempDir()
	ca := testpki.NewCA(t)
	caPath, rolesPath := filepath.Join(dir, "ca.pem"), filepath.Join(dir, "roles.json")
	certPath, keyPath := filepath.Join(dir, "server.pem"), filepath.Join(dir, "server.key")
	ca.IssueFiles(t, "localhost", certPath, keyPath)
	for path, b := range map[string][]byte{caPath: ca.PEM(), rolesPath: []byte(`{"certificates":[{"cn":"J-0421","roles":["judge"]}]}`)} {
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	tr := startTriaged(t, "-tls-cert="+certPath, "-tls-key="+keyPath, "-tls-client-ca="+caPath, "-roles="+rolesPath)
	// A client certificate seen at a handshake is what
	// fenjian_tls_client_certificate_expiry_timestamp_seconds has a series
	// of: connect once as J-0421.
	certPEM, keyPEM := ca.Issue(t, "J-0421")
	kp, err := tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		t.Fatal(err)
	}
	roots := x509.NewCertPool()
	roots.AddCert(ca.Cert)
	conn, err := grpc.NewClient(tr.grpcAddr, grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{
		RootCAs: roots, ServerName: "localhost", Certificates: []tls.Certificate{kp}})))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{}); err != nil {
		t.Fatalf("health over TLS with a client certificate: %v", err)
	}
	return tr
}

// tlsOnly are the prefixes of the metric families only tlsTriaged exports.
var tlsOnly = []string{"fenjian_roles_", "fenjian_tls_"}

// tlsSeries are the series of tlsTriaged's own families (tlsOnly).
func tlsSeries(t *testing.T) map[string][]map[string]string {
	t.Helper()
	tr := tlsTriaged(t)
	out := map[string][]map[string]string{}
	found := map[string]bool{}
	for name, ss := range scrapeSeries(t, "http://"+tr.httpAddr+"/metrics") {
		for _, p := range tlsOnly {
			if strings.HasPrefix(name, p) {
				out[name] = ss
				found[p] = true
			}
		}
	}
	for _, p := range tlsOnly {
		if !found[p] {
			t.Fatalf("a triaged with TLS and -roles exports no %s* series", p)
		}
	}
	return out
}

// TestCheckLabelsFindsWrongLabels feeds checkLabels expressions that are
// wrong in each way it checks, against a fixed exposition: the check above
// passes only because the shipped rules and panels are right.
func TestCheckLabelsFindsWrongLabels(t *testing.T) {
	series := map[string][]map[string]string{
		"fenjian_decisions_total":         {{"case_kind": "CASE_KIND_CIVIL", "recommended": "PROCEDURE_SIMPLIFIED", "needs_review": "true"}},
		"fenjian_team_free_capacity":      {{"team": "family"}},
		"fenjian_feed_lag_seconds_bucket": {{"le": "0.1"}},
	}
	tests := []struct {
		expr string
		want int // problems found
	}{
		{`sum by (case_kind) (rate(fenjian_decisions_total{job="fenjian",needs_review="true"}[5m]))`, 0},
		{`sum(rate(fenjian_decisions_total{job="fenjian",review="true"}[5m]))`, 1},               // no such label
		{`sum(rate(fenjian_decisions_total{job="fenjian",needs_review="yes"}[5m]))`, 1},          // no such value
		{`sum(rate(fenjian_decisions_total{recommended=~"PROCEDURE_ORD.*"}[5m]))`, 1},            // regex matches none
		{`sum(rate(fenjian_decisions_total{recommended=~"PROCEDURE_SIMP.*"}[5m]))`, 0},           // regex matches
		{`max by (teams) (fenjian_team_free_capacity{job="fenjian"}) <= 0`, 1},                   // grouping label missing
		{`max by (team, pod) (fenjian_team_free_capacity{job="fenjian"}) <= 0`, 0},               // pod: a target label
		{`histogram_quantile(0.99, sum by (le) (rate(fenjian_feed_lag_seconds_bucket[5m])))`, 0}, // le on a bucket
		{`label_replace(sum(fenjian_team_free_capacity) > 0, "team", "x", "", "") or max by (team) (fenjian_team_free_capacity)`, 0},
		{`sum by (kind) (rate(fenjian_nonexistent_total[5m]))`, 2}, // no series, and no metric with the label
		{`fenjian:decisions:rate1h > 1 and on (case_kind) fenjian:decisions_by_kind:rate1h`, 0},
	}
	for _, tt := range tests {
		if got := checkLabels([]labeledExpr{{"test", tt.expr}}, series); len(got) != tt.want {
			t.Errorf("checkLabels(%q) = %q, want %d problems", tt.expr, got, tt.want)
		}
	}
}

// labeledExpr is an expression and where it is (an alert, a recording
// rule, a panel).
type labeledExpr struct{ where, expr string }

// ruleAndPanelExprs returns every expression of deploy/prometheus/rules and
// of the Grafana dashboard.
func ruleAndPanelExprs(t *testing.T) []labeledExpr {
	t.Helper()
	out := ruleExprs(t)
	for _, e := range dashboardExprs(t) {
		out = append(out, labeledExpr{"panel " + e.panel, e.expr})
	}
	if len(out) == 0 {
		t.Fatal("no rule or panel expressions")
	}
	return out
}

// ruleExprs returns the expression of every alert and recording rule in
// deploy/prometheus/rules, each named by its file and rule.
func ruleExprs(t *testing.T) []labeledExpr {
	t.Helper()
	var out []labeledExpr
	files, _ := filepath.Glob("prometheus/rules/*.yml")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var rf struct {
			Groups []struct {
				Rules []struct {
					Record string `json:"record"`
					Alert  string `json:"alert"`
					Expr   string `json:"expr"`
				} `json:"rules"`
			} `json:"groups"`
		}
		if err := yaml.Unmarshal(b, &rf); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, g := range rf.Groups {
			for _, r := range g.Rules {
				out = append(out, labeledExpr{f + " " + r.Record + r.Alert, r.Expr})
			}
		}
	}
	return out
}

var (
	promSelector    = regexp.MustCompile(`([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{([^}]*)\}`)
	promGroupLabels = regexp.MustCompile(`\b(?:by|without|on|ignoring)\s*\(([^)]*)\)`)
	// targetLabels are added by Prometheus (job, instance) and by
	// prometheus.yml's relabelling (pod), not by triaged.
	targetLabels = []string{"job", "instance", "pod"}
)

// checkLabels returns what is wrong with exprs' label matchers and grouping
// labels against series (sample name → label sets, as scrapeSeries gives).
func checkLabels(exprs []labeledExpr, series map[string][]map[string]string) []string {
	var problems []string
	for _, e := range exprs {
		names := metricNames(e.expr)
		for _, name := range names {
			if !strings.Contains(name, ":") && name != "up" && len(series[name]) == 0 {
				problems = append(problems, e.where+": "+name+" has no series")
			}
		}
		for _, m := range promSelector.FindAllStringSubmatch(e.expr, -1) {
			name := m[1]
			ss := series[name]
			if strings.Contains(name, ":") || name == "up" || len(ss) == 0 {
				continue // a recording rule, Prometheus's own, or reported above
			}
			for _, mt := range labelMatcher.FindAllStringSubmatch(m[2], -1) {
				label, op, value := mt[1], mt[2], mt[3]
				if slices.Contains(targetLabels, label) || (op == "=" && value == "") {
					continue
				}
				if !slices.ContainsFunc(ss, func(l map[string]string) bool { _, ok := l[label]; return ok }) {
					problems = append(problems, e.where+": "+name+" has no label "+label)
					continue
				}
				if !slices.ContainsFunc(ss, func(l map[string]string) bool { return matchesAll(l, [][]string{mt}) }) {
					problems = append(problems, e.where+": no series "+name+"{"+label+op+`"`+value+`"}`)
				}
			}
		}
		recorded := slices.ContainsFunc(names, func(n string) bool { return strings.Contains(n, ":") })
		for _, g := range promGroupLabels.FindAllStringSubmatch(e.expr, -1) {
			for _, label := range strings.Split(g[1], ",") {
				label = strings.TrimSpace(label)
				if label == "" || slices.Contains(targetLabels, label) || strings.Contains(e.expr, `"`+label+`"`) {
					continue // a target label, or one label_replace makes
				}
				found := slices.ContainsFunc(names, func(n string) bool {
					return slices.ContainsFunc(series[n], func(l map[string]string) bool { _, ok := l[label]; return ok })
				})
				if !found && !recorded {
					problems = append(problems, e.where+": no metric it selects has the label "+label+" it groups by")
				}
			}
		}
	}
	return problems
}
