-- Version 10 dropped SQLite's index on assignments.assignment_id
-- (migrations/sqlite/0010_assignments_no_id_index.sql): one B-tree fewer in
-- SQLite's single writer per routed decision. PostgreSQL keeps its primary
-- key on assignment_id; the audit check looks assignments up by seq on both
-- dialects, so nothing depends on the key. The migration only keeps the two
-- dialects' version numbers in step.
SELECT 1;
