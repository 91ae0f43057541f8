-- Issue 13: one B-tree fewer per routed decision. assignment_id was UNIQUE,
-- which SQLite keeps as its own index (sqlite_autoindex_assignments_1): a
-- 36-character key per assignment, and on every commit one more index whose
-- right-edge pages (and, when they split, their siblings) are appended to
-- the WAL. Nothing looks an assignment up by its id: feeds go by team,
-- exports and re-routing by decision, and the audit check
-- (triagectl audit verify) by seq, the assignment's position in the chain
-- and its INTEGER PRIMARY KEY. The ids are UUIDv7 made by the store, and the
-- audit chain names each assignment by id, so a duplicate or altered id is
-- still found by the check (the row's record_sha256 covers assignment_id).
--
-- SQLite cannot drop a UNIQUE constraint, so the table is rebuilt as in
-- version 7: same columns in the same order (record digests cover them in
-- this order), same indexes and triggers otherwise. The copy takes time in
-- proportion to the table, once, at the first start of a binary with this
-- version. Rows are copied unchanged, so their digests, and the chain, still
-- verify.
CREATE TABLE assignments_v10 (
    assignment_id    TEXT    NOT NULL,
    decision_id      TEXT    NOT NULL REFERENCES decisions (decision_id),
    team_id          TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    period           TEXT    NOT NULL,
    assigned_at      INTEGER NOT NULL,
    seq              INTEGER NOT NULL PRIMARY KEY,
    assignment       BLOB    NOT NULL,
    previous_team_id TEXT    NOT NULL DEFAULT ''
);
INSERT INTO assignments_v10 (assignment_id, decision_id, team_id, kind, period, assigned_at, seq, assignment, previous_team_id)
SELECT assignment_id, decision_id, team_id, kind, period, assigned_at, seq, assignment, previous_team_id FROM assignments ORDER BY seq;
-- Nothing refers to assignments, and dropping a table fires no delete trigger.
DROP TABLE assignments;
ALTER TABLE assignments_v10 RENAME TO assignments;
CREATE INDEX assignments_team ON assignments (team_id);
CREATE INDEX assignments_decision ON assignments (decision_id);
CREATE INDEX assignments_previous_team ON assignments (previous_team_id) WHERE previous_team_id <> '';
CREATE TRIGGER assignments_no_update BEFORE UPDATE ON assignments
BEGIN
    SELECT RAISE(ABORT, 'assignments are append-only');
END;
CREATE TRIGGER assignments_no_delete BEFORE DELETE ON assignments
BEGIN
    SELECT RAISE(ABORT, 'assignments are append-only');
END;
