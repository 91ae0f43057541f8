package batch

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"google.golang.org/genproto/googleapis/rpc/code"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/internal/printable"
	"github.com/fenjian/fenjian/rules"
)

// ErrorRecord is the output line written in place of a decision when a line
// fails, e.g.
//
//	{"line":6,"filing_id":"(2024)辽0102民初88号","error":{"code":"INVALID_ARGUMENT","message":"invalid filing.claim_amount_fen: must not be negative","field":"filing.claim_amount_fen"}}
//
// It is a plain JSON object rather than a proto message because it is not
// part of the API: it exists only to keep a batch's output aligned with its
// input. A reader tells the two kinds of line apart by the "error" member,
// which a Decision never has.
type ErrorRecord struct {
	// Line is the input line number, from 1 (blank lines count).
	Line int `json:"line"`
	// FilingID is the filing's id; empty when the line could not be parsed.
	FilingID string `json:"filing_id"`
	// Error says what went wrong.
	Error ErrorDetail `json:"error"`
}

// ErrorDetail is the error of an ErrorRecord.
type ErrorDetail struct {
	// Code is the canonical gRPC code name, e.g. "INVALID_ARGUMENT",
	// "UNAVAILABLE", "DEADLINE_EXCEEDED", so local and remote scoring report
	// failures alike.
	Code string `json:"code"`
	// Message is the server's message, or the local error's text.
	Message string `json:"message"`
	// Field names the invalid field ("filing.claim_amount_fen") when the
	// failure is an invalid filing.
	Field string `json:"field,omitempty"`
}

// String formats the record for a one-line report on stderr: the id and
// message with their unprintable characters escaped (printable.Escape), since
// a line fails precisely when its id may hold an ESC sequence or a
// bidirectional override, which the terminal showing the report would obey.
func (r ErrorRecord) String() string {
	id := printable.Escape(r.FilingID)
	if id == "" {
		id = "?"
	}
	return fmt.Sprintf("line %d (filing %s): %s: %s", r.Line, id, r.Error.Code, printable.Escape(r.Error.Message))
}

// NewErrorRecord describes err, the failure of the filing filingID read at
// line. It maps:
//
//   - *dataset.LineError (the line is not a Filing) → INVALID_ARGUMENT
//   - *rules.FieldError (local, invalid filing)    → INVALID_ARGUMENT with the field
//   - a gRPC status (remote)                       → its code, message and
//     the field of an errdetails.BadRequest violation
//   - context.Canceled / DeadlineExceeded          → CANCELED / DEADLINE_EXCEEDED
//   - anything else                                → INTERNAL
func NewErrorRecord(line int, filingID string, err error) ErrorRecord {
	return ErrorRecord{Line: line, FilingID: filingID, Error: describe(err)}
}

func describe(err error) ErrorDetail {
	var (
		le *dataset.LineError
		fe *rules.FieldError
		gs interface{ GRPCStatus() *status.Status }
	)
	switch {
	case errors.As(err, &le):
		return ErrorDetail{Code: codeName(codes.InvalidArgument), Message: le.Err.Error()}
	case errors.As(err, &fe):
		// The same wording as the server's INVALID_ARGUMENT message, so a
		// file scored locally and remotely reads the same.
		return ErrorDetail{
			Code:    codeName(codes.InvalidArgument),
			Message: fmt.Sprintf("invalid %s: %s", fe.Field, fe.Problem),
			Field:   fe.Field,
		}
	case errors.As(err, &gs):
		st := gs.GRPCStatus()
		return ErrorDetail{Code: codeName(st.Code()), Message: st.Message(), Field: violatedField(st)}
	case errors.Is(err, context.Canceled):
		return ErrorDetail{Code: codeName(codes.Canceled), Message: err.Error()}
	case errors.Is(err, context.DeadlineExceeded):
		return ErrorDetail{Code: codeName(codes.DeadlineExceeded), Message: err.Error()}
	default:
		return ErrorDetail{Code: codeName(codes.Internal), Message: err.Error()}
	}
}

// codeName returns the canonical name ("INVALID_ARGUMENT"); codes.Code's own
// String gives the Go spelling ("InvalidArgument"), which other tools
// (grpcurl, the HTTP mapping) do not use.
func codeName(c codes.Code) string {
	if n, ok := code.Code_name[int32(c)]; ok {
		return n
	}
	return c.String()
}

// violatedField returns the first field a BadRequest detail names, or "".
func violatedField(st *status.Status) string {
	for _, d := range st.Details() {
		if br, ok := d.(*errdetails.BadRequest); ok {
			for _, v := range br.GetFieldViolations() {
				if v.GetField() != "" {
					return v.GetField()
				}
			}
		}
	}
	return ""
}

// Writer writes results as JSONL: one protojson Decision (proto field names,
// as everywhere in fenjian) per scored line, one ErrorRecord per failed line.
// It buffers; call Flush at the end. It is not safe for concurrent use; Run
// calls emit from one goroutine.
type Writer struct {
	buf       *bufio.Writer
	decisions *dataset.Writer
	errs      *json.Encoder
}

// NewWriter returns a Writer on w.
func NewWriter(w io.Writer) *Writer {
	buf := bufio.NewWriter(w)
	enc := json.NewEncoder(buf)
	// Messages quote user input and law text; keep "<" and "&" readable.
	enc.SetEscapeHTML(false)
	return &Writer{buf: buf, decisions: dataset.NewWriter(buf), errs: enc}
}

// Write writes the line for one result.
func (w *Writer) Write(r Result) error {
	if r.Err == nil {
		return w.decisions.Write(r.Decision)
	}
	// The decision writer has its own buffer: empty it first so the lines
	// stay in order.
	if err := w.decisions.Flush(); err != nil {
		return err
	}
	if err := w.errs.Encode(r.ErrorRecord()); err != nil {
		return fmt.Errorf("write error record: %w", err)
	}
	return nil
}

// Flush writes everything buffered to the underlying writer.
func (w *Writer) Flush() error {
	if err := w.decisions.Flush(); err != nil {
		return err
	}
	if err := w.buf.Flush(); err != nil {
		return fmt.Errorf("flush output: %w", err)
	}
	return nil
}

// RefusesCaller reports whether err is a server refusing the caller rather
// than the filing: UNAUTHENTICATED (no, a wrong or an expired credential)
// or PERMISSION_DENIED (an identity without the role). Every later call
// with the same credential is refused the same, so a batch stops there
// (triagectl score).
func RefusesCaller(err error) bool {
	if err == nil {
		return false
	}
	c := status.Code(err)
	return c == codes.Unauthenticated || c == codes.PermissionDenied
}
