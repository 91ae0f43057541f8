package server

import (
	"testing"

	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// FuzzCodec drives the server's decoding path with arbitrary bytes for the
// requests that are stored: it never panics, a failure is recorded for the
// decode guard (never returned, which grpc-go would turn into INTERNAL), and
// a decoded message has no unknown fields and encodes again.
func FuzzCodec(f *testing.F) {
	valid, err := proto.Marshal(&triagev1.TriageRequest{Filing: validFiling()})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	f.Add(append(valid, 0xfa, 0x3e, 0x03, 'a', 'b', 'c')) // unknown field 999
	f.Add([]byte{0x0a, 0x02, 0x3a, 0xff})                 // invalid UTF-8 in filing.cause
	f.Add(deepGroups(200))
	f.Add([]byte{0x80})
	c := &codec{}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, m := range []proto.Message{&triagev1.TriageRequest{}, &triagev1.RecordOutcomeRequest{}, &triagev1.AssignCaseRequest{}, &triagev1.WatchAssignmentsRequest{}} {
			if err := c.Unmarshal(mem.BufferSlice{mem.SliceBuffer(b)}, m); err != nil {
				t.Fatalf("Unmarshal returned %v; decode errors must go to the guard", err)
			}
			if _, failed := c.takeFailure(m); failed {
				continue
			}
			if n := unknownBytes(m.ProtoReflect()); n != 0 {
				t.Fatalf("%T kept %d unknown bytes", m, n)
			}
			if _, err := c.Marshal(m); err != nil {
				t.Fatalf("decoded %T does not encode: %v", m, err)
			}
		}
	})
}
