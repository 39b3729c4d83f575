-- Salts of the access ledger's commitments (SHA-256(salt + "." + content), as for notifications and requests for
-- information): a request's route, destination and cargo; a party's reasons and conditions. Kept beside what they
-- commit to, and shown only to those who may read it. Null for rows recorded before (their entries hold bare
-- digests).
ALTER TABLE access_requests ADD COLUMN content_salt TEXT;
ALTER TABLE access_request_parties ADD COLUMN reasons_salt TEXT;
