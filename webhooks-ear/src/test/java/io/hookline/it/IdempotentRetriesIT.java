package io.hookline.it;

import static io.hookline.it.ApiFixtures.JSON;
import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.config;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.patchConfigResponse;
import static io.hookline.it.ApiFixtures.postCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18, point 1, black box: {@code Idempotency-Key} on {@code POST /hooks/{id}}. The same key and request again
 * → the first answer (same status, Content-Type and bytes) plus {@code Idempotent-Replayed: true}, nothing stored;
 * another request under the key → 422 {@code idempotency_key_reused}; a repeat while the first is still in flight
 * → 409 {@code idempotency_key_in_flight}; a malformed key → 400 {@code invalid_idempotency_key}; failed requests
 * and 429s are not recorded; a key past {@code ServiceSettings.IdempotencyWindowSeconds} is new again; an {@code ok}
 * lost on the wire and retried posts once; a burst of the same request posts once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdempotentRetriesIT {

    private static final String REPLAYED = "Idempotent-Replayed";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    private TestUser owner;
    private String channelId;
    private String hookId;

    @BeforeEach
    void setUp() {
        admin = ApiFixtures.admin();
        owner = newUser(admin, "idem");
        channelId = createChannel(owner.client(), createTeam(owner.client()).getString("id"), "O")
                .getString("id");
        hookId = createHook(owner.client(), channelId).getString("id");
    }

    private static String text(String text) {
        return Json.createObjectBuilder().add("text", text).build().toString();
    }

    private static String key() {
        return ApiFixtures.unique("key-");
    }

    private static HttpResponse<String> keyed(String hookId, String key, String json) {
        return ApiFixtures.anonymous()
                .postBytes(
                        "/hooks/" + hookId,
                        json.getBytes(StandardCharsets.UTF_8),
                        "Content-Type",
                        JSON,
                        "Idempotency-Key",
                        key);
    }

    private int posts() {
        return postCount(owner.client(), channelId);
    }

    private static Optional<String> replayed(HttpResponse<String> response) {
        return response.headers().firstValue(REPLAYED);
    }

    @Test
    void withoutAKeyTheAnswerIsExactlyAsBefore() {
        HttpResponse<String> ok = ApiFixtures.hookJson(hookId, text("no key"));
        assertHookOk(ok);
        assertEquals(
                "text/plain;charset=UTF-8",
                ok.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        assertEquals(Optional.empty(), replayed(ok));
        // Twice without a key is two posts, as always.
        assertHookOk(ApiFixtures.hookJson(hookId, text("no key")));
        assertEquals(2, posts());
    }

    @Test
    void theSameRequestAgainGetsTheFirstAnswerAndStoresNothing() {
        String key = key();
        HttpResponse<String> first = keyed(hookId, key, text("deploy finished"));
        assertHookOk(first);
        assertEquals(Optional.empty(), replayed(first), "the first answer is not a replay");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> again = keyed(hookId, key, text("deploy finished"));
            assertHookOk(again);
            assertEquals(Optional.of("true"), replayed(again));
            assertEquals(
                    first.headers().firstValue("Content-Type"), again.headers().firstValue("Content-Type"));
        }
        assertEquals(1, posts(), "one post for four requests with one key");
        // The key is per hook: another hook's request under the same key is its own.
        String otherHook = createHook(owner.client(), channelId).getString("id");
        HttpResponse<String> other = keyed(otherHook, key, text("deploy finished"));
        assertHookOk(other);
        assertEquals(Optional.empty(), replayed(other));
        assertEquals(2, posts());
    }

    @Test
    void anotherRequestUnderTheSameKeyIs422AndStoresNothing() {
        String key = key();
        assertHookOk(keyed(hookId, key, text("build 41 passed")));
        assertError(422, "idempotency_key_reused", keyed(hookId, key, text("build 42 passed")));
        // Another Content-Type with the same bytes is another request too.
        HttpResponse<String> asForm = ApiFixtures.anonymous()
                .postBytes(
                        "/hooks/" + hookId,
                        text("build 41 passed").getBytes(StandardCharsets.UTF_8),
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Idempotency-Key",
                        key);
        assertError(422, "idempotency_key_reused", asForm);
        assertEquals(1, posts());
    }

    @Test
    void aMalformedKeyIs400AndStoresNothing() throws IOException {
        for (String bad : List.of("", "has space", "k".repeat(256))) {
            assertError(400, "invalid_idempotency_key", keyed(hookId, bad, text("bad key")));
        }
        // Bytes no client library sends: a tab is legal in a header value, so it reaches the key rule; DEL and a
        // non-ASCII letter (UTF-8 on the wire) the server's HTTP layer may refuse first (a 400 of its own, as
        // WildFly does): refused either way, nothing stored.
        for (String header : List.of(
                "Idempotency-Key: tab\there", "Idempotency-Key: caf\u00C3\u00A9", "Idempotency-Key: del\u007F")) {
            try (RawHookRequest raw =
                    new RawHookRequest(hookId, JSON, text("bad key").getBytes(StandardCharsets.UTF_8), header)) {
                RawHookRequest.Answer answer = raw.sendRest().answer();
                assertEquals(400, answer.status(), header + ": " + answer.body());
                assertTrue(
                        !header.contains("tab") || answer.body().contains("invalid_idempotency_key"),
                        header + ": " + answer.body());
            }
        }
        // Two keys in one request cannot both hold.
        try (RawHookRequest raw = new RawHookRequest(
                hookId,
                JSON,
                text("two keys").getBytes(StandardCharsets.UTF_8),
                "Idempotency-Key: one",
                "Idempotency-Key: two")) {
            RawHookRequest.Answer answer = raw.sendRest().answer();
            assertEquals(400, answer.status(), answer.body());
            assertTrue(answer.body().contains("invalid_idempotency_key"), answer.body());
        }
        assertEquals(0, posts());
        // At the bounds: one character and 255 visible ASCII characters are keys.
        assertHookOk(keyed(hookId, "!", text("shortest key")));
        assertHookOk(keyed(hookId, "~".repeat(255), text("longest key")));
        assertEquals(2, posts());
    }

    @Test
    void aRepeatWhileTheFirstIsInFlightIs409() throws IOException {
        String key = key();
        byte[] body = text("slow sender").getBytes(StandardCharsets.UTF_8);
        try (RawHookRequest slow = new RawHookRequest(hookId, JSON, body, "Idempotency-Key: " + key)) {
            slow.sendBody(5); // the first request is being received: in flight
            // Its head went first, but the server may still be dispatching it: give it time to claim the key, or
            // the repeat is processed first (and the slow request is the one answered 409).
            sleep(1_000);
            HttpResponse<String> repeat = Poll.until(
                    Duration.ofSeconds(5),
                    () -> keyed(hookId, key, text("slow sender")),
                    r -> r.statusCode() == 409,
                    r -> "expected 409 while the first request is in flight, got " + r.statusCode() + " " + r.body());
            assertError(409, "idempotency_key_in_flight", repeat);
            RawHookRequest.Answer first = slow.sendRest().answer();
            assertEquals(200, first.status(), first.body());
            assertEquals("ok", first.body());
        }
        HttpResponse<String> after = keyed(hookId, key, text("slow sender"));
        assertHookOk(after);
        assertEquals(Optional.of("true"), replayed(after), "once answered, the repeat is a replay");
        assertEquals(1, posts());
    }

    @Test
    void anOkLostOnTheWireAndRetriedPostsOnce() throws IOException {
        String key = key();
        byte[] body = text("lost ok").getBytes(StandardCharsets.UTF_8);
        try (RawHookRequest lost = new RawHookRequest(hookId, JSON, body, "Idempotency-Key: " + key)) {
            lost.sendRest(); // and hang up without reading the answer
        }
        // The retry may come while the first is still in flight (409, retried); then it is the first answer again.
        HttpResponse<String> retry = Poll.until(
                Duration.ofSeconds(10),
                () -> keyed(hookId, key, text("lost ok")),
                r -> r.statusCode() != 409,
                r -> "still in flight: " + r.body());
        assertHookOk(retry);
        assertEquals(1, posts(), "the lost ok's post, once");
        assertEquals(Optional.of("true"), replayed(keyed(hookId, key, text("lost ok"))));
        assertEquals(1, posts());
    }

    @Test
    void aBurstOfTheSameRequestPostsOnce() throws Exception {
        String key = key();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                answers.add(pool.submit(() -> keyed(hookId, key, text("burst"))));
            }
            int firsts = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 409) {
                    assertError(409, "idempotency_key_in_flight", response);
                    continue;
                }
                assertHookOk(response);
                if (replayed(response).isEmpty()) {
                    firsts++;
                }
            }
            assertEquals(1, firsts, "exactly one answer is not a replay");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, posts());
    }

    @Test
    void aFailedRequestIsNotRecordedSoItsRetryIsProcessed() {
        String key = key();
        // 400 no_text: nothing stored, so the same key may carry the corrected message.
        assertError(400, "no_text", keyed(hookId, key, "{\"text\":\"\"}"));
        assertError(400, "no_text", keyed(hookId, key, "{\"text\":\"\"}"));
        HttpResponse<String> corrected = keyed(hookId, key, text("corrected"));
        assertHookOk(corrected);
        assertEquals(Optional.empty(), replayed(corrected));
        assertEquals(1, posts());
        // A 404 is not recorded either.
        String unknown = ApiFixtures.unknownId();
        assertError(404, "no_service", keyed(unknown, key, text("x")));
        assertError(404, "no_service", keyed(unknown, key, text("x")));
    }

    @Test
    void a429IsNeverReplayed() {
        JsonObject before = config(admin).getJsonObject("RateLimitSettings");
        try {
            patchRateLimits(Map.of("PerHookPerSec", 1, "PerHookMaxBurst", 1, "Enable", false));
            String key = key();
            assertHookOk(keyed(hookId, key, text("limited")));
            // The limit comes first: the repeat is refused by it, not replayed.
            HttpResponse<String> limited = keyed(hookId, key, text("limited"));
            assertError(429, "too_many_requests", limited);
            assertEquals(Optional.empty(), replayed(limited));
            // A request first refused with 429 is processed when it comes again in time.
            String other = key();
            HttpResponse<String> refused = Poll.until(
                    Duration.ofSeconds(3),
                    () -> keyed(hookId, other, text("later")),
                    r -> r.statusCode() == 429,
                    r -> "expected 429, got " + r.statusCode());
            assertEquals(Optional.empty(), replayed(refused));
            HttpResponse<String> later = Poll.until(
                    Duration.ofSeconds(5),
                    () -> keyed(hookId, other, text("later")),
                    r -> r.statusCode() != 429,
                    r -> "still limited");
            assertHookOk(later);
            assertEquals(Optional.empty(), replayed(later), "the 429 was not recorded");
            assertEquals(2, posts());
        } finally {
            HttpResponse<String> restored = admin.put(
                    "/api/v4/config/patch",
                    Json.createObjectBuilder().add("RateLimitSettings", before).build());
            assertEquals(200, restored.statusCode(), restored.body());
        }
    }

    private void patchRateLimits(Map<String, Object> values) {
        var section = Json.createObjectBuilder();
        values.forEach((k, v) -> {
            if (v instanceof Boolean b) {
                section.add(k, b);
            } else {
                section.add(k, (Integer) v);
            }
        });
        HttpResponse<String> patched = admin.put(
                "/api/v4/config/patch",
                Json.createObjectBuilder().add("RateLimitSettings", section).build());
        assertEquals(200, patched.statusCode(), patched.body());
    }

    @Test
    void theWindowIsASettingWithBoundsAndAKeyPastItIsNew() throws InterruptedException {
        assertEquals(
                86_400,
                config(admin).getJsonObject("ServiceSettings").getInt("IdempotencyWindowSeconds"),
                "the default: a day");
        for (int bad : new int[] {0, 2_592_001}) {
            assertError(
                    400,
                    "model.config.is_valid.idempotency_window_seconds.app_error",
                    patchConfigResponse(admin, "ServiceSettings", "IdempotencyWindowSeconds", Json.createValue(bad)));
        }
        ApiFixtures.withServiceSettings(
                admin,
                Map.of("IdempotencyWindowSeconds", Json.createValue(2_592_000)),
                () -> assertEquals(
                        2_592_000,
                        config(admin).getJsonObject("ServiceSettings").getInt("IdempotencyWindowSeconds")));
        ApiFixtures.withServiceSettings(admin, Map.of("IdempotencyWindowSeconds", Json.createValue(1)), () -> {
            String key = key();
            assertHookOk(keyed(hookId, key, text("short window")));
            sleep(1_200);
            HttpResponse<String> again = keyed(hookId, key, text("short window"));
            assertHookOk(again);
            assertEquals(Optional.empty(), replayed(again), "past the window the key is new");
            sleep(1_200);
            HttpResponse<String> different = keyed(hookId, key, text("another message"));
            assertHookOk(different);
            assertEquals(3, posts());
        });
    }

    @Test
    void theDeliveryLogTellsAReplayFromTheRequestThatPosted() {
        String key = key();
        assertHookOk(keyed(hookId, key, text("logged")));
        assertHookOk(keyed(hookId, key, text("logged")));
        JsonArray entries = Poll.until(
                Duration.ofSeconds(5),
                () -> HooklineClient.jsonArray(owner.client().get("/api/v4/hooks/incoming/" + hookId + "/deliveries")),
                list -> list.size() >= 2,
                list -> "deliveries: " + list);
        JsonObject replay = entries.getJsonObject(0);
        JsonObject original = entries.getJsonObject(1);
        assertEquals(200, replay.getInt("status_code"));
        assertEquals("idempotent_replay", replay.getString("error_id"));
        assertEquals(0, replay.getJsonArray("post_ids").size());
        assertEquals(200, original.getInt("status_code"));
        assertEquals("", original.getString("error_id"));
        assertEquals(1, original.getJsonArray("post_ids").size());
    }

    /**
     * The README's example ("Beyond Mattermost" → "Idempotent retries"), run by bash and curl verbatim but for the
     * server's address and the hook id: ok, the same ok replayed, then 422 for another message under the key.
     */
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
