package io.hookline.ejb.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.ejb.common.ListWindow;
import org.junit.jupiter.api.Test;

/** The System Console's user search as JPQL: search text only as a parameter, sort only by whitelisted fields. */
class UserSearchTest {

    @Test
    void theSearchTextIsBoundNeverWrittenIntoTheQuery() {
        String hostile = "x' OR '1'='1";
        String jpql = UserAdmin.searchJpql(hostile, ListWindow.first(50));
        assertFalse(jpql.contains(hostile), jpql);
        assertTrue(jpql.contains("u.username LIKE :q ESCAPE '!'"), jpql);
        assertTrue(jpql.contains("u.email LIKE :q ESCAPE '!'"), jpql);
        assertFalse(UserAdmin.countJpql(hostile).contains(hostile));
    }

    @Test
    void blankTextOrABareAtListsEveryone() {
        assertEquals("SELECT u FROM User u ORDER BY u.username", UserAdmin.searchJpql(null, ListWindow.first(50)));
        assertEquals("SELECT u FROM User u ORDER BY u.username", UserAdmin.searchJpql(" @ ", ListWindow.first(50)));
        assertEquals("SELECT COUNT(u) FROM User u", UserAdmin.countJpql(""));
        assertEquals("ann", UserAdmin.searchText(" @ann"));
    }

    @Test
    void sortsByWhitelistedColumnsAndIgnoresOthers() {
        assertTrue(UserAdmin.searchJpql("a", ListWindow.of(0, 50, "email", true))
                .endsWith(" ORDER BY u.email DESC, u.id"));
        assertTrue(UserAdmin.searchJpql("a", ListWindow.of(0, 50, "status", false))
                .endsWith(" ORDER BY u.deleteAt ASC, u.id"));
        String hostile = UserAdmin.searchJpql("a", ListWindow.of(0, 50, "passwordHash", true));
        assertTrue(hostile.endsWith(" ORDER BY u.username"), hostile);
        assertFalse(hostile.contains("password"), hostile);
        String injected = UserAdmin.searchJpql("a", ListWindow.of(0, 50, "username, (SELECT 1)", true));
        assertTrue(injected.endsWith(" ORDER BY u.username"), injected);
    }
}
