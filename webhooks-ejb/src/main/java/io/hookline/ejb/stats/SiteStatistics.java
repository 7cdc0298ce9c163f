package io.hookline.ejb.stats;

import static io.hookline.ejb.metrics.MeteredConnections.User.STATISTICS;

import io.hookline.api.auth.Caller;
import io.hookline.ejb.common.Errors;
import io.hookline.ejb.metrics.MeteredConnections;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The numbers behind the console's charts (issue 20), counted by the database from what Hookline already stores:
 * the posts, and the delivery log. Read-only and outside any transaction: each query sees what was committed when
 * it ran.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SiteStatistics {

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    /** System Console → Site statistics over {@code window}, up to now; system admins only. */
    public SiteStats site(Caller caller, StatsWindow window) {
        if (!caller.systemAdmin()) {
            throw Errors.forbidden();
        }
        TimeBuckets buckets = window.endingAt(System.currentTimeMillis());
        try (Connection db = MeteredConnections.open(dataSource, STATISTICS)) {
            Series[] posts = StatsQueries.postsPerBucket(db, buckets);
            List<Series> refusals = StatsQueries.refusalsPerBucket(db, buckets);
            return new SiteStats(
                    window,
                    buckets,
                    posts[0],
                    posts[1],
                    refusals,
                    StatsQueries.busiestHooks(db, buckets.start(), buckets.end()),
                    StatsQueries.failingHooks(db, buckets.start(), buckets.end()));
        } catch (SQLException e) {
            throw new StatisticsUnavailable("Site statistics could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * One hook's deliveries, ok and refused, over {@code window} up to now. No access check here: callers
     * ({@code HookAdmin.deliveryStats}) check that the caller may see the hook first.
     */
    public HookDeliveryStats hookDeliveries(String hookId, StatsWindow window) {
        TimeBuckets buckets = window.endingAt(System.currentTimeMillis());
        try (Connection db = MeteredConnections.open(dataSource, STATISTICS)) {
            return StatsQueries.hookDeliveries(db, hookId, buckets);
        } catch (SQLException e) {
            throw new StatisticsUnavailable("Hook delivery statistics could not be read: " + e.getMessage(), e);
        }
    }
}
