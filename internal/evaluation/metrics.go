package evaluation

import (
	"math"
	"slices"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier/scoring"
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
	// Kind is the filing's case kind, by which reports are split.
	Kind triagev1.CaseKind
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
	// Review is how many decisions were sent to human review and how good
	// the others were: what a court gets if it trusts the unreviewed ones.
	Review Review `json:"review"`
	// Latency summarises the Decide call times.
	Latency Latency `json:"latency"`
}

// Review splits outcomes by the decision's needs_review flag.
type Review struct {
	// Rate is the share of outcomes flagged for review.
	Rate float64 `json:"rate"`
	// NotReviewed counts the outcomes not flagged.
	NotReviewed int `json:"not_reviewed"`
	// AccuracyNotReviewed is the accuracy of the outcomes not flagged; 0
	// when every outcome was flagged.
	AccuracyNotReviewed float64 `json:"accuracy_not_reviewed"`
}

func review(outcomes []Outcome) Review {
	var r Review
	flagged, right := 0, 0
	for _, o := range outcomes {
		if o.NeedsReview {
			flagged++
			continue
		}
		if o.Label == o.Recommended {
			right++
		}
	}
	r.Rate = scoring.Ratio(flagged, len(outcomes))
	r.NotReviewed = len(outcomes) - flagged
	r.AccuracyNotReviewed = scoring.Ratio(right, r.NotReviewed)
	return r
}

// ClassMetrics are one procedure's one-vs-rest scores (package scoring).
type ClassMetrics = scoring.ClassMetrics

// Confusion is a confusion matrix (package scoring).
type Confusion = scoring.Confusion

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
	m := scores(outcomes)
	m.Latency = latency(outcomes)
	return m
}

// scores is Compute without the latency summary, for the bootstrap.
func scores(outcomes []Outcome) Metrics {
	labels := make([]triagev1.Procedure, len(outcomes))
	recommended := make([]triagev1.Procedure, len(outcomes))
	for i, o := range outcomes {
		labels[i], recommended[i] = o.Label, o.Recommended
	}
	sc := scoring.Score(labels, recommended)
	return Metrics{
		Accuracy:       sc.Accuracy,
		MacroF1:        sc.MacroF1,
		OrdinaryRecall: sc.OrdinaryRecall,
		OrdinaryMissed: sc.OrdinaryMissed,
		PerClass:       sc.PerClass,
		Confusion:      sc.Confusion,
		Calibration:    calibrate(outcomes),
		Review:         review(outcomes),
	}
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
		bin.Accuracy = scoring.Ratio(hits[b], bin.Count)
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
