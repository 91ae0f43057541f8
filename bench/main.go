// Command bench measures fenjian from outside, the way a client sees it: it
// builds triaged from this repository, starts it on loopback with a fresh
// SQLite file and (when reachable) a fresh PostgreSQL schema, and drives
// health checks, dry-run Triage and stored Triage at several numbers of
// concurrent callers over one connection, then stored Triage at a fixed
// open-loop rate. It prints a Markdown table (docs/performance.md).
//
// With -faults it instead kills triaged with SIGKILL under stored load,
// restarts it on the same store and counts the requests sent, acknowledged
// and stored: an acknowledged decision missing from the store is lost, and
// must not exist.
//
//	go run ./bench                       # the table, 10 s per cell
//	go run ./bench -duration 3s -stores sqlite
//	go run ./bench -faults
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}
