package io.hookline.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shared set-up and assertions for the API integration tests. Every test runs against one server and one
 * database that outlives the run, so everything created here gets a name no earlier run can have used.
 */
public final class ApiFixtures {

    public static final String ID_PATTERN = "[a-z2-7]{26}";

    /** Microseconds since the epoch, strictly increasing in this JVM: unique across runs as well. */
    private static final AtomicLong LAST = new AtomicLong();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    private ApiFixtures() {}

    /** A user the admin created, already signed in through {@link #client}. */
    public record TestUser(String id, String username, String email, String password, HooklineClient client) {}

    /** A lowercase suffix of 10 base-36 characters, unique in this run and across runs. */
    public static String suffix() {
        long next = LAST.updateAndGet(previous -> Math.max(previous + 1, System.currentTimeMillis() * 1000));
        return Long.toString(next, 36);
    }

    /** prefix (a few letters) + {@link #suffix()}: fits a team name (<= 15) for prefixes up to 5 letters. */
    public static String unique(String prefix) {
        return (prefix + suffix()).toLowerCase(Locale.ROOT);
    }

    /** A well-formed id (26 base-32 characters) that names nothing. */
    public static String unknownId() {
        StringBuilder id = new StringBuilder(26);
        for (int i = 0; i < 26; i++) {
            id.append(BASE32.charAt(RANDOM.nextInt(BASE32.length())));
        }
        return id.toString();
    }

    public static HooklineClient admin() {
        return new HooklineClient().loginAsAdmin();
    }

    public static HooklineClient anonymous() {
        return new HooklineClient();
    }

    public static String userId(HooklineClient client) {
        HttpResponse<String> me = client.get("/api/v4/users/me");
        assertEquals(200, me.statusCode(), me.body());
        return HooklineClient.json(me).getString("id");
    }

    // --- users -------------------------------------------------------------------------------------------

    public static JsonObject newUserBody(String username) {
        return Json.createObjectBuilder()
                .add("username", username)
                .add("email", username + "@example.com")
                .add("password", "Passw0rd-" + username)
                .build();
    }

    /** The admin creates a user (201) and the user signs in (200). */
    public static TestUser newUser(HooklineClient admin, String prefix) {
        String username = unique(prefix);
        JsonObject body = newUserBody(username);
        HttpResponse<String> created = admin.postJson("/api/v4/users", body);
        assertEquals(201, created.statusCode(), created.body());
        String id = HooklineClient.json(created).getString("id");
        HooklineClient client = new HooklineClient();
        HttpResponse<String> login = client.login(username, body.getString("password"));
        assertEquals(200, login.statusCode(), login.body());
        return new TestUser(id, username, body.getString("email"), body.getString("password"), client);
    }

    // --- teams -------------------------------------------------------------------------------------------

