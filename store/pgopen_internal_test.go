package store

import (
	"context"
	"testing"

	"github.com/fenjian/fenjian/internal/pgtest"
)

// openTestPostgres opens a PostgreSQL store with opts in a schema of its
// own on the test server (FENJIAN_TEST_POSTGRES; the test is skipped
// without it), closed when t ends.
func openTestPostgres(t *testing.T, opts Options) *Postgres {
	t.Helper()
	dsn := pgtest.DSN(t)
	target := pgtest.WithParams(t, dsn, map[string]string{"search_path": pgtest.NewSchema(t, dsn)})
	p, err := OpenPostgres(context.Background(), target, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.Close() })
	return p
}
