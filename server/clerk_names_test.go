package server

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/auth"
)

// TestClerkRecordsOnlyForListedIdentities runs a real server on SQLite and
// on PostgreSQL: a clerk (clerk-07, a clerk only) enters a designation only
// in the name of an identity that holds the president role in the tokens or
// roles file serving, and an outcome only in the name of one holding judge
// or president; any other name is PERMISSION_DENIED naming the field, and
// nothing is stored. A clerk recorded designated_by = any string (outside
// check).
func TestClerkRecordsOnlyForListedIdentities(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := testContext(t)
		clock := newFakeClock(time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC))
		// The test identities, plus a president whose token expired.
		all := testTokensFile(t)
		all.Tokens = append(all.Tokens, auth.TokenEntry{Name: "president-old", Roles: []string{"president"},
			SHA256: auth.HashToken("fjt_test-president-old"), Expires: "2026-12-05T08:00:00Z"})
		raw, err := json.Marshal(all)
		if err != nil {
			t.Fatal(err)
		}
		tokens, err := auth.ParseTokens(raw)
		if err != nil {
			t.Fatal(err)
		}
		roles, err := auth.ParseRoles([]byte(`{"certificates":[{"cn":"president-cert","roles":["president"]}]}`))
		if err != nil {
			t.Fatal(err)
		}
		table := auth.NewTable(auth.Credentials{Tokens: tokens, Roles: roles})
		st := openTarget(t, b.target)
		h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t), sec: &Security{Credentials: table, Clock: clock}})
		clerk := triagev1.NewTriageServiceClient(dialAs(t, h.conn.Target(), testClerkToken))

		for i, tt := range []struct {
			name, by string
			ok       bool
		}{
			{"a listed president", "president-1", true},
			{"a president of the roles file", "president-cert", true},
			{"a name no file lists", "president-404", false},
			{"a judge, not a president", "judge-17", false},
			{"the clerk itself", "clerk-07", false},
			{"a president whose token expired", "president-old", false},
		} {
			t.Run("AssignCase/"+tt.name, func(t *testing.T) {
				d := triageOK(t, ctx, h.client, loanFiling("(2024)辽0102民初"+string(rune('0'+i))+"411号"))
				_, err := clerk.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: "civil-trial-2", DesignatedBy: tt.by, Reason: "原承办团队需回避，院长指定。"})
				checkClerkEntry(t, err, tt.ok, "designated_by")
				c, gerr := st.GetCase(ctx, d.GetDecisionId())
				if gerr != nil {
					t.Fatal(gerr)
				}
				if stored := len(c.Assignments) == 2; stored != tt.ok {
					t.Errorf("%d assignments stored, want the designation stored: %v", len(c.Assignments), tt.ok)
				}
			})
		}
		for i, tt := range []struct {
			name, by string
			ok       bool
		}{
			{"a listed judge", "judge-17", true},
			{"a listed president", "president-1", true},
			{"a name no file lists", "judge-404", false},
			{"a filing system", "filing-system", false},
			{"the clerk itself", "clerk-07", false},
		} {
			t.Run("RecordOutcome/"+tt.name, func(t *testing.T) {
				d := triageOK(t, ctx, h.client, loanFiling("(2024)辽0102民初"+string(rune('0'+i))+"412号"))
				o := outcome(d, triagev1.ChangeKind_CHANGE_KIND_CONFIRMED, d.GetRecommended(), validFiling().GetFiledOn())
				o.DecidedBy = tt.by
				_, err := clerk.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
				checkClerkEntry(t, err, tt.ok, "outcome.decided_by")
			})
		}
		// A reload that removes president-1 withdraws the name at once.
		t.Run("AssignCase/a president the tokens file no longer lists", func(t *testing.T) {
			table.SetTokens(testTokens(t)) // without president-old, president-1 kept
			d := triageOK(t, ctx, h.client, loanFiling("(2024)辽0102民初9413号"))
			table.SetRoles(nil)
			_, err := clerk.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: "civil-trial-2", DesignatedBy: "president-cert", Reason: "原承办团队需回避，院长指定。"})
			checkClerkEntry(t, err, false, "designated_by")
		})
	})
}

// checkClerkEntry wants err nil (ok) or PERMISSION_DENIED naming field.
func checkClerkEntry(t *testing.T, err error, ok bool, field string) {
	t.Helper()
	if ok {
		if err != nil {
			t.Errorf("refused: %v, want recorded", err)
		}
		return
	}
	st := status.Convert(err)
	if st.Code() != codes.PermissionDenied || !strings.HasPrefix(st.Message(), field+" ") {
		t.Errorf("%v, want PERMISSION_DENIED naming %s", err, field)
	}
}
