-- Humanitarian access (issue 7, part 4): access requests, each party's decision, the outcome; besieged and
-- hard-to-reach areas; restrictions on the monitors' own movement. Every change here is also a ledger entry, in the
-- same transaction. Geometries are WGS84 WKT (x = longitude).
CREATE TABLE access_requests (
    id                    UUID    PRIMARY KEY,
    route_wkt             TEXT    NOT NULL,            -- LINESTRING
    destination_name      TEXT    NOT NULL,
    destination_lat       DOUBLE PRECISION    NOT NULL,
    destination_lon       DOUBLE PRECISION    NOT NULL,
    cargo_json            TEXT    NOT NULL,            -- [{"item", "quantity", "unit"}]
    people_in_need        BIGINT NOT NULL,
    window_from           TIMESTAMPTZ NOT NULL,
    window_to             TIMESTAMPTZ NOT NULL,
    requested_by          TEXT    NOT NULL,            -- user id
    requested_at          TIMESTAMPTZ NOT NULL,
    outcome               TEXT,                        -- DELIVERED | PARTLY_DELIVERED | BLOCKED, null while none
    delivered_share       DOUBLE PRECISION,
    delivered_note        TEXT,
    blocked_by            TEXT,                        -- actor id
    blocked_lat           DOUBLE PRECISION,
    blocked_lon           DOUBLE PRECISION,
    blocked_place         TEXT,
    outcome_reason        TEXT,
    outcome_at            TIMESTAMPTZ,
    outcome_by            TEXT,
    outcome_recorded_at   TIMESTAMPTZ,
    obstruction_report_id UUID,                        -- the AID_OBSTRUCTION report of a BLOCKED outcome
    version               INTEGER NOT NULL
);
CREATE INDEX access_requests_by_time ON access_requests (requested_at);
CREATE TABLE access_request_parties (
    request_id    UUID    NOT NULL REFERENCES access_requests (id),
    party         TEXT    NOT NULL,                    -- actor id
    position      INTEGER NOT NULL,
    verdict       TEXT,                                -- APPROVED | DENIED | CONDITIONAL, null while undecided
    reasons       TEXT,
    conditions    TEXT,
    decided_by    TEXT,
    decided_at    TIMESTAMPTZ,
    PRIMARY KEY (request_id, party)
);
CREATE INDEX access_request_parties_by_party ON access_request_parties (party);
CREATE TABLE besieged_areas (
    id            UUID    PRIMARY KEY,
    name          TEXT    NOT NULL,
    status        TEXT    NOT NULL,                    -- BESIEGED | HARD_TO_REACH
    area_wkt      TEXT    NOT NULL,                    -- POLYGON or MULTIPOLYGON
    population    BIGINT NOT NULL,
    as_of         TEXT    NOT NULL,                    -- ISO date
    besiegers     TEXT    NOT NULL,                    -- actor ids, comma-separated, possibly empty
    source_note   TEXT,
    recorded_by   TEXT    NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    version       INTEGER NOT NULL
);
CREATE TABLE movement_restrictions (
    id            UUID    PRIMARY KEY,
    kind          TEXT    NOT NULL,                    -- DENIAL | DELAY | CONDITIONAL_ACCESS
    delay_minutes INTEGER,
    latitude      DOUBLE PRECISION    NOT NULL,
    longitude     DOUBLE PRECISION    NOT NULL,
    place_name    TEXT,
    occurred_at   TIMESTAMPTZ NOT NULL,
    restricted_by TEXT    NOT NULL,                    -- actor id
    patrol        TEXT    NOT NULL,
    conditions    TEXT,
    recorded_by   TEXT    NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    report_id     UUID                                 -- its RESTRICTION_OF_MONITORS_MOVEMENT report
);
CREATE INDEX movement_restrictions_by_time ON movement_restrictions (occurred_at);
