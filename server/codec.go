package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"

	"github.com/fenjian/fenjian/internal/protocodec"
)

// msgMalformed is the client-visible message for a request that is not a
// valid protobuf encoding of the method's request type. The decoder's own
// text stays in the log: it can echo the client's bytes.
const msgMalformed = "malformed request: not a valid protobuf encoding of the request message"

// msgUnknownFact is the problem of a fact message's unknown field (its
// number): what it probably is and what the caller can do.
const msgUnknownFact = "has field %d, which this server's fenjian.triage.v1 does not define " +
	"(a client built from a newer api/?): a fact of the case the server cannot read may bar a procedure, " +
	"so the request is refused rather than decided without it; leave the field unset or upgrade fenjian"

// decodeGuard answers INVALID_ARGUMENT for requests the codec
// (protocodec.Codec: unknown fields dropped, decode errors kept for this
// guard, since grpc-go would turn a codec error into INTERNAL) could not
// decode, logs them and counts them.
type decodeGuard struct {
	codec     *protocodec.Codec
	logger    *slog.Logger
	malformed prometheus.Counter
}

func (g *decodeGuard) reject(ctx context.Context, method string, err error) error {
	g.malformed.Inc()
	g.logger.LogAttrs(context.WithoutCancel(ctx), slog.LevelWarn, "malformed request", withRequestID(ctx, []slog.Attr{
		slog.String("grpc_method", method),
		slog.String("code", codes.InvalidArgument.String()),
		slog.String("error", logID(err.Error())),
		slog.String("peer", peerAddr(ctx))})...)
	// Too many elements, counted before decoding: the field's path comes
	// from the schema, not from the client's bytes, so it can be named.
	if le, ok := errors.AsType[*protocodec.LimitError](err); ok {
		if le.Field == "" {
			return toStatus(&fieldError{Field: "request", Problem: fmt.Sprintf("has more than %d fields", le.Limit)}).Err()
		}
		return toStatus(&fieldError{Field: le.Field, Problem: fmt.Sprintf("has more than %d elements", le.Limit)}).Err()
	}
	// A field the schema does not have in a message stating the case's
	// facts (a client built from a newer api/): named by its message's
	// path and its number, and refused rather than decided without it.
	if ue, ok := errors.AsType[*protocodec.UnknownFieldError](err); ok {
		return toStatus(&fieldError{Field: ue.Field, Problem: fmt.Sprintf(msgUnknownFact, ue.Number)}).Err()
	}
	// A string that is not UTF-8: its path, found on the wire from the
	// schema, is named, not its bytes.
	if ue, ok := errors.AsType[*protocodec.UTF8Error](err); ok {
		return toStatus(&fieldError{Field: ue.Field, Problem: fmt.Sprintf("is not valid UTF-8 (from byte %d): strings must be sent as UTF-8, not GBK or GB18030", ue.Offset)}).Err()
	}
	return toStatus(&malformedError{err: err}).Err()
}

// malformedError is a request the codec could not decode: INVALID_ARGUMENT.
type malformedError struct{ err error }

func (e *malformedError) Error() string { return "malformed request: " + e.err.Error() }
func (e *malformedError) Unwrap() error { return e.err }

func (g *decodeGuard) unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if err, bad := g.codec.TakeFailure(req); bad {
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
	if err, bad := s.guard.codec.TakeFailure(m); bad {
		return s.guard.reject(s.Context(), s.method, err)
	}
	return nil
}
