package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"
	"google.golang.org/protobuf/types/known/timestamppb"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
)

// The behaviour tests: each runs against SQLite and PostgreSQL through
// forEachStore, because the service must not be able to tell them apart.

func TestSaveGetRoundTrip(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
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
		s := b.open(t, store.Options{})
		ctx := context.Background()
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := time.Now()
				want := proto.Clone(tt.d).(*triagev1.Decision)
				if err := s.SaveDecision(ctx, tt.d, tt.f); err != nil {
					t.Fatalf("SaveDecision: %v", err)
				}
				if diff := cmp.Diff(want, tt.d, protocmp.Transform()); diff != "" {
					t.Errorf("SaveDecision modified its argument (-before +after):\n%s", diff)
				}
				got, err := s.GetDecision(ctx, tt.d.DecisionId)
				if err != nil {
					t.Fatalf("GetDecision: %v", err)
				}
				if diff := cmp.Diff(want, got, protocmp.Transform()); diff != "" {
					t.Errorf("GetDecision (-want +got):\n%s", diff)
				}

				// The copied columns are what exports filter on.
				var filingID, caseKind, recommended string
				var review int
				var decidedAt int64
				var filingBlob []byte
				err = b.raw.QueryRow(b.q(`SELECT filing_id, case_kind, recommended, needs_review, decided_at, filing
					FROM decisions WHERE decision_id = ?`), tt.d.DecisionId).
					Scan(&filingID, &caseKind, &recommended, &review, &decidedAt, &filingBlob)
				if err != nil {
					t.Fatal(err)
				}
				if filingID != tt.wantFilingID || caseKind != tt.wantCaseKind || recommended != tt.wantRecommended || review != tt.wantReview {
					t.Errorf("columns = (%q, %q, %q, %d), want (%q, %q, %q, %d)",
						filingID, caseKind, recommended, review, tt.wantFilingID, tt.wantCaseKind, tt.wantRecommended, tt.wantReview)
				}
				gotAt := time.Unix(0, decidedAt)
				if tt.d.DecidedAt != nil {
					if !gotAt.Equal(tt.d.DecidedAt.AsTime()) {
						t.Errorf("decided_at column = %s, want %s", gotAt, tt.d.DecidedAt.AsTime())
					}
				} else if gotAt.Before(before.Add(-time.Second)) || gotAt.After(time.Now().Add(time.Second)) {
					t.Errorf("decided_at column = %s for an undated decision, want about now", gotAt)
				}
				var f triagev1.Filing
				if err := proto.Unmarshal(filingBlob, &f); err != nil {
					t.Fatalf("decode stored filing: %v", err)
				}
				if diff := cmp.Diff(tt.f, &f, protocmp.Transform()); diff != "" {
					t.Errorf("stored filing (-want +got):\n%s", diff)
				}
			})
		}
	})
}

// TestSameSchema: exports and reports query the columns by name, so every
// dialect must have the same ones in the same order.
func TestSameSchema(t *testing.T) {
	want := []string{"decision_id", "filing_id", "case_kind", "recommended", "needs_review",
		"model_version", "rules_version", "decided_at", "decision", "filing", "filing_key"}
	forEachStore(t, func(t *testing.T, b *backend) {
		b.open(t, store.Options{})
		rows, err := b.raw.Query(`SELECT * FROM decisions WHERE 1 = 0`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		got, err := rows.Columns()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("decisions columns = %v, want %v", got, want)
		}
	})
}

func TestGetDecisionNotFound(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		if err := save(context.Background(), s, "1"); err != nil {
			t.Fatal(err)
		}
		got, err := s.GetDecision(context.Background(), "dec-unknown")
		if !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("GetDecision(unknown) = %v, %v; want ErrNotFound", got, err)
		}
		if errors.Is(err, store.ErrUnavailable) {
			t.Errorf("ErrNotFound also matches ErrUnavailable: %v", err)
		}
		// An id no decision can have is not found either, on every dialect.
		if _, err := s.GetDecision(context.Background(), "dec-\x00"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("GetDecision(id with NUL) = %v, want ErrNotFound", err)
		}
	})
}

