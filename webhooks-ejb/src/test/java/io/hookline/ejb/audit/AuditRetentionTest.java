package io.hookline.ejb.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookline.ejb.config.DeploymentConfig;
import io.hookline.testing.LogCapture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The audit log's bound: the real migrations on an in-memory H2, then {@link AuditRetention#PRUNE_SQL}
 * at, below and past the number of entries it keeps.
 */
class AuditRetentionTest {

    private static final String URL = "jdbc:h2:mem:audit-retention;DB_CLOSE_DELAY=-1";

    /** Flyway reports every migration at INFO (through java.util.logging, with nothing else on the path). */
    @RegisterExtension
    final LogCapture flyway = LogCapture.named("org.flywaydb");

    @RegisterExtension
    final LogCapture log = LogCapture.of(DeploymentConfig.class);

    private Connection db;

    @BeforeEach
    void migrate() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "").cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(URL, "sa", "").load().migrate();
        flyway.expect(Level.INFO, "Successfully applied", null);
        db = DriverManager.getConnection(URL, "sa", "");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private void insert(int count) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO audits (id, create_at, user_id, action, "
                + "target, details, ip_address) VALUES (?, ?, 'u', 'updateConfig', 'settings', '', '')")) {
            for (int i = 1; i <= count; i++) {
                insert.setString(1, "entry" + i);
                insert.setLong(2, 1_000L * i);
                insert.executeUpdate();
            }
        }
    }

    private int prune(int keep) throws SQLException {
        try (PreparedStatement prune = db.prepareStatement(AuditRetention.PRUNE_SQL)) {
            prune.setInt(1, keep);
            return prune.executeUpdate();
        }
    }

    private List<String> remaining() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("SELECT id FROM audits ORDER BY create_at DESC")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    @Test
    void atTheLimitNothingIsDeleted() throws SQLException {
        insert(5);
        assertEquals(0, prune(5));
        assertEquals(0, prune(6));
        assertEquals(5, remaining().size());
    }

    @Test
    void pastTheLimitTheOldestGo() throws SQLException {
        insert(6);
        assertEquals(1, prune(5));
        assertEquals(List.of("entry6", "entry5", "entry4", "entry3", "entry2"), remaining());
        assertEquals(4, prune(1));
        assertEquals(List.of("entry6"), remaining());
    }

    @Test
    void anEmptyLogStaysEmpty() throws SQLException {
        assertEquals(0, prune(1));
        assertEquals(List.of(), remaining());
    }

    @Test
    void entriesOfTheSameMillisecondAsTheLastKeptOneStay() throws SQLException {
        insert(3);
        try (Statement same = db.createStatement()) {
            same.executeUpdate("UPDATE audits SET create_at = 2000 WHERE id = 'entry1'");
        }
        assertEquals(0, prune(2));
        assertEquals(3, remaining().size());
    }

    @Test
    void theRetentionComesFromTheSettingOrTheDefault() {
        assertEquals(AuditRetention.DEFAULT_RETENTION, AuditRetention.retention(Optional.empty()));
        assertEquals(AuditRetention.MIN_RETENTION, AuditRetention.retention(Optional.of("1")));
        assertEquals(250, AuditRetention.retention(Optional.of(" 250 ")));
        assertEquals(AuditRetention.DEFAULT_RETENTION, AuditRetention.retention(Optional.of("0")));
        assertEquals(AuditRetention.DEFAULT_RETENTION, AuditRetention.retention(Optional.of("-5")));
        assertEquals(AuditRetention.DEFAULT_RETENTION, AuditRetention.retention(Optional.of("many")));
        assertEquals(AuditRetention.DEFAULT_RETENTION, AuditRetention.retention(Optional.of("99999999999")));
        log.expectExactly(
                4,
                Level.WARNING,
                AuditRetention.RETENTION_SETTING + " must be a whole number from " + AuditRetention.MIN_RETENTION
                        + " to " + Integer.MAX_VALUE + "; using " + AuditRetention.DEFAULT_RETENTION);
    }
}
