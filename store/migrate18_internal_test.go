package store

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// TestMigration18PacksNewRowsAndReadsOld writes served decisions with schema
// 17 (bare encodings), upgrades to 18 and writes more (packed): the new rows
// are packed and under half a page, every reader returns old and new alike,
// and the audit chain over both verifies.
func TestMigration18PacksNewRowsAndReadsOld(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir() + "/fenjian.db"
	saved := map[string]*triagev1.Decision{}
	write := func(s *SQLite, n int) {
		for _, req := range servedRequests(t, n) {
			d := proto.CloneOf(req.triage.d)
			if err := s.SaveTriage(ctx, d, servedFilingOf(t, d), req.triage.plan); err != nil {
				t.Fatal(err)
			}
			saved[d.GetDecisionId()] = d
		}
	}
	// blobs returns each decision's stored (decision, filing) blobs.
	blobs := func(s *SQLite) map[string][2][]byte {
		rows, err := s.read.QueryContext(ctx, `SELECT decision_id, decision, filing FROM decisions`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string][2][]byte{}
		for rows.Next() {
			var id string
			var b [2][]byte
			if err := rows.Scan(&id, &b[0], &b[1]); err != nil {
				t.Fatal(err)
			}
			out[id] = b
		}
		return out
	}

	old, err := OpenSQLite(ctx, path, Options{schemaUpTo: packedBlobsVersion - 1})
	if err != nil {
		t.Fatal(err)
	}
	write(old, 3)
	before := blobs(old)
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	for id, b := range before {
		if b[0][0] == blobPacked || b[1][0] == blobPacked {
			t.Fatalf("decision %s stored packed at schema %d", id, packedBlobsVersion-1)
		}
	}

	s, err := OpenSQLite(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.SchemaVersion(ctx); err != nil || v < packedBlobsVersion {
		t.Fatalf("SchemaVersion = %d, %v; want ≥ %d", v, err, packedBlobsVersion)
	}
	write(s, 3)
	for id, b := range blobs(s) {
		if _, ok := before[id]; ok {
			continue
		}
		if b[0][0] != blobPacked || b[1][0] != blobPacked {
			t.Errorf("decision %s written after migration %d is not packed", id, packedBlobsVersion)
		}
		if n := len(b[0]) + len(b[1]); n > 1900 {
			t.Errorf("decision %s: packed blobs of %d bytes, two rows would not share a page", id, n)
		}
	}

	checkReadersAgree(t, s, saved)
	rep, err := s.VerifyAudit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK || rep.Decisions != 6 {
		t.Errorf("VerifyAudit over schema 17 and 18 rows: %s; want OK with 6 decisions", rep)
	}
}

// checkReadersAgree checks that every reader of decisions returns what was
// saved: GetDecision, GetFiling, GetCase and ScanCases.
func checkReadersAgree(t *testing.T, s *SQLite, saved map[string]*triagev1.Decision) {
	t.Helper()
	ctx := context.Background()
	for id, want := range saved {
		got, err := s.GetDecision(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got, protocmp.Transform()); diff != "" {
			t.Errorf("GetDecision(%s) (-saved +read):\n%s", id, diff)
		}
		f, err := s.GetFiling(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(servedFilingOf(t, want), f, protocmp.Transform()); diff != "" {
			t.Errorf("GetFiling(%s) (-saved +read):\n%s", id, diff)
		}
		c, err := s.GetCase(ctx, id)
		if err != nil || c.Decision.GetDecisionId() != id {
			t.Errorf("GetCase(%s) = %v, %v", id, c, err)
		}
	}
	scanned := 0
	if err := s.ScanCases(ctx, time.Time{}, func(c CaseRecord) error {
		if diff := cmp.Diff(saved[c.Decision.GetDecisionId()], c.Decision, protocmp.Transform()); diff != "" {
			t.Errorf("ScanCases (-saved +read):\n%s", diff)
		}
		scanned++
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if scanned != len(saved) {
		t.Errorf("ScanCases read %d cases, want %d", scanned, len(saved))
	}
}
