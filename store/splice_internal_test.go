package store

import (
	"bytes"
	"testing"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestSplitDecisionJoinsToTheEncoding checks the claim the writer relies on:
// joining a decision's parts with each choice the writer can make gives the
// very bytes marshalOpts.Marshal gives for the decision so completed, so the
// stored blobs, their digests and the audit chain do not depend on which
// path encoded them.
func TestSplitDecisionJoinsToTheEncoding(t *testing.T) {
	noTeam := &triagev1.Reason{Code: "NO_TEAM", Message: "no team has free capacity"}
	a := &triagev1.Assignment{
		AssignmentId: "0190-a", DecisionId: "dec-1", FilingId: "f-1", TeamId: "civil-fast-general",
		Kind: triagev1.AssignmentKind_ASSIGNMENT_KIND_RANDOM, Procedure: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS,
		Draw:       &triagev1.Draw{Seed: 7, Algorithm: "pcg", Candidates: []*triagev1.DrawCandidate{{TeamId: "civil-fast-general", Free: 3}}},
		AssignedAt: timestamppb.Now(), Cursor: "12",
	}
	aBlob, err := marshalOpts.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	full := &triagev1.Decision{
		DecisionId: "dec-1", Recommended: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS,
		Options:      []*triagev1.ProcedureOption{{Procedure: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, Available: true, Probability: 0.8}},
		ModelVersion: "m", RulesVersion: "r", FilingId: "f-1", CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, FiledOn: "2024-03-05",
		Inferences: []*triagev1.Reason{{Code: "X", Message: "借款"}}, DecidedAt: timestamppb.Now(),
	}
	for _, tc := range []struct {
		name        string
		needsReview bool
		reasons     []*triagev1.Reason
		noTeam      *triagev1.Reason
	}{
		{"plain", false, nil, nil},
		{"under review", true, []*triagev1.Reason{{Code: "R1", Message: "复杂"}, {Code: "R2"}}, noTeam},
		{"no team reason only", false, nil, noTeam},
		{"empty decision", false, nil, nil},
	} {
		d := proto.CloneOf(full)
		if tc.name == "empty decision" {
			d = &triagev1.Decision{DecisionId: "dec-2"}
		}
		d.NeedsReview, d.ReviewReasons = tc.needsReview, tc.reasons
		enc, err := marshalOpts.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		p := splitDecision(d, enc, tc.noTeam)
		if p == nil {
			t.Fatalf("%s: splitDecision refused a plain decision", tc.name)
		}
		// The writer's two outcomes: a team drawn, or none (review, NoTeam).
		drawn := proto.CloneOf(d)
		drawn.Assignment = a
		if want, _ := marshalOpts.Marshal(drawn); !bytes.Equal(p.join(d.NeedsReview, false, true, aBlob), want) {
			t.Errorf("%s, drawn: joined parts differ from the encoding", tc.name)
		}
		none := proto.CloneOf(d)
		none.NeedsReview = true
		if tc.noTeam != nil {
			none.ReviewReasons = append(none.ReviewReasons, tc.noTeam)
		}
		if want, _ := marshalOpts.Marshal(none); !bytes.Equal(p.join(true, tc.noTeam != nil, false, nil), want) {
			t.Errorf("%s, no team: joined parts differ from the encoding", tc.name)
		}
	}
	// Unknown fields encode after field 16: not split, the writer encodes.
	d := proto.CloneOf(full)
	d.ProtoReflect().SetUnknown([]byte{0xa8, 0x01, 0x01}) // field 21, varint 1
	enc, _ := marshalOpts.Marshal(d)
	if splitDecision(d, enc, nil) != nil {
		t.Error("splitDecision split a decision with unknown fields")
	}
}
