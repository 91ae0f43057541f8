package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/logattr"
)

// Health is the serving state of the process, reported over grpc.health.v1
// (for the empty service name and for fenjian.triage.v1.TriageService) and
// over HTTP (/healthz and /readyz). It starts NOT_SERVING, turns SERVING when
// SetServing is called once everything is ready, and turns NOT_SERVING for good
// at Shutdown, before the servers stop, so that load balancers drain the
// instance first.
//
// Between those, WatchStore keeps it truthful: SERVING needs both SetServing
// and a store whose last probe succeeded, so a replica that cannot record
// decisions leaves the load balancer's rotation within one probe interval
// and rejoins it when the store recovers.
type Health struct {
	srv *health.Server

	mu      sync.Mutex
	serving bool // what is reported
	started bool // SetServing was called (and not undone by SetNotServing)
	storeOK bool // the last store probe succeeded (true until one fails)
	// storeErr is the last failed probe's error, for /readyz to say while
	// it fails: during an outage it answered only "not ready", and an
	// operator port-forwarding to a pod had to find the log (outside
	// check 20; the store's errors carry no password, docs/operations.md).
	storeErr string
	// failStreak counts the store probes failed in a row; storeDown is
	// set at the second (WatchStore runs it at once after the first), and
	// stored writes are refused while it is (WritesRefused): one slow
	// heartbeat of a store that is in fact fine must not refuse filings,
	// and a store that failed twice running is down for a call too.
	failStreak int
	storeDown  bool
	// retryAfter is the wait a refused write is told (RetryInfo): the
	// probe interval, by which the store has been checked again.
	retryAfter time.Duration
	// recheck asks WatchStore for a probe now (Recheck).
	recheck  chan struct{}
	shutdown bool
	// starting says what the process does before SetServing (migrating
	// the store), for /readyz to answer with.
	starting string
	metrics  *healthMetrics
}

// healthMetrics export readiness and the store probe. Labels: none.
type healthMetrics struct {
	ready         prometheus.Gauge
	changes       prometheus.Counter
	storeUp       prometheus.Gauge
	probeDuration prometheus.Histogram
	probeFailures prometheus.Counter
	rechecks      prometheus.Counter
}

// LivenessService is the grpc.health.v1 service name that is SERVING for as
// long as the process serves gRPC, whatever the store's state: the target of
// a liveness probe (deploy/k8s), which must not restart replicas during a
// database outage that a restart cannot fix. Readiness probes check "" or
// the TriageService.
const LivenessService = "fenjian.Liveness"

// NewHealth returns a Health in the NOT_SERVING state.
func NewHealth() *Health {
	h := &Health{srv: health.NewServer(), storeOK: true, recheck: make(chan struct{}, 1), retryAfter: DefaultStoreCheckInterval, metrics: &healthMetrics{
		ready: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "fenjian_ready",
			Help: "1 while the process reports SERVING (gRPC health and /readyz), else 0.",
		}),
		changes: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "fenjian_readiness_changes_total",
			Help: "Changes of the reported serving state; a fast rise is readiness flapping.",
		}),
		storeUp: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "fenjian_store_up",
			Help: "1 while the last store probe (a heartbeat committed through the write path) succeeded, else 0.",
		}),
		probeDuration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "fenjian_store_probe_duration_seconds",
			Help: "Time of one store probe: a read, the chain lock and a committed heartbeat write.",
			// 100µs to ~3.3s: a local commit up to the probe's timeout.
			Buckets: prometheus.ExponentialBuckets(0.0001, 2, 16),
		}),
		probeFailures: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "fenjian_store_probe_failures_total",
			Help: "Store probes that failed or timed out.",
		}),
		rechecks: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "fenjian_store_rechecks_total",
			Help: "Store probes run before their interval because a call found the store failing (a store error, or a write refused while it is down).",
		}),
	}}
	h.metrics.storeUp.Set(1)
	h.srv.SetServingStatus(LivenessService, healthpb.HealthCheckResponse_SERVING)
	h.update()
	return h
}

// Register registers the readiness and store-probe metrics with reg.
func (h *Health) Register(reg prometheus.Registerer) error {
	m := h.metrics
	for _, c := range []prometheus.Collector{m.ready, m.changes, m.storeUp, m.probeDuration, m.probeFailures, m.rechecks} {
		if err := reg.Register(c); err != nil {
			return fmt.Errorf("register health metrics: %w", err)
		}
	}
	return nil
}

