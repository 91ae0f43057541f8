package store_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/prometheus/common/expfmt"
)

// The store registers its metrics itself, so the tests read them as
// Prometheus scrapes them: from the text exposition testutil.GatherAndFormat
// writes. No test walks the client_model structures itself.

// exposition returns the text exposition of the named families in reg.
func exposition(t testing.TB, reg prometheus.Gatherer, names ...string) string {
	t.Helper()
	text, err := testutil.GatherAndFormat(reg, expfmt.TypeTextPlain, names...)
	if err != nil {
		t.Fatal(err)
	}
	return string(text)
}

// value returns the sample named sample (a counter or gauge, or a
// histogram's name_count, name_sum or name_bucket) whose labels are exactly
// the given name, value pairs, and fails t when reg has no such sample.
func value(t testing.TB, reg prometheus.Gatherer, sample string, labels ...string) float64 {
	t.Helper()
	key := sample
	if len(labels) > 0 {
		// The exposition writes labels sorted by name; callers pass them so.
		escape := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
		var parts []string
		for i := 0; i+1 < len(labels); i += 2 {
			parts = append(parts, labels[i]+`="`+escape.Replace(labels[i+1])+`"`)
		}
		key += "{" + strings.Join(parts, ",") + "}"
	}
	// The family is the sample's name, or a histogram's without its suffix.
	families := []string{sample}
	for _, suffix := range []string{"_count", "_sum", "_bucket"} {
		if family, ok := strings.CutSuffix(sample, suffix); ok {
			families = append(families, family)
		}
	}
	text := exposition(t, reg, families...)
	for line := range strings.Lines(text) {
		if v, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), key+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("exposition line %q: %v", line, err)
			}
			return f
		}
	}
	t.Fatalf("no sample %s in\n%s", key, text)
	return 0
}
