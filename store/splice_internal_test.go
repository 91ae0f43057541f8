package store

import (
	"bytes"
	"testing"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
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
		RecordedBy: "filing-system",
	}
	draw := &triagev1.Draw{Seed: 9, Algorithm: "pcg", Candidates: []*triagev1.DrawCandidate{{TeamId: "civil-fast-general", Capacity: 3, Load: 3}}}
	drawBlob, err := marshalOpts.Marshal(draw)
	if err != nil {
		t.Fatal(err)
	}
	served, _ := servedCase(t)
	served.DecisionId = "dec-3"
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
		{"served", false, nil, noTeam},
		{"served, under review", true, []*triagev1.Reason{{Code: "R1", Message: "复杂"}}, noTeam},
	} {
		d := proto.CloneOf(full)
		switch tc.name {
		case "empty decision":
			d = &triagev1.Decision{DecisionId: "dec-2"}
		case "served", "served, under review":
			d = proto.CloneOf(served)
		}
		d.NeedsReview, d.ReviewReasons = tc.needsReview, tc.reasons
		p, err := splitDecision(d, tc.noTeam)
		if p == nil || err != nil {
			t.Fatalf("%s: splitDecision refused a plain decision: %v", tc.name, err)
		}
		// The writer's two outcomes: a team drawn, or none (review, NoTeam).
		drawn := proto.CloneOf(d)
		drawn.Assignment = a
		if want, _ := marshalOpts.Marshal(drawn); !bytes.Equal(p.join(d.NeedsReview, false, true, aBlob, nil), want) {
			t.Errorf("%s, drawn: joined parts differ from the encoding", tc.name)
		}
		none := proto.CloneOf(d)
		none.NeedsReview = true
		if tc.noTeam != nil {
			none.ReviewReasons = append(none.ReviewReasons, tc.noTeam)
		}
		if want, _ := marshalOpts.Marshal(none); !bytes.Equal(p.join(true, tc.noTeam != nil, false, nil, nil), want) {
			t.Errorf("%s, no team: joined parts differ from the encoding", tc.name)
		}
		// Every eligible team full: the draw that found no room (17) goes
		// between the tail and recorded_by (18).
		noRoom := proto.CloneOf(none)
		noRoom.UnassignedDraw = draw
		if want, _ := marshalOpts.Marshal(noRoom); !bytes.Equal(p.join(true, tc.noTeam != nil, false, nil, drawBlob), want) {
			t.Errorf("%s, every team full: joined parts differ from the encoding", tc.name)
		}
	}
	// Unknown fields encode after field 16: not split, the writer encodes.
	d := proto.CloneOf(full)
	d.ProtoReflect().SetUnknown([]byte{0xa8, 0x01, 0x01}) // field 21, varint 1
	if p, err := splitDecision(d, nil); p != nil || err != nil {
		t.Errorf("splitDecision split a decision with unknown fields (%v)", err)
	}
	// A string that is not UTF-8 fails the split, as it fails Marshal.
	d = proto.CloneOf(full)
	d.ModelVersion = "m\xff"
	if _, err := splitDecision(d, nil); err == nil {
		t.Error("splitDecision encoded a model_version that is not UTF-8")
	}
}

// TestNewTriageRequestLeavesTheCallerAlone: the writer works on a shallow
// copy of the caller's decision; what it changes (the review state, the
// reasons list, the assignment) must not reach the caller's message, whose
// caller may have given up and be reusing it.
func TestNewTriageRequestLeavesTheCallerAlone(t *testing.T) {
	d, f := servedCase(t)
	d.DecisionId = "dec-1"
	d.ReviewReasons = make([]*triagev1.Reason, 1, 4) // room to append in place
	d.ReviewReasons[0] = &triagev1.Reason{Code: "R1"}
	want := proto.CloneOf(d)
	req, err := newTriageRequest(d, f, &AssignmentPlan{Teams: []TeamSlot{{TeamID: "A", Capacity: 1}}, NoTeam: &triagev1.Reason{Code: "NO_TEAM"}})
	if err != nil {
		t.Fatal(err)
	}
	own := req.triage.d
	own.NeedsReview = true
	own.ReviewReasons = append(own.ReviewReasons, &triagev1.Reason{Code: "NO_TEAM"})
	own.Assignment = &triagev1.Assignment{TeamId: "A"}
	// d.ReviewReasons[:2][1] is the slot an append to a shared list fills.
	if !proto.Equal(d, want) || d.ReviewReasons[:2][1] != nil {
		t.Errorf("the writer's changes reached the caller's decision: %v", d)
	}
}

