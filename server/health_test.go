package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	reflectionpb "google.golang.org/grpc/reflection/grpc_reflection_v1"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

const triageService = "fenjian.triage.v1.TriageService"

func TestHealthTransitions(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), notServing: true})
	ctx := testContext(t)
	hc := healthpb.NewHealthClient(h.conn)

	checkAll := func(want healthpb.HealthCheckResponse_ServingStatus) {
		t.Helper()
		for _, svc := range []string{"", triageService} {
			resp, err := hc.Check(ctx, &healthpb.HealthCheckRequest{Service: svc})
			if err != nil {
				t.Fatalf("Check(%q): %v", svc, err)
			}
			if resp.GetStatus() != want {
				t.Errorf("Check(%q) = %v, want %v", svc, resp.GetStatus(), want)
			}
		}
		if got := h.health.Serving(); got != (want == healthpb.HealthCheckResponse_SERVING) {
			t.Errorf("Serving() = %v with gRPC status %v", got, want)
		}
	}
	watch, err := hc.Watch(ctx, &healthpb.HealthCheckRequest{Service: triageService})
	if err != nil {
		t.Fatalf("Watch: %v", err)
	}
	next := func(want healthpb.HealthCheckResponse_ServingStatus) {
		t.Helper()
		resp, err := watch.Recv()
		if err != nil {
			t.Fatalf("Watch.Recv: %v", err)
		}
		if resp.GetStatus() != want {
			t.Errorf("Watch: %v, want %v", resp.GetStatus(), want)
		}
	}

	next(healthpb.HealthCheckResponse_NOT_SERVING)
	checkAll(healthpb.HealthCheckResponse_NOT_SERVING)

	h.health.SetServing()
	next(healthpb.HealthCheckResponse_SERVING)
	checkAll(healthpb.HealthCheckResponse_SERVING)

	h.health.SetNotServing()
	next(healthpb.HealthCheckResponse_NOT_SERVING)
	h.health.SetServing()
	next(healthpb.HealthCheckResponse_SERVING)

	h.health.Shutdown()
	next(healthpb.HealthCheckResponse_NOT_SERVING)
	checkAll(healthpb.HealthCheckResponse_NOT_SERVING)
	h.health.SetServing() // ignored after Shutdown
	checkAll(healthpb.HealthCheckResponse_NOT_SERVING)
	// The drain: readiness is down, the process alive and serving its
	// calls, so liveness stays SERVING (a failing liveness probe would have
	// it killed mid-drain).
	if resp, err := hc.Check(ctx, &healthpb.HealthCheckRequest{Service: LivenessService}); err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Errorf("liveness after Shutdown = %v, %v; want SERVING while gRPC serves the drain", resp, err)
	}

	if _, err := hc.Check(ctx, &healthpb.HealthCheckRequest{Service: "no.such.Service"}); status.Code(err) != codes.NotFound {
		t.Errorf("Check(unknown service) = %v, want NotFound", err)
	}
}

func TestReflectionListsServices(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t))})
	stream, err := reflectionpb.NewServerReflectionClient(h.conn).ServerReflectionInfo(testContext(t))
	if err != nil {
		t.Fatalf("ServerReflectionInfo: %v", err)
	}
	if err := stream.Send(&reflectionpb.ServerReflectionRequest{
		MessageRequest: &reflectionpb.ServerReflectionRequest_ListServices{},
	}); err != nil {
		t.Fatalf("Send: %v", err)
	}
	resp, err := stream.Recv()
	if err != nil {
		t.Fatalf("Recv: %v", err)
	}
	var names []string
	for _, s := range resp.GetListServicesResponse().GetService() {
		names = append(names, s.GetName())
	}
	for _, want := range []string{triageService, "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection"} {
		if !slices.Contains(names, want) {
			t.Errorf("reflection lists %v, missing %s", names, want)
		}
	}

	// The descriptor resolves, so grpcurl can build requests.
	if err := stream.Send(&reflectionpb.ServerReflectionRequest{
		MessageRequest: &reflectionpb.ServerReflectionRequest_FileContainingSymbol{FileContainingSymbol: triageService},
	}); err != nil {
		t.Fatalf("Send: %v", err)
	}
	resp, err = stream.Recv()
	if err != nil {
		t.Fatalf("Recv: %v", err)
	}
	if len(resp.GetFileDescriptorResponse().GetFileDescriptorProto()) == 0 {
		t.Errorf("no file descriptor for %s: %v", triageService, resp)
	}
	if err := stream.CloseSend(); err != nil {
		t.Fatal(err)
	}
}

