-- The record of reports: SQLite, the embedded store. Instants are epoch milliseconds, UTC.
CREATE TABLE sources (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    reliability TEXT NOT NULL
);

CREATE TABLE actors (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    type      TEXT NOT NULL,
    parent_id TEXT
);

CREATE TABLE actor_aliases (
    actor_id TEXT    NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    alias    TEXT    NOT NULL,
    PRIMARY KEY (actor_id, position)
);

CREATE TABLE reports (
    seq                INTEGER PRIMARY KEY,
    id                 TEXT    NOT NULL UNIQUE,
    event_type         TEXT    NOT NULL,
    event_type_basis   TEXT,
    time_start         INTEGER NOT NULL,
    time_end           INTEGER NOT NULL,
    time_precision     TEXT    NOT NULL,
    lat                REAL    NOT NULL,
    lon                REAL    NOT NULL,
    location_precision TEXT    NOT NULL,
    uncertainty_m      REAL    NOT NULL,
    place_name         TEXT,
    admin1             TEXT,
    admin2             TEXT,
    actor_text         TEXT,
    actor_id           TEXT,
    actor_status       TEXT,
    actor_candidates   TEXT,
    target_text        TEXT,
    target_id          TEXT,
    target_status      TEXT,
    target_candidates  TEXT,
    casualties         TEXT,
    narrative          TEXT,
    source_id          TEXT    NOT NULL,
    external_id        TEXT,
    attachments        TEXT,
    flags              TEXT,
    recorded_at        INTEGER NOT NULL,
    idempotency_key    TEXT UNIQUE,
    request_digest     TEXT
);

CREATE INDEX reports_by_time ON reports (time_start DESC, seq DESC);
CREATE INDEX reports_by_type ON reports (event_type, time_start DESC);
CREATE INDEX reports_by_actor ON reports (actor_id);
CREATE INDEX reports_by_target ON reports (target_id);
CREATE INDEX reports_by_source ON reports (source_id, external_id);

-- Points as degenerate boxes; the exact geodesic test runs in Java (geodesic_within).
CREATE VIRTUAL TABLE reports_rtree USING rtree (seq, min_lon, max_lon, min_lat, max_lat);

CREATE TRIGGER reports_rtree_insert AFTER INSERT ON reports
BEGIN
    INSERT INTO reports_rtree VALUES (new.seq, new.lon, new.lon, new.lat, new.lat);
END;

CREATE TABLE imports (
    id          TEXT PRIMARY KEY,
    kind        TEXT    NOT NULL,
    file_name   TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    rows_read   INTEGER NOT NULL DEFAULT 0,
    imported    INTEGER NOT NULL DEFAULT 0,
    duplicates  INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE import_rejections (
    import_id  TEXT    NOT NULL REFERENCES imports (id),
    row_number INTEGER NOT NULL,
    code       TEXT    NOT NULL,
    field      TEXT,
    detail     TEXT    NOT NULL,
    PRIMARY KEY (import_id, row_number, code)
);
