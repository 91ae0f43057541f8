package evaluation

import "fmt"

// Comparison puts reports on the same data side by side. The first model is
// the reference (usually the baseline); Deltas give every other model's
// headline metrics minus the reference's, so a positive accuracy delta means
// the model beats the reference.
type Comparison struct {
	Models   []*Report `json:"models"`
	Deltas   []Delta   `json:"deltas,omitempty"`
	Warnings []string  `json:"warnings,omitempty"`
}

// Delta is one model's headline metrics minus the reference model's.
type Delta struct {
	Model     string `json:"model"`
	Reference string `json:"reference"`
	MetricDelta
	// ByKind are the same differences per case kind.
	ByKind []KindDelta `json:"by_kind,omitempty"`
}

// KindDelta is a Delta restricted to one case kind.
type KindDelta struct {
	Kind string `json:"kind"`
	MetricDelta
}

// MetricDelta is model minus reference for the headline metrics.
type MetricDelta struct {
	Accuracy       float64 `json:"accuracy"`
	MacroF1        float64 `json:"macro_f1"`
	OrdinaryRecall float64 `json:"ordinary_recall"`
	// ECE is the change in expected calibration error; negative is better.
	ECE float64 `json:"ece"`
	// MacroF1Interval and AccuracyInterval are paired bootstrap 95%
	// intervals of the differences (both engines scored on the same
	// resamples), when the reports have intervals; an interval above 0 means
	// the model is better beyond resampling noise.
	MacroF1Interval  *Interval `json:"macro_f1_interval,omitempty"`
	AccuracyInterval *Interval `json:"accuracy_interval,omitempty"`
}

// metricDelta compares m with ref, each with its outcomes, on the model's
// bootstrap resamples (shared by the engines, so the intervals are paired).
func metricDelta(m, ref Metrics, out, refOut []Outcome, resample [][]int) MetricDelta {
	d := MetricDelta{
		Accuracy:       m.Accuracy - ref.Accuracy,
		MacroF1:        m.MacroF1 - ref.MacroF1,
		OrdinaryRecall: m.OrdinaryRecall - ref.OrdinaryRecall,
		ECE:            m.Calibration.ECE - ref.Calibration.ECE,
	}
	d.MacroF1Interval, d.AccuracyInterval = pairedIntervals(out, refOut, resample)
	return d
}

// Compare builds a comparison; reports[0] is the reference. It warns when
// the reports were not computed on the same records, since their numbers are
// then not comparable.
func Compare(reports ...*Report) *Comparison {
	c := &Comparison{Models: reports}
	if len(reports) == 0 {
		return c
	}
	ref := reports[0]
	for _, r := range reports[1:] {
		d := Delta{Model: r.Model, Reference: ref.Model,
			MetricDelta: metricDelta(r.Metrics, ref.Metrics, r.outcomes, ref.outcomes, r.resample)}
		for _, k := range r.ByKind {
			for _, rk := range ref.ByKind {
				if rk.Kind == k.Kind {
					d.ByKind = append(d.ByKind, KindDelta{Kind: k.Kind,
						MetricDelta: metricDelta(k.Metrics, rk.Metrics, k.outcomes, rk.outcomes, k.resample)})
				}
			}
		}
		c.Deltas = append(c.Deltas, d)
		// The file and the split name the data; provenance counts may differ
		// by what each engine's rules refused, which Counts reports.
		if r.Data.Path != ref.Data.Path || r.Data.SHA256 != ref.Data.SHA256 || r.Data.HoldOut != ref.Data.HoldOut {
			c.Warnings = append(c.Warnings, fmt.Sprintf("%s and %s were evaluated on different data (%+v vs %+v)", r.Model, ref.Model, r.Data, ref.Data))
		}
		if r.Counts.Evaluated != ref.Counts.Evaluated {
			c.Warnings = append(c.Warnings, fmt.Sprintf("%s evaluated %d records, %s %d", r.Model, r.Counts.Evaluated, ref.Model, ref.Counts.Evaluated))
		}
	}
	return c
}

// pairedIntervals is deltaInterval when both sides have the same cases and
// resamples were drawn; nil otherwise.
func pairedIntervals(a, ref []Outcome, idx [][]int) (*Interval, *Interval) {
	if len(idx) == 0 || len(a) != len(ref) {
		return nil, nil
	}
	f1, acc := deltaInterval(a, ref, idx)
	return &f1, &acc
}
