package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestAuditVerifyRefusesWhatIsNoKey: a -checkpoint-key that is not a
// regular file, or is larger than any key, is refused with an error naming
// it, and does not hold the command up: a named pipe kept audit verify
// waiting on its read for good, past SIGTERM (outside check). The key
// audit keygen wrote still verifies.
func TestAuditVerifyRefusesWhatIsNoKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fenjian.db")
	rig := newCheckpointRig(t, testBackend{name: "sqlite", target: path, driver: "sqlite", dsn: path})
	rig.writeCheckpoint(t)
	target, cpDir := path, rig.cpDir
	verify := func(t *testing.T, key string) (int, string) {
		t.Helper()
		e, _, stderr := testEnv("")
		done := make(chan int, 1)
		go func() {
			done <- dispatch(context.Background(), e, []string{"audit", "verify", "-store", target, "-checkpoints", cpDir, "-checkpoint-key", key})
		}()
		select {
		case code := <-done:
			return code, stderr.String()
		case <-time.After(10 * time.Second):
			t.Fatalf("audit verify -checkpoint-key %s still running after 10 s", key)
			return 0, ""
		}
	}
	for _, tc := range []struct {
		name, want string
		make       func(path string) error
	}{
		{"named pipe", "not a regular file", func(path string) error { return syscall.Mkfifo(path, 0o600) }},
		{"directory", "not a regular file", func(path string) error { return os.Mkdir(path, 0o700) }},
		{"oversized file", "more than any key", func(path string) error {
			// A real key's line, padded past any key.
			b, err := os.ReadFile(rig.pub)
			if err != nil {
				return err
			}
			return os.WriteFile(path, append(b, bytes.Repeat([]byte(" "), 1<<20)...), 0o600)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			key := filepath.Join(t.TempDir(), "cp.pub")
			if err := tc.make(key); err != nil {
				t.Fatal(err)
			}
			code, stderr := verify(t, key)
			if code != 1 || !strings.Contains(stderr, key) || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, want 1 with an error naming %s: %s\n%s", code, key, tc.want, stderr)
			}
		})
	}
	// The near miss: the key keygen wrote verifies the checkpoint.
	if code, stderr := verify(t, rig.pub); code != 0 {
		t.Errorf("real key: exit %d\n%s", code, stderr)
	}
}

// TestKeygenNeverReplacesAFile runs audit keygen where PREFIX.pub already
// exists: the verifier of a key whose .key was moved away (into a Secret),
// and a symbolic link to another file. keygen wrote the .pub with
// os.WriteFile, replacing the first (the verifier the auditors' copy should
// match) and writing through the second into the file it names (outside
// check 17). Each run fails (exit 1), every existing file is as it was, and
// no PREFIX.key is left behind without its verifier.
func TestKeygenNeverReplacesAFile(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		// setup makes what is at prefix.pub and returns the files that must
		// keep their content.
		setup func(t *testing.T, dir, prefix string) map[string]string
	}{
		{name: "the verifier of a key moved away", setup: func(t *testing.T, dir, prefix string) map[string]string {
			e, _, stderr := testEnv("")
			if code := dispatch(ctx, e, []string{"audit", "keygen", "-name", "old.fenjian", "-out", prefix}); code != 0 {
				t.Fatalf("first keygen: exit %d\n%s", code, stderr)
			}
			if err := os.Rename(prefix+".key", filepath.Join(dir, "in-the-secret.key")); err != nil {
				t.Fatal(err)
			}
			return map[string]string{prefix + ".pub": readText(t, prefix+".pub")}
		}},
		{name: "a symbolic link to another file", setup: func(t *testing.T, dir, prefix string) map[string]string {
			victim := filepath.Join(dir, "victim.conf")
			if err := os.WriteFile(victim, []byte("a file keygen must not touch\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(victim, prefix+".pub"); err != nil {
				t.Fatal(err)
			}
			return map[string]string{victim: "a file keygen must not touch\n"}
		}},
		{name: "a dangling symbolic link", setup: func(t *testing.T, dir, prefix string) map[string]string {
			if err := os.Symlink(filepath.Join(dir, "elsewhere"), prefix+".pub"); err != nil {
				t.Fatal(err)
			}
			return map[string]string{}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			prefix := filepath.Join(dir, "cp")
			keep := tc.setup(t, dir, prefix)
			e, _, stderr := testEnv("")
			if code := dispatch(ctx, e, []string{"audit", "keygen", "-name", "new.fenjian", "-out", prefix}); code != 1 {
				t.Errorf("keygen over an existing %s.pub: exit %d, want 1\n%s", prefix, code, stderr)
			}
			for path, want := range keep {
				if got := readText(t, path); got != want {
					t.Errorf("%s was rewritten: %q, want %q", path, got, want)
				}
			}
			if _, err := os.Lstat(prefix + ".key"); !os.IsNotExist(err) {
				t.Errorf("%s.key left behind without its verifier: %v", prefix, err)
			}
			if _, err := os.Stat(filepath.Join(dir, "elsewhere")); !os.IsNotExist(err) {
				t.Errorf("keygen created the dangling link's target: %v", err)
			}
		})
	}
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
