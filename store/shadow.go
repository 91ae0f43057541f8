package store

import (
	"context"
	"fmt"
	"math"
	"time"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// ShadowScore is what a shadow model recommended for a recorded decision's
// filing, next to what the serving model recommended (migration 0008). It
// is not a record: shadow scores stay outside the audit chain, because no
// one acts on them; they are evidence for promoting a model.
type ShadowScore struct {
	// DecisionID names the recorded decision whose filing was scored.
	DecisionID string
	// DecidedAt is the decision's decided_at, so the agreement can be
	// counted over the same period as the decisions (ShadowAgreement).
	DecidedAt time.Time
	CaseKind  triagev1.CaseKind
	// ServedModel and Served are the serving model's version and
	// recommendation, as the decision holds them.
	ServedModel string
	Served      triagev1.Procedure
	// ShadowModel and Shadow are the shadow model's version and
	// recommendation under the same rules.
	ShadowModel string
	Shadow      triagev1.Procedure
	// ScoredAt is when the shadow model scored the filing.
	ScoredAt time.Time
}

// ShadowCount is how many decisions of one case kind a shadow model scored
// with one pair of recommendations (served, shadow) next to one serving
// model.
type ShadowCount struct {
	ServedModel, ShadowModel string
	CaseKind                 triagev1.CaseKind
	Served, Shadow           triagev1.Procedure
	Count                    int
}

// insertShadowScore records one score; a decision scored again by the same
// shadow model (a retried batch) keeps its first row.
const insertShadowScore = `INSERT INTO shadow_scores
(decision_id, shadow_model, served_model, case_kind, served, shadow, decided_at, scored_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (decision_id, shadow_model) DO NOTHING`

// SaveShadowScores records scores in one transaction, committed before it
// returns. It runs on the writer's connection, between group commits, but
// takes no chain lock and adds no audit row: a batch of scores costs the
// decisions' writer one commit's wait, whatever its size. A score of an
// unrecorded decision fails the batch (the foreign key); any database
// failure is ErrUnavailable.
func (s *sqlStore) SaveShadowScores(ctx context.Context, scores []ShadowScore) error {
	for i, sc := range scores {
		if sc.DecisionID == "" || sc.ShadowModel == "" || sc.ServedModel == "" {
			return fmt.Errorf("store: shadow score %d: decision_id, shadow and served model are required", i)
		}
		if err := checkNUL("decision_id", sc.DecisionID, "shadow_model", sc.ShadowModel, "served_model", sc.ServedModel); err != nil {
			return err
		}
	}
	if len(scores) == 0 {
		return nil
	}
	if s.writer.isClosed() {
		return errClosed("save shadow scores")
	}
	if err := s.saveShadowScores(ctx, scores); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("save shadow scores: %w", ctx.Err())
		}
		return fmt.Errorf("save shadow scores: %w: %w", ErrUnavailable, err)
	}
	return nil
}

func (s *sqlStore) saveShadowScores(ctx context.Context, scores []ShadowScore) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() { _ = tx.Rollback() }() // no-op after Commit
	stmt, err := tx.PrepareContext(ctx, s.dialect.q(insertShadowScore))
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	defer stmt.Close()
	for _, sc := range scores {
		if _, err := stmt.ExecContext(ctx, sc.DecisionID, sc.ShadowModel, sc.ServedModel, sc.CaseKind.String(),
			sc.Served.String(), sc.Shadow.String(), sc.DecidedAt.UnixNano(), sc.ScoredAt.UnixNano()); err != nil {
			return fmt.Errorf("insert score of %s: %w", sc.DecisionID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// shadowAgreement counts the scores of decisions decided at or after a time.
const shadowAgreement = `SELECT served_model, shadow_model, case_kind, served, shadow, COUNT(*)
FROM shadow_scores WHERE decided_at >= ?
GROUP BY served_model, shadow_model, case_kind, served, shadow
ORDER BY served_model, shadow_model, case_kind, served, shadow`

// ShadowAgreement counts the shadow scores of the decisions decided at or
// after since, by serving and shadow model, case kind and pair of
// recommendations, in that order.
func (s *sqlStore) ShadowAgreement(ctx context.Context, since time.Time) ([]ShadowCount, error) {
	from := int64(math.MinInt64)
	if !since.IsZero() {
		from = since.UnixNano()
	}
	var out []ShadowCount
	err := s.retryRead(ctx, func() error {
		out = out[:0]
		rows, err := s.read.QueryContext(ctx, s.dialect.q(shadowAgreement), from)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c ShadowCount
			var kind, served, shadow string
			if err := rows.Scan(&c.ServedModel, &c.ShadowModel, &kind, &served, &shadow, &c.Count); err != nil {
				return err
			}
			var ok [3]bool
			var k, sv, sh int32
			k, ok[0] = triagev1.CaseKind_value[kind]
			sv, ok[1] = triagev1.Procedure_value[served]
			sh, ok[2] = triagev1.Procedure_value[shadow]
			if ok != [3]bool{true, true, true} {
				return &errDecode{fmt.Errorf("shadow score (%s, %s, %s) names an unknown enum value", kind, served, shadow)}
			}
			c.CaseKind, c.Served, c.Shadow = triagev1.CaseKind(k), triagev1.Procedure(sv), triagev1.Procedure(sh)
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("shadow agreement: %w", err)
	}
	return out, nil
}
