//go:build unix

// Package boundedfiletest makes the files a bounded reader
// (internal/boundedfile) must refuse, for the tests of every loader that
// reads a configuration or key file through one: a sparse regular file over
// the loader's limit, a named pipe with no writer, and a device. One fixture
// for every loader, so that each refuses the same things.
package boundedfiletest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fenjian/fenjian/internal/boundedfile"
)

// Files are the paths a bounded reader must refuse.
type Files struct {
	// TooLarge is a sparse regular file one byte over the limit.
	TooLarge string
	// FIFO is a named pipe no one writes to: read whole, it blocks forever.
	FIFO string
	// Device is /dev/zero: read whole, it never ends.
	Device string
}

// Make creates Files in a new temporary directory, named with ext (".json",
// ".pem"…) so that a loader that looks at the name takes them for its own:
// TooLarge is limit+1 bytes. When the test ends, a reader a broken loader
// left blocked opening the pipe is released.
func Make(t testing.TB, limit int64, ext string) Files {
	t.Helper()
	dir := t.TempDir()
	fs := Files{
		TooLarge: filepath.Join(dir, "big"+ext),
		FIFO:     filepath.Join(dir, "fifo"+ext),
		Device:   "/dev/zero",
	}
	f, err := os.Create(fs.TooLarge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(limit + 1); err != nil { // sparse: no disk taken
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(fs.FIFO, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if w, err := os.OpenFile(fs.FIFO, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			_ = w.Close()
		}
	})
	return fs
}

// Within runs load(path) and returns its error, failing the test when it
// has not returned after d: a loader that opens a named pipe or reads a
// device whole never returns.
func Within(t testing.TB, d time.Duration, path string, load func(string) error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- load(path) }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("still reading %s after %v", path, d)
		return nil
	}
}

// Refuses checks that load refuses each of fs's files and every path in
// more, within five seconds, with an error naming the path: over the limit
// as boundedfile.ErrTooLarge, the others as not regular files.
func Refuses(t *testing.T, fs Files, load func(string) error, more ...string) {
	t.Helper()
	for _, path := range append([]string{fs.TooLarge, fs.Device, fs.FIFO}, more...) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			err := Within(t, 5*time.Second, path, load)
			want, tooLarge := "not a regular file", path == fs.TooLarge
			if tooLarge {
				want = "larger than the limit"
			}
			if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
				t.Fatalf("load %s: %v, want an error naming it with %q", path, err, want)
			}
			if tooLarge != errors.Is(err, boundedfile.ErrTooLarge) {
				t.Fatalf("load %s: %v: errors.Is(ErrTooLarge) = %v", path, err, !tooLarge)
			}
		})
	}
}
