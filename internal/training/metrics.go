package training

import (
	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/classifier/scoring"
)

// computeMetrics compares predictions with labels by scoring.Score, the
// definitions `triagectl eval` reports, for the manifest.
func computeMetrics(labels, preds []triagev1.Procedure) classifier.Metrics {
	s := scoring.Score(labels, preds)
	return classifier.Metrics{
		Count:          len(labels),
		Accuracy:       s.Accuracy,
		MacroF1:        s.MacroF1,
		OrdinaryRecall: s.OrdinaryRecall,
		// nil rather than empty without labels, as manifests have it.
		PerClass: append([]classifier.ClassMetrics(nil), s.PerClass...),
	}
}
