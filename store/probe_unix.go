//go:build unix

package store

import (
	"path/filepath"

	"golang.org/x/sys/unix"
)

// diskFree returns the bytes available to an unprivileged writer on the
// file system holding path's directory, and false when it cannot tell.
func diskFree(path string) (uint64, bool) {
	var st unix.Statfs_t
	if err := unix.Statfs(filepath.Dir(path), &st); err != nil {
		return 0, false
	}
	return st.Bavail * uint64(st.Bsize), true
}

// dirWritable reports whether this process may create files in dir (for
// SQLite's -wal and -shm files); access(2) answers for the real user, as
// the file system will.
func dirWritable(dir string) bool {
	return unix.Access(dir, unix.W_OK) == nil
}
