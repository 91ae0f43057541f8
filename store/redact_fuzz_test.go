package store_test

import (
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/fenjian/fenjian/store"
)

// FuzzRedact: whatever an operator writes as -store or FENJIAN_STORE,
// Redact's output never carries a password the PostgreSQL driver would read
// from it. The oracle is pgx's own parser: for a target pgx reads, the
// password and sslpassword it finds in the redacted target (where it reads
// that at all) are empty or the placeholder. (The redactor keeps the target's shape; it parses
// keyword/value strings itself, so a quoting or escape it reads differently
// from pgx would leak the rest of a password.)
func FuzzRedact(f *testing.F) {
	for _, seed := range []string{
		"postgres://fenjian:s3cret@db:5432/fenjian?sslmode=disable",
		"postgres://fenjian@db/fenjian?sslmode=disable&password=s3cret",
		"postgres://fenjian@db/fenjian?PassWord=s3cret&sslpassword=s3cret2&x=1",
		"postgres://fenjian:s3cret@db/fenjian?pass%77ord=s3cret",
		"postgresql://u:p%40ss@db/x?sslpassword=a%26b",
		"host=db user=fenjian password=s3cret dbname=fenjian",
		"host=db password = 's3cret with \\'quote' sslpassword=s3cret\\ 2 dbname=f",
		"password=a\\\\ b host=db",
		"password='' host=db",
		"host=db password='unterminated",
		"./data/fenjian.db",
	} {
		f.Add(seed)
	}
	// pgx fills an empty password from these; the oracle must see only
	// what the string itself says.
	f.Setenv("PGPASSWORD", "")
	f.Setenv("PGPASSFILE", "/nonexistent/fenjian-fuzz-pgpass")
	f.Setenv("PGSERVICEFILE", "/nonexistent/fenjian-fuzz-pgservice")
	f.Setenv("PGSSLPASSWORD", "")
	f.Fuzz(func(t *testing.T, target string) {
		red := store.Redact(target)
		if !store.IsKeywordDSN(target) && !store.IsPostgresURL(target) {
			if red != target {
				t.Errorf("Redact(%q) = %q: a file name is kept as written", target, red)
			}
			return
		}
		if _, err := pgconn.ParseConfig(target); err != nil {
			return // the driver would not connect with it: no password read
		}
		cfg, err := pgconn.ParseConfig(red)
		if err != nil {
			return
		}
		if p := cfg.Password; p != "" && p != "xxxxx" {
			t.Errorf("Redact(%q) = %q: pgx reads password %q from it", target, red, p)
		}
		if p := cfg.RuntimeParams["sslpassword"]; p != "" && p != "xxxxx" {
			t.Errorf("Redact(%q) = %q: pgx reads sslpassword %q from it", target, red, p)
		}
	})
}
