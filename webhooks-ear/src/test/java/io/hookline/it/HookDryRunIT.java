package io.hookline.it;

import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.channelByName;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.postCount;
import static io.hookline.it.ApiFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18, point 6: {@code POST /hooks/{id}?dry_run=true} runs the whole pipeline and answers the posts it
 * would have made, or the exact error the real request would get, storing nothing: no post, no "last used",
 * no post ids in the delivery log (which records the dry run's answer, without posts).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HookDryRunIT {

    private static final JsonObject RATE_DEFAULTS = Json.createObjectBuilder()
            .add("Enable", true)
            .add("PerSec", 1000)
            .add("MaxBurst", 2000)
            .add("VaryByRemoteAddr", true)
            .add("PerHookPerSec", 100)
            .add("PerHookMaxBurst", 500)
            .build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    private TestUser owner;
    private String teamId;
    private String channelId;
    private JsonObject hook;
    private String hookId;

    @BeforeEach
    void setUp() {
        admin = ApiFixtures.admin();
        owner = newUser(admin, "dry");
        teamId = createTeam(owner.client()).getString("id");
        channelId = createChannel(owner.client(), teamId, "O").getString("id");
        hook = createHook(owner.client(), channelId);
        hookId = hook.getString("id");
    }

    @AfterEach
    void restoreRateLimits() {
        HttpResponse<String> restored = admin.put(
                "/api/v4/config/patch",
                Json.createObjectBuilder()
                        .add("RateLimitSettings", RATE_DEFAULTS)
                        .build());
        assertEquals(200, restored.statusCode(), restored.body());
    }

    private static HttpResponse<String> dryRun(String hookId, String json) {
        return ApiFixtures.anonymous().postRaw("/hooks/" + hookId + "?dry_run=true", ApiFixtures.JSON, json);
    }

    @Test
    void answersThePostsItWouldMakeAndStoresNothing() {
        String table = "| a | b |\n|---|---|\n| 1 | 2 |";
        String payload = Json.createObjectBuilder()
                .add("text", table)
                .add("channel", "off-topic")
                .add("username", "robot")
                .add(
                        "attachments",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("text", "attached")
                                        .add("color", "#ff0000")))
                .build()
                .toString();
        String offTopic = channelByName(owner.client(), teamId, "off-topic").getString("id");
        int before = postCount(owner.client(), offTopic);

        HttpResponse<String> response = dryRun(hookId, payload);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject answer = HooklineClient.json(response);
        assertEquals(Set.of("dry_run", "channel_id", "posts"), answer.keySet());
        assertTrue(answer.getBoolean("dry_run"));
        assertEquals(offTopic, answer.getString("channel_id"));
        JsonArray posts = answer.getJsonArray("posts");
        assertEquals(1, posts.size(), answer.toString());
        JsonObject planned = posts.getJsonObject(0);
        assertEquals(Set.of("message", "props", "type", "root_id"), planned.keySet());
        assertEquals(table, planned.getString("message"));
        assertEquals("slack_attachment", planned.getString("type"));
        assertEquals("", planned.getString("root_id"));
        assertEquals("true", planned.getJsonObject("props").getString("from_webhook"));
        assertEquals(
                "attached",
                planned.getJsonObject("props")
                        .getJsonArray("attachments")
                        .getJsonObject(0)
                        .getString("text"));
        assertEquals(before, postCount(owner.client(), offTopic), "nothing stored");

        // The same request for real makes exactly that post.
        assertHookOk(ApiFixtures.hookJson(hookId, payload));
        JsonObject real = ApiFixtures.newestPost(owner.client(), offTopic);
        assertEquals(planned.getString("message"), real.getString("message"));
        assertEquals(planned.getJsonObject("props"), real.getJsonObject("props"));
        assertEquals(planned.getString("type"), real.getString("type"));
    }

    @Test
    void aSplitMessageShowsEveryPartAndAThreadItsRoot() {
        String line = "y".repeat(99) + "\n";
        JsonObject root = HooklineClient.json(ApiFixtures.anonymous()
                .postRaw("/hooks/" + hookId + "?wait=true", ApiFixtures.JSON, "{\"text\":\"root\"}"));
        int before = postCount(owner.client(), channelId);
        JsonObject answer = HooklineClient.json(dryRun(
                hookId,
                Json.createObjectBuilder()
                        .add("text", line.repeat(400))
                        .add("thread_ts", root.getString("ts"))
                        .build()
                        .toString()));
        JsonArray posts = answer.getJsonArray("posts");
        // 40,000 characters, longer than MaxPostSize can be (at most 16,383): several posts.
        assertTrue(posts.size() >= 3, answer.toString().substring(0, 200));
        for (int i = 0; i < posts.size(); i++) {
            assertEquals(root.getString("id"), posts.getJsonObject(i).getString("root_id"));
        }
        assertEquals(before, postCount(owner.client(), channelId));
    }

    @Test
    void theExactErrorsOfTheRealRequest() {
        String[][] cases = {
            {"{}", "400", "no_text"},
            {"{", "400", "invalid_payload"},
            {"{\"text\":\"x\",\"channel\":\"no-such-channel-here\"}", "404", "channel_not_found"},
            {"{\"text\":\"x\",\"thread_ts\":\"1700000000.000100\"}", "400", "invalid_thread"},
            {"{\"text\":\"x\",\"type\":\"system_join\"}", "400", "invalid_payload"},
        };
        for (String[] c : cases) {
            JsonObject dry = assertError(Integer.parseInt(c[1]), c[2], dryRun(hookId, c[0]));
            JsonObject real = assertError(Integer.parseInt(c[1]), c[2], ApiFixtures.hookJson(hookId, c[0]));
            assertEquals(real.getString("message"), dry.getString("message"), c[0]);
        }
        assertError(404, "no_service", dryRun(ApiFixtures.unknownId(), "{\"text\":\"x\"}"));
        assertError(
                400,
                "invalid_parameter",
                ApiFixtures.anonymous()
                        .postRaw("/hooks/" + hookId + "?dry_run=maybe", ApiFixtures.JSON, "{\"text\":\"x\"}"));
        assertEquals(0, postCount(owner.client(), channelId));
    }

    @Test
    void theRateLimitAppliesAndIsSpent() {
        HttpResponse<String> patched = admin.put(
                "/api/v4/config/patch",
                Json.createObjectBuilder()
                        .add(
                                "RateLimitSettings",
                                Json.createObjectBuilder()
                                        .add("PerHookPerSec", 1)
                                        .add("PerHookMaxBurst", 2)
                                        .add("Enable", false))
                        .build());
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(200, dryRun(hookId, "{\"text\":\"1\"}").statusCode());
        assertEquals(200, dryRun(hookId, "{\"text\":\"2\"}").statusCode());
        assertError(429, null, dryRun(hookId, "{\"text\":\"3\"}"));
        assertError(429, null, ApiFixtures.hookJson(hookId, "{\"text\":\"real\"}"));
        assertEquals(0, postCount(owner.client(), channelId));
    }

    @Test
    void noLastUsedAndNoPostIdsInTheDeliveryLog() {
        assertEquals(200, dryRun(hookId, "{\"text\":\"" + unique("dry") + "\"}").statusCode());
        JsonArray log = Poll.until(
                Duration.ofSeconds(3),
                () -> HooklineClient.jsonArray(owner.client().get("/api/v4/hooks/incoming/" + hookId + "/deliveries")),
                l -> !l.isEmpty(),
                l -> "the dry run was not logged: " + l);
        JsonObject entry = log.getJsonObject(0);
        assertEquals(200, entry.getInt("status_code"));
        assertEquals(0, entry.getInt("post_count"), entry.toString());
        assertEquals(0, entry.getJsonArray("post_ids").size(), entry.toString());
        JsonObject read = HooklineClient.json(owner.client().get("/api/v4/hooks/incoming/" + hookId));
        assertEquals(0, read.getJsonNumber("last_used_at").longValue(), "never used: " + read);
    }
}
