-- PostgreSQL only (SchemaMigrator adds this location there): every statement that changes what a server
-- caches moves cluster_changes.version, inside the writing transaction. Other servers see the new version
-- exactly when they can see the change (never before its commit, so none re-reads the old row under the new
-- version), and bulk JPQL statements are counted as surely as entity updates.
-- Columns written on the hook path or at sign-in (incoming_hooks.last_used_at, users.failed_attempts,
-- last_failed_at, password_hash re-hashing) are left out: they change no cached answer, and counting them
-- would drop every server's caches on every post or sign-in.
CREATE FUNCTION hookline_cluster_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE cluster_changes SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER cluster_changed AFTER INSERT OR DELETE OR TRUNCATE ON teams
    FOR EACH STATEMENT EXECUTE FUNCTION hookline_cluster_changed();
CREATE TRIGGER cluster_changed_update AFTER UPDATE ON teams
    FOR EACH STATEMENT EXECUTE FUNCTION hookline_cluster_changed();

CREATE TRIGGER cluster_changed AFTER INSERT OR DELETE OR TRUNCATE ON team_members
    FOR EACH STATEMENT EXECUTE FUNCTION hookline_cluster_changed();
CREATE TRIGGER cluster_changed_update AFTER UPDATE ON team_members
    FOR EACH STATEMENT EXECUTE FUNCTION hookline_cluster_changed();

CREATE TRIGGER cluster_changed AFTER INSERT OR DELETE OR TRUNCATE ON channels
    FOR EACH STATEMENT EXECUTE FUNCTION hookline_cluster_changed();
CREATE TRIGGER cluster_changed_update AFTER UPDATE ON channels
    FOR EACH STATEMENT EXECUTE FUNCTION hookline_cluster_changed();

CREATE TRIGGER cluster_changed AFTER INSERT OR DELETE OR TRUNCATE ON channel_members
    FOR EACH STATEMENT EXECUTE FUNCTION hookline_cluster_changed();
CREATE TRIGGER cluster_changed_update AFTER UPDATE ON channel_members
    FOR EACH STATEMENT EXECUTE FUNCTION hookline_cluster_changed();

CREATE TRIGGER cluster_changed AFTER INSERT OR DELETE OR TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION hookline_cluster_changed();
CREATE TRIGGER cluster_changed_update
    AFTER UPDATE OF id, username, email, nickname, first_name, last_name, roles, delete_at, credential_version ON users
    FOR EACH STATEMENT EXECUTE FUNCTION hookline_cluster_changed();

CREATE TRIGGER cluster_changed AFTER INSERT OR DELETE OR TRUNCATE ON incoming_hooks
    FOR EACH STATEMENT EXECUTE FUNCTION hookline_cluster_changed();
CREATE TRIGGER cluster_changed_update
    AFTER UPDATE OF id, user_id, channel_id, team_id, display_name, description, username, icon_url,
                    channel_locked, update_at, delete_at, console_key ON incoming_hooks
    FOR EACH STATEMENT EXECUTE FUNCTION hookline_cluster_changed();

CREATE TRIGGER cluster_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON system_settings
    FOR EACH STATEMENT EXECUTE FUNCTION hookline_cluster_changed();
