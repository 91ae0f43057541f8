package server

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sync/errgroup"
	"google.golang.org/grpc"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/checkpoint"
	"github.com/fenjian/fenjian/internal/logattr"
	"github.com/fenjian/fenjian/internal/loopback"
)

// DefaultShutdownTimeout is the shutdown deadline when Config leaves it zero.
const DefaultShutdownTimeout = 15 * time.Second

// DefaultStoreCheckInterval is how often the store is probed when Config
// leaves StoreCheckInterval zero: readiness drops within about this long of
// the store failing.
const DefaultStoreCheckInterval = 2 * time.Second

// storeProbeTimeout bounds one probe: the interval, within 1 to 5 seconds,
// so a probe that hangs (a partition that drops packets) fails before the
// next one is due and a slow commit is not taken for a dead store.
func storeProbeTimeout(interval time.Duration) time.Duration {
	return min(max(interval, time.Second), 5*time.Second)
}

// handlerExitGrace bounds the wait for handlers to return after a forced
// stop has canceled their contexts, so Run returns within ShutdownTimeout plus
// this grace even if a handler ignores its context.
const handlerExitGrace = 2 * time.Second

// httpDrainGrace bounds the HTTP shutdown once gRPC has stopped: a scrape or
// probe in flight finishes well within it.
const httpDrainGrace = time.Second

// Config is everything Run needs. The caller owns the Service's Decider and
// Store and closes the store after Run returns. Work beside the servers
// (model reloads, shadow scoring) is the caller's to run: Run serves.
type Config struct {
	// GRPCAddr is the gRPC listen address, e.g. "127.0.0.1:50051"; port 0
	// picks a free port.
	GRPCAddr string
	// HTTPAddr is the listen address of /metrics, /healthz and /readyz,
	// unless Startup is set.
	HTTPAddr string
	// Startup, if set, is the HTTP listener already serving since before
	// the store was opened (StartHTTP): Run takes it over, with its Health,
	// instead of binding HTTPAddr, and shuts it down with gRPC. Run owns it
	// from the call on, whatever it returns.
	Startup *Startup
	// ShutdownTimeout bounds the graceful shutdown of both servers together;
	// calls still running when it expires are cut off. Zero means
	// DefaultShutdownTimeout.
	ShutdownTimeout time.Duration
	// ShutdownDelay is how long the server goes on serving, reporting
	// NOT_SERVING, once its context is canceled and before the shutdown
	// (ShutdownTimeout) begins: the time load balancers and Kubernetes
	// endpoints take to stop sending it new calls. Zero stops at once.
	ShutdownDelay time.Duration

	// Service are the dependencies of the TriageService (see Options).
	// Its Registerer is required here: it receives every metric of the
	// server. Its Logger also receives the lifecycle records.
	Service Options
	// Gatherer is what /metrics exposes, usually the same
	// *prometheus.Registry as Service.Registerer; required.
	Gatherer prometheus.Gatherer
	// Admin, if set, is served as fenjian.triage.v1.AdminService.
	Admin triagev1.AdminServiceServer

	// Checkpointer, if set, signs the audit chain's head outside the
	// database every CheckpointInterval and once more after the servers
	// have stopped. A failure is logged, never fatal: the chain still
	// records, and the next checkpoint tries again.
	Checkpointer       interface{ Checkpoint(context.Context) error }
	CheckpointInterval time.Duration

	// Security is who may call what, TLS, load shedding and rate limits.
	// Run refuses a non-loopback gRPC address without TLS unless
	// Security.Insecure is set, and on a non-loopback address admits no
	// anonymous caller, loopback peers included.
	Security Security

	// StoreCheckInterval is how often readiness probes the store (when
	// Service.Store has a Probe method, as store.Store does): NOT_SERVING
	// while the probe fails. Zero means DefaultStoreCheckInterval; negative
	// disables the check.
	StoreCheckInterval time.Duration

	// OnServing, if set, is called once both listeners are bound and health
	// is SERVING, with the bound addresses (useful with port 0).
	OnServing func(grpcAddr, httpAddr net.Addr)
}

