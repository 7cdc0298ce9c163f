-- Issue 18, point 5: rotating a hook's URL with a grace period. Rotation re-creates the hook under a new id, as
-- regenerating does, and the new row remembers the id it replaced: previous_id keeps posting to it until
-- previous_id_expires_at (epoch ms; 0 = no previous id). Only one previous id at a time: rotating again
-- replaces it, regenerating or deleting the hook ends it. rotated_at says when the previous id became previous,
-- so the console lists only the senders that used it since. The index serves the hook path's look-up of an id
-- that is not (or no longer) a hook's own.
ALTER TABLE incoming_hooks ADD COLUMN previous_id VARCHAR(26);
ALTER TABLE incoming_hooks ADD COLUMN previous_id_expires_at BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE incoming_hooks ADD COLUMN rotated_at BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX ix_incoming_hooks_previous_id ON incoming_hooks (previous_id);

-- The delivery log marks each request that came through a previous id (its URL still in use somewhere).
ALTER TABLE hook_deliveries ADD COLUMN via_previous_id BOOLEAN DEFAULT FALSE NOT NULL;
