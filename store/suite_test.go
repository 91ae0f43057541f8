package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver for raw connections
	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/protobuf/types/known/timestamppb"
	_ "modernc.org/sqlite" // registers the "sqlite" driver for raw connections

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/store"
)

// backend is one database the suite runs against. Every test gets a fresh
// one: a new SQLite file, or a new PostgreSQL schema.
type backend struct {
	name string
	// schema is the PostgreSQL schema holding the test's tables, also the
	// application_name of the store's connections; "" for SQLite.
	schema string
	// target is what store.Open takes to open this test's database; every
	// store opened on it sees what earlier ones wrote.
	target string
	// raw is a direct connection to the same database, as an operator's
	// shell would have: to check what is really stored and to break things
	// the store cannot.
	raw *sql.DB
	// placeholder returns the n-th (1-based) bind parameter in raw's dialect.
	placeholder func(n int) string
	// refuseInserts makes the database reject every insert into decisions,
	// the way an operator's trigger or a CHECK a later migration adds would;
	// allowInserts undoes it.
	refuseInserts, allowInserts string
	// mutations are statements the append-only schema must refuse.
	mutations []string
	// lockWrites begins a transaction on a raw connection that stalls the
	// store's writer until it ends.
	lockWrites []string
	// allowChanges returns the statements that lift the append-only
	// triggers of a table, as an operator with the owner's rights could.
	allowChanges func(table string) string
}

// forEachStore runs test once per backend, in parallel subtests named after
// the backend. PostgreSQL runs when FENJIAN_TEST_POSTGRES is set and is
// skipped, saying so, when it is not.
func forEachStore(t *testing.T, test func(t *testing.T, b *backend)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		test(t, newSQLiteBackend(t))
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		test(t, newPostgresBackend(t))
	})
}

func newSQLiteBackend(t testing.TB) *backend {
	t.Helper()
	// A nested directory that does not exist yet: Open creates it.
	path := filepath.Join(t.TempDir(), "data", "store", "fenjian.db")
	// The raw connection opens lazily, after the store has created the file.
	raw, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = raw.Close() })
	return &backend{
		name:          "sqlite",
		target:        path,
		raw:           raw,
		placeholder:   func(int) string { return "?" },
		refuseInserts: `CREATE TRIGGER refuse BEFORE INSERT ON decisions BEGIN SELECT RAISE(ABORT, 'refused'); END`,
		allowInserts:  `DROP TRIGGER refuse`,
		mutations: []string{
			`UPDATE decisions SET recommended = 'PROCEDURE_ORDINARY' WHERE decision_id = 'dec-1'`,
			`DELETE FROM decisions WHERE decision_id = 'dec-1'`,
		},
		// SQLite has one write lock per file; BEGIN IMMEDIATE takes it.
		lockWrites: []string{"BEGIN IMMEDIATE"},
		allowChanges: func(table string) string {
			return fmt.Sprintf("DROP TRIGGER IF EXISTS %[1]s_no_update; DROP TRIGGER IF EXISTS %[1]s_no_delete", table)
		},
	}
}

func newPostgresBackend(t testing.TB) *backend {
	t.Helper()
	dsn := pgtest.DSN(t)
	schema := pgtest.NewSchema(t, dsn)
	target := pgtest.WithParams(t, dsn, map[string]string{"search_path": schema, "application_name": schema})
	if !strings.Contains(target, "://") {
		t.Skipf("%s must be a postgres:// URL for store.Open", pgtest.Env)
	}
	raw, err := sql.Open("pgx", pgtest.WithParams(t, dsn, map[string]string{"search_path": schema}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = raw.Close() })
	return &backend{
		name:        "postgres",
		schema:      schema,
		target:      target,
		raw:         raw,
		placeholder: func(n int) string { return "$" + strconv.Itoa(n) },
		refuseInserts: `CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'refused'; END $$;
CREATE TRIGGER refuse BEFORE INSERT ON decisions FOR EACH ROW EXECUTE FUNCTION refuse()`,
		allowInserts: `DROP TRIGGER refuse ON decisions; DROP FUNCTION refuse()`,
		mutations: []string{
			`UPDATE decisions SET recommended = 'PROCEDURE_ORDINARY' WHERE decision_id = 'dec-1'`,
			`DELETE FROM decisions WHERE decision_id = 'dec-1'`,
			// CASCADE: a plain TRUNCATE is refused earlier, by the foreign
			// keys of outcomes and assignments.
			`TRUNCATE decisions CASCADE`,
		},
		// SHARE conflicts with the ROW EXCLUSIVE lock an INSERT takes, and
		// lets reads through.
		lockWrites: []string{"BEGIN", "LOCK TABLE decisions IN SHARE MODE"},
		allowChanges: func(table string) string {
			return "ALTER TABLE " + table + " DISABLE TRIGGER USER"
		},
	}
}

