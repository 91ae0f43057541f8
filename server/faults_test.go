//go:build unix

package server

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/store"
)

// burstFilings are the filings the fault tests send in turn: cases for
// several teams, so that the draws spread over the teams' capacities.
var burstFilings = []func(id string) *triagev1.Filing{
	loanFiling, reviewTextFiling, divorceFiling, constructionFiling, adminFiling,
	func(id string) *triagev1.Filing { return criminalFiling(id, true) },
}

// call is one Triage call of a burst and what came of it.
type call struct {
	filing *triagev1.Filing
	d      *triagev1.Decision // when OK
	code   codes.Code
	start  time.Time
	took   time.Duration
}

// TestPostgresOutage stops a throwaway PostgreSQL server under a running
// fenjian server that is triaging from several clients, then starts it again
// (docs/architecture.md, Targets): while the database is down every call fails promptly with
// UNAVAILABLE, Triage and the case workflow's calls alike, and an open team
// feed ends with UNAVAILABLE; no call that returned OK lacks its record;
// once the database is back the same server, not restarted, serves again,
// and the feed resumed with its last cursor misses nothing. "fast" is a
// clean database shutdown, "immediate" a crash.
func TestPostgresOutage(t *testing.T) {
	for _, mode := range []string{"fast", "immediate"} {
		t.Run("stop="+mode, func(t *testing.T) {
			t.Parallel()
			c := pgtest.StartCluster(t)
			st, err := store.OpenPostgres(context.Background(), c.URL(), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = st.Close() })
			r := startRun(t, Config{Service: Options{Decider: newDecider(t), Store: st, Teams: defaultTeams(t)}})
			client := triagev1.NewTriageServiceClient(dial(t, r.grpcAddr))
			ctx := testContext(t)
			const team = "civil-fast-general"
			f := watch(t, client, team, "")

			load := startOutageLoad(client)
			if !waitFor(30*time.Second, func() bool { return load.okCount.Load() >= 60 }) {
				t.Fatalf("only %d calls succeeded before the outage", load.okCount.Load())
			}
			known := load.knownSmallClaims()
			if known == nil {
				t.Fatal("no small-claims decision before the outage")
			}

			c.Stop(mode)
			down := time.Now()
			probeUnavailable(t, ctx, client, known, team)
			seen := drainFeedUntilUnavailable(t, f)
			time.Sleep(300 * time.Millisecond) // the load keeps failing meanwhile
			load.stop()
			calls := load.calls

			c.Start()
			after := triageAfterRecovery(t, ctx, client)

			// No call that returned OK lacks its record; every failure was
			// UNAVAILABLE and prompt.
			ok, failedDown, slowest := checkOutageCalls(t, ctx, client, append(calls, after...), down)
			if failedDown == 0 {
				t.Error("no call failed while the database was down")
			}
			if slowest > 10*time.Second {
				t.Errorf("a failing call took %v, want failures within seconds", slowest)
			}
			nfeed := checkResumedFeed(t, client, st, team, seen)
			verifyAudit(t, st)
			t.Logf("%d calls: %d OK, %d failed with UNAVAILABLE while the database was down (slowest failure %v); feed of %d",
				len(calls)+len(after), ok, failedDown, slowest.Round(time.Millisecond), nfeed)
		})
	}
}

// outageLoad is the Triage load TestPostgresOutage keeps up across the
// outage: six clients calling in turn until stopped, every call recorded.
type outageLoad struct {
	mu       sync.Mutex
	calls    []call
	okCount  atomic.Int64
	seq      atomic.Int64
	stopLoad chan struct{}
	wg       sync.WaitGroup
}

