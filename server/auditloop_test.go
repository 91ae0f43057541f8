package server

import (
	"context"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
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
