package server

import (
	"context"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/auth"
)

// renewedToken is the token a reload gives expiringToken's holder in its
// place.
const renewedToken = "fjt_test-renewed-token"

// TestTokenExpiryRacesReload runs a real server on loopback with an
// injected clock and puts a tokens reload (Table.SetTokens, what SIGHUP and
// -tokens-watch end in) at each point of a token's expiry: the expiry's
// timer has fired but not yet judged the feed when the reload comes
// (holdTimers), or has ended the feed before it. Whatever the order, a
// reload must not resurrect an expired token (a file that keeps its expiry
// refuses it, and ends its feed), nor expire a renewed one (the timer of
// the old expiry, judging after the reload, leaves the feed open until the
// new expiry), a replaced token's feed ends, and a stream that has ended
// keeps no timer.
func TestTokenExpiryRacesReload(t *testing.T) {
	start := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	expiry := start.Add(time.Hour)
	renewed := start.Add(3 * time.Hour)
	tokensWith := func(t *testing.T, entries ...auth.TokenEntry) *auth.Tokens { return reloadTokens(t, entries...) }
	type env struct {
		ctx   context.Context
		clock *fakeClock
		table *auth.Table
		addr  string
	}
	setup := func(t *testing.T) env {
		ctx := testContext(t)
		clock := newFakeClock(start)
		table := auth.NewTable(auth.Credentials{Tokens: tokensWith(t, expiryEntry("gateway-exp", expiringToken, expiry))})
		h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: writeTeams(t, tinyTeams()),
			sec: &Security{Credentials: table, Clock: clock}})
		return env{ctx: ctx, clock: clock, table: table, addr: h.conn.Target()}
	}
	call := func(e env, token string) error {
		c := triagev1.NewTriageServiceClient(dialAs(t, e.addr, token))
		_, err := c.Triage(e.ctx, &triagev1.TriageRequest{Filing: validFiling(), DryRun: true})
		return err
	}
	refused := func(t *testing.T, what string, err error, says string) {
		t.Helper()
		if st := status.Convert(err); st.Code() != codes.Unauthenticated || !strings.Contains(st.Message(), says) {
			t.Errorf("%s: %v, want UNAUTHENTICATED saying %q", what, err, says)
		}
	}
	ended := func(t *testing.T, what string, feed <-chan error, says string) {
		t.Helper()
		select {
		case err := <-feed:
			refused(t, what, err, says)
		case <-time.After(5 * time.Second):
			t.Errorf("%s: still open 5 s on", what)
		}
	}
	stillOpen := feedStaysOpen
	// openAndSettle opens a feed and waits until its request has arrived
	// and its expiry's timer is set.
	openAndSettle := func(t *testing.T, e env, ctx context.Context, token string) <-chan error {
		t.Helper()
		feed := openFeed(t, ctx, e.addr, token, "civil")
		time.Sleep(feedQuiet)
		if n := e.clock.pending(); n != 1 {
			t.Fatalf("%d timers set for one feed with an expiry, want 1", n)
		}
		return feed
	}

	t.Run("renewed while the expiry's timer is judging", func(t *testing.T) {
		e := setup(t)
		feed := openAndSettle(t, e, e.ctx, expiringToken)
		release := e.clock.holdTimers()
		e.clock.Advance(time.Hour) // 10:00, the expiry: the timer has fired, its judge waits
		e.table.SetTokens(tokensWith(t, expiryEntry("gateway-exp", expiringToken, renewed)))
		release() // the old expiry's judge runs after the reload
		stillOpen(t, "a feed whose token was renewed as it expired", feed)
		if err := call(e, expiringToken); err != nil {
			t.Errorf("Triage with the renewed token = %v, want admitted", err)
		}
		e.clock.Advance(2*time.Hour - time.Second) // 11:59:59
		stillOpen(t, "the renewed token's feed before its new expiry", feed)
		e.clock.Advance(time.Second) // 12:00, the new expiry
		ended(t, "the renewed token's feed at its new expiry", feed, "expired")
		refused(t, "Triage at the new expiry", call(e, expiringToken), "expired")
	})

	t.Run("reloaded unchanged while the expiry's timer is judging", func(t *testing.T) {
		e := setup(t)
		feed := openAndSettle(t, e, e.ctx, expiringToken)
		release := e.clock.holdTimers()
		e.clock.Advance(time.Hour)
		// A reload of a file that keeps the expiry (another entry edited)
		// judges the feed at the expiry: it ends, whoever judges first.
		e.table.SetTokens(tokensWith(t, expiryEntry("gateway-exp", expiringToken, expiry)))
		release()
		ended(t, "the expired token's feed", feed, "expired")
		refused(t, "Triage after the reload", call(e, expiringToken), "expired")
		// Nor does a second reload resurrect it, nor a new feed open.
		e.table.SetTokens(tokensWith(t, expiryEntry("gateway-exp", expiringToken, expiry)))
		refused(t, "Triage after a second reload", call(e, expiringToken), "expired")
		c := triagev1.NewTriageServiceClient(dialAs(t, e.addr, expiringToken))
		stream, err := c.WatchAssignments(e.ctx, &triagev1.WatchAssignmentsRequest{TeamId: "civil"})
		if err == nil {
			_, err = stream.Recv()
		}
		refused(t, "a new feed of the expired token", err, "expired")
	})

	t.Run("renewed after the expiry ended the feed", func(t *testing.T) {
		e := setup(t)
		feed := openAndSettle(t, e, e.ctx, expiringToken)
		e.clock.Advance(time.Hour)
		ended(t, "the expired token's feed", feed, "expired")
		e.table.SetTokens(tokensWith(t, expiryEntry("gateway-exp", expiringToken, renewed)))
		if err := call(e, expiringToken); err != nil {
			t.Errorf("Triage after the renewal = %v, want admitted", err)
		}
		again := openAndSettle(t, e, e.ctx, expiringToken)
		stillOpen(t, "a feed opened after the renewal", again)
	})

	t.Run("replaced while the expiry's timer is judging", func(t *testing.T) {
		e := setup(t)
		feed := openAndSettle(t, e, e.ctx, expiringToken)
		release := e.clock.holdTimers()
		e.clock.Advance(time.Hour)
		// The holder gets a new token, the old one leaves the file.
		e.table.SetTokens(tokensWith(t, expiryEntry("gateway-exp", renewedToken, renewed)))
		release()
		ended(t, "the replaced token's feed", feed, "revoked")
		refused(t, "Triage with the replaced token", call(e, expiringToken), "invalid bearer token")
		if err := call(e, renewedToken); err != nil {
			t.Errorf("Triage with the new token = %v, want admitted", err)
		}
		stillOpen(t, "the new token's feed", openAndSettle(t, e, e.ctx, renewedToken))
	})

	t.Run("feed closed while the expiry's timer is judging", func(t *testing.T) {
		e := setup(t)
		ctx, hangUp := context.WithCancel(e.ctx)
		feed := openAndSettle(t, e, ctx, expiringToken)
		release := e.clock.holdTimers()
		e.clock.Advance(time.Hour)
		e.table.SetTokens(tokensWith(t, expiryEntry("gateway-exp", expiringToken, renewed)))
		hangUp()
		<-feed
		// The stream's end stops the timer the reload set for the new
		// expiry.
		for deadline := time.Now().Add(5 * time.Second); e.clock.pending() != 0; time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%d timers still set 5 s after the feed closed", e.clock.pending())
			}
		}
		release() // the old expiry's judge runs after the stream has ended
		if n := e.clock.pending(); n != 0 {
			t.Errorf("%d timers set by the judge of a stream that had ended, want none: each would judge the dead stream at every expiry of a renewed token", n)
		}
	})
}
