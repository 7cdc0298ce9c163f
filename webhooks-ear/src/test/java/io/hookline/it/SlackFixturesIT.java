package io.hookline.it;

import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.channelByName;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createNamedChannel;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.newestPost;
import static io.hookline.it.ApiFixtures.postCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests captured byte for byte from real Slack-webhook clients ({@code shared/fixtures/captures}, listed in
 * its {@code index.json}) must all be accepted: 200 and a body of exactly {@code ok}. The captures name
 * channels ({@code #general}, {@code #alerts}, {@code #ops}, {@code #retry}, {@code town-square}); each test
 * creates a team holding all of them, so a capture's post lands in a channel only this test writes to.
 *
 * <p>One test walks every capture and reports all failing ones at once (Arquillian's JUnit 5 extension does
 * not intercept {@code @TestFactory}, so a plain loop is the dependable choice).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlackFixturesIT {

    /** The number of captures when they were last added to. Raise it when adding captures. */
    static final int MIN_CAPTURES = 41;

    /** Channels the captures post to by name, besides the team's own town-square. */
    private static final String[] NAMED_CHANNELS = {"general", "alerts", "ops", "retry"};

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    private TestUser owner;
    private String hookId;
    /** Channel name → id, in this test's team. */
    private final Map<String, String> channels = new HashMap<>();

    @BeforeEach
    void setUp() {
        admin = ApiFixtures.admin();
        owner = newUser(admin, "cap");
        String teamId = createTeam(owner.client()).getString("id");
        for (String name : new String[] {"town-square", "off-topic"}) {
            channels.put(name, channelByName(owner.client(), teamId, name).getString("id"));
        }
        for (String name : NAMED_CHANNELS) {
            channels.put(
                    name, createNamedChannel(owner.client(), teamId, name, "O").getString("id"));
        }
        hookId = createHook(owner.client(), channels.get("town-square")).getString("id");
    }

    @Test
    void everyCapturedRequestIsAccepted() {
        JsonArray index = index();
        assertTrue(index.size() > 0, "index.json lists no captures");
        Map<String, String> failures = new LinkedHashMap<>();
        for (JsonValue value : index) {
            JsonObject entry = value.asJsonObject();
            String name = entry.getString("name");
            try {
                sendCapture(entry);
            } catch (AssertionError | RuntimeException e) {
                failures.put(name, String.valueOf(e.getMessage()));
            }
        }
        if (!failures.isEmpty()) {
            StringBuilder report = new StringBuilder(failures.size() + " of " + index.size()
                    + " captured requests were not accepted: " + failures.keySet());
            failures.forEach((name, message) ->
                    report.append("\n  ").append(name).append(": ").append(message));
            fail(report.toString());
        }
    }

    @Test
    void chunkedBodiesWithoutContentLengthAreAccepted() {
        for (String name : new String[] {"@slack_webhook@8.0.2-text", "curl-mattermost-payload-form"}) {
            JsonObject entry = entry(name);
            String target = targetChannel(entry);
            int before = postCount(owner.client(), target);
            HttpResponse<String> response = ApiFixtures.anonymous()
                    .postChunked("/hooks/" + hookId, body(entry), "Content-Type", entry.getString("content_type"));
            assertHookOk(response);
            assertEquals(before + 1, postCount(owner.client(), target), name + " sent chunked");
        }
    }

    @Test
    void headerNameCaseDoesNotMatter() {
        // A form: read as JSON (no Content-Type seen) it would fail, so only a case-blind header lookup passes.
        JsonObject entry = entry("curl-mattermost-payload-form");
        String target = targetChannel(entry);
        int before = postCount(owner.client(), target);
        assertHookOk(ApiFixtures.anonymous()
                .postBytes("/hooks/" + hookId, body(entry), "CONTENT-TYPE", entry.getString("content_type")));
        assertEquals(before + 1, postCount(owner.client(), target));
    }

    // --- one capture ---------------------------------------------------------------------------------------

    private void sendCapture(JsonObject entry) {
        byte[] body = body(entry);
        String contentType = entry.getString("content_type", "");
        String target = targetChannel(entry);
        body = withThreadOfThisServer(body, payload(entry), target);
        int before = postCount(owner.client(), target);

        HttpResponse<String> response = contentType.isEmpty()
                ? ApiFixtures.anonymous().postBytes("/hooks/" + hookId, body)
                : ApiFixtures.anonymous()
                        .postBytes("/hooks/" + hookId, body, contentTypeHeaderName(entry), contentType);
        assertEquals(200, response.statusCode(), "status; body: " + response.body());
        assertEquals("ok", response.body(), "body must be exactly ok");

        assertTrue(postCount(owner.client(), target) > before, "a post in channel " + target);
        JsonObject post = newestPost(owner.client(), target);
        assertEquals("true", post.getJsonObject("props").getString("from_webhook", null), post.toString());
        if ("alertmanager".equals(entry.getString("client", ""))) {
            // Alertmanager always sends exactly one attachment and no top-level text.
            JsonValue attachments = post.getJsonObject("props").get("attachments");
            assertTrue(
                    attachments != null && attachments.getValueType() == JsonValue.ValueType.ARRAY,
                    "props.attachments in " + post);
            assertEquals(1, attachments.asJsonArray().size(), "one attachment in " + post);
        }
    }

    /**
     * A capture replying in a thread names a {@code thread_ts} of the server it was captured against; here that
     * post does not exist, and the answer would rightly be 400 {@code invalid_thread} (HookThreadTsIT). The ts
     * of a post of the target channel takes its place: the same length, so the bytes keep their shape.
     */
    private byte[] withThreadOfThisServer(byte[] body, JsonObject payload, String target) {
        if (!(payload.get("thread_ts") instanceof jakarta.json.JsonString captured)) {
            return body;
        }
        String channelName = HooklineClient.json(owner.client().get("/api/v4/channels/" + target))
                .getString("name");
        HttpResponse<String> root = ApiFixtures.anonymous()
                .postRaw(
                        "/hooks/" + hookId + "?wait=true",
                        ApiFixtures.JSON,
                        "{\"text\":\"thread root\",\"channel\":\"" + channelName + "\"}");
        assertEquals(200, root.statusCode(), root.body());
        String ts = HooklineClient.json(root).getString("ts");
        assertEquals(captured.getString().length(), ts.length(), "a ts of the captured length: " + ts);
        return new String(body, StandardCharsets.UTF_8)
                .replace(captured.getString(), ts)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The Content-Type header name as the client spelled it ({@code Content-type} for some), from the meta file. */
    private static String contentTypeHeaderName(JsonObject entry) {
        Path meta = capturesDir().resolve(entry.getString("name") + ".meta.json");
        if (Files.isRegularFile(meta)) {
            for (JsonValue header : readJson(meta).asJsonObject().getJsonArray("headers")) {
                String headerName = header.asJsonArray().getString(0);
                if (headerName.equalsIgnoreCase("content-type")) {
                    return headerName;
                }
            }
        }
        return "Content-Type";
    }

    /** Where the capture's post lands: its {@code channel} (without '#') in this test's team, else the hook's. */
    private String targetChannel(JsonObject entry) {
        JsonObject payload = payload(entry);
        String channel = payload.containsKey("channel") && payload.get("channel") instanceof jakarta.json.JsonString
                ? payload.getString("channel")
                : "";
        String name = channel.startsWith("#") ? channel.substring(1) : channel;
        if (name.isEmpty()) {
            return channels.get("town-square");
        }
        String id = channels.get(name.toLowerCase(Locale.ROOT));
        if (id == null) {
            throw new AssertionError(
                    "capture " + entry.getString("name") + " posts to '" + channel + "': add it to NAMED_CHANNELS");
        }
        return id;
    }

    /** The capture's JSON payload, read the way a client means it (form: the payload field). */
    private static JsonObject payload(JsonObject entry) {
        String text = new String(body(entry), StandardCharsets.UTF_8);
        if (entry.getString("content_type", "").startsWith("application/x-www-form-urlencoded")) {
            String field = null;
            for (String pair : text.split("&")) {
                if (pair.startsWith("payload=")) {
                    field = pair.substring("payload=".length());
                    break;
                }
            }
            if (text.startsWith("payload={")) {
                field = text.substring("payload=".length());
            } else if (field != null) {
                field = URLDecoder.decode(field, StandardCharsets.UTF_8);
            }
            if (field == null) {
                throw new AssertionError("form capture without payload: " + entry.getString("name"));
            }
            text = field;
        }
        try {
            return parseObject(text);
        } catch (RuntimeException strictFailed) {
            // Hand-written payloads put raw line breaks inside strings; read those as escapes.
            return parseObject(escapeLineBreaksInStrings(text));
        }
    }

    private static JsonObject parseObject(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String escapeLineBreaksInStrings(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        boolean inString = false;
        boolean escaped = false;
        for (char c : json.toCharArray()) {
            if (inString && !escaped && (c == '\n' || c == '\r' || c == '\t')) {
                out.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t");
                continue;
            }
            out.append(c);
            if (escaped) {
                escaped = false;
            } else if (inString && c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = !inString;
            }
        }
        return out.toString();
    }

    // --- the captures on disk ------------------------------------------------------------------------------

    /**
     * The project's shared captures, {@code <module basedir>/../../shared/fixtures/captures}, when
     * {@code shared/} sits beside the repository (as in CI, so newly captured clients are tested at
     * once); otherwise the copy under {@code src/test/resources/fixtures/captures}, so that a fresh
     * clone on a machine with only JDK and Maven runs the same test.
     */
    static Path capturesDir() {
        String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
        Path module = Paths.get(basedir).toAbsolutePath();
        Path shared = module.resolve("../../shared/fixtures/captures").normalize();
        Path bundled = module.resolve("src/test/resources/fixtures/captures");
        for (Path dir : new Path[] {shared, bundled}) {
            if (Files.isRegularFile(dir.resolve("index.json"))) {
                return dir;
            }
        }
        return fail("The captured Slack-client requests are missing: looked for index.json in " + shared + " and "
                + bundled);
    }

    /** Every capture index.json lists; fewer than {@link #MIN_CAPTURES} fails every test that reads it. */
    private static JsonArray index() {
        JsonArray index = readJson(capturesDir().resolve("index.json")).asJsonArray();
        assertTrue(
                index.size() >= MIN_CAPTURES,
                "index.json lists " + index.size() + " captures, fewer than " + MIN_CAPTURES
                        + ": captures were lost (when adding captures, raise MIN_CAPTURES to the new count)");
        return index;
    }

    private static JsonObject entry(String name) {
        List<String> names = new ArrayList<>();
        for (JsonValue value : index()) {
            if (name.equals(value.asJsonObject().getString("name"))) {
                return value.asJsonObject();
            }
            names.add(value.asJsonObject().getString("name"));
        }
        throw new AssertionError("no capture " + name + " in index.json: " + names);
    }

    private static byte[] body(JsonObject entry) {
        try {
            return Files.readAllBytes(capturesDir().resolve(entry.getString("body_file")));
        } catch (IOException e) {
            throw new UncheckedIOException("capture body " + entry.getString("body_file"), e);
        }
    }

    private static JsonValue readJson(Path file) {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return reader.readValue();
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
