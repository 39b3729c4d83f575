-- The row a dataset published for a report, kept verbatim (issue 19): the layout it is in (acled, ucdp) and every
-- column of the file as a JSON object, in the file's order. Null for reports that did not come from a dataset row,
-- and for those imported before. Only staff read it: it is as sensitive as the report's source.
ALTER TABLE reports ADD COLUMN source_format TEXT;
ALTER TABLE reports ADD COLUMN source_fields TEXT;
CREATE INDEX reports_by_source_format ON reports (source_format);
