package store

import "database/sql"

// Hooks for the black-box tests in package store_test: they reach into the
// writer only where a test has to know what it is doing (how many saves are
// queued) or break what only its connection can break.

// QueuedSaves returns how many saves wait in s's writer queue.
func QueuedSaves(s Store) int {
	switch s := s.(type) {
	case *SQLite:
		return len(s.writer.reqs)
	case *Postgres:
		return len(s.writer.reqs)
	}
	panic("QueuedSaves: unknown store type")
}

// SQLiteWriteDB returns the writer's connection pool, whose per-connection
// settings (max_page_count) can simulate a full disk.
func SQLiteWriteDB(s *SQLite) *sql.DB { return s.write }
