package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"

	"github.com/fenjian/fenjian/internal/pgtest"
)

// TestMigration15KeysEveryDecision stores decisions at schema 14, leaves
// one without a filing key (as every decision stored before migration 14
// is) and two under the key an older filingKey gave them (〖〗 around the
// year and en dashes were not folded), then upgrades. Before migration 15
// the other spellings of those three case numbers each stored a second
// decision and drew a team again (outside check: a SQLite file and a
// PostgreSQL schema written by the binary of 7ac83e1 took
// (2024)辽0102民初1001号 after （2024）辽0102民初1001号); now every
// spelling is refused naming the stored decision, no team is drawn twice,
// the audit chain verifies, and a decision without a key, as a binary
// older than 14 still running during an upgrade would write, is refused by
// the database.
func TestMigration15KeysEveryDecision(t *testing.T) {
	type backend struct {
		target string
		raw    func(t *testing.T) *sql.DB
		// update runs an UPDATE of decisions with the append-only trigger
		// lifted, as an operator with the owner's rights could.
		update func(t *testing.T, db *sql.DB, stmt string, args ...any)
	}
	backends := map[string]func(t *testing.T) backend{
		"sqlite": func(t *testing.T) backend {
			path := filepath.Join(t.TempDir(), "fenjian.db")
			return backend{
				target: path,
				raw: func(t *testing.T) *sql.DB {
					db, err := sql.Open("sqlite", path)
					if err != nil {
						t.Fatal(err)
					}
					return db
				},
				update: func(t *testing.T, db *sql.DB, stmt string, args ...any) {
					var trigger string
					if err := db.QueryRow(`SELECT sql FROM sqlite_schema WHERE name = 'decisions_no_update'`).Scan(&trigger); err != nil {
						t.Fatal(err)
					}
					for _, s := range []string{`DROP TRIGGER decisions_no_update`, stmt, trigger} {
						a := args
						if s != stmt {
							a = nil
						}
						if _, err := db.Exec(s, a...); err != nil {
							t.Fatalf("%s: %v", s, err)
						}
					}
				},
			}
		},
		"postgres": func(t *testing.T) backend {
			dsn := pgtest.DSN(t)
			target := pgtest.WithParams(t, dsn, map[string]string{"search_path": pgtest.NewSchema(t, dsn)})
			return backend{
				target: target,
				raw: func(t *testing.T) *sql.DB {
					db, err := sql.Open("pgx", target)
					if err != nil {
						t.Fatal(err)
					}
					return db
				},
				update: func(t *testing.T, db *sql.DB, stmt string, args ...any) {
					for _, s := range []string{`ALTER TABLE decisions DISABLE TRIGGER decisions_no_update_delete`, stmt, `ALTER TABLE decisions ENABLE TRIGGER decisions_no_update_delete`} {
						a := args
						if s != stmt {
							a = nil
						}
						if _, err := db.Exec(postgresQ(s), a...); err != nil {
							t.Fatalf("%s: %v", s, err)
						}
					}
				},
			}
		},
	}
	for name, newBackend := range backends {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			b := newBackend(t)
			d0, f0 := servedCase(t)
			plan := func(seed uint64) *AssignmentPlan {
				return &AssignmentPlan{Teams: []TeamSlot{{TeamID: "civil-fast-general", Capacity: 1 << 40}}, Seed: seed}
			}
			save := func(s Store, id string, seed uint64) (string, error) {
				d, f := proto.CloneOf(d0), proto.CloneOf(f0)
				d.DecisionId = uuid.Must(uuid.NewV7()).String()
				f.Id, d.FilingId = id, id
				return d.GetDecisionId(), s.SaveTriage(ctx, d, f, plan(seed))
			}

			stored := []string{
				"（2024）辽0102民初401号", // left without a key, as before migration 14
				"〖2024〗辽0102民初402号", // keyed as the older filingKey did
				"JS–2024–0403",      // en dashes, keyed as the older filingKey did
				"(2024)辽0102民初404号", // keyed as now
			}
			old, err := Open(ctx, b.target, Options{schemaUpTo: 14})
			if err != nil {
				t.Fatal(err)
			}
			decided := map[string]string{}
			for i, id := range stored {
				if decided[id], err = save(old, id, uint64(i+1)); err != nil {
					t.Fatal(err)
				}
			}
			if err := old.Close(); err != nil {
				t.Fatal(err)
			}
			raw := b.raw(t)
			defer raw.Close()
			b.update(t, raw, `UPDATE decisions SET filing_key = NULL WHERE filing_id = ?`, stored[0])
			b.update(t, raw, `UPDATE decisions SET filing_key = filing_id WHERE filing_id IN (?, ?)`, stored[1], stored[2])

			s, err := Open(ctx, b.target, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for i, spelling := range []string{
				"(2024)辽0102民初401号", "【2024】辽0102民初402号", "JS-2024-0403", "（2024）辽0102民初404号",
				stored[0], stored[1], stored[2], stored[3],
			} {
				want := stored[i%len(stored)]
				_, err := save(s, spelling, uint64(100+i))
				var fd *FilingDecidedError
				if !errors.As(err, &fd) || fd.DecisionID != decided[want] {
					t.Errorf("SaveTriage for %q after the upgrade = %v; want FilingDecidedError naming %s (stored as %q)", spelling, err, decided[want], want)
				}
			}
			if _, err := save(s, "(2024)辽0102民初405号", 200); err != nil {
				t.Errorf("SaveTriage for another case number: %v", err)
			}
			var assigned int64
			if err := raw.QueryRow(`SELECT COALESCE(SUM(assigned), 0) FROM team_load`).Scan(&assigned); err != nil {
				t.Fatal(err)
			}
			if assigned != 5 {
				t.Errorf("team_load sums to %d after five case numbers; want 5 (one draw each)", assigned)
			}
			if r, err := s.VerifyAudit(ctx); err != nil || !r.OK {
				t.Errorf("VerifyAudit after the filing keys were rewritten = %+v, %v", r, err)
			}
			// A decision without a key, as a binary before 14 inserts it.
			insert := `INSERT INTO decisions (decision_id, filing_id, case_kind, recommended, needs_review,
				model_version, rules_version, decided_at, decision, filing) VALUES ('keyless', 'K-1', 'c', 'r', 0, 'm', 'r', 1, ?, ?)`
			if name == "postgres" {
				insert = postgresQ(insert)
			}
			if _, err := raw.Exec(insert, []byte{1}, []byte{1}); err == nil {
				t.Error("the database took a decision without a filing key")
			}
		})
	}
}

