package io.hookline.ejb.delivery;

import static io.hookline.ejb.metrics.MeteredConnections.User.DELIVERY_LOG;

import io.hookline.ejb.metrics.MeteredConnections;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Writes the delivery log: one transaction per batch, plain JDBC batches (the JPA provider would insert row by
 * row), the same SQL on H2 and PostgreSQL. A failure rolls the batch back and reaches the caller as
 * {@link DeliveryLogUnavailable}; {@link DeliveryLog} then drops the batch.
 */
@Stateless
public class DeliveryLogWriter {

    // Only hooks that exist and are not deleted get rows: ids that name no hook (scans, typos, old URLs)
    // leave nothing behind. The hook's row is read in the same statement, so no separate look-up. An id that is
    // a live hook's previous id (issue 18), still in its grace period when the answer was sent, logs under the
    // hook's own id, marked via_previous_id when sent after the rotation (an answer sent just before it, written
    // after it, used the then current URL). At most one branch finds a row: a previous id belongs to a deleted row.
    private static final String COLUMNS = "CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS VARCHAR(128)),"
            + " CAST(? AS VARCHAR(64)), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(26)),"
            + " CAST(? AS VARCHAR(2700)), CAST(? AS INTEGER)";
    private static final String INSERT = "INSERT INTO hook_deliveries (hook_id, create_at, status_code, error_id,"
            + " remote_address, size_bytes, duration_ms, channel_id, post_ids, post_count, via_previous_id)"
            + " SELECT id, " + COLUMNS + ", FALSE FROM incoming_hooks WHERE id = ? AND delete_at = 0"
            + " UNION ALL SELECT id, " + COLUMNS
            + ", CASE WHEN rotated_at <= CAST(? AS BIGINT) THEN TRUE ELSE FALSE END"
            + " FROM incoming_hooks"
            + " WHERE previous_id = ? AND delete_at = 0 AND previous_id_expires_at > CAST(? AS BIGINT)";
    private static final int COLUMN_PARAMETERS = 9;

    // The live hooks whose previous id a batch named: they are pruned in its place (their rows are theirs).
    private static final String BY_PREVIOUS_ID =
            "SELECT id FROM incoming_hooks WHERE previous_id = ?" + " AND delete_at = 0";

    // Everything older than the hook's keep-th newest row; when it has no more rows than that, the sub-query
    // finds nothing and nothing is deleted. Served by ix_hook_deliveries_hook_seq.
    private static final String PRUNE = "DELETE FROM hook_deliveries WHERE hook_id = ? AND seq <= ("
            + "SELECT seq FROM hook_deliveries WHERE hook_id = ? ORDER BY seq DESC OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY)";

    private static final String OVER_LIMIT = "SELECT hook_id FROM hook_deliveries GROUP BY hook_id HAVING COUNT(*) > ?";

    // Rows a regeneration or deletion raced with (a batch written while the hook was being deleted).
    private static final String OF_DELETED_HOOKS =
            "DELETE FROM hook_deliveries WHERE hook_id IN" + " (SELECT id FROM incoming_hooks WHERE delete_at <> 0)";

    private static final String ALL = "DELETE FROM hook_deliveries";

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    /**
     * Inserts the attempts (in order: the log's order) of hooks that exist, then prunes each hook the batch
     * touched to its newest {@code keep} rows. Answers how many rows were inserted.
     */
    public int write(List<DeliveryAttempt> batch, int keep) {
        if (batch.isEmpty()) {
            return 0;
        }
        try (Connection connection = MeteredConnections.open(dataSource, DELIVERY_LOG)) {
            int inserted = insert(connection, batch);
            prune(connection, withCurrentIds(connection, DeliveryBatch.hooksOf(batch)), keep);
            return inserted;
        } catch (SQLException e) {
            throw new DeliveryLogUnavailable("Writing " + batch.size() + " deliveries failed: " + e.getMessage(), e);
        }
    }

    /**
     * Brings the whole log to {@code keep} rows per hook after the setting changed (0: the log is emptied), and
     * forgets rows of deleted hooks.
     */
    public void pruneAll(int keep) {
        try (Connection connection = MeteredConnections.open(dataSource, DELIVERY_LOG)) {
            if (keep <= 0) {
                try (PreparedStatement all = connection.prepareStatement(ALL)) {
                    all.executeUpdate();
                }
                return;
            }
            try (PreparedStatement deleted = connection.prepareStatement(OF_DELETED_HOOKS)) {
                deleted.executeUpdate();
            }
            List<String> over = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(OVER_LIMIT)) {
                query.setInt(1, keep);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        over.add(rows.getString(1));
                    }
                }
            }
            prune(connection, over, keep);
        } catch (SQLException e) {
            throw new DeliveryLogUnavailable("Pruning the delivery log failed: " + e.getMessage(), e);
        }
    }

    private static int insert(Connection connection, List<DeliveryAttempt> batch) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (DeliveryAttempt a : batch) {
                int at = setColumns(insert, 0, a);
                insert.setString(++at, a.hookId());
                at = setColumns(insert, at, a);
                insert.setLong(++at, a.createAt()); // rotated_at <= the answer's time: sent through the old URL
                insert.setString(++at, a.hookId());
                insert.setLong(++at, a.createAt()); // the previous id still worked when the answer was sent
                insert.addBatch();
            }
            int inserted = 0;
            for (int count : insert.executeBatch()) {
                // A driver may answer SUCCESS_NO_INFO (-2) instead of a count.
                inserted += Math.max(count, 0);
            }
            return inserted;
        }
    }

    /**
     * The batch's ids plus the live hooks of those that are previous ids: one indexed look-up per distinct id of
     * the batch, so a flood through an old URL is pruned like one through the new.
     */
    private static Collection<String> withCurrentIds(Connection connection, Set<String> hookIds) throws SQLException {
        Set<String> all = new LinkedHashSet<>(hookIds);
        try (PreparedStatement query = connection.prepareStatement(BY_PREVIOUS_ID)) {
            for (String hookId : hookIds) {
                query.setString(1, hookId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        all.add(rows.getString(1));
                    }
                }
            }
        }
        return all;
    }

    /** The attempt's {@link #COLUMNS} from parameter {@code at + 1} on; answers the last parameter set. */
    private static int setColumns(PreparedStatement insert, int at, DeliveryAttempt a) throws SQLException {
        insert.setLong(at + 1, a.createAt());
        insert.setInt(at + 2, a.statusCode());
        insert.setString(at + 3, a.errorId());
        insert.setString(at + 4, a.remoteAddress());
        insert.setLong(at + 5, a.size());
        insert.setLong(at + 6, a.durationMs());
        insert.setString(at + 7, a.channelId());
        insert.setString(at + 8, a.postIdsColumn());
        insert.setInt(at + 9, a.postCount());
        return at + COLUMN_PARAMETERS;
    }

    private static void prune(Connection connection, Collection<String> hookIds, int keep) throws SQLException {
        if (hookIds.isEmpty()) {
            return;
        }
        try (PreparedStatement prune = connection.prepareStatement(PRUNE)) {
            for (String hookId : hookIds) {
                prune.setString(1, hookId);
                prune.setString(2, hookId);
                prune.setInt(3, keep);
                prune.addBatch();
            }
            prune.executeBatch();
        }
    }
}
