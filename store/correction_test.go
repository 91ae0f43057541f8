package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
)

// TestFilingAndCorrections: the filing stored with a decision comes back
// as saved (an outcome's correction is compared with it), an outcome with a
// fact correction and a holiday-adjusted time limit round-trips, and an
// outcome record encoded before those fields existed still loads beside it,
// also from a store opened afresh.
func TestFilingAndCorrections(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		ctx := context.Background()
		_, f := civilCase("1")
		if err := save(ctx, s, "1"); err != nil {
			t.Fatal(err)
		}
		got, err := s.GetFiling(ctx, "dec-1")
		if err != nil {
			t.Fatalf("GetFiling: %v", err)
		}
		if diff := cmp.Diff(f, got, protocmp.Transform()); diff != "" {
			t.Fatalf("GetFiling, not the saved filing (-want +got):\n%s", diff)
		}
		for _, id := range []string{"dec-unknown", "dec\x00"} {
			if _, err := s.GetFiling(ctx, id); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("GetFiling(%q) = %v, want ErrNotFound", id, err)
			}
		}
		if _, err := s.GetFiling(ctx, ""); err == nil || errors.Is(err, store.ErrNotFound) {
			t.Errorf("GetFiling(\"\") = %v, want a plain error", err)
		}

		// An outcome as a server without corrections wrote it: only fields
		// 2–8 and a time limit of fields 1–7, encoded by hand so no newer
		// field can slip in.
		var tl []byte
		tl = protowire.AppendTag(tl, 1, protowire.VarintType)
		tl = protowire.AppendVarint(tl, uint64(triagev1.Procedure_PROCEDURE_SMALL_CLAIMS))
		tl = protowire.AppendTag(tl, 4, protowire.BytesType)
		tl = protowire.AppendString(tl, "2024-05-05")
		var oldBlob []byte
		oldBlob = protowire.AppendTag(oldBlob, 2, protowire.BytesType)
		oldBlob = protowire.AppendString(oldBlob, "dec-1")
		oldBlob = protowire.AppendTag(oldBlob, 3, protowire.VarintType)
		oldBlob = protowire.AppendVarint(oldBlob, uint64(triagev1.Procedure_PROCEDURE_SMALL_CLAIMS))
		oldBlob = protowire.AppendTag(oldBlob, 4, protowire.VarintType)
		oldBlob = protowire.AppendVarint(oldBlob, uint64(triagev1.ChangeKind_CHANGE_KIND_CONFIRMED))
		oldBlob = protowire.AppendTag(oldBlob, 8, protowire.BytesType)
		oldBlob = protowire.AppendString(oldBlob, "2024-03-06")
		oldBlob = protowire.AppendTag(oldBlob, 12, protowire.BytesType)
		oldBlob = protowire.AppendBytes(oldBlob, tl)
		old := &triagev1.Outcome{}
		if err := proto.Unmarshal(oldBlob, old); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveOutcome(ctx, old); err != nil {
			t.Fatal(err)
		}

		corrected := proto.Clone(f).(*triagev1.Filing)
		corrected.ClaimAmountFen = 1_000_000
		o := &triagev1.Outcome{
			DecisionId: "dec-1", Procedure: triagev1.Procedure_PROCEDURE_ORDINARY,
			Change:    triagev1.ChangeKind_CHANGE_KIND_SMALL_CLAIMS_TO_ORDINARY,
			DecidedBy: "judge-17", DecidedOn: "2024-03-20", Previous: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS,
			Correction: &triagev1.FactCorrection{Filing: corrected, Basis: "原告变更诉讼请求申请书", ChangedFields: []string{"claim_amount_fen"}},
			TimeLimit: &triagev1.TimeLimit{Procedure: triagev1.Procedure_PROCEDURE_ORDINARY, Months: 6,
				DueOn: "2024-09-05", HolidayCalendar: "2026-12-02"},
		}
		if err := s.SaveOutcome(ctx, o); err != nil {
			t.Fatal(err)
		}
		check := func(s store.Store) {
			t.Helper()
			list, err := s.ListOutcomes(ctx, "dec-1")
			if err != nil || len(list) != 2 {
				t.Fatalf("ListOutcomes = %v, %v", list, err)
			}
			if diff := cmp.Diff(old, list[0], protocmp.Transform()); diff != "" || list[0].GetCorrection() != nil || list[0].GetTimeLimit().GetHolidayCalendar() != "" {
				t.Errorf("old record = %v (-want +got):\n%s", list[0], diff)
			}
			if diff := cmp.Diff(o, list[1], protocmp.Transform()); diff != "" {
				t.Errorf("corrected outcome (-want +got):\n%s", diff)
			}
		}
		check(s)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		check(b.open(t, store.Options{}))
	})
}
