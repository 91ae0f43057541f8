-- Every decision has its filing key (store/filingkey.go): the migration's
-- Go step (store/migrate.go, goSteps) has just given one to the rows stored
-- before 0014 and re-keyed those stored under an older filingKey, so the
-- lookup by filing id as sent, and its partial index, have nothing left to
-- find. A decision without a key — one written by a binary older than
-- 0014, still running during an upgrade — would be found by no other
-- spelling of its case number and let a second team draw through: it is
-- refused instead, and that binary answers UNAVAILABLE.
DROP INDEX decisions_filing_id_unkeyed;
CREATE TRIGGER decisions_filing_key_required BEFORE INSERT ON decisions
WHEN NEW.filing_key IS NULL
BEGIN
    SELECT RAISE(ABORT, 'decisions need a filing key (migration 15)');
END;
