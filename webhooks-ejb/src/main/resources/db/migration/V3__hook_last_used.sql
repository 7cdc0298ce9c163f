-- When each hook last posted (epoch ms, to the minute; 0 = never), shown in the console's hook list.
ALTER TABLE incoming_hooks ADD COLUMN last_used_at BIGINT DEFAULT 0 NOT NULL;
