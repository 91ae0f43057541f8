package server

import (
	"context"
	"encoding/json"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/auth"
)

// Tokens of the credentials reload tests: a filing system that also reads
// team civil's feed, whose token leaks and is revoked; a clerk added by a
// reload.
const (
	leakedToken = "fjt_test-leaked-token"
	addedToken  = "fjt_test-added-clerk-token"
)

// reloadTokens are the test identities plus extra entries, as a tokens
// file edited by the court would hold them.
func reloadTokens(t testing.TB, extra ...auth.TokenEntry) *auth.Tokens {
	t.Helper()
	f := auth.TokensFile{Tokens: []auth.TokenEntry{
		{Name: "test-clerk", Roles: []string{"filing", "clerk", "president", "admin"}, SHA256: auth.HashToken(testToken)},
		{Name: "team-reader", Team: "civil", SHA256: auth.HashToken(testTeamToken)},
	}}
	f.Tokens = append(f.Tokens, extra...)
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

var leakedEntry = auth.TokenEntry{Name: "gateway-3", Roles: []string{"filing"}, Team: "civil", SHA256: auth.HashToken(leakedToken)}

// openFeed opens team's feed as token and returns a channel that gets the
// error its Recv ends with.
func openFeed(t *testing.T, ctx context.Context, addr, token, team string) <-chan error {
	t.Helper()
	c := triagev1.NewTriageServiceClient(dialAs(t, addr, token))
	stream, err := c.WatchAssignments(ctx, &triagev1.WatchAssignmentsRequest{TeamId: team})
	if err != nil {
		t.Fatalf("WatchAssignments(%s): %v", team, err)
	}
	ended := make(chan error, 1)
	go func() {
		for {
			if _, err := stream.Recv(); err != nil {
				ended <- err
				return
			}
		}
	}()
	return ended
}

// TestTokensRevokedUnderLoad revokes a token on a real server while its
// holder calls Triage from eight goroutines and holds a team feed open, as
// triaged's tokens reload does (auth.Table.Swap): every call the token
// sends before the swap is admitted, every call it starts after the swap
// returns is refused UNAUTHENTICATED, its open feed is ended
// UNAUTHENTICATED at once, and another identity's feed of the same team
// stays open.
func TestTokensRevokedUnderLoad(t *testing.T) {
	ctx := testContext(t)
	table := auth.NewTable(auth.Credentials{Tokens: reloadTokens(t, leakedEntry)})
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: writeTeams(t, tinyTeams()),
		sec: &Security{Credentials: table}})
	addr := h.conn.Target()

	leakedFeed := openFeed(t, ctx, addr, leakedToken, "civil")
	otherFeed := openFeed(t, ctx, addr, testTeamToken, "civil")
	leaked := triagev1.NewTriageServiceClient(dialAs(t, addr, leakedToken))

	var swapped atomic.Bool
	var before, after, beforeRefused, afterAdmitted atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				started := swapped.Load()
				_, err := leaked.Triage(ctx, &triagev1.TriageRequest{Filing: validFiling(), DryRun: true})
				switch code := status.Code(err); {
				case started && code != codes.Unauthenticated:
					afterAdmitted.Add(1)
				case started:
					after.Add(1)
				case code != codes.OK && code != codes.Unauthenticated:
					t.Errorf("a call before the swap: %v", err)
				case code == codes.Unauthenticated:
					// Started before the swap returned, authenticated after
					// the store: either answer is right.
					beforeRefused.Add(1)
				default:
					before.Add(1)
				}
			}
		})
	}
	time.Sleep(300 * time.Millisecond)
	table.SetTokens(reloadTokens(t))
	swapped.Store(true)
	select {
	case err := <-leakedFeed:
		if status.Code(err) != codes.Unauthenticated {
			t.Errorf("the revoked token's feed ended with %v, want UNAUTHENTICATED", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("the revoked token's feed is still open 5 s after the swap")
	}
	time.Sleep(300 * time.Millisecond)
	close(stop)
	wg.Wait()
	select {
	case err := <-otherFeed:
		t.Errorf("another identity's feed ended with the swap: %v", err)
	default:
	}
	if afterAdmitted.Load() > 0 {
		t.Errorf("%d calls started after the swap returned were not refused UNAUTHENTICATED", afterAdmitted.Load())
	}
	if before.Load() == 0 || after.Load() == 0 {
		t.Errorf("calls admitted before the swap %d, refused after %d: the load did not span the swap", before.Load(), after.Load())
	}
	t.Logf("before the swap: %d admitted, %d refused (in flight at the swap); after: %d refused, %d admitted",
		before.Load(), beforeRefused.Load(), after.Load(), afterAdmitted.Load())
}

// TestCredentialsSwapJudgesFeeds swaps credentials while feeds are open:
// each feed is judged again as a new call would be, and ended with the
// code a new call would get, or left open.
func TestCredentialsSwapJudgesFeeds(t *testing.T) {
	withdrawn := leakedEntry
	withdrawn.Team = "" // still a filing system, no longer a reader of civil
	added := auth.TokenEntry{Name: "clerk-09", Roles: []string{"clerk"}, SHA256: auth.HashToken(addedToken)}
	for _, tt := range []struct {
		name string
		next *auth.Tokens
		want codes.Code // codes.OK: the feed stays open
	}{
		{"token removed", reloadTokens(t), codes.Unauthenticated},
		{"team role withdrawn", reloadTokens(t, withdrawn), codes.PermissionDenied},
		{"token kept, a clerk added", reloadTokens(t, leakedEntry, added), codes.OK},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := testContext(t)
			table := auth.NewTable(auth.Credentials{Tokens: reloadTokens(t, leakedEntry)})
			h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: writeTeams(t, tinyTeams()),
				sec: &Security{Credentials: table}})
			feed := openFeed(t, ctx, h.conn.Target(), leakedToken, "civil")
			time.Sleep(feedQuiet) // the feed's request has arrived
			table.SetTokens(tt.next)
			select {
			case err := <-feed:
				if tt.want == codes.OK || status.Code(err) != tt.want {
					t.Errorf("the feed ended with %v, want %v", err, tt.want)
				}
			case <-time.After(2 * time.Second):
				if tt.want != codes.OK {
					t.Errorf("the feed is still open 2 s after the swap, want %v", tt.want)
				}
			}
			// A new call is judged as the feed was.
			clerk := triagev1.NewTriageServiceClient(dialAs(t, h.conn.Target(), addedToken))
			_, err := clerk.GetDecision(ctx, &triagev1.GetDecisionRequest{DecisionId: "0190a5c0-0000-7000-8000-000000000000"})
			if addedNow := status.Code(err) != codes.Unauthenticated; addedNow != (tt.name == "token kept, a clerk added") {
				t.Errorf("the added clerk's call: %v", err)
			}
		})
	}
}