func TestPersistsAcrossReopen(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		ctx := context.Background()
		s, err := store.Open(ctx, b.target, store.Options{})
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

		s = b.open(t, store.Options{})
		for _, want := range saved {
			got, err := s.GetDecision(ctx, want.DecisionId)
			if err != nil {
				t.Fatalf("after reopen, GetDecision(%s): %v", want.DecisionId, err)
			}
			if diff := cmp.Diff(want, got, protocmp.Transform()); diff != "" {
				t.Errorf("after reopen, GetDecision(%s) (-want +got):\n%s", want.DecisionId, diff)
			}
		}
	})
}

func TestMigrationsIdempotent(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		ctx := context.Background()
		want := b.latestVersion(t)

		type migrationRow struct {
			version   int
			appliedAt string
		}
		applied := func() []migrationRow {
			rows, err := b.raw.Query(`SELECT version, applied_at FROM schema_migrations ORDER BY version`)
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
			s, err := store.Open(ctx, b.target, store.Options{})
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
	})
}

func TestNewerSchemaRefused(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s, err := store.Open(context.Background(), b.target, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		known := b.latestVersion(t)
		newer := known + 40
		b.exec(t, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
			newer, time.Now().UTC().Format(time.RFC3339Nano))

		s, err = store.Open(context.Background(), b.target, store.Options{})
		if err == nil {
			_ = s.Close()
			t.Fatal("Open accepted a database with a newer schema")
		}
		if s != nil {
			t.Errorf("Open returned a non-nil Store (%T) with its error", s)
		}
		for _, v := range []int{newer, known} {
			if !strings.Contains(err.Error(), fmt.Sprintf("%d", v)) {
				t.Errorf("error %q does not name version %d", err, v)
			}
		}
	})
}

func TestAppendOnly(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		d, f := civilCase("1")
		if err := s.SaveDecision(context.Background(), d, f); err != nil {
			t.Fatal(err)
		}
		for _, stmt := range b.mutations {
			_, err := b.raw.Exec(stmt)
			if err == nil {
				t.Errorf("%s: succeeded on an append-only table", stmt)
				continue
			}
			if !strings.Contains(err.Error(), "append-only") {
				t.Errorf("%s: failed with %v, want the append-only trigger's error", stmt, err)
			}
		}
		got, err := s.GetDecision(context.Background(), d.DecisionId)
		if err != nil {
			t.Errorf("GetDecision: %v", err)
		} else if diff := cmp.Diff(d, got, protocmp.Transform()); diff != "" {
			t.Errorf("decision changed (-want +got):\n%s", diff)
		}
	})
}

func TestSaveDuplicateID(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
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
		if err != nil {
			t.Errorf("after duplicate, GetDecision: %v", err)
		} else if diff := cmp.Diff(d, got, protocmp.Transform()); diff != "" {
			t.Errorf("after duplicate, GetDecision is not the first decision (-want +got):\n%s", diff)
		}
	})
}

func TestSaveInvalidArguments(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
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
			{"NUL in decision_id", func(d **triagev1.Decision, _ **triagev1.Filing) { (*d).DecisionId = "dec-\x00" }, "NUL"},
			{"NUL in filing id", func(d **triagev1.Decision, f **triagev1.Filing) { (*d).FilingId, (*f).Id = "", "(2024)\x00" }, "NUL"},
			{"NUL in model_version", func(d **triagev1.Decision, _ **triagev1.Filing) { (*d).ModelVersion = "m\x00" }, "NUL"},
			{"decided_at out of range", func(d **triagev1.Decision, _ **triagev1.Filing) {
				(*d).DecidedAt = timestamppb.New(time.Date(2500, 1, 1, 0, 0, 0, 0, time.UTC))
			}, "out of range"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				d, f := civilCase("1")
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
	})
}

func TestSaveCanceledContext(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
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
		// The writer commits in queue order: once a later save is
		// acknowledged, anything the canceled calls might have queued has
		// been dealt with.
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
	})
}

func TestClosed(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s, err := store.Open(context.Background(), b.target, store.Options{})
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
		if err := save(context.Background(), s, "2"); !errors.Is(err, store.ErrUnavailable) {
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
	})
}

