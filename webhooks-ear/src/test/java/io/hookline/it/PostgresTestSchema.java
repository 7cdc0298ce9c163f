package io.hookline.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Drops and recreates the PostgreSQL schema the {@code postgres} profile's server uses, before the
 * server starts, so every run begins on an empty database exactly as a first installation does.
 * Arguments: JDBC URL, user, password (may be empty), schema.
 */
public final class PostgresTestSchema {

    private PostgresTestSchema() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args.length > 2 ? args[2] : "";
        String schema = args.length > 3 ? args[3] : "hookline_it";
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Refusing unusual schema name: " + schema);
        }
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        }
        System.out.println("PostgreSQL schema " + schema + " reset at " + url);
    }
}
