package io.hookline.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.HooklineClient;
import io.hookline.it.Poll;
import io.hookline.it.cluster.ClusterNodes.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The cluster as {@code mvn verify -Pcluster} starts it: two Payara domains deployed with the same EAR at the
 * same time, on one freshly emptied PostgreSQL schema. Both must come up, form one data grid, and between them
 * migrate the schema and run the first-start setup exactly once, however their starts interleave.
 */
class ClusterStartIT {

    @Test
    void bothNodesAnswerThePing() {
        for (Node node : Node.values()) {
            assertEquals(200, ClusterNodes.ping(node), node + " at " + node.url());
        }
    }

    @Test
    void theDataGridsOfBothNodesAreOneGridOfTwoMembers() {
        List<Integer> both = List.of(Node.A.gridPort(), Node.B.gridPort());
        for (Node node : Node.values()) {
            // Members join within seconds of the second start; asadmin answers what the grid has now.
            List<Integer> members = Poll.until(
                    Duration.ofSeconds(60),
                    () -> sorted(ClusterNodes.gridMembers(node)),
                    both::equals,
                    seen -> node + "'s grid has the members on ports " + seen + ", not " + both);
            assertEquals(both, members);
            // Payara's own account of the grid, in the node's log: the cluster's name and two members.
            String log = ClusterNodes.serverLog(node);
            assertTrue(
                    log.contains("DG Name: " + ClusterNodes.gridName() + " DG Size: 2"),
                    node + "'s server.log never reports the grid " + ClusterNodes.gridName() + " with 2 members");
        }
    }

    @Test
    void twoNodesStartingAtOnceOnAnEmptyDatabaseSetItUpOnce() throws SQLException, IOException {
        assertEquals(
                1,
                ClusterDatabase.count(
                        "SELECT count(*) FROM users WHERE ' ' || roles || ' ' LIKE ?", "% system_admin %"),
                "system admins");
        assertEquals(
                1,
                ClusterDatabase.count(
                        "SELECT count(*) FROM users WHERE username = ? AND ' ' || roles || ' ' "
                                + "LIKE '% system_admin %'",
                        HooklineClient.adminUsername()),
                "the bootstrap admin");
        assertEquals(1, ClusterDatabase.count("SELECT count(*) FROM teams WHERE name = 'main'"), "teams named main");
        for (String channel : List.of("town-square", "off-topic")) {
            assertEquals(
                    1,
                    ClusterDatabase.count(
                            "SELECT count(*) FROM channels c JOIN teams t ON c.team_id = t.id "
                                    + "WHERE t.name = 'main' AND c.name = ?",
                            channel),
                    channel + " channels in main");
        }
        assertFlywayRanEachMigrationOnce();
    }

    /** Flyway's history: every migration the EAR ships exactly once, all successful, nothing else. */
    private static void assertFlywayRanEachMigrationOnce() throws SQLException, IOException {
        Map<String, Long> applied = new TreeMap<>();
        List<String> failed = new ArrayList<>();
        try (Connection connection = ClusterDatabase.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT version, success FROM flyway_schema_history " + "WHERE version IS NOT NULL")) {
            while (rows.next()) {
                applied.merge(rows.getString(1), 1L, Long::sum);
                if (!rows.getBoolean(2)) {
                    failed.add(rows.getString(1));
                }
            }
        }
        Map<String, Long> once = new TreeMap<>();
        migrationVersionsInTheEar().forEach(version -> once.put(version, 1L));
        assertTrue(!once.isEmpty(), "no migration found in the EAR");
        assertEquals(once, applied, "times each version is in flyway_schema_history");
        assertEquals(List.of(), failed, "versions that failed");
    }

    /**
     * The versions of the migrations in the deployed EAR's EJB module (db/migration, and PostgreSQL's own in
     * db/postgresql), as Flyway writes them: {@code V10_1__x.sql} is version 10.1.
     */
    private static List<String> migrationVersionsInTheEar() throws IOException {
        Pattern migration = Pattern.compile("db/(migration|postgresql)/V(\\d+(?:[._]\\d+)*)__[^/]+\\.sql");
        List<String> versions = new ArrayList<>();
        try (ZipInputStream ear =
                new ZipInputStream(Files.newInputStream(Path.of(System.getProperty("hookline.ear"))))) {
            for (ZipEntry module; (module = ear.getNextEntry()) != null; ) {
                if (!module.getName().equals("webhooks-ejb.jar")) {
                    continue;
                }
                ZipInputStream ejb = new ZipInputStream(ear);
                for (ZipEntry entry; (entry = ejb.getNextEntry()) != null; ) {
                    Matcher matcher = migration.matcher(entry.getName());
                    if (matcher.matches()) {
                        versions.add(matcher.group(2).replace('_', '.'));
                    }
                }
            }
        }
        return versions;
    }

    private static List<Integer> sorted(List<Integer> values) {
        return values.stream().sorted().toList();
    }
}