// TestCloseFlushesQueuedWrites closes the store while saves are in flight:
// every save that reported success must be stored, and every other one must
// have failed with ErrUnavailable (never hung, never lost after success).
func TestCloseFlushesQueuedWrites(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s, err := store.Open(context.Background(), b.target, store.Options{MaxBatch: 8})
		if err != nil {
			t.Fatal(err)
		}
		const n = 100
		errs := make([]error, n)
		var wg sync.WaitGroup
		var started atomic.Int32
		for i := range n {
			wg.Go(func() {
				started.Add(1)
				errs[i] = save(context.Background(), s, fmt.Sprint(i))
			})
		}
		for started.Load() < n/2 {
			time.Sleep(time.Millisecond)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		wg.Wait()

		s = b.open(t, store.Options{})
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
	})
}

func TestConcurrentSavesShareCommits(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		reg := prometheus.NewRegistry()
		s, err := store.Open(context.Background(), b.target, store.Options{Registerer: reg})
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

		commits := value(t, reg, "fenjian_store_commit_batch_size_count")
		if sum := value(t, reg, "fenjian_store_commit_batch_size_sum"); sum != n {
			t.Errorf("batch sizes sum to %v, want %d decisions", sum, n)
		}
		single := value(t, reg, "fenjian_store_commit_batch_size_bucket", "le", "1")
		if single == commits {
			t.Errorf("all %v commits carried one decision: no group commit", commits)
		}
		t.Logf("%d decisions in %v commits (%v of one decision)", n, commits, single)
		if d := value(t, reg, "fenjian_store_commit_duration_seconds_count"); d != commits {
			t.Errorf("commit durations observed %v times, batch sizes %v", d, commits)
		}

		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		// Reopen on the same registry, as a restart inside one process
		// would: the metrics are reused, not refused.
		s = b.open(t, store.Options{Registerer: reg})
		for _, d := range want {
			got, err := s.GetDecision(context.Background(), d.DecisionId)
			if err != nil {
				t.Errorf("after reopen, GetDecision(%s): %v", d.DecisionId, err)
			} else if diff := cmp.Diff(d, got, protocmp.Transform()); diff != "" {
				t.Errorf("after reopen, GetDecision(%s) (-want +got):\n%s", d.DecisionId, diff)
			}
		}
	})
}

// TestDuplicateFailsOnlyItsCaller puts a duplicate id into one batch with
// other decisions: the shared transaction fails, and the per-decision retry
// must fail the duplicate alone.
func TestDuplicateFailsOnlyItsCaller(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		reg := prometheus.NewRegistry()
		s := b.open(t, store.Options{Registerer: reg, MaxBatch: 64})
		ctx := context.Background()
		if err := save(ctx, s, "dup"); err != nil {
			t.Fatal(err)
		}

		// Stall the writer so the batch under test queues up.
		release, wg := stallWriter(ctx, t, b, s, reg)

		const n = 20
		names := ids("batch", n)
		names[n/2] = "dup"
		errs := make([]error, n)
		for i := range n {
			wg.Go(func() {
				d, f := civilCase(names[i])
				if names[i] == "dup" {
					d.Recommended = triagev1.Procedure_PROCEDURE_ORDINARY // must not overwrite
				}
				errs[i] = s.SaveDecision(ctx, d, f)
			})
		}
		waitFor(t, "the batch to queue", func() bool { return store.QueuedSaves(s) == n })
		release()
		wg.Wait()

		for i, err := range errs {
			if names[i] == "dup" {
				if !errors.Is(err, store.ErrDuplicate) || errors.Is(err, store.ErrUnavailable) {
					t.Errorf("duplicate: SaveDecision = %v, want ErrDuplicate only", err)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s shared a batch with the duplicate and failed: %v", names[i], err)
			}
		}
		got, err := s.GetDecision(ctx, "dec-dup")
		if err != nil || got.GetRecommended() != triagev1.Procedure_PROCEDURE_SMALL_CLAIMS {
			t.Errorf("the first decision under the duplicate id was changed: %v, %v", got, err)
		}

		// One batch of n was tried (and failed), then n retries of one.
		// n = 20 falls in the bucket le=32, above the one of le=16.
		batch := func(le string) float64 { return value(t, reg, "fenjian_store_commit_batch_size_bucket", "le", le) }
		if upToN, singles := batch("32"), batch("1"); upToN-singles != 1 || batch("16") != singles ||
			value(t, reg, "fenjian_store_commit_batch_size_count") != 2+1+n {
			t.Errorf("want exactly one commit of %d decisions, histogram\n%s", n, exposition(t, reg, "fenjian_store_commit_batch_size"))
		}
		if got := writeErrors(t, reg, "batch"); got != 1 {
			t.Errorf("write_errors_total{operation=batch} = %v, want 1", got)
		}
		if got := writeErrors(t, reg, "save"); got != 1 {
			t.Errorf("write_errors_total{operation=save} = %v, want 1", got)
		}
	})
}

