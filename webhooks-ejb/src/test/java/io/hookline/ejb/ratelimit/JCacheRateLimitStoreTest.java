package io.hookline.ejb.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;
import io.hookline.ejb.ratelimit.FakeGrid.Mode;
import io.hookline.ejb.ratelimit.HookRateLimiterTest.FakeClock;
import io.hookline.ejb.settings.RateLimitSettings;
import io.hookline.testing.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import javax.cache.CacheException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The grid store under contention and failure (issue 19's bench: Bucket4j's compare-and-swap lost 16 times in a
 * row and those requests passed unchecked). On {@link FakeGrid} and a clock that stands still, so a bucket never
 * refills during a test: exactly its burst passes, however the requests interleave.
 */
class JCacheRateLimitStoreTest {

    private static final int THREADS = 8;
    private static final int BURST = 40;
    private static final int REQUESTS_PER_THREAD = 15;
    private static final String KEY = "addr:1/" + BURST + ":192.0.2.1";

    private final FakeClock clock = new FakeClock();
    private final FakeGrid grid = new FakeGrid();
    private final CountingStore fallback = new CountingStore(new LocalRateLimitStore(100, clock));

    /** The store's warnings, kept out of the build's output (provoked on purpose) and asserted below. */
    @RegisterExtension
    final LogCapture log = LogCapture.of(JCacheRateLimitStore.class);

    /** What the store logged at WARNING or above. */
    private List<LogRecord> warnings() {
        return log.records().stream()
                .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
    }

    /** Counts the requests the grid store could not decide in the grid. */
    static final class CountingStore implements RateLimitStore {
        final RateLimitStore delegate;
        final AtomicInteger asked = new AtomicInteger();

        CountingStore(RateLimitStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
            asked.incrementAndGet();
            return delegate.tryConsume(key, configuration);
        }

        @Override
        public String describe() {
            return "counting " + delegate.describe();
        }
    }

    private JCacheRateLimitStore store(int stripes, Duration lockWait) {
        return new JCacheRateLimitStore(grid, "FakeGrid", fallback, clock, stripes, lockWait);
    }

    private JCacheRateLimitStore store() {
        return store(JCacheRateLimitStore.LOCK_STRIPES, JCacheRateLimitStore.LOCK_WAIT);
    }

    private static BucketConfiguration burst(int maxBurst) {
        return HookRateLimiter.configuration(1, maxBurst);
    }

