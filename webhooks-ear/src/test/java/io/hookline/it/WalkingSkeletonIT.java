package io.hookline.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The walking skeleton end to end on a real Payara: first-start bootstrap, login, channel look-up,
 * hook creation, and the spec's curl examples posting into a channel that the API then returns.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WalkingSkeletonIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;

    @BeforeEach
    void signIn() {
        admin = new HooklineClient().loginAsAdmin();
    }

    @Test
    void firstStartCreatedTheAdminFromTheEnvironment() {
        HttpResponse<String> me = admin.get("/api/v4/users/me");
        assertEquals(200, me.statusCode(), me.body());
        JsonObject user = HooklineClient.json(me);
        assertEquals(HooklineClient.adminUsername(), user.getString("username"));
        assertTrue(user.getString("roles").contains("system_admin"), user.toString());
        assertTrue(!user.containsKey("password") && !user.containsKey("password_hash"), user.toString());
    }

    @Test
    void loginAnswersTheTokenHeaderAndTheUser() {
        HooklineClient client = new HooklineClient();
        HttpResponse<String> response = client.login(HooklineClient.adminUsername(), HooklineClient.adminPassword());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(client.token() != null && client.token().matches("[a-z2-7]{26}"), "Token header");
        assertEquals(
                HooklineClient.adminUsername(), HooklineClient.json(response).getString("username"));
    }

    @Test
    void wrongPasswordIs401WithMattermostErrorBody() {
        HooklineClient client = new HooklineClient();
        HttpResponse<String> response = client.login(HooklineClient.adminUsername(), "wrong");
        assertEquals(401, response.statusCode());
        JsonObject error = HooklineClient.json(response);
        assertEquals(401, error.getInt("status_code"));
        assertTrue(error.getString("id").startsWith("api.user.login"), error.toString());
        assertTrue(
                error.containsKey("message") && error.containsKey("request_id") && error.containsKey("detailed_error"),
                error.toString());
    }

    @Test
    void apiWithoutAValidTokenIs401() {
        HooklineClient anonymous = new HooklineClient();
        HttpResponse<String> response = anonymous.get("/api/v4/teams/name/main/channels/name/town-square");
        assertEquals(401, response.statusCode());
        assertEquals(401, HooklineClient.json(response).getInt("status_code"));

        HttpResponse<String> posts = anonymous.get("/api/v4/channels/" + channelId("town-square") + "/posts");
        assertEquals(401, posts.statusCode());
    }

    @Test
    void firstStartCreatedTeamMainWithItsPublicChannels() {
        for (String name : new String[] {"town-square", "off-topic"}) {
            HttpResponse<String> response = admin.get("/api/v4/teams/name/main/channels/name/" + name);
            assertEquals(200, response.statusCode(), response.body());
            JsonObject channel = HooklineClient.json(response);
            assertEquals(name, channel.getString("name"));
            assertEquals("O", channel.getString("type"));
            assertTrue(channel.getString("id").matches("[a-z2-7]{26}"));
            assertTrue(channel.getString("team_id").matches("[a-z2-7]{26}"));
            assertTrue(channel.containsKey("display_name"));
        }
        assertEquals(
                404,
                admin.get("/api/v4/teams/name/main/channels/name/no-such-channel")
                        .statusCode());
        assertEquals(
                404,
                admin.get("/api/v4/teams/name/no-such-team/channels/name/town-square")
                        .statusCode());
    }

    @Test
    void createdHookHasASecretIdAndItsChannel() {
        String channelId = channelId("town-square");
        HttpResponse<String> response = admin.postJson(
                "/api/v4/hooks/incoming",
                Json.createObjectBuilder()
                        .add("channel_id", channelId)
                        .add("display_name", "CI")
                        .add("description", "builds")
                        .add("channel_locked", false)
                        .add("username", "")
                        .add("icon_url", "")
                        .build());
        assertEquals(201, response.statusCode(), response.body());
        JsonObject hook = HooklineClient.json(response);
        assertTrue(hook.getString("id").matches("[a-z2-7]{26}"), hook.toString());
        assertEquals(channelId, hook.getString("channel_id"));
        assertEquals("CI", hook.getString("display_name"));
        assertTrue(hook.getJsonNumber("create_at").longValue() > 0);
        assertEquals(HooklineClient.json(admin.get("/api/v4/users/me")).getString("id"), hook.getString("user_id"));
        assertTrue(hook.getString("team_id").matches("[a-z2-7]{26}"));
    }

    /** Exactly what the spec's {@code curl -i -X POST -d 'payload={...}' URL} and its JSON twin send. */
    @ParameterizedTest
    @EnumSource(HookEncoding.class)
    void specExamplePostsIntoTheChannel(HookEncoding encoding) {
        String channelId = channelId("town-square");
        String hookId = createHook(channelId);
        String text = "Hello, this is some text. " + encoding + " " + System.nanoTime();

        assertOk(encoding.send(hookId, "{\"text\": \"" + text + "\"}"));

        JsonObject post = newestPost(channelId);
        assertEquals(text, post.getString("message"));
        assertEquals("true", post.getJsonObject("props").getString("from_webhook"));
        assertEquals(HooklineClient.json(admin.get("/api/v4/users/me")).getString("id"), post.getString("user_id"));
        assertEquals(channelId, post.getString("channel_id"));
    }

    @ParameterizedTest
    @EnumSource(HookEncoding.class)
    void specBuildBreakExampleAsWrittenPostsTheTable(HookEncoding encoding) {
        String channelId = channelId("town-square");
        String hookId = createHook(channelId);
        // Verbatim from the spec: a JSON string holding raw line breaks.
        String json = "{\"text\": \"\n---\n"
                + "##### Build Break - Project X - December 12, 2015 - 15:32 GMT +0\n"
                + "| Component  | Tests Run   | Tests Failed                                   |\n"
                + "|:-----------|:------------|:-----------------------------------------------|\n"
                + "| Server     | 948         | :white_check_mark: 0                           |\n"
                + "| Web Client | 123         | :warning: [2 (see details)](http://linktologs) |\n"
                + "| iOS Client | 78          | :warning: [3 (see details)](http://linktologs) |\n"
                + "---\n\"}";
        assertOk(encoding.send(hookId, json));
        String message = newestPost(channelId).getString("message");
        assertTrue(message.contains("##### Build Break - Project X"), message);
        assertTrue(
                message.contains("| iOS Client | 78          | :warning: [3 (see details)](http://linktologs) |\n"),
                message);
    }

    @Test
    void theRootLeadsToTheConsole() throws Exception {
        // HTTP/1.1 as a browser speaks it over plain http (browsers never try the h2c upgrade Java's client tries
        // by default; Payara's upgrade once closed the connection under CI load, which is not what this tests).
        HttpClient browserLike = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new java.net.CookieManager())
                .build();
        String base = TestServer.baseUrl();
        HttpResponse<String> response = browserLike.send(
                HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(
                response.uri().getPath().endsWith("/signin.xhtml"),
                response.uri().toString());
        assertTrue(response.body().contains("Hookline"));
    }

    @Test
    void bodyWithoutContentTypeIsJson() {
        String channelId = channelId("off-topic");
        String hookId = createHook(channelId);
        String text = "no content type ✅ " + System.nanoTime();
        assertOk(admin.postRaw("/hooks/" + hookId, null, "{\"text\": \"" + text + "\"}"));
        assertEquals(text, newestPost(channelId).getString("message"));
    }

    @Test
    void badRequestsGetClearErrorsAndStoreNothing() {
        String channelId = channelId("town-square");
        String hookId = createHook(channelId);
        int before = postCount(channelId);

        assertError(
                404,
                "no_service",
                admin.postRaw("/hooks/abcdefghijklmnopqrstuvwxyz", "application/json", "{\"text\":\"x\"}"));
        assertError(404, "no_service", admin.postRaw("/hooks/not-an-id", "application/json", "{\"text\":\"x\"}"));
        assertError(400, "invalid_payload", admin.postRaw("/hooks/" + hookId, "application/json", "{\"text\": "));
        assertError(
                400,
                "invalid_payload",
                admin.postRaw("/hooks/" + hookId, "application/x-www-form-urlencoded", "text=hello"));
        assertError(400, "no_text", admin.postRaw("/hooks/" + hookId, "application/json", "{\"channel\":\"x\"}"));
        assertError(400, "no_text", admin.postRaw("/hooks/" + hookId, "application/json", "{\"text\":\"\"}"));

        assertEquals(before, postCount(channelId));
    }

    @Test
    void postsComeNewestFirstInMattermostShape() {
        String channelId = channelId("off-topic");
        String hookId = createHook(channelId);
        String first = "first " + System.nanoTime();
        String second = "second " + System.nanoTime();
        assertOk(admin.postRaw("/hooks/" + hookId, "application/json", "{\"text\":\"" + first + "\"}"));
        assertOk(admin.postRaw("/hooks/" + hookId, "application/json", "{\"text\":\"" + second + "\"}"));

        JsonObject list = HooklineClient.json(admin.get("/api/v4/channels/" + channelId + "/posts?per_page=2"));
        assertEquals(2, list.getJsonArray("order").size());
        JsonObject newest = list.getJsonObject("posts")
                .getJsonObject(list.getJsonArray("order").getString(0));
        JsonObject older = list.getJsonObject("posts")
                .getJsonObject(list.getJsonArray("order").getString(1));
        assertEquals(second, newest.getString("message"));
        assertEquals(first, older.getString("message"));
        for (String field : new String[] {"id", "create_at", "user_id", "channel_id", "message", "type", "props"}) {
            assertTrue(newest.containsKey(field), field + " in " + newest);
        }
    }

    private static void assertOk(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        // Byte for byte: no newline, no JSON.
        assertArrayEquals("ok".getBytes(StandardCharsets.UTF_8), response.body().getBytes(StandardCharsets.UTF_8));
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                response.headers().toString());
    }

    private static void assertError(int status, String id, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject error = HooklineClient.json(response);
        assertEquals(id, error.getString("id"));
        assertEquals(status, error.getInt("status_code"));
        assertTrue(!error.getString("message").isBlank());
    }

    private String channelId(String name) {
        HttpResponse<String> response = admin.get("/api/v4/teams/name/main/channels/name/" + name);
        assertEquals(200, response.statusCode(), response.body());
        return HooklineClient.json(response).getString("id");
    }

    private String createHook(String channelId) {
        HttpResponse<String> response = admin.postJson(
                "/api/v4/hooks/incoming",
                Json.createObjectBuilder()
                        .add("channel_id", channelId)
                        .add("display_name", "test")
                        .build());
        assertEquals(201, response.statusCode(), response.body());
        return HooklineClient.json(response).getString("id");
    }

    private JsonObject newestPost(String channelId) {
        HttpResponse<String> response = admin.get("/api/v4/channels/" + channelId + "/posts?per_page=1");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject list = HooklineClient.json(response);
        return list.getJsonObject("posts")
                .getJsonObject(list.getJsonArray("order").getString(0));
    }

    private int postCount(String channelId) {
        return HooklineClient.json(admin.get("/api/v4/channels/" + channelId + "/posts?per_page=200"))
                .getJsonArray("order")
                .size();
    }
}
