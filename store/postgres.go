package store

import (
	"cmp"
	"context"
	"crypto/tls"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

const (
	// defaultConnectTimeout bounds one connection attempt when the DSN sets
	// no connect_timeout. Without it a host that drops packets holds a save
	// for the operating system's TCP timeout (minutes); with it an outage
	// answers UNAVAILABLE in seconds.
	defaultConnectTimeout = 5 * time.Second
	// postgresWriteTimeout bounds one group-commit transaction. A healthy
	// commit of a full batch takes milliseconds; one that takes this long
	// is stuck behind a dead peer or a held lock, and every later decision
	// waits behind it.
	postgresWriteTimeout = 10 * time.Second
)

// Postgres is a decision store in a PostgreSQL database, for running several
// replicas of the service on one record (docs/architecture.md). It has the schema,
// behaviour, methods and tests of SQLite and is safe for concurrent use. A
// write fails with ErrUnavailable also when the server is down, restarting
// or unreachable.
//
// It uses database/sql with pgx's stdlib driver rather than pgxpool: the
// migration runner, the reads, Ping and SchemaVersion are then the very code
// SQLite runs, and database/sql already discards broken connections and
// dials new ones, which is how the store recovers by itself after an outage.
// Only the writer's transaction reaches under it, to pgx's pipelines, so
// that a batch costs one round trip, two when another replica wrote since
// (postgresTx); its one statement takes each column as a PostgreSQL
// array (batchStatement), encoded by the writer's own codecs
// (postgres_arrays.go).
type Postgres struct {
	sqlStore
	// channel is the schema's feed NOTIFY channel, replica this store's id
	// in its notifications (postgres_feeds.go).
	channel, replica string
	// cache is what the writer's last commit left, for batches of one
	// round trip (postgresTx).
	cache headCache
}

// lowerScheme writes a PostgreSQL URL's scheme in lower case, the only case
// pgx reads as a URL; anything else is returned as it is. pgx took
// "POSTGRES://u:pw@db/f?a=b" for a keyword/value string and sent
// "POSTGRES://u:pw@db/f?a" to the local socket's server as a parameter
// name, whose refusal repeated it, password and all, in triaged's and
// triagectl's errors (outside check 13); Open takes the scheme in any
// case, as URL schemes are.
func lowerScheme(dsn string) string {
	if !IsPostgresURL(dsn) {
		return dsn
	}
	scheme, rest, _ := strings.Cut(dsn, "://")
	return strings.ToLower(scheme) + "://" + rest
}

// OpenPostgres connects to the PostgreSQL database named by dsn (a URL such
// as postgres://user@host:5432/db?sslmode=verify-full, or key=value pairs;
// libpq's PG* environment variables fill in what it leaves out), applies any
// pending migrations and starts the writer. ctx bounds the opening only; the
// store lives until Close. The tables go into the first schema of the
// session's search_path; set search_path in the DSN to give fenjian its own.
// A DSN without connect_timeout gets 5 seconds.
//
// Several servers may open the same database at once: migrations take an
// advisory lock, so each is applied once. OpenPostgres fails on a database
// whose schema is newer than this binary knows, on a session whose
// synchronous_commit is off (an acknowledged decision could be lost), and
// with ErrUnavailable when the database cannot be reached.
func OpenPostgres(ctx context.Context, dsn string, opts Options) (_ *Postgres, err error) {
	cfg, err := pgx.ParseConfig(lowerScheme(dsn))
	if err != nil {
		// pgconn's parse errors redact any password in dsn.
		return nil, fmt.Errorf("open postgres store: %w", err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = defaultConnectTimeout
	}
	if opts.ReadOnly {
		// The server refuses every write of these sessions, whatever the
		// role may do: a reader's mistake cannot change the record.
		cfg.RuntimeParams["default_transaction_read_only"] = "on"
	}
	d, err := postgresDialect()
	if err != nil {
		return nil, fmt.Errorf("open postgres store: %w", err)
	}
	ms, err := loadMigrations(d.migrations)
	if err != nil {
		return nil, fmt.Errorf("open postgres store: %w", err)
	}
	if opts.schemaUpTo > 0 {
		if opts.schemaUpTo < filingKeyVersion {
			return nil, fmt.Errorf("open postgres store: schema %d: the writer needs migration %d", opts.schemaUpTo, filingKeyVersion)
		}
		ms = ms[:min(opts.schemaUpTo, len(ms))]
	}
	// Never the DSN itself: it may carry a password.
	log := opts.logger().With("component", "store", "dialect", d.name,
		"host", cfg.Host, "port", cfg.Port, "database", cfg.Database)

	p := &Postgres{sqlStore: sqlStore{dialect: d, log: log}}
	defer func() {
		if err != nil {
			_ = p.closeAll() // the open error is the one to report
		}
	}()

	// The writer's pool of one connection; reads never queue behind a
	// commit for a connection, nor a commit behind reads.
	p.write, err = openPostgresDB(ctx, cfg, 1, stdlib.OptionAfterConnect(prepareWriter))
	if err != nil {
		return nil, fmt.Errorf("open postgres store: %w", err)
	}
	p.closers = append(p.closers, p.write)
	from, to, err := migrate(ctx, p.write, d, ms, log, !opts.migrates(), opts.Migrating)
	if err != nil {
		return nil, fmt.Errorf("open postgres store: %w", err)
	}
	p.read, err = openPostgresDB(ctx, cfg, max(4, runtime.GOMAXPROCS(0)))
	if err != nil {
		return nil, fmt.Errorf("open postgres store: %w", err)
	}
	p.closers = append(p.closers, p.read)
	var schema sql.NullString
	if err := p.read.QueryRowContext(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
		return nil, fmt.Errorf("open postgres store: read schema: %w: %w", ErrUnavailable, err)
	} else if !schema.Valid {
		return nil, fmt.Errorf("open postgres store: %w", errNoSchema)
	}
	p.channel = feedChannel(schema.String)
	if p.replica, err = newID(); err != nil {
		return nil, fmt.Errorf("open postgres store: %w", err)
	}
	p.writeBatch = p.writeRows
	p.newTx = func() batchTx { return &postgresTx{p: p} }
	if err := p.startWriter(cmp.Or(opts.writeTimeout, postgresWriteTimeout), opts); err != nil {
		return nil, fmt.Errorf("open postgres store: %w", err)
	}
	l := &listener{cfg: listenerConfig(cfg), channel: p.channel, replica: p.replica, feeds: p.feeds, log: log, metrics: p.writer.metrics}
	p.closers = append(p.closers, l)
	if err := startListener(ctx, l); err != nil {
		return nil, fmt.Errorf("open postgres store: %w", err)
	}
	log.InfoContext(ctx, "decision store open", "schema_version", to, "migrations_applied", to-from)
	return p, nil
}

// openPostgresDB opens a pool of at most conns connections and checks that
// one can be made.
func openPostgresDB(ctx context.Context, cfg *pgx.ConnConfig, conns int, opts ...stdlib.OptionOpenDB) (*sql.DB, error) {
	db := stdlib.OpenDB(*cfg, opts...)
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	// Connections are cheap to keep and costly to open (TLS, auth), but a
	// bounded lifetime lets a pool move to a failed-over primary behind the
	// same name and lets the server reclaim per-session memory.
	db.SetConnMaxLifetime(30 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close()
		if errors.Is(err, errNotDurable) {
			return nil, err // a configuration to fix, not an outage to wait out
		}
		// So is a server certificate that does not verify (sslrootcert
		// names another CA than the one that signed it, or its names
		// are not the host's): not ErrUnavailable, and said in the
		// operator's terms before the driver's (docs/operations.md,
		// PostgreSQL over TLS).
		var cve *tls.CertificateVerificationError
		if errors.As(err, &cve) {
			return nil, fmt.Errorf("connect: the server's TLS certificate does not verify against the CA of sslrootcert (or the system's CAs when none is given): %w", err)
		}
		return nil, fmt.Errorf("connect: %w: %w", ErrUnavailable, err)
	}
	return db, nil
}

// errNotDurable refuses a session that acknowledges commits before their WAL
// is flushed: with synchronous_commit off, a server crash loses the last
// commits, and the service would have answered with decisions the record no
// longer has (docs/architecture.md, Targets). Like SQLite's checkPragmas, durability must not
// depend on a setting nobody looked at.
var errNotDurable = errors.New("synchronous_commit is off, so commits are acknowledged before they are durable; " +
	"set it to on (or local, remote_write, remote_apply) for fenjian's role or database, or add synchronous_commit=on to the DSN")

// idleInTransactionTimeout ends a writer's session that sits inside a
// transaction this long without sending anything. Every write transaction
// holds the audit chain's lock (audit_head) until it ends, so a replica cut
// off mid-transaction by a partition would otherwise stall every other
// replica's writes until TCP keepalive noticed, which by default takes
// hours. It is longer than postgresWriteTimeout, so a live writer never
// meets it.
const idleInTransactionTimeout = 2 * postgresWriteTimeout

// prepareWriter is the write pool's AfterConnect hook: it refuses a session
// that is not durable, bounds how long a stranded session can hold the
// chain lock, and keeps the writer's statements on their indexes. Every new
// connection is checked, not only the first: a pool dials again after an
// outage and when a connection reaches its lifetime, and the role's or
// database's settings may have changed by then.
//
// Every statement the writer runs finds rows by a key (the head's id, a
// team_load key, a decision's id, the batch's filings); none needs a
// sequential scan. But the batch statement is prepared once and its
// generic plan made while decisions is small (a new database, before
// autovacuum has analysed it), when a sequential scan looks cheapest: the
// filings' guard then read the whole table in every commit (measured:
// 26 million rows read for 29,000 decisions, commits of 12 ms at 1,000
// req/s, where 1–3 ms before). enable_seqscan = off makes the planner
// take an index wherever one serves, whatever the statistics say.
//
// It also registers the batch's column codecs (registerColumnCodecs).
func prepareWriter(ctx context.Context, conn *pgx.Conn) error {
	var setting string
	if err := conn.QueryRow(ctx, "SHOW synchronous_commit").Scan(&setting); err != nil {
		return fmt.Errorf("read synchronous_commit: %w", err)
	}
	if strings.EqualFold(setting, "off") {
		return errNotDurable
	}
	_, err := conn.Exec(ctx, fmt.Sprintf("SET idle_in_transaction_session_timeout = %d", idleInTransactionTimeout.Milliseconds()))
	if err != nil {
		return fmt.Errorf("set idle_in_transaction_session_timeout: %w", err)
	}
	if _, err := conn.Exec(ctx, "SET enable_seqscan = off"); err != nil {
		return fmt.Errorf("set enable_seqscan: %w", err)
	}
	return registerColumnCodecs(conn)
}

// postgresTables describes the tables a batch inserts into, in insert order
// (decisions before the rows that refer to them), with the PostgreSQL type of
// each column in table order.
var postgresTables = []struct {
	name, columns string
	types         []string
}{
	{"decisions", decisionInsertColumns, []string{"text", "text", "text", "text", "smallint", "text", "text", "bigint", "bytea", "bytea", "text"}},
	{"assignments", assignmentColumns, []string{"text", "text", "text", "text", "text", "bigint", "bigint", "bytea", "text"}},
	{"outcomes", outcomeColumns, []string{"text", "text", "text", "text", "text", "bigint", "bigint", "bytea"}},
	{"audit_log", auditColumns, []string{"bigint", "text", "text", "text", "text", "text", "bigint"}},
}

// postgresWriteBatch holds the statement that writes a batch, by which of
// decisions, assignments and outcomes it has rows for (bit i set: table i
// of postgresTables; audit_log always has rows).
//
// A batch is one statement: for each table one array per column, unnested
// into it, and the new chain head. The text depends only on which tables
// the batch touches, never on its size: a few prepared statements at most,
// one round trip, and no ceiling from the protocol's 65,535 bind parameters
// whatever Options.MaxBatch is. Leaving out the tables a batch has no rows
// for matters: each sub-insert costs planning and executor set-up even
// empty (measured, one row: ~120 µs for decisions and audit_log alone,
// ~170 µs with all four). The sub-statements see one snapshot, and the
// foreign keys from assignments and outcomes to decisions are checked at
// the end of the statement, so a decision and its assignment travel
// together.
//
// Bit 3 adds the batch's deferred team_load writes (batch.loadChanges): one
// upsert of every changed key, guarded like SQLite's sqliteApplyLoad, whose
// rows the statement counts: when a key's guard fails, fewer rows come
// back and the statement fails (loadsChanged), which batchError reports as
// errLoadsChanged. It fails rather than reports a count because the COMMIT
// is already on its way behind it (postgresTx).
//
// Bit 4 adds the team feeds' NOTIFY (postgres_feeds.go): pg_notify of each
// payload, in this statement rather than one more round trip, run because
// the head update's condition counts its rows; PostgreSQL delivers the notifications
// when the transaction commits.
var postgresWriteBatch = func() (out [32]string) {
	for mask := range out {
		var b strings.Builder
		b.WriteString("WITH ")
		n := 0
		for i, t := range postgresTables {
			if i < 3 && mask&(1<<i) == 0 {
				continue
			}
			if n > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(&b, "t%d AS (INSERT INTO %s (%s)\n    SELECT ", i, t.name, t.columns)
			for k, typ := range t.types {
				if k > 0 {
					b.WriteString(", ")
				}
				n++
				fmt.Fprintf(&b, "unnest($%d::%s[])", n, typ)
			}
			b.WriteString(")")
		}
		var guards []string // conditions of the head update
		loads := ""         // the condition that team_load held what was read
		if mask&8 != 0 {
			fmt.Fprintf(&b, `,
tl AS (INSERT INTO team_load (team_id, period, assigned)
    SELECT team_id, period, add FROM unnest($%[1]d::text[], $%[2]d::text[], $%[3]d::bigint[], $%[4]d::bigint[]) AS k(team_id, period, add, want)
    ON CONFLICT (team_id, period) DO UPDATE SET assigned = team_load.assigned + excluded.assigned
    WHERE team_load.assigned + excluded.assigned = (SELECT k.want FROM unnest($%[1]d::text[], $%[2]d::text[], $%[4]d::bigint[]) AS k(team_id, period, want)
        WHERE k.team_id = excluded.team_id AND k.period = excluded.period)
    RETURNING 1)`, n+1, n+2, n+3, n+4)
			loads = fmt.Sprintf("(SELECT count(*) FROM tl) = cardinality($%d::text[])", n+1)
			n += 4
		}
		if mask&16 != 0 {
			fmt.Fprintf(&b, ",\nnt AS (SELECT pg_notify($%d, p) FROM unnest($%d::text[]) AS p)", n+1, n+2)
			guards = append(guards, "(SELECT count(*) FROM nt) >= 0")
			n += 2
		}
		fmt.Fprintf(&b, ",\nh AS (UPDATE audit_head SET seq = $%d, hash = $%d WHERE id = 1", n+1, n+2)
		for _, g := range guards {
			b.WriteString(" AND " + g)
		}
		b.WriteString(" RETURNING 1)\n")
		// The COMMIT travels in the same pipeline and runs unless this
		// statement fails, so what must stop the commit is an error, not a
		// count the client reads afterwards: a text cast to integer that
		// fails, naming what happened, when a guard does not hold.
		b.WriteString("SELECT (CASE WHEN (SELECT count(*) FROM h) <> 1 THEN '" + headNotUpdated + "'")
		if mask&1 != 0 {
			// $1 and $11 are the decisions' ids and filing keys (every
			// stored decision has a key since migration 0015). The
			// statement's snapshot, taken after the head lock was granted,
			// holds every decision any writer committed before; its own
			// inserts are not in it.
			b.WriteString("\n    WHEN EXISTS (SELECT 1 FROM decisions d WHERE d.filing_key = ANY($11::text[]) AND d.decision_id <> ALL($1::text[])) THEN '" + filingDecided + "'")
		}
		if loads != "" {
			b.WriteString("\n    WHEN NOT " + loads + " THEN '" + loadsChanged + "'")
		}
		b.WriteString(" ELSE '1' END)::int")
		out[mask] = b.String()
	}
	return out
}()

// batchStatement returns the statement that writes b (postgresWriteBatch)
// and its arguments.
func (p *Postgres) batchStatement(b *batch) (string, []any, error) {
	mask := 0
	args := make([]any, 0, 39)
	if n := len(b.decisions); n > 0 {
		mask |= 1
		id, filing, kind, rec := make(pgTexts, n), make(pgTexts, n), make(pgTexts, n), make(pgTexts, n)
		review, decidedAt := make(pgInts, n), make(pgInts, n)
		model, rules := make(pgTexts, n), make(pgTexts, n)
		dec, fil, key := make(pgBlobs, n), make(pgBlobs, n), make(pgTexts, n)
		for i, r := range b.decisions {
			id[i], filing[i], kind[i], rec[i] = r.decisionID, r.filingID, r.caseKind, r.recommended
			review[i], model[i], rules[i], decidedAt[i] = r.needsReview, r.modelVersion, r.rulesVersion, r.decidedAt
			dec[i], fil[i], key[i] = r.decision, r.filing, r.filingKey
		}
		args = append(args, id, filing, kind, rec, review, model, rules, decidedAt, dec, fil, key)
	}
	if n := len(b.assignments); n > 0 {
		mask |= 2
		id, dec, team, kind, per := make(pgTexts, n), make(pgTexts, n), make(pgTexts, n), make(pgTexts, n), make(pgTexts, n)
		at, seq, blob, prev := make(pgInts, n), make(pgInts, n), make(pgBlobs, n), make(pgTexts, n)
		for i, r := range b.assignments {
			id[i], dec[i], team[i], kind[i], per[i] = r.assignmentID, r.decisionID, r.teamID, r.kind, r.period
			at[i], seq[i], blob[i], prev[i] = r.assignedAt, r.seq, r.assignment, r.previousTeamID
		}
		args = append(args, id, dec, team, kind, per, at, seq, blob, prev)
	}
	if n := len(b.outcomes); n > 0 {
		mask |= 4
		id, dec, proc, change, by := make(pgTexts, n), make(pgTexts, n), make(pgTexts, n), make(pgTexts, n), make(pgTexts, n)
		at, seq, blob := make(pgInts, n), make(pgInts, n), make(pgBlobs, n)
		for i, r := range b.outcomes {
			id[i], dec[i], proc[i], change[i], by[i] = r.outcomeID, r.decisionID, r.procedure, r.change, r.decidedBy
			at[i], seq[i], blob[i] = r.recordedAt, r.seq, r.outcome
		}
		args = append(args, id, dec, proc, change, by, at, seq, blob)
	}
	{
		n := len(b.audit)
		seq, at := make(pgInts, n), make(pgInts, n)
		kind, id, sha, prev, hash := make(pgTexts, n), make(pgTexts, n), make(pgTexts, n), make(pgTexts, n), make(pgTexts, n)
		for i, r := range b.audit {
			seq[i], kind[i], id[i], sha[i], prev[i], hash[i], at[i] = r.seq, r.recordKind, r.recordID, r.recordSHA256, r.prevHash, r.hash, r.recordedAt
		}
		args = append(args, seq, kind, id, sha, prev, hash, at)
	}
	if changes := b.loadChanges(); len(changes) > 0 {
		mask |= 8
		n := len(changes)
		team, per, add, want := make(pgTexts, n), make(pgTexts, n), make(pgInts, n), make(pgInts, n)
		for i, c := range changes {
			team[i], per[i], add[i], want[i] = c.team, c.period, c.add, c.want
		}
		args = append(args, team, per, add, want)
	}
	if teams := batchFeedTeams(b); len(teams) > 0 {
		mask |= 16
		payloads, err := feedPayloads(p.replica, teams)
		if err != nil {
			return "", nil, err
		}
		args = append(args, p.channel, pgTexts(payloads))
	}
	args = append(args, b.seq, b.headHash)
	return postgresWriteBatch[mask], args, nil
}

// The messages by which the batch's statement fails when a guard does not
// hold (postgresWriteBatch), and what they are to the writer.
const (
	headNotUpdated = "fenjian: audit head not updated"
	loadsChanged   = "fenjian: team_load changed outside the chain lock"
	headMoved      = "fenjian: audit head moved"
	filingDecided  = "fenjian: a filing already has a decision"
)

// batchError turns the failure of b's statement into the writer's error:
// errLoadsChanged for the team_load guard, which makes the writer run the
// batch again with a checked increment per draw, errFilingDecided for the
// filings' guard, which makes it look each filing up, and errHeadMoved for
// postgresCheckHead, which makes it run the batch again from the head.
func batchError(b *batch, err error) error {
	if e, ok := errors.AsType[*pgconn.PgError](err); ok && e.Code == "22P02" {
		switch {
		case strings.Contains(e.Message, loadsChanged):
			return errLoadsChanged
		case strings.Contains(e.Message, headMoved):
			return errHeadMoved
		case strings.Contains(e.Message, filingDecided):
			return errFilingDecided
		}
	}
	return fmt.Errorf("insert %d records: %w", len(b.audit), err)
}

// writeRows is PostgreSQL's writeBatchFunc: b's statement on b.q, for a
// transaction begun through database/sql. The writer itself sends the
// statement in its commit's pipeline (postgresTx.commit).
func (p *Postgres) writeRows(ctx context.Context, b *batch) error {
	query, args, err := p.batchStatement(b)
	if err != nil {
		return err
	}
	if _, err := b.q.ExecContext(ctx, query, args...); err != nil {
		return batchError(b, err)
	}
	return nil
}

// postgresTx is PostgreSQL's batchTx: one or two round trips per batch,
// each a pgx pipeline on the writer's connection (pgx.Batch: the statements
// sent together, then their answers read).
//
// The one-round-trip batch, the usual one: when this writer committed the
// last batch on the record (the head it left is still the head) and knows
// the team_load count of every key the batch draws from (headCache), begin
// sends nothing; the batch is built on the cached head and counts, and
// commit sends BEGIN, the head lock with a check that the head is still the
// cached one (postgresCheckHead), the batch's statement and COMMIT
// together. A head that moved fails the check, so nothing is written and
// the batch is built again the two-round-trip way (errHeadMoved); a count
// that moved fails the statement's team_load guard (errLoadsChanged), as
// in the two-round-trip batch.
//
// The two-round-trip batch (first batch, another replica wrote since, or a
// key not seen yet): the first pipeline begins the transaction, locks the
// chain head and reads the team_load keys the batch's draws look at; the
// second writes every row, the loads and the NOTIFY in one statement
// (postgresWriteBatch) and commits.
//
// A request that reads inside the transaction (an outcome, a designation)
// does so through b.q on the same session: in a one-round-trip batch its
// first read begins the transaction and locks and checks the head first
// (upgrade), so its reads and writes are under the lock as in the other.
//
// "Stored before acknowledged" holds: the COMMIT is sent with the
// statement, but its answer is read before the writer answers anyone; if
// the statement fails, PostgreSQL skips the COMMIT (it discards a
// pipeline's messages after an error up to its Sync) and end rolls back.
type postgresTx struct {
	p    *Postgres
	conn *sql.Conn

	// optimistic: the batch is built on the cached head (seq, hash), and
	// the transaction is not begun until commit (or upgrade).
	optimistic bool
	seq        int64
	hash       string
	// begun: the transaction is open on conn, with the head locked.
	begun bool
	// stale: upgrade found the head moved; commit refuses (errHeadMoved).
	stale bool
	// used: a request ran statements of its own through b.q, which may
	// change team_load behind the batch's counts (a designation's
	// increment), so the counts are not cached after the commit.
	used bool
	// err is upgrade's failure, which commit returns.
	err error
	// committed: COMMIT succeeded.
	committed bool
}

// headCache is what the writer knows of the record after its last commit:
// the chain head it left and the team_load counts it read or wrote, exact
// for as long as the head is the one it left (every writer of team_load
// holds the chain lock and moves the head; a change outside the lock is
// caught by the batch's guard). Only the writer goroutine uses it; mu is
// for the tests that drive postgresTx beside it.
type headCache struct {
	mu    sync.Mutex
	valid bool
	seq   int64
	hash  string
	loads map[[2]string]int64
	// until is when one-round-trip batches may be tried again after the
	// head was found moved: while another replica is writing too, they
	// would mostly fail and cost a round trip more than the two-round-trip
	// batch.
	until time.Time
}

// headMovedBackoff is how long a writer that found the head moved by
// another writer keeps to two-round-trip batches.
const headMovedBackoff = time.Second

// maxCachedLoads bounds headCache.loads: keys are (team, intake month), so
// a long-lived writer meets new ones every month. Past it the cache starts
// again from the next batch's keys.
const maxCachedLoads = 4096

// take fills b's head and the loads of keys from the cache and reports
// whether it could: the cache is valid and knows every key.
func (c *headCache) take(b *batch, keys [][2]string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.valid || time.Now().Before(c.until) {
		return false
	}
	for _, k := range keys {
		if _, ok := c.loads[k]; !ok {
			return false
		}
	}
	b.zeroLoads(keys)
	for _, k := range keys {
		b.loads[k] = c.loads[k]
	}
	b.seq, b.headHash = c.seq, c.hash
	return true
}

// observe is told the head a two-round-trip batch read under the lock: the
// cached counts stay exact only if it is the head the cache holds.
func (c *headCache) observe(seq int64, hash string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.valid && (seq != c.seq || hash != c.hash) {
		c.until = time.Now().Add(headMovedBackoff)
	}
	if !c.valid || seq != c.seq || hash != c.hash {
		c.resetLocked()
	}
}

// moved is told that a one-round-trip batch found the head moved.
func (c *headCache) moved() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.until = time.Now().Add(headMovedBackoff)
}

// committed records the head and counts b left; exact false (the counts
// may not be what team_load holds) empties the cache instead.
func (c *headCache) committed(b *batch, exact bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !exact {
		c.resetLocked()
		return
	}
	if c.loads == nil || len(c.loads)+len(b.loads) > maxCachedLoads {
		c.loads = make(map[[2]string]int64, len(b.loads))
	}
	for k, v := range b.loads {
		c.loads[k] = v
	}
	c.valid, c.seq, c.hash = true, b.seq, b.headHash
}

// invalidate empties the cache: a batch failed, and what it left of the
// record is not known.
func (c *headCache) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.resetLocked()
}

