package server

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestGetCaseRecord: after triage → confirmation → 简转普 (which draws the
// case off the 速裁团队 again) → designation, GetCase returns, by decision id
// and by filing id (another spelling of it), the decision as answered, both
// outcomes and all three assignments in the order recorded with who and
// when, and the procedure and time limit in force: the conversion's. A case
// without outcomes is in the recommended procedure under the decision's
// time limit. Over a real gRPC server, on SQLite and PostgreSQL.
func TestGetCaseRecord(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		st := openTarget(t, b.target)
		h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
		ctx := testContext(t)
		const fast = "civil-fast-general"
		d := triageOK(t, ctx, h.client, simplifiedFiling("gc-case-1"))
		if d.GetRecommended() != simplified || d.GetAssignment().GetTeamId() != fast {
			t.Fatalf("filing decided %v on %q; the test needs simplified on %s", d.GetRecommended(), d.GetAssignment().GetTeamId(), fast)
		}
		conf, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(d, confirmed, simplified, "2024-03-06")})
		if err != nil {
			t.Fatalf("confirm: %v", err)
		}
		conv, err := h.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(d, simpToOrd, ordinary, "2024-04-02")})
		if err != nil {
			t.Fatalf("简转普: %v", err)
		}
		redrawn := conv.GetReassignment()
		if redrawn == nil {
			t.Fatal("简转普 off the 速裁团队 drew no team")
		}
		to := "civil-trial-1"
		if redrawn.GetTeamId() == to {
			to = "civil-trial-2"
		}
		des, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{
			DecisionId: d.GetDecisionId(), TeamId: to, DesignatedBy: "president-1", Reason: "关联案件由同一团队审理"})
		if err != nil {
			t.Fatalf("AssignCase: %v", err)
		}

		want := &triagev1.GetCaseResponse{
			Decision:    d,
			Outcomes:    []*triagev1.Outcome{conf.GetOutcome(), conv.GetOutcome()},
			Assignments: []*triagev1.Assignment{d.GetAssignment(), redrawn, des.GetAssignment()},
			Procedure:   ordinary,
			TimeLimit:   conv.GetOutcome().GetTimeLimit(),
		}
		for _, req := range []*triagev1.GetCaseRequest{
			{DecisionId: d.GetDecisionId()},
			{DecisionId: strings.ToUpper(d.GetDecisionId())},
			{FilingId: "gc-case-1"},
			{FilingId: "ｇｃ－ｃａｓｅ－１"}, // full width: the same filing key
		} {
			got, err := h.client.GetCase(ctx, req)
			if err != nil {
				t.Fatalf("GetCase(%v): %v", req, err)
			}
			if diff := cmp.Diff(want, got, protocmp.Transform()); diff != "" {
				t.Errorf("GetCase(%v) (-want +got):\n%s", req, diff)
			}
		}
		// What a judge reads, spelt out beside the responses it is
		// compared with: who, when, how the team changed.
		got, err := h.client.GetCase(ctx, &triagev1.GetCaseRequest{DecisionId: d.GetDecisionId()})
		if err != nil {
			t.Fatal(err)
		}
		var story []string
		for _, o := range got.GetOutcomes() {
			story = append(story, strings.Join([]string{o.GetChange().String(), o.GetPrevious().String(), o.GetProcedure().String(),
				o.GetDecidedBy(), o.GetRecordedBy(), o.GetDecidedOn(), o.GetRecordedAt().AsTime().Format("2006-01-02")}, " "))
		}
		for _, a := range got.GetAssignments() {
			story = append(story, strings.Join([]string{a.GetKind().String(), a.GetPreviousTeamId() + "→" + a.GetTeamId(),
				a.GetDesignatedBy(), a.GetRecordedBy(), a.GetOutcomeId()}, " "))
		}
		wantStory := []string{
			"CHANGE_KIND_CONFIRMED PROCEDURE_SIMPLIFIED PROCEDURE_SIMPLIFIED judge-0417 test-clerk 2024-03-06 " + conf.GetOutcome().GetRecordedAt().AsTime().Format("2006-01-02"),
			"CHANGE_KIND_SIMPLIFIED_TO_ORDINARY PROCEDURE_SIMPLIFIED PROCEDURE_ORDINARY judge-0417 test-clerk 2024-04-02 " + conv.GetOutcome().GetRecordedAt().AsTime().Format("2006-01-02"),
			"ASSIGNMENT_KIND_RANDOM →" + fast + "   ",
			"ASSIGNMENT_KIND_RANDOM " + fast + "→" + redrawn.GetTeamId() + "   " + conv.GetOutcome().GetOutcomeId(),
			"ASSIGNMENT_KIND_DESIGNATED " + redrawn.GetTeamId() + "→" + to + " president-1 test-clerk ",
		}
		if diff := cmp.Diff(wantStory, story); diff != "" {
			t.Errorf("the case's story (-want +got):\n%s", diff)
		}
		if got.GetTimeLimit().GetProcedure() != ordinary || got.GetTimeLimit().GetDueOn() == "" {
			t.Errorf("time limit in force %v; want the ordinary procedure's, with a due date", got.GetTimeLimit())
		}

		// No outcome yet: the recommendation and the decision's limit.
		fresh := triageOK(t, ctx, h.client, loanFiling("gc-case-2"))
		got, err = h.client.GetCase(ctx, &triagev1.GetCaseRequest{FilingId: "gc-case-2"})
		if err != nil {
			t.Fatalf("GetCase of a case without outcomes: %v", err)
		}
		wantFresh := &triagev1.GetCaseResponse{Decision: fresh, Assignments: []*triagev1.Assignment{fresh.GetAssignment()},
			Procedure: fresh.GetRecommended(), TimeLimit: fresh.GetTimeLimit()}
		if diff := cmp.Diff(wantFresh, got, protocmp.Transform()); diff != "" {
			t.Errorf("GetCase of a case without outcomes (-want +got):\n%s", diff)
		}
		verifyAudit(t, st)
	})
}

