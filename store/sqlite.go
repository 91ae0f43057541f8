package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
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
	// opened is the database file the store opened; Probe fails once the
	// path names another file or none (see sameFile), and until a probe
	// finds it again fileLost makes the writer refuse its batches.
	opened   os.FileInfo
	fileLost atomic.Bool
	// Prepared on the writer's one connection, for every batch.
	updateHead, applyLoad                                       *sql.Stmt
	decisionsTable, outcomesTable, assignmentsTable, auditTable sqliteTable
	// checkpoints moves the WAL into the database file off the commit path
	// (see checkpointer).
	checkpoints *checkpointer
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
	// A reader opens what exists: it creates no directory (nor, with
	// mode=ro, any file).
	if !opts.ReadOnly {
		if err := os.MkdirAll(filepath.Dir(abs), 0o750); err != nil {
			return nil, fmt.Errorf("open sqlite store: %w: %w", ErrUnavailable, err)
		}
		if err := checkWritable(abs); err != nil {
			return nil, fmt.Errorf("open sqlite store: %w", err)
		}
	}
	d, err := sqliteDialect()
	if err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	ms, err := loadMigrations(d.migrations)
	if err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	if opts.schemaUpTo > 0 {
		ms = ms[:min(opts.schemaUpTo, len(ms))]
	}
	log := opts.logger().With("component", "store", "dialect", d.name, "path", abs)

	s := &SQLite{sqlStore: sqlStore{dialect: d, log: log}, path: abs, minFree: opts.minFreeBytes()}
	defer func() {
		if err != nil {
			_ = s.closeAll() // the open error is the one to report
		}
	}()

	writeParams, readParams, err := sqliteConnParams(abs, opts.ReadOnly)
	if err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	opts.setBusyTimeout(writeParams)
	s.write, err = openSQLiteDB(ctx, abs, 1, writeParams)
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
	if s.opened, err = os.Stat(abs); err != nil {
		return nil, fmt.Errorf("open sqlite store: %w: %w", ErrUnavailable, err)
	}
	// Durability is the writer's: a reader needs none, and could set none.
	if !opts.ReadOnly {
		if err := checkPragmas(ctx, s.write); err != nil {
			return nil, fmt.Errorf("open sqlite store: %w", err)
		}
	}
	from, to, err := migrate(ctx, s.write, d, ms, log, !opts.migrates(), opts.Migrating)
	if err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}

	readers := max(4, runtime.GOMAXPROCS(0))
	rp := url.Values{
		// Reads must never write: the single writer is what makes commits
		// ordered and batched.
		"_query_only":   {"1"},
		"_foreign_keys": {"1"},
	}
	maps.Copy(rp, readParams)
	s.read, err = openSQLiteDB(ctx, abs, readers, rp)
	if err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	s.closers = append(s.closers, s.read)

	s.decisionsTable = sqliteTable{what: "decision", table: "decisions", columns: decisionInsertColumns, cols: 11}
	if opts.schemaUpTo > 0 && opts.schemaUpTo < filingKeyVersion {
		// Rows as a binary before migration 0014 wrote them: no filing
		// key, filings found by the id as sent.
		s.decisionsTable.columns, s.decisionsTable.cols = decisionColumns, 10
		s.dialect.selectDecisionsForFilings = `SELECT filing_id, decision_id, filing_id FROM decisions
WHERE filing_id IN (SELECT value FROM json_each(?)) ORDER BY decided_at, decision_id`
		s.dialect.unkeyed = true
	}
	s.assignmentsTable = sqliteTable{what: "assignment", table: "assignments", columns: assignmentColumns, cols: 9}
	s.outcomesTable = sqliteTable{what: "outcome", table: "outcomes", columns: outcomeColumns, cols: 8}
	s.auditTable = sqliteTable{what: "audit row", table: "audit_log", columns: auditColumns, cols: 7}
	for _, t := range []*sqliteTable{&s.decisionsTable, &s.assignmentsTable, &s.outcomesTable, &s.auditTable} {
		if err := t.prepare(ctx, s.write, &s.closers); err != nil {
			return nil, fmt.Errorf("open sqlite store: %w", err)
		}
	}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&s.updateHead, sqliteUpdateHead},
		{&s.applyLoad, sqliteApplyLoad},
	} {
		if *p.stmt, err = s.write.PrepareContext(ctx, p.sql); err != nil {
			return nil, fmt.Errorf("open sqlite store: prepare statements: %w: %w", ErrUnavailable, err)
		}
		s.closers = append(s.closers, *p.stmt)
	}
	if err := s.prepareHot(ctx); err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	if err := s.prepareReads(ctx); err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	s.writeBatch = s.writeRows
	s.newTx = func() batchTx { return &sqliteTx{s: &s.sqlStore} }
	// No writer timeout: the busy timeout already bounds waiting for a
	// lock, and a local file does not hang the way a network peer can.
	if err := s.startWriter(0, opts); err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	if !opts.ReadOnly { // a checkpoint writes the database file
		if err := s.startCheckpoints(ctx, opts.Registerer, log); err != nil {
			return nil, fmt.Errorf("open sqlite store: %w", err)
		}
	}
	log.InfoContext(ctx, "decision store open", "schema_version", to, "migrations_applied", to-from)
	return s, nil
}

