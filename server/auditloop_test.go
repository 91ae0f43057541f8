package server

import (
	"context"
	"slices"
	"testing"

	"google.golang.org/grpc/codes"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// The statute rounds' loopback tests (audit_round*_test.go) send filings
// through a real server and read its answers the same way; these are the
// pieces they share.

// recordOutcome records o through client and returns the call's error, the
// part of the answer a round's test judges.
func recordOutcome(ctx context.Context, client triagev1.TriageServiceClient, o *triagev1.Outcome) error {
	_, err := client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
	return err
}

// reviewCodesOf lists the codes of d's review reasons, in order.
func reviewCodesOf(d *triagev1.Decision) []string {
	return reasonCodes(d.GetReviewReasons())
}

// reasonCodes lists the codes of rs, in order.
func reasonCodes(rs []*triagev1.Reason) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.GetCode())
	}
	return out
}

// criminalWithText is criminalFiling's plea-bargained filing with the
// indictment's text set to text.
func criminalWithText(id, text string) *triagev1.Filing {
	f := criminalFiling(id, true)
	f.Text = text
	return f
}

// smallClaimsBar is what a civil round's filing must show when a statute
// closes small claims to it: the bar's code on the option, the inference
// and review the reading adds (empty: none asked), and whether simplified
// procedure closes with it.
type smallClaimsBar struct {
	bar, infer, review string
	simplifiedClosed   bool
}

// checkSmallClaimsBarred checks d against want and that a judge's choice of
// small claims for it is refused FAILED_PRECONDITION PROCEDURE_EXCLUDED.
func checkSmallClaimsBarred(ctx context.Context, t *testing.T, client triagev1.TriageServiceClient, d *triagev1.Decision, want smallClaimsBar) {
	t.Helper()
	o := decisionOption(t, d, smallClaims)
	if o.GetAvailable() || !slices.Contains(reasonCodes(o.GetReasons()), want.bar) || d.GetRecommended() == smallClaims {
		t.Errorf("small claims %v (recommended %v), want it barred by %s", o, d.GetRecommended(), want.bar)
	}
	if s := decisionOption(t, d, simplified); s.GetAvailable() == want.simplifiedClosed {
		t.Errorf("simplified %v, want available %v", s, !want.simplifiedClosed)
	}
	if want.infer != "" && !slices.Contains(reasonCodes(d.GetInferences()), want.infer) {
		t.Errorf("inferences %v lack %s", reasonCodes(d.GetInferences()), want.infer)
	}
	if want.review != "" && !slices.Contains(reviewCodesOf(d), want.review) {
		t.Errorf("review reasons %v lack %s", reviewCodesOf(d), want.review)
	}
	rec := outcome(d, overridden, smallClaims, "2024-03-06")
	rec.LegalBasis, rec.Reason = "民事诉讼法第一百六十五条", "标的额较小。"
	checkStatus(t, recordOutcome(ctx, client, rec), codes.FailedPrecondition, "", rules.RuleProcedureExcluded)
}
