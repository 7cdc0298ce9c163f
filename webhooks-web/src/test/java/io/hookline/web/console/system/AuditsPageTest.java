package io.hookline.web.console.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
