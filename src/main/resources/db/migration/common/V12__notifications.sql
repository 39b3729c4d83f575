-- Humanitarian notifications (protected sites and movements) delivered to the parties concerned, their
-- acknowledgments, and the positions a party or sponsor declares for its own forces. Geometries are WGS84 WKT
-- (x = longitude) with their bounding box beside them for coarse look-ups; the exact tests run in Java. Every change
-- here is also a ledger entry, appended in the same transaction.
CREATE TABLE notifications (
    id             ${uuid}      PRIMARY KEY,
    kind           TEXT         NOT NULL,            -- SITE | MOVEMENT
    name           TEXT         NOT NULL,
    site_kind      TEXT,                             -- for a site: HOSPITAL, CLINIC, ...
    movement_kind  TEXT,                             -- for a movement: CONVOY, EVACUATION, STAFF_MOVEMENT
    geometry_wkt   TEXT         NOT NULL,
    min_lon        ${double}    NOT NULL,
    min_lat        ${double}    NOT NULL,
    max_lon        ${double}    NOT NULL,
    max_lat        ${double}    NOT NULL,
    window_from    ${timestamp},                     -- required for a movement
    window_to      ${timestamp},
    vehicles       TEXT         NOT NULL,            -- JSON array of {type, registration, markings}
    markings       TEXT,
    content_salt   TEXT         NOT NULL,            -- opens the content commitment in the notification-sent entry
    notified_by    TEXT         NOT NULL,            -- user id
    notified_at    ${timestamp} NOT NULL,
    withdrawn_by   TEXT,
    withdrawn_at   ${timestamp},
    version        INTEGER      NOT NULL
);
CREATE INDEX notifications_by_notifier ON notifications (notified_by, notified_at);

-- The parties (actor ids) a notification is delivered to.
CREATE TABLE notification_parties (
    notification_id ${uuid} NOT NULL REFERENCES notifications (id),
    party           TEXT    NOT NULL,
    PRIMARY KEY (notification_id, party)
);
CREATE INDEX notification_parties_by_party ON notification_parties (party);

-- One acknowledgment per party concerned: the first one is kept.
CREATE TABLE notification_acknowledgments (
    notification_id ${uuid}      NOT NULL REFERENCES notifications (id),
    party           TEXT         NOT NULL,
    acknowledged_by TEXT         NOT NULL,           -- the liaison's user id
    acknowledged_at ${timestamp} NOT NULL,
    PRIMARY KEY (notification_id, party)
);

-- Where a party or sponsor declares its own forces operate. Only the co-chairs and the declaring side see these.
CREATE TABLE declared_positions (
    id            ${uuid}      PRIMARY KEY,
    side          TEXT         NOT NULL,             -- the declarer's bound actor
    label         TEXT,
    area_wkt      TEXT         NOT NULL,
    min_lon       ${double}    NOT NULL,
    min_lat       ${double}    NOT NULL,
    max_lon       ${double}    NOT NULL,
    max_lat       ${double}    NOT NULL,
    window_from   ${timestamp} NOT NULL,
    window_to     ${timestamp} NOT NULL,
    content_salt  TEXT         NOT NULL,             -- opens the content commitment in the position-declared entry
    declared_by   TEXT         NOT NULL,
    declared_at   ${timestamp} NOT NULL,
    withdrawn_by  TEXT,
    withdrawn_at  ${timestamp}
);
CREATE INDEX declared_positions_by_side ON declared_positions (side, declared_at);
