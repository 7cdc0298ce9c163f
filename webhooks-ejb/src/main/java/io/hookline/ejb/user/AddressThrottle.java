package io.hookline.ejb.user;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address, in this JVM: {@code burst} attempts at once, refilled at
 * {@code perMinute}. At most {@code maxAddresses} buckets are kept; the least recently used is forgotten first
 * (it starts full when its address comes back), so a flood of distinct addresses costs bounded memory.
 * Not shared between servers: each server of a cluster limits what reaches it.
 */
final class AddressThrottle {

    /** The answer for one attempt: allowed, or refused with the whole seconds until a token is back (≥ 1). */
    record Decision(boolean allowed, long retryAfterSeconds) {}

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final int burst;
    private final long nanosPerToken;
    private final Map<String, Bucket> buckets;
    private final LongSupplier nanoClock;

    AddressThrottle(int burst, int perMinute, int maxAddresses, LongSupplier nanoClock) {
        this.burst = burst;
        this.nanosPerToken = NANOS_PER_MINUTE / perMinute;
        this.nanoClock = nanoClock;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** Takes one token from the address's bucket, if there is one. */
    synchronized Decision tryAcquire(String address) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(burst, now));
        bucket.refill(now);
        if (bucket.tokens >= 1) {
            bucket.tokens--;
            return new Decision(true, 0);
        }
        long nanosToNext = nanosPerToken - (now - bucket.refilledAt);
        return new Decision(false, Math.max(1, (nanosToNext + 999_999_999L) / 1_000_000_000L));
    }

    /** Gives a token back (a successful sign-in): only failures use up an address's allowance. */
    synchronized void giveBack(String address) {
        Bucket bucket = buckets.get(address);
        if (bucket != null) {
            bucket.tokens = Math.min(burst, bucket.tokens + 1);
        }
    }

    synchronized int size() {
        return buckets.size();
    }

    private final class Bucket {
        long tokens;
        long refilledAt;

        Bucket(long tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        void refill(long now) {
            if (tokens >= burst) {
                refilledAt = now;
                return;
            }
            long earned = (now - refilledAt) / nanosPerToken;
            if (earned > 0) {
                tokens = Math.min(burst, tokens + earned);
                refilledAt = tokens == burst ? now : refilledAt + earned * nanosPerToken;
            }
        }
    }
}
