package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fenjian/fenjian/internal/boundedfile/boundedfiletest"
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
	hostile := boundedfiletest.Make(t, MaxTLSFileBytes, ".pem")
	if _, err := LoadTLS(TLSFiles{CertFile: cert, KeyFile: key, ClientCAFile: caPEM}, nil); err != nil {
		t.Fatalf("the regular files: %v", err)
	}
	for _, bad := range []string{hostile.TooLarge, hostile.Device, hostile.FIFO} {
		for _, tc := range []struct {
			name  string
			files TLSFiles
		}{
			{"cert", TLSFiles{CertFile: bad, KeyFile: key}},
			{"key", TLSFiles{CertFile: cert, KeyFile: bad}},
			{"client CA", TLSFiles{CertFile: cert, KeyFile: key, ClientCAFile: bad}},
		} {
			t.Run(tc.name+" "+filepath.Base(bad), func(t *testing.T) {
				err := boundedfiletest.Within(t, 5*time.Second, bad, func(string) error { _, err := LoadTLS(tc.files, nil); return err })
				want := "not a regular file"
				if bad == hostile.TooLarge {
					want = "larger than the limit"
				}
				if err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), want) {
					t.Fatalf("LoadTLS with %s %s: %v, want an error naming it with %q", tc.name, bad, err, want)
				}
			})
		}
	}
}
