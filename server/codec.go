package server

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/encoding"
	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/proto"
)

// msgMalformed is the client-visible message for a request that is not a
// valid protobuf encoding of the method's request type. The decoder's own
// text stays in the log: it can echo the client's bytes.
const msgMalformed = "malformed request: not a valid protobuf encoding of the request message"

// codec is the server's protobuf codec (content-subtype "proto"). It differs
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
//     and parks the error in a table keyed by the message, and the decode
//     interceptors (outermost after metrics and recovery) answer
//     INVALID_ARGUMENT, log and count it.
//
// The codec is installed per server with grpc.ForceServerCodecV2; nothing is
// registered globally, so clients in the same process keep the stock codec.
type codec struct {
	failed sync.Map // proto.Message → error
}

var _ encoding.CodecV2 = (*codec)(nil)

func (c *codec) Name() string { return "proto" }

func (c *codec) Marshal(v any) (mem.BufferSlice, error) {
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

func (c *codec) Unmarshal(data mem.BufferSlice, v any) error {
	m, ok := v.(proto.Message)
	if !ok {
		// The server only decodes generated messages: a bug, INTERNAL.
		return fmt.Errorf("codec: unmarshal into %T: not a proto.Message", v)
	}
	buf := data.MaterializeToBuffer(mem.DefaultBufferPool())
	defer buf.Free()
	if err := decode(buf.ReadOnlyData(), m); err != nil {
		proto.Reset(m)
		c.failed.Store(m, err)
	}
	return nil
}

// decode is the codec's decoding: strict UTF-8 and wire format (proto's
// defaults, including its recursion limit against deeply nested groups),
// unknown fields dropped.
func decode(b []byte, m proto.Message) error {
	return proto.UnmarshalOptions{DiscardUnknown: true}.Unmarshal(b, m)
}

// takeFailure returns and forgets the decoding error recorded for m.
func (c *codec) takeFailure(m any) (error, bool) {
	if m == nil {
		return nil, false
	}
	err, ok := c.failed.LoadAndDelete(m)
	if !ok {
		return nil, false
	}
	return err.(error), true
}

// decodeGuard answers INVALID_ARGUMENT for requests the codec could not
// decode, logs them and counts them.
type decodeGuard struct {
	codec     *codec
	logger    *slog.Logger
	malformed prometheus.Counter
}

func (g *decodeGuard) reject(ctx context.Context, method string, err error) error {
	g.malformed.Inc()
	g.logger.LogAttrs(context.WithoutCancel(ctx), slog.LevelWarn, "malformed request",
		slog.String("grpc_method", method),
		slog.String("code", codes.InvalidArgument.String()),
		slog.String("error", clip(err.Error())),
		slog.String("peer", peerAddr(ctx)))
	return toStatus(&malformedError{err: err}).Err()
}

// malformedError is a request the codec could not decode: INVALID_ARGUMENT.
type malformedError struct{ err error }

func (e *malformedError) Error() string { return "malformed request: " + e.err.Error() }
func (e *malformedError) Unwrap() error { return e.err }

func (g *decodeGuard) unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if err, bad := g.codec.takeFailure(req); bad {
		return nil, g.reject(ctx, info.FullMethod, err)
	}
	return handler(ctx, req)
}

func (g *decodeGuard) stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	return handler(srv, &guardedStream{ServerStream: ss, guard: g, method: info.FullMethod})
}

// guardedStream checks every message a stream handler receives.
type guardedStream struct {
	grpc.ServerStream
	guard  *decodeGuard
	method string
}

func (s *guardedStream) RecvMsg(m any) error {
	if err := s.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	if err, bad := s.guard.codec.takeFailure(m); bad {
		return s.guard.reject(s.Context(), s.method, err)
	}
	return nil
}
