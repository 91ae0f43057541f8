//go:build sqlite_cgo

package store

/*
#include <stdlib.h>

// SQLite's own declarations, resolved against the copy of SQLite that
// github.com/mattn/go-sqlite3 compiles into the binary.
typedef struct sqlite3 sqlite3;
extern int sqlite3_busy_handler(sqlite3*, int(*)(void*, int), void*);
extern int sqlite3_is_interrupted(sqlite3*);
extern int sqlite3_sleep(int);
extern int sqlite3_set_clientdata(sqlite3*, const char*, void*, void(*)(void*));

struct fenjianBusy {
	sqlite3 *db;
	int ms;
};

// fenjianBusyWait is SQLite's default busy handler (the same sleeps,
// stopping after ms in all), except that it stops as soon as the
// connection is interrupted: mattn interrupts a statement whose context is
// done, and SQLite's own handler would sleep on to the full timeout.
static int fenjianBusyWait(void *p, int count) {
	static const int delays[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
	static const int totals[] = {0, 1, 3, 8, 18, 33, 53, 78, 103, 128, 178, 228};
	const int n = sizeof delays / sizeof delays[0];
	struct fenjianBusy *b = p;
	int delay, prior;
	if (sqlite3_is_interrupted(b->db)) {
		return 0;
	}
	if (count < n) {
		delay = delays[count];
		prior = totals[count];
	} else {
		delay = delays[n - 1];
		prior = totals[n - 1] + delay * (count - (n - 1));
	}
	if (prior + delay > b->ms) {
		delay = b->ms - prior;
		if (delay <= 0) {
			return 0;
		}
	}
	sqlite3_sleep(delay);
	return 1;
}

// fenjianSetBusy replaces db's busy handler by fenjianBusyWait with a
// timeout of ms; the handler's state is freed with the connection.
static int fenjianSetBusy(sqlite3 *db, int ms) {
	struct fenjianBusy *b = malloc(sizeof *b);
	if (b == NULL) {
		return 7; // SQLITE_NOMEM
	}
	b->db = db;
	b->ms = ms;
	int rc = sqlite3_set_clientdata(db, "fenjian.busy", b, free);
	if (rc != 0) {
		free(b);
		return rc;
	}
	return sqlite3_busy_handler(db, fenjianBusyWait, b);
}
*/
import "C"

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// sqliteDriver names the SQLite library this build links: SQLite's C,
// compiled by gcc and called through cgo (github.com/mattn/go-sqlite3),
// chosen by the build tag sqlite_cgo. The default build links
// modernc.org/sqlite (sqlite_modernc.go) and needs no C compiler.
const sqliteDriver = "github.com/mattn/go-sqlite3 (cgo)"

// The store opens "sqlite" in either build, with the same DSN. mattn's
// driver registers itself as "sqlite3"; this one is it under the name the
// store and its tests use, taking the DSN parameters it lacks.
func init() { sql.Register("sqlite", cgoDriver{}) }

// cgoDriver opens mattn/go-sqlite3 connections with modernc's DSN. The two
// drivers read the same _journal_mode, _synchronous, _foreign_keys,
// _busy_timeout, _txlock and _query_only parameters, and SQLite itself reads
// mode and immutable from the URI; what mattn lacks is modernc's _pragma
// (each value run as "PRAGMA value" on every new connection), run here after
// mattn's own. mattn also sets synchronous=NORMAL on every connection that
// names none, where modernc leaves SQLite's default (FULL): absent, it is
// set to FULL, so that each connection syncs as it does in the default build.
type cgoDriver struct{}

func (cgoDriver) Open(dsn string) (driver.Conn, error) {
	name, pragmas, err := splitPragmas(dsn)
	if err != nil {
		return nil, err
	}
	c, err := (&sqlite3.SQLiteDriver{}).Open(name)
	if err != nil {
		return nil, err
	}
	conn := c.(*sqlite3.SQLiteConn)
	for _, p := range pragmas {
		if _, err := conn.ExecContext(context.Background(), "PRAGMA "+p, nil); err != nil {
			_ = conn.Close()
			return nil, fmt.Errorf("PRAGMA %s: %w", p, err)
		}
	}
	if err := setBusyHandler(conn); err != nil {
		_ = conn.Close()
		return nil, err
	}
	return conn, nil
}

// setBusyHandler gives conn a busy handler that ends its wait for a lock
// when the statement's context is done, as modernc's does: with SQLite's
// own, a Probe (or any write) waiting on a lock another process holds ran
// to the busy timeout whatever its deadline. The wait's bound is the
// connection's busy_timeout, as the DSN or a _pragma set it.
func setBusyHandler(conn *sqlite3.SQLiteConn) error {
	rows, err := conn.QueryContext(context.Background(), "PRAGMA busy_timeout", nil)
	if err != nil {
		return fmt.Errorf("read busy_timeout: %w", err)
	}
	v := make([]driver.Value, 1)
	err = rows.Next(v)
	_ = rows.Close()
	ms, ok := v[0].(int64)
	if err != nil || !ok {
		return fmt.Errorf("read busy_timeout: %v (%v)", err, v[0])
	}
	// mattn keeps the connection's handle unexported; its name is checked
	// by every test that opens a store (a wrong field panics at once).
	db := (*C.sqlite3)(reflect.ValueOf(conn).Elem().FieldByName("db").UnsafePointer())
	if rc := C.fenjianSetBusy(db, C.int(ms)); rc != 0 {
		return fmt.Errorf("set busy handler: SQLite result code %d", int(rc))
	}
	return nil
}

// splitPragmas takes the _pragma values out of dsn's parameters and sets
// _synchronous=FULL where dsn names none (see cgoDriver).
func splitPragmas(dsn string) (string, []string, error) {
	path, query, _ := strings.Cut(dsn, "?")
	params, err := url.ParseQuery(query)
	if err != nil {
		return "", nil, fmt.Errorf("sqlite DSN %q: %w", dsn, err)
	}
	pragmas := params["_pragma"]
	params.Del("_pragma")
	if !params.Has("_synchronous") && !params.Has("_sync") {
		params.Set("_synchronous", "FULL")
	}
	return path + "?" + params.Encode(), pragmas, nil
}

// sqliteIsBusy matches SQLITE_BUSY and its extended codes: another
// connection held the lock past the busy timeout.
func sqliteIsBusy(err error) bool {
	e, ok := errors.AsType[sqlite3.Error](err)
	return ok && e.Code == sqlite3.ErrBusy
}

// sqliteIsDuplicate matches the extended result code the driver reports for
// a PRIMARY KEY violation on decisions. Other constraint failures (a CHECK,
// a trigger, another table's key, such as an audit seq taken behind the
// writer's back) are not duplicate decisions and stay ErrUnavailable.
func sqliteIsDuplicate(err error) bool {
	e, ok := errors.AsType[sqlite3.Error](err)
	return ok && e.ExtendedCode == sqlite3.ErrConstraintPrimaryKey && strings.Contains(e.Error(), "decisions.decision_id")
}

// sqliteCorrupt reports whether err is SQLite saying a file is not a
// database (SQLITE_NOTADB) or is malformed (SQLITE_CORRUPT), with SQLite's
// message.
func sqliteCorrupt(err error) (string, bool) {
	e, ok := errors.AsType[sqlite3.Error](err)
	if !ok || e.Code != sqlite3.ErrCorrupt && e.Code != sqlite3.ErrNotADB {
		return "", false
	}
	return e.Error(), true
}
