package io.hookline.ejb.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.api.error.HooklineException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BlockKitTest {

    private static final String VECTORS = "/slack/block-vectors.json";
    /** The vector file's case count when it last grew: fewer means cases were lost. Raise it when adding cases. */
    static final int MIN_VECTORS = 63;

    private static final Duration SAFETY_NET = Duration.ofSeconds(5);
    private static final int HOSTILE = 100_000;

    // ------------------------------------------------------------------------------------------------ vectors

    static List<JsonObject> loadVectors() throws IOException {
        return SlackVectors.load(VECTORS, MIN_VECTORS);
    }

    static Stream<Arguments> vectors() throws IOException {
        return loadVectors().stream().map(v -> Arguments.of(v.getString("name"), v));
    }

    private static MentionResolver resolverOf(JsonObject vector) {
        return MapResolver.of(vector);
    }

    /**
     * Each vector gives {@code blocks} and either the exact {@code markdown} or the {@code error} id (with the
     * exact {@code message}, which names the offending path).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void translatesVector(String name, JsonObject vector) {
        JsonArray blocks = vector.getJsonArray("blocks");
        MentionResolver resolver = resolverOf(vector);
        if (vector.containsKey("error")) {
            HooklineException e = assertThrows(
                    HooklineException.class,
                    () -> Mentions.translate(resolver, m -> BlockKit.toMarkdown(blocks, m)),
                    name);
            assertEquals(400, e.status(), name);
            assertEquals(vector.getString("error"), e.id(), name);
            assertEquals(vector.getString("message"), e.getMessage(), name);
        } else {
            assertEquals(
                    vector.getString("markdown"),
                    Mentions.translate(resolver, m -> BlockKit.toMarkdown(blocks, m)),
                    name);
        }
    }

    @Test
    void vectorFileIsWellFormed() throws IOException {
        List<JsonObject> vectors = loadVectors();
        assertTrue(vectors.size() >= MIN_VECTORS, "at least " + MIN_VECTORS + " vectors, found " + vectors.size());
        Set<String> names = new HashSet<>();
        for (JsonObject v : vectors) {
            String name = v.getString("name");
            assertTrue(names.add(name), "duplicate vector name: " + name);
            assertTrue(v.containsKey("markdown") ^ v.containsKey("error"), "markdown or error, not both: " + name);
        }
    }

    // ----------------------------------------------------------------------------------------------- boundaries

    private static String dateBlock(String timestamp) {
        JsonArray blocks = Json.createReader(new java.io.StringReader("[{\"type\":\"rich_text\",\"elements\":["
                        + "{\"type\":\"rich_text_section\",\"elements\":[{\"type\":\"date\",\"timestamp\":" + timestamp
                        + "}]}]}]"))
                .readArray();
        return BlockKit.toMarkdown(blocks, Mentions.NONE);
    }

    @Test
    void dateTimestampsAreShownWithinFourDigitYearsAtAndPastTheEnds() {
        assertEquals("9999-12-31 23:59 UTC", dateBlock(Long.toString(BlockKit.MAX_DATE_SECONDS)));
        assertEquals("9999-12-31 23:59 UTC", dateBlock(Long.toString(BlockKit.MAX_DATE_SECONDS + 1)));
        assertEquals("0001-01-01 00:00 UTC", dateBlock(Long.toString(BlockKit.MIN_DATE_SECONDS)));
        assertEquals("0001-01-01 00:00 UTC", dateBlock(Long.toString(BlockKit.MIN_DATE_SECONDS - 1)));
        // What failed with a DateTimeException (a 500) before: values Instant holds but a date pattern cannot print.
        assertEquals("9999-12-31 23:59 UTC", dateBlock("31556889832780800"));
        assertEquals("9999-12-31 23:59 UTC", dateBlock("1e999999999"));
        assertEquals("0001-01-01 00:00 UTC", dateBlock("-1e999999999"));
    }

    @Test
    void maxBlocksIsLenientAboveSlacksFifty() {
        assertEquals(100, BlockKit.MAX_BLOCKS);
    }

    @Test
    void acceptsExactlyMaxBlocks() {
        String markdown = BlockKit.toMarkdown(sections(BlockKit.MAX_BLOCKS), Mentions.NONE);
        assertTrue(markdown.startsWith("b0\n\nb1\n\n"), markdown);
        assertTrue(markdown.endsWith("\n\nb" + (BlockKit.MAX_BLOCKS - 1)), markdown);
        assertEquals(BlockKit.MAX_BLOCKS, markdown.split("\n\n").length);
    }

    @Test
    void rejectsOneBlockPastTheMaximum() {
        HooklineException e = assertThrows(
                HooklineException.class, () -> BlockKit.toMarkdown(sections(BlockKit.MAX_BLOCKS + 1), Mentions.NONE));
        assertEquals(400, e.status());
        assertEquals("invalid_payload", e.id());
        assertEquals("blocks has 101 blocks; at most 100 are allowed", e.getMessage());
    }

    @Test
    void countsBlocksThatRenderNothingToo() {
        JsonArrayBuilder blocks = Json.createArrayBuilder();
        for (int i = 0; i <= BlockKit.MAX_BLOCKS; i++) {
            blocks.add(Json.createObjectBuilder().add("type", "file"));
        }
        assertThrows(HooklineException.class, () -> BlockKit.toMarkdown(blocks.build(), Mentions.NONE));
    }

    @Test
    void nullAndEmptyGiveTheEmptyString() {
        assertEquals("", BlockKit.toMarkdown(null, Mentions.NONE));
        assertEquals("", BlockKit.toMarkdown(Json.createArrayBuilder().build(), Mentions.NONE));
        assertEquals("", BlockKit.toMarkdown(json("[{\"type\":\"section\"},{\"block_id\":\"no type\"}]"), null));
    }

    @Test
    void nullResolverMeansNone() {
        JsonArray blocks = json("[{\"type\":\"rich_text\",\"elements\":[{\"type\":\"rich_text_section\",\"elements\":"
                + "[{\"type\":\"user\",\"user_id\":\"U1\"},{\"type\":\"text\",\"text\":\" \"},"
                + "{\"type\":\"channel\",\"channel_id\":\"C1\"}]}]}]");
        assertEquals("@U1 ~C1", BlockKit.toMarkdown(blocks, null));
    }

    @Test
    void errorsNameTheGivenPath() {
        JsonArray blocks = json("[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":true}}]");
        HooklineException e = assertThrows(
                HooklineException.class, () -> BlockKit.toMarkdown(blocks, Mentions.NONE, "attachments[2].blocks"));
        assertEquals("attachments[2].blocks[0].text.text must be a string", e.getMessage());
    }

    @Test
    void interactiveNoteComesOnceAtTheEnd() {
        JsonArray blocks = json("[{\"type\":\"actions\",\"elements\":[]},"
                + "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"a\"},"
                + "\"accessory\":{\"type\":\"overflow\",\"options\":[]}},"
                + "{\"type\":\"input\"},{\"type\":\"context_actions\"},"
                + "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"b\"}}]");
        assertEquals("a\n\nb\n\n" + BlockKit.INTERACTIVE_NOTE, BlockKit.toMarkdown(blocks, Mentions.NONE));
    }

    @Test
    void listIndentIsClampedToTheNestingThatExists() {
        JsonArray blocks = json("[{\"type\":\"rich_text\",\"elements\":["
                + list("bullet", 0, "a") + "," + list("bullet", 1_000_000, "b") + "," + list("bullet", -5, "c") + ","
                + list("ordered", 1, "d") + "]}]");
        assertEquals("- a\n  - b\n- c\n  1. d", BlockKit.toMarkdown(blocks, Mentions.NONE));
    }

    @Test
    void deepListsStopAtEightLevels() {
        StringBuilder elements = new StringBuilder();
        for (int level = 0; level < 12; level++) {
            elements.append(level == 0 ? "" : ",").append(list("bullet", level, "l" + level));
        }
        String markdown =
                BlockKit.toMarkdown(json("[{\"type\":\"rich_text\",\"elements\":[" + elements + "]}]"), Mentions.NONE);
        String[] lines = markdown.split("\n");
        assertEquals(12, lines.length);
        assertEquals(" ".repeat(2 * BlockKit.MAX_LIST_INDENT) + "- l11", lines[11]);
    }

    @Test
    void hugeListOffsetsAreClamped() {
        JsonArray blocks = json("[{\"type\":\"rich_text\",\"elements\":[{\"type\":\"rich_text_list\","
                + "\"style\":\"ordered\",\"offset\":1e30,\"elements\":[{\"type\":\"rich_text_section\","
                + "\"elements\":[{\"type\":\"text\",\"text\":\"x\"}]}]}]}]");
        assertEquals((BlockKit.MAX_LIST_OFFSET + 1) + ". x", BlockKit.toMarkdown(blocks, Mentions.NONE));
    }

    @Test
    void tablesKeepAtMostTwentyColumns() {
        StringBuilder row = new StringBuilder();
        for (int c = 0; c < 30; c++) {
            row.append(c == 0 ? "" : ",")
                    .append("{\"type\":\"raw_text\",\"text\":\"c")
                    .append(c)
                    .append("\"}");
        }
        String markdown = BlockKit.toMarkdown(json("[{\"type\":\"table\",\"rows\":[[" + row + "]]}]"), Mentions.NONE);
        String header = markdown.substring(0, markdown.indexOf('\n'));
        assertEquals(
                BlockKit.MAX_TABLE_COLUMNS + 1,
                header.chars().filter(ch -> ch == '|').count(),
                header);
        assertFalse(header.contains("c20"), header);
    }

    // ------------------------------------------------------------------------------------------ hostile input

    @Test
    void manySmallElementsRunInLinearTime() {
        int count = HOSTILE / 2;
        StringBuilder elements = new StringBuilder();
        for (int i = 0; i < count; i++) {
            elements.append(i == 0 ? "" : ",").append("{\"type\":\"text\",\"text\":\"a\"}");
        }
        JsonArray blocks = json("[{\"type\":\"rich_text\",\"elements\":[{\"type\":\"rich_text_section\","
                + "\"elements\":[" + elements + "]}]}]");
        String markdown = assertTimeoutPreemptively(SAFETY_NET, () -> BlockKit.toMarkdown(blocks, Mentions.NONE));
        assertEquals("a".repeat(count), markdown);
    }

    @Test
    void longHostileTextsRunInLinearTime() {
        String hashes = "# ".repeat(HOSTILE);
        String lines = "- a\n".repeat(HOSTILE);
        String pipes = "\\|".repeat(HOSTILE) + " \n ".repeat(HOSTILE);
        String amps = "&".repeat(HOSTILE) + "&#" + "1".repeat(HOSTILE);
        JsonArray blocks = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "header").add("text", hashes))
                .add(Json.createObjectBuilder()
                        .add("type", "section")
                        .add(
                                "text",
                                Json.createObjectBuilder()
                                        .add("type", "plain_text")
                                        .add("text", lines + amps)))
                .add(Json.createObjectBuilder()
                        .add("type", "section")
                        .add("fields", Json.createArrayBuilder().add(pipes).add(pipes)))
                .add(Json.createObjectBuilder()
                        .add("type", "context")
                        .add(
                                "elements",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("type", "plain_text")
                                                .add("text", pipes + "\\"))))
                .build();
        String markdown = assertTimeoutPreemptively(SAFETY_NET, () -> BlockKit.toMarkdown(blocks, Mentions.NONE));
        assertTrue(markdown.startsWith("### # # #"), markdown.substring(0, 20));
    }

    // ----------------------------------------------------------------------------------------------- threads

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        List<JsonObject> vectors = loadVectors();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> jobs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                jobs.add(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (JsonObject v : vectors) {
                            if (v.containsKey("markdown")) {
                                String markdown = Mentions.translate(
                                        resolverOf(v), m -> BlockKit.toMarkdown(v.getJsonArray("blocks"), m));
                                assertEquals(v.getString("markdown"), markdown, v.getString("name"));
                            }
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

    // ----------------------------------------------------------------------------------------------- helpers

    private static JsonArray sections(int count) {
        JsonArrayBuilder blocks = Json.createArrayBuilder();
        for (int i = 0; i < count; i++) {
            blocks.add(Json.createObjectBuilder()
                    .add("type", "section")
                    .add(
                            "text",
                            Json.createObjectBuilder().add("type", "mrkdwn").add("text", "b" + i)));
        }
        return blocks.build();
    }

    private static String list(String style, long indent, String text) {
        return "{\"type\":\"rich_text_list\",\"style\":\"" + style + "\",\"indent\":" + indent
                + ",\"elements\":[{\"type\":\"rich_text_section\",\"elements\":[{\"type\":\"text\",\"text\":\""
                + text + "\"}]}]}";
    }

    private static JsonArray json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readArray();
        }
    }
}
