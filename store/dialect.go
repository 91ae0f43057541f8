package store

import (
	"embed"
	"errors"
	"io/fs"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// dialect holds everything that differs between SQL databases, so that the
// migration runner and the group-commit writer are written once. PostgreSQL
// will add a second value with "$1" placeholders and its own migrations.
type dialect struct {
	name string
	// migrations holds NNNN_name.sql files at its root.
	migrations fs.FS
	// createMigrations creates schema_migrations if it is missing.
	createMigrations string
	// schemaVersion returns the highest applied version, 0 for none.
	schemaVersion string
	// recordMigration inserts (version, applied_at).
	recordMigration string
	// insertDecision inserts the columns in decisionRow.args order.
	insertDecision string
	// selectDecision returns the decision blob for a decision_id.
	selectDecision string
	// isDuplicate reports whether err is a primary-key violation, which the
	// writer reports as ErrDuplicate rather than ErrUnavailable.
	isDuplicate func(error) bool
}

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
		recordMigration: `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
		insertDecision: `INSERT INTO decisions (decision_id, filing_id, case_kind, recommended, needs_review,
    model_version, rules_version, decided_at, decision, filing)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		selectDecision: `SELECT decision FROM decisions WHERE decision_id = ?`,
		isDuplicate:    sqliteIsDuplicate,
	}, nil
}

// sqliteIsDuplicate matches the extended result code the driver reports for
// a PRIMARY KEY violation. Other constraint failures (a CHECK, a trigger)
// are not duplicates and stay ErrUnavailable.
func sqliteIsDuplicate(err error) bool {
	e, ok := errors.AsType[*sqlite.Error](err)
	return ok && e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}
