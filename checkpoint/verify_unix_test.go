//go:build unix

package checkpoint

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fenjian/fenjian/store"
)

// TestVerifyRefusesWhatIsNoCheckpoint: an entry of the checkpoint
// directory that is not a regular file, or is larger than any checkpoint,
// fails the verification, naming it, and does not hold it up. A named pipe
// called 1.checkpoint kept triagectl audit verify waiting on its read for
// good, past SIGTERM (outside check), and a 300 MB file was read whole.
func TestVerifyRefusesWhatIsNoCheckpoint(t *testing.T) {
	ctx := context.Background()
	s, signer, verifier, head := chainAndKey(t)
	for _, tc := range noCheckpoints {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if _, _, err := Write(dir, head, signer); err != nil {
				t.Fatal(err)
			}
			odd := filepath.Join(dir, "1"+fileSuffix) // after the real one, 000…0.checkpoint
			if err := tc.make(odd); err != nil {
				t.Fatal(err)
			}
			done := make(chan struct{})
			var rep Report
			var err error
			go func() {
				defer close(done)
				rep, err = Verify(ctx, s, dir, verifier)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Verify still waiting after 10 s")
			}
			if err != nil || rep.OK || rep.File != odd || !strings.Contains(rep.Problem, tc.want) {
				t.Errorf("Verify = %+v, %v; want a problem naming %s: %s", rep, err, odd, tc.want)
			}
		})
	}
	// The near miss: the real checkpoint alone verifies.
	dir := t.TempDir()
	if _, _, err := Write(dir, head, signer); err != nil {
		t.Fatal(err)
	}
	if rep, err := Verify(ctx, s, dir, verifier); err != nil || !rep.OK {
		t.Errorf("Verify of a real checkpoint = %+v, %v", rep, err)
	}
}

// TestNewWriterRefusesWhatIsNoCheckpoint: the writer triaged starts reads
// the newest checkpoint the way Verify does, so a named pipe or an
// oversized file in the directory fails its start with the file named
// instead of holding it up; a real checkpoint there is picked up.
func TestNewWriterRefusesWhatIsNoCheckpoint(t *testing.T) {
	s, signer, _, head := chainAndKey(t)
	for _, tc := range noCheckpoints {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			odd := filepath.Join(dir, "1"+fileSuffix)
			if err := tc.make(odd); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() {
				_, err := NewWriter(dir, signer, s, nil)
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), odd) || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("NewWriter = %v; want an error naming %s: %s", err, odd, tc.want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("NewWriter still waiting after 10 s")
			}
		})
	}
	dir := t.TempDir()
	if _, _, err := Write(dir, head, signer); err != nil {
		t.Fatal(err)
	}
	if w, err := NewWriter(dir, signer, s, nil); err != nil || w.last == nil {
		t.Errorf("NewWriter over a real checkpoint = %v (last %v); want it picked up", err, w)
	}
}

// noCheckpoints are directory entries named like a checkpoint that are
// none: each must be refused, naming it, without holding the reader up.
var noCheckpoints = []struct {
	name, want string
	make       func(path string) error
}{
	{"named pipe", "not a regular file", func(path string) error { return syscall.Mkfifo(path, 0o600) }},
	{"oversized file", "more than any checkpoint", func(path string) error {
		return os.WriteFile(path, []byte(strings.Repeat("x", maxCheckpointBytes+1)), 0o600)
	}},
}

// chainAndKey opens a SQLite store in a temporary directory and makes a
// signer key: the chain, its keys and its head for the tests above.
func chainAndKey(t *testing.T) (s store.Store, signer, verifier string, head store.AuditHead) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "fenjian.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	if signer, verifier, err = GenerateKey("court.example"); err != nil {
		t.Fatal(err)
	}
	if head, err = st.AuditHead(ctx); err != nil {
		t.Fatal(err)
	}
	return st, signer, verifier, head
}
