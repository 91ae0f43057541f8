package store

import (
	"sync/atomic"
	"testing"
	"testing/synctest"
)

// TestFeedHub: a follower is woken by a commit touching its team and by
// nothing else, a team without followers costs nothing, notifyAll and close
// wake everyone. synctest.Wait lets every follower goroutine block (or not)
// before anything is checked, so no sleep stands in for "has not woken".
func TestFeedHub(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newFeedHub()
		var woken [3]atomic.Int32
		follow := func(i int, team string) {
			go func() {
				for {
					ch := h.wait(team)
					<-ch
					woken[i].Add(1)
					if h.closed() {
						return
					}
				}
			}()
		}
		follow(0, "A")
		follow(1, "A")
		follow(2, "B")
		synctest.Wait()
		check := func(step string, want [3]int32) {
			t.Helper()
			synctest.Wait()
			for i := range woken {
				if got := woken[i].Load(); got != want[i] {
					t.Errorf("%s: follower %d woken %d times, want %d", step, i, got, want[i])
				}
			}
		}
		check("nothing committed", [3]int32{0, 0, 0})
		h.notify([]string{"C"})
		check("commit for a team nobody follows", [3]int32{0, 0, 0})
		h.notify([]string{"A"})
		check("commit for A", [3]int32{1, 1, 0})
		h.notify([]string{"A", "B", "A"})
		check("commit for A and B", [3]int32{2, 2, 1})
		if n := h.waiters(); n != 2 {
			t.Errorf("%d teams have a channel, want 2 (A and B, followed)", n)
		}
		h.notifyAll()
		check("notifyAll", [3]int32{3, 3, 2})
		h.close()
		check("close", [3]int32{4, 4, 3})
		select {
		case <-h.wait("D"):
		default:
			t.Error("wait after close returned an open channel")
		}
	})
}

// closed reports whether close was called.
func (h *feedHub) closed() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.isClosed
}

// waiters is how many teams have a channel.
func (h *feedHub) waiters() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.waiting)
}
