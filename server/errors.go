package server

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/protoadapt"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/store"
)

// Client-visible messages for the codes whose cause must stay internal. They
// never include the text of the underlying error.
const (
	msgCanceled         = "request canceled"
	msgDeadlineExceeded = "deadline exceeded"
	msgNotFound         = "decision not found"
	msgConflict         = "the decision's outcomes changed while this one was checked; read them again and retry"
	msgUnavailable      = "decision store unavailable, retry later"
	// msgCaseMoved: a team clerk's entry whose case another replica moved
	// to another team between the clerk's check and the write
	// (store.ErrCaseMoved); sent again, it is checked against the new team.
	msgCaseMoved = "the case moved to another team while this entry was checked; read the case again (GetCase) and retry"
	// msgCommitUnknown: the write may be stored (store.ErrCommitUnknown);
	// the same request sent again is answered with it if it was.
	msgCommitUnknown = "decision store unavailable: it did not confirm the commit, so this may have been stored; send the same request again, and it is answered with the stored record (replayed) if it was"
	msgInternal      = "internal error"
	// msgStoreDown: refused before the store was touched (storeDownError).
	msgStoreDown = "decision store unavailable (its health check is failing): nothing was stored; retry after the RetryInfo delay"
)

// ReasonStoreUnavailable is the google.rpc.ErrorInfo reason of a stored
// write refused at once because the store is known to be down.
const ReasonStoreUnavailable = "STORE_UNAVAILABLE"

// storeDownError is a stored write refused without touching the store:
// the store's probe has failed twice running (Health.WritesRefused).
type storeDownError struct{ retryAfter time.Duration }

func (e *storeDownError) Error() string {
	return "decision store down (its probe is failing): write refused, nothing stored"
}

// storeError marks a failure of the DecisionStore, so that any store failure
// maps to UNAVAILABLE whatever the store's own error says (except not-found
// and context errors).
type storeError struct {
	op  string
	err error
}

func (e *storeError) Error() string { return fmt.Sprintf("decision store: %s: %v", e.op, e.err) }
func (e *storeError) Unwrap() error { return e.err }

// fieldError is a request the server itself refuses because of one field:
// a missing filing, a malformed decision id, an unknown team. The rules'
// own refusals of a filing or an outcome arrive as *rules.FieldError; both
// map to INVALID_ARGUMENT naming the field (see badField).
type fieldError struct {
	// Field is the request field's path, e.g. "outcome.decision_id".
	Field string
	// Problem says what is wrong with it, for the clerk.
	Problem string
}

func (e *fieldError) Error() string { return "invalid " + e.Field + ": " + e.Problem }

// badField returns the field and problem of an invalid request: a
// *fieldError of the server's or a *rules.FieldError of the rules.
func badField(err error) (field, problem string, ok bool) {
	if fe, ok := errors.AsType[*fieldError](err); ok {
		return fe.Field, fe.Problem, true
	}
	if fe, ok := errors.AsType[*rules.FieldError](err); ok {
		return fe.Field, fe.Problem, true
	}
	return "", "", false
}

// withContext joins the request context's error to err when the request has
// been canceled or has run out of time, so that a failure caused by the client
// going away is reported as CANCELED or DEADLINE_EXCEEDED, not as a fault.
func withContext(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("%w: %w", cerr, err)
	}
	return err
}

