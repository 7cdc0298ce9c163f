package io.hookline.ejb.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.ejb.config.DeploymentConfig;
import io.hookline.ejb.idempotency.KeyAlreadyStored;
import io.hookline.ejb.idempotency.KeyRecord;
import io.hookline.ejb.idempotency.KeyTable;
import io.hookline.ejb.idempotency.StoredAnswer;
import io.hookline.testing.LogCapture;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PostWriter on a real (in-memory H2) database: group commit, all-or-nothing per request, its limits. */
class PostWriterTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @RegisterExtension
    final LogCapture log = LogCapture.of(DeploymentConfig.class);

    private JdbcDataSource database;
    private PostWriter writer;
    private ExecutorService clients;

    @BeforeEach
    void createTables() throws SQLException {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:postwriter" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE posts (id VARCHAR(26) PRIMARY KEY, channel_id VARCHAR(26) NOT NULL,"
                    + " user_id VARCHAR(26) NOT NULL, root_id VARCHAR(26) NOT NULL, message VARCHAR(65535) NOT NULL,"
                    + " type VARCHAR(64) NOT NULL, props VARCHAR(1000000) NOT NULL, create_at BIGINT NOT NULL,"
                    + " update_at BIGINT NOT NULL, edit_at BIGINT NOT NULL, delete_at BIGINT NOT NULL, ts VARCHAR(24),"
                    + " hook_id VARCHAR(26))");
            s.execute("CREATE UNIQUE INDEX ux_posts_ts ON posts (ts)");
            s.execute("CREATE TABLE incoming_hooks (id VARCHAR(26) PRIMARY KEY, last_used_at BIGINT NOT NULL)");
            s.execute("INSERT INTO incoming_hooks VALUES ('hook', 1000)");
            KeyTable.create(c);
        }
        clients = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        if (writer != null) {
            writer.stop();
        }
        clients.shutdownNow();
    }

    private PostWriter writer(int capacity, long waitMillis) {
        writer = new PostWriter(database, Thread::new, capacity, waitMillis);
        return writer;
    }

    private static NewPost post(String message) {
        return NewPost.of("channel", "user", "", message, "", "{}", 5000, "hook");
    }

    private int count(String where) throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM posts WHERE " + where)) {
            r.next();
            return r.getInt(1);
        }
    }

    private long lastUsed() throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT last_used_at FROM incoming_hooks WHERE id = 'hook'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static KeyRecord key(String key) {
        return new KeyRecord(
                "hook",
                key,
                "f".repeat(64),
                new StoredAnswer(200, "text/plain;charset=UTF-8", "ok".getBytes(StandardCharsets.US_ASCII)),
                5000,
                0);
    }

    private int keys() throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM idempotency_keys")) {
            r.next();
            return r.getInt(1);
        }
    }

    private Future<?> storeLater(List<NewPost> posts, KeyRecord key) {
        return clients.submit(() -> writer.store(posts, null, 5000, key));
    }

    private Future<?> storeLater(List<NewPost> posts) {
        return clients.submit(() -> writer.store(posts, null, 5000));
    }

    private void awaitWaiting(int n) throws InterruptedException {
        for (int i = 0; i < 500 && writer.waiting() < n; i++) {
            Thread.sleep(10);
        }
        assertEquals(n, writer.waiting());
    }

    @Test
    void aQueueFilledToItsSaturationMakesTheReadinessCheckDown() throws Exception {
        writer(10, 2_000); // not started: nothing leaves the queue
        assertEquals(10, writer.capacity());
        for (int i = 0; i < 8; i++) {
            storeLater(List.of(post("m" + i)));
        }
        awaitWaiting(8);
        assertEquals(
                org.eclipse.microprofile.health.HealthCheckResponse.Status.UP,
                PostWriterChecks.queue(writer.waiting(), writer.capacity()).getStatus());
        storeLater(List.of(post("m8")));
        awaitWaiting(9);
        assertEquals(
                org.eclipse.microprofile.health.HealthCheckResponse.Status.DOWN,
                PostWriterChecks.queue(writer.waiting(), writer.capacity()).getStatus());
    }

    @Test
    void writerThreadsAreAliveWhileRunningAndNotAfterStopping() {
        writer(10, 2_000);
        assertEquals(0, writer.aliveWriters());
        writer.start();
        assertEquals(writer.writerCount(), writer.aliveWriters());
        writer.stop();
        assertEquals(0, writer.aliveWriters());
    }

    @Test
    void theNumberOfWritersIsADeploymentSettingWithinItsBounds() {
        String before = System.getProperty(PostWriter.WRITERS_SETTING);
        try {
            Map<String, Integer> expected = new java.util.LinkedHashMap<>();
            expected.put("1", 1);
            expected.put(String.valueOf(PostWriter.MAX_WRITERS), PostWriter.MAX_WRITERS);
            // Past either bound, or not a number: the default (with a warning), never a failed deployment.
            expected.put("0", PostWriter.DEFAULT_WRITERS);
            expected.put(String.valueOf(PostWriter.MAX_WRITERS + 1), PostWriter.DEFAULT_WRITERS);
            expected.put("many", PostWriter.DEFAULT_WRITERS);
            for (Map.Entry<String, Integer> setting : expected.entrySet()) {
                System.setProperty(PostWriter.WRITERS_SETTING, setting.getKey());
                assertEquals(setting.getValue(), new PostWriter().writerCount(), setting.getKey());
            }
            System.clearProperty(PostWriter.WRITERS_SETTING);
            assertEquals(PostWriter.DEFAULT_WRITERS, new PostWriter().writerCount());
            log.expectExactly(
                    3,
                    Level.WARNING,
                    PostWriter.WRITERS_SETTING + " must be a whole number from 1 to " + PostWriter.MAX_WRITERS
                            + "; using " + PostWriter.DEFAULT_WRITERS);
        } finally {
            if (before == null) {
                System.clearProperty(PostWriter.WRITERS_SETTING);
            } else {
                System.setProperty(PostWriter.WRITERS_SETTING, before);
            }
        }
    }

    @Test
    void everyRequestIsStoredWhenItReturns() throws Exception {
        writer(PostWriter.QUEUE_CAPACITY, PostWriter.COMMIT_WAIT_MILLIS).start();
        List<Future<?>> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            requests.add(storeLater(List.of(post("m" + i), post("m" + i + " part 2"))));
        }
        for (Future<?> request : requests) {
            request.get();
        }
        assertEquals(400, count("TRUE"));
        assertEquals(1, count("message = 'm17 part 2'"));
        // The creating hook goes with every part: it alone may edit or delete them later.
        assertEquals(400, count("hook_id = 'hook'"));
    }

    @Test
    void aBadRequestInABatchIsRefusedAloneAndWhole() throws Exception {
        writer(16, PostWriter.COMMIT_WAIT_MILLIS);
        Future<?> good1 = storeLater(List.of(post("good 1")));
        // Second part has no message (NOT NULL): the whole request must be refused, its first part too.
        Future<?> bad = storeLater(List.of(post("bad part 1"), post(null)));
        Future<?> good2 = storeLater(List.of(post("good 2")));
        awaitWaiting(3);
        writer.start(); // one writer drains all three into one batch, which fails, then stores each alone
        good1.get();
        good2.get();
        Exception refused = assertThrows(Exception.class, bad::get);
        assertInstanceOf(PostWriteException.class, refused.getCause());
        assertInstanceOf(SQLException.class, refused.getCause().getCause());
        assertEquals(2, count("TRUE"));
        assertEquals(0, count("message = 'bad part 1'"));
    }

    @Test
    void theMetersCountCommitsBatchesAndStoredPosts() throws Exception {
        writer(16, PostWriter.COMMIT_WAIT_MILLIS);
        Future<?> good1 = storeLater(List.of(post("good 1")));
        Future<?> bad = storeLater(List.of(post("bad part 1"), post(null)));
        Future<?> good2 = storeLater(List.of(post("good 2"), post("good 2 part 2"), post("good 2 part 3")));
        awaitWaiting(3);
        MeterRegistry meters = writer.meters().registry();
        assertEquals(3.0, meters.get("hookline.post.writer.queue").gauge().value());
        writer.start(); // one batch of three, which fails, then each alone: two stored, one refused
        good1.get();
        good2.get();
        assertThrows(Exception.class, bad::get);
        assertEquals(4.0, meters.get("hookline.posts.stored").counter().count());
        DistributionSummary parts = meters.get("hookline.post.parts").summary();
        assertEquals(2, parts.count()); // stored requests
        assertEquals(4.0, parts.totalAmount());
        DistributionSummary batches =
                meters.get("hookline.post.writer.batch.requests").summary();
        assertEquals(1, batches.count()); // the group commit; the retries alone are not batches
        assertEquals(3.0, batches.totalAmount());
        assertEquals(1, meters.get("hookline.post.writer.commit").timer().count());
        assertEquals(
                1.0,
                meters.get("hookline.post.writer.commit.failures").counter().count());
        assertEquals(0.0, meters.get("hookline.post.writer.queue").gauge().value());
    }

    @Test
    void aFullQueueIsCounted() throws Exception {
        writer(1, PostWriter.COMMIT_WAIT_MILLIS); // not started: the one place stays taken
        storeLater(List.of(post("waits")));
        awaitWaiting(1);
        assertThrows(PostWriteException.class, () -> writer.store(List.of(post("no room")), null, 5000));
        assertEquals(
                1.0,
                writer.meters()
                        .registry()
                        .get("hookline.post.writer.queue.full")
                        .counter()
                        .count());
    }

    @Test
    void aKeyIsStoredWithItsPostsAndOnlyOnce() throws Exception {
        writer(16, PostWriter.COMMIT_WAIT_MILLIS).start();
        writer.store(List.of(post("keyed 1"), post("keyed 1 part 2")), null, 5000, key("k"));
        assertEquals(1, keys());
        assertEquals(2, count("message LIKE 'keyed 1%'"));
        // The same key again (another server, or past the in-flight set): nothing of the request is stored.
        KeyAlreadyStored taken = assertThrows(
                KeyAlreadyStored.class, () -> writer.store(List.of(post("keyed again")), null, 5000, key("k")));
        assertEquals("k", taken.key());
        assertEquals(0, count("message = 'keyed again'"));
        assertEquals(1, keys());
    }

    @Test
    void aKeyTakenTwiceInOneBatchRefusesOnlyTheSecondRequest() throws Exception {
        writer(16, PostWriter.COMMIT_WAIT_MILLIS);
        // Queued one after the other, so the batch holds them in this order.
        Future<?> first = storeLater(List.of(post("first")), key("same"));
        awaitWaiting(1);
        Future<?> plain = storeLater(List.of(post("plain")), null);
        awaitWaiting(2);
        Future<?> second = storeLater(List.of(post("second"), post("second part 2")), key("same"));
        awaitWaiting(3);
        Future<?> other = storeLater(List.of(post("other")), key("other"));
        awaitWaiting(4);
        writer.start(); // one batch of four, which fails on the key, then each alone
        first.get();
        plain.get();
        other.get();
        Exception refused = assertThrows(Exception.class, second::get);
        assertInstanceOf(KeyAlreadyStored.class, refused.getCause());
        assertEquals(3, count("TRUE"));
        assertEquals(0, count("message LIKE 'second%'"));
        assertEquals(2, keys());
    }

    @Test
    void theQueueTakesExactlyItsCapacity() throws Exception {
        writer(2, PostWriter.COMMIT_WAIT_MILLIS); // not started: nothing drains
        Future<?> first = storeLater(List.of(post("1")));
        Future<?> second = storeLater(List.of(post("2")));
        awaitWaiting(2);
        PostWriteException full =
                assertThrows(PostWriteException.class, () -> writer.store(List.of(post("3")), null, 1));
        assertInstanceOf(SQLTransientConnectionException.class, full.getCause(), "an overload: 503, not 500");
        writer.start();
        first.get();
        second.get();
        assertEquals(2, count("TRUE"));
    }

    @Test
    void aRequestWaitsAtMostTheCommitWait() {
        writer(4, 200); // not started
        long start = System.nanoTime();
        PostWriteException late =
                assertThrows(PostWriteException.class, () -> writer.store(List.of(post("x")), null, 1));
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waited >= 200 && waited < 2_000, "waited " + waited + " ms");
        assertInstanceOf(SQLTransientConnectionException.class, late.getCause());
    }

    @Test
    void aStalledCommitDoesNotHoldUpTheNextRequests() throws Exception {
        writer(4, PostWriter.COMMIT_WAIT_MILLIS).start();
        try (Connection other = database.getConnection();
                Statement s = other.createStatement()) {
            // Another transaction holds the hook's row: the commit that marks it used waits for that lock.
            other.setAutoCommit(false);
            s.execute("SET LOCK_TIMEOUT 10000");
            s.executeUpdate("UPDATE incoming_hooks SET last_used_at = 1500 WHERE id = 'hook'");
            Future<?> stalled = clients.submit(() -> writer.store(List.of(post("stalled")), "hook", 9000));
            Thread.sleep(200);
            assertFalse(stalled.isDone(), "the first commit waits for the row lock");

            // Another writer takes the next request: it does not wait for the stalled commit.
            long start = System.nanoTime();
            writer.store(List.of(post("next")), null, 9000);
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMillis < 1_000, "stored in " + tookMillis + " ms while the other commit stalled");
            assertEquals(1, count("message = 'next'"));
            assertFalse(stalled.isDone());

            other.commit();
            stalled.get(5, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertEquals(1, count("message = 'stalled'"));
        assertEquals(9000, lastUsed());
    }

    @Test
    void lastUsedMovesOnlyForward() throws Exception {
        writer(4, PostWriter.COMMIT_WAIT_MILLIS).start();
        writer.store(List.of(post("a")), "hook", 9000);
        assertEquals(9000, lastUsed());
        writer.store(List.of(post("b")), "hook", 8000);
        assertEquals(9000, lastUsed(), "an older mark never overwrites a newer one");
        writer.store(List.of(post("c")), null, 9500);
        assertEquals(9000, lastUsed());
    }

    @Test
    void anUnreachableDatabaseReachesTheRequestAsItsSqlException() throws Exception {
        database.setURL("jdbc:h2:tcp://127.0.0.1:1/nothing-listens-here");
        writer(4, PostWriter.COMMIT_WAIT_MILLIS).start();
        PostWriteException failed =
                assertThrows(PostWriteException.class, () -> writer.store(List.of(post("x")), null, 1));
        // The error mapper reads the cause chain: a database failure, not a bug of ours (DatabaseFailures).
        assertInstanceOf(SQLException.class, failed.getCause());
    }

    @Test
    void aTsTakenByAnotherServerIsRetriedWithAFreshOne() throws Exception {
        writer(PostWriter.QUEUE_CAPACITY, PostWriter.COMMIT_WAIT_MILLIS).start();
        NewPost first = post("first");
        writer.store(List.of(first), null, 5000);
        // Another server stored a post with the ts this one is about to use.
        NewPost clash = new NewPost(
                io.hookline.ejb.common.Ids.newId(), "channel", "user", "", "clash", "", "{}", 5000, "hook", first.ts());
        List<NewPost> stored = writer.store(List.of(clash, post("second part")), null, 5000);
        assertEquals(clash.id(), stored.get(0).id());
        assertFalse(first.ts().equals(stored.get(0).ts()), "a fresh ts");
        assertEquals(1, count("ts = '" + stored.get(0).ts() + "' AND id = '" + clash.id() + "'"));
        assertEquals(3, count("ts IS NOT NULL"));
        assertEquals(3, count("1 = 1"));
    }

    @Test
    void anotherUniqueViolationIsNotRetried() throws Exception {
        writer(PostWriter.QUEUE_CAPACITY, PostWriter.COMMIT_WAIT_MILLIS).start();
        NewPost first = post("first");
        writer.store(List.of(first), null, 5000);
        NewPost sameId = new NewPost(
                first.id(), "channel", "user", "", "again", "", "{}", 5000, "hook", PostTimestamps.next(5000));
        assertThrows(PostWriteException.class, () -> writer.store(List.of(sameId), null, 5000));
        assertEquals(1, count("1 = 1"));
    }
}
