package store_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/protobuf/testing/protocmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
)

// TestRecordedByRoundTrip: who entered an outcome or a designation is
// stored with it, beside who decided it, and comes back as written; the
// chain, which hashes the record, verifies.
func TestRecordedByRoundTrip(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		s := b.open(t, store.Options{})
		ctx := context.Background()
		if err := save(ctx, s, "rb"); err != nil {
			t.Fatal(err)
		}
		o := &triagev1.Outcome{DecisionId: "dec-rb", Procedure: triagev1.Procedure_PROCEDURE_SIMPLIFIED,
			Change: triagev1.ChangeKind_CHANGE_KIND_OVERRIDDEN, DecidedBy: "judge-17", RecordedBy: "clerk-07", DecidedOn: "2024-03-06"}
		if err := s.SaveOutcome(ctx, o); err != nil {
			t.Fatal(err)
		}
		got, err := s.ListOutcomes(ctx, "dec-rb")
		if err != nil || len(got) != 1 {
			t.Fatalf("ListOutcomes = %v, %v", got, err)
		}
		if diff := cmp.Diff(o, got[0], protocmp.Transform()); diff != "" {
			t.Errorf("outcome (-saved +read):\n%s", diff)
		}
		a := &triagev1.Assignment{DecisionId: "dec-rb", TeamId: "trial-1", DesignatedBy: "president-1", RecordedBy: "clerk-07", Reason: "承办法官回避"}
		if err := s.SaveAssignment(ctx, a); err != nil {
			t.Fatal(err)
		}
		list, err := s.ListAssignments(ctx, "trial-1", 0, 10)
		if err != nil || len(list) != 1 {
			t.Fatalf("ListAssignments = %v, %v", list, err)
		}
		if diff := cmp.Diff(a, list[0], protocmp.Transform()); diff != "" {
			t.Errorf("assignment (-saved +read):\n%s", diff)
		}
		verifyOK(t, s)
	})
}
