-- Incidents: reports clustered into events. An incident's id is the id of one of its reports (its anchor), so
-- that findings keyed by incident stay keyed by a report. Every change here is also a ledger entry.
CREATE TABLE incidents (
    id              ${uuid}      PRIMARY KEY REFERENCES reports (id),
    status          TEXT         NOT NULL,            -- OPEN | MERGED
    merged_into     ${uuid},
    discounted_by   TEXT,
    discounted_why  TEXT,
    version         INTEGER      NOT NULL,
    created_at      ${timestamp} NOT NULL,
    updated_at      ${timestamp} NOT NULL
);

-- Which incident each report describes: one at a time.
CREATE TABLE incident_reports (
    report_id   ${uuid}      PRIMARY KEY REFERENCES reports (id),
    incident_id ${uuid}      NOT NULL REFERENCES incidents (id),
    added_at    ${timestamp} NOT NULL,
    added_by    TEXT         NOT NULL
);
CREATE INDEX incident_reports_by_incident ON incident_reports (incident_id);

-- Pairs of reports the clustering found close but would not merge on its own; an analyst confirms or rejects.
CREATE TABLE candidate_links (
    id              TEXT         PRIMARY KEY,
    report_a        ${uuid}      NOT NULL REFERENCES reports (id),
    report_b        ${uuid}      NOT NULL REFERENCES reports (id),
    reasons         TEXT         NOT NULL,
    distance_metres ${double}    NOT NULL,
    gap_seconds     ${bigint}    NOT NULL,
    status          TEXT         NOT NULL,            -- OPEN | CONFIRMED | REJECTED
    created_at      ${timestamp} NOT NULL,
    decided_by      TEXT,
    decided_at      ${timestamp},
    decision_reason TEXT,
    UNIQUE (report_a, report_b)
);
CREATE INDEX candidate_links_open ON candidate_links (status, created_at);

-- Each side's claim about an incident, kept apart. A side's newer claim supersedes its older one.
CREATE TABLE incident_claims (
    id          TEXT         PRIMARY KEY,
    incident_id ${uuid}      NOT NULL REFERENCES incidents (id),
    side        TEXT         NOT NULL,
    position    TEXT         NOT NULL,                -- ATTRIBUTES | DENIES
    actor_id    TEXT         NOT NULL,
    statement   TEXT         NOT NULL,
    made_by     TEXT         NOT NULL,
    made_at     ${timestamp} NOT NULL,
    superseded  ${boolean}   NOT NULL DEFAULT ${false}
);
CREATE INDEX incident_claims_by_incident ON incident_claims (incident_id);

-- Evidence: the bytes, their SHA-256, media type and the time Truce received them.
CREATE TABLE incident_evidence (
    id          TEXT         PRIMARY KEY,
    incident_id ${uuid}      NOT NULL REFERENCES incidents (id),
    sha256      TEXT         NOT NULL,
    media_type  TEXT         NOT NULL,
    name        TEXT,
    size_bytes  ${bigint}    NOT NULL,
    content     ${bytes}     NOT NULL,
    received_at ${timestamp} NOT NULL,
    received_by TEXT         NOT NULL,
    UNIQUE (incident_id, sha256)
);