// TestWriteFailureIsUnavailable breaks writes for real and checks that
// callers get ErrUnavailable, and that the store recovers once the fault is
// gone (the writer's connection is not left inside a failed transaction).
func TestWriteFailureIsUnavailable(t *testing.T) {
	type fault struct {
		name         string
		breakIt, fix func(t *testing.T, b *backend, s store.Store)
	}
	// What an operator's trigger, or a CHECK a later migration adds, looks
	// like to the writer: the database refuses the insert.
	refuse := fault{
		name:    "database refuses the insert",
		breakIt: func(t *testing.T, b *backend, _ store.Store) { b.exec(t, b.refuseInserts) },
		fix:     func(t *testing.T, b *backend, _ store.Store) { b.exec(t, b.allowInserts) },
	}
	// SQLITE_FULL, what a full disk returns: the writer's connection may
	// not grow the file past its current size.
	diskFull := fault{
		name: "disk full",
		breakIt: func(t *testing.T, _ *backend, s store.Store) {
			db := store.SQLiteWriteDB(s.(*store.SQLite))
			var pages int
			if err := db.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages)); err != nil {
				t.Fatal(err)
			}
		},
		fix: func(t *testing.T, _ *backend, s store.Store) {
			if _, err := store.SQLiteWriteDB(s.(*store.SQLite)).Exec("PRAGMA max_page_count = 1073741823"); err != nil {
				t.Fatal(err)
			}
		},
	}
	// PostgreSQL's own connection faults (server stopped, connections
	// killed) have their tests in postgres_test.go.
	for _, ft := range []fault{refuse, diskFull} {
		t.Run(ft.name, func(t *testing.T) {
			forEachStore(t, func(t *testing.T, b *backend) {
				if ft.name == diskFull.name && b.name != "sqlite" {
					t.Skip("max_page_count is SQLite's; PostgreSQL has no per-connection size cap")
				}
				reg := prometheus.NewRegistry()
				s := b.open(t, store.Options{Registerer: reg})
				ctx := context.Background()
				if err := save(ctx, s, "before"); err != nil {
					t.Fatal(err)
				}
				ft.breakIt(t, b, s)

				// A big filing text so the disk-full case needs new pages.
				var wg sync.WaitGroup
				errs := make([]error, 5)
				for i := range errs {
					wg.Go(func() {
						d, f := civilCase(fmt.Sprintf("broken-%d", i))
						f.Text = string(make([]byte, 64<<10))
						errs[i] = s.SaveDecision(ctx, d, f)
					})
				}
				wg.Wait()
				t.Logf("save while broken: %v", errs[0])
				for i, err := range errs {
					if !errors.Is(err, store.ErrUnavailable) || errors.Is(err, store.ErrDuplicate) {
						t.Errorf("save #%d while broken = %v, want ErrUnavailable", i, err)
					}
				}
				if got := writeErrors(t, reg, "save"); got != float64(len(errs)) {
					t.Errorf("write_errors_total{operation=save} = %v, want %d", got, len(errs))
				}
				if err := s.Ping(ctx); err != nil {
					t.Errorf("Ping with reads working: %v", err)
				}

				ft.fix(t, b, s)
				d, f := civilCase("after")
				f.Text = string(make([]byte, 64<<10))
				if err := s.SaveDecision(ctx, d, f); err != nil {
					t.Fatalf("save after the fault was removed: %v", err)
				}
				for i := range errs {
					if _, err := s.GetDecision(ctx, fmt.Sprintf("dec-broken-%d", i)); !errors.Is(err, store.ErrNotFound) {
						t.Errorf("a decision reported unavailable was stored: %v", err)
					}
				}
			})
		})
	}
}

