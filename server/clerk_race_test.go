package server

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/auth"
	"github.com/fenjian/fenjian/store"
)

// movingStore is a real store whose next SaveConversion or SaveAssignment
// first runs move: what another replica, writing to the same database
// without this replica's case lock, does between a clerk's check of the
// case's team and the clerk's write. Nothing is faked: move writes through
// a second store opened on the same database, as that replica would.
type movingStore struct {
	CaseStore
	move atomic.Pointer[func(context.Context)]
}

func (s *movingStore) runMove(ctx context.Context) {
	if m := s.move.Swap(nil); m != nil {
		(*m)(context.WithoutCancel(ctx))
	}
}

func (s *movingStore) SaveConversion(ctx context.Context, o *triagev1.Outcome, prior int, plan *store.ReroutePlan) (*triagev1.Assignment, error) {
	s.runMove(ctx)
	return s.CaseStore.SaveConversion(ctx, o, prior, plan)
}

func (s *movingStore) SaveAssignment(ctx context.Context, a *triagev1.Assignment) error {
	s.runMove(ctx)
	return s.CaseStore.SaveAssignment(ctx, a)
}

// TestClerkEntryRacesAMove runs a real server on SQLite and on PostgreSQL
// and moves a case to another team, through a second store on the same
// database (another replica), after a team clerk's entry was checked
// against the case's team and before it is written. The entry is refused
// ABORTED and nothing of it is stored; sent again, it is checked against
// the team the case is with now. A court-clerk's entry, which no team
// scopes, is written. Before, the clerk of civil-trial-1 recorded a ruling
// of, and designated away, a case that was with civil-trial-2 by then
// (outside check 28: two triaged on one PostgreSQL schema, 33 of 60
// outcomes and 52 of 60 designations raced that way were stored).
func TestClerkEntryRacesAMove(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := testContext(t)
		table := auth.NewTable(auth.Credentials{Tokens: clerkTeamsTokens(t, "civil-trial-1")})
		st := &movingStore{CaseStore: openTarget(t, b.target)}
		other := openTarget(t, b.target) // the other replica's store
		h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t), sec: &Security{Credentials: table}})
		clients := map[string]triagev1.TriageServiceClient{
			"clerk-t1":    triagev1.NewTriageServiceClient(dialAs(t, h.conn.Target(), teamClerkToken)),
			"clerk-court": triagev1.NewTriageServiceClient(dialAs(t, h.conn.Target(), courtClerkToken)),
		}
		n := 0
		for _, tt := range []struct {
			name, clerk string
			designate   bool
			// code is the entry's answer; refusedAfter what it is told
			// when sent again (OK: replayed).
			code         codes.Code
			refusedAfter string
		}{
			{name: "outcome/team clerk", clerk: "clerk-t1", code: codes.Aborted, refusedAfter: "this case is with team civil-trial-2"},
			{name: "designation/team clerk", clerk: "clerk-t1", designate: true, code: codes.Aborted, refusedAfter: "this case is with team civil-trial-2"},
			{name: "outcome/court clerk", clerk: "clerk-court", code: codes.OK},
			{name: "designation/court clerk", clerk: "clerk-court", designate: true, code: codes.OK},
		} {
			t.Run(tt.name, func(t *testing.T) {
				n++
				d := triageOK(t, ctx, h.client, loanFiling(fmt.Sprintf("(2024)辽0102民初8%03d号", n)))
				if _, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: "civil-trial-1",
					DesignatedBy: "test-clerk", Reason: "院长指定。"}); err != nil {
					t.Fatal(err)
				}
				move := func(ctx context.Context) {
					if err := other.SaveAssignment(ctx, &triagev1.Assignment{DecisionId: d.GetDecisionId(), TeamId: "civil-trial-2",
						DesignatedBy: "president-1", RecordedBy: "president-1", Reason: "院长指定。"}); err != nil {
						t.Errorf("the other replica's designation: %v", err)
					}
				}
				st.move.Store(&move)
				enter := func() error {
					if tt.designate {
						_, err := clients[tt.clerk].AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: "civil-trial-3",
							DesignatedBy: "president-1", Reason: "原承办团队需回避，院长指定。"})
						return err
					}
					o := outcome(d, triagev1.ChangeKind_CHANGE_KIND_CONFIRMED, d.GetRecommended(), validFiling().GetFiledOn())
					o.DecidedBy = "judge-t1"
					_, err := clients[tt.clerk].RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
					return err
				}
				err := enter()
				if st.move.Load() != nil {
					t.Fatal("the entry reached no write")
				}
				if got := status.Code(err); got != tt.code {
					t.Fatalf("%v, want %v", err, tt.code)
				}
				c, err := st.GetCase(ctx, d.GetDecisionId())
				if err != nil {
					t.Fatal(err)
				}
				last := c.Assignments[len(c.Assignments)-1]
				if tt.code != codes.OK {
					if len(c.Outcomes) != 0 || last.GetTeamId() != "civil-trial-2" {
						t.Fatalf("after the refusal: %d outcomes, case with %q; want none stored, the case with civil-trial-2", len(c.Outcomes), last.GetTeamId())
					}
					// Sent again, it is checked against civil-trial-2.
					err := enter()
					if st := status.Convert(err); st.Code() != codes.PermissionDenied || !strings.Contains(st.Message(), tt.refusedAfter) {
						t.Errorf("sent again: %v, want PERMISSION_DENIED saying %q", err, tt.refusedAfter)
					}
					return
				}
				if tt.designate && last.GetRecordedBy() != tt.clerk || !tt.designate && (len(c.Outcomes) != 1 || c.Outcomes[0].GetRecordedBy() != tt.clerk) {
					t.Errorf("the court clerk's entry is not stored: %d outcomes, last assignment by %q", len(c.Outcomes), last.GetRecordedBy())
				}
			})
		}
	})
}

