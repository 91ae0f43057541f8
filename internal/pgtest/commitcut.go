package pgtest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// CommitCut is how a CommitCutter cuts the connection that sends COMMIT.
type CommitCut int

const (
	// CutAfterCommit forwards the COMMIT, drops every answer to it, lets
	// the server run it, then closes both sides: the session a restart
	// terminates after its commit, before the answer leaves.
	CutAfterCommit CommitCut = iota
	// CutBeforeCommit closes both sides without forwarding the COMMIT.
	CutBeforeCommit
	// CutAfterCommitDown is CutAfterCommit, then every session of the
	// relay ends and new ones are refused for DownFor: a server that
	// crashed after committing and is not back yet.
	CutAfterCommitDown
)

// DownFor is how long a CutAfterCommitDown refuses new connections.
const DownFor = 2 * time.Second

// CommitCutter is a TCP relay in front of the test's PostgreSQL that, once
// armed, cuts the first connection whose client sends COMMIT (outside check
// 27: a PostgreSQL restart under load committed a transaction and ended its
// session before the answer left, and the caller was told UNAVAILABLE). A
// real restart cannot be timed to fall between a COMMIT and its answer in a
// test; this cut can.
type CommitCutter struct {
	ln     net.Listener
	target string
	cut    CommitCut
	armed  atomic.Bool
	cuts   atomic.Int32
	// OnCut, if set, runs once a cut COMMIT has run on the server (its
	// answer dropped), before the session is ended: another replica
	// writing then advances the chain before the writer reads back whether
	// its transaction committed. Set it before Arm.
	OnCut func()
	// downUntil: connections are closed at accept until then (UnixNano).
	downUntil atomic.Int64

	mu    sync.Mutex
	conns []net.Conn
}

// StartCommitCutter relays to the server of dsn (a postgres:// URL) and
// returns the relay and dsn pointed at it. It stops at the end of the test.
func StartCommitCutter(t testing.TB, dsn string, cut CommitCut) (*CommitCutter, string) {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	p := &CommitCutter{target: u.Host, cut: cut}
	p.ln = Listen(t, p.serve, p.closeAll)
	u.Host = p.ln.Addr().String()
	return p, u.String()
}

// Arm makes the relay cut the next connection that sends COMMIT.
func (p *CommitCutter) Arm() { p.armed.Store(true) }

// Cuts is how many connections the relay has cut.
func (p *CommitCutter) Cuts() int { return int(p.cuts.Load()) }

func (p *CommitCutter) closeAll() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		_ = c.Close()
	}
}

// commitStatement is the name pgx gives the prepared COMMIT it sends from
// the second time on (its statement cache: "stmtcache_" and the first 24
// bytes of the SQL's SHA-256, pgx v5 internal/stmtcache.StatementName).
var commitStatement = func() []byte {
	d := sha256.Sum256([]byte("COMMIT"))
	return []byte("stmtcache_" + hex.EncodeToString(d[:24]))
}()

// sendsCommit reports whether a chunk a client sent runs COMMIT: its text
// (the first time) or its prepared statement's name.
func sendsCommit(b []byte) bool {
	return bytes.Contains(b, []byte("COMMIT\x00")) || bytes.Contains(b, commitStatement)
}

func (p *CommitCutter) serve(client net.Conn) {
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
				cut := sendsCommit(buf[:n]) && p.armed.CompareAndSwap(true, false)
				if cut {
					p.cuts.Add(1)
					mute.Store(true)
					if p.cut == CutBeforeCommit {
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
					if p.OnCut != nil {
						p.OnCut()
					}
					if p.cut == CutAfterCommitDown {
						p.downUntil.Store(time.Now().Add(DownFor).UnixNano())
						p.closeAll() // every session ends, as in a crash
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
