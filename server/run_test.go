package server

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// running is one Run lifecycle started by startRun.
type running struct {
	grpcAddr, httpAddr string
	cancel             context.CancelFunc
	done               chan struct{} // closed when Run has returned
	err                error         // Run's result, set before done closes
	logs               *syncBuffer
	reg                *prometheus.Registry
}

// startRun starts Run on 127.0.0.1:0 and waits until it serves.
func startRun(t *testing.T, cfg Config) *running {
	t.Helper()
	return startRunAt(t, "127.0.0.1:0", cfg)
}

// startRunAt is startRun with gRPC on grpcAddr.
func startRunAt(t *testing.T, grpcAddr string, cfg Config) *running {
	t.Helper()
	reg := prometheus.NewRegistry()
	cfg.Service.Registerer, cfg.Gatherer = reg, reg
	r := startRunWithRegistryAt(t, grpcAddr, cfg)
	r.reg = reg
	return r
}

// startRunWithRegistry is startRun with cfg's own Registerer and Gatherer.
func startRunWithRegistry(t *testing.T, cfg Config) *running {
	t.Helper()
	return startRunWithRegistryAt(t, "127.0.0.1:0", cfg)
}

// startRunWithRegistryAt starts Run with gRPC on grpcAddr and cfg's own
// registry; without tokens in cfg it uses the test tokens.
func startRunWithRegistryAt(t *testing.T, grpcAddr string, cfg Config) *running {
	t.Helper()
	r := &running{logs: &syncBuffer{}}
	cfg.GRPCAddr, cfg.HTTPAddr = grpcAddr, "127.0.0.1:0"
	if cfg.Security.Tokens == nil {
		cfg.Security.Tokens = testTokens(t)
	}
	cfg.Service.Logger = slog.New(slog.NewJSONHandler(r.logs, nil))
	serving := make(chan [2]string, 1)
	cfg.OnServing = func(g, h net.Addr) { serving <- [2]string{g.String(), h.String()} }

	ctx, cancel := context.WithCancel(context.Background())
	r.cancel, r.done = cancel, make(chan struct{})
	go func() {
		defer close(r.done)
		r.err = Run(ctx, cfg)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-r.done:
		case <-time.After(30 * time.Second):
			t.Error("Run did not return after cancel")
		}
	})
	select {
	case addrs := <-serving:
		r.grpcAddr, r.httpAddr = addrs[0], addrs[1]
	case <-r.done:
		t.Fatalf("Run returned before serving: %v", r.err)
	case <-time.After(20 * time.Second):
		t.Fatal("Run did not start serving")
	}
	return r
}

// stop cancels Run and returns how long it took to return, and its result.
func (r *running) stop() (time.Duration, error) {
	start := time.Now()
	r.cancel()
	select {
	case <-r.done:
		return time.Since(start), r.err
	case <-time.After(30 * time.Second):
		return time.Since(start), errors.New("Run did not return within 30s of cancel")
	}
}

func httpStatus(t *testing.T, url string) (int, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(testContext(t), http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

func TestRunServesAndShutsDownOnCancel(t *testing.T) {
	const timeout = 5 * time.Second
	st := openStore(t, tempDB(t))
	r := startRun(t, Config{Service: Options{Decider: newDecider(t), Store: st}, ShutdownTimeout: timeout})
	ctx := testContext(t)
	conn := dial(t, r.grpcAddr)

	hc := healthpb.NewHealthClient(conn)
	for _, svc := range []string{"", triageService} {
		resp, err := hc.Check(ctx, &healthpb.HealthCheckRequest{Service: svc})
		if err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
			t.Fatalf("Check(%q) = %v, %v; want SERVING", svc, resp, err)
		}
	}
	for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/metrics": 200} {
		if code, err := httpStatus(t, "http://"+r.httpAddr+path); err != nil || code != want {
			t.Errorf("GET %s = %d, %v; want %d", path, code, err, want)
		}
	}
	resp, err := triagev1.NewTriageServiceClient(conn).Triage(ctx, &triagev1.TriageRequest{Filing: validFiling()})
	if err != nil {
		t.Fatalf("Triage: %v", err)
	}
	if _, err := st.GetDecision(ctx, resp.GetDecision().GetDecisionId()); err != nil {
		t.Errorf("decision not in the store: %v", err)
	}

	// A watcher sees NOT_SERVING when shutdown begins, then hangs up as a
	// client would, so graceful stop can finish.
	watchCtx, cancelWatch := context.WithCancel(ctx)
	defer cancelWatch()
	watch, err := hc.Watch(watchCtx, &healthpb.HealthCheckRequest{})
	if err != nil {
		t.Fatalf("Watch: %v", err)
	}
	if resp, err := watch.Recv(); err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("Watch = %v, %v; want SERVING", resp, err)
	}
	// A connection that never sends a request (a client's spare keep-alive
	// dial) must not hold shutdown: net/http alone would wait 5 s for it.
	silent, err := net.Dial("tcp", r.httpAddr)
	if err != nil {
		t.Fatalf("dial HTTP: %v", err)
	}
	defer silent.Close()
	stopped := make(chan struct{})
	var runErr error
	var took time.Duration
	go func() {
		defer close(stopped)
		took, runErr = r.stop()
	}()
	if resp, err := watch.Recv(); err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_NOT_SERVING {
		t.Fatalf("Watch during shutdown = %v, %v; want NOT_SERVING", resp, err)
	}
	cancelWatch()
	<-stopped
	if runErr != nil {
		t.Fatalf("Run = %v, want nil after cancellation", runErr)
	}
	if took >= timeout {
		t.Errorf("shutdown took %v, not within the %v deadline", took, timeout)
	}

	// Both listeners are closed.
	if _, err := httpStatus(t, "http://"+r.httpAddr+"/healthz"); err == nil {
		t.Error("HTTP still answers after Run returned")
	}
	if _, err := net.DialTimeout("tcp", r.grpcAddr, time.Second); err == nil {
		t.Error("gRPC port still accepts after Run returned")
	}
	for _, want := range []string{`"msg":"serving"`, `"msg":"shutting down"`, `"msg":"stopped"`} {
		if !strings.Contains(r.logs.String(), want) {
			t.Errorf("lifecycle log lacks %s", want)
		}
	}
}

