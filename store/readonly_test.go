package store_test

import (
	"context"
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
