-- Filtering findings by possible perpetrator (issue 14): when the sources do not say which of several actors acted,
-- the resolved ids of those who may have, comma-separated; null when they say who acted. Rows stored before have
-- null until their agreement's findings are next recomputed.
ALTER TABLE findings ADD COLUMN possible_perpetrators TEXT;
