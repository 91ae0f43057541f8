package batch_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/fenjian/fenjian/internal/batch"
	"github.com/fenjian/fenjian/internal/dataset"
	"github.com/fenjian/fenjian/rules"
)

func TestNewErrorRecord(t *testing.T) {
	badRequest, err := status.New(codes.InvalidArgument, "invalid filing.parties[1].role: must be PLAINTIFF, DEFENDANT or THIRD_PARTY").
		WithDetails(&errdetails.BadRequest{FieldViolations: []*errdetails.BadRequest_FieldViolation{
			{Field: "filing.parties[1].role", Description: "must be PLAINTIFF, DEFENDANT or THIRD_PARTY"},
		}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		err  error
		want batch.ErrorDetail
	}{
		{
			name: "unparsable line",
			err:  &dataset.LineError{Line: 3, Err: errors.New("parse filing: proto: unexpected EOF")},
			want: batch.ErrorDetail{Code: "INVALID_ARGUMENT", Message: "parse filing: proto: unexpected EOF"},
		},
		{
			name: "invalid filing, local",
			err:  fmt.Errorf("evaluate filing: %w", &rules.FieldError{Field: "filing.claim_amount_fen", Problem: "must not be negative"}),
			want: batch.ErrorDetail{Code: "INVALID_ARGUMENT", Message: "invalid filing.claim_amount_fen: must not be negative", Field: "filing.claim_amount_fen"},
		},
		{
			name: "invalid filing, remote",
			err:  badRequest.Err(),
			want: batch.ErrorDetail{Code: "INVALID_ARGUMENT", Message: badRequest.Message(), Field: "filing.parties[1].role"},
		},
		{
			name: "server unavailable",
			err:  status.Error(codes.Unavailable, "decision store unavailable, retry later"),
			want: batch.ErrorDetail{Code: "UNAVAILABLE", Message: "decision store unavailable, retry later"},
		},
		{
			name: "call timed out",
			err:  status.Error(codes.DeadlineExceeded, "context deadline exceeded"),
			want: batch.ErrorDetail{Code: "DEADLINE_EXCEEDED", Message: "context deadline exceeded"},
		},
		{
			name: "canceled locally",
			err:  context.Canceled,
			want: batch.ErrorDetail{Code: "CANCELLED", Message: "context canceled"},
		},
		{
			name: "anything else",
			err:  errors.New("no procedure available"),
			want: batch.ErrorDetail{Code: "INTERNAL", Message: "no procedure available"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := batch.NewErrorRecord(7, "(2024)辽0102民初7号", tc.err)
			if rec.Line != 7 || rec.FilingID != "(2024)辽0102民初7号" || rec.Error != tc.want {
				t.Fatalf("got %+v\nwant error %+v", rec, tc.want)
			}
			if s := rec.String(); !strings.HasPrefix(s, "line 7 (filing (2024)辽0102民初7号): "+tc.want.Code+": ") {
				t.Fatalf("report %q", s)
			}
		})
	}
}

// TestErrorRecordJSON pins the record's wire shape: member names and order,
// one line, unescaped Chinese and "<".
func TestErrorRecordJSON(t *testing.T) {
	var out bytes.Buffer
	w := batch.NewWriter(&out)
	res := batch.Result{Line: 5, FilingID: "(2024)辽0102民初1301号", Err: &rules.FieldError{Field: "filing.text", Problem: "has <script>"}}
	if err := w.Write(res); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(batch.Result{Line: 6, Err: &dataset.LineError{Line: 6, Err: errors.New("parse filing: bad")}}); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	const want = `{"line":5,"filing_id":"(2024)辽0102民初1301号","error":{"code":"INVALID_ARGUMENT","message":"invalid filing.text: has <script>","field":"filing.text"}}` + "\n" +
		`{"line":6,"filing_id":"","error":{"code":"INVALID_ARGUMENT","message":"parse filing: bad"}}` + "\n"
	if out.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", out.String(), want)
	}
	var back batch.ErrorRecord
	if err := json.Unmarshal([]byte(strings.SplitN(want, "\n", 2)[0]), &back); err != nil || back != res.ErrorRecord() {
		t.Fatalf("round trip: %+v, %v", back, err)
	}
}
