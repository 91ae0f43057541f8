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
	Model          string  `json:"model"`
	Reference      string  `json:"reference"`
	Accuracy       float64 `json:"accuracy"`
	MacroF1        float64 `json:"macro_f1"`
	OrdinaryRecall float64 `json:"ordinary_recall"`
	// ECE is the change in expected calibration error; negative is better.
	ECE float64 `json:"ece"`
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
		c.Deltas = append(c.Deltas, Delta{
			Model:          r.Model,
			Reference:      ref.Model,
			Accuracy:       r.Accuracy - ref.Accuracy,
			MacroF1:        r.MacroF1 - ref.MacroF1,
			OrdinaryRecall: r.OrdinaryRecall - ref.OrdinaryRecall,
			ECE:            r.Calibration.ECE - ref.Calibration.ECE,
		})
		if r.Data != ref.Data {
			c.Warnings = append(c.Warnings, fmt.Sprintf("%s and %s were evaluated on different data (%+v vs %+v)", r.Model, ref.Model, r.Data, ref.Data))
		}
		if r.Counts.Evaluated != ref.Counts.Evaluated {
			c.Warnings = append(c.Warnings, fmt.Sprintf("%s evaluated %d records, %s %d", r.Model, r.Counts.Evaluated, ref.Model, ref.Counts.Evaluated))
		}
	}
	return c
}
