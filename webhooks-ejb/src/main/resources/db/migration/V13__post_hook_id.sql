-- Editing and deleting through the hook URL (issue 18, point 3): a hook may change only the posts it created,
-- so each post remembers the hook that created it. Posts stored before this version, and posts not created by
-- a hook, keep NULL: no hook can edit them.
ALTER TABLE posts ADD COLUMN hook_id VARCHAR(26);

-- An edit or delete moves update_at, not create_at: the channel views (and the other servers' reading of the
-- newest change per channel, ChannelActivity) find changed posts by update_at, one index probe per channel.
CREATE INDEX ix_posts_channel_update ON posts (channel_id, update_at);
