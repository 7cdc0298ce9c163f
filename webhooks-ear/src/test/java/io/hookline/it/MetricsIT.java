package io.hookline.it;

import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.hookJson;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.postCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20's {@code GET /metrics}, on the integration tests' server (on, behind the scrape token the build passes
 * as {@code HOOKLINE_METRICS_TOKEN}): the guard, counters that move by exactly the requests sent (ok, 400, 404,
 * 429), the histograms' buckets, the database pool's use by Hookline's own JDBC code, and no hook id, which is the hook's credential, anywhere in the output.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

    private static final String METRICS = "/metrics";
    private static final String REQUESTS = "hookline_hook_requests_total";
    private static final String BY_HOOK = "hookline_hook_requests_by_hook_total";
    private static final String IN_USE = "hookline_db_connections_in_use";
    private static final String ACQUIRE = "hookline_db_connection_acquire_seconds";
    private static final String ACQUIRE_FAILURES = "hookline_db_connection_acquire_failures_total";
    private static final Duration SETTLED = Duration.ofSeconds(10);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** The rate-limit defaults (as HookRateLimitIT has them), put back after every test. */
    private static final JsonObject RATE_LIMIT_DEFAULTS = Json.createObjectBuilder()
            .add("Enable", true)
            .add("PerSec", 1000)
            .add("MaxBurst", 2000)
            .add("VaryByRemoteAddr", true)
            .add("PerHookPerSec", 100)
            .add("PerHookMaxBurst", 500)
            .build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    private TestUser owner;
    private String channelId;
    private final List<String> hookIds = new ArrayList<>();

    @BeforeEach
    void setUp() {
        admin = ApiFixtures.admin();
        owner = newUser(admin, "metrics");
        String teamId = createTeam(owner.client()).getString("id");
        channelId = createChannel(owner.client(), teamId, "O").getString("id");
    }

    @AfterEach
    void restoreRateLimits() {
        HttpResponse<String> restored = admin.put(
                "/api/v4/config/patch",
                Json.createObjectBuilder()
                        .add("RateLimitSettings", RATE_LIMIT_DEFAULTS)
                        .build());
        assertEquals(200, restored.statusCode(), restored.body());
    }

    private static String scrapeToken() {
        String token = System.getProperty("hookline.metrics.token");
        assertTrue(token != null && !token.isBlank(), "the build passes hookline.metrics.token");
        return token;
    }

    private static HttpResponse<String> metrics(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + METRICS))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static PrometheusText scrape() {
        HttpResponse<String> response = metrics("Bearer " + scrapeToken());
        assertEquals(200, response.statusCode(), response.body());
        return new PrometheusText(response.body());
    }

    private String newHook() {
        String id = createHook(owner.client(), channelId).getString("id");
        hookIds.add(id);
        return id;
    }

    @Test
    void theGuardWantsTheScrapeTokenOrASystemAdmin() {
        HttpResponse<String> none = metrics(null);
        assertEquals(401, none.statusCode(), none.body());
        assertTrue(
                none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                none.headers().map().toString());
        assertFalse(none.body().contains("hookline_"), "no meter without the token");

        HttpResponse<String> wrong = metrics("Bearer " + scrapeToken() + "x");
        assertEquals(403, wrong.statusCode(), wrong.body());
        assertFalse(wrong.body().contains("hookline_"));

        HttpResponse<String> notAnAdmin = metrics("Bearer " + owner.client().token());
        assertEquals(403, notAnAdmin.statusCode(), "a signed-in user who is no system admin");

        HttpResponse<String> anAdmin = metrics("Bearer " + admin.token());
        assertEquals(200, anAdmin.statusCode(), anAdmin.body());

        HttpResponse<String> scraper = metrics("Bearer " + scrapeToken());
        assertEquals(200, scraper.statusCode(), scraper.body());
        String type = scraper.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("text/plain") && type.contains("version=0.0.4"), type);
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + METRICS))
                .header("Authorization", "Bearer " + scrapeToken())
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(405, posted.statusCode(), posted.body());
        assertEquals("GET, HEAD", posted.headers().firstValue("Allow").orElse(""));

        // A meter registered at deployment, before any hook request.
        assertTrue(scraper.body().contains("# TYPE hookline_rate_limit_refusals_total counter"), scraper.body());
    }

    @Test
    void countersMoveByExactlyTheRequestsSentAndNoHookIdIsShown() {
        String hookA = newHook();
        String hookB = newHook();
        Map<String, Integer> sent = new LinkedHashMap<>();
        PrometheusText before = scrape();
        int postsBefore = postCount(owner.client(), channelId);

        tally(sent, hookJson(hookA, text("one")));
        tally(sent, hookJson(hookA, text("two")));
        // Longer than MaxPostSize (4,000 characters): split in two posts, one request.
        tally(sent, hookJson(hookA, text("word ".repeat(1_000))));
        tally(sent, hookJson(hookB, text("b")));
        tally(sent, hookJson(hookA, "{ this is not JSON"));
        tally(sent, hookJson(hookA, "[1, 2]"));
        String unknown1 = ApiFixtures.unknownId();
        String unknown2 = ApiFixtures.unknownId();
        tally(sent, hookJson(unknown1, text("nobody")));
        tally(sent, hookJson(unknown2, text("nobody")));
        // 429: one token for every hook, refilled once a second; hook B spent its token above only when it is
        // the first request in this second, so the statuses are counted as answered, not as planned.
        patchRateLimits(Map.of("PerHookPerSec", 1, "PerHookMaxBurst", 1, "Enable", false));
        for (int i = 0; i < 3; i++) {
            tally(sent, hookJson(hookB, text("b again " + i)));
        }

        assertEquals(11, sent.values().stream().mapToInt(Integer::intValue).sum(), sent.toString());
        assertTrue(sent.getOrDefault("too_many_requests 429", 0) >= 1, "refused at least once: " + sent);
        assertEquals(2, sent.get("invalid_payload 400"), sent.toString());
        assertEquals(2, sent.get("no_service 404"), sent.toString());

        PrometheusText after = Poll.until(
                SETTLED,
                MetricsIT::scrape,
                now -> moved(before, now, "ok", "200") >= sent.getOrDefault("ok 200", 0)
                        && moved(before, now, "too_many_requests", "429") >= sent.get("too_many_requests 429"),
                now -> "counters never caught up with " + sent + ": " + now.series(REQUESTS));
        for (Map.Entry<String, Integer> answered : sent.entrySet()) {
            String[] outcomeAndStatus = answered.getKey().split(" ");
            assertEquals(
                    answered.getValue().doubleValue(),
                    moved(before, after, outcomeAndStatus[0], outcomeAndStatus[1]),
                    answered.getKey() + " of " + sent + ": " + after.series(REQUESTS));
        }
        int total = sent.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(
                total,
                after.sum(REQUESTS, "status", "200")
                        + after.sum(REQUESTS, "status", "400")
                        + after.sum(REQUESTS, "status", "404")
                        + after.sum(REQUESTS, "status", "429")
                        - before.sum(REQUESTS, "status", "200")
                        - before.sum(REQUESTS, "status", "400")
                        - before.sum(REQUESTS, "status", "404")
                        - before.sum(REQUESTS, "status", "429"),
                "no other series moved: " + after.series(REQUESTS));

        int ok = sent.get("ok 200");
        int refused = sent.get("too_many_requests 429");
        assertEquals(
                refused,
                after.value("hookline_rate_limit_refusals_total", "bucket", "hook")
                        - before.value("hookline_rate_limit_refusals_total", "bucket", "hook"));
        // Posts: one each, the long one two; the channel holds exactly what the counter says was stored.
        int stored = postCount(owner.client(), channelId) - postsBefore;
        assertEquals(ok + 1, stored);
        assertEquals(stored, after.value("hookline_posts_stored_total") - before.value("hookline_posts_stored_total"));
        assertEquals(ok, after.value("hookline_post_parts_count") - before.value("hookline_post_parts_count"));
        assertEquals(
                1.0,
                after.value("hookline_post_parts_bucket", "le", "+Inf")
                        - after.value("hookline_post_parts_bucket", "le", "1.0")
                        - (before.value("hookline_post_parts_bucket", "le", "+Inf")
                                - before.value("hookline_post_parts_bucket", "le", "1.0")),
                "one request was split: " + after.series("hookline_post_parts_bucket"));

        // Per hook: both hooks by their console keys, the unknown ids under one label.
        assertEquals(
                ok,
                after.sum(BY_HOOK, "result", "ok") - before.sum(BY_HOOK, "result", "ok"),
                after.series(BY_HOOK).toString());
        assertEquals(
                2.0,
                after.value(BY_HOOK, "hook", "_unknown", "result", "error")
                        - before.value(BY_HOOK, "hook", "_unknown", "result", "error"),
                after.series(BY_HOOK).toString());

        assertNoHookIdIn(after.body, List.of(unknown1, unknown2));
    }

    @Test
    void histogramsHaveTheirBuckets() {
        String hook = newHook();
        assertEquals(200, hookJson(hook, text("timed")).statusCode());
        PrometheusText now = Poll.until(
                SETTLED,
                MetricsIT::scrape,
                s -> s.value("hookline_hook_request_seconds_count", "result", "ok") > 0,
                s -> "no timed request: " + s.series("hookline_hook_request_seconds_count"));
        String body = now.body;
        for (String bucket : List.of(
                "hookline_hook_request_seconds_bucket{le=\"0.001\",result=\"ok\"}",
                "hookline_hook_request_seconds_bucket{le=\"0.1\",result=\"ok\"}",
                "hookline_hook_request_seconds_bucket{le=\"+Inf\",result=\"ok\"}",
                "hookline_post_writer_commit_seconds_bucket{le=\"0.01\"}",
                "hookline_post_writer_commit_seconds_bucket{le=\"+Inf\"}",
                "hookline_post_writer_batch_requests_bucket{le=\"128.0\"}",
                "hookline_post_parts_bucket{le=\"2.0\"}")) {
            assertTrue(seriesPresent(now, bucket), bucket + " missing from " + now.series(nameOf(bucket)));
        }
        double inf = now.value("hookline_hook_request_seconds_bucket", "le", "+Inf", "result", "ok");
        assertEquals(now.value("hookline_hook_request_seconds_count", "result", "ok"), inf, "+Inf counts them all");
        for (String gauge : List.of(
                "hookline_post_writer_queue",
                "hookline_delivery_log_queue",
                "hookline_live_streams",
                "hookline_rate_limit_refusals_total",
                "hookline_delivery_log_dropped_total",
                "jvm_memory_used_bytes")) {
            assertFalse(now.series(gauge).isEmpty(), gauge + " missing");
        }
        assertNoHookIdIn(body, List.of());
    }

    /**
     * The database pool's use by Hookline's own JDBC code: a stored hook post took a connection (timed, in the
     * post writer's series) and gave it back, so once the server is idle no connection is held.
     */
    @Test
    void databasePoolUseIsShownAndConnectionsAreGivenBack() {
        String hook = newHook();
        PrometheusText before = scrape();
        for (String user : List.of(
                "post_writer", "delivery_log", "idempotency", "statistics", "health", "cluster", "migrations")) {
            assertTrue(
                    seriesPresent(before, IN_USE + "{user=\"" + user + "\"}"),
                    user + " missing from " + before.series(IN_USE));
            assertTrue(
                    seriesPresent(before, ACQUIRE_FAILURES + "{user=\"" + user + "\"}"),
                    user + " missing from " + before.series(ACQUIRE_FAILURES));
        }
        assertTrue(before.body.contains("# HELP " + IN_USE + " "), "the in-use gauge has its HELP line");
        assertTrue(before.body.contains("JPA/EclipseLink's not counted"), "HELP says what is not counted");

        assertEquals(200, hookJson(hook, text("pooled")).statusCode());
        assertEquals(200, hookJson(hook, text("pooled again")).statusCode());

        PrometheusText idle = Poll.until(
                SETTLED,
                MetricsIT::scrape,
                now -> now.value(ACQUIRE + "_count") >= before.value(ACQUIRE + "_count") + 2 && held(now) == 0,
                now -> "connections still held or acquires not timed: " + now.series(IN_USE) + " "
                        + now.series(ACQUIRE + "_count"));
        for (String bucket : List.of(
                ACQUIRE + "_bucket{le=\"0.001\"}",
                ACQUIRE + "_bucket{le=\"30.0\"}",
                ACQUIRE + "_bucket{le=\"+Inf\"}")) {
            assertTrue(seriesPresent(idle, bucket), bucket + " missing from " + idle.series(ACQUIRE + "_bucket"));
        }
        assertEquals(
                idle.value(ACQUIRE + "_count"),
                idle.value(ACQUIRE + "_bucket", "le", "+Inf"),
                "+Inf counts every acquire");
        assertEquals(0.0, idle.value(IN_USE, "user", "post_writer"));
        assertEquals(
                0.0,
                idle.value(ACQUIRE_FAILURES, "user", "post_writer")
                        - before.value(ACQUIRE_FAILURES, "user", "post_writer"),
                "a healthy pool refused nothing");
    }

    /** Connections Hookline's own code holds now, all users together. */
    private static double held(PrometheusText text) {
        return text.series(IN_USE).values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
    }

    // --- helpers -----------------------------------------------------------------------------------------

    /** Counts an answer under "outcome status", the outcome being ok or the error body's id. */
    private static void tally(Map<String, Integer> sent, HttpResponse<String> response) {
        String outcome = response.statusCode() == 200
                ? "ok"
                : HooklineClient.json(response).getString("id");
        sent.merge(outcome + " " + response.statusCode(), 1, Integer::sum);
    }

    private static double moved(PrometheusText before, PrometheusText after, String outcome, String status) {
        return after.value(REQUESTS, "outcome", outcome, "status", status)
                - before.value(REQUESTS, "outcome", outcome, "status", status);
    }

    /** Every hook on the server (as the admin lists them), this test's and {@code others}: none in the output. */
    private void assertNoHookIdIn(String body, List<String> others) {
        List<String> ids = new ArrayList<>(hookIds);
        ids.addAll(others);
        for (int page = 0; page < 1_000; page++) {
            HttpResponse<String> response = admin.get("/api/v4/hooks/incoming?page=" + page + "&per_page=200");
            assertEquals(200, response.statusCode(), response.body());
            var hooks = HooklineClient.jsonArray(response);
            hooks.forEach(hook -> ids.add(hook.asJsonObject().getString("id")));
            if (hooks.size() < 200) {
                break;
            }
        }
        assertTrue(ids.size() >= hookIds.size() + others.size(), "hooks listed: " + ids.size());
        for (String id : ids) {
            assertFalse(body.contains(id), "hook id " + id.substring(0, 4) + "… in the metrics");
            // Nor any long piece of it: a label that kept a prefix of the secret would show here.
            assertFalse(body.contains(id.substring(0, 12)), "a prefix of hook id " + id.substring(0, 4) + "…");
        }
    }

    private void patchRateLimits(Map<String, Object> settings) {
        var section = Json.createObjectBuilder();
        settings.forEach((key, value) -> {
            if (value instanceof Boolean b) {
                section.add(key, b ? JsonValue.TRUE : JsonValue.FALSE);
            } else {
                section.add(key, (Integer) value);
            }
        });
        HttpResponse<String> response = admin.put(
                "/api/v4/config/patch",
                Json.createObjectBuilder().add("RateLimitSettings", section).build());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static String text(String text) {
        return Json.createObjectBuilder().add("text", text).build().toString();
    }

    private static String nameOf(String series) {
        return series.substring(0, series.indexOf('{'));
    }

    private static String[] labelPairs(String series) {
        String inner = series.substring(series.indexOf('{') + 1, series.length() - 1);
        List<String> pairs = new ArrayList<>();
        for (String pair : inner.split(",")) {
            String[] kv = pair.split("=", 2);
            pairs.add(kv[0]);
            pairs.add(kv[1].substring(1, kv[1].length() - 1));
        }
        return pairs.toArray(String[]::new);
    }

    private static boolean seriesPresent(PrometheusText text, String series) {
        String[] pairs = labelPairs(series);
        String name = nameOf(series);
        return text.series(name).keySet().stream().anyMatch(key -> {
            for (int i = 0; i < pairs.length; i += 2) {
                if (!key.contains(pairs[i] + "=\"" + pairs[i + 1] + "\"")) {
                    return false;
                }
            }
            return true;
        });
    }
}
