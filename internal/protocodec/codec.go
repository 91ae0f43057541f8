// Package protocodec is the gRPC server codec of fenjian: protobuf with
// unknown fields discarded and decoding failures kept for the server to
// answer INVALID_ARGUMENT. It is its own package so that its fuzz target
// builds without the store.
package protocodec

import (
	"fmt"
	"sync"

	"google.golang.org/grpc/encoding"
	"google.golang.org/grpc/mem"
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
//     verbatim and could never be deleted);
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
// unknown fields dropped.
func Decode(b []byte, m proto.Message) error {
	return proto.UnmarshalOptions{DiscardUnknown: true}.Unmarshal(b, m)
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
