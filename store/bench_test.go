package store_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
)

// BenchmarkSaveDecisionParallel measures durable saves under concurrency, the
// case group commit exists for (docs/architecture.md, Targets), on each backend.
// decisions/commit is the mean batch size.
func BenchmarkSaveDecisionParallel(b *testing.B) {
	backends := []struct {
		name string
		make func(testing.TB) *backend
	}{
		{"sqlite", newSQLiteBackend},
		{"postgres", newPostgresBackend},
	}
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) {
			for _, perProc := range []int{1, 8, 32} {
				b.Run(fmt.Sprintf("goroutines_per_proc=%d", perProc), func(b *testing.B) {
					d, f := civilCase("bench")
					benchWriter(b, be.make(b), perProc, func(s store.Store, _ int64, dd *triagev1.Decision, ff *triagev1.Filing) error {
						return s.SaveDecision(context.Background(), dd, ff)
					}, d, f)
				})
			}
		})
	}
}

// BenchmarkSaveTriageParallel measures SaveTriage with a draw among three
// teams: the decision, its assignment and their audit rows in one
// transaction, with team_load read and updated under the chain lock.
func BenchmarkSaveTriageParallel(b *testing.B) {
	backends := []struct {
		name string
		make func(testing.TB) *backend
	}{
		{"sqlite", newSQLiteBackend},
		{"postgres", newPostgresBackend},
	}
	teams := []store.TeamSlot{{TeamID: "A", Capacity: 1 << 40}, {TeamID: "B", Capacity: 1 << 40}, {TeamID: "C", Capacity: 1 << 40}}
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) {
			for _, perProc := range []int{1, 32} {
				b.Run(fmt.Sprintf("goroutines_per_proc=%d", perProc), func(b *testing.B) {
					d, f := civilCase("bench")
					benchSaveTriage(b, be.make(b), perProc, d, f, teams)
				})
			}
		})
	}
}

// benchSaveTriage runs SaveTriage of copies of d and f, drawing among
// teams (benchWriter).
func benchSaveTriage(b *testing.B, be *backend, perProc int, d *triagev1.Decision, f *triagev1.Filing, teams []store.TeamSlot) {
	benchWriter(b, be, perProc, func(s store.Store, n int64, dd *triagev1.Decision, ff *triagev1.Filing) error {
		return s.SaveTriage(context.Background(), dd, ff, plan(uint64(n), teams...))
	}, d, f)
}

// benchWriter runs save from perProc goroutines per CPU on a store opened
// on be, each call with a copy of d under a new id, for a copy of f under a
// new filing id (the store takes one decision per filing), and the call's
// number (from 1), and reports the writer's figures.
func benchWriter(b *testing.B, be *backend, perProc int, save func(s store.Store, n int64, d *triagev1.Decision, f *triagev1.Filing) error, d *triagev1.Decision, f *triagev1.Filing) {
	reg := prometheus.NewRegistry()
	s := be.open(b, store.Options{Registerer: reg})
	var next atomic.Int64
	b.SetParallelism(perProc)
	b.ReportAllocs()
	busy0, cpu0, writes0 := store.WriterBusy(s)
	pg0 := postgresWriterCPU(s)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			n := next.Add(1)
			dd, ff := proto.CloneOf(d), proto.CloneOf(f)
			dd.DecisionId = benchID(b)
			ff.Id = f.GetId() + "-" + strconv.FormatInt(n, 10)
			dd.FilingId = ff.Id
			if err := save(s, n, dd, ff); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.StopTimer()
	reportWriter(b, reg, s, busy0, cpu0, writes0)
	reportPostgresWriter(b, s, pg0, writes0)
}

// reportWriter adds the group-commit figures to a benchmark's line: the mean
// batch size, and the writer's serial time per write (docs/performance.md),
// the part of a decision's cost that does not shrink with more cores: wall
// clock (fsync waits included, and inflated when other processes hold the
// cores) and the writer thread's own CPU time (neither).
func reportWriter(b *testing.B, reg *prometheus.Registry, s store.Store, busy0, cpu0 time.Duration, writes0 int64) {
	if commits := value(b, reg, "fenjian_store_commit_batch_size_count"); commits > 0 {
		b.ReportMetric(value(b, reg, "fenjian_store_commit_batch_size_sum")/commits, "decisions/commit")
	}
	busy, cpu, writes := store.WriterBusy(s)
	if n := writes - writes0; n > 0 {
		b.ReportMetric(float64((busy-busy0).Microseconds())/float64(n), "writer-µs/decision")
		b.ReportMetric(float64((cpu-cpu0).Microseconds())/float64(n), "writer-cpu-µs/decision")
		b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "decisions/s")
	}
}

// postgresWriterCPU is the CPU time of the PostgreSQL backend serving s's
// writer, read from /proc/PID/schedstat; 0 for SQLite, or when the server
// is not on this machine (or /proc is not Linux's).
func postgresWriterCPU(s store.Store) time.Duration {
	pid, ok := store.PostgresWriterPID(s)
	if !ok {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/schedstat", pid))
	if err != nil {
		return 0
	}
	ns, err := strconv.ParseInt(strings.Fields(string(b))[0], 10, 64)
	if err != nil {
		return 0
	}
	return time.Duration(ns)
}

// reportPostgresWriter adds pg-cpu-µs/decision: the CPU the PostgreSQL
// backend serving the writer spent per write since cpu0 (postgresWriterCPU).
// On the server's machine it is the other half of the writer's serial time:
// the backend inserts the batch's rows, compresses its blobs, checks its
// foreign keys and flushes its WAL while the writer waits, and holds the
// audit chain's lock meanwhile (docs/performance.md).
func reportPostgresWriter(b *testing.B, s store.Store, cpu0 time.Duration, writes0 int64) {
	if cpu0 == 0 {
		return
	}
	cpu := postgresWriterCPU(s)
	_, _, writes := store.WriterBusy(s)
	if n := writes - writes0; n > 0 && cpu > cpu0 {
		b.ReportMetric(float64((cpu-cpu0).Microseconds())/float64(n), "pg-cpu-µs/decision")
	}
}

// benchID is a decision id as the server makes them (server/service.go): a
// UUIDv7, so ids arrive in about the order of their B-tree index, as in
// production. Ids like "dec-17" land all over the index and dirty a leaf
// page (a WAL frame) per decision, a cost production does not have.
func benchID(b *testing.B) string {
	id, err := uuid.NewV7()
	if err != nil {
		b.Fatal(err)
	}
	return id.String()
}
