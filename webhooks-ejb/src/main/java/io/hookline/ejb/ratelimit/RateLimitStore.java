package io.hookline.ejb.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Where the token buckets live. Two implementations: {@link JCacheRateLimitStore}, the server's JCache
 * (Payara: Hazelcast), which a second server in the same cluster shares as it is; and
 * {@link LocalRateLimitStore}, a bounded map in this JVM, for servers without JCache.
 *
 * <p>A key names one bucket and carries its limits (see {@link HookRateLimiter}), so a bucket is never asked
 * for with two configurations. A bucket that does not exist starts full.
 */
public interface RateLimitStore {

    /** Takes one token from the bucket {@code key}, creating it full with {@code configuration} if absent. */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);

    /** For the log: which store this is. */
    String describe();
}
