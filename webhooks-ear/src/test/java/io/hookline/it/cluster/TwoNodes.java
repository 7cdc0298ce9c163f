package io.hookline.it.cluster;

import io.hookline.it.HooklineClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The two Hookline servers of {@code mvn verify -Pcluster} as the tests reach them: directly, node by node, as a
 * load balancer would. Their addresses and the shared database come from the profile (failsafe's system
 * properties).
 */
final class TwoNodes {

    /** What issue 17 promises: a change committed on one node is in force on the other within a second. */
    static final Duration COHERENCE_BOUND = Duration.ofSeconds(1);

    private TwoNodes() {
    }

    static String a() {
        return System.getProperty("hookline.cluster.a.url", "http://localhost:8080/");
    }

    static String b() {
        return System.getProperty("hookline.cluster.b.url", "http://localhost:8081/");
    }

    static HooklineClient adminOn(String node) {
        return new HooklineClient(node).loginAsAdmin();
    }

    static HooklineClient anonymousOn(String node) {
        return new HooklineClient(node);
    }

    /** The database both nodes share, in their schema: the truth the answers are compared with. */
    static Connection database() throws SQLException {
        Connection connection = DriverManager.getConnection(System.getProperty("pg.url", "jdbc:postgresql://127.0.0.1:5432/test"),
                System.getProperty("pg.user", "postgres"), System.getProperty("pg.password", "postgres"));
        connection.setSchema(System.getProperty("pg.schema", "hookline_it_cluster"));
        return connection;
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
