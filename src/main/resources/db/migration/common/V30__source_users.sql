-- Who may file reports under a source (issue 15): its users, one entry per line, each a user id or a grant
-- (monitor, liaison:syria-government). Null or empty: monitors only, as for every source registered before.
ALTER TABLE sources ADD COLUMN used_by TEXT;
