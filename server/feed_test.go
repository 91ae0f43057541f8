package server

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"google.golang.org/grpc/codes"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestWatchAssignmentsInvalid opens feeds the server must refuse.
func TestWatchAssignmentsInvalid(t *testing.T) {
	st := openStore(t, tempDB(t))
	h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
	noTeams := startServer(t, deps{decider: newDecider(t), store: st})
	tests := []struct {
		name   string
		client triagev1.TriageServiceClient
		req    *triagev1.WatchAssignmentsRequest
		code   codes.Code
		field  string
		rule   string
	}{
		{"unknown team", h.client, &triagev1.WatchAssignmentsRequest{TeamId: "civil-trial-9"}, codes.InvalidArgument, "team_id", ""},
		{"no team", h.client, &triagev1.WatchAssignmentsRequest{}, codes.InvalidArgument, "team_id", ""},
		{"cursor not a number", h.client, &triagev1.WatchAssignmentsRequest{TeamId: "family", AfterCursor: "abc"}, codes.InvalidArgument, "after_cursor", ""},
		{"negative cursor", h.client, &triagev1.WatchAssignmentsRequest{TeamId: "family", AfterCursor: "-1"}, codes.InvalidArgument, "after_cursor", ""},
		{"cursor past int64", h.client, &triagev1.WatchAssignmentsRequest{TeamId: "family", AfterCursor: "99999999999999999999"}, codes.InvalidArgument, "after_cursor", ""},
		// An empty record's head is 0: any cursor is ahead of it.
		{"cursor ahead of the head", h.client, &triagev1.WatchAssignmentsRequest{TeamId: "family", AfterCursor: "1"}, codes.InvalidArgument, "after_cursor", ""},
		{"server without teams", noTeams.client, &triagev1.WatchAssignmentsRequest{TeamId: "family"}, codes.FailedPrecondition, "", "NO_TEAMS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkStatus(t, watchErr(t, tt.client, tt.req).Err(), tt.code, tt.field, tt.rule)
		})
	}
}

