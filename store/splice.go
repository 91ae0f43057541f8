package store

import (
	"bytes"

	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Field numbers of triagev1.Decision that SaveTriage's writer sets.
const (
	fieldNeedsReview   = 4
	fieldReviewReasons = 5
	fieldAssignment    = 16
	// fieldUnassignedDraw, the last field, is appended after the join.
	fieldUnassignedDraw = 17
)

// decisionParts is a decision's encoding cut around the fields the writer
// decides (needs_review, review_reasons, assignment), made in the caller so
// that the writer joins bytes instead of encoding the whole decision again.
// The deterministic encoding writes known fields in field-number order, so
// the stored blob is
//
//	head (fields 1–3) | needs_review | review_reasons | tail (6–15) | assignment (16)
//
// byte for byte what marshalOpts.Marshal would write: the stored bytes, and
// so the record digests and the audit chain, are the same either way.
// splitDecision checks that claim on every decision it splits.
type decisionParts struct {
	head, reasons, tail []byte
	// noTeam is the plan's NoTeam reason as a review_reasons entry.
	noTeam []byte
}

// splitDecision cuts d's encoding, or returns nil when it cannot vouch for
// the result (unknown fields, which encode after field 16, or an encoder
// that does not write fields in order): the writer then encodes d itself.
// full is marshalOpts.Marshal(d), which the caller has made anyway.
func splitDecision(d *triagev1.Decision, full []byte, noTeam *triagev1.Reason) *decisionParts {
	if d.GetAssignment() != nil || len(d.ProtoReflect().GetUnknown()) > 0 {
		return nil
	}
	head, err := marshalOpts.Marshal(&triagev1.Decision{DecisionId: d.GetDecisionId(), Recommended: d.GetRecommended(), Options: d.GetOptions()})
	if err != nil {
		return nil
	}
	rest := proto.CloneOf(d)
	rest.DecisionId, rest.Recommended, rest.Options = "", 0, nil
	rest.NeedsReview, rest.ReviewReasons = false, nil
	tail, err := marshalOpts.Marshal(rest)
	if err != nil {
		return nil
	}
	p := &decisionParts{head: head, tail: tail}
	for _, r := range d.GetReviewReasons() {
		if p.reasons, err = appendMessage(p.reasons, fieldReviewReasons, r); err != nil {
			return nil
		}
	}
	if noTeam != nil {
		if p.noTeam, err = appendMessage(nil, fieldReviewReasons, noTeam); err != nil {
			return nil
		}
	}
	if !bytes.Equal(p.join(d.GetNeedsReview(), false, false, nil), full) {
		return nil
	}
	return p
}

// join returns the decision's encoding with the writer's choices: the
// review flag, whether NoTeam was appended to the reasons, and whether an
// assignment was drawn, with its encoding.
func (p *decisionParts) join(needsReview, noTeam, assigned bool, assignment []byte) []byte {
	n := len(p.head) + 2 + len(p.reasons) + len(p.noTeam) + len(p.tail) + 2 + 10 + len(assignment)
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
	return b
}

func appendMessage(b []byte, field protowire.Number, m proto.Message) ([]byte, error) {
	enc, err := marshalOpts.Marshal(m)
	if err != nil {
		return nil, err
	}
	b = protowire.AppendTag(b, field, protowire.BytesType)
	return protowire.AppendBytes(b, enc), nil
}
