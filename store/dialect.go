package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// dialect holds everything that differs between SQL databases, so that the
// migration runner, the reads and the group-commit writer's batching are
// written once. How a batch of rows is inserted differs too, but it needs a
// connection, so it is an insertFunc built by each Open function.
type dialect struct {
	name string
	// migrations holds NNNN_name.sql files at its root.
	migrations fs.FS
	// createMigrations creates schema_migrations if it is missing.
	createMigrations string
	// lockMigrations, when set, runs first in every migration transaction
	// and holds a lock until it ends, so that two servers starting at once
	// take turns. SQLite needs none: its migration transactions begin
	// IMMEDIATE, which already holds the database's write lock.
	lockMigrations string
	// lockTimedOut reports whether err is a migration transaction's wait
	// for its lock having run out (SQLite's busy timeout): migrate then
	// waits again, for as long as its context allows, as PostgreSQL's
	// advisory lock waits (nil: the wait has no bound of its own).
	lockTimedOut func(error) bool
	// schemaVersion returns the highest applied version, 0 for none.
	schemaVersion string
	// hasMigrations returns whether schema_migrations exists (in the
	// session's search_path, on PostgreSQL): a reader that may not create
	// it tells "no store here" from a store it cannot read.
	hasMigrations string
	// noStoreHint ends the message of ErrNoStore: where else to look.
	noStoreHint string
	// recordMigration inserts (version, applied_at).
	recordMigration string
	// selectDecision returns the decision blob for a decision_id.
	selectDecision string
	// selectFiling returns the filing blob stored with a decision.
	selectFiling string
	// selectDecisionsForFilings returns (filing key, decision_id, the
	// filing_id it was stored under) of every decision whose filing key
	// (every decision has one since migration 0015) is in the list bound
	// as its one parameter (filingKeysArg), in decided_at, decision_id
	// order, so that a key's first row is its first decision: the writer's
	// check that a filing has one decision (batch.lookUpStoredFilings), one
	// statement for a whole batch.
	selectDecisionsForFilings string
	// filingKeysArg binds a list of filing keys as
	// selectDecisionsForFilings' parameter: a JSON array for SQLite's
	// json_each, a text[] for PostgreSQL.
	filingKeysArg func(keys []string) (any, error)
	// unkeyed: the schema stops before migration 0014 (SQLite's
	// Options.schemaUpTo, tests writing rows as an older binary did), so
	// decisions are written without a filing key and
	// selectDecisionsForFilings takes the filing id as sent.
	unkeyed bool
	// updateFilingKeys sets decisions' filing keys (rekeyFilings): on
	// SQLite one row's, key then decision_id; on PostgreSQL a page's,
	// arrays of keys and decision_ids.
	updateFilingKeys string
	// filingGuard: the batch's own statement refuses a filing that already
	// has a decision (postgresWriteBatch), so the writer looks filings up
	// one by one only after it fails. SQLite looks each one up, in process.
	filingGuard bool
	// placeholder is the n-th (1-based) bind parameter.
	placeholder func(n int) string
	// lockHead reads audit_head's (seq, hash) at the start of every write
	// transaction and, where the transaction does not already exclude other
	// writers, locks the row until commit (see audit.go).
	lockHead string
	// snapshotTx begins a read-only transaction that sees one consistent
	// snapshot throughout, for VerifyAudit, RedrawAssignments and GetCase
	// (TestGetCaseOneSnapshot: on PostgreSQL, READ COMMITTED would take a
	// snapshot per statement).
	snapshotTx *sql.TxOptions
	// rollbackAfterFailedCommit: the driver may leave a transaction open
	// after a failed COMMIT, so the writer rolls back on the connection.
	rollbackAfterFailedCommit bool
	// isDuplicate reports whether err is a primary-key violation, which the
	// writer reports as ErrDuplicate rather than ErrUnavailable.
	isDuplicate func(error) bool
	// rowFault reports whether err, the failure of a shared transaction,
	// may have been caused by one of its rows (a duplicate id, a constraint,
	// a trigger), so that retrying each row alone can isolate it. Anything
	// else (a lost connection, a server shutting down) fails the whole batch
	// at once: retrying row by row would only multiply an outage's wait.
	rowFault func(error) bool
	// connLost reports whether err says the connection a statement ran on
	// had died (the server ended the session, the socket broke) rather than
	// that the statement failed or the server cannot be reached. Reads, which
	// change nothing, are retried on another connection after such an error;
	// writes are not, since the lost connection may have committed them.
	connLost func(error) bool
}

