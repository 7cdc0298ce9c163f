package io.hookline.ejb.idempotency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key table on a real (in-memory H2) database created by the V12 migration: round trip, arbiter, expiry. */
class IdempotencyKeysTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final StoredAnswer JSON = new StoredAnswer(
            200, "application/json", "{\"id\":\"p\",\"message\":\"caf\u00E9\"}".getBytes(StandardCharsets.UTF_8));

    private JdbcDataSource database;
    private IdempotencyKeys keys;

    @BeforeEach
    void createTable() throws SQLException {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:idempotency" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = database.getConnection()) {
            KeyTable.create(c);
        }
        keys = new IdempotencyKeys(database);
    }

    private void insert(KeyRecord... records) throws SQLException {
        try (Connection c = database.getConnection()) {
            IdempotencyKeys.insert(c, List.of(records));
        }
    }

    private static KeyRecord record(String key, long createdAt) {
        return new KeyRecord("hook", key, "f".repeat(64), JSON, createdAt, 0);
    }

    private int rows() throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM idempotency_keys")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void theAnswerComesBackByteForByte() throws SQLException {
        String longest = "k".repeat(IdempotencyKey.MAX_LENGTH);
        insert(record(longest, 42));
        StoredKey stored = keys.find("hook", longest);
        assertEquals("f".repeat(64), stored.fingerprint());
        assertEquals(42, stored.createdAt());
        assertEquals(200, stored.answer().status());
        assertEquals("application/json", stored.answer().contentType());
        assertArrayEquals(JSON.body(), stored.answer().body());
        assertNull(keys.find("hook", "other"));
        assertNull(keys.find("other-hook", longest));
    }

    @Test
    void aKeyIsStoredOncePerHookWhateverTheRace() throws SQLException {
        insert(record("k", 1));
        SQLException taken = assertThrows(SQLException.class, () -> insert(record("k", 2)));
        assertTrue(IdempotencyKeys.isKeyTaken(taken), taken.getSQLState());
        // The same key twice in one transaction (the post writer's): it fails and rolls back whole, so the writer
        // stores each request alone.
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            SQLException twice = assertThrows(
                    SQLException.class, () -> IdempotencyKeys.insert(c, List.of(record("j", 1), record("j", 1))));
            assertTrue(IdempotencyKeys.isKeyTaken(twice), twice.getSQLState());
            c.rollback();
        }
        assertEquals(1, rows());
        // Another hook may use the same key.
        insert(new KeyRecord("hook2", "k", "x", JSON, 1, 0));
        assertEquals(2, rows());
    }

    @Test
    void anExpiredRowIsReplacedButAFreshOneNever() throws SQLException {
        insert(record("k", 1_000));
        insert(new KeyRecord("hook", "k", "new", JSON, 5_000, 1_001));
        assertEquals("new", keys.find("hook", "k").fingerprint());
        // A decision taken on an older reading must not delete a row stored since (created at 5,000).
        SQLException taken =
                assertThrows(SQLException.class, () -> insert(new KeyRecord("hook", "k", "late", JSON, 6_000, 1_001)));
        assertTrue(IdempotencyKeys.isKeyTaken(taken));
        assertEquals("new", keys.find("hook", "k").fingerprint());
    }

    @Test
    void expiredRowsAreDeletedOldestFirstInBoundedBatches() throws SQLException {
        List<KeyRecord> records = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            records.add(record("k" + i, 100 + i));
        }
        insert(records.toArray(KeyRecord[]::new));
        assertEquals(10, keys.deleteExpired(120, 10), "at most the batch size");
        assertNull(keys.find("hook", "k0"));
        assertEquals(10, keys.deleteExpired(120, 10));
        assertEquals(0, keys.deleteExpired(120, 10), "rows at and after the cutoff stay");
        assertEquals(5, rows());
    }

    @Test
    void oneTimerRunStopsAtAShortBatchOrItsBound() throws SQLException {
        int many = ExpiredKeys.BATCH_ROWS * 2 + 5;
        List<KeyRecord> records = new ArrayList<>();
        for (int i = 0; i < many; i++) {
            records.add(record("k" + i, 10));
        }
        insert(records.toArray(KeyRecord[]::new));
        insert(record("fresh", 1_000_000));
        // Window 1,000 ms at now = 1,010: created_at 10 is exactly the window's age, so expired.
        assertEquals(many, ExpiredKeys.prune(keys, 1_010, 1_000));
        assertEquals(1, rows());
        assertEquals(0, ExpiredKeys.prune(keys, 1_010, 1_000));
    }
}
