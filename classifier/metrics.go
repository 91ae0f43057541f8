package classifier

import (
	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier/evaluation"
)

// Metrics are the held-out measures recorded in a manifest: the part of
// evaluation.Metrics that describes a model's recommendations (no
// confusion matrix, calibration or latency), with the number of cases.
type Metrics struct {
	Count          int            `json:"count"`
	Accuracy       float64        `json:"accuracy"`
	MacroF1        float64        `json:"macro_f1"`
	OrdinaryRecall float64        `json:"ordinary_recall"`
	PerClass       []ClassMetrics `json:"per_class"`
}

// ClassMetrics are one procedure's precision, recall and F1, as
// evaluation.ClassMetrics.
type ClassMetrics evaluation.ClassMetrics

// computeMetrics compares predictions with labels by evaluation.Score, the
// definitions `triagectl eval` reports.
func computeMetrics(labels, preds []triagev1.Procedure) Metrics {
	s := evaluation.Score(labels, preds)
	m := Metrics{Count: len(labels), Accuracy: s.Accuracy, MacroF1: s.MacroF1, OrdinaryRecall: s.OrdinaryRecall}
	for _, c := range s.PerClass {
		m.PerClass = append(m.PerClass, ClassMetrics(c))
	}
	return m
}
