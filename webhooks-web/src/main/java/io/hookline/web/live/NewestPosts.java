package io.hookline.web.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The newest post time seen in each watched channel, and which channels a fresh reading shows posts in: the
 * rule by which a server notices posts another server stored. Posts stored on this server move the same time,
 * so they are announced twice (once at commit, once here): one extra page fetch, never a missed post.
 *
 * <p>A channel seen for the first time has no reading to compare with: its view loaded its posts just before
 * its stream opened, so a post from the last {@value #RECENT_MILLIS} ms may have arrived after that load. Such
 * a channel is announced when its newest post is that recent (at worst one fetch that finds nothing new).
 *
 * <p>A post is noticed when it is newer than every post seen before in its channel: servers whose clocks
 * differ by more than the time between two posts may leave the older-stamped one unannounced until the
 * channel's next post (the view fetches everything since its last fetch then). Used by one polling thread.
 */
final class NewestPosts {

    /** How recent a first-seen channel's newest post must be to be announced: two polls and clock skew. */
    static final long RECENT_MILLIS = 3_000;

    private final Map<String, Long> seen = new HashMap<>();

    /**
     * Channels of {@code watched} whose newest post in {@code reading} is newer than the last reading's (or,
     * first seen, within {@value #RECENT_MILLIS} ms of {@code nowMillis}).
     */
    List<String> newer(Set<String> watched, Map<String, Long> reading, long nowMillis) {
        seen.keySet().retainAll(watched);
        List<String> changed = new ArrayList<>();
        for (String channelId : watched) {
            long newest = reading.getOrDefault(channelId, 0L);
            Long before = seen.put(channelId, newest);
            boolean isNew = before == null ? newest > nowMillis - RECENT_MILLIS : newest > before;
            if (isNew) {
                changed.add(channelId);
            }
        }
        return changed;
    }
}
