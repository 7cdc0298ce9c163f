package io.hookline.ejb.cluster;

import static io.hookline.ejb.metrics.MeteredConnections.User.CLUSTER;

import io.hookline.ejb.config.DeploymentConfig;
import io.hookline.ejb.lookup.LookupVersion;
import io.hookline.ejb.metrics.MeteredConnections;
import io.hookline.ejb.settings.SettingsService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps this server's caches coherent with every other server on the same database. The database counts
 * committed changes to what servers cache in one row ({@code cluster_changes}, moved by triggers inside the
 * writing transaction on PostgreSQL); this bean reads it every {@value #POLL_MILLIS} milliseconds and, when
 * it moved, drops every cached look-up ({@link LookupVersion}) and reloads the settings. A change committed
 * on any server is therefore in force here within one poll interval plus one query.
 *
 * <p>While the row cannot be read (database or network down, this server cut off), every poll drops the
 * cached look-ups again, so nothing cached outlives one interval unchecked, and the row is tried once a second
 * ({@link SeenVersion#RETRY_MILLIS}); the first successful read afterwards reloads the settings whatever the
 * version says. A server that starts (or restarts) begins
 * with empty caches and the current settings, so it has no missed changes to catch up on.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrator", "SettingsService"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterChanges {

    /** Deployment setting: how often the shared change count is read, in milliseconds. */
    public static final String POLL_MILLIS = "HOOKLINE_CLUSTER_POLL_MILLIS";

    public static final int DEFAULT_POLL_MILLIS = 100;
    public static final int MIN_POLL_MILLIS = 20;
    public static final int MAX_POLL_MILLIS = 5_000;

    static final String READ = "SELECT version FROM cluster_changes WHERE id = 1";

    private static final Logger LOG = Logger.getLogger(ClusterChanges.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private SettingsService settings;

    private final SeenVersion seen = new SeenVersion();
    private ScheduledFuture<?> polling;

    @PostConstruct
    void start() {
        int interval = DeploymentConfig.integer(POLL_MILLIS, DEFAULT_POLL_MILLIS, MIN_POLL_MILLIS, MAX_POLL_MILLIS);
        seen.accept(readVersion());
        polling = scheduler.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Hookline reads the shared change count every " + interval + " ms (" + POLL_MILLIS + ")");
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    /** One read of the shared count; never throws (a scheduled task that throws is never run again). */
    void poll() {
        long now = System.currentTimeMillis();
        if (!seen.readDue(now)) {
            LookupVersion.changed();
            return;
        }
        try {
            long version = readVersion();
            switch (seen.accept(version)) {
                case UNCHANGED -> {}
                case CHANGED -> refresh();
                case RECOVERED -> {
                    refresh();
                    LOG.info("Hookline reads the shared change count again; caches and settings reloaded");
                }
            }
        } catch (RuntimeException failed) {
            // Unchecked caches must not outlive an interval: drop them now and again at every failed poll.
            LookupVersion.changed();
            if (seen.lost(now)) {
                LOG.log(
                        Level.WARNING,
                        "Hookline cannot read the shared change count; cached look-ups are "
                                + "dropped every poll until it can",
                        failed);
            }
        }
    }

    private void refresh() {
        LookupVersion.changed();
        settings.reload();
    }

    private long readVersion() {
        try (Connection connection = MeteredConnections.open(dataSource, CLUSTER);
                PreparedStatement read = connection.prepareStatement(READ);
                ResultSet row = read.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("cluster_changes has no row 1 (schema not migrated?)");
            }
            return row.getLong(1);
        } catch (SQLException unreadable) {
            throw new IllegalStateException("Cannot read cluster_changes", unreadable);
        }
    }
}
