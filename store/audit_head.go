package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// AuditHead is the chain's head: the last seq, its hash, and the decisions
// recorded before the chain began (a count fixed by migration 0003, which a
// signed checkpoint pins so that raising it to cover a forged row is seen).
type AuditHead struct {
	Seq                int64
	Hash               string
	UnchainedDecisions int64
}

// AuditHead returns the head; see Store.AuditHead.
func (s *sqlStore) AuditHead(ctx context.Context) (AuditHead, error) {
	var h AuditHead
	err := s.retryRead(ctx, func() error {
		return s.read.QueryRowContext(ctx, `SELECT seq, hash, unchained_decisions FROM audit_head WHERE id = 1`).
			Scan(&h.Seq, &h.Hash, &h.UnchainedDecisions)
	})
	if err != nil {
		return AuditHead{}, fmt.Errorf("read audit head: %w", err)
	}
	return h, nil
}

// AuditHashAt returns the hash of audit row seq; see Store.AuditHashAt.
func (s *sqlStore) AuditHashAt(ctx context.Context, seq int64) (string, error) {
	var hash string
	err := s.retryRead(ctx, func() error {
		err := s.read.QueryRowContext(ctx, s.dialect.q(`SELECT hash FROM audit_log WHERE seq = ?`), seq).Scan(&hash)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("audit row %d: %w", seq, ErrNotFound)
		}
		return err
	})
	if err != nil {
		return "", fmt.Errorf("read audit row %d: %w", seq, err)
	}
	return hash, nil
}
