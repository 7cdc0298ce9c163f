-- Issue 15: the console opens a hook's edit page by a short key, never by the hook id, which is the whole
-- secret of its URL and must not sit in browser history, address bars, proxy logs or Referer headers.
-- New hooks get 12 random characters (IncomingHook.CONSOLE_KEY_LENGTH); hooks created before this
-- migration get 'k' and their rank by id, unique and no part of the id. The key is no credential: the
-- edit page still checks that the caller created the hook or is a system admin.
ALTER TABLE incoming_hooks ADD COLUMN console_key VARCHAR(16);
UPDATE incoming_hooks SET console_key = CONCAT('k',
    CAST((SELECT COUNT(*) FROM incoming_hooks other WHERE other.id <= incoming_hooks.id) AS VARCHAR(15)));
ALTER TABLE incoming_hooks ALTER COLUMN console_key SET NOT NULL;
CREATE UNIQUE INDEX ux_incoming_hooks_console_key ON incoming_hooks (console_key);
