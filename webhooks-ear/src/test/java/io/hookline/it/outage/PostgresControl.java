package io.hookline.it.outage;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops, starts and restarts the PostgreSQL server the test Payara uses, and reads its tables directly.
 * The commands are system properties ({@code pg.stop.command}, {@code pg.start.command},
 * {@code pg.restart.command}, words split on spaces); by default Debian's {@code pg_ctlcluster} on the
 * one cluster under {@code /etc/postgresql} (CI runs as root; pg_ctlcluster switches to the cluster's owner).
 */
final class PostgresControl {

    /** Longest a stop, start or restart may take before the test gives up. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final String url = System.getProperty("pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private final String user = System.getProperty("pg.user", "postgres");
    private final String password = System.getProperty("pg.password", "postgres");
    final String schema = System.getProperty("pg.schema", "hookline_it");

    void stop() {
        run(command("pg.stop.command", "stop"));
    }

    void start() {
        run(command("pg.start.command", "start"));
    }

    /** A restart in pg_ctlcluster's default fast mode: open transactions are rolled back and every client connection is cut. */
    void restart() {
        run(command("pg.restart.command", "restart"));
    }

    /** True when a new connection succeeds now. */
    boolean accepting() {
        try (Connection ignored = connect()) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        connection.setSchema(schema);
        return connection;
    }

    private static List<String> command(String property, String... action) {
        String configured = System.getProperty(property, "");
        if (!configured.isBlank()) {
            return Arrays.asList(configured.trim().split("\\s+"));
        }
        String[] versions = new File("/etc/postgresql").list();
        if (versions == null || versions.length != 1) {
            throw new IllegalStateException("Set -D" + property + ": no single cluster under /etc/postgresql ("
                    + (versions == null ? "none" : String.join(", ", versions)) + ")");
        }
        List<String> words =
                new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", versions[0], "main"));
        words.addAll(List.of(action));
        return words;
    }

    private static void run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + COMMAND_TIMEOUT);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (" + process.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command + " interrupted", e);
        }
    }
}