// startOutageLoad starts six goroutines that triage burstFilings through
// client until stop is called, recording each call in load.calls.
func startOutageLoad(client triagev1.TriageServiceClient) *outageLoad {
	l := &outageLoad{stopLoad: make(chan struct{})}
	for range 6 {
		l.wg.Go(func() {
			for {
				select {
				case <-l.stopLoad:
					return
				default:
				}
				n := l.seq.Add(1)
				fl := burstFilings[n%int64(len(burstFilings))](fmt.Sprintf("out-%d", n))
				// A generous deadline: promptness is asserted on the
				// measured time, not by cutting calls short.
				cctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				start := time.Now()
				resp, err := client.Triage(cctx, &triagev1.TriageRequest{Filing: fl})
				cancel()
				l.mu.Lock()
				l.calls = append(l.calls, call{fl, resp.GetDecision(), status.Code(err), start, time.Since(start)})
				l.mu.Unlock()
				if err == nil {
					l.okCount.Add(1)
				} else {
					time.Sleep(5 * time.Millisecond) // no hot loop while the database is down
				}
			}
		})
	}
	return l
}

// knownSmallClaims returns the first small-claims decision not under review
// that the load got so far, or nil.
func (l *outageLoad) knownSmallClaims() *triagev1.Decision {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, cl := range l.calls {
		if cl.code == codes.OK && cl.d.GetRecommended() == smallClaims && !cl.d.GetNeedsReview() {
			return cl.d
		}
	}
	return nil
}

// stop ends the load and waits for its calls to finish.
func (l *outageLoad) stop() {
	close(l.stopLoad)
	l.wg.Wait()
}

// probeUnavailable checks every RPC of the service, with the database down,
// fails promptly with UNAVAILABLE and a message that leaks nothing.
func probeUnavailable(t *testing.T, ctx context.Context, client triagev1.TriageServiceClient, known *triagev1.Decision, team string) {
	t.Helper()
	// Every RPC of the service fails promptly with UNAVAILABLE.
	probes := []struct {
		name string
		call func() error
	}{
		{"Triage", func() error {
			_, err := client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("probe")})
			return err
		}},
		{"GetDecision", func() error {
			_, err := client.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: known.GetDecisionId()})
			return err
		}},
		{"RecordOutcome", func() error {
			_, err := client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(known, confirmed, smallClaims, "2024-03-06")})
			return err
		}},
		{"AssignCase", func() error {
			_, err := client.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: known.GetDecisionId(), TeamId: "civil-trial-1", DesignatedBy: "p-1", Reason: "回避"})
			return err
		}},
		{"WatchAssignments", func() error {
			return watchErr(t, client, &triagev1.WatchAssignmentsRequest{TeamId: team}).Err()
		}},
	}
	for _, p := range probes {
		start := time.Now()
		err := p.call()
		if took := time.Since(start); status.Code(err) != codes.Unavailable || took > 10*time.Second {
			t.Errorf("%s with the database down: %v after %v, want UNAVAILABLE promptly", p.name, err, took)
		}
		mustNotLeak(t, status.Convert(err).Message())
	}
}

// drainFeedUntilUnavailable reads the feed open during the outage, which
// delivers what it had and then must end with UNAVAILABLE; it returns what
// was delivered.
func drainFeedUntilUnavailable(t *testing.T, f *feed) []*triagev1.Assignment {
	t.Helper()
	// The open feed delivers what it had, then ends with UNAVAILABLE.
	var seen []*triagev1.Assignment
	for {
		a, err := f.next(15 * time.Second)
		if err != nil {
			if status.Code(err) != codes.Unavailable {
				t.Errorf("open feed during the outage ended with %v, want UNAVAILABLE", err)
			}
			break
		}
		seen = append(seen, a)
	}
	return seen
}

// triageAfterRecovery waits for the same server, not restarted, to triage
// again after the database's restart, then makes 20 concurrent Triage calls
// that must all succeed; it returns them.
func triageAfterRecovery(t *testing.T, ctx context.Context, client triagev1.TriageServiceClient) []call {
	t.Helper()
	// The same server, not restarted, serves again.
	if !waitFor(30*time.Second, func() bool {
		_, err := client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("after")})
		return err == nil
	}) {
		t.Fatal("Triage did not succeed within 30s of the database's restart")
	}
	var rwg sync.WaitGroup
	after := make([]call, 20)
	for i := range after {
		rwg.Go(func() {
			fl := burstFilings[i%len(burstFilings)](fmt.Sprintf("rec-%d", i))
			resp, err := client.Triage(ctx, &triagev1.TriageRequest{Filing: fl})
			after[i] = call{filing: fl, d: resp.GetDecision(), code: status.Code(err)}
			if err != nil {
				t.Errorf("Triage after recovery: %v", err)
			}
		})
	}
	rwg.Wait()
	return after
}

