package io.hookline.web.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The newest post time seen in each watched channel, and which channels a fresh reading shows posts in: the
 * rule by which a server notices posts another server stored. A channel seen for the first time only sets its
 * baseline (its view has just loaded its posts). Posts stored on this server move the same time, so they are
 * announced twice (once at commit, once here): one extra page fetch, never a missed post.
 *
 * <p>A post is noticed when it is newer than every post seen before in its channel: servers whose clocks
 * differ by more than the time between two posts may leave the older-stamped one unannounced until the
 * channel's next post (the view fetches everything since its last fetch then). Used by one polling thread.
 */
final class NewestPosts {

    private final Map<String, Long> seen = new HashMap<>();

    /** Channels of {@code watched} whose newest post in {@code reading} is newer than the last reading's. */
    List<String> newer(Set<String> watched, Map<String, Long> reading) {
        seen.keySet().retainAll(watched);
        List<String> changed = new ArrayList<>();
        for (String channelId : watched) {
            long newest = reading.getOrDefault(channelId, 0L);
            Long before = seen.put(channelId, newest);
            if (before != null && newest > before) {
                changed.add(channelId);
            }
        }
        return changed;
    }
}
