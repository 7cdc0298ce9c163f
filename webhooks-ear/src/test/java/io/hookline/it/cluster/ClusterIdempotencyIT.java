package io.hookline.it.cluster;

import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.postCount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookline.it.ApiFixtures;
import io.hookline.it.ApiFixtures.TestUser;
import io.hookline.it.HooklineClient;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 across two nodes: an {@code Idempotency-Key} stored through node A is replayed by node B, and the same
 * request sent to both at once posts once — each node's in-flight set knows only its own requests, the database's
 * unique key on (hook, key) decides between them.
 */
class ClusterIdempotencyIT {

    private TestUser owner;
    private String channelId;
    private String hookId;

    @BeforeEach
    void aHookMadeOnA() {
        HooklineClient adminA = TwoNodes.adminOn(TwoNodes.a());
        owner = newUser(adminA, "clidem");
        channelId = createChannel(owner.client(), createTeam(owner.client()).getString("id"), "O")
                .getString("id");
        hookId = createHook(owner.client(), channelId).getString("id");
    }

    private HttpResponse<String> keyedOn(String node, String key, String text) {
        return TwoNodes.anonymousOn(node)
                .postBytes(
                        "/hooks/" + hookId,
                        Json.createObjectBuilder()
                                .add("text", text)
                                .build()
                                .toString()
                                .getBytes(StandardCharsets.UTF_8),
                        "Content-Type",
                        "application/json",
                        "Idempotency-Key",
                        key);
    }

    @Test
    void aKeyStoredThroughAIsReplayedByB() {
        String key = ApiFixtures.unique("cluster-");
        HttpResponse<String> first = keyedOn(TwoNodes.a(), key, "once across nodes");
        assertHookOk(first);
        HttpResponse<String> again = keyedOn(TwoNodes.b(), key, "once across nodes");
        assertHookOk(again);
        assertEquals(Optional.of("true"), again.headers().firstValue("Idempotent-Replayed"));
        assertEquals(422, keyedOn(TwoNodes.b(), key, "another message").statusCode());
        assertEquals(1, postCount(owner.client(), channelId));
    }

    @Test
    void theSameRequestOnBothNodesAtOncePostsOnce() throws Exception {
        String key = ApiFixtures.unique("cluster-race-");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String node = i % 2 == 0 ? TwoNodes.a() : TwoNodes.b();
                answers.add(pool.submit(() -> keyedOn(node, key, "raced")));
            }
            int firsts = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 409) {
                    continue;
                }
                assertHookOk(response);
                if (response.headers().firstValue("Idempotent-Replayed").isEmpty()) {
                    firsts++;
                }
            }
            assertEquals(1, firsts, "exactly one answer is not a replay");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, postCount(owner.client(), channelId));
    }
}
