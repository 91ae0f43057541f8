package server

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

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
// (outside check 28: two triaged on one PostgreSQL schema, 34 of 60
// outcomes and 24 of 30 designations raced that way were stored).
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
