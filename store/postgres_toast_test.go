package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
)

// TestPostgresDecisionsCompressedInRow: migration 12 keeps a decision's
// blobs in its row, compressed, so a decision as triaged serves it (the
// bench's, testdata/served_*.txtpb) writes no row to the TOAST table,
// where before it wrote one per decision (docs/performance.md). A filing
// too long to fit in a page even compressed is still stored, out of line;
// rows stored before the migration keep their TOAST rows. Every decision
// reads back as saved and the chain verifies.
func TestPostgresDecisionsCompressedInRow(t *testing.T) {
	b := newPostgresBackend(t)
	s := b.open(t, store.Options{})
	ctx := context.Background()
	var toast string
	if err := b.raw.QueryRow(`SELECT reltoastrelid::regclass::text FROM pg_class WHERE oid = 'decisions'::regclass`).Scan(&toast); err != nil {
		t.Fatal(err)
	}
	chunks := func() int {
		t.Helper()
		var n int
		if err := b.raw.QueryRow(`SELECT count(*) FROM ` + toast).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	served, servedFiling := store.ServedCase(t)
	// A claim statement that lz4 cannot bring under a page: random
	// characters from the CJK block, ~6,000 of them (18 KB of UTF-8).
	rng := rand.New(rand.NewPCG(12, 13))
	var long strings.Builder
	for range 6000 {
		long.WriteRune(rune(0x4E00 + rng.IntN(0x5000)))
	}
	longFiling := proto.CloneOf(servedFiling)
	longFiling.Text = long.String()
	migration, err := os.ReadFile(filepath.Join("migrations", "postgres", "0012_decisions_blobs_inline.sql"))
	if err != nil {
		t.Fatal(err)
	}
	teams := []store.TeamSlot{{TeamID: "civil-fast-general", Capacity: 1 << 40}}

	type saved struct {
		d *triagev1.Decision
		f *triagev1.Filing
	}
	var all []saved
	tests := []struct {
		name string
		// before runs on the raw connection before the saves.
		before string
		filing *triagev1.Filing
		n      int
		// wantChunks reports whether the saves may add TOAST rows.
		wantChunks bool
	}{
		{name: "served decisions stay in the row", filing: servedFiling, n: 20},
		{name: "a filing over a page goes out of line", filing: longFiling, n: 1, wantChunks: true},
		{
			name: "rows saved before migration 12 keep their TOAST rows",
			before: `ALTER TABLE decisions ALTER COLUMN decision SET STORAGE EXTENDED, ALTER COLUMN filing SET STORAGE EXTENDED,
				ALTER COLUMN decision_id SET STORAGE EXTENDED, ALTER COLUMN filing_id SET STORAGE EXTENDED,
				ALTER COLUMN case_kind SET STORAGE EXTENDED, ALTER COLUMN recommended SET STORAGE EXTENDED,
				ALTER COLUMN model_version SET STORAGE EXTENDED, ALTER COLUMN rules_version SET STORAGE EXTENDED`,
			filing: servedFiling, n: 3, wantChunks: true,
		},
		{name: "served decisions stay in the row after the upgrade", before: string(migration), filing: servedFiling, n: 20},
	}
	for _, tt := range tests {
		if tt.before != "" {
			b.exec(t, tt.before)
		}
		before := chunks()
		for i := range tt.n {
			d, f := proto.CloneOf(served), proto.CloneOf(tt.filing)
			d.DecisionId = uuid.Must(uuid.NewV7()).String()
			f.Id = fmt.Sprintf("%s-%d", tt.filing.GetId(), len(all)) // one decision per filing
			d.FilingId = f.Id
			if err := s.SaveTriage(ctx, d, f, plan(uint64(i+1), teams...)); err != nil {
				t.Fatalf("%s: SaveTriage: %v", tt.name, err)
			}
			all = append(all, saved{d, f})
		}
		added := chunks() - before
		if tt.wantChunks && added == 0 {
			t.Errorf("%s: no TOAST rows written; the case does not test what it says", tt.name)
		}
		if !tt.wantChunks && added != 0 {
			t.Errorf("%s: %s gained %d rows for %d decisions, want 0", tt.name, toast, added, tt.n)
		}
	}
	for _, sv := range all {
		gotD, err := s.GetDecision(ctx, sv.d.GetDecisionId())
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(sv.d, gotD, protocmp.Transform()); diff != "" {
			t.Errorf("%s: decision read back (-want +got):\n%s", sv.d.GetDecisionId(), diff)
		}
		gotF, err := s.GetFiling(ctx, sv.d.GetDecisionId())
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(sv.f, gotF, protocmp.Transform()); diff != "" {
			t.Errorf("%s: filing read back (-want +got):\n%s", sv.d.GetDecisionId(), diff)
		}
	}
	verifyOK(t, s)
}
