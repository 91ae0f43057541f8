package store

import (
	"context"
	"database/sql"
	"log/slog"
	"time"
)

// checkpointInterval is how often the checkpointer copies the WAL into the
// database file. Short, so that each pass is short: a pass writes its pages
// to the database file and syncs it, and the writer's WAL fsyncs wait
// behind that on the same disk. At 1,000 stored decisions a second, 250 ms
// meant ~2,800 pages a pass, passes of up to 100–200 ms and open-loop p99s
// of 4–12 ms (max 76 ms); 50 ms means ~570 pages, passes under 6.4 ms and
// p99s of 4–6 ms (max 10–22 ms), at no more CPU (docs/performance.md,
// 2026-12-03 06:59–07:04 UTC). The WAL stays well under a MB between passes.
const checkpointInterval = 50 * time.Millisecond

// checkpointer runs SQLite's WAL checkpoints on its own connection, so that
// they are not part of any commit: with the writer's wal_autocheckpoint at
// 0, a COMMIT appends its pages to the WAL and fsyncs it, nothing more. A
// PASSIVE checkpoint never waits for the writer or the readers; it copies
// what it can, and once it has copied everything the writer's next
// transaction starts the WAL over from its beginning.
type checkpointer struct {
	db       *sql.DB
	metrics  *metrics
	wal      *walMetrics
	log      *slog.Logger
	interval time.Duration
	stop     context.CancelFunc
	done     chan struct{}
}

func startCheckpointer(db *sql.DB, interval time.Duration, m *metrics, wal *walMetrics, log *slog.Logger) *checkpointer {
	ctx, cancel := context.WithCancel(context.Background())
	c := &checkpointer{db: db, metrics: m, wal: wal, log: log, interval: interval, stop: cancel, done: make(chan struct{})}
	go c.run(ctx)
	return c
}

func (c *checkpointer) run(ctx context.Context) {
	defer close(c.done)
	t := time.NewTicker(c.interval)
	defer t.Stop()
	failing := false
	// What the previous pass reported: frames in the WAL and copied from
	// it. The counts restart from 0 when the writer starts the WAL over.
	var lastLog, lastCopied int
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		var busy, logFrames, copied int
		start := time.Now()
		err := c.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &logFrames, &copied)
		if err == nil {
			c.metrics.checkpointDuration.Observe(time.Since(start).Seconds())
			c.wal.lastSuccess.SetToCurrentTime()
			c.wal.frames.Set(float64(logFrames))
			if logFrames < lastLog || copied < lastCopied {
				lastCopied = 0 // a new WAL
			}
			if copied > lastCopied {
				c.metrics.checkpointPages.Add(float64(copied - lastCopied))
			}
			lastLog, lastCopied = logFrames, copied
		}
		if err != nil && ctx.Err() == nil {
			c.wal.failures.Inc()
		}
		switch {
		case err != nil && ctx.Err() == nil && !failing:
			// Logged once per failing spell: a full disk fails every
			// tick, and the commits report it to their callers anyway.
			c.log.Warn("WAL checkpoint failed; the WAL keeps growing until one succeeds", "err", err)
			failing = true
		case err == nil && failing:
			c.log.Info("WAL checkpoints succeed again")
			failing = false
		}
	}
}

// Close stops the checkpoints and waits for the one running, if any. The
// last connection to close checkpoints the WAL one final time.
func (c *checkpointer) Close() error {
	c.stop()
	<-c.done
	return nil
}
