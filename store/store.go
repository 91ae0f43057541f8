// Package store is fenjian's durable, append-only record: triage decisions,
// the outcomes courts record on top of them, the assignments of cases to
// teams, and the audit chain over all three (docs/architecture.md).
//
// The service promises that a decision is recorded before it is returned
// (docs/architecture.md, Request path): a client never holds a decision id the store lacks. So
// every save returns only after its transaction has been committed and
// synced to stable storage, and every failure to reach the database is
// reported as ErrUnavailable, which the server maps to gRPC UNAVAILABLE
// instead of answering with an unrecorded decision (docs/architecture.md, Targets).
//
// Syncing once per decision caps the service at a few thousand decisions a
// second (docs/architecture.md, Targets), so writes use group commit: one writer goroutine owns
// the write connection, and every write that arrives while a commit is in
// flight goes into the next transaction, so many callers share one sync. If
// a shared transaction fails, its writes are retried one per transaction so
// that one bad write (a duplicate id, say) fails only its own caller.
//
// Every write transaction begins by locking the audit chain's head (see
// audit.go): PostgreSQL takes SELECT … FOR UPDATE on the one-row audit_head
// table, SQLite's BEGIN IMMEDIATE already holds the file's write lock. Under
// that lock the transaction appends one audit_log row per record, hashing
// the record's row and the previous row's hash, and stores the new head. So
// the chain is one total order across replicas, its seqs commit in order
// (an assignment's seq is its team feed's cursor, and a follower resuming
// after a cursor cannot miss a later commit with a smaller one), and every
// change of team_load, the per-team, per-month count that random draws check
// capacity against, is serialised: two replicas cannot both take a team's
// last place. One lock per batch, like one sync per batch.
//
// SaveTriage draws the team inside the decision's transaction, so a decision
// is never recorded with a place its team does not have, nor a place taken
// for a decision that was not recorded. The draw is routing.Pick, made with
// the loads read under the chain lock; the store records its seed, every
// candidate's capacity and load, and the algorithm, so RedrawAssignments
// (triagectl audit redraw) can re-run it and check the loads against the
// assignments before it.
//
// Decisions, outcomes, assignments and audit rows are never updated or
// deleted: the code has no such statement and the schema refuses them
// (docs/architecture.md); team_load and audit_head are the only mutable tables, and
// VerifyAudit checks both against the records. Each row keeps its record as
// a deterministic protobuf encoding, plus a few copied columns that exports,
// feeds and reports filter on without decoding the blobs.
//
// The schema evolves through numbered migrations embedded in the binary, one
// directory per SQL dialect, with the same version numbers and meaning in
// each. SQLite, through the pure-Go driver modernc.org/sqlite (no cgo), is the
// embedded default; PostgreSQL, through pgx (pure Go too), serves several
// replicas from one record with the same schema and the same test suite.
// Dialect-specific text (placeholders, column types, triggers, error codes) is
// kept in a dialect value and the migration files, so the group-commit
// writer, the write transaction, the migration runner and the reads are
// shared; each dialect adds only how to open its database and how to insert
// a batch's rows.
package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// Store is the record the service writes before it answers: SaveDecision
// returns only once the decision is durably committed, so a client never
// holds a decision id the store lacks (docs/architecture.md, Request path). *SQLite and *Postgres
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
	// Probe reports whether the store can record, by committing a
	// heartbeat through the write path (see probe.go), for readiness.
	Probe(ctx context.Context) error
	// Close flushes queued decisions and releases the database.
	Close() error
	// SchemaVersion returns the highest migration applied to the database.
	SchemaVersion(ctx context.Context) (int, error)

	// SaveTriage records d like SaveDecision and, when plan has eligible
	// teams, draws one of them for the case inside the decision's own
	// transaction: it reads the teams' load for the intake month of
	// d.filed_on (or f.filed_on), draws among plan's teams by routing.Pick
	// (weighted by free capacity, capacity minus assigned), takes one unit
	// of the drawn team's capacity (redrawing if a team is found full after
	// all) and records the assignment (kind RANDOM, procedure =
	// d.recommended, the draw's record, cursor = its audit seq). d.Assignment is set before the decision is encoded, so the
	// stored decision carries it. When no team has free capacity, or plan
	// has no teams, the decision is stored unassigned with needs_review set
	// and plan.NoTeam appended to its review_reasons; with teams, the draw
	// that found no room is recorded as d.unassigned_draw. A nil plan is
	// SaveDecision. On success d holds what was stored (assignment, review
	// flag and reasons); on failure it is unchanged. Capacity holds across
	// replicas: every write transaction takes the audit chain's lock.
	SaveTriage(ctx context.Context, d *triagev1.Decision, f *triagev1.Filing, plan *AssignmentPlan) error
	// SaveAssignment records a designated assignment of a recorded decision
	// to a team (kind DESIGNATED; reason required). It counts into the
	// team's load without a capacity check: designation is the logged
	// exception (docs/architecture.md, Routing). It sets a's assignment_id, kind,
	// assigned_at, cursor and previous_team_id (the team the case leaves), and filing_id and procedure when empty (the
	// procedure in force: the last outcome's, else the recommendation). An
	// unknown decision fails with ErrNotFound; a designation to the team
	// the case is already with (its latest assignment's) fails with
	// ErrSameTeam and records nothing.
	SaveAssignment(ctx context.Context, a *triagev1.Assignment) error
	// SaveOutcome records what the court applied to a recorded decision and
	// sets o's outcome_id and recorded_at. An unknown decision fails with
	// ErrNotFound. The store records; the law is checked by its caller.
	SaveOutcome(ctx context.Context, o *triagev1.Outcome) error
	// SaveOutcomeAfter is SaveOutcome for a caller that checked o against
	// the prior outcomes it read: inside the write transaction, under the
	// chain lock that orders all replicas, it fails with ErrConflict unless
	// the decision still has exactly prior outcomes, so two replicas cannot
	// both record a "first" outcome.
	SaveOutcomeAfter(ctx context.Context, o *triagev1.Outcome, prior int) error
	// SaveConversion is SaveOutcomeAfter for an outcome that changes the
	// procedure. In the same transaction, when the case's team (its latest
	// assignment's) is not in plan.Keep, it draws the case again among
	// plan.Draw's teams, like SaveTriage (kind RANDOM, the draw recorded,
	// one unit of the drawn team's capacity for the decision's intake
	// month), or, when none has room, records an UNROUTED assignment (no
	// team, no load) for a president to designate one. Either has
	// previous_team_id, outcome_id and plan.Reason set, and is returned; nil
	// when the case stays (no team, or a team in Keep). A nil plan is
	// SaveOutcomeAfter.
	SaveConversion(ctx context.Context, o *triagev1.Outcome, prior int, plan *ReroutePlan) (*triagev1.Assignment, error)
	// GetFiling returns the filing recorded with decision decisionID,
	// ErrNotFound for an unknown decision.
	GetFiling(ctx context.Context, decisionID string) (*triagev1.Filing, error)
	// ListOutcomes returns a decision's outcomes in the order recorded,
	// ErrNotFound for an unknown decision.
	ListOutcomes(ctx context.Context, decisionID string) ([]*triagev1.Outcome, error)
	// GetCase returns decision decisionID with its outcomes and its
	// assignments, each in recording order, read in one snapshot;
	// ErrNotFound for an unknown decision.
	GetCase(ctx context.Context, decisionID string) (*CaseHistory, error)
	// GetCaseByFiling is GetCase for the first decision stored for filing
	// filingID (its filing key: any spelling of the same case number);
	// ErrNotFound for a filing without one.
	GetCaseByFiling(ctx context.Context, filingID string) (*CaseHistory, error)
	// ListAssignments returns up to limit (1..10,000) of a team's feed
	// after afterCursor (0: from the start), in cursor order: the
	// assignments to the team and those that moved one of its cases away
	// from it (previous_team_id is the team). Cursors commit in order across replicas, so
	// a follower that resumes after the last cursor it saw misses nothing
	// and sees nothing twice.
	ListAssignments(ctx context.Context, teamID string, afterCursor int64, limit int) ([]*triagev1.Assignment, error)
	// TeamChanges returns a channel that is closed after the next commit
	// that puts a row on team's feed (or when the store closes, or when
	// commits may have been missed: a PostgreSQL store's LISTEN connection
	// was lost and is back). Take it before reading with ListAssignments,
	// then wait on it: no commit falls in between unseen. Only the teams a
	// commit touched are woken. On PostgreSQL, commits by other replicas
	// close it too (LISTEN/NOTIFY), so followers never poll.
	TeamChanges(team string) <-chan struct{}
	// ScanCases calls fn for every decision decided at or after since, in
	// decided_at order, with its filing, outcomes and latest assignment. It
	// reads a page at a time (memory stays one page; no connection is held
	// while fn runs) and stops at fn's first error, which it returns as is.
	// Decisions committed during the scan appear if they sort after its
	// position.
	ScanCases(ctx context.Context, since time.Time, fn func(CaseRecord) error) error
	// VerifyAudit walks the audit chain in seq order in one read snapshot,
	// recomputing every record's digest from its row and every chain hash,
	// and checks the head, that every record is chained and that team_load
	// counts the assignments. The report says OK, or names the first
	// problem; the error is only for failing to read.
	VerifyAudit(ctx context.Context) (VerifyReport, error)
	// RedrawAssignments replays the recorded draws (see redraw.go) of
	// decision decisionID's assignments, or of every assignment when it is
	// empty, in one read snapshot, and reports any assignment its record
	// does not explain. An unknown decision fails with ErrNotFound; the
	// error is otherwise only for failing to read.
	RedrawAssignments(ctx context.Context, decisionID string) (RedrawReport, error)
	// AuditHead returns the chain's head as audit_head holds it, for
	// signed checkpoints kept outside the database.
	AuditHead(ctx context.Context) (AuditHead, error)
	// SaveShadowScores records what a shadow model recommended for
	// recorded decisions, outside the audit chain (see ShadowScore).
	SaveShadowScores(ctx context.Context, scores []ShadowScore) error
	// ShadowAgreement counts the shadow scores of the decisions decided at
	// or after since (zero: all), by model pair, case kind and pair of
	// recommendations.
	ShadowAgreement(ctx context.Context, since time.Time) ([]ShadowCount, error)
	// AuditHashAt returns the chain hash of audit row seq, or an error
	// matching ErrNotFound when there is no such row (the chain was
	// truncated below it).
	AuditHashAt(ctx context.Context, seq int64) (string, error)
}

