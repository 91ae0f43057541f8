package boundedfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.json")
	if err := os.WriteFile(small, []byte(`{"version":"x"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(small, link); err != nil {
		t.Fatal(err)
	}
	// Sparse: 64 MiB that take no disk.
	big := filepath.Join(dir, "big.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(64 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path, want string
		limit            int64
	}{
		{"regular file", small, "", 1 << 20},
		{"at the limit", small, "", 15},
		{"a link to a regular file", link, "", 1 << 20},
		{"over the limit", small, "larger than the limit of 14 bytes", 14},
		{"sparse file over the limit", big, "larger than the limit", 16 << 20},
		{"/dev/zero", "/dev/zero", "not a regular file but a device", 16 << 20},
		{"named pipe without a writer", fifo, "not a regular file but a named pipe", 16 << 20},
		{"directory", dir, "not a regular file but a directory", 16 << 20},
		{"missing", filepath.Join(dir, "nope"), "no such file", 16 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Read(tc.path, tc.limit)
			if tc.want == "" {
				if err != nil || string(b) != `{"version":"x"}` {
					t.Fatalf("Read = %q, %v", b, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.path) {
				t.Fatalf("Read error %v, want one naming %s with %q", err, tc.path, tc.want)
			}
			if strings.Contains(tc.want, "larger") && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("error %v does not wrap ErrTooLarge", err)
			}
		})
	}
}

// TestReadSwappedForPipe: the file is checked as opened, not by name before
// opening it. A path that is a regular file when looked at and a named pipe
// when opened (a file replaced by rename, as a certificate renewal replaces
// it) made Read's open wait for a writer forever; for a TLS certificate that
// was inside the handshake, holding the reloader's lock, so every later
// handshake waited too. Each Read here must return (with the contents or an
// error naming the pipe) while another goroutine swaps the two.
func TestReadSwappedForPipe(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tls.crt")
	regular, pipe := filepath.Join(dir, "regular"), filepath.Join(dir, "pipe")
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := os.WriteFile(regular, []byte("pem"), 0o600); err != nil {
				t.Error(err)
				return
			}
			if err := syscall.Mkfifo(pipe, 0o600); err != nil {
				t.Error(err)
				return
			}
			_ = os.Rename(regular, path)
			_ = os.Rename(pipe, path)
		}
	}()
	defer func() { close(stop); <-done }()
	for i := 0; i < 20000; i++ {
		res := make(chan error, 1)
		go func() {
			_, err := Read(path, 1<<10)
			res <- err
		}()
		select {
		case err := <-res:
			if err != nil && !errors.Is(err, os.ErrNotExist) && !strings.Contains(err.Error(), "named pipe") {
				t.Fatalf("Read %d: %v", i, err)
			}
		case <-time.After(5 * time.Second):
			// Unblock the stuck open so that the test can end.
			if w, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				w.Close()
			}
			t.Fatalf("Read %d of a path swapped between a regular file and a named pipe has not returned in 5 s: it opened the pipe", i)
		}
	}
}
