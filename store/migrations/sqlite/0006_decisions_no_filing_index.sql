-- Every decision paid for an entry in decisions_filing_id, an index on a
-- random text key, so each insert touched another B-tree page in a random
-- place (and, on SQLite, one more WAL frame per commit). No query reads
-- decisions by filing_id: lookups go by decision_id, exports and statistics
-- by (decided_at, decision_id). Dropping it takes one B-tree insert of ~9 per
-- drawn decision off the single writer (issue 13). A feature that looks
-- decisions up by filing adds it back in its own migration.
DROP INDEX decisions_filing_id;
