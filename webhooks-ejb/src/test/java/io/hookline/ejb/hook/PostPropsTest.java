package io.hookline.ejb.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import io.hookline.ejb.common.SafeUrls;
import io.hookline.ejb.settings.Settings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostPropsTest {

    private static final HookDefaults HOOK = new HookDefaults("CI", "hook-bot", "https://x/h.png");
    private static final HookDefaults PLAIN_HOOK = new HookDefaults("", "", "");

    private static Settings settings(boolean usernameOverride, boolean iconOverride) {
        return new Settings(
                true,
                usernameOverride,
                iconOverride,
                4000,
                300_000,
                false,
                io.hookline.ejb.settings.RateLimitSettings.DEFAULTS,
                Settings.DEFAULT_HOOK_DELIVERY_LOG_SIZE);
    }

    private static WebhookPayload payload(String username, String iconUrl, String iconEmoji, JsonObject props) {
        return new WebhookPayload("t", null, username, iconUrl, iconEmoji, null, null, props, null, null, null);
    }

    @Test
    void alwaysMarkedFromWebhookWithTheHooksName() {
        JsonObject props = PostProps.build(payload(null, null, null, null), HOOK, settings(false, false));
        assertEquals("true", props.getString("from_webhook"));
        assertEquals("CI", props.getString("webhook_display_name"));
        assertFalse(PostProps.build(payload(null, null, null, null), PLAIN_HOOK, settings(false, false))
                .containsKey("webhook_display_name"));
    }

    @Test
    void overridesOffIgnoreEveryNameAndIcon() {
        JsonObject props =
                PostProps.build(payload("robot", "https://x/i.png", ":ghost:", null), HOOK, settings(false, false));
        assertFalse(props.containsKey("override_username"));
        assertFalse(props.containsKey("override_icon_url"));
        assertFalse(props.containsKey("override_icon_emoji"));
    }

    @Test
    void payloadOverridesWinOverHookDefaults() {
        JsonObject props =
                PostProps.build(payload("robot", "https://x/i.png", ":ghost:", null), HOOK, settings(true, true));
        assertEquals("robot", props.getString("override_username"));
        assertEquals("https://x/i.png", props.getString("override_icon_url"));
        assertEquals(":ghost:", props.getString("override_icon_emoji"));
    }

    @Test
    void hookDefaultsApplyWhenThePayloadHasNone() {
        JsonObject props = PostProps.build(payload(null, null, null, null), HOOK, settings(true, true));
        assertEquals("hook-bot", props.getString("override_username"));
        assertEquals("https://x/h.png", props.getString("override_icon_url"));
    }

    @Test
    void clientCannotSetServerKeysButKeepsItsOwn() {
        JsonObject client = Json.createObjectBuilder()
                .add("from_webhook", "false")
                .add("override_username", "evil")
                .add("override_icon_url", "https://evil")
                .add("attachments", "x")
                .add("custom", "kept")
                .build();
        JsonObject props = PostProps.build(payload(null, null, null, client), PLAIN_HOOK, settings(false, false));
        assertEquals("true", props.getString("from_webhook"));
        assertFalse(props.containsKey("override_username"));
        assertFalse(props.containsKey("override_icon_url"));
        assertFalse(props.containsKey("attachments"));
        assertEquals("kept", props.getString("custom"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "data:image/png;base64,AAAA",
                "ftp://x/y.png",
                "//x/y.png",
                "http://",
                "not a url",
                "JAVASCRIPT:alert(1)",
                "file:///etc/passwd"
            })
    void iconUrlMustBeHttpOrHttps(String url) {
        HooklineException e = assertThrows(
                HooklineException.class,
                () -> PostProps.build(payload(null, url, null, null), PLAIN_HOOK, settings(false, true)));
        assertEquals("invalid_payload", e.id());
    }

    @Test
    void usernameLengthLimitAtAndPastTheBoundary() {
        String atLimit = "a".repeat(HookLimits.MAX_OVERRIDE_USERNAME);
        assertEquals(
                atLimit,
                PostProps.build(payload(atLimit, null, null, null), PLAIN_HOOK, settings(true, false))
                        .getString("override_username"));
        assertThrows(
                HooklineException.class,
                () -> PostProps.build(payload(atLimit + "a", null, null, null), PLAIN_HOOK, settings(true, false)));
    }

    @Test
    void iconUrlLengthLimitAtAndPastTheBoundary() {
        String prefix = "https://x/";
        String atLimit = prefix + "a".repeat(SafeUrls.MAX_ICON_LENGTH - prefix.length());
        assertEquals(
                atLimit,
                PostProps.build(payload(null, atLimit, null, null), PLAIN_HOOK, settings(false, true))
                        .getString("override_icon_url"));
        assertThrows(
                HooklineException.class,
                () -> PostProps.build(payload(null, atLimit + "a", null, null), PLAIN_HOOK, settings(false, true)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>", ":a b:", "", ":ghost::evil:"})
    void iconEmojiMustBeAnEmojiName(String emoji) {
        assertThrows(
                HooklineException.class,
                () -> PostProps.build(payload(null, null, emoji, null), PLAIN_HOOK, settings(false, true)));
    }

    @Test
    void iconEmojiNameLimitAtAndPastTheBoundaryWithOrWithoutColons() {
        String atLimit = "a".repeat(PostProps.MAX_ICON_EMOJI);
        for (String ok : new String[] {atLimit, ":" + atLimit + ":", ":" + atLimit, " :" + atLimit + ": "}) {
            assertEquals(
                    ok.trim(),
                    PostProps.build(payload(null, null, ok, null), PLAIN_HOOK, settings(false, true))
                            .getString("override_icon_emoji"));
        }
        for (String past : new String[] {
            atLimit + "a",
            ":" + atLimit + "a:",
            " ".repeat(PostProps.MAX_ICON_EMOJI + PostProps.MAX_EMOJI_PADDING) + ":a:"
        }) {
            assertThrows(
                    HooklineException.class,
                    () -> PostProps.build(payload(null, null, past, null), PLAIN_HOOK, settings(false, true)),
                    past);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {":ghost\u202E:", ":gh\u0085ost:", ":\u200Eghost:", ":gh\nost:", ":ghost\u2066:"})
    void iconEmojiWithControlOrBidiCharactersIsRefused(String emoji) {
        assertThrows(
                HooklineException.class,
                () -> PostProps.build(payload(null, null, emoji, null), PLAIN_HOOK, settings(false, true)));
    }

    @Test
    void usernameLosesBidiAndControlCharactersBeforeItIsStored() {
        JsonObject props = PostProps.build(
                payload("evil\nbot\u202E txt.exe\u2069\u200F\u0007\u009b", null, null, null),
                PLAIN_HOOK,
                settings(true, false));
        assertEquals("evil bot txt.exe", props.getString("override_username"));
    }

    @Test
    void aUsernameOfOnlyControlsFallsBackToTheHooksName() {
        JsonObject props = PostProps.build(payload("\u202E\u200E\n", null, null, null), HOOK, settings(true, false));
        assertEquals("hook-bot", props.getString("override_username"));
    }

    @Test
    void theHooksOwnNameIsCleanedToo() {
        HookDefaults hook = new HookDefaults("CI", "ci\u202Ebot", "");
        assertEquals(
                "cibot",
                PostProps.build(payload(null, null, null, null), hook, settings(true, false))
                        .getString("override_username"));
    }

    @Test
    void aUsernameAtTheLimitWithAControlCharacterPastItIsStillRefused() {
        // The limit counts what was sent: cleaning is no way around it.
        String sent = "a".repeat(HookLimits.MAX_OVERRIDE_USERNAME) + "\u202E";
        assertThrows(
                HooklineException.class,
                () -> PostProps.build(payload(sent, null, null, null), PLAIN_HOOK, settings(true, false)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://x/\u202Egnp.exe", "https://x/a\u2066b", "https://x/a\u200Fb"})
    void iconUrlWithBidiCharactersIsRefused(String url) {
        assertThrows(
                HooklineException.class,
                () -> PostProps.build(payload(null, url, null, null), PLAIN_HOOK, settings(false, true)));
    }
}