// TestNewTriageRequestWithUnknownFields: a decision splitDecision does not
// cut (unknown fields) is encoded by the writer, so the writer gets a deep
// copy of its own, and a string that cannot be encoded still fails in the
// caller.
func TestNewTriageRequestWithUnknownFields(t *testing.T) {
	plan := &AssignmentPlan{Teams: []TeamSlot{{TeamID: "A", Capacity: 1}}}
	d, f := servedCase(t)
	d.DecisionId = "dec-1"
	d.ProtoReflect().SetUnknown([]byte{0xa8, 0x01, 0x01}) // field 21, varint 1
	req, err := newTriageRequest(d, f, plan)
	if err != nil {
		t.Fatal(err)
	}
	own := req.triage.d
	switch {
	case req.triage.parts != nil:
		t.Error("a decision with unknown fields was split")
	case !proto.Equal(own, d):
		t.Errorf("the writer's copy differs from the decision: %v", own)
	case len(d.GetOptions()) == 0 || own.GetOptions()[0] == d.GetOptions()[0]:
		t.Error("the writer's copy shares the caller's options: not a deep copy")
	}

	d.ModelVersion = "m\xff"
	if _, err := newTriageRequest(d, f, plan); err == nil {
		t.Error("a model_version that is not UTF-8 was accepted")
	}
}

// TestDecisionCopiesNameEveryField: shallowDecision and decisionTail copy
// Decision's fields by name, so a field added to Decision and not to them
// would be silently dropped from stored decisions. For each field in turn, a
// decision with only that field set must survive shallowDecision whole, and
// decisionTail must keep it exactly when it comes after review_reasons.
func TestDecisionCopiesNameEveryField(t *testing.T) {
	fields := (&triagev1.Decision{}).ProtoReflect().Descriptor().Fields()
	if fields.Len() == 0 {
		t.Fatal("Decision has no fields")
	}
	for i := range fields.Len() {
		fd := fields.Get(i)
		t.Run(string(fd.Name()), func(t *testing.T) {
			d := &triagev1.Decision{}
			m := d.ProtoReflect()
			switch {
			case fd.IsMap():
				t.Fatalf("field %s is a map, which this test does not fill", fd.Name())
			case fd.IsList():
				l := m.Mutable(fd).List()
				l.Append(nonZero(t, fd, l.NewElement()))
			case fd.Message() != nil:
				m.Set(fd, protoreflect.ValueOfMessage(m.NewField(fd).Message()))
			default:
				m.Set(fd, nonZero(t, fd, m.NewField(fd)))
			}
			if !m.Has(fd) {
				t.Fatalf("could not set %s", fd.Name())
			}
			if got := shallowDecision(d); !proto.Equal(got, d) {
				t.Errorf("shallowDecision dropped %s: got %v, want %v", fd.Name(), got, d)
			}
			tail := decisionTail(d)
			if fd.Number() > fieldReviewReasons {
				if !proto.Equal(tail, d) {
					t.Errorf("decisionTail dropped %s: got %v, want %v", fd.Name(), tail, d)
				}
			} else if proto.Size(tail) != 0 {
				t.Errorf("decisionTail kept %s, which comes before the fields the writer sets: %v", fd.Name(), tail)
			}
		})
	}
}

// nonZero returns a value of fd's kind that is not its zero value; zero is
// a new list element or field value to fill when fd holds messages.
func nonZero(t *testing.T, fd protoreflect.FieldDescriptor, zero protoreflect.Value) protoreflect.Value {
	t.Helper()
	switch fd.Kind() {
	case protoreflect.MessageKind, protoreflect.GroupKind:
		return zero // an empty message, present
	case protoreflect.StringKind:
		return protoreflect.ValueOfString("x")
	case protoreflect.BytesKind:
		return protoreflect.ValueOfBytes([]byte{1})
	case protoreflect.BoolKind:
		return protoreflect.ValueOfBool(true)
	case protoreflect.EnumKind:
		return protoreflect.ValueOfEnum(1)
	case protoreflect.Int32Kind, protoreflect.Sint32Kind, protoreflect.Sfixed32Kind:
		return protoreflect.ValueOfInt32(1)
	case protoreflect.Int64Kind, protoreflect.Sint64Kind, protoreflect.Sfixed64Kind:
		return protoreflect.ValueOfInt64(1)
	case protoreflect.Uint32Kind, protoreflect.Fixed32Kind:
		return protoreflect.ValueOfUint32(1)
	case protoreflect.Uint64Kind, protoreflect.Fixed64Kind:
		return protoreflect.ValueOfUint64(1)
	case protoreflect.FloatKind:
		return protoreflect.ValueOfFloat32(1)
	case protoreflect.DoubleKind:
		return protoreflect.ValueOfFloat64(1)
	}
	t.Fatalf("field %s has kind %s, which this test does not fill", fd.Name(), fd.Kind())
	return zero
}
