package io.hookline.ejb.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics' SQL, the same on H2 and PostgreSQL, on a connection the caller owns. Every query counts in the
 * database ({@code GROUP BY} a time bucket, a hook or an error id) and returns a bounded number of rows: at most one
 * per bucket and series, or {@link #MAX_HOOKS} hooks. A row's bucket is {@code create_at / width}: the buckets are
 * aligned to their width, so the division names them without a parameter that would have to appear twice. Each
 * range condition on {@code create_at} walks an index that starts with it (V15); a hook's own deliveries are found
 * through {@code ix_hook_deliveries_hook_create_at}, at most {@code HookDeliveryLogSize} rows.
 */
public final class StatsQueries {

    /** Hooks a "busiest" or "most failing" list names at most. */
    public static final int MAX_HOOKS = 10;

    /** Error ids the refusal chart draws one by one; the rest are added up under {@link #OTHER_ERRORS}. */
    public static final int MAX_ERROR_SERIES = 6;

    /** The series name that sums the refusals of every error id past the {@link #MAX_ERROR_SERIES} most frequent. */
    public static final String OTHER_ERRORS = "other";

    // The derived table names the bucket once, so GROUP BY can use its name on both databases.
    static final String POSTS_PER_BUCKET =
            "SELECT b, COUNT(*), COUNT(hook_id) FROM (SELECT create_at / CAST(? AS BIGINT)"
                    + " AS b, hook_id FROM posts WHERE create_at >= ? AND create_at < ?) t GROUP BY b";

    static final String TOP_ERROR_IDS = "SELECT error_id FROM hook_deliveries"
            + " WHERE create_at >= ? AND create_at < ? AND error_id <> ''"
            + " GROUP BY error_id ORDER BY COUNT(*) DESC, error_id FETCH FIRST ? ROWS ONLY";

    // The error ids past the most frequent ones become '' in the derived table: one row per bucket and drawn id,
    // plus one for the rest, however many ids the log holds.
    static final String REFUSALS_PER_BUCKET = "SELECT b, e, COUNT(*) FROM (SELECT create_at / CAST(? AS BIGINT) AS b,"
            + " CASE WHEN error_id IN (%s) THEN error_id ELSE '' END AS e FROM hook_deliveries"
            + " WHERE create_at >= ? AND create_at < ? AND error_id <> '') t GROUP BY b, e";

    // Aggregated first, named after: the join reads one hook row per listed hook, not one per post.
    static final String BUSIEST_HOOKS = "SELECT h.console_key, h.display_name, c.display_name, h.delete_at, t.n, t.n"
            + " FROM (SELECT hook_id, COUNT(*) AS n FROM posts WHERE create_at >= ? AND create_at < ?"
            + " AND hook_id IS NOT NULL GROUP BY hook_id ORDER BY n DESC, hook_id FETCH FIRST ? ROWS ONLY) t"
            + " JOIN incoming_hooks h ON h.id = t.hook_id LEFT JOIN channels c ON c.id = h.channel_id"
            + " ORDER BY t.n DESC, h.id";

    static final String FAILING_HOOKS = "SELECT h.console_key, h.display_name, c.display_name, h.delete_at, t.f, t.n"
            + " FROM (SELECT hook_id, SUM(CASE WHEN error_id <> '' THEN 1 ELSE 0 END) AS f, COUNT(*) AS n"
            + " FROM hook_deliveries WHERE create_at >= ? AND create_at < ? GROUP BY hook_id"
            + " HAVING SUM(CASE WHEN error_id <> '' THEN 1 ELSE 0 END) > 0"
            + " ORDER BY f DESC, hook_id FETCH FIRST ? ROWS ONLY) t"
            + " JOIN incoming_hooks h ON h.id = t.hook_id LEFT JOIN channels c ON c.id = h.channel_id"
            + " ORDER BY t.f DESC, h.id";

    static final String HOOK_DELIVERIES_PER_BUCKET = "SELECT b, SUM(CASE WHEN error_id = '' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN error_id <> '' THEN 1 ELSE 0 END) FROM (SELECT create_at / CAST(? AS BIGINT) AS b,"
            + " error_id FROM hook_deliveries WHERE hook_id = ? AND create_at >= ? AND create_at < ?) t GROUP BY b";

    private StatsQueries() {}

    /** Posts stored per bucket: all of them, and those a hook made. */
    public static Series[] postsPerBucket(Connection db, TimeBuckets buckets) throws SQLException {
        long[] all = new long[buckets.count()];
        long[] byHooks = new long[buckets.count()];
        try (PreparedStatement query = db.prepareStatement(POSTS_PER_BUCKET)) {
            bucketRange(query, 1, buckets);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int index = buckets.indexOfKey(rows.getLong(1));
                    if (index >= 0) {
                        all[index] = rows.getLong(2);
                        byHooks[index] = rows.getLong(3);
                    }
                }
            }
        }
        return new Series[] {Series.of("posts", all), Series.of("from hooks", byHooks)};
    }

    /**
     * Refused hook requests (a delivery answered with an error id) per bucket, one series per error id for the
     * {@link #MAX_ERROR_SERIES} most frequent ones (most frequent first), then {@link #OTHER_ERRORS} when there are
     * more. Empty when nothing was refused.
     */
    public static List<Series> refusalsPerBucket(Connection db, TimeBuckets buckets) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(TOP_ERROR_IDS)) {
            query.setLong(1, buckets.start());
            query.setLong(2, buckets.end());
            query.setInt(3, MAX_ERROR_SERIES);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        ids.forEach(id -> counts.put(id, new long[buckets.count()]));
        long[] other = new long[buckets.count()];
        String placeholders = String.join(", ", ids.stream().map(id -> "?").toList());
        try (PreparedStatement query = db.prepareStatement(REFUSALS_PER_BUCKET.formatted(placeholders))) {
            query.setLong(1, buckets.width());
            for (int i = 0; i < ids.size(); i++) {
                query.setString(2 + i, ids.get(i));
            }
            query.setLong(2 + ids.size(), buckets.start());
            query.setLong(3 + ids.size(), buckets.end());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int index = buckets.indexOfKey(rows.getLong(1));
                    if (index >= 0) {
                        counts.getOrDefault(rows.getString(2), other)[index] += rows.getLong(3);
                    }
                }
            }
        }
        List<Series> series = new ArrayList<>();
        counts.forEach((id, perBucket) -> series.add(Series.of(id, perBucket)));
        Series rest = Series.of(OTHER_ERRORS, other);
        if (rest.total() > 0) {
            series.add(rest);
        }
        return series;
    }

    /** The hooks that made the most posts from {@code since} to {@code until}, most first; at most {@link #MAX_HOOKS}. */
    public static List<HookActivity> busiestHooks(Connection db, long since, long until) throws SQLException {
        return hooks(db, BUSIEST_HOOKS, since, until);
    }

    /**
     * The hooks with the most requests refused from {@code since} to {@code until} in the delivery log, most first
     * (count: refused, total: all their requests in the log then); at most {@link #MAX_HOOKS}, none without a refusal.
     */
    public static List<HookActivity> failingHooks(Connection db, long since, long until) throws SQLException {
        return hooks(db, FAILING_HOOKS, since, until);
    }

    private static List<HookActivity> hooks(Connection db, String sql, long since, long until) throws SQLException {
        List<HookActivity> hooks = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, since);
            query.setLong(2, until);
            query.setInt(3, MAX_HOOKS);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String channel = rows.getString(3);
                    hooks.add(new HookActivity(
                            rows.getString(1),
                            rows.getString(2),
                            channel == null ? "" : channel,
                            rows.getLong(4) != 0,
                            rows.getLong(5),
                            rows.getLong(6)));
                }
            }
        }
        return hooks;
    }

    /** One hook's logged requests per bucket: answered ok, and answered with an error id. */
    public static HookDeliveryStats hookDeliveries(Connection db, String hookId, TimeBuckets buckets)
            throws SQLException {
        long[] ok = new long[buckets.count()];
        long[] errors = new long[buckets.count()];
        try (PreparedStatement query = db.prepareStatement(HOOK_DELIVERIES_PER_BUCKET)) {
            query.setLong(1, buckets.width());
            query.setString(2, hookId);
            query.setLong(3, buckets.start());
            query.setLong(4, buckets.end());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int index = buckets.indexOfKey(rows.getLong(1));
                    if (index >= 0) {
                        ok[index] = rows.getLong(2);
                        errors[index] = rows.getLong(3);
                    }
                }
            }
        }
        return new HookDeliveryStats(buckets, Series.of("ok", ok), Series.of("errors", errors));
    }

    private static void bucketRange(PreparedStatement query, int first, TimeBuckets buckets) throws SQLException {
        query.setLong(first, buckets.width());
        query.setLong(first + 1, buckets.start());
        query.setLong(first + 2, buckets.end());
    }
}
