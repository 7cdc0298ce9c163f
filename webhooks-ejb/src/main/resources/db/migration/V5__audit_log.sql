-- The audit log (Mattermost's audits): who created, changed, deleted or regenerated which hook, and who
-- changed which setting, when and from where. target holds a masked hook id (abcd…) or "settings", never a
-- whole hook id; details says what changed. Pruned to the newest entries by AuditRetention.
CREATE TABLE audits (
    id         VARCHAR(26)   NOT NULL PRIMARY KEY,
    create_at  BIGINT        NOT NULL,
    user_id    VARCHAR(26)   NOT NULL,
    action     VARCHAR(64)   NOT NULL,
    target     VARCHAR(64)   NOT NULL,
    details    VARCHAR(1024) NOT NULL,
    ip_address VARCHAR(64)   NOT NULL
);
CREATE INDEX ix_audits_create_at ON audits (create_at);