// Run serves gRPC and HTTP until ctx is done or a server fails. It binds both
// listeners, reports SERVING, and on ctx cancellation (or a server failure)
// reports NOT_SERVING, stops gRPC gracefully (then forcibly once
// ShutdownTimeout has passed) and shuts HTTP down within the same deadline.
// When Run returns, no handler is using Decider or Store any more (unless one
// ignored its canceled context for more than two seconds after the forced
// stop), so the caller can close the store. It returns nil after a shutdown caused by ctx, or the first
// server error.
func Run(ctx context.Context, cfg Config) error {
	if cfg.Service.Registerer == nil || cfg.Gatherer == nil {
		return errors.New("run: Service.Registerer and Gatherer are required")
	}
	if cfg.Service.Logger == nil {
		cfg.Service.Logger = slog.New(slog.DiscardHandler)
	}
	logger, reg := cfg.Service.Logger, cfg.Service.Registerer
	timeout := cfg.ShutdownTimeout
	if timeout <= 0 {
		timeout = DefaultShutdownTimeout
	}

	early := cfg.Startup
	if early != nil {
		// Closed on every early return; after the shutdown below, harmless.
		defer early.Close()
	}
	if early == nil {
		// Bound now, served at once: NOT_SERVING until gRPC listens too.
		var err error
		if early, err = StartHTTP(ctx, cfg.HTTPAddr, cfg.Gatherer, reg, logger); err != nil {
			return fmt.Errorf("run: %w", err)
		}
		defer early.Close()
	}
	health, httpSrv, httpLis := early.health, early.srv, early.lis
	if cfg.Service.StoreGate == nil {
		// Stored writes are refused while the probe below finds the
		// store down (health.go); without a probe, never.
		cfg.Service.StoreGate = health
	}
	svc, err := NewService(cfg.Service)
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}
	conns, err := newConnLimiter(cfg.Security.MaxConnections, reg)
	if err != nil {
		return fmt.Errorf("run: register connection metrics: %w", err)
	}
	cfg.Security.beyondLoopback = beyondLoopback(cfg.GRPCAddr)
	grpcSrv, err := NewGRPCServer(svc, health, GRPCOptions{Logger: logger, Registerer: reg, Admin: cfg.Admin, Security: cfg.Security})
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}
	insecureGauge, watchTLS, err := listenerMetrics(reg, cfg.Security.TLS)
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}

	var lc net.ListenConfig
	grpcLis, err := lc.Listen(ctx, "tcp", cfg.GRPCAddr)
	if err != nil {
		return fmt.Errorf("run: listen gRPC on %q: %w", cfg.GRPCAddr, err)
	}
	if cfg.Security.TLS.Config == nil && !isLoopback(grpcLis.Addr()) {
		if !cfg.Security.Insecure {
			_ = grpcLis.Close()
			return fmt.Errorf("run: gRPC address %s is not loopback and has no TLS: give -tls-cert and -tls-key, or -insecure if TLS ends in front of this server", grpcLis.Addr())
		}
		insecureGauge.Set(1)
		logger.Warn("gRPC listens without TLS on a non-loopback address (-insecure): tokens and case data cross the network in clear unless a proxy encrypts them",
			slog.String("grpc_addr", grpcLis.Addr().String()))
	}

	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		// Serve returns nil once Stop or GracefulStop is called.
		if err := grpcSrv.Serve(conns.listener(grpcLis)); err != nil {
			return fmt.Errorf("serve gRPC: %w", err)
		}
		return nil
	})
	g.Go(early.wait)
	g.Go(func() error {
		<-gctx.Done()
		if ctx.Err() != nil { // asked to stop, not a listener failing
			drain(logger, health, cfg.ShutdownDelay)
		}
		// Team feeds last until their clients leave: end them, or the
		// graceful stop would wait for them until its deadline.
		svc.StopFeeds()
		shutdown(logger, health, grpcSrv, httpSrv, timeout)
		return nil
	})
	// The TLS files are checked on a ticker as well as on handshakes: a
	// renewal (and the expiry gauge) must not wait for a client to connect.
	g.Go(func() error { watchTLS(gctx); return nil })
	var checkpoints *prometheus.CounterVec
	if cfg.Checkpointer != nil {
		if checkpoints, err = newCheckpointCounter(reg); err != nil {
			return fmt.Errorf("run: %w", err)
		}
	}
	if cfg.Checkpointer != nil && cfg.CheckpointInterval > 0 {
		g.Go(func() error {
			t := time.NewTicker(cfg.CheckpointInterval)
			defer t.Stop()
			for {
				select {
				case <-gctx.Done():
					return nil
				case <-t.C:
					checkpointOnce(gctx, logger, cfg.Checkpointer, checkpoints)
				}
			}
		})
	}
	watchStore(gctx, g, health, cfg, logger)

	// Both listeners are bound: calls queue in the backlog until Serve
	// accepts them, so the server can report SERVING now.
	health.SetServing()
	logger.Info("serving",
		slog.String("grpc_addr", grpcLis.Addr().String()),
		slog.String("http_addr", httpLis.Addr().String()))
	if cfg.OnServing != nil {
		cfg.OnServing(grpcLis.Addr(), httpLis.Addr())
	}

	werr := g.Wait()
	if cfg.Checkpointer != nil {
		// No call writes any more: this checkpoint holds the final head.
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		checkpointOnce(cctx, logger, cfg.Checkpointer, checkpoints)
		cancel()
	}
	if werr != nil {
		return fmt.Errorf("run: %w", werr)
	}
	logger.Info("stopped")
	return nil
}

