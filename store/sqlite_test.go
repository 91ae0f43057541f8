package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"
	_ "modernc.org/sqlite"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
)

// latestVersion is the number of migration files shipped for SQLite; the
// tests read it from disk so adding a migration does not break them.
func latestVersion(t testing.TB) int {
	t.Helper()
	entries, err := filepath.Glob(filepath.Join("migrations", "sqlite", "*.sql"))
	if err != nil || len(entries) == 0 {
		t.Fatalf("list migrations: %v (%d files)", err, len(entries))
	}
	return len(entries)
}

// civilCase returns a realistic civil decision and its filing, with a party
// name and claim text so that round trips cover Chinese strings.
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

func openStore(t testing.TB, path string, opts store.Options) *store.SQLite {
	t.Helper()
	s, err := store.OpenSQLite(context.Background(), path, opts)
	if err != nil {
		t.Fatalf("OpenSQLite(%s): %v", path, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// rawDB opens the store's file directly, as an operator's shell would, to
// check what is really on disk and to break things the store cannot.
func rawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func TestSaveGetRoundTrip(t *testing.T) {
	criminalD, criminalF := civilCase("2")
	criminalF.CaseKind = triagev1.CaseKind_CASE_KIND_CRIMINAL
	criminalD.CaseKind = triagev1.CaseKind_CASE_KIND_UNSPECIFIED // taken from the filing
	criminalD.FilingId = ""                                      // taken from the filing
	criminalD.Recommended = triagev1.Procedure_PROCEDURE_FAST_TRACK
	criminalD.NeedsReview = true
	criminalD.ReviewReasons = []*triagev1.Reason{{Code: "MANY_PARTIES", Article: "法发〔2021〕30号", Message: "群体性纠纷"}}

	undatedD, undatedF := civilCase("3")
	undatedD.DecidedAt = nil

	civilD, civilF := civilCase("1")
	tests := []struct {
		name            string
		d               *triagev1.Decision
		f               *triagev1.Filing
		wantFilingID    string
		wantCaseKind    string
		wantRecommended string
		wantReview      int
	}{
		{"civil", civilD, civilF, civilF.Id, "CASE_KIND_CIVIL", "PROCEDURE_SMALL_CLAIMS", 0},
		{"criminal, columns from filing", criminalD, criminalF, criminalF.Id, "CASE_KIND_CRIMINAL", "PROCEDURE_FAST_TRACK", 1},
		{"no decided_at", undatedD, undatedF, undatedF.Id, "CASE_KIND_CIVIL", "PROCEDURE_SMALL_CLAIMS", 0},
	}
	path := filepath.Join(t.TempDir(), "fenjian.db")
	s := openStore(t, path, store.Options{})
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := time.Now()
			want := proto.Clone(tt.d).(*triagev1.Decision)
			if err := s.SaveDecision(ctx, tt.d, tt.f); err != nil {
				t.Fatalf("SaveDecision: %v", err)
			}
			if !proto.Equal(tt.d, want) {
				t.Errorf("SaveDecision modified its argument")
			}
			got, err := s.GetDecision(ctx, tt.d.DecisionId)
			if err != nil {
				t.Fatalf("GetDecision: %v", err)
			}
			if !proto.Equal(got, want) {
				t.Errorf("GetDecision = %v, want %v", got, want)
			}

			// The copied columns are what exports filter on.
			var filingID, caseKind, recommended string
			var review int
			var decidedAt int64
			var filingBlob []byte
			err = rawDB(t, path).QueryRow(`SELECT filing_id, case_kind, recommended, needs_review, decided_at, filing
				FROM decisions WHERE decision_id = ?`, tt.d.DecisionId).
				Scan(&filingID, &caseKind, &recommended, &review, &decidedAt, &filingBlob)
			if err != nil {
				t.Fatal(err)
			}
			if filingID != tt.wantFilingID || caseKind != tt.wantCaseKind || recommended != tt.wantRecommended || review != tt.wantReview {
				t.Errorf("columns = (%q, %q, %q, %d), want (%q, %q, %q, %d)",
					filingID, caseKind, recommended, review, tt.wantFilingID, tt.wantCaseKind, tt.wantRecommended, tt.wantReview)
			}
			wantAt := time.Unix(0, decidedAt)
			if tt.d.DecidedAt != nil {
				if !wantAt.Equal(tt.d.DecidedAt.AsTime()) {
					t.Errorf("decided_at column = %s, want %s", wantAt, tt.d.DecidedAt.AsTime())
				}
			} else if wantAt.Before(before.Add(-time.Second)) || wantAt.After(time.Now().Add(time.Second)) {
				t.Errorf("decided_at column = %s for an undated decision, want about now", wantAt)
			}
			var f triagev1.Filing
			if err := proto.Unmarshal(filingBlob, &f); err != nil {
				t.Fatalf("decode stored filing: %v", err)
			}
			if !proto.Equal(&f, tt.f) {
				t.Errorf("stored filing = %v, want %v", &f, tt.f)
			}
		})
	}
}

