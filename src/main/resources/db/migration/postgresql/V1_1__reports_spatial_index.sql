-- The spatial index of reports on PostgreSQL + PostGIS: a geography point derived from lon and lat, with GiST
-- indexes on it and on its geometry (for box look-ups).
CREATE EXTENSION IF NOT EXISTS postgis;

ALTER TABLE reports ADD COLUMN geog GEOGRAPHY(Point, 4326) GENERATED ALWAYS AS
    (ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography) STORED;

CREATE INDEX reports_geog ON reports USING GIST (geog);
CREATE INDEX reports_geom ON reports USING GIST ((geog::geometry));
