-- What each record asserts about when it happened, and on whose word (org.truce.shared.Asserted), kept apart
-- from the time Truce recorded it: the asserted instant, who asserts it, and the document that says so (a
-- citation and its address). A row without an asserted instant (written before these columns) asserts its own
-- recorded time, by whoever recorded it.

ALTER TABLE notifications ADD COLUMN asserted_at ${timestamp};
ALTER TABLE notifications ADD COLUMN asserted_by TEXT;
ALTER TABLE notifications ADD COLUMN asserted_document TEXT;
ALTER TABLE notifications ADD COLUMN asserted_url TEXT;

ALTER TABLE notification_acknowledgments ADD COLUMN asserted_at ${timestamp};
ALTER TABLE notification_acknowledgments ADD COLUMN asserted_by TEXT;
ALTER TABLE notification_acknowledgments ADD COLUMN asserted_document TEXT;
ALTER TABLE notification_acknowledgments ADD COLUMN asserted_url TEXT;

ALTER TABLE declared_positions ADD COLUMN asserted_at ${timestamp};
ALTER TABLE declared_positions ADD COLUMN asserted_by TEXT;
ALTER TABLE declared_positions ADD COLUMN asserted_document TEXT;
ALTER TABLE declared_positions ADD COLUMN asserted_url TEXT;

ALTER TABLE access_request_parties ADD COLUMN asserted_at ${timestamp};
ALTER TABLE access_request_parties ADD COLUMN asserted_by TEXT;
ALTER TABLE access_request_parties ADD COLUMN asserted_document TEXT;
ALTER TABLE access_request_parties ADD COLUMN asserted_url TEXT;

ALTER TABLE incident_claims ADD COLUMN asserted_at ${timestamp};
ALTER TABLE incident_claims ADD COLUMN asserted_by TEXT;
ALTER TABLE incident_claims ADD COLUMN asserted_document TEXT;
ALTER TABLE incident_claims ADD COLUMN asserted_url TEXT;

ALTER TABLE determination_sign_offs ADD COLUMN asserted_at ${timestamp};
ALTER TABLE determination_sign_offs ADD COLUMN asserted_by TEXT;
ALTER TABLE determination_sign_offs ADD COLUMN asserted_document TEXT;
ALTER TABLE determination_sign_offs ADD COLUMN asserted_url TEXT;
