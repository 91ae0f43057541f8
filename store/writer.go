package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// commitFunc writes reqs in one transaction (sqlStore.commitBatch) and
// returns once it is durably committed, or has failed.
type commitFunc func(ctx context.Context, reqs []*saveRequest) error

// writer is the group-commit writer. Its goroutine is the only writer to the
// database once the store is open; callers hand it requests through reqs
// and wait for the outcome of the transaction that carried theirs. Every
// transaction takes the audit chain's lock once, whatever it carries, so the
// lock is shared by a batch the way the sync is.
type writer struct {
	commitTx    commitFunc
	isDuplicate func(error) bool
	rowFault    func(error) bool
	// timeout bounds one transaction (0: no bound). A commit that hangs (a
	// network partition that drops packets rather than refusing them) would
	// otherwise stall every later write behind it.
	timeout  time.Duration
	maxBatch int
	metrics  *metrics
	log      *slog.Logger
	// logFailures bounds the "write not stored" records, counting in
	// unlogged those it left out: in an outage every write fails, and one
	// ERROR record each (beside each call's rpc record) flooded the logs,
	// 18,457 lines in 10 s of a PostgreSQL stop under load (outside check
	// 20), as refused calls had before their limit (server.refuse).
	logFailures *rate.Limiter
	unlogged    atomic.Int64
	// afterCommit is told of each committed transaction's requests before
	// any of their callers is answered (it wakes the feeds they touched).
	afterCommit func([]*saveRequest)

	// mu makes closing reqs safe: senders hold it for reading while they
	// send, stop holds it for writing while it marks the writer closed, so no
	// send can race the close of the channel.
	mu     sync.RWMutex
	closed bool
	reqs   chan *saveRequest
	// stopped is closed when run has answered every request and returned.
	stopped chan struct{}

	// busy and busyCPU are the writer's serial time, wall clock and CPU:
	// from taking a batch to having answered it, the part of a decision's
	// cost no other goroutine can share (docs/performance.md). writes
	// counts the requests the batches carried.
	busy    atomic.Int64 // nanoseconds
	busyCPU atomic.Int64 // nanoseconds
	writes  atomic.Int64
}

// writerConfig is what a store gives newWriter.
type writerConfig struct {
	commit   commitFunc
	dialect  dialect
	timeout  time.Duration
	maxBatch int
	metrics  *metrics
	log      *slog.Logger
	// afterCommit: see writer.afterCommit.
	afterCommit func([]*saveRequest)
}

func newWriter(c writerConfig) *writer {
	return &writer{
		commitTx:    c.commit,
		isDuplicate: c.dialect.isDuplicate,
		rowFault:    c.dialect.rowFault,
		timeout:     c.timeout,
		maxBatch:    c.maxBatch,
		metrics:     c.metrics,
		log:         c.log,
		logFailures: rate.NewLimiter(FailureLogRate, FailureLogBurst),
		afterCommit: c.afterCommit,
		// A batch's worth of buffer lets the next batch gather while the
		// current one syncs, without callers blocking on the hand-off.
		reqs:    make(chan *saveRequest, c.maxBatch),
		stopped: make(chan struct{}),
	}
}

// errClosed is what callers get after Close: the store cannot record their
// write, which is exactly UNAVAILABLE.
func errClosed(op string) error {
	return fmt.Errorf("%s: %w: store is closed", op, ErrUnavailable)
}

// submit hands req to the writer and waits for its commit. It gives up when
// ctx ends, both while waiting for room in the queue and while waiting for
// the commit; in the second case the record may still be stored, which is
// harmless: the caller was never told it was.
func (w *writer) submit(ctx context.Context, req *saveRequest) error {
	// Checked first because select picks at random among ready cases, and a
	// caller that has already given up must not have its record stored.
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", req.op(), err)
	}
	req.ctx = ctx
	req.done = make(chan error, 1)
	if err := w.enqueue(ctx, req); err != nil {
		return err
	}
	select {
	case err := <-req.done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", req.op(), ctx.Err())
	}
}

