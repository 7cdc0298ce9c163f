package io.hookline.ejb.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * The buckets in the server's JCache, through {@link JCacheCompareAndSwap}: each consumption reads the bucket
 * and swaps in its new state atomically, and the value is Bucket4j's serialized state ({@code byte[]}), so
 * neither the cache nor the calls carry a class of ours and any server running Hookline in the same Hazelcast
 * cluster shares the limits as they are.
 *
 * <p>Payara gives applications a Hazelcast-backed {@link CacheManager} as a CDI bean (null while the
 * domain's Hazelcast is disabled). The cache {@value #CACHE_NAME} is created on first use. Its entries
 * expire {@value #IDLE_EXPIRY_MINUTES} minutes after their last change, by when a bucket has usually refilled
 * anyway (it refills fully in MaxBurst / PerSec seconds); Hazelcast's default eviction also caps a cache at
 * about 10,000 entries per member, least recently used first. A bucket that is gone starts full.
 *
 * <p>This class and {@link JCacheCompareAndSwap} are the only ones that name {@code javax.cache}:
 * {@link HookRateLimiter} loads them only when the server has that API.
 */
final class JCacheRateLimitStore implements RateLimitStore {

    static final String CACHE_NAME = "hookline-rate-limits";
    static final int IDLE_EXPIRY_MINUTES = 60;

    private final ProxyManager<String> buckets;
    private final String description;

    JCacheRateLimitStore(Cache<String, byte[]> cache) {
        this.buckets = new JCacheCompareAndSwap(cache);
        this.description = "JCache '" + CACHE_NAME + "' ("
                + cache.getCacheManager().getCachingProvider().getClass().getName() + ")";
    }

    /** The server's JCache store, or empty when the server offers no JCache {@link CacheManager}. */
    static Optional<RateLimitStore> fromServer() {
        Instance<CacheManager> managers = CDI.current().select(CacheManager.class);
        if (!managers.isResolvable()) {
            return Optional.empty();
        }
        CacheManager manager = managers.get();
        if (manager == null || manager.isClosed()) {
            return Optional.empty();
        }
        return Optional.of(new JCacheRateLimitStore(cache(manager)));
    }

    private static Cache<String, byte[]> cache(CacheManager manager) {
        Cache<String, byte[]> cache = manager.getCache(CACHE_NAME, String.class, byte[].class);
        if (cache != null) {
            return cache;
        }
        MutableConfiguration<String, byte[]> configuration = new MutableConfiguration<String, byte[]>()
                .setTypes(String.class, byte[].class)
                .setExpiryPolicyFactory(
                        ModifiedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, IDLE_EXPIRY_MINUTES)));
        try {
            return manager.createCache(CACHE_NAME, configuration);
        } catch (CacheException createdMeanwhile) {
            // Another server (or a concurrent deployment) created it first: use that one.
            return manager.getCache(CACHE_NAME, String.class, byte[].class);
        }
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public String describe() {
        return description;
    }
}
