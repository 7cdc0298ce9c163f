package io.hookline.it;

import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.config;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.hookJson;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.newestPost;
import static io.hookline.it.ApiFixtures.postCount;
import static io.hookline.it.ApiFixtures.withServiceSettings;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, point 2: override strings reach caches and messages only after they are checked. The payload's
 * {@code channel} must be a Mattermost name ({@code #}/{@code @} optional, 1–{@value #MAX_CHANNEL_NAME}
 * characters of {@code [a-z0-9._-]} after lowercasing), else 404 {@code channel_not_found} /
 * {@code user_not_found} without the value in the answer, and nothing is cached under it; {@code username},
 * {@code icon_emoji} and {@code icon_url} are bounded and stored without control or bidi characters.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OverrideStringsIT {

    /** ChannelOverride.MAX_NAME_LENGTH: the longest name after the prefix. */
    static final int MAX_CHANNEL_NAME = 64;
    /** PostProps.MAX_ICON_EMOJI: the longest emoji name, without its colons. */
    static final int MAX_ICON_EMOJI = 64;

    /** The flood: this many distinct channel values, each this many characters (ASCII, so as many bytes). */
    static final int FLOOD_REQUESTS = 10_000;

    static final int FLOOD_VALUE_CHARS = 64 * 1024;
    /** Sent (and measured) before the baseline, so first-use allocations (JIT, pools, buffers) are not growth. */
    static final int WARM_UP_REQUESTS = 300;

    static final int FLOOD_THREADS = 4;
    /**
     * The flood stops after this many answers that are not a 404 at all (a 5xx, a time-out): a server that runs
     * out of heap fails fast, not in hours. A 404 with the wrong id or an echo is counted but does not stop it,
     * so the heap is still measured.
     */
    static final int MAX_HARD_FAILURES = 100;
    /**
     * Allowed growth of the server's used heap (after a full GC) over the whole flood. The flood carries
     * 10,000 × 64 KB = 625 MB of distinct values, more than the test server's whole heap (-Xmx512m): keeping
     * even one value in 400 would add 1.6 MB, keeping them as cache keys (as the route cache did, up to 10,000
     * entries) hundreds of MB. 32 MB is the other side: room for what legitimately lives on between the
     * readings — the delivery log's queue and batch, the route cache's bounded entries (at most 10,000 keys of
     * at most 64 characters: under 5 MB), connection buffers, and GC noise of a few MB on a 512 MB heap.
     */
    static final long HEAP_GROWTH_MARGIN_BYTES = 32L * 1024 * 1024;

    private static final String RATE_LIMITS = "RateLimitSettings";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    private TestUser owner;
    private String teamId;
    private String channelId;
    private String hookId;

    @BeforeEach
    void setUp() {
        admin = ApiFixtures.admin();
        owner = newUser(admin, "ovs");
        teamId = createTeam(owner.client()).getString("id");
        channelId = createChannel(owner.client(), teamId, "O").getString("id");
        hookId = createHook(owner.client(), channelId, "Overrides " + ApiFixtures.suffix(), false, "", "")
                .getString("id");
    }

    // --- channel -----------------------------------------------------------------------------------------

    @Test
    void tenThousandDistinct64KbChannelValuesAre404WithoutEchoAndLeaveTheHeapFlat() throws Exception {
        JsonObject rateLimitsBefore = config(admin).getJsonObject(RATE_LIMITS);
        int postsBefore = postCount(owner.client(), channelId);
        // The per-hook limit (100/s) would turn most of the flood into 429s, which never reach the resolver.
        patch(
                RATE_LIMITS,
                Json.createObjectBuilder()
                        .add("Enable", false)
                        .add("PerHookPerSec", 100_000)
                        .add("PerHookMaxBurst", 1_000_000)
                        .build());
        try {
            withServiceSettings(admin, Map.of("MaximumPayloadSizeBytes", Json.createValue(1024 * 1024)), () -> {
                try (ServerHeap heap = ServerHeap.connect()) {
                    List<String> warmUp = flood(-WARM_UP_REQUESTS, WARM_UP_REQUESTS);
                    long before = heap.usedAfterGc();
                    long started = System.nanoTime();
                    List<String> failures = flood(0, FLOOD_REQUESTS);
                    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                    long after = heap.usedAfterGc();
                    long growth = after - before;
                    System.out.printf(
                            "OverrideStringsIT flood: %,d requests of %,d characters in %d s; used heap "
                                    + "after GC %,d -> %,d bytes (growth %,d, margin %,d, max %,d)%n",
                            FLOOD_REQUESTS,
                            FLOOD_VALUE_CHARS,
                            seconds,
                            before,
                            after,
                            growth,
                            HEAP_GROWTH_MARGIN_BYTES,
                            heap.max());
                    assertAll(
                            () -> assertTrue(
                                    warmUp.isEmpty(),
                                    warmUp.size() + " wrong answers in the warm-up, e.g. "
                                            + warmUp.subList(0, Math.min(3, warmUp.size()))),
                            () -> assertTrue(
                                    failures.isEmpty(),
                                    failures.size() + " wrong answers, e.g. "
                                            + failures.subList(0, Math.min(3, failures.size()))),
                            () -> assertTrue(
                                    growth < HEAP_GROWTH_MARGIN_BYTES,
                                    "used heap grew by " + growth + " bytes (" + before + " -> " + after + "); allowed "
                                            + HEAP_GROWTH_MARGIN_BYTES));
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        } finally {
            patch(RATE_LIMITS, rateLimitsBefore);
        }
        assertEquals(rateLimitsBefore, config(admin).getJsonObject(RATE_LIMITS), "rate limits restored");
        assertEquals(postsBefore, postCount(owner.client(), channelId), "nothing stored");
    }

    @Test
    void aNameAtTheLimitIsLookedUpAndOnePastIsRefusedAlike() {
        String atLimit = "n" + ApiFixtures.suffix().toLowerCase();
        atLimit = atLimit + "x".repeat(MAX_CHANNEL_NAME - atLimit.length());
        HttpResponse<String> created = owner.client()
                .postJson(
                        "/api/v4/channels",
                        Json.createObjectBuilder()
                                .add("team_id", teamId)
                                .add("name", atLimit)
                                .add("display_name", "At the limit")
                                .add("type", "O")
                                .build());
        assertEquals(201, created.statusCode(), created.body());
        String channel = HooklineClient.json(created).getString("id");
        int before = postCount(owner.client(), channel);

        assertHookOk(hookJson(hookId, body("#" + atLimit.toUpperCase())));
        assertHookOk(hookJson(hookId, body(atLimit)));
        assertEquals(before + 2, postCount(owner.client(), channel), "at the limit, in any case: the channel");

        assertRefusedWithoutEcho(404, "channel_not_found", atLimit + "x");
        assertRefusedWithoutEcho(404, "channel_not_found", "#" + atLimit + "x");
        assertRefusedWithoutEcho(404, "user_not_found", "@" + atLimit + "x");
        assertEquals(before + 2, postCount(owner.client(), channel));
    }

    @Test
    void aRefusalNeverRepeatsTheNameItWasGiven() {
        // Mattermost-shaped names that name nothing: the look-up runs, and the answer still does not echo them.
        assertRefusedWithoutEcho(
                404, "user_not_found", "@nobody-" + ApiFixtures.suffix().toLowerCase());
        assertRefusedWithoutEcho(
                404, "channel_not_found", "#nowhere-" + ApiFixtures.suffix().toLowerCase());
        // Names outside the rule: refused before any look-up.
        assertRefusedWithoutEcho(404, "user_not_found", "@<img src=x onerror=alert(1)>");
        assertRefusedWithoutEcho(404, "channel_not_found", "town\u202Esquare");
        assertRefusedWithoutEcho(404, "channel_not_found", "t\u00f6wn-square");
    }

    // --- username, icon_emoji, icon_url --------------------------------------------------------------------

    @Test
    void theStoredUsernameHasNoBidiOrControlCharacters() {
        overridesOn(() -> {
            assertHookOk(hookJson(
                    hookId,
                    Json.createObjectBuilder()
                            .add("text", "x")
                            .add("username", "evil\nbot\u202E txt.exe\u2069\u200F\u0085")
                            .build()
                            .toString()));
            JsonObject props = newestPost(owner.client(), channelId).getJsonObject("props");
            assertEquals("evil bot txt.exe", props.getString("override_username"), props.toString());
        });
    }

    @Test
    void aUsernameAtTheLimitPassesAndOnePastIsRefusedEvenIfOnlyAControlCharacter() {
        overridesOn(() -> {
            String atLimit = "a".repeat(64);
            assertHookOk(hookJson(
                    hookId,
                    Json.createObjectBuilder()
                            .add("text", "x")
                            .add("username", atLimit)
                            .build()
                            .toString()));
            assertEquals(
                    atLimit,
                    newestPost(owner.client(), channelId).getJsonObject("props").getString("override_username"));
            int before = postCount(owner.client(), channelId);
            assertError(
                    400,
                    "invalid_payload",
                    hookJson(
                            hookId,
                            Json.createObjectBuilder()
                                    .add("text", "x")
                                    .add("username", atLimit + "\u202E")
                                    .build()
                                    .toString()));
            assertEquals(before, postCount(owner.client(), channelId));
        });
    }

    @Test
    void anEmojiNameIsBoundedWithOrWithoutColonsAndHasNoControls() {
        overridesOn(() -> {
            String atLimit = "e".repeat(MAX_ICON_EMOJI);
            assertHookOk(hookJson(hookId, emoji(atLimit)));
            assertEquals(
                    atLimit,
                    newestPost(owner.client(), channelId).getJsonObject("props").getString("override_icon_emoji"));
            int before = postCount(owner.client(), channelId);
            assertError(400, "invalid_payload", hookJson(hookId, emoji(atLimit + "e")));
            assertError(400, "invalid_payload", hookJson(hookId, emoji(":ghost\u202E:")));
            assertError(400, "invalid_payload", hookJson(hookId, emoji(":gh\u0085ost:")));
            assertEquals(before, postCount(owner.client(), channelId));
        });
    }

    @Test
    void anIconUrlWithABidiOverrideIsRefused() {
        overridesOn(() -> {
            int before = postCount(owner.client(), channelId);
            assertError(
                    400,
                    "invalid_payload",
                    hookJson(
                            hookId,
                            Json.createObjectBuilder()
                                    .add("text", "x")
                                    .add("icon_url", "https://example.com/\u202Egnp.exe")
                                    .build()
                                    .toString()));
            assertEquals(before, postCount(owner.client(), channelId));
        });
    }

    // --- helpers -----------------------------------------------------------------------------------------

    /**
     * Sends requests {@code first} .. {@code first + count - 1} of the flood on {@value #FLOOD_THREADS}
     * threads; answers what went wrong (empty: every answer was the right 404 without the value).
     */
    private List<String> flood(int first, int count) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        URI uri = URI.create(TestServer.baseUrl().replaceAll("/$", "") + "/hooks/" + hookId);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger hardFailures = new AtomicInteger();
        AtomicInteger next = new AtomicInteger(first);
        ExecutorService pool = Executors.newFixedThreadPool(FLOOD_THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < FLOOD_THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement();
                            i < first + count && hardFailures.get() < MAX_HARD_FAILURES;
                            i = next.getAndIncrement()) {
                        String wrong = sendOne(http, uri, i);
                        if (wrong != null) {
                            failures.add(wrong);
                            if (!wrong.startsWith("404 ")) {
                                hardFailures.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return failures;
    }

    /**
     * Request {@code i}: a bare name, a {@code #name} or an {@code @name}, in turn; each value distinct. Answers
     * {@code null} when the answer was right, else the status and the start of the answer.
     */
    private static String sendOne(HttpClient http, URI uri, int i) {
        String prefix = switch (Math.floorMod(i, 3)) {
            case 0 -> "";
            case 1 -> "#";
            default -> "@";
        };
        String expectedId = prefix.equals("@") ? "user_not_found" : "channel_not_found";
        String marker = "flood-" + i + "-";
        // Valid characters throughout: only the length is wrong, so nothing but the length rule can refuse it.
        String value = prefix + marker + "z".repeat(FLOOD_VALUE_CHARS - prefix.length() - marker.length());
        String body = "{\"text\":\"x\",\"channel\":\"" + value + "\"}";
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException failed) {
            return "no answer to #" + i + ": " + failed;
        }
        String answer = response.body();
        String id = null;
        try {
            id = Json.createReader(new StringReader(answer)).readObject().getString("id", null);
        } catch (RuntimeException notJson) {
            // reported below
        }
        if (response.statusCode() != 404
                || !expectedId.equals(id)
                || answer.contains(marker)
                || answer.contains("zzzzzzzz")) {
            return response.statusCode() + " to #" + i + ": " + answer.substring(0, Math.min(160, answer.length()));
        }
        return null;
    }

    private void assertRefusedWithoutEcho(int status, String id, String channel) {
        HttpResponse<String> response = hookJson(hookId, body(channel));
        JsonObject error = assertError(status, id, response);
        String bare = channel.startsWith("@") || channel.startsWith("#") ? channel.substring(1) : channel;
        assertFalse(response.body().contains(bare), "the answer repeats the value: " + error);
        assertFalse(
                response.body().toLowerCase().contains(bare.toLowerCase()), "the answer repeats the value: " + error);
    }

    private void overridesOn(Runnable body) {
        withServiceSettings(
                admin,
                Map.of("EnablePostUsernameOverride", JsonValue.TRUE, "EnablePostIconOverride", JsonValue.TRUE),
                body);
    }

    private void patch(String section, JsonObject values) {
        HttpResponse<String> response = admin.put(
                "/api/v4/config/patch",
                Json.createObjectBuilder().add(section, values).build());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static String body(String channel) {
        return Json.createObjectBuilder()
                .add("text", "x")
                .add("channel", channel)
                .build()
                .toString();
    }

    private static String emoji(String emoji) {
        return Json.createObjectBuilder()
                .add("text", "x")
                .add("icon_emoji", emoji)
                .build()
                .toString();
    }
}
