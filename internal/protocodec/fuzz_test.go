package protocodec

import (
	"testing"

	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// FuzzCodec drives the server's decoding with arbitrary bytes for the
// requests that are stored: it never panics, a failure is kept for the
// server's guard (never returned, which grpc-go would turn into INTERNAL),
// and a decoded message has no unknown fields and encodes again. Seeds are
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
			if n := UnknownBytes(m.ProtoReflect()); n != 0 {
				t.Fatalf("%T kept %d unknown bytes", m, n)
			}
			if _, err := c.Marshal(m); err != nil {
				t.Fatalf("decoded %T does not encode: %v", m, err)
			}
		}
	})
}
