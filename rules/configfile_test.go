package rules_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fenjian/fenjian/internal/boundedfile"
	"github.com/fenjian/fenjian/rules"
)

// -rules and -holidays naming what is not a file of the expected size stop
// the start with an error naming it. Read whole, /dev/zero took a running
// triaged to "fatal error: out of memory" and a goroutine dump, and a named
// pipe without a writer held the start forever (outside check 7), where
// -tokens already answered "larger than 4194304 bytes".
func TestConfigFilesBounded(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(rules.MaxRulesFileBytes + 1); err != nil { // sparse
		t.Fatal(err)
	}
	f.Close()
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// Unblock a reader stuck in open, had the check not held.
		if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
	})
	loaders := map[string]func(string) error{
		"rules":    func(p string) error { _, err := rules.LoadFile(p); return err },
		"holidays": func(p string) error { _, err := rules.OpenHolidays(p); return err },
	}
	for name, load := range loaders {
		for _, tc := range []struct {
			file, want string
			tooLarge   bool
		}{
			{big, "larger than the limit", true},
			{"/dev/zero", "not a regular file", false},
			{fifo, "not a regular file", false},
			{dir, "not a regular file", false},
		} {
			t.Run(name+" "+filepath.Base(tc.file), func(t *testing.T) {
				done := make(chan error, 1)
				go func() { done <- load(tc.file) }()
				select {
				case err := <-done:
					if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.file) {
						t.Fatalf("load %s: %v, want an error naming it with %q", tc.file, err, tc.want)
					}
					if tc.tooLarge != errors.Is(err, boundedfile.ErrTooLarge) {
						t.Fatalf("load %s: %v: errors.Is(ErrTooLarge) = %v", tc.file, err, !tc.tooLarge)
					}
				case <-time.After(5 * time.Second):
					t.Fatalf("load %s still reading after 5s", tc.file)
				}
			})
		}
	}
}
