//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fenjian/fenjian/store"
)

// runAsTriaged, set in the environment of this test binary, makes it run as
// triaged itself (TestMain), so that a test can start it as another user.
const runAsTriaged = "FENJIAN_TEST_RUN_AS_TRIAGED"

func TestMain(m *testing.M) {
	if os.Getenv(runAsTriaged) == "1" {
		os.Exit(run())
	}
	os.Exit(m.Run())
}

// TestServeRefusesUnwritableStore: a SQLite store its user may read but not
// write stops the start with exit code 1 and an error naming the file.
// Before, SQLite opened it read-only: triaged served NOT_SERVING, answered
// every Triage UNAVAILABLE, and went on doing so after the file's
// permissions were fixed, as the connection stayed read-only (outside check
// 10, run as nobody on a file chmod 444).
func TestServeRefusesUnwritableStore(t *testing.T) {
	dir, err := os.MkdirTemp("", "fenjian-unwritable-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = os.Chmod(dir, 0o755)
		_ = os.RemoveAll(dir)
	})
	path := filepath.Join(dir, dbFile)
	// The store stays open while triaged starts, so that its -wal and
	// -shm files are there, as a server killed or still running leaves
	// them: without them SQLite fails at once, unable to create them in a
	// directory it may not write.
	st, err := store.OpenSQLite(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	// A tokens file, so that the start has nothing else to write in dir.
	tokens, err := os.ReadFile(filepath.Join("..", "..", "auth", "testdata", "tokens.json"))
	if err != nil {
		t.Fatal(err)
	}
	tokensFile := filepath.Join(dir, "tokens.json")
	if err := os.WriteFile(tokensFile, tokens, 0o644); err != nil {
		t.Fatal(err)
	}
	// The other user gets a copy of this binary it may run.
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	binFile := filepath.Join(dir, "triaged")
	if err := os.WriteFile(binFile, bin, 0o755); err != nil {
		t.Fatal(err)
	}
	// Root is not stopped by file modes: it runs triaged as nobody, who may
	// read root's files but not write them; any other user runs it itself
	// on read-only modes.
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
	}
	// The -wal and -shm stay writable by triaged's user: only the
	// database file and the directory are not.
	for _, f := range []string{path + "-wal", path + "-shm"} {
		if cred != nil {
			if err := os.Chown(f, int(cred.Uid), int(cred.Gid)); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := os.Stat(f); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{path, tokensFile} {
		if err := os.Chmod(f, 0o444); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binFile, "-data-dir="+dir, "-tokens="+tokensFile,
		"-grpc-addr=127.0.0.1:0", "-http-addr=127.0.0.1:0")
	cmd.Env = append(os.Environ(), runAsTriaged+"=1", "GOCOVERDIR=")
	cmd.Dir = "/"
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(stderr.String(), path) ||
		!strings.Contains(stderr.String(), "not writable") {
		t.Fatalf("triaged on a store it may not write: %v (context: %v), want exit code 1 and an error naming %s as not writable\n%s",
			err, ctx.Err(), path, stderr.String())
	}
}
