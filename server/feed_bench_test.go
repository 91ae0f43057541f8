package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/routing"
)

// BenchmarkTriageIdleFeeds measures what open but idle team feeds cost the
// stored Triage path (issue 11.8; docs/architecture.md, Team feeds): a real
// gRPC server on loopback over a SQLite file, Triage calls from 4 clients
// routed to one team, while 0 or 2,000 WatchAssignments streams follow the
// other teams, which get nothing. It reports the Triage latency's p50 and
// p99, and the process's CPU time per second of wall clock while only the
// feeds are open (getrusage: CPU this process used, whatever else loads the
// machine), and the process's CPU time per Triage call. The feeds are
// followed from another process, as team clients are: their streams and
// goroutines are not in the measured process's heap, so what is measured is
// what the server pays for them. The target: p99
// with 2,000 idle feeds within 20% of p99 with none; on a loaded machine
// compare cpu-µs/op and idle-cpu-ms/s, which load does not inflate. Run
// with a fixed count, e.g. -benchtime=3000x.
func BenchmarkTriageIdleFeeds(b *testing.B) {
	for _, feeds := range []int{0, 2000} {
		b.Run(fmt.Sprintf("feeds=%d", feeds), func(b *testing.B) { benchIdleFeeds(b, feeds) })
	}
}

// busyTeam is the team the benchmark's Triage calls go to (loanFiling's).
const busyTeam = "civil-fast-general"