func TestHTTPEndpoints(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), notServing: true})
	web := httptest.NewServer(NewHTTPHandler(h.reg, h.health, nil))
	t.Cleanup(web.Close)

	// One Triage call so the per-call series exist.
	if _, err := h.client.Triage(testContext(t), &triagev1.TriageRequest{Filing: validFiling()}); err != nil {
		t.Fatalf("Triage: %v", err)
	}
	waitMetric(t, h.reg, "fenjian_triage_requests_total", map[string]string{"code": "OK", "case_kind": "CASE_KIND_CIVIL"}, 1)

	probe := func(method, path string, want int) string {
		t.Helper()
		req, err := http.NewRequestWithContext(testContext(t), method, web.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := web.Client().Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("%s %s: read: %v", method, path, err)
		}
		if resp.StatusCode != want {
			t.Errorf("%s %s = %d, want %d", method, path, resp.StatusCode, want)
		}
		return string(body)
	}

	probe("GET", "/healthz", http.StatusOK)
	probe("GET", "/readyz", http.StatusServiceUnavailable)
	h.health.SetServing()
	probe("GET", "/readyz", http.StatusOK)
	probe("HEAD", "/readyz", http.StatusOK)
	h.health.Shutdown()
	probe("GET", "/readyz", http.StatusServiceUnavailable)
	probe("GET", "/healthz", http.StatusOK) // alive while draining
	probe("POST", "/healthz", http.StatusMethodNotAllowed)
	probe("GET", "/debug/pprof/", http.StatusNotFound)

	metrics := probe("GET", "/metrics", http.StatusOK)
	for _, want := range []string{
		`fenjian_triage_requests_total{case_kind="CASE_KIND_CIVIL",code="OK"} 1`,
		"fenjian_triage_duration_seconds_bucket",
		`fenjian_decisions_total{case_kind=`,
		"fenjian_grpc_panics_total 0",
		`grpc_server_handled_total{grpc_code="OK",grpc_method="Triage",grpc_service="fenjian.triage.v1.TriageService",grpc_type="unary"} 1`,
		`grpc_server_handling_seconds_bucket{grpc_method="Triage"`,
		`grpc_server_started_total{grpc_method="GetDecision"`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if strings.Contains(metrics, "(2024)") || strings.Contains(metrics, "王秀英") {
		t.Error("/metrics carries a filing id or a party name")
	}
}

// TestHealthWatchSeesShutdown checks that a health watcher learns of the
// shutdown before the server stops.
func TestHealthWatchSeesShutdown(t *testing.T) {
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t))})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	watch, err := healthpb.NewHealthClient(h.conn).Watch(ctx, &healthpb.HealthCheckRequest{})
	if err != nil {
		t.Fatalf("Watch: %v", err)
	}
	if resp, err := watch.Recv(); err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("Watch: %v, %v; want SERVING", resp, err)
	}
	h.health.Shutdown()
	if resp, err := watch.Recv(); err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_NOT_SERVING {
		t.Fatalf("Watch after Shutdown: %v, %v; want NOT_SERVING", resp, err)
	}
}

// TestReadyzSaysWhy: /readyz's 503 says why the replica is out of the
// rotation: the store probe's error while it fails (a real SQLite store
// whose file was deleted under it), the start's step before SetServing,
// and the shutdown. During a store outage it said only "not ready"
// (outside check 20), so an operator curling a pod had to find the log.
func TestReadyzSaysWhy(t *testing.T) {
	for _, tt := range []struct {
		name  string
		setup func(t *testing.T, h *Health, path string)
		want  []string // in the body
	}{
		{"store probe failing", func(t *testing.T, h *Health, path string) {
			h.SetServing()
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
		}, []string{"not ready: the decision store's probe failed: ", "fenjian.db"}},
		{"starting", func(_ *testing.T, h *Health, _ string) { h.SetStarting("opening the decision store") },
			[]string{"not ready: opening the decision store\n"}},
		{"shutting down", func(_ *testing.T, h *Health, _ string) { h.SetServing(); h.Shutdown() },
			[]string{"not ready: shutting down\n"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := tempDB(t)
			st := openStore(t, db)
			h := startServer(t, deps{decider: newDecider(t), store: st, notServing: true})
			tt.setup(t, h.health, db)
			_ = h.health.CheckStore(testContext(t), st, time.Second, nil)
			web := httptest.NewServer(NewHTTPHandler(h.reg, h.health, nil))
			t.Cleanup(web.Close)
			resp, err := web.Client().Get(web.URL + "/readyz")
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != http.StatusServiceUnavailable {
				t.Errorf("/readyz = %d, want 503", resp.StatusCode)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(body), w) {
					t.Errorf("/readyz says %q, want it to contain %q", body, w)
				}
			}
			if strings.Count(string(body), "\n") != 1 {
				t.Errorf("/readyz says %q: want one line", body)
			}
		})
	}
}
