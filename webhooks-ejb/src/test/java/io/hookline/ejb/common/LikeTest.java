package io.hookline.ejb.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Search text as a LIKE pattern: wildcards typed by a user are taken literally, in the pattern and in a database. */
class LikeTest {

    @Test
    void wildcardsAndTheEscapeCharacterAreEscaped() {
        assertEquals("50!%", Like.escape("50%"));
        assertEquals("a!_b", Like.escape("a_b"));
        assertEquals("wow!!", Like.escape("wow!"));
        assertEquals("!%!_!!", Like.escape("%_!"));
        assertEquals("plain", Like.escape("plain"));
        assertEquals("back\\slash", Like.escape("back\\slash"), "a backslash is no escape here");
    }

    @Test
    void containsAndPrefixAreLowercasedTrimmedAndCut() {
        assertEquals("%ann%", Like.contains("  Ann "));
        assertEquals("%50!%%", Like.contains("50%"));
        assertEquals("ann!_%", Like.prefix("ANN_"));
        assertEquals("%%", Like.contains(null));
        assertEquals(Like.MAX_TEXT + 2, Like.contains("x".repeat(500)).length());
        assertTrue(Like.blank(null));
        assertTrue(Like.blank("  "));
        assertFalse(Like.blank("a"));
    }

    /** The patterns with {@link Like#ESCAPE_CLAUSE} in a real database (H2, as the embedded server's). */
    @Test
    void theDatabaseTakesEscapedWildcardsLiterally() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:like-test", "sa", "")) {
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE names (name VARCHAR(64))");
                for (String name : List.of("a_b", "axb", "50%", "500", "wow!", "wow", "ann", "joANNa")) {
                    s.execute("INSERT INTO names VALUES ('" + name + "')");
                }
            }
            assertEquals(List.of("a_b"), matching(db, Like.contains("a_b")));
            assertEquals(List.of("50%"), matching(db, Like.contains("%")));
            assertEquals(List.of("50%"), matching(db, Like.contains("50%")));
            assertEquals(List.of("wow!"), matching(db, Like.contains("!")));
            assertEquals(List.of("ann", "joanna"), matching(db, Like.contains("ANN")));
            assertEquals(List.of("ann"), matching(db, Like.prefix("an")));
            assertEquals(8, matching(db, Like.contains("")).size(), "blank text matches everything");
        }
    }

    private static List<String> matching(Connection db, String pattern) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT LOWER(name) FROM names WHERE LOWER(name) LIKE ?" + Like.ESCAPE_CLAUSE + " ORDER BY 1")) {
            q.setString(1, pattern);
            List<String> found = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        }
    }
}
