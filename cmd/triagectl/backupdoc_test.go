package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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

// backupDocAudit returns the audit command of docs/operations.md's Backups
// block, split into triagectl's arguments.
func backupDocAudit(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "docs", "operations.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, sec, _ := strings.Cut(string(raw), "\n## Backups\n")
	for line := range strings.SplitSeq(sec, "\n") {
		if strings.HasPrefix(line, "triagectl audit verify ") {
			// The copy's name, quoted around its date, is one argument.
			line = strings.Replace(line, `"/backup/fenjian-$(date +%F).db"`, "/backup/fenjian.db", 1)
			return strings.Fields(strings.TrimPrefix(line, "triagectl "))
		}
	}
	t.Fatal("the Backups section runs no triagectl audit verify")
	return nil
}

// TestBackupAuditWithCheckpoints runs the documented audit of a copy, as
// written, once the server has signed a checkpoint after the copy was
// taken (with the default -checkpoint-interval, a minute later): every copy
// failed then as "the chain was truncated", like a tampered one. The copy
// is anchored by the checkpoints up to its head (near misses: a copy
// rewritten under one of those fails; a copy older than every checkpoint
// has nothing to anchor it), and a store restored from it is still caught
// missing the decisions the newer checkpoint signed.
func TestBackupAuditWithCheckpoints(t *testing.T) {
	dir := t.TempDir()
	live := filepath.Join(dir, "fenjian.db")
	r := newCheckpointRig(t, testBackend{name: "sqlite", target: live, driver: "sqlite", dsn: live})
	r.saveDecision(t)
	r.writeCheckpoint(t)
	copyOf := func(name string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		raw, err := sql.Open("sqlite", live)
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		if _, err := raw.Exec("VACUUM INTO ?", p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	backup := copyOf("backup.db")
	r.saveDecision(t)
	r.writeCheckpoint(t) // signed after the copy

	args := backupDocAudit(t)
	for i, a := range args {
		switch {
		case strings.Contains(a, "/backup/"):
			args[i] = backup
		case a == "/srv/audit/checkpoints":
			args[i] = r.cpDir
		case strings.HasSuffix(a, ".pub"):
			args[i] = r.pub
		}
	}
	run := func(args []string) (int, auditReport, string) {
		e, stdout, stderr := testEnv("")
		code := dispatch(context.Background(), e, args)
		var rep auditReport
		if err := json.NewDecoder(stdout).Decode(&rep); err != nil {
			t.Fatalf("%v: exit %d; stdout is not a report: %v\n%s", args, code, err, stderr)
		}
		return code, rep, stderr.String()
	}
	code, rep, stderr := run(args)
	if code != 0 || !rep.OK || rep.Checkpoints == nil || rep.Checkpoints.Newer != 1 || rep.Checkpoints.Checkpoints < 1 {
		t.Fatalf("the documented audit of a copy with a checkpoint signed after it: exit %d, %+v\n%s", code, rep.Checkpoints, stderr)
	}

	// The copy restored in place of the live store, verified as a store:
	// the newer checkpoint shows the lost decision.
	if code, rep, _ := verifyWith(t, backup, r.cpDir, r.pub); code != 1 || !strings.Contains(rep.Checkpoints.Problem, "truncated") {
		t.Errorf("a restored copy verified as the store: exit %d, %+v; want the lost decision shown as a truncated chain", code, rep.Checkpoints)
	}

	// Near miss: a copy rewritten under a checkpoint it reaches fails.
	rewritten := copyOf("rewritten.db")
	db, err := sql.Open("sqlite", rewritten)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{`DROP TRIGGER audit_log_no_update`, `UPDATE audit_log SET hash = '` + strings.Repeat("0", 64) + `' WHERE seq = (SELECT MAX(seq) FROM audit_log)`, `UPDATE audit_head SET hash = '` + strings.Repeat("0", 64) + `'`} {
		if _, err := db.Exec(q); err != nil {
			t.Logf("%s: %v", q, err)
		}
	}
	withCopy := slices.Clone(args)
	for i, a := range withCopy {
		if a == backup {
			withCopy[i] = rewritten
		}
	}
	if code, rep, _ := run(withCopy); code == 0 || rep.OK {
		t.Errorf("a rewritten copy passed the audit: %+v", rep.Checkpoints)
	}

	// Near miss: no checkpoint at or before the copy's head anchors it.
	empty := filepath.Join(dir, "none")
	if err := os.Mkdir(empty, 0o700); err != nil {
		t.Fatal(err)
	}
	for i, a := range args {
		if a == r.cpDir {
			args[i] = empty
		}
	}
	if code, rep, _ := run(args); code == 0 || rep.OK {
		t.Errorf("a copy with no checkpoint passed the audit: %+v", rep.Checkpoints)
	}
}
