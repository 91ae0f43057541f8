package boundedfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
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