// watchStore starts the store's probe in g when cfg's store has one and
// the check is not disabled. Readiness, and the refusal of stored writes,
// follow the store's write path (health.go). The first probe runs before
// it returns, before SERVING is reported, so a replica whose store is down
// at start never enters the rotation.
func watchStore(ctx context.Context, g *errgroup.Group, health *Health, cfg Config, logger *slog.Logger) {
	prober, _ := cfg.Service.Store.(StoreProber)
	interval := cmp.Or(cfg.StoreCheckInterval, DefaultStoreCheckInterval)
	if prober == nil || interval <= 0 {
		return
	}
	health.mu.Lock()
	health.retryAfter = interval // told to writes refused by the first probe
	health.mu.Unlock()
	health.confirmStore(ctx, prober, storeProbeTimeout(interval), logger)
	g.Go(func() error {
		health.WatchStore(ctx, prober, interval, storeProbeTimeout(interval), logger)
		return nil
	})
}

// listenerMetrics registers the gRPC listener's metrics with reg: whether it
// is plaintext on a non-loopback address, and those of its TLS files, with
// the check of the files Run runs (TLSConfig.watcher).
func listenerMetrics(reg prometheus.Registerer, tlsCfg TLSConfig) (prometheus.Gauge, func(context.Context), error) {
	insecure := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "fenjian_grpc_insecure_listener",
		Help: "1 when gRPC listens without TLS on a non-loopback address (-insecure).",
	})
	if err := reg.Register(insecure); err != nil {
		return nil, nil, fmt.Errorf("register listener metric: %w", err)
	}
	watchTLS, err := tlsCfg.watcher(reg)
	if err != nil {
		return nil, nil, fmt.Errorf("register TLS metrics: %w", err)
	}
	return insecure, watchTLS, nil
}

// Results of fenjian_audit_checkpoints_total.
const (
	checkpointOK      = "ok"      // signed and written, or the head had not moved
	checkpointFailed  = "failed"  // not written: the store or the directory failed
	checkpointRefused = "refused" // not signed: the chain does not extend the last checkpoint
)

// newCheckpointCounter registers fenjian_audit_checkpoints_total with every
// result at 0: the alerts take its increase, which a series born at its
// first failure (at 1) would never show.
func newCheckpointCounter(reg prometheus.Registerer) (*prometheus.CounterVec, error) {
	c := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "fenjian_audit_checkpoints_total",
		Help: "Audit checkpoints attempted (-checkpoint-dir), by result: ok, failed (the store or the directory), refused (the chain does not extend the last checkpoint).",
	}, []string{"result"})
	for _, r := range []string{checkpointOK, checkpointFailed, checkpointRefused} {
		c.WithLabelValues(r)
	}
	if err := reg.Register(c); err != nil {
		return nil, fmt.Errorf("register audit checkpoint metrics: %w", err)
	}
	return c, nil
}

