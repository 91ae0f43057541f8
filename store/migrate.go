package store

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/fenjian/fenjian/internal/logattr"
)

// migration is one embedded schema step, NNNN_name.sql.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads and checks a dialect's migration files. Versions must
// run 1, 2, 3 … without gaps or repeats: a gap would mean a file was lost,
// and the applied version number is how a database says what it holds.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	ms := make([]migration, 0, len(names))
	for _, name := range names {
		num, rest, ok := strings.Cut(path.Base(name), "_")
		version, err := strconv.Atoi(num)
		if !ok || err != nil || version <= 0 {
			return nil, fmt.Errorf("migration %s: name must be NNNN_description.sql", name)
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", name, err)
		}
		ms = append(ms, migration{version: version, name: strings.TrimSuffix(rest, ".sql"), sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %04d_%s: expected version %d (missing or repeated version)", m.version, m.name, i+1)
		}
	}
	return ms, nil
}

// migrate brings the database at db up to the newest migration and returns
// the version it found and the version it left. Each migration runs in its own
// transaction together with its schema_migrations row, so a crash leaves the
// database at a whole version. Every transaction first takes the dialect's
// migration lock (SQLite: BEGIN IMMEDIATE's write lock; PostgreSQL: an
// advisory lock) and re-reads the version under it, so two servers starting
// at once against one database apply each step once and the second waits
// for the first rather than failing.
//
// A database whose version is newer than the binary's migrations is refused:
// an older binary cannot know what the newer schema requires of writers.
// With read, migrate changes nothing, and refuses an older database too
// (Options.NoMigrations). announce, if not nil, is told the versions before
// the first migration is applied (Options.Migrating).
func migrate(ctx context.Context, db *sql.DB, d dialect, ms []migration, log *slog.Logger, read bool, announce func(from, to int)) (from, to int, err error) {
	latest := 0
	if len(ms) > 0 {
		latest = ms[len(ms)-1].version
	}
	if read {
		var exists bool
		if err := db.QueryRowContext(ctx, d.hasMigrations).Scan(&exists); err != nil {
			return 0, 0, fmt.Errorf("read schema version: %w: %w", ErrUnavailable, err)
		}
		if !exists {
			return 0, 0, fmt.Errorf("%w: it has no schema_migrations table, which every fenjian store has from its first start%s", ErrNoStore, d.noStoreHint)
		}
		if err := db.QueryRowContext(ctx, d.schemaVersion).Scan(&from); err != nil {
			return 0, 0, fmt.Errorf("read schema version: %w", err)
		}
		switch {
		case from > latest:
			return from, from, fmt.Errorf("database schema version %d is newer than this binary supports (%d); upgrade fenjian", from, latest)
		case from < latest:
			return from, from, fmt.Errorf("database schema version %d, this binary's %d: %w (triaged of this release migrates it at start)", from, latest, ErrSchemaBehind)
		}
		return from, from, nil
	}
	// The version is read, and announced, before any migration lock is
	// waited for: a start waiting for another process's migration (or
	// write) is migrating as far as its readiness says. A new database
	// gets its schema_migrations first, under the lock.
	var exists bool
	if err := db.QueryRowContext(ctx, d.hasMigrations).Scan(&exists); err != nil {
		return 0, 0, fmt.Errorf("read schema version: %w: %w", ErrUnavailable, err)
	}
	if !exists {
		err = inMigrationTx(ctx, db, d, log, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, d.createMigrations); err != nil {
				return fmt.Errorf("create schema_migrations: %w: %w", ErrUnavailable, err)
			}
			return nil
		})
		if err != nil {
			return 0, 0, err
		}
	}
	if err := db.QueryRowContext(ctx, d.schemaVersion).Scan(&from); err != nil {
		return 0, 0, fmt.Errorf("read schema version: %w: %w", ErrUnavailable, err)
	}
	if from > latest {
		return from, from, fmt.Errorf("database schema version %d is newer than this binary supports (%d); upgrade fenjian", from, latest)
	}
	if from < latest && announce != nil {
		announce(from, latest)
	}
	to = from
	for _, m := range ms {
		if m.version <= to {
			continue
		}
		applied, err := applyMigration(ctx, db, d, m, log)
		if err != nil {
			return from, to, err
		}
		if applied {
			log.InfoContext(ctx, "applied schema migration", "version", m.version, "name", m.name) // the logger carries the dialect
		}
		to = m.version
	}
	return from, to, nil
}

// inMigrationTx runs f in a transaction that holds the migration lock, and
// commits if f succeeds.
func inMigrationTx(ctx context.Context, db *sql.DB, d dialect, log *slog.Logger, f func(*sql.Tx) error) (err error) {
	tx, err := beginMigration(ctx, db, d, log)
	if err != nil {
		return fmt.Errorf("begin: %w: %w", ErrUnavailable, err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback() // the error being returned says more than a failed rollback
		}
	}()
	if d.lockMigrations != "" {
		if _, err := tx.ExecContext(ctx, d.lockMigrations); err != nil {
			return fmt.Errorf("take migration lock: %w: %w", ErrUnavailable, err)
		}
	}
	if err := f(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w: %w", ErrUnavailable, err)
	}
	return nil
}

