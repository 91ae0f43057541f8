package store

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// saveRequest is one SaveDecision waiting for its commit.
type saveRequest struct {
	// ctx is the caller's context: the writer skips requests whose caller has
	// already given up, so no decision is stored that nobody was told about.
	ctx  context.Context
	row  *decisionRow
	done chan error // buffered: the writer never blocks on a departed caller
}

// insertFunc writes rows in one transaction and returns once the
// transaction is durably committed, or has failed. A failure means nothing
// was written, except when the connection died after the commit was sent:
// then the rows may be stored and the callers are told ErrUnavailable, which
// is safe, since none of them answers with the decision's id. Each dialect
// has its own: SQLite runs a prepared insert per row inside BEGIN … COMMIT on
// its one connection; PostgreSQL sends the whole batch as one statement,
// which costs one round trip however many rows it carries.
type insertFunc func(ctx context.Context, rows []*decisionRow) error

// writer is the group-commit writer. Its goroutine is the only writer to the
// database once the store is open; callers hand it rows through reqs and
// wait for the outcome of the transaction that carried theirs.
type writer struct {
	insert      insertFunc
	isDuplicate func(error) bool
	rowFault    func(error) bool
	// timeout bounds one transaction (0: no bound). A commit that hangs (a
	// network partition that drops packets rather than refusing them) would
	// otherwise stall every later decision behind it.
	timeout  time.Duration
	maxBatch int
	metrics  *metrics
	log      *slog.Logger

	// mu makes closing reqs safe: senders hold it for reading while they
	// send, stop holds it for writing while it marks the writer closed, so no
	// send can race the close of the channel.
	mu     sync.RWMutex
	closed bool
	reqs   chan *saveRequest
	// stopped is closed when run has answered every request and returned.
	stopped chan struct{}
	// rows is commit's reusable argument for insert.
	rows []*decisionRow
}

// writerConfig is what a store gives newWriter.
type writerConfig struct {
	insert   insertFunc
	dialect  dialect
	timeout  time.Duration
	maxBatch int
	metrics  *metrics
	log      *slog.Logger
}

func newWriter(c writerConfig) *writer {
	return &writer{
		insert:      c.insert,
		isDuplicate: c.dialect.isDuplicate,
		rowFault:    c.dialect.rowFault,
		timeout:     c.timeout,
		maxBatch:    c.maxBatch,
		metrics:     c.metrics,
		log:         c.log,
		// A batch's worth of buffer lets the next batch gather while the
		// current one syncs, without callers blocking on the hand-off.
		reqs:    make(chan *saveRequest, c.maxBatch),
		stopped: make(chan struct{}),
		rows:    make([]*decisionRow, 0, c.maxBatch),
	}
}

// errClosed is what callers get after Close: the store cannot record their
// decision, which is exactly UNAVAILABLE.
func errClosed(op string) error {
	return fmt.Errorf("%s: %w: store is closed", op, ErrUnavailable)
}

// submit hands row to the writer and waits for its commit. It gives up when
// ctx ends, both while waiting for room in the queue and while waiting for
// the commit; in the second case the decision may still be stored, which is
// harmless: the caller was never given its id.
func (w *writer) submit(ctx context.Context, row *decisionRow) error {
	// Checked first because select picks at random among ready cases, and a
	// caller that has already given up must not have its decision stored.
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("save decision: %w", err)
	}
	req := &saveRequest{ctx: ctx, row: row, done: make(chan error, 1)}
	if err := w.enqueue(ctx, req); err != nil {
		return err
	}
	select {
	case err := <-req.done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("save decision: %w", ctx.Err())
	}
}

func (w *writer) enqueue(ctx context.Context, req *saveRequest) error {
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.closed {
		return errClosed("save decision")
	}
	select {
	case w.reqs <- req:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("save decision: %w", ctx.Err())
	}
}

