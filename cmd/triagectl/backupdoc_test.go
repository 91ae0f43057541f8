package main

import (
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fenjian/fenjian/internal/pgtest"
)

// backupDocPostgres returns the PostgreSQL lines of docs/operations.md's
// Backups block, continuation lines joined: the commands an operator pastes.
func backupDocPostgres(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "docs", "operations.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, sec, ok := strings.Cut(string(raw), "\n## Backups\n")
	if !ok {
		t.Fatal("docs/operations.md has no Backups section")
	}
	_, block, ok := strings.Cut(sec, "```sh\n")
	if !ok {
		t.Fatal("the Backups section has no sh block")
	}
	block, _, _ = strings.Cut(block, "```")
	_, pg, ok := strings.Cut(block, "# PostgreSQL")
	if !ok {
		t.Fatal("the Backups block has no PostgreSQL part")
	}
	pg, _, _ = strings.Cut("# PostgreSQL"+pg, "\n\n")
	if !strings.Contains(pg, "pg_dump ") {
		t.Fatalf("the PostgreSQL part runs no pg_dump:\n%s", pg)
	}
	return strings.ReplaceAll(pg, "\\\n", " ")
}

// TestBackupDocPostgres runs the documented pg_dump commands, as written,
// with DATABASE_URL the URL of a store in its own schema (search_path=NAME,
// as the documentation's note and these tests' stores have it), restores the
// dump and verifies its audit chain. pg_dump reads only libpq's URL
// parameters and refused the URL ("invalid URI query parameter:
// search_path"), so the documented command made no backup of such a store.
func TestBackupDocPostgres(t *testing.T) {
	if os.Getenv(pgtest.Env) == "" {
		t.Skipf("set %s to run against PostgreSQL", pgtest.Env)
	}
	for _, tool := range []string{"pg_dump", "pg_restore"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed: %v", tool, err)
		}
	}
	url := pgtest.Schema(t)
	if !strings.Contains(url, "search_path=") {
		t.Fatalf("the test store's URL sets no search_path: %s", url)
	}
	buildFixture(t, url)
	before := countCases(t, url)

	dir := t.TempDir()
	script := strings.ReplaceAll(backupDocPostgres(t), "/backup/", dir+"/")
	cmd := exec.Command("sh", "-ec", script)
	cmd.Env = append(os.Environ(), "DATABASE_URL="+url)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the documented commands failed: %v\n%s\n%s", err, script, out)
	}
	dumps, err := filepath.Glob(filepath.Join(dir, "*.dump"))
	if err != nil || len(dumps) != 1 {
		t.Fatalf("want one dump in %s, got %v (%v)", dir, dumps, err)
	}

	// Restore over the dropped schema, as after a loss, and audit the copy.
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var schema string
	if err := db.QueryRow(`SELECT current_schema()`).Scan(&schema); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DROP SCHEMA "` + schema + `" CASCADE`); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pg_restore", "--dbname="+os.Getenv(pgtest.Env), dumps[0]).CombinedOutput(); err != nil {
		t.Fatalf("pg_restore: %v\n%s", err, out)
	}
	if code, rep, stderr := runVerify(t, url); code != 0 || !rep.OK {
		t.Fatalf("audit verify of the restored dump: exit %d, %+v\n%s", code, rep, stderr)
	}
	if after := countCases(t, url); after != before {
		t.Errorf("the restored dump holds %d cases; the store held %d", after, before)
	}
}
