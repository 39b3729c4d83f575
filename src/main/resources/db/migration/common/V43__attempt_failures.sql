-- Failed sign-ins and bad API tokens, one row per failure, counted by every instance on one database: a key
-- (an account, an address) is locked once it has as many failures within the window as its limit allows. Rows
-- older than the window are deleted as new failures come.
CREATE TABLE attempt_failures (
    kind TEXT NOT NULL,
    attempt_key TEXT NOT NULL,
    failed_at ${timestamp} NOT NULL
);

CREATE INDEX attempt_failures_key ON attempt_failures (kind, attempt_key, failed_at);
CREATE INDEX attempt_failures_at ON attempt_failures (failed_at);
