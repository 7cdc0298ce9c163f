package io.hookline.it;

import static io.hookline.it.ApiFixtures.JSON;
import static io.hookline.it.ApiFixtures.admin;
import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.hookJson;
import static io.hookline.it.ApiFixtures.mainTeamId;
import static io.hookline.it.ApiFixtures.postCount;
import static io.hookline.it.ApiFixtures.withServiceSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, point 1: splitting a long message must not turn a small request into many posts. A repeated table
 * header or reopened fence is at most a tenth of {@code MaxPostSize}; a request whose parts would be more than
 * {@code ServiceSettings.MaxPostsPerRequest} or more than twice its characters is refused with 400
 * {@code message_too_long} and stores nothing. On main before the fix the reproduction was answered {@code ok}
 * with 150 posts of 600,000 characters.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PostAmplificationIT {

    /** ServiceSettings defaults the tests rely on. */
    private static final int MAX_POST_SIZE = 4000;

    private static final int MAX_POSTS_PER_REQUEST = 100;
    private static final int MAX_PAYLOAD_BYTES = 300_000;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    private String channelId;
    private String hookId;

    @BeforeEach
    void hookOnAFreshChannel() {
        admin = admin();
        channelId = createChannel(admin, mainTeamId(admin), "O").getString("id");
        hookId = createHook(admin, channelId).getString("id");
    }

    /** The issue's reproduction: a 3,990-character header row, a delimiter row, then one-character rows. */
    private static String amplifyingTable(int rows) {
        return "|" + "h".repeat(3988) + "|\n|-|\n" + "x|\n".repeat(rows);
    }

    private static String textBody(String text) {
        return Json.createObjectBuilder().add("text", text).build().toString();
    }

    /**
     * The body as the reproduction sent it: raw line breaks inside the JSON string, which the forgiving parser
     * accepts (as Mattermost does), so each one-character row is three bytes.
     */
    private static String rawBody(String text) {
        return "{\"text\":\"" + text + "\"}";
    }

    @Test
    void theIssueReproductionIsRefusedAndStoresNothing() {
        String body = rawBody(amplifyingTable(300));
        assertEquals(4906, body.getBytes(StandardCharsets.UTF_8).length, "4.9 KB");
        int before = postCount(admin, channelId);
        assertError(400, "message_too_long", hookJson(hookId, body));
        assertEquals(before, postCount(admin, channelId));
    }

    @Test
    void theSameTableAt290KilobytesIsRefusedAndStoresNothing() {
        String body = rawBody(amplifyingTable((290_000 - 4006) / 3));
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes > 289_000 && bytes <= 290_000, "about 290 KB, within the default body limit: " + bytes);
        int before = postCount(admin, channelId);
        assertError(400, "message_too_long", hookJson(hookId, body));
        assertEquals(before, postCount(admin, channelId));
    }

    @Test
    void aLegitimate300000ByteMessagePostsInAtMost100Parts() {
        byte[] body = logOfBytes(MAX_PAYLOAD_BYTES);
        assertHookOk(ApiFixtures.anonymous().postBytes("/hooks/" + hookId, body, "Content-Type", JSON));
        List<String> parts = messages();
        assertTrue(parts.size() > 1 && parts.size() <= MAX_POSTS_PER_REQUEST, parts.size() + " posts");
        for (String part : parts) {
            assertTrue(part.codePointCount(0, part.length()) <= MAX_POST_SIZE, part.length() + " characters");
        }
        String sent = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
                .readObject()
                .getString("text");
        // Only whitespace at the cuts is dropped.
        assertEquals(sent.replaceAll("\\s", ""), String.join("", parts).replaceAll("\\s", ""));
    }

    @Test
    void maxPostsPerRequestIsEnforcedAtAndPastTheSetting() {
        // Text without spaces or line breaks is hard-cut into parts of exactly MaxPostSize.
        withServiceSettings(admin, Map.of("MaxPostsPerRequest", Json.createValue(3)), () -> {
            int before = postCount(admin, channelId);
            assertError(400, "message_too_long", hookJson(hookId, textBody("a".repeat(3 * MAX_POST_SIZE + 1))));
            assertEquals(before, postCount(admin, channelId));

            assertHookOk(hookJson(hookId, textBody("a".repeat(3 * MAX_POST_SIZE))));
            assertEquals(before + 3, postCount(admin, channelId));
        });
        // Restored to the default: four parts are fine again.
        int before = postCount(admin, channelId);
        assertHookOk(hookJson(hookId, textBody("a".repeat(3 * MAX_POST_SIZE + 1))));
        assertEquals(before + 4, postCount(admin, channelId));
    }

    @Test
    void theDefaultCapIs100Posts() {
        withServiceSettings(admin, Map.of("MaximumPayloadSizeBytes", Json.createValue(400_100)), () -> {
            int before = postCount(admin, channelId);
            assertError(
                    400,
                    "message_too_long",
                    hookJson(hookId, textBody("a".repeat(MAX_POSTS_PER_REQUEST * MAX_POST_SIZE + 1))));
            assertEquals(before, postCount(admin, channelId));
            assertHookOk(hookJson(hookId, textBody("a".repeat(MAX_POSTS_PER_REQUEST * MAX_POST_SIZE))));
            assertEquals(before + MAX_POSTS_PER_REQUEST, postCount(admin, channelId));
        });
    }

    @Test
    void aTableHeaderOfATenthOfMaxPostSizeIsRepeatedAndOnePastItIsNot() {
        List<String> atTheBound = postTable(400);
        assertTrue(atTheBound.size() >= 3, atTheBound.size() + " posts");
        String header = atTheBound.get(0).substring(0, 400);
        for (String part : atTheBound) {
            assertTrue(part.startsWith(header), "every post starts with the 400-character header and delimiter");
        }

        List<String> pastTheBound = postTable(401);
        assertTrue(pastTheBound.size() >= 3, pastTheBound.size() + " posts");
        String longerHeader = pastTheBound.get(0).substring(0, 401);
        for (String part : pastTheBound.subList(1, pastTheBound.size())) {
            assertFalse(part.startsWith(longerHeader), "the 401-character header is not repeated");
        }
    }

    /**
     * Posts a table whose header and delimiter rows, with their line breaks, are {@code headerLength} characters,
     * over 300 rows of 30 characters, to a fresh channel; returns its posts in order.
     */
    private List<String> postTable(int headerLength) {
        channelId = createChannel(admin, mainTeamId(admin), "O").getString("id");
        hookId = createHook(admin, channelId).getString("id");
        String delimiter = "|---|---|";
        // "| " + name + " | b |" + "\n" + delimiter + "\n"
        String name = "a".repeat(headerLength - 2 - 6 - 1 - delimiter.length() - 1);
        String header = "| " + name + " | b |";
        assertEquals(headerLength, header.length() + 1 + delimiter.length() + 1);
        StringBuilder table =
                new StringBuilder(header).append('\n').append(delimiter).append('\n');
        for (int i = 0; i < 300; i++) {
            table.append(String.format("| row %05d of the table | ok |\n", i));
        }
        assertHookOk(hookJson(hookId, textBody(table.toString())));
        return messages();
    }

    /** The channel's post messages, oldest first (the parts of one request are stored 1 ms apart). */
    private List<String> messages() {
        List<JsonObject> posts = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response =
                    admin.get("/api/v4/channels/" + channelId + "/posts?page=" + page + "&per_page=200");
            assertEquals(200, response.statusCode(), response.body());
            JsonObject list = HooklineClient.json(response);
            JsonArray order = list.getJsonArray("order");
            for (int i = 0; i < order.size(); i++) {
                posts.add(list.getJsonObject("posts").getJsonObject(order.getString(i)));
            }
            if (order.size() < 200) {
                break;
            }
        }
        posts.sort(
                Comparator.comparingLong(post -> post.getJsonNumber("create_at").longValue()));
        return posts.stream().map(post -> post.getString("message")).toList();
    }

    /** A JSON hook body of exactly {@code bytes} bytes: build-log lines, as CI systems send them. */
    private static byte[] logOfBytes(int bytes) {
        String prefix = "{\"text\":\"";
        String suffix = "\"}";
        StringBuilder body = new StringBuilder(bytes).append(prefix);
        int room = bytes - prefix.length() - suffix.length();
        for (int i = 0; ; i++) {
            String line = "2026-12-02T16:00:" + (10 + i % 50) + "Z step " + i + " finished in " + (i % 997)
                    + " ms on runner-" + (i % 13) + "\\n";
            if (line.length() > room) {
                break;
            }
            body.append(line);
            room -= line.length();
        }
        body.append("x".repeat(room)).append(suffix);
        byte[] encoded = body.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(bytes, encoded.length);
        return encoded;
    }
}
