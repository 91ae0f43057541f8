package server

import (
	"sync"
	"time"
)

// fairPool bounds places held per identity (perKey) and on the whole server
// (max), and when the server's are all taken gives a place to an identity
// holding fewer than the one holding the most by taking back that one's
// newest place. So a few colluding identities can fill the server, but
// never keep out an identity that holds fewer places than they do: a team
// lead opening their one feed always gets a place, at the cost of the
// newest place of whoever holds the most.
//
// It bounds the team feeds whose request has not arrived (tap): bounded
// per identity only, N identities held N × MaxTeamFeedsPerCaller of them,
// each an HTTP/2 stream, a goroutine and about 11 KB for up to the request
// arrival timeout, with nothing server-wide to stop them (outside check
// 27). A place taken back is one whose holder had not sent its request
// when it should have at once, so it is the one ended.
type fairPool struct {
	mu      sync.Mutex
	max     int
	perKey  int
	total   int
	held    map[string][]*fairPlace
	evicted func() // counts a place taken back; may be nil
}

// fairPlace is one place held; evict ends its holder and reports whether it
// did (false once the holder no longer waits: it is about to give the place
// back itself).
type fairPlace struct {
	key      string
	evict    func() bool
	released bool
	// since is when the place was taken.
	since time.Time
}

// poolRefusal says why acquire refused a place.
type poolRefusal int

const (
	poolGranted poolRefusal = iota
	poolKeyFull             // the identity holds perKey places
	poolFull                // the server's are taken, none by an identity holding more
)

func newFairPool(max, perKey int, evicted func()) *fairPool {
	return &fairPool{max: max, perKey: perKey, held: map[string][]*fairPlace{}, evicted: evicted}
}

// acquire takes a place for key, or says why it cannot. evict ends the
// place's holder should the place be taken back for another identity.
// release gives the place back; it does nothing after the first call, or
// once the place was taken back.
func (p *fairPool) acquire(key string, evict func() bool) (release func(), why poolRefusal) {
	p.mu.Lock()
	defer p.mu.Unlock()
	mine := len(p.held[key])
	if mine >= p.perKey {
		return nil, poolKeyFull
	}
	if p.total >= p.max {
		victim := p.heaviest(key)
		// Only an identity holding more places than the caller gives one
		// up: between equals the newcomer is refused. Two identities one
		// place apart may take one back and forth, each time at the cost
		// of a stream of their own; the places held stay at max.
		if victim == "" || len(p.held[victim]) <= mine {
			return nil, poolFull
		}
		places := p.held[victim]
		newest := places[len(places)-1]
		if !newest.evict() {
			// Its request is arriving: it gives its place back itself.
			return nil, poolFull
		}
		p.remove(newest)
		if p.evicted != nil {
			p.evicted()
		}
	}
	pl := &fairPlace{key: key, evict: evict, since: time.Now()}
	p.held[key] = append(p.held[key], pl)
	p.total++
	return func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.remove(pl)
	}, poolGranted
}

// heaviest is the identity other than key holding the most places ("" when
// none does); ties go to the name first in order, so the choice does not
// depend on map order. Called with p.mu held; at most max identities hold
// places.
func (p *fairPool) heaviest(key string) string {
	best, n := "", 0
	for k, places := range p.held {
		if k != key && (len(places) > n || len(places) == n && k < best) {
			best, n = k, len(places)
		}
	}
	return best
}

// remove gives pl back, once. Called with p.mu held.
func (p *fairPool) remove(pl *fairPlace) {
	if pl.released {
		return
	}
	pl.released = true
	places := p.held[pl.key]
	for i, q := range places {
		if q == pl {
			places = append(places[:i], places[i+1:]...)
			break
		}
	}
	if len(places) == 0 {
		delete(p.held, pl.key)
	} else {
		p.held[pl.key] = places
	}
	p.total--
}

// oldest is when the longest-held place of key was taken, or of any
// identity when key is ""; the zero time when there is none.
func (p *fairPool) oldest(key string) time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	var first time.Time
	for k, places := range p.held {
		if key != "" && k != key {
			continue
		}
		// An identity's places are in the order taken: its first is its
		// oldest.
		if len(places) > 0 && (first.IsZero() || places[0].since.Before(first)) {
			first = places[0].since
		}
	}
	return first
}

// size is the places held now.
func (p *fairPool) size() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.total
}
