package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/fenjian/fenjian/rules"
)

// filingKey is the key under which the store keeps one decision per filing
// (decisions.filing_key, migrations 0014 and 0015): rules.FilingKey, which
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

// rekeyVersion is the last migration that gave every decision the key
// filingKey gives its filing id now (rekeyFilings). VerifyAudit checks the
// keys of stores at this schema or later; a migration that re-keys after a
// change to filingKey must become the new value, or the audit of a store
// not yet migrated would report every re-spelt key as altered.
const rekeyVersion = 15

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
