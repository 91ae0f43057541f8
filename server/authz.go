package server

import (
	"cmp"
	"context"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/time/rate"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/tap"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/auth"
	"github.com/fenjian/fenjian/internal/printable"
	"github.com/fenjian/fenjian/store"
)

// Security is who may call the server, how calls are proved and how much
// one caller may ask.
type Security struct {
	// Tokens are the bearer tokens ("authorization: Bearer <token>"); nil
	// accepts none.
	Tokens *auth.Tokens
	// Roles are the roles of client certificates by subject CN; a verified
	// certificate not listed proves a name without roles.
	Roles *auth.Roles
	// Credentials, if set, hold the tokens and roles served, which a
	// reload swaps while the server runs (triaged -tokens, -roles); Tokens
	// and Roles are then ignored. A call is authenticated against the
	// credentials serving when it starts; an open stream is judged again
	// at each swap and ended (UNAUTHENTICATED, or PERMISSION_DENIED for a
	// role withdrawn) when the new credentials would refuse it.
	Credentials *auth.Table
	// TLS, if set, serves gRPC over TLS (client certificates verified if
	// its ClientCAs are set). A TLS server is in secure mode: reflection is
	// for admins only.
	TLS TLSConfig
	// Insecure allows listening on a non-loopback address without TLS
	// (Run refuses it otherwise), e.g. behind a TLS-terminating proxy. It
	// also ends anonymous access on loopback: such a proxy in the same pod
	// or host connects from loopback for every caller, wherever they are.
	Insecure bool
	// beyondLoopback is set by Run when the gRPC address is not a loopback
	// one (":50051", the image's): a loopback peer of such a server is
	// then not a local user but a tunnel, kubectl port-forward's into the
	// pod or a sidecar's, carrying a caller from anywhere, so no caller is
	// anonymous on loopback, as behind Insecure's proxy. Anonymous loopback
	// access is for a server that listens on loopback only (go run's
	// default), where every caller is on the host.
	beyondLoopback bool
	// MaxConcurrentCalls bounds the unary calls at once, each counted from
	// its headers until its stream ends, so while its request is read as
	// well as while it is handled; calls beyond it fail at once with
	// RESOURCE_EXHAUSTED instead of queueing.
	// Zero means DefaultMaxConcurrentCalls; negative disables the limit.
	MaxConcurrentCalls int
	// RateLimit is each identity's sustained calls per second (anonymous
	// loopback callers share one budget); zero disables rate limiting.
	RateLimit float64
	// RateBurst is the calls an identity may make at once above RateLimit;
	// zero means max(1, 2×RateLimit).
	RateBurst int
	// MaxTeamFeeds bounds the WatchAssignments streams open at once,
	// across connections, and apart those waiting for their request;
	// past it a feed of an identity holding fewer than the heaviest takes
	// that one's newest place (fairPool). Zero means DefaultMaxTeamFeeds.
	MaxTeamFeeds int
	// MaxTeamFeedsPerCaller bounds the WatchAssignments streams one
	// identity has open at once, across connections; zero means
	// DefaultMaxTeamFeedsPerCaller.
	MaxTeamFeedsPerCaller int
	// MaxConnections bounds the gRPC connections open at once, from
	// accept to close; zero means DefaultMaxConnections. Run enforces it
	// (connLimiter).
	MaxConnections int
	// Clock is the time token expiries are judged by (the tokens file's
	// "expires"): a token is refused from its expiry on, and a stream it
	// proved is ended then. Nil is the system clock; tests inject their own.
	Clock Clock
	// RequestArrivalTimeout bounds how long a unary call may take, from its
	// headers, to send its request, while it holds a call slot, and a team
	// feed while it waits for its request; zero means
	// DefaultRequestArrivalTimeout.
	RequestArrivalTimeout time.Duration
}

// DefaultRequestArrivalTimeout is how long an admitted unary call may take
// to send its request when Security.RequestArrivalTimeout is zero. The
// call slot is taken when the headers arrive (tap), and a caller that then
// held its request back kept the slot for as long as its connection lived:
// without a grpc-timeout, for good, MaxConnectionAge having no grace (team
// feeds must outlive it). 24 such calls from one filing token, on one
// connection, shed every other unary call of a triaged run as the
// Deployment runs it (-max-concurrent-calls=24) for the three minutes
// measured and on (outside check 17); -rate-limit slowed how fast the slots
// were taken, not how long they were held. A client sends its request
// right after its headers: the largest, 4 MiB, takes 30 s at 1.1 Mbit/s.
// A team feed's request must arrive within it too (tap).
const DefaultRequestArrivalTimeout = 30 * time.Second

// msgRequestNotArrived is the log's reason for a call whose request did
// not arrive in time; the caller sees grpc-go's DEADLINE_EXCEEDED.
const msgRequestNotArrived = "request not received within the request arrival timeout after its headers"

// DefaultMaxTeamFeeds is the team feeds open at once when
// Security.MaxTeamFeeds is zero. A feed stays open for as long as its
// client, and MaxConcurrentStreams bounds them on one connection only: 2,048
// feeds on two connections (a president's token, replaying a team's
// backlog) took a running triaged from 106 MB to 209 MB, and a feed whose
// client stops reading holds about 220 KB (its queued messages, a page of
// assignments, the connection's buffers; outside check 10: 256 stalled
// feeds added 56 MB of live heap). 4,096 stalled feeds (the bound until
// then) were ~900 MB, past the Deployment's 460 MiB GOMEMLIMIT; 1,024 are
// ~225 MB. A court's clients keep one feed per team screen; this is far
// above that.
const DefaultMaxTeamFeeds = 1024

// DefaultMaxTeamFeedsPerCaller is the team feeds one identity may have open
// at once when Security.MaxTeamFeedsPerCaller is zero. Without it one token
// could take every place of MaxTeamFeeds and lock every team lead out of
// their feed. A team lead's client holds a few feeds (one per screen), a
// president's one per team (ten in the default teams), and a client that
// reconnects holds its old feed until the server sees it gone; 256 is far
// above that, and also leaves room for an identity shared by a court's
// portal, while four identities are needed to fill the server (sixteen
// were, with the 4,096 feeds allowed before 2026-12-04) and one holds at
// most about 13 MB of feeds (2,048 took 103 MB).
const DefaultMaxTeamFeedsPerCaller = 256

// DefaultMaxConcurrentCalls is the unary calls handled at once when
// Security.MaxConcurrentCalls is zero: far above what 2 cores finish in the
// p99 target, so only a flood is shed.
const DefaultMaxConcurrentCalls = 512

// Client-visible messages of refused calls.
const (
	msgUnauthenticated = "authentication required: send \"authorization: Bearer <token>\" or a client certificate"
	msgBadToken        = "invalid bearer token"
	// msgRevoked ends a stream whose bearer token the credentials swapped
	// in no longer hold.
	msgRevoked = "bearer token revoked: the tokens file no longer holds it"
	// msgExpired refuses a call, or ends a stream, whose bearer token's
	// expiry (the tokens file's "expires") has passed. It says neither the
	// token nor the expiry's entry.
	msgExpired = "bearer token expired: ask for a new one"
	// msgCertExpired refuses a call, or ends a stream, whose client
	// certificate (or a certificate of its chain) has expired since the
	// connection's handshake verified it.
	msgCertExpired = "client certificate expired: ask for a new one and reconnect"
	// msgTwoAuthorizations takes the number of authorization headers.
	msgTwoAuthorizations = "%d authorization headers: send one, \"Bearer <token>\""
	msgNotBearer         = "authorization header is not \"Bearer <token>\""
	msgOverloaded        = "server overloaded, retry later"
	msgRateLimited       = "rate limit exceeded for this identity, retry later"
	msgHealthWatches     = "too many health watches open; call grpc.health.v1.Health/Check instead, or retry later"
	// msgHealthWatchEvicted ends an open Watch whose place went to an
	// address holding fewer, the server's being all taken.
	msgHealthWatchEvicted = "health watches open on this server are all taken and this address holds the most; call grpc.health.v1.Health/Check instead, or retry later"
	// msgHealthChecksWaiting refuses a health Check when
	// MaxHealthChecksWaiting wait for their request, as many from the
	// caller's address as from any other.
	msgHealthChecksWaiting = "too many health checks from this address have not sent their request; send it with the call, or retry later"
	msgTeamFeeds           = "too many team feeds open on this server; retry later with the last cursor"
	msgCallerTeamFeeds     = "too many team feeds open for this identity; close one or retry later with the last cursor"
	// msgTeamFeedEvicted ends an open feed whose place went to an identity
	// holding fewer feeds, the server's being all taken.
	msgTeamFeedEvicted  = "team feeds open on this server are all taken and this identity holds the most; retry later with the last cursor"
	msgWaitingTeamFeeds = "too many team feeds of this identity have not sent their request; send each feed's request when opening it, or retry later"
	// msgCallerTeamFeedsOpening refuses a feed when the identity's feeds
	// waiting for their request are at the bound but none has waited past
	// feedRequestOverdue: they are being opened, not held back.
	msgCallerTeamFeedsOpening = "too many team feeds of this identity open or being opened; close one or retry later with the last cursor"
	// msgTeamFeedsOpening is msgCallerTeamFeedsOpening for the server's
	// bound.
	msgTeamFeedsOpening = "too many team feeds on this server open or being opened; retry later with the last cursor"
	// msgWaitingTeamFeedsServer refuses a feed when -max-team-feeds feeds
	// wait for their request on the server, none of an identity holding
	// more of them than the caller.
	msgWaitingTeamFeedsServer = "too many team feeds on this server have not sent their request; send each feed's request when opening it, or retry later"
	// msgWaitingFeedEvicted is the log's reason for a feed still waiting
	// for its request whose place went to an identity holding fewer such
	// feeds; the caller sees msgWaitingTeamFeedEvicted.
	msgWaitingFeedEvicted = "team feed's request not received before its place went to an identity holding fewer feeds waiting"
	// msgWaitingTeamFeedEvicted ends a feed still waiting for its request
	// whose place went to an identity holding fewer such feeds, the
	// server's being all taken: RESOURCE_EXHAUSTED, TOO_MANY_TEAM_FEEDS,
	// as an open feed evicted, not DEADLINE_EXCEEDED (its arrival timeout
	// had not run out: that code told the client it was too slow, where it
	// lost a place it may ask for again; outside check 25).
	msgWaitingTeamFeedEvicted = "team feeds on this server waiting for their request are all taken and this identity holds the most; send each feed's request when opening it, or retry later with the last cursor"
	msgReflectionStreams      = "too many reflection streams open for this identity; close one, or retry later"
	// msgReflectionStreamsServer refuses a reflection stream when
	// MaxReflectionStreams are open, none of an identity holding more than
	// the caller.
	msgReflectionStreamsServer = "too many reflection streams open on this server; close one, or retry later"
	// msgReflectionEvicted ends an open reflection stream whose place went
	// to an identity holding fewer, the server's being all taken.
	msgReflectionEvicted = "reflection streams open on this server are all taken and this identity holds the most; retry later"
)

