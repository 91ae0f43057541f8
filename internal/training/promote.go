package training

import (
	"context"
	"errors"
	"fmt"
	"slices"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/internal/evaluation"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// ErrNothingEvaluated is ComparePromotion's error when no filing of the
// source was labelled and decided: no evidence either way.
var ErrNothingEvaluated = errors.New("no labelled filing evaluated")

// DefaultMinCases is the fewest cases of a procedure in the evaluation
// data for promote to compare its recall, and the fewest training rows a
// label needs to be modelled at all (DefaultTrainConfig's MinClassRows):
// what training will not learn from, a comparison does not judge on. With fewer, one or two cases decide
// the recall (at 5 cases one miss is 0.2 of it); at 20 one case is 0.05, so
// a candidate that gets none of 20 right where the serving model gets some
// has lost the procedure, not one case.
const DefaultMinCases = 20

// Verdict is what ComparePromotion found against a candidate: each figure
// on which it is worse than the serving model. The zero Verdict is a pass.
type Verdict struct {
	// MacroF1 and OrdinaryRecall are set when the candidate's is lower by
	// more than the tolerance.
	MacroF1, OrdinaryRecall bool
	// Lost lists, in procedure order, the procedures with at least
	// Promotion.MinCases cases in the data that the candidate recommends
	// for none of them and the serving model for some (lostProcedures).
	Lost []LostProcedure
	// Unseen lists, in the serving model's class order, the procedures
	// (enum names) the serving model was trained to recommend and the
	// candidate was not, of which the data holds no case and for none of
	// whose filings the candidate recommends it (unseenProcedures).
	Unseen []string
	// Data accounts for every line of the evaluation data (the serving
	// model's report; both models read the same lines), and Problems lists
	// the lines that were not evaluated: a comparison on part of a file is
	// evidence on that part only, and promote says so.
	Data     evaluation.Counts
	Problems []evaluation.Problem
	// Provenance and Sources say whether the evaluated filings were real
	// or synthetic (evaluation.DataInfo): evidence on generated filings
	// says how well each model learnt the generator, not which does better
	// for a court.
	Provenance string
	Sources    map[string]int
}

// Worse reports whether the candidate is worse on any figure.
func (v Verdict) Worse() bool {
	return v.MacroF1 || v.OrdinaryRecall || len(v.Lost) > 0 || len(v.Unseen) > 0
}

// LostProcedure is a procedure the candidate loses: its scores and the
// serving model's (Support, the procedure's cases in the data, is the
// same in both).
type LostProcedure struct {
	Candidate, Serving classifier.ClassMetrics
}

// ComparePromotion evaluates the candidate and the serving model on the
// same labelled filings (src) with the same rules r, records both models'
// figures in p (Serving, Candidate, each with its per-procedure scores),
// and says on which the candidate is worse than the serving model: its
// macro-F1 or its ordinary recall lower by more than p.Tolerance, or a
// procedure with at least p.MinCases cases in src lost (lostProcedures).
// p names the evidence (EvalData, EvalSHA256) from whoever read src; p is
// unchanged on error. holdOut > 0 compares on the records
// evaluation.HeldOut selects at that fraction only: the split a candidate
// trained on src with -split id did not train on.
func ComparePromotion(ctx context.Context, r *rules.Engine, src evaluation.Source, candidate, serving triage.Scorer, p *classifier.Promotion, holdOut float64) (Verdict, error) {
	reports, err := evaluation.Evaluate(ctx, src, evaluation.Options{HoldOut: holdOut},
		triage.New(r, serving), triage.New(r, candidate))
	if err != nil {
		return Verdict{}, err
	}
	if c := reports[0].Counts; c.Evaluated == 0 {
		// The lines are accounted for, so promote can name them: a file
		// of another encoding said only "no labelled filing evaluated"
		// (outside check 23).
		return Verdict{Data: c, Problems: reports[0].Problems},
			fmt.Errorf("%w (%d lines: %d not labelled filings, %d unlabelled, %d refused by the rules)", ErrNothingEvaluated, c.Lines, c.Invalid, c.Unlabeled, c.Rejected)
	}
	scores := func(r *evaluation.Report) classifier.PromotionScores {
		return classifier.PromotionScores{Evaluated: r.Counts.Evaluated, MacroF1: r.MacroF1, OrdinaryRecall: r.OrdinaryRecall,
			PerClass: slices.Clone(r.PerClass)}
	}
	p.Serving, p.Candidate = scores(reports[0]), scores(reports[1])
	v := Verdict{Lost: lostProcedures(p.Candidate, p.Serving, p.MinCases),
		Unseen: unseenProcedures(candidate, serving, p.Candidate),
		Data:   reports[0].Counts, Problems: reports[0].Problems,
		Provenance: reports[0].Data.Provenance, Sources: reports[0].Data.Sources}
	v.MacroF1, v.OrdinaryRecall = worseThan(p.Candidate, p.Serving, p.Tolerance)
	return v, nil
}

// worseThan reports whether candidate's macro-F1, and whether its ordinary
// recall, is lower than serving's by more than tolerance: by exactly the
// tolerance still passes.
func worseThan(candidate, serving classifier.PromotionScores, tolerance float64) (macroF1, ordinaryRecall bool) {
	return candidate.MacroF1 < serving.MacroF1-tolerance, candidate.OrdinaryRecall < serving.OrdinaryRecall-tolerance
}

// classed is a scorer that says which procedures it was trained to tell
// apart (classifier.Model.Classes).
type classed interface {
	Classes() []triagev1.Procedure
}

// unseenProcedures lists the procedures the data cannot show the candidate
// keeps although its artifact shows it may not: the serving model was
// trained on them and the candidate was not (train drops a label with
// fewer than DefaultMinCases rows), and the data holds no case of them and
// no filing the candidate recommends them for (candidate, its scores on
// the data). lostProcedures needs cases to judge on, so evidence without
// any, such as an export of civil cases only, let a model trained without
// fast-track replace one trained with it, and promote did not even name
// the procedure (outside check 23). A scorer that does not say its
// classes (the baseline) is never judged here.
func unseenProcedures(candidate, serving triage.Scorer, scores classifier.PromotionScores) []string {
	c, ok := candidate.(classed)
	s, ok2 := serving.(classed)
	if !ok || !ok2 {
		return nil
	}
	var out []string
	for _, proc := range s.Classes() {
		if slices.Contains(c.Classes(), proc) {
			continue
		}
		if m := scores.Class(proc.String()); m.Support == 0 && m.Predicted == 0 {
			out = append(out, proc.String())
		}
	}
	return out
}

// lostProcedures compares, procedure by procedure, the recall evaluation
// computed for each model (package scoring's, in PerClass): a procedure
// with at least minCases cases (Support, counted from the labels, so the
// same for both models on the same data) is lost when the candidate's
// recall is 0 and serving's is not, whatever the tolerance. A retrained
// model that no longer recommends fast-track sends none of a court's
// simple cases to its fast-track teams, and gained macro-F1 elsewhere
// (outside check 14). Procedures with fewer cases are not compared
// (DefaultMinCases says why).
//
// A recall merely lower than serving's is not refused: recall rewards
// recommending a procedure too often, and a serving model that says
// simplified for almost every filing (recall 0.962 on 210 simplified cases
// in TestPromoteWithEvidence's data) would refuse a candidate better on
// every overall figure (macro-F1 0.764 against 0.629, ordinary recall
// 0.891 against 0.641) for recommending it to 0.686 of them. Macro-F1
// weighs each procedure's precision with its recall; promote shows every
// procedure's recall beside it.
func lostProcedures(candidate, serving classifier.PromotionScores, minCases int) []LostProcedure {
	var out []LostProcedure
	for _, s := range serving.PerClass {
		if s.Support < max(minCases, 1) {
			continue
		}
		if c := candidate.Class(s.Procedure); c.Recall == 0 && s.Recall > 0 {
			out = append(out, LostProcedure{Candidate: c, Serving: s})
		}
	}
	return out
}
