package store

import (
	"fmt"

	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Field numbers of triagev1.Decision that SaveTriage's writer sets.
const (
	fieldNeedsReview   = 4
	fieldReviewReasons = 5
	fieldAssignment    = 16
	// fieldUnassignedDraw and fieldRecordedBy come after the assignment,
	// so the join appends them last, in this order.
	fieldUnassignedDraw = 17
	fieldRecordedBy     = 18
)

// decisionParts is a decision's encoding cut around the fields the writer
// decides (needs_review, review_reasons, assignment), made in the caller so
// that the writer joins bytes instead of encoding the whole decision again.
// The deterministic encoding writes known fields in field-number order, so
// the stored blob is
//
//	head (fields 1–3) | needs_review | review_reasons | tail (6–15) | assignment (16)
//	| unassigned_draw (17) | recorded_by (18)
//
// byte for byte what marshalOpts.Marshal would write: the stored bytes, and
// so the record digests and the audit chain, are the same either way.
// splitDecision checks that claim on every decision it splits.
type decisionParts struct {
	head, reasons, tail []byte
	// last is recorded_by, the field after the ones the writer appends.
	last []byte
	// noTeam is the plan's NoTeam reason as a review_reasons entry.
	noTeam []byte
}

// splitDecision cuts d's encoding, or returns nil parts when it cannot
// vouch for the result: unknown fields, which the encoder writes after
// field 16 (then the writer encodes the whole decision). Its error is an
// encoding error (a string that is not UTF-8): the decision cannot be
// stored.
//
// The cut relies on the deterministic encoder writing a message's known
// fields in field-number order, each repeated message element as tag,
// length and the element's own encoding; Decision has no oneofs or
// extensions. TestSplitDecisionJoinsToTheEncoding holds the joined bytes to
// Marshal's for every choice the writer makes, on the served decision and on
// hand-made ones. (Checking that on every decision cost a second encoding of
// it per request; and a blob that differed from Marshal's would still
// decode to the same decision and verify, since record digests cover the
// stored bytes, whatever produced them.)
func splitDecision(d *triagev1.Decision, noTeam *triagev1.Reason) (*decisionParts, error) {
	if d.GetAssignment() != nil || len(d.ProtoReflect().GetUnknown()) > 0 {
		return nil, nil
	}
	head, err := marshalOpts.Marshal(&triagev1.Decision{DecisionId: d.GetDecisionId(), Recommended: d.GetRecommended(), Options: d.GetOptions()})
	if err != nil {
		return nil, fmt.Errorf("store: encode decision: %w", err)
	}
	// Fields 6 to 15, shallow: Marshal only reads them. recorded_by (18)
	// follows the assignment and the unassigned draw the writer adds.
	t := decisionTail(d)
	t.RecordedBy = ""
	tail, err := marshalOpts.Marshal(t)
	if err != nil {
		return nil, fmt.Errorf("store: encode decision: %w", err)
	}
	p := &decisionParts{head: head, tail: tail}
	if by := d.GetRecordedBy(); by != "" {
		if p.last, err = marshalOpts.Marshal(&triagev1.Decision{RecordedBy: by}); err != nil {
			return nil, fmt.Errorf("store: encode decision: %w", err)
		}
	}
	for _, r := range d.GetReviewReasons() {
		if p.reasons, err = appendMessage(p.reasons, fieldReviewReasons, r); err != nil {
			return nil, fmt.Errorf("store: encode decision: %w", err)
		}
	}
	if noTeam != nil {
		if p.noTeam, err = appendMessage(nil, fieldReviewReasons, noTeam); err != nil {
			return nil, fmt.Errorf("store: assignment plan: NoTeam: %w", err)
		}
	}
	return p, nil
}

// join returns the decision's encoding with the writer's choices: the
// review flag, whether NoTeam was appended to the reasons, whether an
// assignment was drawn, with its encoding, and the encoding of the draw
// that found no team (nil for none).
func (p *decisionParts) join(needsReview, noTeam, assigned bool, assignment, unassignedDraw []byte) []byte {
	n := len(p.head) + 2 + len(p.reasons) + len(p.noTeam) + len(p.tail) + 2 + 10 + len(assignment) + 2 + 10 + len(unassignedDraw) + len(p.last)
	b := make([]byte, 0, n)
	b = append(b, p.head...)
	if needsReview {
		b = protowire.AppendTag(b, fieldNeedsReview, protowire.VarintType)
		b = protowire.AppendVarint(b, 1)
	}
	b = append(b, p.reasons...)
	if noTeam {
		b = append(b, p.noTeam...)
	}
	b = append(b, p.tail...)
	if assigned {
		b = protowire.AppendTag(b, fieldAssignment, protowire.BytesType)
		b = protowire.AppendBytes(b, assignment)
	}
	if unassignedDraw != nil {
		b = protowire.AppendTag(b, fieldUnassignedDraw, protowire.BytesType)
		b = protowire.AppendBytes(b, unassignedDraw)
	}
	return append(b, p.last...)
}

// decisionTail returns a new Decision holding d's fields after
// review_reasons (6 on), shallowly: the pointers and slices are d's. Named
// field by field rather than copied through protoreflect, which cost more
// than the copy; TestDecisionCopiesNameEveryField fails when Decision gains
// a field this misses.
func decisionTail(d *triagev1.Decision) *triagev1.Decision {
	return &triagev1.Decision{
		ModelVersion:     d.ModelVersion,
		RulesVersion:     d.RulesVersion,
		FilingId:         d.FilingId,
		CaseKind:         d.CaseKind,
		FiledOn:          d.FiledOn,
		SmallClaimsLimit: d.SmallClaimsLimit,
		TimeLimit:        d.TimeLimit,
		Inferences:       d.Inferences,
		DecidedAt:        d.DecidedAt,
		DryRun:           d.DryRun,
		Assignment:       d.Assignment,
		UnassignedDraw:   d.UnassignedDraw,
		RecordedBy:       d.RecordedBy,
	}
}

func appendMessage(b []byte, field protowire.Number, m proto.Message) ([]byte, error) {
	enc, err := marshalOpts.Marshal(m)
	if err != nil {
		return nil, err
	}
	b = protowire.AppendTag(b, field, protowire.BytesType)
	return protowire.AppendBytes(b, enc), nil
}
