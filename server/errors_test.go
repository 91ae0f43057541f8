package server

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/store"
)

func TestToStatus(t *testing.T) {
	const secret = "disk /var/lib/fenjian/fenjian.db: I/O error"
	tests := []struct {
		name      string
		err       error
		code      codes.Code
		msg       string // exact client message
		violation string // BadRequest field, when INVALID_ARGUMENT
		rule      string // PreconditionFailure type, when FAILED_PRECONDITION
	}{
		{name: "nil", err: nil, code: codes.OK, msg: ""},
		{
			name: "field error", code: codes.InvalidArgument,
			err:       &rules.FieldError{Field: "filing.claim_amount_fen", Problem: "must not be negative"},
			msg:       "invalid filing.claim_amount_fen: must not be negative",
			violation: "filing.claim_amount_fen",
		},
		{
			name: "server's field error", code: codes.InvalidArgument,
			err:       fmt.Errorf("assign: %w", &fieldError{Field: "team_id", Problem: "is not a team"}),
			msg:       "invalid team_id: is not a team",
			violation: "team_id",
		},
		{
			name: "server's field error wins over a done context", code: codes.InvalidArgument,
			err:       fmt.Errorf("%w: %w", context.DeadlineExceeded, &fieldError{Field: "decision_id", Problem: "is required"}),
			msg:       "invalid decision_id: is required",
			violation: "decision_id",
		},
		{
			name: "wrapped field error", code: codes.InvalidArgument,
			err:       fmt.Errorf("decide: %w", &rules.FieldError{Field: "filing.parties[2].role", Problem: "must be set"}),
			msg:       "invalid filing.parties[2].role: must be set",
			violation: "filing.parties[2].role",
		},
		{
			name: "field error wins over a done context", code: codes.InvalidArgument,
			err:       fmt.Errorf("%w: %w", context.Canceled, &rules.FieldError{Field: "filing.id", Problem: "is required"}),
			msg:       "invalid filing.id: is required",
			violation: "filing.id",
		},
		{
			name: "conversion the law forbids", code: codes.FailedPrecondition,
			err:  fmt.Errorf("record outcome: %w", &rules.ConversionError{Rule: rules.RuleInterp260AfterHearing, Article: "民诉法解释第二百六十条", Message: "开庭后不得转为简易程序。"}),
			msg:  rules.RuleInterp260AfterHearing + " (民诉法解释第二百六十条): 开庭后不得转为简易程序。",
			rule: rules.RuleInterp260AfterHearing,
		},
		{
			name: "record-keeping rule without an article", code: codes.FailedPrecondition,
			err:  &rules.ConversionError{Rule: rules.RuleFilingChoiceNotFirst, Message: "只能记录一次。"},
			msg:  rules.RuleFilingChoiceNotFirst + ": 只能记录一次。",
			rule: rules.RuleFilingChoiceNotFirst,
		},
		{
			name: "precondition of the service", code: codes.FailedPrecondition,
			err:  fmt.Errorf("assign: %w", &preconditionError{rule: "REVIEW_CASE_TO_FAST_TRACK", msg: "decision needs review"}),
			msg:  "REVIEW_CASE_TO_FAST_TRACK: decision needs review",
			rule: "REVIEW_CASE_TO_FAST_TRACK",
		},
		{
			name: "field error wins over a precondition", code: codes.InvalidArgument,
			err:       errors.Join(&preconditionError{rule: "NO_TEAMS", msg: "x"}, &rules.FieldError{Field: "reason", Problem: "is required"}),
			msg:       "invalid reason: is required",
			violation: "reason",
		},
		{name: "canceled", err: context.Canceled, code: codes.Canceled, msg: msgCanceled},
		{name: "wrapped canceled", err: fmt.Errorf("decide: %w", context.Canceled), code: codes.Canceled, msg: msgCanceled},
		{name: "deadline", err: context.DeadlineExceeded, code: codes.DeadlineExceeded, msg: msgDeadlineExceeded},
		{
			name: "store failure after deadline", code: codes.DeadlineExceeded, msg: msgDeadlineExceeded,
			err: withContext(expiredContext(t), &storeError{op: "save decision", err: fmt.Errorf("%w: %s", store.ErrUnavailable, secret)}),
		},
		{
			name: "not found", code: codes.NotFound, msg: msgNotFound,
			err: &storeError{op: "get decision", err: fmt.Errorf("id x: %w", store.ErrNotFound)},
		},
		{
			name: "outcome raced by another replica", code: codes.Aborted, msg: msgConflict,
			err: fmt.Errorf("save outcome: %w", fmt.Errorf("decision x has 1 outcomes, caller saw 0: %w", store.ErrConflict)),
		},
		{
			name: "store unavailable", code: codes.Unavailable, msg: msgUnavailable,
			err: &storeError{op: "save decision", err: fmt.Errorf("%w: %s", store.ErrUnavailable, secret)},
		},
		{
			// outside check 27: a COMMIT whose answer was lost and could
			// not be read back may have stored the decision.
			name: "store commit unknown", code: codes.Unavailable, msg: msgCommitUnknown,
			err: &storeError{op: "save decision", err: fmt.Errorf("%w: commit: %w: %s", store.ErrUnavailable, store.ErrCommitUnknown, secret)},
		},
		{
			name: "store duplicate is a store failure", code: codes.Unavailable, msg: msgUnavailable,
			err: &storeError{op: "save decision", err: store.ErrDuplicate},
		},
		{
			name: "any store error", code: codes.Unavailable, msg: msgUnavailable,
			err: &storeError{op: "get decision", err: errors.New(secret)},
		},
		{name: "unavailable outside a store call", err: fmt.Errorf("x: %w", store.ErrUnavailable), code: codes.Unavailable, msg: msgUnavailable},
		{name: "unexpected", err: errors.New(secret), code: codes.Internal, msg: msgInternal},
		{name: "status error is not trusted", err: status.Error(codes.NotFound, secret), code: codes.Internal, msg: msgInternal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := toStatus(tt.err)
			if st.Code() != tt.code {
				t.Fatalf("code = %v, want %v", st.Code(), tt.code)
			}
			if st.Message() != tt.msg {
				t.Errorf("message = %q, want %q", st.Message(), tt.msg)
			}
			if strings.Contains(st.Message(), "I/O error") {
				t.Errorf("message leaks internal error text: %q", st.Message())
			}
			if got := fieldViolation(st); got != tt.violation {
				t.Errorf("BadRequest field = %q, want %q", got, tt.violation)
			}
			if got := preconditionType(st); got != tt.rule {
				t.Errorf("PreconditionFailure type = %q, want %q", got, tt.rule)
			}
		})
	}
}

func TestWithContext(t *testing.T) {
	base := errors.New("boom")
	if got := withContext(context.Background(), base); got != base { //nolint:errorlint // identity: the very error, not a wrap of it
		t.Errorf("live context: got %v, want the error unchanged", got)
	}
	if got := withContext(expiredContext(t), nil); got != nil {
		t.Errorf("nil error: got %v", got)
	}
	got := withContext(expiredContext(t), base)
	if !errors.Is(got, context.DeadlineExceeded) || !errors.Is(got, base) {
		t.Errorf("expired context: got %v, want both the deadline and the cause", got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got := withContext(ctx, base); !errors.Is(got, context.Canceled) {
		t.Errorf("canceled context: got %v", got)
	}
}

func expiredContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 0)
	t.Cleanup(cancel)
	<-ctx.Done()
	return ctx
}

// fieldViolation returns the field of the status's BadRequest detail, or "".
func fieldViolation(st *status.Status) string {
	for _, d := range st.Details() {
		if br, ok := d.(*errdetails.BadRequest); ok && len(br.GetFieldViolations()) > 0 {
			return br.GetFieldViolations()[0].GetField()
		}
	}
	return ""
}
