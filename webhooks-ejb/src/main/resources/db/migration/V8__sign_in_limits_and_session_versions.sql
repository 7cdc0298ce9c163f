-- Issue 15, sign-in brute force and stale sessions.
-- failed_attempts / last_failed_at: Mattermost's FailedAttempts, the failed passwords in a row since the last
-- success or password reset; the account refuses sign-in at ServiceSettings.MaximumLoginAttempts until an admin
-- resets its password or ServiceSettings.LoginLockoutSeconds have passed since the last failure.
-- credential_version: bumped by a password reset, a deactivation and a role change; a session (API row or
-- console HTTP session) made under an older version is no longer accepted.
ALTER TABLE users ADD COLUMN failed_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE users ADD COLUMN last_failed_at BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE users ADD COLUMN credential_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE sessions ADD COLUMN credential_version BIGINT DEFAULT 0 NOT NULL;
-- Pruning: the expired rows of everyone (hourly) and the oldest of one user (at each sign-in).
CREATE INDEX ix_sessions_expires_at ON sessions (expires_at);
CREATE INDEX ix_sessions_user_create_at ON sessions (user_id, create_at);
