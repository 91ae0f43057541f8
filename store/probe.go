package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// DefaultMinFreeBytes is the free space below which a SQLite store's Probe
// fails when Options.MinFreeBytes is zero. A WAL commit that finds the disk
// full fails only once the WAL must grow, which can be minutes after the
// disk filled (the WAL reuses its pages after each checkpoint); the floor
// reports the full disk at once, while decisions still commit.
const DefaultMinFreeBytes = 16 << 20

// ErrCorrupt is returned by OpenSQLite for a file that is not a SQLite
// database or fails its integrity check. It is not ErrUnavailable: waiting
// does not help, the file must be restored from a backup.
var ErrCorrupt = errors.New("store: database file is corrupt")

// quickCheckAbove is the file size from which OpenSQLite runs PRAGMA
// quick_check instead of integrity_check. integrity_check also verifies
// that every index matches its table, which reads the file several times
// over (seconds per GiB on this hardware); quick_check verifies pages,
// records and constraints in one pass, which is what a torn or overwritten
// file fails.
const quickCheckAbove = 1 << 30

// Probe reports whether the store can record: the writer is running, the
// database answers a read (Ping), and a write commits through the writer's
// own connection, as a decision's would (the audit chain's lock, then an
// update of the one heartbeat row in store_probe, committed and synced). It fails with ErrUnavailable
// otherwise: the server, a read-only or refused write, a full disk. ctx
// bounds it; give it a deadline of a few seconds.
//
// The heartbeat queues behind a group commit for the one write connection,
// so a store whose commits hang makes the probe time out too: readiness
// follows what callers see.
func (s *sqlStore) Probe(ctx context.Context) error {
	if err := s.Ping(ctx); err != nil {
		return err
	}
	if err := s.heartbeat(ctx); err != nil {
		return fmt.Errorf("probe store: %w: %w", ErrUnavailable, err)
	}
	return nil
}

func (s *sqlStore) heartbeat(ctx context.Context) error {
	host, _ := os.Hostname()
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin heartbeat: %w", err)
	}
	defer func() { _ = tx.Rollback() }() // no-op after Commit
	// The chain's lock first, as every write transaction takes it: a
	// session stranded holding it stalls every write, so it must fail the
	// probe too. Held for the microseconds of one update.
	var seq int64
	var hash string
	if err := tx.QueryRowContext(ctx, s.dialect.lockHead).Scan(&seq, &hash); err != nil {
		return fmt.Errorf("lock audit head: %w", err)
	}
	query := s.dialect.q(`UPDATE store_probe SET probed_at = ?, probed_by = ? WHERE id = 1`)
	if _, err := tx.ExecContext(ctx, query, time.Now().UnixNano(), fmt.Sprintf("%s/%d", host, os.Getpid())); err != nil {
		return fmt.Errorf("write heartbeat: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit heartbeat: %w", err)
	}
	return nil
}

// Probe is sqlStore.Probe plus the free space on the file system of the
// database file: below the floor (Options.MinFreeBytes) the store is
// reported unavailable before its writes start failing.
func (s *SQLite) Probe(ctx context.Context) error {
	if err := s.sameFile(); err != nil {
		return err
	}
	if free, ok := diskFree(s.path); ok && free < s.minFree {
		return fmt.Errorf("probe store: %w: %d bytes free on the file system of %s, below the floor of %d",
			ErrUnavailable, free, s.path, s.minFree)
	}
	return s.sqlStore.Probe(ctx)
}

// sameFile fails with ErrUnavailable when s.path no longer names the file
// the store opened: the file or its directory was deleted, or another file
// (a restored backup) was moved over it. The open descriptors still write
// to the old file, so every commit succeeds, every probe's heartbeat too,
// and every decision acknowledged from then on is in a file no one can
// open by its name, gone when the process exits. The answer also stops
// (or, once the file is back, resumes) the writer's commits: a caller
// that does not follow readiness gets UNAVAILABLE rather than a decision
// stored nowhere.
func (s *SQLite) sameFile() error {
	err := s.checkSameFile()
	s.fileLost.Store(err != nil)
	return err
}

func (s *SQLite) checkSameFile() error {
	fi, err := os.Stat(s.path)
	if err != nil {
		return fmt.Errorf("probe store: %w: the database file the store opened is no longer at %s (%w); "+
			"writes are refused, and what it stored is only in the open file until triaged stops", ErrUnavailable, s.path, err)
	}
	if !os.SameFile(s.opened, fi) {
		return fmt.Errorf("probe store: %w: %s is another file than the one the store opened (replaced since); "+
			"writes are refused, and what it stored is only in the open file until triaged stops", ErrUnavailable, s.path)
	}
	return nil
}

// checkIntegrity runs PRAGMA integrity_check (quick_check on files above
// quickCheckAbove) on db, the file at path, and fails with ErrCorrupt,
// naming the file and SQLite's first findings, unless it answers "ok".
func checkIntegrity(ctx context.Context, db *sql.DB, path string) error {
	pragma := "integrity_check"
	if fi, err := os.Stat(path); err == nil && fi.Size() > quickCheckAbove {
		pragma = "quick_check"
	}
	// At most 10 findings: enough to say what is wrong, bounded in memory.
	rows, err := db.QueryContext(ctx, "PRAGMA "+pragma+"(10)")
	if err != nil {
		if c := corruptError(path, err); c != nil {
			return c
		}
		return fmt.Errorf("PRAGMA %s on %s: %w: %w", pragma, path, ErrUnavailable, err)
	}
	defer rows.Close()
	var findings []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("PRAGMA %s on %s: %w", pragma, path, err)
		}
		findings = append(findings, line)
	}
	if err := rows.Err(); err != nil {
		if c := corruptError(path, err); c != nil {
			return c
		}
		return fmt.Errorf("PRAGMA %s on %s: %w: %w", pragma, path, ErrUnavailable, err)
	}
	if len(findings) == 1 && findings[0] == "ok" {
		return nil
	}
	return fmt.Errorf("%w: %s fails PRAGMA %s: %s; restore it from a backup (fenjian refuses to serve on it)",
		ErrCorrupt, path, pragma, strings.Join(findings, "; "))
}

// corruptError wraps err, from opening or checking the file at path, in
// ErrCorrupt when SQLite says the file is not a database or is malformed,
// and returns nil otherwise.
func corruptError(path string, err error) error {
	e, ok := errors.AsType[*sqlite.Error](err)
	if !ok {
		return nil
	}
	switch e.Code() & 0xff {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return fmt.Errorf("%w: %s: %v; restore it from a backup (fenjian refuses to serve on it)", ErrCorrupt, path, strings.TrimSpace(e.Error()))
	}
	return nil
}
