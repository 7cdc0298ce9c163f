package io.hookline.ejb.ratelimit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed number of locks shared out among bucket keys by hash, so that the requests of one server that take a
 * token from the same bucket queue up instead of racing each other's compare-and-swap in the grid. The number
 * of locks is fixed when created: keys come from request paths and addresses, so one lock per key would be
 * memory an attacker chooses. Two keys on the same stripe wait for each other too, which costs little: a
 * request holds its stripe for one read and one swap in the grid.
 */
final class StripedLocks {

    private final Lock[] stripes;

    StripedLocks(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("striped locks need at least one stripe, not " + count);
        }
        stripes = new Lock[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    int count() {
        return stripes.length;
    }

    /** The stripe of {@code key}: from 0 to {@link #count()} - 1, the same for equal keys. */
    int stripe(String key) {
        int hash = key.hashCode();
        // Spread the high bits down: keys that differ only at their start (the limits in "addr:1000/2000:…")
        // must not all land on the same few stripes when the count is a power of two.
        return Math.floorMod(hash ^ (hash >>> 16), stripes.length);
    }

    /**
     * The locked stripe of {@code key}, or empty when another thread held it longer than {@code wait}. The caller
     * unlocks it. An interrupted wait is empty too, with the thread's interrupt flag set again.
     */
    Optional<Lock> tryLock(String key, Duration wait) {
        Lock lock = stripes[stripe(key)];
        try {
            return lock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS) ? Optional.of(lock) : Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
