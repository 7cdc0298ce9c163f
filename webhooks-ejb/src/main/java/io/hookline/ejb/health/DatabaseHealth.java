package io.hookline.ejb.health;

import static io.hookline.ejb.metrics.MeteredConnections.User.HEALTH;

import io.hookline.ejb.metrics.MeteredConnections;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Is the database answering? Asked by {@code GET /api/v4/system/ping} and by the error mapper when a
 * request failed in the persistence layer for a reason that does not say "connection" by itself.
 * One reading stands for {@link #RECHECK_MILLIS}: during an outage every failing request asks, and a
 * thousand requests a second must not become a thousand connection attempts a second.
 * Not an EJB on purpose: the check must not join (or need) a transaction.
 */
@ApplicationScoped
public class DatabaseHealth {

    /** How long one reading is reused. Short against the 10 s recovery Hookline promises. */
    public static final long RECHECK_MILLIS = 1_000;

    /** How long a check waits for the database to answer on a connection it got. */
    public static final int VALID_TIMEOUT_SECONDS = 2;

    private static final Logger LOG = Logger.getLogger(DatabaseHealth.class.getName());

    /** The data source the persistence unit uses (persistence.xml), so the check sees what requests see. */
    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    private final Object probing = new Object();

    private volatile Reading last = Reading.NEVER;

    /** True when the database answered a validity check within the last {@link #RECHECK_MILLIS}. */
    public boolean isUp() {
        Reading reading = last;
        if (reading.isFresh(System.currentTimeMillis())) {
            return reading.up();
        }
        // One caller probes; the others wait for its answer rather than each opening a connection.
        synchronized (probing) {
            reading = last;
            if (!reading.isFresh(System.currentTimeMillis())) {
                reading = new Reading(probe(), System.currentTimeMillis());
                last = reading;
            }
            return reading.up();
        }
    }

    /**
     * A request just failed to reach the database: that is a fresher reading than any check, so the
     * ping says so at once instead of repeating an "up" of up to {@link #RECHECK_MILLIS} ago.
     */
    public void markUnreachable() {
        last = new Reading(false, System.currentTimeMillis());
    }

    private boolean probe() {
        try (Connection connection = MeteredConnections.open(dataSource, HEALTH)) {
            return connection.isValid(VALID_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Database check failed", e);
            return false;
        }
    }

    private record Reading(boolean up, long checkedAt) {

        static final Reading NEVER = new Reading(false, Long.MIN_VALUE / 2);

        boolean isFresh(long now) {
            return now - checkedAt < RECHECK_MILLIS;
        }
    }
}
