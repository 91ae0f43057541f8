-- Outcomes, assignments, team load and the audit chain (docs/architecture.md: routing, store and audit chain). Same
-- version, tables, columns and meaning as
-- migrations/postgres/0003_outcomes_assignments_audit.sql; only types and trigger
-- syntax are SQLite's. Times are Unix nanoseconds (UTC) as in decisions.
--
-- seq in outcomes and assignments is the record's position in the audit chain
-- (audit_log.seq); for assignments it is also the team feed's cursor.

-- What the court applied on top of a decision (confirmation, override,
-- conversion), in the order recorded. Append-only.
CREATE TABLE outcomes (
    outcome_id  TEXT    NOT NULL PRIMARY KEY,
    decision_id TEXT    NOT NULL REFERENCES decisions (decision_id),
    procedure   TEXT    NOT NULL,
    change      TEXT    NOT NULL,
    decided_by  TEXT    NOT NULL,
    recorded_at INTEGER NOT NULL,
    seq         INTEGER NOT NULL UNIQUE,
    outcome     BLOB    NOT NULL
);
CREATE INDEX outcomes_decision_seq ON outcomes (decision_id, seq);

-- Routing of a decided case to a team: random (drawn inside the decision's
-- transaction) or designated. period is the intake month "YYYY-MM" of the
-- decision's filed_on, the unit team capacity is counted in. Append-only.
CREATE TABLE assignments (
    assignment_id TEXT    NOT NULL PRIMARY KEY,
    decision_id   TEXT    NOT NULL REFERENCES decisions (decision_id),
    team_id       TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    period        TEXT    NOT NULL,
    assigned_at   INTEGER NOT NULL,
    seq           INTEGER NOT NULL UNIQUE,
    assignment    BLOB    NOT NULL
);
-- The team feed: a team's assignments after a cursor, in cursor order.
CREATE INDEX assignments_team_seq ON assignments (team_id, seq);
CREATE INDEX assignments_decision_seq ON assignments (decision_id, seq);

-- Cases assigned per team and intake month: the one mutable table, a counter
-- kept in step with assignments by the writer (VerifyAudit checks that it is).
CREATE TABLE team_load (
    team_id  TEXT    NOT NULL,
    period   TEXT    NOT NULL,
    assigned INTEGER NOT NULL CHECK (assigned >= 0),
    PRIMARY KEY (team_id, period)
);

-- The audit chain: one row per decision, outcome and assignment, written in
-- the record's own transaction. seq is assigned by the writer under the chain
-- lock (no sequence), so it is gap-free and commits in order.
--   record_sha256 = hex SHA-256 of the record's row: every column in table
--                   order, each as an 8-byte big-endian length and its bytes
--                   (integers in decimal), so it covers the stored BLOB(s);
--   hash          = hex SHA-256 of prev_hash "\n" seq "\n" record_kind "\n"
--                   record_id "\n" record_sha256;
--   prev_hash     = the previous row's hash, 64 zeros for seq 1.
-- The chain starts at the first record written after this migration;
-- decisions recorded before it are not chained (audit_head.unchained_decisions
-- counts them). Append-only.
CREATE TABLE audit_log (
    seq           INTEGER NOT NULL PRIMARY KEY,
    record_kind   TEXT    NOT NULL CHECK (record_kind IN ('decision', 'outcome', 'assignment')),
    record_id     TEXT    NOT NULL,
    record_sha256 TEXT    NOT NULL,
    prev_hash     TEXT    NOT NULL,
    hash          TEXT    NOT NULL,
    recorded_at   INTEGER NOT NULL
);

-- The chain's head: the last (seq, hash), one row. Every write transaction
-- locks it first (SQLite: BEGIN IMMEDIATE already holds the database's write
-- lock), reads it, appends and updates it: one total order across writers.
CREATE TABLE audit_head (
    id                  INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    seq                 INTEGER NOT NULL,
    hash                TEXT    NOT NULL,
    unchained_decisions INTEGER NOT NULL
);
INSERT INTO audit_head (id, seq, hash, unchained_decisions)
SELECT 1, 0, '0000000000000000000000000000000000000000000000000000000000000000', count(*) FROM decisions;

CREATE TRIGGER outcomes_no_update BEFORE UPDATE ON outcomes
BEGIN
    SELECT RAISE(ABORT, 'outcomes are append-only');
END;
CREATE TRIGGER outcomes_no_delete BEFORE DELETE ON outcomes
BEGIN
    SELECT RAISE(ABORT, 'outcomes are append-only');
END;
CREATE TRIGGER assignments_no_update BEFORE UPDATE ON assignments
BEGIN
    SELECT RAISE(ABORT, 'assignments are append-only');
END;
CREATE TRIGGER assignments_no_delete BEFORE DELETE ON assignments
BEGIN
    SELECT RAISE(ABORT, 'assignments are append-only');
END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN
    SELECT RAISE(ABORT, 'audit_head is updated, never deleted');
END;
