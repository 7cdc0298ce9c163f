package io.hookline.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.HooklineClient;
import io.hookline.it.Poll;
import io.hookline.it.cluster.ClusterNodes.Node;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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
            List<Integer> members = Poll.until(Duration.ofSeconds(60), () -> sorted(ClusterNodes.gridMembers(node)),
                    both::equals, seen -> node + "'s grid has the members on ports " + seen + ", not " + both);
            assertEquals(both, members);
            // Payara's own account of the grid, in the node's log: the cluster's name and two members.
            String log = ClusterNodes.serverLog(node);
            assertTrue(log.contains("DG Name: " + ClusterNodes.gridName() + " DG Size: 2"),
                    node + "'s server.log never reports the grid " + ClusterNodes.gridName() + " with 2 members");
        }
    }

    @Test
    void twoNodesStartingAtOnceOnAnEmptyDatabaseSetItUpOnce() throws SQLException {
        assertEquals(1, ClusterDatabase.count("SELECT count(*) FROM users WHERE ' ' || roles || ' ' LIKE ?",
                "% system_admin %"), "system admins");
        assertEquals(1, ClusterDatabase.count("SELECT count(*) FROM users WHERE username = ? AND ' ' || roles || ' ' "
                + "LIKE '% system_admin %'", HooklineClient.adminUsername()), "the bootstrap admin");
        assertEquals(1, ClusterDatabase.count("SELECT count(*) FROM teams WHERE name = 'main'"), "teams named main");
        for (String channel : List.of("town-square", "off-topic")) {
            assertEquals(1, ClusterDatabase.count("SELECT count(*) FROM channels c JOIN teams t ON c.team_id = t.id "
                    + "WHERE t.name = 'main' AND c.name = ?", channel), channel + " channels in main");
        }
        assertFlywayRanEachMigrationOnce();
    }

    /** Flyway's history: every version exactly once, all successful, none missing between 1 and the newest. */
    private static void assertFlywayRanEachMigrationOnce() throws SQLException {
        List<String> duplicatesOrFailures = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        try (Connection connection = ClusterDatabase.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, count(*), bool_and(success) "
                     + "FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version")) {
            while (rows.next()) {
                versions.add(Integer.parseInt(rows.getString(1)));
                if (rows.getLong(2) != 1 || !rows.getBoolean(3)) {
                    duplicatesOrFailures.add("V" + rows.getString(1) + " applied " + rows.getLong(2)
                            + " time(s), all successful: " + rows.getBoolean(3));
                }
            }
        }
        assertEquals(List.of(), duplicatesOrFailures);
        List<Integer> sorted = sorted(versions);
        assertTrue(!sorted.isEmpty(), "no migration in flyway_schema_history");
        assertEquals(IntStream.rangeClosed(1, sorted.get(sorted.size() - 1)).boxed().toList(), sorted,
                "migrations in flyway_schema_history");
        assertEquals(0, ClusterDatabase.count("SELECT count(*) FROM flyway_schema_history WHERE NOT success"),
                "failed rows in flyway_schema_history");
    }

    private static List<Integer> sorted(List<Integer> values) {
        return values.stream().sorted().toList();
    }
}
