// Package protocodec is the gRPC server codec of fenjian: protobuf with
// unknown fields discarded and decoding failures kept for the server to
// answer INVALID_ARGUMENT. It is its own package so that its fuzz target
// builds without the store.
package protocodec

import (
	"fmt"
	"sync"
	"unicode/utf8"

	"google.golang.org/grpc/encoding"
	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// Codec is the server's protobuf codec (content-subtype "proto"). It differs
// from grpc-go's stock codec in two ways that matter to a record-keeping
// service:
//
//   - unknown fields are discarded while decoding, at every depth, so that
//     nothing the schema does not name can reach the store (a valid filing
//     carrying megabytes in an unknown field would otherwise be stored
//     verbatim and could never be deleted); in the messages that state the
//     facts of a case (FactMessages) an unknown field refuses the request
//     instead (*UnknownFieldError), since a fact the server cannot read
//     may bar a procedure;
//   - a decoding failure is the client's fault, not the server's. grpc-go
//     turns any codec error into INTERNAL, which the README reserves for
//     bugs, so the codec does not return the error: it resets the message
//     and parks the error in a table keyed by the message; the server's
//     decode interceptors take it with TakeFailure and answer
//     INVALID_ARGUMENT, log and count it. A failure nobody takes stays in
//     the table, so every method of a server using the codec must pass
//     through those interceptors.
//
// The codec is installed per server with grpc.ForceServerCodecV2; nothing is
// registered globally, so clients in the same process keep the stock codec.
type Codec struct {
	failed sync.Map // proto.Message → error
}

var _ encoding.CodecV2 = (*Codec)(nil)

func (c *Codec) Name() string { return "proto" }

func (c *Codec) Marshal(v any) (mem.BufferSlice, error) {
	m, ok := v.(proto.Message)
	if !ok {
		return nil, fmt.Errorf("codec: marshal %T: not a proto.Message", v)
	}
	b, err := proto.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("codec: marshal %T: %w", v, err)
	}
	return mem.BufferSlice{mem.SliceBuffer(b)}, nil
}

func (c *Codec) Unmarshal(data mem.BufferSlice, v any) error {
	m, ok := v.(proto.Message)
	if !ok {
		// The server only decodes generated messages: a bug, INTERNAL.
		return fmt.Errorf("codec: unmarshal into %T: not a proto.Message", v)
	}
	buf := data.MaterializeToBuffer(mem.DefaultBufferPool())
	defer buf.Free()
	if err := Decode(buf.ReadOnlyData(), m); err != nil {
		proto.Reset(m)
		c.failed.Store(m, err)
	}
	return nil
}

// Decode is the codec's decoding: strict UTF-8 and wire format (proto's
// defaults, including its recursion limit against deeply nested groups),
// unknown fields dropped, and no more elements than MaxListLen in a
// repeated field or MaxFields in the whole message (a *LimitError, checked
// on the wire before anything is allocated).
func Decode(b []byte, m proto.Message) error {
	w := wireWalk{}
	md := m.ProtoReflect().Descriptor()
	if err := checkCounts(b, md, "", 0, &w); err != nil {
		return err
	}
	if w.unknownFact {
		// Walked again only for such a request, to name the field's
		// message with its list indexes (checkCounts keeps no indexes).
		if ue := findUnknownFact(b, md, "", 0); ue != nil {
			return ue
		}
	}
	if err := (proto.UnmarshalOptions{DiscardUnknown: true}).Unmarshal(b, m); err != nil {
		// The decoder says only "string field contains invalid UTF-8",
		// which leaves a filing system that sent one name in GBK to guess
		// which of its fields it was: look for the field on the wire.
		if ue := findInvalidUTF8(b, md, "", 0); ue != nil {
			return ue
		}
		return err
	}
	return nil
}

// UTF8Error is a request refused because its string field Field (a path of
// the schema's field names with list indexes, e.g. "filing.parties[1].name")
// is not valid UTF-8 from byte Offset of its value on. proto3 strings must
// be UTF-8; the path comes from the schema, not the client's bytes.
type UTF8Error struct {
	Field  string
	Offset int
}

func (e *UTF8Error) Error() string {
	return fmt.Sprintf("%s: not valid UTF-8 from byte %d", e.Field, e.Offset)
}