func TestGetDecisionNotFound(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "fenjian.db"), store.Options{})
	d, f := civilCase("1")
	if err := s.SaveDecision(context.Background(), d, f); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetDecision(context.Background(), "dec-unknown")
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("GetDecision(unknown) = %v, %v; want ErrNotFound", got, err)
	}
	if errors.Is(err, store.ErrUnavailable) {
		t.Errorf("ErrNotFound also matches ErrUnavailable: %v", err)
	}
}

func TestPersistsAcrossReopen(t *testing.T) {
	// A nested directory that does not exist yet: Open creates it.
	path := filepath.Join(t.TempDir(), "data", "store", "fenjian.db")
	ctx := context.Background()
	s, err := store.OpenSQLite(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var saved []*triagev1.Decision
	for i := range 5 {
		d, f := civilCase(fmt.Sprint(i))
		if err := s.SaveDecision(ctx, d, f); err != nil {
			t.Fatal(err)
		}
		saved = append(saved, d)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openStore(t, path, store.Options{})
	for _, want := range saved {
		got, err := s.GetDecision(ctx, want.DecisionId)
		if err != nil {
			t.Fatalf("after reopen, GetDecision(%s): %v", want.DecisionId, err)
		}
		if !proto.Equal(got, want) {
			t.Errorf("after reopen, GetDecision(%s) = %v, want %v", want.DecisionId, got, want)
		}
	}
}

func TestPathNeedsEscaping(t *testing.T) {
	// '?' and '#' would start a query or fragment in a DSN; the file must be
	// created under exactly this name.
	path := filepath.Join(t.TempDir(), "法院 数据?x=1#y%20", "fenjian.db")
	s, err := store.OpenSQLite(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, f := civilCase("1")
	if err := s.SaveDecision(context.Background(), d, f); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not at the given path: %v", err)
	}
	s = openStore(t, path, store.Options{})
	if _, err := s.GetDecision(context.Background(), d.DecisionId); err != nil {
		t.Fatalf("after reopen: %v", err)
	}
}

func TestMigrationsIdempotent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fenjian.db")
	ctx := context.Background()
	want := latestVersion(t)

	type migrationRow struct {
		version   int
		appliedAt string
	}
	applied := func() []migrationRow {
		rows, err := rawDB(t, path).Query(`SELECT version, applied_at FROM schema_migrations ORDER BY version`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var got []migrationRow
		for rows.Next() {
			var r migrationRow
			if err := rows.Scan(&r.version, &r.appliedAt); err != nil {
				t.Fatal(err)
			}
			got = append(got, r)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return got
	}

	var first []migrationRow
	for open := 1; open <= 3; open++ {
		s, err := store.OpenSQLite(ctx, path, store.Options{})
		if err != nil {
			t.Fatalf("open #%d: %v", open, err)
		}
		v, err := s.SchemaVersion(ctx)
		if err != nil || v != want {
			t.Errorf("open #%d: SchemaVersion = %d, %v; want %d", open, v, err, want)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		got := applied()
		if len(got) != want {
			t.Fatalf("open #%d: schema_migrations has %d rows, want %d", open, len(got), want)
		}
		for i, r := range got {
			if r.version != i+1 {
				t.Errorf("open #%d: migration row %d has version %d", open, i, r.version)
			}
		}
		if first == nil {
			first = got
			continue
		}
		for i := range got {
			if got[i] != first[i] {
				t.Errorf("open #%d re-applied migration %d: %v, first %v", open, got[i].version, got[i], first[i])
			}
		}
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fenjian.db")
	s, err := store.OpenSQLite(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	known := latestVersion(t)
	newer := known + 40
	if _, err := rawDB(t, path).Exec(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
		newer, time.Now().UTC().Format(time.RFC3339Nano)); err != nil {
		t.Fatal(err)
	}

	s, err = store.OpenSQLite(context.Background(), path, store.Options{})
	if err == nil {
		_ = s.Close()
		t.Fatal("OpenSQLite accepted a database with a newer schema")
	}
	for _, v := range []int{newer, known} {
		if !strings.Contains(err.Error(), fmt.Sprintf("%d", v)) {
			t.Errorf("error %q does not name version %d", err, v)
		}
	}
}

func TestAppendOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fenjian.db")
	s := openStore(t, path, store.Options{})
	d, f := civilCase("1")
	if err := s.SaveDecision(context.Background(), d, f); err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, path)
	for _, stmt := range []string{
		`UPDATE decisions SET recommended = 'PROCEDURE_ORDINARY' WHERE decision_id = 'dec-1'`,
		`DELETE FROM decisions WHERE decision_id = 'dec-1'`,
	} {
		if _, err := db.Exec(stmt); err == nil {
			t.Errorf("%s: succeeded on an append-only table", stmt)
		}
	}
	got, err := s.GetDecision(context.Background(), d.DecisionId)
	if err != nil || !proto.Equal(got, d) {
		t.Errorf("decision changed: %v, %v", got, err)
	}
}

func TestSaveDuplicateID(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "fenjian.db"), store.Options{})
	ctx := context.Background()
	d, f := civilCase("1")
	if err := s.SaveDecision(ctx, d, f); err != nil {
		t.Fatal(err)
	}
	other := proto.Clone(d).(*triagev1.Decision)
	other.Recommended = triagev1.Procedure_PROCEDURE_ORDINARY
	err := s.SaveDecision(ctx, other, f)
	if !errors.Is(err, store.ErrDuplicate) || errors.Is(err, store.ErrUnavailable) {
		t.Fatalf("second SaveDecision with the same id = %v, want ErrDuplicate (not ErrUnavailable)", err)
	}
	got, err := s.GetDecision(ctx, d.DecisionId)
	if err != nil || !proto.Equal(got, d) {
		t.Errorf("after duplicate, GetDecision = %v, %v; want the first decision", got, err)
	}
}

func TestSaveInvalidArguments(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "fenjian.db"), store.Options{})
	valid := func() (*triagev1.Decision, *triagev1.Filing) { return civilCase("1") }
	tests := []struct {
		name   string
		modify func(d **triagev1.Decision, f **triagev1.Filing)
		want   string
	}{
		{"nil decision", func(d **triagev1.Decision, _ **triagev1.Filing) { *d = nil }, "nil decision"},
		{"nil filing", func(_ **triagev1.Decision, f **triagev1.Filing) { *f = nil }, "nil filing"},
		{"empty decision_id", func(d **triagev1.Decision, _ **triagev1.Filing) { (*d).DecisionId = "" }, "decision_id is empty"},
		{"dry run", func(d **triagev1.Decision, _ **triagev1.Filing) { (*d).DryRun = true }, "dry run"},
		{"filing id mismatch", func(d **triagev1.Decision, _ **triagev1.Filing) { (*d).FilingId = "(2024)辽0102民初9号" }, "differs"},
		{"invalid decided_at", func(d **triagev1.Decision, _ **triagev1.Filing) {
			(*d).DecidedAt = &timestamppb.Timestamp{Seconds: 1, Nanos: -1}
		}, "decided_at"},
		{"decided_at out of range", func(d **triagev1.Decision, _ **triagev1.Filing) {
			(*d).DecidedAt = timestamppb.New(time.Date(2500, 1, 1, 0, 0, 0, 0, time.UTC))
		}, "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, f := valid()
			tt.modify(&d, &f)
			err := s.SaveDecision(context.Background(), d, f)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("SaveDecision = %v, want error containing %q", err, tt.want)
			}
			if errors.Is(err, store.ErrUnavailable) {
				t.Errorf("invalid argument reported as ErrUnavailable: %v", err)
			}
		})
	}
	if _, err := s.GetDecision(context.Background(), "dec-1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an invalid save stored something: %v", err)
	}
	if _, err := s.GetDecision(context.Background(), ""); err == nil || errors.Is(err, store.ErrUnavailable) {
		t.Errorf("GetDecision(\"\") = %v, want a plain error", err)
	}
}

