package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver: no cgo
)

// busyTimeout is how long a connection waits for another one's lock (a
// reader's WAL checkpoint, a second process migrating) before failing.
const busyTimeout = 5 * time.Second

// SQLite is a decision store in one SQLite file. It is safe for concurrent
// use. Writes go through a single group-commit writer; reads use a separate
// pool of read-only connections, which WAL mode lets run alongside a commit.
// Closing the last connection (Close) checkpoints the WAL into the database
// file. Its methods are the same code as Postgres's.
type SQLite struct {
	sqlStore
	path string
	// minFree is Probe's free-space floor (Options.MinFreeBytes).
	minFree uint64
	// Prepared on the writer's one connection, for every batch.
	insertDecision, insertOutcome, insertAssignment, insertAudit, updateHead *sql.Stmt
}

// OpenSQLite opens the SQLite database at path, creating the file and its
// parent directory if needed, applies any pending migrations and starts the
// writer. ctx bounds the opening only; the store lives until Close.
//
// It fails on a database whose schema is newer than this binary knows, and
// with ErrUnavailable when the database cannot be opened or written.
func OpenSQLite(ctx context.Context, path string, opts Options) (_ *SQLite, err error) {
	if path == "" {
		return nil, errors.New("open sqlite store: empty path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o750); err != nil {
		return nil, fmt.Errorf("open sqlite store: %w: %w", ErrUnavailable, err)
	}
	d, err := sqliteDialect()
	if err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	ms, err := loadMigrations(d.migrations)
	if err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	log := opts.logger().With("component", "store", "dialect", d.name, "path", abs)

	s := &SQLite{sqlStore: sqlStore{dialect: d, log: log}, path: abs, minFree: opts.minFreeBytes()}
	defer func() {
		if err != nil {
			_ = s.closeAll() // the open error is the one to report
		}
	}()

	s.write, err = openSQLiteDB(ctx, abs, 1, url.Values{
		// WAL lets readers run during a commit and makes a commit one
		// append plus one sync; FULL syncs the WAL on every commit, so an
		// acknowledged decision survives kill -9 and power loss.
		"_journal_mode": {"WAL"},
		"_synchronous":  {"FULL"},
		"_foreign_keys": {"1"},
		// The writer's transactions take the write lock at BEGIN, so a
		// lock conflict shows up (and waits) there rather than at COMMIT.
		"_txlock": {"immediate"},
	})
	if err != nil {
		if c := corruptError(abs, err); c != nil {
			return nil, fmt.Errorf("open sqlite store: %w", c)
		}
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	s.closers = append(s.closers, s.write)
	// Before anything writes: a corrupt file must not be served, nor
	// migrated or appended to, which could spread the damage.
	if err := checkIntegrity(ctx, s.write, abs); err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	if err := checkPragmas(ctx, s.write); err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	from, to, err := migrate(ctx, s.write, d, ms, log)
	if err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}

	readers := max(4, runtime.GOMAXPROCS(0))
	s.read, err = openSQLiteDB(ctx, abs, readers, url.Values{
		// Reads must never write: the single writer is what makes commits
		// ordered and batched.
		"_query_only":   {"1"},
		"_foreign_keys": {"1"},
	})
	if err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	s.closers = append(s.closers, s.read)

	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&s.insertDecision, sqliteInsert},
		{&s.insertOutcome, sqliteInsertOutcome},
		{&s.insertAssignment, sqliteInsertAssignment},
		{&s.insertAudit, sqliteInsertAudit},
		{&s.updateHead, sqliteUpdateHead},
	} {
		if *p.stmt, err = s.write.PrepareContext(ctx, p.sql); err != nil {
			return nil, fmt.Errorf("open sqlite store: prepare statements: %w: %w", ErrUnavailable, err)
		}
		s.closers = append(s.closers, *p.stmt)
	}
	if err := s.prepareHot(ctx); err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	s.writeBatch = s.writeRows
	// No writer timeout: the busy timeout already bounds waiting for a
	// lock, and a local file does not hang the way a network peer can.
	if err := s.startWriter(0, opts); err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	log.InfoContext(ctx, "decision store open", "schema_version", to, "migrations_applied", to-from)
	return s, nil
}

// openSQLiteDB opens a pool of at most conns connections to the file at abs
// with the given driver parameters plus a busy timeout, and checks that a
// connection can be made.
func openSQLiteDB(ctx context.Context, abs string, conns int, params url.Values) (*sql.DB, error) {
	params.Set("_busy_timeout", strconv.FormatInt(busyTimeout.Milliseconds(), 10))
	// A "file:" URI, percent-encoded, so that a '?' or '%' in the path is
	// part of the name rather than the start of the parameters.
	dsn := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: params.Encode()}).String()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	db.SetMaxOpenConns(conns)
	// Keep every connection: opening one re-runs the PRAGMAs, and a pool of
	// one that closed its connection would lose the prepared insert.
	db.SetMaxIdleConns(conns)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("connect: %w: %w", ErrUnavailable, err)
	}
	return db, nil
}

// checkPragmas verifies that the durability settings took effect: SQLite
// silently keeps its old journal mode when it cannot switch (some network
// file systems), and durability must not depend on silence.
func checkPragmas(ctx context.Context, db *sql.DB) error {
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return fmt.Errorf("read journal_mode: %w: %w", ErrUnavailable, err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("journal_mode is %q, want wal", mode)
	}
	var sync int
	if err := db.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil {
		return fmt.Errorf("read synchronous: %w: %w", ErrUnavailable, err)
	}
	if sync < 2 { // 2 = FULL, 3 = EXTRA
		return fmt.Errorf("synchronous is %d, want FULL (2)", sync)
	}
	return nil
}

// writeRows is SQLite's writeBatchFunc: the prepared inserts once per row
// inside the batch's transaction on the writer's only connection.
// In-process statements cost microseconds, so a multi-row statement would
// save little; the sync at COMMIT (synchronous=FULL) is what the batch
// shares.
func (s *SQLite) writeRows(ctx context.Context, b *batch) error {
	type rows struct {
		stmt *sql.Stmt
		args [][]any
		what string
	}
	var all [4]rows
	all[0] = rows{stmt: s.insertDecision, what: "decision"}
	for _, r := range b.decisions {
		all[0].args = append(all[0].args, r.args())
	}
	all[1] = rows{stmt: s.insertAssignment, what: "assignment"}
	for _, r := range b.assignments {
		all[1].args = append(all[1].args, r.args())
	}
	all[2] = rows{stmt: s.insertOutcome, what: "outcome"}
	for _, r := range b.outcomes {
		all[2].args = append(all[2].args, r.args())
	}
	all[3] = rows{stmt: s.insertAudit, what: "audit row"}
	for _, r := range b.audit {
		all[3].args = append(all[3].args, r.args())
	}
	for _, t := range all {
		if len(t.args) == 0 {
			continue
		}
		stmt := b.tx.StmtContext(ctx, t.stmt)
		for _, args := range t.args {
			if _, err := stmt.ExecContext(ctx, args...); err != nil {
				return fmt.Errorf("insert %s %v: %w", t.what, args[0], err)
			}
		}
	}
	if _, err := b.tx.StmtContext(ctx, s.updateHead).ExecContext(ctx, b.seq, b.headHash); err != nil {
		return fmt.Errorf("update audit head: %w", err)
	}
	return nil
}
