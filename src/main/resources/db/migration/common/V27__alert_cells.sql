-- An alert as a reader who may not see its report reads it (issue 15): the report's grid cell (the centre and the
-- side, in degrees), the proximity and the band of distances found from the cell alone, never from the exact point.
-- Null in the alerts raised before: they are then read with the cell of their point on the current grid, without
-- a band.
ALTER TABLE alerts ADD COLUMN cell_latitude ${double};
ALTER TABLE alerts ADD COLUMN cell_longitude ${double};
ALTER TABLE alerts ADD COLUMN cell_degrees ${double};
ALTER TABLE alerts ADD COLUMN cell_proximity TEXT;
ALTER TABLE alerts ADD COLUMN cell_min_metres ${double};
ALTER TABLE alerts ADD COLUMN cell_max_metres ${double};
