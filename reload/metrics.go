package reload

import (
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"
)

type metrics struct {
	reloads *prometheus.CounterVec
	info    *prometheus.GaugeVec
	// lastOK is fenjian_model_last_reload_successful, as the files' gauge:
	// a refused model stays refused until the manifest changes again (the
	// watch retries only then), so the counter's increase falls back to 0
	// while the directory still holds the model refused, and the next
	// start on it fails (outside check 20).
	lastOK prometheus.Gauge
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
		lastOK: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "fenjian_model_last_reload_successful",
			Help: "1 when the last model reload swapped the model in or found it unchanged (and before any), 0 when it refused the model directory: the model serving is older than the directory's, and a start on the directory would fail.",
		}),
	}
	m.lastOK.Set(1)
	// Every trigger's refusals start at 0: FenjianModelReloadRefused alerts
	// on their increase, and a series born at its first refusal would start
	// at 1, which increase() never counts.
	for _, trigger := range []string{"start", "sighup", "rpc", "watch"} {
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

// setInfo makes version the only series of fenjian_model_info.
func (m *metrics) setInfo(version string) {
	m.info.Reset()
	m.info.WithLabelValues(version).Set(1)
}

// fileMetrics are a reloaded file's metrics (the teams, rules, holidays,
// tokens and roles files), apart from the model's: fenjian_model_reloads_total has no label
// saying which file, and an alert on it would read a teams or rules
// refusal as a model one. Each file has its own families,
// fenjian_<what>_reloads_total, fenjian_<what>_info and
// fenjian_<what>_last_reload_successful, made here by one code.
type fileMetrics struct {
	reloads *prometheus.CounterVec
	info    *prometheus.GaugeVec
	lastOK  prometheus.Gauge
}

// fileMetricsHelp is the help text of a file's three families.
type fileMetricsHelp struct{ reloads, info, lastOK string }

var teamsMetricsHelp = fileMetricsHelp{
	reloads: "Teams file reload attempts by trigger (sighup, watch) and result (swapped, unchanged, refused).",
	info:    "1 for the teams table serving now: its version (the file's version and a hash, as assignments record it) and the SHA-256 of the file.",
	lastOK:  "1 when the last teams file reload swapped the file in or found it unchanged (and before any), 0 when it refused the file: the serving teams are older than the file.",
}

var rulesMetricsHelp = fileMetricsHelp{
	reloads: "Rules file reload attempts by trigger (sighup, watch) and result (swapped, unchanged, refused).",
	info:    "1 for the rules serving now: their version (the file's version, a hash and the code revision, as decisions record it in rules_version) and the SHA-256 of the file.",
	lastOK:  "1 when the last rules file reload swapped the file in or found it unchanged (and before any), 0 when it refused the file: the serving rules are older than the file.",
}

var holidaysMetricsHelp = fileMetricsHelp{
	reloads: "Holiday calendar file reload attempts by trigger (sighup, watch) and result (swapped, unchanged, refused).",
	info:    "1 for the holiday calendar serving now: its version (the file's version, as time limits record it in holiday_calendar) and the SHA-256 of the file.",
	lastOK:  "1 when the last holiday calendar file reload swapped the file in or found it unchanged (and before any), 0 when it refused the file: the serving calendar is older than the file.",
}

// newFileMetrics returns the metrics of the file named what ("teams",
// "rules", "holidays"), registered with reg unless it is nil.
func newFileMetrics(reg prometheus.Registerer, what string, help fileMetricsHelp) (*fileMetrics, error) {
	m := &fileMetrics{
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_" + what + "_reloads_total",
			Help: help.reloads,
		}, []string{"trigger", "result"}),
		info: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "fenjian_" + what + "_info",
			Help: help.info,
		}, []string{"version", "sha256"}),
		lastOK: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "fenjian_" + what + "_last_reload_successful",
			Help: help.lastOK,
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
// fenjian_<what>_info.
func (m *fileMetrics) applied(version string, b []byte) {
	m.info.Reset()
	m.info.WithLabelValues(version, fileHash(b)).Set(1)
}

// outcome counts a reload of the what file ("rules", "teams") by trigger
// and sets the last-reload gauge: refused when err is set (logged at error
// with the version still serving), else swapped or unchanged. It returns
// err, so that a reloader ends with it.
func (m *fileMetrics) outcome(logger *slog.Logger, what, trigger, serving string, res Result, err error) error {
	if err != nil {
		m.reloads.WithLabelValues(trigger, "refused").Inc()
		m.lastOK.Set(0)
		logger.Error(what+" file refused; the serving "+what+" stay",
			slog.String("trigger", trigger), slog.String("serving", serving), slog.String("error", err.Error()))
		return err
	}
	result := "unchanged"
	if res.Changed {
		result = "swapped"
	}
	m.reloads.WithLabelValues(trigger, result).Inc()
	m.lastOK.Set(1)
	return nil
}
