// Package shadow scores live filings with a candidate model next to the one
// serving (triaged -shadow-model DIR), so data staff can promote a model on
// evidence from real traffic: how often the candidate would have recommended
// what was served, by case kind and pair of procedures.
//
// The shadow never delays or changes a response. The service offers it each
// filing it has decided and recorded; Offer only puts the filing on a
// bounded queue (a send that never waits) and a full queue drops the filing
// and counts the drop. Scoring runs on the shadow's own worker goroutines,
// which Triage never waits for (it returns as soon as the filing is queued),
// and a failure or a panic of the candidate is counted and logged, never
// seen by a client.
//
// Every scored filing is counted in fenjian_shadow_agreement_total by case
// kind and the served and shadow recommendation, and recorded in the
// store's shadow_scores table (batched: one commit for what a worker has
// queued), outside the audit chain, for triagectl stats. Filings still
// queued when the process stops are not scored.
package shadow

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
	"github.com/fenjian/fenjian/triage"
)

// Defaults of Options.
const (
	// DefaultQueueSize bounds the filings waiting to be scored: a filing is
	// at most about 80 KB, so the queue holds at most about 20 MB.
	DefaultQueueSize = 256
	// MaxQueueSize is the largest queue triaged's -shadow-queue takes: the
	// queue's channel is allocated whole at start, and 4,096 filings of
	// about 80 KB are some 320 MB, most of the Deployment's 512 MiB.
	MaxQueueSize = 4096
	// DefaultBatchSize bounds the scores one store commit records.
	DefaultBatchSize = 64
	// saveTimeout bounds one batch's commit, also at shutdown.
	saveTimeout = 10 * time.Second
)

// Engine decides filings with the shadow model under the serving rules.
// *triage.Engine satisfies it; its scorer's version names the model.
type Engine interface {
	Decide(ctx context.Context, f *triagev1.Filing) (*triagev1.Decision, error)
	Scorer() triage.Scorer
}

// Recorder records shadow scores. *store.SQLite and *store.Postgres satisfy it.
type Recorder interface {
	SaveShadowScores(ctx context.Context, scores []store.ShadowScore) error
}

// Options configure a Shadow.
type Options struct {
	// Engine scores with the shadow model; required.
	Engine Engine
	// Store records the scores; required.
	Store Recorder
	// Logger receives failures; nil discards.
	Logger *slog.Logger
	// Registerer receives the shadow metrics; nil registers nothing.
	Registerer prometheus.Registerer
	// QueueSize bounds the filings waiting; 0 means DefaultQueueSize.
	QueueSize int
	// BatchSize bounds the scores of one commit; 0 means DefaultBatchSize.
	BatchSize int
	// Workers score in parallel; 0 means 1, so shadow scoring takes at
	// most one core from the serving path.
	Workers int
	// Now stamps scored_at; nil means time.Now.
	Now func() time.Time
}

// job is one filing to score with what was served for it. It holds copies
// of the decision's fields, not the decision, which belongs to the response.
type job struct {
	filing      *triagev1.Filing
	decisionID  string
	decidedAt   time.Time
	servedModel string
	served      triagev1.Procedure
}

// Shadow scores offered filings with the shadow model. Offer is safe for
// concurrent use; Run runs the workers.
type Shadow struct {
	opts    Options
	logger  *slog.Logger
	queue   chan job
	metrics *metrics
}

