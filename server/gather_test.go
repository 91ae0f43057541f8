package server

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/prometheus/common/expfmt"
)

// The metrics the tests read are registered inside the code under test (the
// gRPC middleware's, the listener's), so the tests read them as Prometheus
// scrapes them: from the text exposition testutil.GatherAndFormat writes.
// No test walks the client_model structures itself.

// samples returns the samples of the metric family name in g, keyed by the
// sample as the exposition writes it: `name{a="x",b="y"}`, `name_count{…}`.
func samples(g prometheus.Gatherer, name string) (map[string]float64, error) {
	text, err := testutil.GatherAndFormat(g, expfmt.TypeTextPlain, name)
	if err != nil {
		return nil, err
	}
	out := map[string]float64{}
	for line := range strings.Lines(string(text)) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			return nil, fmt.Errorf("exposition line %q: %w", line, err)
		}
		out[line[:i]] = v
	}
	return out, nil
}

// series writes a sample's name and labels as the text exposition does:
// labels sorted by name, values quoted and escaped.
func series(sample string, labels map[string]string) string {
	if len(labels) == 0 {
		return sample
	}
	escape := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	parts := make([]string, 0, len(labels))
	for _, k := range slices.Sorted(maps.Keys(labels)) {
		parts = append(parts, k+`="`+escape.Replace(labels[k])+`"`)
	}
	return sample + "{" + strings.Join(parts, ",") + "}"
}

// metricValue returns the value of the counter or gauge named name with
// exactly the given labels, or the sample count of such a histogram, or an
// error when there is no such series.
func metricValue(g prometheus.Gatherer, name string, labels map[string]string) (float64, error) {
	got, err := samples(g, name)
	if err != nil {
		return 0, err
	}
	for _, sample := range []string{name, name + "_count"} {
		if v, ok := got[series(sample, labels)]; ok {
			return v, nil
		}
	}
	return 0, fmt.Errorf("no metric %s among %v", series(name, labels), slices.Sorted(maps.Keys(got)))
}

// gathered is metricValue for a series that must exist.
func gathered(t *testing.T, g prometheus.Gatherer, name string, labels map[string]string) float64 {
	t.Helper()
	v, err := metricValue(g, name, labels)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// waitMetric waits until the metric reaches want: server-side handlers may
// still be finishing when the client has its answer.
func waitMetric(t *testing.T, g prometheus.Gatherer, name string, labels map[string]string, want float64) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, err := metricValue(g, name, labels)
		if err == nil && got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s = %v (%v), want %v", series(name, labels), got, err, want)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// histogramCount sums the observations of every series of a histogram.
func histogramCount(t *testing.T, g prometheus.Gatherer, name string) uint64 {
	t.Helper()
	got, err := samples(g, name)
	if err != nil {
		t.Fatal(err)
	}
	var n float64
	for s, v := range got {
		if s == name+"_count" || strings.HasPrefix(s, name+"_count{") {
			n += v
		}
	}
	return uint64(n)
}
