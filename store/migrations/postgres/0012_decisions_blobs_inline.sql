-- Issue 13: a decision row is compressed in place instead of having its
-- largest blob moved to the TOAST table. With the default storage
-- (EXTENDED), a row still over PostgreSQL's ~2 KB TOAST threshold after
-- compression (the bench's served decision: blobs of ~2.4 KB and ~2 KB,
-- ~1.4 KB and ~0.7 KB with lz4) has its decision blob stored out of line: a
-- heap insert into the TOAST table and a B-tree insert into its index per
-- decision, two more WAL records, in the backend that holds the audit
-- chain's lock. With MAIN, PostgreSQL compresses these columns (lz4 since
-- migration 11) and keeps them in the row; it moves a value out of line
-- only when the compressed row would still not fit in a page (~8 KB), so a
-- very long filing is still stored, out of line as before.
--
-- Every varying-length column is MAIN, not only the blobs: PostgreSQL moves
-- EXTENDED columns out of line before it compresses MAIN ones, so with only
-- the blobs MAIN it stored decision_id and model_version in the TOAST table
-- instead (two TOAST rows per decision; measured, docs/performance.md).
--
-- Measured (docs/performance.md, PostgreSQL: decision rows compressed in
-- place, 2026-12-03): 3 WAL records per inserted decision row instead of 5
-- and ~5% fewer WAL bytes; the row insert's CPU a few µs lower in isolation
-- (paired median -6.5 µs of ~48); about the same disk (2,938 bytes a row
-- with its indexes, was 2,874). The end-to-end change is inside the
-- machine's noise.
--
-- What is stored does not change: the same bytes read back, so record
-- digests and the audit chain are untouched (triagectl audit verify reads
-- what was hashed). Existing rows keep their TOAST values and read back
-- unchanged; only rows written from now on are stored this way. Setting a
-- column's storage rewrites nothing and takes a moment.
ALTER TABLE decisions
    ALTER COLUMN decision SET STORAGE MAIN,
    ALTER COLUMN filing SET STORAGE MAIN,
    ALTER COLUMN decision_id SET STORAGE MAIN,
    ALTER COLUMN filing_id SET STORAGE MAIN,
    ALTER COLUMN case_kind SET STORAGE MAIN,
    ALTER COLUMN recommended SET STORAGE MAIN,
    ALTER COLUMN model_version SET STORAGE MAIN,
    ALTER COLUMN rules_version SET STORAGE MAIN;
