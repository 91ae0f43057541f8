package server

import (
	"context"
	"errors"
	"fmt"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
)

// Replays: a write RPC sent again after its answer was lost (a dropped
// connection, a deadline, gRPC's own retry policy on UNAVAILABLE) answers
// what the first call stored, marked replayed, and writes nothing: no
// second record, no second audit-chain entry, no second unit of a team's
// capacity. A request is a replay only when it is the stored one in every
// field the client sets and comes from the identity that stored it (the
// record's recorded_by): another identity sending the same thing is not
// retrying, and is answered as before this existed (ALREADY_EXISTS,
// FAILED_PRECONDITION), which tells it no more than it was told then.
// docs/integration.md (Retries) is the client's side.

// Why a Triage of a decided filing is not a replay, for its ALREADY_EXISTS.
const (
	whyOtherIdentity = "it was filed by another identity, so this call is not a retry of that one"
	whyOtherFiling   = "the filing sent differs from the one decided, so this call is not a retry of that one"
	// The facts are the stored ones and only the case number is spelt
	// otherwise (a clerk re-keying it in full-width digits): there is no
	// changed fact to correct, only the id to send as stored.
	whyOtherSpelling = "its facts are the ones decided but its case number is spelt differently, so this call is not a retry of that one: send filing.id as stored to retry it"
)

// filingTakenError is a Triage of a filing that has a decision and is not a
// replay of it: ALREADY_EXISTS naming the decision and saying why.
type filingTakenError struct {
	decided *store.FilingDecidedError
	why     string
}

func (e *filingTakenError) Error() string { return e.decided.Error() + ": " + e.why }
func (e *filingTakenError) Unwrap() error { return e.decided }

// callerName is the identity a record's recorded_by names for the caller of
// ctx: its proved name, "" for an anonymous caller (on loopback), as
// Triage records it.
func callerName(ctx context.Context) string {
	if c, ok := callerFrom(ctx); ok && c.id != nil {
		return c.id.Name
	}
	return ""
}

// notYetReadable turns the store's not-found for a record it has just named
// (a filing's decision, refused in a batch whose commit then failed) into
// UNAVAILABLE: the client retries, and finds it stored or stores it.
func notYetReadable(what, id string, err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return &storeError{op: "replay", err: fmt.Errorf("%s %s named by the store is not readable: %w", what, id, store.ErrUnavailable)}
	}
	return &storeError{op: "replay", err: err}
}

// replayTriage answers a Triage of filing f that the store refused as
// decided (fd): the stored decision when the call is a retry of the one
// that stored it (same identity, store.SameFiling), else fd with the
// reason it is not.
func (s *Service) replayTriage(ctx context.Context, f *triagev1.Filing, fd *store.FilingDecidedError) (*triagev1.Decision, error) {
	d, err := s.store.GetDecision(ctx, fd.DecisionID)
	if err != nil {
		return nil, notYetReadable("decision", fd.DecisionID, err)
	}
	// The identity first: another caller learns nothing about the stored
	// facts, not even whether its own match them.
	if d.GetRecordedBy() != callerName(ctx) {
		return nil, &filingTakenError{decided: fd, why: whyOtherIdentity}
	}
	stored, err := s.store.GetFiling(ctx, fd.DecisionID)
	if err != nil {
		return nil, notYetReadable("filing of decision", fd.DecisionID, err)
	}
	same, err := store.SameFiling(stored, f)
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	if !same {
		return nil, &filingTakenError{decided: fd, why: whyNotSame(stored, f)}
	}
	return d, nil
}

// whyNotSame says why filing f, not store.SameFiling as the stored one, is
// not a retry of it: whyOtherSpelling when f is the stored filing in every
// field but the spelling of its id, else whyOtherFiling.
func whyNotSame(stored, f *triagev1.Filing) string {
	if stored.GetId() == f.GetId() {
		return whyOtherFiling
	}
	respelt := proto.CloneOf(f)
	respelt.Id = stored.GetId()
	if same, err := store.SameFiling(stored, respelt); err == nil && same {
		return whyOtherSpelling
	}
	return whyOtherFiling
}

// clientOutcome is o with every field the server sets cleared: what the
// client says, which a replay compares and RecordOutcome starts from.
func clientOutcome(o *triagev1.Outcome) *triagev1.Outcome {
	c := proto.CloneOf(o)
	c.OutcomeId, c.RecordedAt, c.TimeLimit, c.ReviewReasons = "", nil, nil, nil
	c.Previous, c.RecordedBy = triagev1.Procedure_PROCEDURE_UNSPECIFIED, ""
	if cr := c.GetCorrection(); cr != nil {
		cr.ChangedFields = nil
	}
	return c
}

// replayedOutcome returns the latest of a case's outcomes when the request
// want (clientOutcome, decision id canonical) is a retry of it by identity
// who, with the reassignment recorded with it; nil when it is not. Only the
// latest: an outcome recorded again after others is a new request, which
// the law then checks (a confirmation after a conversion is refused as
// such, not answered as the old one).
func (s *Service) replayedOutcome(ctx context.Context, cs CaseStore, outcomes []*triagev1.Outcome, want *triagev1.Outcome, who string) (*triagev1.Outcome, *triagev1.Assignment, error) {
	if len(outcomes) == 0 {
		return nil, nil, nil
	}
	last := outcomes[len(outcomes)-1]
	if last.GetRecordedBy() != who || !proto.Equal(clientOutcome(last), want) {
		return nil, nil, nil
	}
	c, err := cs.GetCase(ctx, last.GetDecisionId())
	if err != nil {
		return nil, nil, &storeError{op: "replay", err: err}
	}
	for _, a := range c.Assignments {
		if a.GetOutcomeId() == last.GetOutcomeId() {
			return last, a, nil
		}
	}
	return last, nil, nil
}

// replayedDesignation returns the case's latest assignment when it is the
// designation want (team, designated_by, reason as they would be stored)
// recorded by the same identity; nil when it is not.
func replayedDesignation(ctx context.Context, cs CaseStore, want *triagev1.Assignment) (*triagev1.Assignment, error) {
	c, err := cs.GetCase(ctx, want.GetDecisionId())
	if err != nil {
		return nil, &storeError{op: "replay", err: err}
	}
	if len(c.Assignments) == 0 {
		return nil, nil
	}
	last := c.Assignments[len(c.Assignments)-1]
	if last.GetKind() != triagev1.AssignmentKind_ASSIGNMENT_KIND_DESIGNATED || last.GetTeamId() != want.GetTeamId() ||
		last.GetDesignatedBy() != want.GetDesignatedBy() || last.GetReason() != want.GetReason() ||
		last.GetRecordedBy() != want.GetRecordedBy() {
		return nil, nil
	}
	return last, nil
}
