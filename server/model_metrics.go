package server

import (
	"slices"

	"github.com/prometheus/client_golang/prometheus"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// ModelInfo describes the serving model for metrics.
type ModelInfo struct {
	Version string
	// LabelCounts are the training records per procedure name, from the
	// model's manifest; nil for a model without one (the baseline).
	LabelCounts map[string]int
}

// modelCollector exports the serving model, read at every scrape so that a
// hot reload shows at once.
type modelCollector struct {
	current  func() ModelInfo
	withInfo bool
	info     *prometheus.Desc
	mix      *prometheus.Desc
}

// NewModelCollector exports fenjian_model_training_ratio{procedure}, the
// share of each procedure among the serving model's training records (for
// information: the corpus is synthetic, so the drift alert compares the
// recommendation mix with its own past instead), and, when withInfo,
// fenjian_model_info{version} = 1; the reload package exports that one
// itself when models are reloaded from a directory.
func NewModelCollector(current func() ModelInfo, withInfo bool) prometheus.Collector {
	return &modelCollector{
		current:  current,
		withInfo: withInfo,
		info:     prometheus.NewDesc("fenjian_model_info", "1 for the model version serving now.", []string{"version"}, nil),
		mix: prometheus.NewDesc("fenjian_model_training_ratio",
			"Share of each procedure among the serving model's training records (manifest label counts).", []string{"procedure"}, nil),
	}
}

func (c *modelCollector) Describe(ch chan<- *prometheus.Desc) {
	if c.withInfo {
		ch <- c.info
	}
	ch <- c.mix
}

func (c *modelCollector) Collect(ch chan<- prometheus.Metric) {
	m := c.current()
	if c.withInfo {
		ch <- prometheus.MustNewConstMetric(c.info, prometheus.GaugeValue, 1, m.Version) //nolint:promlinter // c.info is a field promlinter cannot resolve; its name and help are in its NewDesc
	}
	total := 0
	for _, n := range m.LabelCounts {
		total += n
	}
	if total == 0 {
		return
	}
	names := make([]string, 0, len(m.LabelCounts))
	for name := range m.LabelCounts {
		// Only procedure names: the label stays bounded whatever a
		// manifest holds.
		if _, ok := triagev1.Procedure_value[name]; ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		ch <- prometheus.MustNewConstMetric(c.mix, prometheus.GaugeValue, float64(m.LabelCounts[name])/float64(total), name) //nolint:promlinter // c.mix is a field promlinter cannot resolve; its name and help are in its NewDesc
	}
}
