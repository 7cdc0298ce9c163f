package io.hookline.ejb.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates {@code idempotency_keys} in a test database from the V12 migration itself, so the tests run its DDL. */
public final class KeyTable {

    static final String MIGRATION = "/db/migration/V12__idempotency_keys.sql";

    private KeyTable() {}

    public static void create(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String statement : statements()) {
                // The settings column belongs to system_settings, which these tests do not have.
                if (!statement.contains("system_settings")) {
                    s.execute(statement);
                }
            }
        }
    }

    private static String[] statements() {
        try (InputStream in = KeyTable.class.getResourceAsStream(MIGRATION)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return java.util.Arrays.stream(sql.split(";"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