// The ErrorInfo reasons of RESOURCE_EXHAUSTED, in domain ErrorDomain: a
// client retries on any of them (after RetryInfo's delay when there is
// one), and not on a RESOURCE_EXHAUSTED without one (the request is over
// the message limit).
const (
	// ReasonOverloaded: every call slot (-max-concurrent-calls) is taken.
	ReasonOverloaded = "OVERLOADED"
	// ReasonRateLimited: the caller's -rate-limit is spent.
	ReasonRateLimited = "RATE_LIMITED"
	// ReasonTooManyTeamFeeds: -max-team-feeds feeds are open on the server.
	ReasonTooManyTeamFeeds = "TOO_MANY_TEAM_FEEDS"
	// ReasonTooManyCallerTeamFeeds: -max-team-feeds-per-caller feeds are
	// open for the caller's identity.
	ReasonTooManyCallerTeamFeeds = "TOO_MANY_TEAM_FEEDS_FOR_CALLER"
	// ReasonTooManyHealthWatches: MaxHealthWatches health watches are open,
	// as many from the caller's address as from any other.
	ReasonTooManyHealthWatches = "TOO_MANY_HEALTH_WATCHES"
	// ReasonTooManyHealthChecks: MaxHealthChecksWaiting health checks wait
	// for their request, as many from the caller's address as from any.
	ReasonTooManyHealthChecks = "TOO_MANY_HEALTH_CHECKS"
	// ReasonTooManyReflectionStreams: MaxReflectionStreamsPerCaller
	// reflection streams are open for the caller's identity, or
	// MaxReflectionStreams on the server.
	ReasonTooManyReflectionStreams = "TOO_MANY_REFLECTION_STREAMS"
)

// accessError is a refused call: UNAUTHENTICATED when the caller is not
// proved, PERMISSION_DENIED when it is but may not do this.
type accessError struct {
	denied bool
	msg    string
}

func (e *accessError) Error() string { return e.msg }

func unauthenticated(msg string) error { return &accessError{msg: msg} }
func denied(msg string) error          { return &accessError{denied: true, msg: msg} }

// unknownMethodError is a call of a method no service of this server
// defines: UNIMPLEMENTED, naming it.
type unknownMethodError struct {
	method string
}

func (e *unknownMethodError) Error() string {
	return "unknown method " + logMethod(e.method) + ": this server does not serve it (a client built from a newer api/ than the server's? docs/integration.md, Compatibility)"
}

// overloadError is a call shed to protect the server: RESOURCE_EXHAUSTED,
// with a google.rpc.ErrorInfo of reason (domain ErrorDomain) and, when
// retryAfter is set, a google.rpc.RetryInfo. Both tell a client a call it
// may send again from a request over the 4 MiB message limit, which
// grpc-go answers RESOURCE_EXHAUSTED too, without details, and which no
// retry cures.
type overloadError struct {
	msg    string
	reason string
	// retryAfter is when the call would be admitted, where it is known (a
	// rate limit's next token); zero otherwise.
	retryAfter time.Duration
}

func (e *overloadError) Error() string { return e.msg }

// caller is the proved identity of a call (nil for an anonymous caller) and
// whether it came over loopback (never true behind Security.Insecure's
// proxy, nor on a server listening beyond loopback).
type caller struct {
	id       *auth.Identity
	loopback bool
	// tokenSum is the SHA-256 of the bearer token that proved id (viaToken),
	// kept so that a stream can be judged again when the tokens are
	// reloaded; the token itself is not kept.
	tokenSum [sha256.Size]byte
	viaToken bool
	// certExpires is when the verified chain of the client certificate
	// that proved id stops being valid (its earliest NotAfter); zero for
	// a token. The handshake checked the dates once, when the connection
	// opened: a call or stream on that connection is judged against it.
	certExpires time.Time
	// holds reports whether one entry of the credentials that proved the
	// call (the snapshot authenticate read), named name, holds every one
	// of roles (auth.Credentials.HoldsAll at the authorizer's clock): whom
	// a clerk may record for (enteredFor). The same snapshot as the
	// caller's own roles, so that a reload swapping the tokens or roles
	// file during the call does not judge the clerk by one file and the
	// name by the other (outside check 28: a swap moving the clerk off a
	// team and making a judge of that team let the call in flight enter a
	// record neither file allows). Nil outside the authorizer.
	holds func(name string, roles ...auth.Role) bool
}

func (c caller) name() string {
	if c.id == nil {
		return "anonymous"
	}
	return c.id.Name
}

type callerKey struct{}

// callerFrom returns the caller the authorizer put in ctx.
func callerFrom(ctx context.Context) (caller, bool) {
	c, ok := ctx.Value(callerKey{}).(caller)
	return c, ok
}

// recorder returns the proved identity that records an outcome or a
// designation, stored as its recorded_by beside decided_by/designated_by.
// The authorizer lets no anonymous caller reach those handlers; a call that
// gets there without an identity (the service used without the authorizer)
// is refused rather than recorded without one.
func recorder(ctx context.Context) (string, error) {
	c, ok := callerFrom(ctx)
	if !ok || c.id == nil {
		return "", unauthenticated(msgUnauthenticated)
	}
	return c.id.Name, nil
}

// Full method names the policy distinguishes.
const (
	methodTriage        = "/fenjian.triage.v1.TriageService/Triage"
	methodGetDecision   = "/fenjian.triage.v1.TriageService/GetDecision"
	methodGetCase       = "/fenjian.triage.v1.TriageService/GetCase"
	methodRecordOutcome = "/fenjian.triage.v1.TriageService/RecordOutcome"
	methodAssignCase    = "/fenjian.triage.v1.TriageService/AssignCase"
	methodWatch         = "/fenjian.triage.v1.TriageService/WatchAssignments"
	methodReloadModel   = "/fenjian.triage.v1.AdminService/ReloadModel"
	methodGetModel      = "/fenjian.triage.v1.AdminService/GetModel"
	healthPrefix        = "/grpc.health.v1.Health/"
	methodHealthWatch   = healthPrefix + "Watch"
	methodHealthCheck   = healthPrefix + "Check"
	reflectionPrefixV1  = "/grpc.reflection.v1.ServerReflection/"
	reflectionPrefixV1a = "/grpc.reflection.v1alpha.ServerReflection/"
)

