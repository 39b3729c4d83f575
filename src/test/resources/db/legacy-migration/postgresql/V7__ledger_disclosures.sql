-- Selective disclosure: an entry may hold salted commitments instead of values (a report's entry commits
-- to its event, location and source groups); the openings, a salt and the value for each group, are kept
-- here, beside the log and written in the same transaction as the entry. value_json is the value's
-- RFC 8785 canonical JSON, exactly the text hashed into the commitment. idx is the entry's index.
CREATE TABLE ledger_disclosures (
    idx        BIGINT NOT NULL REFERENCES ledger_entries (idx),
    kind       TEXT NOT NULL,
    subject    TEXT NOT NULL,
    grp        TEXT NOT NULL,
    salt       TEXT NOT NULL,
    value_json TEXT NOT NULL,
    PRIMARY KEY (kind, subject, grp)
);
CREATE INDEX ledger_disclosures_by_entry ON ledger_disclosures (idx);
