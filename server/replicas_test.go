package server

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/store"
)

// replica is one server.Run process-alike on its own store over a shared
// PostgreSQL schema.
type replica struct {
	run    *running
	store  store.Store
	client triagev1.TriageServiceClient
}

func startReplica(t *testing.T, target string, teams *routing.Teams) replica {
	t.Helper()
	st := openTarget(t, target)
	// The test filings' month (fixedNow): fenjian_team_free_capacity
	// reports the current month's places.
	r := startRun(t, Config{Service: Options{Decider: newDecider(t), Store: st, Teams: teams, Now: func() time.Time { return fixedNow }}})
	return replica{run: r, store: st, client: triagev1.NewTriageServiceClient(dial(t, r.grpcAddr))}
}

// TestReplicasShareRecord runs two servers on one PostgreSQL schema, as two
// replicas of the service: each reads what the other recorded, checks
// outcomes and designations against it, and a team feed opened on one
// delivers what the other assigns (woken by the other's NOTIFY: no feed
// polls), cases leaving the team included.
func TestReplicasShareRecord(t *testing.T) {
	target := pgtest.Schema(t)
	teams := defaultTeams(t)
	a := startReplica(t, target, teams)
	b := startReplica(t, target, teams)
	ctx := testContext(t)
	const team = "civil-fast-general"

	feedB := watch(t, b.client, team, "")

	// Decided on A, read on B.
	d := triageOK(t, ctx, a.client, loanFiling("rep-1"))
	got, err := b.client.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: d.GetDecisionId()})
	if err != nil {
		t.Fatalf("GetDecision on B of A's decision: %v", err)
	}
	if diff := cmp.Diff(d, got.GetDecision(), protocmp.Transform()); diff != "" {
		t.Errorf("B reads other than A returned (-A +B):\n%s", diff)
	}
	// A's random assignment reaches B's feed.
	if x := feedB.take(t, 1)[0]; !proto.Equal(x, d.GetAssignment()) {
		t.Errorf("B's feed delivered %v, A assigned %v", x, d.GetAssignment())
	}

	// Outcomes recorded on B are checked against A's record.
	_, err = b.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(d, confirmed, ordinary, "2024-03-06")})
	checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleConfirmedNotRecommended)
	resp, err := b.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(d, confirmed, smallClaims, "2024-03-06")})
	if err != nil {
		t.Fatalf("RecordOutcome on B: %v", err)
	}
	if resp.GetOutcome().GetPrevious() != d.GetRecommended() {
		t.Errorf("previous = %v, A recommended %v", resp.GetOutcome().GetPrevious(), d.GetRecommended())
	}
	// ... and A sees B's outcome.
	_, err = a.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(d, confirmed, smallClaims, "2024-03-07")})
	checkStatus(t, err, codes.FailedPrecondition, "", rules.RuleFilingChoiceNotFirst)

	// A designation made on A, of the case away from the team, reaches B's
	// feed as the case leaving.
	des, err := a.client.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: generalCivil[0], DesignatedBy: "president-1", Reason: "关联案件由同一团队审理"})
	if err != nil {
		t.Fatalf("AssignCase on A: %v", err)
	}
	if x := feedB.takeEvents(t, 1)[0]; !proto.Equal(x, &triagev1.WatchAssignmentsResponse{Assignment: des.GetAssignment(), Event: triagev1.FeedEvent_FEED_EVENT_LEFT}) {
		t.Errorf("B's feed delivered %v, A designated %v away", x, des.GetAssignment())
	}
	// ... and B sees where A put it: the same request on B is a retry of
	// A's, answered A's designation; another designation there moves
	// nothing and is refused.
	again, err := b.client.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: generalCivil[0], DesignatedBy: "president-1", Reason: "关联案件由同一团队审理"})
	if err != nil || !again.GetReplayed() || !proto.Equal(again.GetAssignment(), des.GetAssignment()) {
		t.Errorf("A's designation sent again on B = %v, %v; want A's, replayed", again, err)
	}
	_, err = b.client.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: d.GetDecisionId(), TeamId: generalCivil[0], DesignatedBy: "president-1", Reason: "另案关联"})
	checkStatus(t, err, codes.FailedPrecondition, "", "ALREADY_WITH_TEAM")

	// A conversion recorded on A decides what B lets a team take.
	s := triageOK(t, ctx, b.client, simplifiedFiling("rep-2"))
	if x := feedB.take(t, 1)[0]; x.GetDecisionId() != s.GetDecisionId() {
		t.Errorf("B's feed delivered %v, want B's own assignment of %s", x, s.GetDecisionId())
	}
	conv, err := a.client.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: outcome(s, simpToOrd, ordinary, "2024-04-02")})
	if err != nil {
		t.Fatalf("简转普 on A: %v", err)
	}
	// The 速裁团队 takes no ordinary case: A drew it again, and B's feed
	// shows it leaving.
	left := feedB.takeEvents(t, 1)[0]
	if diff := cmp.Diff(&triagev1.WatchAssignmentsResponse{Assignment: conv.GetReassignment(), Event: triagev1.FeedEvent_FEED_EVENT_LEFT}, left, protocmp.Transform()); diff != "" {
		t.Errorf("B's feed after 简转普 on A (-want +got):\n%s", diff)
	}
	if got := conv.GetReassignment().GetPreviousTeamId(); got != team {
		t.Errorf("reassignment's previous_team_id = %q, want %q", got, team)
	}
	_, err = b.client.AssignCase(ctx, &triagev1.AssignCaseRequest{DecisionId: s.GetDecisionId(), TeamId: team, DesignatedBy: "president-1", Reason: "转普通程序后仍由原团队审理"})
	checkStatus(t, err, codes.FailedPrecondition, "", "TEAM_DOES_NOT_TAKE_CASE")

	feedB.quiet(t, feedQuiet)
	feedB.stop()
}

