//go:build !unix

package store

// diskFree cannot tell here; the heartbeat write is the only check.
func diskFree(string) (uint64, bool) { return 0, false }

// dirWritable cannot tell here: it answers yes, and SQLite's own open says
// whether the -shm file could be made.
func dirWritable(string) bool { return true }
