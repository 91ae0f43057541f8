package server

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestRunEndsFeedsOnShutdown stops a server with team feeds open: a feed
// lasts until its client leaves, so unless the server ends it the graceful
// stop waits for it until the deadline and then cuts every call off. The
// feeds end with UNAVAILABLE (reconnect with the last cursor) and the stop
// is prompt.
func TestRunEndsFeedsOnShutdown(t *testing.T) {
	const timeout = 10 * time.Second
	st := openStore(t, tempDB(t))
	r := startRun(t, Config{Service: Options{Decider: newDecider(t), Store: st, Teams: defaultTeams(t)}, ShutdownTimeout: timeout})
	client := triagev1.NewTriageServiceClient(dial(t, r.grpcAddr))
	ctx := testContext(t)
	d := triageOK(t, ctx, client, loanFiling("s-1"))
	feeds := []*feed{watch(t, client, "civil-fast-general", ""), watch(t, client, "family", "")}
	if a := feeds[0].take(t, 1)[0]; a.GetDecisionId() != d.GetDecisionId() {
		t.Fatalf("feed delivered %v", a)
	}
	feeds[1].quiet(t, 100*time.Millisecond) // open and waiting

	took, err := r.stop()
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if took > timeout/2 {
		t.Errorf("shutdown with open feeds took %v (deadline %v): the feeds held the graceful stop", took, timeout)
	}
	for _, f := range feeds {
		_, err := f.next(5 * time.Second)
		if st := status.Convert(err); st.Code() != codes.Unavailable || st.Message() != msgFeedsStopped {
			t.Errorf("feed ended with %v, want UNAVAILABLE %q", err, msgFeedsStopped)
		}
	}
}

// TestStopFeedsRefusesNewFeeds: after StopFeeds a new feed is refused with
// UNAVAILABLE at once, while the other calls still work (they drain).
func TestStopFeedsRefusesNewFeeds(t *testing.T) {
	st := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
	h.svc.StopFeeds()
	h.svc.StopFeeds() // twice is harmless
	st2 := watchErr(t, h.client, &triagev1.WatchAssignmentsRequest{TeamId: "family"})
	if st2.Code() != codes.Unavailable || st2.Message() != msgFeedsStopped {
		t.Errorf("feed after StopFeeds: %v, want UNAVAILABLE %q", st2.Err(), msgFeedsStopped)
	}
	if _, err := h.client.Triage(testContext(t), &triagev1.TriageRequest{Filing: loanFiling("s-2")}); err != nil {
		t.Errorf("Triage after StopFeeds: %v", err)
	}
	// The refusal is counted and logged as what the client got.
	waitMetric(t, h.reg, "grpc_server_handled_total", map[string]string{
		"grpc_type": "server_stream", "grpc_service": "fenjian.triage.v1.TriageService", "grpc_method": "WatchAssignments", "grpc_code": "Unavailable",
	}, 1)
	if logs := h.logs.String(); !strings.Contains(logs, `"method":"WatchAssignments","code":"Unavailable"`) {
		t.Errorf("the refused feed is not logged as UNAVAILABLE:\n%s", logs)
	}
}

// TestShutdownDelay: with a ShutdownDelay the server, once asked to stop,
// reports NOT_SERVING (gRPC health, /readyz) while it still accepts new
// connections and answers calls on them, and still delivers to open team
// feeds, for the delay; then it stops as without one. Without a delay,
// Kubernetes and load balancers, which learn of the stop seconds later,
// send new calls to a closed port.
func TestShutdownDelay(t *testing.T) {
	const delay = 1500 * time.Millisecond
	st := openStore(t, tempDB(t))
	r := startRun(t, Config{Service: Options{Decider: newDecider(t), Store: st, Teams: defaultTeams(t)}, ShutdownDelay: delay})
	ctx := testContext(t)
	client := triagev1.NewTriageServiceClient(dial(t, r.grpcAddr))
	f := watch(t, client, "civil-fast-general", "")
	f.quiet(t, 100*time.Millisecond)

	stopped := make(chan time.Duration, 1)
	go func() {
		took, err := r.stop()
		if err != nil {
			t.Errorf("Run: %v", err)
		}
		stopped <- took
	}()
	if !waitFor(5*time.Second, func() bool {
		code, err := httpStatus(t, "http://"+r.httpAddr+"/readyz")
		return err == nil && code == 503
	}) {
		t.Fatal("/readyz did not answer 503 after the stop began")
	}
	// A caller that has not heard yet: a new connection, a call, health.
	late := dial(t, r.grpcAddr)
	hr, err := healthpb.NewHealthClient(late).Check(ctx, &healthpb.HealthCheckRequest{})
	if err != nil || hr.GetStatus() != healthpb.HealthCheckResponse_NOT_SERVING {
		t.Errorf("health during the shutdown delay: %v, %v; want NOT_SERVING", hr, err)
	}
	d := triageOK(t, ctx, triagev1.NewTriageServiceClient(late), loanFiling("drain-1"))
	if a := f.take(t, 1)[0]; a.GetDecisionId() != d.GetDecisionId() {
		t.Errorf("feed during the shutdown delay delivered %v, want decision %s", a, d.GetDecisionId())
	}
	select {
	case took := <-stopped:
		t.Errorf("Run returned %v after the stop, within its %v shutdown delay", took, delay)
	default:
	}
	if took := <-stopped; took < delay {
		t.Errorf("Run returned %v after the stop; want at least the %v delay", took, delay)
	}
}

