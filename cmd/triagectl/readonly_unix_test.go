//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fenjian/fenjian/routing"
	"github.com/fenjian/fenjian/store"
)

// runAsTriagectl, set in the environment of this test binary, makes it run
// as triagectl itself (TestMain): the read-only tests start it as a user who
// may read the store but not write it.
const runAsTriagectl = "FENJIAN_TEST_RUN_AS_TRIAGECTL"

func TestMain(m *testing.M) {
	if os.Getenv(runAsTriagectl) == "1" {
		os.Exit(run())
	}
	os.Exit(m.Run())
}

// reader runs triagectl in a process of its own as a user who cannot write
// the files the test locks down: uid 65534 (nobody) when the tests run as
// root, whom file modes do not stop, and otherwise this user, on whom the
// read-only modes lockDown sets are enforced.
type reader struct {
	bin  string
	cred *syscall.Credential
}

func newReader(t *testing.T) *reader {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// The test binary sits in a directory only its builder may enter: the
	// other user gets a copy in one of its own.
	dir := openDir(t)
	bin := filepath.Join(dir, "triagectl")
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	r := &reader{bin: bin}
	if os.Geteuid() == 0 {
		r.cred = &syscall.Credential{Uid: 65534, Gid: 65534}
	}
	return r
}

// run runs triagectl with args and returns its exit code and output.
func (r *reader) run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, r.bin, args...)
	cmd.Env = append(os.Environ(), runAsTriagectl+"=1", "GOCOVERDIR=")
	cmd.Dir = "/"
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: r.cred}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("start triagectl %v: %v", args, err)
	}
	return code, out.String(), errb.String()
}

// openDir returns a new directory every user may enter and read, removed
// when the test ends (t.TempDir's parent lets only this user in).
func openDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "fenjian-readers-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				_ = os.Chmod(p, 0o755)
			}
			return nil
		})
		_ = os.RemoveAll(dir)
	})
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// lockDown makes dir and its files readable by every user and writable by
// none (root still may: the reader then runs as nobody).
func lockDown(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if err := os.Chmod(filepath.Join(dir, e.Name()), 0o444); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
}

