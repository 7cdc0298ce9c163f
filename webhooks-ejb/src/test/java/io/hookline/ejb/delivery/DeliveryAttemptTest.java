package io.hookline.ejb.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the log keeps of one answer: always inside its columns, whatever the request carried. */
class DeliveryAttemptTest {

    private static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.format("%026d", i));
        }
        return ids;
    }

    private static DeliveryAttempt withPosts(List<String> postIds) {
        return new DeliveryAttempt("hook", 1, 200, "", "::1", 10, 5, "channel", postIds, postIds.size());
    }

    @Test
    void anOkKeepsEverything() {
        DeliveryAttempt ok = new DeliveryAttempt(
                "hook", 1_700_000_000_000L, 200, "", "127.0.0.1", 42, 7, "channel", List.of("p1", "p2"), 2);
        assertEquals("hook", ok.hookId());
        assertEquals(1_700_000_000_000L, ok.createAt());
        assertEquals(200, ok.statusCode());
        assertEquals("", ok.errorId());
        assertEquals("127.0.0.1", ok.remoteAddress());
        assertEquals(42, ok.size());
        assertEquals(7, ok.durationMs());
        assertEquals("channel", ok.channelId());
        assertEquals(List.of("p1", "p2"), ok.postIds());
        assertEquals(2, ok.postCount());
        assertEquals("p1,p2", ok.postIdsColumn());
    }

    @Test
    void aRefusalPostedNothing() {
        DeliveryAttempt refused = DeliveryAttempt.refused("hook", 5, 404, "channel_not_found", "10.0.0.1", 17, 3);
        assertEquals(404, refused.statusCode());
        assertEquals("channel_not_found", refused.errorId());
        assertEquals("", refused.channelId());
        assertEquals(List.of(), refused.postIds());
        assertEquals(0, refused.postCount());
        assertEquals("", refused.postIdsColumn());
    }

    @Test
    void postIdsAreKeptUpToTheLimitAndCountedBeyond() {
        int max = DeliveryAttempt.MAX_POST_IDS;
        assertEquals(100, max);
        DeliveryAttempt atLimit = withPosts(ids(max));
        assertEquals(max, atLimit.postIds().size());
        assertEquals(max, atLimit.postCount());

        DeliveryAttempt past = withPosts(ids(max + 1));
        assertEquals(ids(max), past.postIds(), "the first ones, in order");
        assertEquals(max + 1, past.postCount(), "the count is the whole");
        assertEquals(2699, past.postIdsColumn().length(), "fits the post_ids column (VARCHAR(2700))");
    }

    @Test
    void errorIdsAndAddressesAreCutToTheirColumns() {
        String id = "e".repeat(DeliveryAttempt.MAX_ERROR_ID_LENGTH);
        assertEquals(id, DeliveryAttempt.refused("h", 0, 400, id, "", 0, 0).errorId());
        assertEquals(
                id, DeliveryAttempt.refused("h", 0, 400, id + "x", "", 0, 0).errorId());

        String address = "a".repeat(DeliveryAttempt.MAX_REMOTE_ADDRESS_LENGTH);
        assertEquals(
                address, DeliveryAttempt.refused("h", 0, 400, "", address, 0, 0).remoteAddress());
        assertEquals(
                address,
                DeliveryAttempt.refused("h", 0, 400, "", address + "b", 0, 0).remoteAddress());
    }

    @Test
    void nullsBecomeEmptyAndNegativesZero() {
        DeliveryAttempt odd = new DeliveryAttempt("h", 0, 500, null, null, -5, -1, null, null, -3);
        assertEquals("", odd.errorId());
        assertEquals("", odd.remoteAddress());
        assertEquals("", odd.channelId());
        assertEquals(List.of(), odd.postIds());
        assertEquals(0, odd.postCount());
        assertEquals(0, odd.size());
        assertEquals(0, odd.durationMs());
    }
}
