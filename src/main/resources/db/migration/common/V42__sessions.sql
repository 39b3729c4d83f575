-- Signed-in sessions, shared by every instance on one PostgreSQL database: Spring Session JDBC's tables, as its
-- JdbcIndexedSessionRepository reads and writes them (with TEXT for its CHAR and VARCHAR ids and names, which both
-- stores read alike). SQLite is a one-instance store: its sessions stay in the
-- server's memory and these tables stay empty there; they exist so that both stores keep one schema.
CREATE TABLE spring_session (
    primary_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    creation_time ${bigint} NOT NULL,
    last_access_time ${bigint} NOT NULL,
    max_inactive_interval INTEGER NOT NULL,
    expiry_time ${bigint} NOT NULL,
    principal_name TEXT,
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id TEXT NOT NULL,
    attribute_name TEXT NOT NULL,
    attribute_bytes ${bytes} NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id)
        ON DELETE CASCADE
);
