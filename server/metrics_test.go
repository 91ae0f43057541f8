package server

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestServiceMetricsAfterCalls makes real calls (decisions for several case
// kinds, one under review, a live team feed, a 简转普 and a confirmation, a
// designated assignment) and checks each metric of issue 11 point 2 with
// prometheus/testutil, and that every fenjian_* metric passes the client
// library's linter (names, units, help).
func TestServiceMetricsAfterCalls(t *testing.T) {
	h, _, ctx := startDefaultServer(t)

	family := watch(t, h.client, "family", "")
	family.quiet(t, feedQuiet) // past the (empty) replay: what comes now is live
	loan := triageOK(t, ctx, h.client, loanFiling("m-1"))
	review := triageOK(t, ctx, h.client, reviewTextFiling("m-2"))
	converted := triageOK(t, ctx, h.client, simplifiedFiling("m-3"))
	divorce := triageOK(t, ctx, h.client, divorceFiling("m-4"))
	crim := triageOK(t, ctx, h.client, criminalFiling("m-5", true))
	family.take(t, 1)
	if _, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(converted, simpToOrd, ordinary, "2024-04-01")}); err != nil {
		t.Fatalf("简转普: %v", err)
	}
	if _, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(loan, confirmed, loan.GetRecommended(), "2024-03-10")}); err != nil {
		t.Fatalf("confirmation: %v", err)
	}
	// To the other criminal team that takes 速裁: one to the team drawn
	// would move nothing and is refused (ALREADY_WITH_TEAM).
	designated := "criminal-trial"
	if crim.GetAssignment().GetTeamId() == designated {
		designated = "criminal-fast"
	}
	if _, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: crim.GetDecisionId(), TeamId: designated,
		DesignatedBy: "president-07", Reason: "原承办团队需回避，院长指定。"}); err != nil {
		t.Fatalf("AssignCase: %v", err)
	}
	decisions := []*triagev1.Decision{loan, review, converted, divorce, crim}

	// Decisions by case kind, recommendation and review flag.
	want := map[[3]string]float64{}
	for _, d := range decisions {
		want[[3]string{d.GetCaseKind().String(), d.GetRecommended().String(), boolLabel(d.GetNeedsReview())}]++
	}
	for k, n := range want {
		waitMetric(t, h.reg, "fenjian_decisions_total", map[string]string{"case_kind": k[0], "recommended": k[1], "needs_review": k[2]}, n)
	}
	// Review reasons by code.
	if !review.GetNeedsReview() || len(review.GetReviewReasons()) == 0 {
		t.Fatalf("the review filing was not flagged: %v", review)
	}
	reasons := map[string]float64{}
	for _, d := range decisions {
		for _, r := range d.GetReviewReasons() {
			reasons[r.GetCode()]++
		}
	}
	for code, n := range reasons {
		waitMetric(t, h.reg, "fenjian_review_reasons_total", map[string]string{"reason": code}, n)
	}
	// Blocking rules by procedure and code.
	blocking := map[[2]string]float64{}
	for _, d := range decisions {
		for _, o := range d.GetOptions() {
			if !o.GetAvailable() {
				for _, r := range o.GetReasons() {
					blocking[[2]string{o.GetProcedure().String(), r.GetCode()}]++
				}
			}
		}
	}
	if len(blocking) == 0 {
		t.Fatal("no decision had a blocked procedure; the test needs one")
	}
	for k, n := range blocking {
		waitMetric(t, h.reg, "fenjian_blocking_rules_total", map[string]string{"procedure": k[0], "code": k[1]}, n)
	}
	// The model's probability of the recommendation: one observation per decision.
	if got := histogramCount(t, h.reg, "fenjian_recommendation_probability"); got != uint64(len(decisions)) {
		t.Errorf("fenjian_recommendation_probability has %d observations, want %d", got, len(decisions))
	}
	// Outcomes by change and agreement with the recommendation.
	waitMetric(t, h.reg, "fenjian_outcomes_total", map[string]string{"change": simpToOrd.String(), "agreement": "disagree"}, 1)
	waitMetric(t, h.reg, "fenjian_outcomes_total", map[string]string{"change": confirmed.String(), "agreement": "agree"}, 1)
	// Assignments and free capacity by team.
	waitMetric(t, h.reg, "fenjian_team_assignments_total", map[string]string{"team": "family", "kind": "random"}, 1)
	waitMetric(t, h.reg, "fenjian_team_assignments_total", map[string]string{"team": designated, "kind": "designated"}, 1)
	if n, err := testutil.GatherAndCount(h.reg, "fenjian_team_free_capacity"); err != nil || n == 0 {
		t.Errorf("fenjian_team_free_capacity has %d series after draws (%v)", n, err)
	}
	// Feed subscribers and lag.
	waitMetric(t, h.reg, "fenjian_team_feeds", map[string]string{"team": "family"}, 1)
	if got := histogramCount(t, h.reg, "fenjian_feed_lag_seconds"); got != 1 {
		t.Errorf("fenjian_feed_lag_seconds has %d observations, want 1 (the divorce's live delivery)", got)
	}
	// gRPC server metrics exist for every method before any call.
	if _, err := metricValue(h.reg, "grpc_server_started_total", map[string]string{
		"grpc_method": "GetDecision", "grpc_service": "fenjian.triage.v1.TriageService", "grpc_type": "unary"}); err != nil {
		t.Errorf("grpc_server_started_total for GetDecision, never called: %v", err)
	}

	problems, err := testutil.GatherAndLint(h.reg)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		if strings.HasPrefix(p.Metric, "fenjian_") {
			t.Errorf("lint %s: %s", p.Metric, p.Text)
		}
	}
}

func boolLabel(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func TestLabelGuard(t *testing.T) {
	g := newLabelGuard(2)
	tests := []struct{ in, want string }{
		{"NO_TEAM_CAPACITY", "NO_TEAM_CAPACITY"},
		{"civil-fast.general", "civil-fast.general"},
		{"a third", otherLabel},                  // bad shape
		{"THIRD", otherLabel},                    // over the cap
		{"NO_TEAM_CAPACITY", "NO_TEAM_CAPACITY"}, // seen before
		{strings.Repeat("x", 65), otherLabel},
		{"", otherLabel},
	}
	for _, tt := range tests {
		if got := g.value(tt.in); got != tt.want {
			t.Errorf("value(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