// open opens a store on b's database, closed when t ends.
func (b *backend) open(t testing.TB, opts store.Options) store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), b.target, opts)
	if err != nil {
		t.Fatalf("open %s store: %v", b.name, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// q rewrites the ? placeholders of query into b's dialect.
func (b *backend) q(query string) string {
	var sb strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			sb.WriteString(b.placeholder(n))
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// exec runs stmt on b's raw connection and fails t if it fails.
func (b *backend) exec(t testing.TB, stmt string, args ...any) {
	t.Helper()
	if _, err := b.raw.Exec(b.q(stmt), args...); err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
}

// lockWrites stalls the store's writer by holding the database's write lock
// from another connection; the returned function releases it.
func (b *backend) holdWriteLock(t testing.TB) (release func()) {
	t.Helper()
	ctx := context.Background()
	conn, err := b.raw.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range b.lockWrites {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			_ = conn.Close()
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	released := false
	release = func() {
		if released {
			return
		}
		released = true
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
			t.Errorf("release write lock: %v", err)
		}
	}
	t.Cleanup(release)
	return release
}

// stallWriter holds the database's write lock from another connection and
// has the writer take a blocker save into a transaction that waits for it:
// the saves made before release queue up and share the next commit. reg is
// s's registry. wg carries the blocker; the caller adds its saves to it.
func stallWriter(ctx context.Context, t testing.TB, b *backend, s store.Store, reg prometheus.Gatherer) (release func(), wg *sync.WaitGroup) {
	t.Helper()
	release = b.holdWriteLock(t)
	commits := value(t, reg, "fenjian_store_commit_batch_size_count")
	wg = &sync.WaitGroup{}
	wg.Go(func() {
		if err := save(ctx, s, "blocker"); err != nil {
			t.Errorf("blocker: %v", err)
		}
	})
	// The writer observes a batch's size before it begins the transaction.
	waitFor(t, "the writer to take the blocker", func() bool {
		return value(t, reg, "fenjian_store_commit_batch_size_count") == commits+1
	})
	return release, wg
}

// latestVersion is the number of migration files shipped for b; the tests
// read it from disk so adding a migration does not break them.
func (b *backend) latestVersion(t testing.TB) int {
	t.Helper()
	entries, err := filepath.Glob(filepath.Join("migrations", b.name, "*.sql"))
	if err != nil || len(entries) == 0 {
		t.Fatalf("list migrations: %v (%d files)", err, len(entries))
	}
	return len(entries)
}

// civilCase returns a realistic civil decision and its filing, with a party
// name and claim text so that round trips cover Chinese strings. The
// decision id is "dec-" + id.
func civilCase(id string) (*triagev1.Decision, *triagev1.Filing) {
	f := &triagev1.Filing{
		Id:             "(2024)辽0102民初" + id + "号",
		CaseKind:       triagev1.CaseKind_CASE_KIND_CIVIL,
		Court:          "沈阳市和平区人民法院",
		CourtLevel:     triagev1.CourtLevel_COURT_LEVEL_BASIC,
		Province:       "辽宁省",
		FiledOn:        "2024-03-05",
		Cause:          "民间借贷纠纷",
		ClaimAmountFen: 3_000_000,
		Parties: []*triagev1.Party{
			{Role: triagev1.PartyRole_PARTY_ROLE_PLAINTIFF, Kind: triagev1.PartyKind_PARTY_KIND_PERSON, Name: "张三"},
			{Role: triagev1.PartyRole_PARTY_ROLE_DEFENDANT, Kind: triagev1.PartyKind_PARTY_KIND_PERSON, Name: "李四"},
		},
		Text:          "诉讼请求：1.判令被告偿还借款30000元……",
		Circumstances: &triagev1.Circumstances{},
	}
	d := &triagev1.Decision{
		DecisionId:  "dec-" + id,
		Recommended: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS,
		Options: []*triagev1.ProcedureOption{
			{Procedure: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, Available: true, Probability: 0.8, Mandatory: true},
			{Procedure: triagev1.Procedure_PROCEDURE_SIMPLIFIED, Available: true, Probability: 0.15},
			{Procedure: triagev1.Procedure_PROCEDURE_ORDINARY, Available: true, Probability: 0.05},
		},
		ModelVersion: "m-2024.03",
		RulesVersion: "r-7",
		FilingId:     f.Id,
		CaseKind:     f.CaseKind,
		FiledOn:      f.FiledOn,
		SmallClaimsLimit: &triagev1.SmallClaimsLimit{
			Province: "辽宁省", ProvinceCode: "210000", MandatoryLimitFen: 4_700_000,
			EffectiveFrom: "2023-07", Known: true,
		},
		TimeLimit: &triagev1.TimeLimit{Procedure: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, Months: 2, DueOn: "2024-05-05", Article: "民事诉讼法第一百六十八条"},
		DecidedAt: timestamppb.New(time.Date(2024, 3, 5, 9, 30, 0, 123456789, time.UTC)),
	}
	return d, f
}

// save saves civilCase(id) to s.
func save(ctx context.Context, s store.Store, id string) error {
	d, f := civilCase(id)
	return s.SaveDecision(ctx, d, f)
}

// writeErrors returns fenjian_store_write_errors_total{operation=op}.
func writeErrors(t testing.TB, reg *prometheus.Registry, op string) float64 {
	t.Helper()
	return value(t, reg, "fenjian_store_write_errors_total", "operation", op)
}

func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// ids returns n decision ids with a prefix, for readable failures.
func ids(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s-%d", prefix, i)
	}
	return out
}

// freePort returns a TCP port on 127.0.0.1 that nothing listened on a moment
// ago.
func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func tail(s string, lines int) string {
	all := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
}

// waitUntil polls cond every 50ms until it holds or d passes.
func waitUntil(d time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
}
