package routing_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fenjian/fenjian/internal/boundedfile"
	"github.com/fenjian/fenjian/routing"
)

// -teams naming what is not a teams file of a sane size stops the start
// with an error naming it: read whole, /dev/zero ran a triaged out of
// memory (a runtime fatal error) and a named pipe without a writer held the
// start forever (outside check 7).
func TestLoadFileBounded(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(routing.MaxFileBytes + 1); err != nil { // sparse
		t.Fatal(err)
	}
	f.Close()
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
	})
	for _, tc := range []struct {
		file, want string
		tooLarge   bool
	}{
		{big, "larger than the limit", true},
		{"/dev/zero", "not a regular file", false},
		{fifo, "not a regular file", false},
	} {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			done := make(chan error, 1)
			go func() { _, err := routing.LoadFile(tc.file); done <- err }()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.file) {
					t.Fatalf("LoadFile(%s): %v, want an error naming it with %q", tc.file, err, tc.want)
				}
				if tc.tooLarge != errors.Is(err, boundedfile.ErrTooLarge) {
					t.Fatalf("LoadFile(%s): %v: errors.Is(ErrTooLarge) = %v", tc.file, err, !tc.tooLarge)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("LoadFile(%s) still reading after 5s", tc.file)
			}
		})
	}
}
