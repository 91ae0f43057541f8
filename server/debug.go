package server

import (
	"context"
	"errors"
	"fmt"
	"github.com/fenjian/fenjian/internal/loopback"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// debugWriteTimeout bounds a debug response. It is longer than the CPU and
// trace profiles an operator asks for (?seconds=30 is the default; pprof
// refuses a duration longer than the server's write timeout).
const debugWriteTimeout = 2 * time.Minute

// DebugServer serves net/http/pprof for profiling a running triaged
// (docs/performance.md). It has its own listener and mux: the profiles are
// never on the metrics listener, and never on http.DefaultServeMux, where
// importing net/http/pprof also registers them but which fenjian does not
// serve.
type DebugServer struct {
	srv  *http.Server
	l    net.Listener
	done chan struct{}
}

// ListenDebug starts the debug server on addr, which must be a loopback
// address (127.0.0.1:6060, [::1]:6060, localhost:6060): profiles show
// function names, goroutine stacks and heap contents. The gRPC listener's
// TLS and per-RPC roles do not cover this listener, and TLS alone would
// authenticate the server, not who asks for a heap dump, so a non-loopback
// address is refused outright, TLS or not. Reach it from elsewhere through
// an SSH tunnel or kubectl port-forward.
func ListenDebug(addr string, logger *slog.Logger) (*DebugServer, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if err := checkLoopback(addr); err != nil {
		return nil, fmt.Errorf("debug address %q: %w", addr, err)
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("debug listener: %w", err)
	}
	// localhost could resolve elsewhere; what was bound is what counts.
	if ta, ok := l.Addr().(*net.TCPAddr); !ok || !ta.IP.IsLoopback() {
		_ = l.Close()
		return nil, fmt.Errorf("debug address %q: bound %s, which is not loopback", addr, l.Addr())
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	d := &DebugServer{
		srv: &http.Server{
			Handler:           mux,
			ReadHeaderTimeout: httpReadHeaderTimeout,
			ReadTimeout:       httpReadTimeout,
			WriteTimeout:      debugWriteTimeout,
			IdleTimeout:       httpIdleTimeout,
			MaxHeaderBytes:    httpMaxHeaderBytes,
			ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
		},
		l:    l,
		done: make(chan struct{}),
	}
	go func() {
		defer close(d.done)
		if err := d.srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("debug server failed", "err", err)
		}
	}()
	logger.Info("debug server listening (net/http/pprof)", "addr", l.Addr().String())
	return d, nil
}

// Addr is the address the debug server listens on.
func (d *DebugServer) Addr() string { return d.l.Addr().String() }

// Close stops the debug server, waiting up to ctx for profiles being
// written, then cutting them off.
func (d *DebugServer) Close(ctx context.Context) error {
	err := d.srv.Shutdown(ctx)
	if err != nil {
		err = errors.Join(err, d.srv.Close())
	}
	<-d.done
	return err
}

// checkLoopback accepts host:port whose host is a loopback IP or
// "localhost"; an empty host means every interface and is refused.
func checkLoopback(addr string) error {
	ok, err := loopback.Host(addr)
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("not a loopback address; the debug server has no TLS or caller authentication, so it listens on loopback only")
	}
	return nil
}
