package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/fenjian/fenjian/rules"
)

// filingKey is the key under which the store keeps one decision per filing
// (decisions.filing_key, migrations 0014 to 0017): rules.FilingKey, which
// says what it folds and why.
//
// Every stored decision carries the key this function gave its filing id
// when the last re-keying migration ran (rekeyFilings): a change to what
// the function returns needs a new migration that calls rekeyFilings (and
// becomes rekeyVersion), or the decisions stored before the change are not
// found under the new keys of their other spellings.
func filingKey(id string) string { return rules.FilingKey(id) }

// filingKeyVersion is the migration that gave decisions their filing key.
const filingKeyVersion = 14

// caseNumberKeyVersion is the migration that re-keyed decisions whose
// filing id reads as a case number (rules.FilingKey's second step).
const caseNumberKeyVersion = 16

// foldedKeyVersion is the migration that re-keyed decisions whose filing
// id reads as a case number only once traditional characters, decimal
// digits of other scripts and spaces inside a part are folded
// (rules.FilingKey against rules.FilingKey16).
const foldedKeyVersion = 17

// rekeyVersion is the last migration that gave every decision the key
// filingKey gives its filing id now (rekeyFilings). VerifyAudit checks the
// keys of stores at this schema or later; a migration that re-keys after a
// change to filingKey must become the new value, or the audit of a store
// not yet migrated would report every re-spelt key as altered.
const rekeyVersion = foldedKeyVersion

// rekeyBatch is how many decisions rekeyFilings reads at a time.
const rekeyBatch = 1000

// rekeyFilings gives every decision the key filingKey gives its filing id
// now, inside tx (a migration's transaction, holding the migration lock),
// and returns how many it changed. Decisions stored before migration 0014
// have no key, and those stored under an older filingKey have another one:
// without this they were found only by their id as sent, so the other
// spellings of an already decided case number stored a second decision and
// drew a team again, for every case decided before the upgrade. The key is
// derived from filing_id and outside the record digest, so the audit chain
// is unchanged; the append-only trigger on UPDATE is lifted for these
// statements only, inside the same transaction, so no other session ever
// sees decisions open to change.
func rekeyFilings(ctx context.Context, tx *sql.Tx, d dialect) (changed int, err error) {
	type rekey struct{ id, key string }
	var (
		restore func() error
		update  *sql.Stmt
		after   string
	)
	for {
		// A page at a time, in decision_id order, so a large table is
		// never held in memory.
		var todo []rekey
		rows, err := tx.QueryContext(ctx, d.q(`SELECT decision_id, filing_id, filing_key FROM decisions WHERE decision_id > ? ORDER BY decision_id LIMIT ?`), after, rekeyBatch)
		if err != nil {
			return changed, fmt.Errorf("read filing keys: %w", err)
		}
		n := 0
		for rows.Next() {
			var id, filing string
			var key sql.NullString
			if err := rows.Scan(&id, &filing, &key); err != nil {
				_ = rows.Close() // the scan error says more
				return changed, fmt.Errorf("read filing keys: %w", err)
			}
			n++
			after = id
			if k := filingKey(filing); !key.Valid || key.String != k {
				todo = append(todo, rekey{id, k})
			}
		}
		if err := rows.Err(); err != nil {
			return changed, fmt.Errorf("read filing keys: %w", err)
		}
		if err := rows.Close(); err != nil {
			return changed, fmt.Errorf("read filing keys: %w", err)
		}
		if len(todo) > 0 && update == nil {
			if restore, err = liftDecisionsNoUpdate(ctx, tx, d); err != nil {
				return changed, err
			}
			if update, err = tx.PrepareContext(ctx, d.updateFilingKeys); err != nil {
				return changed, fmt.Errorf("prepare filing key update: %w", err)
			}
			defer update.Close()
		}
		if d.name == "postgres" && len(todo) > 0 {
			// One statement a page: a round trip per row cost 200 µs
			// (9,764 decisions in 2.0 s).
			ids, keys := make([]string, len(todo)), make([]string, len(todo))
			for i, r := range todo {
				ids[i], keys[i] = r.id, r.key
			}
			if _, err := update.ExecContext(ctx, keys, ids); err != nil {
				return changed, fmt.Errorf("set the filing keys of %d decisions: %w", len(todo), err)
			}
			changed += len(todo)
			todo = nil
		}
		for _, r := range todo {
			if _, err := update.ExecContext(ctx, r.key, r.id); err != nil {
				return changed, fmt.Errorf("set the filing key of decision %s: %w", r.id, err)
			}
			changed++
		}
		if n < rekeyBatch {
			break
		}
	}
	if restore != nil {
		if err := restore(); err != nil {
			return changed, err
		}
	}
	return changed, nil
}

