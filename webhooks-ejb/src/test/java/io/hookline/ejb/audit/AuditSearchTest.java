package io.hookline.ejb.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The audit log's search conditions: one per criterion set, values only as parameters. */
class AuditSearchTest {

    @Test
    void noFilterNoConditions() {
        assertEquals("", AuditLog.where(AuditFilter.NONE));
        assertEquals("", AuditLog.where(new AuditFilter(" ", "", null, null)));
    }

    @Test
    void eachCriterionIsABoundCondition() {
        String where = AuditLog.where(new AuditFilter("ann' --", "update%", 1L, 2L));
        assertEquals(
                " WHERE a.userId IN (SELECT u.id FROM User u WHERE u.username LIKE :actor ESCAPE '!')"
                        + " AND LOWER(a.action) LIKE :action ESCAPE '!' AND a.createAt >= :from AND a.createAt < :to",
                where);
        assertFalse(where.contains("ann"));
        assertTrue(AuditLog.where(new AuditFilter(null, null, null, 5L)).equals(" WHERE a.createAt < :to"));
    }

    @Test
    void onlyWhitelistedSortKeys() {
        assertEquals("a.createAt", AuditLog.SORTABLE.get("createAt"));
        assertFalse(AuditLog.SORTABLE.containsKey("details"));
        assertFalse(AuditLog.SORTABLE.containsKey("a.details"));
    }
}
