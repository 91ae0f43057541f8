package server

import "testing"

// TestFairPool: places up to perKey an identity and max on the server;
// past max, an identity holding fewer than the heaviest takes that one's
// newest place (back and forth between two one apart), and between equals
// the newcomer is refused.
func TestFairPool(t *testing.T) {
	type step struct {
		key     string
		want    poolRefusal
		evicted string // whose place was taken back, if any
		holds   bool   // the evicted place's holder had its request arriving
	}
	for _, tc := range []struct {
		name  string
		steps []step
	}{
		{"per identity", []step{{key: "a"}, {key: "a"}, {key: "a", want: poolKeyFull}}},
		{"server full, equals refused", []step{{key: "a"}, {key: "b"}, {key: "c"}, {key: "a", want: poolFull}}},
		{"newcomer takes the heaviest's newest", []step{{key: "a"}, {key: "a"}, {key: "b"}, {key: "c", evicted: "a"}, {key: "d", evicted: "a"}}},
		{"one holding fewer takes a place", []step{{key: "a"}, {key: "a"}, {key: "b"}, {key: "b", evicted: "a"}, {key: "a", evicted: "b"}}},
		{"heaviest's place arriving", []step{{key: "a"}, {key: "a"}, {key: "a", holds: true}, {key: "b", want: poolFull}}},
		{"the heaviest may not take", []step{{key: "a"}, {key: "a"}, {key: "b"}, {key: "a", want: poolKeyFull}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newFairPool(3, 2, nil)
			if tc.name == "heaviest's place arriving" {
				p = newFairPool(3, 3, nil)
			}
			var evictions []string
			for i, s := range tc.steps {
				evict := func() bool { evictions = append(evictions, s.key); return true }
				if s.holds {
					evict = func() bool { return false }
				}
				before := len(evictions)
				_, why := p.acquire(s.key, evict)
				if why != s.want {
					t.Fatalf("step %d (%s): refusal %d, want %d", i, s.key, why, s.want)
				}
				got := ""
				if len(evictions) > before {
					got = evictions[len(evictions)-1]
				}
				if got != s.evicted {
					t.Fatalf("step %d (%s): evicted %q, want %q", i, s.key, got, s.evicted)
				}
				if p.size() > p.max {
					t.Fatalf("step %d: %d places, over %d", i, p.size(), p.max)
				}
			}
		})
	}
}

// TestFairPoolRelease: a place given back twice, or after it was taken
// back, is counted once.
func TestFairPoolRelease(t *testing.T) {
	p := newFairPool(2, 2, nil)
	relA, _ := p.acquire("a", func() bool { return true })
	p.acquire("a", func() bool { return true })
	if _, why := p.acquire("b", func() bool { return true }); why != poolGranted {
		t.Fatalf("b refused: %d", why)
	}
	relA()
	relA()
	if n := p.size(); n != 1 {
		t.Fatalf("%d places after a's two given back (one taken back for b), want 1", n)
	}
}
