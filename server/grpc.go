package server

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	grpcprom "github.com/grpc-ecosystem/go-grpc-middleware/providers/prometheus"
	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/grpc/reflection"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/protocodec"
)

// Message size limits. A filing is bounded by its text (at most 20,000
// characters, ≤ 80 KB of UTF-8) and a decision by its reasons, so 4 MiB leaves
// ample room while bounding the memory one message can take; the limits apply
// to every service on the server, health and reflection included.
const (
	// MaxRecvMsgSize is the largest request message the server accepts.
	MaxRecvMsgSize = 4 << 20
	// MaxSendMsgSize is the largest response message the server sends.
	MaxSendMsgSize = 4 << 20
)

// Connection limits and keepalive policy.
const (
	// MaxConcurrentStreams bounds the concurrent calls on one connection.
	MaxConcurrentStreams = 1024
	// MaxHeaderListSize bounds a call's headers, decoded (HTTP/2's measure:
	// each field's name and value plus 32 bytes). grpc-go's own default is
	// 16 MiB, and HPACK lets a client repeat a 4 KB field with one byte:
	// 150 KB sent as 20 calls of "-bin" metadata, which grpc-go
	// base64-decodes into fresh memory per field, held 300 MB in a running
	// triaged for as long as the calls stayed open. A call's own headers
	// (token, deadline, user agent, a mesh's tracing and forwarding) take
	// a few KB; grpc-java refuses more than 8 KiB by default.
	MaxHeaderListSize = 16 << 10
	// KeepaliveMinTime is the shortest client ping interval tolerated; a
	// client pinging more often is disconnected (GOAWAY "too_many_pings").
	KeepaliveMinTime = 10 * time.Second
	// KeepaliveTime is how long a connection may be idle before the server
	// pings the client to check it is still there.
	KeepaliveTime = time.Minute
	// KeepaliveTimeout is how long the server waits for that ping's ack
	// before closing the connection.
	KeepaliveTimeout = 20 * time.Second
	// HandshakeTimeout bounds a new connection's handshake: TLS and the
	// HTTP/2 preface and settings, which a gRPC client sends at once. A
	// connection still handshaking holds both GracefulStop and Stop (grpc-go
	// waits for every accepted connection to become a transport or fail
	// first), so under grpc-go's default, 120 s, one TCP connection that
	// never spoke (a port scan, a TCP health check, a hostile client) held
	// every shutdown: a triaged given SIGTERM kept serving past
	// -shutdown-timeout, its forced stop blocked too, and it stopped 76 s
	// later (outside check 15), past the Deployment's 30 s grace period,
	// where the kubelet's SIGKILL ends it with calls in flight and the
	// shutdown's audit checkpoint unwritten. It also bounds how long such a
	// connection holds a socket and a goroutine.
	HandshakeTimeout = 5 * time.Second
	// MaxConnectionIdle closes connections without calls for this long.
	MaxConnectionIdle = 15 * time.Minute
	// MaxConnectionAge is when the server asks a client (GOAWAY) to make
	// its next calls on a new connection. Behind a Kubernetes Service
	// (kube-proxy balances connections, not calls) a client's connection
	// otherwise stays on one replica for good: replicas the HPA adds get
	// none of its calls, and one whose store fails, out of the endpoints,
	// still gets them. Calls in flight, team feeds included, finish on the
	// old connection (no MaxConnectionAgeGrace).
	MaxConnectionAge = 2 * time.Minute
)

// GRPCOptions are the dependencies of NewGRPCServer.
type GRPCOptions struct {
	// Logger receives recovered panics; nil discards.
	Logger *slog.Logger
	// Registerer receives the stock gRPC server metrics (grpc_server_*) and
	// fenjian_grpc_panics_total; nil registers nothing.
	Registerer prometheus.Registerer
	// Admin, if set, is served as fenjian.triage.v1.AdminService.
	Admin triagev1.AdminServiceServer
	// Security is who may call what (authz.go). The zero value is the
	// safe default: no identities, so anonymous loopback callers may
	// triage and read decisions and nothing else is allowed.
	Security Security
	// MaxConnectionAge replaces the package's MaxConnectionAge when
	// positive (tests).
	MaxConnectionAge time.Duration
}

