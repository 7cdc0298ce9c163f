package io.hookline.ejb.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.channel.ChannelOverride.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelOverrideTest {

    private static final int MAX = ChannelOverride.MAX_NAME_LENGTH;

    @Test
    void noOverrideIsTheHooksChannel() {
        assertSame(ChannelOverride.NONE, ChannelOverride.parse(null));
        assertEquals(Kind.HOOK_CHANNEL, ChannelOverride.NONE.kind());
    }

    @Test
    void bareAndHashNamesAreChannelsAndAtNamesAreUsers() {
        assertEquals(new ChannelOverride(Kind.CHANNEL, "off-topic"), ChannelOverride.parse("off-topic"));
        assertEquals(new ChannelOverride(Kind.CHANNEL, "off-topic"), ChannelOverride.parse("#off-topic"));
        assertEquals(new ChannelOverride(Kind.USER, "jim.b_2-x"), ChannelOverride.parse("@jim.b_2-x"));
    }

    @Test
    void namesAreCaseFolded() {
        assertEquals(new ChannelOverride(Kind.CHANNEL, "town-square"), ChannelOverride.parse("TOWN-SQUARE"));
        assertEquals(new ChannelOverride(Kind.CHANNEL, "town-square"), ChannelOverride.parse("#Town-Square"));
        assertEquals(new ChannelOverride(Kind.USER, "jim"), ChannelOverride.parse("@JIM"));
    }

    @Test
    void aNameAtTheLimitPassesAndOnePastIsRefused() {
        String atLimit = "a".repeat(MAX);
        assertEquals(atLimit, ChannelOverride.parse(atLimit).name());
        assertEquals(atLimit, ChannelOverride.parse("#" + atLimit).name(), "the prefix does not count");
        assertEquals(atLimit, ChannelOverride.parse("@" + atLimit).name());
        assertEquals(atLimit, ChannelOverride.parse("#" + atLimit.toUpperCase()).name(), "folded at the limit");
        assertRefused("channel_not_found", atLimit + "a");
        assertRefused("channel_not_found", "#" + atLimit + "a");
        assertRefused("user_not_found", "@" + atLimit + "a");
        assertRefused("channel_not_found", "A".repeat(MAX + 1));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "#",
                "##general",
                "town-square\n",
                " general",
                "general ",
                "../town-square",
                "town-square' OR '1'='1",
                "%",
                "main:town-square",
                "caf\u00e9",
                "a\u202Eb",
                "a\u0000b",
                "\u0130stanbul"
            })
    void channelNamesOutsideTheRuleAreChannelNotFound(String requested) {
        assertRefused("channel_not_found", requested);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@", "@@jim", "@x' OR '1'='1", "@jim smith", "@j\u200Fim", "@#jim"})
    void userNamesOutsideTheRuleAreUserNotFound(String requested) {
        assertRefused("user_not_found", requested);
    }

    @Test
    void aRefusalNeverEchoesTheValue() {
        String hostile = "x".repeat(65_536);
        HooklineException channel = assertThrows(HooklineException.class, () -> ChannelOverride.parse(hostile));
        HooklineException user = assertThrows(HooklineException.class, () -> ChannelOverride.parse("@" + hostile));
        HooklineException shortUser = assertThrows(HooklineException.class, () -> ChannelOverride.parse("@<script>"));
        assertFalse(channel.getMessage().contains("xxxx"));
        assertFalse(user.getMessage().contains("xxxx"));
        assertFalse(shortUser.getMessage().contains("script"));
    }

    private static void assertRefused(String id, String requested) {
        HooklineException refused = assertThrows(HooklineException.class, () -> ChannelOverride.parse(requested));
        assertEquals(404, refused.status());
        assertEquals(id, refused.id());
    }
}
