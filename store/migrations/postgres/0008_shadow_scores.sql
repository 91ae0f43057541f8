-- What a shadow model (triaged -shadow-model) recommended for a decided
-- filing, next to what the serving model recommended: the evidence data
-- staff weigh before promoting a candidate (triagectl stats). Same version
-- and meaning as migrations/sqlite/0008_shadow_scores.sql.
--
-- Not a record: no one acts on a shadow score, so it is outside the audit
-- chain (no audit_log row, no chain lock), may be lost with a queue that was
-- full or a process that stopped, and may be deleted to reclaim space. The
-- columns are copies of the decision's (decided_at, case kind, served
-- model and procedure), so the agreement is one GROUP BY without decoding
-- a blob. One row per decision and shadow model.
CREATE TABLE shadow_scores (
    decision_id  text   NOT NULL REFERENCES decisions (decision_id),
    shadow_model text   NOT NULL,
    served_model text   NOT NULL,
    case_kind    text   NOT NULL,
    served       text   NOT NULL,
    shadow       text   NOT NULL,
    decided_at   bigint NOT NULL,
    scored_at    bigint NOT NULL,
    PRIMARY KEY (decision_id, shadow_model)
);
CREATE INDEX shadow_scores_decided_at ON shadow_scores (decided_at);
