package io.hookline.ejb.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * The one place Hookline's own JDBC code takes connections from the container's pool, so {@code GET /metrics} can
 * show the pool's use that neither Jakarta EE nor MicroProfile exposes portably: the connections Hookline holds now
 * (by {@link User}), how long taking one took and how often it failed. A component writes
 * {@code MeteredConnections.open(dataSource, User.POST_WRITER)} where it wrote {@code dataSource.getConnection()}.
 * <p>
 * Not counted: the connections JPA (EclipseLink) takes for the entity managers; the server's own pool statistics
 * show those (see README "Metrics"). Cost per connection: one {@code nanoTime} pair, one timer record, one atomic
 * increment and decrement, and one small wrapper (the container allocates its own handle per connection anyway).
 * <p>
 * The application's counters live in {@link #shared()}: counting starts with the first connection, and
 * {@link HooklineMeters} binds them to its registry when it is made. Tests make their own instance.
 */
public final class MeteredConnections {

    /** Who holds a connection: the {@code user} label, a fixed set. */
    public enum User {
        POST_WRITER("post_writer"),
        DELIVERY_LOG("delivery_log"),
        IDEMPOTENCY("idempotency"),
        STATISTICS("statistics"),
        HEALTH("health"),
        CLUSTER("cluster"),
        MIGRATIONS("migrations");

        private final String label;

        User(String label) {
            this.label = label;
        }

        /** The value of the {@code user} label. */
        public String label() {
            return label;
        }
    }

    public static final String IN_USE = "hookline.db.connections.in.use";
    public static final String ACQUIRE = "hookline.db.connection.acquire";
    public static final String ACQUIRE_FAILURES = "hookline.db.connection.acquire.failures";

    /**
     * Taking a connection: tens of microseconds from a pool with an idle one; a new physical connection takes
     * milliseconds; a saturated pool makes callers wait up to its timeout, then fail: 3 s in {@code deploy/}'s
     * PostgreSQL pools (between the 2.5 s and 5 s bounds), the servers' defaults 30 s (WildFly) and 60 s (Payara).
     */
    static final Duration[] ACQUIRE_BUCKETS = {
        Duration.ofNanos(100_000),
        Duration.ofNanos(500_000),
        Duration.ofMillis(1),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2_500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30)
    };

    private static final MeteredConnections SHARED = new MeteredConnections();

    private final AtomicInteger[] inUse = new AtomicInteger[User.values().length];
    private final LongAdder[] failures = new LongAdder[User.values().length];
    /** Null until bound to a registry; then every attempt is timed. */
    private volatile Timer acquire;

    MeteredConnections() {
        for (int i = 0; i < inUse.length; i++) {
            inUse[i] = new AtomicInteger();
            failures[i] = new LongAdder();
        }
    }

    /** The application's counters. */
    public static MeteredConnections shared() {
        return SHARED;
    }

    /** A connection from {@code dataSource}, counted as held by {@code user} until it is closed. */
    public static Connection open(DataSource dataSource, User user) throws SQLException {
        return SHARED.connection(dataSource, user);
    }

    /** {@code dataSource} with every connection counted for {@code user}: for a library that takes a DataSource. */
    public static DataSource counted(DataSource dataSource, User user) {
        return new CountedDataSource(dataSource, user, SHARED);
    }

    /** Registers the meters in {@code registry} (once per registry); the counts so far carry over. */
    public void bindTo(MeterRegistry registry) {
        for (User user : User.values()) {
            Gauge.builder(IN_USE, inUse[user.ordinal()], AtomicInteger::get)
                    .description("Connections Hookline's own JDBC code holds from the container's pool now"
                            + " (JPA/EclipseLink's not counted)")
                    .tag("user", user.label())
                    .strongReference(true)
                    .register(registry);
            FunctionCounter.builder(ACQUIRE_FAILURES, failures[user.ordinal()], LongAdder::sum)
                    .description("Attempts of Hookline's own JDBC code to take a connection from the pool that failed")
                    .tag("user", user.label())
                    .register(registry);
        }
        acquire = Timer.builder(ACQUIRE)
                .description("Time Hookline's own JDBC code waited for a connection from the container's pool, failed"
                        + " attempts included (JPA/EclipseLink's not timed)")
                .serviceLevelObjectives(ACQUIRE_BUCKETS)
                .register(registry);
    }

    Connection connection(DataSource dataSource, User user) throws SQLException {
        return taken(dataSource::getConnection, user);
    }

    Connection connection(DataSource dataSource, User user, String name, String password) throws SQLException {
        return taken(() -> dataSource.getConnection(name, password), user);
    }

    /** One way a data source hands out a connection. */
    private interface Taking {
        Connection take() throws SQLException;
    }

    /** Takes one connection, timed, counted in {@code user}'s "in use" until closed or as a failure. */
    private Connection taken(Taking taking, User user) throws SQLException {
        long start = System.nanoTime();
        Connection connection;
        try {
            connection = taking.take();
        } catch (SQLException | RuntimeException | Error e) {
            failed(start, user);
            throw e;
        }
        timed(start);
        AtomicInteger held = inUse[user.ordinal()];
        held.incrementAndGet();
        return CountedConnection.of(connection, held);
    }

    private void failed(long start, User user) {
        timed(start);
        failures[user.ordinal()].increment();
    }

    private void timed(long start) {
        Timer timer = acquire;
        if (timer != null) {
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** Connections {@code user} holds now. */
    int inUse(User user) {
        return inUse[user.ordinal()].get();
    }

    /** Failed attempts of {@code user} so far. */
    long failures(User user) {
        return failures[user.ordinal()].sum();
    }
}