// findInvalidUTF8 walks the wire format of b, a message of md at path, and
// returns the first string field, in wire order and depth first, whose value
// is not valid UTF-8; nil when there is none or the encoding breaks first
// (the decoder's error then stands).
func findInvalidUTF8(b []byte, md protoreflect.MessageDescriptor, path string, depth int) *UTF8Error {
	var seen map[protowire.Number]int
	return eachField(b, md, func(fd protoreflect.FieldDescriptor, num protowire.Number, typ protowire.Type, value []byte) *UTF8Error {
		if typ != protowire.BytesType || fd == nil || fd.IsMap() || (fd.Kind() != protoreflect.StringKind && fd.Message() == nil) {
			return nil
		}
		field := elementPath(path, fd, num, &seen)
		switch {
		case fd.Kind() == protoreflect.StringKind && !utf8.Valid(value):
			return &UTF8Error{Field: field, Offset: validUTF8Prefix(value)}
		case fd.Message() != nil && depth < maxCountDepth:
			return findInvalidUTF8(value, fd.Message(), field, depth+1)
		}
		return nil
	})
}

// validUTF8Prefix is the length of the longest valid UTF-8 prefix of b.
func validUTF8Prefix(b []byte) int {
	i := 0
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return i
}

// The element bounds of a request. Decoding allocates a Go value per
// element: an empty message element costs 2 bytes on the wire and about
// 70 in memory, so a 4 MiB request of two million empty parties took
// 148 MB to decode, and eight such requests, before any authentication
// (grpc-go decodes before the interceptors run), 1.4 GB. The largest
// valid request (5,000 parties of 7 fields, rules.Validate's bound, in a
// filing or an outcome's corrected filing) stays far below both.
const (
	// MaxListLen bounds the elements of one repeated field.
	MaxListLen = 10_000
	// MaxFields bounds the fields of a message, at every depth together.
	MaxFields = 100_000
	// maxCountDepth is how deep checkCounts descends into sub-messages.
	maxCountDepth = 32
)

// LimitError is a request refused before decoding because it holds more
// elements than MaxListLen in Field (a path of the schema's field names,
// e.g. "filing.parties"), or more than MaxFields in all (Field empty).
type LimitError struct {
	Field string
	Limit int
}

func (e *LimitError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("more than %d fields in the request", e.Limit)
	}
	return fmt.Sprintf("%s: more than %d elements", e.Field, e.Limit)
}

// wireWalk is what checkCounts gathers over a whole request.
type wireWalk struct {
	// total counts the fields at every depth.
	total int
	// unknownFact is set when a message of FactMessages has a field its
	// descriptor does not.
	unknownFact bool
}

// checkCounts walks the wire format of b, a message of md at path, counting
// its fields into w.total and each repeated field's elements, and descends
// into the fields that are messages; it notes in w.unknownFact an unknown
// field in a message of FactMessages. It returns a *LimitError over a bound
// and nil otherwise, also for a broken encoding, which proto.Unmarshal then
// reports. Packed scalars count a byte as an element (an upper bound).
func checkCounts(b []byte, md protoreflect.MessageDescriptor, path string, depth int, w *wireWalk) error {
	var lists map[protowire.Number]int
	return eachField(b, md, func(fd protoreflect.FieldDescriptor, num protowire.Number, typ protowire.Type, value []byte) error {
		elements := 1
		if typ == protowire.BytesType && fd != nil && fd.IsList() && fd.Message() == nil && fd.Kind() != protoreflect.StringKind && fd.Kind() != protoreflect.BytesKind {
			elements = max(1, len(value))
		}
		if w.total += elements; w.total > MaxFields {
			return &LimitError{Limit: MaxFields}
		}
		if fd == nil {
			// Unknown: dropped while decoding, or the request refused
			// when md states facts (Decode).
			if FactMessages[md.FullName()] {
				w.unknownFact = true
			}
			return nil
		}
		if fd.IsList() {
			if lists == nil {
				lists = map[protowire.Number]int{}
			}
			if lists[num] += elements; lists[num] > MaxListLen {
				return &LimitError{Field: fieldPath(path, fd), Limit: MaxListLen}
			}
		}
		// Past maxCountDepth (no schema of the server's nests so deep) the
		// decoder's own recursion limit is the guard.
		if value != nil && fd.Message() != nil && !fd.IsMap() && depth < maxCountDepth {
			return checkCounts(value, fd.Message(), fieldPath(path, fd), depth+1, w)
		}
		return nil
	})
}

// FactMessages are the messages that state the facts of a case: the filing
// the law is applied to (its parties and circumstances) and an outcome with
// its correction. An unknown field in one of them, which a client built
// from a newer api/ sends when it sets a field this server does not have,
// refuses the request (*UnknownFieldError) instead of being dropped: the
// server would decide without the fact, and a fact it cannot read may bar
// a procedure (a new circumstance, a new kind of party), so dropping it
// could send a case to a procedure the law forbids with no sign that
// anything was left out (outside check 16: a Circumstances field 60 set to
// true was dropped and small claims answered mandatory). Unknown fields of
// the other messages (a request's own options, the read requests) are
// dropped as before.
var FactMessages = map[protoreflect.FullName]bool{
	"fenjian.triage.v1.Filing":         true,
	"fenjian.triage.v1.Party":          true,
	"fenjian.triage.v1.Circumstances":  true,
	"fenjian.triage.v1.Outcome":        true,
	"fenjian.triage.v1.FactCorrection": true,
}

