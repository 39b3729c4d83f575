-- Forces "supporting or associated with" another actor without being under its command (issue 14): a militia that
-- fights with a government's army. An agreement may bind them through that actor. The associated actor need not be
-- registered first, so it is not a foreign key.
CREATE TABLE actor_associations (
    actor_id        TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    associated_with TEXT NOT NULL,
    PRIMARY KEY (actor_id, associated_with)
);
