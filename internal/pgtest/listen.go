package pgtest

import (
	"net"
	"sync"
	"testing"
)

// Listen listens on a loopback port and runs serve on each connection
// accepted there, in its own goroutine, until the test ends; then it
// closes the listener, calls closeAll (which closes the connections serve
// holds, so that the serve calls return) and waits for every serve call.
// The relays in front of PostgreSQL (CommitCutter, the store tests' round
// trip counter) are built on it.
func Listen(t testing.TB, serve func(net.Conn), closeAll func()) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Go(func() { serve(c) })
		}
	})
	t.Cleanup(func() {
		_ = ln.Close()
		closeAll()
		wg.Wait()
	})
	return ln
}
