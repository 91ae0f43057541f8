-- Outcomes, assignments, team load and the audit chain (docs/architecture.md: routing, store and audit chain). Same
-- version, tables, columns and meaning as
-- migrations/sqlite/0003_outcomes_assignments_audit.sql (read its comments for
-- the hash definitions); only types and trigger syntax are PostgreSQL's.
-- Times are Unix nanoseconds (UTC) as in decisions.

CREATE TABLE outcomes (
    outcome_id  TEXT   NOT NULL PRIMARY KEY,
    decision_id TEXT   NOT NULL REFERENCES decisions (decision_id),
    procedure   TEXT   NOT NULL,
    change      TEXT   NOT NULL,
    decided_by  TEXT   NOT NULL,
    recorded_at BIGINT NOT NULL,
    seq         BIGINT NOT NULL UNIQUE,
    outcome     BYTEA  NOT NULL
);
CREATE INDEX outcomes_decision_seq ON outcomes (decision_id, seq);

CREATE TABLE assignments (
    assignment_id TEXT   NOT NULL PRIMARY KEY,
    decision_id   TEXT   NOT NULL REFERENCES decisions (decision_id),
    team_id       TEXT   NOT NULL,
    kind          TEXT   NOT NULL,
    period        TEXT   NOT NULL,
    assigned_at   BIGINT NOT NULL,
    seq           BIGINT NOT NULL UNIQUE,
    assignment    BYTEA  NOT NULL
);
CREATE INDEX assignments_team_seq ON assignments (team_id, seq);
CREATE INDEX assignments_decision_seq ON assignments (decision_id, seq);

CREATE TABLE team_load (
    team_id  TEXT   NOT NULL,
    period   TEXT   NOT NULL,
    assigned BIGINT NOT NULL CHECK (assigned >= 0),
    PRIMARY KEY (team_id, period)
);

-- seq is assigned by the writer under the lock on audit_head, not by a
-- sequence: a sequence hands out numbers in call order, not commit order, and
-- leaves gaps on rollback.
CREATE TABLE audit_log (
    seq           BIGINT NOT NULL PRIMARY KEY,
    record_kind   TEXT   NOT NULL CHECK (record_kind IN ('decision', 'outcome', 'assignment')),
    record_id     TEXT   NOT NULL,
    record_sha256 TEXT   NOT NULL,
    prev_hash     TEXT   NOT NULL,
    hash          TEXT   NOT NULL,
    recorded_at   BIGINT NOT NULL
);

-- Every write transaction takes SELECT … FOR UPDATE on this one row first:
-- the lock that makes the chain, and the feed cursors, one total order across
-- replicas, and that serialises team_load changes (capacity checks).
CREATE TABLE audit_head (
    id                  SMALLINT NOT NULL PRIMARY KEY CHECK (id = 1),
    seq                 BIGINT   NOT NULL,
    hash                TEXT     NOT NULL,
    unchained_decisions BIGINT   NOT NULL
);
INSERT INTO audit_head (id, seq, hash, unchained_decisions)
SELECT 1, 0, repeat('0', 64), count(*) FROM decisions;

CREATE FUNCTION fenjian_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER outcomes_no_update_delete
    BEFORE UPDATE OR DELETE OR TRUNCATE ON outcomes
    FOR EACH STATEMENT EXECUTE FUNCTION fenjian_refuse_change();
CREATE TRIGGER assignments_no_update_delete
    BEFORE UPDATE OR DELETE OR TRUNCATE ON assignments
    FOR EACH STATEMENT EXECUTE FUNCTION fenjian_refuse_change();
CREATE TRIGGER audit_log_no_update_delete
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION fenjian_refuse_change();
-- The head is updated by every write, never deleted.
CREATE TRIGGER audit_head_no_delete
    BEFORE DELETE OR TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION fenjian_refuse_change();
