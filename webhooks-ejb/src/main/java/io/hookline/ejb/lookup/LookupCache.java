package io.hookline.ejb.lookup;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A bounded cache of look-ups the hook path repeats on every request (the hook by its id, where a
 * hook's post goes), valid while {@link LookupVersion} is unchanged. A loader answering {@code null}
 * is not cached: unknown hook ids are anyone's to invent, and must not fill memory.
 */
public final class LookupCache<K, V> {

    private final int maxEntries;
    private final LongSupplier version;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    /** A cache of at most {@code maxEntries}; past that it starts over (a flood of distinct keys is rare). */
    public LookupCache(int maxEntries) {
        this(maxEntries, LookupVersion::current);
    }

    LookupCache(int maxEntries, LongSupplier version) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.version = version;
    }

    /** The cached value for {@code key} when still valid, else {@code loader}'s (read after taking the version). */
    public V get(K key, Function<K, V> loader) {
        long now = version.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.version() == now) {
            return entry.value();
        }
        V value = loader.apply(key);
        if (value != null) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now));
        }
        return value;
    }

    int size() {
        return entries.size();
    }

    private record Entry<V>(V value, long version) {
    }
}
