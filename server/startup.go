package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
)

// Startup is the HTTP listener (/healthz, /readyz, /metrics) serving from
// before the rest of the server exists: triaged binds it before it opens
// and migrates the store, which for a large store takes minutes
// (docs/operations.md, "Startup and long migrations"). Meanwhile /healthz
// answers 200, so a Kubernetes startup probe does not kill a process that
// is migrating (killed, the migration's transaction rolls back and the next
// start begins it again), and /readyz answers 503 saying what the start is
// doing (SetStarting). Run takes the listener over (Config.Startup) and
// reports SERVING once gRPC listens too.
type Startup struct {
	health *Health
	srv    *http.Server
	lis    net.Listener
	served chan error // Serve's result, once

	closeOnce sync.Once
}

// StartHTTP binds addr and serves the HTTP endpoints of g and a new Health
// (its metrics registered with reg), NOT_SERVING, until Run takes it over or
// Close.
func StartHTTP(ctx context.Context, addr string, g prometheus.Gatherer, reg prometheus.Registerer, logger *slog.Logger) (*Startup, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	health := NewHealth()
	if err := health.Register(reg); err != nil {
		return nil, err
	}
	var lc net.ListenConfig
	lis, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen HTTP on %q: %w", addr, err)
	}
	s := &Startup{
		health: health,
		srv:    newHTTPServer(NewHTTPHandler(g, health, logger), logger),
		lis:    lis,
		served: make(chan error, 1),
	}
	go func() {
		err := s.srv.Serve(lis)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		s.served <- err
	}()
	return s, nil
}

// Addr is the bound address.
func (s *Startup) Addr() net.Addr { return s.lis.Addr() }

// SetStarting says what the start is doing, for /readyz (Health.SetStarting).
func (s *Startup) SetStarting(what string) { s.health.SetStarting(what) }

// Close stops serving at once: for a start that fails before Run; harmless
// after Run, which has shut the server down.
func (s *Startup) Close() {
	s.closeOnce.Do(func() { _ = s.srv.Close() })
}

// wait returns Serve's error once it has stopped (nil after a shutdown).
func (s *Startup) wait() error {
	if err := <-s.served; err != nil {
		return fmt.Errorf("serve HTTP: %w", err)
	}
	return nil
}
