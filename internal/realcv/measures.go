package realcv

import (
	"maps"
	"math"
	"slices"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/evaluation"
)

// evalOutcomes turns decisions into evaluation outcomes with review at the
// given confidence threshold.
func evalOutcomes(os []outcome, minConf float64) []evaluation.Outcome {
	out := make([]evaluation.Outcome, len(os))
	for i, o := range os {
		out[i] = evaluation.Outcome{Label: o.Label, Recommended: o.Recommended, Confidence: o.Confidence, Kind: o.Kind,
			NeedsReview: o.RulesReview || o.OOD || o.Confidence < minConf}
	}
	return out
}

// realOutcomes turns the nested cross-validation's decisions into
// evaluation outcomes: a decision goes to review when the rules or the
// domain check send it there or its confidence is below minConfidence.
func realOutcomes(cases []*classifier.RealCase, ds []classifier.RealDecision, minConfidence float64) []evaluation.Outcome {
	out := make([]evaluation.Outcome, len(cases))
	for i, c := range cases {
		out[i] = evaluation.Outcome{Label: c.Label, Recommended: ds[i].Recommended, Confidence: ds[i].Confidence, Kind: c.Kind,
			NeedsReview: c.RulesReview || c.OutOfDistribution || ds[i].Confidence < minConfidence}
	}
	return out
}

func kindReports(os []outcome, opts evaluation.Options, minConf float64) []*evaluation.KindReport {
	return evaluation.ByKind(evalOutcomes(os, minConf), opts)
}

// stability is the seed stability of blend w and prior weight pw per case
// kind, from runs[s], the decisions with seed s's model in the same record
// order; nothing with fewer than two seeds.
func stability(w, pw float64, runs [][]outcome) []Stability {
	if len(runs) < 2 {
		return nil
	}
	byKind := map[triagev1.CaseKind][]int{}
	for i, o := range runs[0] {
		byKind[o.Kind] = append(byKind[o.Kind], i)
	}
	var out []Stability
	for _, k := range slices.Sorted(maps.Keys(byKind)) {
		idx := byKind[k]
		anyDiff, pairs, pairDiff := 0, 0, 0
		for _, i := range idx {
			same := true
			for s := 1; s < len(runs); s++ {
				if runs[s][i].Recommended != runs[0][i].Recommended {
					same = false
				}
			}
			if !same {
				anyDiff++
			}
			for a := range runs {
				for b := a + 1; b < len(runs); b++ {
					pairs++
					if runs[a][i].Recommended != runs[b][i].Recommended {
						pairDiff++
					}
				}
			}
		}
		out = append(out, Stability{Blend: w, PriorWeight: pw, Kind: k.String(),
			AnyDiff: float64(anyDiff) / float64(len(idx)), Pairwise: float64(pairDiff) / float64(max(pairs, 1))})
	}
	return out
}

// reviewAt is the review rate, the accuracy outside review and the share
// out of distribution per case kind of the decisions os at confidence
// threshold t.
func reviewAt(w, pw float64, os []outcome, t float64) []Review {
	var out []Review
	for _, kr := range evaluation.ByKind(evalOutcomes(os, t), evaluation.Options{}) {
		ood, n := 0, 0
		for _, o := range os {
			if o.Kind.String() == kr.Kind {
				n++
				if o.OOD {
					ood++
				}
			}
		}
		out = append(out, Review{Blend: w, PriorWeight: pw, Kind: kr.Kind, MinConfidence: t, Review: kr.Review,
			OutOfDistribution: float64(ood) / float64(max(n, 1))})
	}
	return out
}

// spreadOf is the spread of xs; the standard deviation is the sample's
// (n − 1), 0 for a single figure.
func spreadOf(xs []float64) Spread {
	s := Spread{Min: math.Inf(1), Max: math.Inf(-1)}
	for _, x := range xs {
		s.Mean += x / float64(len(xs))
		s.Min, s.Max = min(s.Min, x), max(s.Max, x)
	}
	for _, x := range xs {
		s.SD += (x - s.Mean) * (x - s.Mean)
	}
	if len(xs) > 1 {
		s.SD = math.Sqrt(s.SD / float64(len(xs)-1))
	}
	return s
}
