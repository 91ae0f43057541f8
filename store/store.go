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
// directory per SQL dialect, with the same version numbers and meaning in
// each. SQLite, through the pure-Go driver modernc.org/sqlite (no cgo), is the
// embedded default; PostgreSQL, through pgx (pure Go too), serves several
// replicas from one record with the same schema and the same test suite.
// Dialect-specific text (placeholders, column types, triggers, error codes) is
// kept in a dialect value and the migration files, so the group-commit
// writer, the migration runner and the reads are shared; each dialect adds
// only how to open its database and how to insert a batch.
package store

import (
	"context"
	"errors"
	"log/slog"
	"strings"

	"github.com/prometheus/client_golang/prometheus"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"net/url"
)

// Store is the record the service writes before it answers: SaveDecision
// returns only once the decision is durably committed, so a client never
// holds a decision id the store lacks (design.md §5). *SQLite and *Postgres
// implement it with the same behaviour and errors: ErrDuplicate for a
// recorded id, ErrNotFound for an unknown one, ErrUnavailable for every
// failure to reach the database, and plain errors for invalid arguments.
type Store interface {
	// SaveDecision durably records d, the decision for filing f.
	SaveDecision(ctx context.Context, d *triagev1.Decision, f *triagev1.Filing) error
	// GetDecision returns the decision recorded under decisionID.
	GetDecision(ctx context.Context, decisionID string) (*triagev1.Decision, error)
	// Ping reports whether the store can serve, for readiness probes.
	Ping(ctx context.Context) error
	// Close flushes queued decisions and releases the database.
	Close() error
	// SchemaVersion returns the highest migration applied to the database.
	SchemaVersion(ctx context.Context) (int, error)
}

var (
	_ Store = (*SQLite)(nil)
	_ Store = (*Postgres)(nil)
)

// Open opens the store that target names: a postgres:// or postgresql://
// URL opens PostgreSQL (OpenPostgres), anything else is the path of a SQLite
// file (OpenSQLite). A key=value PostgreSQL DSN is not recognised here; pass
// it to OpenPostgres, or write it as a URL.
func Open(ctx context.Context, target string, opts Options) (Store, error) {
	if isPostgresURL(target) {
		p, err := OpenPostgres(ctx, target, opts)
		if err != nil {
			return nil, err // not a typed nil inside a non-nil Store
		}
		return p, nil
	}
	s, err := OpenSQLite(ctx, target, opts)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// isPostgresURL reports whether target is a URL with one of the schemes
// libpq accepts, in any letter case, as URL schemes are.
func isPostgresURL(target string) bool {
	scheme, _, ok := strings.Cut(target, "://")
	return ok && (strings.EqualFold(scheme, "postgres") || strings.EqualFold(scheme, "postgresql"))
}

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

// Redact returns target fit for logs: a PostgreSQL URL without its password,
// a SQLite path unchanged.
func Redact(target string) string {
	if !isPostgresURL(target) {
		return target
	}
	u, err := url.Parse(target)
	if err != nil {
		return "postgres://(unparsable URL)"
	}
	return u.Redacted()
}