// swappingStore is a real store whose next GetCase first runs swap: a
// reload of the tokens file landing while a clerk's call is in flight,
// after it was authenticated and before the clerk's entry is checked (the
// case's team is read by GetCase, enteredFor).
type swappingStore struct {
	CaseStore
	swap atomic.Pointer[func()]
}

func (s *swappingStore) GetCase(ctx context.Context, id string) (*store.CaseHistory, error) {
	if f := s.swap.Swap(nil); f != nil {
		(*f)()
	}
	return s.CaseStore.GetCase(ctx, id)
}

// TestClerkEntryJudgedByOneTokensFile swaps the tokens file while a team
// clerk's RecordOutcome is in flight: the call is judged by the file that
// authenticated it, the clerk's teams and the named judge's alike. Before,
// the clerk's roles were the old file's and the judge's the new one's: a
// reload moving clerk-t1 to civil-trial-2 and making judge-free a judge of
// civil-trial-1 let the call in flight enter judge-free's ruling on a
// civil-trial-1 case, which neither file allows; and a reload taking
// judge-t1 off the team refused a call that started before it.
func TestClerkEntryJudgedByOneTokensFile(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := testContext(t)
		table := auth.NewTable(auth.Credentials{Tokens: clerkTeamsTokens(t, "civil-trial-1")})
		st := &swappingStore{CaseStore: openTarget(t, b.target)}
		h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t), sec: &Security{Credentials: table}})
		clerk := triagev1.NewTriageServiceClient(dialAs(t, h.conn.Target(), teamClerkToken))
		// reteamed is the test tokens file with clerk-t1 serving clerkTeam
		// and the judges' teams as given.
		reteamed := func(t *testing.T, clerkTeam string, judgeTeams map[string]string) *auth.Tokens {
			t.Helper()
			f := testTokensFile(t)
			f.Tokens = append(f.Tokens,
				auth.TokenEntry{Name: "clerk-t1", Roles: []string{"clerk"}, Team: clerkTeam, SHA256: auth.HashToken(teamClerkToken)},
				auth.TokenEntry{Name: "judge-t1", Roles: []string{"judge"}, Team: judgeTeams["judge-t1"], SHA256: auth.HashToken("fjt_test-judge-t1")},
				auth.TokenEntry{Name: "judge-free", Roles: []string{"judge"}, Team: judgeTeams["judge-free"], SHA256: auth.HashToken("fjt_test-judge-free")},
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
		n := 0
		for _, tt := range []struct {
			name string
			by   string
			// swapped is the file swapped in mid-call.
			clerkTeam  string
			judgeTeams map[string]string
			refused    string // "" when recorded
		}{
			{name: "clerk moved off the team, a judge moved onto it", by: "judge-free", clerkTeam: "civil-trial-2",
				judgeTeams: map[string]string{"judge-t1": "civil-trial-1", "judge-free": "civil-trial-1"},
				refused:    "outcome.decided_by names no identity that is a judge of team civil-trial-1"},
			{name: "the named judge taken off the team", by: "judge-t1", clerkTeam: "civil-trial-1",
				judgeTeams: map[string]string{"judge-free": "civil-trial-2"}},
			{name: "the clerk taken off the team", by: "judge-t1", clerkTeam: "civil-trial-2",
				judgeTeams: map[string]string{"judge-t1": "civil-trial-1"}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				table.SetTokens(clerkTeamsTokens(t, "civil-trial-1"))
				n++
				d := triageOK(t, ctx, h.client, loanFiling(fmt.Sprintf("(2024)辽0102民初9%03d号", n)))
				if _, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: "civil-trial-1",
					DesignatedBy: "test-clerk", Reason: "院长指定。"}); err != nil {
					t.Fatal(err)
				}
				swapped := reteamed(t, tt.clerkTeam, tt.judgeTeams)
				swap := func() { table.SetTokens(swapped) }
				st.swap.Store(&swap)
				o := outcome(d, triagev1.ChangeKind_CHANGE_KIND_CONFIRMED, d.GetRecommended(), validFiling().GetFiledOn())
				o.DecidedBy = tt.by
				_, err := clerk.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
				if st.swap.Load() != nil {
					t.Fatal("the call read no case")
				}
				c, gerr := st.GetCase(ctx, d.GetDecisionId())
				if gerr != nil {
					t.Fatal(gerr)
				}
				if tt.refused == "" {
					if err != nil || len(c.Outcomes) != 1 {
						t.Fatalf("%v, %d outcomes stored; want it recorded, as the file it started under allows", err, len(c.Outcomes))
					}
					return
				}
				if st := status.Convert(err); st.Code() != codes.PermissionDenied || !strings.Contains(st.Message(), tt.refused) {
					t.Errorf("%v, want PERMISSION_DENIED saying %q", err, tt.refused)
				}
				if len(c.Outcomes) != 0 {
					t.Errorf("%d outcomes stored after a refusal", len(c.Outcomes))
				}
			})
		}
		table.SetTokens(clerkTeamsTokens(t, "civil-trial-1"))
	})
}