func benchIdleFeeds(b *testing.B, feeds int) {
	teams := roomyTeams(b)
	h := startServer(b, deps{decider: newDecider(b), store: openStore(b, tempDB(b)), teams: teams})
	var idle []string
	for _, t := range teams.All() {
		if t.ID != busyTeam {
			idle = append(idle, t.ID)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if feeds > 0 {
		stop := startFeedClients(b, h.conn.Target(), feeds, idle)
		defer stop()
	}
	waitFeeds(b, h.reg, feeds)

	// Idle: the feeds are open, have read their (empty) replay, and
	// nothing is committed. The gauge counts a feed before its first read,
	// and opening 2,000 streams leaves garbage: let both settle first.
	time.Sleep(2 * time.Second)
	runtime.GC()
	const idleFor = 2 * time.Second
	cpu0, wall0 := processCPU(b), time.Now()
	time.Sleep(idleFor)
	idleCPU := float64(processCPU(b)-cpu0) / float64(time.Since(wall0))

	const clients = 4
	var next atomic.Int64
	lat := make([][]time.Duration, clients)
	call := func(w int, i int64) {
		start := time.Now()
		resp, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling(fmt.Sprintf("bench-%d", i))})
		if err != nil {
			b.Errorf("Triage: %v", err)
			return
		}
		if got := resp.GetDecision().GetAssignment().GetTeamId(); got != busyTeam {
			b.Errorf("Triage assigned %q, the benchmark needs %s", got, busyTeam)
		}
		lat[w] = append(lat[w], time.Since(start))
	}
	for i := range 50 { // warm up the connection, statements and caches
		call(0, -int64(i)-1)
	}
	lat[0] = lat[0][:0]
	b.ResetTimer()
	cpuStart := processCPU(b)
	var wg sync.WaitGroup
	for w := range clients {
		wg.Go(func() {
			for i := next.Add(1); i <= int64(b.N); i = next.Add(1) {
				call(w, i)
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	// CPU per call, client and server: what the feeds add to each commit,
	// measured in CPU time, which other load on the machine does not inflate.
	b.ReportMetric(float64((processCPU(b)-cpuStart).Microseconds())/float64(b.N), "cpu-µs/op")
	all := slices.Concat(lat...)
	slices.Sort(all)
	if len(all) == 0 {
		b.Fatal("no Triage call succeeded")
	}
	q := func(p float64) float64 { return float64(all[int(p*float64(len(all)-1))].Microseconds()) }
	b.ReportMetric(q(0.50), "p50-µs")
	b.ReportMetric(q(0.99), "p99-µs")
	b.ReportMetric(idleCPU*1000, "idle-cpu-ms/s")
}

// roomyTeams is the default teams file with every capacity at the maximum,
// so that no benchmark run fills its team.
func roomyTeams(tb testing.TB) *routing.Teams {
	tb.Helper()
	var f routing.File
	if err := json.Unmarshal(routing.DefaultFile(), &f); err != nil {
		tb.Fatal(err)
	}
	for i := range f.Teams {
		f.Teams[i].Capacity = routing.MaxCapacity
	}
	return writeTeams(tb, f)
}

// waitFeeds waits until the server counts n open feeds.
func waitFeeds(tb testing.TB, g prometheus.Gatherer, n int) {
	tb.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		mfs, err := g.Gather()
		if err != nil {
			tb.Fatal(err)
		}
		var open float64
		for _, mf := range mfs {
			if mf.GetName() == "fenjian_team_feeds" {
				for _, m := range mf.GetMetric() {
					open += m.GetGauge().GetValue()
				}
			}
		}
		if int(open) == n {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("%v feeds open after 60s, want %d", open, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// processCPU is the CPU time, user and system, this process has used.
func processCPU(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// feedClientsEnv names the server address a re-run of this test binary
// follows feeds on (TestIdleFeedClients); unset in a normal test run.
const feedClientsEnv = "FENJIAN_BENCH_FEED_CLIENTS"

// startFeedClients opens n WatchAssignments streams on addr, spread over
// teams, from a child process (this test binary running TestIdleFeedClients)
// and returns the function that ends it.
func startFeedClients(tb testing.TB, addr string, n int, teams []string) (stop func()) {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestIdleFeedClients$", "-test.count=1")
	cmd.Env = append(os.Environ(), feedClientsEnv+"="+addr, fmt.Sprintf("%s_N=%d", feedClientsEnv, n), feedClientsEnv+"_TEAMS="+strings.Join(teams, ","))
	stdin, err := cmd.StdinPipe()
	if err != nil {
		tb.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		tb.Fatalf("start the feed clients: %v", err)
	}
	return func() {
		_ = stdin.Close() // the child ends when its stdin does
		if err := cmd.Wait(); err != nil {
			tb.Errorf("feed clients: %v", err)
		}
	}
}

// TestIdleFeedClients is the child process of startFeedClients: it follows
// the feeds it is told to and holds them open until its stdin closes. It is
// skipped in a normal test run.
func TestIdleFeedClients(t *testing.T) {
	addr := os.Getenv(feedClientsEnv)
	if addr == "" {
		t.Skip("the feed-client process of BenchmarkTriageIdleFeeds")
	}
	n, err := strconv.Atoi(os.Getenv(feedClientsEnv + "_N"))
	teams := strings.Split(os.Getenv(feedClientsEnv+"_TEAMS"), ",")
	if err != nil || n <= 0 || len(teams) == 0 {
		t.Fatalf("bad feed-client environment: n %q teams %q", os.Getenv(feedClientsEnv+"_N"), teams)
	}
	ctx, cancel := context.WithCancel(context.Background())
	// A connection carries at most MaxConcurrentStreams streams.
	const perConn = MaxConcurrentStreams / 2
	var conn *grpc.ClientConn
	var readers sync.WaitGroup
	for i := range n {
		if i%perConn == 0 {
			conn = dial(t, addr)
		}
		stream, err := triagev1.NewTriageServiceClient(conn).WatchAssignments(ctx, &triagev1.WatchAssignmentsRequest{TeamId: teams[i%len(teams)]})
		if err != nil {
			t.Fatalf("feed %d: %v", i, err)
		}
		readers.Go(func() {
			for {
				if _, err := stream.Recv(); err != nil {
					return
				}
			}
		})
	}
	_, _ = io.Copy(io.Discard, os.Stdin) // until the benchmark is done
	cancel()
	readers.Wait()
}
