package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/types/known/timestamppb"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/logattr"
	"github.com/fenjian/fenjian/internal/printable"
	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/store"
)

// Decider turns a filing into a decision. It returns a complete decision
// except decision_id, decided_at and dry_run, or an error wrapping
// *rules.FieldError when the filing is invalid. *triage.Engine satisfies it.
type Decider interface {
	Decide(ctx context.Context, f *triagev1.Filing) (*triagev1.Decision, error)
}

// DecisionStore records decisions and reads them back. SaveDecision returns
// only after the decision is durably committed; GetDecision returns an error
// matching store.ErrNotFound for an unknown id. *store.SQLite satisfies it.
type DecisionStore interface {
	SaveDecision(ctx context.Context, d *triagev1.Decision, f *triagev1.Filing) error
	GetDecision(ctx context.Context, id string) (*triagev1.Decision, error)
}

// ShadowQueue takes the filings the service has decided and recorded, for a
// shadow model to score once the response is on its way. Offer must return
// at once whatever happens (it drops rather than waits) and must not change
// the filing or the decision. *shadow.Shadow satisfies it.
type ShadowQueue interface {
	Offer(f *triagev1.Filing, d *triagev1.Decision) bool
}

// Options are the dependencies of a Service.
type Options struct {
	// Decider scores filings; required.
	Decider Decider
	// Store records decisions and the case workflow; required.
	Store CaseStore
	// Logger receives one record per call; nil discards.
	Logger *slog.Logger
	// Registerer receives the Service metrics; nil registers nothing.
	Registerer prometheus.Registerer
	// Now stamps decided_at; nil means time.Now.
	Now func() time.Time
	// Teams, if set, routes every stored decision to a team by a random
	// draw inside the decision's transaction, and enables AssignCase and
	// WatchAssignments. To replace the teams while the service runs, give
	// TeamsTable instead.
	Teams *routing.Teams
	// TeamsTable, if set instead of Teams, holds the teams: a reload swaps
	// them (routing.Table.SetTeams) and every call from then on routes by
	// the new table. A call already routing goes on with the table it read,
	// so each decision and designation is routed wholly by one table, the
	// one its assignment's teams_version names. Assignments of a team the
	// new table no longer lists stay as stored: GetCase shows them and the
	// team's feed goes on (WatchAssignments), but no case is drawn or
	// designated to it, and a conversion moves a case off it by a new draw.
	TeamsTable *routing.Table
	// Shadow, if set, is offered every recorded decision's filing (not dry
	// runs), for a shadow model to score beside the response.
	Shadow ShadowQueue
	// StoreGate, if set, says when the store is known to be down: stored
	// writes (Triage, RecordOutcome, AssignCase) are then refused at once
	// with UNAVAILABLE, and a call failing on the store asks it to check
	// the store again. Run sets its Health here when it is nil.
	StoreGate StoreGate
}

// StoreGate is the store's state as its probe decides it (*Health).
type StoreGate interface {
	// WritesRefused reports whether stored writes are to be refused
	// without touching the store, and the wait to tell the caller.
	WritesRefused() (retryAfter time.Duration, refused bool)
	// Recheck asks for a probe of the store now; it never blocks.
	Recheck()
}

// Service implements triagev1.TriageServiceServer on top of a Decider and a
// CaseStore. It is safe for concurrent use.
type Service struct {
	triagev1.UnimplementedTriageServiceServer

	decider Decider
	store   CaseStore
	logger  *slog.Logger
	metrics *metrics
	now     func() time.Time
	// teams holds the teams table; its Teams are nil when the service
	// routes nothing. Each call reads it once and routes by that alone.
	teams  *routing.Table
	shadow ShadowQueue
	gate   StoreGate // nil: writes are never refused
	// cases is the case workflow's state (cases.go).
	cases caseState
}