// resetLocked forgets the head and the counts; c.mu is held.
func (c *headCache) resetLocked() {
	c.valid = false
	clear(c.loads)
}

// postgresCheckHead locks the chain head and fails, naming headMoved,
// unless it is still ($1, $2): the first statement of a one-round-trip
// batch, which travels in one pipeline with the batch's statement and
// COMMIT, so it must stop them with an error rather than a result.
const postgresCheckHead = `WITH h AS (SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE)
SELECT (CASE WHEN h.seq = $1 AND h.hash = $2 THEN '1' ELSE '` + headMoved + `' END)::int FROM h`

// pgxConn returns the pgx connection under a database/sql driver
// connection (sql.Conn.Raw).
func pgxConn(driverConn any) (*pgx.Conn, error) {
	c, ok := driverConn.(*stdlib.Conn)
	if !ok {
		return nil, fmt.Errorf("store: writer connection is a %T, not pgx's", driverConn)
	}
	return c.Conn(), nil
}

// pipeline sends batch on t's connection and reads its answers. A
// connection that the failure closed is handed back to database/sql as bad,
// which discards it; lost reports that.
func (t *postgresTx) pipeline(ctx context.Context, batch *pgx.Batch) (lost bool, err error) {
	rawErr := t.conn.Raw(func(driverConn any) error {
		c, cerr := pgxConn(driverConn)
		if cerr != nil {
			err = cerr
			return nil
		}
		err = c.SendBatch(ctx, batch).Close()
		if err != nil && c.IsClosed() {
			lost = true
			return driver.ErrBadConn
		}
		return nil
	})
	if err == nil && rawErr != nil {
		err = rawErr
	}
	return lost, err
}

