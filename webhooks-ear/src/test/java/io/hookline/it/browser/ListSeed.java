package io.hookline.it.browser;

import io.hookline.it.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows for {@link ListPagingBrowserIT}, written over JDBC straight into the test server's embedded H2 (opened in
 * AUTO_SERVER mode, so the server keeps it open meanwhile): thousands of users through the API would cost a
 * password hash each (600,000 PBKDF2 rounds, about half a second of a core). Rows as the application writes
 * them; every name starts with {@link #tag}, unique in the run, so searches find only this test's rows.
 */
final class ListSeed implements AutoCloseable {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    final String tag;
    private final Connection db;
    private final long now = System.currentTimeMillis();

    ListSeed(String tag) throws SQLException {
        this.tag = tag;
        this.db = open();
        db.setAutoCommit(false);
    }

    /** The server's database file: Payara's jdbc/__default, or the H2 data source deploy/wildfly/configure.cli adds. */
    private static Connection open() throws SQLException {
        if (TestServer.isWildFly()) {
            Path file = Path.of(System.getProperty("jboss.home"), "standalone", "data", "hookline");
            return DriverManager.getConnection("jdbc:h2:" + file + ";AUTO_SERVER=TRUE", "sa", "sa");
        }
        Path file = Path.of(
                System.getProperty("payara.home"),
                "glassfish",
                "domains",
                "domain1",
                "lib",
                "databases",
                "embedded_default");
        return DriverManager.getConnection("jdbc:h2:" + file + ";AUTO_SERVER=TRUE", "", "");
    }

    /** A 26-character id of the id alphabet, unique for ({@code kind}, {@code n}) in this run. */
    String id(char kind, int n) {
        StringBuilder id = new StringBuilder().append(kind).append(tag);
        StringBuilder digits = new StringBuilder();
        int v = n;
        do {
            digits.append(ALPHABET.charAt(v % 32));
            v /= 32;
        } while (v > 0);
        String body = digits.reverse().toString();
        while (id.length() + body.length() < 26) {
            id.append('a');
        }
        return id.append(body).toString();
    }

    String userId(String username) throws SQLException {
        return single("SELECT id FROM users WHERE username = ?", username);
    }

    String teamId(String name) throws SQLException {
        return single("SELECT id FROM teams WHERE name = ?", name);
    }

    String channelId(String teamId, String name) throws SQLException {
        return single("SELECT id FROM channels WHERE team_id = ? AND name = ?", teamId, name);
    }

    private String single(String sql, String... params) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setString(i + 1, params[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("nothing for " + sql + " " + List.of(params));
                }
                return rs.getString(1);
            }
        }
    }

    /** Users (username, email), every tenth deactivated; their ids in the same order. */
    List<String> users(List<String[]> users) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO users (id, username, email, password_hash,"
                + " nickname, first_name, last_name, roles, create_at, update_at, delete_at)"
                + " VALUES (?, ?, ?, '', '', '', '', 'system_user', ?, ?, ?)")) {
            int n = 0;
            for (String[] user : users) {
                String id = id('u', n);
                insert.setString(1, id);
                insert.setString(2, user[0]);
                insert.setString(3, user[1]);
                insert.setLong(4, now - n);
                insert.setLong(5, now - n);
                insert.setLong(6, n % 10 == 9 ? now : 0); // every tenth deactivated
                insert.addBatch();
                ids.add(id);
                n++;
            }
            insert.executeBatch();
        }
        db.commit();
        return ids;
    }

    String team(int n, String name, String displayName, String type) throws SQLException {
        String id = id('t', n);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO teams (id, name, display_name, description,"
                + " type, create_at, update_at, delete_at) VALUES (?, ?, ?, '', ?, ?, ?, 0)")) {
            insert.setString(1, id);
            insert.setString(2, name);
            insert.setString(3, displayName);
            insert.setString(4, type);
            insert.setLong(5, now);
            insert.setLong(6, now);
            insert.executeUpdate();
        }
        return id;
    }

    void commit() throws SQLException {
        db.commit();
    }

    String channel(
            int n, String teamId, String type, String name, String displayName, String creatorId, boolean archived)
            throws SQLException {
        String id = id('c', n);
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO channels (id, team_id, type, name, display_name,"
                        + " header, purpose, creator_id, create_at, update_at, delete_at) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, teamId);
            insert.setString(3, type);
            insert.setString(4, name);
            insert.setString(5, displayName);
            insert.setString(6, "Purpose " + n);
            insert.setString(7, creatorId);
            insert.setLong(8, now);
            insert.setLong(9, now);
            insert.setLong(10, archived ? now : 0);
            insert.executeUpdate();
        }
        return id;
    }

    /** Hooks (creator id, channel id, team id, name, age in ms); the n-th gets {@link #hookId} and {@link #consoleKey}. */
    void hooks(int first, List<Object[]> hooks) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO incoming_hooks (id, user_id, channel_id,"
                + " team_id, display_name, description, username, icon_url, channel_locked, create_at, update_at,"
                + " delete_at, console_key, last_used_at) VALUES (?, ?, ?, ?, ?, '', '', '', FALSE, ?, ?, 0, ?, ?)")) {
            int n = first;
            for (Object[] hook : hooks) {
                insert.setString(1, id('h', n));
                insert.setString(2, (String) hook[0]);
                insert.setString(3, (String) hook[1]);
                insert.setString(4, (String) hook[2]);
                insert.setString(5, (String) hook[3]);
                insert.setLong(6, now - (Long) hook[4]);
                insert.setLong(7, now - (Long) hook[4]);
                insert.setString(8, consoleKey(n));
                insert.setLong(9, n % 3 == 0 ? 0 : now - 60_000L * n);
                insert.addBatch();
                n++;
            }
            insert.executeBatch();
        }
        db.commit();
    }

    /** Console keys ([a-z0-9]{1,16}): "k", the tag and the number. */
    String consoleKey(int n) {
        return "k" + tag + String.format("%05d", n);
    }

    String hookId(int n) {
        return id('h', n);
    }

    /** Audit entries: (user id, action, minutes ago). */
    void audits(List<Object[]> audits) throws SQLException {
        try (PreparedStatement insert =
                db.prepareStatement("INSERT INTO audits (id, create_at, user_id, action, target,"
                        + " details, ip_address) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Object[] audit : audits) {
                insert.setString(1, id('a', n));
                insert.setLong(2, (Long) audit[2]);
                insert.setString(3, (String) audit[0]);
                insert.setString(4, (String) audit[1]);
                insert.setString(5, "abcd…");
                insert.setString(6, "seeded entry " + n);
                insert.setString(7, "10.0." + (n % 200) + "." + (n % 250));
                insert.addBatch();
                if (++n % 2000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        db.commit();
    }

    /** Delivery log rows of a hook, oldest first; status 200 or 400 alternating in threes. */
    void deliveries(String hookId, String channelId, int count) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO hook_deliveries (hook_id, create_at,"
                + " status_code, error_id, remote_address, size_bytes, duration_ms, channel_id, post_ids,"
                + " post_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', 0)")) {
            for (int n = 0; n < count; n++) {
                boolean ok = (n / 3) % 2 == 0;
                insert.setString(1, hookId);
                insert.setLong(2, now - (count - n) * 1000L);
                insert.setInt(3, ok ? 200 : 400);
                insert.setString(4, ok ? "" : "web.incoming_webhook.text.app_error");
                insert.setString(5, "127.0.0." + (n % 7 + 1));
                insert.setLong(6, 100 + n);
                insert.setLong(7, n % 13);
                insert.setString(8, channelId);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        db.commit();
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
