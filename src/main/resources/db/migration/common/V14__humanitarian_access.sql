-- Humanitarian access (issue 7, part 4): access requests, each party's decision, the outcome; besieged and
-- hard-to-reach areas; restrictions on the monitors' own movement. Every change here is also a ledger entry, in the
-- same transaction. Geometries are WGS84 WKT (x = longitude).
CREATE TABLE access_requests (
    id                    ${uuid}      PRIMARY KEY,
    route_wkt             TEXT         NOT NULL,            -- LINESTRING
    destination_name      TEXT         NOT NULL,
    destination_lat       ${double}    NOT NULL,
    destination_lon       ${double}    NOT NULL,
    cargo_json            TEXT         NOT NULL,            -- [{"item", "quantity", "unit"}]
    people_in_need        ${bigint}    NOT NULL,
    window_from           ${timestamp} NOT NULL,
    window_to             ${timestamp} NOT NULL,
    requested_by          TEXT         NOT NULL,            -- user id
    requested_at          ${timestamp} NOT NULL,
    outcome               TEXT,                             -- DELIVERED | PARTLY_DELIVERED | BLOCKED, null while none
    delivered_share       ${double},
    delivered_note        TEXT,
    blocked_by            TEXT,                             -- actor id
    blocked_lat           ${double},
    blocked_lon           ${double},
    blocked_place         TEXT,
    outcome_reason        TEXT,
    outcome_at            ${timestamp},
    outcome_by            TEXT,
    outcome_recorded_at   ${timestamp},
    obstruction_report_id ${uuid},                          -- the AID_OBSTRUCTION report of a BLOCKED outcome
    version               INTEGER      NOT NULL
);
CREATE INDEX access_requests_by_time ON access_requests (requested_at);
CREATE TABLE access_request_parties (
    request_id    ${uuid}      NOT NULL REFERENCES access_requests (id),
    party         TEXT         NOT NULL,                    -- actor id
    position      INTEGER      NOT NULL,
    verdict       TEXT,                                     -- APPROVED | DENIED | CONDITIONAL, null while undecided
    reasons       TEXT,
    conditions    TEXT,
    decided_by    TEXT,
    decided_at    ${timestamp},
    PRIMARY KEY (request_id, party)
);
CREATE INDEX access_request_parties_by_party ON access_request_parties (party);
CREATE TABLE besieged_areas (
    id            ${uuid}      PRIMARY KEY,
    name          TEXT         NOT NULL,
    status        TEXT         NOT NULL,                    -- BESIEGED | HARD_TO_REACH
    area_wkt      TEXT         NOT NULL,                    -- POLYGON or MULTIPOLYGON
    population    ${bigint}    NOT NULL,
    as_of         TEXT         NOT NULL,                    -- ISO date
    besiegers     TEXT         NOT NULL,                    -- actor ids, comma-separated, possibly empty
    source_note   TEXT,
    recorded_by   TEXT         NOT NULL,
    recorded_at   ${timestamp} NOT NULL,
    version       INTEGER      NOT NULL
);
CREATE TABLE movement_restrictions (
    id            ${uuid}      PRIMARY KEY,
    kind          TEXT         NOT NULL,                    -- DENIAL | DELAY | CONDITIONAL_ACCESS
    delay_minutes INTEGER,
    latitude      ${double}    NOT NULL,
    longitude     ${double}    NOT NULL,
    place_name    TEXT,
    occurred_at   ${timestamp} NOT NULL,
    restricted_by TEXT         NOT NULL,                    -- actor id
    patrol        TEXT         NOT NULL,
    conditions    TEXT,
    recorded_by   TEXT         NOT NULL,
    recorded_at   ${timestamp} NOT NULL,
    report_id     ${uuid}                                   -- its RESTRICTION_OF_MONITORS_MOVEMENT report
);
CREATE INDEX movement_restrictions_by_time ON movement_restrictions (occurred_at);