// checkOutageCalls checks every call that returned OK has its decision
// stored as returned and every other failed with UNAVAILABLE; it returns
// the number OK, the number of failures that started once the database was
// down and the slowest failure.
func checkOutageCalls(t *testing.T, ctx context.Context, client triagev1.TriageServiceClient, calls []call, down time.Time) (ok, failedDown int, slowest time.Duration) {
	t.Helper()
	for _, cl := range calls {
		switch cl.code {
		case codes.OK:
			ok++
			got, err := client.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: cl.d.GetDecisionId()})
			if err != nil {
				t.Errorf("%s: acknowledged decision %s not stored: %v", cl.filing.GetId(), cl.d.GetDecisionId(), err)
			} else if diff := cmp.Diff(cl.d, got.GetDecision(), protocmp.Transform()); diff != "" {
				t.Errorf("%s: acknowledged decision %s not stored as returned (-returned +stored):\n%s", cl.filing.GetId(), cl.d.GetDecisionId(), diff)
			}
		case codes.Unavailable:
			if !cl.start.Before(down) {
				failedDown++
			}
			slowest = max(slowest, cl.took)
		default:
			t.Errorf("%s: Triage = %v, want OK or UNAVAILABLE", cl.filing.GetId(), cl.code)
		}
	}
	return ok, failedDown, slowest
}

// checkResumedFeed resumes team's feed after the last cursor in seen and
// checks that, with seen, it misses nothing and repeats nothing; it returns
// the length of the team's feed.
func checkResumedFeed(t *testing.T, client triagev1.TriageServiceClient, st store.Store, team string, seen []*triagev1.Assignment) int {
	t.Helper()
	// The feed, resumed after the last cursor it delivered, misses
	// nothing and repeats nothing.
	want := teamFeed(t, st, team)
	last := ""
	if len(seen) > 0 {
		last = seen[len(seen)-1].GetCursor()
	}
	f := watch(t, client, team, last)
	seen = append(seen, f.take(t, len(want)-len(seen))...)
	f.quiet(t, feedQuiet)
	f.stop()
	for i := range want {
		if !proto.Equal(seen[i], want[i]) {
			t.Fatalf("feed #%d: got %v, want %v", i, seen[i], want[i])
		}
	}
	return len(want)
}

