-- Issue 21, the console's lists page on the server (50 rows a page, searched and sorted by the database):
-- indexes for the orders and narrowing they use beyond those the earlier steps made. Plain column indexes that
-- H2 and PostgreSQL both build (a contains-search scans, at console scale that is a few thousand short rows).
-- A plain user's hook list: their hooks, newest first.
CREATE INDEX ix_incoming_hooks_user_create ON incoming_hooks (user_id, create_at);
-- An admin's hook list, newest first (deleted hooks are filtered out of the walk).
CREATE INDEX ix_incoming_hooks_create_at ON incoming_hooks (create_at);
-- The audit log narrowed to an actor, newest first; sorted by action.
CREATE INDEX ix_audits_user_create ON audits (user_id, create_at);
CREATE INDEX ix_audits_action_create ON audits (action, create_at);
-- The System Console's team channel list, in its default order.
CREATE INDEX ix_channels_team_delete_name ON channels (team_id, delete_at, display_name);
