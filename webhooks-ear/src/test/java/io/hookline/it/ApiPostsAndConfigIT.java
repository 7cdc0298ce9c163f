package io.hookline.it;

import static io.hookline.it.ApiFixtures.addTeamMember;
import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.config;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.patchConfig;
import static io.hookline.it.ApiFixtures.patchConfigResponse;
import static io.hookline.it.ApiFixtures.postThroughHook;
import static io.hookline.it.ApiFixtures.setting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/v4/system/ping}, {@code /api/v4/posts}, channel posts, and {@code /api/v4/config}. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiPostsAndConfigIT {

    private static final String SERVICE = "ServiceSettings";
    private static final String TEAM = "TeamSettings";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;

    @BeforeEach
    void signIn() {
        admin = ApiFixtures.admin();
    }

    @Test
    void pingNeedsNoToken() {
        HttpResponse<String> response = ApiFixtures.anonymous().get("/api/v4/system/ping");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("OK", HooklineClient.json(response).getString("status"));
        assertEquals("OK", HooklineClient.json(response).getString("database_status"), "the database answered");
    }

    // --- posts -------------------------------------------------------------------------------------------

    @Test
    void aPostIsReadableByIdInMattermostShape() {
        TestUser owner = newUser(admin, "u");
        String teamId = createTeam(owner.client()).getString("id");
        String channelId = createChannel(owner.client(), teamId, "O").getString("id");
        String text = "by id " + ApiFixtures.suffix();
        postThroughHook(createHook(owner.client(), channelId).getString("id"), text);
        String postId = ApiFixtures.newestPost(owner.client(), channelId).getString("id");

        HttpResponse<String> response = owner.client().get("/api/v4/posts/" + postId);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject post = HooklineClient.json(response);
        assertEquals(postId, post.getString("id"));
        assertEquals(channelId, post.getString("channel_id"));
        assertEquals(owner.id(), post.getString("user_id"));
        assertEquals(text, post.getString("message"));
        assertEquals("true", post.getJsonObject("props").getString("from_webhook"));
        assertTrue(post.getJsonNumber("create_at").longValue() > 0, post.toString());
        assertTrue(post.containsKey("type"), post.toString());

        assertEquals(200, admin.get("/api/v4/posts/" + postId).statusCode());
        assertError(401, ApiFixtures.anonymous().get("/api/v4/posts/" + postId));
    }

    @Test
    void unknownPostIs404() {
        assertError(404, admin.get("/api/v4/posts/" + ApiFixtures.unknownId()));
    }

    @Test
    void postsOfAPrivateChannelAreHiddenFromNonMembers() {
        TestUser owner = newUser(admin, "u");
        TestUser teammate = newUser(admin, "u");
        String teamId = createTeam(owner.client()).getString("id");
        addTeamMember(owner.client(), teamId, teammate.id());
        String secret = createChannel(owner.client(), teamId, "P").getString("id");
        postThroughHook(createHook(owner.client(), secret).getString("id"), "secret " + ApiFixtures.suffix());
        String postId = ApiFixtures.newestPost(owner.client(), secret).getString("id");

        assertError(403, teammate.client().get("/api/v4/channels/" + secret + "/posts"));
        assertError(403, teammate.client().get("/api/v4/posts/" + postId));
    }

    @Test
    void postsPageNewestFirstSinceATimeAndAtMost200() throws InterruptedException {
        TestUser owner = newUser(admin, "u");
        String teamId = createTeam(owner.client()).getString("id");
        String channelId = createChannel(owner.client(), teamId, "O").getString("id");
        String hookId = createHook(owner.client(), channelId).getString("id");

        postThroughHook(hookId, "old");
        JsonObject old = ApiFixtures.newestPost(owner.client(), channelId);
        Thread.sleep(20);
        for (int i = 1; i <= 200; i++) {
            postThroughHook(hookId, "message " + i);
        }

        JsonObject capped = posts(owner.client(), channelId, "?per_page=1000");
        assertEquals(200, capped.getJsonArray("order").size(), "per_page is capped at 200");
        assertEquals(200, capped.getJsonObject("posts").size());
        assertEquals("message 200", message(capped, 0));
        assertEquals("message 1", message(capped, 199));

        // The next page starts at the 201st newest post, whatever the page size.
        JsonObject page1 = posts(owner.client(), channelId, "?page=1&per_page=200");
        assertEquals(old.getString("id"), page1.getJsonArray("order").getString(0));
        JsonObject page2 = posts(owner.client(), channelId, "?page=2&per_page=100");
        assertEquals(old.getString("id"), page2.getJsonArray("order").getString(0));
        assertEquals("old", message(page2, 0));

        long since = old.getJsonNumber("create_at").longValue() + 1;
        JsonObject recent = posts(owner.client(), channelId, "?since=" + since + "&per_page=200");
        List<String> recentIds = strings(recent.getJsonArray("order"));
        assertFalse(recentIds.contains(old.getString("id")), "a post older than since");
        assertEquals(200, recentIds.size(), "every post after since");
    }

    private static JsonObject posts(HooklineClient client, String channelId, String query) {
        HttpResponse<String> response = client.get("/api/v4/channels/" + channelId + "/posts" + query);
        assertEquals(200, response.statusCode(), response.body());
        return HooklineClient.json(response);
    }

    private static String message(JsonObject list, int index) {
        return list.getJsonObject("posts")
                .getJsonObject(list.getJsonArray("order").getString(index))
                .getString("message");
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    // --- config ------------------------------------------------------------------------------------------

    @Test
    void theAdminReadsTheConfigWithMattermostNames() {
        JsonObject config = config(admin);
        JsonObject service = config.getJsonObject(SERVICE);
        for (String flag :
                new String[] {"EnableIncomingWebhooks", "EnablePostUsernameOverride", "EnablePostIconOverride"}) {
            assertBoolean(service, flag);
        }
        for (String number : new String[] {"MaximumPayloadSizeBytes", "MaxPostSize"}) {
            assertTrue(service.get(number) instanceof JsonNumber, number + " in " + service);
            assertTrue(service.getJsonNumber(number).isIntegral(), number + " in " + service);
        }
        assertBoolean(config.getJsonObject(TEAM), "EnableOpenServer");
    }

    private static void assertBoolean(JsonObject section, String key) {
        JsonValue value = section.get(key);
        assertTrue(
                value != null
                        && (value.getValueType() == JsonValue.ValueType.TRUE
                                || value.getValueType() == JsonValue.ValueType.FALSE),
                key + " must be a boolean in " + section);
    }

    @Test
    void onlyTheAdminReadsTheConfig() {
        TestUser user = newUser(admin, "u");
        assertError(403, user.client().get("/api/v4/config"));
        assertError(401, ApiFixtures.anonymous().get("/api/v4/config"));
    }

    @Test
    void aPatchChangesOnlyWhatItNames() {
        JsonObject before = config(admin);
        JsonValue original = setting(before, SERVICE, "EnablePostUsernameOverride");
        JsonValue flipped = original == JsonValue.TRUE ? JsonValue.FALSE : JsonValue.TRUE;
        try {
            JsonObject answered = patchConfig(admin, SERVICE, "EnablePostUsernameOverride", flipped);
            assertEquals(flipped, setting(answered, SERVICE, "EnablePostUsernameOverride"));
            assertEquals(
                    withSetting(before, SERVICE, "EnablePostUsernameOverride", flipped),
                    answered,
                    "the full config, nothing else changed");
            assertEquals(answered, config(admin), "the change is kept");
        } finally {
            patchConfig(admin, SERVICE, "EnablePostUsernameOverride", original);
        }
        assertEquals(before, config(admin));
    }

    @Test
    void onlyTheAdminPatchesTheConfig() {
        TestUser user = newUser(admin, "u");
        JsonObject before = config(admin);
        JsonValue flipped =
                setting(before, SERVICE, "EnablePostIconOverride") == JsonValue.TRUE ? JsonValue.FALSE : JsonValue.TRUE;
        try {
            assertError(403, patchConfigResponse(user.client(), SERVICE, "EnablePostIconOverride", flipped));
            assertError(401, patchConfigResponse(ApiFixtures.anonymous(), SERVICE, "EnablePostIconOverride", flipped));
        } finally {
            restoreIfChanged(before);
        }
        assertEquals(before, config(admin), "unchanged");
    }

    @Test
    void invalidPatchesAre400AndChangeNothing() {
        JsonObject before = config(admin);
        try {
            assertError(400, patchConfigResponse(admin, SERVICE, "EnableIncomingWebhooks", Json.createValue("yes")));
            assertError(400, patchConfigResponse(admin, SERVICE, "MaxPostSize", Json.createValue(0)));
            assertError(400, patchConfigResponse(admin, SERVICE, "MaxPostSize", Json.createValue(16384)));
            assertEquals(before, config(admin), "unchanged");

            JsonObject upper = patchConfig(admin, SERVICE, "MaxPostSize", Json.createValue(16383));
            assertEquals(16383, upper.getJsonObject(SERVICE).getInt("MaxPostSize"));
        } finally {
            restoreIfChanged(before);
        }
        assertEquals(before, config(admin));
    }

    @Test
    void disabledIncomingWebhooksAnswer501() {
        String hookId =
                createHook(admin, ApiFixtures.mainChannelId(admin, "off-topic")).getString("id");
        JsonValue original = setting(config(admin), SERVICE, "EnableIncomingWebhooks");
        try {
            JsonObject answered = patchConfig(admin, SERVICE, "EnableIncomingWebhooks", JsonValue.FALSE);
            assertEquals(JsonValue.FALSE, setting(answered, SERVICE, "EnableIncomingWebhooks"));
            assertError(501, "hooks_disabled", postToHook(hookId, "{\"text\":\"while disabled\"}"));

            patchConfig(admin, SERVICE, "EnableIncomingWebhooks", JsonValue.TRUE);
            HttpResponse<String> enabled = postToHook(hookId, "{\"text\":\"enabled again\"}");
            assertEquals(200, enabled.statusCode(), enabled.body());
            assertEquals("ok", enabled.body());
        } finally {
            patchConfig(admin, SERVICE, "EnableIncomingWebhooks", original);
        }
    }

    @Test
    void maximumPayloadSizeAppliesToTheNextRequest() {
        String hookId =
                createHook(admin, ApiFixtures.mainChannelId(admin, "off-topic")).getString("id");
        JsonValue original = setting(config(admin), SERVICE, "MaximumPayloadSizeBytes");
        try {
            patchConfig(admin, SERVICE, "MaximumPayloadSizeBytes", Json.createValue(1000));
            assertError(413, "payload_too_large", postToHook(hookId, bodyOfBytes(2000)));
            HttpResponse<String> small = postToHook(hookId, bodyOfBytes(900));
            assertEquals(200, small.statusCode(), small.body());
            assertEquals("ok", small.body());
        } finally {
            patchConfig(admin, SERVICE, "MaximumPayloadSizeBytes", original);
        }
    }

    /** A JSON hook body of exactly {@code bytes} bytes. */
    private static String bodyOfBytes(int bytes) {
        String prefix = "{\"text\":\"";
        String suffix = "\"}";
        String body = prefix + "x".repeat(bytes - prefix.length() - suffix.length()) + suffix;
        assertEquals(bytes, body.getBytes(StandardCharsets.UTF_8).length);
        return body;
    }

    private static HttpResponse<String> postToHook(String hookId, String body) {
        return ApiFixtures.anonymous().postRaw("/hooks/" + hookId, "application/json", body);
    }

    /** Puts back every setting this class may touch, where it differs from {@code before}. */
    private void restoreIfChanged(JsonObject before) {
        JsonObject now = config(admin);
        for (String section : new String[] {SERVICE, TEAM}) {
            JsonObject wanted = before.getJsonObject(section);
            for (String key : wanted.keySet()) {
                if (!wanted.get(key).equals(now.getJsonObject(section).get(key))) {
                    patchConfig(admin, section, key, wanted.get(key));
                }
            }
        }
    }

    private static JsonObject withSetting(JsonObject config, String section, String key, JsonValue value) {
        return Json.createObjectBuilder(config)
                .add(
                        section,
                        Json.createObjectBuilder(config.getJsonObject(section)).add(key, value))
                .build();
    }
}
