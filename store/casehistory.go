package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"google.golang.org/protobuf/proto"

	triagev1 "github.com/fenjian/fenjian/api/fenjian/triage/v1"
)

// CaseHistory is one decided case's record, read in one snapshot: the
// decision as answered and what was recorded of the case since.
type CaseHistory struct {
	Decision *triagev1.Decision
	// Outcomes in recording order; empty when none was recorded.
	Outcomes []*triagev1.Outcome
	// Assignments in recording order (the draw, re-draws, UNROUTED
	// assignments, designations); empty when the case was never assigned.
	Assignments []*triagev1.Assignment
}

// The per-case reads: each an ordered range of the (decision_id, seq)
// index (outcomes_decision_seq; assignments_decision_seq on PostgreSQL, and
// on SQLite assignments_decision, whose entries end in seq, the rowid), so a
// case costs its own rows however long the record (TestCaseReadsUseIndexes).
const (
	selectCaseOutcomes    = `SELECT decision_id, outcome FROM outcomes WHERE decision_id = ? ORDER BY seq`
	selectCaseAssignments = `SELECT decision_id, assignment FROM assignments WHERE decision_id = ? ORDER BY seq`
)

// GetCase returns the record of decision decisionID: the decision, its
// outcomes and its assignments, in one read snapshot, so an outcome is never
// shown without the re-draw its transaction recorded. An unknown decision
// fails with ErrNotFound.
func (s *sqlStore) GetCase(ctx context.Context, decisionID string) (*CaseHistory, error) {
	if decisionID == "" {
		return nil, errors.New("store: decision_id is empty")
	}
	return s.readCase(ctx, "get case of decision", decisionID, func(context.Context, *sql.Tx) (string, error) {
		return decisionID, nil
	})
}

// GetCaseByFiling is GetCase for the filing filingID: the first decision
// stored under its filing key (any spelling of the same case number), the
// one Triage's ALREADY_EXISTS names. An unknown filing fails with
// ErrNotFound.
func (s *sqlStore) GetCaseByFiling(ctx context.Context, filingID string) (*CaseHistory, error) {
	if filingID == "" {
		return nil, errors.New("store: filing_id is empty")
	}
	key := s.dialect.filingLookupKey(filingID, filingKey(filingID))
	return s.readCase(ctx, "get case of filing", filingID, func(ctx context.Context, tx *sql.Tx) (string, error) {
		arg, err := s.dialect.filingKeysArg([]string{key})
		if err != nil {
			return "", err
		}
		// The writer's own lookup (batch.lookUpStoredFilings): its first
		// row is the filing's first decision.
		var k, id, stored string
		err = tx.QueryRowContext(ctx, s.dialect.selectDecisionsForFilings, arg).Scan(&k, &id, &stored)
		if errors.Is(err, sql.ErrNoRows) {
			return "", ErrNotFound
		}
		return id, err
	})
}

// readCase reads a case whose decision id find returns, in one read-only
// snapshot, again on another connection when the one it got had died
// (retryRead). key is what the caller named the case by, for errors.
func (s *sqlStore) readCase(ctx context.Context, op, key string, find func(context.Context, *sql.Tx) (string, error)) (*CaseHistory, error) {
	if strings.IndexByte(key, 0) >= 0 {
		// Never stored, and PostgreSQL refuses NUL in text as an error.
		return nil, fmt.Errorf("%s %q: %w", op, key, ErrNotFound)
	}
	var c *CaseHistory
	err := s.retryRead(ctx, func() error {
		var err error
		c, err = s.readCaseOnce(ctx, find)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%s %q: %w", op, key, err)
	}
	return c, nil
}

func (s *sqlStore) readCaseOnce(ctx context.Context, find func(context.Context, *sql.Tx) (string, error)) (*CaseHistory, error) {
	tx, err := s.read.BeginTx(ctx, s.dialect.snapshotTx)
	if err != nil {
		return nil, err
	}
	defer func() { _ = tx.Rollback() }() // read-only: nothing to keep
	id, err := find(ctx, tx)
	if err != nil {
		return nil, err
	}
	var blob []byte
	err = tx.QueryRowContext(ctx, s.dialect.selectDecision, id).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	c := &CaseHistory{Decision: &triagev1.Decision{}}
	if err := proto.Unmarshal(blob, c.Decision); err != nil {
		return nil, &errDecode{fmt.Errorf("decision %q: %w", id, err)}
	}
	err = eachBlobOn(ctx, tx, s.dialect.q(selectCaseOutcomes), []any{id}, func(_ string, blob []byte) error {
		o, err := decodeOutcome(id, blob)
		if err != nil {
			return err
		}
		c.Outcomes = append(c.Outcomes, o)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachBlobOn(ctx, tx, s.dialect.q(selectCaseAssignments), []any{id}, func(_ string, blob []byte) error {
		a, err := decodeAssignment(id, blob)
		if err != nil {
			return err
		}
		c.Assignments = append(c.Assignments, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// decodeOutcome decodes an outcome row of decision id. A row that does not
// decode is an errDecode naming the decision, in the same words whichever
// read found it (ListOutcomes, GetCase, ScanCases).
func decodeOutcome(id string, blob []byte) (*triagev1.Outcome, error) {
	o := &triagev1.Outcome{}
	if err := proto.Unmarshal(blob, o); err != nil {
		return nil, &errDecode{fmt.Errorf("outcome of decision %q: %w", id, err)}
	}
	return o, nil
}

// decodeAssignment is decodeOutcome for an assignment row (GetCase,
// ScanCases, ListAssignments).
func decodeAssignment(id string, blob []byte) (*triagev1.Assignment, error) {
	a := &triagev1.Assignment{}
	if err := proto.Unmarshal(blob, a); err != nil {
		return nil, &errDecode{fmt.Errorf("assignment of decision %q: %w", id, err)}
	}
	return a, nil
}
