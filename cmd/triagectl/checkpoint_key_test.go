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
