-- Geography: administrative boundaries and the gazetteer. Coordinates are WGS84 degrees; geometries are the GeoJSON
-- text written by Truce (RFC 7946, lon/lat order). Boxes pre-filter point look-ups; the exact test runs in Java (JTS).
-- On PostgreSQL, V3_1 adds the geometry PostGIS derives from the GeoJSON, with its index.

CREATE TABLE boundaries (
    id           ${identity_primary_key},
    pcode        TEXT      NOT NULL UNIQUE,
    layer        TEXT      NOT NULL,
    name         TEXT      NOT NULL,
    name_ar      TEXT,
    parent_pcode TEXT,
    min_lon      ${double} NOT NULL,
    min_lat      ${double} NOT NULL,
    max_lon      ${double} NOT NULL,
    max_lat      ${double} NOT NULL,
    geometry     TEXT      NOT NULL
);

CREATE INDEX boundaries_by_layer_box ON boundaries (layer, min_lon, max_lon);
CREATE INDEX boundaries_by_parent ON boundaries (parent_pcode);

CREATE TABLE places (
    id           ${identity_primary_key},
    name         TEXT      NOT NULL,
    name_ar      TEXT,
    -- NameKey.of(name): lower-case letters, digits and single spaces. The column's collation (SQLite: NOCASE) or
    -- the index's operator class (PostgreSQL: text_pattern_ops) lets the store answer LIKE 'prefix%' from the index.
    name_key     TEXT      NOT NULL ${prefix_collation},
    lat          ${double} NOT NULL,
    lon          ${double} NOT NULL,
    kind         TEXT      NOT NULL,
    admin1_pcode TEXT,
    source       TEXT      NOT NULL,
    source_ref   TEXT
);

CREATE INDEX places_by_key ON places (name_key ${prefix_ops});
CREATE INDEX places_by_source ON places (source);
