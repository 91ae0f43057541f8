package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"

	"github.com/fenjian/fenjian/store"
)

// PostgreSQL's own tests: what only a networked, shared database can do to a
// store. The behaviour both stores share is in store_test.go.

// TestPostgresConcurrentOpen starts several servers at once on one empty
// schema, as a rolling deploy of replicas does: the migrations race, each is
// applied once, and every store sees every other's decisions.
func TestPostgresConcurrentOpen(t *testing.T) {
	postgresDSN(t) // skips the test when no server is configured
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
					if err != nil || !proto.Equal(got, want) {
						t.Errorf("store %d: GetDecision(%s) = %v, %v", i, want.DecisionId, got, err)
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
	target := withParams(t, b.target, map[string]string{"synchronous_commit": "off"})
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