// TestSaveWaitRespectsContext: a caller whose deadline passes while its
// decision waits for a stalled commit gets its context error back promptly.
func TestSaveWaitRespectsContext(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		// The schema exists once a store has opened; lock it afterwards.
		release := b.holdWriteLock(t)
		defer release()
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		start := time.Now()
		err := save(ctx, s, "late")
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("SaveDecision with a stalled writer = %v, want context.DeadlineExceeded", err)
		}
		// Well under SQLite's busy timeout and PostgreSQL's write timeout,
		// either of which would end the stall by itself.
		if waited := time.Since(start); waited > 2*time.Second {
			t.Errorf("SaveDecision returned after %v, not at its deadline", waited)
		}
	})
}

// TestOpenSelectsBackend: Open picks the store from the target's form.
func TestOpenSelectsBackend(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		var ok bool
		switch b.name {
		case "sqlite":
			_, ok = s.(*store.SQLite)
		case "postgres":
			_, ok = s.(*store.Postgres)
		}
		if !ok {
			t.Errorf("Open(%s target) = %T", b.name, s)
		}
	})
}

// TestPathNeedsEscaping is SQLite's alone: '?' and '#' would start a query or
// fragment in a DSN; the file must be created under exactly this name.
func TestPathNeedsEscaping(t *testing.T) {
	path := filepath.Join(t.TempDir(), "法院 数据?x=1#y%20", "fenjian.db")
	s, err := store.OpenSQLite(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := save(context.Background(), s, "1"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not at the given path: %v", err)
	}
	s2, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if _, err := s2.GetDecision(context.Background(), "dec-1"); err != nil {
		t.Fatalf("after reopen: %v", err)
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://fenjian:s3cret@db:5432/fenjian?sslmode=disable": "postgres://fenjian:xxxxx@db:5432/fenjian?sslmode=disable",
		"postgresql://db/fenjian":                                   "postgresql://db/fenjian",
		"./data/fenjian.db":                                         "./data/fenjian.db",
		// libpq and pgx take the password as a URL parameter too (outside
		// check 9: triaged's start log printed it).
		"postgres://fenjian@db/fenjian?sslmode=disable&password=s3cret":             "postgres://fenjian@db/fenjian?sslmode=disable&password=xxxxx",
		"postgres://fenjian@db/fenjian?PassWord=s3cret&sslpassword=s3cret2&x=1":     "postgres://fenjian@db/fenjian?PassWord=xxxxx&sslpassword=xxxxx&x=1",
		"postgres://fenjian:s3cret@db/fenjian?pass%77ord=s3cret":                    "postgres://fenjian:xxxxx@db/fenjian?pass%77ord=xxxxx",
		"host=db user=fenjian password=s3cret dbname=fenjian":                       "host=db user=fenjian password=xxxxx dbname=fenjian",
		"host=db password = 's3cret with \\'quote' sslpassword=s3cret\\ 2 dbname=f": "host=db password=xxxxx sslpassword=xxxxx dbname=f",
		// FuzzRedact: libpq reads the userinfo to the first '@' before any
		// '/', so a '#' in the user name starts no fragment (net/url's
		// reading left the password in place); a quoted value may run into
		// the next keyword.
		"postgres://fen#jian:s3cret@db/fenjian":             "postgres://fen#jian:xxxxx@db/fenjian",
		"postgres://fenjian@[::1?x]:5432/f?password=s3cret": "postgres://fenjian@[::1?x]:5432/f?password=xxxxx",
		"password='s3cret'host=db":                          "password=xxxxx host=db",
		"host=db\vpassword=s3cret":                          "host=db\vpassword=xxxxx",
	} {
		if got := store.Redact(in); got != want || strings.Contains(got, "s3cret") {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOpenRefusesKeywordDSN: a PostgreSQL DSN in libpq's keyword/value form
// is refused with ErrKeywordDSN, without repeating it (its password), and
// nothing is created: Open took it as a SQLite path, so triaged served a new
// SQLite file named after the DSN in its working directory and logged the
// password with every migration (outside check 9).
func TestOpenRefusesKeywordDSN(t *testing.T) {
	for _, dsn := range []string{
		"host=127.0.0.1 port=5432 user=postgres password=s3cret dbname=test sslmode=disable",
		" dbname = test password=s3cret",
		"sslmode=disable host=db password=s3cret",
	} {
		dir := t.TempDir()
		t.Chdir(dir)
		s, err := store.Open(context.Background(), dsn, store.Options{})
		if err == nil {
			s.Close()
		}
		if !errors.Is(err, store.ErrKeywordDSN) || strings.Contains(err.Error(), "s3cret") {
			t.Errorf("Open(%q) = %v, want ErrKeywordDSN without the password", dsn, err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("Open(%q) created %v", dsn, entries)
		}
	}
	// A file whose name merely holds '=' is still a path.
	path := filepath.Join(t.TempDir(), "fenjian=1.db")
	s, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	s.Close()
}

// TestOneDecisionPerFiling: a filing that has a decision gets no second
// one, through SaveDecision or SaveTriage (which would draw a team again):
// the refusal names the stored decision and writes nothing; the same
// decision id again is a duplicate, not a second decision; another filing,
// however close its id, is stored.
func TestOneDecisionPerFiling(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		ctx := context.Background()
		s := b.open(t, store.Options{})
		d1, f1 := triageCase("101", "2024-05-06")
		if err := s.SaveTriage(ctx, d1, f1, plan(7, store.TeamSlot{TeamID: "t1", Capacity: 10})); err != nil {
			t.Fatal(err)
		}
		second := func(id string) *triagev1.Decision {
			d, _ := triageCase(id, "2024-05-06")
			d.FilingId = f1.GetId()
			return d
		}
		for name, save := range map[string]func(*triagev1.Decision) error{
			"SaveDecision": func(d *triagev1.Decision) error { return s.SaveDecision(ctx, d, f1) },
			"SaveTriage": func(d *triagev1.Decision) error {
				return s.SaveTriage(ctx, d, f1, plan(8, store.TeamSlot{TeamID: "t1", Capacity: 10}))
			},
		} {
			d := second("102-" + name)
			err := save(d)
			var fd *store.FilingDecidedError
			if !errors.As(err, &fd) || fd.DecisionID != d1.GetDecisionId() || fd.FilingID != f1.GetId() || errors.Is(err, store.ErrUnavailable) {
				t.Errorf("%s of a second decision for %s = %v; want FilingDecidedError naming %s", name, f1.GetId(), err, d1.GetDecisionId())
			}
			if !errors.Is(err, store.ErrFilingDecided) {
				t.Errorf("%s: errors.Is(%v, ErrFilingDecided) = false", name, err)
			}
			if _, err := s.GetDecision(ctx, d.GetDecisionId()); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("%s: the refused decision was stored: GetDecision = %v", name, err)
			}
			if d.GetAssignment() != nil {
				t.Errorf("%s: the refused decision was given a team: %v", name, d.GetAssignment())
			}
		}
		if got := teamLoad(t, b, "t1", "2024-05"); got != 1 {
			t.Errorf("team_load = %d after one routed decision and refusals; want 1", got)
		}
		// The same decision again is a duplicate id, as before.
		again, _ := triageCase("101", "2024-05-06")
		if err := s.SaveDecision(ctx, again, f1); !errors.Is(err, store.ErrDuplicate) || errors.Is(err, store.ErrFilingDecided) {
			t.Errorf("SaveDecision of the stored decision again = %v; want ErrDuplicate", err)
		}
		// Near misses: another filing, and one whose id differs by a space.
		d3, f3 := civilCase("103")
		d4, f4 := civilCase("104")
		d4.FilingId = f1.GetId() + " "
		f4.Id = d4.FilingId
		for _, c := range []struct {
			d *triagev1.Decision
			f *triagev1.Filing
		}{{d3, f3}, {d4, f4}} {
			if err := s.SaveDecision(ctx, c.d, c.f); err != nil {
				t.Errorf("SaveDecision for filing %q: %v", c.f.GetId(), err)
			}
		}
		if r, err := s.VerifyAudit(ctx); err != nil || !r.OK {
			t.Errorf("VerifyAudit = %+v, %v", r, err)
		}
	})
}

// TestOneDecisionPerFilingWhateverItsSpelling: a case number written with
// ASCII or full-width parentheses, full-width digits, 〔〕 or 【】 is one
// filing: its second decision is refused, naming the first and the id it
// was stored under, and draws no team. Near misses (another number, year
// or court; the brackets left out) are other filings.
func TestOneDecisionPerFilingWhateverItsSpelling(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		ctx := context.Background()
		s := b.open(t, store.Options{})
		const official = "（2024）辽0102民初201号"
		filing := func(decisionID, filingID string) (*triagev1.Decision, *triagev1.Filing) {
			d, f := triageCase(decisionID, "2024-05-06")
			d.FilingId, f.Id = filingID, filingID
			return d, f
		}
		d1, f1 := filing("201", official)
		if err := s.SaveTriage(ctx, d1, f1, plan(7, store.TeamSlot{TeamID: "t1", Capacity: 10})); err != nil {
			t.Fatal(err)
		}
		for i, spelling := range []string{
			"(2024)辽0102民初201号", "（２０２４）辽０１０２民初２０１号", "〔2024〕辽0102民初201号", "【2024】辽0102民初201号", official,
		} {
			d, f := filing(fmt.Sprintf("201-%d", i), spelling)
			err := s.SaveTriage(ctx, d, f, plan(8, store.TeamSlot{TeamID: "t1", Capacity: 10}))
			var fd *store.FilingDecidedError
			if !errors.As(err, &fd) || fd.DecisionID != d1.GetDecisionId() || fd.FilingID != spelling {
				t.Errorf("SaveTriage for %q = %v; want FilingDecidedError naming %s", spelling, err, d1.GetDecisionId())
				continue
			}
			wantStored := official
			if spelling == official {
				wantStored = ""
			}
			if fd.StoredFilingID != wantStored {
				t.Errorf("SaveTriage for %q: StoredFilingID = %q, want %q", spelling, fd.StoredFilingID, wantStored)
			}
			if d.GetAssignment() != nil {
				t.Errorf("the refused decision for %q was given a team", spelling)
			}
		}
		if got := teamLoad(t, b, "t1", "2024-05"); got != 1 {
			t.Errorf("team_load = %d after one routed decision and refusals; want 1", got)
		}
		for i, other := range []string{
			"(2024)辽0102民初202号", "(2025)辽0102民初201号", "(2024)辽0103民初201号", "2024辽0102民初201号",
		} {
			d, f := filing(fmt.Sprintf("202-%d", i), other)
			if err := s.SaveDecision(ctx, d, f); err != nil {
				t.Errorf("SaveDecision for %q: %v", other, err)
			}
		}
		if r, err := s.VerifyAudit(ctx); err != nil || !r.OK {
			t.Errorf("VerifyAudit = %+v, %v", r, err)
		}
	})
}

