package io.hookline.ejb.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.hookline.ejb.settings.RateLimitSettings;
import io.hookline.testing.LogCapture;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The token buckets of {@code /hooks}, on a clock the test moves: at and past every boundary. */
class HookRateLimiterTest {

    private static final String HOOK = "abcdefghijklmnopqrstuvwxyz";
    private static final String OTHER_HOOK = "zyxwvutsrqponmlkjihgfedcba";
    private static final String ADDRESS = "192.0.2.1";

    @RegisterExtension
    final LogCapture log = LogCapture.of(HookRateLimiter.class);

    /** Bucket4j's time source, standing still until the test moves it. */
    static final class FakeClock implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(long amount, TimeUnit unit) {
            nanos += unit.toNanos(amount);
        }
    }

    private final FakeClock clock = new FakeClock();
    private final LocalRateLimitStore store = new LocalRateLimitStore(100, clock);
    private final HookRateLimiter limiter = new HookRateLimiter(store);

    /** Only the per-hook limit (per address off). */
    private static RateLimitSettings perHook(int perSec, int maxBurst) {
        return new RateLimitSettings(false, 1000, 2000, true, perSec, maxBurst);
    }

    /** Per address {@code perSec}/{@code maxBurst}, per hook generous. */
    private static RateLimitSettings perAddress(int perSec, int maxBurst) {
        return new RateLimitSettings(true, perSec, maxBurst, true, 1000, 2000);
    }

    @ParameterizedTest(name = "{0}/s, burst {1}")
    @CsvSource({"1, 1", "1, 3", "10, 5", "5, 10", "100, 500"})
    void aBurstOfExactlyMaxBurstPassesAndTheNextIsRefused(int perSec, int maxBurst) {
        RateLimitSettings limits = perHook(perSec, maxBurst);
        for (int i = 1; i <= maxBurst; i++) {
            RateLimitDecision d = limiter.check(limits, HOOK, ADDRESS);
            assertTrue(d.allowed(), "request " + i + " of " + maxBurst);
            assertEquals(maxBurst - i, d.remaining());
        }
        RateLimitDecision refused = limiter.check(limits, HOOK, ADDRESS);
        assertFalse(refused.allowed(), "request " + (maxBurst + 1));
        assertEquals(0, refused.remaining());
    }

    @Test
    void oneTokenComesBackAfterOneOverPerSecSeconds() {
        RateLimitSettings limits = perHook(4, 2); // a token every 250 ms
        assertTrue(limiter.check(limits, HOOK, ADDRESS).allowed());
        assertTrue(limiter.check(limits, HOOK, ADDRESS).allowed());
        assertFalse(limiter.check(limits, HOOK, ADDRESS).allowed());

        clock.advance(249, TimeUnit.MILLISECONDS);
        assertFalse(limiter.check(limits, HOOK, ADDRESS).allowed(), "just before the refill");
        clock.advance(1, TimeUnit.MILLISECONDS);
        assertTrue(limiter.check(limits, HOOK, ADDRESS).allowed(), "at 1/PerSec s");
        assertFalse(limiter.check(limits, HOOK, ADDRESS).allowed(), "only one token came back");

        clock.advance(10, TimeUnit.SECONDS);
        assertEquals(1, limiter.check(limits, HOOK, ADDRESS).remaining(), "never more than MaxBurst");
    }

    @Test
    void headersOfAPassingAndARefusedRequest() {
        RateLimitSettings limits = perHook(1, 3);
        assertEquals(
                Map.of("X-RateLimit-Limit", "3", "X-RateLimit-Remaining", "2", "X-RateLimit-Reset", "1"),
                limiter.check(limits, HOOK, ADDRESS).headers());
        limiter.check(limits, HOOK, ADDRESS);
        RateLimitDecision last = limiter.check(limits, HOOK, ADDRESS);
        assertEquals(
                Map.of("X-RateLimit-Limit", "3", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "3"),
                last.headers(),
                "three tokens to refill at 1/s: full in 3 s");

        clock.advance(400, TimeUnit.MILLISECONDS);
        RateLimitDecision refused = limiter.check(limits, HOOK, ADDRESS);
        assertFalse(refused.allowed());
        assertEquals(
                Map.of(
                        "X-RateLimit-Limit",
                        "3",
                        "X-RateLimit-Remaining",
                        "0",
                        "X-RateLimit-Reset",
                        "3",
                        "Retry-After",
                        "1"),
                refused.headers(),
                "2.6 s to full and 0.6 s to the next token, rounded up");
        assertEquals(600_000_000L, refused.nanosToRetry());
        assertEquals(1, refused.retryAfterSeconds());
        assertEquals(3, refused.resetSeconds());
    }

    @Test
    void retryAfterIsAtLeastOneSecondAndRoundsUp() {
        assertEquals(1, new RateLimitDecision(false, 1, 0, 1, 1).retryAfterSeconds());
        assertEquals(1, new RateLimitDecision(false, 1, 0, 0, 0).retryAfterSeconds());
        assertEquals(1, new RateLimitDecision(false, 1, 0, 0, 1_000_000_000L).retryAfterSeconds());
        assertEquals(2, new RateLimitDecision(false, 1, 0, 0, 1_000_000_001L).retryAfterSeconds());
        assertEquals(0, new RateLimitDecision(true, 1, 1, 0, 0).resetSeconds());
    }

    @Test
    void aSlowRateRefusesForSeconds() {
        RateLimitSettings limits = perHook(1, 1);
        assertTrue(limiter.check(limits, HOOK, ADDRESS).allowed());
        RateLimitDecision refused = limiter.check(limits, HOOK, ADDRESS);
        assertEquals("1", refused.headers().get("Retry-After"));
        clock.advance(999, TimeUnit.MILLISECONDS);
        assertFalse(limiter.check(limits, HOOK, ADDRESS).allowed());
        clock.advance(1, TimeUnit.MILLISECONDS);
        assertTrue(limiter.check(limits, HOOK, ADDRESS).allowed());
    }

    @Test
    void hooksHaveTheirOwnBucketsAndUnknownIdsAreLimitedTheSameWay() {
        RateLimitSettings limits = perHook(1, 2);
        limiter.check(limits, HOOK, ADDRESS);
        limiter.check(limits, HOOK, ADDRESS);
        assertFalse(limiter.check(limits, HOOK, ADDRESS).allowed());
        assertTrue(limiter.check(limits, OTHER_HOOK, ADDRESS).allowed(), "another hook is unaffected");
        assertTrue(limiter.check(limits, HOOK + "x", ADDRESS).allowed(), "any id has a bucket, existing or not");
        assertTrue(limiter.check(limits, "not-a-hook", ADDRESS).allowed());
        assertTrue(limiter.check(limits, "not-a-hook", ADDRESS).allowed());
        assertFalse(limiter.check(limits, "not-a-hook", ADDRESS).allowed(), "limited like a real hook");
        assertFalse(
                limiter.check(limits, HOOK, "198.51.100.7").allowed(),
                "the per-hook limit does not depend on the address");
    }

    @Test
    void thePerAddressLimitSpansHooks() {
        RateLimitSettings limits = perAddress(1, 3);
        assertTrue(limiter.check(limits, HOOK, ADDRESS).allowed());
        assertTrue(limiter.check(limits, OTHER_HOOK, ADDRESS).allowed());
        assertTrue(limiter.check(limits, "third", ADDRESS).allowed());
        RateLimitDecision refused = limiter.check(limits, "fourth", ADDRESS);
        assertFalse(refused.allowed());
        assertEquals(3, refused.limit(), "the address's bucket is the one reported");
        assertTrue(limiter.check(limits, "fourth", "198.51.100.7").allowed(), "another address is unaffected");
    }

    @Test
    void aRequestRefusedByItsAddressTakesNothingFromTheHook() {
        RateLimitSettings limits = new RateLimitSettings(true, 1, 1, true, 1, 2);
        assertTrue(limiter.check(limits, HOOK, ADDRESS).allowed());
        assertFalse(limiter.check(limits, HOOK, ADDRESS).allowed(), "address bucket empty");
        assertFalse(limiter.check(limits, HOOK, ADDRESS).allowed());
        RateLimitDecision fromElsewhere = limiter.check(limits, HOOK, "198.51.100.7");
        assertTrue(fromElsewhere.allowed(), "the hook still had a token");
        assertEquals(0, fromElsewhere.remaining());
    }

    @Test
    void whenBothPassTheHeadersComeFromTheFullerOneLess() {
        RateLimitSettings limits = new RateLimitSettings(true, 10, 5, true, 10, 50);
        RateLimitDecision d = limiter.check(limits, HOOK, ADDRESS);
        assertEquals(5, d.limit(), "the address has fewer requests left");
        assertEquals(4, d.remaining());
        RateLimitSettings hookTighter = new RateLimitSettings(true, 10, 50, true, 10, 5);
        assertEquals(5, limiter.check(hookTighter, OTHER_HOOK, "198.51.100.9").limit());
    }

    @ParameterizedTest(name = "Enable {0}, VaryByRemoteAddr {1}")
    @CsvSource({"false, true", "true, false", "false, false"})
    void thePerAddressLimitIsLiftedUnlessEnableAndVaryByRemoteAddr(boolean enable, boolean vary) {
        RateLimitSettings limits = new RateLimitSettings(enable, 1, 1, vary, 1000, 2000);
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.check(limits, "hook" + i, ADDRESS).allowed(), "request " + i);
        }
    }

    @Test
    void aChangedLimitAppliesToTheNextRequest() {
        assertTrue(limiter.check(perHook(1, 1), HOOK, ADDRESS).allowed());
        assertFalse(limiter.check(perHook(1, 1), HOOK, ADDRESS).allowed());
        RateLimitDecision raised = limiter.check(perHook(1, 3), HOOK, ADDRESS);
        assertTrue(raised.allowed(), "a new limit, a new full bucket");
        assertEquals(3, raised.limit());
        assertEquals(2, raised.remaining());
        assertFalse(limiter.check(perHook(1, 1), HOOK, ADDRESS).allowed(), "back to the old limit: its old bucket");
    }

    @Test
    void theLocalStoreForgetsTheLeastRecentlyUsedBucketPastItsSize() {
        LocalRateLimitStore small = new LocalRateLimitStore(2, clock);
        BucketConfiguration one = HookRateLimiter.configuration(1, 1);
        assertTrue(small.tryConsume("a", one).isConsumed());
        assertTrue(small.tryConsume("b", one).isConsumed());
        assertFalse(small.tryConsume("a", one).isConsumed(), "a is now the most recently used");
        assertTrue(small.tryConsume("c", one).isConsumed(), "c pushes out b");
        assertEquals(2, small.size());
        assertFalse(small.tryConsume("a", one).isConsumed(), "a was kept");
        assertTrue(small.tryConsume("b", one).isConsumed(), "b was forgotten: it starts full");
    }

    @Test
    void aFailingStoreLetsRequestsPassWithoutHeaders() {
        HookRateLimiter broken = new HookRateLimiter(new RateLimitStore() {
            @Override
            public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
                throw new IllegalStateException("cluster unreachable");
            }

            @Override
            public String describe() {
                return "broken";
            }
        });
        RateLimitDecision d = broken.check(perHook(1, 1), HOOK, ADDRESS);
        assertTrue(d.allowed());
        assertTrue(d.headers().isEmpty());
        log.expect(
                Level.WARNING,
                "Rate limit store broken failed; hook requests pass unchecked",
                IllegalStateException.class);
        assertTrue(broken.check(perHook(1, 1), HOOK, ADDRESS).allowed());
        assertEquals(1, log.records(Level.WARNING).size(), "one warning per interval, not one per request");
    }

    @Test
    void theStoreNeverSeesAHookSecret() {
        String[] seen = new String[1];
        HookRateLimiter spied = new HookRateLimiter(new RateLimitStore() {
            @Override
            public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
                seen[0] = key;
                return store.tryConsume(key, configuration);
            }

            @Override
            public String describe() {
                return "spy";
            }
        });
        spied.check(perHook(2, 3), HOOK, ADDRESS);
        assertFalse(seen[0].contains(HOOK), seen[0]);
        assertTrue(seen[0].startsWith("hook:2/3:"), seen[0]);
    }

    @Test
    void theStoreSettingIsOneOfThreeNamesAndAutoOtherwise() {
        assertEquals(HookRateLimiter.CLUSTER, HookRateLimiter.choice(" Cluster "));
        assertEquals(HookRateLimiter.LOCAL, HookRateLimiter.choice("local"));
        assertEquals(HookRateLimiter.AUTO, HookRateLimiter.choice("auto"));
        // A typo falls back to the default (with a warning).
        assertEquals(HookRateLimiter.AUTO, HookRateLimiter.choice("clsuter"));
        assertEquals(HookRateLimiter.AUTO, HookRateLimiter.choice(""));
        log.expectExactly(
                2, Level.WARNING, "HOOKLINE_RATE_LIMIT_STORE must be \"auto\", \"cluster\" or \"local\"; using auto");
    }

    @Test
    void autoSharesTheBucketsWhereTheServerOffersAGrid() {
        RateLimitStore local = new LocalRateLimitStore(10, TimeMeter.SYSTEM_NANOTIME);
        RateLimitStore grid = new RateLimitStore() {
            @Override
            public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
                return local.tryConsume(key, configuration);
            }

            @Override
            public String describe() {
                return "the grid";
            }
        };
        assertEquals(
                "the grid",
                HookRateLimiter.sharedIfOffered(() -> true, () -> Optional.of(grid))
                        .describe());
    }

    @Test
    void autoKeepsLocalBucketsWhereTheServerOffersNone() {
        assertTrue(
                HookRateLimiter.sharedIfOffered(() -> false, () -> {
                            throw new AssertionError("no JCache API: the store is not even asked for");
                        })
                        instanceof LocalRateLimitStore);
        assertTrue(HookRateLimiter.sharedIfOffered(() -> true, Optional::empty) instanceof LocalRateLimitStore);
        assertTrue(
                HookRateLimiter.sharedIfOffered(() -> true, () -> {
                            throw new NoClassDefFoundError("javax/cache/CacheManager");
                        })
                        instanceof LocalRateLimitStore);
        // auto asked for nothing in particular: a line at INFO says why, never a warning
        log.expect(
                Level.INFO, "Hook rate limits stay in this JVM: this server offers applications no JCache API", null);
        log.expect(Level.INFO, "no JCache CacheManager", null);
        log.expect(Level.INFO, "the server's JCache cannot hold them", NoClassDefFoundError.class);
        log.expectNone(Level.WARNING);
    }
}
