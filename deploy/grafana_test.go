package deploy

import (
	"bufio"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

func TestMetricNames(t *testing.T) {
	tests := []struct {
		expr string
		want []string
	}{
		{`sum by (le) (rate(fenjian_x_bucket{job="fenjian",le="0.1"}[5m]))`, []string{"fenjian_x_bucket"}},
		{`a / ignoring (recommended) group_left sum(b)`, []string{"a", "b"}},
		{`fenjian:r:ratio_rate1h > 14.4 * 0.01 and on () c offset 1w`, []string{"fenjian:r:ratio_rate1h", "c"}},
		{`histogram_quantile(0.99, x)`, []string{"x"}},
	}
	for _, tt := range tests {
		if got := metricNames(tt.expr); !slices.Equal(got, tt.want) {
			t.Errorf("metricNames(%q) = %q, want %q", tt.expr, got, tt.want)
		}
	}
}

// TestGrafanaDashboard parses deploy/grafana/fenjian.json and checks that
// every panel's expressions select only metrics a real triaged exports
// after real calls (its /metrics, gathered from its registry), or
// recording rules of deploy/prometheus/rules. That the expressions run is
// checked against a real Prometheus in TestPrometheusScrapesTriaged.
func TestGrafanaDashboard(t *testing.T) {
	// -checkpoint-dir: its counter is alerted on; -teams and -rules: their
	// reload gauges.
	tr := startTriaged(t, append([]string{"-model=../classifier/defaultmodel/model", "-teams=../routing/default_teams.json", "-rules=../rules/default_rules.json"}, checkpointFlags(t)...)...)
	makeCalls(t, tr)
	exported := scrapeNames(t, "http://"+tr.httpAddr+"/metrics")
	// Prometheus itself records up for every target it scrapes (1 when the
	// scrape succeeded): what FenjianDown and FenjianReplicaDown read, the
	// one series that exists when triaged does not answer.
	exported["up"] = true
	recorded := map[string]bool{}
	ruleFiles, _ := filepath.Glob("prometheus/rules/*.yml")
	for _, f := range ruleFiles {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`(?m)^\s*- record: (\S+)`).FindAllStringSubmatch(string(b), -1) {
			recorded[m[1]] = true
		}
	}
	for _, e := range dashboardExprs(t) {
		names := metricNames(e.expr)
		if len(names) == 0 {
			t.Errorf("panel %q: %q selects no metric", e.panel, e.expr)
		}
		for _, n := range names {
			if !exported[n] && !recorded[n] {
				t.Errorf("panel %q: %s is neither exported by triaged nor a recording rule", e.panel, n)
			}
		}
	}
	// The same check for the rules: an alert on a metric that does not
	// exist never fires.
	for _, f := range ruleFiles {
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
				for _, n := range metricNames(r.Expr) {
					if !exported[n] && !recorded[n] {
						t.Errorf("%s %s%s: %s is neither exported by triaged nor a recording rule", f, r.Record, r.Alert, n)
					}
				}
			}
		}
	}
}

// scrapeNames returns the sample names in a Prometheus text exposition:
// every family's name, with _bucket, _count and _sum for histograms.
func scrapeNames(t *testing.T, u string) map[string]bool {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	names := map[string]bool{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 4 && f[0] == "#" && f[1] == "TYPE" {
			names[f[2]] = true
			if f[3] == "histogram" || f[3] == "summary" {
				for _, s := range []string{"_bucket", "_count", "_sum"} {
					names[f[2]+s] = true
				}
			}
		}
	}
	if len(names) == 0 {
		t.Fatalf("%s exported nothing", u)
	}
	return names
}
