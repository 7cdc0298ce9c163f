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
 * Issue 18's variant of {@link NothingLostIT}: the same clients and PostgreSQL restart, but every message carries
 * its own {@code Idempotency-Key} and each retry sends the very same request (same key, same body) after anything
 * but an {@code ok}: a 5xx, a broken connection, or a 409 while the first attempt is still in flight. Afterwards,
 * read from PostgreSQL directly: every message is stored exactly once — including messages whose first attempts
 * were stored although not answered {@code ok} (the database went away between commit and answer: the retry found
 * the key and got the first answer again) — and nothing is stored that was not sent.
 * Runs only in the {@code outage} profile ({@code mvn verify -Ppostgres,outage}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NothingLostWithKeysIT {

    static final int CLIENTS = NothingLostIT.CLIENTS;
    static final Duration PACE = NothingLostIT.PACE;
    static final Duration RUN_FOR = NothingLostIT.RUN_FOR;
    static final Duration RESTART_AFTER = NothingLostIT.RESTART_AFTER;
    static final Duration MAX_RETRY_WAIT = NothingLostIT.MAX_RETRY_WAIT;
    static final int MAX_ATTEMPTS = NothingLostIT.MAX_ATTEMPTS;

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

    /** One attempt as sent, and what came back: a status (-1: the connection failed) and whether it was a replay. */
    record Attempt(String message, int attempt, int status, boolean replayed, long sentAtNanos) {}

    @Test
    void everyKeyedMessageIsStoredExactlyOnceAcrossAPostgresRestart() throws Exception {
        HooklineClient admin = ApiFixtures.admin();
        TestUser owner = newUser(admin, "lostkeys");
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
                    sendUntil(deadline, hooks.get(client), "keyed " + run + " c" + client, attempts, statuses);
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

        Map<String, Integer> stored = new HashMap<>();
        for (String text : StoredPosts.messages(POSTGRES, channelId)) {
            stored.merge(text, 1, Integer::sum);
        }
        Set<String> messages = new HashSet<>();
        Set<String> messagesOk = new HashSet<>();
        for (Attempt attempt : attempts) {
            messages.add(attempt.message());
            if (attempt.status() == 200) {
                messagesOk.add(attempt.message());
            }
        }
        List<String> lost = new ArrayList<>();
        List<String> storedTwice = new ArrayList<>();
        for (String message : messages) {
            int copies = stored.getOrDefault(message, 0);
            if (copies == 0) {
                lost.add(message);
            } else if (copies > 1) {
                storedTwice.add(message + " (" + copies + " copies)");
            }
        }
        List<String> phantoms = stored.keySet().stream()
                .filter(text -> !messages.contains(text))
                .sorted()
                .toList();
        // Messages whose ok came as a replay: an earlier attempt was stored without its ok reaching the client.
        long savedByKeys = attempts.stream()
                .filter(Attempt::replayed)
                .map(Attempt::message)
                .distinct()
                .count();
        long oks = attempts.stream().filter(a -> a.status() == 200).count();

        System.out.printf(
                "Nothing lost with keys: %d requests (%d messages) from %d clients, %d ok, %d not ok %s; "
                        + "PostgreSQL restarted %.1f–%.1f s into the run; %d lost, %d stored twice, %d phantom; "
                        + "%d messages answered by a replay%n",
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
                savedByKeys);

        assertEquals(List.of(), lost, "a message never stored");
        assertEquals(List.of(), storedTwice, "a message stored twice (retries carry the same key)");
        assertEquals(List.of(), phantoms, "stored posts no request sent");
        assertEquals(messages, messagesOk, "every message got its ok in the end");
        assertTrue(
                statuses.keySet().stream().allMatch(s -> s == 200 || s == 409 || s == -1 || s >= 500),
                "only ok, 409 in flight, 5xx or a broken connection, never another 4xx: " + statuses);
        long restartDone = t0 + restartedAt[1];
        assertTrue(
                attempts.stream().anyMatch(a -> a.status() == 200 && a.sentAtNanos() > restartDone),
                "posts went through after the restart");
    }

    /** One integration: numbered messages, each with its own key, sent again unchanged until it is answered ok. */
    private void sendUntil(
            long deadline, String hookId, String prefix, List<Attempt> attempts, Map<Integer, Integer> statuses)
            throws InterruptedException {
        for (int seq = 0; System.nanoTime() < deadline; seq++) {
            String message = prefix + " m" + seq;
            String key = prefix.replace(' ', '-') + "-m" + seq;
            int status = 0;
            for (int attempt = 1; status != 200; attempt++) {
                if (attempt > MAX_ATTEMPTS) {
                    throw new AssertionError(message + ": no ok after " + MAX_ATTEMPTS + " attempts");
                }
                long sentAt = System.nanoTime();
                long wait = PACE.toMillis();
                boolean replayed = false;
                try {
                    HttpResponse<String> answer = http.postText(hookId, message, key);
                    status = answer.statusCode() == 200 && !"ok".equals(answer.body()) ? 0 : answer.statusCode();
                    replayed =
                            answer.headers().firstValue("Idempotent-Replayed").isPresent();
                    if (status >= 500) {
                        long retryAfter =
                                answer.headers().firstValueAsLong("Retry-After").orElse(1) * 1000;
                        wait = Math.min(retryAfter, MAX_RETRY_WAIT.toMillis());
                    } else if (status == 409) {
                        wait = MAX_RETRY_WAIT.toMillis();
                    }
                } catch (IOException e) {
                    status = -1;
                    wait = MAX_RETRY_WAIT.toMillis();
                }
                attempts.add(new Attempt(message, attempt, status, replayed, sentAt));
                statuses.merge(status, 1, Integer::sum);
                Thread.sleep(wait);
            }
        }
    }
}
