package server

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fenjian/fenjian/internal/testpki"
)

// A TLS file that is not a regular file of a sane size stops the start
// with an error naming it: read whole, -tls-cert /dev/zero ran triaged out
// of memory (a runtime fatal error with a goroutine dump) and a named pipe
// held the start forever (outside check 7).
func TestLoadTLSBoundsFiles(t *testing.T) {
	dir := t.TempDir()
	ca := testpki.NewCA(t)
	caPEM := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(caPEM, ca.PEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	cert, key := filepath.Join(dir, "server.pem"), filepath.Join(dir, "server.key")
	ca.IssueFiles(t, "server-1", cert, key)
	big := filepath.Join(dir, "big.pem")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxTLSFileBytes + 1); err != nil { // sparse
		t.Fatal(err)
	}
	f.Close()
	fifo := filepath.Join(dir, "fifo.pem")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
	})
	if _, err := LoadTLS(TLSFiles{CertFile: cert, KeyFile: key, ClientCAFile: caPEM}, nil); err != nil {
		t.Fatalf("the regular files: %v", err)
	}
	for _, bad := range []string{big, "/dev/zero", fifo} {
		for _, tc := range []struct {
			name  string
			files TLSFiles
		}{
			{"cert", TLSFiles{CertFile: bad, KeyFile: key}},
			{"key", TLSFiles{CertFile: cert, KeyFile: bad}},
			{"client CA", TLSFiles{CertFile: cert, KeyFile: key, ClientCAFile: bad}},
		} {
			t.Run(tc.name+" "+filepath.Base(bad), func(t *testing.T) {
				done := make(chan error, 1)
				go func() { _, err := LoadTLS(tc.files, nil); done <- err }()
				select {
				case err := <-done:
					want := "not a regular file"
					if bad == big {
						want = "larger than the limit"
					}
					if err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), want) {
						t.Fatalf("LoadTLS with %s %s: %v, want an error naming it with %q", tc.name, bad, err, want)
					}
				case <-time.After(5 * time.Second):
					t.Fatalf("LoadTLS with %s %s still reading after 5s", tc.name, bad)
				}
			})
		}
	}
}
