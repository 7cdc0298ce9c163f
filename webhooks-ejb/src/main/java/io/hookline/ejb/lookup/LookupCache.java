package io.hookline.ejb.lookup;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * A bounded cache of look-ups the hook path repeats on every request (the hook by its id, where a
 * hook's post goes), valid while {@link LookupVersion} is unchanged. A loader answering {@code null}
 * is not cached: unknown hook ids are anyone's to invent, and must not fill memory.
 *
 * <p>Bounded twice, because its keys come from requests: at most {@code maxEntries} entries, and no key
 * larger than {@code maxKeySize} (as measured by the cache's owner) is ever stored; such a key is looked up
 * and answered, never kept. Owners pass keys they have already checked, so the size guard is the backstop
 * that keeps "entries × key size" a fixed number even if a check upstream is lost.
 */
public final class LookupCache<K, V> {

    private final int maxEntries;
    private final int maxKeySize;
    private final ToIntFunction<K> keySize;
    private final LongSupplier version;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    /**
     * A cache of at most {@code maxEntries}, each keyed by at most {@code maxKeySize} as {@code keySize}
     * measures it; past {@code maxEntries} it starts over (a flood of distinct keys is rare).
     */
    public LookupCache(int maxEntries, int maxKeySize, ToIntFunction<K> keySize) {
        this(maxEntries, maxKeySize, keySize, LookupVersion::current);
    }

    LookupCache(int maxEntries, int maxKeySize, ToIntFunction<K> keySize, LongSupplier version) {
        if (maxEntries < 1 || maxKeySize < 1) {
            throw new IllegalArgumentException("maxEntries and maxKeySize must be positive");
        }
        this.maxEntries = maxEntries;
        this.maxKeySize = maxKeySize;
        this.keySize = keySize;
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
        if (value != null && keySize.applyAsInt(key) <= maxKeySize) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now));
        }
        return value;
    }

    /**
     * The value held for {@code key}, however old (null when none): never loads. For what only labels a
     * measurement and may lag a change (a hook's metrics key), not for a decision.
     */
    public V peek(K key) {
        Entry<V> entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    /** Entries held now; at most {@code maxEntries}. */
    public int size() {
        return entries.size();
    }

    private record Entry<V>(V value, long version) {}
}
