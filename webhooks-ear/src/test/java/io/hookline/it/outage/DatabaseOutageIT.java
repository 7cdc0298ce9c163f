package io.hookline.it.outage;

import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures;
import io.hookline.it.ApiFixtures.TestUser;
import io.hookline.it.Deployments;
import io.hookline.it.HooklineClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8, database outage: while PostgreSQL is stopped, {@code POST /hooks/{id}} answers 503
 * {@code database_unavailable} with {@code Retry-After} within {@link #FAIL_FAST} (never a 4xx, which
 * integrations drop), the ping reports the database, and once PostgreSQL is back the hook posts again
 * within {@link #RECOVERY} without a redeploy. Runs only in the {@code outage} profile
 * ({@code mvn verify -Ppostgres,outage}): it stops the PostgreSQL server itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(OrderAnnotation.class)
class DatabaseOutageIT {

    /** Longest a hook request may take to be refused while the database is down. */
    static final Duration FAIL_FAST = Duration.ofSeconds(5);
    /** Longest from PostgreSQL accepting connections again to the first stored post. */
    static final Duration RECOVERY = Duration.ofSeconds(10);
    /** How long the database stays down while requests keep coming. */
    static final Duration DOWN_FOR = Duration.ofSeconds(8);
    /** Concurrent requests sent at once during the outage (a CI fleet reporting together). */
    static final int CONCURRENT = 8;

    private static final PostgresControl POSTGRES = new PostgresControl();

    private final PlainHttp http = new PlainHttp();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    /** Whatever happened, PostgreSQL runs again for the next test and for whoever shares it. */
    @AfterEach
    void databaseBackUp() {
        if (!POSTGRES.accepting()) {
            POSTGRES.start();
        }
    }

    @Test
    @Order(1)
    void hooksAnswer503FastWhileTheDatabaseIsDownAndPostAgainWithin10sOfItsReturn() throws Exception {
        HooklineClient admin = ApiFixtures.admin();
        TestUser owner = newUser(admin, "outage");
        String channelId = createChannel(
                        owner.client(), createTeam(owner.client()).getString("id"), "O")
                .getString("id");
        String hookId = createHook(owner.client(), channelId).getString("id");
        assertHookOk(http.postText(hookId, "before the outage"));
        assertPing(200, "OK", "");
        assertProbe("/health/ready", 200, "UP", "UP");

        POSTGRES.stop();
        int refused = 0;
        long slowestMillis = 0;
        try {
            long until = System.nanoTime() + DOWN_FOR.toNanos();
            while (System.nanoTime() < until) {
                long start = System.nanoTime();
                HttpResponse<String> answer = http.postText(hookId, "during the outage " + refused);
                long millis = (System.nanoTime() - start) / 1_000_000;
                slowestMillis = Math.max(slowestMillis, millis);
                assertDatabaseUnavailable(answer, millis);
                refused++;
                if (refused == 3) {
                    assertConcurrentRequestsRefusedFast(hookId);
                    assertPing(503, "UNHEALTHY", "");
                    assertPing(200, "UNHEALTHY", "?use_rest_semantics=true");
                    // A load balancer or Kubernetes takes the server out of rotation, but does not restart it.
                    assertProbe("/health/ready", 503, "DOWN", "DOWN");
                    assertProbe("/health/live", 200, "UP", null);
                    // The API too: a token check that cannot reach the database is an outage, not a 401.
                    assertEquals(503, admin.get("/api/v4/users/me").statusCode());
                }
            }
        } finally {
            POSTGRES.start();
        }
        long back = System.nanoTime();
        int retries = 0;
        while (true) {
            HttpResponse<String> answer = http.postText(hookId, "after the outage");
            if (answer.statusCode() == 200) {
                assertHookOk(answer);
                break;
            }
            assertTrue(
                    answer.statusCode() >= 500,
                    "never a 4xx while recovering: " + answer.statusCode() + " " + answer.body());
            retries++;
            assertTrue(
                    System.nanoTime() - back < RECOVERY.toNanos(),
                    "no post within " + RECOVERY + " of PostgreSQL's return; last answer " + answer.body());
            Thread.sleep(200);
        }
        long recoveredMillis = (System.nanoTime() - back) / 1_000_000;
        assertPing(200, "OK", "");
        assertProbe("/health/ready", 200, "UP", "UP");
        assertEquals(
                List.of("before the outage", "after the outage"),
                storedMessages(channelId),
                "the refused requests stored nothing, the one that got ok is there once");
        System.out.printf(
                "Database outage: %d hook requests refused with 503 in %d s down (slowest %d ms, limit %d ms); "
                        + "first post %d ms after PostgreSQL was back (%d refused retries, limit %d ms)%n",
                refused,
                DOWN_FOR.toSeconds(),
                slowestMillis,
                FAIL_FAST.toMillis(),
                recoveredMillis,
                retries,
                RECOVERY.toMillis());
    }

    private void assertConcurrentRequestsRefusedFast(String hookId) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try {
            List<Future<long[]>> answers = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    HttpResponse<String> answer = http.postText(hookId, "concurrent during the outage " + n);
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    assertDatabaseUnavailable(answer, millis);
                    return new long[] {millis};
                }));
            }
            for (Future<long[]> answer : answers) {
                answer.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertDatabaseUnavailable(HttpResponse<String> answer, long millis) {
        assertEquals(503, answer.statusCode(), answer.body());
        assertTrue(millis <= FAIL_FAST.toMillis(), "refused after " + millis + " ms");
        int retryAfter =
                Integer.parseInt(answer.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= RECOVERY.toSeconds(), "Retry-After " + retryAfter);
        JsonObject error = HooklineClient.json(answer);
        assertEquals("database_unavailable", error.getString("id"));
        assertEquals(503, error.getInt("status_code"));
    }

    private void assertPing(int status, String databaseStatus, String query) throws Exception {
        HttpResponse<String> ping = http.get("/api/v4/system/ping" + query, FAIL_FAST);
        assertEquals(status, ping.statusCode(), ping.body());
        // A refusing ping says when to come back, as every 503 of the database's does; an answering one does not.
        assertEquals(status == 503, ping.headers().firstValue("Retry-After").isPresent(), "Retry-After, " + status);
        JsonObject body = HooklineClient.json(ping);
        assertEquals(databaseStatus, body.getString("database_status"));
        assertEquals(databaseStatus, body.getString("status"));
    }

    /**
     * A health probe's status, its overall MicroProfile Health status and, unless null, its {@code database} check's
     * (issue 20).
     */
    private void assertProbe(String path, int status, String overall, String database) throws Exception {
        HttpResponse<String> probe = http.get(path, FAIL_FAST);
        assertEquals(status, probe.statusCode(), path + " " + probe.body());
        JsonObject body = HooklineClient.json(probe);
        assertEquals(overall, body.getString("status"), probe.body());
        if (database != null) {
            String databaseCheck = body.getJsonArray("checks").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(c -> "database".equals(c.getString("name")))
                    .map(c -> c.getString("status"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no database check in " + probe.body()));
            assertEquals(database, databaseCheck, probe.body());
        }
    }

    /** The channel's messages, oldest first, read from PostgreSQL directly. */
    private static List<String> storedMessages(String channelId) throws Exception {
        return StoredPosts.messages(POSTGRES, channelId);
    }
}
