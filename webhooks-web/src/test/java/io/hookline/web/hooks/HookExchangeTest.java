package io.hookline.web.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookline.api.error.ApiError;
import io.hookline.ejb.delivery.DeliveryAttempt;
import io.hookline.ejb.hook.HookDestination;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How one answer of a hook URL becomes a delivery log entry: its error id, its posts and its body's size. */
class HookExchangeTest {

    private static final String HOOK = "abcdefghijklmnopqrstuvwxyz";

    /** A request whose body holds {@code bytes}, observed as {@link HookExchangeFilter} observes it. */
    private static ObservedRequest requestWith(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        ServletInputStream body = new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {}
        };
        return new ObservedRequest((HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getInputStream" -> body;
                    default -> throw new UnsupportedOperationException(method.getName());
                }));
    }

    private static ObservedRequest readWhole(byte[] bytes) throws IOException {
        ObservedRequest request = requestWith(bytes);
        request.getInputStream().readAllBytes();
        return request;
    }

    private static DeliveryAttempt attempt(
            long now,
            long millis,
            int status,
            String errorId,
            long size,
            HookDestination posted,
            String remoteAddress) {
        return new HookExchange(
                        remoteAddress,
                        "POST",
                        "/hooks/" + HOOK,
                        "",
                        status,
                        false,
                        size,
                        size,
                        now,
                        millis,
                        HOOK,
                        errorId,
                        posted)
                .deliveryAttempt();
    }

    @Test
    void anOkCarriesItsPostsAndNoErrorId() throws IOException {
        HookDestination posted = new HookDestination("channel1", List.of("post1", "post2"));
        DeliveryAttempt ok = attempt(
                1000,
                12,
                200,
                HookAnswerFilter.errorId("ok", false),
                readWhole(new byte[30]).size(30),
                posted,
                "127.0.0.1");
        assertEquals(
                new DeliveryAttempt(HOOK, 1000, 200, "", "127.0.0.1", 30, 12, "channel1", List.of("post1", "post2"), 2),
                ok);
    }

    @Test
    void aReplayedAnswerIsLoggedWithItsStatusTheReplayIdAndNoPosts() throws IOException {
        DeliveryAttempt replay = attempt(
                1000,
                2,
                200,
                HookAnswerFilter.errorId(new byte[] {'o', 'k'}, true),
                readWhole(new byte[30]).size(30),
                null,
                "127.0.0.1");
        assertEquals(DeliveryAttempt.refused(HOOK, 1000, 200, "idempotent_replay", "127.0.0.1", 30, 2), replay);
    }

    @Test
    void anErrorCarriesTheErrorBodysIdAndNoPosts() throws IOException {
        ApiError error = new ApiError("channel_not_found", "The channel does not exist.", "", "r", 404);
        DeliveryAttempt refused = attempt(
                1000,
                3,
                404,
                HookAnswerFilter.errorId(error, false),
                readWhole(new byte[17]).size(17),
                null,
                "::1");
        assertEquals(DeliveryAttempt.refused(HOOK, 1000, 404, "channel_not_found", "::1", 17, 3), refused);
    }

    @Test
    void postsCommittedBeforeAFailureAreStillShown() {
        ApiError error = new ApiError("api.context.server_error", "An internal error occurred.", "", "r", 500);
        DeliveryAttempt failed = attempt(
                1,
                1,
                500,
                HookAnswerFilter.errorId(error, false),
                5,
                new HookDestination("c", List.of("p")),
                "10.1.1.1");
        assertEquals("api.context.server_error", failed.errorId());
        assertEquals(List.of("p"), failed.postIds());
        assertEquals("c", failed.channelId());
    }

    @Test
    void aBodyNeverOpenedHasItsContentLengthOrZero() {
        // 429 (refused before the body is read) and the like.
        assertEquals(512, requestWith(new byte[512]).size(512));
        assertEquals(0, requestWith(new byte[512]).size(-1));
    }

    @Test
    void aBodyCutShortHasItsContentLengthWhenThereIsOne() throws IOException {
        ObservedRequest partly = requestWith(new byte[1000]);
        partly.getInputStream().readNBytes(new byte[100], 0, 100);
        assertEquals(5_000_000, partly.size(5_000_000));
        assertEquals(100, partly.size(-1), "chunked: what was read");
        assertEquals(100, partly.bytesRead(), "the access log's count");
    }

    @Test
    void aBodyReadToItsEndHasTheBytesRead() throws IOException {
        // A Content-Length that lies is not believed once the body was read whole.
        assertEquals(3, readWhole(new byte[3]).size(99));
        assertEquals(3, readWhole(new byte[3]).size(-1));
    }

    @Test
    void anExceptionThatEscapedIsTheContainers500InTheAccessLogOnly() {
        HookExchange escaped =
                new HookExchange("a", "POST", "/hooks/" + HOOK, "", 200, true, 0, 0, 1, 1, HOOK, "", null);
        assertEquals(500, escaped.accessLogStatus());
        assertEquals(200, escaped.deliveryAttempt().statusCode());
    }
}
