package store

import (
	"context"
	"math/bits"
	"testing"
)

// TestChunkSizesTakeOneStatementPerBit: a batch of n rows is inserted with
// one prepared multi-row INSERT per set bit of n (below 64) plus one per 64
// rows, every row exactly once; each statement execution has a fixed cost
// in the writer (docs/performance.md, store27).
func TestChunkSizesTakeOneStatementPerBit(t *testing.T) {
	for _, tc := range []struct{ rows, statements int }{
		{1, 1}, {2, 1}, {3, 2}, {8, 1}, {13, 3}, {26, 3}, {32, 1}, {63, 6}, {64, 1}, {65, 2}, {130, 3},
	} {
		statements, covered := 0, 0
		for covered < tc.rows {
			covered += chunkSize(tc.rows - covered)
			statements++
		}
		if covered != tc.rows || statements != tc.statements {
			t.Errorf("%d rows: %d statements covering %d rows, want %d covering %d", tc.rows, statements, covered, tc.statements, tc.rows)
		}
		if want := tc.rows/64 + bits.OnesCount(uint(tc.rows%64)); statements != want {
			t.Errorf("%d rows: %d statements, want one per 64 rows and per set bit: %d", tc.rows, statements, want)
		}
	}
}

// TestCommitBatchStoresEveryRowOfEachChunking commits batches of sizes that
// take every chunk size through the writer's commit on a real SQLite file,
// and counts the rows each table got.
func TestCommitBatchStoresEveryRowOfEachChunking(t *testing.T) {
	s, err := OpenSQLite(context.Background(), t.TempDir()+"/fenjian.db", Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	ctx := context.Background()
	total := 0
	for _, n := range []int{1, 2, 3, 7, 13, 31, 64, 127} {
		reqs := servedRequests(t, n)
		if err := s.commitBatch(ctx, reqs); err != nil {
			t.Fatalf("batch of %d: %v", n, err)
		}
		for _, r := range reqs {
			if r.rejected != nil {
				t.Fatalf("batch of %d: %v", n, r.rejected)
			}
		}
		total += n
		for table, want := range map[string]int{"decisions": total, "assignments": total, "audit_log": 2 * total} {
			var got int
			if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("after a batch of %d: %s has %d rows, want %d", n, table, got, want)
			}
		}
	}
	rep, err := s.VerifyAudit(ctx)
	if err != nil || !rep.OK || rep.Records != int64(2*total) {
		t.Errorf("audit chain: %+v, %v; want OK over %d records", rep, err, 2*total)
	}
}
