//go:build !unix

package store

// diskFree cannot tell here; the heartbeat write is the only check.
func diskFree(string) (uint64, bool) { return 0, false }
