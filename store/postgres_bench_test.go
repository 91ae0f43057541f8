package store_test

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/protobuf/encoding/prototext"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
)

// servedDecision is what triaged decided for the bench's request
// (testdata/served_decision.txtpb and served_filing.txtpb, bench/load.go's
// filing with its ~800-character statement): the shape of a stored
// decision in the throughput measurements, whose blobs are large enough
// for PostgreSQL to compress (docs/performance.md), where civilCase's are
// not.
func servedDecision(t testing.TB) (*triagev1.Decision, *triagev1.Filing) {
	t.Helper()
	d, f := &triagev1.Decision{}, &triagev1.Filing{}
	for name, m := range map[string]proto.Message{"served_decision.txtpb": d, "served_filing.txtpb": f} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if err := prototext.Unmarshal(b, m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return d, f
}

// BenchmarkPostgresSaveTriageServed is BenchmarkSaveTriageParallel on
// PostgreSQL with the decision triaged serves the bench instead of
// civilCase: what PostgreSQL's backend spends per stored decision
// (pg-cpu-µs/decision) as `go run ./bench` makes it spend it, TOAST and
// compression included, without the load generator and gRPC around it.
func BenchmarkPostgresSaveTriageServed(b *testing.B) {
	// The team the bench's filing is eligible for, with room for any run.
	teams := []store.TeamSlot{{TeamID: "civil-fast-general", Capacity: 1 << 40}}
	for _, perProc := range []int{1, 32} {
		b.Run(fmt.Sprintf("goroutines_per_proc=%d", perProc), func(b *testing.B) {
			reg := prometheus.NewRegistry()
			s := newPostgresBackend(b).open(b, store.Options{Registerer: reg})
			d, f := servedDecision(b)
			var next atomic.Int64
			b.SetParallelism(perProc)
			b.ReportAllocs()
			busy0, cpu0, writes0 := store.WriterBusy(s)
			pg0 := postgresWriterCPU(s)
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					n := next.Add(1)
					dd := proto.CloneOf(d)
					dd.DecisionId = benchID(b)
					if err := s.SaveTriage(context.Background(), dd, f, plan(uint64(n), teams...)); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.StopTimer()
			reportWriter(b, reg, s, busy0, cpu0, writes0)
			reportPostgresWriter(b, s, pg0, writes0)
		})
	}
}
