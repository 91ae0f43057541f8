-- Version 11 sets PostgreSQL's compression of the decision and filing blobs
-- to lz4 (migrations/postgres/0011_decisions_lz4.sql). SQLite does not
-- compress blobs, so there is nothing to change: the migration only keeps
-- the two dialects' version numbers in step.
SELECT 1;
