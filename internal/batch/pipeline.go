package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/dataset"
)

// Result is the outcome for one input record.
type Result struct {
	// Line is the input line number, from 1 (blank lines are skipped but
	// counted).
	Line int
	// FilingID is the filing's id; empty when the line could not be parsed.
	FilingID string
	// Decision is set when Err is nil.
	Decision *triagev1.Decision
	// Err is why the line failed: a *dataset.LineError for a line that is
	// not a filing, otherwise the Scorer's error.
	Err error
}

// ErrorRecord describes a failed result; see NewErrorRecord.
func (r Result) ErrorRecord() ErrorRecord { return NewErrorRecord(r.Line, r.FilingID, r.Err) }

// Options configure Run.
type Options struct {
	// Concurrency is how many filings are scored at once; below 1 means 1.
	Concurrency int
}

// Summary counts what Run emitted.
type Summary struct {
	// Scored and Failed count the results emitted.
	Scored, Failed int
	// Replayed counts the scored filings a server answered with the
	// decision an earlier call had stored (Remote.Replayed; Run leaves it
	// 0, the caller sets it).
	Replayed int
	// Recommended counts scored filings by recommended procedure.
	Recommended map[triagev1.Procedure]int
	// Elapsed is the wall time of the run.
	Elapsed time.Duration
	// Interrupted is set when the context ended the run early.
	Interrupted bool
}

// String is the one-line summary triagectl prints, e.g.
// "scored 4, failed 1 in 12ms; recommended SMALL_CLAIMS 1, SIMPLIFIED 2, FAST_TRACK 1".
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "scored %d, failed %d", s.Scored, s.Failed)
	if s.Replayed > 0 {
		fmt.Fprintf(&b, " (%d of them decided before: the stored decision, nothing stored again)", s.Replayed)
	}
	fmt.Fprintf(&b, " in %s", s.Elapsed.Round(time.Millisecond))
	if s.Interrupted {
		b.WriteString(" (interrupted)")
	}
	sep := "; recommended "
	// Enum order, so the line reads the same from run to run.
	for p := triagev1.Procedure(1); int(p) < len(triagev1.Procedure_name); p++ {
		if n := s.Recommended[p]; n > 0 {
			fmt.Fprintf(&b, "%s%s %d", sep, strings.TrimPrefix(p.String(), "PROCEDURE_"), n)
			sep = ", "
		}
	}
	return b.String()
}

// StopAfter wraps err for emit to return when the result it was given is
// done with (written) and the run should end there: Run counts that result
// and returns err, emitting nothing after it.
func StopAfter(err error) error { return &stopAfterError{err: err} }

// stopAfterError is StopAfter's error.
type stopAfterError struct{ err error }

func (e *stopAfterError) Error() string { return e.err.Error() }
func (e *stopAfterError) Unwrap() error { return e.err }

// job is one parsed filing on its way to a worker; out receives its result.
type job struct {
	line int
	f    *triagev1.Filing
	out  chan<- Result
}

