// Command bench measures fenjian from outside, the way a client sees it: it
// builds triaged from this repository, starts it on loopback with a fresh
// SQLite file and (when reachable) a fresh PostgreSQL schema, and drives
// health checks, dry-run Triage and stored Triage at several numbers of
// concurrent callers over one connection, then stored Triage at a fixed
// open-loop rate. Before that it runs the in-process benchmarks of the
// targets (Decide's latency, the store writer's time per decision) with
// `go test -bench`. It prints Markdown tables (docs/performance.md).
//
// With -faults it instead runs stored load through faults: triaged killed
// with SIGKILL and restarted, PostgreSQL (a private cluster) stopped and
// restarted, a corrupted model and a broken rules file pushed, the SQLite
// store's file system filled. It counts the requests sent, acknowledged and
// stored and the errors by code: an acknowledged decision missing from the
// store is lost, and must not exist.
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
