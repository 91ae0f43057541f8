package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fenjian/fenjian/store"
)

// TestProbe checks that Probe goes through the write path: it succeeds on a
// healthy store, fails with ErrUnavailable within its deadline while another
// session holds the database's write lock (the writer would stall there
// too), succeeds again once the lock is released, and fails after Close.
func TestProbe(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		ctx := context.Background()
		if err := s.Probe(ctx); err != nil {
			t.Fatalf("Probe on a healthy store: %v", err)
		}

		// What a session stranded mid-write holds: SQLite's write lock, or
		// PostgreSQL's lock on the audit chain's head, which every write
		// transaction takes first.
		if b.name == "postgres" {
			b.lockWrites = []string{"BEGIN", "SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE"}
		}
		release := b.holdWriteLock(t)
		pctx, cancel := context.WithTimeout(ctx, time.Second)
		start := time.Now()
		err := s.Probe(pctx)
		cancel()
		if !errors.Is(err, store.ErrUnavailable) {
			t.Errorf("Probe while writes are locked out = %v, want ErrUnavailable", err)
		}
		if took := time.Since(start); took > 3*time.Second {
			t.Errorf("Probe while writes are locked out took %v, want about its 1s deadline", took)
		}
		release()
		if err := s.Probe(ctx); err != nil {
			t.Errorf("Probe after the lock is released: %v", err)
		}

		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if err := s.Probe(ctx); !errors.Is(err, store.ErrUnavailable) {
			t.Errorf("Probe after Close = %v, want ErrUnavailable", err)
		}
	})
}

// TestProbeDiskFloor checks the SQLite free-space floor: a floor above what
// any disk here has makes Probe fail, naming the file.
func TestProbeDiskFloor(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fenjian.db")
	s, err := store.OpenSQLite(context.Background(), path, store.Options{MinFreeBytes: 1 << 62})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Probe(context.Background())
	if !errors.Is(err, store.ErrUnavailable) || !strings.Contains(err.Error(), path) {
		t.Errorf("Probe below the free-space floor = %v, want ErrUnavailable naming %s", err, path)
	}
}

// TestProbeFileGone checks that a SQLite store whose database file was
// deleted (with its directory, as a cleanup would) or had another file moved
// over it reports ErrUnavailable, naming the path: its open descriptors still
// commit to the old file, so without the check every write, the heartbeat
// included, succeeds into a file that vanishes when the process exits.
func TestProbeFileGone(t *testing.T) {
	tests := []struct {
		name string
		// lose makes path, in its own directory dir, name no file or
		// another one.
		lose func(t *testing.T, dir, path string)
	}{
		{"directory removed", func(t *testing.T, dir, _ string) {
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
		}},
		{"file removed", func(t *testing.T, _, path string) {
			for _, p := range []string{path, path + "-wal", path + "-shm"} {
				if err := os.Remove(p); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{"another file moved over it", func(t *testing.T, dir, path string) {
			other := filepath.Join(dir, "restored.db")
			if err := os.WriteFile(other, nil, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(other, path); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			path := filepath.Join(dir, "fenjian.db")
			ctx := context.Background()
			s, err := store.OpenSQLite(ctx, path, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := save(ctx, s, "before"); err != nil {
				t.Fatal(err)
			}
			if err := s.Probe(ctx); err != nil {
				t.Fatalf("Probe on a healthy store: %v", err)
			}
			tt.lose(t, dir, path)
			err = s.Probe(ctx)
			if !errors.Is(err, store.ErrUnavailable) || !strings.Contains(err.Error(), path) {
				t.Errorf("Probe after the file was lost = %v, want ErrUnavailable naming %s", err, path)
			}
			// A caller that ignores readiness gets no acknowledgement for a
			// decision only the lost file would hold.
			if err := save(ctx, s, "after"); !errors.Is(err, store.ErrUnavailable) {
				t.Errorf("save after the file was lost = %v, want ErrUnavailable", err)
			}
		})
	}
}

// TestOpenCorruptSQLite checks that OpenSQLite refuses a damaged file with
// ErrCorrupt and an error naming it, rather than serving on it.
func TestOpenCorruptSQLite(t *testing.T) {
	tests := []struct {
		name string
		// damage changes the closed database file at path.
		damage func(t *testing.T, path string)
	}{
		{"header overwritten", func(t *testing.T, path string) {
			overwrite(t, path, 0, 100)
		}},
		{"pages overwritten", func(t *testing.T, path string) {
			// Leave the header and the schema page (page 1) intact so the
			// file opens; scribble over the b-tree pages after it.
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			overwrite(t, path, 4096+512, fi.Size()-4096-1024)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "fenjian.db")
			ctx := context.Background()
			s, err := store.OpenSQLite(ctx, path, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i := range 200 {
				if err := save(ctx, s, "dec-"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+time.Now().Format("150405.000000000")); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Close(); err != nil { // checkpoints the WAL into the file
				t.Fatal(err)
			}
			tt.damage(t, path)

			s, err = store.OpenSQLite(ctx, path, store.Options{})
			if err == nil {
				s.Close()
				t.Fatal("OpenSQLite on a corrupt file succeeded")
			}
			if !errors.Is(err, store.ErrCorrupt) || !strings.Contains(err.Error(), path) {
				t.Errorf("OpenSQLite on a corrupt file = %v, want ErrCorrupt naming %s", err, path)
			}
			t.Logf("refused with: %v", err)
		})
	}
}

// overwrite writes n bytes of a fixed non-zero pattern at off in path.
func overwrite(t *testing.T, path string, off, n int64) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt([]byte(strings.Repeat("\xa5", int(n))), off); err != nil {
		t.Fatal(err)
	}
}
