package io.hookline.it;

import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.newestPost;
import static io.hookline.it.ApiFixtures.post;
import static io.hookline.it.ApiFixtures.postCount;
import static io.hookline.it.ApiFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18, point 4: every post has a unique Slack-shaped {@code ts}; {@code thread_ts} is {@code root_id}'s
 * alias, naming the root by post id or by that {@code ts}, under the same rule (a post of the target channel),
 * refused as 400 {@code invalid_thread}. {@code reply_broadcast} is accepted and ignored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HookThreadTsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private TestUser owner;
    private String teamId;
    private String channelId;
    private String hookId;

    @BeforeEach
    void setUp() {
        owner = newUser(ApiFixtures.admin(), "thread");
        teamId = createTeam(owner.client()).getString("id");
        channelId = createChannel(owner.client(), teamId, "O").getString("id");
        hookId = createHook(owner.client(), channelId).getString("id");
    }

    /** Posts through the hook with ?wait=true and returns the answer (200 expected). */
    private JsonObject waitPost(String json) {
        HttpResponse<String> response =
                ApiFixtures.anonymous().postRaw("/hooks/" + hookId + "?wait=true", ApiFixtures.JSON, json);
        assertEquals(200, response.statusCode(), response.body());
        return HooklineClient.json(response);
    }

    private static String reply(String field, String value) {
        return Json.createObjectBuilder()
                .add("text", unique("reply"))
                .add(field, value)
                .build()
                .toString();
    }

    @Test
    void threadTsNamesTheRootByTsOrById() {
        JsonObject root = waitPost("{\"text\":\"root\"}");
        String rootId = root.getString("id");

        JsonObject byTs = waitPost(reply("thread_ts", root.getString("ts")));
        assertEquals(rootId, post(owner.client(), byTs.getString("id")).getString("root_id"));

        JsonObject byId = waitPost(reply("thread_ts", rootId));
        assertEquals(rootId, post(owner.client(), byId.getString("id")).getString("root_id"));

        // A reply's ts leads to the thread's root, as root_id with a reply's id does.
        JsonObject viaReply = waitPost(reply("thread_ts", byTs.getString("ts")));
        assertEquals(rootId, post(owner.client(), viaReply.getString("id")).getString("root_id"));

        // Without wait the answer stays ok, and the reply is still threaded.
        assertHookOk(ApiFixtures.hookJson(hookId, reply("thread_ts", root.getString("ts"))));
        assertEquals(rootId, newestPost(owner.client(), channelId).getString("root_id"));
        assertEquals(5, postCount(owner.client(), channelId));
    }

    @Test
    void threadTsAsAJsonNumberAndReplyBroadcastIgnored() {
        JsonObject root = waitPost("{\"text\":\"root\"}");
        JsonObject reply =
                waitPost("{\"text\":\"n\",\"thread_ts\":" + root.getString("ts") + ",\"reply_broadcast\":true}");
        assertEquals(
                root.getString("id"),
                post(owner.client(), reply.getString("id")).getString("root_id"));
        assertTrue(!reply.getJsonObject("props").containsKey("reply_broadcast"), reply.toString());
    }

    @Test
    void aThreadTsThatNamesNoPostOfTheTargetChannelIsInvalidThread() {
        JsonObject root = waitPost("{\"text\":\"root\"}");
        String otherChannel = createChannel(owner.client(), teamId, "O").getString("id");
        String otherHook = createHook(owner.client(), otherChannel).getString("id");
        int before = postCount(owner.client(), channelId);

        // The root is in another channel than the one the post goes to: by ts, by id, and by a channel override.
        for (String ref : new String[] {root.getString("ts"), root.getString("id")}) {
            assertError(400, "invalid_thread", ApiFixtures.hookJson(otherHook, reply("thread_ts", ref)));
        }
        String toOther = Json.createObjectBuilder()
                .add("text", "x")
                .add("thread_ts", root.getString("ts"))
                .add("channel", channelName(otherChannel))
                .build()
                .toString();
        assertError(400, "invalid_thread", ApiFixtures.hookJson(hookId, toOther));
        assertEquals(0, postCount(owner.client(), otherChannel));
        // Unknown ts, unknown id, and values that are neither.
        for (String ref : new String[] {
            "1700000000.000100", ApiFixtures.unknownId(), "../../etc", "x' OR '1'='1", "1".repeat(5000)
        }) {
            assertError(400, "invalid_thread", ApiFixtures.hookJson(hookId, reply("thread_ts", ref)));
        }
        assertEquals(before, postCount(owner.client(), channelId));
    }

    private String channelName(String id) {
        return HooklineClient.json(owner.client().get("/api/v4/channels/" + id)).getString("name");
    }

    @Test
    void rootIdAndThreadTsTogetherMustNameTheSameThread() {
        JsonObject root = waitPost("{\"text\":\"root\"}");
        JsonObject other = waitPost("{\"text\":\"other root\"}");
        JsonObject agree = waitPost(Json.createObjectBuilder()
                .add("text", "both")
                .add("root_id", root.getString("id"))
                .add("thread_ts", root.getString("ts"))
                .build()
                .toString());
        assertEquals(
                root.getString("id"),
                post(owner.client(), agree.getString("id")).getString("root_id"));
        int before = postCount(owner.client(), channelId);
        assertError(
                400,
                "invalid_thread",
                ApiFixtures.hookJson(
                        hookId,
                        Json.createObjectBuilder()
                                .add("text", "both")
                                .add("root_id", root.getString("id"))
                                .add("thread_ts", other.getString("ts"))
                                .build()
                                .toString()));
        // root_id keeps its own answer when it is the one that names nothing.
        assertError(
                400,
                "invalid_payload",
                ApiFixtures.hookJson(
                        hookId,
                        Json.createObjectBuilder()
                                .add("text", "x")
                                .add("root_id", ApiFixtures.unknownId())
                                .add("thread_ts", root.getString("ts"))
                                .build()
                                .toString()));
        assertEquals(before, postCount(owner.client(), channelId));
    }

    @Test
    void everyPostHasItsOwnTsEvenUnderConcurrentPosts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonObject>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String text = "{\"text\":\"c" + i + "\"}";
                answers.add(pool.submit(() -> waitPost(text)));
            }
            Set<String> ts = new HashSet<>();
            for (Future<JsonObject> answer : answers) {
                assertTrue(ts.add(answer.get().getString("ts")), "duplicate ts");
            }
            assertEquals(64, ts.size());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The Slack Java SDK's captured request carries {@code thread_ts} of a post that does not exist here: 400
     * {@code invalid_thread}, as the rule says. With the ts of a post of this channel in its place (the
     * same length, so the captured bytes keep their shape and Content-Length), it is a threaded reply.
     */
    @Test
    void theCapturedSlackSdkRequestWithThreadTs() {
        byte[] captured = capture("slack-api-client-java-unfurl-thread.body");
        String body = new String(captured, StandardCharsets.UTF_8);
        String capturedTs = "1700000000.000100";
        assertTrue(body.contains(capturedTs), body);
        String contentType = "application/json; charset=utf-8";
        assertError(
                400,
                "invalid_thread",
                ApiFixtures.anonymous().postBytes("/hooks/" + hookId, captured, "Content-Type", contentType));

        JsonObject root = waitPost("{\"text\":\"root\"}");
        String ts = root.getString("ts");
        assertEquals(capturedTs.length(), ts.length(), ts);
        assertHookOk(ApiFixtures.anonymous()
                .postBytes(
                        "/hooks/" + hookId,
                        body.replace(capturedTs, ts).getBytes(StandardCharsets.UTF_8),
                        "Content-Type",
                        contentType));
        JsonObject reply = newestPost(owner.client(), channelId);
        assertEquals("unfurl flags and thread", reply.getString("message"));
        assertEquals(root.getString("id"), reply.getString("root_id"));
    }

    /** A capture from the directory SlackFixturesIT reads. */
    private static byte[] capture(String name) {
        try {
            return Files.readAllBytes(SlackFixturesIT.capturesDir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