// TestKill9DuringBurst runs the service as a real process (this test binary
// under serveEnv) on a SQLite file, fires concurrent Triage calls at it and
// kills it with SIGKILL in the middle of the burst (docs/architecture.md, Targets: a decision
// acknowledged is never lost). Reopened, the store holds every decision
// whose response arrived, exactly as returned, with its assignment in the
// team's feed, and the audit chain verifies.
func TestKill9DuringBurst(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server process")
	}
	path := tempDB(t)
	p := startServeProcess(t, path)
	cmd, stderr, wait, target := p.cmd, p.stderr, p.wait, p.addr
	client := triagev1.NewTriageServiceClient(dial(t, target))

	const workers, killAfter = 8, 200
	var (
		mu           sync.Mutex
		acked        []call
		failedBefore []error
		afterKill    atomic.Int64 // calls that ended after the kill: answered or not
		count        atomic.Int64
		killed       = make(chan struct{})
		wg           sync.WaitGroup
	)
	kill := func() {
		// Marked first, so that no worker takes the failure of its call
		// for a failure before the kill.
		close(killed)
		// SIGKILL: no deferred function, no Close, no graceful stop.
		if err := cmd.Process.Kill(); err != nil {
			t.Errorf("kill: %v", err)
		}
	}
	safety := time.AfterFunc(60*time.Second, func() { _ = cmd.Process.Kill() })
	defer safety.Stop()
	for w := range workers {
		wg.Go(func() {
			for i := 0; ; i++ {
				select {
				case <-killed:
					return
				default:
				}
				fl := burstFilings[(w+i)%len(burstFilings)](fmt.Sprintf("k-%d-%d", w, i))
				cctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
				resp, err := client.Triage(cctx, &triagev1.TriageRequest{Filing: fl})
				cancel()
				wasKilled := false
				select {
				case <-killed:
					wasKilled = true
					afterKill.Add(1)
				default:
				}
				if err != nil {
					if !wasKilled {
						mu.Lock()
						failedBefore = append(failedBefore, fmt.Errorf("%s: %w", fl.GetId(), err))
						mu.Unlock()
						return
					}
					continue
				}
				mu.Lock()
				acked = append(acked, call{filing: fl, d: resp.GetDecision()})
				mu.Unlock()
				if count.Add(1) == killAfter {
					kill()
				}
			}
		})
	}
	wg.Wait()
	werr := wait()
	if len(failedBefore) > 0 {
		t.Fatalf("calls failed before the kill: %v\n%s", failedBefore, stderr.String())
	}
	select {
	case <-killed:
	default:
		t.Fatalf("the burst ended before the kill: %v\n%s", werr, stderr.String())
	}
	if afterKill.Load() == 0 {
		t.Errorf("no call was in flight when the server was killed: not a kill during a burst")
	}
	t.Logf("killed the server after %d acknowledgements; %d acknowledged in all, %d calls in flight at the kill (%v)",
		killAfter, len(acked), afterKill.Load(), werr)

	st := openStore(t, path)
	ctx := testContext(t)
	feeds := map[string]map[string]*triagev1.Assignment{}
	for _, cl := range acked {
		d := cl.d
		got, err := st.GetDecision(ctx, d.GetDecisionId())
		if err != nil {
			t.Errorf("acknowledged decision %s (%s) lost: %v", d.GetDecisionId(), cl.filing.GetId(), err)
			continue
		}
		if diff := cmp.Diff(d, got, protocmp.Transform()); diff != "" {
			t.Errorf("decision %s stored other than returned (-returned +stored):\n%s", d.GetDecisionId(), diff)
		}
		a := d.GetAssignment()
		if a == nil {
			continue
		}
		if feeds[a.GetTeamId()] == nil {
			feeds[a.GetTeamId()] = map[string]*triagev1.Assignment{}
			for _, x := range teamFeed(t, st, a.GetTeamId()) {
				feeds[a.GetTeamId()][x.GetAssignmentId()] = x
			}
		}
		if x := feeds[a.GetTeamId()][a.GetAssignmentId()]; !proto.Equal(x, a) {
			t.Errorf("acknowledged assignment %s of %s to %s: in the feed as %v", a.GetAssignmentId(), d.GetDecisionId(), a.GetTeamId(), x)
		}
	}
	rep, err := st.VerifyAudit(ctx)
	if err != nil || !rep.OK {
		t.Errorf("audit after the kill: %v, %v", rep, err)
	}
	t.Log(rep)
}

// serveProcess is this test binary running as a server process (serveEnv).
type serveProcess struct {
	cmd    *exec.Cmd
	stderr *syncBuffer
	// wait waits for the process to end, once, and returns how it ended.
	wait func() error
	// addr is the gRPC address it serves on.
	addr string
}

// startServeProcess starts the test binary as a server on the SQLite file
// path, with env added to its environment, and waits until it serves. The
// process is killed at the end of the test if it still runs.
func startServeProcess(t *testing.T, path string, env ...string) *serveProcess {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), serveEnv+"="+path), env...)
	p := &serveProcess{cmd: cmd, stderr: &syncBuffer{}}
	cmd.Stderr = p.stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var waitOnce sync.Once
	var waitErr error
	p.wait = func() error {
		waitOnce.Do(func() { waitErr = cmd.Wait() })
		return waitErr
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = p.wait()
	})
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if a, ok := strings.CutPrefix(sc.Text(), "serving "); ok {
				addr <- a
			}
		}
	}()
	select {
	case p.addr = <-addr:
	case <-time.After(60 * time.Second):
		t.Fatalf("server process did not start serving: %s", p.stderr.String())
	}
	return p
}

// waitFor polls cond every 50ms until it holds or d passes.
func waitFor(d time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
}