// postgresQ rewrites the ? placeholders of query into PostgreSQL's.
func postgresQ(query string) string {
	d, err := postgresDialect()
	if err != nil {
		panic(err)
	}
	return d.q(query)
}

// TestOpenWithoutMigrations: a reader opening a database of an older
// schema with NoMigrations is refused and leaves the schema as it was (a
// newer triagectl stats had migrated the servers' database to 15 under
// them, outside check); at this binary's schema it opens.
func TestOpenWithoutMigrations(t *testing.T) {
	targets := map[string]func(t *testing.T) string{
		"sqlite": func(t *testing.T) string { return filepath.Join(t.TempDir(), "fenjian.db") },
		"postgres": func(t *testing.T) string {
			dsn := pgtest.DSN(t)
			return pgtest.WithParams(t, dsn, map[string]string{"search_path": pgtest.NewSchema(t, dsn)})
		},
	}
	for name, newTarget := range targets {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			target := newTarget(t)
			old, err := Open(ctx, target, Options{schemaUpTo: 14})
			if err != nil {
				t.Fatal(err)
			}
			if err := old.Close(); err != nil {
				t.Fatal(err)
			}
			if s, err := Open(ctx, target, Options{NoMigrations: true}); !errors.Is(err, ErrSchemaBehind) {
				if err == nil {
					_ = s.Close()
				}
				t.Errorf("Open without migrations on schema 14 = %v; want ErrSchemaBehind", err)
			}
			s, err := Open(ctx, target, Options{schemaUpTo: 14, NoMigrations: true})
			if err != nil {
				t.Fatalf("Open without migrations at the binary's own schema: %v", err)
			}
			v, err := s.SchemaVersion(ctx)
			if err != nil || v != 14 {
				t.Errorf("SchemaVersion = %d, %v after a reader's open; want 14, untouched", v, err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
		})
	}
}
