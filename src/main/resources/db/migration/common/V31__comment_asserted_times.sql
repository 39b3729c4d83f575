-- A comment or a co-chair's dissent on a determination, entered after the fact, says when it was given, on whose
-- word and in what document (org.truce.shared.Asserted), as a sign-off does (V22). A row without an asserted
-- instant (written before these columns) asserts its own recorded time, by whoever recorded it.

ALTER TABLE determination_comments ADD COLUMN asserted_at ${timestamp};
ALTER TABLE determination_comments ADD COLUMN asserted_by TEXT;
ALTER TABLE determination_comments ADD COLUMN asserted_document TEXT;
ALTER TABLE determination_comments ADD COLUMN asserted_url TEXT;
