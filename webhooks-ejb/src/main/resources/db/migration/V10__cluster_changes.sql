-- Issue 17: several servers over one database. One row counts the committed changes that servers keep
-- cached (hooks, channels, teams, members, users' names/roles/state, settings). Every server reads it a few
-- times a second (cluster/ClusterChanges) and drops its caches when it moved: the database, which every
-- server already shares, carries the invalidation, in the same transaction as the change itself.
-- On PostgreSQL, triggers (db/postgresql) move it; H2 is the single-server embedded default, where the
-- server's own change listener suffices and the row stays at 0.
CREATE TABLE cluster_changes (
    id      INTEGER NOT NULL PRIMARY KEY,
    version BIGINT  NOT NULL
);
INSERT INTO cluster_changes (id, version) VALUES (1, 0);