// SetServing reports SERVING while the store is up. It has no effect after
// Shutdown.
func (h *Health) SetServing() { h.setStarted(true) }

// SetStarting says what the process is doing before SetServing, for /readyz
// to answer 503 with: a replica kept out of the rotation for minutes
// should say why.
func (h *Health) SetStarting(what string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.starting = what
}

// notReady is /readyz's body while not SERVING: why, as far as Health
// knows it: shutting down, what the start is doing until SetServing, or
// the failing store probe's error.
func (h *Health) notReady() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case h.shutdown:
		return "not ready: shutting down\n"
	case !h.started && h.starting != "":
		return "not ready: " + h.starting + "\n"
	case !h.storeOK:
		return "not ready: the decision store's probe failed: " + h.storeErr + "\n"
	}
	return "not ready\n"
}

// SetNotServing reports NOT_SERVING, e.g. while a dependency is down. It has
// no effect after Shutdown.
func (h *Health) SetNotServing() { h.setStarted(false) }

// Shutdown reports NOT_SERVING for readiness ("" and the TriageService) and
// ignores every later change; call it before stopping the servers. The
// liveness service stays SERVING while gRPC still serves the drain: the
// process is alive and finishing its calls, and a liveness probe failing
// then would have it killed before they end (grpc's health.Server.Shutdown
// set every service NOT_SERVING, liveness too; outside check 9).
func (h *Health) Shutdown() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.serving {
		h.metrics.changes.Inc()
	}
	h.serving = false
	h.metrics.ready.Set(0)
	h.shutdown = true
	for _, name := range readinessServices {
		h.srv.SetServingStatus(name, healthpb.HealthCheckResponse_NOT_SERVING)
	}
}

// readinessServices are the health service names readiness answers for:
// the whole server ("") and the triage service share one state.
var readinessServices = []string{"", triagev1.TriageService_ServiceDesc.ServiceName}

// Serving reports whether the process is SERVING.
func (h *Health) Serving() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.serving
}

// GRPCServer returns the grpc.health.v1 implementation to register.
func (h *Health) GRPCServer() healthpb.HealthServer { return h.srv }

func (h *Health) setStarted(started bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.started = started
	if started {
		h.starting = "" // the start is over
	}
	h.update()
}

// setStore records the outcome of a store probe (err nil: it succeeded)
// and reports whether the store's state changed.
func (h *Health) setStore(err error) (changed bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	ok := err == nil
	changed = h.storeOK != ok
	h.storeOK = ok
	if ok {
		h.failStreak, h.storeDown = 0, false
	} else {
		h.failStreak++
		h.storeDown = h.failStreak >= storeDownAfter
	}
	h.storeErr = ""
	if err != nil {
		// One line: a driver's error may span several.
		h.storeErr = strings.Join(strings.Fields(err.Error()), " ")
	}
	if ok {
		h.metrics.storeUp.Set(1)
	} else {
		h.metrics.storeUp.Set(0)
	}
	h.update()
	return changed
}

// update reports started && storeOK; h.mu must be held. Nothing changes
// after Shutdown.
func (h *Health) update() {
	if h.shutdown {
		return
	}
	serving := h.started && h.storeOK
	st := healthpb.HealthCheckResponse_NOT_SERVING
	if serving {
		st = healthpb.HealthCheckResponse_SERVING
	}
	for _, name := range readinessServices {
		h.srv.SetServingStatus(name, st)
	}
	if serving != h.serving {
		h.metrics.changes.Inc()
	}
	h.serving = serving
	if serving {
		h.metrics.ready.Set(1)
	} else {
		h.metrics.ready.Set(0)
	}
}

// storeDownAfter is how many store probes must fail in a row before stored
// writes are refused (WritesRefused). WatchStore runs the second at once
// after the first fails, so a store that is down (connection refused, disk
// below its floor) is refused within milliseconds of the first failure, a
// hung one within a second probe timeout, and a single heartbeat that was
// slow, the store answering the next one, refuses nothing.
const storeDownAfter = 2

// minRecheckGap spaces the probes that calls ask for (Recheck): while the
// store is down every refused write asks, and a caller retrying in a loop
// must not turn the probe into a stream of connection attempts.
const minRecheckGap = 250 * time.Millisecond

