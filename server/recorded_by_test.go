package server

import (
	"context"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestRecordedBy: every decision records the proved caller that filed it,
// and every outcome and designation the one that entered it, as
// recorded_by beside decided_by/designated_by, whatever the client sends;
// a judge records only their own decisions, a clerk enters a judge's or a
// president's (both names kept). Real server on loopback with tokens, both
// stores; the chain verifies and the draws replay afterwards.
func TestRecordedBy(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		st := openTarget(t, b.target)
		cs := st.(CaseStore)
		h := startServer(t, deps{decider: newDecider(t), store: cs, teams: defaultTeams(t)})
		ctx := testContext(t)
		addr := h.conn.Target()
		client := func(token string) triagev1.TriageServiceClient {
			return triagev1.NewTriageServiceClient(dialAs(t, addr, token))
		}

		// The filing system's identity is recorded with the decision, in
		// the answer and in what GetDecision reads back; an anonymous
		// loopback caller's decision has none (the near miss).
		for _, tt := range []struct{ name, token, want string }{
			{"filing token", testFilingToken, "filing-system"},
			{"anonymous on loopback", "", ""},
		} {
			t.Run("decision/"+tt.name, func(t *testing.T) {
				f := loanFiling("rb-t-" + tt.name)
				resp, err := client(tt.token).Triage(ctx, &triagev1.TriageRequest{Filing: f})
				if err != nil {
					t.Fatalf("Triage: %v", err)
				}
				if got := resp.GetDecision().GetRecordedBy(); got != tt.want {
					t.Errorf("Triage answered recorded_by %q, want %q", got, tt.want)
				}
				got, err := h.client.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: resp.GetDecision().GetDecisionId()})
				if err != nil {
					t.Fatalf("GetDecision: %v", err)
				}
				if by := got.GetDecision().GetRecordedBy(); by != tt.want {
					t.Errorf("stored recorded_by %q, want %q", by, tt.want)
				}
			})
		}

		outcomes := []recordedOutcomeCase{
			{"judge for self", testJudgeToken, "judge-17", codes.OK, "judge-17"},
			{"judge for another judge", testJudgeToken, "judge-99", codes.PermissionDenied, ""},
			{"clerk for a judge", testClerkToken, "judge-17", codes.OK, "clerk-07"},
		}
		for i, tt := range outcomes {
			t.Run("outcome/"+tt.name, func(t *testing.T) {
				checkRecordedOutcome(t, ctx, h, cs, client(tt.token), tt, "rb-o-"+string(rune('a'+i)))
			})
		}

		designations := []recordedDesignationCase{
			{"president for self", testPresidentToken, "president-1", codes.OK, "president-1"},
			{"president for another", testPresidentToken, "president-9", codes.PermissionDenied, ""},
			{"clerk for a president", testClerkToken, "president-1", codes.OK, "clerk-07"},
			{"judge", testJudgeToken, "judge-17", codes.PermissionDenied, ""},
		}
		for i, tt := range designations {
			t.Run("designation/"+tt.name, func(t *testing.T) {
				checkRecordedDesignation(t, ctx, h, cs, client(tt.token), tt, "rb-d-"+string(rune('a'+i)))
			})
		}

		if rep, err := st.VerifyAudit(ctx); err != nil || !rep.OK {
			t.Errorf("VerifyAudit = %v, %v", rep, err)
		}
		if rep, err := st.RedrawAssignments(ctx, ""); err != nil || !rep.OK || rep.Designated != 2 {
			t.Errorf("RedrawAssignments = %+v, %v; want OK with 2 designations", rep, err)
		}

		checkUnprovedCallerRefused(t, ctx, h, cs)
	})
}

// recordedOutcomeCase is one RecordOutcome call of TestRecordedBy: who calls
// (token), the decided_by the client sends, the status wanted and the
// recorded_by the server must store.
type recordedOutcomeCase struct {
	name, token, decidedBy string
	code                   codes.Code
	recordedBy             string
}

// recordedDesignationCase is one AssignCase call of TestRecordedBy: who
// calls (token), the designated_by the client sends, the status wanted and
// the recorded_by the server must store.
type recordedDesignationCase struct {
	name, token, designatedBy string
	code                      codes.Code
	recordedBy                string
}

