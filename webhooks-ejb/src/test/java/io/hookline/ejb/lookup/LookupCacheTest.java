package io.hookline.ejb.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LookupCacheTest {

    private final AtomicLong version = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        loads.incrementAndGet();
        return key.startsWith("unknown") ? null : key.toUpperCase() + version.get();
    }

    @Test
    void aValueIsLoadedOncePerVersion() {
        LookupCache<String, String> cache = new LookupCache<>(10, 8, String::length, version::get);
        assertEquals("A0", cache.get("a", this::load));
        assertEquals("A0", cache.get("a", this::load));
        assertEquals(1, loads.get());
        version.incrementAndGet();
        assertEquals("A1", cache.get("a", this::load), "a change makes it read again");
        assertEquals(2, loads.get());
    }

    @Test
    void nullIsNeverCached() {
        LookupCache<String, String> cache = new LookupCache<>(10, 8, String::length, version::get);
        assertNull(cache.get("unknown-1", this::load));
        assertNull(cache.get("unknown-1", this::load));
        assertEquals(2, loads.get());
        assertEquals(0, cache.size());
    }

    @Test
    void atMostMaxEntriesAreKept() {
        LookupCache<String, String> cache = new LookupCache<>(3, 8, String::length, version::get);
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.get("c", this::load);
        assertEquals(3, cache.size(), "exactly at the limit");
        cache.get("d", this::load);
        assertEquals(1, cache.size(), "one past the limit starts over");
        assertThrows(IllegalArgumentException.class, () -> new LookupCache<String, String>(0, 8, String::length));
        assertThrows(IllegalArgumentException.class, () -> new LookupCache<String, String>(3, 0, String::length));
    }

    @Test
    void manyDistinctKeysNeverHoldMoreThanMaxEntries() {
        LookupCache<String, String> cache = new LookupCache<>(100, 8, String::length, version::get);
        for (int i = 0; i < 10_000; i++) {
            cache.get("k" + i, this::load);
            assertTrue(cache.size() <= 100);
        }
    }

    @Test
    void aKeyLargerThanTheBoundIsAnsweredButNeverKept() {
        LookupCache<String, String> cache = new LookupCache<>(10, 8, String::length, version::get);
        assertEquals("ABCDEFGH0", cache.get("abcdefgh", this::load), "at the bound");
        assertEquals(1, cache.size());
        assertEquals("ABCDEFGHI0", cache.get("abcdefghi", this::load), "one past the bound: answered");
        assertEquals(1, cache.size(), "one past the bound: not kept");
        cache.get("abcdefghi", this::load);
        assertEquals(3, loads.get(), "so it is loaded every time");
    }

    @Test
    void theLoaderReadsAfterTheVersionWasTaken() {
        // A change committed while the loader runs must not leave its stale answer cached as current.
        LookupCache<String, String> cache = new LookupCache<>(10, 8, String::length, version::get);
        cache.get("a", key -> {
            version.incrementAndGet();
            return "stale";
        });
        assertEquals("A1", cache.get("a", this::load));
    }

    @Test
    void peekNeverLoadsAndKeepsAnsweringAfterTheVersionMoved() {
        LookupCache<String, String> cache = new LookupCache<>(10, 8, String::length, version::get);
        assertNull(cache.peek("a"), "nothing loaded yet");
        assertEquals(0, cache.size(), "peek loads nothing");
        assertEquals("A0", cache.get("a", this::load));
        version.incrementAndGet();
        assertEquals("A0", cache.peek("a"), "a label may lag a change");
        assertNull(cache.peek("unknown-1"));
        cache.get("unknown-1", this::load);
        assertNull(cache.peek("unknown-1"), "an unknown key is never kept");
    }
}
