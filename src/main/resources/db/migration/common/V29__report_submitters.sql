-- Who submitted each report (issue 15): the user id of the monitor or liaison who posted it or ran the import, or
-- import:<run id> for an import from the command line, which has no user. Null for reports stored before. Only staff
-- read it; the ledger holds it as a salted commitment (group submitter).
ALTER TABLE reports ADD COLUMN submitter TEXT;
