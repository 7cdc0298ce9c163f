package io.hookline.ejb.ratelimit;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorResult;

/**
 * The part of a data grid's JCache that {@link JCacheCompareAndSwap} uses ({@code get}, {@code putIfAbsent},
 * {@code replace(key, old, new)} comparing states byte for byte, as Hazelcast does), in memory, with what a
 * test needs to see and to break: how many threads were inside it for one key at once, how many swaps lost, a
 * hook before each read (to widen the window between read and swap, or to hold a request there), and two ways
 * to fail. Everything else is unsupported: the store must not need it.
 */
final class FakeGrid implements Cache<String, byte[]> {

    enum Mode {
        /** Answers as a grid nobody else writes to. */
        WORKS,
        /** Every swap loses, as if other servers always changed the bucket first. */
        SWAPS_ALWAYS_LOSE,
        /** Every call throws, as a grid that lost its members does. */
        UNREACHABLE
    }

    private final Map<String, byte[]> entries = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inside = new ConcurrentHashMap<>();

    volatile Mode mode = Mode.WORKS;
    /** Called with the key before each read, inside the grid. */
    volatile Consumer<String> beforeRead = key -> {};

    /** The keys read, in order. */
    final Queue<String> reads = new ConcurrentLinkedQueue<>();

    final AtomicInteger lostSwaps = new AtomicInteger();
    /** The most threads that were inside this grid for one key at the same time. */
    final AtomicInteger mostInsideAtOnce = new AtomicInteger();

    @Override
    public byte[] get(String key) {
        enter(key);
        try {
            reads.add(key);
            beforeRead.accept(key);
            return entries.get(key);
        } finally {
            leave(key);
        }
    }

    @Override
    public boolean putIfAbsent(String key, byte[] value) {
        enter(key);
        try {
            return counted(mode == Mode.WORKS && entries.putIfAbsent(key, value) == null);
        } finally {
            leave(key);
        }
    }

    @Override
    public boolean replace(String key, byte[] oldValue, byte[] newValue) {
        enter(key);
        try {
            boolean swapped = false;
            if (mode == Mode.WORKS) {
                synchronized (entries) {
                    if (Arrays.equals(entries.get(key), oldValue)) {
                        entries.put(key, newValue);
                        swapped = true;
                    }
                }
            }
            return counted(swapped);
        } finally {
            leave(key);
        }
    }

    private boolean counted(boolean swapped) {
        if (!swapped) {
            lostSwaps.incrementAndGet();
        }
        return swapped;
    }

    private void enter(String key) {
        int now = inside.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        mostInsideAtOnce.accumulateAndGet(now, Math::max);
        if (mode == Mode.UNREACHABLE) {
            leave(key);
            throw new CacheException("no member owns partition of " + key);
        }
    }

    private void leave(String key) {
        inside.get(key).decrementAndGet();
    }

    @Override
    public boolean remove(String key) {
        return entries.remove(key) != null;
    }

    @Override
    public String getName() {
        return JCacheRateLimitStore.CACHE_NAME;
    }

    @Override
    public Map<String, byte[]> getAll(Set<? extends String> keys) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean containsKey(String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void loadAll(Set<? extends String> keys, boolean replaceExisting, CompletionListener listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void put(String key, byte[] value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] getAndPut(String key, byte[] value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void putAll(Map<? extends String, ? extends byte[]> map) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(String key, byte[] oldValue) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] getAndRemove(String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean replace(String key, byte[] value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] getAndReplace(String key, byte[] value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeAll(Set<? extends String> keys) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeAll() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException();
    }

    @Override
    public <C extends Configuration<String, byte[]>> C getConfiguration(Class<C> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> T invoke(String key, EntryProcessor<String, byte[], T> processor, Object... arguments) {
        throw new UnsupportedOperationException("no entry processors: the other member cannot load our classes");
    }

    @Override
    public <T> Map<String, EntryProcessorResult<T>> invokeAll(
            Set<? extends String> keys, EntryProcessor<String, byte[], T> processor, Object... arguments) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CacheManager getCacheManager() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}

    @Override
    public boolean isClosed() {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void registerCacheEntryListener(CacheEntryListenerConfiguration<String, byte[]> configuration) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<String, byte[]> configuration) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterator<Entry<String, byte[]>> iterator() {
        throw new UnsupportedOperationException();
    }
}
