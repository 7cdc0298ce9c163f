-- Personal access tokens (Mattermost's user access tokens): long-lived bearer tokens for scripts.
-- As with sessions, only the SHA-256 of the token is stored.
CREATE TABLE user_access_tokens (
    id          VARCHAR(26)  NOT NULL PRIMARY KEY,
    token_hash  VARCHAR(64)  NOT NULL,
    user_id     VARCHAR(26)  NOT NULL,
    description VARCHAR(512) NOT NULL,
    is_active   BOOLEAN      NOT NULL,
    create_at   BIGINT       NOT NULL,
    CONSTRAINT uq_user_access_tokens_hash UNIQUE (token_hash),
    CONSTRAINT fk_user_access_tokens_user FOREIGN KEY (user_id) REFERENCES users (id)
);

-- Mattermost's ServiceSettings.MaximumPayloadSizeBytes and TeamSettings.EnableOpenServer.
ALTER TABLE system_settings ADD COLUMN maximum_payload_size_bytes INTEGER DEFAULT 300000 NOT NULL;
ALTER TABLE system_settings ADD COLUMN enable_open_server BOOLEAN DEFAULT FALSE NOT NULL;

-- The spec: "the text will be limited to 4000 characters at maximum" (configurable up to 16383).
UPDATE system_settings SET max_post_size = 4000;
