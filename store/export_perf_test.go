package store

import (
	"context"
	"time"
)

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

// PostgresWriterPID returns the process id of the PostgreSQL backend that
// serves the writer's connection, so that a benchmark run beside the server
// can read that backend's CPU time (pg-cpu-µs/decision); ok is false for
// SQLite. Call it while the writer is idle: it borrows the writer's one
// connection.
func PostgresWriterPID(s Store) (pid uint32, ok bool) {
	p, isPG := s.(*Postgres)
	if !isPG {
		return 0, false
	}
	conn, err := p.write.Conn(context.Background())
	if err != nil {
		return 0, false
	}
	defer conn.Close()
	err = conn.Raw(func(driverConn any) error {
		c, err := pgxConn(driverConn)
		if err != nil {
			return err
		}
		pid = c.PgConn().PID()
		return nil
	})
	return pid, err == nil
}
