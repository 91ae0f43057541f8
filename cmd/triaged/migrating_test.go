package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/store"
)

// TestServeReportsMigration: triaged serves /healthz, /readyz and /metrics
// from before it opens its store, so that a migration longer than the
// startup probe's budget is not killed (and begun again at every restart):
// while the store migrates, /healthz is 200 and /readyz 503 saying so; once
// it is done and gRPC listens, /readyz is 200. A real PostgreSQL store at
// the schema before the latest (the latest migration undone in
// schema_migrations, so the start runs it again); the test holds the
// decisions table, which the migration reads, to keep the start inside the
// migration until it has looked, then lets it go. Before, the HTTP listener
// was bound after the store had opened: every request during the migration
// was refused.
func TestServeReportsMigration(t *testing.T) {
	dsn := pgtest.Schema(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	st, err := store.Open(ctx, dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var latest int
	if err := db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&latest); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `DELETE FROM schema_migrations WHERE version = $1`, latest); err != nil {
		t.Fatal(err)
	}
	hold, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = hold.Rollback() }()
	if _, err := hold.ExecContext(ctx, `LOCK TABLE decisions IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}

	logs, done, _ := runServe(t, "-data-dir="+t.TempDir(), "-store="+dsn)
	base := "http://" + waitForLog(t, logs, done, "health and metrics listening; opening the decision store")["http_addr"].(string)
	get := func(path string) (int, string) {
		t.Helper()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer r.Body.Close()
		b, _ := io.ReadAll(r.Body)
		return r.StatusCode, string(b)
	}

	migrating := fmt.Sprintf("not ready: migrating the decision store's schema from version %d to %d\n", latest-1, latest)
	for {
		code, body := get("/readyz")
		if code != http.StatusServiceUnavailable {
			t.Fatalf("/readyz = %d %q before the migration could finish, want 503", code, body)
		}
		if body == migrating {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("/readyz never said %q (last %q)\n%s", migrating, body, logs.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	for _, path := range []string{"/healthz", "/metrics"} {
		if code, body := get(path); code != http.StatusOK {
			t.Errorf("GET %s while migrating = %d %q, want 200", path, code, body)
		}
	}
	if err := hold.Commit(); err != nil {
		t.Fatal(err)
	}
	waitForLog(t, logs, done, "serving")
	if code, body := get("/readyz"); code != http.StatusOK || body != "ready\n" {
		t.Errorf("/readyz once serving = %d %q, want 200 \"ready\\n\"", code, body)
	}
}
