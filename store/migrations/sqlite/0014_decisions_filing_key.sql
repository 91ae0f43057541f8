-- One decision per filing is kept per filing key, not per filing id as
-- sent: the same case number written with full-width or ASCII brackets,
-- full-width digits, 〔〕 or 【】 around the year, or composed differently
-- is one filing (store/filingkey.go). The key is computed by the writer in
-- Go (Unicode NFKC), so rows stored before this migration have none; they
-- keep being found by their filing id as sent, through a partial index
-- that new rows, which all have a key, do not enter. A decision still
-- costs one B-tree insert for the check.
ALTER TABLE decisions ADD COLUMN filing_key TEXT;
DROP INDEX decisions_filing_id;
CREATE INDEX decisions_filing_key ON decisions (filing_key);
CREATE INDEX decisions_filing_id_unkeyed ON decisions (filing_id) WHERE filing_key IS NULL;
