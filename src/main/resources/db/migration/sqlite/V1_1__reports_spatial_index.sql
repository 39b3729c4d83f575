-- The spatial index of reports on SQLite: an R*Tree of points as degenerate boxes, filled by a trigger; the exact
-- geodesic test runs in Java (geodesic_within). Reports are never deleted, so there is no delete trigger.
CREATE VIRTUAL TABLE reports_rtree USING rtree (seq, min_lon, max_lon, min_lat, max_lat);

CREATE TRIGGER reports_rtree_insert AFTER INSERT ON reports
BEGIN
    INSERT INTO reports_rtree VALUES (new.seq, new.lon, new.lon, new.lat, new.lat);
END;
