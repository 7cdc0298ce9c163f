package io.hookline.it.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The PostgreSQL schema both cluster nodes use (failsafe's pg.url, pg.user, pg.password, pg.schema), read directly:
 * what the nodes wrote, whichever of them wrote it.
 */
public final class ClusterDatabase {

    private ClusterDatabase() {}

    public static Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(
                System.getProperty("pg.url"), System.getProperty("pg.user"), System.getProperty("pg.password"));
        connection.setSchema(System.getProperty("pg.schema"));
        return connection;
    }

    /** The one number a {@code SELECT count(*) …} answers, with {@code parameters} bound in order. */
    public static long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