// authorizer authenticates every call, applies the per-RPC roles and the
// per-identity rate limit. The policy:
//
//	Triage             filing; anonymous on loopback (not with Insecure)
//	GetDecision        filing, judge, clerk, court-clerk, president, admin; anonymous on loopback (not with Insecure)
//	GetCase            as GetDecision: the case is the decision's record
//	RecordOutcome      judge (decided_by = own name); clerk holding team:<id>
//	                   (its teams' cases, for their judges and presidents);
//	                   court-clerk (any case, any judge or president)
//	AssignCase         president (designated_by = own name); clerk holding
//	                   team:<id> (its teams' cases), court-clerk (any case):
//	                   in a president's name
//	WatchAssignments   team:<team_id>, president (every feed)
//	ReloadModel        admin
//	GetModel           any identity
//	health             everyone
//	reflection         admin on a TLS server; else any identity
//
// Every other method is refused: a new RPC stays closed until it is given
// roles here.
type authorizer struct {
	sec Security
	// creds are the tokens and roles serving (Security.Credentials, or a
	// table of Security.Tokens and Roles that never changes).
	creds   *auth.Table
	clock   Clock
	secure  bool
	logger  *slog.Logger
	refused *prometheus.CounterVec // by code
	// shed counts the unary calls refused because every call slot was
	// taken (a subset of refused's ResourceExhausted).
	shed prometheus.Counter

	mu       sync.Mutex
	limiters map[string]*rate.Limiter
	// inflight is the semaphore of MaxConcurrentCalls; nil when disabled.
	inflight chan struct{}
	// healthWatching holds the health Watches open, MaxHealthWatches
	// shared by the callers' addresses (watchHealth).
	healthWatching *fairPool
	maxFeeds       int
	maxFeedsPer    int
	// open holds the team feeds open (their request arrived): maxFeedsPer
	// an identity and maxFeeds on the server.
	open *fairPool
	// healthWaiting holds the health Checks whose request has not arrived,
	// by the caller's address (admitHealthCheck).
	healthWaiting *fairPool
	// waiting holds the team feeds admitted whose request has not arrived
	// (they hold no place of open): maxFeedsPer an identity and
	// maxFeeds on the server.
	waiting *fairPool
	// feedsEvicted counts, by call (feed_waiting, feed_open,
	// health_check_waiting), the calls ended to give their place to a
	// caller holding fewer (fairPool).
	feedsEvicted *prometheus.CounterVec
	// reflecting holds the reflection streams open:
	// MaxReflectionStreamsPerCaller an identity and MaxReflectionStreams
	// on the server (acquireReflection).
	reflecting *fairPool
	// logRefusals bounds the refusals logged; unlogged counts those it
	// held back since the last record (refuse).
	logRefusals *rate.Limiter
	unlogged    atomic.Int64
}

// MaxHealthWatches bounds the grpc.health.v1 Watch streams open at once,
// across connections. Health is open to every caller and never shed, but a
// Watch stays open and holds about 12 KB (measured: 20,000 took a triaged
// from 40 MB to 284 MB), so without a bound an anonymous client on forty
// connections could take a pod past its memory limit. gRPC clients that
// check health keep one Watch per connection, so the places are shared by
// the callers' addresses (watchHealth): one address cannot keep another's
// Watch out. Load balancers and the kubelet call Check (or /readyz), which
// stays unbounded.
const MaxHealthWatches = 1024

// MaxReflectionStreamsPerCaller bounds the server reflection streams one
// identity may have open at once, across its connections. grpcurl opens
// one a command, an interactive client one a session.
const MaxReflectionStreamsPerCaller = 16

// MaxReflectionStreams bounds the reflection streams open on the server,
// shared by the identities (fairPool): past it an identity holding fewer
// takes the newest stream of the one holding the most. Bounded per
// identity only, every identity of the tokens file (a court's judges,
// clerks, team readers) or every certificate name the CA issued could hold
// 16 streams of about 10 KB each for as long as it liked (outside check
// 22).
const MaxReflectionStreams = 256

// maxLimiters bounds the per-identity limiter table; identities beyond it
// (many distinct certificate CNs) share one limiter.
const maxLimiters = 10000

func newAuthorizer(sec Security, logger *slog.Logger, refused *prometheus.CounterVec, shed prometheus.Counter) *authorizer {
	creds := sec.Credentials
	if creds == nil {
		creds = auth.NewTable(auth.Credentials{Tokens: sec.Tokens, Roles: sec.Roles})
	}
	clock := sec.Clock
	if clock == nil {
		clock = systemClock{}
	}
	a := &authorizer{sec: sec, creds: creds, clock: clock, secure: sec.TLS.Config != nil, logger: logger, refused: refused, shed: shed, limiters: map[string]*rate.Limiter{},
		maxFeeds:    cmp.Or(max(sec.MaxTeamFeeds, 0), DefaultMaxTeamFeeds),
		maxFeedsPer: cmp.Or(max(sec.MaxTeamFeedsPerCaller, 0), DefaultMaxTeamFeedsPerCaller),
		logRefusals: rate.NewLimiter(RefusalLogRate, RefusalLogBurst),
		feedsEvicted: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_grpc_evicted_total",
			Help: "Calls ended to give their place to a caller holding fewer, every place of their bound being taken: call=feed_waiting (team feeds whose request was not sent, -max-team-feeds; ended RESOURCE_EXHAUSTED, TOO_MANY_TEAM_FEEDS), feed_open (team feeds, -max-team-feeds; ended RESOURCE_EXHAUSTED, TOO_MANY_TEAM_FEEDS), health_check_waiting (health Checks whose request was not sent, 1,024, shared by address; ended DEADLINE_EXCEEDED), health_watch (health Watches, 1,024, shared by address; ended RESOURCE_EXHAUSTED, TOO_MANY_HEALTH_WATCHES) or reflection (reflection streams, 256 on the server, shared by identity; ended RESOURCE_EXHAUSTED, TOO_MANY_REFLECTION_STREAMS).",
		}, []string{"call"})}
	a.waiting = newFairPool(a.maxFeeds, a.maxFeedsPer, a.feedsEvicted.WithLabelValues("feed_waiting").Inc)
	a.open = newFairPool(a.maxFeeds, a.maxFeedsPer, a.feedsEvicted.WithLabelValues("feed_open").Inc)
	a.healthWaiting = newFairPool(MaxHealthChecksWaiting, MaxHealthChecksWaiting, a.feedsEvicted.WithLabelValues("health_check_waiting").Inc)
	a.healthWatching = newFairPool(MaxHealthWatches, MaxHealthWatches, a.feedsEvicted.WithLabelValues("health_watch").Inc)
	a.reflecting = newFairPool(MaxReflectionStreams, MaxReflectionStreamsPerCaller, a.feedsEvicted.WithLabelValues("reflection").Inc)
	n := sec.MaxConcurrentCalls
	if n == 0 {
		n = DefaultMaxConcurrentCalls
	}
	if n > 0 {
		a.inflight = make(chan struct{}, n)
	}
	return a
}

// authenticate proves the caller: a bearer token if one is sent (a bad one
// fails the call even where anonymous callers are allowed: it is a
// misconfigured client), else a verified client certificate, else anonymous.
func (a *authorizer) authenticate(ctx context.Context) (caller, error) {
	var c caller
	// One read: the call is proved by one table, whatever a reload swaps
	// meanwhile.
	creds := a.creds.Load()
	c.holds = func(name string, roles ...auth.Role) bool {
		return creds.HoldsAll(name, a.clock.Now(), roles...)
	}
	p, _ := peer.FromContext(ctx)
	if p != nil {
		// Behind a TLS-terminating proxy (Insecure), or on a server
		// listening beyond loopback (a port-forward's tunnel), a loopback
		// peer is the proxy, not the caller.
		if ta, ok := p.Addr.(*net.TCPAddr); ok && !a.sec.Insecure && !a.sec.beyondLoopback {
			c.loopback = ta.IP.IsLoopback()
		}
	}
	md, _ := metadata.FromIncomingContext(ctx)
	if vals := md.Get("authorization"); len(vals) > 0 {
		// The first two say what is wrong with the header: a client sending
		// "Token …" or a proxy adding a second header was told only
		// "invalid bearer token", as if the token had been revoked (outside
		// check 11).
		if len(vals) > 1 {
			return c, unauthenticated(fmt.Sprintf(msgTwoAuthorizations, len(vals)))
		}
		scheme, tok, ok := strings.Cut(vals[0], " ")
		if !ok || !strings.EqualFold(scheme, "bearer") {
			return c, unauthenticated(msgNotBearer)
		}
		sum := sha256.Sum256([]byte(strings.TrimSpace(tok)))
		id, ok := creds.Tokens.LookupSum(sum)
		if !ok || strings.TrimSpace(tok) == "" {
			return c, unauthenticated(msgBadToken)
		}
		if id.ExpiredAt(a.clock.Now()) {
			// Named in the refusal's log record (c.id), which is all
			// it is used for: the operator sees whose token expired.
			c.id = id
			return c, unauthenticated(msgExpired)
		}
		c.id, c.tokenSum, c.viaToken = id, sum, true
		return c, nil
	}
	if p != nil {
		if ti, ok := p.AuthInfo.(credentials.TLSInfo); ok && len(ti.State.VerifiedChains) > 0 && len(ti.State.VerifiedChains[0]) > 0 {
			if cn, ok := commonName(ti.State.VerifiedChains[0][0]); ok {
				if id, ok := creds.Roles.ForCertificate(cn); ok {
					c.id, c.certExpires = id, chainsExpiry(ti.State.VerifiedChains)
					if !a.clock.Now().Before(c.certExpires) {
						// Named in the refusal's log record, as an expired
						// token's identity is.
						return c, unauthenticated(msgCertExpired)
					}
				}
			}
		}
	}
	return c, nil
}

// chainsExpiry is when a client certificate's verified chains stop being
// valid, the instant a new handshake would refuse it: a chain expires at
// the earliest NotAfter of its certificates (the client's own, or an
// intermediate's or the CA's when that comes first), and the certificate
// is valid while any of its chains is (a cross-signed CA gives it more
// than one).
func chainsExpiry(chains [][]*x509.Certificate) time.Time {
	var end time.Time
	for _, chain := range chains {
		if len(chain) == 0 {
			continue
		}
		e := chain[0].NotAfter
		for _, cert := range chain[1:] {
			if cert.NotAfter.Before(e) {
				e = cert.NotAfter
			}
		}
		if e.After(end) {
			end = e
		}
	}
	return end
}