    /** Runs {@code task} {@link #REQUESTS_PER_THREAD} times on each of {@link #THREADS} threads, all at once. */
    private static <T> List<T> concurrently(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<T>>> threads = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                threads.add(pool.submit(() -> {
                    go.await();
                    List<T> mine = new ArrayList<>();
                    for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                        mine.add(task.call());
                    }
                    return mine;
                }));
            }
            go.countDown();
            List<T> all = new ArrayList<>();
            for (Future<List<T>> thread : threads) {
                all.addAll(thread.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRequestsOnOneBucketTakeTurnsAndExactlyTheBurstPasses() throws Exception {
        // A pause between read and swap, as a grid round trip: without the store's lock the threads would read
        // the same state and all but one lose their swap, round after round.
        grid.beforeRead = key -> LockSupport.parkNanos(200_000);
        JCacheRateLimitStore store = store();

        List<ConsumptionProbe> probes = concurrently(() -> store.tryConsume(KEY, burst(BURST)));

        assertEquals(THREADS * REQUESTS_PER_THREAD, probes.size());
        assertEquals(
                BURST, probes.stream().filter(ConsumptionProbe::isConsumed).count(), "exactly the burst, never more");
        assertEquals(1, grid.mostInsideAtOnce.get(), "one request of this server at a time in the grid per bucket");
        assertEquals(0, grid.lostSwaps.get(), "nothing left for a swap to lose to");
        assertEquals(0, fallback.asked.get(), "every request decided in the grid");
        assertEquals(List.of(), warnings());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void throughTheLimiterNoConcurrentRequestPassesUnchecked(Mode mode) throws Exception {
        grid.mode = mode;
        grid.beforeRead = key -> LockSupport.parkNanos(200_000);
        HookRateLimiter limiter = new HookRateLimiter(store());
        // Both buckets of a request: the address's (burst BURST) and the hook's (larger).
        RateLimitSettings limits = new RateLimitSettings(true, 1, BURST, true, 1, 10 * BURST);

        List<RateLimitDecision> decisions = concurrently(() -> limiter.check(limits, "hook", "192.0.2.1"));

        assertEquals(
                BURST, decisions.stream().filter(RateLimitDecision::allowed).count(), mode.name());
        for (RateLimitDecision decision : decisions) {
            assertTrue(decision.limit() > 0, "checked, with headers: " + decision);
        }
        assertEquals(mode != Mode.WORKS, fallback.asked.get() > 0, "the fallback decides only when the grid fails");
    }

    @ParameterizedTest
    @EnumSource(
            value = Mode.class,
            names = {"SWAPS_ALWAYS_LOSE", "UNREACHABLE"})
    void whenTheGridFailsThisServersBucketDecidesAndRefusesPastTheBurst(Mode mode) {
        grid.mode = mode;
        JCacheRateLimitStore store = store();
        for (int i = 1; i <= 3; i++) {
            ConsumptionProbe probe = store.tryConsume(KEY, burst(3));
            assertTrue(probe.isConsumed(), "request " + i);
            assertEquals(3 - i, probe.getRemainingTokens());
        }
        ConsumptionProbe refused = store.tryConsume(KEY, burst(3));
        assertFalse(refused.isConsumed(), "the fourth is refused, not let through");
        assertEquals(1_000_000_000L, refused.getNanosToWaitForRefill(), "one token a second");
        assertEquals(4, fallback.asked.get());

        assertEquals(1, warnings().size(), "one warning a minute, not one per request");
        LogRecord warning = warnings().get(0);
        assertTrue(warning.getMessage().contains("decides those hook requests with its own buckets"));
        Class<? extends Throwable> expected =
                mode == Mode.UNREACHABLE ? CacheException.class : BucketExceptions.BucketExecutionException.class;
        assertEquals(expected, warning.getThrown().getClass());
    }

    @Test
    void aRequestTriesExactlyMaxSwapAttemptsBeforeThisServerDecides() {
        grid.mode = Mode.SWAPS_ALWAYS_LOSE;
        store().tryConsume(KEY, burst(3));
        assertEquals(JCacheCompareAndSwap.MAX_SWAP_ATTEMPTS, grid.lostSwaps.get());
        assertEquals(1, fallback.asked.get());
        assertEquals(1, warnings().size(), "the fallback is announced once");
    }

    @Test
    void aGridThatFailsMidwayLetsThroughAtMostOneMoreBurst() {
        JCacheRateLimitStore store = store();
        assertTrue(store.tryConsume(KEY, burst(3)).isConsumed());
        assertTrue(store.tryConsume(KEY, burst(3)).isConsumed());
        grid.mode = Mode.UNREACHABLE;
        for (int i = 1; i <= 3; i++) {
            assertTrue(store.tryConsume(KEY, burst(3)).isConsumed(), "this server's bucket starts full: " + i);
        }
        assertFalse(store.tryConsume(KEY, burst(3)).isConsumed(), "and refuses past its burst");
        grid.mode = Mode.WORKS;
        assertTrue(store.tryConsume(KEY, burst(3)).isConsumed(), "back in the grid: its bucket had one left");
        assertFalse(store.tryConsume(KEY, burst(3)).isConsumed());
        clock.advance(1, TimeUnit.SECONDS);
        assertTrue(store.tryConsume(KEY, burst(3)).isConsumed(), "refilled by the clock as before");
        assertEquals(1, warnings().size(), "the grid's failure is announced once, not once per request");
    }

    @Test
    void theServersStoreUsesTheNamedStripeCount() {
        assertEquals(
                JCacheRateLimitStore.LOCK_STRIPES, new JCacheRateLimitStore(grid, "FakeGrid", fallback).lockStripes());
    }

    /** Two keys on one stripe and one on another, for a store of {@code stripes} stripes. */
    private static String[] sameSameOther(int stripes) {
        StripedLocks locks = new StripedLocks(stripes);
        String held = "addr:1/3:198.51.100.1";
        String same = null;
        String other = null;
        for (int i = 0; same == null || other == null; i++) {
            String candidate = "addr:1/3:203.0.113." + i;
            if (locks.stripe(candidate) == locks.stripe(held)) {
                same = same == null ? candidate : same;
            } else {
                other = other == null ? candidate : other;
            }
        }
        return new String[] {held, same, other};
    }

    @Test
    void aRequestWaitsForItsStripeOnlyUpToTheLockWaitThenThisServerDecides() throws Exception {
        String[] keys = sameSameOther(JCacheRateLimitStore.LOCK_STRIPES);
        Duration lockWait = Duration.ofMillis(100);
        JCacheRateLimitStore store = store(JCacheRateLimitStore.LOCK_STRIPES, lockWait);
        CountDownLatch inGrid = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        grid.beforeRead = key -> {
            if (key.equals(keys[0])) {
                inGrid.countDown();
                await(release);
            }
        };
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<ConsumptionProbe> held = holder.submit(() -> store.tryConsume(keys[0], burst(3)));
            assertTrue(inGrid.await(10, TimeUnit.SECONDS));

            assertTrue(store.tryConsume(keys[2], burst(3)).isConsumed());
            assertEquals(0, fallback.asked.get(), "another stripe goes straight to the grid");
            assertTrue(grid.reads.contains(keys[2]));

            long start = System.nanoTime();
            assertTrue(store.tryConsume(keys[1], burst(3)).isConsumed());
            long waited = System.nanoTime() - start;
            assertEquals(1, fallback.asked.get(), "past the lock wait this server decides");
            assertFalse(grid.reads.contains(keys[1]), "without touching the grid");
            assertTrue(waited >= lockWait.toNanos(), "it waited the lock wait first: " + waited + " ns");
            assertEquals(1, warnings().size());
            assertTrue(warnings().get(0).getMessage().contains("did not answer within 100 ms"));

            release.countDown();
            assertTrue(held.get(10, TimeUnit.SECONDS).isConsumed());
            assertEquals(1, fallback.asked.get(), "the held request was decided in the grid");
        } finally {
            release.countDown();
            holder.shutdownNow();
        }
    }

    @Test
    void aRequestReleasedWithinTheLockWaitIsDecidedInTheGrid() throws Exception {
        String[] keys = sameSameOther(JCacheRateLimitStore.LOCK_STRIPES);
        JCacheRateLimitStore store = store(JCacheRateLimitStore.LOCK_STRIPES, Duration.ofSeconds(30));
        CountDownLatch inGrid = new CountDownLatch(1);
        grid.beforeRead = key -> {
            if (key.equals(keys[0]) && inGrid.getCount() > 0) {
                inGrid.countDown();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        };
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<ConsumptionProbe> held = holder.submit(() -> store.tryConsume(keys[0], burst(3)));
            assertTrue(inGrid.await(10, TimeUnit.SECONDS));
            assertTrue(store.tryConsume(keys[1], burst(3)).isConsumed());
            assertTrue(held.get(10, TimeUnit.SECONDS).isConsumed());
            assertEquals(0, fallback.asked.get(), "both waited their turn and were decided in the grid");
            assertEquals(List.of(), warnings());
        } finally {
            holder.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