// Column lists in table order: the order of each row type's args and digest.
const (
	decisionColumns = `decision_id, filing_id, case_kind, recommended, needs_review,
    model_version, rules_version, decided_at, decision, filing`
	// decisionInsertColumns are the columns a decision is inserted with:
	// decisionColumns, which its digest covers, and the filing key
	// (filingKey, migration 0014).
	decisionInsertColumns = decisionColumns + `, filing_key`
	outcomeColumns        = `outcome_id, decision_id, procedure, change, decided_by, recorded_at, seq, outcome`
	assignmentColumns     = `assignment_id, decision_id, team_id, kind, period, assigned_at, seq, assignment, previous_team_id`
	auditColumns          = `seq, record_kind, record_id, record_sha256, prev_hash, hash, recorded_at`
)

// filingLookupKey is what selectDecisionsForFilings finds filing filingID
// by: its filing key (key, filingKey(filingID)), or on a schema without keys
// (unkeyed) the filing id as sent. The writer's check and GetCaseByFiling
// both look a filing up through it.
func (d *dialect) filingLookupKey(filingID, key string) string {
	if d.unkeyed {
		return filingID
	}
	return key
}

// q rewrites the ? placeholders of query into d's.
func (d *dialect) q(query string) string {
	if d.placeholder(1) == "?" {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString(d.placeholder(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// list returns n comma-separated placeholders numbered from start, for IN.
func (d *dialect) list(start, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(d.placeholder(start + i))
	}
	return b.String()
}

// SQLite's head update; its inserts are built by sqliteTable.
const (
	sqliteUpdateHead = `UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1`
)

//go:embed migrations/sqlite/*.sql
var sqliteMigrationFiles embed.FS

func sqliteDialect() (dialect, error) {
	migrations, err := fs.Sub(sqliteMigrationFiles, "migrations/sqlite")
	if err != nil {
		return dialect{}, err
	}
	return dialect{
		name:       "sqlite",
		migrations: migrations,
		// applied_at is RFC 3339 text: read by people, never sorted on.
		createMigrations: `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER NOT NULL PRIMARY KEY,
    applied_at TEXT    NOT NULL
)`,
		schemaVersion:   `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`,
		hasMigrations:   `SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations')`,
		recordMigration: `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
		selectDecision:  `SELECT decision FROM decisions WHERE decision_id = ?`,
		selectDecisionsForFilings: `SELECT filing_key, decision_id, filing_id FROM decisions
WHERE filing_key IN (SELECT value FROM json_each(?)) ORDER BY decided_at, decision_id`,
		filingKeysArg: func(keys []string) (any, error) {
			j, err := json.Marshal(keys)
			return string(j), err
		},
		updateFilingKeys: `UPDATE decisions SET filing_key = ? WHERE decision_id = ?`,
		selectFiling:     `SELECT filing FROM decisions WHERE decision_id = ?`,
		placeholder:      func(int) string { return "?" },
		// The writer's transactions begin IMMEDIATE: they hold the file's
		// write lock from BEGIN, which excludes every other writer, in this
		// process or another.
		lockHead: `SELECT seq, hash FROM audit_head WHERE id = 1`,
		// A read transaction in WAL mode reads one snapshot from its first
		// SELECT to its end.
		snapshotTx:                &sql.TxOptions{ReadOnly: true},
		rollbackAfterFailedCommit: true,
		isDuplicate:               sqliteIsDuplicate,
		// Every failure is retried row by row: the file is local, so a retry
		// costs microseconds, and which SQLite errors a row can cause (a
		// trigger's RAISE, a full disk for a large row) is not a short list.
		rowFault: func(error) bool { return true },
		// An in-process file has no connection to lose.
		connLost:     func(error) bool { return false },
		lockTimedOut: sqliteIsBusy,
	}, nil
}

// sqliteIsBusy matches SQLITE_BUSY and its extended codes: another
// connection held the lock past the busy timeout.
func sqliteIsBusy(err error) bool {
	e, ok := errors.AsType[*sqlite.Error](err)
	return ok && e.Code()&0xff == sqlite3.SQLITE_BUSY
}

// sqliteIsDuplicate matches the extended result code the driver reports for
// a PRIMARY KEY violation on decisions. Other constraint failures (a CHECK,
// a trigger, another table's key, such as an audit seq taken behind the
// writer's back) are not duplicate decisions and stay ErrUnavailable.
func sqliteIsDuplicate(err error) bool {
	e, ok := errors.AsType[*sqlite.Error](err)
	return ok && e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY && strings.Contains(e.Error(), "decisions.decision_id")
}

//go:embed migrations/postgres/*.sql
var postgresMigrationFiles embed.FS

// migrationLockClass is the first key of the advisory lock that serializes
// migrations ("FENJ" in ASCII). The second key is a hash of the schema the
// tables live in, so deployments in different schemas of one database do
// not wait for each other.
const migrationLockClass = 0x46454E4A

func postgresDialect() (dialect, error) {
	migrations, err := fs.Sub(postgresMigrationFiles, "migrations/postgres")
	if err != nil {
		return dialect{}, err
	}
	return dialect{
		name:       "postgres",
		migrations: migrations,
		// The same columns as SQLite's, so one migration runner and one test
		// read both.
		createMigrations: `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER NOT NULL PRIMARY KEY,
    applied_at TEXT    NOT NULL
)`,
		// A transaction-scoped advisory lock is released by COMMIT or
		// ROLLBACK, and by the server when the session dies, so a crashed
		// migrator never leaves it held. It is taken before CREATE TABLE IF
		// NOT EXISTS too, which races with itself in PostgreSQL (two
		// sessions can both find the table missing, and one then fails).
		lockMigrations:  fmt.Sprintf(`SELECT pg_advisory_xact_lock(%d, hashtext(COALESCE(current_schema(), '')))`, migrationLockClass),
		schemaVersion:   `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`,
		hasMigrations:   `SELECT to_regclass('schema_migrations') IS NOT NULL`,
		noStoreHint:     " (the tables are looked for in the session's search_path: set search_path in the URL to the schema the servers use)",
		recordMigration: `INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)`,
		selectDecision:  `SELECT decision FROM decisions WHERE decision_id = $1`,
		selectDecisionsForFilings: `SELECT filing_key, decision_id, filing_id FROM decisions
WHERE filing_key = ANY($1::text[]) ORDER BY decided_at, decision_id`,
		filingKeysArg:    func(keys []string) (any, error) { return keys, nil },
		updateFilingKeys: `UPDATE decisions d SET filing_key = u.key FROM unnest($1::text[], $2::text[]) AS u(key, id) WHERE d.decision_id = u.id`,
		selectFiling:     `SELECT filing FROM decisions WHERE decision_id = $1`,
		placeholder:      func(n int) string { return "$" + strconv.Itoa(n) },
		// The row lock is held until COMMIT or ROLLBACK; a writer that
		// waited for it reads the head its predecessor committed (READ
		// COMMITTED re-reads a locked row once the lock is released).
		lockHead:    `SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`,
		snapshotTx:  &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead},
		isDuplicate: postgresIsDuplicate,
		filingGuard: true,
		rowFault:    postgresRowFault,
		connLost:    postgresConnLost,
	}, nil
}

// postgresIsDuplicate matches unique_violation of decisions' primary key:
// the decision id is taken. Other tables' keys are not duplicate decisions.
func postgresIsDuplicate(err error) bool {
	e, ok := errors.AsType[*pgconn.PgError](err)
	return ok && e.Code == "23505" && e.ConstraintName == "decisions_pkey"
}

// postgresRowFault accepts the SQLSTATE classes a row's values or a trigger
// on its table raise: 22 data exception, 23 integrity constraint violation,
// P0 PL/pgSQL RAISE. Connection failures carry no PgError, and a shutdown's
// 57P01 is class 57: neither names a row.
func postgresRowFault(err error) bool {
	e, ok := errors.AsType[*pgconn.PgError](err)
	if !ok || len(e.Code) != 5 {
		return false
	}
	switch e.Code[:2] {
	case "22", "23", "P0":
		return true
	}
	return false
}

// postgresConnLost matches what a pooled connection reports when its session
// is gone: the server's FATAL goodbye (pg_terminate_backend, a shutdown, an
// idle timeout), or a socket that hit EOF, a reset or a broken pipe. A
// failure to dial is not: the server is unreachable, and retrying on a new
// connection would only dial again.
func postgresConnLost(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	if _, ok := errors.AsType[*pgconn.ConnectError](err); ok {
		return false
	}
	if e, ok := errors.AsType[*pgconn.PgError](err); ok {
		return e.Severity == "FATAL" || e.Severity == "PANIC"
	}
	_, isNet := errors.AsType[net.Error](err)
	return isNet || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, driver.ErrBadConn)
}
