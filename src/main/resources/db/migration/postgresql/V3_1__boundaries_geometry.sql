-- The geometry of boundaries on PostgreSQL + PostGIS, derived from their GeoJSON text, with a GiST index.
ALTER TABLE boundaries ADD COLUMN geom geometry(MultiPolygon, 4326) GENERATED ALWAYS AS
    (ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326))) STORED;

CREATE INDEX boundaries_geom ON boundaries USING GIST (geom);
