package server

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/auth"
)

// Tokens of the clerks of TestClerkEntersOnlyForItsTeams.
const (
	teamClerkToken  = "fjt_test-clerk-t1"
	noTeamClerkTok  = "fjt_test-clerk-none"
	courtClerkToken = "fjt_test-clerk-court"
	twoTeamClerkTok = "fjt_test-clerk-t12"
)

// clerkTeamsTokens is the tokens file of TestClerkEntersOnlyForItsTeams:
// the test identities, clerks of civil-trial-1 (clerk-t1), of both
// civil-trial teams (clerk-t12), of no team and of the court, and judges of
// civil-trial-1 (judge-t1), of civil-trial-2 (judge-t2) and of none
// (judge-free). judge-split is a judge in this file and a member of
// civil-trial-1 in the roles file only. t1 is the team clerk-t1 serves;
// noTeam are clerk-none's roles (clerk when none).
func clerkTeamsTokens(t *testing.T, t1 string, noTeam ...string) *auth.Tokens {
	t.Helper()
	if len(noTeam) == 0 {
		noTeam = []string{"clerk"}
	}
	f := testTokensFile(t)
	f.Tokens = append(f.Tokens,
		auth.TokenEntry{Name: "clerk-t1", Roles: []string{"clerk"}, Team: t1, SHA256: auth.HashToken(teamClerkToken)},
		auth.TokenEntry{Name: "clerk-t12", Roles: []string{"clerk", "team:civil-trial-1", "team:civil-trial-2"}, SHA256: auth.HashToken(twoTeamClerkTok)},
		auth.TokenEntry{Name: "clerk-none", Roles: noTeam, SHA256: auth.HashToken(noTeamClerkTok)},
		auth.TokenEntry{Name: "clerk-court", Roles: []string{"court-clerk"}, SHA256: auth.HashToken(courtClerkToken)},
		auth.TokenEntry{Name: "judge-t1", Roles: []string{"judge"}, Team: "civil-trial-1", SHA256: auth.HashToken("fjt_test-judge-t1")},
		auth.TokenEntry{Name: "judge-t2", Roles: []string{"judge"}, Team: "civil-trial-2", SHA256: auth.HashToken("fjt_test-judge-t2")},
		auth.TokenEntry{Name: "judge-free", Roles: []string{"judge"}, SHA256: auth.HashToken("fjt_test-judge-free")},
		auth.TokenEntry{Name: "judge-split", Roles: []string{"judge"}, SHA256: auth.HashToken("fjt_test-judge-split")},
	)
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	tokens, err := auth.ParseTokens(b)
	if err != nil {
		t.Fatal(err)
	}
	return tokens
}

