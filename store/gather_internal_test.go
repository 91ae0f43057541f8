package store

import (
	"context"
	"log/slog"
	"runtime"
	"slices"
	"sync"
	"testing"
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
