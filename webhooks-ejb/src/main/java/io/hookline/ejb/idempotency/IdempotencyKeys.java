package io.hookline.ejb.idempotency;

import static io.hookline.ejb.metrics.MeteredConnections.User.IDEMPOTENCY;

import io.hookline.ejb.health.DatabaseFailures;
import io.hookline.ejb.metrics.MeteredConnections;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The table {@code idempotency_keys}: one row per keyed hook request that stored posts, unique on
 * (hook_id, idem_key) — the final arbiter across requests, nodes and restarts. Plain JDBC like the post writer:
 * the look-up is one indexed read on the hook path, and the insert runs on the post writer's connection, inside
 * its transaction ({@link #insert}).
 */
@ApplicationScoped
public class IdempotencyKeys {

    static final String FIND = "SELECT fingerprint, status, content_type, body, created_at FROM idempotency_keys"
            + " WHERE hook_id = ? AND idem_key = ?";
    static final String INSERT = "INSERT INTO idempotency_keys (hook_id, idem_key, fingerprint, status, content_type,"
            + " body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final String DELETE_EXPIRED_ONE =
            "DELETE FROM idempotency_keys WHERE hook_id = ? AND idem_key = ?" + " AND created_at < ?";
    /** The oldest expired rows, at most {@code ?} of them: bounded work per statement (walks the created_at index). */
    static final String DELETE_EXPIRED_BATCH = "DELETE FROM idempotency_keys WHERE (hook_id, idem_key) IN"
            + " (SELECT hook_id, idem_key FROM idempotency_keys WHERE created_at < ? ORDER BY created_at"
            + " FETCH FIRST ? ROWS ONLY)";
    /** SQLState of a unique violation, on H2 and PostgreSQL alike. */
    static final String UNIQUE_VIOLATION = "23505";

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    public IdempotencyKeys() {}

    /** For tests: another database. */
    IdempotencyKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The row for this hook and key, expired or not, or null. */
    public StoredKey find(String hookId, String key) {
        try (Connection connection = MeteredConnections.open(dataSource, IDEMPOTENCY);
                PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, hookId);
            find.setString(2, key);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new StoredKey(
                        row.getString(1),
                        new StoredAnswer(row.getInt(2), row.getString(3), row.getBytes(4)),
                        row.getLong(5));
            }
        } catch (SQLException e) {
            throw new IdempotencyLookupException(e);
        }
    }

    /**
     * Adds the rows of one post-writer transaction (first deleting the expired rows they replace). A key already
     * stored fails the whole statement with a unique violation; the writer then stores each request on its own,
     * so only the request whose key was taken fails ({@link #isKeyTaken}).
     */
    public static void insert(Connection connection, List<KeyRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        if (records.stream().anyMatch(KeyRecord::replacesExpired)) {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED_ONE)) {
                for (KeyRecord record : records) {
                    if (record.replacesExpired()) {
                        delete.setString(1, record.hookId());
                        delete.setString(2, record.key());
                        delete.setLong(3, record.expiredBefore());
                        delete.addBatch();
                    }
                }
                delete.executeBatch();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (KeyRecord record : records) {
                StoredAnswer answer = record.answer();
                insert.setString(1, record.hookId());
                insert.setString(2, record.key());
                insert.setString(3, record.fingerprint());
                insert.setInt(4, answer.status());
                insert.setString(5, answer.contentType());
                insert.setBytes(6, answer.body());
                insert.setLong(7, record.createdAt());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The write failed because a row for its key exists (another request stored first). */
    public static boolean isKeyTaken(Throwable failure) {
        return DatabaseFailures.hasSqlState(failure, UNIQUE_VIOLATION);
    }

    /** Deletes at most {@code limit} rows created before {@code cutoff}, oldest first; answers how many. */
    public int deleteExpired(long cutoff, int limit) {
        try (Connection connection = MeteredConnections.open(dataSource, IDEMPOTENCY);
                PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED_BATCH)) {
            delete.setLong(1, cutoff);
            delete.setInt(2, limit);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IdempotencyLookupException(e);
        }
    }

    /** The key table could not be read or cleaned; the cause is the database's own failure (503 when it is down). */
    public static class IdempotencyLookupException extends RuntimeException {
        IdempotencyLookupException(SQLException cause) {
            super("idempotency_keys: " + cause.getMessage(), cause);
        }
    }
}
