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

// TestWriterCommitWindow: a batch of several requests waits the commit
// window for callers still on their way, so a caller arriving within it
// shares the commit; a lone request is committed at once, and with no
// window (PostgreSQL) nothing waits.
func TestWriterCommitWindow(t *testing.T) {
	const window = 300 * time.Millisecond // far above scheduling noise
	tests := []struct {
		name   string
		window time.Duration
		first  int // callers sending at once
		late   bool
		want   []int
	}{
		{name: "a late caller joins a batch of several", window: window, first: 2, late: true, want: []int{3}},
		{name: "without a window it commits alone", window: 0, first: 2, late: true, want: []int{2, 1}},
		{name: "a lone request is not held", window: window, first: 1, want: []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
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
			// The first callers are queued before the writer starts, so
			// it takes them together.
			var wg sync.WaitGroup
			for range tt.first {
				wg.Go(submit)
			}
			for len(w.reqs) < tt.first {
				runtime.Gosched()
			}
			began := time.Now()
			go w.run()
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
			if tt.first == 1 && took >= window {
				t.Errorf("a lone request took %v; want it committed without waiting the %v window", took, window)
			}
		})
	}
}
