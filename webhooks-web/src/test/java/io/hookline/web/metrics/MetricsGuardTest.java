package io.hookline.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookline.ejb.metrics.MetricsSettings;
import io.hookline.web.metrics.MetricsGuard.Decision;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class MetricsGuardTest {

    private static final String SCRAPE = "scrape-token-0123456789abcdef";
    private static final String ADMIN = "adminsessiontoken0000000000";
    private static final Predicate<String> ADMIN_ONLY = ADMIN::equals;

    private static MetricsSettings settings(boolean enabled, String token) {
        return new MetricsSettings(enabled, Optional.ofNullable(token), MetricsSettings.DEFAULT_MAX_HOOKS);
    }

    @Test
    void offIsNotFoundWhateverTheToken() {
        MetricsSettings off = settings(false, SCRAPE);
        assertEquals(Decision.NOT_FOUND, MetricsGuard.decide(off, null, ADMIN_ONLY));
        assertEquals(Decision.NOT_FOUND, MetricsGuard.decide(off, SCRAPE, ADMIN_ONLY));
        assertEquals(Decision.NOT_FOUND, MetricsGuard.decide(off, ADMIN, ADMIN_ONLY));
    }

    @Test
    void withAScrapeToken() {
        MetricsSettings on = settings(true, SCRAPE);
        assertEquals(Decision.UNAUTHORIZED, MetricsGuard.decide(on, null, ADMIN_ONLY));
        assertEquals(Decision.ALLOWED, MetricsGuard.decide(on, SCRAPE, ADMIN_ONLY));
        assertEquals(Decision.ALLOWED, MetricsGuard.decide(on, ADMIN, ADMIN_ONLY));
        assertEquals(Decision.FORBIDDEN, MetricsGuard.decide(on, SCRAPE + "x", ADMIN_ONLY));
        assertEquals(Decision.FORBIDDEN, MetricsGuard.decide(on, "someone-elses-token", ADMIN_ONLY));
    }

    @Test
    void withoutAScrapeTokenOnlyASystemAdmin() {
        MetricsSettings on = settings(true, null);
        assertEquals(Decision.UNAUTHORIZED, MetricsGuard.decide(on, null, ADMIN_ONLY));
        assertEquals(Decision.ALLOWED, MetricsGuard.decide(on, ADMIN, ADMIN_ONLY));
        assertEquals(Decision.FORBIDDEN, MetricsGuard.decide(on, SCRAPE, ADMIN_ONLY));
    }

    @Test
    void theScrapeTokenNeverCostsAnAccountLookUp() {
        MetricsSettings on = settings(true, SCRAPE);
        Predicate<String> mustNotBeAsked = token -> {
            throw new AssertionError("asked about " + token);
        };
        assertEquals(Decision.ALLOWED, MetricsGuard.decide(on, SCRAPE, mustNotBeAsked));
        assertEquals(Decision.UNAUTHORIZED, MetricsGuard.decide(on, null, mustNotBeAsked));
    }

    @Test
    void statuses() {
        assertEquals(404, Decision.NOT_FOUND.status);
        assertEquals(401, Decision.UNAUTHORIZED.status);
        assertEquals(403, Decision.FORBIDDEN.status);
    }
}
