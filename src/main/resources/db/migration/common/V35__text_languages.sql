-- The language of a report's narrative (issue 18): a BCP 47 tag, and whether it was detected from the text's script
-- rather than stated by the submitter. Null for a report without a narrative, and for reports stored before this
-- migration, whose language is detected again when they are read.
ALTER TABLE reports ADD COLUMN narrative_lang TEXT;
ALTER TABLE reports ADD COLUMN narrative_lang_detected ${boolean};