// NewService returns a Service with the given dependencies and registers its
// metrics.
func NewService(opts Options) (*Service, error) {
	if opts.Decider == nil {
		return nil, errors.New("new service: nil Decider")
	}
	if opts.Store == nil {
		return nil, errors.New("new service: nil Store")
	}
	if opts.Teams != nil && opts.TeamsTable != nil {
		return nil, errors.New("new service: Teams and TeamsTable are set: give one")
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	teams := opts.TeamsTable
	if teams == nil {
		teams = routing.NewTable(opts.Teams)
	}
	m, err := newMetrics(opts.Registerer, now, teams)
	if err != nil {
		return nil, fmt.Errorf("new service: %w", err)
	}
	s := &Service{
		decider: opts.Decider,
		store:   opts.Store,
		logger:  opts.Logger,
		metrics: m,
		now:     now,
		teams:   teams,
		shadow:  opts.Shadow,
		gate:    opts.StoreGate,
	}
	if s.logger == nil {
		s.logger = slog.New(slog.DiscardHandler)
	}
	return s, nil
}

// Teams returns the teams table calls are routed by now, nil when the
// service routes nothing.
func (s *Service) Teams() *routing.Teams { return s.teams.Teams() }

// Triage decides one filing. Unless the request is a dry run, the decision gets
// a UUIDv7 id and is durably stored before it is returned; if storing fails the
// call fails with UNAVAILABLE and no decision. A dry-run decision has no id, is
// marked dry_run and is not stored.
func (s *Service) Triage(ctx context.Context, req *triagev1.TriageRequest) (*triagev1.TriageResponse, error) {
	start := time.Now()
	d, replayed, err := s.triage(ctx, req)
	err = withContext(ctx, err)
	st := toStatus(err)
	s.storeFailed(err)
	s.observeTriage(ctx, req, d, replayed, st, err, time.Since(start))
	if err != nil {
		return nil, st.Err()
	}
	if s.shadow != nil && !d.GetDryRun() && !replayed {
		// A queue send that never waits: the response does not. A replay
		// was offered when it was stored.
		s.shadow.Offer(req.GetFiling(), d)
	}
	return &triagev1.TriageResponse{Decision: d, Replayed: replayed}, nil
}

// wireService is a Service as NewGRPCServer registers it. Its Triage
// answers a stored decision with the bytes the store stored for it
// (store.WithDecisionEncoding) instead of having gRPC's codec encode the
// same decision a second time: the response's bytes are the same, and a
// stored call costs one encoding of a ~2.4 KB decision less
// (docs/performance.md). Called directly, Service.Triage still returns the
// decision as a message.
type wireService struct{ *Service }

func (w wireService) Triage(ctx context.Context, req *triagev1.TriageRequest) (*triagev1.TriageResponse, error) {
	if req.GetDryRun() {
		return w.Service.Triage(ctx, req) // nothing stored, no bytes to reuse
	}
	var enc []byte
	resp, err := w.Service.Triage(store.WithDecisionEncoding(ctx, &enc), req)
	if err != nil || enc == nil || resp.GetReplayed() {
		return resp, err
	}
	return encodedResponse(enc), nil
}

// responseDecisionField is TriageResponse.decision's field number.
var responseDecisionField = (&triagev1.TriageResponse{}).ProtoReflect().Descriptor().Fields().ByName("decision").Number()

// encodedResponse is a TriageResponse holding the decision encoded as
// decision: the field rides in the message's unknown fields, which
// proto.Marshal writes out as they are, so the response on the wire is
// field 1 with decision's bytes, as if Decision were set to the message
// they encode (and replayed false, which is not written). Its Decision is
// nil: it is only for the codec.
func encodedResponse(decision []byte) *triagev1.TriageResponse {
	raw := make([]byte, 0, protowire.SizeTag(responseDecisionField)+protowire.SizeBytes(len(decision)))
	raw = protowire.AppendTag(raw, responseDecisionField, protowire.BytesType)
	raw = protowire.AppendBytes(raw, decision)
	resp := &triagev1.TriageResponse{}
	resp.ProtoReflect().SetUnknown(raw)
	return resp
}

// triage decides and stores; replayed is true when the filing was stored by
// an earlier call this one retries, d then the stored decision (replay.go).
func (s *Service) triage(ctx context.Context, req *triagev1.TriageRequest) (d *triagev1.Decision, replayed bool, err error) {
	f := req.GetFiling()
	if f == nil {
		return nil, false, &fieldError{Field: "filing", Problem: "required"}
	}
	// A dry run needs no store; a stored one is refused before the
	// filing is decided, when the store is known to be down.
	if !req.GetDryRun() {
		if err := s.refuseWrite("Triage"); err != nil {
			return nil, false, err
		}
	}
	d, err = s.decider.Decide(ctx, f)
	if err != nil {
		return nil, false, fmt.Errorf("decide: %w", err)
	}
	if d == nil {
		return nil, false, errors.New("decide: no decision and no error")
	}
	d.DecidedAt = timestamppb.New(s.now())
	// Who filed it, in the stored record (the audit chain covers the
	// decision's bytes): a filing squatted under a case number with false
	// facts, which the filing system's own call then finds ALREADY_EXISTS,
	// was otherwise traceable only through the logs.
	if c, ok := callerFrom(ctx); ok && c.id != nil {
		d.RecordedBy = c.id.Name
	}
	if req.GetDryRun() {
		d.DecisionId = ""
		d.DryRun = true
		return d, false, nil
	}
	// One stored decision per filing: a second Triage would draw a team
	// again, and a caller could resubmit until the draw suits it (随机分案).
	// The store refuses it inside the write (store.FilingDecidedError, also
	// for calls racing each other and sharing one group commit): a retry
	// of the call that stored it is answered the stored decision
	// (replayTriage), any other call ALREADY_EXISTS naming it; a change of
	// facts is an outcome's correction (RecordOutcome).
	id, err := uuid.NewV7()
	if err != nil {
		return nil, false, fmt.Errorf("new decision id: %w", err)
	}
	d.DecisionId = id.String()
	d.DryRun = false
	ts := s.teams.Teams()
	if ts == nil {
		err = s.store.SaveDecision(ctx, d, f)
	} else {
		// The team is drawn inside the decision's transaction, so capacity
		// holds across replicas and the decision returned names its team.
		err = s.store.SaveTriage(ctx, d, f, s.plan(ts, d, f))
	}
	if fd, ok := errors.AsType[*store.FilingDecidedError](err); ok {
		stored, err := s.replayTriage(ctx, f, fd)
		return stored, err == nil, err
	}
	if err != nil {
		return nil, false, &storeError{op: "save decision", err: err}
	}
	return d, false, nil
}

// GetDecision returns a stored decision exactly as Triage returned it. The id
// must be a UUID; an unknown id is NOT_FOUND.
func (s *Service) GetDecision(ctx context.Context, req *triagev1.GetDecisionRequest) (*triagev1.GetDecisionResponse, error) {
	start := time.Now()
	d, err := s.getDecision(ctx, req.GetDecisionId())
	err = withContext(ctx, err)
	st := toStatus(err)
	s.storeFailed(err)
	attrs := []slog.Attr{
		slog.String("method", "GetDecision"),
		slog.String("code", st.Code().String()),
		slog.String("decision_id", logID(req.GetDecisionId())),
		logattr.Seconds("duration", time.Since(start)),
	}
	s.log(ctx, st.Code(), err, attrs)
	if err != nil {
		return nil, st.Err()
	}
	return &triagev1.GetDecisionResponse{Decision: d}, nil
}

func (s *Service) getDecision(ctx context.Context, id string) (*triagev1.Decision, error) {
	id, err := validDecisionID(id, "decision_id")
	if err != nil {
		return nil, err
	}
	d, err := s.store.GetDecision(ctx, id)
	if err != nil {
		return nil, &storeError{op: "get decision", err: err}
	}
	if d == nil {
		return nil, errors.New("get decision: store returned no decision and no error")
	}
	return d, nil
}

// GetCase returns a decided case's record: the decision as answered, its
// outcomes and assignments in recording order (one read snapshot), and the
// procedure and time limit in force. The case is named by exactly one of
// decision_id (a UUID, as GetDecision takes it) and filing_id (any spelling
// of the case number); an unknown one is NOT_FOUND.
func (s *Service) GetCase(ctx context.Context, req *triagev1.GetCaseRequest) (*triagev1.GetCaseResponse, error) {
	start := time.Now()
	resp, err := s.getCase(ctx, req)
	s.storeFailed(withContext(ctx, err))
	s.logCall(ctx, "GetCase", start, err,
		slog.String("decision_id", logID(req.GetDecisionId())), slog.String("filing_id", logID(req.GetFilingId())))
	if err != nil {
		return nil, toStatus(withContext(ctx, err)).Err()
	}
	return resp, nil
}

func (s *Service) getCase(ctx context.Context, req *triagev1.GetCaseRequest) (*triagev1.GetCaseResponse, error) {
	var c *store.CaseHistory
	switch {
	case req.GetDecisionId() != "" && req.GetFilingId() != "":
		return nil, &fieldError{Field: "filing_id", Problem: "is set beside decision_id: name the case by one of them"}
	case req.GetDecisionId() == "" && req.GetFilingId() == "":
		// Said as the README's table says it: "is required" alone sent a
		// filing system's developer looking for a decision id it did not
		// keep, when the filing id it has names the case too.
		return nil, &fieldError{Field: "decision_id", Problem: "is required, or filing_id: name the case by one of them (a dry run's decision has no id)"}
	case req.GetFilingId() != "":
		if err := rules.ValidateFilingID("filing_id", req.GetFilingId()); err != nil {
			return nil, err
		}
		cs, err := s.store.GetCaseByFiling(ctx, req.GetFilingId())
		if errors.Is(err, store.ErrNotFound) {
			// Looked up first: a case stored under such an id before
			// Triage refused it is still found by it.
			if lerr := rules.DigitLookalike("filing_id", req.GetFilingId()); lerr != nil {
				return nil, lerr
			}
		}
		if err != nil {
			return nil, &storeError{op: "get case", err: err}
		}
		c = cs
	default:
		// An empty decision_id (a dry run's decision has none) is refused
		// here, naming decision_id.
		id, err := validDecisionID(req.GetDecisionId(), "decision_id")
		if err != nil {
			return nil, err
		}
		if c, err = s.store.GetCase(ctx, id); err != nil {
			return nil, &storeError{op: "get case", err: err}
		}
	}
	if c == nil || c.Decision == nil {
		return nil, errors.New("get case: store returned no case and no error")
	}
	return &triagev1.GetCaseResponse{
		Decision:    c.Decision,
		Outcomes:    c.Outcomes,
		Assignments: c.Assignments,
		Procedure:   rules.CurrentProcedure(c.Decision, c.Outcomes),
		TimeLimit:   rules.CurrentTimeLimit(c.Decision, c.Outcomes),
	}, nil
}

// refuseWrite returns a *storeDownError, counted for method, when the store
// is known to be down (StoreGate): the write is refused before anything of
// it reaches the store, so nothing of it is stored, and the caller's slot
// is freed at once instead of waiting out the store's bounds (10 to 20 s
// against a hung database).
func (s *Service) refuseWrite(method string) error {
	if s.gate == nil {
		return nil
	}
	wait, refused := s.gate.WritesRefused()
	if !refused {
		return nil
	}
	s.metrics.storeRefused.WithLabelValues(method).Inc()
	return &storeDownError{retryAfter: wait}
}

// storeFailed asks for a check of the store now when err, a call's
// outcome with its context joined (withContext), is a failure of the store
// (answered UNAVAILABLE): a PostgreSQL restart shorter than the probe
// interval then shows in readiness, and writes are refused while it lasts,
// instead of each caller finding out on its own.
func (s *Service) storeFailed(err error) {
	if s.gate == nil || err == nil {
		return
	}
	if _, down := errors.AsType[*storeDownError](err); down {
		return // asked already (WritesRefused)
	}
	if toStatus(err).Code() == codes.Unavailable {
		s.gate.Recheck()
	}
}

// observeTriage records the metrics and the log record of one Triage call.
// Only identifiers and enum values are logged: never party names or text.
func (s *Service) observeTriage(ctx context.Context, req *triagev1.TriageRequest, d *triagev1.Decision, replayed bool, st *status.Status, err error, elapsed time.Duration) {
	f := req.GetFiling()
	kind := caseKindLabel(f.GetCaseKind())
	s.metrics.requests.WithLabelValues(st.Code().String(), kind).Inc()
	s.metrics.duration.Observe(elapsed.Seconds())

	attrs := make([]slog.Attr, 0, 11)
	attrs = append(attrs,
		slog.String("method", "Triage"),
		slog.String("code", st.Code().String()),
		slog.String("filing_id", logID(f.GetId())),
		slog.String("case_kind", kind),
		slog.Bool("dry_run", req.GetDryRun()),
	)
	if d != nil {
		rec := procedureLabel(d.GetRecommended())
		switch {
		case st.Code() != codes.OK || d.GetDryRun():
		case replayed:
			// Counted when it was stored; decisions_total counts records.
			s.metrics.observeReplay("Triage")
		default:
			s.metrics.observeDecision(d)
		}
		attrs = append(attrs,
			slog.String("decision_id", d.GetDecisionId()),
			slog.String("recommended", rec),
			slog.Bool("needs_review", d.GetNeedsReview()),
		)
		if replayed {
			attrs = append(attrs, slog.Bool("replayed", true))
		}
	}
	attrs = append(attrs, logattr.Seconds("duration", elapsed))
	s.log(ctx, st.Code(), err, attrs)
}

// log writes one call record. The level follows the code; the internal error
// text is logged only for codes whose client message hides it, and for
// INVALID_ARGUMENT only the field is logged (the problem was sent back).
func (s *Service) log(ctx context.Context, code codes.Code, err error, attrs []slog.Attr) {
	level := slog.LevelInfo
	switch code {
	case codes.InvalidArgument:
		if field, _, ok := badField(err); ok {
			attrs = append(attrs, slog.String("field", field))
		}
	case codes.Unavailable, codes.DeadlineExceeded:
		level = slog.LevelWarn
		attrs = append(attrs, slog.String("error", err.Error()))
	case codes.Internal:
		level = slog.LevelError
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	// Who called is part of the record of a call: a clerk's outcome names
	// the judge in decided_by and the clerk here.
	if c, ok := callerFrom(ctx); ok {
		attrs = append(attrs, slog.String("caller", c.name()))
	}
	attrs = withRequestID(ctx, attrs)
	// The request context may be done; logging must not depend on it.
	s.logger.LogAttrs(context.WithoutCancel(ctx), level, "rpc", attrs...)
}

// maxLoggedID bounds client-supplied ids in log records: a valid filing id has
// at most 64 characters and a decision id 36, but an invalid request may carry
// megabytes.
const maxLoggedID = 64

// clip shortens a client-supplied id for an error message (which quotes it
// with %q) or, through logID, a log record.
func clip(s string) string {
	if len(s) <= maxLoggedID {
		return s
	}
	r := []rune(s)
	if len(r) <= maxLoggedID {
		return s
	}
	return string(r[:maxLoggedID]) + "…"
}

// logID is a client-supplied id as a log record shows it: clipped, and with
// the characters that are not printable escaped (printable.Escape). A
// refused request's ids are logged as they came; the JSON handler escapes C0
// controls only, and a U+202E or a C1 CSI in a log line acts on the terminal
// or log viewer of whoever reads it (docs/security.md).
func logID(s string) string { return printable.Escape(clip(s)) }

// RequestIDHeader is the metadata key of a call's request id: Envoy and
// Istio set one on every call they forward, and a filing system can send its
// own. Every record of a call (its rpc record, a refusal, a malformed
// request) then carries it as request_id, so an operator finds the same call
// in the caller's logs and in these; without it a call refused or answered
// UNAVAILABLE, which has no decision id, matched nothing on the caller's
// side but a time and a peer address (outside check 15).
const RequestIDHeader = "x-request-id"

// withRequestID appends the call's request id, as a client-supplied id is
// logged (logID: clipped, escaped), to attrs; a call without one logs none.
// A call with several gives the first.
func withRequestID(ctx context.Context, attrs []slog.Attr) []slog.Attr {
	md, _ := metadata.FromIncomingContext(ctx)
	if v := md.Get(RequestIDHeader); len(v) > 0 && v[0] != "" {
		attrs = append(attrs, slog.String("request_id", logID(v[0])))
	}
	return attrs
}
