package store

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"
)

// TestSealedRowsAreStoredAsHashed holds what a commit stores to what the
// insert bound before rows kept their sealed columns: each decision row's
// columns are its args() and filing key, byte for byte, computed afresh
// from the row after the commit, and every stored decision and assignment
// hashes to the record_sha256 its audit row holds (VerifyAudit recomputes
// the digests from the stored columns). Routed decisions in batches of 1,
// 13 and 64, and decisions stored without a plan (SaveDecision's rows).
func TestSealedRowsAreStoredAsHashed(t *testing.T) {
	s, err := OpenSQLite(context.Background(), t.TempDir()+"/fenjian.db", Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	ctx := context.Background()
	d0, f0 := servedCase(t)
	plain := func(n int) []*saveRequest {
		reqs := make([]*saveRequest, n)
		for i := range reqs {
			d, f := servedCopy(d0, f0)
			row, err := newDecisionRow(d, f, time.Unix(1764739200, int64(i)), true)
			if err != nil {
				t.Fatal(err)
			}
			reqs[i] = &saveRequest{ctx: ctx, decision: row}
		}
		return reqs
	}
	batches := []struct {
		name string
		reqs []*saveRequest
	}{
		{"routed, 1", servedRequests(t, 1)},
		{"routed, 13", servedRequests(t, 13)},
		{"unrouted, 3", plain(3)},
		{"routed, 64", servedRequests(t, 64)},
	}
	records := 0
	for _, bt := range batches {
		if err := s.commitBatch(ctx, bt.reqs); err != nil {
			t.Fatalf("%s: %v", bt.name, err)
		}
		for _, r := range bt.reqs {
			if r.rejected != nil {
				t.Fatalf("%s: %v", bt.name, r.rejected)
			}
			records++
			if r.triage != nil {
				records++ // its assignment
			}
			row := r.decision
			want := append(row.args(), row.filingKey)
			var (
				decisionID, filingID, caseKind, recommended, modelVersion, rulesVersion, key string
				needsReview, decidedAt                                                       int64
				decision, filing                                                             []byte
			)
			err := s.read.QueryRowContext(ctx, "SELECT "+decisionInsertColumns+" FROM decisions WHERE decision_id = ?", row.decisionID).Scan(
				&decisionID, &filingID, &caseKind, &recommended, &needsReview, &modelVersion, &rulesVersion, &decidedAt, &decision, &filing, &key)
			if err != nil {
				t.Fatalf("%s: read %s: %v", bt.name, row.decisionID, err)
			}
			got := []any{decisionID, filingID, caseKind, recommended, needsReview, modelVersion, rulesVersion, decidedAt, decision, filing, key}
			for i := range want {
				if !sameColumn(got[i], want[i]) {
					t.Errorf("%s: decision %s column %d = %.80v; want %.80v", bt.name, row.decisionID, i, got[i], want[i])
				}
			}
		}
	}
	rep, err := s.VerifyAudit(ctx)
	if err != nil || !rep.OK || rep.Records != int64(records) {
		t.Errorf("audit chain: %+v, %v; want OK over %d records", rep, err, records)
	}
}

func sameColumn(a, b any) bool {
	if x, ok := a.([]byte); ok {
		y, ok := b.([]byte)
		return ok && bytes.Equal(x, y)
	}
	return fmt.Sprint(a) == fmt.Sprint(b) && fmt.Sprintf("%T", a) == fmt.Sprintf("%T", b)
}

// TestSealedRowsBoxNoColumnAgain: once a batch has sealed a row (hashed
// its columns for the chain), the SQLite insert binds those columns
// without boxing each into an interface again: about 11 allocations per
// decision and 10 per assignment that the insert made a second time.
func TestSealedRowsBoxNoColumnAgain(t *testing.T) {
	reqs := servedRequests(t, 1)
	row := reqs[0].decision
	row.decision = []byte("decision")
	row.seal()
	a := &assignmentRow{assignmentID: "a", decisionID: row.decisionID, teamID: "t", kind: "random",
		period: "2026-12", assignedAt: 1764739200123456789, seq: 7, assignment: []byte("x"), previousTeamID: "p"}
	a.seal()
	dst := make([]any, 0, 64)
	for _, tt := range []struct {
		name   string
		append func() []any
	}{
		{"decision", func() []any { return row.appendInsertArgs(dst[:0], false) }},
		{"decision, unkeyed", func() []any { return row.appendInsertArgs(dst[:0], true) }},
		{"assignment", func() []any { return a.appendInsertArgs(dst[:0]) }},
	} {
		if n := testing.AllocsPerRun(100, func() { tt.append() }); n != 0 {
			t.Errorf("%s: %v allocations per insert's arguments; want 0", tt.name, n)
		}
	}
}
