package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/store"
)

// PostgreSQL's own tests: what only a networked, shared database can do to a
// store. The behaviour both stores share is in store_test.go.

// TestPostgresConcurrentOpen starts several servers at once on one empty
// schema, as a rolling deploy of replicas does: the migrations race, each is
// applied once, and every store sees every other's decisions.
func TestPostgresConcurrentOpen(t *testing.T) {
	pgtest.DSN(t) // skips the test when no server is configured
	const stores, perStore = 4, 10
	// Several rounds, each on a fresh schema, so the race is run more than once.
	for round := range 3 {
		t.Run(fmt.Sprintf("round=%d", round), func(t *testing.T) {
			b := newPostgresBackend(t)
			start := make(chan struct{})
			opened := make([]store.Store, stores)
			errs := make([]error, stores)
			var wg sync.WaitGroup
			for i := range stores {
				wg.Go(func() {
					<-start
					opened[i], errs[i] = store.OpenPostgres(context.Background(), b.target, store.Options{})
				})
			}
			close(start)
			wg.Wait()
			for _, s := range opened {
				if s != nil {
					t.Cleanup(func() { _ = s.Close() })
				}
			}
			for i, err := range errs {
				if err != nil {
					t.Fatalf("concurrent OpenPostgres #%d: %v", i, err)
				}
			}

			var rows, maxVersion int
			if err := b.raw.QueryRow(`SELECT count(*), max(version) FROM schema_migrations`).Scan(&rows, &maxVersion); err != nil {
				t.Fatal(err)
			}
			if want := b.latestVersion(t); rows != want || maxVersion != want {
				t.Errorf("schema_migrations has %d rows up to version %d, want %d each", rows, maxVersion, want)
			}

			saveErrs := make([]error, stores*perStore)
			for i, s := range opened {
				for j := range perStore {
					wg.Go(func() {
						saveErrs[i*perStore+j] = save(context.Background(), s, fmt.Sprintf("%d-%d", i, j))
					})
				}
			}
			wg.Wait()
			if err := errors.Join(saveErrs...); err != nil {
				t.Fatalf("saves: %v", err)
			}
			for i, s := range opened {
				for k := range stores * perStore {
					want, _ := civilCase(fmt.Sprintf("%d-%d", k/perStore, k%perStore))
					got, err := s.GetDecision(context.Background(), want.DecisionId)
					if err != nil {
						t.Errorf("store %d: GetDecision(%s): %v", i, want.DecisionId, err)
					} else if diff := cmp.Diff(want, got, protocmp.Transform()); diff != "" {
						t.Errorf("store %d: GetDecision(%s) (-want +got):\n%s", i, want.DecisionId, diff)
					}
				}
			}
		})
	}
}

