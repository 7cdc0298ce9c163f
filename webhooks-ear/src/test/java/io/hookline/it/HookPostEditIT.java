package io.hookline.it;

import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.config;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.hookJson;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.newestPost;
import static io.hookline.it.ApiFixtures.postCount;
import static io.hookline.it.ApiFixtures.withServiceSettings;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18, point 3: {@code GET}, {@code PATCH} and {@code DELETE /hooks/{id}/posts/{post_id}} read, edit and
 * delete a post that this hook created, with a new post's body forms, translation and limits; every other post
 * (another hook's, an unknown or malformed id, a deleted one) is 404 {@code post_not_found}; the hook's own
 * errors, rate limits and delivery log are a new post's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HookPostEditIT {

    private static final String POST_NOT_FOUND = "post_not_found";
    private static final Set<String> FIELDS =
            Set.of("id", "create_at", "update_at", "edit_at", "channel_id", "root_id", "message", "props");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    private TestUser owner;
    private String channelId;
    private JsonObject hook;
    private String hookId;
    /** Another hook of the same channel: its posts are not {@link #hookId}'s. */
    private String otherHookId;

    @BeforeEach
    void setUp() {
        admin = ApiFixtures.admin();
        owner = newUser(admin, "edit");
        String teamId = createTeam(owner.client()).getString("id");
        channelId = createChannel(owner.client(), teamId, "O").getString("id");
        hook = createHook(owner.client(), channelId);
        hookId = hook.getString("id");
        otherHookId = createHook(owner.client(), channelId).getString("id");
    }

    // --- GET ---------------------------------------------------------------------------------------------

    @Test
    void getAnswersThePostThisHookCreated() {
        String postId = postThrough(hookId, "build #7 running");
        HttpResponse<String> response = hookPost("GET", hookId, postId, null, null);
        JsonObject post = okJson(response);
        assertEquals(FIELDS, post.keySet());
        JsonObject stored = ApiFixtures.post(owner.client(), postId);
        assertAll(
                () -> assertEquals(postId, post.getString("id")),
                () -> assertEquals(channelId, post.getString("channel_id")),
                () -> assertEquals("build #7 running", post.getString("message")),
                () -> assertEquals(
                        stored.getJsonNumber("create_at").longValue(),
                        post.getJsonNumber("create_at").longValue()),
                () -> assertEquals(0, post.getJsonNumber("edit_at").longValue()),
                () -> assertEquals("", post.getString("root_id")),
                () -> assertEquals("true", post.getJsonObject("props").getString("from_webhook")),
                () -> assertEquals(stored.getJsonObject("props"), post.getJsonObject("props")));
    }

    // --- PATCH -------------------------------------------------------------------------------------------

    @Test
    void patchReplacesMessageAndPropsSetsEditAtAndKeepsEverythingElse() {
        String postId = postThrough(hookId, "build #7 running");
        JsonObject before = ApiFixtures.post(owner.client(), postId);
        int count = postCount(owner.client(), channelId);

        JsonObject edited = okJson(hookPost(
                "PATCH",
                hookId,
                postId,
                ApiFixtures.JSON,
                "{\"text\":\"build #7 **passed**\",\"props\":{\"build\":7}}"));
        assertEquals(FIELDS, edited.keySet());
        long editAt = edited.getJsonNumber("edit_at").longValue();
        JsonObject stored = ApiFixtures.post(owner.client(), postId);
        assertAll(
                () -> assertEquals("build #7 **passed**", edited.getString("message")),
                () -> assertTrue(editAt >= before.getJsonNumber("create_at").longValue(), edited.toString()),
                () -> assertEquals(editAt, edited.getJsonNumber("update_at").longValue()),
                () -> assertEquals(before.getJsonNumber("create_at"), edited.getJsonNumber("create_at")),
                () -> assertEquals(7, edited.getJsonObject("props").getInt("build")),
                () -> assertEquals("true", edited.getJsonObject("props").getString("from_webhook")),
                // What the API reads is what the edit answered.
                () -> assertEquals("build #7 **passed**", stored.getString("message")),
                () -> assertEquals(editAt, stored.getJsonNumber("edit_at").longValue()),
                () -> assertEquals(edited.getJsonObject("props"), stored.getJsonObject("props")),
                () -> assertEquals(before.getString("user_id"), stored.getString("user_id")),
                () -> assertEquals(count, postCount(owner.client(), channelId), "an edit creates no post"));
        assertEquals(edited, okJson(hookPost("GET", hookId, postId, null, null)));
    }

    @Test
    void patchTakesTheFormPayloadAndTranslatesSlackAttachments() {
        String postId = postThrough(hookId, "deploying");
        JsonObject edited = okJson(hookPost(
                "PATCH",
                hookId,
                postId,
                ApiFixtures.FORM,
                "payload={\"text\":\"deployed to <https://example.com|prod>\",\"attachments\":[{\"fallback\":\"f\","
                        + "\"color\":\"good\",\"text\":\"all <https://ci.example.com/42|checks> green\"}]}"));
        assertEquals("deployed to [prod](https://example.com)", edited.getString("message"));
        JsonArray attachments = edited.getJsonObject("props").getJsonArray("attachments");
        assertEquals(1, attachments.size(), edited.toString());
        assertEquals(
                "all [checks](https://ci.example.com/42) green",
                attachments.getJsonObject(0).getString("text"));
        assertEquals(
                "slack_attachment", ApiFixtures.post(owner.client(), postId).getString("type"));

        // Blocks replace the text, as for a new post.
        JsonObject blocks = okJson(hookPost(
                "PATCH",
                hookId,
                postId,
                ApiFixtures.JSON,
                "{\"text\":\"fallback\",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\","
                        + "\"text\":\"*Service* `api` is <https://example.com|up>\"}}]}"));
        assertTrue(blocks.getString("message").contains("[up](https://example.com)"), blocks.toString());
    }

    @Test
    void patchFollowsTheOverrideSettings() {
        String postId = postThrough(hookId, "plain");
        withServiceSettings(
                admin,
                Map.of("EnablePostUsernameOverride", JsonValue.TRUE, "EnablePostIconOverride", JsonValue.FALSE),
                () -> {
                    JsonObject props = okJson(
                                    hookPost(
                                            "PATCH",
                                            hookId,
                                            postId,
                                            ApiFixtures.JSON,
                                            "{\"text\":\"renamed\",\"username\":\"ci-bot\",\"icon_url\":\"https://example.com/i.png\"}"))
                            .getJsonObject("props");
                    assertEquals("ci-bot", props.getString("override_username", null), props.toString());
                    assertFalse(props.containsKey("override_icon_url"), props.toString());
                });
    }

    @Test
    void anEditThatNeedsMoreThanOnePostIs400MessageTooLongAndChangesNothing() {
        int maxPostSize = config(admin).getJsonObject("ServiceSettings").getInt("MaxPostSize");
        String postId = postThrough(hookId, "short");

        String exactlyOnePost = "x".repeat(maxPostSize);
        assertEquals(
                exactlyOnePost,
                okJson(hookPost("PATCH", hookId, postId, ApiFixtures.JSON, "{\"text\":\"" + exactlyOnePost + "\"}"))
                        .getString("message"));

        String onePastIt = "y".repeat(maxPostSize + 1);
        assertError(
                400,
                "message_too_long",
                hookPost("PATCH", hookId, postId, ApiFixtures.JSON, "{\"text\":\"" + onePastIt + "\"}"));
        assertEquals(exactlyOnePost, ApiFixtures.post(owner.client(), postId).getString("message"));
    }

    @Test
    void aBadEditIsANewPostsErrorAndChangesNothing() {
        String postId = postThrough(hookId, "unchanged");
        assertError(400, "invalid_payload", hookPost("PATCH", hookId, postId, ApiFixtures.JSON, "{\"text\":"));
        assertError(400, "no_text", hookPost("PATCH", hookId, postId, ApiFixtures.JSON, "{\"text\":\"  \"}"));
        assertError(
                400,
                "invalid_payload",
                hookPost("PATCH", hookId, postId, ApiFixtures.JSON, "{\"text\":\"t\",\"type\":\"system_join\"}"));
        withServiceSettings(admin, Map.of("MaximumPayloadSizeBytes", Json.createValue(1000)), () -> {
            assertError(
                    413,
                    "payload_too_large",
                    hookPost("PATCH", hookId, postId, ApiFixtures.JSON, "{\"text\":\"" + "z".repeat(1000) + "\"}"));
        });
        JsonObject stored = ApiFixtures.post(owner.client(), postId);
        assertEquals("unchanged", stored.getString("message"));
        assertEquals(0, stored.getJsonNumber("edit_at").longValue());
    }

    // --- DELETE ------------------------------------------------------------------------------------------

    @Test
    void deleteMarksThePostDeletedAndAnswersMattermostsStatusOk() {
        String postId = postThrough(hookId, "to be deleted");
        String keptId = postThrough(hookId, "kept");
        int count = postCount(owner.client(), channelId);

        HttpResponse<String> deleted = hookPost("DELETE", hookId, postId, null, null);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals("{\"status\":\"OK\"}", deleted.body());
        assertTrue(deleted.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

        assertEquals(count - 1, postCount(owner.client(), channelId));
        assertError(404, owner.client().get("/api/v4/posts/" + postId));
        assertEquals("kept", ApiFixtures.post(owner.client(), keptId).getString("message"));
        // Gone for the hook as well: reading, editing or deleting it again is post_not_found.
        assertError(404, POST_NOT_FOUND, hookPost("GET", hookId, postId, null, null));
        assertError(404, POST_NOT_FOUND, hookPost("PATCH", hookId, postId, ApiFixtures.JSON, "{\"text\":\"back\"}"));
        assertError(404, POST_NOT_FOUND, hookPost("DELETE", hookId, postId, null, null));
    }

    // --- 404 post_not_found ------------------------------------------------------------------------------

    @Test
    void anotherHooksPostIsNotFoundForEveryVerbAndStaysAsItWas() {
        String theirs = postThrough(otherHookId, "not yours");
        assertEveryVerbIsPostNotFound(hookId, theirs);
        JsonObject stored = ApiFixtures.post(owner.client(), theirs);
        assertEquals("not yours", stored.getString("message"));
        assertEquals(0, stored.getJsonNumber("edit_at").longValue());
    }

    @Test
    void unknownAndMalformedPostIdsAreNotFound() {
        assertEveryVerbIsPostNotFound(hookId, ApiFixtures.unknownId());
        for (String malformed : List.of("x", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "a".repeat(27), "%20")) {
            assertEveryVerbIsPostNotFound(hookId, malformed);
        }
        // A hook's own channel holds the id as a post id of another kind: the hook's id, say.
        assertEveryVerbIsPostNotFound(hookId, hookId);
    }

    // --- the hook's own errors ---------------------------------------------------------------------------

    @Test
    void anUnknownHookAnswersAsPostDoes() {
        String postId = postThrough(hookId, "mine");
        for (String unknown : List.of(ApiFixtures.unknownId(), "not-a-hook")) {
            assertError(404, "no_service", hookPost("GET", unknown, postId, null, null));
            assertError(404, "no_service", hookPost("PATCH", unknown, postId, ApiFixtures.JSON, "{\"text\":\"x\"}"));
            assertError(404, "no_service", hookPost("DELETE", unknown, postId, null, null));
        }
        assertEquals("mine", ApiFixtures.post(owner.client(), postId).getString("message"));
    }

    @Test
    void disabledIncomingWebhooksAre501ForEveryVerb() {
        String postId = postThrough(hookId, "mine");
        withServiceSettings(admin, Map.of("EnableIncomingWebhooks", JsonValue.FALSE), () -> {
            assertError(501, "hooks_disabled", hookPost("GET", hookId, postId, null, null));
            assertError(501, "hooks_disabled", hookPost("PATCH", hookId, postId, ApiFixtures.JSON, "{\"text\":\"x\"}"));
            assertError(501, "hooks_disabled", hookPost("DELETE", hookId, postId, null, null));
        });
        assertEquals("mine", ApiFixtures.post(owner.client(), postId).getString("message"));
    }

    @Test
    void aDeletedHookCanNoLongerTouchItsPosts() {
        String postId = postThrough(hookId, "orphan");
        ApiFixtures.assertStatusOk(owner.client().delete("/api/v4/hooks/incoming/" + hookId));
        assertError(404, "no_service", hookPost("PATCH", hookId, postId, ApiFixtures.JSON, "{\"text\":\"x\"}"));
        assertError(404, "no_service", hookPost("DELETE", hookId, postId, null, null));
        assertEquals("orphan", ApiFixtures.post(owner.client(), postId).getString("message"));
    }

    // --- rate limits and the delivery log ----------------------------------------------------------------

    @Test
    void readsEditsAndDeletesSpendTheHooksRateLimit() {
        JsonObject defaults = config(admin).getJsonObject("RateLimitSettings");
        try {
            patchRateLimits(Json.createObjectBuilder()
                    .add("PerHookPerSec", 1)
                    .add("PerHookMaxBurst", 3)
                    .add("Enable", false)
                    .build());
            // A hook created under these limits: its bucket holds 3 tokens, and the new post takes the first.
            String limited = createHook(owner.client(), channelId).getString("id");
            String postId = postThrough(limited, "limited");
            HttpResponse<String> read = hookPost("GET", limited, postId, null, null);
            okJson(read);
            assertEquals("3", read.headers().firstValue("X-RateLimit-Limit").orElse(null));
            assertEquals("1", read.headers().firstValue("X-RateLimit-Remaining").orElse(null));
            HttpResponse<String> edit = hookPost("PATCH", limited, postId, ApiFixtures.JSON, "{\"text\":\"once\"}");
            okJson(edit);
            assertEquals("0", edit.headers().firstValue("X-RateLimit-Remaining").orElse(null));
            assertError(429, "too_many_requests", hookPost("DELETE", limited, postId, null, null));
            assertError(
                    429, "too_many_requests", hookPost("PATCH", limited, postId, ApiFixtures.JSON, "{\"text\":\"x\"}"));
            assertError(429, "too_many_requests", hookJson(limited, "{\"text\":\"a new post shares the bucket\"}"));
            assertEquals("once", ApiFixtures.post(owner.client(), postId).getString("message"));
        } finally {
            patchRateLimits(defaults);
        }
    }

    @Test
    void editsAndDeletesGoToTheDeliveryLogWithTheirPost() {
        String postId = postThrough(hookId, "logged");
        okJson(hookPost("PATCH", hookId, postId, ApiFixtures.JSON, "{\"text\":\"logged, edited\"}"));
        assertError(404, POST_NOT_FOUND, hookPost("DELETE", hookId, ApiFixtures.unknownId(), null, null));
        assertEquals(200, hookPost("DELETE", hookId, postId, null, null).statusCode());

        JsonArray log = Poll.until(
                Duration.ofSeconds(10),
                this::deliveries,
                entries -> entries.size() >= 4,
                entries -> "the log holds " + entries);
        // Newest first: the delete, the refused delete, the edit, the post.
        JsonObject delete = log.getJsonObject(0);
        JsonObject refused = log.getJsonObject(1);
        JsonObject edit = log.getJsonObject(2);
        assertAll(
                () -> assertEquals(200, delete.getInt("status_code")),
                () -> assertEquals(List.of(postId), strings(delete.getJsonArray("post_ids"))),
                () -> assertEquals(channelId, delete.getString("channel_id")),
                () -> assertEquals(404, refused.getInt("status_code")),
                () -> assertEquals(POST_NOT_FOUND, refused.getString("error_id")),
                () -> assertEquals(200, edit.getInt("status_code")),
                () -> assertEquals(List.of(postId), strings(edit.getJsonArray("post_ids"))),
                () -> assertEquals(
                        "{\"text\":\"logged, edited\"}".length(),
                        edit.getJsonNumber("size").longValue()));
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private void assertEveryVerbIsPostNotFound(String hook, String postId) {
        assertError(404, POST_NOT_FOUND, hookPost("GET", hook, postId, null, null));
        assertError(404, POST_NOT_FOUND, hookPost("PATCH", hook, postId, ApiFixtures.JSON, "{\"text\":\"mine now\"}"));
        assertError(
                404,
                POST_NOT_FOUND,
                hookPost("PATCH", hook, postId, ApiFixtures.FORM, "payload={\"text\":\"mine now\"}"));
        assertError(404, POST_NOT_FOUND, hookPost("DELETE", hook, postId, null, null));
    }

    /** Posts through the hook (expecting ok) into {@link #channelId}, a fresh channel: answers the new post's id. */
    private String postThrough(String hook, String text) {
        assertHookOk(hookJson(
                hook, Json.createObjectBuilder().add("text", text).build().toString()));
        JsonObject newest = newestPost(owner.client(), channelId);
        assertEquals(text, newest.getString("message"));
        return newest.getString("id");
    }

    /** {@code method /hooks/{hook}/posts/{postId}}, without credentials: the hook URL is the credential. */
    private static HttpResponse<String> hookPost(
            String method, String hook, String postId, String contentType, String body) {
        return ApiFixtures.anonymous().send(method, "/hooks/" + hook + "/posts/" + postId, contentType, body);
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    private static JsonObject okJson(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        return HooklineClient.json(response);
    }

    private JsonArray deliveries() {
        HttpResponse<String> response = owner.client().get("/api/v4/hooks/incoming/" + hookId + "/deliveries");
        assertEquals(200, response.statusCode(), response.body());
        return HooklineClient.jsonArray(response);
    }

    private void patchRateLimits(JsonObject limits) {
        HttpResponse<String> patched = admin.put(
                "/api/v4/config/patch",
                Json.createObjectBuilder().add("RateLimitSettings", limits).build());
        assertEquals(200, patched.statusCode(), patched.body());
    }
}
