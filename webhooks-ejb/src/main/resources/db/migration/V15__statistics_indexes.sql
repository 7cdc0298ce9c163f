-- Issue 20, System Console → Site statistics: the charts count the last hour's or day's rows by time, so each table
-- they read gets an index that starts with create_at. Posts: (create_at, hook_id) answers both "posts per minute"
-- and "busiest hooks" from the index alone, without reading the posts' rows (one more index on the write path).
-- The delivery log is written in the background and holds at most HookDeliveryLogSize rows per hook.
CREATE INDEX ix_posts_create_at_hook ON posts (create_at, hook_id);
CREATE INDEX ix_hook_deliveries_create_at ON hook_deliveries (create_at);
