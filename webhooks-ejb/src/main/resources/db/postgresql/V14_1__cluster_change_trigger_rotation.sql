-- PostgreSQL only: the rotation columns of V14 change what servers cache (which hook a previous id opens, and
-- until when), so writing them must move cluster_changes.version as the other cached columns do (V10_1).
-- Revoking a previous id is an UPDATE of exactly these columns. rotated_at changes nothing cached, but is only
-- ever written together with them, so it is left out.
DROP TRIGGER cluster_changed_update ON incoming_hooks;
CREATE TRIGGER cluster_changed_update
    AFTER UPDATE OF id, user_id, channel_id, team_id, display_name, description, username, icon_url,
                    channel_locked, update_at, delete_at, console_key, previous_id, previous_id_expires_at
    ON incoming_hooks
    FOR EACH STATEMENT EXECUTE FUNCTION hookline_cluster_changed();