// beginMigration begins a migration transaction. On SQLite, BEGIN
// IMMEDIATE takes the write lock, waiting for it at most the busy timeout
// (5 s); another process's migration holds it for as long as the migration
// takes (48 s for 200,000 decisions), and a start that failed then would
// fail again at every restart. So a wait that ran out is begun again, until
// ctx ends, as PostgreSQL waits for its migration lock; the first is
// logged, for whoever wonders why the start does not advance.
func beginMigration(ctx context.Context, db *sql.DB, d dialect, log *slog.Logger) (*sql.Tx, error) {
	for waited := false; ; waited = true {
		tx, err := db.BeginTx(ctx, nil)
		if err == nil || d.lockTimedOut == nil || !d.lockTimedOut(err) || ctx.Err() != nil {
			return tx, err
		}
		if !waited {
			log.WarnContext(ctx, "waiting for the database's write lock, which another connection holds, to migrate the schema", "error", err.Error())
		}
	}
}

// goSteps are the parts of migrations that SQL cannot do, by version: each
// runs in its migration's transaction, before the migration's SQL.
var goSteps = map[int]func(ctx context.Context, tx *sql.Tx, d dialect, log *slog.Logger) error{
	// A filing key is Unicode NFKC (filingKey), which neither SQLite nor
	// every PostgreSQL can compute: the rows stored before migration 0014,
	// which have none, and those keyed by an older filingKey get theirs
	// here, before 0015 makes the key required.
	15: func(ctx context.Context, tx *sql.Tx, d dialect, log *slog.Logger) error {
		start := time.Now()
		n, err := rekeyFilings(ctx, tx, d)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrUnavailable, err)
		}
		log.InfoContext(ctx, "decisions given their filing key", "decisions", n, logattr.Seconds("took", time.Since(start)))
		return nil
	},
	// filingKey reads case numbers (rules.FilingKey): a decision whose
	// filing id was stored with spaces, leading zeros or without 号 gets
	// the case number's canonical key. Decisions stored as different
	// filings may now share a key: all are kept, each shared key is
	// logged with its decisions, and a new decision for it is refused
	// naming the first (sharedKeys).
	caseNumberKeyVersion: func(ctx context.Context, tx *sql.Tx, d dialect, log *slog.Logger) error {
		return rekeyAndReport(ctx, tx, d, log, "decisions re-keyed by case number")
	},
	// filingKey folds traditional characters, the decimal digits of other
	// scripts and spaces inside a part of a case number (outside check
	// 17): as migration 16, for the decisions whose filing id was stored
	// so.
	foldedKeyVersion: func(ctx context.Context, tx *sql.Tx, d dialect, log *slog.Logger) error {
		return rekeyAndReport(ctx, tx, d, log, "decisions re-keyed by folded case number")
	},
}

// rekeyAndReport is a migration step that changed filingKey: it re-keys
// every decision (rekeyFilings), logs each key that decisions stored as
// different filings share (all are kept, and a new decision for the
// filing is refused naming the first: sharedKeys), and logs done, the
// step's summary.
func rekeyAndReport(ctx context.Context, tx *sql.Tx, d dialect, log *slog.Logger, done string) error {
	start := time.Now()
	n, err := rekeyFilings(ctx, tx, d)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	shared, err := sharedKeys(ctx, tx)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	decisions := 0
	for _, k := range shared {
		decisions += len(k.decisionIDs)
		log.WarnContext(ctx, "decisions stored as different filings have one filing key: all are kept, a new decision for the filing is refused naming the first; the court says which stands (docs/operations.md, upgrading)",
			"filing_key", k.key, "decision_ids", k.decisionIDs, "filing_ids", k.filingIDs)
	}
	log.InfoContext(ctx, done, "decisions", n,
		"shared_keys", len(shared), "decisions_sharing_a_key", decisions,
		logattr.Seconds("took", time.Since(start)))
	return nil
}

// applyMigration runs m in one transaction unless another process applied it
// first; it reports whether it did the work.
func applyMigration(ctx context.Context, db *sql.DB, d dialect, m migration, log *slog.Logger) (applied bool, err error) {
	err = inMigrationTx(ctx, db, d, log, func(tx *sql.Tx) error {
		var current int
		if err := tx.QueryRowContext(ctx, d.schemaVersion).Scan(&current); err != nil {
			return fmt.Errorf("read schema version: %w: %w", ErrUnavailable, err)
		}
		if current >= m.version {
			return nil // another process got here first; committing changes nothing
		}
		if step := goSteps[m.version]; step != nil {
			if err := step(ctx, tx, d, log); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("%w: %w", ErrUnavailable, err)
		}
		appliedAt := time.Now().UTC().Format(time.RFC3339Nano)
		if _, err := tx.ExecContext(ctx, d.recordMigration, m.version, appliedAt); err != nil {
			return fmt.Errorf("record: %w: %w", ErrUnavailable, err)
		}
		applied = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("migration %04d_%s: %w", m.version, m.name, err)
	}
	return applied, nil
}
