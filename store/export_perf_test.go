package store

import "time"

// WriterBusy returns the writer's serial time so far, wall clock and CPU,
// and how many writes it carried, for the benchmarks' writer-µs/decision.
func WriterBusy(s Store) (wall, cpu time.Duration, writes int64) {
	var w *writer
	switch s := s.(type) {
	case *SQLite:
		w = s.writer
	case *Postgres:
		w = s.writer
	default:
		panic("WriterBusy: unknown store type")
	}
	return time.Duration(w.busy.Load()), time.Duration(w.busyCPU.Load()), w.writes.Load()
}
