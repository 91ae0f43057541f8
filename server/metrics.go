package server

import (
	"fmt"
	"strconv"

	"github.com/prometheus/client_golang/prometheus"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// metrics are the Service's own metrics. Labels are bounded: status code
// names, case kind and procedure enum names, and a boolean.
type metrics struct {
	requests  *prometheus.CounterVec
	duration  prometheus.Histogram
	decisions *prometheus.CounterVec
	outcomes  *prometheus.CounterVec
	feeds     prometheus.Gauge
}

// newMetrics builds the Service metrics and registers them with reg; a nil reg
// registers nothing.
func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_triage_requests_total",
			Help: "Triage calls by gRPC status code and case kind.",
		}, []string{"code", "case_kind"}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "fenjian_triage_duration_seconds",
			Help:    "Time to handle a Triage call, including the durable store commit.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 2, 16), // 100µs … ~3.3s
		}),
		decisions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_decisions_total",
			Help: "Decisions recorded and returned (dry runs excluded), by recommended procedure and review flag.",
		}, []string{"recommended", "needs_review"}),
		outcomes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_outcomes_total",
			Help: "Outcomes recorded, by kind of change (confirmed, overridden, 简转普, ...).",
		}, []string{"change"}),
		feeds: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "fenjian_team_feeds",
			Help: "Open WatchAssignments streams.",
		}),
	}
	// Initialise the decision series so rate() and alerts see zeros.
	for _, p := range []triagev1.Procedure{
		triagev1.Procedure_PROCEDURE_SMALL_CLAIMS,
		triagev1.Procedure_PROCEDURE_SIMPLIFIED,
		triagev1.Procedure_PROCEDURE_ORDINARY,
		triagev1.Procedure_PROCEDURE_FAST_TRACK,
	} {
		for _, review := range []bool{false, true} {
			m.decisions.WithLabelValues(p.String(), strconv.FormatBool(review))
		}
	}
	if reg == nil {
		return m, nil
	}
	for _, c := range []prometheus.Collector{m.requests, m.duration, m.decisions, m.outcomes, m.feeds} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register service metrics: %w", err)
		}
	}
	return m, nil
}

// caseKindLabel keeps the case_kind label bounded: values outside the enum
// (a client sending an unknown number) share one label.
func caseKindLabel(k triagev1.CaseKind) string {
	if _, ok := triagev1.CaseKind_name[int32(k)]; !ok {
		return "UNKNOWN"
	}
	return k.String()
}

// procedureLabel keeps the recommended label bounded.
func procedureLabel(p triagev1.Procedure) string {
	if _, ok := triagev1.Procedure_name[int32(p)]; !ok {
		return "UNKNOWN"
	}
	return p.String()
}