// queueLockHead adds BEGIN and the head lock, read into seq and hash, to
// batch.
func (t *postgresTx) queueLockHead(batch *pgx.Batch, seq *int64, hash *string) {
	batch.Queue("BEGIN")
	batch.Queue(t.p.dialect.lockHead).QueryRow(func(row pgx.Row) error {
		if err := row.Scan(seq, hash); err != nil {
			return fmt.Errorf("lock audit head: %w", err)
		}
		return nil
	})
}

func (t *postgresTx) begin(ctx context.Context, b *batch, keys [][2]string) error {
	if b.deferLoads && t.p.cache.take(b, keys) {
		conn, err := t.p.write.Conn(ctx)
		if err != nil {
			return fmt.Errorf("begin: %w", err)
		}
		t.conn, t.optimistic, t.seq, t.hash = conn, true, b.seq, b.headHash
		b.q = &postgresQuerier{t: t}
		return nil
	}
	var teams, periods []string
	if len(keys) > 0 {
		teams, periods = loadKeyArrays(keys)
	}
	// Nothing is written yet, so a connection found dead (terminated while
	// idle in the pool) is retried once on a new one, as database/sql's
	// BeginTx does.
	for attempt := 0; ; attempt++ {
		conn, err := t.p.write.Conn(ctx)
		if err != nil {
			return fmt.Errorf("begin: %w", err)
		}
		t.conn, b.q = conn, &postgresQuerier{t: t}
		b.zeroLoads(keys)
		batch := &pgx.Batch{}
		t.queueLockHead(batch, &b.seq, &b.headHash)
		if len(keys) > 0 {
			batch.Queue(postgresSelectLoads, teams, periods).Query(func(rows pgx.Rows) error {
				return scanLoads(rows, b.loads)
			})
		}
		lost, err := t.pipeline(ctx, batch)
		if err == nil {
			t.begun = true
			t.p.cache.observe(b.seq, b.headHash)
			return nil
		}
		if !lost || attempt > 0 || ctx.Err() != nil {
			return fmt.Errorf("begin: %w", err)
		}
		_ = conn.Close()
		t.conn = nil
	}
}

