package store

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"

	"github.com/fenjian/fenjian/internal/pgtest"
	"github.com/fenjian/fenjian/rules"
)

// migrationBackend is a database a migration test writes at an older
// schema and then upgrades.
type migrationBackend struct {
	target string
	raw    func(t *testing.T) *sql.DB
	// update runs an UPDATE of decisions with the append-only trigger
	// lifted, as an operator with the owner's rights could.
	update func(t *testing.T, db *sql.DB, stmt string, args ...any)
}

// eachMigrationBackend runs test, in parallel subtests named by store, on
// a new SQLite file and a new PostgreSQL schema.
func eachMigrationBackend(t *testing.T, test func(t *testing.T, name string, b migrationBackend)) {
	for name, newBackend := range map[string]func(t *testing.T) migrationBackend{
		"sqlite": func(t *testing.T) migrationBackend {
			path := filepath.Join(t.TempDir(), "fenjian.db")
			return migrationBackend{
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
		"postgres": func(t *testing.T) migrationBackend {
			dsn := pgtest.DSN(t)
			target := pgtest.WithParams(t, dsn, map[string]string{"search_path": pgtest.NewSchema(t, dsn)})
			return migrationBackend{
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
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			test(t, name, newBackend(t))
		})
	}
}

// openAtSchema opens b's store with the migrations up to version, as that
// release's binary did, and a raw connection to its database, closed when
// the test ends.
func openAtSchema(t *testing.T, b migrationBackend, version int) (Store, *sql.DB) {
	t.Helper()
	s, err := Open(context.Background(), b.target, Options{schemaUpTo: version})
	if err != nil {
		t.Fatal(err)
	}
	raw := b.raw(t)
	t.Cleanup(func() { _ = raw.Close() })
	return s, raw
}

// servedSaver returns a function that stores, through s, a copy of
// servedCase's decision for filing id with a new decision id, drawing a
// team with seed, and returns the decision's id.
func servedSaver(t *testing.T) func(s Store, id string, seed uint64) (string, error) {
	d0, f0 := servedCase(t)
	return func(s Store, id string, seed uint64) (string, error) {
		d, f := proto.CloneOf(d0), proto.CloneOf(f0)
		d.DecisionId = uuid.Must(uuid.NewV7()).String()
		f.Id, d.FilingId = id, id
		plan := &AssignmentPlan{Teams: []TeamSlot{{TeamID: "civil-fast-general", Capacity: 1 << 40}}, Seed: seed}
		return d.GetDecisionId(), s.SaveTriage(context.Background(), d, f, plan)
	}
}

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
	eachMigrationBackend(t, func(t *testing.T, name string, b migrationBackend) {
		ctx := context.Background()
		save := servedSaver(t)

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

// TestMigration16KeysCaseNumbers stores decisions as a binary of schema 15
// did, whose key (rules.FoldFilingID) did not read case numbers: a case number
// spelt with spaces and the same one without, two spellings of another
// with a leading zero and without 号 (stored as different filings, each
// drawing a team), a spaced one alone, a pre-2016 number and an id that
// is no case number. The upgrade must not fail on the keys the first four
// decisions now share, nor drop any of them: every decision is kept, with
// its new key, each shared key is logged with its decisions, and from now
// on every spelling of those case numbers is refused naming the first one
// stored, with no team drawn; the pre-2016 number is not folded.
func TestMigration16KeysCaseNumbers(t *testing.T) {
	eachMigrationBackend(t, func(t *testing.T, name string, b migrationBackend) {
		ctx := context.Background()
		save := servedSaver(t)
		old, raw := openAtSchema(t, b, 15)
		var err error
		// Each id in turn; oldKey: the schema-15 binary's key differed
		// from today's, so the row is given it as that binary did.
		stored := []struct {
			id     string
			oldKey bool
		}{
			{"（2024）辽0102 民初 601 号", true},
			{"(2024)辽0102民初601号", false}, // not found under the key above: a second decision
			{"(2024)辽0102民初0602号", true},
			{"(2024)辽0102民初602", true},
			{"(2024)辽0102民初 603号", true},
			{"(2015)临潼民初字第01826号", false},
			{"JS-2024-0604", false},
		}
		decided := map[string]string{}
		for i, r := range stored {
			if decided[r.id], err = save(old, r.id, uint64(i+1)); err != nil {
				t.Fatalf("SaveTriage for %q at schema 15: %v", r.id, err)
			}
			if r.oldKey {
				b.update(t, raw, `UPDATE decisions SET filing_key = ? WHERE filing_id = ?`, rules.FoldFilingID(r.id), r.id)
			}
		}
		if err := old.Close(); err != nil {
			t.Fatal(err)
		}
		// Migration 14 long before these decisions, as in a store that ran
		// schema 15 for a while: the audit must exempt the two now sharing
		// a case number's key by migration 16's time, not fail them by 14's.
		b.update(t, raw, `UPDATE schema_migrations SET applied_at = ? WHERE version = ?`, "2000-01-01T00:00:00Z", filingKeyVersion)

		logs := &recordedLogs{}
		s, err := Open(ctx, b.target, Options{Logger: slog.New(logs)})
		if err != nil {
			t.Fatalf("Open after decisions that now share a filing key: %v", err)
		}
		defer s.Close()
		if v, err := s.SchemaVersion(ctx); err != nil || v != rekeyVersion {
			t.Fatalf("SchemaVersion = %d, %v; want %d", v, err, rekeyVersion)
		}

		// Every decision kept, under its new key.
		keys := filingKeysByID(t, raw)
		wantKeys := map[string]string{
			"（2024）辽0102 民初 601 号": "(2024)辽0102民初601号",
			"(2024)辽0102民初601号":    "(2024)辽0102民初601号",
			"(2024)辽0102民初0602号":   "(2024)辽0102民初602号",
			"(2024)辽0102民初602":     "(2024)辽0102民初602号",
			"(2024)辽0102民初 603号":   "(2024)辽0102民初603号",
			"(2015)临潼民初字第01826号":   "(2015)临潼民初字第01826号",
			"JS-2024-0604":         "JS-2024-0604",
		}
		if diff := cmp.Diff(wantKeys, keys); diff != "" {
			t.Errorf("filing keys after migration 16 (-want +got):\n%s", diff)
		}

		// The report: one warning per shared key, its decisions in the
		// order the writer takes them, and the totals.
		warned, summary := reportedSharedKeys(logs, "decisions re-keyed by case number")
		wantWarned := []sharedKey{
			{key: "(2024)辽0102民初601号", decisionIDs: []string{decided[stored[0].id], decided[stored[1].id]}, filingIDs: []string{stored[0].id, stored[1].id}},
			{key: "(2024)辽0102民初602号", decisionIDs: []string{decided[stored[2].id], decided[stored[3].id]}, filingIDs: []string{stored[2].id, stored[3].id}},
		}
		// The log names no times: decidedAt is not compared.
		if diff := cmp.Diff(wantWarned, warned, cmp.AllowUnexported(sharedKey{}), cmpopts.IgnoreFields(sharedKey{}, "decidedAt")); diff != "" {
			t.Errorf("shared filing keys logged (-want +got):\n%s", diff)
		}
		wantSummary := map[string]any{"decisions": int64(4), "shared_keys": int64(2), "decisions_sharing_a_key": int64(4)}
		for k, want := range wantSummary {
			if summary[k] != want {
				t.Errorf("migration 16's summary: %s = %v, want %v (all: %v)", k, summary[k], want, summary)
			}
		}

		// From now on: one decision per case number, whatever its spelling.
		for i, c := range []struct{ spelling, first string }{
			{"(2024)辽0102民初601号", stored[0].id},
			{"(2024) 辽0102民初0601号", stored[0].id},
			{"（2024）辽0102民初602号", stored[2].id},
			{"(2024)辽0102民初603号", stored[4].id},
			{"(2024)辽0102民初0603", stored[4].id},
		} {
			_, err := save(s, c.spelling, uint64(100+i))
			var fd *FilingDecidedError
			if !errors.As(err, &fd) || fd.DecisionID != decided[c.first] {
				t.Errorf("SaveTriage for %q after the upgrade = %v; want FilingDecidedError naming %s (stored as %q)", c.spelling, err, decided[c.first], c.first)
				continue
			}
			if want := c.first; c.spelling == c.first {
				if fd.StoredFilingID != "" {
					t.Errorf("SaveTriage for %q: StoredFilingID = %q, want \"\" (the same spelling)", c.spelling, fd.StoredFilingID)
				}
			} else if fd.StoredFilingID != want {
				t.Errorf("SaveTriage for %q: StoredFilingID = %q, want %q", c.spelling, fd.StoredFilingID, want)
			}
		}
		// Near misses: the pre-2016 number without its zero, and a new
		// case number, are other filings.
		for i, other := range []string{"(2015)临潼民初字第1826号", "(2024)辽0102民初605号"} {
			if _, err := save(s, other, uint64(200+i)); err != nil {
				t.Errorf("SaveTriage for %q: %v", other, err)
			}
		}
		checkRekeyedStore(t, s, raw, b, caseNumberKeyVersion)
	})
}

// TestMigration17FoldsCaseNumbers stores decisions at schema 16, as that
// release did (its key, rules.FilingKey16, did not fold traditional
// characters, other scripts' digits or spaces inside a part): a case number
// with 蘇 and 號 and the same one in simplified characters, one in
// Arabic-Indic digits and the same one with a space inside its court code
// (each pair stored as two filings, each drawing a team, as outside check
// 17 found), a traditional one alone, one written with the letter O for a
// zero (which that release took; this one refuses it as filing.id) and an
// id that is no case number. The upgrade keeps every decision under its new
// key, logs the two shared keys, and from then on every spelling is
// refused naming the first one stored; the id with a letter keeps its own
// key (a letter is not read as a digit), so the case number it looks like
// is still a new filing.
func TestMigration17FoldsCaseNumbers(t *testing.T) {
	eachMigrationBackend(t, func(t *testing.T, name string, b migrationBackend) {
		ctx := context.Background()
		save := servedSaver(t)
		old, raw := openAtSchema(t, b, caseNumberKeyVersion)
		stored := []string{
			"(2024)蘇0106民初801號",
			"(2024)苏0106民初801号", // not found under the key 16 gave the one above: a second decision
			"(٢٠٢٤)苏0106民初802号",
			"(2024)苏01 06民初802号",
			"（2024）粵03民終803號",
			"(2O24)苏0106民初804号",
			"JS-٢٠٢٤-0805",
		}
		decided := map[string]string{}
		var err error
		for i, id := range stored {
			if decided[id], err = save(old, id, uint64(i+1)); err != nil {
				t.Fatalf("SaveTriage for %q at schema 16: %v", id, err)
			}
			if k16 := rules.FilingKey16(id); k16 != filingKey(id) {
				// The key the schema-16 binary gave it.
				b.update(t, raw, `UPDATE decisions SET filing_key = ? WHERE filing_id = ?`, k16, id)
			}
		}
		if err := old.Close(); err != nil {
			t.Fatal(err)
		}
		// Migrations 14 and 16 long before these decisions: the audit must
		// exempt the pairs by migration 17's time.
		for _, v := range []int{filingKeyVersion, caseNumberKeyVersion} {
			b.update(t, raw, `UPDATE schema_migrations SET applied_at = ? WHERE version = ?`, "2000-01-01T00:00:00Z", v)
		}

		logs := &recordedLogs{}
		s, err := Open(ctx, b.target, Options{Logger: slog.New(logs)})
		if err != nil {
			t.Fatalf("Open after decisions that now share a filing key: %v", err)
		}
		defer s.Close()
		if v, err := s.SchemaVersion(ctx); err != nil || v != foldedKeyVersion {
			t.Fatalf("SchemaVersion = %d, %v; want %d", v, err, foldedKeyVersion)
		}
		wantKeys := map[string]string{
			stored[0]: "(2024)苏0106民初801号",
			stored[1]: "(2024)苏0106民初801号",
			stored[2]: "(2024)苏0106民初802号",
			stored[3]: "(2024)苏0106民初802号",
			stored[4]: "(2024)粤03民终803号",
			stored[5]: "(2O24)苏0106民初804号",
			stored[6]: "JS-٢٠٢٤-0805",
		}
		if diff := cmp.Diff(wantKeys, filingKeysByID(t, raw)); diff != "" {
			t.Errorf("filing keys after migration 17 (-want +got):\n%s", diff)
		}
		warned, summary := reportedSharedKeys(logs, "decisions re-keyed by folded case number")
		wantWarned := []sharedKey{
			{key: "(2024)苏0106民初801号", decisionIDs: []string{decided[stored[0]], decided[stored[1]]}, filingIDs: []string{stored[0], stored[1]}},
			{key: "(2024)苏0106民初802号", decisionIDs: []string{decided[stored[2]], decided[stored[3]]}, filingIDs: []string{stored[2], stored[3]}},
		}
		if diff := cmp.Diff(wantWarned, warned, cmp.AllowUnexported(sharedKey{}), cmpopts.IgnoreFields(sharedKey{}, "decidedAt")); diff != "" {
			t.Errorf("shared filing keys logged (-want +got):\n%s", diff)
		}
		for k, want := range map[string]any{"decisions": int64(4), "shared_keys": int64(2), "decisions_sharing_a_key": int64(4)} {
			if summary[k] != want {
				t.Errorf("migration 17's summary: %s = %v, want %v (all: %v)", k, summary[k], want, summary)
			}
		}

		for i, c := range []struct{ spelling, first string }{
			{"(2024)苏0106民初801号", stored[0]},
			{"(2024)蘇0106民初 0801", stored[0]},
			{"(2024)苏0106民初 802 号", stored[2]},
			{"(۲۰۲۴)苏0106民初802", stored[2]},
			{"(2024)粤03民终803号", stored[4]},
			{"(2O24)苏0106民初804号", stored[5]},
		} {
			_, err := save(s, c.spelling, uint64(100+i))
			var fd *FilingDecidedError
			if !errors.As(err, &fd) || fd.DecisionID != decided[c.first] {
				t.Errorf("SaveTriage for %q after the upgrade = %v; want FilingDecidedError naming %s (stored as %q)", c.spelling, err, decided[c.first], c.first)
			}
		}
		// Near misses: the case number the id with a letter looks like,
		// and a new traditional one, are other filings.
		for i, other := range []string{"(2024)苏0106民初804号", "(2024)蘇0106民初806號"} {
			if _, err := save(s, other, uint64(200+i)); err != nil {
				t.Errorf("SaveTriage for %q: %v", other, err)
			}
		}
		checkRekeyedStore(t, s, raw, b, foldedKeyVersion)
	})
}

// checkRekeyedStore checks a store a re-keying migration (version) has
// just upgraded, once its test stored 7 decisions (two pairs of one case
// each) at the older schema and 2 new filings after: 9 decisions and 9
// team draws; the audit verifies, exempting the 2 second decisions of the
// pairs, decided before the migration kept them apart; and had they been
// decided after it (its time moved before them), each second one got
// through an altered key, and the audit fails on it.
func checkRekeyedStore(t *testing.T, s Store, raw *sql.DB, b migrationBackend, version int) {
	t.Helper()
	ctx := context.Background()
	var decisions, assigned int64
	if err := raw.QueryRow(`SELECT COUNT(*), (SELECT COALESCE(SUM(assigned), 0) FROM team_load) FROM decisions`).Scan(&decisions, &assigned); err != nil {
		t.Fatal(err)
	}
	if decisions != 9 || assigned != 9 {
		t.Errorf("%d decisions and %d team draws after 7 stored and 2 taken; want 9 and 9", decisions, assigned)
	}
	if r, err := s.VerifyAudit(ctx); err != nil || !r.OK || r.DecidedTwiceBeforeKeys != 2 {
		t.Errorf("VerifyAudit after migration %d = %+v, %v; want OK with 2 decided twice before the keys", version, r, err)
	}
	b.update(t, raw, `UPDATE schema_migrations SET applied_at = ? WHERE version = ?`, "2000-01-01T00:00:00Z", version)
	if r, err := s.VerifyAudit(ctx); err != nil || r.OK || r.Problem != ProblemFilingDecidedTwice {
		t.Errorf("VerifyAudit with the spellings decided after migration %d = %+v, %v; want %q", version, r, err, ProblemFilingDecidedTwice)
	}
}

// TestMigration16FailsWhole: when a decision's new key cannot be written
// (here an operator's trigger refuses the update of one row), migration 16
// fails, Open says the store is unavailable, and nothing of it is left:
// the schema stays at 15 and every key, the ones already rewritten in the
// transaction included, is as it was. Once the cause is gone the next
// start migrates.
func TestMigration16FailsWhole(t *testing.T) {
	eachMigrationBackend(t, func(t *testing.T, name string, b migrationBackend) {
		ctx := context.Background()
		save := servedSaver(t)
		old, raw := openAtSchema(t, b, 15)
		ids := []string{"(2024)辽0102民初 701号", "(2024)辽0102民初0702号"} // the second is refused
		for i, id := range ids {
			if _, err := save(old, id, uint64(i+1)); err != nil {
				t.Fatal(err)
			}
			b.update(t, raw, `UPDATE decisions SET filing_key = ? WHERE filing_id = ?`, rules.FoldFilingID(id), id)
		}
		if err := old.Close(); err != nil {
			t.Fatal(err)
		}
		refuse := map[string][]string{
			"sqlite": {`CREATE TRIGGER refuse_rekey BEFORE UPDATE ON decisions WHEN OLD.filing_id = '` + ids[1] + `'
				BEGIN SELECT RAISE(ABORT, 'refused by the operator'); END`},
			"postgres": {`CREATE FUNCTION refuse_rekey() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN RAISE EXCEPTION 'refused by the operator'; END $$`,
				`CREATE TRIGGER refuse_rekey BEFORE UPDATE ON decisions FOR EACH ROW
				WHEN (OLD.filing_id = '` + ids[1] + `') EXECUTE FUNCTION refuse_rekey()`},
		}[name]
		for _, stmt := range refuse {
			if _, err := raw.Exec(stmt); err != nil {
				t.Fatalf("%s: %v", stmt, err)
			}
		}
		if s, err := Open(ctx, b.target, Options{}); !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "migration 0016") {
			if err == nil {
				_ = s.Close()
			}
			t.Fatalf("Open with a decision whose key cannot be rewritten = %v; want ErrUnavailable from migration 0016", err)
		}
		var version int
		if err := raw.QueryRow(`SELECT MAX(version) FROM schema_migrations`).Scan(&version); err != nil || version != 15 {
			t.Errorf("schema version after the failed migration = %d, %v; want 15", version, err)
		}
		wantOld := map[string]string{ids[0]: "(2024)辽0102民初 701号", ids[1]: "(2024)辽0102民初0702号"}
		if diff := cmp.Diff(wantOld, filingKeysByID(t, raw)); diff != "" {
			t.Errorf("filing keys after the failed migration (-want +got):\n%s", diff)
		}

		if _, err := raw.Exec(`DROP TRIGGER refuse_rekey` + map[string]string{"postgres": " ON decisions"}[name]); err != nil {
			t.Fatal(err)
		}
		s, err := Open(ctx, b.target, Options{})
		if err != nil {
			t.Fatalf("Open once the trigger is gone: %v", err)
		}
		defer s.Close()
		wantNew := map[string]string{ids[0]: "(2024)辽0102民初701号", ids[1]: "(2024)辽0102民初702号"}
		if diff := cmp.Diff(wantNew, filingKeysByID(t, raw)); diff != "" {
			t.Errorf("filing keys after migration 16 (-want +got):\n%s", diff)
		}
	})
}

// TestSharedKeysFailure: a failed read of the shared keys is an error
// naming what was read, not an empty report.
func TestSharedKeysFailure(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "f.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cctx, cancel := context.WithCancel(ctx)
	tx, err := s.read.BeginTx(cctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	cancel()
	if shared, err := sharedKeys(cctx, tx); err == nil || !strings.Contains(err.Error(), "read shared filing keys") {
		t.Errorf("sharedKeys in a cancelled transaction = %v, %v; want an error naming the shared filing keys", shared, err)
	}
}

// filingKeysByID reads every decision's filing key, by filing id.
func filingKeysByID(t *testing.T, raw *sql.DB) map[string]string {
	t.Helper()
	rows, err := raw.Query(`SELECT filing_id, filing_key FROM decisions`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	keys := map[string]string{}
	for rows.Next() {
		var id, key string
		if err := rows.Scan(&id, &key); err != nil {
			t.Fatal(err)
		}
		keys[id] = key
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return keys
}

// reportedSharedKeys reads a re-keying migration's report from its log:
// the warnings, one per shared key, logged before the summary named
// summaryMsg, and that summary's attributes.
func reportedSharedKeys(logs *recordedLogs, summaryMsg string) (warned []sharedKey, summary map[string]any) {
	var pending []sharedKey
	for _, r := range logs.all() {
		attrs := map[string]any{}
		r.Attrs(func(a slog.Attr) bool { attrs[a.Key] = a.Value.Any(); return true })
		switch {
		case r.Level == slog.LevelWarn:
			k := sharedKey{}
			k.key, _ = attrs["filing_key"].(string)
			k.decisionIDs, _ = attrs["decision_ids"].([]string)
			k.filingIDs, _ = attrs["filing_ids"].([]string)
			pending = append(pending, k)
		case strings.HasPrefix(r.Message, "decisions re-keyed by "):
			// Each re-keying migration's summary ends its warnings.
			if r.Message == summaryMsg {
				warned, summary = pending, attrs
			}
			pending = nil
		}
	}
	return warned, summary
}

// recordedLogs is a slog.Handler that keeps every record, for tests that
// read what the store reported.
type recordedLogs struct {
	mu      sync.Mutex
	records []slog.Record
}

func (h *recordedLogs) Enabled(context.Context, slog.Level) bool { return true }

func (h *recordedLogs) Handle(_ context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.records = append(h.records, r.Clone())
	return nil
}

// WithAttrs and WithGroup drop the logger's own attributes (component,
// dialect): the tests read the record's.
func (h *recordedLogs) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *recordedLogs) WithGroup(string) slog.Handler      { return h }

func (h *recordedLogs) all() []slog.Record {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.records)
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