var (
	_ Store = (*SQLite)(nil)
	_ Store = (*Postgres)(nil)
)

// Open opens the store that target names: a postgres:// or postgresql://
// URL opens PostgreSQL (OpenPostgres), anything else is the path of a SQLite
// file (OpenSQLite). A keyword/value PostgreSQL DSN ("host=db dbname=f …") is
// refused (ErrKeywordDSN): write it as a URL, or pass it to OpenPostgres.
func Open(ctx context.Context, target string, opts Options) (Store, error) {
	if err := CheckTarget(target); err != nil {
		return nil, err
	}
	if IsPostgresURL(target) {
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

// CheckTarget refuses a target Open would not take, without opening
// anything: a keyword/value DSN (ErrKeywordDSN), white space at either end
// (ErrTargetSpace), another URL or a postgres: without //. Its errors never
// repeat the target, which may hold a password; tools that look at a
// SQLite path before Open (triagectl's read commands) call it first.
func CheckTarget(target string) error {
	if IsKeywordDSN(target) {
		// Taken as a path, it made a SQLite file named after the DSN, password
		// and all, which every log line of the store then printed; the
		// error does not repeat it.
		return ErrKeywordDSN
	}
	if strings.TrimSpace(target) != target {
		// Taken as a path, " postgres://u:pw@db/f" (a value copied with its
		// space, a secret written with echo's newline) made a directory
		// " postgres:" and served from a new SQLite file beside the
		// database the replicas share, its path, password and all, in every
		// log line of the store. The error does not repeat the target.
		return ErrTargetSpace
	}
	if IsPostgresURL(target) {
		return nil
	}
	if scheme := otherURLScheme(target); scheme != "" {
		// Taken as a path, "sqlite:/srv/f.db" would create a directory
		// "sqlite:" under the working directory and a new, empty store in it.
		// Only the scheme is named: the rest may hold a password
		// (file:f.db?_auth_pass=…, postgres:/u:pw@db/f).
		if isPostgresScheme(scheme) {
			return fmt.Errorf("store: a %s: target without // after the colon is not a PostgreSQL URL: write it postgres://user:password@host:port/database", scheme)
		}
		return fmt.Errorf("store: a %s: URL is not a store this binary opens; give a postgres:// URL or the SQLite file's path", scheme)
	}
	if scheme := colonlessPostgresScheme(target); scheme != "" {
		// Taken as a path, "postgres//u:pw@db/f" made a directory
		// "postgres" and served from a new SQLite file in it, its path,
		// password and all, in every log line of the store.
		return fmt.Errorf("store: a target beginning %s/ with an @ in it is a PostgreSQL URL without its colon: write it postgres://user:password@host:port/database", scheme)
	}
	return nil
}

// colonlessPostgresScheme returns the leading "postgres" or "postgresql"
// of a target that is a PostgreSQL URL with its colon lost
// ("postgres//u:pw@db/f"): that word as the first path element and an @
// after it, which no store file's path needs. "" for anything else:
// "postgres/fenjian.db", a directory of that name, is a path.
func colonlessPostgresScheme(target string) string {
	first, rest, ok := strings.Cut(target, "/")
	if !ok || !isPostgresScheme(first) || !strings.Contains(rest, "@") {
		return ""
	}
	return first
}

// otherURLScheme returns the scheme of a target that is not a PostgreSQL
// URL (Open has taken those) but is written as another URL (mysql://…) or
// as SQLite's own URI forms (sqlite:…, file:…), which Open does not take:
// "" for anything else, which is a path.
func otherURLScheme(target string) string {
	scheme, rest, ok := strings.Cut(target, ":")
	if !ok || scheme == "" {
		return ""
	}
	for i, r := range scheme {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (i == 0 || !(r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return ""
		}
	}
	if strings.HasPrefix(rest, "//") || strings.EqualFold(scheme, "sqlite") || strings.EqualFold(scheme, "file") ||
		isPostgresScheme(scheme) {
		return scheme
	}
	return ""
}

// IsPostgresURL reports whether target is a URL with one of the schemes
// libpq accepts, in any letter case, as URL schemes are.
func IsPostgresURL(target string) bool {
	scheme, _, ok := strings.Cut(target, "://")
	return ok && isPostgresScheme(scheme)
}

// isPostgresScheme reports whether a URL scheme is one libpq accepts, in
// any letter case.
func isPostgresScheme(scheme string) bool {
	return strings.EqualFold(scheme, "postgres") || strings.EqualFold(scheme, "postgresql")
}

// ErrSchemaBehind is returned by Open with Options.NoMigrations for a
// database whose schema is older than the binary's.
var ErrSchemaBehind = errors.New("store: the database's schema is older than this binary's")

// ErrNoStore is returned by Open with Options.NoMigrations or ReadOnly when
// the database holds no fenjian store: a mistyped path to another SQLite
// file, another database or schema (search_path) on PostgreSQL. Reading
// commands must say so rather than report an empty store.
var ErrNoStore = errors.New("store: not a fenjian store")

// ErrConflict is returned by SaveOutcomeAfter when another outcome for the
// decision was recorded after the caller read them: re-read and re-check.
var ErrConflict = errors.New("store: the decision's outcomes changed concurrently")

// ErrNotFound is returned for an unknown decision id: by GetDecision and
// ListOutcomes, and by SaveOutcome and SaveAssignment for a decision that is
// not recorded.
var ErrNotFound = errors.New("store: decision not found")

// ErrSameTeam is returned by SaveAssignment when the decision's latest
// assignment already gives it to the team designated: nothing is recorded.
// A second assignment to the same team would move nothing, yet show the case
// arriving again on the team's feed and count it twice in the team's load.
var ErrSameTeam = errors.New("store: the case is already with the team designated")

// ErrCaseMoved is returned by a write made under WithCaseTeam when the
// case's latest assignment gives it, inside the write transaction, to
// another team than the caller read: nothing is recorded. Re-read the case
// and check the entry again.
var ErrCaseMoved = errors.New("store: the case moved to another team after the caller read its team")

type caseTeamKey struct{}

// WithCaseTeam returns a context under which SaveAssignment, SaveOutcome,
// SaveOutcomeAfter and SaveConversion record only if the case's team (its
// latest assignment's, "" for none or UNROUTED) is still team, read inside
// the write transaction under the chain lock that orders every replica,
// and fail with ErrCaseMoved otherwise. A team's clerk may enter records
// only for its team's cases (server/authz.go, enteredFor): the team it was
// checked against is read before the write, and another replica's
// designation moved the case in between (outside check 28: 33 of 60
// outcomes raced against a designation on a second replica were stored
// after the case had left the clerk's team, and 52 of 60 designations by
// the clerk of the team the case had just left moved it on). The
// server's in-process case lock orders one replica's calls only.
func WithCaseTeam(ctx context.Context, team string) context.Context {
	return context.WithValue(ctx, caseTeamKey{}, team)
}

// caseTeamOf returns the team WithCaseTeam set on ctx, nil for none.
func caseTeamOf(ctx context.Context) *string {
	if t, ok := ctx.Value(caseTeamKey{}).(string); ok {
		return &t
	}
	return nil
}

// ErrUnavailable wraps every failure to write or read the database, so
// callers can map it to gRPC UNAVAILABLE: errors.Is(err, store.ErrUnavailable).
// The underlying driver error stays in the chain for logs.
var ErrUnavailable = errors.New("store: unavailable")

// ErrCommitUnknown is in the chain of a write's ErrUnavailable when its
// COMMIT reached the database but the answer was lost with the connection
// (a PostgreSQL restart or crash) and the writer could not read back,
// within LostCommitReadBack, whether it committed: the record may be stored.
// Sending the same request again by the same identity is answered with the
// stored record (replayed) if it was.
var ErrCommitUnknown = errors.New("the database did not confirm the commit, and whether it committed could not be read back")

// ErrDuplicate is returned by SaveDecision when a decision with the same id
// is already recorded. It is deliberately not ErrUnavailable: retrying will
// never succeed, and the recorded decision is never overwritten.
var ErrDuplicate = errors.New("store: decision id already recorded")

// ErrFilingDecided is returned by SaveDecision and SaveTriage for a filing
// id that already has a decision: one decision per filing, as a second
// would draw a team again and a caller could resubmit until the draw suited
// it (随机分案). The check runs inside the write transaction, under the
// chain lock every writer holds, so calls racing for one filing store one
// decision, on every replica. Errors that carry it are *FilingDecidedError,
// naming the decision stored.
var ErrFilingDecided = errors.New("store: filing already has a decision")

// FilingDecidedError is ErrFilingDecided for one filing: DecisionID is the
// decision already stored for FilingID.
type FilingDecidedError struct {
	FilingID, DecisionID string
	// StoredFilingID is the filing id DecisionID was stored under when it
	// is another spelling of FilingID (the same case number with other
	// brackets or full-width digits), "" when they are the same.
	StoredFilingID string
}

func (e *FilingDecidedError) Error() string {
	if e.StoredFilingID != "" {
		return fmt.Sprintf("store: filing %q already has decision %s, stored as filing %q", e.FilingID, e.DecisionID, e.StoredFilingID)
	}
	return fmt.Sprintf("store: filing %q already has decision %s", e.FilingID, e.DecisionID)
}

// Is makes errors.Is(err, ErrFilingDecided) hold.
func (e *FilingDecidedError) Is(target error) bool { return target == ErrFilingDecided }

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
	// NoMigrations opens only a database already at this binary's schema
	// and refuses an older one (ErrSchemaBehind) instead of migrating it:
	// for tools that read the store (triagectl stats, export, audit), which
	// an operator may run, from a newer release, against the database the
	// servers of the older one are writing. A migration there would change
	// the schema under them (since migration 15, a server older than
	// migration 14 can store no decision).
	NoMigrations bool
	// ReadOnly opens the store for reading only, and implies NoMigrations:
	// for the same tools, which data staff may run as a user who can read
	// the database but not write it, or against a copy on read-only media.
	// SQLite opens the file with mode=ro and runs no background
	// checkpoints; where its directory lets no wal-index be made (no -shm
	// file, none can be created) and no commit is waiting in a -wal file,
	// the file is read as immutable (see sqliteReadParams). PostgreSQL runs
	// every transaction read-only (default_transaction_read_only). Every
	// write then fails: the database refuses it.
	ReadOnly bool
	// Migrating, if set, is called once Open has found the schema at
	// version from, older than this binary's to, before it waits for the
	// migration lock and applies the first migration: a migration of a
	// large store takes minutes (docs/operations.md, "Startup and long
	// migrations"), and triaged reports it on /readyz meanwhile. It is not
	// called when nothing is to migrate, nor with NoMigrations or ReadOnly.
	Migrating func(from, to int)
	// MinFreeBytes is the free space on a SQLite file's file system below
	// which Probe reports the store unavailable; 0 means
	// DefaultMinFreeBytes. PostgreSQL ignores it.
	MinFreeBytes uint64

	// schemaUpTo, when above 0, stops the migrations at that version: for
	// tests that write rows the way an older binary left them and then
	// upgrade. PostgreSQL's writer needs at least filingKeyVersion.
	schemaUpTo int
	// writeTimeout, when above 0, replaces postgresWriteTimeout: for tests
	// that hold a lock past the writer's bound without waiting 10 s.
	writeTimeout time.Duration
	// busyTimeout, when above 0, replaces busyTimeout on a SQLite
	// writer's connection: for tests that hold the write lock past it
	// without waiting 5 s.
	busyTimeout time.Duration
}

// migrates reports whether Open may change the schema: not with
// NoMigrations, nor with ReadOnly, which implies it.
func (o Options) migrates() bool { return !o.NoMigrations && !o.ReadOnly }

func (o Options) minFreeBytes() uint64 {
	if o.MinFreeBytes == 0 {
		return DefaultMinFreeBytes
	}
	return o.MinFreeBytes
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
// in the user information or as a password or sslpassword parameter (libpq
// and pgx take both), a keyword/value DSN without those keywords' values, a
// SQLite path unchanged.
func Redact(target string) string {
	if IsKeywordDSN(target) {
		return redactKeywordDSN(target)
	}
	if !IsPostgresURL(target) {
		return target
	}
	return redactURL(target)
}

// redactURL replaces the password of a postgres:// URL's userinfo and the
// values of its password and sslpassword parameters with xxxxx. It reads the
// URL as libpq does (and pgx, whose parser mirrors libpq's), not as net/url:
// the userinfo runs to the first '@' before any '/', so a '#' or '?' in it
// starts no fragment or query (FuzzRedact found net/url leaving the
// password of postgres://u#x:secret@db in place), and the query starts
// after the host list and the database name.
func redactURL(target string) string {
	scheme, p, _ := strings.Cut(target, "://")
	var b strings.Builder
	b.WriteString(scheme)
	b.WriteString("://")
	if i := strings.IndexAny(p, "@/"); i >= 0 && p[i] == '@' {
		user, _, hasPassword := strings.Cut(p[:i], ":")
		b.WriteString(user)
		if hasPassword {
			b.WriteString(":xxxxx")
		}
		b.WriteByte('@')
		p = p[i+1:]
	}
	q := urlQueryStart(p)
	b.WriteString(p[:q])
	if q == len(p) {
		return b.String()
	}
	params := strings.Split(p[q+1:], "&")
	for i, pair := range params {
		if k, _, ok := strings.Cut(pair, "="); ok && secretURLParam(k) {
			params[i] = k + "=xxxxx"
		}
	}
	b.WriteByte('?')
	b.WriteString(strings.Join(params, "&"))
	return b.String()
}

// urlQueryStart is the index of the '?' that starts the query of a URL's
// part after the userinfo (len(p) when there is none), found as libpq
// finds it: past the comma-separated host[:port] list (a bracketed IPv6
// host may hold any character) and the /database.
func urlQueryStart(p string) int {
	i := 0
	for {
		if i < len(p) && p[i] == '[' {
			end := strings.IndexByte(p[i:], ']')
			if end < 0 {
				return len(p)
			}
			i += end + 1
		} else {
			j := strings.IndexAny(p[i:], ":/?,")
			if j < 0 {
				return len(p)
			}
			i += j
		}
		if i < len(p) && p[i] == ':' {
			j := strings.IndexAny(p[i+1:], "/?,")
			if j < 0 {
				return len(p)
			}
			i += 1 + j
		}
		if i < len(p) && p[i] == ',' {
			i++
			continue
		}
		break
	}
	if i < len(p) && p[i] == '/' {
		j := strings.IndexByte(p[i:], '?')
		if j < 0 {
			return len(p)
		}
		return i + j
	}
	if i < len(p) && p[i] == '?' {
		return i
	}
	return len(p)
}

// secretURLParam reports whether a URL query key, decoded as libpq decodes
// it (%XX escapes, surrounding spaces dropped, no '+'), names a password; a
// key that does not decode counts as one, so its value is never printed.
func secretURLParam(rawKey string) bool {
	name, err := url.PathUnescape(rawKey)
	if err != nil {
		return true
	}
	return isPasswordKeyword(strings.Trim(name, " "))
}

// ErrTargetSpace is returned by Open for a target with white space at its
// start or end, which is neither a URL nor a path anyone means.
var ErrTargetSpace = errors.New("store: the store target has white space at its start or end (a copied space, a secret file's newline): remove it")

// ErrKeywordDSN is returned by Open for a PostgreSQL connection string in
// libpq's keyword/value form, which Open does not take as a SQLite path.
var ErrKeywordDSN = errors.New("store: a PostgreSQL keyword/value connection string (host=… dbname=…) is not a store target: write it as a postgres:// URL")

// libpqKeywords are the connection keywords of libpq (PostgreSQL 17, "Parameter
// Key Words") that pgx reads too: a target opening with one and '=' is a
// keyword/value DSN, not a file name.
var libpqKeywords = map[string]bool{
	"host": true, "hostaddr": true, "port": true, "dbname": true, "user": true, "password": true,
	"passfile": true, "require_auth": true, "channel_binding": true, "connect_timeout": true,
	"client_encoding": true, "options": true, "application_name": true,
	"fallback_application_name": true, "keepalives": true, "keepalives_idle": true,
	"keepalives_interval": true, "keepalives_count": true, "tcp_user_timeout": true,
	"replication": true, "gssencmode": true, "sslmode": true, "requiressl": true,
	"sslnegotiation": true, "sslcompression": true, "sslcert": true, "sslkey": true,
	"sslpassword": true, "sslcertmode": true, "sslrootcert": true, "sslcrl": true,
	"sslcrldir": true, "sslsni": true, "requirepeer": true, "ssl_min_protocol_version": true,
	"ssl_max_protocol_version": true, "krbsrvname": true, "gsslib": true, "gssdelegation": true,
	"service": true, "target_session_attrs": true, "load_balance_hosts": true, "search_path": true,
}

// IsKeywordDSN reports whether target is written as a PostgreSQL keyword/value
// connection string: its first word is a libpq keyword followed by '='.
func IsKeywordDSN(target string) bool {
	key, _, ok := strings.Cut(strings.TrimLeft(target, " \t\n\r\v\f"), "=")
	if !ok {
		return false
	}
	return libpqKeywords[strings.TrimRight(key, " \t\n\r\v\f")]
}

func isPasswordKeyword(name string) bool {
	return strings.EqualFold(name, "password") || strings.EqualFold(name, "sslpassword")
}

// redactKeywordDSN replaces the values of password and sslpassword in a
// keyword/value DSN with xxxxx, quoted values ('a b', with \' and \\
// escapes) included.
func redactKeywordDSN(dsn string) string {
	var b strings.Builder
	i := 0
	for i < len(dsn) {
		for i < len(dsn) && isDSNSpace(dsn[i]) {
			b.WriteByte(dsn[i])
			i++
		}
		start := i
		for i < len(dsn) && dsn[i] != '=' && !isDSNSpace(dsn[i]) {
			i++
		}
		key := dsn[start:i]
		for i < len(dsn) && isDSNSpace(dsn[i]) {
			i++
		}
		b.WriteString(key)
		if i >= len(dsn) || dsn[i] != '=' {
			continue
		}
		b.WriteByte('=')
		i++
		for i < len(dsn) && isDSNSpace(dsn[i]) {
			i++
		}
		vstart := i
		if i < len(dsn) && dsn[i] == '\'' {
			for i++; i < len(dsn) && dsn[i] != '\''; i++ {
				if dsn[i] == '\\' {
					i++
				}
			}
			i = min(i+1, len(dsn))
		} else {
			for i < len(dsn) && !isDSNSpace(dsn[i]) {
				if dsn[i] == '\\' {
					i++
				}
				i++
			}
			i = min(i, len(dsn))
		}
		if isPasswordKeyword(key) {
			b.WriteString("xxxxx")
			// A quoted value may be followed by the next keyword with no
			// space ('a'host=db): keep the two apart.
			if i < len(dsn) && !isDSNSpace(dsn[i]) {
				b.WriteByte(' ')
			}
		} else {
			b.WriteString(dsn[vstart:i])
		}
	}
	return b.String()
}

// isDSNSpace is a space as libpq and pgx read a keyword/value string.
func isDSNSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
