package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/fenjian/fenjian/store"
)

// TestReadOnlyStore opens a store for reading beside the server's writing
// store, as triagectl's stats, export and audit do: it reads what the
// writer stored, including commits made after it opened (on SQLite still in
// the WAL), and every write through it is refused by the database, leaving
// nothing behind.
func TestReadOnlyStore(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		ctx := context.Background()
		w := b.open(t, store.Options{})
		if err := save(ctx, w, "1"); err != nil {
			t.Fatal(err)
		}
		r := b.open(t, store.Options{ReadOnly: true})
		if err := save(ctx, w, "2"); err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{"dec-1", "dec-2"} {
			if _, err := r.GetDecision(ctx, id); err != nil {
				t.Errorf("the reader: GetDecision(%s): %v", id, err)
			}
		}
		if err := save(ctx, r, "3"); err == nil {
			t.Fatal("the reader stored a decision")
		}
		var n int
		if err := b.raw.QueryRow(`SELECT COUNT(*) FROM decisions`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 2 {
			t.Errorf("%d decisions stored; want the writer's 2", n)
		}
		// The writer is unaffected by the reader's refused write.
		if err := save(ctx, w, "4"); err != nil {
			t.Errorf("the writer after the reader's refused write: %v", err)
		}
	})
}

// TestReadersFindNoStore opens a database that holds no fenjian store (a
// fresh SQLite file, a new PostgreSQL schema) the way reading commands do:
// ErrNoStore, saying where the tables were looked for, and nothing created.
func TestReadersFindNoStore(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		opts := []store.Options{{NoMigrations: true}}
		if b.name == "postgres" { // SQLite's reader opens only an existing file
			opts = append(opts, store.Options{ReadOnly: true})
		}
		for _, o := range opts {
			s, err := store.Open(context.Background(), b.target, o)
			if err == nil {
				_ = s.Close()
			}
			if !errors.Is(err, store.ErrNoStore) || !strings.Contains(err.Error(), "no schema_migrations table") {
				t.Errorf("Open(%+v) of an empty database: %v; want ErrNoStore", o, err)
			}
			var tables int
			q := `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'`
			if b.name == "postgres" {
				q = `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '` + b.schema + `'`
			}
			if err := b.raw.QueryRow(q).Scan(&tables); err != nil {
				t.Fatal(err)
			}
			if tables != 0 {
				t.Errorf("Open(%+v) created %d tables", o, tables)
			}
		}
		// The near miss: a store that exists opens for reading.
		if err := b.open(t, store.Options{}).Close(); err != nil {
			t.Fatal(err)
		}
		b.open(t, store.Options{NoMigrations: true})
	})
}
