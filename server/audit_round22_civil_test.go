package server

import (
	"slices"
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestAuditRound22CausesAsWritten triages civil filings whose cause is
// written as filing systems write it through a real server on loopback
// with the embedded rules, model and teams (rules/audit_round22_civil_test.go
// has the full table). Until rules 2026-12-04.23 a ¥30,000 divorce written
// beside a loan ("民间借贷纠纷、离婚纠纷"), with its levels
// ("婚姻家庭纠纷-离婚纠纷") or in traditional characters (離婚糾紛) got
// mandatory small claims, which CPL 166(1) forbids; an unknown cause got it
// too, with a review beside it.
func TestAuditRound22CausesAsWritten(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	for i, tc := range []struct {
		cause string
		avail triagev1.Availability
		code  string // a reason the small-claims option must give
	}{
		{"民间借贷纠纷、离婚纠纷", triagev1.Availability_AVAILABILITY_UNAVAILABLE, rules.CodeCPL166PersonalStatus},
		{"婚姻家庭纠纷-离婚纠纷", triagev1.Availability_AVAILABILITY_UNAVAILABLE, rules.CodeCPL166PersonalStatus},
		{"離婚糾紛", triagev1.Availability_AVAILABILITY_UNAVAILABLE, rules.CodeCPL166PersonalStatus},
		{"某某新类型纠纷", triagev1.Availability_AVAILABILITY_UNDETERMINED, rules.CodeCauseUnknown},
		// Near miss: a loan however written stays mandatory small claims.
		{"民間借貸糾紛", triagev1.Availability_AVAILABILITY_AVAILABLE, rules.CodeCPL165Mandatory},
	} {
		t.Run(tc.cause, func(t *testing.T) {
			f := loanFiling("(2024)辽0102民初22" + string(rune('0'+i)) + "号")
			f.Cause = tc.cause
			d := triageOK(t, ctx, h.client, f)
			o := decisionOption(t, d, smallClaims)
			var got []string
			for _, r := range o.GetReasons() {
				got = append(got, r.GetCode())
			}
			if o.GetAvailability() != tc.avail || !slices.Contains(got, tc.code) {
				t.Fatalf("small claims %v %v, want %v with %s", o.GetAvailability(), got, tc.avail, tc.code)
			}
			if want := tc.code == rules.CodeCPL165Mandatory; o.GetMandatory() != want || (d.GetRecommended() == smallClaims) != want {
				t.Errorf("mandatory %v, recommended %v; want small claims mandatory and recommended: %v", o.GetMandatory(), d.GetRecommended(), want)
			}
		})
	}
}
