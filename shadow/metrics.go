package shadow

import "github.com/prometheus/client_golang/prometheus"

// metrics are the shadow's. Labels are bounded: case kind and procedure
// enum names, and the two failure stages.
type metrics struct {
	agreement *prometheus.CounterVec
	dropped   prometheus.Counter
	failures  *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer, s *Shadow) (*metrics, error) {
	m := &metrics{
		agreement: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_shadow_agreement_total",
			Help: "Filings the shadow model scored, by case kind and the procedure served and the one the shadow model recommended (agreement where they are equal).",
		}, []string{"case_kind", "served", "shadow"}),
		dropped: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "fenjian_shadow_dropped_total",
			Help: "Decided filings not shadow-scored because the shadow queue was full.",
		}),
		failures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_shadow_failures_total",
			Help: "Shadow scores lost: the shadow model failed on the filing (stage=score) or the store did not record the score (stage=save).",
		}, []string{"stage"}),
	}
	for _, stage := range []string{"score", "save"} {
		m.failures.WithLabelValues(stage)
	}
	if reg == nil {
		return m, nil
	}
	queued := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "fenjian_shadow_queue_length",
		Help: "Decided filings waiting for the shadow model.",
	}, func() float64 { return float64(len(s.queue)) })
	for _, c := range []prometheus.Collector{m.agreement, m.dropped, m.failures, queued, infoCollector{s}} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// infoDesc describes fenjian_shadow_model_info.
var infoDesc = prometheus.NewDesc("fenjian_shadow_model_info",
	"1 for the version of the shadow model scoring now (reloaded like the serving model).", []string{"version"}, nil)

// infoCollector reads the shadow model's version at each scrape, so a
// reload of the shadow model shows without telling the metrics.
type infoCollector struct{ s *Shadow }

func (infoCollector) Describe(ch chan<- *prometheus.Desc) { ch <- infoDesc }

func (c infoCollector) Collect(ch chan<- prometheus.Metric) {
	ch <- prometheus.MustNewConstMetric(infoDesc, prometheus.GaugeValue, 1, c.s.opts.Engine.Scorer().Version())
}