// NewGRPCServer builds the gRPC server: it serves svc as
// fenjian.triage.v1.TriageService, health as grpc.health.v1 and server
// reflection, with bounded message sizes, keepalive enforcement, stock gRPC
// metrics and a panic-recovery interceptor (a panic fails the call with
// INTERNAL and the process keeps serving).
func NewGRPCServer(svc triagev1.TriageServiceServer, health *Health, opts GRPCOptions) (*grpc.Server, error) {
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	grpcMetrics := grpcprom.NewServerMetrics(grpcprom.WithServerHandlingTimeHistogram(
		grpcprom.WithHistogramBuckets(prometheus.ExponentialBuckets(0.0001, 2, 16)),
	))
	panics := prometheus.NewCounter(prometheus.CounterOpts{
		Name: "fenjian_grpc_panics_total",
		Help: "gRPC calls that panicked and were recovered (answered with INTERNAL).",
	})
	rec := &recoverer{logger: logger, panics: panics}
	malformed := prometheus.NewCounter(prometheus.CounterOpts{
		Name: "fenjian_grpc_malformed_requests_total",
		Help: "Requests that were not a valid protobuf encoding of their message (answered with INVALID_ARGUMENT).",
	})
	refused := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "fenjian_grpc_refused_total",
		Help: "Calls refused by the server's own admission checks, before their handler, and open team feeds ended because a credentials reload revoked them: UNAUTHENTICATED, PERMISSION_DENIED, RESOURCE_EXHAUSTED (load shed, rate limit), DEADLINE_EXCEEDED (a unary call's or team feed's request not received within the request arrival timeout), or UNIMPLEMENTED (a method no service here defines).",
	}, []string{"code"})
	for _, c := range []codes.Code{codes.Unauthenticated, codes.PermissionDenied, codes.ResourceExhausted, codes.DeadlineExceeded, codes.Unimplemented} {
		refused.WithLabelValues(c.String())
	}
	// Shed calls are refused in the tap, before the stock interceptor sees
	// them, so no grpc_server_* series counts them; the availability SLO's
	// error ratio reads them here (deploy/prometheus/rules/fenjian.yml).
	shed := prometheus.NewCounter(prometheus.CounterOpts{
		Name: "fenjian_grpc_shed_total",
		Help: "Unary calls shed with RESOURCE_EXHAUSTED because every -max-concurrent-calls slot was taken (not a caller's -rate-limit); in no grpc_server_* metric.",
	})
	cdc := &protocodec.Codec{}
	guard := &decodeGuard{codec: cdc, logger: logger, malformed: malformed}
	authz := newAuthorizer(opts.Security, logger, refused, shed)

	serverOpts := []grpc.ServerOption{
		// Decode errors are the client's (INVALID_ARGUMENT, see codec).
		grpc.ForceServerCodecV2(cdc),
		grpc.MaxRecvMsgSize(MaxRecvMsgSize),
		grpc.MaxSendMsgSize(MaxSendMsgSize),
		grpc.MaxConcurrentStreams(MaxConcurrentStreams),
		grpc.MaxHeaderListSize(MaxHeaderListSize),
		grpc.ConnectionTimeout(HandshakeTimeout),
		grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{
			MinTime:             KeepaliveMinTime,
			PermitWithoutStream: true,
		}),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: MaxConnectionIdle,
			MaxConnectionAge:  cmp.Or(opts.MaxConnectionAge, MaxConnectionAge),
			Time:              KeepaliveTime,
			Timeout:           KeepaliveTimeout,
		}),
		// Metrics outermost, so that a recovered panic is counted with
		// its INTERNAL code; then malformed requests are answered before
		// anyone looks at them, then the caller is authorized.
		grpc.ChainUnaryInterceptor(grpcMetrics.UnaryServerInterceptor(), rec.unary, guard.unary, authz.unary),
		// Callers are admitted before their request is read (authorizer.tap).
		grpc.InTapHandle(authz.tap),
		grpc.ChainStreamInterceptor(grpcMetrics.StreamServerInterceptor(), rec.stream, guard.stream, authz.stream),
	}
	if opts.Security.TLS.Config != nil {
		serverOpts = append(serverOpts, grpc.Creds(credentials.NewTLS(opts.Security.TLS.Config)))
	}
	s := grpc.NewServer(serverOpts...)
	if service, ok := svc.(*Service); ok {
		// Stored decisions answered with their stored bytes (wireService).
		svc = wireService{service}
	}
	triagev1.RegisterTriageServiceServer(s, svc)
	if opts.Admin != nil {
		triagev1.RegisterAdminServiceServer(s, opts.Admin)
	}
	healthpb.RegisterHealthServer(s, health.GRPCServer())
	reflection.Register(s)
	grpcMetrics.InitializeMetrics(s)

	if opts.Registerer != nil {
		waiting := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "fenjian_grpc_team_feeds_waiting",
			Help: "Team feeds admitted whose request has not arrived yet (at most -max-team-feeds on the server, -max-team-feeds-per-caller an identity; each ends within the request arrival timeout).",
		}, func() float64 { return float64(authz.waiting.size()) })
		for _, c := range []prometheus.Collector{grpcMetrics, panics, malformed, refused, shed, waiting, authz.feedsEvicted} {
			if err := opts.Registerer.Register(c); err != nil {
				return nil, fmt.Errorf("register gRPC metrics: %w", err)
			}
		}
	}
	return s, nil
}

// recoverer turns a panic in a handler into an INTERNAL status, logs it with
// its stack and counts it.
type recoverer struct {
	logger *slog.Logger
	panics prometheus.Counter
}

func (r *recoverer) unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (resp any, err error) {
	defer func() {
		if p := recover(); p != nil {
			resp, err = nil, r.recovered(ctx, info.FullMethod, p)
		}
	}()
	return handler(ctx, req)
}

func (r *recoverer) stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = r.recovered(ss.Context(), info.FullMethod, p)
		}
	}()
	return handler(srv, ss)
}

func (r *recoverer) recovered(ctx context.Context, method string, p any) error {
	r.panics.Inc()
	r.logger.LogAttrs(context.WithoutCancel(ctx), slog.LevelError, "recovered from panic",
		slog.String("grpc_method", method),
		slog.String("code", codes.Internal.String()),
		slog.String("panic", fmt.Sprint(p)),
		slog.String("stack", string(debug.Stack())),
	)
	return toStatus(fmt.Errorf("%s: recovered panic: %v", method, p)).Err()
}
