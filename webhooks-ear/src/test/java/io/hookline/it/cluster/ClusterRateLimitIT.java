package io.hookline.it.cluster;

import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import io.hookline.it.HooklineClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a hook's rate limit is one limit for the whole cluster. With a per-hook limit of
 * {@value #PER_SEC}/s and a burst of {@value #BURST}, a burst of requests split between A and B gets about
 * {@value #BURST} accepted in all (the bucket in the data grid both count against), not {@value #BURST} per node:
 * at most the burst plus what refills while the requests are answered, where separate buckets would accept
 * twice that.
 */
class ClusterRateLimitIT {

    static final int PER_SEC = 10;
    static final int BURST = 10;
    /** Requests sent to each node, all at once. */
    static final int PER_NODE = 20;

    private final HooklineClient adminA = TwoNodes.adminOn(TwoNodes.a());

    @AfterEach
    void defaultLimitsBack() {
        setPerHookLimits(100, 500);
    }

    @Test
    void aBurstSplitBetweenTheNodesIsCountedAgainstOneBucket() throws Exception {
        TestUser owner = newUser(adminA, "rl");
        String channelId = createChannel(
                        owner.client(), createTeam(owner.client()).getString("id"), "O")
                .getString("id");
        String hookId = createHook(owner.client(), channelId).getString("id");
        setPerHookLimits(PER_SEC, BURST);
        waitUntilBothNodesHaveTheLimits();

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2 * PER_NODE);
        List<Future<Integer>> answers = new ArrayList<>();
        long start;
        try {
            for (String node : List.of(TwoNodes.a(), TwoNodes.b())) {
                HooklineClient client = TwoNodes.anonymousOn(node);
                openConnections(pool, client);
                for (int i = 0; i < PER_NODE; i++) {
                    String text = "burst " + i + " via " + node;
                    answers.add(pool.submit(() -> {
                        go.await();
                        return client.postRaw(
                                        "/hooks/" + hookId,
                                        "application/json",
                                        Json.createObjectBuilder()
                                                .add("text", text)
                                                .build()
                                                .toString())
                                .statusCode();
                    }));
                }
            }
            start = System.nanoTime();
            go.countDown();
            int accepted = 0;
            int refused = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                accepted += status == 200 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
            }
            long tookMillis = TwoNodes.millisSince(start);
            // What one bucket can give in that time (its burst, its refill, one token of rounding); two would
            // give twice that.
            long oneBucket = BURST + PER_SEC * tookMillis / 1000 + 1;
            System.out.println("Rate limit " + PER_SEC + "/s, burst " + BURST + ": " + accepted + " of "
                    + answers.size() + " requests accepted across both nodes, " + refused + " refused with 429, in "
                    + tookMillis + " ms (one bucket: at most " + oneBucket + "; a bucket per node: up to "
                    + 2 * oneBucket + ")");
            assertEquals(answers.size(), accepted + refused, "only 200 or 429");
            assertTrue(accepted >= BURST, "the burst itself is accepted: " + accepted);
            assertTrue(accepted <= oneBucket, "one bucket for both nodes: " + accepted + " accepted");
            assertTrue(tookMillis < 1000, "the burst was answered within a second, so it tells one bucket from two");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@value #PER_NODE} connections opened and left idle in the client's pool, so the burst's requests leave at
     * once instead of each waiting for its own connection (which spread a burst over a second on a busy machine).
     */
    private static void openConnections(ExecutorService pool, HooklineClient client) throws Exception {
        List<Future<Integer>> pings = new ArrayList<>();
        for (int i = 0; i < PER_NODE; i++) {
            pings.add(pool.submit(() -> client.get("/api/v4/system/ping").statusCode()));
        }
        for (Future<Integer> ping : pings) {
            assertEquals(200, ping.get());
        }
    }

    private void setPerHookLimits(int perSec, int burst) {
        JsonObject patch = Json.createObjectBuilder()
                .add(
                        "RateLimitSettings",
                        Json.createObjectBuilder().add("PerHookPerSec", perSec).add("PerHookMaxBurst", burst))
                .build();
        HttpResponse<String> patched = adminA.put("/api/v4/config/patch", patch);
        assertEquals(200, patched.statusCode(), patched.body());
    }

    private static void waitUntilBothNodesHaveTheLimits() {
        HooklineClient adminB = TwoNodes.adminOn(TwoNodes.b());
        long start = System.nanoTime();
        while (true) {
            JsonObject limits =
                    HooklineClient.json(adminB.get("/api/v4/config")).getJsonObject("RateLimitSettings");
            if (limits.getInt("PerHookPerSec") == PER_SEC && limits.getInt("PerHookMaxBurst") == BURST) {
                System.out.println(
                        "Rate limit settings changed on A in force on B after " + TwoNodes.millisSince(start) + " ms");
                return;
            }
            assertTrue(
                    TwoNodes.millisSince(start) <= TwoNodes.COHERENCE_BOUND.toMillis(),
                    "B still has the old limits after " + TwoNodes.millisSince(start) + " ms: " + limits);
        }
    }
}
