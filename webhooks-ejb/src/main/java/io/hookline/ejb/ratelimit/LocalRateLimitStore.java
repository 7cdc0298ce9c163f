package io.hookline.ejb.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bucket4j's local buckets in a map of at most {@code maxKeys} entries that forgets the least recently used
 * bucket first (as Mattermost's {@code MemoryStoreSize}): keys come from request paths and addresses, so
 * their number must be bounded. A forgotten bucket starts full when its key comes back. One JVM only: used
 * where the server offers no JCache; {@link JCacheRateLimitStore} is the shared one.
 */
public final class LocalRateLimitStore implements RateLimitStore {

    private final Map<String, Bucket> buckets;
    private final TimeMeter clock;
    private final int maxKeys;

    /** @param clock Bucket4j's time source: {@link TimeMeter#SYSTEM_NANOTIME} in the server, a fake in tests */
    public LocalRateLimitStore(int maxKeys, TimeMeter clock) {
        this.maxKeys = maxKeys;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > LocalRateLimitStore.this.maxKeys;
            }
        };
    }

    @Override
    public synchronized ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return buckets.computeIfAbsent(key, k -> newBucket(configuration)).tryConsumeAndReturnRemaining(1);
    }

    synchronized int size() {
        return buckets.size();
    }

    private Bucket newBucket(BucketConfiguration configuration) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
        for (Bandwidth bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }

    @Override
    public String describe() {
        return "local buckets in this JVM (at most " + maxKeys + " keys)";
    }
}