// toStatus is the one place that maps errors to gRPC status codes:
//
//   - *fieldError or *rules.FieldError (invalid request)
//     → INVALID_ARGUMENT naming the field,
//     with an errdetails.BadRequest field violation
//   - *rules.ConversionError or *preconditionError (a request the law or
//     the record does not allow)            → FAILED_PRECONDITION naming the
//     rule (and article), with an errdetails.PreconditionFailure
//   - context.Canceled                      → CANCELED
//   - context.DeadlineExceeded              → DEADLINE_EXCEEDED
//   - store.ErrConflict (another replica recorded an outcome first)
//     → ABORTED
//   - store.ErrCaseMoved (another replica moved a team clerk's case to
//     another team before the clerk's entry was written) → ABORTED
//   - store.ErrNotFound                     → NOT_FOUND
//   - *storeDownError (a stored write refused, the store known to be
//     down)                                 → UNAVAILABLE, with an
//     errdetails.ErrorInfo STORE_UNAVAILABLE and an errdetails.RetryInfo
//   - any other store failure (store.ErrUnavailable, or any error of the
//     DecisionStore)                        → UNAVAILABLE
//   - *malformedError (the codec could not decode the request)
//     → INVALID_ARGUMENT, generic message
//   - *accessError                          → UNAUTHENTICATED, or
//     PERMISSION_DENIED when the caller is proved but may not do this
//   - *overloadError (load shed, rate limit, too many feeds)
//     → RESOURCE_EXHAUSTED, with an errdetails.ErrorInfo naming the
//     reason and, for a rate limit, an errdetails.RetryInfo
//   - anything else                         → INTERNAL
//
// Only INVALID_ARGUMENT carries a message derived from the error (the field
// and the problem, meant for the clerk); every other message is generic.
func toStatus(err error) *status.Status {
	if err == nil {
		return status.New(codes.OK, "")
	}
	var se *storeError
	var ce *rules.ConversionError
	var pe *preconditionError
	var me *malformedError
	var ae *accessError
	var ue *unknownMethodError
	var oe *overloadError
	var fd *store.FilingDecidedError
	var sd *storeDownError
	field, problem, invalid := badField(err)
	switch {
	case errors.As(err, &me):
		return status.New(codes.InvalidArgument, msgMalformed)
	case errors.As(err, &ae):
		if ae.denied {
			return status.New(codes.PermissionDenied, ae.msg)
		}
		return status.New(codes.Unauthenticated, ae.msg)
	case errors.As(err, &ue):
		return status.New(codes.Unimplemented, ue.Error())
	case errors.As(err, &oe):
		return resourceExhausted(oe)
	case invalid:
		return invalidArgument(field, problem)
	case errors.As(err, &ce):
		return failedPrecondition(ce.Rule, ce.Article, ce.Message)
	case errors.As(err, &pe):
		return failedPrecondition(pe.rule, "", pe.msg)
	case errors.Is(err, context.Canceled):
		return status.New(codes.Canceled, msgCanceled)
	case errors.Is(err, context.DeadlineExceeded):
		return status.New(codes.DeadlineExceeded, msgDeadlineExceeded)
	case errors.As(err, &fd):
		why := ""
		if ft, ok := errors.AsType[*filingTakenError](err); ok {
			why = ft.why
		}
		return filingDecided(fd, why)
	case errors.Is(err, store.ErrConflict):
		return status.New(codes.Aborted, msgConflict)
	case errors.Is(err, store.ErrCaseMoved):
		return status.New(codes.Aborted, msgCaseMoved)
	case errors.Is(err, store.ErrNotFound):
		return status.New(codes.NotFound, msgNotFound)
	case errors.As(err, &sd):
		return storeUnavailable(sd)
	case errors.Is(err, store.ErrCommitUnknown):
		return status.New(codes.Unavailable, msgCommitUnknown)
	case errors.As(err, &se) || errors.Is(err, store.ErrUnavailable):
		return status.New(codes.Unavailable, msgUnavailable)
	default:
		return status.New(codes.Internal, msgInternal)
	}
}