// checkRecordedOutcome triages a filing with the given id, records an
// outcome for it through client as tt says and checks the answer and what
// was stored: nothing for a refused call, else decided_by as sent and
// recorded_by the proved caller.
func checkRecordedOutcome(t *testing.T, ctx context.Context, h *harness, cs CaseStore, client triagev1.TriageServiceClient, tt recordedOutcomeCase, id string) {
	t.Helper()
	d := triageOK(t, ctx, h.client, loanFiling(id))
	o := outcome(d, confirmed, smallClaims, "2024-03-06")
	o.DecidedBy, o.RecordedBy = tt.decidedBy, "someone-else" // recorded_by is the server's
	resp, err := client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
	if status.Code(err) != tt.code {
		t.Fatalf("RecordOutcome = %v, want %s", err, tt.code)
	}
	stored, err := cs.ListOutcomes(ctx, d.GetDecisionId())
	if err != nil {
		t.Fatal(err)
	}
	if tt.code != codes.OK {
		if len(stored) != 0 {
			t.Errorf("a refused outcome was stored: %v", stored)
		}
		return
	}
	if got := resp.GetOutcome(); got.GetDecidedBy() != tt.decidedBy || got.GetRecordedBy() != tt.recordedBy {
		t.Errorf("answer decided_by %q recorded_by %q, want %q and %q", got.GetDecidedBy(), got.GetRecordedBy(), tt.decidedBy, tt.recordedBy)
	}
	if len(stored) != 1 || stored[0].GetDecidedBy() != tt.decidedBy || stored[0].GetRecordedBy() != tt.recordedBy {
		t.Errorf("stored %v, want decided_by %q recorded_by %q", stored, tt.decidedBy, tt.recordedBy)
	}
}

// checkRecordedDesignation triages a filing with the given id, designates
// it to a general civil team through client as tt says and checks the
// answer and the stored designations: none for a refused call, else
// designated_by as sent and recorded_by the proved caller; the triage draw
// records no recorder.
func checkRecordedDesignation(t *testing.T, ctx context.Context, h *harness, cs CaseStore, client triagev1.TriageServiceClient, tt recordedDesignationCase, id string) {
	t.Helper()
	d := triageOK(t, ctx, h.client, loanFiling(id))
	// Not the team drawn (a loan goes to the 速裁团队): a designation there
	// would move nothing and be refused whoever calls.
	team := generalCivil[0]
	if d.GetAssignment().GetTeamId() == team {
		t.Fatalf("loan drawn to %s; the test designates it there", team)
	}
	resp, err := client.AssignCase(ctx, &triagev1.AssignCaseRequest{
		DecisionId: d.GetDecisionId(), TeamId: team, DesignatedBy: tt.designatedBy, Reason: "承办法官回避"})
	if status.Code(err) != tt.code {
		t.Fatalf("AssignCase = %v, want %s", err, tt.code)
	}
	var designated []*triagev1.Assignment
	all, err := cs.ListAssignments(ctx, team, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		if a.GetDecisionId() == d.GetDecisionId() && a.GetKind() == triagev1.AssignmentKind_ASSIGNMENT_KIND_DESIGNATED {
			designated = append(designated, a)
		}
	}
	if tt.code != codes.OK {
		if len(designated) != 0 {
			t.Errorf("a refused designation was stored: %v", designated)
		}
		return
	}
	if got := resp.GetAssignment(); got.GetDesignatedBy() != tt.designatedBy || got.GetRecordedBy() != tt.recordedBy {
		t.Errorf("answer designated_by %q recorded_by %q, want %q and %q", got.GetDesignatedBy(), got.GetRecordedBy(), tt.designatedBy, tt.recordedBy)
	}
	if len(designated) != 1 || designated[0].GetDesignatedBy() != tt.designatedBy || designated[0].GetRecordedBy() != tt.recordedBy {
		t.Errorf("stored %v, want designated_by %q recorded_by %q", designated, tt.designatedBy, tt.recordedBy)
	}
	// The draw made at triage records no recorder: the service
	// made it.
	if r := d.GetAssignment().GetRecordedBy(); r != "" {
		t.Errorf("random assignment recorded_by %q", r)
	}
}

// checkUnprovedCallerRefused calls the handlers directly, without the
// authorizer, and checks they refuse with UNAUTHENTICATED and record nothing.
func checkUnprovedCallerRefused(t *testing.T, ctx context.Context, h *harness, cs CaseStore) {
	t.Helper()
	// The handlers refuse a call that reaches them without a proved
	// caller (the service used without the authorizer): nothing is
	// recorded without a recorder.
	d := triageOK(t, ctx, h.client, loanFiling("rb-anon"))
	if _, err := h.svc.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(d, confirmed, smallClaims, "2024-03-06")}); status.Code(err) != codes.Unauthenticated {
		t.Errorf("RecordOutcome without a caller = %v, want UNAUTHENTICATED", err)
	}
	// To a team the case is not with, so that the caller is all that is
	// wrong with the call.
	if _, err := h.svc.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: generalCivil[0],
		DesignatedBy: "president-1", Reason: "回避"}); status.Code(err) != codes.Unauthenticated {
		t.Errorf("AssignCase without a caller = %v, want UNAUTHENTICATED", err)
	}
	if got, err := cs.ListOutcomes(ctx, d.GetDecisionId()); err != nil || len(got) != 0 {
		t.Errorf("outcomes after the refused call: %v, %v", got, err)
	}
}
