package io.hookline.ejb.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.ejb.lookup.LookupVersion;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ActiveHooksTest {

    private static final long CREATED = 1_700_000_000_000L;
    private static final long MINUTE = IncomingHook.LAST_USED_GRANULARITY_MS;

    private static IncomingHook hook() {
        return new IncomingHook(
                "user",
                "channel",
                "team",
                new HookDetails("CI", "builds", "robot", "https://example.com/i.png", true),
                CREATED);
    }

    @Test
    void aHookIsReadOnceUntilSomethingChanges() {
        ActiveHooks hooks = new ActiveHooks();
        IncomingHook hook = hook();
        AtomicInteger reads = new AtomicInteger();
        ActiveHooks.Snapshot first = hooks.find("h", id -> {
            reads.incrementAndGet();
            return hook;
        });
        ActiveHooks.Snapshot second = hooks.find("h", id -> {
            reads.incrementAndGet();
            return hook;
        });
        assertSame(first, second);
        assertEquals(1, reads.get());
        assertEquals("channel", first.route().hookChannelId());
        assertEquals("user", first.userId());
        LookupVersion.changed();
        hooks.find("h", id -> {
            reads.incrementAndGet();
            return hook;
        });
        assertEquals(2, reads.get(), "read again after a change");
    }

    @Test
    void unknownAndDeletedHooksAreNotCached() {
        ActiveHooks hooks = new ActiveHooks();
        AtomicInteger reads = new AtomicInteger();
        IncomingHook deleted = hook();
        deleted.delete(CREATED + 1);
        assertNull(hooks.find("d", id -> {
            reads.incrementAndGet();
            return deleted;
        }));
        assertNull(hooks.find("d", id -> {
            reads.incrementAndGet();
            return deleted;
        }));
        assertNull(hooks.find("x", id -> {
            reads.incrementAndGet();
            return null;
        }));
        assertEquals(3, reads.get());
    }

    @Test
    void lastUsedIsDueAtMostOncePerGranularity() {
        ActiveHooks hooks = new ActiveHooks();
        hooks.find("h", id -> hook()); // never used: last used 0
        assertTrue(hooks.markDue("h", CREATED + 5));
        assertFalse(hooks.markDue("h", CREATED + 5 + MINUTE - 1), "just inside the granularity: no write");
        assertTrue(hooks.markDue("h", CREATED + 5 + MINUTE), "at the granularity");
        assertFalse(hooks.markDue("h", CREATED + 5 + MINUTE));
    }

    @Test
    void aHookNeverLoadedIsDueOnce() {
        ActiveHooks hooks = new ActiveHooks();
        assertTrue(hooks.markDue("new", CREATED));
        assertFalse(hooks.markDue("new", CREATED + 1));
    }

    @Test
    void hooksPastTheBoundNeverHoldMoreThanMaxEntriesAndOverlongIdsAreNotKept() {
        ActiveHooks hooks = new ActiveHooks();
        IncomingHook hook = hook();
        for (int i = 0; i < ActiveHooks.MAX_ENTRIES; i++) {
            hooks.find(String.format("%026d", i), id -> hook);
        }
        assertEquals(ActiveHooks.MAX_ENTRIES, hooks.size(), "exactly at the bound");
        hooks.find("x".repeat(ActiveHooks.MAX_KEY_LENGTH), id -> hook);
        assertTrue(hooks.size() <= ActiveHooks.MAX_ENTRIES, "one past the bound: " + hooks.size());
        int before = hooks.size();
        hooks.find("y".repeat(ActiveHooks.MAX_KEY_LENGTH + 1), id -> hook);
        assertEquals(before, hooks.size(), "a key longer than an id is never kept");
    }

    @Test
    void aPreviousIdOpensItsHookUntilExactlyItsExpiryAndIsNeverServedFromTheCacheAfter() {
        long[] now = {CREATED};
        ActiveHooks hooks = new ActiveHooks(() -> now[0]);
        IncomingHook old = hook();
        String oldId = old.id();
        IncomingHook renewed = old.rotated(CREATED, CREATED + 2_000);
        old.delete(CREATED);
        AtomicInteger reads = new AtomicInteger();
        java.util.function.Function<String, IncomingHook> load = id -> {
            reads.incrementAndGet();
            return id.equals(renewed.id()) || id.equals(oldId) ? renewed : null;
        };

        ActiveHooks.Snapshot viaOld = hooks.find(oldId, load);
        assertTrue(viaOld.viaPreviousId());
        assertEquals(renewed.id(), viaOld.id(), "the hook's own id, for its last-used mark and its log");
        assertEquals(CREATED + 2_000, viaOld.validUntil());
        now[0] = CREATED + 1_999;
        assertSame(viaOld, hooks.find(oldId, load), "cached until the expiry");
        assertEquals(1, reads.get());
        now[0] = CREATED + 2_000;
        assertNull(hooks.find(oldId, load), "stops exactly at the expiry, though still cached");
        assertEquals(1, reads.get(), "an expired entry is refused without a read");
        LookupVersion.changed();
        assertNull(hooks.find(oldId, load), "and read again, it is not cached: expired");

        ActiveHooks.Snapshot own = hooks.find(renewed.id(), load);
        assertFalse(own.viaPreviousId());
        assertEquals(Long.MAX_VALUE, own.validUntil());
    }

    @Test
    void revokingDropsACachedPreviousIdAtTheNextChange() {
        ActiveHooks hooks = new ActiveHooks(() -> CREATED);
        IncomingHook old = hook();
        IncomingHook renewed = old.rotated(CREATED, CREATED + 60_000);
        old.delete(CREATED);
        String oldId = old.id();
        // As HookReads: the old id opens the renewed hook while it names it as its previous id.
        java.util.function.Function<String, IncomingHook> load =
                id -> id.equals(oldId) ? (renewed.previousIdAt(CREATED) == null ? old : renewed) : null;
        assertTrue(hooks.find(oldId, load).viaPreviousId());
        renewed.revokePrevious(CREATED);
        LookupVersion.changed(); // what the entity listener (and on PostgreSQL the cluster counter) does
        assertNull(hooks.find(oldId, load));
    }

    @Test
    void theConsoleKeyOfAHookFoundBeforeNeverItsIdAndNoLookUp() {
        ActiveHooks hooks = new ActiveHooks();
        IncomingHook hook = hook();
        assertNull(hooks.cachedConsoleKey(hook.id()), "not found yet: no key, and no database read to get one");
        assertNull(hooks.cachedConsoleKey(null));
        hooks.find(hook.id(), id -> hook);
        String key = hooks.cachedConsoleKey(hook.id());
        assertEquals(hook.consoleKey(), key);
        assertEquals(IncomingHook.CONSOLE_KEY_LENGTH, key.length());
        assertFalse(hook.id().contains(key), "the key is not a piece of the id");
        LookupVersion.changed();
        assertEquals(key, hooks.cachedConsoleKey(hook.id()), "still labelled after an unrelated change");
    }
}