func TestSaveCanceledContext(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "fenjian.db"), store.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d, f := civilCase("1")
	// Repeated because a select between a ready queue and a done context
	// picks at random: a single try could pass by luck.
	for i := range 50 {
		d.DecisionId = fmt.Sprintf("dec-canceled-%d", i)
		if err := s.SaveDecision(ctx, d, f); !errors.Is(err, context.Canceled) {
			t.Fatalf("SaveDecision(canceled ctx) = %v, want context.Canceled", err)
		}
	}
	// The writer commits in queue order: once a later save is acknowledged,
	// anything the canceled calls might have queued has been dealt with.
	d.DecisionId = "dec-sentinel"
	if err := s.SaveDecision(context.Background(), d, f); err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		id := fmt.Sprintf("dec-canceled-%d", i)
		if _, err := s.GetDecision(context.Background(), id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s, saved with a canceled context, was stored: %v", id, err)
		}
	}
}

func TestClosed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fenjian.db")
	s, err := store.OpenSQLite(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, f := civilCase("1")
	if err := s.SaveDecision(context.Background(), d, f); err != nil {
		t.Fatal(err)
	}
	if err := s.Ping(context.Background()); err != nil {
		t.Fatalf("Ping on an open store: %v", err)
	}
	for i := range 2 {
		if err := s.Close(); err != nil {
			t.Fatalf("Close #%d: %v", i+1, err)
		}
	}
	d2, f2 := civilCase("2")
	if err := s.SaveDecision(context.Background(), d2, f2); !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("SaveDecision after Close = %v, want ErrUnavailable", err)
	}
	if _, err := s.GetDecision(context.Background(), d.DecisionId); !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("GetDecision after Close = %v, want ErrUnavailable", err)
	}
	if err := s.Ping(context.Background()); !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("Ping after Close = %v, want ErrUnavailable", err)
	}
	if _, err := s.SchemaVersion(context.Background()); !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("SchemaVersion after Close = %v, want ErrUnavailable", err)
	}
}

