package server

import (
	"testing"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/rules"
)

// TestStatuteRound20 records round-20 outcomes through a real server on
// loopback with the embedded teams (rules/audit_round20_test.go has the full
// tables). A ¥30,000 loan in 辽宁 in 2024 is a small-claims case (民事诉讼法第
// 一百六十五条第一款): choosing simplified procedure for it at filing without
// the parties' agreement (第一百六十条第二款) is lawful only where the court
// finds it one that 不宜 small claims (第一百六十六条第六项), which the record
// does not show, so it is recorded with the review reason
// SMALL_CLAIMS_MANDATORY_SIMPLIFIED_AT_FILING; until rules 2026-12-04.16 it
// was recorded without a word. Every outcome the law allows leaves the case
// with a team that takes its new procedure, never a 速裁团队 for ordinary.
func TestStatuteRound20(t *testing.T) {
	ts := defaultTeams(t)
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: ts})
	ctx := testContext(t)
	record := func(o *triagev1.Outcome) (*triagev1.RecordOutcomeResponse, error) {
		return h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
	}
	// checkTeam checks the team holding the case after resp: it takes
	// procedure p, and is not a 速裁团队 when p is ordinary.
	checkTeam := func(t *testing.T, d *triagev1.Decision, resp *triagev1.RecordOutcomeResponse, p triagev1.Procedure) {
		t.Helper()
		id := d.GetAssignment().GetTeamId()
		if ra := resp.GetReassignment(); ra != nil {
			id = ra.GetTeamId()
		}
		team, ok := ts.Team(id)
		if !ok {
			t.Fatalf("case left with no known team (%q)", id)
		}
		if !team.Takes(d.GetCaseKind(), p) || (p == ordinary && team.FastTrack) {
			t.Errorf("case under %v left with team %s (%v, fast-track %v)", p, id, team.Procedures, team.FastTrack)
		}
	}
	loan := func(id string) *triagev1.Decision {
		d := triageOK(t, ctx, h.client, loanFiling(id))
		if o := decisionOption(t, d, smallClaims); !o.GetMandatory() {
			t.Fatalf("fixture: small claims not mandatory: %v", o.GetReasons())
		}
		return d
	}

	flagged := func(o *triagev1.Outcome) bool {
		for _, r := range o.GetReviewReasons() {
			if r.GetCode() == rules.ReviewSmallClaimsNotApplied {
				return true
			}
		}
		return false
	}
	t.Run("mandatory small claims: simplified at filing without agreement recorded and flagged", func(t *testing.T) {
		d := loan("(2024)辽0102民初2001号")
		resp, err := record(outcome(d, overridden, simplified, "2024-03-06"))
		if err != nil {
			t.Fatalf("RecordOutcome: %v", err)
		}
		if !flagged(resp.GetOutcome()) {
			t.Errorf("review reasons %v: no %s", resp.GetOutcome().GetReviewReasons(), rules.ReviewSmallClaimsNotApplied)
		}
		checkTeam(t, d, resp, simplified)
	})
	t.Run("near miss: the parties agree to simplified", func(t *testing.T) {
		d := loan("(2024)辽0102民初2002号")
		o := outcome(d, overridden, simplified, "2024-03-06")
		o.PartiesAgree = true
		resp, err := record(o)
		if err != nil {
			t.Fatalf("RecordOutcome: %v", err)
		}
		if flagged(resp.GetOutcome()) {
			t.Errorf("flagged although the parties agree: %v", resp.GetOutcome().GetReviewReasons())
		}
		checkTeam(t, d, resp, simplified)
	})
	t.Run("near miss: ordinary at filing leaves the 速裁团队", func(t *testing.T) {
		d := loan("(2024)辽0102民初2003号")
		resp, err := record(outcome(d, overridden, ordinary, "2024-03-06"))
		if err != nil {
			t.Fatalf("RecordOutcome: %v", err)
		}
		checkTeam(t, d, resp, ordinary)
	})
	t.Run("near miss: small claims, then the objection upheld (Interp. 279)", func(t *testing.T) {
		d := loan("(2024)辽0102民初2004号")
		if _, err := record(outcome(d, confirmed, smallClaims, "2024-03-06")); err != nil {
			t.Fatalf("confirm: %v", err)
		}
		o := outcome(d, triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_SIMPLIFIED, simplified, "2024-03-20")
		o.LegalBasis = "民诉法解释第二百七十九条"
		resp, err := record(o)
		if err != nil {
			t.Fatalf("RecordOutcome: %v", err)
		}
		checkTeam(t, d, resp, simplified)
	})
	t.Run("fast-track → ordinary leaves the criminal 速裁团队", func(t *testing.T) {
		f := criminalFiling("(2024)辽0102刑初2005号", true)
		d := triageOK(t, ctx, h.client, f)
		if d.GetRecommended() != fastTrack {
			t.Fatalf("fixture recommends %v, want fast-track", d.GetRecommended())
		}
		o := outcome(d, ftToOrd, ordinary, "2024-03-08")
		o.LegalBasis = "刑诉法解释第三百七十五条"
		resp, err := record(o)
		if err != nil {
			t.Fatalf("RecordOutcome: %v", err)
		}
		checkTeam(t, d, resp, ordinary)
	})
}