// oidCommonName is the X.520 commonName attribute type.
var oidCommonName = asn1.ObjectIdentifier{2, 5, 4, 3}

// commonName returns the subject CN of a verified client certificate, the
// caller's name, and whether the subject names exactly one. A subject with
// several CNs names no one: crypto/x509 keeps the last as CommonName, while
// a CA's check or a reader of the certificate may take the first
// (openssl shows "CN = stranger, CN = J-0421"), so the name the CA vouched
// for need not be the one the server would act on. In the outside check a
// certificate issued for /CN=stranger/CN=J-0421 recorded an outcome as judge
// J-0421. Such a certificate proves nothing, like one with an empty CN.
func commonName(cert *x509.Certificate) (string, bool) {
	n := 0
	for _, a := range cert.Subject.Names {
		if a.Type.Equal(oidCommonName) {
			n++
		}
	}
	return cert.Subject.CommonName, n == 1
}

// any reports whether c holds one of roles.
func (c caller) any(roles ...auth.Role) bool {
	for _, r := range roles {
		if c.id.Has(r) {
			return true
		}
	}
	return false
}

// need refuses c unless it holds one of roles (or, with anonLoopback, is an
// anonymous caller on loopback).
func (c caller) need(anonLoopback bool, roles ...auth.Role) error {
	if c.id == nil {
		if anonLoopback && c.loopback {
			return nil
		}
		return unauthenticated(msgUnauthenticated)
	}
	if c.any(roles...) {
		return nil
	}
	return denied("identity " + c.id.Name + " may not call this method")
}

// isClerk reports whether c may enter records in others' names at all: it
// holds clerk or court-clerk (whose cases and names: enteredFor).
func (c caller) isClerk() bool { return c.any(auth.Clerk, auth.CourtClerk) }

// unscopedClerk reports whether c holds the clerk role but neither a team
// role nor court-clerk: a clerk the court has given no cases to enter.
func (c caller) unscopedClerk() bool {
	return c.id.Has(auth.Clerk) && !c.id.Has(auth.CourtClerk) && !c.id.ReadsATeam()
}

// needEntering is the role check of RecordOutcome and AssignCase: own
// holds the role that records in its own name (judge, president); a clerk
// of a team or of the court records for others. A clerk of no team who
// holds not own is refused here, before its request is read, saying why.
func (c caller) needEntering(own auth.Role) error {
	if c.id != nil && !c.id.Has(own) && c.unscopedClerk() {
		return denied(msgUnscopedClerk(c.id.Name))
	}
	return c.need(false, own, auth.Clerk, auth.CourtClerk)
}

// msgUnscopedClerk refuses an entry by a clerk that holds no team role nor
// court-clerk. Such a clerk entered records for every judge and president
// of the court, on every case; a court's clerk serves particular teams
// (docs/security.md, Clerks), so the tokens or roles file must say which.
func msgUnscopedClerk(name string) string {
	return "clerk " + name + " serves no team: give it the team:<id> roles of the teams it enters records for, " +
		"or court-clerk to enter them for the whole court"
}

// allowMethod checks the roles a method needs before its request is read.
func (a *authorizer) allowMethod(c caller, method string) error {
	switch {
	case method == methodTriage:
		return c.need(true, auth.Filing)
	case method == methodGetDecision, method == methodGetCase:
		// Who may read a decision may read what was recorded of it since:
		// the people who act on a case (judges, clerks, presidents) and
		// the filing system that filed it read its history, as an operator
		// on the host may (docs/security.md, Roles).
		return c.need(true, auth.Filing, auth.Judge, auth.Clerk, auth.CourtClerk, auth.President, auth.Admin)
	case method == methodRecordOutcome:
		return c.needEntering(auth.Judge)
	case method == methodAssignCase:
		return c.needEntering(auth.President)
	case method == methodWatch:
		// Only an identity that may read some feed: which team's is checked
		// on the request (allowRequest). Any identity was admitted, and
		// took a feed place, until its request arrived: a judge, a clerk, a
		// filing system and an admin, who may read no feed, held all 1,024
		// by opening feeds whose request they never sent, and every team
		// lead was refused (outside check 17).
		if c.id == nil {
			return unauthenticated(msgUnauthenticated)
		}
		if !c.id.Has(auth.President) && !c.id.ReadsATeam() {
			return denied("identity " + c.id.Name + " may read no team's feed")
		}
		return nil
	case method == methodReloadModel:
		return c.need(false, auth.Admin)
	case method == methodGetModel:
		if c.id == nil {
			return unauthenticated(msgUnauthenticated)
		}
		return nil
	case strings.HasPrefix(method, healthPrefix):
		return nil
	case strings.HasPrefix(method, reflectionPrefixV1), strings.HasPrefix(method, reflectionPrefixV1a):
		// The schema is public (api/), but an anonymous caller gets only
		// what a filing system needs: Triage and GetDecision, whose
		// messages grpcurl reads from the proto files (-proto).
		if a.secure {
			return c.need(false, auth.Admin)
		}
		if c.id == nil {
			return unauthenticated(msgUnauthenticated)
		}
		return nil
	default:
		// No service here has the method. UNIMPLEMENTED, as gRPC answers
		// it, tells a client built from a newer api/ what happened;
		// PERMISSION_DENIED sent its developers after a role that no
		// identity could be given (outside check 26). Only a caller
		// authenticate let through gets here, so nothing is said to one
		// with a bad credential, and the API is public (api/) anyway.
		return &unknownMethodError{method: method}
	}
}

// allowRequest checks what a request says against who sends it: a judge
// records only their own decisions, a president designates only in their
// own name, a team reads only its own feed. Clerks enter records for others
// (whom they may name is checked once the request is validated:
// enteredFor).
func allowRequest(c caller, req any) error {
	switch r := req.(type) {
	case *triagev1.RecordOutcomeRequest:
		if by := r.GetOutcome().GetDecidedBy(); by != "" && by != c.id.Name && !c.isClerk() {
			return denied("outcome.decided_by must be the caller's own identity (" + c.id.Name + "); only a clerk records for others")
		}
	case *triagev1.AssignCaseRequest:
		if by := r.GetDesignatedBy(); by != "" && by != c.id.Name && !c.isClerk() {
			return denied("designated_by must be the caller's own identity (" + c.id.Name + "); only a clerk records for others")
		}
	case *triagev1.WatchAssignmentsRequest:
		if !c.id.Has(auth.President) && !c.id.Has(auth.TeamRole(r.GetTeamId())) {
			return denied("identity " + c.id.Name + " may not read this team's feed")
		}
	}
	return nil
}

// enteredFor checks whom the caller of ctx records in the name of: name,
// sent in field (designated_by, outcome.decided_by), must be the caller's
// own identity holding one of roles, or, for a clerk, someone the clerk may
// enter records for. allowRequest has already let only a clerk name someone
// else. A court-clerk names any identity that holds one of roles in the
// tokens file (a token not expired) or the roles file serving now (a clerk
// recorded designated_by = any string: outside check, a designation "by" a
// president who does not exist, which the audit chain then vouched for). A
// clerk of teams (team:<id> roles) enters records only for a case that is
// with one of its teams (caseTeam: the team of the case's latest
// assignment, "" for none), and in the name of a president or of a judge
// of that team (an entry holding judge and team:<id>); before, any clerk
// recorded rulings of any team's cases in the name of any judge. A clerk
// of no team enters nothing in another's name. The handlers call it once
// the request is validated, so a malformed request is still
// INVALID_ARGUMENT. A refusal of the name names the field, not the value.
// It returns the context to write the record under: for a team's clerk,
// one that has the store refuse the write (store.ErrCaseMoved) unless the
// case is still with the team checked here, read in the write's
// transaction: another replica's designation may move the case between
// this check and the write (outside check 28).
func enteredFor(ctx context.Context, field, name string, caseTeam func() (string, error), roles ...auth.Role) (context.Context, error) {
	c, ok := callerFrom(ctx)
	if !ok || c.id == nil {
		return ctx, unauthenticated(msgUnauthenticated)
	}
	if name == c.id.Name && c.any(roles...) {
		return ctx, nil
	}
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = string(r)
	}
	refused := denied(field + " names no identity holding the " + strings.Join(names, " or ") +
		" role in the tokens or roles file; a clerk records only in the name of such an identity")
	switch {
	case c.holds == nil || !c.isClerk():
		return ctx, refused
	case c.id.Has(auth.CourtClerk):
		for _, r := range roles {
			if c.holds(name, r) {
				return ctx, nil
			}
		}
		return ctx, refused
	case c.unscopedClerk():
		return ctx, denied(msgUnscopedClerk(c.id.Name))
	}
	team, err := caseTeam()
	if err != nil {
		return ctx, err
	}
	mine := c.id.Teams()
	if team == "" || !slices.Contains(mine, team) {
		with := "with no team"
		if team != "" {
			with = "with team " + team
		}
		return ctx, denied("clerk " + c.id.Name + " enters records only for cases with its teams (" + strings.Join(mine, ", ") +
			"); this case is " + with + ": its team's clerk or a court-clerk enters it")
	}
	// A president is the court's: named for any team's case. A judge is
	// named for the cases of the teams the judge's entry holds.
	for _, r := range roles {
		if r == auth.President && c.holds(name, r) || r != auth.President && c.holds(name, r, auth.TeamRole(team)) {
			return store.WithCaseTeam(ctx, team), nil
		}
	}
	var who []string
	for _, r := range roles {
		if r == auth.President {
			who = append(who, "a president")
		} else {
			who = append(who, "a "+string(r)+" of team "+team)
		}
	}
	return ctx, denied(field + " names no identity that is " + strings.Join(who, " or ") +
		" in the tokens or roles file; a team's clerk records only in the name of its team's judges and of presidents")
}