// TestFilingRefusedInsideOneBatch puts into one group commit a decision for
// a filing stored before, two for one new filing, two for another spelt
// two ways, and others: only the second decision of each filing is refused, and the rest of the batch
// commits (on PostgreSQL, after the batch's own statement found the stored
// filing and the batch was built again looking each filing up).
func TestFilingRefusedInsideOneBatch(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		reg := prometheus.NewRegistry()
		s := b.open(t, store.Options{Registerer: reg, MaxBatch: 64})
		ctx := context.Background()
		stored, sf := civilCase("stored")
		if err := s.SaveDecision(ctx, stored, sf); err != nil {
			t.Fatal(err)
		}
		release, wg := stallWriter(ctx, t, b, s, reg)
		const n = 12
		names := ids("batch", n)
		filings := slices.Clone(names)
		filings[3] = "stored" // a filing decided before the batch
		filings[7] = names[6] // the second decision of a filing in the batch
		filings[9] = names[8] // and of another, spelt with full-width parentheses
		errs := make([]error, n)
		decisions := make([]*triagev1.Decision, n)
		for i := range n {
			d, _ := civilCase(names[i])
			_, f := civilCase(filings[i])
			if i == 9 {
				f.Id = strings.NewReplacer("(", "（", ")", "）").Replace(f.GetId())
			}
			d.FilingId = f.GetId()
			decisions[i] = d
			// One at a time, so the batch holds them in this order.
			wg.Go(func() { errs[i] = s.SaveDecision(ctx, d, f) })
			waitFor(t, "the request to queue", func() bool { return store.QueuedSaves(s) == i+1 })
		}
		release()
		wg.Wait()
		for i, err := range errs {
			var fd *store.FilingDecidedError
			switch i {
			case 3, 7, 9:
				want := map[int]string{3: stored.GetDecisionId(), 7: decisions[6].GetDecisionId(), 9: decisions[8].GetDecisionId()}[i]
				if !errors.As(err, &fd) || fd.DecisionID != want {
					t.Errorf("decision %d for a decided filing: %v; want FilingDecidedError naming %s", i, err, want)
				}
				if _, err := s.GetDecision(ctx, decisions[i].GetDecisionId()); !errors.Is(err, store.ErrNotFound) {
					t.Errorf("refused decision %d was stored: %v", i, err)
				}
			default:
				if err != nil {
					t.Errorf("decision %d shared the batch and failed: %v", i, err)
				}
			}
		}
		// The batch committed once: no retry one per transaction.
		if got := writeErrors(t, reg, "batch"); got != 0 {
			t.Errorf("write_errors_total{operation=batch} = %v, want 0", got)
		}
		if got := writeErrors(t, reg, "save"); got != 3 {
			t.Errorf("write_errors_total{operation=save} = %v, want the 3 refusals", got)
		}
		if r, err := s.VerifyAudit(ctx); err != nil || !r.OK {
			t.Errorf("VerifyAudit = %+v, %v", r, err)
		}
	})
}