// WritesRefused reports whether stored writes are to be refused without
// touching the store, and the wait to tell the caller: the last
// storeDownAfter probes failed. A refused write asks for a probe now
// (Recheck), so a store that answers again takes writes at the next call's
// probe, not at the next interval's.
func (h *Health) WritesRefused() (retryAfter time.Duration, refused bool) {
	h.mu.Lock()
	refused, retryAfter = h.storeDown, h.retryAfter
	h.mu.Unlock()
	if refused {
		h.Recheck()
	}
	return retryAfter, refused
}

// Recheck asks WatchStore to probe the store now rather than at its next
// interval, e.g. because a call failed on the store: a PostgreSQL restart
// shorter than the interval showed in readiness only if a probe fell in it.
// It never blocks; asks made while a probe is due or running are one.
// Without WatchStore running it does nothing.
func (h *Health) Recheck() {
	select {
	case h.recheck <- struct{}{}:
	default:
	}
}

// StoreProber is the store's readiness check: nil when the store can record
// (store.Store's Probe commits a heartbeat through the write path).
type StoreProber interface {
	Probe(ctx context.Context) error
}

// CheckStore runs one probe of p bounded by timeout, records its outcome
// (state, duration, failures) and logs a change of the store's state.
func (h *Health) CheckStore(ctx context.Context, p StoreProber, timeout time.Duration, logger *slog.Logger) error {
	pctx, cancel := context.WithTimeout(ctx, timeout)
	start := time.Now()
	err := p.Probe(pctx)
	cancel()
	h.metrics.probeDuration.Observe(time.Since(start).Seconds())
	if err != nil && ctx.Err() != nil {
		return err // shutting down: not the store's fault
	}
	if err != nil {
		h.metrics.probeFailures.Inc()
	}
	if h.setStore(err) && logger != nil {
		if err != nil {
			logger.Error("store probe failed; reporting NOT_SERVING until it recovers",
				slog.String("error", err.Error()), logattr.Seconds("took", time.Since(start)))
		} else {
			logger.Info("store probe succeeded again; reporting SERVING and taking stored writes")
		}
	}
	return err
}

// WatchStore probes p every interval, each probe bounded by timeout, until
// ctx is done, and drives readiness and the refusal of stored writes from
// the outcome. A probe that fails is run again at once (storeDownAfter); a
// Recheck runs one before the interval, at most one per minRecheckGap.
func (h *Health) WatchStore(ctx context.Context, p StoreProber, interval, timeout time.Duration, logger *slog.Logger) {
	h.mu.Lock()
	h.retryAfter = interval
	h.mu.Unlock()
	t := time.NewTicker(interval)
	defer t.Stop()
	var lastProbe time.Time // when the last probe ended
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-h.recheck:
			if wait := minRecheckGap - time.Since(lastProbe); wait > 0 {
				select {
				case <-ctx.Done():
					return
				case <-time.After(wait):
				}
			}
			h.metrics.rechecks.Inc()
		}
		h.confirmStore(ctx, p, timeout, logger)
		lastProbe = time.Now()
	}
}

// confirmStore runs one probe and, if it fails where the one before had
// not, a second at once: the store is down for writes only when both fail.
func (h *Health) confirmStore(ctx context.Context, p StoreProber, timeout time.Duration, logger *slog.Logger) {
	if err := h.CheckStore(ctx, p, timeout, logger); err == nil || ctx.Err() != nil {
		return
	}
	h.mu.Lock()
	confirm := !h.storeDown
	h.mu.Unlock()
	if !confirm {
		return
	}
	if err := h.CheckStore(ctx, p, timeout, logger); err != nil && ctx.Err() == nil && logger != nil {
		logger.Error("store probe failed twice running; refusing stored writes (UNAVAILABLE, STORE_UNAVAILABLE) until it answers",
			slog.String("error", err.Error()))
	}
}

// livenessHandler answers /healthz: the process is alive and handling HTTP.
func (h *Health) livenessHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte("ok\n"))
	})
}

// readinessHandler answers /readyz: 200 only while SERVING, else 503, saying
// what the start is doing if it has not finished (SetStarting).
func (h *Health) readinessHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if !h.Serving() {
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte(h.notReady()))
			return
		}
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte("ready\n"))
	})
}
