package realcv

import (
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/evaluation"
)

// Report is the report of the plain cross-validation (Run), the JSON of
// `triagectl realcv -out`.
type Report struct {
	Real      string         `json:"real"`
	Records   int            `json:"records"`
	Folds     int            `json:"folds"`
	Repeat    int            `json:"repeat"`
	Seeds     []uint64       `json:"seeds"`
	Corpus    string         `json:"corpus"`
	Trees     int            `json:"trees"`
	Alpha     float64        `json:"alpha"`
	Scorers   []ScorerReport `json:"scorers"`
	Stability []Stability    `json:"stability"`
	Review    []Review       `json:"review"`
}

// ScorerReport is one scorer's out-of-fold metrics per case kind (first
// seed).
type ScorerReport struct {
	Scorer      string                   `json:"scorer"`
	Blend       float64                  `json:"blend"`
	PriorWeight float64                  `json:"prior_weight"`
	ByKind      []*evaluation.KindReport `json:"by_kind"`
}

// Stability is the seed stability of one blend and case kind: the share
// of real filings whose recommendation is not the same in every retrain,
// and the mean share changed between two retrains.
type Stability struct {
	Blend       float64 `json:"blend"`
	PriorWeight float64 `json:"prior_weight"`
	Kind        string  `json:"kind"`
	AnyDiff     float64 `json:"any_change"`
	Pairwise    float64 `json:"pairwise_change"`
}

// Review is the review rate and the accuracy outside review of one blend,
// kind and confidence threshold (first seed).
type Review struct {
	Blend         float64 `json:"blend"`
	PriorWeight   float64 `json:"prior_weight"`
	Kind          string  `json:"kind"`
	MinConfidence float64 `json:"min_confidence"`
	evaluation.Review
	// OutOfDistribution is the share flagged MODEL_OUT_OF_DISTRIBUTION.
	OutOfDistribution float64 `json:"out_of_distribution"`
}

// NestedReport is the report of the nested cross-validation (Nested), the
// JSON of `triagectl realcv -nested -out`.
type NestedReport struct {
	Real    string `json:"real"`
	Base    string `json:"base"`
	Outer   int    `json:"outer_folds"`
	Inner   int    `json:"inner_folds"`
	Repeats int    `json:"repeats"`
	// FoldSeeds are the repeats' outer dealings, in order.
	FoldSeeds []uint64 `json:"fold_seeds"`
	Alpha     float64  `json:"alpha"`
	Methods   []string `json:"methods"`
	// Grid is the grid options (bagging, guard, least penalty) as given.
	Grid  classifier.GridOptions `json:"grid_options"`
	Kinds []*NestedKind          `json:"kinds"`
}

// NestedKind is one case kind's nested cross-validation: the first
// repeat's pooled out-of-fold metrics with intervals beside the references,
// the spread over repeats, the configurations chosen, stability and review.
type NestedKind struct {
	Kind     string                 `json:"kind"`
	N        int                    `json:"n"`
	Scorer   *evaluation.KindReport `json:"scorer"`
	Baseline *evaluation.KindReport `json:"baseline"`
	Majority *evaluation.KindReport `json:"majority"`
	// MajorityProcedure is the kind's most common real label ("always …").
	MajorityProcedure string `json:"majority_procedure"`
	// DeltaBaseline and DeltaMajority are paired bootstrap intervals of the
	// scorer's macro-F1 and accuracy minus the reference's (first repeat).
	DeltaBaseline [2]evaluation.Interval `json:"delta_baseline"`
	DeltaMajority [2]evaluation.Interval `json:"delta_majority"`
	// Repeats holds each repeat's pooled metrics, in the order of the
	// report's FoldSeeds; MacroF1, Acc and OrdRec summarise them.
	Repeats []evaluation.Metrics `json:"per_repeat"`
	MacroF1 Spread               `json:"macro_f1"`
	Acc     Spread               `json:"accuracy"`
	OrdRec  Spread               `json:"ordinary_recall"`
	// Chosen counts the configurations the inner cross-validations chose.
	Chosen []string `json:"chosen"`
	// Changed is the share of filings whose out-of-fold recommendation is
	// not the same in every repeat (the fold dealing is the only change).
	Changed float64  `json:"changed_across_repeats"`
	Review  []Review `json:"review"`
}

// Spread is a figure's mean, standard deviation, minimum and maximum over
// repeats.
type Spread struct {
	Mean, SD, Min, Max float64
}
