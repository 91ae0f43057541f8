// Package triage turns a filing into a decision: the statutory rules say which
// procedures are legally open, a scorer estimates which one the case will end
// up in, and a policy picks the recommendation, leaning to ordinary procedure
// when the scorer is unsure (a simple-looking case that converts 简转普 is the
// expensive mistake; docs/architecture.md, Models).
//
// The package knows nothing of gRPC or storage: it returns plain proto values
// and errors (a *rules.FieldError for invalid input).
package triage

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// Probabilities holds a scorer's estimates indexed by triagev1.Procedure; an
// array, not a map, so scoring allocates nothing.
type Probabilities [5]float64

// Scorer estimates, for a filing the rules have assessed, the probability
// that the case ends in each procedure. Implementations must be safe for
// concurrent use and must not keep references to their arguments.
type Scorer interface {
	// Version names the model, e.g. "baseline-cause-amount" or "nb-20261127-1a2b".
	Version() string
	// Score fills p; entries for procedures of other case kinds are ignored.
	Score(f *triagev1.Filing, a *rules.Assessment, p *Probabilities)
}

// Abstainer is implemented by scorers that can tell when a filing is unlike
// the data they were trained on; their probabilities for it are
// extrapolation, however confident, and the decision goes to review.
type Abstainer interface {
	// OutOfDistribution returns why the filing is out of the scorer's
	// domain (a short message for the clerk), "" when it is not.
	OutOfDistribution(f *triagev1.Filing, a *rules.Assessment) string
}

// CodeOutOfDistribution is the review reason for a filing unlike the
// scorer's training data.
const CodeOutOfDistribution = "MODEL_OUT_OF_DISTRIBUTION"

// Policy tunes how probabilities become a recommendation.
type Policy struct {
	// OrdinaryMargin: ordinary is recommended unless another available
	// procedure beats it by more than this much probability.
	OrdinaryMargin float64
	// MinConfidence: when the scorer's confidence in the recommended
	// procedure (Confidence: its probability, with simplified's beside a
	// mandatory small-claims pick) is below this, the decision needs review.
	MinConfidence float64
}

// DefaultPolicy favours ordinary by five points and asks for review below 40%.
var DefaultPolicy = Policy{OrdinaryMargin: 0.05, MinConfidence: 0.4}

// CodeLowConfidence is the review reason for an unsure model.
const CodeLowConfidence = "MODEL_LOW_CONFIDENCE"

var lowConfidence = &triagev1.Reason{
	Code:    CodeLowConfidence,
	Message: "模型对推荐程序的把握不足，需人工审核。",
}

// Engine decides filings. Rules and scorer can be swapped atomically while
// requests are in flight (hot reload); each decision uses one consistent pair.
type Engine struct {
	rules  atomic.Pointer[rules.Engine]
	scorer atomic.Pointer[scorerBox]
	policy Policy
}

// scorerBox lets an interface value live behind an atomic.Pointer.
type scorerBox struct{ s Scorer }

// New returns an engine with the default policy.
func New(r *rules.Engine, s Scorer) *Engine {
	return NewWithPolicy(r, s, DefaultPolicy)
}

// NewWithPolicy returns an engine with an explicit policy.
func NewWithPolicy(r *rules.Engine, s Scorer, p Policy) *Engine {
	e := &Engine{policy: p}
	e.rules.Store(r)
	e.scorer.Store(&scorerBox{s})
	return e
}

// SetScorer replaces the scorer for all later decisions.
func (e *Engine) SetScorer(s Scorer) { e.scorer.Store(&scorerBox{s}) }

// Scorer returns the scorer in use.
func (e *Engine) Scorer() Scorer { return e.scorer.Load().s }

// Rules returns the rules in use.
func (e *Engine) Rules() *rules.Engine { return e.rules.Load() }

// SetRules replaces the rules for all later decisions (a rules file
// reload). A decision in flight finishes with the rules it read: Decide
// reads them once, and the decision's rules_version names them.
func (e *Engine) SetRules(r *rules.Engine) { e.rules.Store(r) }

// ErrNoProcedure means the rules produced no available procedure, which the
// law never allows (ordinary is always open); it signals a bug, not bad input.
var ErrNoProcedure = errors.New("no procedure available")

// Decide evaluates and scores a filing. The returned decision has everything
// but decision_id and decided_at, which belong to whoever records it.
func (e *Engine) Decide(ctx context.Context, f *triagev1.Filing) (*triagev1.Decision, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r := e.rules.Load()
	s := e.scorer.Load().s
	a, err := r.Evaluate(f)
	if err != nil {
		return nil, fmt.Errorf("evaluate filing: %w", err)
	}
	var p Probabilities
	s.Score(f, a, &p)
	d := &triagev1.Decision{
		Options:          a.Options,
		ReviewReasons:    a.ReviewReasons,
		ModelVersion:     s.Version(),
		RulesVersion:     r.Version(),
		FilingId:         f.GetId(),
		CaseKind:         f.GetCaseKind(),
		FiledOn:          a.FiledOn.Format(time.DateOnly),
		SmallClaimsLimit: a.Limit,
		Inferences:       a.Inferences,
	}
	best, confidence, err := e.recommend(a.Options, &p)
	if err != nil {
		return nil, fmt.Errorf("decide filing %s: %w", f.GetId(), err)
	}
	d.Recommended = best.GetProcedure()
	d.TimeLimit = best.GetTimeLimit()
	if confidence < e.policy.MinConfidence {
		d.ReviewReasons = append(d.ReviewReasons, lowConfidence)
	}
	if ab, ok := s.(Abstainer); ok {
		if why := ab.OutOfDistribution(f, a); why != "" {
			d.ReviewReasons = append(d.ReviewReasons, &triagev1.Reason{
				Code:    CodeOutOfDistribution,
				Message: "案件不同于模型的训练数据（" + why + "），推荐仅供参考，需人工审核。",
			})
		}
	}
	d.NeedsReview = len(d.ReviewReasons) > 0
	return d, nil
}

// recommend applies Pick to the rules' options, writes the normalised
// probabilities into them and returns the recommended one with the
// scorer's confidence in it (Confidence).
func (e *Engine) recommend(opts []*triagev1.ProcedureOption, p *Probabilities) (*triagev1.ProcedureOption, float64, error) {
	var buf [len(Probabilities{})]Option
	options := OptionsOf(opts, buf[:0])
	best, norm := Pick(options, p, e.policy)
	for i, o := range opts {
		if i < len(norm) {
			o.Probability = norm[i]
		}
	}
	if best < 0 {
		return nil, 0, ErrNoProcedure
	}
	return opts[best], Confidence(options, norm, best), nil
}

// clampProb keeps a misbehaving scorer (NaN, negative) from poisoning the sum.
func clampProb(x float64) float64 {
	if x > 0 && x <= 1e9 {
		return x
	}
	return 0
}
