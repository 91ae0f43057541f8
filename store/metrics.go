package store

import (
	"errors"

	"github.com/prometheus/client_golang/prometheus"
)

// Values of the operation label of fenjian_store_write_errors_total.
const (
	// opBatch counts shared transactions that failed and were retried one
	// decision at a time; a rise means group commit is not sharing syncs.
	opBatch = "batch"
	// opSave counts decisions whose caller got an error: the number to alert on.
	opSave = "save"
)

// metrics are the store's Prometheus instruments. Labels are bounded: never a
// decision or filing id.
type metrics struct {
	batchSize      prometheus.Histogram
	commitDuration prometheus.Histogram
	writeErrors    *prometheus.CounterVec
	assignments    *prometheus.CounterVec
	listening      prometheus.Gauge
	// SQLite's background WAL checkpoints (checkpointer).
	checkpointDuration prometheus.Histogram
	checkpointPages    prometheus.Counter
}

// newMetrics builds the store's metrics and registers them with reg when reg
// is not nil. A collector already registered by an earlier store on the same
// registry (a reopen in the same process) is reused rather than refused, so
// counters continue instead of Open failing.
func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		batchSize: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "fenjian_store_commit_batch_size",
			Help: "Writes (decisions, outcomes, designated assignments) per database transaction attempted (group commit; failed batches are retried as transactions of one).",
			// 1, 2, 4, ... 512: covers MaxBatch's default of 256.
			Buckets: prometheus.ExponentialBuckets(1, 2, 10),
		}),
		commitDuration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "fenjian_store_commit_duration_seconds",
			Help: "Time to write and commit one group-commit transaction, audit chain and sync included.",
			// 50µs to ~1.6s: an fsync on an idle SSD up to a stalled disk.
			Buckets: prometheus.ExponentialBuckets(0.00005, 2, 16),
		}),
		writeErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_store_write_errors_total",
			Help: "Failed writes: operation=batch for shared transactions retried per write, operation=save for writes (decisions, outcomes, assignments) not stored.",
		}, []string{"operation"}),
		assignments: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fenjian_store_assignments_total",
			Help: "Assignments recorded: kind=random for teams drawn (with the decision, or again after a conversion the team does not take), kind=designated for designated assignments, kind=unrouted for conversions no team could take (a president must designate one).",
		}, []string{"kind"}),
		listening: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "fenjian_store_feed_listening",
			Help: "1 while a PostgreSQL store's LISTEN connection, which wakes team feeds on other replicas' commits, is up; 0 while it reconnects (feeds catch up when it is back). Always 0 on SQLite, which has no other replicas.",
		}),
		checkpointDuration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "fenjian_store_checkpoint_duration_seconds",
			Help:    "Time of one background WAL checkpoint pass on SQLite: copying WAL frames into the database file and syncing it. Not part of any commit, but it shares the disk (and the file system's journal) with the commits' WAL syncs. Always empty on PostgreSQL.",
			Buckets: prometheus.ExponentialBuckets(0.00005, 2, 16),
		}),
		checkpointPages: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "fenjian_store_checkpoint_pages_total",
			Help: "WAL frames copied into the database file by background checkpoints on SQLite.",
		}),
	}
	// Initialise every series so dashboards and alerts see 0, not absence.
	m.writeErrors.WithLabelValues(opBatch)
	m.writeErrors.WithLabelValues(opSave)
	m.assignments.WithLabelValues("random")
	m.assignments.WithLabelValues("designated")
	m.assignments.WithLabelValues("unrouted")
	if reg == nil {
		return m, nil
	}
	var err error
	if m.batchSize, err = register(reg, m.batchSize); err != nil {
		return nil, err
	}
	if m.commitDuration, err = register(reg, m.commitDuration); err != nil {
		return nil, err
	}
	if m.writeErrors, err = register(reg, m.writeErrors); err != nil {
		return nil, err
	}
	if m.assignments, err = register(reg, m.assignments); err != nil {
		return nil, err
	}
	if m.listening, err = register(reg, m.listening); err != nil {
		return nil, err
	}
	if m.checkpointDuration, err = register(reg, m.checkpointDuration); err != nil {
		return nil, err
	}
	if m.checkpointPages, err = register(reg, m.checkpointPages); err != nil {
		return nil, err
	}
	return m, nil
}

// walMetrics say whether a SQLite store's WAL is being checkpointed: with
// the writer's autocheckpoint off, the checkpointer is all that keeps the
// WAL from growing until the disk is full, and the pass metrics above say
// nothing when no pass succeeds (the duration histogram counts successful
// passes, and stays empty on PostgreSQL too, so its silence cannot be told
// from a PostgreSQL store's). Registered by a writable SQLite store only,
// before the checkpointer starts: a checkpointer that never runs leaves the
// last success at 0, which the alert sees as long ago.
type walMetrics struct {
	lastSuccess prometheus.Gauge
	failures    prometheus.Counter
	frames      prometheus.Gauge
}

// newWALMetrics builds the WAL's metrics and registers them with reg when
// reg is not nil, reusing those of an earlier store on the same registry.
func newWALMetrics(reg prometheus.Registerer) (*walMetrics, error) {
	m := &walMetrics{
		lastSuccess: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "fenjian_store_checkpoint_last_success_timestamp_seconds",
			Help: "SQLite only: Unix time of the last background WAL checkpoint pass that succeeded; 0 before the first. Passes run every 50 ms: an old value means the WAL is growing uncopied.",
		}),
		failures: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "fenjian_store_checkpoint_failures_total",
			Help: "SQLite only: background WAL checkpoint passes that failed (the error is logged once per failing spell).",
		}),
		frames: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "fenjian_store_wal_frames",
			Help: "SQLite only: frames in the WAL at the last successful checkpoint pass (a frame is a page plus 24 bytes). Near 0 when checkpoints keep up; it grows while a reader's long transaction keeps the WAL from restarting.",
		}),
	}
	if reg == nil {
		return m, nil
	}
	var err error
	if m.lastSuccess, err = register(reg, m.lastSuccess); err != nil {
		return nil, err
	}
	if m.failures, err = register(reg, m.failures); err != nil {
		return nil, err
	}
	if m.frames, err = register(reg, m.frames); err != nil {
		return nil, err
	}
	return m, nil
}

// register registers c with reg, or returns the identical collector that is
// already registered.
func register[C prometheus.Collector](reg prometheus.Registerer, c C) (C, error) {
	err := reg.Register(c)
	if err == nil {
		return c, nil
	}
	if are, ok := errors.AsType[prometheus.AlreadyRegisteredError](err); ok {
		if existing, ok := are.ExistingCollector.(C); ok {
			return existing, nil
		}
	}
	return c, err
}