// sharedKey is a filing key that more than one stored decision carries:
// decisions stored as different filings before a migration read their ids
// as one (a case number sent as (2024)苏0106民初1001号 and as
// (2024)蘇0106民初1001號 before migration 0017, as (2024)苏0106民初01001号
// before migration 0016, or as （2024） and (2024) before migration 0014).
// Each drew its own team.
type sharedKey struct {
	key string
	// decisionIDs and filingIDs are the decisions and the ids they were
	// stored under, in the order the writer's lookup takes them
	// (dialect.selectDecisionForFiling: decided_at, then decision_id), so
	// the first is the decision a new one for this filing is refused
	// naming.
	decisionIDs, filingIDs []string
	// decidedAt is when each was decided (Unix nanoseconds).
	decidedAt []int64
}

// sharedKeys returns, inside tx, every filing key more than one decision
// carries, in key order: migrations 0016 and 0017 report them, and VerifyAudit
// checks that each later one was decided before the store kept them apart. Such decisions are kept: the decisions table is
// append-only and chained (deleting one breaks the audit chain, and with
// it the record of a team drawn), and which of two decisions for one case
// stands is for the court to say, not for a migration. The writer needs
// no more than this to keep one decision per filing from then on: it
// looks the key up (batch.checkFiling), finds the first, and refuses a
// new decision naming it; the filing_key index was never unique, so the
// keys shared do not stop the migration.
func sharedKeys(ctx context.Context, tx *sql.Tx) ([]sharedKey, error) {
	rows, err := tx.QueryContext(ctx, `SELECT filing_key, decision_id, filing_id, decided_at FROM decisions
		WHERE filing_key IN (SELECT filing_key FROM decisions GROUP BY filing_key HAVING COUNT(*) > 1)
		ORDER BY filing_key, decided_at, decision_id`)
	if err != nil {
		return nil, fmt.Errorf("read shared filing keys: %w", err)
	}
	defer rows.Close()
	var shared []sharedKey
	for rows.Next() {
		var key, id, filing string
		var at int64
		if err := rows.Scan(&key, &id, &filing, &at); err != nil {
			return nil, fmt.Errorf("read shared filing keys: %w", err)
		}
		if n := len(shared); n == 0 || shared[n-1].key != key {
			shared = append(shared, sharedKey{key: key})
		}
		last := &shared[len(shared)-1]
		last.decisionIDs = append(last.decisionIDs, id)
		last.filingIDs = append(last.filingIDs, filing)
		last.decidedAt = append(last.decidedAt, at)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read shared filing keys: %w", err)
	}
	return shared, nil
}

// liftDecisionsNoUpdate lifts, inside tx, the trigger that refuses every
// UPDATE of decisions (migration 0002), and returns the function that puts
// it back as it was, in the same transaction. A trigger an operator has
// already dropped or disabled is left so.
func liftDecisionsNoUpdate(ctx context.Context, tx *sql.Tx, d dialect) (restore func() error, err error) {
	noop := func() error { return nil }
	if d.name == "sqlite" {
		// SQLite cannot disable a trigger: drop it and create it again
		// from its own stored text, so it comes back exactly as it was.
		var text string
		err := tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'decisions_no_update'`).Scan(&text)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return noop, nil
		case err != nil:
			return nil, fmt.Errorf("read trigger decisions_no_update: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER decisions_no_update`); err != nil {
			return nil, fmt.Errorf("lift trigger decisions_no_update: %w", err)
		}
		return func() error {
			if _, err := tx.ExecContext(ctx, text); err != nil {
				return fmt.Errorf("restore trigger decisions_no_update: %w", err)
			}
			return nil
		}, nil
	}
	// PostgreSQL: ALTER TABLE is transactional, and its lock keeps every
	// other session's writes to decisions waiting until the commit.
	var enabled string
	err = tx.QueryRowContext(ctx, `SELECT tgenabled FROM pg_trigger WHERE tgrelid = 'decisions'::regclass AND tgname = 'decisions_no_update_delete'`).Scan(&enabled)
	switch {
	case errors.Is(err, sql.ErrNoRows) || enabled == "D":
		return noop, nil
	case err != nil:
		return nil, fmt.Errorf("read trigger decisions_no_update_delete: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `ALTER TABLE decisions DISABLE TRIGGER decisions_no_update_delete`); err != nil {
		return nil, fmt.Errorf("lift trigger decisions_no_update_delete: %w", err)
	}
	return func() error {
		if _, err := tx.ExecContext(ctx, `ALTER TABLE decisions ENABLE TRIGGER decisions_no_update_delete`); err != nil {
			return fmt.Errorf("restore trigger decisions_no_update_delete: %w", err)
		}
		return nil
	}, nil
}
