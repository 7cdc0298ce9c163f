package io.hookline.web.console.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hookline.ejb.audit.AuditFilter;
import org.junit.jupiter.api.Test;

class AuditsPageTest {

    @Test
    void thePageParameterIsANonNegativeNumberOrTheFirstPage() {
        assertEquals(0, AuditsPage.pageParam(null));
        assertEquals(0, AuditsPage.pageParam("0"));
        assertEquals(3, AuditsPage.pageParam("3"));
        assertEquals(0, AuditsPage.pageParam("-1"));
        assertEquals(0, AuditsPage.pageParam("x"));
        assertEquals(0, AuditsPage.pageParam("99999999999"));
        assertEquals(Integer.MAX_VALUE / AuditsPage.PER_PAGE, AuditsPage.pageParam("99999999"));
    }

    @Test
    void theDayRangeIsWholeUtcDaysBothIncluded() {
        AuditFilter filter = AuditsPage.filter("ann", "update", "2026-12-01", "2026-12-03");
        assertEquals("ann", filter.actor());
        assertEquals("update", filter.action());
        assertEquals(1_796_083_200_000L, filter.fromMillis(), "2026-12-01T00:00Z");
        assertEquals(1_796_342_400_000L, filter.toMillis(), "2026-12-04T00:00Z, excluded");
    }

    @Test
    void aDayThatIsNoDateIsNoBound() {
        AuditFilter filter = AuditsPage.filter(null, null, "yesterday", "2026-02-30");
        assertNull(filter.fromMillis());
        assertNull(filter.toMillis());
        assertEquals(AuditFilter.NONE, filter);
    }
}
