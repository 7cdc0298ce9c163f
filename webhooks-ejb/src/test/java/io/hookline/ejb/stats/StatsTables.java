package io.hookline.ejb.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Rows for the statistics tests, written as the application writes them, into a database the real migrations made. */
final class StatsTables {

    static final String USER = "u".repeat(26);
    static final String TEAM = "t".repeat(26);
    static final String CHANNEL = "c".repeat(26);

    private final Connection db;
    private int posts;

    StatsTables(Connection db) throws SQLException {
        this.db = db;
        try (Statement s = db.createStatement()) {
            s.executeUpdate("INSERT INTO teams (id, name, display_name, description, type, create_at, update_at,"
                    + " delete_at) VALUES ('" + TEAM + "', 'main', 'Main', '', 'O', 0, 0, 0)");
            s.executeUpdate("INSERT INTO users (id, username, email, password_hash, nickname, first_name, last_name,"
                    + " roles, create_at, update_at, delete_at) VALUES ('" + USER
                    + "', 'ann', 'ann@example.com', '', '', '', '', 'system_user', 0, 0, 0)");
            s.executeUpdate("INSERT INTO channels (id, team_id, type, name, display_name, header, purpose, creator_id,"
                    + " create_at, update_at, delete_at) VALUES ('" + CHANNEL + "', '" + TEAM
                    + "', 'O', 'town-square', 'Town Square', '', '', '" + USER + "', 0, 0, 0)");
        }
    }

    /** A hook whose id is {@code id} padded to 26 characters, with console key {@code key}. */
    String hook(String id, String key, String name, boolean deleted) throws SQLException {
        String hookId = (id + "h".repeat(26)).substring(0, 26);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO incoming_hooks (id, user_id, channel_id,"
                + " team_id, display_name, description, username, icon_url, channel_locked, create_at, update_at,"
                + " delete_at, console_key) VALUES (?, ?, ?, ?, ?, '', '', '', FALSE, 0, 0, ?, ?)")) {
            insert.setString(1, hookId);
            insert.setString(2, USER);
            insert.setString(3, CHANNEL);
            insert.setString(4, TEAM);
            insert.setString(5, name);
            insert.setLong(6, deleted ? 1 : 0);
            insert.setString(7, key);
            insert.executeUpdate();
        }
        return hookId;
    }

    /** A post at {@code createAt}, made by {@code hookId} (null: not by a hook). */
    void post(long createAt, String hookId) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO posts (id, channel_id, user_id, root_id,"
                + " message, type, props, create_at, update_at, edit_at, delete_at, hook_id)"
                + " VALUES (?, ?, ?, '', 'm', '', '{}', ?, ?, 0, 0, ?)")) {
            insert.setString(1, String.format("p%025d", ++posts));
            insert.setString(2, CHANNEL);
            insert.setString(3, USER);
            insert.setLong(4, createAt);
            insert.setLong(5, createAt);
            insert.setString(6, hookId);
            insert.executeUpdate();
        }
    }

    /** A delivery log row of {@code hookId} at {@code createAt}: ok when {@code errorId} is empty. */
    void delivery(String hookId, long createAt, String errorId) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO hook_deliveries (hook_id, create_at,"
                + " status_code, error_id, remote_address, size_bytes, duration_ms, channel_id, post_ids,"
                + " post_count) VALUES (?, ?, ?, ?, '127.0.0.1', 10, 1, '', '', 0)")) {
            insert.setString(1, hookId);
            insert.setLong(2, createAt);
            insert.setInt(3, errorId.isEmpty() ? 200 : 400);
            insert.setString(4, errorId);
            insert.executeUpdate();
        }
    }
}
