-- Version 7 rebuilt SQLite's assignments table keyed by seq
-- (migrations/sqlite/0007_assignments_by_seq.sql). PostgreSQL keeps rows in
-- a heap whatever the key, so there is no layout to change: the migration
-- only keeps the two dialects' version numbers in step.
SELECT 1;