// TestCloseFlushesQueuedWrites closes the store while saves are in flight:
// every save that reported success must be on disk, and every other one must
// have failed with ErrUnavailable (never hung, never lost after success).
func TestCloseFlushesQueuedWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fenjian.db")
	s, err := store.OpenSQLite(context.Background(), path, store.Options{MaxBatch: 8})
	if err != nil {
		t.Fatal(err)
	}
	const n = 100
	errs := make([]error, n)
	var wg sync.WaitGroup
	var started atomic.Int32
	for i := range n {
		wg.Go(func() {
			d, f := civilCase(fmt.Sprint(i))
			started.Add(1)
			errs[i] = s.SaveDecision(context.Background(), d, f)
		})
	}
	for started.Load() < n/2 {
		time.Sleep(time.Millisecond)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()

	s = openStore(t, path, store.Options{})
	var ok int
	for i, err := range errs {
		id := fmt.Sprintf("dec-%d", i)
		_, getErr := s.GetDecision(context.Background(), id)
		switch {
		case err == nil:
			ok++
			if getErr != nil {
				t.Errorf("%s acknowledged but not stored: %v", id, getErr)
			}
		case errors.Is(err, store.ErrUnavailable):
			if !errors.Is(getErr, store.ErrNotFound) {
				t.Errorf("%s failed with %v but GetDecision = %v", id, err, getErr)
			}
		default:
			t.Errorf("%s: SaveDecision = %v, want nil or ErrUnavailable", id, err)
		}
	}
	if ok == 0 {
		t.Errorf("no save succeeded before Close")
	}
}

