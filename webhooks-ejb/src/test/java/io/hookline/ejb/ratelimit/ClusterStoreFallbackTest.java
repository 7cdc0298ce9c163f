package io.hookline.ejb.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.hookline.testing.LogCapture;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code HOOKLINE_RATE_LIMIT_STORE=cluster} on a server without the shared store (WildFly has no JCache; Payara
 * may have Hazelcast off): local buckets, never a failed deployment, and exactly one warning that says what was
 * asked, what is used instead and what to configure.
 */
class ClusterStoreFallbackTest {

    @RegisterExtension
    final LogCapture log = LogCapture.of(HookRateLimiter.class);

    private String theOneWarning() {
        List<LogRecord> warnings = log.records(Level.WARNING);
        assertEquals(1, warnings.size(), "one warning, not one per request");
        String text = LogCapture.message(warnings.get(0));
        assertTrue(text.startsWith("HOOKLINE_RATE_LIMIT_STORE=cluster asks for"), text);
        assertTrue(text.contains("Using local buckets instead"), text);
        assertTrue(text.contains("each server (node) counts only the requests it receives"), text);
        assertTrue(text.contains("HOOKLINE_RATE_LIMIT_STORE=local"), text);
        return text;
    }

    @Test
    void noJCacheApiAtAllIsLocalBucketsAndOneWarning() {
        RateLimitStore store = HookRateLimiter.clusterStore(() -> false, () -> {
            throw new AssertionError("the JCache store must not be touched without the API");
        });
        assertInstanceOf(LocalRateLimitStore.class, store);
        assertTrue(theOneWarning().contains("no JCache API"));
    }

    @Test
    void noCacheManagerIsLocalBucketsAndOneWarning() {
        RateLimitStore store = HookRateLimiter.clusterStore(() -> true, Optional::empty);
        assertInstanceOf(LocalRateLimitStore.class, store);
        assertTrue(theOneWarning().contains("no JCache CacheManager"));
    }

    @Test
    void aFailingCacheIsLocalBucketsAndOneWarningNeverAnException() {
        RateLimitStore store = HookRateLimiter.clusterStore(() -> true, () -> {
            throw new NoClassDefFoundError("javax/cache/CacheManager");
        });
        assertInstanceOf(LocalRateLimitStore.class, store);
        String text = theOneWarning();
        assertTrue(text.contains("cannot hold them"), text);
        log.expect(Level.WARNING, "cannot hold them", NoClassDefFoundError.class);
    }

    @Test
    void theServersCacheIsUsedWithoutAWarning() {
        RateLimitStore shared = new RateLimitStore() {
            @Override
            public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String describe() {
                return "a shared cache";
            }
        };
        assertSame(shared, HookRateLimiter.clusterStore(() -> true, () -> Optional.of(shared)));
        log.expectNone(Level.WARNING);
    }
}
