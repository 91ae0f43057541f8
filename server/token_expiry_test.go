package server

import (
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/auth"
)

// fakeClock is a Clock a test moves by hand (Advance): a token expires
// during a test without the test waiting for it.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	timers map[*fakeTimer]bool
	// gate, when set (holdTimers), is what the functions Advance runs
	// wait for before they run: a timer that has fired but whose function
	// has not yet judged its stream, the moment a reload may come between.
	gate chan struct{}
	// ran counts the functions Advance started until they return.
	ran sync.WaitGroup
}

// holdTimers makes the functions of the timers that fire from now on wait
// until release is called; release then waits until they have run.
func (c *fakeClock) holdTimers() (release func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	gate := make(chan struct{})
	c.gate = gate
	return func() {
		c.mu.Lock()
		c.gate = nil
		c.mu.Unlock()
		close(gate)
		c.ran.Wait()
	}
}

// pending is the number of timers set and neither fired nor stopped.
func (c *fakeClock) pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.timers)
}

type fakeTimer struct {
	at time.Time
	f  func()
}

func newFakeClock(now time.Time) *fakeClock {
	return &fakeClock{now: now, timers: map[*fakeTimer]bool{}}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) AfterFunc(d time.Duration, f func()) func() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	tm := &fakeTimer{at: c.now.Add(d), f: f}
	if d <= 0 {
		go f() // as time.AfterFunc(0): at once, in its own goroutine
		return func() bool { return false }
	}
	c.timers[tm] = true
	return func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		pending := c.timers[tm]
		delete(c.timers, tm)
		return pending
	}
}

// Advance moves the clock by d and runs, each in its own goroutine, the
// functions whose time has come.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	var due []func()
	for tm := range c.timers {
		if !tm.at.After(c.now) {
			due = append(due, tm.f)
			delete(c.timers, tm)
		}
	}
	gate := c.gate
	c.ran.Add(len(due))
	c.mu.Unlock()
	for _, f := range due {
		go func() {
			defer c.ran.Done()
			if gate != nil {
				<-gate
			}
			f()
		}()
	}
}

// Tokens of the expiry test: one expiring during the test, one already
// expired when it starts, one whose expiry a reload extends.
const (
	expiringToken = "fjt_test-expiring-token"
	expiredToken  = "fjt_test-expired-token"
	extendedToken = "fjt_test-extended-token"
)

// expiryEntry is a filing system that reads team civil's feed, its token
// expiring at expires (zero: never).
func expiryEntry(name, token string, expires time.Time) auth.TokenEntry {
	e := auth.TokenEntry{Name: name, Roles: []string{"filing"}, Team: "civil", SHA256: auth.HashToken(token)}
	if !expires.IsZero() {
		e.Expires = expires.Format(time.RFC3339)
	}
	return e
}

