package io.hookline.ejb.stats;

/**
 * One hook in a "busiest" or "most failing" list. The hook is named by its console key (what its page is opened
 * by), never by its id, the secret of its URL. {@code deleted}: the hook was deleted, or this is the id it had
 * before its URL was regenerated (posts keep the id they were sent to), so it has no page. {@code count} is what
 * the list ranks by (posts, or failed deliveries); {@code total} the hook's deliveries in the log (failing list)
 * or the same as count (busiest list).
 */
public record HookActivity(
        String consoleKey, String displayName, String channelName, boolean deleted, long count, long total) {}
