//go:build !sqlite_cgo

package store

import (
	"errors"
	"strings"

	"modernc.org/sqlite" // registers the pure-Go "sqlite" driver: no cgo
	sqlite3 "modernc.org/sqlite/lib"
)

// sqliteDriver names the SQLite library this build links (the store's log
// says which one served): modernc.org/sqlite, SQLite transpiled to Go. The
// build tag sqlite_cgo links the C library instead (sqlite_cgo.go).
const sqliteDriver = "modernc.org/sqlite"

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

// sqliteCorrupt reports whether err is SQLite saying a file is not a
// database (SQLITE_NOTADB) or is malformed (SQLITE_CORRUPT), with SQLite's
// message.
func sqliteCorrupt(err error) (string, bool) {
	e, ok := errors.AsType[*sqlite.Error](err)
	if !ok {
		return "", false
	}
	switch e.Code() & 0xff {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return e.Error(), true
	}
	return "", false
}
