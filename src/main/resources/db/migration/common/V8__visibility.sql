-- Visibility: which sources are at risk and how to reach them, and which reports have been published.
-- A reader who may not see sources (a liaison, the public) never sees a source's id, name or contact, and sees
-- the location of a report from an at-risk source only coarsened; the public sees published reports only.
ALTER TABLE sources ADD COLUMN at_risk ${boolean} NOT NULL DEFAULT ${false};
ALTER TABLE sources ADD COLUMN contact TEXT;

-- A report's publication: once published, the public may read it. Never withdrawn; each is also a ledger entry.
CREATE TABLE report_publications (
    report_id    ${uuid}      PRIMARY KEY REFERENCES reports (id),
    published_at ${timestamp} NOT NULL,
    published_by TEXT         NOT NULL
);
