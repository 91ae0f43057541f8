package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/store"
)

// TestServeReportsMigration: triaged serves /healthz, /readyz and /metrics
// from before it opens its store, so that a migration longer than the
// startup probe's budget is not killed (and begun again at every restart):
// while the store migrates, /healthz is 200 and /readyz 503 saying so; once
// it is done and gRPC listens, /readyz is 200. A real store of each kind at
// the schema before the latest (the latest migration undone in
// schema_migrations, so the start runs it again); the test holds a lock the
// migration needs, to keep the start inside the migration until it has
// seen /readyz say so, then lets it go: on PostgreSQL the decisions table,
// which the migration reads; on SQLite the database's write lock, from a
// second connection, as another process migrating would (the migration
// waits for it past the busy timeout, store.beginMigration). Before, the
// HTTP listener was bound after the store had opened: every request during
// the migration was refused. On SQLite, before, the start announced the
// migration only after a write of its own and gave up on the lock after
// the busy timeout (5 s), so it never said "migrating" while the lock was
// held.
func TestServeReportsMigration(t *testing.T) {
	tests := []struct {
		name string
		// target returns the store's target and the flags naming it.
		target func(t *testing.T) (target string, flags []string)
		// driver opens target for the test's own connection.
		driver string
		// hold are the statements that take the lock on that connection.
		hold []string
	}{
		{"postgres", func(t *testing.T) (string, []string) {
			dsn := pgtest.Schema(t)
			return dsn, []string{"-data-dir=" + t.TempDir(), "-store=" + dsn}
		}, "pgx", []string{"BEGIN", "LOCK TABLE decisions IN ACCESS EXCLUSIVE MODE"}},
		{"sqlite", func(t *testing.T) (string, []string) {
			dir := t.TempDir()
			return filepath.Join(dir, dbFile), []string{"-data-dir=" + dir}
		}, "sqlite", []string{"BEGIN IMMEDIATE"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			target, flags := tt.target(t)
			testServeReportsMigration(t, target, flags, tt.driver, tt.hold)
		})
	}
}

func testServeReportsMigration(t *testing.T, target string, flags []string, driver string, hold []string) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	st, err := store.Open(ctx, target, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open(driver, target)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var latest int
	if err := db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&latest); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, fmt.Sprintf(`DELETE FROM schema_migrations WHERE version = %d`, latest)); err != nil {
		t.Fatal(err)
	}
	// One connection, so that the lock is held on the connection it was
	// taken on.
	holder, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	for _, stmt := range hold {
		if _, err := holder.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	held := true
	defer func() {
		if held {
			_, _ = holder.ExecContext(context.Background(), "ROLLBACK")
		}
	}()

	logs, done, _ := runServe(t, flags...)
	base := "http://" + waitForLog(t, logs, done, "health and metrics listening; opening the decision store")["http_addr"].(string)
	get := func(path string) (int, string) {
		t.Helper()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("GET %s: %v\n%s", path, err, logs.String())
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
	// The lock is still held (the start cannot have migrated): readiness
	// says so again.
	if code, body := get("/readyz"); code != http.StatusServiceUnavailable || body != migrating {
		t.Errorf("/readyz with the lock still held = %d %q, want 503 %q", code, body, migrating)
	}
	if _, err := holder.ExecContext(ctx, "COMMIT"); err != nil {
		t.Fatal(err)
	}
	held = false
	waitForLog(t, logs, done, "serving")
	if code, body := get("/readyz"); code != http.StatusOK || body != "ready\n" {
		t.Errorf("/readyz once serving = %d %q, want 200 \"ready\\n\"", code, body)
	}
}
