package io.hookline.ejb.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.common.SafeUrls;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlackAttachmentsTest {

    private static final String VECTORS = "/slack/attachment-vectors.json";
    /** The vector file's case count when it last grew: fewer means cases were lost. Raise it when adding cases. */
    static final int MIN_VECTORS = 55;

    private static final int MAX = SlackAttachments.MAX_ATTACHMENT_TEXT_RUNES;

    /**
     * Mattermost's stored attachment with nothing set (SlackAttachment marshalled by Go: every key present).
     * Vectors list only what differs from this, unless they say {@code "exact": true}.
     */
    private static final JsonObject MATTERMOST_EMPTY =
            json("{\"id\":0,\"fallback\":\"\",\"color\":\"\",\"pretext\":\"\","
                            + "\"author_name\":\"\",\"author_link\":\"\",\"author_icon\":\"\",\"title\":\"\",\"title_link\":\"\","
                            + "\"text\":\"\",\"fields\":null,\"image_url\":\"\",\"thumb_url\":\"\",\"footer\":\"\",\"footer_icon\":\"\","
                            + "\"ts\":null}")
                    .asJsonObject();

    // ------------------------------------------------------------------------------------------------ vectors

    static List<JsonObject> loadVectors() throws IOException {
        return SlackVectors.load(VECTORS, MIN_VECTORS);
    }

    static Stream<Arguments> vectors() throws IOException {
        return loadVectors().stream().map(v -> Arguments.of(v.getString("name"), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void normalizesVector(String name, JsonObject vector) {
        JsonArray input = vector.getJsonArray("attachments");
        MentionResolver resolver = MapResolver.of(vector);
        if (vector.containsKey("error")) {
            HooklineException e = assertThrows(
                    HooklineException.class,
                    () -> Mentions.translate(resolver, m -> SlackAttachments.normalize(input, m, null)),
                    name);
            assertEquals(400, e.status(), name);
            assertEquals(vector.getString("error"), e.id(), name);
            assertEquals(vector.getString("message"), e.getMessage(), name);
            return;
        }
        JsonArray expected = expected(vector);
        JsonArray actual = Mentions.translate(resolver, m -> SlackAttachments.normalize(input, m, null));
        assertEquals(expected, actual, name);
        assertEquals(actual, json(actual.toString()), name + ": survives a JSON round trip");
    }

    private static JsonArray expected(JsonObject vector) {
        boolean exact = vector.getBoolean("exact", false);
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (JsonObject e : vector.getJsonArray("expected").getValuesAs(JsonObject.class)) {
            if (exact) {
                out.add(e);
            } else {
                JsonObjectBuilder merged = Json.createObjectBuilder(MATTERMOST_EMPTY);
                e.forEach(merged::add);
                out.add(merged);
            }
        }
        return out.build();
    }

    @Test
    void vectorFileIsWellFormed() throws IOException {
        List<JsonObject> vectors = loadVectors();
        long ok = vectors.stream().filter(v -> !v.containsKey("error")).count();
        assertTrue(ok >= 28, "at least 28 normalisation vectors, found " + ok);
        Set<String> names = new HashSet<>();
        for (JsonObject v : vectors) {
            assertTrue(names.add(v.getString("name")), "duplicate vector name: " + v.getString("name"));
            assertTrue(v.containsKey("expected") != v.containsKey("error"), v.getString("name"));
        }
    }

    // -------------------------------------------------------------------------------------------- the shape

    @Test
    void writesMattermostKeysInMattermostOrder() {
        JsonObject a = SlackAttachments.normalize(json("[{\"title\":\"t\"}]").asJsonArray(), null, null)
                .getJsonObject(0);
        assertEquals(
                List.of(
                        "id",
                        "fallback",
                        "color",
                        "pretext",
                        "author_name",
                        "author_link",
                        "author_icon",
                        "title",
                        "title_link",
                        "text",
                        "fields",
                        "image_url",
                        "thumb_url",
                        "footer",
                        "footer_icon",
                        "ts"),
                new ArrayList<>(a.keySet()));
        assertEquals(0, a.getInt("id"));
        assertSame(JsonValue.ValueType.NULL, a.get("fields").getValueType());
        assertSame(JsonValue.ValueType.NULL, a.get("ts").getValueType());
    }

    @Test
    void extrasFollowTheMattermostKeys() {
        JsonObject a = SlackAttachments.normalize(
                        json("[{\"blocks\":[{\"type\":\"divider\"}],\"callback_id\":\"cb\","
                                        + "\"actions\":[{\"name\":\"go\",\"type\":\"button\"}]}]")
                                .asJsonArray(),
                        null,
                        null)
                .getJsonObject(0);
        List<String> keys = new ArrayList<>(a.keySet());
        assertEquals(List.of("ts", "actions", "callback_id", "blocks"), keys.subList(15, keys.size()));
    }

    @Test
    void nullOrEmptyInputGivesEmptyArray() {
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, SlackAttachments.normalize(null, null, null));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, SlackAttachments.normalize(JsonValue.EMPTY_JSON_ARRAY, null, null));
    }

    @Test
    void nullResolverMeansNone() {
        JsonArray out =
                SlackAttachments.normalize(json("[{\"text\":\"<@U1> <#C1>\"}]").asJsonArray(), null, null);
        assertEquals("@U1 ~C1", out.getJsonObject(0).getString("text"));
    }

    // ------------------------------------------------------------------------------------- text length limit

    private static String normalizedText(String text) {
        JsonArray in = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("text", text))
                .build();
        return SlackAttachments.normalize(in, Mentions.NONE, null)
                .getJsonObject(0)
                .getString("text");
    }

    @Test
    void limitIsMattermostsPostPropsMaxUserRunes() {
        assertEquals(800_000 - 40_000, SlackAttachments.MAX_ATTACHMENT_TEXT_RUNES);
    }

    @Test
    void textAtTheLimitIsKept() {
        String text = "a".repeat(MAX);
        assertEquals(text, normalizedText(text));
    }

    @Test
    void textPastTheLimitIsCutToTheLimitWithoutEllipsis() {
        String text = "a".repeat(MAX) + "bcd";
        assertEquals("a".repeat(MAX), normalizedText(text));
        assertEquals("a".repeat(MAX), normalizedText("a".repeat(MAX) + "b"));
    }

    @Test
    void limitCountsCodePointsNotCharsAndNeverSplitsAPair() {
        String rocket = "\uD83D\uDE80";
        String atLimit = rocket.repeat(MAX); // 2 * MAX chars, MAX code points: kept
        assertEquals(atLimit, normalizedText(atLimit));

        String cut = normalizedText("a".repeat(MAX - 1) + rocket + rocket);
        assertEquals("a".repeat(MAX - 1) + rocket, cut);
        assertEquals(MAX, cut.codePointCount(0, cut.length()));
    }

    @Test
    void limitAppliesAfterTranslation() {
        // The 19-character Slack link expands to a 39-character markdown link; the expanded text is what is cut.
        String slack = "a".repeat(MAX - 30) + " <https://x.example>";
        String out = normalizedText(slack);
        assertEquals(MAX, out.length());
        assertTrue(out.startsWith("a".repeat(MAX - 30) + " [https://x.example]("), out.substring(MAX - 40));
    }

    @Test
    void otherTextFieldsAreNotCut() {
        String pretext = "p".repeat(MAX + 5);
        JsonArray in = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("pretext", pretext))
                .build();
        assertEquals(
                pretext,
                SlackAttachments.normalize(in, null, null).getJsonObject(0).getString("pretext"));
    }

    // --------------------------------------------------------------------------------------------- url length

    private static String normalizedImageUrl(String url) {
        JsonArray in = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("image_url", url))
                .build();
        return SlackAttachments.normalize(in, null, null).getJsonObject(0).getString("image_url");
    }

    @Test
    void urlAtTheLengthCapIsKept() {
        String prefix = "https://example.com/";
        String url = prefix + "x".repeat(SafeUrls.MAX_LENGTH - prefix.length());
        assertEquals(2048, url.length());
        assertEquals(url, normalizedImageUrl(url));
    }

    @Test
    void urlPastTheLengthCapIsDroppedNotCut() {
        String prefix = "https://example.com/";
        String url = prefix + "x".repeat(SafeUrls.MAX_LENGTH - prefix.length() + 1);
        assertEquals("", normalizedImageUrl(url));
    }

    @Test
    void urlThatGrowsPastTheCapWhenSpacesAreEncodedIsDropped() {
        String prefix = "https://example.com/";
        String url = prefix + " ".repeat(SafeUrls.MAX_LENGTH - prefix.length());
        assertEquals(2048, url.length());
        assertEquals("", normalizedImageUrl(url + "x"));
    }

    // ------------------------------------------------------------------------------------------- blocks hook

    private static final String BLOCKS = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"hi\"}}]";

    @Test
    void blocksMarkdownIsAppendedAfterTheText() {
        List<JsonArray> seen = new ArrayList<>();
        Function<JsonArray, String> hook = blocks -> {
            seen.add(blocks);
            return "**from blocks**";
        };
        JsonArray in =
                json("[{\"text\":\"<!here> text\",\"blocks\":" + BLOCKS + "}]").asJsonArray();
        JsonObject a = SlackAttachments.normalize(in, null, hook).getJsonObject(0);
        assertEquals("@here text\n\n**from blocks**", a.getString("text"));
        assertEquals(json(BLOCKS), a.getJsonArray("blocks"), "blocks are still kept as given");
        assertEquals(List.of(json(BLOCKS)), seen);
    }

    @Test
    void blocksMarkdownAloneBecomesTheText() {
        JsonArray in = json("[{\"blocks\":" + BLOCKS + "}]").asJsonArray();
        assertEquals(
                "only blocks",
                SlackAttachments.normalize(in, null, b -> "only blocks")
                        .getJsonObject(0)
                        .getString("text"));
    }

    @Test
    void blankOrNullBlocksMarkdownAppendsNothing() {
        JsonArray in = json("[{\"text\":\"t\",\"blocks\":" + BLOCKS + "}]").asJsonArray();
        assertEquals(
                "t",
                SlackAttachments.normalize(in, null, b -> "  \n")
                        .getJsonObject(0)
                        .getString("text"));
        assertEquals(
                "t",
                SlackAttachments.normalize(in, null, b -> null).getJsonObject(0).getString("text"));
    }

    @Test
    void hookIsNotCalledWithoutBlocks() {
        AtomicInteger calls = new AtomicInteger();
        Function<JsonArray, String> hook = b -> {
            calls.incrementAndGet();
            return "x";
        };
        SlackAttachments.normalize(
                json("[{\"text\":\"a\"},{\"blocks\":[]},{\"blocks\":null}]").asJsonArray(), null, hook);
        assertEquals(0, calls.get());
    }

    @Test
    void blocksMarkdownCountsTowardsTheTextLimit() {
        JsonArray in = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("text", "a".repeat(MAX - 1)).add("blocks", json(BLOCKS)))
                .build();
        String text = SlackAttachments.normalize(in, null, b -> "block")
                .getJsonObject(0)
                .getString("text");
        assertEquals("a".repeat(MAX - 1) + "\n", text);
    }

    // --------------------------------------------------------------------------------------- hostile numbers

    @Test
    void absurdNumbersStayCheap() {
        JsonArray in = json("[{\"ts\":1e999999999,\"title\":1e999999999,"
                        + "\"fields\":[{\"title\":\"t\",\"value\":-1e-999999999}]}]")
                .asJsonArray();
        JsonObject a = assertTimeoutPreemptively(
                Duration.ofSeconds(2),
                () -> SlackAttachments.normalize(in, null, null).getJsonObject(0));
        assertEquals("1E+999999999", a.getString("title"));
        assertEquals("-1E-999999999", a.getJsonArray("fields").getJsonObject(0).getString("value"));
        assertEquals(JsonValue.ValueType.NUMBER, a.get("ts").getValueType());
    }

    @Test
    void manyFieldsAndHostileMarkupFinishQuickly() {
        JsonArrayBuilder fields = Json.createArrayBuilder();
        for (int i = 0; i < 10_000; i++) {
            fields.add(Json.createObjectBuilder().add("title", "<".repeat(20)).add("value", "<!here|".repeat(5)));
        }
        JsonArray in = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("text", "<".repeat(100_000)).add("fields", fields))
                .build();
        JsonArray out =
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> SlackAttachments.normalize(in, null, null));
        assertEquals(10_000, out.getJsonObject(0).getJsonArray("fields").size());
    }

    // --------------------------------------------------------------------------------------------- threads

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        List<JsonObject> vectors =
                loadVectors().stream().filter(v -> !v.containsKey("error")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> jobs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                jobs.add(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (JsonObject v : vectors) {
                            MentionResolver r = MapResolver.of(v);
                            assertEquals(
                                    expected(v),
                                    Mentions.translate(
                                            r,
                                            m -> SlackAttachments.normalize(v.getJsonArray("attachments"), m, null)));
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(jobs)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void inputIsNotModified() throws IOException {
        JsonObject vector = vector("alertmanager full config: markup text, fields, actions and callback_id kept");
        String before = vector.getJsonArray("attachments").toString();
        SlackAttachments.normalize(vector.getJsonArray("attachments"), null, null);
        assertEquals(before, vector.getJsonArray("attachments").toString());
        assertFalse(before.isEmpty());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static JsonObject vector(String name) throws IOException {
        return loadVectors().stream()
                .filter(v -> v.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no vector named " + name));
    }

    private static JsonValue json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
