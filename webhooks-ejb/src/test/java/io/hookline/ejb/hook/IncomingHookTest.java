package io.hookline.ejb.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IncomingHookTest {

    private static final long CREATED = 1_700_000_000_000L;

    private static IncomingHook hook() {
        return new IncomingHook(
                "user",
                "channel",
                "team",
                new HookDetails("CI", "builds", "robot", "https://example.com/i.png", true),
                CREATED);
    }

    @Test
    void regeneratingKeepsEverythingButTheId() {
        IncomingHook hook = hook();
        IncomingHook renewed = hook.regenerated(CREATED + 99);
        assertNotEquals(hook.view().id(), renewed.view().id());
        assertEquals(26, renewed.view().id().length());
        var a = hook.view();
        var b = renewed.view();
        assertEquals(a.channelId(), b.channelId());
        assertEquals(a.userId(), b.userId());
        assertEquals(a.teamId(), b.teamId());
        assertEquals(a.displayName(), b.displayName());
        assertEquals(a.description(), b.description());
        assertEquals(a.username(), b.username());
        assertEquals(a.iconUrl(), b.iconUrl());
        assertEquals(a.channelLocked(), b.channelLocked());
        assertEquals(CREATED, b.createAt(), "the hook keeps its creation time");
        assertEquals(a.lastUsedAt(), b.lastUsedAt());
        assertEquals(CREATED + 99, b.updateAt());
    }

    @Test
    void rotatingKeepsEverythingButTheIdAndHonoursTheOldIdUntilItsExpiry() {
        IncomingHook hook = hook();
        IncomingHook rotated = hook.rotated(CREATED + 10, CREATED + 10 + 5_000);
        assertNotEquals(hook.view().id(), rotated.view().id());
        assertEquals(hook.view().channelId(), rotated.view().channelId());
        assertEquals(CREATED, rotated.view().createAt());
        assertEquals(CREATED + 10, rotated.rotatedAt());
        assertTrue(rotated.openedByPreviousId(hook.view().id()));
        assertFalse(rotated.openedByPreviousId(rotated.view().id()), "its own id is no previous id");
        assertEquals(hook.view().id(), rotated.previousIdAt(CREATED + 10 + 4_999));
        assertNull(rotated.previousIdAt(CREATED + 10 + 5_000), "gone exactly at the expiry");
        assertEquals(CREATED + 10 + 5_000, rotated.view(CREATED + 10).previousIdExpiresAt());
        assertNull(rotated.view(CREATED + 10 + 5_000).previousIdExpiresAt(), "no expiry shown once expired");
        assertNull(hook.view().previousIdExpiresAt(), "a hook never rotated shows none");
    }

    @Test
    void rotatingTwiceKeepsOnlyTheLatestPreviousId() {
        IncomingHook first = hook();
        IncomingHook second = first.rotated(CREATED + 1, CREATED + 100_000);
        IncomingHook third = second.rotated(CREATED + 2, CREATED + 100_000);
        assertTrue(third.openedByPreviousId(second.view().id()));
        assertFalse(third.openedByPreviousId(first.view().id()), "one previous id at a time");
    }

    @Test
    void revokingEndsThePreviousIdAtOnce() {
        IncomingHook rotated = hook().rotated(CREATED, CREATED + 100_000);
        rotated.revokePrevious(CREATED + 5);
        assertNull(rotated.previousIdAt(CREATED + 5));
        assertNull(rotated.view(CREATED + 5).previousIdExpiresAt());
        assertEquals(CREATED + 5, rotated.view(CREATED + 5).updateAt());
    }

    @Test
    void aRegeneratedCopyHasNoPreviousId() {
        IncomingHook regenerated = hook().rotated(CREATED, CREATED + 100_000).regenerated(CREATED + 1);
        assertNull(regenerated.previousIdAt(CREATED + 1));
    }
}