// upgrade begins a one-round-trip batch's transaction before a request's
// own statement: BEGIN and the head lock, and the head must be the cached
// one the batch was built on (else stale, and commit refuses).
func (t *postgresTx) upgrade(ctx context.Context) error {
	t.used = true
	if !t.optimistic || t.begun || t.err != nil {
		return t.err
	}
	t.begun = true
	var seq int64
	var hash string
	batch := &pgx.Batch{}
	t.queueLockHead(batch, &seq, &hash)
	if _, err := t.pipeline(ctx, batch); err != nil {
		t.err = fmt.Errorf("begin: %w", err)
		return t.err
	}
	t.stale = seq != t.seq || hash != t.hash
	return nil
}

func (t *postgresTx) commit(ctx context.Context, b *batch) error {
	if t.err != nil {
		return t.err
	}
	if t.stale {
		t.p.cache.moved()
		return errHeadMoved
	}
	query, args, err := t.p.batchStatement(b)
	if err != nil {
		return err
	}
	batch := &pgx.Batch{}
	if !t.begun {
		batch.Queue("BEGIN")
		batch.Queue(postgresCheckHead, t.seq, t.hash)
	}
	written := false // the statement succeeded: a failure is the COMMIT's
	batch.Queue(query, args...).Exec(func(pgconn.CommandTag) error {
		written = true
		return nil
	})
	batch.Queue("COMMIT").Exec(func(tag pgconn.CommandTag) error {
		// COMMIT of a transaction that failed earlier answers ROLLBACK,
		// without an error.
		if tag.String() != "COMMIT" {
			return fmt.Errorf("transaction rolled back (%s)", tag)
		}
		return nil
	})
	lost, err := t.pipeline(ctx, batch)
	if err != nil {
		if written || lost && !pgconn.SafeToRetry(err) {
			// COMMIT went out with the rest of the pipeline and its answer
			// never came back: the server may have committed before the
			// connection died (a restart's "terminating connection due to
			// administrator command" after the commit). Answered
			// UNAVAILABLE, such a decision was stored with its draw while
			// its caller was told it was not (outside check 27: 1 of 399
			// failed calls in a restart under load). Ask the server; not
			// when pgx says nothing was sent (a connection already dead).
			switch committed, rerr := t.p.resolveLostCommit(ctx, b); {
			case rerr == nil && committed:
				t.committed = true
				t.p.cache.committed(b, false)
				t.p.log.Warn("the connection failed after COMMIT was sent; the transaction had committed, and its writes are answered as stored",
					"records", len(b.audit), "head_seq", b.seq, "err", err)
				return nil
			case rerr != nil:
				return fmt.Errorf("commit: %w: %w (read back: %v)", ErrCommitUnknown, err, rerr) //nolint:errorlint // the read-back's error is for the log
			}
		}
		if !written {
			err = batchError(b, err)
			if errors.Is(err, errHeadMoved) {
				t.p.cache.moved()
			}
			return err
		}
		return fmt.Errorf("commit: %w", err)
	}
	t.committed = true
	t.p.cache.committed(b, b.deferLoads && !t.used)
	return nil
}

