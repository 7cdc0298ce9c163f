-- Issue 15's limits, run-time settings like the others (Settings' named defaults):
-- ServiceSettings.MaxPostsPerRequest: posts one hook request may become once split (past it: 400 message_too_long);
-- ServiceSettings.MaximumLoginAttempts (Mattermost's name and default): failed passwords in a row that lock an account;
-- ServiceSettings.LoginLockoutSeconds: how long a locked account stays locked (0: until an admin resets the password).
ALTER TABLE system_settings ADD COLUMN max_posts_per_request INTEGER DEFAULT 100 NOT NULL;
ALTER TABLE system_settings ADD COLUMN maximum_login_attempts INTEGER DEFAULT 10 NOT NULL;
ALTER TABLE system_settings ADD COLUMN login_lockout_seconds INTEGER DEFAULT 1800 NOT NULL;
