package store_test

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"sync"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/store"
)

// tripCounter is a TCP proxy in front of PostgreSQL that counts round trips
// as the wire sees them: a round trip begins each time a client sends after
// its server has answered (or sends first). Pipelined statements sent in one
// go count once; a statement that waits for the previous one's answer counts
// again, whatever the driver calls it.
type tripCounter struct {
	ln     net.Listener
	target string

	mu    sync.Mutex
	trips int
	conns []net.Conn
}

func startTripCounter(t testing.TB, target string) *tripCounter {
	t.Helper()
	p := &tripCounter{target: target}
	p.ln = pgtest.Listen(t, p.serve, func() {
		p.mu.Lock()
		for _, c := range p.conns {
			_ = c.Close()
		}
		p.mu.Unlock()
	})
	return p
}

// serve relays one connection, counting its round trips.
func (p *tripCounter) serve(client net.Conn) {
	server, err := net.Dial("tcp", p.target)
	if err != nil {
		_ = client.Close()
		return
	}
	p.mu.Lock()
	p.conns = append(p.conns, client, server)
	p.mu.Unlock()
	// answered: the server has sent something since the client last did.
	var connMu sync.Mutex
	answered := true
	relay := func(dst, src net.Conn, fromClient bool) {
		defer func() { _ = dst.Close(); _ = src.Close() }()
		buf := make([]byte, 64<<10)
		for {
			n, err := src.Read(buf)
			if n > 0 {
				connMu.Lock()
				if fromClient && answered {
					p.mu.Lock()
					p.trips++
					p.mu.Unlock()
				}
				answered = !fromClient
				connMu.Unlock()
				if _, werr := dst.Write(buf[:n]); werr != nil {
					return
				}
			}
			if err != nil {
				return // EOF or a closed connection: the relay is done
			}
		}
	}
	go relay(server, client, true)
	relay(client, server, false)
}

func (p *tripCounter) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.trips
}

// viaProxy returns dsn, a postgres:// URL, pointed at the proxy.
func (p *tripCounter) viaProxy(t testing.TB, dsn string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.Host = p.ln.Addr().String()
	return u.String()
}

// commits returns how many transactions the writer has committed or tried,
// from the batch-size histogram.
func commits(t testing.TB, reg *prometheus.Registry) uint64 {
	t.Helper()
	return uint64(value(t, reg, "fenjian_store_commit_batch_size_count"))
}

// TestPostgresRoundTripsPerBatch holds the PostgreSQL writer to its round
// trips per transaction, counted on the wire: a decision with a team drawn
// (the hot path: head lock, team_load read and written, decision,
// assignment, audit rows, NOTIFY) and a plain decision, one per
// transaction and many per transaction. A change that adds a round trip to
// every batch fails here.
func TestPostgresRoundTripsPerBatch(t *testing.T) {
	be := newPostgresBackend(t)
	u, err := url.Parse(be.target)
	if err != nil {
		t.Fatal(err)
	}
	proxy := startTripCounter(t, u.Host)
	reg := prometheus.NewRegistry()
	s, err := store.Open(context.Background(), proxy.viaProxy(t, be.target), store.Options{Registerer: reg})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	teams := []store.TeamSlot{{TeamID: "A", Capacity: 1 << 40}, {TeamID: "B", Capacity: 1 << 40}, {TeamID: "C", Capacity: 1 << 40}}
	// Warm up: the first use of each statement prepares it, and the pool's
	// connections are dialled once.
	for i := range 3 {
		d, f := civilCase(fmt.Sprintf("warm-%d", i))
		if err := s.SaveTriage(context.Background(), d, f, plan(uint64(i), teams...)); err != nil {
			t.Fatal(err)
		}
		d, f = civilCase(fmt.Sprintf("warm-plain-%d", i))
		if err := s.SaveDecision(context.Background(), d, f); err != nil {
			t.Fatal(err)
		}
	}

	// One: the writer alone builds each batch on the head its last commit
	// left (postgresTx), after the warm-up's first batch read it.
	const maxTripsPerCommit = 1
	tests := []struct {
		name    string
		callers int
		save    func(ctx context.Context, id string) error
	}{
		{"triage one per commit", 1, func(ctx context.Context, id string) error {
			d, f := civilCase(id)
			return s.SaveTriage(ctx, d, f, plan(7, teams...))
		}},
		{"decision one per commit", 1, func(ctx context.Context, id string) error {
			d, f := civilCase(id)
			return s.SaveDecision(ctx, d, f)
		}},
		{"triage batched", 16, func(ctx context.Context, id string) error {
			d, f := civilCase(id)
			return s.SaveTriage(ctx, d, f, plan(7, teams...))
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			const perCaller = 20
			trips0, commits0 := proxy.count(), commits(t, reg)
			var wg sync.WaitGroup
			errs := make(chan error, tc.callers*perCaller)
			for c := range tc.callers {
				wg.Go(func() {
					for i := range perCaller {
						errs <- tc.save(context.Background(), fmt.Sprintf("%s-%d-%d", tc.name, c, i))
					}
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Fatal(err)
				}
			}
			trips, n := proxy.count()-trips0, commits(t, reg)-commits0
			t.Logf("%d round trips for %d commits of %d writes: %.2f per commit", trips, n, tc.callers*perCaller, float64(trips)/float64(n))
			if trips > maxTripsPerCommit*int(n) {
				t.Errorf("%d round trips for %d commits; want at most %d per commit", trips, n, maxTripsPerCommit)
			}
		})
	}
}