// TestClerkEntersOnlyForItsTeams runs a real server on SQLite and on
// PostgreSQL: a clerk holding team:<id> roles enters an outcome only for a
// case with one of its teams, in the name of a president or of a judge whose
// entry holds that team's role, and a designation only of such a case, in a
// president's name; a clerk of no team enters nothing in another's name; a
// court-clerk enters for any case, as every clerk did before. A refusal is
// PERMISSION_DENIED saying why and stores nothing; an entry keeps the clerk
// as recorded_by. A reload of the tokens file that moves a clerk to another
// team moves what it may enter from the next call.
func TestClerkEntersOnlyForItsTeams(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := testContext(t)
		roles, err := auth.ParseRoles([]byte(`{"certificates":[
			{"cn":"judge-t1-cert","roles":["judge"],"team":"civil-trial-1"},
			{"cn":"judge-split","team":"civil-trial-1"}]}`))
		if err != nil {
			t.Fatal(err)
		}
		table := auth.NewTable(auth.Credentials{Tokens: clerkTeamsTokens(t, "civil-trial-1"), Roles: roles})
		st := openTarget(t, b.target)
		h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t), sec: &Security{Credentials: table}})
		clients := map[string]triagev1.TriageServiceClient{}
		for name, tok := range map[string]string{"clerk-t1": teamClerkToken, "clerk-t12": twoTeamClerkTok, "clerk-none": noTeamClerkTok, "clerk-court": courtClerkToken} {
			clients[name] = triagev1.NewTriageServiceClient(dialAs(t, h.conn.Target(), tok))
		}
		n := 0
		// caseWith is a new case the president designated to team.
		caseWith := func(t *testing.T, team string) *triagev1.Decision {
			t.Helper()
			n++
			d := triageOK(t, ctx, h.client, loanFiling(fmt.Sprintf("(2024)辽0102民初7%03d号", n)))
			if _, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: team,
				DesignatedBy: "test-clerk", Reason: "院长指定。"}); err != nil {
				t.Fatalf("designate to %s: %v", team, err)
			}
			return d
		}

		type row struct {
			name, clerk, team, by string
			// to is the team a designation moves the case to; "" for an
			// outcome.
			to string
			// refused is what the refusal says; "" when the entry is recorded.
			refused string
		}
		check := func(t *testing.T, tt row) {
			t.Helper()
			d := caseWith(t, tt.team)
			var err error
			var field string
			if tt.to == "" {
				field = "outcome.decided_by"
				o := outcome(d, triagev1.ChangeKind_CHANGE_KIND_CONFIRMED, d.GetRecommended(), validFiling().GetFiledOn())
				o.DecidedBy = tt.by
				_, err = clients[tt.clerk].RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
			} else {
				field = "designated_by"
				_, err = clients[tt.clerk].AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: tt.to,
					DesignatedBy: tt.by, Reason: "原承办团队需回避，院长指定。"})
			}
			c, gerr := st.GetCase(ctx, d.GetDecisionId())
			if gerr != nil {
				t.Fatal(gerr)
			}
			// The draw and the president's designation are before the
			// clerk's entry.
			entries := len(c.Outcomes) + len(c.Assignments) - 2
			if tt.refused == "" {
				if err != nil {
					t.Fatalf("refused: %v, want recorded", err)
				}
				if entries != 1 {
					t.Fatalf("%d entries stored, want 1", entries)
				}
				recordedBy := c.Assignments[len(c.Assignments)-1].GetRecordedBy()
				if tt.to == "" {
					recordedBy = c.Outcomes[0].GetRecordedBy()
				}
				if recordedBy != tt.clerk {
					t.Errorf("recorded_by %q, want %q", recordedBy, tt.clerk)
				}
				return
			}
			st := status.Convert(err)
			if st.Code() != codes.PermissionDenied || !strings.Contains(st.Message(), tt.refused) {
				t.Errorf("%v, want PERMISSION_DENIED saying %q", err, tt.refused)
			}
			if entries != 0 {
				t.Errorf("%d entries stored after a refusal (%s), want none", entries, field)
			}
		}
		const (
			otherTeam    = "this case is with team civil-trial-2"
			notTeamJudge = "outcome.decided_by names no identity that is a judge of team civil-trial-1 or a president"
			noTeam       = "clerk clerk-none serves no team"
			notPresident = "designated_by names no identity"
		)
		for _, tt := range []row{
			{name: "outcome/its team's judge", clerk: "clerk-t1", team: "civil-trial-1", by: "judge-t1"},
			{name: "outcome/its team's judge of the roles file", clerk: "clerk-t1", team: "civil-trial-1", by: "judge-t1-cert"},
			{name: "outcome/a president", clerk: "clerk-t1", team: "civil-trial-1", by: "president-1"},
			{name: "outcome/a judge of another team", clerk: "clerk-t1", team: "civil-trial-1", by: "judge-t2", refused: notTeamJudge},
			{name: "outcome/a judge of no team", clerk: "clerk-t1", team: "civil-trial-1", by: "judge-free", refused: notTeamJudge},
			{name: "outcome/a judge in one file, of the team in the other", clerk: "clerk-t1", team: "civil-trial-1", by: "judge-split", refused: notTeamJudge},
			{name: "outcome/another team's case, its judge", clerk: "clerk-t1", team: "civil-trial-2", by: "judge-t2", refused: otherTeam},
			{name: "outcome/another team's case, own team's judge", clerk: "clerk-t1", team: "civil-trial-2", by: "judge-t1", refused: otherTeam},
			{name: "outcome/another team's case, a president", clerk: "clerk-t1", team: "civil-trial-2", by: "president-1", refused: otherTeam},
			{name: "outcome/clerk of two teams, second team's judge", clerk: "clerk-t12", team: "civil-trial-2", by: "judge-t2"},
			{name: "outcome/clerk of no team", clerk: "clerk-none", team: "civil-trial-1", by: "judge-t1", refused: noTeam},
			{name: "outcome/court clerk, any team's judge", clerk: "clerk-court", team: "civil-trial-2", by: "judge-t1"},
			{name: "outcome/court clerk, a judge of no team", clerk: "clerk-court", team: "civil-trial-1", by: "judge-free"},
			{name: "designation/its team's case", clerk: "clerk-t1", team: "civil-trial-1", to: "civil-trial-3", by: "president-1"},
			{name: "designation/another team's case to its team", clerk: "clerk-t1", team: "civil-trial-2", to: "civil-trial-1", by: "president-1", refused: otherTeam},
			{name: "designation/its team's judge, not a president", clerk: "clerk-t1", team: "civil-trial-1", to: "civil-trial-3", by: "judge-t1", refused: notPresident},
			{name: "designation/clerk of no team", clerk: "clerk-none", team: "civil-trial-1", to: "civil-trial-3", by: "president-1", refused: noTeam},
			{name: "designation/court clerk", clerk: "clerk-court", team: "civil-trial-2", to: "civil-trial-3", by: "president-1"},
		} {
			t.Run(tt.name, func(t *testing.T) { check(t, tt) })
		}
		// A reload that moves clerk-t1 to civil-trial-2 moves its cases at
		// the next call; a reload that takes judge-t2 off civil-trial-2
		// withdraws the name.
		t.Run("reload/clerk moved to civil-trial-2", func(t *testing.T) {
			table.SetTokens(clerkTeamsTokens(t, "civil-trial-2"))
			t.Cleanup(func() { table.SetTokens(clerkTeamsTokens(t, "civil-trial-1")) })
			check(t, row{clerk: "clerk-t1", team: "civil-trial-2", by: "judge-t2"})
			check(t, row{clerk: "clerk-t1", team: "civil-trial-1", by: "judge-t1", refused: "this case is with team civil-trial-1"})
		})
		t.Run("reload/clerk given court-clerk", func(t *testing.T) {
			table.SetTokens(clerkTeamsTokens(t, "civil-trial-1", "court-clerk"))
			t.Cleanup(func() { table.SetTokens(clerkTeamsTokens(t, "civil-trial-1")) })
			check(t, row{clerk: "clerk-none", team: "civil-trial-1", by: "judge-t1"})
		})
	})
}
