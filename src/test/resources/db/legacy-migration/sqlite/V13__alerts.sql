-- Proximity alerts: a violent report within the alert distance of a notified site, a movement in its window, or a
-- declared position. Each alert is also a ledger entry, appended in the same transaction. An alert about a declared
-- position (restricted_side set) is for the co-chairs and the declaring side only.
CREATE TABLE alerts (
    id                  TEXT    PRIMARY KEY,        -- time-ordered (UUID v7)
    report_id           TEXT    NOT NULL,
    event_type          TEXT    NOT NULL,
    incident_start      INTEGER NOT NULL,
    incident_end        INTEGER NOT NULL,
    latitude            REAL    NOT NULL,
    longitude           REAL    NOT NULL,
    uncertainty_metres  REAL    NOT NULL,
    place_id            TEXT    NOT NULL,
    place_kind          TEXT    NOT NULL,           -- site | movement | declared-position
    place_name          TEXT,
    restricted_side     TEXT,                       -- the declaring side of a declared position, else null
    notified_by         TEXT,                       -- the user id of the place's notifier (or declarer)
    proximity           TEXT    NOT NULL,           -- WITHIN | POSSIBLY_WITHIN
    distance_metres     REAL    NOT NULL,
    threshold_metres    REAL    NOT NULL,
    time_straddles      INTEGER NOT NULL,
    raised_at           INTEGER NOT NULL,
    UNIQUE (report_id, place_id)
);
CREATE INDEX alerts_by_place ON alerts (place_id);

-- Webhook subscriptions: each alert that is not restricted is POSTed to each active subscription, signed with its
-- secret (HMAC-SHA256; the secret must be kept to sign, so it is stored as given).
CREATE TABLE webhook_subscriptions (
    id          TEXT    PRIMARY KEY,
    url         TEXT    NOT NULL,
    secret      TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    active      INTEGER NOT NULL
);

-- One delivery of one alert to one subscription, stored before it is sent, so that a restart resumes it.
CREATE TABLE webhook_deliveries (
    id               TEXT    PRIMARY KEY,
    subscription_id  TEXT    NOT NULL REFERENCES webhook_subscriptions (id),
    alert_id         TEXT    NOT NULL REFERENCES alerts (id),
    body             TEXT    NOT NULL,             -- the JSON sent, byte for byte (UTF-8)
    status           TEXT    NOT NULL,             -- PENDING | DELIVERED | FAILED
    attempts         INTEGER NOT NULL,
    next_attempt_at  INTEGER NOT NULL,
    claimed_until    INTEGER,                      -- a sender's lease, so that two instances do not both send it
    created_at       INTEGER NOT NULL,
    delivered_at     INTEGER,
    replay_of        TEXT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries (subscription_id, created_at);

-- Every attempt to send a delivery: when, how long, the HTTP status or the error.
CREATE TABLE webhook_attempts (
    delivery_id      TEXT    NOT NULL REFERENCES webhook_deliveries (id),
    attempt          INTEGER NOT NULL,
    attempted_at     INTEGER NOT NULL,
    status_code      INTEGER,
    error            TEXT,
    duration_millis  INTEGER NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
