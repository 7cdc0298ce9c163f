package io.hookline.it;

import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.assertWebhookProps;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.hookJson;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.newestPost;
import static io.hookline.it.ApiFixtures.postCount;
import static io.hookline.it.ApiFixtures.withServiceSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code username}, {@code icon_url}, {@code icon_emoji} and client {@code props}, against
 * {@code ServiceSettings.EnablePostUsernameOverride} / {@code EnablePostIconOverride} and the hook's own
 * defaults. Every test sets both settings explicitly and restores them afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HookOverridesIT {

    private static final String USERNAME_OVERRIDE = "EnablePostUsernameOverride";
    private static final String ICON_OVERRIDE = "EnablePostIconOverride";
    private static final String HOOK_USERNAME = "hookbot";
    private static final String HOOK_ICON = "https://example.com/hook-default.png";
    private static final String PAYLOAD_ICON = "https://example.com/payload.png";
    private static final String[] OVERRIDE_PROPS = {"override_username", "override_icon_url", "override_icon_emoji"};

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    private TestUser owner;
    /** A fresh public channel: the newest post is always this test's. */
    private String channelId;
    /** Username and icon defaults set. */
    private JsonObject hookWithDefaults;
    /** No defaults. */
    private JsonObject plainHook;

    @BeforeEach
    void setUp() {
        admin = ApiFixtures.admin();
        owner = newUser(admin, "ovr");
        String teamId = createTeam(owner.client()).getString("id");
        channelId = createChannel(owner.client(), teamId, "O").getString("id");
        hookWithDefaults = ApiFixtures.createHook(
                owner.client(), channelId, "Defaults " + ApiFixtures.suffix(), false, HOOK_USERNAME, HOOK_ICON);
        plainHook = ApiFixtures.createHook(owner.client(), channelId, "Plain " + ApiFixtures.suffix(), false, "", "");
    }

    @Test
    void withBothOverridesOffNothingIsOverridden() {
        settings(false, false, () -> {
            JsonObject everything = post(
                    hookWithDefaults,
                    Json.createObjectBuilder()
                            .add("username", "robot")
                            .add("icon_url", PAYLOAD_ICON)
                            .add("icon_emoji", ":ghost:"));
            assertNoOverrides(everything);

            JsonObject defaultsOnly = post(hookWithDefaults, Json.createObjectBuilder());
            assertNoOverrides(defaultsOnly);

            JsonObject plain = post(
                    plainHook,
                    Json.createObjectBuilder()
                            .add("username", "robot")
                            .add("icon_url", PAYLOAD_ICON)
                            .add("icon_emoji", ":ghost:"));
            assertNoOverrides(plain);
        });
    }

    @Test
    void usernameOverrideOnPrefersThePayloadThenTheHookDefault() {
        settings(true, false, () -> {
            JsonObject fromPayload =
                    post(hookWithDefaults, Json.createObjectBuilder().add("username", "robot"));
            assertEquals("robot", props(fromPayload).getString("override_username", null), fromPayload.toString());

            JsonObject fromHook = post(hookWithDefaults, Json.createObjectBuilder());
            assertEquals(HOOK_USERNAME, props(fromHook).getString("override_username", null), fromHook.toString());

            JsonObject none = post(plainHook, Json.createObjectBuilder());
            assertFalse(props(none).containsKey("override_username"), "no name to override with: " + none);

            // The icon setting is off: neither the payload's nor the hook's icon is used.
            JsonObject icons = post(
                    hookWithDefaults,
                    Json.createObjectBuilder()
                            .add("username", "robot")
                            .add("icon_url", PAYLOAD_ICON)
                            .add("icon_emoji", ":ghost:"));
            assertEquals("robot", props(icons).getString("override_username", null));
            assertFalse(props(icons).containsKey("override_icon_url"), icons.toString());
            assertFalse(props(icons).containsKey("override_icon_emoji"), icons.toString());
        });
    }

    @Test
    void iconOverrideOnPrefersThePayloadThenTheHookDefault() {
        settings(false, true, () -> {
            JsonObject fromPayload =
                    post(hookWithDefaults, Json.createObjectBuilder().add("icon_url", PAYLOAD_ICON));
            assertEquals(PAYLOAD_ICON, props(fromPayload).getString("override_icon_url", null), fromPayload.toString());

            JsonObject fromHook = post(hookWithDefaults, Json.createObjectBuilder());
            assertEquals(HOOK_ICON, props(fromHook).getString("override_icon_url", null), fromHook.toString());

            JsonObject none = post(plainHook, Json.createObjectBuilder());
            assertFalse(props(none).containsKey("override_icon_url"), "no icon to override with: " + none);

            JsonObject emoji = post(plainHook, Json.createObjectBuilder().add("icon_emoji", ":ghost:"));
            String overrideEmoji = props(emoji).getString("override_icon_emoji", null);
            assertTrue(overrideEmoji != null, "override_icon_emoji in " + emoji);
            assertEquals("ghost", overrideEmoji.replace(":", ""), emoji.toString());

            // The username setting is off: neither the payload's nor the hook's name is used.
            JsonObject names = post(hookWithDefaults, Json.createObjectBuilder().add("username", "robot"));
            assertFalse(props(names).containsKey("override_username"), names.toString());
        });
    }

    @Test
    void clientPropsCannotForgeWebhookPropsButCustomPropsAreKept() {
        settings(false, false, () -> {
            JsonObject post = post(
                    plainHook,
                    Json.createObjectBuilder()
                            .add(
                                    "props",
                                    Json.createObjectBuilder()
                                            .add("from_webhook", "false")
                                            .add("override_username", "evil")
                                            .add("custom", "kept")));
            assertEquals("true", props(post).getString("from_webhook"), post.toString());
            assertFalse(props(post).containsKey("override_username"), "override off: " + post);
            assertEquals("kept", props(post).getString("custom", null), post.toString());
        });
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private void settings(boolean usernameOverride, boolean iconOverride, Runnable body) {
        withServiceSettings(
                admin,
                Map.of(
                        USERNAME_OVERRIDE, usernameOverride ? JsonValue.TRUE : JsonValue.FALSE,
                        ICON_OVERRIDE, iconOverride ? JsonValue.TRUE : JsonValue.FALSE),
                body);
    }

    /**
     * Adds a unique text to the payload, posts it through the hook (200 ok), and returns the one new post,
     * checked to be the creator's with the webhook props every hook post carries.
     */
    private JsonObject post(JsonObject hook, jakarta.json.JsonObjectBuilder payload) {
        String text = "overrides " + ApiFixtures.suffix();
        int before = postCount(owner.client(), channelId);
        assertHookOk(
                hookJson(hook.getString("id"), payload.add("text", text).build().toString()));
        assertEquals(before + 1, postCount(owner.client(), channelId));
        JsonObject post = newestPost(owner.client(), channelId);
        assertEquals(text, post.getString("message"));
        assertEquals(owner.id(), post.getString("user_id"), "always the creator's post");
        assertWebhookProps(post, hook);
        return post;
    }

    private static JsonObject props(JsonObject post) {
        return post.getJsonObject("props");
    }

    private static void assertNoOverrides(JsonObject post) {
        for (String prop : OVERRIDE_PROPS) {
            assertFalse(props(post).containsKey(prop), prop + " with the override off: " + post);
        }
    }
}