// TestWatchAssignmentsResume is the test: a team's feed replays what
// the team missed, then follows new assignments live; a client that
// disconnects mid-stream and reconnects with the last cursor it saw,
// however often and while cases keep being assigned, misses nothing and
// sees nothing twice. On SQLite and on PostgreSQL.
func TestWatchAssignmentsResume(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		st := openTarget(t, b.target)
		h := startServer(t, deps{decider: newDecider(t), store: st, teams: defaultTeams(t)})
		ctx := testContext(t)
		const team = "civil-fast-general" // the only team a loanFiling may go to
		var seq atomic.Int64
		assign := func(n int) error {
			var wg sync.WaitGroup
			errs := make(chan error, n)
			work := make(chan int, n)
			for i := range n {
				work <- i
			}
			close(work)
			for range 4 {
				wg.Go(func() {
					for range work {
						d, err := h.client.Triage(ctx, &triagev1.TriageRequest{Filing: loanFiling(fmt.Sprintf("w-%d", seq.Add(1)))})
						switch {
						case err != nil:
							errs <- err
						case d.GetDecision().GetAssignment().GetTeamId() != team:
							errs <- fmt.Errorf("decision %s went to %q", d.GetDecision().GetDecisionId(), d.GetDecision().GetAssignment().GetTeamId())
						}
					}
				})
			}
			wg.Wait()
			close(errs)
			var all []error
			for err := range errs {
				all = append(all, err)
			}
			return errors.Join(all...)
		}
		mustAssign := func(t *testing.T, n int) {
			t.Helper()
			if err := assign(n); err != nil {
				t.Fatal(err)
			}
		}

		// seen is what the client has been given, in order.
		var seen []*triagev1.Assignment
		check := func(t *testing.T) {
			t.Helper()
			want := teamFeed(t, st, team)
			if len(seen) != len(want) {
				t.Fatalf("client saw %d assignments, the team has %d", len(seen), len(want))
			}
			ids := map[string]bool{}
			for i, a := range seen {
				if ids[a.GetAssignmentId()] {
					t.Fatalf("assignment %s (cursor %s) seen twice", a.GetAssignmentId(), a.GetCursor())
				}
				ids[a.GetAssignmentId()] = true
				if a.GetAssignmentId() != want[i].GetAssignmentId() || a.GetCursor() != want[i].GetCursor() {
					t.Fatalf("assignment #%d seen is %s at %s, the feed's #%d is %s at %s", i, a.GetAssignmentId(), a.GetCursor(), i, want[i].GetAssignmentId(), want[i].GetCursor())
				}
				if i > 0 && cursorOf(t, a) <= cursorOf(t, seen[i-1]) {
					t.Fatalf("cursors out of order: %s after %s", a.GetCursor(), seen[i-1].GetCursor())
				}
			}
		}
		last := func() string {
			if len(seen) == 0 {
				return ""
			}
			return seen[len(seen)-1].GetCursor()
		}

		// 130 assignments before anyone watches: the replay spans two pages.
		mustAssign(t, 130)
		f := watch(t, h.client, team, "")
		seen = append(seen, f.take(t, 60)...)
		f.stop() // mid-stream: mid-page of the replay

		// Cases keep coming while the client is away, designated ones too:
		// two cases designated away from the team (leaving its feed) and
		// back (arriving again). A designation to the team a case is
		// already with is refused, so each must first leave.
		mustAssign(t, 20)
		for _, id := range []string{"w-1", "w-2"} {
			var d *triagev1.Decision
			for _, a := range teamFeed(t, st, team) {
				if a.GetFilingId() == id {
					d, _ = st.GetDecision(ctx, a.GetDecisionId())
				}
			}
			for _, to := range []string{"civil-trial-1", team} {
				if _, err := h.client.AssignCase(ctx, &triagev1.AssignCaseRequest{
					DecisionId: d.GetDecisionId(), TeamId: to, DesignatedBy: "lead-1", Reason: "串案并案审理",
				}); err != nil {
					t.Fatalf("AssignCase to %s: %v", to, err)
				}
			}
		}
		f = watch(t, h.client, team, last())
		seen = append(seen, f.take(t, 130-60+20+2*2)...)
		check(t)
		f.quiet(t, feedQuiet)

		// Live: new assignments arrive on the open feed.
		mustAssign(t, 5)
		seen = append(seen, f.take(t, 5)...)
		f.quiet(t, feedQuiet)
		f.stop()
		check(t)

		// Disconnect every few assignments while four clients keep
		// triaging, and reconnect with the last cursor each time.
		done := make(chan error, 1)
		go func() { done <- assign(40) }()
		total := len(seen) + 40
		for reconnects := 0; len(seen) < total; reconnects++ {
			if reconnects > 200 {
				t.Fatalf("only %d of %d assignments after 200 reconnects", len(seen), total)
			}
			f := watch(t, h.client, team, last())
			for range 3 + reconnects%5 {
				a, err := f.next(10 * time.Second)
				if err != nil {
					t.Fatalf("feed after %d of %d: %v", len(seen), total, err)
				}
				seen = append(seen, a)
				if len(seen) == total {
					break
				}
			}
			f.stop()
		}
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		f = watch(t, h.client, team, last())
		f.quiet(t, feedQuiet)
		f.stop()
		check(t)

		// A cursor at the record's head waits for what comes next; one
		// past it was never given out.
		head, err := st.AuditHead(ctx)
		if err != nil {
			t.Fatal(err)
		}
		f = watch(t, h.client, team, strconv.FormatInt(head.Seq, 10))
		f.quiet(t, feedQuiet)
		f.stop()
		checkStatus(t, watchErr(t, h.client, &triagev1.WatchAssignmentsRequest{TeamId: team, AfterCursor: strconv.FormatInt(head.Seq+1, 10)}).Err(),
			codes.InvalidArgument, "after_cursor", "")
		if err := ctx.Err(); err != nil {
			t.Fatal(err)
		}
	})
}

// TestWatchAssignmentsOtherTeams checks that a feed carries only its team's
// assignments, that opening one does not need the team to have any, and
// that the open feeds are counted while they are open.
func TestWatchAssignmentsOtherTeams(t *testing.T) {
	h, _, ctx := startDefaultServer(t)
	family := watch(t, h.client, "family", "")
	admin := watch(t, h.client, "administrative", "")
	triageOK(t, ctx, h.client, loanFiling("x-1"))
	d := triageOK(t, ctx, h.client, divorceFiling("x-2"))
	triageOK(t, ctx, h.client, criminalFiling("x-3", true))
	got := family.take(t, 1)[0]
	if got.GetDecisionId() != d.GetDecisionId() || got.GetTeamId() != "family" {
		t.Errorf("family feed delivered %v, want the divorce's assignment", got)
	}
	family.quiet(t, feedQuiet)
	admin.quiet(t, 0)
	for _, team := range []string{"family", "administrative"} {
		waitMetric(t, h.reg, "fenjian_team_feeds", map[string]string{"team": team}, 1)
	}
	family.stop()
	admin.stop()
	for _, team := range []string{"family", "administrative"} {
		waitMetric(t, h.reg, "fenjian_team_feeds", map[string]string{"team": team}, 0)
	}
}
