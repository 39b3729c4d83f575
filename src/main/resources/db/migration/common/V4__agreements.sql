-- Agreements as data: every version of every agreement document, the control map, and the findings of
-- adjudication (recomputed, never edited).
CREATE TABLE agreement_versions (
    agreement_id  TEXT         NOT NULL,
    version       INTEGER      NOT NULL,
    in_force_from ${timestamp} NOT NULL,
    title         TEXT,
    file_name     TEXT,
    document      TEXT         NOT NULL,
    sha256        TEXT         NOT NULL,
    loaded_at     ${timestamp} NOT NULL,
    PRIMARY KEY (agreement_id, version)
);

CREATE TABLE control_areas (
    id         TEXT PRIMARY KEY,
    map_name   TEXT         NOT NULL,
    actor_id   TEXT         NOT NULL,
    valid_from ${timestamp} NOT NULL,
    valid_to   ${timestamp},
    source     TEXT,
    geojson    TEXT         NOT NULL
);

CREATE TABLE findings (
    incident_id       TEXT         NOT NULL,
    agreement_id      TEXT         NOT NULL,
    agreement_version INTEGER      NOT NULL,
    term_id           TEXT         NOT NULL,
    outcome           TEXT         NOT NULL,
    missing           TEXT,
    reasons           TEXT         NOT NULL,
    actor_id          TEXT,
    zone_ids          TEXT,
    external_ids      TEXT,
    incident_start    ${timestamp} NOT NULL,
    incident_end      ${timestamp} NOT NULL,
    computed_at       ${timestamp} NOT NULL,
    PRIMARY KEY (incident_id, agreement_id, agreement_version, term_id)
);

CREATE INDEX findings_by_term ON findings (agreement_id, term_id, outcome);
CREATE INDEX findings_by_time ON findings (agreement_id, incident_start);
CREATE INDEX findings_by_actor ON findings (actor_id);
