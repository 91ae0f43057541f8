package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestCasePageIsOneIndexRange pins the plan SQLite chooses for the keyset
// page query of exports, statistics and feed replay: one range search of the
// composite (decided_at, decision_id) index, in index order, with no
// temporary sort. A plan with "TEMP B-TREE" or a multi-index OR reads every
// later row on every page, which made a 200k-decision export quadratic. The
// plan is a property of the schema and the query, so the test needs no data
// and no timing.
func TestCasePageIsOneIndexRange(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "fenjian.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, tc := range []struct {
		name  string
		query string
		args  []any
		// The range the index search must be on: the whole keyset, so a
		// page never visits the rows of the page before it.
		rangeOn string
	}{
		{"first page", firstCasePage, []any{int64(0), scanPage}, "decided_at>?"},
		{"next page", nextCasePage, []any{int64(0), "dec-1", scanPage}, "(decided_at,decision_id)>(?,?)"},
	} {
		name := tc.name
		plan := sqlitePlan(t, s, tc.query, tc.args...)
		got := strings.Join(plan, "; ")
		if !strings.Contains(got, "decisions_decided_at_id ("+tc.rangeOn+")") || strings.Contains(got, "TEMP B-TREE") || strings.Contains(got, "MULTI-INDEX OR") {
			t.Errorf("%s: plan %q, want one range search of decisions_decided_at_id without a temporary sort", name, got)
		}
	}
}

// BenchmarkScanCases reads every case of a store of 50k and of 200k
// decisions, the scan behind export, stats and feed replay. A linear scan
// takes about four times as long per op for four times the rows (ns/op), and
// the same time per decision (ns/decision); the quadratic keyset this
// replaced took 17.7× for 2.5× the rows. Rows are inserted directly (no
// chain, no outcomes) because only the scan is measured.
//
//	go test -run '^$' -bench ScanCases -benchtime 2x ./store/
func BenchmarkScanCases(b *testing.B) {
	ctx := context.Background()
	filing := &triagev1.Filing{Id: "(2024)苏0106民初1号", CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL,
		Text: strings.Repeat("诉讼请求：判令被告偿还借款及利息。", 40)}
	decision := &triagev1.Decision{CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL, RulesVersion: "bench", ModelVersion: "bench"}
	for range 3 {
		decision.Options = append(decision.Options, &triagev1.ProcedureOption{
			Procedure: triagev1.Procedure_PROCEDURE_SIMPLIFIED, Available: true, Probability: 0.5,
			Reasons: []*triagev1.Reason{{Code: "CPL160_SIMPLE_CASE", Article: "民事诉讼法第一百六十条第一款",
				Message: "以案件事实清楚、权利义务关系明确、争议不大为前提。"}}})
	}
	filingBlob, err := proto.Marshal(filing)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{50_000, 200_000} {
		b.Run(fmt.Sprintf("decisions=%d", n), func(b *testing.B) {
			s, err := OpenSQLite(ctx, filepath.Join(b.TempDir(), "fenjian.db"), Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			tx, err := s.write.BeginTx(ctx, nil)
			if err != nil {
				b.Fatal(err)
			}
			ins, err := tx.PrepareContext(ctx, `INSERT INTO decisions (decision_id, filing_id, case_kind, recommended,
needs_review, model_version, rules_version, decided_at, decision, filing, filing_key) VALUES (?, ?, 'civil', 'simplified', 0, 'bench', 'bench', ?, ?, ?, ?)`)
			if err != nil {
				b.Fatal(err)
			}
			base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano()
			for i := range n {
				decision.DecisionId = fmt.Sprintf("dec-%07d", i)
				blob, err := proto.Marshal(decision)
				if err != nil {
					b.Fatal(err)
				}
				// Ten decisions share each timestamp, as a busy second does,
				// so the keyset's tie-break on decision_id is exercised.
				if _, err := ins.ExecContext(ctx, decision.DecisionId, filing.Id, base+int64(i/10)*int64(time.Millisecond), blob, filingBlob, filingKey(filing.Id)); err != nil {
					b.Fatal(err)
				}
			}
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				seen := 0
				if err := s.ScanCases(ctx, time.Time{}, func(CaseRecord) error { seen++; return nil }); err != nil {
					b.Fatal(err)
				}
				if seen != n {
					b.Fatalf("scanned %d cases, want %d", seen, n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/decision")
		})
	}
}