// isClosed reports whether stop has begun.
func (w *writer) isClosed() bool {
	w.mu.RLock()
	defer w.mu.RUnlock()
	return w.closed
}

// stop refuses new requests, lets run commit everything already queued and
// waits for it to return. It is safe to call more than once.
func (w *writer) stop() {
	w.mu.Lock()
	if !w.closed {
		w.closed = true
		close(w.reqs)
	}
	w.mu.Unlock()
	<-w.stopped
}

// run is the writer goroutine. It takes the first waiting request, adds
// whatever else is already queued up to maxBatch, and commits them together:
// while one transaction syncs, the next batch gathers in the queue, so the
// batch size follows the load with no timer. It returns once reqs is closed
// and drained.
func (w *writer) run() {
	defer close(w.stopped)
	batch := make([]*saveRequest, 0, w.maxBatch)
	for first := range w.reqs {
		batch = append(batch[:0], first)
	gather:
		for len(batch) < w.maxBatch {
			select {
			case req, ok := <-w.reqs:
				if !ok {
					break gather
				}
				batch = append(batch, req)
			default:
				break gather
			}
		}
		w.flush(batch)
		clear(batch) // release rows and callers' contexts while idle
	}
}

// flush commits batch and answers every request in it.
func (w *writer) flush(batch []*saveRequest) {
	live := batch[:0]
	for _, req := range batch {
		if err := req.ctx.Err(); err != nil {
			req.done <- fmt.Errorf("save decision: %w", err)
			continue
		}
		live = append(live, req)
	}
	if len(live) == 0 {
		return
	}
	err := w.commit(live)
	if err == nil {
		for _, req := range live {
			req.done <- nil
		}
		return
	}
	if len(live) > 1 && w.rowFault(err) {
		// Which row failed, and whether the others could commit, is only
		// known by trying them alone. Portable too: PostgreSQL aborts the
		// whole transaction on the first failed statement.
		w.metrics.writeErrors.WithLabelValues(opBatch).Inc()
		w.log.Warn("group commit failed; retrying decisions one per transaction", "batch_size", len(live), "err", err)
		for _, req := range live {
			if err := req.ctx.Err(); err != nil {
				// The retries take time; a caller that left meanwhile
				// must not have its decision stored.
				req.done <- fmt.Errorf("save decision: %w", err)
				continue
			}
			req.done <- w.result(req.row, w.commit([]*saveRequest{req}))
		}
		return
	}
	for _, req := range live {
		req.done <- w.result(req.row, err)
	}
}

// result turns the outcome of committing row (alone, or in a batch that
// failed for no row's fault) into the caller's error.
func (w *writer) result(row *decisionRow, err error) error {
	if err == nil {
		return nil
	}
	w.metrics.writeErrors.WithLabelValues(opSave).Inc()
	if w.isDuplicate(err) {
		w.log.Warn("decision not stored: id already recorded", "decision_id", row.decisionID)
		return fmt.Errorf("save decision %q: %w", row.decisionID, ErrDuplicate)
	}
	w.log.Error("decision not stored", "decision_id", row.decisionID, "err", err)
	return fmt.Errorf("commit decisions: %w: %w", ErrUnavailable, err)
}

// commit writes reqs' rows in one transaction and returns once it is durable
// or has failed. The writer's own context is not any caller's: a caller that
// leaves must not abort the transaction of the others sharing it.
func (w *writer) commit(reqs []*saveRequest) error {
	ctx := context.Background()
	if w.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, w.timeout)
		defer cancel()
	}
	w.metrics.batchSize.Observe(float64(len(reqs)))
	start := time.Now()
	defer func() { w.metrics.commitDuration.Observe(time.Since(start).Seconds()) }()

	rows := w.rows[:0]
	for _, req := range reqs {
		rows = append(rows, req.row)
	}
	err := w.insert(ctx, rows)
	clear(rows) // keep no row alive between batches
	w.rows = rows[:0]
	return err
}
