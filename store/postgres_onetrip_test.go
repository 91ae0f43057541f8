package store_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
)

// syncBuffer is a log sink safe for the writer goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestPostgresOneRoundTripAcrossReplicas: a PostgreSQL writer builds its
// batch on the chain head and team_load counts its own last commit left and
// sends it in one round trip. When another replica has written in between,
// that batch must store nothing and run again from the head read under the
// lock: every save of both replicas is stored once, the chain verifies, and
// team_load counts every draw (no draw against a stale count, which the
// guard would have refused with a warning). Alone again, the writer is back
// to one round trip per commit.
func TestPostgresOneRoundTripAcrossReplicas(t *testing.T) {
	be := newPostgresBackend(t)
	u, err := url.Parse(be.target)
	if err != nil {
		t.Fatal(err)
	}
	proxy := startTripCounter(t, u.Host)
	var logs syncBuffer
	reg := prometheus.NewRegistry()
	s1, err := store.Open(context.Background(), proxy.viaProxy(t, be.target),
		store.Options{Registerer: reg, Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s1.Close() })
	s2 := be.open(t, store.Options{})
	ctx := context.Background()
	teams := []store.TeamSlot{{TeamID: "A", Capacity: 1 << 40}, {TeamID: "B", Capacity: 1 << 40}}
	triage := func(s store.Store, id string) {
		t.Helper()
		d, f := civilCase(id)
		if err := s.SaveTriage(ctx, d, f, plan(uint64(len(id)), teams...)); err != nil {
			t.Fatalf("SaveTriage %s: %v", id, err)
		}
		if d.GetAssignment().GetTeamId() == "" {
			t.Fatalf("SaveTriage %s: no team drawn", id)
		}
	}
	// solo saves 11 decisions on s1 alone and counts the round trips of
	// the last 10: the first may take two (the first batch after a
	// conversion, which leaves the counts unknown, or the first use of a
	// statement) and a third when database/sql pings a connection idle for
	// a second.
	solo := func(prefix string) {
		t.Helper()
		triage(s1, prefix+"-first")
		trips0, commits0 := proxy.count(), commits(t, reg)
		for i := range 10 {
			triage(s1, fmt.Sprintf("%s-%d", prefix, i))
		}
		trips, n := proxy.count()-trips0, commits(t, reg)-commits0
		if trips > int(n) {
			t.Errorf("%s: %d round trips for %d commits; want one per commit", prefix, trips, n)
		}
	}
	triage(s1, "warm") // prepares the statements and fills the cache
	solo("solo")

	saved := 12
	for i := range 5 {
		triage(s2, fmt.Sprintf("other-%d", i))
		triage(s1, fmt.Sprintf("after-other-%d", i))
		saved += 2
	}
	// A writer that found the head moved keeps to two round trips for a
	// while (headMovedBackoff, a second); after it, a conversion, which
	// reads inside its transaction (its decision, the case's team) and so
	// begins it before the batch's own round trip: once with the head
	// moved under it, once not.
	time.Sleep(1100 * time.Millisecond)
	triage(s1, "before-outcome")
	triage(s2, "other-before-outcome")
	saved += 2
	conversions := 0
	for _, id := range []string{"warm", "before-outcome"} {
		if _, err := s1.SaveConversion(ctx, conversion(id, triagev1.Procedure_PROCEDURE_ORDINARY), 0, nil); err != nil {
			t.Fatalf("SaveConversion of dec-%s: %v", id, err)
		}
		conversions++
	}
	time.Sleep(1100 * time.Millisecond)
	solo("solo-again")
	saved += 11

	report, err := s1.VerifyAudit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !report.OK || report.Decisions != int64(saved) || report.Assignments != int64(saved) || report.Outcomes != int64(conversions) {
		t.Errorf("VerifyAudit = %+v; want OK with %d decisions, %d assignments, %d outcomes", report, saved, saved, conversions)
	}
	var assigned int64
	if err := be.raw.QueryRow(`SELECT coalesce(sum(assigned), 0) FROM team_load`).Scan(&assigned); err != nil {
		t.Fatal(err)
	}
	if assigned != int64(saved) {
		t.Errorf("team_load counts %d assignments, want %d", assigned, saved)
	}
	if strings.Contains(logs.String(), "team_load changed outside the chain lock") {
		t.Errorf("a batch drew against a stale team_load count:\n%s", logs.String())
	}
}
