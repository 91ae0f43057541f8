-- Feeds follow reassignments: previous_team_id names the team an assignment
-- moves a case away from ('' otherwise, and for rows written before version
-- 8); see migrations/sqlite/0009_assignments_previous_team.sql for the
-- meaning and how record_sha256 covers it. Adding a column with a constant
-- default rewrites no rows and fires no update trigger.
ALTER TABLE assignments ADD COLUMN previous_team_id TEXT NOT NULL DEFAULT '';
CREATE INDEX assignments_previous_team_seq ON assignments (previous_team_id, seq) WHERE previous_team_id <> '';
