package evaluation

import (
	"math"
	"math/rand/v2"
	"slices"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Interval is a two-sided 95% bootstrap interval, [2.5th, 97.5th]
// percentile of the resampled statistic.
type Interval struct {
	Lo float64 `json:"lo"`
	Hi float64 `json:"hi"`
}

// Intervals are bootstrap 95% intervals of the headline metrics of one set
// of outcomes (percentile method; cases resampled with replacement).
type Intervals struct {
	// Resamples is the number of bootstrap resamples; Seed seeds them.
	Resamples int    `json:"resamples"`
	Seed      uint64 `json:"seed"`

	Accuracy       Interval `json:"accuracy"`
	MacroF1        Interval `json:"macro_f1"`
	OrdinaryRecall Interval `json:"ordinary_recall"`
	ECE            Interval `json:"ece"`
	// Recall is the interval of each procedure's recall, keyed by enum name,
	// over the resamples in which the procedure has support.
	Recall map[string]Interval `json:"recall,omitempty"`
}

// resampleIndices draws n resamples of size m (indices into 0..m−1) from a
// PCG seeded with seed: every model scored on the same data gets the same
// resamples, so their intervals and the intervals of their differences are
// paired.
func resampleIndices(m, n int, seed uint64) [][]int {
	r := rand.New(rand.NewPCG(seed, 0x626f6f74)) // "boot"
	out := make([][]int, n)
	for b := range out {
		idx := make([]int, m)
		for i := range idx {
			idx[i] = r.IntN(m)
		}
		out[b] = idx
	}
	return out
}

// Bootstrap computes the intervals of outcomes' metrics over resamples drawn
// with the seed. It is a pure function of its input.
func Bootstrap(outcomes []Outcome, resamples int, seed uint64) *Intervals {
	if resamples <= 0 || len(outcomes) == 0 {
		return nil
	}
	return bootstrapWith(outcomes, resampleIndices(len(outcomes), resamples, seed), seed)
}

func bootstrapWith(outcomes []Outcome, idx [][]int, seed uint64) *Intervals {
	n := len(idx)
	acc, f1, ordRec, ece := make([]float64, 0, n), make([]float64, 0, n), make([]float64, 0, n), make([]float64, 0, n)
	recall := map[string][]float64{}
	sample := make([]Outcome, len(outcomes))
	for _, ix := range idx {
		for i, j := range ix {
			sample[i] = outcomes[j]
		}
		m := scores(sample)
		acc = append(acc, m.Accuracy)
		f1 = append(f1, m.MacroF1)
		ece = append(ece, m.Calibration.ECE)
		for _, c := range m.PerClass {
			if c.Support == 0 {
				continue
			}
			recall[c.Procedure] = append(recall[c.Procedure], c.Recall)
			if c.Procedure == triagev1.Procedure_PROCEDURE_ORDINARY.String() {
				ordRec = append(ordRec, c.Recall)
			}
		}
	}
	iv := &Intervals{
		Resamples:      n,
		Seed:           seed,
		Accuracy:       percentiles(acc),
		MacroF1:        percentiles(f1),
		OrdinaryRecall: percentiles(ordRec),
		ECE:            percentiles(ece),
		Recall:         map[string]Interval{},
	}
	for k, v := range recall {
		iv.Recall[k] = percentiles(v)
	}
	return iv
}

// percentiles returns the 2.5th and 97.5th percentiles of xs (linear
// interpolation between order statistics, numpy's default); zero for none.
func percentiles(xs []float64) Interval {
	if len(xs) == 0 {
		return Interval{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	q := func(p float64) float64 {
		h := p * float64(len(s)-1)
		lo := int(math.Floor(h))
		hi := min(lo+1, len(s)-1)
		return s[lo] + (h-float64(lo))*(s[hi]-s[lo])
	}
	return Interval{Lo: q(0.025), Hi: q(0.975)}
}

// deltaInterval is the bootstrap interval of a paired difference of macro-F1
// and accuracy between two engines' outcomes on the same cases.
func deltaInterval(a, ref []Outcome, idx [][]int) (f1, acc Interval) {
	if len(a) != len(ref) || len(idx) == 0 {
		return
	}
	df1, dacc := make([]float64, 0, len(idx)), make([]float64, 0, len(idx))
	sa, sr := make([]Outcome, len(a)), make([]Outcome, len(a))
	for _, ix := range idx {
		for i, j := range ix {
			sa[i], sr[i] = a[j], ref[j]
		}
		ma, mr := scores(sa), scores(sr)
		df1 = append(df1, ma.MacroF1-mr.MacroF1)
		dacc = append(dacc, ma.Accuracy-mr.Accuracy)
	}
	return percentiles(df1), percentiles(dacc)
}

// PairedDelta is the bootstrap 95% interval of a's macro-F1 and accuracy
// minus ref's, a and ref being two scorers' outcomes on the same cases in
// the same order, resampled together (opts.Bootstrap resamples, opts.Seed).
func PairedDelta(a, ref []Outcome, opts Options) (macroF1, accuracy Interval) {
	if len(a) != len(ref) || len(a) == 0 || opts.Bootstrap <= 0 {
		return Interval{}, Interval{}
	}
	return deltaInterval(a, ref, resampleIndices(len(a), opts.Bootstrap, opts.Seed))
}
