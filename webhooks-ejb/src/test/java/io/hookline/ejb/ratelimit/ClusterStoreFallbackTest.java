package io.hookline.ejb.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code HOOKLINE_RATE_LIMIT_STORE=cluster} on a server without the shared store (WildFly has no JCache; Payara
 * may have Hazelcast off): local buckets, never a failed deployment, and exactly one warning that says what was
 * asked, what is used instead and what to configure.
 */
class ClusterStoreFallbackTest {

    private final Logger logger = Logger.getLogger(HookRateLimiter.class.getName());
    private final List<LogRecord> warnings = new ArrayList<>();
    private final Handler collector = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        logger.addHandler(collector);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(collector);
    }

    private String theOneWarning() {
        assertEquals(1, warnings.size(), "one warning, not one per request");
        String text = warnings.get(0).getMessage();
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
        assertInstanceOf(NoClassDefFoundError.class, warnings.get(0).getThrown());
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
        assertEquals(List.of(), warnings);
    }
}
