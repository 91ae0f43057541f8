package classifier

import (
	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Metrics are the held-out measures recorded in a manifest. They follow
// classifier/evaluation's definitions (scikit-learn's defaults): macro-F1
// over the procedures present among labels or predictions, zero for a ratio
// with a zero denominator. They are computed here, not with that package,
// so that the two packages never import each other.
type Metrics struct {
	Count          int            `json:"count"`
	Accuracy       float64        `json:"accuracy"`
	MacroF1        float64        `json:"macro_f1"`
	OrdinaryRecall float64        `json:"ordinary_recall"`
	PerClass       []ClassMetrics `json:"per_class"`
}

// ClassMetrics are one procedure's precision, recall and F1.
type ClassMetrics struct {
	Procedure string  `json:"procedure"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Support   int     `json:"support"`
	Predicted int     `json:"predicted"`
}

// computeMetrics compares predictions with labels.
func computeMetrics(labels, preds []triagev1.Procedure) Metrics {
	const n = int(triagev1.Procedure_PROCEDURE_FAST_TRACK) + 1
	var tp, support, predicted [n]int
	m := Metrics{Count: len(labels)}
	correct := 0
	for i, l := range labels {
		p := preds[i]
		if l < 0 || int(l) >= n || p < 0 || int(p) >= n {
			continue
		}
		support[l]++
		predicted[p]++
		if l == p {
			tp[l]++
			correct++
		}
	}
	if len(labels) == 0 {
		return m
	}
	m.Accuracy = float64(correct) / float64(len(labels))
	var f1sum float64
	k := 0
	for p := 0; p < n; p++ {
		if support[p] == 0 && predicted[p] == 0 {
			continue
		}
		cm := ClassMetrics{
			Procedure: triagev1.Procedure(p).String(),
			Precision: ratio(tp[p], predicted[p]),
			Recall:    ratio(tp[p], support[p]),
			F1:        ratio(2*tp[p], support[p]+predicted[p]),
			Support:   support[p],
			Predicted: predicted[p],
		}
		m.PerClass = append(m.PerClass, cm)
		f1sum += cm.F1
		k++
	}
	if k > 0 {
		m.MacroF1 = f1sum / float64(k)
	}
	m.OrdinaryRecall = ratio(tp[triagev1.Procedure_PROCEDURE_ORDINARY], support[triagev1.Procedure_PROCEDURE_ORDINARY])
	return m
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
