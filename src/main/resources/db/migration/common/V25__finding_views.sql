-- Findings under the views of a disputed fact of an agreement (issue 14, part 5): a finding is keyed also by the
-- view it holds under; '' for an agreement without disputes, so that the key of every earlier finding is unchanged.
-- SQLite cannot change a primary key in place, so the table is rebuilt (the same statements on both stores).
CREATE TABLE findings_by_view (
    incident_id       TEXT         NOT NULL,
    agreement_id      TEXT         NOT NULL,
    agreement_version INTEGER      NOT NULL,
    term_id           TEXT         NOT NULL,
    view_id           TEXT         NOT NULL DEFAULT '',
    outcome           TEXT         NOT NULL,
    missing           TEXT,
    reasons           TEXT         NOT NULL,
    actor_id          TEXT,
    zone_ids          TEXT,
    external_ids      TEXT,
    incident_start    ${timestamp} NOT NULL,
    incident_end      ${timestamp} NOT NULL,
    computed_at       ${timestamp} NOT NULL,
    PRIMARY KEY (incident_id, agreement_id, agreement_version, term_id, view_id)
);

INSERT INTO findings_by_view (incident_id, agreement_id, agreement_version, term_id, view_id, outcome, missing,
        reasons, actor_id, zone_ids, external_ids, incident_start, incident_end, computed_at)
    SELECT incident_id, agreement_id, agreement_version, term_id, '', outcome, missing, reasons, actor_id, zone_ids,
        external_ids, incident_start, incident_end, computed_at
    FROM findings;

DROP TABLE findings;
ALTER TABLE findings_by_view RENAME TO findings;

CREATE INDEX findings_by_term ON findings (agreement_id, term_id, outcome);
CREATE INDEX findings_by_time ON findings (agreement_id, incident_start);
CREATE INDEX findings_by_actor ON findings (actor_id);
