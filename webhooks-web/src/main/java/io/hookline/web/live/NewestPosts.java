package io.hookline.web.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest post time seen in each watched channel, and which channels a fresh reading shows posts in: the
 * rule by which a server notices posts another server stored.
 *
 * <p>Posts stored on this server were announced at their commit, or loaded with the page of a view opened
 * after it ({@link #announcedHere}); the reading is not announced again for them: a second {@code posts} event made every open view fetch and redraw its list once
 * more, half a second later, for nothing. A reading is announced only when its newest post is newer than this
 * server's last announcement in the channel.
 *
 * <p>A channel seen for the first time has no reading to compare with: its view loaded its posts just before
 * its stream opened, so a post from the last {@value #RECENT_MILLIS} ms may have arrived after that load. Such
 * a channel is announced when its newest post is that recent (at worst one fetch that finds nothing new).
 *
 * <p>A post is noticed when it is newer than every post seen and announced before in its channel: servers
 * whose clocks differ by more than the time between two posts may leave the older-stamped one unannounced
 * until the channel's next post (the view fetches everything since its last fetch then). {@link #newer} is
 * called by one polling thread; {@link #announcedHere} by any.
 */
final class NewestPosts {

    /** How recent a first-seen channel's newest post must be to be announced: two polls and clock skew. */
    static final long RECENT_MILLIS = 3_000;

    private final Map<String, Long> seen = new HashMap<>();
    private final Map<String, Long> announced = new ConcurrentHashMap<>();

    /**
     * This server announced the channel's posts committed up to {@code atMillis} (its clock, after the commit),
     * watched or not; kept while the channel is watched, else for {@value #RECENT_MILLIS} ms (a view opened
     * meanwhile would otherwise take these posts for another server's).
     */
    void announcedHere(String channelId, long atMillis) {
        announced.merge(channelId, atMillis, Math::max);
    }

    /**
     * Channels of {@code watched} whose newest post in {@code reading} is newer than the last reading's (or,
     * first seen, within {@value #RECENT_MILLIS} ms of {@code nowMillis}) and than this server's own last
     * announcement there.
     */
    List<String> newer(Set<String> watched, Map<String, Long> reading, long nowMillis) {
        seen.keySet().retainAll(watched);
        // An announcement is needed for as long as a view opened after it may take the post for news.
        announced
                .entrySet()
                .removeIf(entry -> !watched.contains(entry.getKey()) && entry.getValue() <= nowMillis - RECENT_MILLIS);
        List<String> changed = new ArrayList<>();
        for (String channelId : watched) {
            long newest = reading.getOrDefault(channelId, 0L);
            Long before = seen.put(channelId, newest);
            boolean isNew = before == null ? newest > nowMillis - RECENT_MILLIS : newest > before;
            if (isNew && newest > announced.getOrDefault(channelId, 0L)) {
                changed.add(channelId);
            }
        }
        return changed;
    }
}
