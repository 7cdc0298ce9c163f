package io.hookline.ejb.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.hookline.ejb.common.LogThrottle;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
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
 * <p>Contention never lets a request through unchecked. The requests of this server that take from the same
 * bucket queue on one of {@value #LOCK_STRIPES} locks ({@link StripedLocks}) before they touch the grid, so they
 * never race each other's compare-and-swap: only servers race, one request each at a time per bucket. (Without
 * this, about 1,000 requests a second from one address over 8 connections made Bucket4j lose its swap
 * {@value JCacheCompareAndSwap#MAX_SWAP_ATTEMPTS} times in a row, and the limiter let those requests pass.) When
 * the grid still gives no answer (swaps exhausted, a grid exception, the lock held longer than
 * {@link #LOCK_WAIT}), this server decides that request with a bucket of its own for the key, with the same
 * limits ({@link LocalRateLimitStore}), and says so in a warning at most once a minute. That bucket starts full
 * the first time it is needed, so while the grid fails a sender may get one more burst through each server, then
 * the refill rate: bounded, never unlimited.
 *
 * <p>This class and {@link JCacheCompareAndSwap} are the only ones that name {@code javax.cache}:
 * {@link HookRateLimiter} loads them only when the server has that API.
 */
final class JCacheRateLimitStore implements RateLimitStore {

    static final String CACHE_NAME = "hookline-rate-limits";
    static final int IDLE_EXPIRY_MINUTES = 60;

    /**
     * Locks the buckets of this server are shared out among (by the key's hash): enough that distinct hot
     * buckets seldom share one, few enough to be a fixed, small cost (a lock per key would grow with whatever
     * addresses and ids senders send).
     */
    static final int LOCK_STRIPES = 256;

    /**
     * How long a request waits for its bucket's lock before this server decides it alone: a grid read and swap
     * take about a millisecond, so this is only reached when the grid hangs (Hazelcast's own operation timeout is
     * minutes), and then no request thread waits longer.
     */
    static final Duration LOCK_WAIT = Duration.ofSeconds(1);

    private static final Logger LOG = Logger.getLogger(JCacheRateLimitStore.class.getName());

    private final ProxyManager<String> buckets;
    private final StripedLocks locks;
    private final Duration lockWait;
    private final RateLimitStore fallback;
    private final String description;
    private final LogThrottle failureLog = new LogThrottle(LogThrottle.DEFAULT_INTERVAL);

    /**
     * @param provider the JCache provider's name, for the log
     * @param fallback decides a request when the grid does not: this server's own buckets
     */
    JCacheRateLimitStore(Cache<String, byte[]> cache, String provider, RateLimitStore fallback) {
        this(cache, provider, fallback, TimeMeter.SYSTEM_MILLISECONDS, LOCK_STRIPES, LOCK_WAIT);
    }

    /** With Bucket4j's clock, the stripe count and the lock wait chosen by a test. */
    JCacheRateLimitStore(
            Cache<String, byte[]> cache,
            String provider,
            RateLimitStore fallback,
            TimeMeter clock,
            int lockStripes,
            Duration lockWait) {
        this.buckets = new JCacheCompareAndSwap(cache, clock);
        this.locks = new StripedLocks(lockStripes);
        this.lockWait = lockWait;
        this.fallback = fallback;
        this.description = "JCache '" + CACHE_NAME + "' (" + provider + ")";
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
        return Optional.of(new JCacheRateLimitStore(
                cache(manager),
                manager.getCachingProvider().getClass().getName(),
                new LocalRateLimitStore(HookRateLimiter.LOCAL_STORE_MAX_KEYS, TimeMeter.SYSTEM_NANOTIME)));
    }

    private static Cache<String, byte[]> cache(CacheManager manager) {
        Cache<String, byte[]> cache = manager.getCache(CACHE_NAME, String.class, byte[].class);
        if (cache != null) {
            return cache;
        }
        MutableConfiguration<String, byte[]> configuration = new MutableConfiguration<String, byte[]>()
                .setTypes(String.class, byte[].class)
                .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
                        new javax.cache.expiry.Duration(TimeUnit.MINUTES, IDLE_EXPIRY_MINUTES)));
        try {
            return manager.createCache(CACHE_NAME, configuration);
        } catch (CacheException createdMeanwhile) {
            // Another server (or a concurrent deployment) created it first: use that one.
            return manager.getCache(CACHE_NAME, String.class, byte[].class);
        }
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        Optional<Lock> lock = locks.tryLock(key, lockWait);
        if (lock.isEmpty()) {
            logFailure(null);
            return fallback.tryConsume(key, configuration);
        }
        try {
            return buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException gridFailure) {
            // Bucket4j's BucketExecutionException (swaps exhausted: other servers won every time) or the grid's
            // own (CacheException, Hazelcast's): decided below, by this server.
            logFailure(gridFailure);
        } finally {
            lock.get().unlock();
        }
        return fallback.tryConsume(key, configuration);
    }

    /** {@code failure} null: the bucket's lock was held longer than {@link #LOCK_WAIT} (or the wait interrupted). */
    private void logFailure(RuntimeException failure) {
        long failures = failureLog.pass(1);
        if (failures == LogThrottle.HELD_BACK) {
            return;
        }
        String what = failure == null ? "did not answer within " + lockWait.toMillis() + " ms" : "failed";
        LOG.log(
                Level.WARNING,
                "Rate limit store " + description + " " + what + "; this server decides those hook requests with its"
                        + " own buckets (same limits, not shared with other servers) until the grid answers again ("
                        + failures + " since the last warning)",
                failure);
    }

    int lockStripes() {
        return locks.count();
    }

    @Override
    public String describe() {
        return description;
    }
}
