package io.hookline.ejb.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.cache.Cache;

/**
 * Bucket4j's buckets in a JCache through the cache's own atomic operations ({@code get}, then
 * {@code putIfAbsent} or {@code replace(key, old, new)}, retried by Bucket4j when another server changed the
 * bucket meanwhile), not through an entry processor. Only {@code String} keys and {@code byte[]} states cross
 * the wire, so the member that owns a key needs none of our (or Bucket4j's) classes: on Payara an entry
 * processor sent to another domain's member failed there ({@code EntryProcessorException: NullPointerException}
 * in Hazelcast's {@code CacheEntryProcessorOperation}), as that member's data grid cannot load classes from an
 * application's EAR, and every such request passed unchecked.
 *
 * <p>{@code replace} compares the stored state with the one read byte for byte (Hazelcast keeps cache values
 * serialized and compares them so), which is what a compare-and-swap of Bucket4j's state needs.
 */
final class JCacheCompareAndSwap extends AbstractCompareAndSwapBasedProxyManager<String> {

    /**
     * Swaps tried per consumption before giving up: bounds what one hook request costs the grid when many
     * servers update the same bucket at once. A consumption that gives up throws, and
     * {@link JCacheRateLimitStore} decides that request with this server's own bucket (logged). Requests of one
     * server take turns per bucket there, so only other servers can make a swap fail.
     */
    static final int MAX_SWAP_ATTEMPTS = 16;

    private final Cache<String, byte[]> cache;

    /**
     * @param clock the time Bucket4j refills by: {@link TimeMeter#SYSTEM_MILLISECONDS} (its default for shared
     *     buckets, so every server computes with wall-clock time) in the server, a fake in tests
     */
    JCacheCompareAndSwap(Cache<String, byte[]> cache, TimeMeter clock) {
        super(ClientSideConfig.getDefault().withClientClock(clock).withMaxRetries(MAX_SWAP_ATTEMPTS));
        this.cache = cache;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return Optional.ofNullable(cache.get(key));
            }

            @Override
            public boolean compareAndSwap(
                    byte[] originalData, byte[] newData, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                return originalData == null
                        ? cache.putIfAbsent(key, newData)
                        : cache.replace(key, originalData, newData);
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("the hook path checks its limits synchronously");
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public void removeProxy(String key) {
        cache.remove(key);
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("synchronous only"));
    }
}
