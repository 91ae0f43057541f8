package classifier

import (
	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier/scoring"
)

// Metrics are the held-out measures recorded in a manifest: the scores of
// package scoring that describe a model's recommendations (no confusion
// matrix), with the number of cases.
type Metrics struct {
	Count          int            `json:"count"`
	Accuracy       float64        `json:"accuracy"`
	MacroF1        float64        `json:"macro_f1"`
	OrdinaryRecall float64        `json:"ordinary_recall"`
	PerClass       []ClassMetrics `json:"per_class"`
}

// ClassMetrics are one procedure's precision, recall and F1.
type ClassMetrics = scoring.ClassMetrics

// computeMetrics compares predictions with labels by scoring.Score, the
// definitions `triagectl eval` reports.
func computeMetrics(labels, preds []triagev1.Procedure) Metrics {
	s := scoring.Score(labels, preds)
	return Metrics{
		Count:          len(labels),
		Accuracy:       s.Accuracy,
		MacroF1:        s.MacroF1,
		OrdinaryRecall: s.OrdinaryRecall,
		// nil rather than empty without labels, as manifests have it.
		PerClass: append([]ClassMetrics(nil), s.PerClass...),
	}
}
