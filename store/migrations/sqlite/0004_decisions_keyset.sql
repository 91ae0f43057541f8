-- Exports, statistics and feed replay page through decisions in
-- (decided_at, decision_id) order with a row-value keyset
-- "(decided_at, decision_id) > (?, ?)". With only an index on decided_at, the
-- planner answered the equivalent OR form with a multi-index OR and a
-- temporary sort, so every page read every later row (quadratic exports: 6 s
-- at 25k decisions, 435 s at 200k). The composite index serves the row-value
-- range directly, in order; it also serves "decided_at >= ?", so the
-- single-column index goes.
CREATE INDEX decisions_decided_at_id ON decisions (decided_at, decision_id);
DROP INDEX decisions_decided_at;
