-- The ledger: an append-only RFC 6962 Merkle log of every change to the record. Entries are canonical
-- JSON (RFC 8785); ledger_nodes holds the hash of every complete subtree, so that roots and proofs are
-- O(log n) reads. ledger_state.size is the commit point: appends lock it (PostgreSQL: SELECT FOR
-- UPDATE; SQLite: one writer) and advance it in the same transaction as the entries, the nodes and
-- the projection tables they describe.
CREATE TABLE ledger_state (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    size ${bigint} NOT NULL
);
INSERT INTO ledger_state (id, size) VALUES (1, 0);

CREATE TABLE ledger_entries (
    idx         ${bigint} PRIMARY KEY,
    kind        TEXT         NOT NULL,
    subject     TEXT,
    entry       TEXT         NOT NULL,
    leaf_hash   ${bytes}     NOT NULL,
    appended_at ${timestamp} NOT NULL
);
CREATE INDEX ledger_entries_by_hash ON ledger_entries (leaf_hash);
CREATE INDEX ledger_entries_by_subject ON ledger_entries (subject);

CREATE TABLE ledger_nodes (
    level INTEGER   NOT NULL,
    idx   ${bigint} NOT NULL,
    hash  ${bytes}  NOT NULL,
    PRIMARY KEY (level, idx)
);

CREATE TABLE ledger_checkpoints (
    size      ${bigint} PRIMARY KEY,
    root      ${bytes}     NOT NULL,
    note      TEXT         NOT NULL,
    signed_at ${timestamp} NOT NULL
);

CREATE TABLE ledger_cosignatures (
    size           ${bigint}    NOT NULL REFERENCES ledger_checkpoints (size),
    key_name       TEXT         NOT NULL,
    signature_line TEXT         NOT NULL,
    cosigned_at    ${timestamp} NOT NULL,
    PRIMARY KEY (size, key_name)
);