// TestReplicasShareCapacity triages 2×40 cases at once on two replicas of
// one PostgreSQL schema with a teams file of tiny capacities: no team is
// given more cases than its capacity, every place is taken, every case that
// found none is stored unassigned and flagged for review, and the record
// verifies.
func TestReplicasShareCapacity(t *testing.T) {
	target := pgtest.Schema(t)
	file := tinyTeams()
	teams := writeTeams(t, file)
	replicas := []replica{startReplica(t, target, teams), startReplica(t, target, teams)}
	ctx := testContext(t)

	type result struct {
		filing *triagev1.Filing
		d      *triagev1.Decision
		err    error
	}
	const perReplica = 40
	results := make([][]result, len(replicas))
	var wg sync.WaitGroup
	for ri, r := range replicas {
		results[ri] = make([]result, perReplica)
		for w := range 4 {
			wg.Go(func() {
				for i := w; i < perReplica; i += 4 {
					id := fmt.Sprintf("cap-%d-%d", ri, i)
					f := loanFiling(id)
					if i%2 == 1 {
						f = reviewTextFiling(id)
					}
					resp, err := r.client.Triage(ctx, &triagev1.TriageRequest{Filing: f})
					results[ri][i] = result{f, resp.GetDecision(), err}
				}
			})
		}
	}
	wg.Wait()

	assigned := map[string]int{}
	for ri, rs := range results {
		other := replicas[1-ri]
		for _, res := range rs {
			if res.err != nil {
				t.Fatalf("Triage(%s) on replica %d: %v", res.filing.GetId(), ri, res.err)
			}
			d := res.d
			stored, err := other.store.GetDecision(ctx, d.GetDecisionId())
			if err != nil {
				t.Errorf("%s: the other replica cannot read it: %v", res.filing.GetId(), err)
			} else if diff := cmp.Diff(d, stored, protocmp.Transform()); diff != "" {
				t.Errorf("%s: the other replica reads other than the decision returned (-returned +read):\n%s", res.filing.GetId(), diff)
			}
			a := d.GetAssignment()
			if a == nil {
				last := d.GetReviewReasons()[len(d.GetReviewReasons())-1]
				if !d.GetNeedsReview() || last.GetCode() != NoTeamCode {
					t.Errorf("%s: no team, but needs_review %v, reasons %v", res.filing.GetId(), d.GetNeedsReview(), d.GetReviewReasons())
				}
				continue
			}
			assigned[a.GetTeamId()]++
			want := []string{"fast-a", "fast-b"}
			if res.filing.GetText() != loanFiling("").GetText() {
				want = []string{"civil"}
			}
			if !slices.Contains(want, a.GetTeamId()) {
				t.Errorf("%s went to %s, want one of %v", res.filing.GetId(), a.GetTeamId(), want)
			}
			if i, err := routing.Redraw(a.GetDraw()); err != nil || a.GetDraw().GetCandidates()[i].GetTeamId() != a.GetTeamId() {
				t.Errorf("%s: the draw re-runs to another team (%v)", res.filing.GetId(), err)
			}
		}
	}
	for _, e := range file.Teams {
		feed := teamFeed(t, replicas[0].store, e.ID)
		if int64(len(feed)) > e.Capacity {
			t.Errorf("team %s was given %d cases; its capacity is %d", e.ID, len(feed), e.Capacity)
		}
		if len(feed) != assigned[e.ID] {
			t.Errorf("team %s: %d assignments in its feed, %d returned to clients", e.ID, len(feed), assigned[e.ID])
		}
	}
	// Demand exceeds every civil team's capacity: each place is taken.
	for _, id := range []string{"fast-a", "fast-b", "civil"} {
		tm, _ := teams.Team(id)
		if int64(assigned[id]) != tm.Capacity {
			t.Errorf("team %s got %d cases of %d places, with more cases than places", id, assigned[id], tm.Capacity)
		}
	}
	// Every replica's gauge shows the full teams full, whichever replica
	// took their last places: FenjianTeamOverCapacity takes the maximum
	// over replicas.
	for ri, r := range replicas {
		for _, id := range []string{"fast-a", "fast-b", "civil"} {
			if v, err := metricValue(r.run.reg, "fenjian_team_free_capacity", map[string]string{"team": id}); err != nil || v != 0 {
				t.Errorf("replica %d: fenjian_team_free_capacity{team=%q} = %v, %v; want 0, the team full", ri, id, v, err)
			}
		}
	}
	verifyAudit(t, replicas[1].store)
}