// filingDecided is ALREADY_EXISTS for a filing that has a decision, naming
// it (message and a google.rpc.ResourceInfo detail), and why the call is
// not a retry of the one that stored it (why, "" when unknown): a retry is
// answered the decision itself (replayTriage).
func filingDecided(fd *store.FilingDecidedError, why string) *status.Status {
	as := ""
	if fd.StoredFilingID != "" {
		// Another spelling of one case number: say which, or the clerk
		// looking for the id as sent would not find it.
		as = fmt.Sprintf(" (stored as filing.id %q, the same case number written differently)", fd.StoredFilingID)
	}
	// Changed facts go to a correction; a filing that differs only in its
	// case number's spelling has none, and the hint would send a clerk to
	// record one.
	hint := "; changed facts are recorded with RecordOutcome (correction)"
	if why == whyOtherSpelling {
		hint = ""
	}
	if why != "" {
		why = "; " + why
	}
	st := status.New(codes.AlreadyExists, fmt.Sprintf(
		"filing.id %q already has decision %s%s%s: GetDecision returns it%s",
		fd.FilingID, fd.DecisionID, as, why, hint))
	withDetails, err := st.WithDetails(&errdetails.ResourceInfo{
		ResourceType: "fenjian.triage.v1.Decision",
		ResourceName: fd.DecisionID,
		Description:  "the decision already recorded for filing.id " + strconv.Quote(fd.FilingID),
	})
	if err != nil {
		return st
	}
	return withDetails
}

// failedPrecondition names the rule a request breaks; the message is the
// rule's own Chinese explanation, meant for the clerk and the judge.
func failedPrecondition(rule, article, msg string) *status.Status {
	text := rule + ": " + msg
	if article != "" {
		text = rule + " (" + article + "): " + msg
	}
	st := status.New(codes.FailedPrecondition, text)
	withDetails, err := st.WithDetails(&errdetails.PreconditionFailure{
		Violations: []*errdetails.PreconditionFailure_Violation{{Type: rule, Subject: article, Description: msg}},
	})
	if err != nil {
		return st
	}
	return withDetails
}

// ErrorDomain is the domain of the google.rpc.ErrorInfo details the server
// sends (the API's package).
const ErrorDomain = "fenjian.triage.v1"

// resourceExhausted is RESOURCE_EXHAUSTED for a shed call, with its reason
// as a google.rpc.ErrorInfo and, when the wait is known, a
// google.rpc.RetryInfo: what tells a client to retry it, and when, apart
// from a request over the message limit (grpc-go's RESOURCE_EXHAUSTED, with
// no details), which it must not send again.
func resourceExhausted(oe *overloadError) *status.Status {
	st := status.New(codes.ResourceExhausted, oe.msg)
	details := []protoadapt.MessageV1{&errdetails.ErrorInfo{Reason: oe.reason, Domain: ErrorDomain}}
	if oe.retryAfter > 0 {
		details = append(details, &errdetails.RetryInfo{RetryDelay: durationpb.New(oe.retryAfter)})
	}
	withDetails, err := st.WithDetails(details...)
	if err != nil {
		return st
	}
	return withDetails
}

// storeUnavailable is UNAVAILABLE for a write refused while the store is
// down, with the reason (ErrorInfo STORE_UNAVAILABLE) and when to retry
// (RetryInfo: the probe interval, by which the store is checked again).
// Unlike the other UNAVAILABLE answers of the store it says for certain
// that nothing was stored.
func storeUnavailable(sd *storeDownError) *status.Status {
	st := status.New(codes.Unavailable, msgStoreDown)
	details := []protoadapt.MessageV1{&errdetails.ErrorInfo{Reason: ReasonStoreUnavailable, Domain: ErrorDomain}}
	if sd.retryAfter > 0 {
		details = append(details, &errdetails.RetryInfo{RetryDelay: durationpb.New(sd.retryAfter)})
	}
	withDetails, err := st.WithDetails(details...)
	if err != nil {
		return st
	}
	return withDetails
}

func invalidArgument(field, problem string) *status.Status {
	st := status.New(codes.InvalidArgument, fmt.Sprintf("invalid %s: %s", field, problem))
	withDetails, err := st.WithDetails(&errdetails.BadRequest{
		FieldViolations: []*errdetails.BadRequest_FieldViolation{{
			Field:       field,
			Description: problem,
		}},
	})
	if err != nil {
		// Marshalling a BadRequest cannot fail in practice; the message
		// still names the field.
		return st
	}
	return withDetails
}