// TestPostgresConnectionsTerminated kills every connection of a store from
// the server side (pg_terminate_backend, what a failover, a restart of a
// proxy or an operator does): saves in flight fail with ErrUnavailable or
// succeed, never anything else, and the store carries on without reopening.
func TestPostgresConnectionsTerminated(t *testing.T) {
	b := newPostgresBackend(t)
	s := b.open(t, store.Options{})
	ctx := context.Background()
	if err := save(ctx, s, "before"); err != nil {
		t.Fatal(err)
	}
	storeConns := func() int {
		var n int
		if err := b.raw.QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE application_name = $1`, b.schema).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for round := range 3 {
		var killed int
		// MATERIALIZED makes the filter run before the kill: a planner free
		// to evaluate pg_terminate_backend first would hit every session.
		if err := b.raw.QueryRow(`WITH victims AS MATERIALIZED (
				SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid())
			SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM victims`, b.schema).Scan(&killed); err != nil {
			t.Fatal(err)
		}
		if killed == 0 {
			t.Fatalf("round %d: no connection of the store to terminate", round)
		}
		// Termination is asynchronous; the test is about dead connections,
		// not about racing the server to use them.
		if !waitUntil(10*time.Second, func() bool { return storeConns() == 0 }) {
			t.Fatalf("round %d: terminated connections still listed", round)
		}

		const n = 20
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() { errs[i] = save(ctx, s, fmt.Sprintf("r%d-%d", round, i)) })
		}
		wg.Wait()
		var failed int
		for i, err := range errs {
			id := fmt.Sprintf("dec-r%d-%d", round, i)
			switch {
			case err == nil:
				if _, err := s.GetDecision(ctx, id); err != nil {
					t.Errorf("%s acknowledged but GetDecision = %v", id, err)
				}
			case errors.Is(err, store.ErrUnavailable) && !errors.Is(err, store.ErrDuplicate):
				failed++
			default:
				t.Errorf("%s: SaveDecision = %v, want nil or ErrUnavailable", id, err)
			}
		}
		t.Logf("round %d: killed %d connections; %d of %d saves then failed with ErrUnavailable", round, killed, failed, n)
		// The failed commit retired the dead connection: the next save
		// runs on a new one.
		if err := save(ctx, s, fmt.Sprintf("after-%d", round)); err != nil {
			t.Errorf("round %d: save after the failed batch: %v", round, err)
		}
		if err := s.Ping(ctx); err != nil {
			t.Errorf("round %d: Ping: %v", round, err)
		}
	}
}

// TestPostgresSynchronousCommitOffRefused: a session that acknowledges
// commits before they are durable would break the store's promise.
func TestPostgresSynchronousCommitOffRefused(t *testing.T) {
	b := newPostgresBackend(t)
	target := pgtest.WithParams(t, b.target, map[string]string{"synchronous_commit": "off"})
	s, err := store.Open(context.Background(), target, store.Options{})
	if err == nil {
		_ = s.Close()
		t.Fatal("Open accepted a session with synchronous_commit=off")
	}
	if !strings.Contains(err.Error(), "synchronous_commit") || errors.Is(err, store.ErrUnavailable) {
		t.Errorf("Open = %v, want a configuration error naming synchronous_commit", err)
	}
	// The same database with the setting fixed opens.
	b.open(t, store.Options{})
}

// TestPostgresUnreachable needs no server: nothing listens on the port, so
// opening fails at once with ErrUnavailable, and a DSN that does not parse
// fails with a plain error. It runs without FENJIAN_TEST_POSTGRES.
func TestPostgresUnreachable(t *testing.T) {
	port := freePort(t)
	dsn := fmt.Sprintf("postgres://fenjian:secret-password@127.0.0.1:%d/fenjian?sslmode=disable", port)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	start := time.Now()
	s, err := store.Open(ctx, dsn, store.Options{})
	if err == nil {
		_ = s.Close()
		t.Fatal("Open succeeded with no server")
	}
	if !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("Open with no server = %v, want ErrUnavailable", err)
	}
	if strings.Contains(err.Error(), "secret-password") {
		t.Errorf("error reveals the password: %v", err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("Open took %v to fail", took)
	}

	_, err = store.OpenPostgres(ctx, "postgres://fenjian:secret-password@127.0.0.1:notaport/db", store.Options{})
	if err == nil || errors.Is(err, store.ErrUnavailable) {
		t.Errorf("OpenPostgres(bad DSN) = %v, want a plain error", err)
	}
	if err != nil && strings.Contains(err.Error(), "secret-password") {
		t.Errorf("error reveals the password: %v", err)
	}
}

// TestPostgresCapacityAcrossReplicas: two replicas (two stores on one
// schema) draw teams for 100 cases at once. The chain lock serialises their
// transactions, so no team ever exceeds its capacity, every place is taken
// once, and the rest are stored unassigned and flagged.
func TestPostgresCapacityAcrossReplicas(t *testing.T) {
	b := newPostgresBackend(t)
	replicas := []store.Store{b.open(t, store.Options{}), b.open(t, store.Options{})}
	teams := []store.TeamSlot{{TeamID: "速裁一组", Capacity: 10}, {TeamID: "速裁二组", Capacity: 20}}
	const perReplica = 50
	decisions := make([]*triagev1.Decision, 2*perReplica)
	errs := make([]error, len(decisions))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for r, s := range replicas {
		for i := range perReplica {
			k := r*perReplica + i
			wg.Go(func() {
				d, f := civilCase(fmt.Sprintf("r%d-%d", r, i))
				decisions[k] = d
				<-start
				errs[k] = s.SaveTriage(context.Background(), d, f, plan(uint64(k), teams...))
			})
		}
	}
	close(start)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	perTeam := map[string]int{}
	unassigned := 0
	for _, d := range decisions {
		if a := d.GetAssignment(); a != nil {
			perTeam[a.GetTeamId()]++
			continue
		}
		unassigned++
		if !d.GetNeedsReview() {
			t.Errorf("%s: unassigned but not flagged", d.GetDecisionId())
		}
	}
	// What the database holds, not only what the callers were told.
	rows, err := b.raw.Query(`SELECT team_id, count(*) FROM assignments GROUP BY team_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	stored := map[string]int{}
	for rows.Next() {
		var team string
		var n int
		if err := rows.Scan(&team, &n); err != nil {
			t.Fatal(err)
		}
		stored[team] = n
	}
	for _, team := range teams {
		if perTeam[team.TeamID] != int(team.Capacity) || stored[team.TeamID] != int(team.Capacity) {
			t.Errorf("team %s (capacity %d): %d assignments told, %d stored", team.TeamID, team.Capacity, perTeam[team.TeamID], stored[team.TeamID])
		}
	}
	if unassigned != 2*perReplica-30 {
		t.Errorf("%d unassigned, want %d", unassigned, 2*perReplica-30)
	}
	// Both replicas see one chain with every record.
	for _, s := range replicas {
		if rep := verifyOK(t, s); rep.Decisions != 2*perReplica || rep.Assignments != 30 {
			t.Errorf("chain: %s", rep)
		}
	}
}

// TestPostgresFeedAcrossReplicas: a follower on one replica polling after
// its last cursor sees every assignment both replicas commit, once each,
// while they are being committed: a cursor never commits before a smaller
// one.
func TestPostgresFeedAcrossReplicas(t *testing.T) {
	b := newPostgresBackend(t)
	replicas := []store.Store{b.open(t, store.Options{}), b.open(t, store.Options{})}
	team := store.TeamSlot{TeamID: "A", Capacity: 10000}
	const perReplica = 100
	done := make(chan struct{})
	var wg sync.WaitGroup
	for r, s := range replicas {
		for g := range 4 {
			wg.Go(func() {
				for i := range perReplica / 4 {
					d, f := civilCase(fmt.Sprintf("r%d-g%d-%d", r, g, i))
					if err := s.SaveTriage(context.Background(), d, f, plan(uint64(i), team)); err != nil {
						t.Error(err)
						return
					}
				}
			})
		}
	}
	go func() { wg.Wait(); close(done) }()
	seen := map[string]bool{}
	var after int64
	poll := func() {
		page, err := replicas[0].ListAssignments(context.Background(), "A", after, 7)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range page {
			if seen[a.GetAssignmentId()] {
				t.Fatalf("%s seen twice", a.GetAssignmentId())
			}
			seen[a.GetAssignmentId()] = true
			after = cursor(t, a)
		}
	}
	for {
		select {
		case <-done:
			for range 2 * perReplica {
				poll()
			}
			if len(seen) != 2*perReplica {
				t.Errorf("follower saw %d assignments, want %d", len(seen), 2*perReplica)
			}
			return
		default:
			poll()
		}
	}
}

// TestPostgresFeedWake: a follower on one replica, which never polls, is
// woken by the other replica's commits (NOTIFY from the committing
// transaction) and by its own, and misses none; when its LISTEN connection
// is killed, commits made meanwhile still reach it: the listener dials
// again and wakes every feed to re-read from its cursor.
func TestPostgresFeedWake(t *testing.T) {
	b := newPostgresBackend(t)
	reg := prometheus.NewRegistry()
	writer, follower := b.open(t, store.Options{}), b.open(t, store.Options{Registerer: reg})
	team := store.TeamSlot{TeamID: "A", Capacity: 10000}
	ctx := context.Background()
	got := make(chan int64, 100)
	stop := make(chan struct{})
	followDone := make(chan struct{})
	go func() {
		defer close(followDone)
		var after int64
		for {
			ch := follower.TeamChanges("A")
			page, err := follower.ListAssignments(ctx, "A", after, 100)
			if err != nil {
				t.Error(err)
				return
			}
			for _, a := range page {
				after = cursor(t, a)
				got <- after
			}
			select {
			case <-ch:
			case <-stop:
				return
			}
		}
	}()
	t.Cleanup(func() { close(stop); <-followDone })
	expect := func(what string, want int) {
		t.Helper()
		for i := range want {
			select {
			case <-got:
			case <-time.After(10 * time.Second):
				t.Fatalf("%s: follower got %d of %d assignments in 10s", what, i, want)
			}
		}
	}
	for i := range 5 {
		if err := saveTriageErr(ctx, writer, fmt.Sprintf("w%d", i), plan(uint64(i), team)); err != nil {
			t.Fatal(err)
		}
		if err := saveTriageErr(ctx, follower, fmt.Sprintf("f%d", i), plan(uint64(i), team)); err != nil {
			t.Fatal(err)
		}
	}
	expect("both replicas' commits", 10)

	listening := func() float64 { return value(t, reg, "fenjian_store_feed_listening") }
	if listening() != 1 {
		t.Fatalf("fenjian_store_feed_listening = %v before the kill, want 1", listening())
	}
	var killed int
	if err := b.raw.QueryRow(`WITH victims AS MATERIALIZED (
			SELECT pid FROM pg_stat_activity WHERE application_name = $1 || ' (feeds)' AND pid <> pg_backend_pid())
		SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM victims`, b.schema).Scan(&killed); err != nil {
		t.Fatal(err)
	}
	if killed != 2 {
		t.Fatalf("killed %d LISTEN connections, want the two stores'", killed)
	}
	// Committed while the follower's listener is down or coming back.
	for i := range 3 {
		if err := saveTriageErr(ctx, writer, fmt.Sprintf("gap%d", i), plan(uint64(i), team)); err != nil {
			t.Fatal(err)
		}
	}
	expect("commits across the listener's reconnect", 3)
	if !waitUntil(10*time.Second, func() bool { return listening() == 1 }) {
		t.Errorf("fenjian_store_feed_listening = %v after the reconnect, want 1", listening())
	}
	if err := saveTriageErr(ctx, writer, "after", plan(9, team)); err != nil {
		t.Fatal(err)
	}
	expect("a commit after the reconnect", 1)
	select {
	case c := <-got:
		t.Errorf("follower got an extra assignment at cursor %d", c)
	case <-time.After(200 * time.Millisecond):
	}
}

// TestPostgresDecisionBlobsLZ4: migration 11 has PostgreSQL compress the
// decision and filing blobs with lz4, not pglz, which cost the backend that
// holds the chain lock a fifth of its CPU per decision (docs/performance.md).
// Rows written before it keep pglz and still read back, and verify, as the
// bytes that were hashed. The pre-11 rows are made by undoing the
// migration's column setting, saving, and running the migration's own SQL
// again, as an upgrade does.
func TestPostgresDecisionBlobsLZ4(t *testing.T) {
	b := newPostgresBackend(t)
	s := b.open(t, store.Options{})
	var lz4 bool
	if err := b.raw.QueryRow(`SELECT EXISTS (SELECT 1 FROM pg_settings
		WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals))`).Scan(&lz4); err != nil {
		t.Fatal(err)
	}
	compression := func() map[string]string {
		t.Helper()
		rows, err := b.raw.Query(`SELECT attname, attcompression::text FROM pg_attribute
			WHERE attrelid = 'decisions'::regclass AND attname IN ('decision', 'filing')`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		got := map[string]string{}
		for rows.Next() {
			var name, c string
			if err := rows.Scan(&name, &c); err != nil {
				t.Fatal(err)
			}
			got[name] = c
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return got
	}
	if !lz4 {
		// The migration must still have applied, changing nothing.
		if diff := cmp.Diff(map[string]string{"decision": "", "filing": ""}, compression()); diff != "" {
			t.Errorf("column compression without lz4 (-want +got):\n%s", diff)
		}
		t.Skip("this PostgreSQL is built without lz4: the blobs stay pglz")
	}
	if diff := cmp.Diff(map[string]string{"decision": "l", "filing": "l"}, compression()); diff != "" {
		t.Fatalf("column compression after migration 11 (-want +got):\n%s", diff)
	}

	// A claim statement long enough to be compressed (over the 2 KB TOAST
	// threshold), as most real ones with the decision are.
	long := func(id string) (*triagev1.Decision, *triagev1.Filing) {
		d, f := civilCase(id)
		f.Text = strings.Repeat("被告因经营需要向原告借款30000元，约定于2023年6月30日前归还，被告至今未还。", 40)
		return d, f
	}
	migration, err := os.ReadFile(filepath.Join("migrations", "postgres", "0011_decisions_lz4.sql"))
	if err != nil {
		t.Fatal(err)
	}
	b.exec(t, `ALTER TABLE decisions ALTER COLUMN decision SET COMPRESSION pglz, ALTER COLUMN filing SET COMPRESSION pglz`)
	oldD, oldF := long("before-11")
	if err := s.SaveDecision(context.Background(), oldD, oldF); err != nil {
		t.Fatal(err)
	}
	b.exec(t, string(migration))
	newD, newF := long("after-11")
	if err := s.SaveDecision(context.Background(), newD, newF); err != nil {
		t.Fatal(err)
	}

	for _, tt := range []struct {
		d    *triagev1.Decision
		f    *triagev1.Filing
		want string
	}{{oldD, oldF, "pglz"}, {newD, newF, "lz4"}} {
		var method string
		if err := b.raw.QueryRow(`SELECT coalesce(pg_column_compression(filing), 'none') FROM decisions WHERE decision_id = $1`,
			tt.d.GetDecisionId()).Scan(&method); err != nil {
			t.Fatal(err)
		}
		if method != tt.want {
			t.Errorf("%s: filing compressed with %s, want %s", tt.d.GetDecisionId(), method, tt.want)
		}
		gotD, err := s.GetDecision(context.Background(), tt.d.GetDecisionId())
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.d, gotD, protocmp.Transform()); diff != "" {
			t.Errorf("%s: decision read back (-want +got):\n%s", tt.d.GetDecisionId(), diff)
		}
		gotF, err := s.GetFiling(context.Background(), tt.d.GetDecisionId())
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.f, gotF, protocmp.Transform()); diff != "" {
			t.Errorf("%s: filing read back (-want +got):\n%s", tt.d.GetDecisionId(), diff)
		}
	}
	verifyOK(t, s)
}