// TestShutdownNotHeldByHandshakes stops a server while a connection that
// has not finished its handshake is open: grpc-go's graceful and forced
// stops both wait for such a connection, so before HandshakeTimeout one TCP
// connection that never spoke kept a SIGTERMed triaged serving for 76 s,
// past its shutdown timeout and the Deployment's grace period. The stop now
// completes within the handshake bound, gracefully, and the connection is
// closed by the server.
func TestShutdownNotHeldByHandshakes(t *testing.T) {
	const timeout = 15 * time.Second
	for _, tt := range []struct {
		name string
		sent string // what the connection sends before falling silent
	}{
		{"silent", ""},
		{"half a preface", "PRI * HTTP/2.0\r\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := openStore(t, tempDB(t))
			r := startRun(t, Config{Service: Options{Decider: newDecider(t), Store: st}, ShutdownTimeout: timeout})
			client := triagev1.NewTriageServiceClient(dial(t, r.grpcAddr))
			triageOK(t, testContext(t), client, loanFiling("handshake-1"))

			raw, err := net.Dial("tcp", r.grpcAddr)
			if err != nil {
				t.Fatalf("dial: %v", err)
			}
			defer raw.Close()
			if _, err := io.WriteString(raw, tt.sent); err != nil {
				t.Fatalf("write: %v", err)
			}
			closed := make(chan time.Duration, 1)
			start := time.Now()
			go func() {
				_, _ = io.Copy(io.Discard, raw) // until the server closes it
				closed <- time.Since(start)
			}()
			time.Sleep(100 * time.Millisecond) // accepted, handshaking

			took, err := r.stop()
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if limit := HandshakeTimeout + 2*time.Second; took > limit {
				t.Errorf("shutdown took %v with a connection handshaking; want at most %v", took, limit)
			}
			if strings.Contains(r.logs.String(), "stopping forcibly") {
				t.Errorf("the stop was forced: %s", r.logs.String())
			}
			select {
			case d := <-closed:
				if d > HandshakeTimeout+2*time.Second {
					t.Errorf("the handshaking connection was closed after %v", d)
				}
			case <-time.After(5 * time.Second):
				t.Error("the handshaking connection is still open after the server stopped")
			}
		})
	}
}

// TestMaxConnections: with MaxConnections connections open, the next one is
// closed at accept (its call UNAVAILABLE, counted in
// fenjian_grpc_connections_refused_total) and no more memory is spent on it;
// once one closes, a new connection is served. Open connections take no
// credential, and 2,000 idle ones took a running triaged from 138 MB to
// 240 MB (outside check 15).
func TestMaxConnections(t *testing.T) {
	const max = 3
	st := openStore(t, tempDB(t))
	r := startRun(t, Config{Service: Options{Decider: newDecider(t), Store: st}, Security: Security{Tokens: testTokens(t), MaxConnections: max}})
	ctx := testContext(t)
	check := func(conn *grpc.ClientConn) error {
		cctx, cancel := context.WithTimeout(ctx, 3*time.Second)
		defer cancel()
		_, err := healthpb.NewHealthClient(conn).Check(cctx, &healthpb.HealthCheckRequest{})
		return err
	}
	var open []*grpc.ClientConn
	for i := range max {
		c := dial(t, r.grpcAddr)
		if err := check(c); err != nil {
			t.Fatalf("connection %d of %d: %v", i+1, max, err)
		}
		open = append(open, c)
	}
	if got := gathered(t, r.reg, "fenjian_grpc_connections", nil); got != max {
		t.Errorf("fenjian_grpc_connections = %v, want %d", got, max)
	}
	// Raw TCP connections beyond the bound, their handshakes to come, are
	// closed at accept too: counted from the handshake's end, a client that
	// opened thousands before completing any was let in with all of them.
	raw, err := net.Dial("tcp", r.grpcAddr)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	_ = raw.SetReadDeadline(time.Now().Add(3 * time.Second))
	if n, err := raw.Read(make([]byte, 1)); err == nil || errors.Is(err, os.ErrDeadlineExceeded) {
		t.Errorf("a raw connection beyond the bound was kept open (read %d, %v)", n, err)
	}
	over := dial(t, r.grpcAddr)
	if err := check(over); status.Code(err) != codes.Unavailable {
		t.Errorf("connection %d: %v, want UNAVAILABLE", max+1, err)
	}
	if got := gathered(t, r.reg, "fenjian_grpc_connections_refused_total", nil); got < 1 {
		t.Errorf("fenjian_grpc_connections_refused_total = %v, want at least 1", got)
	}
	_ = over.Close()
	_ = open[0].Close()
	if !waitFor(5*time.Second, func() bool { return gathered(t, r.reg, "fenjian_grpc_connections", nil) == max-1 }) {
		t.Fatalf("fenjian_grpc_connections = %v after one closed, want %d", gathered(t, r.reg, "fenjian_grpc_connections", nil), max-1)
	}
	if err := check(dial(t, r.grpcAddr)); err != nil {
		t.Errorf("a connection after one closed: %v", err)
	}
}
