package server

import (
	"net/http"
	"sync"

	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Health is the serving state of the process, reported over grpc.health.v1
// (for the empty service name and for fenjian.triage.v1.TriageService) and
// over HTTP (/healthz and /readyz). It starts NOT_SERVING, turns SERVING when
// SetServing is called once everything is ready, and turns NOT_SERVING for good
// at Shutdown, before the servers stop, so that load balancers drain the
// instance first.
type Health struct {
	srv *health.Server

	mu       sync.Mutex
	serving  bool
	shutdown bool
}

// NewHealth returns a Health in the NOT_SERVING state.
func NewHealth() *Health {
	h := &Health{srv: health.NewServer()}
	h.set(false)
	return h
}

// SetServing reports SERVING. It has no effect after Shutdown.
func (h *Health) SetServing() { h.set(true) }

// SetNotServing reports NOT_SERVING, e.g. while a dependency is down. It has
// no effect after Shutdown.
func (h *Health) SetNotServing() { h.set(false) }

// Shutdown reports NOT_SERVING and ignores every later change; call it before
// stopping the servers.
func (h *Health) Shutdown() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.serving = false
	h.shutdown = true
	h.srv.Shutdown()
}

// Serving reports whether the process is SERVING.
func (h *Health) Serving() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.serving
}

// GRPCServer returns the grpc.health.v1 implementation to register.
func (h *Health) GRPCServer() healthpb.HealthServer { return h.srv }

func (h *Health) set(serving bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.shutdown {
		return
	}
	st := healthpb.HealthCheckResponse_NOT_SERVING
	if serving {
		st = healthpb.HealthCheckResponse_SERVING
	}
	// The whole server ("") and the triage service share one state.
	for _, name := range []string{"", triagev1.TriageService_ServiceDesc.ServiceName} {
		h.srv.SetServingStatus(name, st)
	}
	h.serving = serving
}

// livenessHandler answers /healthz: the process is alive and handling HTTP.
func (h *Health) livenessHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte("ok\n"))
	})
}

// readinessHandler answers /readyz: 200 only while SERVING, else 503.
func (h *Health) readinessHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if !h.Serving() {
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte("not ready\n"))
			return
		}
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte("ready\n"))
	})
}
