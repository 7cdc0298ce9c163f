package io.hookline.ejb.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResolvedRoutesTest {

    private static final HookRoute ROUTE = new HookRoute("c", "t", "u", false);

    @Test
    void distinctRequestedNamesPastTheBoundNeverHoldMoreThanMaxEntries() {
        ResolvedRoutes routes = new ResolvedRoutes();
        ResolvedRoute refused = ResolvedRoute.refused(ChannelOverride.channelNotFound());
        for (int i = 0; i < ResolvedRoutes.MAX_ENTRIES; i++) {
            routes.get(ROUTE, ChannelOverride.parse("no-such-" + i), () -> refused);
        }
        assertEquals(ResolvedRoutes.MAX_ENTRIES, routes.size(), "exactly at the bound");
        routes.get(ROUTE, ChannelOverride.parse("one-more"), () -> refused);
        assertTrue(routes.size() <= ResolvedRoutes.MAX_ENTRIES, "one past the bound: " + routes.size());
    }

    @Test
    void aNameLongerThanTheKeyBoundIsResolvedButNotKept() {
        ResolvedRoutes routes = new ResolvedRoutes();
        // Only a ChannelOverride built around the rule can be this long: the cache's backstop still holds.
        ChannelOverride tooLong =
                new ChannelOverride(ChannelOverride.Kind.CHANNEL, "a".repeat(ResolvedRoutes.MAX_KEY_NAME_LENGTH + 1));
        assertEquals(
                "x", routes.get(ROUTE, tooLong, () -> ResolvedRoute.to("x")).channelId());
        assertEquals(0, routes.size());
        routes.get(
                ROUTE,
                ChannelOverride.parse("a".repeat(ResolvedRoutes.MAX_KEY_NAME_LENGTH)),
                () -> ResolvedRoute.to("x"));
        assertEquals(1, routes.size());
    }
}
