package store

import (
	"context"
	"database/sql"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// TestSQLiteMigrationWaitsForWriteLock: a SQLite store behind its schema
// whose write lock another connection holds (another process migrating or
// writing) announces the migration (Options.Migrating, which triaged's
// /readyz reports) before it waits, and waits for the lock past the busy
// timeout, for as long as it is held, then migrates. The test holds the
// lock until it has seen both the announcement and the log record of a
// wait that outlasted the busy timeout (20 ms here): each is observed, not
// slept for. Before, the version was announced only after a write
// transaction, so nothing was announced while the lock was held, and the
// start failed with SQLITE_BUSY once the busy timeout (5 s) ran out.
func TestSQLiteMigrationWaitsForWriteLock(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lock.db")
	latest := len(mustMigrations(t))
	old, err := OpenSQLite(ctx, path, Options{schemaUpTo: latest - 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	holder, err := raw.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	if _, err := holder.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}

	announced := make(chan [2]int, 1)
	waiting := make(chan struct{})
	logs := &signalLogs{msg: "waiting for the database's write lock, which another connection holds, to migrate the schema", seen: waiting}
	type opened struct {
		s   *SQLite
		err error
	}
	done := make(chan opened, 1)
	go func() {
		s, err := OpenSQLite(ctx, path, Options{
			busyTimeout: 20 * time.Millisecond,
			Logger:      slog.New(logs),
			Migrating:   func(from, to int) { announced <- [2]int{from, to} },
		})
		done <- opened{s, err}
	}()
	// A bound on a failure only: every step waits for what it observes.
	bound := time.After(60 * time.Second)
	for got, wait := 0, (<-chan struct{})(waiting); got < 2; got++ {
		select {
		case v := <-announced:
			if v != [2]int{latest - 1, latest} {
				t.Errorf("Migrating(%d, %d), want (%d, %d)", v[0], v[1], latest-1, latest)
			}
			announced = nil
		case <-wait:
			wait = nil
		case o := <-done:
			t.Fatalf("Open returned while the write lock was held: %v", o.err)
		case <-bound:
			t.Fatalf("after 60 s with the write lock held: announced %v, waiting logged %v", announced == nil, wait == nil)
		}
	}
	if _, err := holder.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	o := <-done
	if o.err != nil {
		t.Fatalf("Open once the lock was released: %v", o.err)
	}
	defer o.s.Close()
	if v, err := o.s.SchemaVersion(ctx); err != nil || v != latest {
		t.Errorf("SchemaVersion = %d, %v; want %d", v, err, latest)
	}
}

// mustMigrations loads SQLite's migrations.
func mustMigrations(t *testing.T) []migration {
	t.Helper()
	d, err := sqliteDialect()
	if err != nil {
		t.Fatal(err)
	}
	ms, err := loadMigrations(d.migrations)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

// signalLogs is a slog.Handler that closes seen at the first record whose
// message is msg.
type signalLogs struct {
	msg  string
	seen chan struct{}
	once sync.Once
}

func (h *signalLogs) Enabled(context.Context, slog.Level) bool { return true }

func (h *signalLogs) Handle(_ context.Context, r slog.Record) error {
	if r.Message == h.msg {
		h.once.Do(func() { close(h.seen) })
	}
	return nil
}

func (h *signalLogs) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *signalLogs) WithGroup(string) slog.Handler      { return h }