// TestTeamClerkDesignationSentAgain runs a real server on SQLite and on
// PostgreSQL: a team clerk's designation moving a case off its team, sent
// again (its answer lost, or UNAVAILABLE "may be stored" after a lost
// commit), is answered the designation stored, replayed, as every retry by
// the identity that recorded it is; it was refused PERMISSION_DENIED (the
// case is with a team the clerk does not serve by then), and the client
// could not tell that its designation was stored. Another clerk, or the
// same clerk with another request, is refused as before.
func TestTeamClerkDesignationSentAgain(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := testContext(t)
		table := auth.NewTable(auth.Credentials{Tokens: clerkTeamsTokens(t, "civil-trial-1")})
		st := openTarget(t, b.target)
		h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t), sec: &Security{Credentials: table}})
		clients := map[string]triagev1.TriageServiceClient{}
		for name, tok := range map[string]string{"clerk-t1": teamClerkToken, "clerk-t12": twoTeamClerkTok, "clerk-court": courtClerkToken} {
			clients[name] = triagev1.NewTriageServiceClient(dialAs(t, h.conn.Target(), tok))
		}
		d := triageOK(t, ctx, h.client, loanFiling("(2024)辽0102民初9901号"))
		if _, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: "civil-trial-1",
			DesignatedBy: "test-clerk", Reason: "院长指定。"}); err != nil {
			t.Fatal(err)
		}
		req := &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: "civil-trial-3", DesignatedBy: "president-1", Reason: "原承办团队需回避，院长指定。"}
		first, err := clients["clerk-t1"].AssignCase(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			name, clerk string
			reason      string // "" for req's
			code        codes.Code
			says        string
		}{
			{name: "the same clerk, the same request", clerk: "clerk-t1", code: codes.OK},
			{name: "the same clerk, another reason", clerk: "clerk-t1", reason: "另一理由。", code: codes.PermissionDenied, says: "this case is with team civil-trial-3"},
			{name: "another clerk of the team", clerk: "clerk-t12", code: codes.PermissionDenied, says: "this case is with team civil-trial-3"},
			{name: "a court clerk", clerk: "clerk-court", code: codes.FailedPrecondition, says: "ALREADY_WITH_TEAM"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				r := proto.CloneOf(req)
				if tt.reason != "" {
					r.Reason = tt.reason
				}
				resp, err := clients[tt.clerk].AssignCase(ctx, r)
				if s := status.Convert(err); s.Code() != tt.code || !strings.Contains(s.Message()+fmt.Sprint(s.Details()), tt.says) {
					t.Fatalf("%v, want %v saying %q", err, tt.code, tt.says)
				}
				if tt.code == codes.OK && (!resp.GetReplayed() || resp.GetAssignment().GetAssignmentId() != first.GetAssignment().GetAssignmentId()) {
					t.Errorf("replayed %v, assignment %s; want the stored %s replayed", resp.GetReplayed(), resp.GetAssignment().GetAssignmentId(), first.GetAssignment().GetAssignmentId())
				}
				c, err := st.GetCase(ctx, d.GetDecisionId())
				if err != nil {
					t.Fatal(err)
				}
				if n := len(c.Assignments); n != 3 {
					t.Errorf("%d assignments stored, want 3 (the draw, the president's, the clerk's once)", n)
				}
			})
		}
	})
}
