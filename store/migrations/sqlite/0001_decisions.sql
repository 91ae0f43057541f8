-- Decisions are the record the service promises before it answers (docs/architecture.md, Request path):
-- one row per decision, never updated, never deleted.
--
-- The indexed columns are copies of fields inside the decision blob so that exports
-- and reports can filter without decoding every row; the blobs are authoritative.
-- decided_at is Unix nanoseconds (UTC), an integer so it sorts and ranges correctly
-- in SQL on every dialect (RFC 3339 text with trimmed fractions does not sort).
CREATE TABLE decisions (
    decision_id   TEXT    NOT NULL PRIMARY KEY,
    filing_id     TEXT    NOT NULL,
    case_kind     TEXT    NOT NULL,
    recommended   TEXT    NOT NULL,
    needs_review  INTEGER NOT NULL CHECK (needs_review IN (0, 1)),
    model_version TEXT    NOT NULL,
    rules_version TEXT    NOT NULL,
    decided_at    INTEGER NOT NULL,
    decision      BLOB    NOT NULL,
    filing        BLOB    NOT NULL
);

-- Looking a filing's decisions up (re-triage, outcomes) and exporting a period.
CREATE INDEX decisions_filing_id ON decisions (filing_id);
CREATE INDEX decisions_decided_at ON decisions (decided_at);
