-- An alert that only its report's grid cell raises, not the report's exact point (issue 15): it is for the readers
-- who may not read the report exactly, so that whether an alert exists tells them nothing finer than the cell; those
-- who read the report exactly keep the alerts of its point. False in the alerts raised before (matched by the point,
-- or, for an at-risk source, by the cell for every reader).
ALTER TABLE alerts ADD COLUMN cell_only ${boolean} NOT NULL DEFAULT ${false};
