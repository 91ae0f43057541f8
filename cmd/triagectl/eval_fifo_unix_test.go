//go:build unix

package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestEvalDirectoryRefusesAFIFO: a named pipe called *.jsonl in a -data
// directory is refused by name at once; opening it would wait for a writer
// that never comes (outside check 6: eval hung). Near miss: a symbolic link
// to a regular file in the directory is read.
func TestEvalDirectoryRefusesAFIFO(t *testing.T) {
	content := strings.Replace(evalData(t), "{not json\n", "", 1)
	for _, tc := range []struct {
		name    string
		make    func(t *testing.T, dir string)
		wantErr string
	}{
		{"fifo", func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, "b.jsonl"), 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
		}, "b.jsonl is not a regular file"},
		{"symlink to a file", func(t *testing.T, dir string) {
			target := writeTemp(t, "elsewhere.jsonl", content)
			if err := os.Symlink(target, filepath.Join(dir, "b.jsonl")); err != nil {
				t.Fatal(err)
			}
		}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			tc.make(t, dir)
			e, _, _ := testEnv("")
			done := make(chan error, 1)
			go func() { done <- runEval(context.Background(), e, []string{"-model", "baseline", "-data", dir}) }()
			select {
			case err := <-done:
				if tc.wantErr == "" && err != nil {
					t.Fatalf("eval: %v", err)
				}
				if tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
					t.Fatalf("eval = %v, want an error containing %q", err, tc.wantErr)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("eval still waiting after 20 s: it opened the pipe")
			}
		})
	}
}