// limit applies the caller's rate limit.
func (a *authorizer) limit(c caller) error {
	if a.sec.RateLimit <= 0 {
		return nil
	}
	key := c.name()
	if c.id == nil {
		key = "" // anonymous callers share one budget
	}
	a.mu.Lock()
	l, ok := a.limiters[key]
	if !ok {
		if len(a.limiters) >= maxLimiters {
			key = "\x00overflow"
			l = a.limiters[key]
		}
		if l == nil {
			burst := a.sec.RateBurst
			if burst <= 0 {
				burst = max(1, int(2*a.sec.RateLimit))
			}
			l = rate.NewLimiter(rate.Limit(a.sec.RateLimit), burst)
			a.limiters[key] = l
		}
	}
	a.mu.Unlock()
	if !l.Allow() {
		// The time until the bucket holds a token again: the client's
		// RetryInfo.
		wait := time.Duration((1 - l.Tokens()) / float64(l.Limit()) * float64(time.Second))
		return &overloadError{msg: msgRateLimited, reason: ReasonRateLimited, retryAfter: max(wait, time.Millisecond)}
	}
	return nil
}

// refuse logs and counts a refused call and returns its status.
//
// Every refusal is counted; at most RefusalLogRate a second are logged
// (bursts of RefusalLogBurst), each saying how many went unlogged since
// the last: refusals are cheap to provoke (a bad token, a shed call), and
// a record for each of them flooded the logs (100,000 lines in 5 s while
// shedding) and cost most when the server was already overloaded.
func (a *authorizer) refuse(ctx context.Context, c caller, method string, err error) error {
	st := toStatus(err)
	a.refused.WithLabelValues(st.Code().String()).Inc()
	if !a.logRefusals.Allow() {
		a.unlogged.Add(1)
		return st.Err()
	}
	attrs := []slog.Attr{
		slog.String("grpc_method", logMethod(method)),
		slog.String("code", st.Code().String()),
		slog.String("caller", c.name()),
		slog.Bool("loopback", c.loopback),
		slog.String("peer", peerAddr(ctx)),
	}
	if n := a.unlogged.Swap(0); n > 0 {
		attrs = append(attrs, slog.Int64("refusals_not_logged", n))
	}
	var ae *arrivalError
	if errors.As(err, &ae) {
		// DEADLINE_EXCEEDED says neither that the request never came
		// nor that the feed's place went to another identity.
		attrs = append(attrs, slog.String("reason", ae.Error()))
	}
	var oe *overloadError
	if errors.As(err, &oe) {
		// The ErrorInfo reason the caller was given: RESOURCE_EXHAUSTED
		// alone did not tell an operator reading the log a full server
		// (OVERLOADED) from a caller over its -rate-limit or one holding
		// too many feeds (outside check 26).
		attrs = append(attrs, slog.String("reason", oe.reason))
	}
	a.logger.LogAttrs(context.WithoutCancel(ctx), slog.LevelWarn, "call refused", withRequestID(ctx, attrs)...)
	return st.Err()
}

// refuseShed refuses a unary call because every call slot is taken, and
// counts it as shed: the server failed it for want of room, not the caller,
// so the availability SLO counts it against the server (a caller over its
// own -rate-limit is refused by refuse alone).
func (a *authorizer) refuseShed(ctx context.Context, c caller, method string) error {
	a.shed.Inc()
	return a.refuse(ctx, c, method, &overloadError{msg: msgOverloaded, reason: ReasonOverloaded})
}

// RefusalLogRate and RefusalLogBurst bound the refused calls logged (the
// refused counter counts them all): enough for every refusal a
// misconfigured client or an operator's test makes, not for a flood.
const (
	RefusalLogRate  = 10 // a second
	RefusalLogBurst = 100
)

// maxLoggedMethod bounds a refused call's method in its log record: the
// longest the server serves, reflection's ServerReflectionInfo, has 62
// characters.
const maxLoggedMethod = 100

// logMethod is a refused call's method as its log record shows it. The tap
// refuses a call before any method is looked up, so the method is whatever
// path the caller sent: clipped, and with the characters that are not
// printable escaped, like a refused request's ids (logID).
func logMethod(m string) string {
	n := 0
	for i := range m { // i steps over runes: cut at the 101st without copying the path
		if n == maxLoggedMethod {
			m = m[:i] + "…"
			break
		}
		n++
	}
	return printable.Escape(m)
}

// acquire takes a concurrency slot without waiting.
func (a *authorizer) acquire() (release func(), ok bool) {
	if a.inflight == nil {
		return func() {}, true
	}
	select {
	case a.inflight <- struct{}{}:
		return func() { <-a.inflight }, true
	default:
		return nil, false
	}
}

// tap admits a call before its request is read (grpc.InTapHandle): it
// proves the caller, checks the method's roles and the caller's rate, and
// takes a unary call's slot (refusing at once when every one is taken).
// grpc-go decodes a unary request before any interceptor runs, so without
// it a caller with no right to call would have each request (up to 4 MiB)
// read and decoded before being refused. The caller it proves travels in
// the call's context to the interceptors, which check what the request
// says against who sent it. It runs on the connection's
// reader goroutine, so it does nothing that waits.
func (a *authorizer) tap(ctx context.Context, info *tap.Info) (context.Context, error) {
	// Health stays open and unshed: orchestrators must see an overloaded
	// server as alive. A Check's request must still arrive, though.
	if info.FullMethodName == methodHealthCheck {
		return a.admitHealthCheck(ctx)
	}
	if info.FullMethodName == methodHealthWatch {
		// A Watch holds one of MaxHealthWatches from its start (stream):
		// one that never sent its request held it for the connection's
		// life, and 1,024 of them, from one anonymous client, kept every
		// other client's Watch out for good (outside check 27).
		c, _ := a.authenticate(ctx) // for the log only
		return newArrivalClock(ctx, cmp.Or(a.sec.RequestArrivalTimeout, DefaultRequestArrivalTimeout), func(ctx context.Context) {
			_ = a.refuse(ctx, c, methodHealthWatch, &arrivalError{})
		}), nil
	}
	if strings.HasPrefix(info.FullMethodName, healthPrefix) {
		return ctx, nil
	}
	// The call slot is taken here, before the request is read, and held
	// until the call's stream ends (grpc-go cancels its context then, on
	// every path: answered, reset, connection lost), not from the unary
	// interceptor on: grpc-go reads and decodes a unary request (up to
	// 4 MiB, and as much again decoded) before any interceptor runs, so
	// a slot taken there bounded the calls being handled but not those
	// being read. 200 concurrent 4 MiB Triage calls took a running
	// triaged to 1 GB (outside check 11), twice the Deployment's limit,
	// while at most MaxConcurrentCalls of them ever held a slot.
	//
	// The caller is proved, and its roles and rate checked, before the
	// slot is taken (a token's hash and a map lookup, a certificate the
	// handshake verified: nothing that waits): a shed call's record names
	// who was shed, where it said "anonymous" and "loopback": false of
	// every one (outside check 13), and only a call that would otherwise
	// have been admitted counts as shed against the availability SLO.
	c, err := a.authenticate(ctx)
	if err == nil {
		err = a.allowMethod(c, info.FullMethodName)
	}
	if err == nil {
		err = a.limit(c)
	}
	if err != nil {
		return ctx, a.refuse(ctx, c, info.FullMethodName, err)
	}
	if info.FullMethodName == methodWatch {
		// A team feed takes its place once its request has arrived
		// (authorizedStream.RecvMsg); until then it is bounded here, per
		// identity, and must send its request within the request arrival
		// timeout. A feed that never sent its request held an HTTP/2
		// stream, a goroutine and about 11 KB for as long as its
		// connection, which the connection age does not close while
		// streams run: one team lead's certificate held 8,192 on 8
		// connections (+90 MB) with every other feed and call still
		// served, and 1,024 a connection on the 1,024 connections allowed
		// would take a pod far past its memory limit (outside check 19).
		//
		// They are bounded server-wide too, at MaxTeamFeeds, with no
		// identity kept out by others holding more (fairPool): bounded
		// per identity only, 64 team readers' tokens held 16,384 (outside
		// check 27).
		clock := newArrivalClock(ctx, cmp.Or(a.sec.RequestArrivalTimeout, DefaultRequestArrivalTimeout), func(ctx context.Context) {
			_ = a.refuse(ctx, c, methodWatch, &arrivalError{})
		})
		// Evicted, the feed ends itself (authorizedStream.recv), with
		// the code of a place lost, not of a clock run out.
		clock.evicted = make(chan struct{})
		release, why := a.waiting.acquire(c.name(), clock.evict)
		if why != poolGranted {
			clock.stop()
			return ctx, a.refuse(ctx, c, info.FullMethodName, a.waitingRefusal(c.name(), why))
		}
		context.AfterFunc(ctx, release)
		ctx = context.WithValue(clock, waitingKey{}, release)
	}
	if slotted(info.FullMethodName) {
		if a.inflight != nil {
			release, ok := a.acquire()
			if !ok {
				return ctx, a.refuseShed(ctx, c, info.FullMethodName)
			}
			context.AfterFunc(ctx, release)
			ctx = context.WithValue(ctx, slotKey{}, true)
		}
		// The request must arrive within the bound, or the call's stream
		// ends (DEADLINE_EXCEEDED) and its slot is free again; with no
		// limit on calls (-max-concurrent-calls below 0) too, or a call
		// whose request never came held a stream and a goroutine for as
		// long as its connection (outside check 27).
		method := info.FullMethodName
		ctx = newArrivalClock(ctx, cmp.Or(a.sec.RequestArrivalTimeout, DefaultRequestArrivalTimeout), func(ctx context.Context) {
			_ = a.refuse(ctx, c, method, &arrivalError{})
		})
	}
	return context.WithValue(ctx, callerKey{}, c), nil
}

