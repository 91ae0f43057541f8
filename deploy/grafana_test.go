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
	tr := startTriaged(t, alertedFlags(t)...)
	makeCalls(t, tr)
	exported := scrapeNames(t, "http://"+tr.httpAddr+"/metrics")
	for name := range tlsSeries(t) {
		exported[name] = true
	}
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
	for _, r := range ruleExprs(t) {
		for _, n := range metricNames(r.expr) {
			if !exported[n] && !recorded[n] {
				t.Errorf("%s: %s is neither exported by triaged nor a recording rule", r.where, n)
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
