package store

import (
	"context"
	"log/slog"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"
)

// TestWriterLetsReadyCallersJoinTheBatch: callers that are ready to queue
// when the writer wakes are let run before it commits, so they share its
// commit (one sync, one set of the pages every commit touches) instead of
// each paying for the next. With one P the schedule is deterministic: the
// first caller's send wakes the writer ahead of the other ready callers.
func TestWriterLetsReadyCallersJoinTheBatch(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	m, err := newMetrics(nil)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var sizes []int
	w := newWriter(writerConfig{
		commit: func(_ context.Context, reqs []*saveRequest) error {
			mu.Lock()
			sizes = append(sizes, len(reqs))
			mu.Unlock()
			return nil
		},
		dialect:     dialect{isDuplicate: func(error) bool { return false }, rowFault: func(error) bool { return false }},
		maxBatch:    64,
		metrics:     m,
		log:         slog.New(slog.DiscardHandler),
		afterCommit: func([]*saveRequest) {},
	})
	go w.run()
	defer w.stop()

	const callers = 8
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range callers {
		wg.Go(func() {
			<-start
			if err := w.submit(context.Background(), &saveRequest{decision: &decisionRow{decisionID: "d"}}); err != nil {
				t.Error(err)
			}
		})
	}
	close(start)
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(sizes, []int{callers}) {
		t.Errorf("commits of %v requests; want one commit of all %d ready callers", sizes, callers)
	}
}

// TestWriterCommitWindow: a batch of several requests, fewer than the last
// commit carried, waits the commit window for callers still on their way,
// so a caller arriving within it shares the commit. A lone request, a batch
// as large as the last, and any batch without a window (PostgreSQL) are
// committed at once.
func TestWriterCommitWindow(t *testing.T) {
	const window = 300 * time.Millisecond // far above scheduling noise
	tests := []struct {
		name   string
		window time.Duration
		// first is the first commit's size, queued before the writer
		// starts; second is queued while the first commits; then one
		// caller comes late (if late).
		first, second int
		late          bool
		want          []int
	}{
		{name: "a late caller joins a batch smaller than the last", window: window, first: 3, second: 2, late: true, want: []int{3, 3}},
		{name: "without a window it commits at once", window: 0, first: 3, second: 2, late: true, want: []int{3, 2, 1}},
		{name: "a batch as large as the last is not held", window: window, first: 2, second: 2, late: true, want: []int{2, 2, 1}},
		{name: "a lone request is not held", window: window, first: 3, second: 1, want: []int{3, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := newMetrics(nil)
			if err != nil {
				t.Fatal(err)
			}
			var mu sync.Mutex
			var sizes []int
			hold := make(chan struct{})
			w := newWriter(writerConfig{
				commit: func(_ context.Context, reqs []*saveRequest) error {
					mu.Lock()
					sizes = append(sizes, len(reqs))
					first := len(sizes) == 1
					mu.Unlock()
					if first {
						<-hold
					}
					return nil
				},
				dialect: dialect{
					isDuplicate:  func(error) bool { return false },
					rowFault:     func(error) bool { return false },
					commitWindow: tt.window,
				},
				maxBatch:    64,
				metrics:     m,
				log:         slog.New(slog.DiscardHandler),
				afterCommit: func([]*saveRequest) {},
			})
			defer w.stop()

			submit := func() {
				if err := w.submit(context.Background(), &saveRequest{decision: &decisionRow{decisionID: "d"}}); err != nil {
					t.Error(err)
				}
			}
			queue := func(n int) {
				for len(w.reqs) < n {
					runtime.Gosched()
				}
			}
			var wg sync.WaitGroup
			for range tt.first {
				wg.Go(submit)
			}
			queue(tt.first)
			go w.run()
			for { // the first commit has begun, and holds
				mu.Lock()
				n := len(sizes)
				mu.Unlock()
				if n == 1 {
					break
				}
				runtime.Gosched()
			}
			for range tt.second {
				wg.Go(submit)
			}
			queue(tt.second)
			began := time.Now()
			close(hold)
			if tt.late {
				time.Sleep(window / 3)
				wg.Go(submit)
			}
			wg.Wait()
			took := time.Since(began)
			mu.Lock()
			defer mu.Unlock()
			if !slices.Equal(sizes, tt.want) {
				t.Errorf("commits of %v requests; want %v", sizes, tt.want)
			}
			if !tt.late && took >= window {
				t.Errorf("took %v; want the batch committed without waiting the %v window", took, window)
			}
		})
	}
}
