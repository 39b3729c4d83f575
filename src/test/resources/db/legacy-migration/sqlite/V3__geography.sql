-- Geography: administrative boundaries and the gazetteer. SQLite, the embedded store.
-- Coordinates are WGS84 degrees; geometries are GeoJSON text (RFC 7946, lon/lat order).

CREATE TABLE boundaries (
    id           INTEGER PRIMARY KEY,
    pcode        TEXT NOT NULL UNIQUE,
    layer        TEXT NOT NULL,
    name         TEXT NOT NULL,
    name_ar      TEXT,
    parent_pcode TEXT,
    min_lon      REAL NOT NULL,
    min_lat      REAL NOT NULL,
    max_lon      REAL NOT NULL,
    max_lat      REAL NOT NULL,
    geometry     TEXT NOT NULL
);

-- Boxes pre-filter point look-ups; the exact test runs in Java (JTS).
CREATE INDEX boundaries_by_layer_box ON boundaries (layer, min_lon, max_lon);
CREATE INDEX boundaries_by_parent ON boundaries (parent_pcode);

CREATE TABLE places (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    name_ar      TEXT,
    -- NameKey.of(name): lower-case letters, digits and single spaces. NOCASE lets SQLite
    -- answer LIKE 'prefix%' from the index.
    name_key     TEXT NOT NULL COLLATE NOCASE,
    lat          REAL NOT NULL,
    lon          REAL NOT NULL,
    kind         TEXT NOT NULL,
    admin1_pcode TEXT,
    source       TEXT NOT NULL,
    source_ref   TEXT
);

CREATE INDEX places_by_key ON places (name_key);
CREATE INDEX places_by_source ON places (source);
