package protocodec

import (
	"strings"
	"testing"

	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// FuzzCodec drives the server's decoding with arbitrary bytes for the
// requests that are stored: it never panics, a failure is kept for the
// server's guard (never returned, which grpc-go would turn into INTERNAL),
// and a decoded message has no unknown fields, no list over MaxListLen nor
// more than MaxFields fields, and encodes again. Seeds are
// in testdata/fuzz/FuzzCodec and below.
func FuzzCodec(f *testing.F) {
	valid, err := proto.Marshal(&triagev1.TriageRequest{Filing: &triagev1.Filing{
		Id: "(2024)辽0102民初1234号", CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, Court: "沈阳市和平区人民法院",
		CourtLevel: triagev1.CourtLevel_COURT_LEVEL_BASIC, Province: "辽宁省", FiledOn: "2024-03-05",
		Cause: "民间借贷纠纷", ClaimAmountFen: 3000000,
		Parties: []*triagev1.Party{{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Name: "王秀英"}},
		Text:    "诉讼请求：判令被告偿还借款30000元。",
	}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	f.Add(append(valid, 0xba, 0x3e, 0x03, 'a', 'b', 'c')) // unknown field 999
	f.Add([]byte{0x0a, 0x02, 0x3a, 0xff})                 // invalid UTF-8 in filing.cause
	var groups []byte
	for range 200 {
		groups = protowire.AppendTag(groups, 99, protowire.StartGroupType)
	}
	f.Add(groups)
	f.Add([]byte{0x80})
	// Limits (outside check 27): one repeated field past MaxListLen, as
	// empty parties and as packed-free repeated strings of a correction's
	// changed_fields, and a message past MaxFields spread over fields.
	var parties []byte
	for range MaxListLen + 1 {
		parties = protowire.AppendTag(parties, 9, protowire.BytesType)
		parties = protowire.AppendBytes(parties, nil)
	}
	f.Add(protowire.AppendBytes(protowire.AppendTag(nil, 1, protowire.BytesType), parties))
	var changed []byte
	for range MaxListLen + 1 {
		changed = protowire.AppendTag(changed, 3, protowire.BytesType)
		changed = protowire.AppendString(changed, "x")
	}
	correction := protowire.AppendBytes(protowire.AppendTag(nil, 14, protowire.BytesType), changed)
	f.Add(protowire.AppendBytes(protowire.AppendTag(nil, 1, protowire.BytesType), correction))
	// Long strings in fields other than the text, and deep unknown nesting
	// inside a known message (unknown fields are not walked).
	long := protowire.AppendString(protowire.AppendTag(nil, 1, protowire.BytesType), strings.Repeat("长", 100_000))
	f.Add(protowire.AppendBytes(protowire.AppendTag(nil, 1, protowire.BytesType), long))
	deep := []byte{}
	for range 5000 {
		deep = protowire.AppendBytes(protowire.AppendTag(nil, 999, protowire.BytesType), deep)
	}
	f.Add(protowire.AppendBytes(protowire.AppendTag(nil, 1, protowire.BytesType), deep))
	c := &Codec{}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, m := range []proto.Message{&triagev1.TriageRequest{}, &triagev1.RecordOutcomeRequest{}, &triagev1.AssignCaseRequest{}, &triagev1.WatchAssignmentsRequest{}} {
			if err := c.Unmarshal(mem.BufferSlice{mem.SliceBuffer(b)}, m); err != nil {
				t.Fatalf("Unmarshal returned %v; decode errors must go to the guard", err)
			}
			if _, failed := c.TakeFailure(m); failed {
				if proto.Size(m) != 0 {
					t.Fatalf("failed %T not reset", m)
				}
				continue
			}
			if lists, fields := countElements(m.ProtoReflect()); lists > MaxListLen || fields > MaxFields {
				t.Fatalf("decoded %T has a list of %d elements and %d fields in all; over the bounds", m, lists, fields)
			}
			if n := UnknownBytes(m.ProtoReflect()); n != 0 {
				t.Fatalf("%T kept %d unknown bytes", m, n)
			}
			if _, err := c.Marshal(m); err != nil {
				t.Fatalf("decoded %T does not encode: %v", m, err)
			}
		}
	})
}

// countElements returns the longest list in m, at any depth, and the
// fields set in m at every depth together (a list's elements each one).
func countElements(m protoreflect.Message) (longest, fields int) {
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		switch {
		case fd.IsList():
			l := v.List()
			longest = max(longest, l.Len())
			fields += l.Len()
			if fd.Message() != nil {
				for i := range l.Len() {
					lo, n := countElements(l.Get(i).Message())
					longest, fields = max(longest, lo), fields+n
				}
			}
		case fd.IsMap():
			fields += v.Map().Len()
		case fd.Message() != nil:
			lo, n := countElements(v.Message())
			longest, fields = max(longest, lo), fields+n+1
		default:
			fields++
		}
		return true
	})
	return longest, fields
}
