-- Every kind of entry may now commit to groups (docs/ledger.md, "What each entry holds"), and many kinds
-- occur more than once for one subject (an incident grows, a besieged area is revised, a side makes a
-- second claim): a disclosure is keyed by its entry's index and its group, not by kind and subject. A
-- report is still committed once: its groups stay unique by subject.
CREATE TABLE ledger_disclosures_keyed (
    idx        ${bigint} NOT NULL REFERENCES ledger_entries (idx),
    kind       TEXT NOT NULL,
    subject    TEXT NOT NULL,
    grp        TEXT NOT NULL,
    salt       TEXT NOT NULL,
    value_json TEXT NOT NULL,
    PRIMARY KEY (idx, grp)
);
INSERT INTO ledger_disclosures_keyed (idx, kind, subject, grp, salt, value_json)
    SELECT idx, kind, subject, grp, salt, value_json FROM ledger_disclosures;
DROP TABLE ledger_disclosures;
ALTER TABLE ledger_disclosures_keyed RENAME TO ledger_disclosures;
CREATE UNIQUE INDEX ledger_disclosures_one_report ON ledger_disclosures (subject, grp) WHERE kind = 'report';
