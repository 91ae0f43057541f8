package server

import (
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestRecordedBy: every outcome and designation records the proved caller
// as recorded_by beside decided_by/designated_by, whatever the client sends;
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

		outcomes := []struct {
			name, token, decidedBy string
			code                   codes.Code
			recordedBy             string
		}{
			{"judge for self", testJudgeToken, "judge-17", codes.OK, "judge-17"},
			{"judge for another judge", testJudgeToken, "judge-99", codes.PermissionDenied, ""},
			{"clerk for a judge", testClerkToken, "judge-17", codes.OK, "clerk-07"},
		}
		for i, tt := range outcomes {
			t.Run("outcome/"+tt.name, func(t *testing.T) {
				d := triageOK(t, ctx, h.client, loanFiling("rb-o-"+string(rune('a'+i))))
				o := outcome(d, confirmed, smallClaims, "2024-03-06")
				o.DecidedBy, o.RecordedBy = tt.decidedBy, "someone-else" // recorded_by is the server's
				resp, err := client(tt.token).RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
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
			})
		}

		designations := []struct {
			name, token, designatedBy string
			code                      codes.Code
			recordedBy                string
		}{
			{"president for self", testPresidentToken, "president-1", codes.OK, "president-1"},
			{"president for another", testPresidentToken, "president-9", codes.PermissionDenied, ""},
			{"clerk for a president", testClerkToken, "president-1", codes.OK, "clerk-07"},
			{"judge", testJudgeToken, "judge-17", codes.PermissionDenied, ""},
		}
		for i, tt := range designations {
			t.Run("designation/"+tt.name, func(t *testing.T) {
				d := triageOK(t, ctx, h.client, loanFiling("rb-d-"+string(rune('a'+i))))
				team := d.GetAssignment().GetTeamId()
				resp, err := client(tt.token).AssignCase(ctx, &triagev1.AssignCaseRequest{
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
			})
		}

		if rep, err := st.VerifyAudit(ctx); err != nil || !rep.OK {
			t.Errorf("VerifyAudit = %v, %v", rep, err)
		}
		if rep, err := st.RedrawAssignments(ctx, ""); err != nil || !rep.OK || rep.Designated != 2 {
			t.Errorf("RedrawAssignments = %+v, %v; want OK with 2 designations", rep, err)
		}

		// The handlers refuse a call that reaches them without a proved
		// caller (the service used without the authorizer): nothing is
		// recorded without a recorder.
		d := triageOK(t, ctx, h.client, loanFiling("rb-anon"))
		if _, err := h.svc.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(d, confirmed, smallClaims, "2024-03-06")}); status.Code(err) != codes.Unauthenticated {
			t.Errorf("RecordOutcome without a caller = %v, want UNAUTHENTICATED", err)
		}
		if _, err := h.svc.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: d.GetAssignment().GetTeamId(),
			DesignatedBy: "president-1", Reason: "回避"}); status.Code(err) != codes.Unauthenticated {
			t.Errorf("AssignCase without a caller = %v, want UNAUTHENTICATED", err)
		}
		if got, err := cs.ListOutcomes(ctx, d.GetDecisionId()); err != nil || len(got) != 0 {
			t.Errorf("outcomes after the refused call: %v, %v", got, err)
		}
	})
}
