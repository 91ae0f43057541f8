package server

import (
	"context"
	"net"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
)

// dialFrom connects anonymously to addr from the local address ip (a
// loopback address other than 127.0.0.1 is another caller's address).
func dialFrom(t *testing.T, addr, ip string, opts ...grpc.DialOption) *grpc.ClientConn {
	t.Helper()
	conn, err := grpc.NewClient(addr, append([]grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithContextDialer(func(ctx context.Context, addr string) (net.Conn, error) {
			d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
			return d.DialContext(ctx, "tcp", addr)
		})}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	return conn
}

// TestHeldCallsEnd opens, anonymously, calls that never send their
// request. Health is open to everyone and was admitted with nothing
// bounding it: 16,000 health Checks from 16 connections held a running
// triaged at 232 MB (from 44) for as long as the connections lived, and
// 1,024 connections of 1,024 each would hold a million goroutines. With
// -max-concurrent-calls off, a unary call's request had no arrival
// timeout either (outside check 27). Now a Check must send its request
// within the request arrival timeout, at most MaxHealthChecksWaiting wait
// on the server, and one from another address takes the newest place of
// the address holding the most; every unary call has the arrival timeout,
// call limit or none.
func TestHeldCallsEnd(t *testing.T) {
	const arrival = 4 * time.Second
	t.Run("health checks", func(t *testing.T) {
		sec := testSecurity(t)
		sec.RequestArrivalTimeout = arrival
		h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t), sec: &sec})
		const extra = 16
		n := MaxHealthChecksWaiting + extra
		ended := make(chan error, n)
		desc := &grpc.StreamDesc{StreamName: "Check"}
		opened := time.Now()
		conns := []*grpc.ClientConn{dialFrom(t, h.conn.Target(), "127.0.0.1"), dialFrom(t, h.conn.Target(), "127.0.0.1")}
		for i := range n {
			s, err := conns[i%2].NewStream(t.Context(), desc, methodHealthCheck)
			if err != nil {
				t.Fatalf("open held check %d: %v", i, err)
			}
			go func() { ended <- s.RecvMsg(&healthpb.HealthCheckResponse{}) }()
		}
		var refused int
		for deadline := time.After(arrival - time.Second); refused < extra; refused++ {
			select {
			case err := <-ended:
				if status.Code(err) != codes.ResourceExhausted {
					t.Fatalf("held check ended %v after %v; want RESOURCE_EXHAUSTED", err, time.Since(opened))
				}
				checkRetryable(t, err, ReasonTooManyHealthChecks, 0)
			case <-deadline:
				t.Fatalf("%d of %d held checks past the bound refused before the arrival timeout; want %d", refused, n, extra)
			}
		}
		// Another address's Check is answered: it takes a place of
		// 127.0.0.1's.
		ctx, cancel := context.WithTimeout(t.Context(), arrival/2)
		defer cancel()
		if resp, err := healthpb.NewHealthClient(dialFrom(t, h.conn.Target(), "127.0.0.2")).Check(ctx, &healthpb.HealthCheckRequest{}); err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
			t.Errorf("a health check from another address with %d held: %v, %v; want SERVING", MaxHealthChecksWaiting, resp, err)
		}
		if v := gathered(t, h.reg, "fenjian_grpc_evicted_total", map[string]string{"call": "health_check_waiting"}); v != 1 {
			t.Errorf("fenjian_grpc_evicted_total{call=health_check_waiting} %v, want 1", v)
		}
		// Every held one ends by the arrival timeout.
		deadline := time.After(time.Until(opened.Add(arrival + 5*time.Second)))
		for range MaxHealthChecksWaiting {
			select {
			case err := <-ended:
				if status.Code(err) != codes.DeadlineExceeded {
					t.Fatalf("held check ended %v; want DEADLINE_EXCEEDED", err)
				}
			case <-deadline:
				t.Fatalf("held checks still open %v after they opened", time.Since(opened))
			}
		}
	})
	t.Run("health watch", func(t *testing.T) {
		sec := testSecurity(t)
		sec.RequestArrivalTimeout = arrival
		h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t), sec: &sec})
		conn := dialFrom(t, h.conn.Target(), "127.0.0.1")
		// One that sends its request stays open past the timeout; one
		// that does not ends DEADLINE_EXCEEDED at it.
		sent, err := healthpb.NewHealthClient(conn).Watch(t.Context(), &healthpb.HealthCheckRequest{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sent.Recv(); err != nil {
			t.Fatalf("a health watch that sent its request: %v", err)
		}
		sentEnd := make(chan error, 1)
		go func() { _, err := sent.Recv(); sentEnd <- err }()
		s, err := conn.NewStream(t.Context(), &grpc.StreamDesc{StreamName: "Watch", ServerStreams: true}, methodHealthWatch)
		if err != nil {
			t.Fatal(err)
		}
		expectArrivalTimeout(t, s, "held health watch", arrival)
		select {
		case err := <-sentEnd:
			t.Errorf("the health watch that sent its request ended: %v", err)
		default:
		}
	})
	t.Run("unary, no call limit", func(t *testing.T) {
		sec := testSecurity(t)
		sec.RequestArrivalTimeout = arrival
		sec.MaxConcurrentCalls = -1
		h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t), sec: &sec})
		s, err := dialAs(t, h.conn.Target(), testFilingToken).NewStream(t.Context(), &grpc.StreamDesc{StreamName: "Triage"}, "/fenjian.triage.v1.TriageService/Triage")
		if err != nil {
			t.Fatal(err)
		}
		expectArrivalTimeout(t, s, "held Triage with -max-concurrent-calls off", arrival)
	})
}

// expectArrivalTimeout waits for s, a call whose request was never sent, to
// end DEADLINE_EXCEEDED at the arrival timeout (with 5 s of grace).
func expectArrivalTimeout(t *testing.T, s grpc.ClientStream, what string, arrival time.Duration) {
	t.Helper()
	opened := time.Now()
	end := make(chan error, 1)
	go func() { end <- s.RecvMsg(&healthpb.HealthCheckResponse{}) }()
	select {
	case err := <-end:
		if status.Code(err) != codes.DeadlineExceeded {
			t.Errorf("%s ended %v; want DEADLINE_EXCEEDED", what, err)
		}
	case <-time.After(arrival + 5*time.Second):
		t.Errorf("%s still open %v after it opened; want DEADLINE_EXCEEDED at %v", what, time.Since(opened).Round(time.Second), arrival)
	}
}
