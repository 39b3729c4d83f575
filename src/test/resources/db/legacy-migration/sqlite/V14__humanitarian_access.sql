-- Humanitarian access (issue 7, part 4): access requests, each party's decision, the outcome; besieged and
-- hard-to-reach areas; restrictions on the monitors' own movement. Every change here is also a ledger entry, in the
-- same transaction. Geometries are WGS84 WKT (x = longitude).
CREATE TABLE access_requests (
    id                    TEXT    PRIMARY KEY,
    route_wkt             TEXT    NOT NULL,            -- LINESTRING
    destination_name      TEXT    NOT NULL,
    destination_lat       REAL    NOT NULL,
    destination_lon       REAL    NOT NULL,
    cargo_json            TEXT    NOT NULL,            -- [{"item", "quantity", "unit"}]
    people_in_need        INTEGER NOT NULL,
    window_from           INTEGER NOT NULL,
    window_to             INTEGER NOT NULL,
    requested_by          TEXT    NOT NULL,            -- user id
    requested_at          INTEGER NOT NULL,
    outcome               TEXT,                        -- DELIVERED | PARTLY_DELIVERED | BLOCKED, null while none
    delivered_share       REAL,
    delivered_note        TEXT,
    blocked_by            TEXT,                        -- actor id
    blocked_lat           REAL,
    blocked_lon           REAL,
    blocked_place         TEXT,
    outcome_reason        TEXT,
    outcome_at            INTEGER,
    outcome_by            TEXT,
    outcome_recorded_at   INTEGER,
    obstruction_report_id TEXT,                        -- the AID_OBSTRUCTION report of a BLOCKED outcome
    version               INTEGER NOT NULL
);
CREATE INDEX access_requests_by_time ON access_requests (requested_at);
CREATE TABLE access_request_parties (
    request_id    TEXT    NOT NULL REFERENCES access_requests (id),
    party         TEXT    NOT NULL,                    -- actor id
    position      INTEGER NOT NULL,
    verdict       TEXT,                                -- APPROVED | DENIED | CONDITIONAL, null while undecided
    reasons       TEXT,
    conditions    TEXT,
    decided_by    TEXT,
    decided_at    INTEGER,
    PRIMARY KEY (request_id, party)
);
CREATE INDEX access_request_parties_by_party ON access_request_parties (party);
CREATE TABLE besieged_areas (
    id            TEXT    PRIMARY KEY,
    name          TEXT    NOT NULL,
    status        TEXT    NOT NULL,                    -- BESIEGED | HARD_TO_REACH
    area_wkt      TEXT    NOT NULL,                    -- POLYGON or MULTIPOLYGON
    population    INTEGER NOT NULL,
    as_of         TEXT    NOT NULL,                    -- ISO date
    besiegers     TEXT    NOT NULL,                    -- actor ids, comma-separated, possibly empty
    source_note   TEXT,
    recorded_by   TEXT    NOT NULL,
    recorded_at   INTEGER NOT NULL,
    version       INTEGER NOT NULL
);
CREATE TABLE movement_restrictions (
    id            TEXT    PRIMARY KEY,
    kind          TEXT    NOT NULL,                    -- DENIAL | DELAY | CONDITIONAL_ACCESS
    delay_minutes INTEGER,
    latitude      REAL    NOT NULL,
    longitude     REAL    NOT NULL,
    place_name    TEXT,
    occurred_at   INTEGER NOT NULL,
    restricted_by TEXT    NOT NULL,                    -- actor id
    patrol        TEXT    NOT NULL,
    conditions    TEXT,
    recorded_by   TEXT    NOT NULL,
    recorded_at   INTEGER NOT NULL,
    report_id     TEXT                                 -- its RESTRICTION_OF_MONITORS_MOVEMENT report
);
CREATE INDEX movement_restrictions_by_time ON movement_restrictions (occurred_at);