// UnknownFieldError is a request refused because Field, the path of a
// message of FactMessages (e.g. "filing.circumstances",
// "filing.parties[1]"), holds field Number, which the server's schema does
// not define.
type UnknownFieldError struct {
	Field  string
	Number protowire.Number
}

func (e *UnknownFieldError) Error() string {
	return fmt.Sprintf("%s: field %d is not in the server's schema", e.Field, e.Number)
}

// findUnknownFact walks the wire format of b, a message of md at path, and
// returns the first unknown field of a message of FactMessages, in wire
// order and depth first, naming its message by path with list indexes; nil
// when there is none or the encoding breaks first.
func findUnknownFact(b []byte, md protoreflect.MessageDescriptor, path string, depth int) *UnknownFieldError {
	var seen map[protowire.Number]int
	return eachField(b, md, func(fd protoreflect.FieldDescriptor, num protowire.Number, typ protowire.Type, value []byte) *UnknownFieldError {
		if fd == nil {
			if FactMessages[md.FullName()] {
				return &UnknownFieldError{Field: path, Number: num}
			}
			return nil
		}
		if typ != protowire.BytesType || fd.Message() == nil || fd.IsMap() || depth >= maxCountDepth {
			return nil
		}
		field := elementPath(path, fd, num, &seen)
		return findUnknownFact(value, fd.Message(), field, depth+1)
	})
}

// eachField calls visit with every field of the message of md encoded in b:
// its descriptor (nil for a field md does not have), number, wire type and
// value when length-delimited (nil otherwise). It stops at visit's first
// non-zero result and returns it; the zero result at the end of b, or where
// the encoding breaks (the decoder reports that).
func eachField[R comparable](b []byte, md protoreflect.MessageDescriptor, visit func(protoreflect.FieldDescriptor, protowire.Number, protowire.Type, []byte) R) R {
	var zero R
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return zero
		}
		b = b[n:]
		var value []byte
		if typ == protowire.BytesType {
			value, n = protowire.ConsumeBytes(b)
		} else {
			n = protowire.ConsumeFieldValue(num, typ, b)
		}
		if n < 0 {
			return zero
		}
		b = b[n:]
		if r := visit(md.Fields().ByNumber(num), num, typ, value); r != zero {
			return r
		}
	}
	return zero
}

// fieldPath is fd's path below the message at path, e.g. "filing.parties":
// built only where a limit is reported or a sub-message is entered, not
// for every field of every request.
func fieldPath(path string, fd protoreflect.FieldDescriptor) string {
	if path == "" {
		return string(fd.Name())
	}
	return path + "." + string(fd.Name())
}

// TakeFailure returns and forgets the decoding error recorded for m.
func (c *Codec) TakeFailure(m any) (error, bool) {
	if m == nil {
		return nil, false
	}
	err, ok := c.failed.LoadAndDelete(m)
	if !ok {
		return nil, false
	}
	return err.(error), true
}

// UnknownBytes counts the unknown-field bytes in m and every message under
// it; tests use it to show nothing unknown is kept.
func UnknownBytes(m protoreflect.Message) int {
	n := len(m.GetUnknown())
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		switch {
		case fd.IsList() && fd.Message() != nil:
			for i := range v.List().Len() {
				n += UnknownBytes(v.List().Get(i).Message())
			}
		case fd.IsMap() && fd.MapValue().Message() != nil:
			v.Map().Range(func(_ protoreflect.MapKey, mv protoreflect.Value) bool {
				n += UnknownBytes(mv.Message())
				return true
			})
		case fd.Message() != nil && !fd.IsList() && !fd.IsMap():
			n += UnknownBytes(v.Message())
		}
		return true
	})
	return n
}

// elementPath is the path of fd's value in a message at path: a repeated
// field's element carries its index, counted in *seen per field number as
// the wire walk meets them ("filing.parties[2]").
func elementPath(path string, fd protoreflect.FieldDescriptor, num protowire.Number, seen *map[protowire.Number]int) string {
	field := fieldPath(path, fd)
	if !fd.IsList() {
		return field
	}
	if *seen == nil {
		*seen = map[protowire.Number]int{}
	}
	field = fmt.Sprintf("%s[%d]", field, (*seen)[num])
	(*seen)[num]++
	return field
}
