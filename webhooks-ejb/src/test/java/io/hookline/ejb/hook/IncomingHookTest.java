package io.hookline.ejb.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class IncomingHookTest {

    private static final long CREATED = 1_700_000_000_000L;

    private static IncomingHook hook() {
        return new IncomingHook("user", "channel", "team",
                new HookDetails("CI", "builds", "robot", "https://example.com/i.png", true), CREATED);
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
}
