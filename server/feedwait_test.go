package server

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/auth"
)

// TestHeldFeedsBoundedServerWide opens, as many colluding team readers,
// team feeds that never send their request, each identity up to its own
// bound (MaxTeamFeedsPerCaller). Bounded per identity only, N identities
// held N × 256 such feeds, an HTTP/2 stream, a goroutine and about 11 KB
// each for the request arrival timeout, again and again (outside check
// 27). Now at most MaxTeamFeeds wait on the server; past it a feed of an
// identity holding fewer than the heaviest takes that one's newest place
// (ended RESOURCE_EXHAUSTED, TOO_MANY_TEAM_FEEDS), so the team lead and the
// president, who hold none, still get theirs.
func TestHeldFeedsBoundedServerWide(t *testing.T) {
	const (
		serverMax = 12
		perCaller = 4
		attackers = 8
	)
	sec, tokens, leadToken := colludingReaders(t, attackers)
	sec.MaxTeamFeeds, sec.MaxTeamFeedsPerCaller, sec.RequestArrivalTimeout = serverMax, perCaller, time.Minute
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t), sec: &sec})
	desc := &grpc.StreamDesc{StreamName: "WatchAssignments", ServerStreams: true}
	ended := make(chan error, attackers*perCaller+2)
	hold := func(conn *grpc.ClientConn) {
		t.Helper()
		s, err := conn.NewStream(t.Context(), desc, methodWatch)
		if err != nil {
			t.Fatalf("open a held feed: %v", err)
		}
		go func() { ended <- s.RecvMsg(&triagev1.WatchAssignmentsResponse{}) }()
	}
	// collect waits until n held feeds have ended (or 10 s) and returns
	// their errors.
	collect := func(n int) []error {
		var errs []error
		timeout := time.After(10 * time.Second)
		for len(errs) < n {
			select {
			case err := <-ended:
				errs = append(errs, err)
			case <-timeout:
				return errs
			}
		}
		return errs
	}
	for i, tok := range tokens {
		conn := dialAs(t, h.conn.Target(), tok)
		for range perCaller {
			hold(conn)
		}
		// The first identities' feeds fill the server's places.
		if want := (i + 1) * perCaller; want <= serverMax && !waitFor(5*time.Second, func() bool {
			return gathered(t, h.reg, "fenjian_grpc_team_feeds_waiting", nil) == float64(want)
		}) {
			t.Fatalf("feeds waiting after %d identities: %v, want %d", i+1, gathered(t, h.reg, "fenjian_grpc_team_feeds_waiting", nil), want)
		}
	}
	over := attackers*perCaller - serverMax
	errs := collect(over)
	rows := []struct {
		name string
		ok   bool
		got  any
	}{
		{"feeds past the server's bound ended", len(errs) == over, len(errs)},
		{"feeds waiting on the server", gathered(t, h.reg, "fenjian_grpc_team_feeds_waiting", nil) == serverMax, gathered(t, h.reg, "fenjian_grpc_team_feeds_waiting", nil)},
		{"waiting places taken back for identities holding fewer", gathered(t, h.reg, "fenjian_grpc_evicted_total", map[string]string{"call": "feed_waiting"}) > 0, gathered(t, h.reg, "fenjian_grpc_evicted_total", map[string]string{"call": "feed_waiting"})},
	}
	for _, r := range rows {
		if !r.ok {
			t.Errorf("%s: %v", r.name, r.got)
		}
	}
	// A feed is refused at its headers when every identity holds as many
	// as its own, or takes the newest place of the heaviest, which ends
	// that one: both RESOURCE_EXHAUSTED, TOO_MANY_TEAM_FEEDS, retryable
	// with the last cursor. The evicted feed missed no deadline of its own
	// (its arrival timeout is a minute here): DEADLINE_EXCEEDED, as it
	// ended before (outside check 25), told its client it had run out of
	// time, as an open feed evicted is not told.
	evicted := 0
	for i, err := range errs {
		if status.Code(err) != codes.ResourceExhausted {
			t.Errorf("ended feed %d: %v; want RESOURCE_EXHAUSTED", i, err)
			continue
		}
		checkRetryable(t, err, ReasonTooManyTeamFeeds, 0)
		if status.Convert(err).Message() == msgWaitingTeamFeedEvicted {
			evicted++
		}
	}
	if n := gathered(t, h.reg, "fenjian_grpc_evicted_total", map[string]string{"call": "feed_waiting"}); n != float64(evicted) || evicted == 0 {
		t.Errorf("fenjian_grpc_evicted_total{call=feed_waiting} %v; %d feeds ended %q", n, evicted, msgWaitingTeamFeedEvicted)
	}
	// The president's feed waiting for its request, and the team lead's
	// feed, each take the newest place of a colluding reader: their
	// identities hold none. The lead's request then arrives and gives its
	// waiting place back.
	// The president's place is taken before the lead's feed is opened: a lead
	// arriving first would give its place back and leave the president a free
	// one, evicting nobody.
	hold(dialAs(t, h.conn.Target(), testPresidentToken))
	if errs := collect(1); len(errs) != 1 {
		t.Errorf("%d colluding readers' feeds ended for the president's; want 1", len(errs))
	} else if st := status.Convert(errs[0]); st.Code() != codes.ResourceExhausted || st.Message() != msgWaitingTeamFeedEvicted {
		t.Errorf("the colluding reader's feed ended for the president's: %v; want RESOURCE_EXHAUSTED %q", errs[0], msgWaitingTeamFeedEvicted)
	}
	if err := watchStatus(t.Context(), dialAs(t, h.conn.Target(), leadToken), "family"); err != nil {
		t.Errorf("the team lead's feed, with %d feeds waiting on the server: %v; want it served", serverMax, err)
	}
	if errs := collect(1); len(errs) != 1 {
		t.Errorf("%d colluding readers' feeds ended for the team lead's; want 1", len(errs))
	} else if st := status.Convert(errs[0]); st.Code() != codes.ResourceExhausted || st.Message() != msgWaitingTeamFeedEvicted {
		t.Errorf("the colluding reader's feed ended for the team lead's: %v; want RESOURCE_EXHAUSTED %q", errs[0], msgWaitingTeamFeedEvicted)
	}
	time.Sleep(200 * time.Millisecond)
	if n := len(ended); n != 0 {
		t.Errorf("%d more feeds ended; want the president's still waiting", n)
	}
	// The lead's place is given back by the server's goroutine that read its
	// request, which may run after the lead's client saw the feed served.
	if !waitFor(5*time.Second, func() bool {
		return gathered(t, h.reg, "fenjian_grpc_team_feeds_waiting", nil) == serverMax-1
	}) {
		t.Errorf("feeds waiting after the president's and the team lead's: %v, want %d", gathered(t, h.reg, "fenjian_grpc_team_feeds_waiting", nil), serverMax-1)
	}
	if logs := h.logs.String(); !strings.Contains(logs, msgWaitingFeedEvicted) || !strings.Contains(logs, `"caller":"colluding-reader-`) {
		t.Errorf("the ended feeds are not logged naming their caller:\n%.2000s", logs)
	}
}

