package store_test

import (
	"fmt"
	"testing"

	"github.com/fenjian/fenjian/store"
)

// BenchmarkPostgresSaveTriageServed is BenchmarkSaveTriageParallel on
// PostgreSQL with the decision triaged serves the bench
// (testdata/served_decision.txtpb and served_filing.txtpb, bench/load.go's
// filing with its ~800-character statement) instead of civilCase: blobs
// large enough for PostgreSQL to compress and, before migration 12, to
// store out of line, so pg-cpu-µs/decision is what the backend spends per
// stored decision as `go run ./bench` makes it spend it, without the load
// generator and gRPC around it (docs/performance.md). At 8 goroutines per
// CPU its batches are about the size `go run ./bench` makes at 32 callers
// (13–15 decisions per commit), where the per-commit work is a larger share.
func BenchmarkPostgresSaveTriageServed(b *testing.B) {
	// The team the bench's filing is eligible for, with room for any run.
	teams := []store.TeamSlot{{TeamID: "civil-fast-general", Capacity: 1 << 40}}
	for _, perProc := range []int{1, 8, 32} {
		b.Run(fmt.Sprintf("goroutines_per_proc=%d", perProc), func(b *testing.B) {
			d, f := store.ServedCase(b)
			benchSaveTriage(b, newPostgresBackend(b), perProc, d, f, teams)
		})
	}
}
