// Package logattr holds the conventions of the attributes fenjian writes
// into its log records that an operator reads and queries, so that every
// record follows them from one place.
//
// Durations are written in seconds, as a JSON number, under a key ending in
// _seconds (Seconds). slog's own time.Duration attribute is written by the
// JSON handler as integer nanoseconds with no unit ("took":2004369445, the
// store probe's failure record), and by the text handler as "2.004369445s":
// an operator reading the first cannot tell the unit, and Duration.String's
// "460ms" and "1m2.5s" (the migration records used it) are text that Loki's
// and Elasticsearch's numeric filters and aggregations cannot compare
// (took_seconds > 1). Seconds as a float with the unit in the key is both
// readable and a number, and it is the unit of the service's Prometheus
// histograms (fenjian_store_probe_duration_seconds,
// fenjian_triage_duration_seconds), so a log record and its metric read
// alike.
package logattr

import (
	"log/slog"
	"time"
)

// SecondsSuffix ends the key of every duration attribute (Seconds).
const SecondsSuffix = "_seconds"

// Seconds is the attribute of the duration d under the key name+"_seconds",
// d in seconds as a float64 (nanosecond precision): "took" for 2.004369445s
// is written "took_seconds":2.004369445.
func Seconds(name string, d time.Duration) slog.Attr {
	return slog.Float64(name+SecondsSuffix, d.Seconds())
}