// Run reads filings from r (JSONL Filing or LabeledFiling lines), scores them
// with s, Concurrency at a time, and calls emit once per non-blank input line,
// in input order, from the calling goroutine. A line that fails is emitted
// with its error and the run goes on. Run returns when the input is exhausted,
// when emit fails (with that error) or when reading fails for good (with the
// read error, after emitting the lines before it).
//
// When ctx ends, Run stops reading, lets the calls in flight finish (they see
// the canceled context), emits the results that were already complete and
// contiguous with what was emitted, and returns ctx.Err(). It never emits a
// result past a gap, so the output stays aligned with the input. A read of r
// that blocks forever (a terminal's stdin) is abandoned, not waited for: its
// goroutine exits when that read returns.
//
// Memory is bounded: at most a few times Concurrency results wait for a slow
// earlier line before reading pauses.
func Run(ctx context.Context, r io.Reader, s Scorer, opts Options, emit func(Result) error) (Summary, error) {
	start := time.Now()
	n := max(opts.Concurrency, 1)
	sum := Summary{Recommended: make(map[triagev1.Procedure]int)}

	// stop ends the reader and the workers when Run returns for any reason;
	// ctx's own end is observed separately to decide what is still emitted.
	ctx, stop := context.WithCancel(ctx)
	defer stop()

	// order carries each record's result channel in input order; its
	// capacity is the window of records read ahead of the oldest unfinished
	// one, which bounds memory while a slow line holds up the output.
	order := make(chan chan Result, 2*n)
	jobs := make(chan job)
	var readErr error // written by the reader before it closes order
	go func() {
		defer close(order)
		defer close(jobs)
		readErr = read(ctx, r, order, jobs)
	}()

	var workers sync.WaitGroup
	for range n {
		workers.Go(func() {
			for {
				select {
				case <-ctx.Done():
					return
				case j, ok := <-jobs:
					if !ok {
						return
					}
					d, err := s.Score(ctx, j.f)
					j.out <- Result{Line: j.line, FilingID: j.f.GetId(), Decision: d, Err: err}
				}
			}
		})
	}

	emitOne := func(res Result) error {
		err := emit(res)
		var stop *stopAfterError
		if err != nil && !errors.As(err, &stop) {
			return err
		}
		if res.Err != nil {
			sum.Failed++
		} else {
			sum.Scored++
			sum.Recommended[res.Decision.GetRecommended()]++
		}
		if stop != nil {
			return stop.err
		}
		return nil
	}
	finish := func(err error) (Summary, error) {
		stop()
		workers.Wait()
		sum.Elapsed = time.Since(start)
		return sum, err
	}

	var pending chan Result // the next result to emit, once it is complete
	for {
		if pending == nil {
			select {
			case ch, ok := <-order:
				if !ok {
					// The reader has finished: at the end of the input
					// (nil), because ctx ended, or on a read failure.
					switch cerr := ctx.Err(); {
					case readErr == nil:
						return finish(nil)
					case cerr != nil && errors.Is(readErr, cerr):
						sum.Interrupted = true
						return finish(cerr)
					default:
						return finish(fmt.Errorf("read input: %w", readErr))
					}
				}
				pending = ch
				continue
			case <-ctx.Done():
			}
		} else {
			select {
			case res := <-pending:
				if interrupted(ctx, res) {
					// A gap: nothing after this line may be emitted.
					sum.Interrupted = true
					return finish(ctx.Err())
				}
				pending = nil
				if err := emitOne(res); err != nil {
					return finish(err)
				}
				continue
			case <-ctx.Done():
			}
		}
		// ctx ended while waiting for the next result. Stop the workers
		// (their calls see the canceled context and return), then emit what
		// is complete and contiguous.
		sum.Interrupted = true
		cause := ctx.Err()
		stop()
		workers.Wait()
		if err := drain(ctx, pending, order, emitOne); err != nil {
			return finish(err)
		}
		return finish(cause)
	}
}

// interrupted reports whether res failed only because ctx ended; such a
// result is not the line's answer and is never emitted.
func interrupted(ctx context.Context, res Result) bool {
	cerr := ctx.Err()
	return cerr != nil && res.Err != nil && errors.Is(res.Err, cerr)
}

// drain emits, after an interruption and with the workers stopped, the
// results that are complete and contiguous: it stops at the first record
// without a result or whose result was cut short.
func drain(ctx context.Context, pending chan Result, order <-chan chan Result, emit func(Result) error) error {
	for {
		if pending == nil {
			select {
			case ch, ok := <-order:
				if !ok {
					return nil
				}
				pending = ch
			default:
				return nil
			}
		}
		select {
		case res := <-pending:
			if interrupted(ctx, res) {
				return nil
			}
			if err := emit(res); err != nil {
				return err
			}
			pending = nil
		default:
			return nil
		}
	}
}

// read parses r line by line, queues one result channel per record on order
// (in input order) and hands parsed filings to the workers. A line that is
// not a filing gets its error result at once. It returns nil at the end of
// the input, ctx.Err() when ctx ends first, and the error when r fails for
// good.
func read(ctx context.Context, r io.Reader, order chan<- chan Result, jobs chan<- job) error {
	rd := dataset.NewReader(r)
	for ctx.Err() == nil {
		lf, err := rd.Read()
		var le *dataset.LineError
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case errors.As(err, &le):
			// The line's error is its result (an over-long line's too,
			// dataset.ErrLineTooLong); the next line is read as usual.
			out := make(chan Result, 1)
			out <- Result{Line: le.Line, Err: le}
			if !send(ctx, order, out) {
				return ctx.Err()
			}
			continue
		case err != nil:
			return err
		}
		out := make(chan Result, 1)
		if !send(ctx, order, out) {
			return ctx.Err()
		}
		if !send(ctx, jobs, job{line: rd.Line(), f: lf.GetFiling(), out: out}) {
			return ctx.Err()
		}
	}
	return ctx.Err()
}

// send sends v on ch unless ctx ends first.
func send[T any](ctx context.Context, ch chan<- T, v T) bool {
	select {
	case ch <- v:
		return true
	case <-ctx.Done():
		return false
	}
}
