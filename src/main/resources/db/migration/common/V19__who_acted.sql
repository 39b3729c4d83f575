-- Who acted, as far as a report's source says (issue 14): the kind, the other possible actors and the rule that
-- inferred it, as JSON; null for reports stored before, whose actor acted against their target. And the class of
-- weapon or equipment the source names, by code.
ALTER TABLE reports ADD COLUMN who_acted TEXT;
ALTER TABLE reports ADD COLUMN equipment TEXT;