// copyFiles copies the named files from one directory to another.
func copyFiles(t *testing.T, from, to string, names ...string) {
	t.Helper()
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(from, n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, n), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// readCommands are the data staff's commands that read a store, with the
// store's path in place of "DB".
var readCommands = [][]string{
	{"stats", "-store", "DB"},
	{"export", "-all", "-store", "DB", "-out", "-"},
	{"audit", "verify", "-store", "DB"},
	{"audit", "redraw", "-store", "DB"},
}

func withStore(args []string, db string) []string {
	out := slices.Clone(args)
	for i, a := range out {
		if a == "DB" {
			out[i] = db
		}
	}
	return out
}

// withoutClock drops what changes from one run to the next (when the
// audit ran) from a command's JSON output; other output is returned as is.
func withoutClock(t *testing.T, out string) string {
	t.Helper()
	var v map[string]any
	if json.Unmarshal([]byte(out), &v) != nil {
		return out
	}
	delete(v, "checked_at")
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestReadCommandsNeedNoWriteAccess runs stats, export and audit as data
// staff do: as a user who may read the store but not write its file or its
// directory, on a copy on read-only media and on the database a server is
// writing. Each answers exactly what it answers with write access; where
// SQLite cannot read the commits in a -wal file (no -shm file, and none can
// be made) the command fails, saying why and what to do, rather than answer
// without them.
func TestReadCommandsNeedNoWriteAccess(t *testing.T) {
	ctx := context.Background()
	rd := newReader(t)
	root := openDir(t)
	src := filepath.Join(root, "fixture")
	if err := os.Mkdir(src, 0o755); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(src, "fenjian.db")
	buildFixture(t, db)
	if names := dirNames(t, src); !slices.Equal(names, []string{"fenjian.db"}) {
		t.Fatalf("the closed fixture store left %v; want the database file alone", names)
	}

	// What each command answers with write access, in this process.
	want := map[string]string{}
	for _, args := range readCommands {
		e, stdout, stderr := testEnv("")
		if code := dispatch(ctx, e, withStore(args, db)); code != 0 {
			t.Fatalf("triagectl %v with write access: exit %d\n%s", args, code, stderr)
		}
		want[args[0]+" "+args[1]] = withoutClock(t, stdout.String())
	}

	// readAll runs every read command on the database at path as the
	// reader and compares its answers with the ones above.
	readAll := func(t *testing.T, path string) {
		t.Helper()
		for _, args := range readCommands {
			code, stdout, stderr := rd.run(t, withStore(args, path)...)
			if code != 0 {
				t.Errorf("triagectl %v without write access: exit %d\n%s", args, code, stderr)
				continue
			}
			if diff := cmp.Diff(want[args[0]+" "+args[1]], withoutClock(t, strings.ReplaceAll(stdout, path, db))); diff != "" {
				t.Errorf("triagectl %v without write access answers otherwise (-with +without):\n%s", args, diff)
			}
		}
	}

	t.Run("copy on read-only media", func(t *testing.T) {
		dir := filepath.Join(root, "media")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		copyFiles(t, src, dir, "fenjian.db")
		lockDown(t, dir)
		readAll(t, filepath.Join(dir, "fenjian.db"))
		if names := dirNames(t, dir); !slices.Equal(names, []string{"fenjian.db"}) {
			t.Errorf("reading left %v in the directory", names)
		}
	})

	t.Run("copy with an empty -wal", func(t *testing.T) {
		dir := filepath.Join(root, "emptywal")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		copyFiles(t, src, dir, "fenjian.db")
		if err := os.WriteFile(filepath.Join(dir, "fenjian.db-wal"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		lockDown(t, dir)
		readAll(t, filepath.Join(dir, "fenjian.db"))
	})

	// The server's database: its directory and files are the service
	// user's; the reader may only read them, while the server writes.
	live := filepath.Join(root, "live")
	if err := os.Mkdir(live, 0o755); err != nil {
		t.Fatal(err)
	}
	copyFiles(t, src, live, "fenjian.db")
	liveDB := filepath.Join(live, "fenjian.db")
	st, err := store.Open(ctx, liveDB, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		// The server may write its directory again (closing removes its
		// -wal and -shm files).
		if err := os.Chmod(live, 0o755); err != nil {
			t.Error(err)
		}
		if err := st.Close(); err != nil {
			t.Errorf("close the server's store: %v", err)
		}
	}()
	teams, err := routing.Default()
	if err != nil {
		t.Fatal(err)
	}
	decideAndSave(ctx, t, caseEngine(t), teams, st, civilFiling("(2024)辽0102民初9001号", "2024-05-06", "民间借贷纠纷", 12_000),
		beijing(2024, 5, 6, 10, 0), 99)
	if _, err := os.Stat(liveDB + "-wal"); err != nil {
		t.Fatalf("the server's store has no -wal: %v", err)
	}

	t.Run("the server's database while it writes", func(t *testing.T) {
		lockDown(t, live)
		code, stdout, stderr := rd.run(t, "stats", "-store", liveDB)
		if code != 0 {
			t.Fatalf("triagectl stats: exit %d\n%s", code, stderr)
		}
		var got, before struct {
			Overall struct {
				Cases int `json:"cases"`
			} `json:"overall"`
		}
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(want["stats -store"]), &before); err != nil {
			t.Fatal(err)
		}
		if got.Overall.Cases != before.Overall.Cases+1 {
			t.Errorf("stats counts %d cases; want the fixture's %d and the one the server just stored", got.Overall.Cases, before.Overall.Cases)
		}
		if code, _, stderr := rd.run(t, "audit", "verify", "-store", liveDB); code != 0 {
			t.Errorf("audit verify: exit %d\n%s", code, stderr)
		}
	})

	t.Run("copy with commits in its -wal and no -shm", func(t *testing.T) {
		checkUnreadableWAL(t, rd, live, filepath.Join(root, "walonly"))
	})
}

// checkUnreadableWAL copies the server's database file and its -wal (with
// commits in it), but not its -shm, from live to dir, locks dir down and
// checks that every read command fails saying why and what to do, and
// leaves nothing behind.
func checkUnreadableWAL(t *testing.T, rd *reader, live, dir string) {
	t.Helper()
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	copyFiles(t, live, dir, "fenjian.db", "fenjian.db-wal")
	if fi, err := os.Stat(filepath.Join(dir, "fenjian.db-wal")); err != nil || fi.Size() == 0 {
		t.Fatalf("the copied -wal: %v, %v; want commits in it", fi, err)
	}
	lockDown(t, dir)
	for _, args := range readCommands {
		code, stdout, stderr := rd.run(t, withStore(args, filepath.Join(dir, "fenjian.db"))...)
		if code != 1 || !strings.Contains(stderr, "fenjian.db-wal holds") || !strings.Contains(stderr, "copy the database file with its -wal") {
			t.Errorf("triagectl %v: exit %d, stderr %q; want 1 and why, with what to do", args, code, stderr)
		}
		if args[0] == "export" && stdout != "" {
			t.Errorf("triagectl export wrote %q", stdout)
		}
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"fenjian.db", "fenjian.db-wal"}) {
		t.Errorf("reading left %v in the directory", names)
	}
}