// arrivalError is a unary call whose request did not arrive within the
// request arrival timeout: DEADLINE_EXCEEDED.
type arrivalError struct {
	// evicted: the call's place was taken back before its clock ran out
	// (arrivalClock.evict).
	evicted bool
}

func (e *arrivalError) Error() string {
	if e.evicted {
		return msgWaitingFeedEvicted
	}
	return msgRequestNotArrived
}

// Unwrap makes it a context.DeadlineExceeded, as grpc-go answers it.
func (*arrivalError) Unwrap() error { return context.DeadlineExceeded }

// arrivalClock is the context of an admitted unary call until its request
// has arrived: done when the call's own context is, or when the request
// arrival timeout runs out first, which ends grpc-go's read of the request
// (it reads until the stream's context is done) with DEADLINE_EXCEEDED, and
// so the call and its slot. The unary interceptor stops the clock once the
// request is decoded; the handler then runs under it as under the call's
// own context (its deadline, its cancellation). A deadline could not be
// taken back once the request arrived, hence a clock; a plain cancellation
// would have told the caller CANCELLED, as if it had given up itself.
type arrivalClock struct {
	context.Context // the call's, cancelled when the clock runs out
	// state is clockWaiting until one of arrived, the timer and evict
	// moves it, once, to its own state: which came first decides how the
	// call ends.
	state  atomic.Int32
	timer  *time.Timer
	cancel context.CancelFunc
	// evicted, when set, is closed by evict instead of cancelling the
	// call: a stream's handler, waiting for the request, then ends the
	// stream with a status of its own (a team feed's place lost:
	// RESOURCE_EXHAUSTED). Cancelled, the stream's receive failed and
	// grpc-go answered DEADLINE_EXCEEDED itself, whatever the handler
	// returned after (outside check 25). Nil for a unary call (a health
	// Check), whose request grpc-go reads before any handler runs: only
	// its context ending ends that read.
	evicted chan struct{}
}

// The states of an arrivalClock.
const (
	clockWaiting int32 = iota
	clockArrived
	clockExpired
	clockEvicted
)

// newArrivalClock starts the clock of a call of context parent; expired is
// called (with parent) if it runs out.
func newArrivalClock(parent context.Context, d time.Duration, expired func(context.Context)) *arrivalClock {
	inner, cancel := context.WithCancel(parent)
	c := &arrivalClock{Context: inner, cancel: cancel}
	c.timer = time.AfterFunc(d, func() {
		if !c.state.CompareAndSwap(clockWaiting, clockExpired) {
			return
		}
		cancel()
		expired(parent)
	})
	// A call that ends before its clock stops it (refused, reset) leaves
	// no timer behind.
	context.AfterFunc(parent, func() { c.timer.Stop() })
	return c
}

// Err is context.DeadlineExceeded once the clock ran out, else the call's
// context's error. Contexts derived from the clock (the handler's) hang on
// its inner cancellable context, as on any standard one, with no goroutine
// each; one derived before the clock ran out says context.Canceled then.
func (c *arrivalClock) Err() error {
	err := c.Context.Err()
	if st := c.state.Load(); err != nil && (st == clockExpired || st == clockEvicted) {
		// An evicted call ends as one whose clock ran out, cut short:
		// grpc-go answers a call whose context is done with its error
		// (CANCELLED or DEADLINE_EXCEEDED only), and CANCELLED would
		// tell the client it had given up itself.
		return context.DeadlineExceeded
	}
	return err
}

// Value answers arrivalClockKey with the clock itself.
func (c *arrivalClock) Value(key any) any {
	if _, ok := key.(arrivalClockKey); ok {
		return c
	}
	return c.Context.Value(key)
}

// arrived stops the clock: the request was read. It reports false when the
// clock had already run out or the call was evicted (its context is done).
func (c *arrivalClock) arrived() bool {
	if !c.state.CompareAndSwap(clockWaiting, clockArrived) {
		return false
	}
	c.timer.Stop()
	return true
}

// evict ends a call still waiting for its request as its clock running
// out would (a team feed's place taken back for another identity,
// fairPool); false when its request arrived, or its clock ran out, first.
func (c *arrivalClock) evict() bool {
	if !c.state.CompareAndSwap(clockWaiting, clockEvicted) {
		return false
	}
	c.timer.Stop()
	if c.evicted != nil {
		close(c.evicted)
		return true
	}
	c.cancel()
	return true
}

// stop stops the clock of a call refused before it began.
func (c *arrivalClock) stop() {
	c.state.CompareAndSwap(clockWaiting, clockArrived)
	c.timer.Stop()
}

// requestArrived stops the arrival clock of ctx's call, if it has one, and
// refuses the call if the clock had run out first (or the call was
// evicted).
func requestArrived(ctx context.Context) error {
	if c, ok := ctx.Value(arrivalClockKey{}).(*arrivalClock); ok && !c.arrived() {
		return &arrivalError{evicted: c.state.Load() == clockEvicted}
	}
	return nil
}

// arrivalClockKey finds a call's arrivalClock under the values grpc-go and
// the interceptors add to its context.
type arrivalClockKey struct{}

// slotKey marks a call whose slot tap took.
type slotKey struct{}

// slotted says whether a call of method takes a call slot: the unary
// methods. Health is never shed, and streams are bounded apart (team feeds
// by MaxTeamFeeds, reflection per identity): a slot held for a
// stream's life would let open feeds shed every Triage.
func slotted(method string) bool {
	return !strings.HasPrefix(method, healthPrefix) && method != methodWatch && !reflective(method)
}

// reflective says whether method is server reflection's.
func reflective(method string) bool {
	return strings.HasPrefix(method, reflectionPrefixV1) || strings.HasPrefix(method, reflectionPrefixV1a)
}

// admitted returns the caller tap admitted. NewGRPCServer installs tap with
// the interceptors, so every call but health's carries one; a call without
// it is refused rather than admitted by a second path.
func admitted(ctx context.Context) (caller, error) {
	c, ok := callerFrom(ctx)
	if !ok {
		return caller{}, unauthenticated(msgUnauthenticated)
	}
	return c, nil
}

func (a *authorizer) unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if strings.HasPrefix(info.FullMethod, healthPrefix) {
		// A Check's request arrived: its clock stops and its waiting
		// place is free (admitHealthCheck).
		if err := requestArrived(ctx); err != nil {
			return nil, toStatus(err).Err()
		}
		if release, ok := ctx.Value(waitingKey{}).(func()); ok {
			release()
		}
		return handler(ctx, req)
	}
	// The request is decoded: its arrival clock stops (tap). One that ran
	// out just now has ended the call; its expiry was logged.
	if err := requestArrived(ctx); err != nil {
		return nil, toStatus(err).Err()
	}
	if held, _ := ctx.Value(slotKey{}).(bool); !held {
		// No slot from tap (the limit off, or a method tap does not
		// count): take one for the handler, as before tap took them.
		release, ok := a.acquire()
		if !ok {
			c, _ := callerFrom(ctx)
			return nil, a.refuseShed(ctx, c, info.FullMethod)
		}
		defer release()
	}
	c, err := admitted(ctx)
	if err == nil && c.id != nil {
		err = allowRequest(c, req)
	}
	if err != nil {
		return nil, a.refuse(ctx, c, info.FullMethod, err)
	}
	return handler(ctx, req)
}

