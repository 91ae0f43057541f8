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

// teamsMetrics are the teams file's reload metrics, apart from the model's:
// fenjian_model_reloads_total has no label saying which file, and an alert
// on it would read a teams refusal as a model one.
type teamsMetrics struct {
	reloads *prometheus.CounterVec
	info    *prometheus.GaugeVec
	lastOK  prometheus.Gauge
}

func newTeamsMetrics(reg prometheus.Registerer) (*teamsMetrics, error) {
	m := &teamsMetrics{
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_teams_reloads_total",
			Help: "Teams file reload attempts by trigger (sighup, watch) and result (swapped, unchanged, refused).",
		}, []string{"trigger", "result"}),
		info: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "fenjian_teams_info",
			Help: "1 for the teams table serving now: its version (the file's version and a hash, as assignments record it) and the SHA-256 of the file.",
		}, []string{"version", "sha256"}),
		lastOK: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "fenjian_teams_last_reload_successful",
			Help: "1 when the last teams file reload swapped the file in or found it unchanged (and before any), 0 when it refused the file: the serving teams are older than the file.",
		}),
	}
	m.lastOK.Set(1)
	// As the model's: refusals start at 0 for every trigger.
	for _, trigger := range []string{"sighup", "watch"} {
		m.reloads.WithLabelValues(trigger, "refused")
	}
	if reg == nil {
		return m, nil
	}
	for _, c := range []prometheus.Collector{m.reloads, m.info, m.lastOK} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// applied makes version, of a file with bytes b, the only series of
// fenjian_teams_info.
func (m *teamsMetrics) applied(version string, b []byte) {
	m.info.Reset()
	m.info.WithLabelValues(version, fileHash(b)).Set(1)
}