// TestTokenExpires runs a real server on loopback with an injected clock
// (Security.Clock): a token listed with an "expires" is admitted before it
// and refused UNAUTHENTICATED ("bearer token expired") from it, its open
// feed is ended at that moment with the same refusal while another
// identity's feed stays open, a reload that extends an expiry moves the
// end of the feed with it and one that puts it in the past ends the feed
// at the swap; no refusal or log record carries a token.
func TestTokenExpires(t *testing.T) {
	ctx := testContext(t)
	start := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	clock := newFakeClock(start)
	hour := start.Add(time.Hour)
	tokensAt := func(extended time.Time) *auth.Tokens {
		return reloadTokens(t,
			expiryEntry("gateway-exp", expiringToken, hour),
			expiryEntry("gateway-old", expiredToken, start.Add(-time.Second)),
			expiryEntry("gateway-ext", extendedToken, extended))
	}
	table := auth.NewTable(auth.Credentials{Tokens: tokensAt(hour)})
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: writeTeams(t, tinyTeams()),
		sec: &Security{Credentials: table, Clock: clock}})
	addr := h.conn.Target()

	call := func(token string) error {
		c := triagev1.NewTriageServiceClient(dialAs(t, addr, token))
		_, err := c.Triage(ctx, &triagev1.TriageRequest{Filing: validFiling(), DryRun: true})
		return err
	}
	wantExpired := func(t *testing.T, what string, err error) {
		t.Helper()
		st := status.Convert(err)
		if st.Code() != codes.Unauthenticated || !strings.Contains(st.Message(), "expired") {
			t.Errorf("%s: %v, want UNAUTHENTICATED saying the token expired", what, err)
		}
		for _, tok := range []string{expiringToken, expiredToken, extendedToken, auth.HashToken(expiringToken)} {
			if strings.Contains(st.Message(), tok) {
				t.Errorf("%s: the refusal %q carries a token or its hash", what, st.Message())
			}
		}
	}
	// ended waits for feed to end with UNAUTHENTICATED "expired".
	ended := func(t *testing.T, what string, feed <-chan error) {
		t.Helper()
		select {
		case err := <-feed:
			wantExpired(t, what, err)
		case <-time.After(5 * time.Second):
			t.Errorf("%s: still open 5 s after its token expired", what)
		}
	}
	stillOpen := feedStaysOpen

	for _, tt := range []struct {
		name  string
		token string
		ok    bool
	}{
		{"before its expiry", expiringToken, true},
		{"expired before the start", expiredToken, false},
		{"no expiry", testToken, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := call(tt.token)
			if tt.ok && err != nil {
				t.Errorf("Triage = %v, want admitted", err)
			}
			if !tt.ok {
				wantExpired(t, "Triage", err)
			}
		})
	}

	expiringFeed := openFeed(t, ctx, addr, expiringToken, "civil")
	extendedFeed := openFeed(t, ctx, addr, extendedToken, "civil")
	otherFeed := openFeed(t, ctx, addr, testTeamToken, "civil")
	time.Sleep(feedQuiet) // the feeds' requests have arrived

	// A reload extends one token to 09:00 + 3 h before the hour is up.
	table.SetTokens(tokensAt(start.Add(3 * time.Hour)))
	stillOpen(t, "a feed whose token's expiry a reload extended", extendedFeed)

	clock.Advance(time.Hour - time.Second) // 09:59:59
	stillOpen(t, "a feed one second before its token expires", expiringFeed)
	if err := call(expiringToken); err != nil {
		t.Errorf("Triage one second before the expiry = %v, want admitted", err)
	}
	clock.Advance(time.Second) // 10:00:00, the expiry
	t.Run("feed ends at the expiry", func(t *testing.T) { ended(t, "the expiring token's feed", expiringFeed) })
	t.Run("call refused at the expiry", func(t *testing.T) { wantExpired(t, "Triage at the expiry", call(expiringToken)) })
	stillOpen(t, "the extended token's feed at its old expiry", extendedFeed)
	stillOpen(t, "another identity's feed", otherFeed)

	// A reload moves the extended token's expiry into the past: the swap
	// ends its feed at once.
	table.SetTokens(tokensAt(start.Add(30 * time.Minute)))
	t.Run("feed ends when a reload backdates the expiry", func(t *testing.T) { ended(t, "the extended token's feed", extendedFeed) })
	stillOpen(t, "another identity's feed after the swap", otherFeed)

	for _, tok := range []string{expiringToken, expiredToken, extendedToken, auth.HashToken(expiringToken), auth.HashToken(expiredToken)} {
		if strings.Contains(h.logs.String(), tok) {
			t.Errorf("the logs carry a token or its hash %q", tok)
		}
	}
	if !strings.Contains(h.logs.String(), `"caller":"gateway-old"`) {
		t.Errorf("no refusal record names the expired token's identity:\n%s", h.logs.String())
	}
}

// feedStaysOpen fails t if feed ends within feedQuiet.
func feedStaysOpen(t *testing.T, what string, feed <-chan error) {
	t.Helper()
	select {
	case err := <-feed:
		t.Errorf("%s ended: %v, want it open", what, err)
	case <-time.After(feedQuiet):
	}
}
