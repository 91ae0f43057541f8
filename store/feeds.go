package store

import (
	"slices"
	"sync"
)

// feedHub is the change signal behind TeamChanges: for each team that has a
// follower waiting, a channel that is closed, and forgotten, after the next
// commit that puts a row on the team's feed (an assignment to the team, or
// of one of its cases away from it). A follower takes its team's channel,
// reads what is new, then waits for the channel to close; taking it before
// reading means no commit can slip in between unnoticed.
//
// Only the teams a commit touched are woken, and a team nobody follows has
// no channel at all: a thousand idle feeds cost a thousand parked
// goroutines and nothing per commit. On PostgreSQL the commits of other
// replicas arrive through LISTEN/NOTIFY (postgresListener) and wake the same
// channels.
type feedHub struct {
	mu       sync.Mutex
	waiting  map[string]chan struct{}
	isClosed bool
}

func newFeedHub() *feedHub { return &feedHub{waiting: map[string]chan struct{}{}} }

// closedChan is what wait returns once the hub is closed.
var closedChan = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// wait returns the channel the next commit touching team's feed closes.
func (h *feedHub) wait(team string) <-chan struct{} {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.isClosed {
		return closedChan
	}
	ch, ok := h.waiting[team]
	if !ok {
		ch = make(chan struct{})
		h.waiting[team] = ch
	}
	return ch
}

// notify wakes the followers of teams.
func (h *feedHub) notify(teams []string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, t := range teams {
		if ch, ok := h.waiting[t]; ok {
			close(ch)
			delete(h.waiting, t)
		}
	}
}

// notifyAll wakes every follower, to read again from its cursor: for when
// commits may have been made unseen (a LISTEN connection that was lost).
func (h *feedHub) notifyAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for t, ch := range h.waiting {
		close(ch)
		delete(h.waiting, t)
	}
}

// close wakes every follower for good: they find the store closed.
func (h *feedHub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.isClosed {
		return
	}
	h.isClosed = true
	for t, ch := range h.waiting {
		close(ch)
		delete(h.waiting, t)
	}
}

// feedTeams returns the teams whose feeds reqs' committed rows touched,
// each once.
func feedTeams(reqs []*saveRequest) []string {
	var teams []string
	for _, req := range reqs {
		if req.rejected != nil {
			continue
		}
		for _, t := range req.feedTeams {
			if !slices.Contains(teams, t) {
				teams = append(teams, t)
			}
		}
	}
	return teams
}