// stream authorizes a stream at its start and each request it receives.
// Streams are not counted against MaxConcurrentCalls: a team feed lasts as
// long as its client, and MaxConcurrentStreams bounds them per connection.
func (a *authorizer) stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	if info.FullMethod == methodHealthWatch {
		return a.watchHealth(srv, ss, handler)
	}
	if strings.HasPrefix(info.FullMethod, healthPrefix) {
		return handler(srv, ss)
	}
	ctx := ss.Context()
	c, err := admitted(ctx)
	if err != nil {
		return a.refuse(ctx, c, info.FullMethod, err)
	}
	as := &authorizedStream{ServerStream: ss, a: a, c: c, method: info.FullMethod, feed: info.FullMethod == methodWatch}
	defer as.releaseFeed()
	if c.id == nil {
		return handler(srv, as)
	}
	// A stream outlives the credentials that admitted it (a team feed stays
	// open for hours): at each swap it is judged again as a new call would
	// be, and one the new credentials refuse is ended at once with that
	// refusal. A revoked token's feed kept delivering the team's cases
	// until its client hung up.
	var cancel context.CancelCauseFunc
	as.ctx, cancel = context.WithCancelCause(ctx)
	as.end = cancel
	defer cancel(nil)
	if reflective(info.FullMethod) {
		// A reflection stream holds an HTTP/2 stream, a goroutine and
		// about 10 KB for as long as its client keeps it open, sending
		// nothing: an admin's certificate held 8,192 on 8 connections of
		// a TLS triaged (+80 MB), and on a plaintext server any identity
		// may (outside check 19). A client needs one at a time. Taken
		// here, not in tap, so that a place taken back ends the stream
		// with its refusal: the stream's own context, ended, makes grpc-go
		// answer CANCELLED whatever the handler returns.
		release, err := a.acquireReflection(c, func() bool {
			cancel(&overloadError{msg: msgReflectionEvicted, reason: ReasonTooManyReflectionStreams})
			return true
		})
		if err != nil {
			return a.refuse(ctx, c, info.FullMethod, err)
		}
		defer release()
		as.interruptible = true
	}
	// A token with an expiry ends its streams at that moment, as a swap
	// revoking it would: a feed proved by a token that expired at 18:00
	// kept delivering the team's cases while the same token's new calls
	// were refused. The expiry is the one of the credentials serving, set
	// again at each swap (a reload may extend or shorten it). A client
	// certificate's streams end when its chain expires: the handshake
	// checked its dates once, and a feed kept open on that connection
	// outlived the certificate (MaxConnectionAge has no grace to end it).
	var expiry streamExpiry
	defer expiry.stop()
	var judge func(cr *auth.Credentials)
	judge = func(cr *auth.Credentials) {
		if err := a.rejudge(cr, c, info.FullMethod, as.request()); err != nil {
			cancel(err)
			return
		}
		switch {
		case c.viaToken:
			id, _ := cr.Tokens.LookupSum(c.tokenSum)
			expiry.arm(a.clock, id.Expires, func() { a.creds.Judge(judge) })
		case !c.certExpires.IsZero():
			expiry.arm(a.clock, c.certExpires, func() { a.creds.Judge(judge) })
		}
	}
	stop := a.creds.OnSwap(judge)
	// Judged once now too: the credentials may have been swapped since tap
	// authenticated the call, and the expiry timer starts here.
	a.creds.Judge(judge)
	err = handler(srv, as)
	stop()
	var ae *accessError
	var oe *overloadError
	if cause := context.Cause(as.ctx); errors.As(cause, &ae) || errors.As(cause, &oe) {
		return a.refuse(ctx, c, info.FullMethod, cause)
	}
	return err
}

// watchHealth serves a health Watch holding one of MaxHealthWatches places,
// shared by the callers' addresses (fairPool): when all are taken, a Watch
// from an address holding fewer takes the newest place of the address
// holding the most, whose Watch ends RESOURCE_EXHAUSTED
// (TOO_MANY_HEALTH_WATCHES; or DEADLINE_EXCEEDED if its request had not
// arrived). gRPC clients that check health (grpc-go's healthCheckConfig)
// keep one Watch per connection and send no call on a connection whose
// Watch fails: with a plain semaphore, 1,024 anonymous Watches from one
// address refused every other client's, and a filing system checking
// health could not reach the replica at all (outside check 22).
func (a *authorizer) watchHealth(srv any, ss grpc.ServerStream, handler grpc.StreamHandler) error {
	ctx := ss.Context()
	watchCtx, end := context.WithCancelCause(ctx)
	defer end(nil)
	clock, _ := ctx.Value(arrivalClockKey{}).(*arrivalClock)
	release, why := a.healthWatching.acquire(peerHost(ctx), func() bool {
		// Still waiting for its request: ended as its arrival clock
		// running out would be. Else its Watch ends with the refusal.
		if clock == nil || !clock.evict() {
			end(&overloadError{msg: msgHealthWatchEvicted, reason: ReasonTooManyHealthWatches})
		}
		return true
	})
	if why != poolGranted {
		c, _ := a.authenticate(ctx) // for the log only: health needs no identity
		return a.refuse(ctx, c, methodHealthWatch, &overloadError{msg: msgHealthWatches, reason: ReasonTooManyHealthWatches})
	}
	defer release()
	err := handler(srv, &arrivingStream{ServerStream: ss, ctx: watchCtx})
	var oe *overloadError
	if cause := context.Cause(watchCtx); errors.As(cause, &oe) {
		c, _ := a.authenticate(ctx)
		return a.refuse(ctx, c, methodHealthWatch, cause)
	}
	return err
}

// arrivingStream stops its call's arrival clock (tap) when its first
// request arrives: a health Watch's. Its context is ctx, which ends when
// the Watch's place is taken back (watchHealth).
type arrivingStream struct {
	grpc.ServerStream
	ctx     context.Context
	arrived bool
}

// Context is the Watch's context, ended when its place is taken back.
func (s *arrivingStream) Context() context.Context { return s.ctx }

func (s *arrivingStream) RecvMsg(m any) error {
	first := !s.arrived
	s.arrived = true
	err := s.ServerStream.RecvMsg(m)
	if first {
		if aerr := requestArrived(s.Context()); aerr != nil {
			return toStatus(aerr).Err()
		}
	}
	return err
}

// rejudge judges an open stream of c again under the credentials cr, as
// tap and allowRequest judged it at its start: its token (by its sum) or
// certificate name must still prove an identity that may call method and
// send req (nil before its request arrived). It returns the refusal, if
// any.
func (a *authorizer) rejudge(cr *auth.Credentials, c caller, method string, req any) error {
	now := c
	switch {
	case c.viaToken:
		id, ok := cr.Tokens.LookupSum(c.tokenSum)
		if !ok {
			return unauthenticated(msgRevoked)
		}
		if id.ExpiredAt(a.clock.Now()) {
			return unauthenticated(msgExpired)
		}
		now.id = id
	default:
		id, ok := cr.Roles.ForCertificate(c.id.Name)
		if !ok {
			return unauthenticated(msgUnauthenticated)
		}
		if !c.certExpires.IsZero() && !a.clock.Now().Before(c.certExpires) {
			return unauthenticated(msgCertExpired)
		}
		now.id = id
	}
	if err := a.allowMethod(now, method); err != nil {
		return err
	}
	if req != nil {
		return allowRequest(now, req)
	}
	return nil
}

// Clock tells the time and runs a function after a while: the system's
// (time.Now, time.AfterFunc) unless a test injects its own
// (Security.Clock), so that a token can expire during a test without the
// test waiting for it.
type Clock interface {
	Now() time.Time
	// AfterFunc calls f in its own goroutine once d has passed; stop
	// keeps it from being called if it has not been.
	AfterFunc(d time.Duration, f func()) (stop func() bool)
}

// systemClock is the Clock of time.Now and time.AfterFunc.
type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

func (systemClock) AfterFunc(d time.Duration, f func()) func() bool {
	return time.AfterFunc(d, f).Stop
}

// streamExpiry is the timer that judges a token's stream again when the
// token expires.
type streamExpiry struct {
	mu     sync.Mutex
	cancel func() bool
	// stopped is set when the stream has ended: a judge already under way
	// (its timer fired as a reload renewed the token, and it judged after
	// the stream ended) then sets no new timer. One did, and that timer
	// judged the dead stream again at each expiry for as long as reloads
	// kept renewing the token.
	stopped bool
}

// arm sets the timer to call judge at expires (nothing for a zero expiry,
// or once stopped), replacing the one set before.
func (e *streamExpiry) arm(clock Clock, expires time.Time, judge func()) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cancel != nil {
		e.cancel()
		e.cancel = nil
	}
	if !expires.IsZero() && !e.stopped {
		e.cancel = clock.AfterFunc(max(expires.Sub(clock.Now()), 0), judge)
	}
}

// stop stops the timer for good.
func (e *streamExpiry) stop() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.stopped = true
	if e.cancel != nil {
		e.cancel()
		e.cancel = nil
	}
}

// acquireTeamFeed takes a place for a team feed of c, one of
// MaxTeamFeedsPerCaller for c's identity and one of MaxTeamFeeds on the
// server, or refuses it (RESOURCE_EXHAUSTED). When the server's are all
// taken, an identity holding fewer feeds than the one holding the most
// takes that one's newest place, which evict ends (fairPool): four
// identities of 256 feeds each filled the server and kept every team lead
// out of their feed (outside check 27). release gives the place back.
// Every feed has an identity (allowMethod), so c.name() is never an
// anonymous caller's shared name.
func (a *authorizer) acquireTeamFeed(c caller, evict func() bool) (release func(), err error) {
	release, why := a.open.acquire(c.name(), evict)
	switch why {
	case poolKeyFull:
		return nil, &overloadError{msg: msgCallerTeamFeeds, reason: ReasonTooManyCallerTeamFeeds}
	case poolFull:
		return nil, &overloadError{msg: msgTeamFeeds, reason: ReasonTooManyTeamFeeds}
	}
	return release, nil
}

// MaxHealthChecksWaiting bounds the health Checks whose request has not
// arrived, server-wide; past it a Check from an address holding fewer takes
// the newest place of the address holding the most (fairPool), so a load
// balancer or a client's health check is never kept out by a flood from
// elsewhere. Health is open to every caller and needs no identity: Checks
// that never sent their request were bounded by nothing but 1,024 a
// connection and the 1,024 connections, and held an HTTP/2 stream and a
// goroutine each for as long as the connection: 16,000 from 16 anonymous
// connections took a running triaged from 44 MB to 232 MB, and would have
// held it forever (outside check 27). A Check sends its request with its
// headers: a place is held for microseconds.
const MaxHealthChecksWaiting = 1024

