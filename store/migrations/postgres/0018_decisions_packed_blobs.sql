-- Version 18 packs SQLite's decision and filing blobs
-- (migrations/sqlite/0018_decisions_packed_blobs.sql). PostgreSQL's rows
-- keep their bare encodings, compressed in the row with lz4 (migrations 11
-- and 12); readers of either store take both forms, so the version only
-- keeps the two dialects' numbers in step (docs/performance.md, "SQLite:
-- fewer pages per decision", for what packing would give here).
SELECT 1;
