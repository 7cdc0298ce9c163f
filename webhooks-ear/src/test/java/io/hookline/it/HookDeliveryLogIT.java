package io.hookline.it;

import static io.hookline.it.ApiFixtures.addTeamMember;
import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.assertStatusOk;
import static io.hookline.it.ApiFixtures.config;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.hookJson;
import static io.hookline.it.ApiFixtures.hookPost;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.patchConfigResponse;
import static io.hookline.it.ApiFixtures.post;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8's delivery log, black box: every answer of {@code POST /hooks/{id}} (ok and each error kind) shows up
 * in {@code GET /api/v4/hooks/incoming/{hook_id}/deliveries} within a few hundred milliseconds, newest first,
 * with its status, error id, sender, size, duration and posts; {@code ServiceSettings.HookDeliveryLogSize}
 * bounds it (0 turns it off and empties it); only the hook's creator and system admins may read it.
 * (Regenerating a hook's URL keeps its log: {@code IntegrationsBrowserIT}, since only the console regenerates.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HookDeliveryLogIT {

    /** How long an answer may take to appear in the log (it is written every 200 ms). */
    private static final Duration SHOWS_WITHIN = Duration.ofSeconds(3);
    /** Longer than several of the writer's 200 ms intervals: the writer has seen a changed setting by then. */
    private static final Duration WRITER_SEES_A_CHANGE = Duration.ofMillis(1500);

    private static final int DEFAULT_MAX_PAYLOAD = 300_000;
    private static final Pattern LOOPBACK = Pattern.compile("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    /** What a sent request must look like in the log. */
    private record Sent(int status, String errorId, long size, int posts) {}

    private HooklineClient admin;
    private TestUser owner;
    private String teamId;
    private String channelId;
    private String hookId;
    private JsonObject settingsBefore;

    @BeforeEach
    void setUp() {
        admin = ApiFixtures.admin();
        settingsBefore = config(admin);
        owner = newUser(admin, "dlog");
        teamId = createTeam(owner.client()).getString("id");
        channelId = createChannel(owner.client(), teamId, "O").getString("id");
        hookId = createHook(owner.client(), channelId).getString("id");
    }

    /** Every setting a test changed goes back to what it was: the other integration tests share the server. */
    @AfterEach
    void restoreSettings() {
        for (String section : List.of("ServiceSettings", "RateLimitSettings")) {
            HttpResponse<String> restored = admin.put(
                    "/api/v4/config/patch",
                    Json.createObjectBuilder()
                            .add(section, settingsBefore.getJsonObject(section))
                            .build());
            assertEquals(200, restored.statusCode(), restored.body());
        }
        assertEquals(settingsBefore, config(admin));
    }

    @Test
    void everyAnswerIsLoggedNewestFirstWithItsFields() {
        long start = System.currentTimeMillis();
        List<Sent> sent = new ArrayList<>();

        // 200: a message longer than MaxPostSize (4000) becomes two posts.
        String twoPosts = json("x".repeat(3990) + " " + "y".repeat(100));
        assertHookOk(hookJson(hookId, twoPosts));
        sent.add(new Sent(200, "", bytes(twoPosts), 2));

        String notJson = "{ this is not JSON";
        assertError(400, "invalid_payload", hookJson(hookId, notJson));
        sent.add(new Sent(400, "invalid_payload", bytes(notJson), 0));

        assertError(400, "no_text", hookJson(hookId, "{}"));
        sent.add(new Sent(400, "no_text", 2, 0));

        // Answered by a servlet filter in front of JAX-RS, and logged all the same.
        String body = json("odd content type");
        assertError(400, "invalid_payload", hookPost(hookId, "not a media type", body));
        sent.add(new Sent(400, "invalid_payload", bytes(body), 0));

        String nowhere = withChannel("nowhere", ApiFixtures.unique("nosuch"));
        assertError(404, "channel_not_found", hookJson(hookId, nowhere));
        sent.add(new Sent(404, "channel_not_found", bytes(nowhere), 0));

        TestUser jim = newUser(admin, "dljim");
        addTeamMember(owner.client(), teamId, jim.id());
        String jimsGroup = createChannel(jim.client(), teamId, "P").getString("name");
        String prohibited = withChannel("not a member", jimsGroup);
        assertError(403, "action_prohibited", hookJson(hookId, prohibited));
        sent.add(new Sent(403, "action_prohibited", bytes(prohibited), 0));

        JsonObject archive = createChannel(owner.client(), teamId, "O");
        assertStatusOk(owner.client().delete("/api/v4/channels/" + archive.getString("id")));
        String archived = withChannel("into the archive", archive.getString("name"));
        assertError(410, "channel_is_archived", hookJson(hookId, archived));
        sent.add(new Sent(410, "channel_is_archived", bytes(archived), 0));

        // Refused while reading: the size is the Content-Length the sender declared.
        byte[] tooLarge = ("{\"text\":\"" + "z".repeat(DEFAULT_MAX_PAYLOAD) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(
                DEFAULT_MAX_PAYLOAD,
                config(admin).getJsonObject("ServiceSettings").getInt("MaximumPayloadSizeBytes"));
        assertError(
                413,
                "payload_too_large",
                ApiFixtures.anonymous().postBytes("/hooks/" + hookId, tooLarge, "Content-Type", "application/json"));
        sent.add(new Sent(413, "payload_too_large", tooLarge.length, 0));

        String disabled = json("while disabled");
        patch("ServiceSettings", "EnableIncomingWebhooks", JsonValue.FALSE);
        assertError(501, "hooks_disabled", hookJson(hookId, disabled));
        patch("ServiceSettings", "EnableIncomingWebhooks", JsonValue.TRUE);
        sent.add(new Sent(501, "hooks_disabled", bytes(disabled), 0));

        // One request a second per hook: the next passes, the one after is refused before its body is read.
        patch("RateLimitSettings", "Enable", JsonValue.FALSE);
        patch("RateLimitSettings", "PerHookPerSec", Json.createValue(1));
        patch("RateLimitSettings", "PerHookMaxBurst", Json.createValue(1));
        String onePost = json("one");
        assertHookOk(hookJson(hookId, onePost));
        sent.add(new Sent(200, "", bytes(onePost), 1));
        String limited = json("too many");
        assertError(429, "too_many_requests", hookJson(hookId, limited));
        sent.add(new Sent(429, "too_many_requests", bytes(limited), 0));
        long end = System.currentTimeMillis();

        JsonArray log = awaitLog(owner.client(), hookId, entries -> entries.size() >= sent.size());
        assertEquals(sent.size(), log.size(), log.toString());
        List<Sent> newestFirst = new ArrayList<>(sent);
        Collections.reverse(newestFirst);
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < log.size(); i++) {
            JsonObject entry = log.getJsonObject(i);
            Sent expected = newestFirst.get(i);
            String where = "entry " + i + ": " + entry;
            assertAll(
                    where,
                    () -> assertEquals(expected.status(), entry.getInt("status_code")),
                    () -> assertEquals(expected.errorId(), entry.getString("error_id")),
                    () -> assertEquals(
                            expected.size(), entry.getJsonNumber("size").longValue()),
                    () -> assertEquals(
                            expected.posts(), entry.getJsonArray("post_ids").size()),
                    () -> assertEquals(expected.posts(), entry.getInt("post_count")),
                    () -> assertEquals(expected.posts() > 0 ? channelId : "", entry.getString("channel_id")),
                    () -> assertTrue(
                            LOOPBACK.matcher(entry.getString("remote_address")).matches()),
                    () -> assertTrue(entry.getJsonNumber("duration_ms").longValue() >= 0),
                    () -> assertTrue(entry.getJsonNumber("duration_ms").longValue() < 60_000));
            long at = entry.getJsonNumber("create_at").longValue();
            assertTrue(at >= start - 1000 && at <= end + 1000, "create_at " + at + " within the test: " + where);
            assertTrue(at <= previous, "newest first: " + where);
            previous = at;
        }
        // The post ids are the posts the requests became, in this hook's channel.
        for (JsonObject entry : List.of(log.getJsonObject(1), log.getJsonObject(log.size() - 1))) {
            for (JsonString postId : entry.getJsonArray("post_ids").getValuesAs(JsonString.class)) {
                assertEquals(channelId, post(owner.client(), postId.getString()).getString("channel_id"));
            }
        }
        assertEquals(Map.of(), unknownFields(log), "the documented fields and no others");
    }

    @Test
    void retentionKeepsExactlyTheNewestNAndPagesThem() {
        patch("ServiceSettings", "HookDeliveryLogSize", Json.createValue(3));
        List<Long> sizes = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String body = json("m" + "i".repeat(i));
            assertHookOk(hookJson(hookId, body));
            sizes.add(bytes(body));
        }
        long newest = sizes.get(4);
        JsonArray log = awaitLog(
                owner.client(), hookId, entries -> !entries.isEmpty() && sizeOf(entries.getJsonObject(0)) == newest);
        assertEquals(List.of(sizes.get(4), sizes.get(3), sizes.get(2)), sizesOf(log), "the three newest, newest first");

        assertEquals(
                List.of(sizes.get(4), sizes.get(3)), sizesOf(deliveries(owner.client(), hookId, "?page=0&per_page=2")));
        assertEquals(List.of(sizes.get(2)), sizesOf(deliveries(owner.client(), hookId, "?page=1&per_page=2")));
        assertEquals(List.of(), sizesOf(deliveries(owner.client(), hookId, "?page=2&per_page=2")));

        // The older two are gone from the database, not just hidden: a larger setting does not bring them back.
        patch("ServiceSettings", "HookDeliveryLogSize", Json.createValue(100));
        assertEquals(
                List.of(sizes.get(4), sizes.get(3), sizes.get(2)), sizesOf(deliveries(owner.client(), hookId, "")));
    }

    @Test
    void zeroTurnsTheLogOffAndForgetsWhatItHeld() throws InterruptedException {
        assertHookOk(hookJson(hookId, json("before")));
        awaitLog(owner.client(), hookId, entries -> entries.size() == 1);

        patch("ServiceSettings", "HookDeliveryLogSize", Json.createValue(0));
        assertEquals(0, deliveries(owner.client(), hookId, "").size(), "nothing shows while the log is off");
        assertHookOk(hookJson(hookId, json("while off")));
        assertError(400, "no_text", hookJson(hookId, "{}"));
        Thread.sleep(WRITER_SEES_A_CHANGE.toMillis());

        patch("ServiceSettings", "HookDeliveryLogSize", Json.createValue(100));
        String after = json("after, the only one");
        assertHookOk(hookJson(hookId, after));
        JsonArray log = awaitLog(owner.client(), hookId, entries -> !entries.isEmpty());
        assertEquals(
                List.of(bytes(after)),
                sizesOf(log),
                "neither the requests while off nor the entry from before are kept");
    }

    @Test
    void onlyTheCreatorAndSystemAdminsReadTheLog() {
        assertHookOk(hookJson(hookId, json("hello")));
        awaitLog(owner.client(), hookId, entries -> entries.size() == 1);
        String path = "/api/v4/hooks/incoming/" + hookId + "/deliveries";

        assertEquals(1, HooklineClient.jsonArray(ok(admin.get(path))).size(), "a system admin reads any hook's log");
        TestUser other = newUser(admin, "dlother");
        assertError(403, "api.context.permissions.app_error", other.client().get(path));
        assertError(401, ApiFixtures.anonymous().get(path));
        assertError(404, owner.client().get("/api/v4/hooks/incoming/" + ApiFixtures.unknownId() + "/deliveries"));
        assertError(400, owner.client().get(path + "?page=-1"));

        // A deleted hook's log is gone with it.
        assertStatusOk(owner.client().delete("/api/v4/hooks/incoming/" + hookId));
        assertError(404, owner.client().get(path));
        assertError(404, admin.get(path));
    }

    @Test
    void theSettingIsInTheConfigAndRefusedPastItsBounds() {
        JsonObject service = config(admin).getJsonObject("ServiceSettings");
        assertTrue(service.containsKey("HookDeliveryLogSize"), service.toString());
        for (int past : new int[] {-1, 10_001}) {
            JsonObject error = assertError(
                    400,
                    "model.config.is_valid.hook_delivery_log_size.app_error",
                    patchConfigResponse(admin, "ServiceSettings", "HookDeliveryLogSize", Json.createValue(past)));
            assertEquals("HookDeliveryLogSize must be between 0 and 10000.", error.getString("message"));
        }
        assertError(400, patchConfigResponse(admin, "ServiceSettings", "HookDeliveryLogSize", Json.createValue("5")));
        assertEquals(service, config(admin).getJsonObject("ServiceSettings"), "nothing changed");
        for (int at : new int[] {0, 10_000}) {
            patch("ServiceSettings", "HookDeliveryLogSize", Json.createValue(at));
            assertEquals(at, config(admin).getJsonObject("ServiceSettings").getInt("HookDeliveryLogSize"));
        }
        assertError(
                403,
                "api.context.permissions.app_error",
                patchConfigResponse(owner.client(), "ServiceSettings", "HookDeliveryLogSize", Json.createValue(5)));
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private void patch(String section, String key, JsonValue value) {
        HttpResponse<String> response = patchConfigResponse(admin, section, key, value);
        assertEquals(200, response.statusCode(), response.body());
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static JsonArray deliveries(HooklineClient as, String hookId, String query) {
        return HooklineClient.jsonArray(ok(as.get("/api/v4/hooks/incoming/" + hookId + "/deliveries" + query)));
    }

    /** Polls the log (per_page=200) until {@code done} holds, for at most {@link #SHOWS_WITHIN}. */
    private static JsonArray awaitLog(HooklineClient as, String hookId, Predicate<JsonArray> done) {
        return Poll.until(
                SHOWS_WITHIN,
                () -> deliveries(as, hookId, "?per_page=200"),
                done,
                log -> "the delivery log did not show what was sent within " + SHOWS_WITHIN + ": " + log);
    }

    private static long sizeOf(JsonObject entry) {
        return entry.getJsonNumber("size").longValue();
    }

    private static List<Long> sizesOf(JsonArray log) {
        return log.getValuesAs(JsonObject.class).stream()
                .map(HookDeliveryLogIT::sizeOf)
                .toList();
    }

    /** Fields beyond the documented ones, by entry index. */
    private static Map<Integer, List<String>> unknownFields(JsonArray log) {
        List<String> known = List.of(
                "create_at",
                "status_code",
                "error_id",
                "remote_address",
                "size",
                "duration_ms",
                "channel_id",
                "post_ids",
                "post_count");
        Map<Integer, List<String>> unknown = new java.util.TreeMap<>();
        for (int i = 0; i < log.size(); i++) {
            List<String> extra = log.getJsonObject(i).keySet().stream()
                    .filter(k -> !known.contains(k))
                    .toList();
            if (!extra.isEmpty() || !log.getJsonObject(i).keySet().containsAll(known)) {
                unknown.put(i, List.copyOf(log.getJsonObject(i).keySet()));
            }
        }
        return unknown;
    }

    private static String json(String text) {
        return Json.createObjectBuilder().add("text", text).build().toString();
    }

    private static String withChannel(String text, String channel) {
        return Json.createObjectBuilder()
                .add("text", text)
                .add("channel", channel)
                .build()
                .toString();
    }

    private static long bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8).length;
    }
}