// TestGetCaseErrors: a missing, malformed or doubled name of the case is
// INVALID_ARGUMENT naming the field (a dry run's decision, which has no id,
// among them), an unknown one NOT_FOUND.
func TestGetCaseErrors(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		st := openTarget(t, b.target)
		h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
		ctx := testContext(t)
		d := triageOK(t, ctx, h.client, loanFiling("gc-err-1"))
		dry, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling("gc-dry-1"), DryRun: true})
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name  string
			req   *triagev1.GetCaseRequest
			code  codes.Code
			field string
		}{
			{"empty request", &triagev1.GetCaseRequest{}, codes.InvalidArgument, "decision_id"},
			{"a dry run's decision id", &triagev1.GetCaseRequest{DecisionId: dry.GetDecision().GetDecisionId()}, codes.InvalidArgument, "decision_id"},
			{"blank decision id", &triagev1.GetCaseRequest{DecisionId: "   "}, codes.InvalidArgument, "decision_id"},
			{"not a uuid", &triagev1.GetCaseRequest{DecisionId: "dec-1"}, codes.InvalidArgument, "decision_id"},
			{"both names", &triagev1.GetCaseRequest{DecisionId: d.GetDecisionId(), FilingId: "gc-err-1"}, codes.InvalidArgument, "filing_id"},
			{"filing id with a control character", &triagev1.GetCaseRequest{FilingId: "gc-err-1\x1b"}, codes.InvalidArgument, "filing_id"},
			{"filing id with a space at its end", &triagev1.GetCaseRequest{FilingId: "gc-err-1 "}, codes.InvalidArgument, "filing_id"},
			{"filing id too long", &triagev1.GetCaseRequest{FilingId: strings.Repeat("案", 65)}, codes.InvalidArgument, "filing_id"},
			{"unknown decision", &triagev1.GetCaseRequest{DecisionId: uuid.Must(uuid.NewV7()).String()}, codes.NotFound, ""},
			{"unknown filing", &triagev1.GetCaseRequest{FilingId: "gc-err-2"}, codes.NotFound, ""},
			{"only dry-run filing", &triagev1.GetCaseRequest{FilingId: "gc-dry-1"}, codes.NotFound, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				resp, err := h.client.GetCase(ctx, tt.req)
				st := checkStatus(t, err, tt.code, tt.field, "")
				// A request naming no case says both ways to name one.
				if tt.req.GetDecisionId() == "" && tt.req.GetFilingId() == "" && !strings.Contains(st.Message(), "filing_id") {
					t.Errorf("message %q does not say filing_id names a case too", st.Message())
				}
				if resp != nil {
					t.Errorf("response beside the error: %v", resp)
				}
			})
		}
	})
}
