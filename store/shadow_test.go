package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
	"github.com/fenjian/fenjian/store"
)

// TestShadowScores: scores of recorded decisions are counted by model pair,
// case kind and pair of recommendations, from a decided_at on; a score
// recorded again keeps its first row; a score of an unrecorded decision
// fails its whole batch; nothing enters the audit chain.
func TestShadowScores(t *testing.T) {
	forEachStore(t, func(t *testing.T, b *backend) {
		ctx := context.Background()
		s := b.open(t, store.Options{})
		for _, id := range []string{"a", "b", "c"} {
			if err := save(ctx, s, id); err != nil {
				t.Fatal(err)
			}
		}
		march := time.Date(2024, 3, 5, 9, 30, 0, 0, time.UTC)
		score := func(id, shadowModel string, shadow triagev1.Procedure, decided time.Time) store.ShadowScore {
			return store.ShadowScore{
				DecisionID: "dec-" + id, DecidedAt: decided, CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL,
				ServedModel: "m-2024.03", Served: triagev1.Procedure_PROCEDURE_SMALL_CLAIMS,
				ShadowModel: shadowModel, Shadow: shadow, ScoredAt: decided.Add(time.Second),
			}
		}
		small, simplified := triagev1.Procedure_PROCEDURE_SMALL_CLAIMS, triagev1.Procedure_PROCEDURE_SIMPLIFIED
		if err := s.SaveShadowScores(ctx, []store.ShadowScore{
			score("a", "cand-1", small, march),
			score("b", "cand-1", simplified, march.AddDate(0, 1, 0)),
			score("c", "cand-1", small, march.AddDate(0, 1, 0)),
			score("a", "cand-2", simplified, march),
		}); err != nil {
			t.Fatalf("SaveShadowScores: %v", err)
		}
		// Recorded again (a retried batch): the first row stays.
		if err := s.SaveShadowScores(ctx, []store.ShadowScore{score("a", "cand-1", simplified, march)}); err != nil {
			t.Fatalf("SaveShadowScores again: %v", err)
		}
		count := func(shadowModel string, shadow triagev1.Procedure, n int) store.ShadowCount {
			return store.ShadowCount{ServedModel: "m-2024.03", ShadowModel: shadowModel, CaseKind: triagev1.CaseKind_CASE_KIND_CIVIL,
				Served: small, Shadow: shadow, Count: n}
		}
		for _, tt := range []struct {
			name  string
			since time.Time
			want  []store.ShadowCount
		}{
			// In the store's order: by model, then enum names
			// (SIMPLIFIED sorts before SMALL_CLAIMS).
			{"all", time.Time{}, []store.ShadowCount{count("cand-1", simplified, 1), count("cand-1", small, 2), count("cand-2", simplified, 1)}},
			{"since April", march.AddDate(0, 1, 0), []store.ShadowCount{count("cand-1", simplified, 1), count("cand-1", small, 1)}},
			{"since May", march.AddDate(0, 2, 0), nil},
		} {
			got, err := s.ShadowAgreement(ctx, tt.since)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s: ShadowAgreement (-want +got):\n%s", tt.name, diff)
			}
		}

		// One unrecorded decision fails its batch: nothing of it is stored.
		err := s.SaveShadowScores(ctx, []store.ShadowScore{score("b", "cand-3", small, march), score("nope", "cand-3", small, march)})
		if !errors.Is(err, store.ErrUnavailable) {
			t.Errorf("score of an unrecorded decision: %v, want ErrUnavailable", err)
		}
		got, err := s.ShadowAgreement(ctx, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range got {
			if c.ShadowModel == "cand-3" {
				t.Errorf("a failed batch left %+v", c)
			}
		}

		for name, bad := range map[string]store.ShadowScore{
			"no decision id":  {ShadowModel: "x", ServedModel: "y"},
			"no shadow model": {DecisionID: "dec-a", ServedModel: "y"},
			"NUL":             {DecisionID: "dec-a", ShadowModel: "x\x00", ServedModel: "y"},
		} {
			if err := s.SaveShadowScores(ctx, []store.ShadowScore{bad}); err == nil || errors.Is(err, store.ErrUnavailable) {
				t.Errorf("%s: %v, want a plain error", name, err)
			}
		}

		// Outside the audit chain: the chain still verifies and holds the
		// three decisions only.
		rep, err := s.VerifyAudit(ctx)
		if err != nil || !rep.OK {
			t.Fatalf("VerifyAudit: %+v, %v", rep, err)
		}
	})
}

// TestShadowScoresAfterClose: a closed store refuses with ErrUnavailable.
func TestShadowScoresAfterClose(t *testing.T) {
	s, err := store.Open(context.Background(), t.TempDir()+"/fenjian.db", store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	err = s.SaveShadowScores(context.Background(), []store.ShadowScore{{DecisionID: "d", ShadowModel: "x", ServedModel: "y"}})
	if !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("after Close: %v, want ErrUnavailable", err)
	}
}
