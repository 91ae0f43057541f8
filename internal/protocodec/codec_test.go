package protocodec

import (
	"bytes"
	"errors"
	"testing"

	"google.golang.org/protobuf/encoding/protowire"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestDecodeCountsElements: Decode refuses, before decoding, a repeated
// field of more than MaxListLen elements (naming it by its path, also
// inside an outcome's corrected filing) and a message of more than
// MaxFields fields, unknown ones included; at the bounds it decodes.
func TestDecodeCountsElements(t *testing.T) {
	parties := func(n int) []byte { return bytes.Repeat([]byte{0x4a, 0x00}, n) }
	wrap := func(num protowire.Number, b []byte) []byte {
		return protowire.AppendBytes(protowire.AppendTag(nil, num, protowire.BytesType), b)
	}
	// Unknown field 99 as a varint: a field, dropped when decoded.
	unknown := func(n int) []byte { return bytes.Repeat([]byte{0x98, 0x06, 0x01}, n) }
	tests := []struct {
		name    string
		msg     []byte
		outcome bool
		want    *LimitError
	}{
		{"parties at the bound", wrap(1, parties(MaxListLen)), false, nil},
		{"parties over the bound", wrap(1, parties(MaxListLen+1)), false, &LimitError{Field: "filing.parties", Limit: MaxListLen}},
		{"corrected filing's parties over the bound", wrap(1, wrap(14, wrap(1, parties(MaxListLen+1)))), true,
			&LimitError{Field: "outcome.correction.filing.parties", Limit: MaxListLen}},
		{"fields at the bound", append(wrap(1, nil), unknown(MaxFields-1)...), false, nil},
		{"fields over the bound", append(wrap(1, nil), unknown(MaxFields)...), false, &LimitError{Limit: MaxFields}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.outcome {
				err = Decode(tt.msg, &triagev1.RecordOutcomeRequest{})
			} else {
				err = Decode(tt.msg, &triagev1.TriageRequest{})
			}
			le, isLimit := errors.AsType[*LimitError](err)
			switch {
			case tt.want == nil && err != nil:
				t.Errorf("Decode = %v, want it decoded", err)
			case tt.want != nil && (!isLimit || *le != *tt.want):
				t.Errorf("Decode = %v, want %v", err, tt.want)
			}
		})
	}
}