// LostCommitReadBack bounds how long the writer tries to learn whether a
// transaction whose COMMIT answer was lost committed (within the writer's
// own bound on the transaction, whichever ends first): retried every
// lostCommitRetry while the server does not answer, as during a restart.
var LostCommitReadBack = 5 * time.Second

const lostCommitRetry = 100 * time.Millisecond

// resolveLostCommit reports whether b's transaction committed: whether the
// chain holds, at b's head seq, the hash b computed. It first takes the
// chain head's lock, which the lost transaction held until it ended, so
// the answer is not read while that transaction's COMMIT may still be
// under way on the server. An error means it could not be learned.
func (p *Postgres) resolveLostCommit(ctx context.Context, b *batch) (bool, error) {
	ctx, cancel := context.WithTimeout(ctx, LostCommitReadBack)
	defer cancel()
	for {
		committed, err := p.readBackCommit(ctx, b)
		if err == nil {
			return committed, nil
		}
		select {
		case <-ctx.Done():
			return false, err
		case <-time.After(lostCommitRetry):
		}
	}
}

// readBackCommit is one try of resolveLostCommit, on the read pool (the
// writer's single connection is the one that failed).
func (p *Postgres) readBackCommit(ctx context.Context, b *batch) (committed bool, err error) {
	tx, err := p.read.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("begin: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	var seq int64
	var hash string
	if err := tx.QueryRowContext(ctx, p.dialect.lockHead).Scan(&seq, &hash); err != nil {
		return false, fmt.Errorf("lock audit head: %w", err)
	}
	if seq < b.seq {
		return false, nil
	}
	err = tx.QueryRowContext(ctx, "SELECT hash FROM audit_log WHERE seq = $1", b.seq).Scan(&hash)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("read audit record %d: %w", b.seq, err)
	}
	return hash == b.headHash, nil
}

