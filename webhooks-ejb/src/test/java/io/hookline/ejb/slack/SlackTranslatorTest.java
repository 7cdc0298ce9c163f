package io.hookline.ejb.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

class SlackTranslatorTest {

    private static final String VECTORS = "/slack/translation-vectors.json";
    /** The vector file's case count when it last grew: fewer means cases were lost. Raise it when adding cases. */
    static final int MIN_VECTORS = 94;

    private static final Duration SAFETY_NET = Duration.ofSeconds(2);
    private static final int HOSTILE = 100_000;

    static List<JsonObject> loadVectors() throws IOException {
        return SlackVectors.load(VECTORS, MIN_VECTORS);
    }

    static Stream<Arguments> vectors() throws IOException {
        return loadVectors().stream()
                .map(v -> Arguments.of(
                        v.getString("name"), v.getString("slack"), v.getString("markdown"), MapResolver.of(v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void translatesVector(String name, String slack, String markdown, MentionResolver resolver) {
        assertEquals(markdown, Mentions.translate(resolver, m -> SlackTranslator.toMarkdown(slack, m)), name);
    }

    @Test
    void vectorFileIsWellFormed() throws IOException {
        List<JsonObject> vectors = loadVectors();
        assertTrue(vectors.size() >= MIN_VECTORS, "at least " + MIN_VECTORS + " vectors, found " + vectors.size());
        Set<String> names = new HashSet<>();
        for (JsonObject v : vectors) {
            assertTrue(names.add(v.getString("name")), "duplicate vector name: " + v.getString("name"));
        }
    }

    @Test
    void nullInNullOut() {
        assertNull(SlackTranslator.toMarkdown(null, Mentions.NONE));
    }

    @Test
    void nullResolverMeansNone() {
        assertEquals("@U1 ~C1", SlackTranslator.toMarkdown("<@U1> <#C1>", null));
    }

    @Test
    void blankResolvedNamesFallBackToIds() {
        MentionResolver blank = new MapResolver(Map.of("U1", " "), Map.of("C1", ""));
        assertEquals("@U1 ~C1", Mentions.translate(blank, m -> SlackTranslator.toMarkdown("<@U1> <#C1>", m)));
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        List<JsonObject> vectors = loadVectors();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> jobs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                jobs.add(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (JsonObject v : vectors) {
                            MentionResolver r = MapResolver.of(v);
                            assertEquals(
                                    v.getString("markdown"),
                                    Mentions.translate(r, m -> SlackTranslator.toMarkdown(v.getString("slack"), m)));
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

    // --- hostile input: these must finish quickly; the 2 s limit is a safety net, not a benchmark ---

    private static String translateWithin(String input) {
        return assertTimeoutPreemptively(SAFETY_NET, () -> SlackTranslator.toMarkdown(input, Mentions.NONE));
    }

    @Test
    void manyOpeningBrackets() {
        String input = "<".repeat(HOSTILE);
        assertEquals(input, translateWithin(input));
    }

    @Test
    void bracketThenManyPipes() {
        String input = "<" + "|".repeat(HOSTILE);
        assertEquals(input, translateWithin(input));
    }

    @Test
    void bracketManyPipesAndClose() {
        String pipes = "|".repeat(HOSTILE);
        assertEquals("&lt;" + pipes + ">", translateWithin("<" + pipes + ">"));
    }

    @Test
    void linkWithHugeLabelOfBrackets() {
        String out = translateWithin("<https://x.example|" + "[".repeat(HOSTILE) + ">");
        assertEquals("[" + "\\[".repeat(HOSTILE) + "](https://x.example)", out);
    }

    @Test
    void manyEscapedBracketsAndAmpersands() {
        String out = translateWithin("&lt;".repeat(HOSTILE / 4) + "&amp;".repeat(HOSTILE / 5) + "&gt;");
        assertFalse(out.contains("<<"), "every decoded '<' here is followed by '>' without a space: neutralised");
        assertTrue(out.endsWith("&".repeat(HOSTILE / 5) + ">"));
    }

    @Test
    void manyUnclosedSpecialsAndMentions() {
        String input = "<!here <@U1 <#C1 <http://x.example|".repeat(HOSTILE / 36);
        assertEquals(input, translateWithin(input));
    }

    @Test
    void manyValidSequences() {
        String out = translateWithin("!<http://x.example|x><@U1><!here>".repeat(HOSTILE / 32));
        assertTrue(out.startsWith("&#33;[x](http://x.example)@U1@here&#33;[x]"));
    }

    @Test
    void longBackslashRunsBeforeBangs() {
        String chunk = "\\".repeat(1_000) + "!<http://x.example|x>";
        String out = translateWithin(chunk.repeat(HOSTILE / 1_000));
        assertTrue(out.startsWith("\\".repeat(1_000) + "&#33;[x](http://x.example)"));
    }

    @Test
    void manyAnglesWithSpacesAndLateClose() {
        String input = "<a ".repeat(HOSTILE / 3) + ">";
        String out = translateWithin(input);
        assertEquals("&lt;a ".repeat(HOSTILE / 3) + ">", out);
    }
}
