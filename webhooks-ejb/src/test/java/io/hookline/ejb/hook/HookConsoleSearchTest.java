package io.hookline.ejb.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.api.auth.Caller;
import io.hookline.ejb.common.ListWindow;
import org.junit.jupiter.api.Test;

/** The console's hook list query: a plain user's list stays their own; text and sort never reach the JPQL. */
class HookConsoleSearchTest {

    private static final Caller ADMIN = new Caller("a".repeat(26), true);
    private static final Caller USER = new Caller("u".repeat(26), false);

    @Test
    void aPlainUserSeesOnlyTheirOwnHooksSearchedOrNot() {
        assertTrue(HookAdmin.consoleWhere(USER, null).contains(" AND h.userId = :userId"));
        assertTrue(HookAdmin.consoleWhere(USER, "ci").contains(" AND h.userId = :userId"));
        assertFalse(HookAdmin.consoleWhere(ADMIN, "ci").contains("h.userId = :userId"));
        assertTrue(HookAdmin.consoleWhere(ADMIN, null).contains("h.deleteAt = 0"), "deleted hooks never listed");
    }

    @Test
    void nameAndChannelAreSearchedThroughABoundPattern() {
        String where = HookAdmin.consoleWhere(ADMIN, "build_%");
        assertFalse(where.contains("build"), where);
        assertEquals(3, where.split(":q ESCAPE '!'", -1).length - 1, where);
        assertFalse(HookAdmin.consoleWhere(ADMIN, "  ").contains(":q"));
    }

    @Test
    void sortKeysMapToFieldsAndOthersAreIgnored() {
        ListWindow byChannel = ListWindow.of(0, 50, "channel", false);
        assertEquals(
                "c.displayName ASC, h.id",
                byChannel.orderBy(HookAdmin.CONSOLE_SORTABLE, HookAdmin.CONSOLE_DEFAULT_ORDER, "h.id"));
        ListWindow hostile = ListWindow.of(0, 50, "h.id", true);
        assertEquals(
                HookAdmin.CONSOLE_DEFAULT_ORDER,
                hostile.orderBy(HookAdmin.CONSOLE_SORTABLE, HookAdmin.CONSOLE_DEFAULT_ORDER, "h.id"),
                "the hook id (its URL's secret) is no sort key");
        assertFalse(HookAdmin.DELIVERY_SORTABLE.containsKey("postIds"));
    }
}
