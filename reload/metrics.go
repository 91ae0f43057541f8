package reload

import "github.com/prometheus/client_golang/prometheus"

type metrics struct {
	reloads *prometheus.CounterVec
	info    *prometheus.GaugeVec
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_model_reloads_total",
			Help: "Model reload attempts by trigger (start, sighup, rpc, watch) and result (swapped, unchanged, refused).",
		}, []string{"trigger", "result"}),
		info: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "fenjian_model_info",
			Help: "1 for the model version serving now.",
		}, []string{"version"}),
	}
	// Every trigger's refusals start at 0: FenjianModelReloadRefused alerts
	// on their increase, and a series born at its first refusal would start
	// at 1, which increase() never counts.
	for _, trigger := range []string{"start", "sighup", "rpc", "watch"} {
		m.reloads.WithLabelValues(trigger, "refused")
	}
	if reg == nil {
		return m, nil
	}
	for _, c := range []prometheus.Collector{m.reloads, m.info} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// setInfo makes version the only series of fenjian_model_info.
func (m *metrics) setInfo(version string) {
	m.info.Reset()
	m.info.WithLabelValues(version).Set(1)
}