// histogram returns the named histogram from reg.
func histogram(t testing.TB, reg *prometheus.Registry, name string) *dto.Histogram {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == name && len(mf.GetMetric()) == 1 {
			return mf.GetMetric()[0].GetHistogram()
		}
	}
	t.Fatalf("metric %s not registered", name)
	return nil
}

func TestConcurrentSavesShareCommits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fenjian.db")
	reg := prometheus.NewRegistry()
	s, err := store.OpenSQLite(context.Background(), path, store.Options{Registerer: reg})
	if err != nil {
		t.Fatal(err)
	}
	const n = 200
	want := make([]*triagev1.Decision, n)
	errs := make([]error, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		d, f := civilCase(fmt.Sprint(i))
		want[i] = d
		wg.Go(func() {
			<-start
			errs[i] = s.SaveDecision(context.Background(), d, f)
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("SaveDecision #%d: %v", i, err)
		}
	}

	h := histogram(t, reg, "fenjian_store_commit_batch_size")
	if h.GetSampleSum() != n {
		t.Errorf("batch sizes sum to %v, want %d decisions", h.GetSampleSum(), n)
	}
	var single uint64
	for _, b := range h.GetBucket() {
		if b.GetUpperBound() == 1 {
			single = b.GetCumulativeCount()
		}
	}
	if single == h.GetSampleCount() {
		t.Errorf("all %d commits carried one decision: no group commit", h.GetSampleCount())
	}
	t.Logf("%d decisions in %d commits (%d of one decision)", n, h.GetSampleCount(), single)
	if d := histogram(t, reg, "fenjian_store_commit_duration_seconds"); d.GetSampleCount() != h.GetSampleCount() {
		t.Errorf("commit durations observed %d times, batch sizes %d", d.GetSampleCount(), h.GetSampleCount())
	}

	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopen on the same registry, as a restart inside one process would:
	// the metrics are reused, not refused.
	s = openStore(t, path, store.Options{Registerer: reg})
	for _, d := range want {
		got, err := s.GetDecision(context.Background(), d.DecisionId)
		if err != nil || !proto.Equal(got, d) {
			t.Errorf("after reopen, GetDecision(%s) = %v, %v", d.DecisionId, got, err)
		}
	}
}

// BenchmarkSaveDecisionParallel measures durable saves under concurrency, the
// design.md §8 case group commit exists for. decisions/commit is the mean
// batch size.
func BenchmarkSaveDecisionParallel(b *testing.B) {
	for _, perProc := range []int{1, 8, 32} {
		b.Run(fmt.Sprintf("goroutines_per_proc=%d", perProc), func(b *testing.B) {
			reg := prometheus.NewRegistry()
			s := openStore(b, filepath.Join(b.TempDir(), "fenjian.db"), store.Options{Registerer: reg})
			d, f := civilCase("bench")
			var next atomic.Int64
			b.SetParallelism(perProc)
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					dd := proto.Clone(d).(*triagev1.Decision)
					dd.DecisionId = fmt.Sprintf("dec-%d", next.Add(1))
					if err := s.SaveDecision(context.Background(), dd, f); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.StopTimer()
			h := histogram(b, reg, "fenjian_store_commit_batch_size")
			if h.GetSampleCount() > 0 {
				b.ReportMetric(h.GetSampleSum()/float64(h.GetSampleCount()), "decisions/commit")
			}
		})
	}
}
