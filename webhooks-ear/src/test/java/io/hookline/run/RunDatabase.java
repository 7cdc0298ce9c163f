package io.hookline.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database a run profile puts Hookline on: the server's embedded H2 file unless any {@code -Dpg.*} is on
 * the command line, then PostgreSQL with the same property names (and defaults) as the {@code postgres}
 * integration-test profile, but in the schema {@code hookline}, which is created when missing and never
 * emptied (the tests' schema is dropped every run).
 *
 * <p>Whether a property was <em>given</em> cannot be told from the pom's values (they all have defaults), so
 * this looks at the Maven JVM's system properties, where Maven puts every {@code -D} of its command line; the
 * start classes run inside that JVM ({@code exec:java}).
 */
record RunDatabase(
        boolean postgres, String host, String port, String database, String user, String password, String schema) {

    static final List<String> PROPERTIES =
            List.of("pg.host", "pg.port", "pg.database", "pg.user", "pg.password", "pg.schema");

    static RunDatabase fromCommandLine(RunArgs args) {
        boolean postgres = PROPERTIES.stream().anyMatch(name -> System.getProperty(name) != null);
        RunDatabase database = new RunDatabase(
                postgres,
                args.get("pg.host"),
                args.get("pg.port"),
                args.get("pg.database"),
                args.get("pg.user"),
                args.get("pg.password"),
                args.get("pg.schema"));
        if (postgres && !database.schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Refusing unusual schema name: " + database.schema);
        }
        return database;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** What the server was configured with, to notice a later run that asks for another database. */
    String identity() {
        return postgres ? jdbcUrl() + "?user=" + user + "&currentSchema=" + schema : "h2";
    }

    String describe(String h2) {
        return postgres ? "PostgreSQL " + jdbcUrl() + ", schema " + schema + ", user " + user : h2;
    }

    /** The schema Hookline's Flyway migrations fill: Flyway needs it to exist as the connection's current schema. */
    void ensureSchema() throws SQLException {
        if (!postgres) {
            return;
        }
        try {
            // Registers the driver from this class loader: exec:java gives each execution its own, and DriverManager
            // hands a caller only drivers its loader can see (a second execution in one build would find none).
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException("The PostgreSQL driver is not on the test classpath", missing);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
    }

    /**
     * The properties file the setup scripts take (deploy/payara/setup.sh, deploy/wildfly/setup.sh): plain
     * {@code name=value} lines, readable by both a shell loop and jboss-cli, so values with a backslash or a
     * line break are refused rather than escaped. Readable by the owner only: it holds the password.
     */
    void writeProperties(Path file, Path driver) throws IOException {
        StringBuilder text = new StringBuilder("# Written by the run profile: Hookline's PostgreSQL settings\n");
        String[][] entries = {
            {"pg.host", host},
            {"pg.port", port},
            {"pg.database", database},
            {"pg.schema", schema},
            {"pg.user", user},
            {"pg.password", password},
            {"pg.driver", driver.toString()}
        };
        for (String[] entry : entries) {
            if (entry[1].contains("\\") || entry[1].contains("\n") || entry[1].contains("\r")) {
                throw new IllegalArgumentException(entry[0] + " must not contain a backslash or a line break");
            }
            text.append(entry[0]).append('=').append(entry[1]).append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file system's own permissions apply
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
