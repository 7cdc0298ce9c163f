-- Mattermost's RateLimitSettings for POST /hooks/{id} (Enable, PerSec, MaxBurst, VaryByRemoteAddr: the
-- limit per remote address) and Hookline's PerHookPerSec / PerHookMaxBurst (the limit per hook URL).
-- Defaults as RateLimitSettings.DEFAULTS; the README's "Limits and failure behaviour" says why.
ALTER TABLE system_settings ADD COLUMN rate_limit_enable BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE system_settings ADD COLUMN rate_limit_per_sec INTEGER DEFAULT 1000 NOT NULL;
ALTER TABLE system_settings ADD COLUMN rate_limit_max_burst INTEGER DEFAULT 2000 NOT NULL;
ALTER TABLE system_settings ADD COLUMN rate_limit_vary_by_remote_addr BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE system_settings ADD COLUMN rate_limit_per_hook_per_sec INTEGER DEFAULT 100 NOT NULL;
ALTER TABLE system_settings ADD COLUMN rate_limit_per_hook_max_burst INTEGER DEFAULT 500 NOT NULL;