func (t *postgresTx) end(ctx context.Context) {
	if !t.committed {
		t.p.cache.invalidate()
	}
	if t.conn == nil {
		return
	}
	_ = t.conn.Raw(func(driverConn any) error {
		c, err := pgxConn(driverConn)
		if err != nil || c.IsClosed() || c.PgConn().TxStatus() == 'I' {
			return nil
		}
		// Failed, or never sent its COMMIT: roll back, or have database/sql
		// discard a connection that cannot.
		if _, err := c.Exec(ctx, "ROLLBACK"); err != nil {
			return driver.ErrBadConn
		}
		return nil
	})
	_ = t.conn.Close()
}

// postgresQuerier is a batch's b.q on PostgreSQL: the writer's session,
// which a one-round-trip batch begins (postgresTx.upgrade) before the first
// statement a request runs of its own. A failed upgrade fails the batch at
// commit; QueryRowContext, which cannot return it, runs its read anyway
// (outside a transaction, and only for a batch that will not commit).
type postgresQuerier struct{ t *postgresTx }

func (q *postgresQuerier) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if err := q.t.upgrade(ctx); err != nil {
		return nil, err
	}
	return q.t.conn.ExecContext(ctx, query, args...)
}

func (q *postgresQuerier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if err := q.t.upgrade(ctx); err != nil {
		return nil, err
	}
	return q.t.conn.QueryContext(ctx, query, args...)
}

func (q *postgresQuerier) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	_ = q.t.upgrade(ctx) // returned by commit
	return q.t.conn.QueryRowContext(ctx, query, args...)
}
