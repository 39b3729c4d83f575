-- The time zone in which an import read dates without a time as calendar days
-- (issue 14). Runs recorded before this column existed read them as UTC days.
ALTER TABLE imports ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
