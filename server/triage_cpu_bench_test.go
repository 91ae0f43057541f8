package server

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/protobuf/encoding/prototext"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
)

// BenchmarkTriageCPU measures the CPU time a Triage call costs, dry run and
// stored, through a real gRPC server on loopback over a SQLite file, with
// 32 callers on one connection as `go run ./bench` drives triaged (issue
// 13's cell) and the bench's request (the ~800-character 民间借贷 filing of
// store/testdata/served_filing.txtpb, every team's capacity raised so each
// stored decision is routed). cpu-µs/op is this process's CPU time, user
// and system, per call: client and server, and every goroutine of the
// server (the writer, the checkpointer, the collector), which the machine's
// other load inflates far less than the wall clock. The client's share is
// the same in both modes, so stored minus dry is what the durable record
// costs (docs/performance.md). Run with a fixed count, e.g.
// -benchtime=8000x, and compare rounds with benchstat; or count
// instructions, which the machine's load does not move, with callgrind
// (GODEBUG=asyncpreemptoff=1, a CGO_ENABLED=0 test binary; the difference
// between runs of two counts, docs/performance.md).
func BenchmarkTriageCPU(b *testing.B) {
	for _, dry := range []bool{true, false} {
		name := "stored"
		if dry {
			name = "dry"
		}
		b.Run(name, func(b *testing.B) { benchTriageCPU(b, dry) })
	}
}

func benchTriageCPU(b *testing.B, dry bool) {
	// triaged's collector target (cmd/triaged, defaultGCPercent): at the
	// test binary's 100 the collector's share is larger than the server's.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	filing := servedFiling(b)
	reg := prometheus.NewRegistry()
	quiet := slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelWarn}))
	st, err := store.OpenSQLite(context.Background(), tempDB(b), store.Options{Registerer: reg})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	svc, err := NewService(Options{
		Decider:    newDecider(b),
		Store:      st,
		Logger:     quiet,
		Registerer: reg,
		Now:        func() time.Time { return fixedNow },
		Teams:      roomyTeams(b),
	})
	if err != nil {
		b.Fatal(err)
	}
	srv, err := NewGRPCServer(svc, NewHealth(), GRPCOptions{Logger: quiet, Registerer: reg, Security: testSecurity(b)})
	if err != nil {
		b.Fatal(err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	go func() { _ = srv.Serve(lis) }()
	defer srv.Stop()
	client := triagev1.NewTriageServiceClient(dial(b, lis.Addr().String()))

	prefix := fmt.Sprintf("bench-%d-", time.Now().UnixNano())
	var next atomic.Int64
	call := func() error {
		f := proto.CloneOf(filing)
		f.Id = prefix + strconv.FormatInt(next.Add(1), 10)
		_, err := client.Triage(context.Background(), &triagev1.TriageRequest{Filing: f, DryRun: dry})
		return err
	}
	for range 200 { // warm up the connection, statements, caches and stacks
		if err := call(); err != nil {
			b.Fatal(err)
		}
	}
	commits0, decisions0 := batchStat(b, reg, "_count"), batchStat(b, reg, "_sum")
	pages0 := checkpointPages(b, reg)
	const callers = 32
	var left atomic.Int64
	left.Store(int64(b.N))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := processCPU(b)
	var wg sync.WaitGroup
	for range callers {
		wg.Go(func() {
			for left.Add(-1) >= 0 {
				if err := call(); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	cpu := processCPU(b) - cpu0
	b.StopTimer()
	b.ReportMetric(float64(cpu.Nanoseconds())/1e3/float64(b.N), "cpu-µs/op")
	if !dry {
		if commits := batchStat(b, reg, "_count") - commits0; commits > 0 {
			b.ReportMetric((batchStat(b, reg, "_sum")-decisions0)/commits, "decisions/commit")
			b.ReportMetric((checkpointPages(b, reg)-pages0)/float64(b.N), "checkpoint-pages/op")
		}
	}
}

// servedFiling is the filing `go run ./bench` sends (bench/load.go), as the
// store's tests keep it.
func servedFiling(tb testing.TB) *triagev1.Filing {
	tb.Helper()
	raw, err := os.ReadFile("../store/testdata/served_filing.txtpb")
	if err != nil {
		tb.Fatal(err)
	}
	f := &triagev1.Filing{}
	if err := prototext.Unmarshal(raw, f); err != nil {
		tb.Fatal(err)
	}
	return f
}

// batchStat is the store's commit batch histogram's _count or _sum.
func batchStat(tb testing.TB, g prometheus.Gatherer, suffix string) float64 {
	tb.Helper()
	got, err := samples(g, "fenjian_store_commit_batch_size")
	if err != nil {
		tb.Fatal(err)
	}
	return got["fenjian_store_commit_batch_size"+suffix]
}

// checkpointPages is the WAL frames the store's checkpointer has copied into
// the database file (fenjian_store_checkpoint_pages_total): each one a read
// of the WAL and a write of the file, kernel time in cpu-µs/op.
func checkpointPages(tb testing.TB, g prometheus.Gatherer) float64 {
	tb.Helper()
	got, err := samples(g, "fenjian_store_checkpoint_pages_total")
	if err != nil {
		tb.Fatal(err)
	}
	return got["fenjian_store_checkpoint_pages_total"]
}
