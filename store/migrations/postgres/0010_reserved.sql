-- Placeholder for version 10, which the SQLite writer work (issue 13) takes:
-- migrations must be numbered without gaps, and version 11 is on a
-- separate line of work. When that work's 0010 lands beside this file the
-- store refuses to load two version-10 migrations (loadMigrations): delete
-- this file and migrations/sqlite/0010_reserved.sql then. Does nothing.
SELECT 1;
