-- Issue 18: a Slack-shaped timestamp per post, "<seconds>.<6 digits>", that ?wait=true returns and thread_ts
-- may name. Unique: the index is what makes two servers writing at once safe (PostTimestamps, PostWriter retry).
-- Posts stored before this version have none (NULL; a unique index admits any number of NULLs on H2 and
-- PostgreSQL): a thread_ts can only name a post whose ts a wait=true answer returned.
ALTER TABLE posts ADD COLUMN ts VARCHAR(24);
CREATE UNIQUE INDEX ux_posts_ts ON posts (ts);
