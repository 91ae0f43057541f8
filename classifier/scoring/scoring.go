// Package scoring computes how well recommended procedures match the
// procedures cases ended in: the confusion matrix, accuracy, per-class
// precision, recall and F1, macro-F1 and ordinary recall, with
// scikit-learn's definitions (macro-F1 over the procedures present among
// labels or recommendations, 0 for a ratio with a zero denominator).
//
// Training (internal/training) records these scores in a model's manifest
// and `triagectl eval` (internal/evaluation) reports them, so both use this
// one package and never disagree on a definition. It depends on nothing but
// the API types, so classifier, which the server links, can use its
// ClassMetrics in the manifest it loads without linking training or the
// evaluation's HTML report and plotting libraries.
package scoring

import (
	"math"
	"slices"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Scores are the classification scores of a set of recommendations.
type Scores struct {
	// Accuracy is the share of cases whose recommendation equals the label.
	Accuracy float64
	// MacroF1 is the unweighted mean of PerClass[i].F1.
	MacroF1 float64
	// OrdinaryRecall is the recall of PROCEDURE_ORDINARY; 0 without such labels.
	OrdinaryRecall float64
	// OrdinaryMissed counts cases labelled ordinary recommended otherwise.
	OrdinaryMissed int
	// PerClass has one entry per procedure present among labels or
	// recommendations, in procedure-number order.
	PerClass []ClassMetrics
	// Confusion is the label × recommendation count matrix.
	Confusion Confusion
}

// ClassMetrics are one procedure's one-vs-rest scores.
type ClassMetrics struct {
	// Procedure is the enum name, e.g. "PROCEDURE_ORDINARY".
	Procedure string `json:"procedure"`
	// Precision is TP / (TP + FP): of the cases recommended this procedure,
	// the share labelled it.
	Precision float64 `json:"precision"`
	// Recall is TP / (TP + FN): of the cases labelled this procedure, the
	// share recommended it.
	Recall float64 `json:"recall"`
	// F1 is 2·TP / (2·TP + FP + FN), the harmonic mean of the two.
	F1 float64 `json:"f1"`
	// Support is the number of cases labelled this procedure.
	Support int `json:"support"`
	// Predicted is the number of cases recommended this procedure.
	Predicted int `json:"predicted"`
}

// Correct is the number of cases labelled this procedure and recommended
// it (TP): Recall·Support, exact since Recall is TP/Support.
func (c ClassMetrics) Correct() int { return int(math.Round(c.Recall * float64(c.Support))) }

// Confusion is a confusion matrix: Matrix[i][j] counts the cases labelled
// Labels[i] and recommended Labels[j].
type Confusion struct {
	// Labels are procedure enum names, the order of rows and columns.
	Labels []string `json:"labels"`
	// Matrix is len(Labels) × len(Labels).
	Matrix [][]int `json:"matrix"`
}

// Score scores recommended[i] against labels[i]; the two have the same
// length. It is a pure function of its input.
func Score(labels, recommended []triagev1.Procedure) Scores {
	procs := make([]triagev1.Procedure, 0, 4)
	for i := range labels {
		for _, p := range [2]triagev1.Procedure{labels[i], recommended[i]} {
			if !slices.Contains(procs, p) {
				procs = append(procs, p)
			}
		}
	}
	slices.Sort(procs)
	index := func(p triagev1.Procedure) int { return slices.Index(procs, p) }

	var s Scores
	s.Confusion.Labels = make([]string, len(procs))
	s.Confusion.Matrix = make([][]int, len(procs))
	for i, p := range procs {
		s.Confusion.Labels[i] = p.String()
		s.Confusion.Matrix[i] = make([]int, len(procs))
	}
	correct := 0
	for i, l := range labels {
		s.Confusion.Matrix[index(l)][index(recommended[i])]++
		if l == recommended[i] {
			correct++
		}
	}
	s.Accuracy = Ratio(correct, len(labels))
	s.PerClass = perClass(procs, s.Confusion.Matrix)
	for _, c := range s.PerClass {
		s.MacroF1 += c.F1
	}
	if len(s.PerClass) > 0 {
		s.MacroF1 /= float64(len(s.PerClass))
	}
	if i := index(triagev1.Procedure_PROCEDURE_ORDINARY); i >= 0 {
		s.OrdinaryRecall = s.PerClass[i].Recall
		s.OrdinaryMissed = s.PerClass[i].Support - s.Confusion.Matrix[i][i]
	}
	return s
}

// perClass derives one-vs-rest scores from a confusion matrix.
func perClass(procs []triagev1.Procedure, cm [][]int) []ClassMetrics {
	out := make([]ClassMetrics, len(procs))
	for k, p := range procs {
		tp := cm[k][k]
		support, predicted := 0, 0
		for j := range cm {
			support += cm[k][j]
			predicted += cm[j][k]
		}
		fp, fn := predicted-tp, support-tp
		out[k] = ClassMetrics{
			Procedure: p.String(),
			Precision: Ratio(tp, predicted),
			Recall:    Ratio(tp, support),
			F1:        Ratio(2*tp, 2*tp+fp+fn),
			Support:   support,
			Predicted: predicted,
		}
	}
	return out
}

// Ratio is n/d, or 0 when d is 0 (scikit-learn's zero_division=0).
func Ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}
