-- Version 12 keeps PostgreSQL's decision and filing blobs in the row,
-- compressed, instead of in its TOAST table
-- (migrations/postgres/0012_decisions_blobs_inline.sql). SQLite has no TOAST
-- table, so there is nothing to change: the migration only keeps the two
-- dialects' version numbers in step.
SELECT 1;
