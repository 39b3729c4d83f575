-- Salt of the commitment of an access request's outcome entry (access-outcome-recorded) to the outcome's reason,
-- delivery note and the place where a delivery was blocked: SHA-256(salt + "." + canonical JSON), as for the
-- request's content and a party's reasons (V15). Kept beside the outcome, shown only to the request's readers. Null
-- for outcomes recorded before (their entries hold no commitment).
ALTER TABLE access_requests ADD COLUMN outcome_salt TEXT;
