-- Issue 18, idempotent retries. One row per hook request that carried an Idempotency-Key and stored posts,
-- written in the same transaction as those posts (PostWriter), so a retried request whose "ok" was lost finds
-- it. The primary key (hook_id, idem_key) is the final arbiter across requests, servers and restarts.
-- body: the answer's bytes exactly as sent (status and Content-Type beside it), replayed byte for byte.
-- No foreign key to incoming_hooks: rows outlive nothing for long (ExpiredKeys deletes them past the window).
CREATE TABLE idempotency_keys (
    hook_id      VARCHAR(26)  NOT NULL,
    idem_key     VARCHAR(255) NOT NULL,
    fingerprint  VARCHAR(64)  NOT NULL,
    status       INTEGER      NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    body         BYTEA        NOT NULL,
    created_at   BIGINT       NOT NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (hook_id, idem_key)
);

-- ExpiredKeys deletes the oldest rows first, in bounded batches.
CREATE INDEX ix_idempotency_keys_created_at ON idempotency_keys (created_at);

-- ServiceSettings.IdempotencyWindowSeconds: how long a key holds (Settings' named default and bounds).
ALTER TABLE system_settings ADD COLUMN idempotency_window_seconds INTEGER DEFAULT 86400 NOT NULL;
