package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// checkWritable fails when the SQLite file at abs, or its -wal or -shm
// beside it, exists and this process may not open it for writing. SQLite
// itself does not fail then: it opens the file read-only and every write
// fails later with "attempt to write a readonly database". A server started
// that way never recovers, because the connection stays read-only after the
// file's permissions are fixed (outside check 10: started as another user
// than the file's owner, it reported NOT_SERVING for good and answered every
// Triage with UNAVAILABLE); failing the start says what to fix, and the
// restart after the fix serves.
func checkWritable(abs string) error {
	// SQLite keeps the -wal and -shm beside the file a link names
	// (sqliteReadParams).
	if target, err := filepath.EvalSymlinks(abs); err == nil {
		abs = target
	}
	for _, p := range []string{abs, abs + "-wal", abs + "-shm"} {
		f, err := os.OpenFile(p, os.O_RDWR, 0)
		switch {
		case errors.Is(err, os.ErrNotExist):
			continue
		case err != nil:
			return fmt.Errorf("%w: %s is not writable by this process (uid %d): %w; the server's user must be able to write the database file, its -wal and -shm files and their directory",
				ErrUnavailable, p, os.Geteuid(), err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("%w: %s: %w", ErrUnavailable, p, err)
		}
	}
	return nil
}
