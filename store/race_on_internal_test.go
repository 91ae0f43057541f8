//go:build race

package store

// raceEnabled: the race detector is on, and sync.Pool drops a quarter of
// what is put back, so allocation counts that rely on a pool do not hold.
const raceEnabled = true
