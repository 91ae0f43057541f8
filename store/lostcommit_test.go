package store_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fenjian/fenjian/store"
)

// commitCutter is a TCP relay in front of PostgreSQL that, once armed,
// cuts the first connection whose client sends COMMIT: the fault a
// PostgreSQL restart under load makes (outside check 27), where the server
// may commit a transaction and then terminate the session before its
// answer leaves. A real server restart cannot be timed to fall between a
// COMMIT and its answer in a test; this cut can.
type commitCutter struct {
	ln     net.Listener
	target string
	// mode: "after" forwards the COMMIT and drops every answer to it, then
	// closes both sides; "before" closes both sides without forwarding it;
	// "after-down" is "after", then refuses connections for 2 s (a
	// server that crashed after committing, not back yet).
	mode string
	// downUntil: connections are closed at accept until then.
	downUntil atomic.Int64
	armed     atomic.Bool
	cut       atomic.Int32

	mu    sync.Mutex
	conns []net.Conn
}

func startCommitCutter(t *testing.T, target, mode string) *commitCutter {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &commitCutter{ln: ln, target: target, mode: mode}
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Go(func() { p.serve(c) })
		}
	})
	t.Cleanup(func() {
		_ = ln.Close()
		p.mu.Lock()
		for _, c := range p.conns {
			_ = c.Close()
		}
		p.mu.Unlock()
		wg.Wait()
	})
	return p
}

func (p *commitCutter) serve(client net.Conn) {
	if time.Now().UnixNano() < p.downUntil.Load() {
		_ = client.Close()
		return
	}
	server, err := net.Dial("tcp", p.target)
	if err != nil {
		_ = client.Close()
		return
	}
	p.mu.Lock()
	p.conns = append(p.conns, client, server)
	p.mu.Unlock()
	var mute atomic.Bool // answers are dropped from the cut on
	closeBoth := func() { _ = client.Close(); _ = server.Close() }
	go func() {
		defer closeBoth()
		buf := make([]byte, 64<<10)
		for {
			n, err := client.Read(buf)
			if n > 0 {
				cut := p.armed.Load() && sendsCommit(buf[:n]) && p.armed.CompareAndSwap(true, false)
				if cut {
					p.cut.Add(1)
					mute.Store(true)
					if p.mode == "before" {
						return
					}
				}
				if _, werr := server.Write(buf[:n]); werr != nil {
					return
				}
				if cut {
					// Let the server run the COMMIT, its answer going
					// nowhere, then end the session as a restart does.
					time.Sleep(300 * time.Millisecond)
					if p.mode == "after-down" {
						// Every session ends, as in a crash.
						p.downUntil.Store(time.Now().Add(2 * time.Second).UnixNano())
						p.mu.Lock()
						for _, c := range p.conns {
							_ = c.Close()
						}
						p.mu.Unlock()
					}
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	defer closeBoth()
	buf := make([]byte, 64<<10)
	for {
		n, err := server.Read(buf)
		if n > 0 && !mute.Load() {
			if _, werr := client.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// commitStatement is the name pgx gives the prepared COMMIT it sends from
// the second time on (its statement cache: "stmtcache_" and the first 24
// bytes of the SQL's SHA-256, pgx v5 internal/stmtcache.StatementName).
var commitStatement = func() []byte {
	d := sha256.Sum256([]byte("COMMIT"))
	return []byte("stmtcache_" + hex.EncodeToString(d[:24]))
}()

// sendsCommit reports whether a chunk the client sent runs COMMIT: its text
// (the first time) or its prepared statement's name.
func sendsCommit(b []byte) bool {
	return bytes.Contains(b, []byte("COMMIT\x00")) || bytes.Contains(b, commitStatement)
}

// TestLostCommitAnswer: a Triage's decision whose COMMIT reached
// PostgreSQL but whose answer was lost with the connection was stored while
// the caller was told UNAVAILABLE, "the decision could not be stored" (in a
// PostgreSQL restart under load, 1 of 399 failed calls; outside check 27).
// The writer now reads back whether the transaction committed: committed,
// the save succeeds; not committed (the COMMIT never arrived), it fails
// with ErrUnavailable and nothing is stored; not learned (the database gone
// for longer than store.LostCommitReadBack), it fails with ErrUnavailable
// and ErrCommitUnknown, which the server answers saying the decision may be
// stored. Real PostgreSQL; the fault is a relay cutting the writer's
// connection at its COMMIT.
func TestLostCommitAnswer(t *testing.T) {
	readBack := store.LostCommitReadBack
	store.LostCommitReadBack = 500 * time.Millisecond
	t.Cleanup(func() { store.LostCommitReadBack = readBack })
	for _, tc := range []struct {
		mode    string
		stored  bool
		unknown bool
	}{
		{"after", true, false},
		{"before", false, false},
		{"after-down", true, true},
	} {
		t.Run("cut="+tc.mode, func(t *testing.T) {
			be := newPostgresBackend(t)
			u, err := url.Parse(be.target)
			if err != nil {
				t.Fatal(err)
			}
			relay := startCommitCutter(t, u.Host, tc.mode)
			via := *u
			via.Host = relay.ln.Addr().String()
			ctx := context.Background()
			s, err := store.Open(ctx, via.String(), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := save(ctx, s, "1"); err != nil { // the pools are up
				t.Fatal(err)
			}

			relay.armed.Store(true)
			err = save(ctx, s, "2")
			if relay.cut.Load() != 1 {
				t.Fatalf("the relay cut %d connections at COMMIT, want 1", relay.cut.Load())
			}
			if tc.unknown {
				time.Sleep(2 * time.Second) // the database back
			}
			_, getErr := s.GetDecision(ctx, "dec-2")
			switch {
			case tc.unknown && (!errors.Is(err, store.ErrUnavailable) || !errors.Is(err, store.ErrCommitUnknown)):
				t.Errorf("COMMIT ran, its answer lost, the database gone: SaveDecision = %v, want ErrUnavailable and ErrCommitUnknown", err)
			case tc.unknown && getErr != nil:
				t.Errorf("COMMIT ran, its answer lost, the database gone: GetDecision = %v, want the decision stored", getErr)
			case tc.unknown:
			case tc.stored && err != nil:
				t.Errorf("COMMIT ran, its answer lost: SaveDecision = %v, want nil (the decision is stored: GetDecision = %v)", err, getErr)
			case tc.stored && getErr != nil:
				t.Errorf("COMMIT ran, its answer lost: SaveDecision = nil but GetDecision = %v", getErr)
			case !tc.stored && (!errors.Is(err, store.ErrUnavailable) || errors.Is(err, store.ErrCommitUnknown)):
				t.Errorf("COMMIT never sent: SaveDecision = %v, want ErrUnavailable (not ErrCommitUnknown: the read-back says it did not commit)", err)
			case !tc.stored && !errors.Is(getErr, store.ErrNotFound):
				t.Errorf("COMMIT never sent: GetDecision = %v, want ErrNotFound", getErr)
			}
			// The writer goes on with a new connection, the chain intact.
			if err := save(ctx, s, "3"); err != nil {
				t.Fatalf("save after the cut: %v", err)
			}
			rep, err := s.VerifyAudit(ctx)
			if err != nil || !rep.OK {
				t.Fatalf("audit after the cut = %+v, %v", rep, err)
			}
		})
	}
}
