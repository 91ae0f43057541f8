-- The code never updates or deletes a decision; these triggers make the database
-- refuse it too, so a stray statement from a shell or a future bug cannot rewrite
-- the record (decisions are append-only; docs/architecture.md). Trigger syntax is
-- dialect-specific, which is why migrations live in one directory per dialect.
-- INSERT OR REPLACE is not caught (SQLite's REPLACE deletes without firing
-- delete triggers unless recursive_triggers is on); the audit chain
-- (docs/architecture.md) is what proves the record unaltered.
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only');
END;

CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only');
END;
