// Package store is fenjian's durable, append-only record of triage decisions.
//
// The service promises that a decision is recorded before it is returned
// (design.md §5): a client never holds a decision id the store lacks. So
// SaveDecision returns only after the decision's transaction has been
// committed and synced to stable storage, and every failure to reach the
// database is reported as ErrUnavailable, which the server maps to gRPC
// UNAVAILABLE instead of answering with an unrecorded decision (design.md §8).
//
// Syncing once per decision caps the service at a few thousand decisions a
// second (design.md §8), so writes use group commit: one writer goroutine owns
// the write connection, and every decision that arrives while a commit is in
// flight goes into the next transaction, so many callers share one sync. If
// a shared transaction fails, its decisions are retried one per transaction
// so that one bad decision (a duplicate id, say) fails only its own caller.
//
// Decisions are never updated or deleted: the code has no such statement and
// the schema refuses them (design.md §7). Each row keeps the decision and the
// filing it answers as deterministic protobuf encodings, plus a few copied
// columns (filing id, case kind, recommendation, versions, decision time)
// that exports and reports filter on without decoding the blobs.
//
// The schema evolves through numbered migrations embedded in the binary, one
// directory per SQL dialect. SQLite, through the pure-Go driver
// modernc.org/sqlite (no cgo), is the embedded default; PostgreSQL will use
// the same schema and tests. Dialect-specific text (placeholders, column
// types, triggers, error codes) is kept in a dialect value and the migration
// files, so the group-commit writer and the migration runner are shared.
package store

import (
	"errors"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"
)

// ErrNotFound is returned by GetDecision for an unknown id.
var ErrNotFound = errors.New("store: decision not found")

// ErrUnavailable wraps every failure to write or read the database, so
// callers can map it to gRPC UNAVAILABLE: errors.Is(err, store.ErrUnavailable).
// The underlying driver error stays in the chain for logs.
var ErrUnavailable = errors.New("store: unavailable")

// ErrDuplicate is returned by SaveDecision when a decision with the same id
// is already recorded. It is deliberately not ErrUnavailable: retrying will
// never succeed, and the recorded decision is never overwritten.
var ErrDuplicate = errors.New("store: decision id already recorded")

// defaultMaxBatch bounds one group commit when Options.MaxBatch is unset: large
// enough to absorb a burst from many concurrent requests, small enough that
// one transaction stays short and a per-decision fallback stays cheap.
const defaultMaxBatch = 256

// Options configures a store. The zero value is usable: no logging, no
// metrics, batches of up to 256 decisions.
type Options struct {
	// Logger receives operational events (opening, migrations, failed
	// commits). Nil discards them. The store never logs filing contents.
	Logger *slog.Logger
	// Registerer receives the store's metrics. Nil leaves them unregistered;
	// the default Prometheus registry is never used.
	Registerer prometheus.Registerer
	// MaxBatch is the most decisions committed in one transaction; 0 or less
	// means 256.
	MaxBatch int
}

func (o Options) logger() *slog.Logger {
	if o.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return o.Logger
}

func (o Options) maxBatch() int {
	if o.MaxBatch <= 0 {
		return defaultMaxBatch
	}
	return o.MaxBatch
}
