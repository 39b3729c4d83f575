-- Requests for information: a monitor or co-chair asks a party (an actor) about an incident, with a deadline; the
-- party's liaison answers. Every change here is also a ledger entry, in the same transaction.
CREATE TABLE requests_for_information (
    id                 ${uuid}      PRIMARY KEY,
    incident_id        ${uuid}      NOT NULL REFERENCES incidents (id),
    party              TEXT         NOT NULL,            -- the actor asked
    question           TEXT         NOT NULL,
    question_salt      TEXT         NOT NULL,            -- opens the question's commitment in the ledger
    deadline           ${timestamp} NOT NULL,
    requested_by       TEXT         NOT NULL,            -- user id
    requested_by_side  TEXT         NOT NULL,            -- a co-chair's sponsor actor, or 'monitors'
    requested_at       ${timestamp} NOT NULL,
    status             TEXT         NOT NULL,            -- OPEN | ANSWERED
    answer             TEXT,
    answer_salt        TEXT,
    answered_by        TEXT,
    answered_at        ${timestamp},
    version            INTEGER      NOT NULL,
    idempotency_key    TEXT         UNIQUE,              -- the sender's user id, a colon and its Idempotency-Key
    request_digest     TEXT
);
CREATE INDEX requests_for_information_by_incident ON requests_for_information (incident_id);
CREATE INDEX requests_for_information_by_party ON requests_for_information (party, status, deadline);
