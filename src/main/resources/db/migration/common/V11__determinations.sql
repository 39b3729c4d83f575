-- Joint determinations: a human verdict on one term of an agreement for one actor in an incident, which takes
-- effect once co-chairs of enough of the sponsor sides it names have signed. Every change here is also a ledger
-- entry, appended in the same transaction.
CREATE TABLE determinations (
    id            ${uuid}      PRIMARY KEY,
    incident_id   ${uuid}      NOT NULL REFERENCES incidents (id),
    agreement_id  TEXT         NOT NULL,
    term_id       TEXT         NOT NULL,
    actor_id      TEXT         NOT NULL,
    verdict       TEXT         NOT NULL,            -- VIOLATION | NO_VIOLATION
    rationale     TEXT         NOT NULL,
    sides         TEXT         NOT NULL,            -- the named sides' actor ids, comma-separated, in order
    quorum        INTEGER      NOT NULL,            -- how many of them must sign
    status        TEXT         NOT NULL,            -- DRAFT | EFFECTIVE
    version       INTEGER      NOT NULL,
    drafted_by    TEXT         NOT NULL,
    drafted_at    ${timestamp} NOT NULL,
    updated_at    ${timestamp} NOT NULL,
    effective_at  ${timestamp}
);
CREATE INDEX determinations_by_incident ON determinations (incident_id);
CREATE INDEX determinations_by_status ON determinations (status, updated_at);

-- One sign-off per named side, of the version current when it was made. An edit clears them.
CREATE TABLE determination_sign_offs (
    determination_id ${uuid}      NOT NULL REFERENCES determinations (id),
    side             TEXT         NOT NULL,
    signed_by        TEXT         NOT NULL,
    signed_version   INTEGER      NOT NULL,
    signed_at        ${timestamp} NOT NULL,
    PRIMARY KEY (determination_id, side)
);

-- Comments and dissents, kept for good.
CREATE TABLE determination_comments (
    id               ${uuid}      PRIMARY KEY,
    determination_id ${uuid}      NOT NULL REFERENCES determinations (id),
    author           TEXT         NOT NULL,
    side             TEXT,
    dissent          ${boolean}   NOT NULL,
    body             TEXT         NOT NULL,
    created_at       ${timestamp} NOT NULL
);
CREATE INDEX determination_comments_by_determination ON determination_comments (determination_id, created_at);

-- Requests made with an Idempotency-Key header, by user and key: the digest of the request and the response
-- first given, which a replay gets again.
CREATE TABLE idempotent_requests (
    user_id        TEXT         NOT NULL,
    idem_key       TEXT         NOT NULL,
    request_digest TEXT         NOT NULL,
    status         INTEGER,
    body           TEXT,
    created_at     ${timestamp} NOT NULL,
    PRIMARY KEY (user_id, idem_key)
);
