-- Issue 13: the decision and filing blobs are compressed with lz4 instead of
-- PostgreSQL's default, pglz. A decision row with a full claim statement is
-- over the 2 KB TOAST threshold, so PostgreSQL compresses both blobs on every
-- insert, in the backend that holds the audit chain's lock: pglz took about a
-- fifth of that backend's CPU per stored decision, and 45-75 µs per row where
-- lz4 takes 20-30 µs for the same bytes stored (docs/performance.md).
--
-- Only new rows are written with lz4. Existing rows keep their pglz
-- compression; both read back as the same bytes, so record digests and the
-- audit chain are untouched (triagectl audit verify reads what was hashed).
-- Changing a column's compression rewrites nothing and takes a moment.
--
-- lz4 needs PostgreSQL 14 or later built with it (configure --with-lz4, as
-- the PGDG Debian packages are: SHOW default_toast_compression's allowed
-- values list lz4); elsewhere this migration changes nothing and the blobs
-- stay pglz, which is correct, only slower.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings
               WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE decisions
            ALTER COLUMN decision SET COMPRESSION lz4,
            ALTER COLUMN filing SET COMPRESSION lz4;
    END IF;
END
$$;
