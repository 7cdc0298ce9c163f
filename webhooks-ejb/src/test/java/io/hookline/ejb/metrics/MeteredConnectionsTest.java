package io.hookline.ejb.metrics;

import static io.hookline.ejb.metrics.MeteredConnections.User.CLUSTER;
import static io.hookline.ejb.metrics.MeteredConnections.User.HEALTH;
import static io.hookline.ejb.metrics.MeteredConnections.User.MIGRATIONS;
import static io.hookline.ejb.metrics.MeteredConnections.User.POST_WRITER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeteredConnectionsTest {

    /** Maven runs the tests with the module as the working directory. */
    private static final Path SOURCES = Path.of("src/main/java");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MeteredConnections connections = new MeteredConnections();
    private JdbcDataSource database;

    @BeforeEach
    void setUp() {
        connections.bindTo(registry);
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:metered;DB_CLOSE_DELAY=-1");
    }

    private static double inUse(MeterRegistry registry, MeteredConnections.User user) {
        return registry.get(MeteredConnections.IN_USE)
                .tag("user", user.label())
                .gauge()
                .value();
    }

    private long acquires() {
        return registry.get(MeteredConnections.ACQUIRE).timer().count();
    }

    @Test
    void inUseRisesWhileHeldAndFallsOnClose() throws SQLException {
        Connection first = connections.connection(database, POST_WRITER);
        Connection second = connections.connection(database, POST_WRITER);
        assertEquals(2, connections.inUse(POST_WRITER));
        assertEquals(2.0, inUse(registry, POST_WRITER));
        assertEquals(0.0, inUse(registry, HEALTH), "another user's count does not move");

        first.close();
        assertEquals(1.0, inUse(registry, POST_WRITER));
        first.close();
        assertEquals(1.0, inUse(registry, POST_WRITER), "a second close counts down nothing");
        second.close();
        assertEquals(0.0, inUse(registry, POST_WRITER));
        assertEquals(2, acquires());
        assertEquals(0, connections.failures(POST_WRITER));
    }

    @Test
    void fallsOnCloseEvenWhenTheWorkThrows() {
        assertThrows(SQLException.class, () -> {
            try (Connection connection = connections.connection(database, CLUSTER);
                    Statement statement = connection.createStatement()) {
                assertEquals(1, connections.inUse(CLUSTER));
                statement.execute("SELECT * FROM no_such_table");
            }
        });
        assertEquals(0, connections.inUse(CLUSTER));
        assertThrows(IllegalStateException.class, () -> {
            try (Connection connection = connections.connection(database, CLUSTER)) {
                assertEquals(1, connections.inUse(CLUSTER));
                throw new IllegalStateException("the work failed");
            }
        });
        assertEquals(0, connections.inUse(CLUSTER));
    }

    @Test
    void fallsOnCloseEvenWhenThePoolsCloseThrows() throws SQLException {
        Connection failing = (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        throw new SQLException("close failed");
                    }
                    return null;
                });
        Connection connection = connections.connection(pool(failing), HEALTH);
        assertEquals(1, connections.inUse(HEALTH));
        assertThrows(SQLException.class, connection::close);
        assertEquals(0, connections.inUse(HEALTH));
    }

    @Test
    void aFailedAcquireIsCountedTimedAndHoldsNothing() {
        DataSource exhausted = pool(null);
        SQLException thrown = assertThrows(SQLException.class, () -> connections.connection(exhausted, POST_WRITER));
        assertEquals("pool exhausted", thrown.getMessage(), "the pool's own exception, not a wrapped one");
        assertEquals(0, connections.inUse(POST_WRITER));
        assertEquals(1, connections.failures(POST_WRITER));
        assertEquals(
                1.0,
                registry.get(MeteredConnections.ACQUIRE_FAILURES)
                        .tag("user", "post_writer")
                        .functionCounter()
                        .count());
        assertEquals(
                0.0,
                registry.get(MeteredConnections.ACQUIRE_FAILURES)
                        .tag("user", "health")
                        .functionCounter()
                        .count());
        assertEquals(1, acquires(), "a failed attempt is timed too: a saturated pool's timeouts show");
    }

    @Test
    void aCountedDataSourceCountsForItsUser() throws SQLException {
        DataSource counted = new CountedDataSource(database, MIGRATIONS, connections);
        try (Connection connection = counted.getConnection()) {
            assertEquals(1, connections.inUse(MIGRATIONS));
            assertTrue(connection.isValid(1));
            assertSame(connection.unwrap(org.h2.jdbc.JdbcConnection.class), connection.unwrap(Connection.class));
        }
        assertEquals(0, connections.inUse(MIGRATIONS));
        assertEquals(1, acquires());
    }

    @Test
    void countsBeforeItIsBoundCarryOver() throws SQLException {
        MeteredConnections unbound = new MeteredConnections();
        Connection held = unbound.connection(database, POST_WRITER);
        PrometheusMeterRegistry later = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        unbound.bindTo(later);
        assertEquals(1.0, inUse(later, POST_WRITER));
        assertEquals(0, later.get(MeteredConnections.ACQUIRE).timer().count(), "not timed before binding");
        held.close();
        assertEquals(0.0, inUse(later, POST_WRITER));
    }

    @Test
    void theScrapeHasEveryUsersSeriesAndTheHistogramsBuckets() throws SQLException {
        connections.connection(database, POST_WRITER).close();
        String scrape = registry.scrape();
        for (MeteredConnections.User user : MeteredConnections.User.values()) {
            assertTrue(
                    scrape.contains("hookline_db_connections_in_use{user=\"" + user.label() + "\"} 0.0"),
                    user + " in " + scrape);
            assertTrue(
                    scrape.contains("hookline_db_connection_acquire_failures_total{user=\"" + user.label() + "\"} 0.0"),
                    user + " in " + scrape);
        }
        for (String bucket : new String[] {"1.0E-4", "0.001", "2.5", "30.0", "+Inf"}) {
            assertTrue(
                    scrape.contains("hookline_db_connection_acquire_seconds_bucket{le=\"" + bucket + "\"}"),
                    bucket + " in " + scrape);
        }
        assertTrue(scrape.contains("hookline_db_connection_acquire_seconds_count 1"), scrape);
        assertTrue(scrape.contains("# HELP hookline_db_connections_in_use") && scrape.contains("JPA/EclipseLink"));
        assertEquals(
                1,
                registry.get(MeteredConnections.ACQUIRE).timer().totalTime(TimeUnit.NANOSECONDS) > 0 ? 1 : 0,
                "the acquire took some time");
    }

    @Test
    void hooklineTakesEveryConnectionThroughMeteredConnections() throws IOException {
        List<String> takers = new ArrayList<>();
        int users = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (text.contains(".getConnection(") && !file.startsWith(SOURCES.resolve("io/hookline/ejb/metrics"))) {
                    takers.add(file.toString());
                }
                if (text.contains("MeteredConnections.open(") || text.contains("MeteredConnections.counted(")) {
                    users++;
                }
            }
        }
        assertEquals(List.of(), takers, "connections taken around MeteredConnections (not counted)");
        assertTrue(users >= MeteredConnections.User.values().length, "components that take connections: " + users);
    }

    /** A pool that hands out {@code connection}, or, when null, fails as an exhausted pool does. */
    private static DataSource pool(Connection connection) {
        return (DataSource) Proxy.newProxyInstance(
                MeteredConnectionsTest.class.getClassLoader(), new Class<?>[] {DataSource.class}, (p, method, a) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (connection == null) {
                        throw new SQLTransientConnectionException("pool exhausted");
                    }
                    return connection;
                });
    }
}
