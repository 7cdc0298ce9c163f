package io.hookline.web.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookline.api.error.ApiError;
import io.hookline.ejb.delivery.DeliveryAttempt;
import io.hookline.ejb.hook.HookDestination;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How one answer of {@code POST /hooks/{id}} becomes a delivery log entry. */
class DeliveryRecorderTest {

    private static final String HOOK = "abcdefghijklmnopqrstuvwxyz";

    private static CountedBody readWhole(byte[] bytes) throws IOException {
        CountedBody body = new CountedBody(new ByteArrayInputStream(bytes));
        body.readAllBytes();
        return body;
    }

    @Test
    void anOkCarriesItsPostsAndNoErrorId() throws IOException {
        HookDestination posted = new HookDestination("channel1", List.of("post1", "post2"));
        DeliveryAttempt ok = DeliveryRecorder.attempt(HOOK, 1000, 12, 200, "ok", readWhole(new byte[30]), 30,
                posted, "127.0.0.1");
        assertEquals(new DeliveryAttempt(HOOK, 1000, 200, "", "127.0.0.1", 30, 12, "channel1",
                List.of("post1", "post2"), 2), ok);
    }

    @Test
    void aReplayedAnswerIsLoggedWithItsStatusTheReplayIdAndNoPosts() throws IOException {
        DeliveryAttempt replay = DeliveryRecorder.attempt(HOOK, 1000, 2, 200, DeliveryRecorder.REPLAYED_ID,
                readWhole(new byte[30]), 30, null, "127.0.0.1");
        assertEquals(DeliveryAttempt.refused(HOOK, 1000, 200, "idempotent_replay", "127.0.0.1", 30, 2), replay);
    }

    @Test
    void anErrorCarriesTheErrorBodysIdAndNoPosts() throws IOException {
        ApiError error = new ApiError("channel_not_found", "The channel does not exist.", "", "r", 404);
        DeliveryAttempt refused = DeliveryRecorder.attempt(HOOK, 1000, 3, 404, error, readWhole(new byte[17]), 17,
                null, "::1");
        assertEquals(DeliveryAttempt.refused(HOOK, 1000, 404, "channel_not_found", "::1", 17, 3), refused);
    }

    @Test
    void postsCommittedBeforeAFailureAreStillShown() {
        ApiError error = new ApiError("api.context.server_error", "An internal error occurred.", "", "r", 500);
        DeliveryAttempt failed = DeliveryRecorder.attempt(HOOK, 1, 1, 500, error, null, 5,
                new HookDestination("c", List.of("p")), "10.1.1.1");
        assertEquals("api.context.server_error", failed.errorId());
        assertEquals(List.of("p"), failed.postIds());
        assertEquals("c", failed.channelId());
    }

    @Test
    void aBodyNeverOpenedHasItsContentLengthOrZero() {
        // 429 (refused before the body is read) and the like.
        assertEquals(512, DeliveryRecorder.attempt(HOOK, 1, 0, 429, null, null, 512, null, "a").size());
        assertEquals(0, DeliveryRecorder.attempt(HOOK, 1, 0, 429, null, null, -1, null, "a").size());
    }

    @Test
    void aBodyCutShortHasItsContentLengthWhenThereIsOne() throws IOException {
        CountedBody partly = new CountedBody(new ByteArrayInputStream(new byte[1000]));
        partly.readNBytes(new byte[100], 0, 100);
        assertEquals(5_000_000, DeliveryRecorder.attempt(HOOK, 1, 0, 413, null, partly, 5_000_000, null, "a").size());
        assertEquals(100, DeliveryRecorder.attempt(HOOK, 1, 0, 413, null, partly, -1, null, "a").size(),
                "chunked: what was read");
    }

    @Test
    void aBodyReadToItsEndHasTheBytesRead() throws IOException {
        // A Content-Length that lies is not believed once the body was read whole.
        assertEquals(3, DeliveryRecorder.attempt(HOOK, 1, 0, 200, "ok", readWhole(new byte[3]), 99, null, "a").size());
        assertEquals(3, DeliveryRecorder.attempt(HOOK, 1, 0, 200, "ok", readWhole(new byte[3]), -1, null, "a").size());
    }
}
