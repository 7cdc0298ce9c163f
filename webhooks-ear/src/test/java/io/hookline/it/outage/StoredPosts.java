package io.hookline.it.outage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads what PostgreSQL holds, bypassing Hookline: the truth a test compares the HTTP answers with. */
public final class StoredPosts {

    private StoredPosts() {}

    /** The channel's post messages, oldest first. */
    static List<String> messages(PostgresControl postgres, String channelId) throws SQLException {
        try (Connection connection = postgres.connect()) {
            return messages(connection, channelId);
        }
    }

    /** The channel's post messages, oldest first, read through {@code connection} (left open). */
    public static List<String> messages(Connection connection, String channelId) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT message FROM posts WHERE channel_id = ? ORDER BY create_at, id")) {
            query.setString(1, channelId);
            List<String> messages = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    messages.add(rows.getString(1));
                }
            }
            return messages;
        }
    }

    /** When the PostgreSQL server last started: a restart changes it. */
    static String serverStart(PostgresControl postgres) throws SQLException {
        try (Connection connection = postgres.connect();
                PreparedStatement query = connection.prepareStatement("SELECT pg_postmaster_start_time()::text");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }
}
