-- Bulletins signed jointly (issue 17): a draft is the public cut of a bulletin for one agreement and period, kept as
-- its canonical JSON (bulletin.json, byte for byte) with its SHA-256, which the ledger entry of the draft holds. A
-- newer draft for the same agreement and period makes the older drafts STALE; a draft that the quorum of the named
-- sides has signed is PUBLISHED. Every change here is also a ledger entry, appended in the same transaction.
CREATE TABLE bulletin_drafts (
    id            ${uuid}      PRIMARY KEY,
    agreement_id  TEXT         NOT NULL,
    period_from   TEXT         NOT NULL,            -- ISO day, included
    period_to     TEXT         NOT NULL,            -- ISO day, included
    draft_number  INTEGER      NOT NULL,            -- 1, 2, ... for the same agreement and period: the draft's version
    canonical     TEXT         NOT NULL,            -- bulletin.json, canonical (RFC 8785)
    digest        TEXT         NOT NULL,            -- its SHA-256, lower-case hex
    sides         TEXT         NOT NULL,            -- the named sides' actor ids, comma-separated, in order
    quorum        INTEGER      NOT NULL,            -- how many of them must sign
    state         TEXT         NOT NULL,            -- DRAFT | STALE | PUBLISHED
    drafted_by    TEXT         NOT NULL,
    drafted_at    ${timestamp} NOT NULL,
    updated_at    ${timestamp} NOT NULL,
    published_at  ${timestamp},
    UNIQUE (agreement_id, period_from, period_to, draft_number)
);
CREATE INDEX bulletin_drafts_by_state ON bulletin_drafts (state, updated_at);

-- One signature per named side, of the draft (its digest) current when it was given.
CREATE TABLE bulletin_signatures (
    draft_id       ${uuid}      NOT NULL REFERENCES bulletin_drafts (id),
    side           TEXT         NOT NULL,
    signed_by      TEXT         NOT NULL,
    signed_version INTEGER      NOT NULL,
    signed_at      ${timestamp} NOT NULL,
    PRIMARY KEY (draft_id, side)
);

-- Dissent annexes: a named side's co-chair's statement kept with the draft, and published with it.
CREATE TABLE bulletin_dissents (
    id         ${uuid}      PRIMARY KEY,
    draft_id   ${uuid}      NOT NULL REFERENCES bulletin_drafts (id),
    side       TEXT         NOT NULL,
    author     TEXT         NOT NULL,
    body       TEXT         NOT NULL,
    created_at ${timestamp} NOT NULL
);
CREATE INDEX bulletin_dissents_by_draft ON bulletin_dissents (draft_id, created_at);
