package store

import (
	"context"
	"testing"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestMigration10KeepsOldAssignmentsVerifiable writes routed and designated
// assignments with schema 9 (assignment_id UNIQUE, its own index), upgrades
// to 10 (no index on assignment_id; the audit check finds assignments by
// seq) and writes more: the chain over the old and the new rows verifies as
// one, and the index is gone.
func TestMigration10KeepsOldAssignmentsVerifiable(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir() + "/fenjian.db"
	idIndex := func(s *SQLite) bool {
		var n int
		if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'assignments' AND name LIKE 'sqlite_autoindex_%'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n > 0
	}
	write := func(s *SQLite, n int) {
		for _, req := range servedRequests(t, n) {
			d := req.triage.d
			if err := s.SaveTriage(ctx, proto.CloneOf(d), servedFilingOf(t, d), req.triage.plan); err != nil {
				t.Fatal(err)
			}
			// A designated assignment too: its row is found by seq like a drawn one.
			if err := s.SaveAssignment(ctx, &triagev1.Assignment{DecisionId: d.GetDecisionId(), TeamId: "civil-ordinary", Reason: "回避"}); err != nil {
				t.Fatal(err)
			}
		}
	}

	old, err := OpenSQLite(ctx, path, Options{schemaUpTo: 9})
	if err != nil {
		t.Fatal(err)
	}
	if !idIndex(old) {
		t.Fatal("schema 9 has no index on assignment_id: the test no longer starts from the old layout")
	}
	write(old, 5)
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	s, err := OpenSQLite(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.SchemaVersion(ctx); err != nil || v < 10 {
		t.Fatalf("SchemaVersion = %d, %v; want ≥ 10", v, err)
	}
	if idIndex(s) {
		t.Error("assignment_id is still indexed after migration 10")
	}
	write(s, 5)
	rep, err := s.VerifyAudit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK || rep.Decisions != 10 || rep.Assignments != 20 {
		t.Errorf("VerifyAudit over schema 9 and 10 rows: %s; want OK with 10 decisions and 20 assignments", rep)
	}
}
