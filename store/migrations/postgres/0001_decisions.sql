-- Decisions are the record the service promises before it answers (docs/architecture.md, Request path):
-- one row per decision, never updated, never deleted. Same columns, meaning and
-- version number as migrations/sqlite/0001_decisions.sql; only the types are
-- PostgreSQL's.
--
-- The indexed columns are copies of fields inside the decision blob so that exports
-- and reports can filter without decoding every row; the blobs are authoritative.
-- decided_at is Unix nanoseconds (UTC) as on SQLite, so one query sorts and ranges
-- the same on both dialects. needs_review is SMALLINT 0/1 rather than BOOLEAN
-- for the same reason: the store binds and scans it as an integer on both.
CREATE TABLE decisions (
    decision_id   TEXT     NOT NULL PRIMARY KEY,
    filing_id     TEXT     NOT NULL,
    case_kind     TEXT     NOT NULL,
    recommended   TEXT     NOT NULL,
    needs_review  SMALLINT NOT NULL CHECK (needs_review IN (0, 1)),
    model_version TEXT     NOT NULL,
    rules_version TEXT     NOT NULL,
    decided_at    BIGINT   NOT NULL,
    decision      BYTEA    NOT NULL,
    filing        BYTEA    NOT NULL
);

-- Looking a filing's decisions up (re-triage, outcomes) and exporting a period.
CREATE INDEX decisions_filing_id ON decisions (filing_id);
CREATE INDEX decisions_decided_at ON decisions (decided_at);