// checkpointOnce writes one audit checkpoint, logging a failure and counting
// every attempt by result. A failure was a log line only: a checkpoint
// directory that had become unwritable (outside check) or a chain rewritten
// under the server, which is what the checkpoints are there to catch, left
// no metric to alert on.
func checkpointOnce(ctx context.Context, logger *slog.Logger, c interface{ Checkpoint(context.Context) error }, counts *prometheus.CounterVec) {
	err := c.Checkpoint(ctx)
	switch {
	case err == nil:
		counts.WithLabelValues(checkpointOK).Inc()
	case errors.Is(err, checkpoint.ErrRefused):
		counts.WithLabelValues(checkpointRefused).Inc()
		logger.Error("audit checkpoint refused", slog.String("error", err.Error()))
	default:
		counts.WithLabelValues(checkpointFailed).Inc()
		logger.Error("audit checkpoint failed", slog.String("error", err.Error()))
	}
}

// isLoopback reports whether a bound address is on a loopback interface
// only (0.0.0.0 and :: are every interface, not loopback).
// beyondLoopback says whether the gRPC address addr is not a loopback one.
// A loopback peer of a server listening beyond loopback is a tunnel
// (kubectl port-forward, a sidecar), not a local user: no anonymous caller
// there (Security.beyondLoopback). An address that does not parse counts as
// beyond: net.Listen reads "" as every interface.
func beyondLoopback(addr string) bool {
	onLoopback, err := loopback.Host(addr)
	return err != nil || !onLoopback
}

func isLoopback(a net.Addr) bool {
	ta, ok := a.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

// drain reports NOT_SERVING and goes on serving for delay: a load balancer
// or a Kubernetes endpoint update takes that long to stop routing new calls
// here, and a call routed here once the listener has closed fails. Team
// feeds go on too, so their clients do not reconnect here meanwhile.
func drain(logger *slog.Logger, health *Health, delay time.Duration) {
	if delay <= 0 {
		return
	}
	health.Shutdown()
	logger.Info("draining: NOT_SERVING, still serving until the shutdown delay has passed", logattr.Seconds("delay", delay))
	time.Sleep(delay)
}

// shutdown drains the servers: NOT_SERVING first, then a graceful gRPC stop
// that turns forcible at the deadline, then the HTTP shutdown within what is
// left of the same deadline (HTTP keeps /metrics and /readyz up while gRPC
// drains).
func shutdown(logger *slog.Logger, health *Health, grpcSrv *grpc.Server, httpSrv *http.Server, timeout time.Duration) {
	start := time.Now()
	logger.Info("shutting down", logattr.Seconds("timeout", timeout))
	health.Shutdown()

	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()

	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		grpcSrv.GracefulStop()
	}()
	select {
	case <-stopped:
	case <-ctx.Done():
		logger.Warn("gRPC graceful stop exceeded the shutdown timeout; stopping forcibly")
		grpcSrv.Stop() // closes every connection, canceling the calls' contexts
		// GracefulStop returns once the canceled handlers have returned;
		// one that ignores its context must not hold the process.
		select {
		case <-stopped:
		case <-time.After(handlerExitGrace):
			logger.Error("gRPC handlers still running after the forced stop; continuing shutdown",
				logattr.Seconds("waited", handlerExitGrace))
		}
	}

	// net/http's Shutdown waits up to 5 s for a connection that has not yet
	// sent its first request (a client's spare keep-alive dial, a probe that
	// connected late); health, readiness and metrics answer in milliseconds,
	// so HTTP gets httpDrainGrace of what is left and is then closed.
	httpCtx, httpCancel := context.WithTimeout(ctx, httpDrainGrace)
	defer httpCancel()
	if err := httpSrv.Shutdown(httpCtx); err != nil {
		logger.Info("HTTP connections left open at shutdown; closing them", slog.String("error", err.Error()))
		_ = httpSrv.Close()
	}
	logger.Info("servers stopped", logattr.Seconds("duration", time.Since(start)))
}