// New returns a Shadow and registers its metrics. Nothing is scored until
// Run runs.
func New(opts Options) (*Shadow, error) {
	if opts.Engine == nil || opts.Store == nil {
		return nil, errors.New("shadow: Engine and Store are required")
	}
	if opts.QueueSize <= 0 {
		opts.QueueSize = DefaultQueueSize
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	if opts.Workers <= 0 {
		opts.Workers = 1
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	s := &Shadow{opts: opts, logger: logger.With(slog.String("component", "shadow")), queue: make(chan job, opts.QueueSize)}
	m, err := newMetrics(opts.Registerer, s)
	if err != nil {
		return nil, fmt.Errorf("shadow metrics: %w", err)
	}
	s.metrics = m
	return s, nil
}

// Offer queues filing f, decided and recorded as d, for the shadow model. It
// never waits: when the queue is full the filing is dropped and counted, and
// Offer returns false. f must not be changed afterwards (the service never
// changes a request). A dry run or a decision without an id is not offered.
func (s *Shadow) Offer(f *triagev1.Filing, d *triagev1.Decision) bool {
	if f == nil || d.GetDecisionId() == "" || d.GetDryRun() {
		return false
	}
	j := job{
		filing:      f,
		decisionID:  d.GetDecisionId(),
		decidedAt:   d.GetDecidedAt().AsTime(),
		servedModel: d.GetModelVersion(),
		served:      d.GetRecommended(),
	}
	select {
	case s.queue <- j:
		return true
	default:
		s.metrics.dropped.Inc()
		return false
	}
}

// Run scores queued filings on Options.Workers goroutines until ctx ends,
// and returns once every worker has finished its batch in hand.
func (s *Shadow) Run(ctx context.Context) {
	var wg sync.WaitGroup
	for range s.opts.Workers {
		wg.Go(func() { s.work(ctx) })
	}
	wg.Wait()
}

// work takes one filing, or as many as are queued up to a batch, scores
// them and records the batch in one commit. Under load the queue fills
// while a batch is scored, so batches grow and commits stay few.
func (s *Shadow) work(ctx context.Context) {
	batch := make([]job, 0, s.opts.BatchSize)
	for {
		select {
		case <-ctx.Done():
			return
		case j := <-s.queue:
			batch = append(batch[:0], j)
		}
	fill:
		for len(batch) < s.opts.BatchSize {
			select {
			case j := <-s.queue:
				batch = append(batch, j)
			default:
				break fill
			}
		}
		s.scoreBatch(ctx, batch)
	}
}

// scoreBatch scores a batch and records its scores. The batch in hand is
// finished even once ctx is canceled (its commit bounded by saveTimeout):
// what was taken from the queue is kept at shutdown, and the store closes
// only after Run has returned.
func (s *Shadow) scoreBatch(ctx context.Context, batch []job) {
	ctx = context.WithoutCancel(ctx)
	scores := make([]store.ShadowScore, 0, len(batch))
	for _, j := range batch {
		d, err := s.score(ctx, j.filing)
		if err != nil {
			s.metrics.failures.WithLabelValues("score").Inc()
			s.logger.Warn("shadow model failed to score a filing",
				slog.String("decision_id", j.decisionID), slog.String("error", err.Error()))
			continue
		}
		kind := j.filing.GetCaseKind()
		// Both procedures come from the engine and the kind passed the
		// rules, so the label values are enum names: bounded.
		s.metrics.agreement.WithLabelValues(kind.String(), j.served.String(), d.GetRecommended().String()).Inc()
		scores = append(scores, store.ShadowScore{
			DecisionID: j.decisionID, DecidedAt: j.decidedAt, CaseKind: kind,
			ServedModel: j.servedModel, Served: j.served,
			ShadowModel: d.GetModelVersion(), Shadow: d.GetRecommended(),
			ScoredAt: s.opts.Now(),
		})
	}
	if len(scores) == 0 {
		return
	}
	sctx, cancel := context.WithTimeout(ctx, saveTimeout)
	defer cancel()
	if err := s.opts.Store.SaveShadowScores(sctx, scores); err != nil {
		s.metrics.failures.WithLabelValues("save").Add(float64(len(scores)))
		s.logger.Warn("shadow scores not recorded", slog.Int("scores", len(scores)), slog.String("error", err.Error()))
	}
}

// score decides f with the shadow model. A candidate that panics on a
// filing the smoke test did not cover fails that filing, not the process.
func (s *Shadow) score(ctx context.Context, f *triagev1.Filing) (d *triagev1.Decision, err error) {
	defer func() {
		if p := recover(); p != nil {
			d, err = nil, fmt.Errorf("shadow model panicked: %v", p)
		}
	}()
	d, err = s.opts.Engine.Decide(ctx, f)
	if err == nil && d == nil {
		err = errors.New("no decision and no error")
	}
	return d, err
}
