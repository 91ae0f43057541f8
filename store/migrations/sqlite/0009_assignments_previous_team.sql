-- Feeds follow reassignments (issue 9): an assignment that moves a case away
-- from the team it had (a designation to another team, a re-draw after a
-- conversion, a conversion no team can take) names that team in
-- previous_team_id, and the team's feed lists it as the case leaving. ''
-- for every other assignment, and for every row written before version 8.
-- The same team is in the assignment's blob; the column is for the feed's
-- index. record_sha256 covers the column only when it is not '' (so the
-- digests of rows written before version 8 still match), which still makes
-- any change of it detectable: setting it changes the digest, and so does
-- clearing it.
--
-- An UNROUTED assignment (kind ASSIGNMENT_KIND_UNROUTED) has team_id '':
-- it counts into no team's load.
ALTER TABLE assignments ADD COLUMN previous_team_id TEXT NOT NULL DEFAULT '';
CREATE INDEX assignments_previous_team ON assignments (previous_team_id) WHERE previous_team_id <> '';
