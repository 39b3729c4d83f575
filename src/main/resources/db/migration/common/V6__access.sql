-- People and machine clients, their roles, and their API tokens. Passwords are stored only as Argon2id
-- hashes, tokens only as SHA-256 hashes. Every change here also writes a ledger entry.
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT,
    created_at    ${timestamp} NOT NULL,
    disabled_at   ${timestamp}
);

-- A role held by a user; scope is the actor (a sponsor side or a party) a co-chair or liaison is bound to,
-- or '' when the role is not bound.
CREATE TABLE grants (
    user_id    TEXT NOT NULL REFERENCES users (id),
    role       TEXT NOT NULL,
    scope      TEXT NOT NULL DEFAULT '',
    granted_at ${timestamp} NOT NULL,
    PRIMARY KEY (user_id, role, scope)
);

CREATE TABLE api_tokens (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id),
    label      TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at ${timestamp} NOT NULL,
    expires_at ${timestamp},
    revoked_at ${timestamp}
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
