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
// each paying for the next. With one P the first caller's send wakes the
// writer ahead of the other ready callers, so without the yield every round
// commits the first caller alone. The yield hands the P over through the
// writer's locked OS thread, which the OS schedules: about one round in 50
// the writer gets it back first (measured over 600 rounds), so the test asks
// for most rounds, not all.
func TestWriterLetsReadyCallersJoinTheBatch(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	const rounds, want = 20, 15
	var joined int
	var last []int
	for range rounds {
		last = commitSizesOfReadyCallers(t, 8)
		if slices.Equal(last, []int{8}) {
			joined++
		}
	}
	if joined < want {
		t.Errorf("all 8 ready callers shared one commit in %d of %d rounds (last: commits of %v), want at least %d", joined, rounds, last, want)
	}
}

// commitSizesOfReadyCallers starts a writer, lets callers goroutines submit
// at once and returns the sizes of the commits that carried them.
func commitSizesOfReadyCallers(t *testing.T, callers int) []int {
	t.Helper()
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
	return slices.Clone(sizes)
}
