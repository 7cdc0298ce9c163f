package io.hookline.ejb.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bounded locks the grid store's requests take turns on: a fixed count, every key on one of them. */
class StripedLocksTest {

    @Test
    void atLeastOneStripe() {
        assertThrows(IllegalArgumentException.class, () -> new StripedLocks(0));
        assertThrows(IllegalArgumentException.class, () -> new StripedLocks(-1));
        StripedLocks one = new StripedLocks(1);
        assertEquals(1, one.count());
        assertEquals(0, one.stripe("addr:1000/2000:192.0.2.1"));
        assertEquals(0, one.stripe(""));
    }

    @ParameterizedTest(name = "{0} stripes")
    @ValueSource(ints = {JCacheRateLimitStore.LOCK_STRIPES, 7, 2})
    void manyKeysUseEveryStripeAndNoneBeyondTheCount(int count) {
        StripedLocks locks = new StripedLocks(count);
        Set<Integer> used = new HashSet<>();
        // A hundred keys a stripe, addresses that differ only in their last two bytes, as one network's senders.
        for (int i = 0; i < 100 * count; i++) {
            String key = "addr:1000/2000:10.0." + (i / 256) + "." + (i % 256);
            int stripe = locks.stripe(key);
            assertTrue(stripe >= 0 && stripe < count, key + " on stripe " + stripe);
            assertEquals(stripe, locks.stripe(new String(key)), "the same key, the same stripe");
            used.add(stripe);
        }
        assertEquals(count, used.size(), "every stripe used, none beyond " + (count - 1));
    }

    @Test
    void aHeldStripeMakesItsKeysWaitAndNoOthers() throws Exception {
        StripedLocks locks = new StripedLocks(JCacheRateLimitStore.LOCK_STRIPES);
        String held = "hook:100/500:a";
        String same = null;
        String other = null;
        for (int i = 0; same == null || other == null; i++) {
            String candidate = "hook:100/500:" + i;
            if (locks.stripe(candidate) == locks.stripe(held)) {
                same = same == null ? candidate : same;
            } else {
                other = other == null ? candidate : other;
            }
        }
        Lock lock = locks.tryLock(held, Duration.ZERO).orElseThrow();
        try {
            String sameKey = same;
            String otherKey = other;
            // Other threads: the locks are reentrant, so this one would get its own stripe again.
            assertTrue(CompletableFuture.supplyAsync(() -> locks.tryLock(sameKey, Duration.ofMillis(20)))
                    .get(10, TimeUnit.SECONDS)
                    .isEmpty());
            Optional<Lock> free = CompletableFuture.supplyAsync(() -> {
                        Optional<Lock> got = locks.tryLock(otherKey, Duration.ZERO);
                        got.ifPresent(Lock::unlock);
                        return got;
                    })
                    .get(10, TimeUnit.SECONDS);
            assertTrue(free.isPresent(), "another stripe is free");
        } finally {
            lock.unlock();
        }
        String sameKey = same;
        Optional<Lock> afterwards = CompletableFuture.supplyAsync(() -> {
                    Optional<Lock> got = locks.tryLock(sameKey, Duration.ZERO);
                    got.ifPresent(Lock::unlock);
                    return got;
                })
                .get(10, TimeUnit.SECONDS);
        assertTrue(afterwards.isPresent(), "free again once unlocked");
    }

    @Test
    void anInterruptedWaitIsEmptyAndKeepsTheInterrupt() {
        StripedLocks locks = new StripedLocks(1);
        Thread.currentThread().interrupt();
        try {
            assertTrue(locks.tryLock("k", Duration.ofSeconds(5)).isEmpty());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
