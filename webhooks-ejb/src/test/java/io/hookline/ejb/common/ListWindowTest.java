package io.hookline.ejb.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Page bounds and the sort whitelist of the console's server-paged lists. */
class ListWindowTest {

    private static final Map<String, String> SORTABLE = Map.of("username", "u.username", "email", "u.email");

    @Test
    void pageBoundsAreClamped() {
        assertEquals(new ListWindow(0, 50, null, false), ListWindow.of(-10, 50, null, false));
        assertEquals(ListWindow.CONSOLE_ROWS, ListWindow.of(0, 0, null, false).max(), "no size: a console page");
        assertEquals(ListWindow.CONSOLE_ROWS, ListWindow.of(0, -5, null, false).max());
        assertEquals(
                ListWindow.MAX_ROWS, ListWindow.of(0, 1_000_000, null, false).max(), "never more than 200");
        assertEquals(1, ListWindow.of(0, 1, null, false).max());
        assertEquals(
                Integer.MAX_VALUE,
                ListWindow.of(Integer.MAX_VALUE, 50, null, false).first());
        assertEquals(new ListWindow(0, 20, null, false), ListWindow.first(20));
    }

    @Test
    void aWhitelistedKeySortsByItsFieldWithATieBreak() {
        assertEquals("u.email ASC, u.id", ListWindow.of(0, 50, "email", false).orderBy(SORTABLE, "u.username", "u.id"));
        assertEquals(
                "u.username DESC, u.id",
                ListWindow.of(0, 50, "username", true).orderBy(SORTABLE, "u.username", "u.id"));
        assertTrue(ListWindow.of(0, 50, "email", false).sortsBy(SORTABLE));
    }

    @Test
    void noKeyOrAnUnknownOrHostileKeyGivesTheDefaultOrder() {
        for (String key : new String[] {
            null,
            "",
            "passwordHash",
            "u.passwordHash",
            "username DESC, u.passwordHash",
            "username; DROP TABLE users",
            "(SELECT 1)",
            "USERNAME",
            " username"
        }) {
            ListWindow window = ListWindow.of(0, 50, key, true);
            assertEquals("u.username", window.orderBy(SORTABLE, "u.username", "u.id"), String.valueOf(key));
            assertFalse(window.sortsBy(SORTABLE), String.valueOf(key));
        }
    }
}
