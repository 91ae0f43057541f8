package triage_test

import (
	"context"
	"slices"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/triage"
)

// TestUnknownCauseNeverPassesUnseen: a claim in the mandatory band with a
// confident small-claims score goes to a human when the cause is in no
// catalogue (or empty), because nothing then shows the claim is money only;
// and since rules 2026-12-04.26 small claims is then undetermined, not
// mandatory, so it is not recommended either: the court decides.
func TestUnknownCauseNeverPassesUnseen(t *testing.T) {
	eng := triage.New(mustRules(t), probs(0.9, 0.05, 0.05, 0))
	for _, tc := range []struct {
		cause      string
		wantReview bool // and then no small-claims recommendation
	}{
		{"民间借贷纠纷", false},
		{"某某新类型权益纠纷", true},
		{"", true},
	} {
		f := loanFiling(1_000_000)
		f.Cause = tc.cause
		d, err := eng.Decide(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		if small := d.GetRecommended() == triagev1.Procedure_PROCEDURE_SMALL_CLAIMS; small == tc.wantReview {
			t.Errorf("cause %q: recommended %v; small claims wanted only for a known money cause", tc.cause, d.GetRecommended())
		}
		unknown := slices.ContainsFunc(d.GetReviewReasons(), func(r *triagev1.Reason) bool { return r.GetCode() == rules.CodeCauseUnknown })
		if d.GetNeedsReview() != tc.wantReview || unknown != tc.wantReview {
			t.Errorf("cause %q: needs_review %v, CAUSE_UNKNOWN %v, want %v", tc.cause, d.GetNeedsReview(), unknown, tc.wantReview)
		}
	}
}
