package io.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How many posts a set of channels holds, counted incrementally: each reading asks only for the posts created
 * since shortly before the newest one seen ({@code ?since=}), and counts the ids not seen before. Re-reading every
 * page of every channel after each request (what {@link ApiFixtures#postCount} does) grows with the channel and made
 * a long corpus spend most of its time counting.
 */
final class StoredPostCounter {

    /**
     * How far before the newest post seen a reading looks again: a post's create_at is taken when its request
     * arrives, but the post writer commits in batches, so a post may become visible after a newer one.
     */
    static final long LOOK_BACK_MILLIS = 10_000;

    private static final int PER_PAGE = 200;

    private final HooklineClient reader;
    private final Map<String, Set<String>> seen = new HashMap<>();
    private final Map<String, Long> newest = new HashMap<>();

    StoredPostCounter(HooklineClient reader) {
        this.reader = reader;
    }

    /** The number of posts seen so far in {@code channelIds}, after reading what is new in each. */
    int count(Collection<String> channelIds) {
        int total = 0;
        for (String channelId : channelIds) {
            total += read(channelId);
        }
        return total;
    }

    private int read(String channelId) {
        Set<String> ids = seen.computeIfAbsent(channelId, id -> new HashSet<>());
        long since = Math.max(0, newest.getOrDefault(channelId, 0L) - LOOK_BACK_MILLIS);
        for (int page = 0; ; page++) {
            HttpResponse<String> response = reader.get("/api/v4/channels/" + channelId + "/posts?since=" + since
                    + "&page=" + page + "&per_page=" + PER_PAGE);
            assertEquals(200, response.statusCode(), response.body());
            JsonObject list = HooklineClient.json(response);
            JsonObject posts = list.getJsonObject("posts");
            int size = list.getJsonArray("order").size();
            for (String id : posts.keySet()) {
                ids.add(id);
                long createAt =
                        posts.getJsonObject(id).getJsonNumber("create_at").longValue();
                newest.merge(channelId, createAt, Math::max);
            }
            if (size < PER_PAGE) {
                return ids.size();
            }
        }
    }
}
