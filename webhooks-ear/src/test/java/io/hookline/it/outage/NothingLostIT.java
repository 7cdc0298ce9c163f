package io.hookline.it.outage;

import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures;
import io.hookline.it.ApiFixtures.TestUser;
import io.hookline.it.Deployments;
import io.hookline.it.HooklineClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8, nothing lost: {@link #CLIENTS} integrations send numbered messages while PostgreSQL is
 * restarted mid-run. Like real integrations they send a message again after a 5xx or a broken
 * connection (waiting as {@code Retry-After} says, capped at {@link #MAX_RETRY_WAIT}). Every attempt
 * carries its own number, so each stored post names the one request that stored it. Afterwards, read
 * from PostgreSQL directly: every attempt answered {@code ok} is stored exactly once, every stored post
 * is an attempt that was sent, and attempts that were stored although not answered {@code ok} (the
 * database went away between commit and answer) are reported with the messages they duplicated.
 * Runs only in the {@code outage} profile ({@code mvn verify -Ppostgres,outage}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NothingLostIT {

    static final int CLIENTS = 6;
    /** Each client sends one request per this interval: 300 requests/s in all, under the per-hook limit of 100/s. */
    static final Duration PACE = Duration.ofMillis(20);

    static final Duration RUN_FOR = Duration.ofSeconds(15);
    static final Duration RESTART_AFTER = Duration.ofSeconds(5);
    static final Duration MAX_RETRY_WAIT = Duration.ofMillis(500);
    /** Attempts per message before a client gives up on it (the test then fails). */
    static final int MAX_ATTEMPTS = 60;

    private static final PostgresControl POSTGRES = new PostgresControl();

    private final PlainHttp http = new PlainHttp();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @AfterEach
    void databaseBackUp() {
        if (!POSTGRES.accepting()) {
            POSTGRES.start();
        }
    }

    /** One request as sent, and what came back: a status, or -1 when the connection failed. */
    record Attempt(String text, String message, int status, long sentAtNanos) {}

    @Test
    void everyOkIsStoredExactlyOnceAcrossAPostgresRestart() throws Exception {
        HooklineClient admin = ApiFixtures.admin();
        TestUser owner = newUser(admin, "lost");
        String channelId = createChannel(
                        owner.client(), createTeam(owner.client()).getString("id"), "O")
                .getString("id");
        List<String> hooks = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            hooks.add(createHook(owner.client(), channelId).getString("id"));
        }
        String run = ApiFixtures.suffix();
        String startedBefore = StoredPosts.serverStart(POSTGRES);

        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        long deadline = t0 + RUN_FOR.toNanos();
        long[] restartedAt = new long[2];
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    sendUntil(deadline, hooks.get(client), "nothing-lost " + run + " c" + client, attempts, statuses);
                    return null;
                }));
            }
            Future<?> restart = pool.submit(() -> {
                Thread.sleep(RESTART_AFTER.toMillis());
                restartedAt[0] = System.nanoTime() - t0;
                POSTGRES.restart();
                restartedAt[1] = System.nanoTime() - t0;
                return null;
            });
            restart.get();
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertNotEquals(startedBefore, StoredPosts.serverStart(POSTGRES), "PostgreSQL was restarted during the run");

        // What PostgreSQL holds, against what the clients were told.
        Map<String, Integer> stored = new HashMap<>();
        for (String text : StoredPosts.messages(POSTGRES, channelId)) {
            stored.merge(text, 1, Integer::sum);
        }
        Set<String> sent = new HashSet<>();
        List<String> lost = new ArrayList<>();
        List<String> storedTwice = new ArrayList<>();
        List<String> storedWithoutOk = new ArrayList<>();
        Map<String, Integer> copiesPerMessage = new HashMap<>();
        Set<String> messagesOk = new HashSet<>();
        Set<String> messages = new HashSet<>();
        for (Attempt attempt : attempts) {
            sent.add(attempt.text());
            messages.add(attempt.message());
            int copies = stored.getOrDefault(attempt.text(), 0);
            if (attempt.status() == 200) {
                messagesOk.add(attempt.message());
                if (copies == 0) {
                    lost.add(attempt.text());
                }
            } else if (copies > 0) {
                storedWithoutOk.add(attempt.text() + " (answered " + attempt.status() + ")");
            }
            if (copies > 1) {
                storedTwice.add(attempt.text());
            }
            if (copies > 0) {
                copiesPerMessage.merge(attempt.message(), copies, Integer::sum);
            }
        }
        List<String> phantoms = stored.keySet().stream()
                .filter(text -> !sent.contains(text))
                .sorted()
                .toList();
        long duplicateMessages =
                copiesPerMessage.values().stream().filter(n -> n > 1).count();
        long oks = attempts.stream().filter(a -> a.status() == 200).count();

        System.out.printf(
                "Nothing lost: %d requests (%d messages) from %d clients, %d ok, %d not ok %s; "
                        + "PostgreSQL restarted %.1f–%.1f s into the run; %d lost, %d stored twice, %d phantom, "
                        + "%d stored without ok %s, %d messages duplicated by retries%n",
                attempts.size(),
                messages.size(),
                CLIENTS,
                oks,
                attempts.size() - oks,
                new TreeMap<>(statuses),
                restartedAt[0] / 1e9,
                restartedAt[1] / 1e9,
                lost.size(),
                storedTwice.size(),
                phantoms.size(),
                storedWithoutOk.size(),
                storedWithoutOk,
                duplicateMessages);

        assertEquals(List.of(), lost, "answered ok but not stored");
        assertEquals(List.of(), storedTwice, "one request stored twice");
        assertEquals(List.of(), phantoms, "stored posts no request sent");
        assertEquals(messages, messagesOk, "every message got through in the end");
        assertTrue(
                statuses.keySet().stream().allMatch(s -> s == 200 || s == -1 || s >= 500),
                "only ok, 5xx or a broken connection, never a 4xx: " + statuses);
        long restartDone = t0 + restartedAt[1];
        assertTrue(
                attempts.stream().anyMatch(a -> a.status() == 200 && a.sentAtNanos() > restartDone),
                "posts went through after the restart");
    }

    /** One integration: numbered messages at a steady pace, each sent again after a 5xx or a broken connection. */
    private void sendUntil(
            long deadline, String hookId, String prefix, List<Attempt> attempts, Map<Integer, Integer> statuses)
            throws InterruptedException {
        for (int seq = 0; System.nanoTime() < deadline; seq++) {
            String message = prefix + " m" + seq;
            int status = 0;
            for (int attempt = 1; status != 200; attempt++) {
                if (attempt > MAX_ATTEMPTS) {
                    throw new AssertionError(message + ": no ok after " + MAX_ATTEMPTS + " attempts");
                }
                String text = message + " a" + attempt;
                long sentAt = System.nanoTime();
                long wait = PACE.toMillis();
                try {
                    HttpResponse<String> answer = http.postText(hookId, text);
                    // 200 counts only with Slack's exact body; anything else would be a broken promise.
                    status = answer.statusCode() == 200 && !"ok".equals(answer.body()) ? 0 : answer.statusCode();
                    if (status >= 500) {
                        long retryAfter =
                                answer.headers().firstValueAsLong("Retry-After").orElse(1) * 1000;
                        wait = Math.min(retryAfter, MAX_RETRY_WAIT.toMillis());
                    }
                } catch (IOException e) {
                    status = -1;
                    wait = MAX_RETRY_WAIT.toMillis();
                }
                attempts.add(new Attempt(text, message, status, sentAt));
                statuses.merge(status, 1, Integer::sum);
                Thread.sleep(wait);
            }
        }
    }
}