func TestRunForcesStopAtDeadline(t *testing.T) {
	const timeout = 300 * time.Millisecond
	st := &blockingStore{CaseStore: openStore(t, tempDB(t)), started: make(chan struct{})}
	r := startRun(t, Config{Service: Options{Decider: newDecider(t), Store: st}, ShutdownTimeout: timeout})
	client := triagev1.NewTriageServiceClient(dial(t, r.grpcAddr))

	callErr := make(chan error, 1)
	go func() {
		_, err := client.Triage(testContext(t), &triagev1.TriageRequest{Filing: validFiling()})
		callErr <- err
	}()
	<-st.started // a call is in flight and will not finish by itself

	took, err := r.stop()
	if err != nil {
		t.Fatalf("Run = %v", err)
	}
	if took < timeout || took > timeout+5*time.Second {
		t.Errorf("Run returned after %v, want just after the %v deadline", took, timeout)
	}
	err = <-callErr
	if c := status.Code(err); c == codes.OK {
		t.Errorf("in-flight call succeeded although it was cut off")
	}
	if !strings.Contains(r.logs.String(), "stopping forcibly") {
		t.Errorf("no forced-stop log: %s", r.logs.String())
	}
}

func TestRunFailsOnBusyAddress(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	st := openStore(t, tempDB(t))
	for _, tt := range []struct{ name, grpcAddr, httpAddr string }{
		{"grpc", busy.Addr().String(), "127.0.0.1:0"},
		{"http", "127.0.0.1:0", busy.Addr().String()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			reg := prometheus.NewRegistry()
			err := Run(testContext(t), Config{
				GRPCAddr: tt.grpcAddr, HTTPAddr: tt.httpAddr,
				Service: Options{Decider: newDecider(t), Store: st, Registerer: reg}, Gatherer: reg,
			})
			if err == nil || !strings.Contains(err.Error(), "listen") {
				t.Errorf("Run = %v, want a listen error", err)
			}
		})
	}
	if err := Run(testContext(t), Config{Service: Options{Decider: newDecider(t), Store: st}}); err == nil {
		t.Error("Run without a registry: no error")
	}
}

// TestDecisionSurvivesRestart triages through one Run, stops it and closes
// the store, then reads the decision back through a new Run on a reopened
// store over the same file.
func TestDecisionSurvivesRestart(t *testing.T) {
	path := tempDB(t)
	ctx := testContext(t)

	st1 := openStore(t, path)
	r1 := startRun(t, Config{Service: Options{Decider: newDecider(t), Store: st1}})
	resp, err := triagev1.NewTriageServiceClient(dial(t, r1.grpcAddr)).Triage(ctx, &triagev1.TriageRequest{Filing: validFiling()})
	if err != nil {
		t.Fatalf("Triage: %v", err)
	}
	want := resp.GetDecision()
	if _, err := r1.stop(); err != nil {
		t.Fatalf("first Run: %v", err)
	}
	if err := st1.Close(); err != nil {
		t.Fatalf("close store: %v", err)
	}

	st2 := openStore(t, path)
	r2 := startRun(t, Config{Service: Options{Decider: newDecider(t), Store: st2}})
	got, err := triagev1.NewTriageServiceClient(dial(t, r2.grpcAddr)).GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: want.GetDecisionId()})
	if err != nil {
		t.Fatalf("GetDecision after restart: %v", err)
	}
	if diff := cmp.Diff(want, got.GetDecision(), protocmp.Transform()); diff != "" {
		t.Errorf("decision changed across restart (-before +after):\n%s", diff)
	}
	if _, err := r2.stop(); err != nil {
		t.Fatalf("second Run: %v", err)
	}
}
