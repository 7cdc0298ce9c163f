package io.hookline.it.cluster;

import static io.hookline.it.ApiFixtures.assertStatusOk;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures;
import io.hookline.it.ApiFixtures.TestUser;
import io.hookline.it.HooklineClient;
import io.hookline.it.cluster.ClusterNodes.Node;
import io.hookline.it.outage.StoredPosts;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, nothing lost across a node restart: {@value #CLIENTS} integrations send numbered messages through a
 * "load balancer" (each request to the next node in turn; after a broken connection or a 5xx, the next attempt
 * goes to the other node) while node B is stopped and started again. As a balancer's health check would, B
 * leaves the rotation once it has stopped (the requests it was given while stopping fail over) and rejoins when
 * its ping answers 200 again. Every attempt carries its own number, so
 * each stored post names the one request that stored it. Afterwards, read from PostgreSQL: every attempt
 * answered {@code ok} stored exactly once, no post no request sent, every message through in the end. Then B,
 * back, must not answer from anything it knew before: a hook deleted while it was down and one deleted on A
 * after it came back are both refused on B.
 */
class ClusterFailoverIT {

    static final int CLIENTS = 4;
    /** Each client sends one request per this interval: 100 requests/s in all, under the per-hook limit. */
    static final Duration PACE = Duration.ofMillis(40);

    static final Duration BEFORE_STOP = Duration.ofSeconds(4);
    static final Duration AFTER_START = Duration.ofSeconds(4);
    /** Attempts per message before a client gives up on it (the test then fails). */
    static final int MAX_ATTEMPTS = 20;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** One request as sent: its text, the message it carries, the node, and the status (-1: no answer). */
    record Attempt(String text, String message, Node node, int status, long sentAtNanos) {}

    @AfterEach
    void bothNodesUp() {
        if (ClusterNodes.ping(Node.B) != 200) {
            ClusterNodes.start(Node.B);
        }
    }

    @Test
    void everyOkIsStoredExactlyOnceWhileNodeBRestartsAndBServesNothingStaleAfterwards() throws Exception {
        HooklineClient adminA = TwoNodes.adminOn(Node.A.url());
        TestUser owner = newUser(adminA, "fo");
        String channelId = createChannel(
                        owner.client(), createTeam(owner.client()).getString("id"), "O")
                .getString("id");
        String hookId = createHook(owner.client(), channelId).getString("id");
        // In a channel of their own: their posts are not the ones counted.
        String otherChannel = createChannel(
                        owner.client(), createTeam(owner.client()).getString("id"), "O")
                .getString("id");
        String deletedWhileDown = createHook(owner.client(), otherChannel).getString("id");
        String deletedAfter = createHook(owner.client(), otherChannel).getString("id");
        for (String warm : List.of(deletedWhileDown, deletedAfter)) {
            assertEquals(200, send(Node.B, warm, "B caches it").status(), "B caches the hooks first");
        }
        String run = ApiFixtures.suffix();

        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        Flag stop = new Flag();
        Flag bOut = new Flag();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long restart;
        long backAt;
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    sendUntilStopped(stop, bOut, hookId, "failover " + run + " c" + client, client, attempts);
                    return null;
                }));
            }
            Thread.sleep(BEFORE_STOP.toMillis());
            long stopAt = System.nanoTime();
            ClusterNodes.stop(Node.B);
            bOut.set();
            assertStatusOk(owner.client().delete("/api/v4/hooks/incoming/" + deletedWhileDown));
            ClusterNodes.start(Node.B);
            bOut.clear();
            backAt = System.nanoTime();
            restart = TwoNodes.millisSince(stopAt);
            Thread.sleep(AFTER_START.toMillis());
            stop.set();
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Integer> stored = new HashMap<>();
        for (String text : storedMessages(channelId)) {
            stored.merge(text, 1, Integer::sum);
        }
        Set<String> sent = new HashSet<>();
        Set<String> messages = new HashSet<>();
        Set<String> messagesOk = new HashSet<>();
        List<String> lost = new ArrayList<>();
        List<String> storedTwice = new ArrayList<>();
        List<String> storedWithoutOk = new ArrayList<>();
        Map<String, Integer> byNodeAndStatus = new TreeMap<>();
        for (Attempt attempt : attempts) {
            sent.add(attempt.text());
            messages.add(attempt.message());
            byNodeAndStatus.merge(attempt.node() + " " + attempt.status(), 1, Integer::sum);
            int copies = stored.getOrDefault(attempt.text(), 0);
            if (attempt.status() == 200) {
                messagesOk.add(attempt.message());
                if (copies == 0) {
                    lost.add(attempt.text());
                }
            } else if (copies > 0) {
                storedWithoutOk.add(attempt.text() + " (" + attempt.node() + " answered " + attempt.status() + ")");
            }
            if (copies > 1) {
                storedTwice.add(attempt.text());
            }
        }
        List<String> phantoms = stored.keySet().stream()
                .filter(text -> !sent.contains(text))
                .sorted()
                .toList();
        long afterRestartOnB = attempts.stream()
                .filter(a -> a.node() == Node.B && a.status() == 200 && a.sentAtNanos() > backAt)
                .count();
        System.out.printf(
                "Failover: %d requests (%d messages) from %d clients, by node and status %s; B stopped "
                        + "and started again in %d ms; %d lost, %d stored twice, %d phantom, %d stored without ok %s%n",
                attempts.size(),
                messages.size(),
                CLIENTS,
                byNodeAndStatus,
                restart,
                lost.size(),
                storedTwice.size(),
                phantoms.size(),
                storedWithoutOk.size(),
                storedWithoutOk);

        assertEquals(List.of(), lost, "answered ok but not stored");
        assertEquals(List.of(), storedTwice, "one request stored twice");
        assertEquals(List.of(), phantoms, "stored posts no request sent");
        assertEquals(messages, messagesOk, "every message got through in the end");
        assertTrue(afterRestartOnB > 0, "B took posts again after its restart");

        // Nothing stale on B: a hook deleted while it was down, and one deleted on A now.
        assertEquals(
                404, send(Node.B, deletedWhileDown, "deleted while B was down").status());
        assertStatusOk(owner.client().delete("/api/v4/hooks/incoming/" + deletedAfter));
        long start = System.nanoTime();
        while (send(Node.B, deletedAfter, "deleted after B came back").status() != 404) {
            assertTrue(
                    TwoNodes.millisSince(start) <= TwoNodes.COHERENCE_BOUND.toMillis(),
                    "B still posts through a hook deleted on A " + TwoNodes.millisSince(start) + " ms ago");
        }
        System.out.println("after B's restart: delete on A refused on B after " + TwoNodes.millisSince(start) + " ms");
    }

    /** One integration behind a round-robin balancer: each message is sent again, to the other node, until ok. */
    private void sendUntilStopped(
            Flag stop, Flag bOut, String hookId, String prefix, int client, List<Attempt> attempts)
            throws InterruptedException {
        int turn = client;
        for (int seq = 0; !stop.isSet(); seq++) {
            String message = prefix + " m" + seq;
            Attempt attempt = null;
            for (int tries = 1; attempt == null || attempt.status() != 200; tries++) {
                if (tries > MAX_ATTEMPTS) {
                    throw new AssertionError(message + " not through after " + MAX_ATTEMPTS + " attempts");
                }
                Node node = Node.values()[turn++ % 2];
                if (node == Node.B && bOut.isSet()) {
                    node = Node.A;
                }
                attempt = send(node, hookId, message + " a" + tries, message);
                attempts.add(attempt);
                if (attempt.status() != 200) {
                    Thread.sleep(PACE.toMillis());
                }
            }
            Thread.sleep(PACE.toMillis());
        }
    }

    private static Attempt send(Node node, String hookId, String text) {
        return send(node, hookId, text, text);
    }

    private static Attempt send(Node node, String hookId, String text, String message) {
        long sentAt = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.url() + "hooks/" + hookId))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder().add("text", text).build().toString()))
                .build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            int status = answer.statusCode() == 200 && !"ok".equals(answer.body()) ? -2 : answer.statusCode();
            return new Attempt(text, message, node, status, sentAt);
        } catch (IOException broken) {
            return new Attempt(text, message, node, -1, sentAt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Attempt(text, message, node, -1, sentAt);
        }
    }

    private static List<String> storedMessages(String channelId) throws Exception {
        try (Connection connection = ClusterDatabase.connect()) {
            return StoredPosts.messages(connection, channelId);
        }
    }

    /** Set and cleared by the test thread, read by the clients. */
    private static final class Flag {
        private volatile boolean set;

        void set() {
            set = true;
        }

        void clear() {
            set = false;
        }

        boolean isSet() {
            return set;
        }
    }
}