    public static JsonObject teamBody(String name, String type) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("display_name", "Team " + name)
                .add("type", type)
                .build();
    }

    /** {@code as} creates an open team (and so becomes its member). */
    public static JsonObject createTeam(HooklineClient as) {
        return createTeam(as, "O");
    }

    public static JsonObject createTeam(HooklineClient as, String type) {
        HttpResponse<String> response = as.postJson("/api/v4/teams", teamBody(unique("t"), type));
        assertEquals(201, response.statusCode(), response.body());
        return HooklineClient.json(response);
    }

    public static HttpResponse<String> addTeamMemberResponse(HooklineClient as, String teamId, String userId) {
        return as.postJson(
                "/api/v4/teams/" + teamId + "/members",
                Json.createObjectBuilder()
                        .add("team_id", teamId)
                        .add("user_id", userId)
                        .build());
    }

    public static void addTeamMember(HooklineClient as, String teamId, String userId) {
        HttpResponse<String> response = addTeamMemberResponse(as, teamId, userId);
        assertEquals(201, response.statusCode(), response.body());
    }

    public static String mainTeamId(HooklineClient as) {
        HttpResponse<String> response = as.get("/api/v4/teams/name/main");
        assertEquals(200, response.statusCode(), response.body());
        return HooklineClient.json(response).getString("id");
    }

    // --- channels ----------------------------------------------------------------------------------------

    public static JsonObject channelBody(String teamId, String name, String type) {
        return Json.createObjectBuilder()
                .add("team_id", teamId)
                .add("name", name)
                .add("display_name", "Channel " + name)
                .add("type", type)
                .build();
    }

    /** {@code as} creates a channel ("O" or "P") in the team and so becomes its member. */
    public static JsonObject createChannel(HooklineClient as, String teamId, String type) {
        HttpResponse<String> response = as.postJson("/api/v4/channels", channelBody(teamId, unique("c"), type));
        assertEquals(201, response.statusCode(), response.body());
        return HooklineClient.json(response);
    }

    public static HttpResponse<String> addChannelMemberResponse(HooklineClient as, String channelId, String userId) {
        return as.postJson(
                "/api/v4/channels/" + channelId + "/members",
                Json.createObjectBuilder().add("user_id", userId).build());
    }

    public static void addChannelMember(HooklineClient as, String channelId, String userId) {
        HttpResponse<String> response = addChannelMemberResponse(as, channelId, userId);
        assertEquals(201, response.statusCode(), response.body());
    }

    public static String mainChannelId(HooklineClient as, String name) {
        HttpResponse<String> response = as.get("/api/v4/teams/name/main/channels/name/" + name);
        assertEquals(200, response.statusCode(), response.body());
        return HooklineClient.json(response).getString("id");
    }

    // --- hooks and posts ---------------------------------------------------------------------------------

    public static HttpResponse<String> createHookResponse(HooklineClient as, String channelId, String displayName) {
        return as.postJson(
                "/api/v4/hooks/incoming",
                Json.createObjectBuilder()
                        .add("channel_id", channelId)
                        .add("display_name", displayName)
                        .add("description", "")
                        .add("channel_locked", false)
                        .add("username", "")
                        .add("icon_url", "")
                        .build());
    }

    public static JsonObject createHook(HooklineClient as, String channelId) {
        HttpResponse<String> response = createHookResponse(as, channelId, "it " + suffix());
        assertEquals(201, response.statusCode(), response.body());
        return HooklineClient.json(response);
    }

    /** Posts {@code text} through the hook, expecting Slack's 200 "ok". */
    public static void postThroughHook(String hookId, String text) {
        HttpResponse<String> response = anonymous()
                .postRaw(
                        "/hooks/" + hookId,
                        "application/json",
                        Json.createObjectBuilder().add("text", text).build().toString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("ok", response.body());
    }

    /** The newest post of a channel, as {@code as} reads it. */
    public static JsonObject newestPost(HooklineClient as, String channelId) {
        HttpResponse<String> response = as.get("/api/v4/channels/" + channelId + "/posts?per_page=1");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject list = HooklineClient.json(response);
        return list.getJsonObject("posts")
                .getJsonObject(list.getJsonArray("order").getString(0));
    }

    /** {@code as} creates a hook with every field set; 201 expected. Empty strings mean "no default". */
    public static JsonObject createHook(
            HooklineClient as, String channelId, String displayName, boolean locked, String username, String iconUrl) {
        HttpResponse<String> response = as.postJson(
                "/api/v4/hooks/incoming",
                Json.createObjectBuilder()
                        .add("channel_id", channelId)
                        .add("display_name", displayName)
                        .add("description", "")
                        .add("channel_locked", locked)
                        .add("username", username)
                        .add("icon_url", iconUrl)
                        .build());
        assertEquals(201, response.statusCode(), response.body());
        return HooklineClient.json(response);
    }

    /** A channel of a team by name, as {@code as} reads it (200 expected). */
    public static JsonObject channelByName(HooklineClient as, String teamId, String name) {
        HttpResponse<String> response = as.get("/api/v4/teams/" + teamId + "/channels/name/" + name);
        assertEquals(200, response.statusCode(), response.body());
        return HooklineClient.json(response);
    }

    /** {@code as} creates a channel with exactly this name ("O" or "P") in the team; 201 expected. */
    public static JsonObject createNamedChannel(HooklineClient as, String teamId, String name, String type) {
        HttpResponse<String> response = as.postJson("/api/v4/channels", channelBody(teamId, name, type));
        assertEquals(201, response.statusCode(), response.body());
        return HooklineClient.json(response);
    }

    /** The direct channel of two users (opened now if it does not exist yet), as {@code as} gets it. */
    public static String directChannelId(HooklineClient as, String userA, String userB) {
        HttpResponse<String> response = as.postJson(
                "/api/v4/channels/direct",
                Json.createArrayBuilder().add(userA).add(userB).build());
        assertTrue(
                response.statusCode() == 200 || response.statusCode() == 201,
                response.statusCode() + " " + response.body());
        return HooklineClient.json(response).getString("id");
    }

    /** One post by id, as {@code as} reads it. */
    public static JsonObject post(HooklineClient as, String postId) {
        HttpResponse<String> response = as.get("/api/v4/posts/" + postId);
        assertEquals(200, response.statusCode(), response.body());
        return HooklineClient.json(response);
    }

    /** How many posts the channel holds, paging through all of them (per_page=200). */
    public static int postCount(HooklineClient as, String channelId) {
        int count = 0;
        for (int page = 0; page < 1000; page++) {
            HttpResponse<String> response =
                    as.get("/api/v4/channels/" + channelId + "/posts?page=" + page + "&per_page=200");
            assertEquals(200, response.statusCode(), response.body());
            int size = HooklineClient.json(response).getJsonArray("order").size();
            count += size;
            if (size < 200) {
                return count;
            }
        }
        throw new AssertionError("more than 200,000 posts in " + channelId);
    }

    // --- POST /hooks/{id} --------------------------------------------------------------------------------

    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";

    /** POSTs a body to the hook, without credentials (the hook id is the credential). */
    public static HttpResponse<String> hookPost(String hookId, String contentType, String body) {
        return anonymous().postRaw("/hooks/" + hookId, contentType, body);
    }

    /** JSON as {@code Content-Type: application/json}. */
    public static HttpResponse<String> hookJson(String hookId, String json) {
        return hookPost(hookId, JSON, json);
    }

    /** JSON as {@code curl -d 'payload=<json>'} sends it: raw, not URL-encoded, as a form. */
    public static HttpResponse<String> hookForm(String hookId, String json) {
        return hookPost(hookId, FORM, "payload=" + json);
    }

    /** Slack's success answer: 200 and a body of exactly the two bytes {@code ok}. */
    public static void assertHookOk(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertArrayEquals(
                "ok".getBytes(StandardCharsets.UTF_8),
                response.body().getBytes(StandardCharsets.UTF_8),
                "body must be exactly ok, was: " + response.body());
    }

    /** Props every hook post carries: from_webhook "true" and the hook's display name. */
    public static void assertWebhookProps(JsonObject post, JsonObject hook) {
        JsonObject props = post.getJsonObject("props");
        assertTrue(props != null, "props in " + post);
        assertEquals("true", props.getString("from_webhook", null), "from_webhook in " + props);
        assertEquals(
                hook.getString("display_name"),
                props.getString("webhook_display_name", null),
                "webhook_display_name in " + props);
    }

    /**
     * Sets ServiceSettings (each by a patch, 200 expected), runs {@code body}, and in any case puts every
     * named setting back to the value it had before.
     */
    public static void withServiceSettings(HooklineClient admin, Map<String, JsonValue> settings, Runnable body) {
        JsonObject before = config(admin).getJsonObject("ServiceSettings");
        try {
            for (Map.Entry<String, JsonValue> setting : settings.entrySet()) {
                patchConfig(admin, "ServiceSettings", setting.getKey(), setting.getValue());
            }
            body.run();
        } finally {
            List<String> failed = new ArrayList<>();
            for (String key : settings.keySet()) {
                JsonValue original = before.get(key);
                if (original != null) {
                    HttpResponse<String> restored = patchConfigResponse(admin, "ServiceSettings", key, original);
                    if (restored.statusCode() != 200) {
                        failed.add(key + ": " + restored.statusCode() + " " + restored.body());
                    }
                }
            }
            if (!failed.isEmpty()) {
                throw new AssertionError("could not restore ServiceSettings " + failed);
            }
        }
    }

    // --- config ------------------------------------------------------------------------------------------

    public static JsonObject config(HooklineClient admin) {
        HttpResponse<String> response = admin.get("/api/v4/config");
        assertEquals(200, response.statusCode(), response.body());
        return HooklineClient.json(response);
    }

    public static HttpResponse<String> patchConfigResponse(
            HooklineClient as, String section, String key, JsonValue value) {
        return as.put(
                "/api/v4/config/patch",
                Json.createObjectBuilder()
                        .add(section, Json.createObjectBuilder().add(key, value))
                        .build());
    }

    /** Sets one setting (200 expected) and returns the full config the server answered. */
    public static JsonObject patchConfig(HooklineClient admin, String section, String key, JsonValue value) {
        HttpResponse<String> response = patchConfigResponse(admin, section, key, value);
        assertEquals(200, response.statusCode(), response.body());
        return HooklineClient.json(response);
    }

    public static JsonValue setting(JsonObject config, String section, String key) {
        return config.getJsonObject(section).get(key);
    }

    // --- lists -------------------------------------------------------------------------------------------

    public static List<String> ids(JsonArray array) {
        List<String> ids = new ArrayList<>(array.size());
        for (JsonValue value : array) {
            ids.add(value.asJsonObject().getString("id"));
        }
        return ids;
    }

    /**
     * Pages through a list endpoint (path without page parameters, may hold a query) with per_page=200
     * until {@code id} turns up or a short page ends the list; the database keeps every earlier run's data.
     */
    public static boolean listContains(HooklineClient as, String path, String id) {
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; page < 500; page++) {
            HttpResponse<String> response = as.get(path + separator + "page=" + page + "&per_page=200");
            assertEquals(200, response.statusCode(), response.body());
            JsonArray items = HooklineClient.jsonArray(response);
            if (ids(items).contains(id)) {
                return true;
            }
            if (items.size() < 200) {
                return false;
            }
        }
        throw new AssertionError("more than 100,000 entries in " + path);
    }

    // --- assertions --------------------------------------------------------------------------------------

    /** An error in Mattermost's shape with this status (and this id, unless null). */
    public static JsonObject assertError(int status, String id, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject error = HooklineClient.json(response);
        for (String field : new String[] {"id", "message", "detailed_error", "request_id", "status_code"}) {
            assertTrue(error.containsKey(field), field + " in " + error);
        }
        assertEquals(status, error.getInt("status_code"), error.toString());
        assertFalse(error.getString("message").isBlank(), error.toString());
        if (id != null) {
            assertEquals(id, error.getString("id"), error.toString());
        }
        return error;
    }

    public static JsonObject assertError(int status, HttpResponse<String> response) {
        return assertError(status, null, response);
    }

    /** 400 whose message names the offending field. */
    public static void assertInvalidField(String field, HttpResponse<String> response) {
        JsonObject error = assertError(400, response);
        assertTrue(
                error.getString("message").toLowerCase(Locale.ROOT).contains(field),
                "message should name " + field + ": " + error);
    }

    /** 200 with {@code {"status":"OK"}}. */
    public static void assertStatusOk(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("OK", HooklineClient.json(response).getString("status"), response.body());
    }

    public static void assertId(String value) {
        assertTrue(value != null && value.matches(ID_PATTERN), "id: " + value);
    }
}
