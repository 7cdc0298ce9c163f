package io.hookline.it;

import static io.hookline.it.ApiFixtures.FORM;
import static io.hookline.it.ApiFixtures.JSON;
import static io.hookline.it.ApiFixtures.addTeamMember;
import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.assertStatusOk;
import static io.hookline.it.ApiFixtures.channelByName;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.directChannelId;
import static io.hookline.it.ApiFixtures.hookJson;
import static io.hookline.it.ApiFixtures.hookPost;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.newestPost;
import static io.hookline.it.ApiFixtures.postCount;
import static io.hookline.it.ApiFixtures.withServiceSettings;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Every refusal of {@code POST /hooks/{id}}: status, Mattermost's error body with Slack's word as {@code id},
 * {@code status_code} equal to the status, and nothing stored (the target channel's post count is unchanged).
 * Each test has its own user, team, channel and hook.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HookErrorsIT {

    private static final int DEFAULT_MAX_PAYLOAD = 300_000;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    private TestUser owner;
    private String teamId;
    /** A fresh public channel that only this test's hook posts to. */
    private String channelId;

    private String hookId;

    @BeforeEach
    void setUp() {
        admin = ApiFixtures.admin();
        owner = newUser(admin, "err");
        teamId = createTeam(owner.client()).getString("id");
        channelId = createChannel(owner.client(), teamId, "O").getString("id");
        hookId = createHook(owner.client(), channelId).getString("id");
    }

    // --- 501 hooks_disabled --------------------------------------------------------------------------------

    @Test
    void disabledIncomingWebhooksAre501() {
        int before = count(channelId);
        withServiceSettings(admin, Map.of("EnableIncomingWebhooks", JsonValue.FALSE), () -> {
            assertError(501, "hooks_disabled", hookJson(hookId, text("while disabled")));
            assertError(501, "hooks_disabled", ApiFixtures.hookForm(hookId, text("while disabled")));
        });
        assertEquals(before, count(channelId));
    }

    // --- 404 no_service ------------------------------------------------------------------------------------

    @Test
    void unknownDeletedAndMalformedHookIdsAre404() {
        String deleted = createHook(owner.client(), channelId).getString("id");
        assertStatusOk(owner.client().delete("/api/v4/hooks/incoming/" + deleted));
        int before = count(channelId);

        assertAll(
                () -> assertError(404, "no_service", hookJson(ApiFixtures.unknownId(), text("unknown"))),
                () -> assertError(404, "no_service", hookJson(deleted, text("deleted"))),
                () -> assertError(404, "no_service", hookJson("nope", text("malformed id"))));
        assertEquals(before, count(channelId));
    }

    // --- 400 invalid_payload -------------------------------------------------------------------------------

    @Test
    void malformedPayloadsAre400InvalidPayload() {
        StringBuilder deep = new StringBuilder("{\"text\":\"deep\",\"props\":");
        for (int i = 0; i < 40; i++) {
            deep.append("{\"n\":");
        }
        deep.append("1").append("}".repeat(40)).append("}");

        Map<String, Supplier<HttpResponse<String>>> cases = new LinkedHashMap<>();
        cases.put("malformed JSON", () -> hookJson(hookId, "{\"text\": "));
        cases.put("JSON array", () -> hookJson(hookId, "[{\"text\":\"in an array\"}]"));
        cases.put("text is a number", () -> hookJson(hookId, "{\"text\": 5}"));
        cases.put("form without payload", () -> hookPost(hookId, FORM, "text=hello"));
        cases.put("Content-Type 'bad type'", () -> hookPost(hookId, "bad type", "{\"text\":\"bad type\"}"));
        cases.put(
                "Content-Type parameter without value",
                () -> hookPost(hookId, "application/json; charset", "{\"text\":\"x\"}"));
        cases.put("Content-Type 'application/'", () -> hookPost(hookId, "application/", "{\"text\":\"x\"}"));
        cases.put("null attachment", () -> hookJson(hookId, "{\"text\":\"x\",\"attachments\":[null]}"));
        cases.put("attachments a string", () -> hookJson(hookId, "{\"attachments\": \"x\"}"));
        cases.put("system post type", () -> hookJson(hookId, "{\"text\":\"x\",\"type\":\"system_join\"}"));
        cases.put("escaped NUL", () -> hookJson(hookId, "{\"text\":\"a\\u0000b\"}"));
        cases.put("raw NUL byte", () -> hookJson(hookId, "{\"text\":\"a\u0000b\"}"));
        cases.put("props nested 40 deep", () -> hookJson(hookId, deep.toString()));
        // Found by the hostile-input corpus: each was a 500 (or, for multipart NUL, a stored post).
        cases.put(
                "type one past 64 characters",
                () -> hookJson(hookId, "{\"text\":\"x\",\"type\":\"" + "a".repeat(65) + "\"}"));
        cases.put(
                "3000-character Content-Type parameter",
                () -> hookPost(hookId, "application/json; a=\"" + "x".repeat(3000) + "\"", "{\"text\":\"x\"}"));
        cases.put(
                "NUL in a multipart field",
                () -> hookPost(
                        hookId,
                        "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\na\u0000b\r\n--b--\r\n"));

        int before = count(channelId);
        assertAll(cases.entrySet().stream().map(c -> (Executable) () -> {
            try {
                assertError(400, "invalid_payload", c.getValue().get());
            } catch (AssertionError e) {
                throw new AssertionError(c.getKey() + ": " + e.getMessage(), e);
            }
        }));
        assertEquals(before, count(channelId));
    }

    @Test
    void aTypeOf64CharactersIsStored() {
        int before = count(channelId);
        HttpResponse<String> response = hookJson(hookId, "{\"text\":\"x\",\"type\":\"" + "a".repeat(64) + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(before + 1, count(channelId));
    }

    @Test
    void rootIdOfAPostInAnotherChannelIs400AndOfThisChannelThreads() {
        String offTopic = channelByName(owner.client(), teamId, "off-topic").getString("id");
        assertHookOk(hookJson(hookId, "{\"text\":\"root elsewhere\",\"channel\":\"off-topic\"}"));
        String elsewhere = newestPost(owner.client(), offTopic).getString("id");
        assertHookOk(hookJson(hookId, text("root here")));
        String here = newestPost(owner.client(), channelId).getString("id");
        int before = count(channelId);
        int offTopicBefore = count(offTopic);

        assertError(400, "invalid_payload", hookJson(hookId, "{\"text\":\"reply\",\"root_id\":\"" + elsewhere + "\"}"));
        assertEquals(before, count(channelId));
        assertEquals(offTopicBefore, count(offTopic));

        assertHookOk(hookJson(hookId, "{\"text\":\"reply\",\"root_id\":\"" + here + "\"}"));
        assertEquals(before + 1, count(channelId));
        JsonObject reply = newestPost(owner.client(), channelId);
        assertEquals("reply", reply.getString("message"));
        assertEquals(here, reply.getString("root_id"), reply.toString());
        assertEquals(
                here, ApiFixtures.post(owner.client(), reply.getString("id")).getString("root_id"));
    }

    @Test
    void javascriptIconUrlIs400WithIconOverrideOn() {
        int before = count(channelId);
        withServiceSettings(
                admin,
                Map.of("EnablePostIconOverride", JsonValue.TRUE),
                () -> assertError(
                        400,
                        "invalid_payload",
                        hookJson(hookId, "{\"text\":\"x\",\"icon_url\":\"javascript:alert(1)\"}")));
        assertEquals(before, count(channelId));
    }

    // --- 400 no_text ---------------------------------------------------------------------------------------

    @Test
    void payloadsWithoutTextAre400NoText() {
        int before = count(channelId);
        assertAll(
                () -> assertError(400, "no_text", hookJson(hookId, "{}")),
                () -> assertError(400, "no_text", hookJson(hookId, "{\"text\": \"\"}")),
                () -> assertError(400, "no_text", hookJson(hookId, "{\"text\":\"   \"}")),
                () -> assertError(400, "no_text", ApiFixtures.hookForm(hookId, "{}")));
        assertEquals(before, count(channelId));
    }

    // --- 400 too_many_attachments --------------------------------------------------------------------------

    @Test
    void attachmentsAreLimitedTo100() {
        int before = count(channelId);
        assertError(400, "too_many_attachments", hookJson(hookId, attachments(101)));
        assertEquals(before, count(channelId));

        assertHookOk(hookJson(hookId, attachments(100)));
        assertEquals(before + 1, count(channelId));
        JsonObject props = newestPost(owner.client(), channelId).getJsonObject("props");
        assertEquals(100, props.getJsonArray("attachments").size(), props.toString());
    }

    private static String attachments(int count) {
        var array = Json.createArrayBuilder();
        for (int i = 0; i < count; i++) {
            array.add(Json.createObjectBuilder().add("text", "a"));
        }
        return Json.createObjectBuilder().add("attachments", array).build().toString();
    }

    // --- 404 channel_not_found / user_not_found ------------------------------------------------------------

    @Test
    void unknownChannelIs404() {
        int before = count(channelId);
        assertError(404, "channel_not_found", hookJson(hookId, "{\"text\":\"x\",\"channel\":\"no-such-channel\"}"));
        assertEquals(before, count(channelId));
    }

    @Test
    void unknownUserIs404() {
        int before = count(channelId);
        // A name no user has: "nosuchuser" plus a suffix, since the database outlives every run.
        String nobody = ApiFixtures.unique("nosuchuser");
        assertError(404, "user_not_found", hookJson(hookId, "{\"text\":\"x\",\"channel\":\"@" + nobody + "\"}"));
        assertEquals(before, count(channelId));
    }

    // --- 403 action_prohibited -----------------------------------------------------------------------------

    @Test
    void lockedHookCannotPostElsewhere() {
        TestUser jim = newUser(admin, "jim");
        addTeamMember(owner.client(), teamId, jim.id());
        String locked = ApiFixtures.createHook(
                        owner.client(), channelId, "locked " + ApiFixtures.suffix(), true, "", "")
                .getString("id");
        String offTopic = channelByName(owner.client(), teamId, "off-topic").getString("id");
        int before = count(channelId);
        int offTopicBefore = count(offTopic);

        assertError(403, "action_prohibited", hookJson(locked, "{\"text\":\"x\",\"channel\":\"off-topic\"}"));
        assertError(
                403, "action_prohibited", hookJson(locked, "{\"text\":\"x\",\"channel\":\"@" + jim.username() + "\"}"));

        assertEquals(before, count(channelId));
        assertEquals(offTopicBefore, count(offTopic));
        assertEquals(0, count(directChannelId(admin, owner.id(), jim.id())), "no post in a direct channel");
    }

    // --- 410 channel_is_archived ---------------------------------------------------------------------------

    @Test
    void channelArchivedAfterTheHookWasCreatedIs410() {
        int before = count(channelId);
        assertStatusOk(owner.client().delete("/api/v4/channels/" + channelId));

        assertError(410, "channel_is_archived", hookJson(hookId, text("into the archive")));

        HttpResponse<String> restored = admin.post("/api/v4/channels/" + channelId + "/restore");
        assertEquals(200, restored.statusCode(), restored.body());
        assertEquals(before, count(channelId));
    }

    // --- 413 payload_too_large -----------------------------------------------------------------------------

    @Test
    void bodiesOverMaximumPayloadSizeBytesAre413() {
        int before = count(channelId);
        withServiceSettings(admin, Map.of("MaximumPayloadSizeBytes", Json.createValue(DEFAULT_MAX_PAYLOAD)), () -> {
            byte[] tooLarge = jsonOfBytes(DEFAULT_MAX_PAYLOAD + 1);
            assertError(
                    413,
                    "payload_too_large",
                    ApiFixtures.anonymous().postBytes("/hooks/" + hookId, tooLarge, "Content-Type", JSON));
            assertEquals(before, count(channelId));

            // The boundary: exactly the maximum is accepted (the long text is split into several posts).
            assertHookOk(ApiFixtures.anonymous()
                    .postBytes("/hooks/" + hookId, jsonOfBytes(DEFAULT_MAX_PAYLOAD), "Content-Type", JSON));
            assertTrue(count(channelId) > before, "the maximum-size body was posted");
        });
    }

    @Test
    void chunkedBodyOverMaximumPayloadSizeBytesIs413() {
        int before = count(channelId);
        withServiceSettings(
                admin,
                Map.of("MaximumPayloadSizeBytes", Json.createValue(DEFAULT_MAX_PAYLOAD)),
                () ->
                        // No Content-Length to decide by: the limit holds while reading.
                        assertError(
                                413,
                                "payload_too_large",
                                ApiFixtures.anonymous()
                                        .postChunked(
                                                "/hooks/" + hookId,
                                                jsonOfBytes(DEFAULT_MAX_PAYLOAD + 1),
                                                "Content-Type",
                                                JSON)));
        assertEquals(before, count(channelId));
    }

    /** A valid JSON hook body of exactly {@code bytes} bytes: a text of words padded with spaces. */
    private static byte[] jsonOfBytes(int bytes) {
        String prefix = "{\"text\":\"size " + ApiFixtures.suffix() + " ";
        String suffix = "\"}";
        StringBuilder body = new StringBuilder(bytes).append(prefix);
        int room = bytes - prefix.length() - suffix.length();
        String word = "padding ";
        while (room >= word.length()) {
            body.append(word);
            room -= word.length();
        }
        body.append(" ".repeat(room)).append(suffix);
        byte[] encoded = body.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(bytes, encoded.length);
        return encoded;
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private int count(String channel) {
        return postCount(admin, channel);
    }

    private static String text(String text) {
        return Json.createObjectBuilder()
                .add("text", text + " " + ApiFixtures.suffix())
                .build()
                .toString();
    }
}
