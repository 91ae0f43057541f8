package evaluation

import (
	"math"
	"slices"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Outcome is one evaluated case: what it was labelled, what the engine
// recommended, with what probability, and how long Decide took.
type Outcome struct {
	// Label is the procedure the case finally ended in.
	Label triagev1.Procedure
	// Recommended is the decision's recommended procedure.
	Recommended triagev1.Procedure
	// Confidence is the probability of the recommended option, in [0, 1].
	Confidence float64
	// Latency is the wall time of the Decide call.
	Latency time.Duration
	// NeedsReview is the decision's needs_review flag.
	NeedsReview bool
}

// Metrics are the scores of a set of outcomes; Report embeds them.
type Metrics struct {
	// Accuracy is the share of outcomes whose recommendation equals the label.
	Accuracy float64 `json:"accuracy"`
	// MacroF1 is the unweighted mean of PerClass[i].F1.
	MacroF1 float64 `json:"macro_f1"`
	// OrdinaryRecall is the recall of PROCEDURE_ORDINARY; 0 without such labels.
	OrdinaryRecall float64 `json:"ordinary_recall"`
	// OrdinaryMissed counts cases labelled ordinary recommended otherwise.
	OrdinaryMissed int `json:"ordinary_missed"`
	// PerClass has one entry per procedure present among labels or
	// recommendations, in procedure-number order.
	PerClass []ClassMetrics `json:"per_class"`
	// Confusion is the label × recommendation count matrix.
	Confusion Confusion `json:"confusion"`
	// Calibration measures how well the recommended option's probability
	// matches how often the recommendation is right.
	Calibration Calibration `json:"calibration"`
	// Latency summarises the Decide call times.
	Latency Latency `json:"latency"`
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

// Confusion is a confusion matrix: Matrix[i][j] counts the cases labelled
// Labels[i] and recommended Labels[j].
type Confusion struct {
	// Labels are procedure enum names, the order of rows and columns.
	Labels []string `json:"labels"`
	// Matrix is len(Labels) × len(Labels).
	Matrix [][]int `json:"matrix"`
}

// NumBins is the number of equal-width calibration bins.
const NumBins = 10

// Calibration is the expected calibration error and the reliability curve.
type Calibration struct {
	// ECE is Σ_b (Count_b/N)·|Accuracy_b − Confidence_b|.
	ECE float64 `json:"ece"`
	// Bins always has NumBins entries; empty bins have Count 0.
	Bins []CalibrationBin `json:"bins"`
}

// CalibrationBin is one point of the reliability curve: the cases whose
// recommended option had a probability in (Lower, Upper] (the first bin
// includes 0).
type CalibrationBin struct {
	Lower float64 `json:"lower"`
	Upper float64 `json:"upper"`
	// Count is the number of cases in the bin.
	Count int `json:"count"`
	// Confidence is the mean probability of the recommended option.
	Confidence float64 `json:"confidence"`
	// Accuracy is the share of the bin's cases recommended correctly.
	Accuracy float64 `json:"accuracy"`
}

// Latency summarises Decide call times in microseconds.
type Latency struct {
	Count int     `json:"count"`
	P50   float64 `json:"p50_us"`
	P99   float64 `json:"p99_us"`
	Mean  float64 `json:"mean_us"`
	Max   float64 `json:"max_us"`
}

// Compute scores outcomes. It is a pure function of its input.
func Compute(outcomes []Outcome) Metrics {
	labels := make([]triagev1.Procedure, len(outcomes))
	recommended := make([]triagev1.Procedure, len(outcomes))
	for i, o := range outcomes {
		labels[i], recommended[i] = o.Label, o.Recommended
	}
	m := Score(labels, recommended)
	m.Calibration = calibrate(outcomes)
	m.Latency = latency(outcomes)
	return m
}

// Score computes the classification scores of recommended[i] against
// labels[i] — accuracy, macro-F1, per-class scores, ordinary recall and the
// confusion matrix — and leaves Calibration and Latency empty. Training
// uses it to score candidate class weights, and records what it returns in
// a model's manifest, so that a manifest and `triagectl eval` never
// disagree on a definition. labels and recommended have the same length.
func Score(labels, recommended []triagev1.Procedure) Metrics {
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

	var m Metrics
	m.Confusion.Labels = make([]string, len(procs))
	m.Confusion.Matrix = make([][]int, len(procs))
	for i, p := range procs {
		m.Confusion.Labels[i] = p.String()
		m.Confusion.Matrix[i] = make([]int, len(procs))
	}
	correct := 0
	for i, l := range labels {
		m.Confusion.Matrix[index(l)][index(recommended[i])]++
		if l == recommended[i] {
			correct++
		}
	}
	m.Accuracy = ratio(correct, len(labels))
	m.PerClass = perClass(procs, m.Confusion.Matrix)
	for _, c := range m.PerClass {
		m.MacroF1 += c.F1
	}
	if len(m.PerClass) > 0 {
		m.MacroF1 /= float64(len(m.PerClass))
	}
	if i := index(triagev1.Procedure_PROCEDURE_ORDINARY); i >= 0 {
		m.OrdinaryRecall = m.PerClass[i].Recall
		m.OrdinaryMissed = m.PerClass[i].Support - m.Confusion.Matrix[i][i]
	}
	return m
}

// perClass derives one-vs-rest scores from a confusion matrix.
func perClass(labels []triagev1.Procedure, cm [][]int) []ClassMetrics {
	out := make([]ClassMetrics, len(labels))
	for k, p := range labels {
		tp := cm[k][k]
		support, predicted := 0, 0
		for j := range cm {
			support += cm[k][j]
			predicted += cm[j][k]
		}
		fp, fn := predicted-tp, support-tp
		out[k] = ClassMetrics{
			Procedure: p.String(),
			Precision: ratio(tp, predicted),
			Recall:    ratio(tp, support),
			F1:        ratio(2*tp, 2*tp+fp+fn),
			Support:   support,
			Predicted: predicted,
		}
	}
	return out
}

// ratio is n/d, or 0 when d is 0 (scikit-learn's zero_division=0).
func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// binOf returns the calibration bin of a confidence: bin b holds
// (b/10, (b+1)/10], the first bin also 0 and below, the last anything above 1
// or NaN. The edges are scikit-learn's calibration_curve(strategy="uniform").
func binOf(conf float64) int {
	for b := range NumBins - 1 {
		if conf <= float64(b+1)/NumBins {
			return b
		}
	}
	return NumBins - 1
}

func calibrate(outcomes []Outcome) Calibration {
	c := Calibration{Bins: make([]CalibrationBin, NumBins)}
	sumConf := make([]float64, NumBins)
	hits := make([]int, NumBins)
	for _, o := range outcomes {
		b := binOf(o.Confidence)
		c.Bins[b].Count++
		sumConf[b] += o.Confidence
		if o.Label == o.Recommended {
			hits[b]++
		}
	}
	for b := range c.Bins {
		bin := &c.Bins[b]
		bin.Lower = float64(b) / NumBins
		bin.Upper = float64(b+1) / NumBins
		if bin.Count == 0 {
			continue
		}
		bin.Confidence = sumConf[b] / float64(bin.Count)
		bin.Accuracy = ratio(hits[b], bin.Count)
		c.ECE += float64(bin.Count) / float64(len(outcomes)) * math.Abs(bin.Accuracy-bin.Confidence)
	}
	return c
}

// latency summarises call times; percentiles are nearest-rank: the
// ⌈p/100·n⌉-th smallest value.
func latency(outcomes []Outcome) Latency {
	l := Latency{Count: len(outcomes)}
	if len(outcomes) == 0 {
		return l
	}
	ds := make([]time.Duration, len(outcomes))
	var sum time.Duration
	for i, o := range outcomes {
		ds[i] = o.Latency
		sum += o.Latency
	}
	slices.Sort(ds)
	us := func(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }
	l.P50 = us(nearestRank(ds, 50))
	l.P99 = us(nearestRank(ds, 99))
	l.Mean = us(sum) / float64(len(ds))
	l.Max = us(ds[len(ds)-1])
	return l
}

// nearestRank returns the p-th percentile of sorted, non-empty ds.
func nearestRank(ds []time.Duration, p int) time.Duration {
	rank := (p*len(ds) + 99) / 100 // ⌈p·n/100⌉
	return ds[max(rank, 1)-1]
}