// admitHealthCheck admits a health Check: it must send its request within
// the request arrival timeout, and at most MaxHealthChecksWaiting wait for
// theirs, shared fairly between the callers' addresses. Its refusals are
// logged and counted as every other (they are rate limited).
func (a *authorizer) admitHealthCheck(ctx context.Context) (context.Context, error) {
	c, _ := a.authenticate(ctx) // for the log only: health needs no identity
	clock := newArrivalClock(ctx, cmp.Or(a.sec.RequestArrivalTimeout, DefaultRequestArrivalTimeout), func(ctx context.Context) {
		_ = a.refuse(ctx, c, methodHealthCheck, &arrivalError{})
	})
	release, why := a.healthWaiting.acquire(peerHost(ctx), clock.evict)
	if why != poolGranted {
		clock.stop()
		return ctx, a.refuse(ctx, c, methodHealthCheck, &overloadError{msg: msgHealthChecksWaiting, reason: ReasonTooManyHealthChecks})
	}
	context.AfterFunc(ctx, release)
	return context.WithValue(clock, waitingKey{}, release), nil
}

// peerHost is the caller's IP address without its port: the key health
// Checks are shared by (one client opens many connections, from many
// ports).
func peerHost(ctx context.Context) string {
	addr := peerAddr(ctx)
	if host, _, err := net.SplitHostPort(addr); err == nil {
		return host
	}
	return addr
}

// feedRequestOverdue is how long a team feed may wait for its request
// before the feeds waiting are told they are holding theirs back. A client
// sends a feed's request with its headers and the server reads it within
// milliseconds; in a burst, though, a client opening 300 feeds at once on
// one connection (each request sent) had the headers of 256 read before
// any request, and 43 feeds were refused "have not sent their request;
// send each feed's request when opening it": false, and no help to the
// integrator, whose feeds were over the identity's bound of open feeds
// (outside check 26).
const feedRequestOverdue = time.Second

// waitingRefusal is the refusal of a team feed of key that a.waiting has no
// place for: that feeds hold back their requests when the feeds waiting
// (the identity's, or the server's) have waited past feedRequestOverdue,
// else that too many feeds are open or being opened.
func (a *authorizer) waitingRefusal(key string, why poolRefusal) error {
	if why == poolKeyFull {
		if time.Since(a.waiting.oldest(key)) < feedRequestOverdue {
			return &overloadError{msg: msgCallerTeamFeedsOpening, reason: ReasonTooManyCallerTeamFeeds}
		}
		return &overloadError{msg: msgWaitingTeamFeeds, reason: ReasonTooManyCallerTeamFeeds}
	}
	if time.Since(a.waiting.oldest("")) < feedRequestOverdue {
		return &overloadError{msg: msgTeamFeedsOpening, reason: ReasonTooManyTeamFeeds}
	}
	return &overloadError{msg: msgWaitingTeamFeedsServer, reason: ReasonTooManyTeamFeeds}
}

// acquireReflection takes a place for a reflection stream of c, one of
// MaxReflectionStreamsPerCaller for its identity and of MaxReflectionStreams
// on the server, or refuses it (RESOURCE_EXHAUSTED). evict ends the stream
// should its place be taken back for an identity holding fewer (fairPool).
func (a *authorizer) acquireReflection(c caller, evict func() bool) (release func(), err error) {
	release, why := a.reflecting.acquire(c.name(), evict)
	switch why {
	case poolKeyFull:
		return nil, &overloadError{msg: msgReflectionStreams, reason: ReasonTooManyReflectionStreams}
	case poolFull:
		return nil, &overloadError{msg: msgReflectionStreamsServer, reason: ReasonTooManyReflectionStreams}
	}
	return release, nil
}

// waitingKey holds, in the context of a team feed or a health Check, the
// release of its place among the calls waiting for their request.
type waitingKey struct{}

// authorizedStream checks each request a stream receives against its
// caller (the stream's context carries it from tap).
type authorizedStream struct {
	grpc.ServerStream
	a      *authorizer
	c      caller
	method string
	// feed is set on a team feed: its place (acquireTeamFeed) is taken
	// once its request has arrived and names a team the caller may read,
	// so a feed whose request is held back, or refused, holds none.
	feed bool
	// release gives the feed's place back; nil until it has one.
	release func()
	// end ends the stream with a cause its caller is refused with (a
	// credentials swap, its feed's place taken back); nil for an
	// anonymous caller's.
	end context.CancelCauseFunc
	// arrived is set once RecvMsg was called: a feed's first request
	// stops its arrival clock (tap).
	arrived bool
	// interruptible is set on a stream whose handler waits in RecvMsg
	// while it is open (reflection): RecvMsg then returns once ctx ends,
	// without waiting for the client's next message (recv).
	interruptible bool
	// ctx is the stream's context as its handler sees it, ended when a
	// credentials swap refuses the stream; nil for an anonymous caller's.
	ctx context.Context
	// mu guards req, the last request received, which a credentials swap
	// judges again from the reloading goroutine.
	mu  sync.Mutex
	req any
}

// Context is the stream's context, ended when the credentials swapped in
// refuse the stream.
func (s *authorizedStream) Context() context.Context {
	if s.ctx != nil {
		return s.ctx
	}
	return s.ServerStream.Context()
}

// request returns the last request the stream received, nil before one.
func (s *authorizedStream) request() any {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.req
}

func (s *authorizedStream) RecvMsg(m any) error {
	first := s.feed && !s.arrived
	s.arrived = true
	if err := s.recv(m, first); err != nil {
		if first {
			if err := requestArrived(s.ServerStream.Context()); err != nil {
				// The request arrival timeout ran out (tap), which logged
				// it, or the feed's place was taken back for another
				// identity's, which is logged here.
				return s.refuseWaiting(err)
			}
		}
		return err
	}
	if first {
		// A team feed's request arrived: its arrival clock stops, and its
		// waiting place is given back before it takes a feed's place.
		if err := requestArrived(s.ServerStream.Context()); err != nil {
			return s.refuseWaiting(err)
		}
		if release, ok := s.ServerStream.Context().Value(waitingKey{}).(func()); ok {
			release()
		}
	}
	if s.c.id == nil {
		return nil
	}
	if err := allowRequest(s.c, m); err != nil {
		return s.a.refuse(s.Context(), s.c, s.method, err)
	}
	s.mu.Lock()
	s.req = m
	s.mu.Unlock()
	if s.feed && s.release == nil {
		release, err := s.a.acquireTeamFeed(s.c, func() bool {
			s.end(&overloadError{msg: msgTeamFeedEvicted, reason: ReasonTooManyTeamFeeds})
			return true
		})
		if err != nil {
			return s.a.refuse(s.Context(), s.c, s.method, err)
		}
		s.release = release
	}
	return nil
}

// recv receives the next message into m. On an interruptible stream it
// returns the stream's end cause as soon as ctx ends (its place taken
// back, its credentials refused), and on a team feed's first receive
// (first) an arrivalError as soon as its waiting place is taken back
// (arrivalClock.evict); the receive is left to finish when grpc-go ends
// the stream after the handler has returned, and the handler does not
// touch m after an error.
func (s *authorizedStream) recv(m any, first bool) error {
	var done, evicted <-chan struct{}
	if s.interruptible && s.ctx != nil {
		done = s.ctx.Done()
	}
	if c, ok := s.ServerStream.Context().Value(arrivalClockKey{}).(*arrivalClock); ok && first && c.evicted != nil {
		evicted = c.evicted
	}
	if done == nil && evicted == nil {
		return s.ServerStream.RecvMsg(m)
	}
	got := make(chan error, 1)
	go func() { got <- s.ServerStream.RecvMsg(m) }()
	select {
	case err := <-got:
		return err
	case <-done:
		return context.Cause(s.ctx)
	case <-evicted:
		return &arrivalError{evicted: true}
	}
}

// refuseWaiting ends a team feed whose request did not arrive in time
// (logged when its clock ran out) or whose waiting place was taken back
// (logged and counted here, as its clock ran out for no timer).
func (s *authorizedStream) refuseWaiting(err error) error {
	var ae *arrivalError
	if errors.As(err, &ae) && ae.evicted {
		// A stream's handler answers its own status (unlike a unary call's,
		// which grpc-go ends with its context's error): the feed is told
		// it lost its place, not that it ran out of time. The arrivalError
		// stays joined for the log's reason.
		return s.a.refuse(s.ServerStream.Context(), s.c, s.method,
			errors.Join(&overloadError{msg: msgWaitingTeamFeedEvicted, reason: ReasonTooManyTeamFeeds}, err))
	}
	return toStatus(err).Err()
}

// releaseFeed gives back the feed place the stream took, if any.
func (s *authorizedStream) releaseFeed() {
	if s.release != nil {
		s.release()
	}
}

// peerAddr is the caller's address for logs.
func peerAddr(ctx context.Context) string {
	if p, ok := peer.FromContext(ctx); ok && p.Addr != nil {
		return p.Addr.String()
	}
	return ""
}
