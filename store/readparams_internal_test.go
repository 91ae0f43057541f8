package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSQLiteReadParamsFollowLinks: a reader opens a store through a
// symbolic link in a directory it may not write, whose target's WAL holds
// commits not yet in the database file and has no -shm (the server was
// killed). SQLite keeps the -wal beside the link's target, so that is where
// it must be looked for: looked for beside the link, it was not found and
// the file was read as immutable, the WAL's commits silently missing. The
// reader is refused, as it is when it names the file itself; where it may
// create the -shm beside the target, mode=ro reads the WAL (near miss).
func TestSQLiteReadParamsFollowLinks(t *testing.T) {
	data, links := t.TempDir(), t.TempDir()
	db := filepath.Join(data, "fenjian.db")
	if err := os.WriteFile(db, []byte("db"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db+"-wal", []byte("commits"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(links, "fenjian.db")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	writable := map[string]bool{}
	orig := canCreateIn
	t.Cleanup(func() { canCreateIn = orig })
	canCreateIn = func(dir string) bool { return writable[dir] }

	for _, path := range []string{db, link} {
		params, err := sqliteReadParams(path)
		if err == nil || !strings.Contains(err.Error(), "commits not yet in the database file") {
			t.Errorf("%s, no -shm, the WAL holding commits, no directory writable: params %v, error %v; want it refused", path, params, err)
		}
	}
	realData, err := filepath.EvalSymlinks(data)
	if err != nil {
		t.Fatal(err)
	}
	writable[realData] = true
	params, err := sqliteReadParams(link)
	if err != nil || params.Get("mode") != "ro" || params.Has("immutable") {
		t.Errorf("through the link with the target's directory writable: %v, %v; want mode=ro without immutable", params, err)
	}
}

// TestSQLiteReadParamsDanglingLink: a reader pointed at a symbolic link
// whose target is gone (a backup moved away, a volume not mounted) is told
// ErrUnavailable naming the path, not handed parameters for a file SQLite
// would then fail to open, or create.
func TestSQLiteReadParamsDanglingLink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "fenjian.db")
	if err := os.Symlink(filepath.Join(dir, "moved-away.db"), link); err != nil {
		t.Fatal(err)
	}
	params, err := sqliteReadParams(link)
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "moved-away.db") && !strings.Contains(err.Error(), link) {
		t.Errorf("a link to nothing: params %v, error %v; want ErrUnavailable naming the path", params, err)
	}
	if _, statErr := os.Lstat(filepath.Join(dir, "moved-away.db")); !errors.Is(statErr, os.ErrNotExist) {
		t.Errorf("the link's target was created: %v", statErr)
	}
}

// TestCheckWritableFollowsLinks: the -wal and -shm checked before a server
// opens its store are the ones SQLite uses, beside the file a link names.
// A -wal that cannot be opened for writing (here a directory, which root
// cannot open so either) beside the target must stop the start; looked for
// beside the link, it was never found.
func TestCheckWritableFollowsLinks(t *testing.T) {
	data, links := t.TempDir(), t.TempDir()
	db := filepath.Join(data, "fenjian.db")
	if err := os.WriteFile(db, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(links, "fenjian.db")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	if err := checkWritable(link); err != nil {
		t.Fatalf("a writable store through a link: %v", err)
	}
	if err := os.Mkdir(db+"-wal", 0o700); err != nil {
		t.Fatal(err)
	}
	if err := checkWritable(link); !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), db+"-wal") {
		t.Errorf("an unwritable -wal beside the link's target: %v; want ErrUnavailable naming %s", err, db+"-wal")
	}
}
