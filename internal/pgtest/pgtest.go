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
	u, err := url.Parse(dsn)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("%s must be a postgres:// URL: %q", Env, dsn)
	}
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
	q := u.Query()
	q.Set("search_path", schema)
	q.Set("application_name", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