// TestRacingSavesForOneFiling: calls for one filing sent at once, to two
// stores on one database (two replicas), store exactly one decision and
// draw exactly one team; every other caller is told which decision it is.
func TestRacingSavesForOneFiling(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		ctx := context.Background()
		replicas := []store.Store{b.open(t, store.Options{}), b.open(t, store.Options{})}
		for round := range 3 {
			const n = 16
			errs := make([]error, n)
			decisions := make([]*triagev1.Decision, n)
			start := make(chan struct{})
			var wg sync.WaitGroup
			for i := range n {
				d, f := triageCase(fmt.Sprintf("race%d-%d", round, i), "2024-05-06")
				f.Id = fmt.Sprintf("(2024)辽0102民初race%d号", round)
				d.FilingId = f.Id
				decisions[i] = d
				s := replicas[i%len(replicas)]
				wg.Go(func() {
					<-start
					errs[i] = s.SaveTriage(ctx, d, f, plan(uint64(i), store.TeamSlot{TeamID: "t1", Capacity: 1000}))
				})
			}
			close(start)
			wg.Wait()
			winner := -1
			for i, err := range errs {
				switch {
				case err == nil && winner >= 0:
					t.Errorf("round %d: decisions %d and %d both stored for one filing", round, winner, i)
				case err == nil:
					winner = i
				case !errors.Is(err, store.ErrFilingDecided):
					t.Errorf("round %d: decision %d: %v; want stored or ErrFilingDecided", round, i, err)
				}
			}
			if winner < 0 {
				t.Fatalf("round %d: no decision stored: %v", round, errs)
			}
			for i, err := range errs {
				if fd, ok := errors.AsType[*store.FilingDecidedError](err); ok && fd.DecisionID != decisions[winner].GetDecisionId() {
					t.Errorf("round %d: decision %d told %s, but %s was stored", round, i, fd.DecisionID, decisions[winner].GetDecisionId())
				}
			}
			if got := teamLoad(t, b, "t1", "2024-05"); got != int64(round+1) {
				t.Errorf("round %d: team_load = %d; want one draw per filing, %d", round, got, round+1)
			}
		}
		if r, err := replicas[0].VerifyAudit(ctx); err != nil || !r.OK {
			t.Errorf("VerifyAudit = %+v, %v", r, err)
		}
	})
}