func (w *writer) enqueue(ctx context.Context, req *saveRequest) error {
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.closed {
		return errClosed(req.op())
	}
	select {
	case w.reqs <- req:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", req.op(), ctx.Err())
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
	// One thread for the writer's whole life, so that its CPU clock
	// (threadCPU) measures the writer alone. It costs a thread hand-off
	// when the writer wakes, once per batch.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	defer close(w.stopped)
	batch := make([]*saveRequest, 0, w.maxBatch)
	for first := range w.reqs {
		batch = append(batch[:0], first)
		for yielded := false; ; yielded = true {
			n := len(batch)
			batch = w.gather(batch)
			// Once, and again while it pays: let the goroutines that are
			// ready run first (they are callers finishing their encoding,
			// about to queue), then take what they queued into this commit.
			// A commit's fixed cost (its sync, the pages every commit
			// touches) is CPU on these cores, shared by the whole batch.
			if len(batch) >= w.maxBatch || (yielded && len(batch) == n) {
				break
			}
			runtime.Gosched()
		}
		w.flush(batch)
		clear(batch) // release rows and callers' contexts while idle
	}
}

// gather adds to batch what is queued, up to maxBatch, without waiting.
func (w *writer) gather(batch []*saveRequest) []*saveRequest {
	for len(batch) < w.maxBatch {
		select {
		case req, ok := <-w.reqs:
			if !ok {
				return batch
			}
			batch = append(batch, req)
		default:
			return batch
		}
	}
	return batch
}

// flush commits batch and answers every request in it.
func (w *writer) flush(batch []*saveRequest) {
	start, startCPU := time.Now(), threadCPU()
	defer func() {
		w.busyCPU.Add(threadCPU() - startCPU)
		w.busy.Add(int64(time.Since(start)))
		w.writes.Add(int64(len(batch)))
	}()
	live := batch[:0]
	for _, req := range batch {
		if err := req.ctx.Err(); err != nil {
			req.done <- fmt.Errorf("%s: %w", req.op(), err)
			continue
		}
		live = append(live, req)
	}
	if len(live) == 0 {
		return
	}
	err := w.commit(live)
	if err == nil {
		w.committed(live)
		return
	}
	if len(live) > 1 && w.rowFault(err) {
		// Which request failed, and whether the others could commit, is
		// only known by trying them alone. Portable too: PostgreSQL aborts
		// the whole transaction on the first failed statement.
		w.metrics.writeErrors.WithLabelValues(opBatch).Inc()
		w.log.Warn("group commit failed; retrying writes one per transaction", "batch_size", len(live), "err", err)
		for _, req := range live {
			if err := req.ctx.Err(); err != nil {
				// The retries take time; a caller that left meanwhile
				// must not have its record stored.
				req.done <- fmt.Errorf("%s: %w", req.op(), err)
				continue
			}
			one := []*saveRequest{req}
			if err := w.commit(one); err != nil {
				req.done <- w.result(req, err)
				continue
			}
			w.committed(one)
		}
		return
	}
	for _, req := range live {
		req.done <- w.result(req, err)
	}
}

// committed answers the requests of a committed transaction and counts
// their assignments. afterCommit runs before any caller is answered, so a
// caller that returns from a save has its feeds woken already.
func (w *writer) committed(reqs []*saveRequest) {
	for _, req := range reqs {
		if req.rejected == nil && req.assignedKind != "" {
			w.metrics.assignments.WithLabelValues(req.assignedKind).Inc()
		}
	}
	w.afterCommit(reqs)
	for _, req := range reqs {
		if req.rejected != nil {
			w.metrics.writeErrors.WithLabelValues(opSave).Inc()
			req.done <- req.rejected
			continue
		}
		req.done <- nil
	}
}

// result turns the failure of the transaction that carried req (alone, or
// in a batch that failed for no request's fault) into the caller's error.
func (w *writer) result(req *saveRequest, err error) error {
	w.metrics.writeErrors.WithLabelValues(opSave).Inc()
	if req.rejected != nil {
		// Found before the transaction failed, and true whatever became
		// of it.
		return req.rejected
	}
	if req.outcome == nil && req.designated == nil && w.isDuplicate(err) {
		w.log.Warn("decision not stored: id already recorded", "decision_id", req.id())
		return fmt.Errorf("save decision %q: %w", req.id(), ErrDuplicate)
	}
	w.logFailure(req, err)
	return fmt.Errorf("%s: commit: %w: %w", req.op(), ErrUnavailable, err)
}

// FailureLogRate and FailureLogBurst bound the writer's "write not stored"
// records: at most FailureLogRate a second, in bursts of FailureLogBurst,
// as the server's refused calls. Every failure is still counted
// (fenjian_store_write_errors_total) and answered UNAVAILABLE.
const (
	FailureLogRate  = 10
	FailureLogBurst = 100
)

// logFailure logs a write not stored, unless the limit is reached; a record
// says in writes_not_logged how many went unlogged since the one before.
func (w *writer) logFailure(req *saveRequest, err error) {
	if !w.logFailures.Allow() {
		w.unlogged.Add(1)
		return
	}
	attrs := []any{"operation", req.op(), "decision_id", req.id(), "err", err}
	if n := w.unlogged.Swap(0); n > 0 {
		attrs = append(attrs, "writes_not_logged", n)
	}
	w.log.Error("write not stored", attrs...)
}

// commit writes reqs in one transaction and returns once it is durable or
// has failed. The writer's own context is not any caller's: a caller that
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
	err := w.commitTx(ctx, reqs)
	if errors.Is(err, context.DeadlineExceeded) {
		// The writer's own bound expired, not any caller's deadline: the
		// store is unavailable (result wraps ErrUnavailable). Kept as
		// context.DeadlineExceeded, it reached a caller with no deadline
		// as DEADLINE_EXCEEDED after 10 s against a PostgreSQL that hung
		// (outside check), a code that says the caller's deadline passed
		// and that clients do not retry.
		return fmt.Errorf("transaction not done within the writer's bound of %s: %v", w.timeout, err) //nolint:errorlint // not %w: see above
	}
	return err
}
