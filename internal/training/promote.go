package training

import (
	"context"
	"errors"

	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// ErrNothingEvaluated is ComparePromotion's error when no filing of the
// source was labelled and decided: no evidence either way.
var ErrNothingEvaluated = errors.New("no labelled filing evaluated")

// ComparePromotion evaluates the candidate and the serving model on the
// same labelled filings (src) with the same rules r, records both models'
// figures in p (Serving, Candidate), and reports whether the candidate is
// worse than the serving model beyond p.Tolerance: its macro-F1 or its
// ordinary recall lower by more than that. p names the evidence
// (EvalData, EvalSHA256) from whoever read src; p is unchanged on error.
func ComparePromotion(ctx context.Context, r *rules.Engine, src evaluation.Source, candidate, serving triage.Scorer, p *classifier.Promotion) (worse bool, err error) {
	reports, err := evaluation.Evaluate(ctx, src, evaluation.Options{},
		triage.New(r, serving), triage.New(r, candidate))
	if err != nil {
		return false, err
	}
	if reports[0].Counts.Evaluated == 0 {
		return false, ErrNothingEvaluated
	}
	scores := func(r *evaluation.Report) classifier.PromotionScores {
		return classifier.PromotionScores{Evaluated: r.Counts.Evaluated, MacroF1: r.MacroF1, OrdinaryRecall: r.OrdinaryRecall}
	}
	p.Serving, p.Candidate = scores(reports[0]), scores(reports[1])
	return worseThan(p.Candidate, p.Serving, p.Tolerance), nil
}

// worseThan reports whether candidate's macro-F1 or ordinary recall is
// lower than serving's by more than tolerance: by exactly the tolerance
// still passes.
func worseThan(candidate, serving classifier.PromotionScores, tolerance float64) bool {
	return candidate.MacroF1 < serving.MacroF1-tolerance || candidate.OrdinaryRecall < serving.OrdinaryRecall-tolerance
}