// colludingReaders is the test identities and n more that read team
// "family" (their tokens returned), and the team's lead (leadToken).
func colludingReaders(t *testing.T, n int) (sec Security, tokens []string, leadToken string) {
	t.Helper()
	entries := testTokensEntries()
	tokens = make([]string, n)
	for i := range tokens {
		tokens[i] = fmt.Sprintf("fjt_test-colluding-reader-%d", i)
		entries.Tokens = append(entries.Tokens, auth.TokenEntry{Name: fmt.Sprintf("colluding-reader-%d", i), Team: "family", SHA256: auth.HashToken(tokens[i])})
	}
	leadToken = "fjt_test-family-lead"
	entries.Tokens = append(entries.Tokens, auth.TokenEntry{Name: "family-lead", Team: "family", SHA256: auth.HashToken(leadToken)})
	b, err := json.Marshal(entries)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := auth.ParseTokens(b)
	if err != nil {
		t.Fatal(err)
	}
	return Security{Tokens: parsed}, tokens, leadToken
}

// TestOpenFeedsFairShare fills every feed place of the server with the
// feeds of colluding team readers that sent their request, each up to its
// own bound (MaxTeamFeedsPerCaller). Four identities of 256 feeds filled
// the 1,024 places and kept every team lead and president out of their
// feeds (outside check 27). Now a feed of an identity holding fewer than
// the heaviest takes that one's newest place, ended RESOURCE_EXHAUSTED
// (TOO_MANY_TEAM_FEEDS); a colluding reader asking again while holding as
// many as the others is refused.
func TestOpenFeedsFairShare(t *testing.T) {
	const serverMax, perCaller = 6, 3
	sec, tokens, leadToken := colludingReaders(t, 2)
	sec.MaxTeamFeeds, sec.MaxTeamFeedsPerCaller = serverMax, perCaller
	h := startServer(t, deps{decider: newDecider(t), store: openStore(t, tempDB(t)), teams: defaultTeams(t), sec: &sec})
	var feeds []*feed
	for _, tok := range tokens {
		c := triagev1.NewTriageServiceClient(dialAs(t, h.conn.Target(), tok))
		for range perCaller {
			feeds = append(feeds, watch(t, c, "family", ""))
		}
	}
	if !waitFor(5*time.Second, func() bool {
		n, _ := metricValue(h.reg, "fenjian_team_feeds", map[string]string{"team": "family"})
		return n == serverMax
	}) {
		t.Fatalf("the colluding readers' %d feeds did not open", serverMax)
	}
	// Both colluding readers hold 3: one more of theirs is refused.
	if err := watchStatus(t.Context(), dialAs(t, h.conn.Target(), tokens[0]), "family"); status.Code(err) != codes.ResourceExhausted {
		t.Errorf("a colluding reader's feed past its bound: %v; want RESOURCE_EXHAUSTED", err)
	}
	// The team lead and the president hold none: each gets a feed.
	lead := watch(t, triagev1.NewTriageServiceClient(dialAs(t, h.conn.Target(), leadToken)), "family", "")
	president := watch(t, triagev1.NewTriageServiceClient(dialAs(t, h.conn.Target(), testPresidentToken)), "family", "")
	var ended []error
	for _, f := range feeds {
		select {
		case err := <-f.end:
			ended = append(ended, err)
		case <-time.After(500 * time.Millisecond):
		}
	}
	for _, f := range []*feed{lead, president} {
		select {
		case err := <-f.end:
			t.Errorf("a feed of an identity holding none ended: %v; want it served", err)
		default:
		}
	}
	if len(ended) != 2 {
		t.Errorf("%d colluding readers' feeds ended, want 2 (one for the lead's, one for the president's)", len(ended))
	}
	for _, err := range ended {
		if status.Code(err) != codes.ResourceExhausted {
			t.Errorf("a colluding reader's feed ended %v; want RESOURCE_EXHAUSTED", err)
			continue
		}
		checkRetryable(t, err, ReasonTooManyTeamFeeds, 0)
	}
	if n, _ := metricValue(h.reg, "fenjian_grpc_evicted_total", map[string]string{"call": "feed_open"}); n != 2 {
		t.Errorf("fenjian_grpc_evicted_total{call=feed_open} %v, want 2", n)
	}
}
