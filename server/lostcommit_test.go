package server

import (
	"context"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/store"
)

// TestTriageLostCommitAnswer: in outside check 27 a PostgreSQL restart
// under load ended a session after its COMMIT ran and before the answer
// left, and the server answered that Triage UNAVAILABLE ("decision store
// unavailable, retry later"; README: not stored) while its decision and
// team draw were stored. Through a real server on loopback and real
// PostgreSQL, with the cut made by a relay at the writer's COMMIT (the fault
// a real restart cannot be timed to give): the Triage is answered OK with
// the decision stored; and when the database is gone past the read-back's
// bound, UNAVAILABLE saying it may be stored, the same filing sent again
// answered with it, replayed.
func TestTriageLostCommitAnswer(t *testing.T) {
	readBack := store.LostCommitReadBack
	store.LostCommitReadBack = 500 * time.Millisecond
	t.Cleanup(func() { store.LostCommitReadBack = readBack })
	for _, tc := range []struct {
		name string
		cut  pgtest.CommitCut
	}{
		{"answer lost", pgtest.CutAfterCommit},
		{"answer lost, database gone", pgtest.CutAfterCommitDown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			relay, via := pgtest.StartCommitCutter(t, pgtest.Schema(t), tc.cut)
			st, err := store.Open(context.Background(), via, store.Options{Registerer: prometheus.NewRegistry()})
			if err != nil {
				t.Fatalf("open store: %v", err)
			}
			t.Cleanup(func() { _ = st.Close() })
			h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
			ctx := testContext(t)
			triageOK(t, ctx, h.client, loanFiling("lost-commit-1")) // the pools are up

			relay.Arm()
			f := loanFiling("lost-commit-2")
			resp, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: f})
			if relay.Cuts() != 1 {
				t.Fatalf("the relay cut %d connections at COMMIT, want 1", relay.Cuts())
			}
			if tc.cut == pgtest.CutAfterCommit {
				if err != nil {
					t.Fatalf("Triage whose COMMIT ran, its answer lost = %v, want OK (the decision is stored)", err)
				}
				got, err := h.client.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: resp.GetDecision().GetDecisionId()})
				if err != nil || got.GetDecision().GetDecisionId() != resp.GetDecision().GetDecisionId() {
					t.Fatalf("GetDecision of the answered decision = %v, %v", got.GetDecision().GetDecisionId(), err)
				}
				return
			}
			if status.Code(err) != codes.Unavailable || status.Convert(err).Message() != msgCommitUnknown {
				t.Fatalf("Triage whose COMMIT ran, the database gone = %v, want UNAVAILABLE %q", err, msgCommitUnknown)
			}
			time.Sleep(pgtest.DownFor) // the database back
			again, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: f})
			if err != nil || !again.GetReplayed() {
				t.Fatalf("the same filing sent again = replayed %v, %v; want the stored decision, replayed", again.GetReplayed(), err)
			}
		})
	}
}
