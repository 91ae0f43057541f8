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
		t.Run(tt.name, func(t *testing.T) { checkDecode(t, tt.msg, tt.outcome, tt.want) })
	}
}

// checkDecode decodes msg as a TriageRequest, or a RecordOutcomeRequest when
// outcome, and wants it decoded (want nil) or refused with an error of want's
// type equal to *want.
func checkDecode[E comparable, PE interface {
	*E
	error
}](t *testing.T, msg []byte, outcome bool, want PE) {
	t.Helper()
	var err error
	if outcome {
		err = Decode(msg, &triagev1.RecordOutcomeRequest{})
	} else {
		err = Decode(msg, &triagev1.TriageRequest{})
	}
	got, ok := errors.AsType[PE](err)
	switch {
	case want == nil && err != nil:
		t.Errorf("Decode = %v, want it decoded", err)
	case want != nil && (!ok || *got != *want):
		t.Errorf("Decode = %v, want %v", err, want)
	}
}

// TestDecodeNamesInvalidUTF8: a string that is not UTF-8 is refused naming
// its field by path and list index, also inside a list of messages and an
// outcome's corrected filing, with the offset of its first bad byte. The
// decoder itself says only "string field contains invalid UTF-8": a filing
// system that sent one party's name in GBK could not tell which (outside
// check 9). A broken encoding whose strings are all UTF-8 keeps the
// decoder's error.
func TestDecodeNamesInvalidUTF8(t *testing.T) {
	str := func(num protowire.Number, s string) []byte {
		return protowire.AppendString(protowire.AppendTag(nil, num, protowire.BytesType), s)
	}
	wrap := func(num protowire.Number, b ...[]byte) []byte {
		return protowire.AppendBytes(protowire.AppendTag(nil, num, protowire.BytesType), bytes.Join(b, nil))
	}
	gbk := "\xcd\xf5\xd0\xe3\xd3\xa2" // 王秀英 in GBK
	party := func(name string) []byte { return wrap(9, str(3, name)) }
	tests := []struct {
		name    string
		msg     []byte
		outcome bool
		want    *UTF8Error
	}{
		{"text", wrap(1, str(1, "(2024)苏0106民初1号"), str(10, "诉讼请求\xff")), false, &UTF8Error{Field: "filing.text", Offset: 12}},
		{"second party's name", wrap(1, party("李建国"), party(gbk)), false, &UTF8Error{Field: "filing.parties[1].name", Offset: 0}},
		{"surrogate in the id", wrap(1, str(1, "a\xed\xa0\x80")), false, &UTF8Error{Field: "filing.id", Offset: 1}},
		{"corrected filing's party", wrap(1, wrap(14, wrap(1, party("甲"), party("乙"), party("丙\xe4\xb8")))), true,
			&UTF8Error{Field: "outcome.correction.filing.parties[2].name", Offset: 3}},
		{"changed field", wrap(1, wrap(14, str(3, "filing.text"), str(3, "\xc0\x80"))), true, &UTF8Error{Field: "outcome.correction.changed_fields[1]", Offset: 0}},
		{"all UTF-8", wrap(1, party("李建国"), str(10, "诉讼请求")), false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkDecode(t, tt.msg, tt.outcome, tt.want) })
	}
	// Broken after valid strings: not a UTF-8 problem.
	err := Decode(append(wrap(1, str(10, "诉讼请求")), 0x80), &triagev1.TriageRequest{})
	if _, isUTF8 := errors.AsType[*UTF8Error](err); err == nil || isUTF8 {
		t.Errorf("Decode of a broken tag = %v, want the decoder's error", err)
	}
}

// TestDecodeRefusesUnknownFacts: an unknown field in a message of
// FactMessages is refused naming the message by path, with list indexes,
// and the field's number, at every depth and whatever its wire type; an
// unknown field of a request itself is dropped as before.
func TestDecodeRefusesUnknownFacts(t *testing.T) {
	wrap := func(num protowire.Number, b ...[]byte) []byte {
		return protowire.AppendBytes(protowire.AppendTag(nil, num, protowire.BytesType), bytes.Join(b, nil))
	}
	varint := func(num protowire.Number) []byte {
		return protowire.AppendVarint(protowire.AppendTag(nil, num, protowire.VarintType), 1)
	}
	fixed := protowire.AppendFixed64(protowire.AppendTag(nil, 88, protowire.Fixed64Type), 7)
	role := varint(1) // a party's role: known
	tests := []struct {
		name    string
		msg     []byte
		outcome bool
		want    *UnknownFieldError
	}{
		{"request's own field", append(wrap(1, role), varint(99)...), false, nil},
		{"filing", wrap(1, varint(500)), false, &UnknownFieldError{Field: "filing", Number: 500}},
		{"filing, fixed64", wrap(1, fixed), false, &UnknownFieldError{Field: "filing", Number: 88}},
		{"circumstances", wrap(1, wrap(11, varint(60))), false, &UnknownFieldError{Field: "filing.circumstances", Number: 60}},
		{"second party", wrap(1, wrap(9, role), wrap(9, role, varint(20))), false, &UnknownFieldError{Field: "filing.parties[1]", Number: 20}},
		{"known fields only", wrap(1, wrap(9, role), wrap(11, varint(1))), false, nil},
		{"outcome", wrap(1, varint(30)), true, &UnknownFieldError{Field: "outcome", Number: 30}},
		{"corrected filing's party", wrap(1, wrap(14, wrap(1, wrap(9, role), wrap(9, varint(8))))), true,
			&UnknownFieldError{Field: "outcome.correction.filing.parties[1]", Number: 8}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkDecode(t, tt.msg, tt.outcome, tt.want) })
	}
}