// verifyAudit checks the store's audit chain.
func verifyAudit(t testing.TB, st store.Store) {
	t.Helper()
	rep, err := st.VerifyAudit(context.Background())
	if err != nil {
		t.Fatalf("VerifyAudit: %v", err)
	}
	if !rep.OK {
		t.Fatalf("VerifyAudit: %s", rep)
	}
	t.Log(rep)
}

// TestReplicasRaceOnOutcomes: judges on two replicas confirm the same
// decision at once, each with its own reason. Each replica checks the
// outcome against what it read, and the store re-checks under the chain
// lock, so exactly one first outcome is recorded per decision; the others
// are ABORTED (raced) or FAILED_PRECONDITION (they read the winner's
// outcome). Copies of one request are retries, all answered the one stored:
// TestReplicasReplayRace.
func TestReplicasRaceOnOutcomes(t *testing.T) {
	target := pgtest.Schema(t)
	teams := defaultTeams(t)
	a := startReplica(t, target, teams)
	b := startReplica(t, target, teams)
	ctx := testContext(t)
	for i := range 10 {
		d := triageOK(t, ctx, a.client, loanFiling(fmt.Sprintf("race-%d", i)))
		var wg sync.WaitGroup
		var mu sync.Mutex
		codesSeen := map[codes.Code]int{}
		for j := range 4 {
			c := a.client
			if j%2 == 1 {
				c = b.client
			}
			wg.Go(func() {
				o := outcome(d, confirmed, smallClaims, "2024-03-06")
				o.Reason += fmt.Sprintf("（%d）", j)
				_, err := c.RecordOutcome(ctx, &triagev1.RecordOutcomeRequest{Outcome: o})
				mu.Lock()
				defer mu.Unlock()
				codesSeen[status.Code(err)]++
			})
		}
		wg.Wait()
		if codesSeen[codes.OK] != 1 || codesSeen[codes.OK]+codesSeen[codes.Aborted]+codesSeen[codes.FailedPrecondition] != 4 {
			t.Fatalf("decision %d: codes %v, want exactly one OK and the rest ABORTED or FAILED_PRECONDITION", i, codesSeen)
		}
		got, err := a.store.ListOutcomes(ctx, d.GetDecisionId())
		if err != nil || len(got) != 1 {
			t.Fatalf("decision %d: %d outcomes stored, %v; want 1", i, len(got), err)
		}
	}
}