// openSQLiteDB opens a pool of at most conns connections to the file at abs
// with the given driver parameters plus a busy timeout (busyTimeout unless
// params set one), and checks that a connection can be made.
func openSQLiteDB(ctx context.Context, abs string, conns int, params url.Values) (*sql.DB, error) {
	if !params.Has("_busy_timeout") {
		params.Set("_busy_timeout", strconv.FormatInt(busyTimeout.Milliseconds(), 10))
	}
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

// startCheckpoints registers the WAL's metrics, opens the checkpointer's
// own connection and starts it.
func (s *SQLite) startCheckpoints(ctx context.Context, reg prometheus.Registerer, log *slog.Logger) error {
	wal, err := newWALMetrics(reg)
	if err != nil {
		return fmt.Errorf("register WAL metrics: %w", err)
	}
	ck, err := openSQLiteDB(ctx, s.path, 1, url.Values{"_foreign_keys": {"1"}})
	if err != nil {
		return fmt.Errorf("checkpoint connection: %w", err)
	}
	s.closers = append(s.closers, ck)
	s.checkpoints = startCheckpointer(ck, checkpointInterval, s.writer.metrics, wal, log)
	s.closers = append(s.closers, s.checkpoints)
	return nil
}

// sqliteConnParams returns the driver parameters of the writer's connection
// and those added to every reader's. A read-only store's writer is opened
// all the same, read-only, so that every write fails in SQLite with "attempt
// to write a readonly database" rather than on a nil writer; setting the
// journal mode would write the file's header, so a reader takes the mode
// the file has.
func sqliteConnParams(abs string, readOnly bool) (write, read url.Values, err error) {
	if readOnly {
		if read, err = sqliteReadParams(abs); err != nil {
			return nil, nil, err
		}
		write = url.Values{"_foreign_keys": {"1"}}
		maps.Copy(write, read)
		return write, read, nil
	}
	return url.Values{
		// WAL lets readers run during a commit and makes a commit one
		// append plus one sync; FULL syncs the WAL on every commit, so an
		// acknowledged decision survives kill -9 and power loss.
		"_journal_mode": {"WAL"},
		"_synchronous":  {"FULL"},
		"_foreign_keys": {"1"},
		// The writer's transactions take the write lock at BEGIN, so a
		// lock conflict shows up (and waits) there rather than at COMMIT.
		"_txlock": {"immediate"},
		// No checkpoint inside COMMIT: the checkpointer's own connection
		// runs them, so copying pages into the database file (and its
		// fsync) is not serial time of the writer. Every commit still
		// appends to the WAL and fsyncs it (synchronous=FULL).
		"_pragma": {"wal_autocheckpoint(0)",
			// 32 MiB of page cache (the default is 2 MiB): the index pages
			// a commit touches stay in memory rather than being read back
			// from the WAL or the file on the next commit.
			"cache_size(-32768)"},
	}, nil, nil
}

// setBusyTimeout puts o.busyTimeout, if set, in a connection's parameters
// (openSQLiteDB sets busyTimeout where none is).
func (o Options) setBusyTimeout(params url.Values) {
	if o.busyTimeout > 0 {
		params.Set("_busy_timeout", strconv.FormatInt(o.busyTimeout.Milliseconds(), 10))
	}
}

// canCreateIn reports whether this user may create a file in dir (a -shm
// file); a variable so that a test run as root can be the reader who may not.
var canCreateIn = dirWritable

// sqliteReadParams returns the URI parameters that open the SQLite file at
// abs for reading only. mode=ro suffices where SQLite can use the WAL's
// index: a -shm file exists (as it does while a server has the database
// open), or this user may create one in the directory. Where neither holds
// (a copy on read-only media; a directory this user may not write) SQLite
// reads the file only as immutable, without locks or the WAL, which is right
// only when every commit is in the database file: no -wal file, or an empty
// one. A -wal holding commits is refused rather than silently left unread:
// an audit or export that missed the latest decisions would look complete.
func sqliteReadParams(abs string) (url.Values, error) {
	// SQLite keeps the -wal and -shm beside the file a symbolic link
	// names, not beside the link (its unix VFS resolves the path), so they
	// are looked for there: looked for beside a link in a directory the
	// reader may not write, they were never found, and a store whose WAL
	// held commits was read as immutable without them (outside check 8).
	abs, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	params := url.Values{"mode": {"ro"}}
	if _, err := os.Stat(abs + "-shm"); err == nil || canCreateIn(filepath.Dir(abs)) {
		return params, nil
	}
	wal, err := os.Stat(abs + "-wal")
	switch {
	case errors.Is(err, os.ErrNotExist) || err == nil && wal.Size() == 0:
		params.Set("immutable", "1")
		return params, nil
	case err != nil:
		return nil, fmt.Errorf("%w: %w", ErrUnavailable, err)
	default:
		return nil, fmt.Errorf("%w: %s holds %d bytes of commits not yet in the database file, which SQLite reads only through a %s-shm file, and this user may not create one in %s: "+
			"read it as a user who may write that directory, or copy the database file with its -wal file to a directory you may write",
			ErrUnavailable, abs+"-wal", wal.Size(), filepath.Base(abs), filepath.Dir(abs))
	}
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

// writeRows is SQLite's writeBatchFunc: the batch's deferred team_load
// writes, then its rows with multi-row INSERTs, inside the batch's
// transaction on the writer's only connection. Each statement execution has
// a fixed cost (database/sql, binding, opening and closing a cursor per
// table and index) that one row per statement paid for every row; chunks of
// up to 64 rows pay it a few times per batch.
func (s *SQLite) writeRows(ctx context.Context, b *batch) error {
	if s.fileLost.Load() {
		return fmt.Errorf("write batch: %w: the database file is no longer at %s", ErrUnavailable, s.path)
	}
	if changes := b.loadChanges(); len(changes) > 0 {
		stmt := b.tx.StmtContext(ctx, s.applyLoad)
		for _, c := range changes {
			res, err := stmt.ExecContext(ctx, c.team, c.period, c.add, c.want)
			if err != nil {
				return fmt.Errorf("update team load: %w", err)
			}
			if n, err := res.RowsAffected(); err != nil {
				return fmt.Errorf("update team load: %w", err)
			} else if n != 1 {
				return errLoadsChanged
			}
		}
	}
	tables := []struct {
		t    *sqliteTable
		rows int
		// row appends row i's values to a chunk's arguments.
		row func(dst []any, i int) []any
	}{
		{&s.decisionsTable, len(b.decisions), func(dst []any, i int) []any {
			return b.decisions[i].appendInsertArgs(dst, s.dialect.unkeyed)
		}},
		{&s.assignmentsTable, len(b.assignments), func(dst []any, i int) []any { return b.assignments[i].appendInsertArgs(dst) }},
		{&s.outcomesTable, len(b.outcomes), func(dst []any, i int) []any { return append(dst, b.outcomes[i].args()...) }},
		{&s.auditTable, len(b.audit), func(dst []any, i int) []any { return append(dst, b.audit[i].args()...) }},
	}
	for _, t := range tables {
		for done := 0; done < t.rows; {
			n := chunkSize(t.rows - done)
			stmt := t.t.stmts[n]
			args := make([]any, 0, n*t.t.cols)
			for i := done; i < done+n; i++ {
				args = t.row(args, i)
			}
			if _, err := b.tx.StmtContext(ctx, stmt).ExecContext(ctx, args...); err != nil {
				return fmt.Errorf("insert %s %v: %w", t.t.what, args[0], err)
			}
			done += n
		}
	}
	if _, err := b.tx.StmtContext(ctx, s.updateHead).ExecContext(ctx, b.seq, b.headHash); err != nil {
		return fmt.Errorf("update audit head: %w", err)
	}
	return nil
}

// chunkSizes are the row counts of SQLite's prepared multi-row INSERTs,
// largest first: a batch of n rows takes the largest that fits, repeatedly.
// Every power of two, so that n rows take at most one statement per bit of
// n: a commit of 13 decisions (the bench's batch at 32 callers) inserts its
// 13 decisions, 13 assignments and 26 audit rows with 9 statements, not 13
// as with 64/16/4/1 (docs/performance.md, store27).
var chunkSizes = [...]int{64, 32, 16, 8, 4, 2, 1}

func chunkSize(left int) int {
	for _, n := range chunkSizes {
		if n <= left {
			return n
		}
	}
	return 1
}

// sqliteTable is one table's multi-row INSERT statements, one per chunk
// size, prepared on the writer's connection.
type sqliteTable struct {
	what    string
	table   string
	columns string
	cols    int
	stmts   map[int]*sql.Stmt // by rows
}

// prepare prepares the table's statement for each of chunkSizes. It runs at
// open: the pool has one connection, which a transaction holds while it
// writes, so nothing can be prepared on the pool from inside one.
func (t *sqliteTable) prepare(ctx context.Context, db *sql.DB, closers *[]io.Closer) error {
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", t.cols), ", ") + ")"
	t.stmts = map[int]*sql.Stmt{}
	for _, rows := range chunkSizes {
		q := "INSERT INTO " + t.table + " (" + t.columns + ") VALUES " + strings.TrimSuffix(strings.Repeat(one+", ", rows), ", ")
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("prepare insert into %s: %w: %w", t.table, ErrUnavailable, err)
		}
		*closers = append(*closers, st)
		t.stmts[rows] = st
	}
	return nil
}

// sqliteApplyLoad is a deferred team_load write (batch.loadChanges): add to
// the key's count, inserting the row when there is none, only if the
// result is what the batch computed from what it read.
const sqliteApplyLoad = `INSERT INTO team_load (team_id, period, assigned) VALUES (?, ?, ?)
ON CONFLICT (team_id, period) DO UPDATE SET assigned = team_load.assigned + excluded.assigned
WHERE team_load.assigned + excluded.assigned = ?4`
