-- Triage refuses a filing id that already has a stored decision (a second
-- call would draw a team again: resubmitting until the draw suits the
-- caller would defeat 随机分案), so it looks decisions up by filing_id:
-- the index migration 0006 dropped comes back for that lookup. It costs
-- one B-tree insert per decision on a random text key.
CREATE INDEX decisions_filing_id ON decisions (filing_id);
