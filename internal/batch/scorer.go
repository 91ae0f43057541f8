package batch

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/timestamppb"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Scorer turns one filing into a decision. Implementations must be safe for
// concurrent use: Run calls Score from several goroutines at once.
type Scorer interface {
	Score(ctx context.Context, f *triagev1.Filing) (*triagev1.Decision, error)
}

// Decider is what Local needs from a triage engine; *triage.Engine
// satisfies it. It is an interface so that this package does not pin the
// engine's construction (rules file, model) — the caller wires that.
type Decider interface {
	Decide(ctx context.Context, f *triagev1.Filing) (*triagev1.Decision, error)
}

// Local scores filings in process. Nothing is stored, so every decision is
// marked dry_run and has no decision_id, exactly like a remote dry run.
type Local struct {
	decider Decider
	now     func() time.Time
}

// NewLocal returns a Scorer on a triage engine.
func NewLocal(d Decider) *Local {
	return &Local{decider: d, now: time.Now}
}

// Score implements Scorer. An invalid filing fails with an error wrapping
// *rules.FieldError, which ErrorRecord reports as INVALID_ARGUMENT.
func (l *Local) Score(ctx context.Context, f *triagev1.Filing) (*triagev1.Decision, error) {
	d, err := l.decider.Decide(ctx, f)
	if err != nil {
		return nil, err
	}
	if d == nil {
		return nil, errors.New("decide: no decision and no error")
	}
	// Stamp what the server would stamp for a dry run, so local and remote
	// output have the same shape.
	d.DryRun = true
	d.DecisionId = ""
	d.DecidedAt = timestamppb.New(l.now())
	return d, nil
}

// maxMsgSize bounds the messages the client sends and accepts, like the
// server's own limits: a filing is at most 20,000 characters of text, so 4 MiB
// is ample and a broken peer cannot make the client allocate without bound.
const maxMsgSize = 4 << 20

// DialOptions say how to reach a server that is not a plaintext loopback
// one: a deployed triaged serves gRPC over TLS and wants a token.
type DialOptions struct {
	// RootCAs, if set, makes the connection TLS, verifying the server's
	// certificate against these CAs and the host name of addr.
	RootCAs *x509.CertPool
	// Token, if set, is sent as "authorization: Bearer <Token>" on every
	// call, with or without TLS: a triaged behind a TLS-terminating proxy
	// (-insecure) wants it on its plaintext loopback port too. The caller
	// decides where it may go in clear (triagectl score: loopback only).
	Token string
}

// Dial returns a client connection to a fenjian server at addr ("host:port"),
// plaintext unless opts.RootCAs is set. The connection is made lazily, on
// the first call.
func Dial(addr string, opts DialOptions) (*grpc.ClientConn, error) {
	creds := insecure.NewCredentials()
	if opts.RootCAs != nil {
		creds = credentials.NewTLS(&tls.Config{RootCAs: opts.RootCAs, MinVersion: tls.VersionTLS12})
	}
	dialOpts := []grpc.DialOption{
		grpc.WithTransportCredentials(creds),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(maxMsgSize), grpc.MaxCallSendMsgSize(maxMsgSize)),
	}
	if opts.Token != "" {
		dialOpts = append(dialOpts, grpc.WithPerRPCCredentials(bearerToken(opts.Token)))
	}
	conn, err := grpc.NewClient(addr, dialOpts...)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	return conn, nil
}

// bearerToken sends a token on every call (DialOptions.Token).
type bearerToken string

func (b bearerToken) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + string(b)}, nil
}

func (bearerToken) RequireTransportSecurity() bool { return false }

// RemoteOptions configure a Remote scorer.
type RemoteOptions struct {
	// Timeout bounds each call; 0 means only the caller's context does.
	Timeout time.Duration
	// DryRun asks the server not to store the decisions (TriageRequest.dry_run).
	DryRun bool
}

// Remote scores filings through fenjian.triage.v1.TriageService/Triage.
type Remote struct {
	client triagev1.TriageServiceClient
	opts   RemoteOptions
	// replayed counts the calls the server answered with a decision an
	// earlier call had stored (TriageResponse.replayed).
	replayed atomic.Int64
}

// NewRemote returns a Scorer that calls the server behind cc.
func NewRemote(cc grpc.ClientConnInterface, opts RemoteOptions) *Remote {
	return &Remote{client: triagev1.NewTriageServiceClient(cc), opts: opts}
}

// Score implements Scorer. Failures are gRPC status errors, except that a
// call failing because ctx itself ended also matches ctx.Err() with
// errors.Is: that lets Run tell "the batch was interrupted" from "this line's
// call timed out or was refused".
func (r *Remote) Score(ctx context.Context, f *triagev1.Filing) (*triagev1.Decision, error) {
	callCtx := ctx
	if r.opts.Timeout > 0 {
		var cancel context.CancelFunc
		callCtx, cancel = context.WithTimeout(ctx, r.opts.Timeout)
		defer cancel()
	}
	resp, err := r.client.Triage(callCtx, &triagev1.TriageRequest{Filing: f, DryRun: r.opts.DryRun})
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return nil, fmt.Errorf("%w: %w", cerr, err)
		}
		return nil, err
	}
	if resp.GetDecision() == nil {
		return nil, errors.New("server answered without a decision")
	}
	if resp.GetReplayed() {
		r.replayed.Add(1)
	}
	return resp.GetDecision(), nil
}

// Replayed is how many of the decisions Score returned the server had
// stored before, for an earlier call of the same filing by the same
// identity (a run sent again after an interruption): answered as stored,
// nothing stored again. A decision written to the output does not say so.
func (r *Remote) Replayed() int { return int(r.replayed.Load()) }
