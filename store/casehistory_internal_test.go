package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestCaseReadsUseIndexes pins the plans of GetCase's per-case reads on
// both databases: an equality search of the decision_id index (on SQLite
// read in seq order, the rowid, with no sort), never a scan of the table, so reading one
// case costs its own rows however long the record. The plan is a property
// of the schema and the query; PostgreSQL, whose planner scans a small
// table whatever its indexes, is asked with sequential scans priced out.
// Searching assignments by a column without an index (assignment_id)
// fails both; ordering them by assigned_at, which PostgreSQL sorts after
// the index scan, fails SQLite's.
func TestCaseReadsUseIndexes(t *testing.T) {
	ctx := context.Background()
	queries := []struct{ name, query, sqliteIndex, pgIndex string }{
		{"outcomes", selectCaseOutcomes, "outcomes_decision_seq (decision_id=?)", "outcomes_decision_seq"},
		{"assignments", selectCaseAssignments, "assignments_decision (decision_id=?)", "assignments_decision_seq"},
	}
	t.Run("sqlite", func(t *testing.T) {
		s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "plans.db"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		for _, q := range queries {
			plan := sqlitePlan(t, s, s.dialect.q(q.query), "dec-1")
			got := strings.Join(plan, "; ")
			if !strings.Contains(got, "USING INDEX "+q.sqliteIndex) || strings.Contains(got, "TEMP B-TREE") {
				t.Errorf("%s: plan %q, want a search of %s without a temporary sort", q.name, got, q.sqliteIndex)
			}
		}
	})
	t.Run("postgres", func(t *testing.T) {
		p := openTestPostgres(t, Options{})
		for _, q := range queries {
			tx, err := p.read.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tx.ExecContext(ctx, `SET LOCAL enable_seqscan = off`); err != nil {
				t.Fatal(err)
			}
			rows, err := tx.QueryContext(ctx, "EXPLAIN "+strings.Replace(p.dialect.q(q.query), "$1", "'dec-1'", 1))
			if err != nil {
				t.Fatalf("%s: %v", q.name, err)
			}
			var plan []string
			for rows.Next() {
				var line string
				if err := rows.Scan(&line); err != nil {
					t.Fatal(err)
				}
				plan = append(plan, strings.TrimSpace(line))
			}
			if err := rows.Close(); err != nil {
				t.Fatal(err)
			}
			_ = tx.Rollback()
			got := strings.Join(plan, "; ")
			// An index or bitmap index scan; PostgreSQL may sort the
			// case's few rows by seq after a bitmap scan.
			if !strings.Contains(got, "Index Scan using "+q.pgIndex) && !strings.Contains(got, "Index Scan on "+q.pgIndex) || strings.Contains(got, "Seq Scan") {
				t.Errorf("%s: plan %q, want a search of %s, no sequential scan", q.name, got, q.pgIndex)
			}
		}
	})
}

// sqlitePlan is the detail column of SQLite's EXPLAIN QUERY PLAN of query.
func sqlitePlan(t *testing.T, s *SQLite, query string, args ...any) []string {
	t.Helper()
	rows, err := s.read.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatalf("explain %s: %v", query, err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return plan
}
