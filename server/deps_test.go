package server

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/fenjian/fenjian/classifier"
	"github.com/fenjian/fenjian/rules"
	"github.com/fenjian/fenjian/store"
	"github.com/fenjian/fenjian/triage"
)

// openStore opens the real SQLite store on path and closes it at the end of
// the test (closing twice is harmless).
func openStore(t testing.TB, path string) *store.SQLite {
	t.Helper()
	st, err := store.OpenSQLite(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

func tempDB(t testing.TB) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "fenjian.db")
}

// newDecider returns the real triage engine: the embedded rules and the
// baseline scorer the service runs with by default.
func newDecider(t testing.TB) Decider {
	t.Helper()
	r, err := rules.Default()
	if err != nil {
		t.Fatalf("rules.Default: %v", err)
	}
	return triage.New(r, classifier.NewBaseline())
}
