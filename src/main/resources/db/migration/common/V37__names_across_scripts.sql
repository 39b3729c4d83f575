-- Names across scripts (issue 18): a gazetteer place's Arabic name folded as its name is (NameKey), so that a place
-- can be looked up by it; an actor's name in each language other than its English name (Arabic, Russian),
-- and, for each report's actor and target, which registered name the reported one was matched to and how (a
-- NameMatch as JSON: how, name, script, key); null for references resolved before resolutions said so.
CREATE TABLE actor_names (
    actor_id TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (actor_id, language)
);

ALTER TABLE reports ADD COLUMN actor_match TEXT;
ALTER TABLE reports ADD COLUMN target_match TEXT;

ALTER TABLE places ADD COLUMN name_ar_key TEXT ${prefix_collation};
CREATE INDEX places_by_ar_key ON places (name_ar_key ${prefix_ops});
