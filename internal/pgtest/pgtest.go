// Package pgtest gives tests a PostgreSQL schema of their own on the server
// named by FENJIAN_TEST_POSTGRES, so tests of any package can run against a
// real PostgreSQL in parallel and leave nothing behind. Without the variable
// the test is skipped with a message naming it (.ci/run always sets it).
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
)

// Env names the variable holding the test server's URL.
const Env = "FENJIAN_TEST_POSTGRES"

// DSN returns the test server's URL or skips the test.
func DSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(Env)
	if dsn == "" {
		t.Skipf("needs PostgreSQL: set %s to a server's URL (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable)", Env)
	}
	return dsn
}

// Schema creates a schema with a random name, drops it with everything in it
// when the test ends, and returns a URL whose sessions use it (search_path).
func Schema(t testing.TB) string {
	t.Helper()
	dsn := DSN(t)
	if u, err := url.Parse(dsn); err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("%s must be a postgres:// URL: %q", Env, dsn)
	}
	schema := NewSchema(t, dsn)
	return WithParams(t, dsn, map[string]string{"search_path": schema, "application_name": schema})
}

// NewSchema creates a schema with a random name on the server at dsn and
// returns its name. The schema is dropped, with everything in it, when t
// ends; a test that registers this first has it run after its own cleanups,
// so its stores are closed by then.
func NewSchema(t testing.TB, dsn string) string {
	t.Helper()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	var buf [8]byte
	_, _ = rand.Read(buf[:])
	schema := "fenjian_test_" + hex.EncodeToString(buf[:])
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		_ = admin.Close()
		t.Fatalf("create test schema on %s: %v", Env, err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop test schema %s: %v", schema, err)
		}
	})
	return schema
}

// WithParams returns dsn, a URL or a key=value connection string, with extra
// connection parameters. pgx sends parameters it does not know
// (search_path, application_name) to the server as session settings.
func WithParams(t testing.TB, dsn string, params map[string]string) string {
	t.Helper()
	if !strings.Contains(dsn, "://") {
		for k, v := range params {
			dsn += " " + k + "=" + v
		}
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	q := u.Query()
	for k, v := range params {
		q.Set(k, v)
	}
	u.RawQuery = q.Encode()
	return u.String()
}
