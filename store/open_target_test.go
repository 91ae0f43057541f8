package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fenjian/fenjian/store"
)

// TestOpenRefusesOtherURLs: a target written as a URL of another database,
// or as SQLite's own URI forms, is refused naming its scheme, and nothing
// is created: taken as a path, "sqlite:/srv/f.db" made a directory
// "sqlite:" under the working directory with a new, empty store in it.
// Paths with a colon later on, or a leading word that is no scheme, are
// paths.
func TestOpenRefusesOtherURLs(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	t.Chdir(dir)
	for _, target := range []string{
		"sqlite:" + filepath.Join(dir, "a.db"),
		"sqlite://" + filepath.Join(dir, "a.db"),
		"SQLite:a.db",
		"file:a.db",
		"mysql://root@127.0.0.1/test",
		"redis://127.0.0.1:6379",
	} {
		s, err := store.Open(ctx, target, store.Options{})
		if err == nil {
			_ = s.Close()
			t.Errorf("Open(%q): no error", target)
			continue
		}
		scheme, _, _ := strings.Cut(target, ":")
		if !strings.Contains(err.Error(), scheme+": URL") {
			t.Errorf("Open(%q) = %v; want the scheme %s named", target, err, scheme)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused targets left %d entries in the working directory: %v", len(entries), entries)
	}
	// Near misses: paths.
	for _, target := range []string{
		filepath.Join(dir, "x:y", "b.db"),
		"2024:c.db",
		"c.db",
	} {
		s, err := store.Open(ctx, target, store.Options{})
		if err != nil {
			t.Errorf("Open(%q): %v", target, err)
			continue
		}
		_ = s.Close()
	}
}
