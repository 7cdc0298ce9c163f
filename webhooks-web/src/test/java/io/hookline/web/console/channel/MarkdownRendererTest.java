package io.hookline.web.console.channel;

import static io.hookline.web.console.channel.MarkdownRenderer.MAX_INPUT_LENGTH;
import static io.hookline.web.console.channel.MarkdownRenderer.MAX_NESTING_DEPTH;
import static io.hookline.web.console.channel.MarkdownRenderer.RENDER_TIME_BUDGET;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.ejb.common.SafeUrls;
import io.hookline.testing.LogCapture;
import io.hookline.web.emoji.EmojiImages;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

    private static final String VECTORS = "/markdown/render-vectors.json";
    private static final String XSS_CORPUS = "/markdown/xss-corpus.json";
    /** Each file's case count when it last grew: fewer means cases were lost. Raise it when adding cases. */
    static final int MIN_RENDER_VECTORS = 71;

    static final int MIN_XSS_CASES = 90;

    @RegisterExtension
    final LogCapture log = LogCapture.of(MarkdownRenderer.class);

    /** Safety net for the pathological inputs: the renderer's own budget, plus room for a slow machine. */
    private static final Duration SAFETY_NET = RENDER_TIME_BUDGET.multipliedBy(2);

    private static final int HOSTILE = 10_000;

    private static final MarkdownRenderer RENDERER = MarkdownRenderer.shared();

    private static final Set<String> ALLOWED_TAGS = Set.of(
            "p",
            "br",
            "hr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "em",
            "strong",
            "del",
            "code",
            "pre",
            "blockquote",
            "ul",
            "ol",
            "li",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "a",
            "img",
            "input",
            "span");
    private static final Set<String> ALLOWED_ATTRIBUTES = Set.of(
            "href",
            "title",
            "rel",
            "target",
            "src",
            "alt",
            "referrerpolicy",
            "class",
            "align",
            "start",
            "type",
            "disabled",
            "checked");

    /** The attributes of an emoji image, and only those. */
    private static final Set<String> EMOJI_ATTRIBUTES = Set.of("class", "src", "alt", "width", "height");

    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>");
    private static final Pattern QUOTED_ATTRIBUTE = Pattern.compile("\\s+([A-Za-z][A-Za-z-]*)=\"([^\"<>]*)\"");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|quot|lt|gt);");
    private static final Pattern HIDDEN = Pattern.compile("[\\s\\p{Cntrl}]");
    private static final Pattern EVENT_HANDLER = Pattern.compile("(?i)\\son\\w+\\s*=");

    // ---------------------------------------------------------------------------------------------
    // Vectors

    /** The file's cases; fewer than {@code minimum} fails every test that reads it (a file lost cases). */
    private static List<JsonObject> load(String resource, int minimum) throws IOException {
        try (InputStream in = MarkdownRendererTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            try (JsonReader reader = Json.createReader(in)) {
                List<JsonObject> cases = reader.readArray().getValuesAs(JsonObject.class);
                if (cases.size() < minimum) {
                    throw new AssertionError(resource + " has " + cases.size() + " cases, fewer than " + minimum
                            + ": cases were lost (when adding cases, raise the minimum next to this reader)");
                }
                return cases;
            }
        }
    }

    static Stream<Arguments> renderVectors() throws IOException {
        return load(VECTORS, MIN_RENDER_VECTORS).stream()
                .map(v -> Arguments.of(v.getString("name"), v.getString("markdown"), v.getString("html")));
    }

    static Stream<Arguments> xssCorpus() throws IOException {
        return load(XSS_CORPUS, MIN_XSS_CASES).stream()
                .map(v -> Arguments.of(v.getString("name"), v.getString("markdown")));
    }

    @Test
    void vectorFilesAreLargeEnoughWithUniqueNames() throws IOException {
        List<JsonObject> vectors = load(VECTORS, MIN_RENDER_VECTORS);
        List<JsonObject> corpus = load(XSS_CORPUS, MIN_XSS_CASES);
        assertTrue(vectors.size() >= MIN_RENDER_VECTORS, "render vectors: " + vectors.size());
        assertTrue(corpus.size() >= MIN_XSS_CASES, "xss corpus: " + corpus.size());
        Set<String> names = new HashSet<>();
        vectors.forEach(v -> assertTrue(names.add(v.getString("name")), "duplicate " + v.getString("name")));
        names.clear();
        corpus.forEach(v -> assertTrue(names.add(v.getString("name")), "duplicate " + v.getString("name")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderVectors")
    void rendersVector(String name, String markdown, String html) {
        assertEquals(html, RENDERER.toHtml(markdown));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderVectors")
    void vectorOutputIsSafe(String name, String markdown, String html) {
        assertSafe(RENDERER.toHtml(markdown));
        assertSafe(RENDERER.toHtmlInline(markdown));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xssCorpus")
    void hostileInputRendersSafely(String name, String markdown) {
        assertSafe(RENDERER.toHtml(markdown));
        assertSafe(RENDERER.toHtmlInline(markdown));
        // Also as the tail of an otherwise harmless post, and inside a block quote and a list item.
        assertSafe(RENDERER.toHtml("ok **fine**\n\n" + markdown));
        assertSafe(RENDERER.toHtml("> " + markdown.replace("\n", "\n> ")));
        assertSafe(RENDERER.toHtml("- " + markdown.replace("\n", "\n  ")));
    }

    @Test
    void buildBreakExampleFromTheSpec() throws IOException {
        JsonObject vector = load(VECTORS, MIN_RENDER_VECTORS).stream()
                .filter(v -> v.getString("name").equals("build break example from the spec"))
                .findFirst()
                .orElseThrow();
        String html = RENDERER.toHtml(vector.getString("markdown"));
        assertAll(
                () -> assertTrue(
                        html.contains("<h5>Build Break - Project X - December 12, 2015 - 15:32 GMT +0</h5>"), html),
                () -> assertEquals(2, count(html, "<hr />")),
                () -> assertEquals(1, count(html, "<table>")),
                () -> assertEquals(3, count(html, "<th align=\"left\">")),
                () -> assertEquals(3, count(html.substring(html.indexOf("<tbody>")), "<tr>")),
                () -> assertEquals(1, count(html, "\u2705")),
                () -> assertEquals(2, count(html, "\u26a0\ufe0f")),
                () -> assertEquals(2, count(html, "<a href=\"http://linktologs\"")),
                () -> assertFalse(html.contains(":warning:") || html.contains(":white_check_mark:")));
    }

    // ---------------------------------------------------------------------------------------------
    // Emoji images

    private static String emojiImage(String file, String alt) {
        return "<img class=\"emoji\" src=\"/emoji/twemoji-16.0.1/" + file + "\" alt=\"" + alt
                + "\" width=\"20\" height=\"20\" />";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "shortcode|:white_check_mark: done|<p>%s done</p>|2705.svg|✅",
                "shortcode with FE0F|:warning: 2|<p>%s 2</p>|26a0.svg|⚠️",
                "Unicode emoji|done ✅|<p>done %s</p>|2705.svg|✅",
                "ZWJ family|👨‍👩‍👧‍👦|<p>%s</p>|1f468-200d-1f469-200d-1f467-200d-1f466.svg|👨‍👩‍👧‍👦",
                "skin tone|ok 👍🏽|<p>ok %s</p>|1f44d-1f3fd.svg|👍🏽",
                "flag|🇺🇸 team|<p>%s team</p>|1f1fa-1f1f8.svg|🇺🇸",
                "keycap|step 1️⃣|<p>step %s</p>|31-20e3.svg|1️⃣",
                "in a heading|## 🚀 launch|<h2>%s launch</h2>|1f680.svg|🚀",
                "in emphasis|*:x:*|<p><em>%s</em></p>|274c.svg|❌"
            })
    void emojiBecomeImagesWithTheEmojiAsAlt(String name, String markdown, String html, String file, String alt) {
        assertEquals(html.formatted(emojiImage(file, alt)) + "\n", RENDERER.toHtml(markdown));
    }

    @Test
    void inlineFieldsShowEmojiImagesToo() {
        assertEquals(
                emojiImage("1f6a8.svg", "🚨") + " Disk <strong>full</strong>",
                RENDERER.toHtmlInline(":rotating_light: Disk **full**"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "text with no emoji|just text, 12:30:45 #1 50%|<p>just text, 12:30:45 #1 50%</p>",
                "code span|`:+1: ✅`|<p><code>:+1: ✅</code></p>",
                "fenced code|```\\n✅ :x:\\n```|<pre><code>✅ :x:\\n</code></pre>",
                "unknown shortcode|:not_an_emoji_hopefully:|<p>:not_an_emoji_hopefully:</p>",
                "text presentation|© 2026 ™ ⚠ ❤|<p>© 2026 ™ ⚠ ❤</p>",
                "text variation selector|⌚︎|<p>⌚︎</p>",
                "no image in the set yet (Emoji 17.0)|🫯|<p>🫯</p>"
            })
    void whatIsNotAnEmojiWithAnImageStaysText(String name, String markdown, String html) {
        assertEquals(html.replace("\\n", "\n") + "\n", RENDERER.toHtml(markdown.replace("\\n", "\n")));
    }

    @Test
    void linkUrlsAndImageAltTextKeepTheirEmojiAsText() {
        String html = RENDERER.toHtml("[✅ ok](https://x.example/%E2%9C%85/:x:) ![✅ :x:](https://x.example/a.png)");
        assertEquals(
                "<p><a href=\"https://x.example/%E2%9C%85/:x:\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">"
                        + emojiImage("2705.svg", "✅") + " ok</a> "
                        + "<img src=\"https://x.example/a.png\" alt=\"✅ ❌\" referrerpolicy=\"no-referrer\" /></p>\n",
                html);
    }

    @Test
    void mentionsAndEmojiInOneText() {
        assertEquals(
                "<p>" + emojiImage("2705.svg", "✅") + " <span class=\"mention\">@alice</span> "
                        + emojiImage("26a0.svg", "⚠️") + " <span class=\"channel-mention\">~ops</span> "
                        + emojiImage("1f680.svg", "🚀") + "</p>\n",
                RENDERER.toHtml("✅ @alice ⚠️ ~ops 🚀"));
    }

    @Test
    void theAltTextIsEscapedAndTheCopiedTextIsTheEmoji() {
        String html = RENDERER.toHtml("<b>✅</b> \"👍🏽\"");
        assertSafe(html);
        Element p = Jsoup.parseBodyFragment(html).body().child(0);
        p.select("img.emoji").forEach(img -> img.replaceWith(new org.jsoup.nodes.TextNode(img.attr("alt"))));
        assertEquals("<b>✅</b> \"👍🏽\"", p.text());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<img class=\"emoji\" src=\"/emoji/twemoji-16.0.1/../x.svg\" alt=\"x\" width=\"20\" height=\"20\" />",
                "<img class=\"emoji\" src=\"//evil.example/emoji/twemoji-16.0.1/2705.svg\" alt=\"x\" width=\"20\" height=\"20\" />",
                "<img class=\"emoji\" src=\"/emoji/twemoji-16.0.1/2705.svg\" alt=\"x\" width=\"20\" height=\"20\" onerror=\"x()\" />",
                "<img class=\"emoji\" src=\"/emoji/twemoji-16.0.1/2705.svg\" alt=\"x\" width=\"20\" height=\"20\" style=\"x\" />",
                "<img src=\"/emoji/twemoji-16.0.1/2705.svg\" alt=\"x\" />",
                "<img src=\"https://x.example/a.png\" width=\"20\" />"
            })
    void theSafetyCheckCatchesForgedEmojiImages(String html) {
        assertThrows(AssertionError.class, () -> assertSafe(html));
    }

    // ---------------------------------------------------------------------------------------------
    // URL policy

    @ParameterizedTest(name = "link {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://x.example/|true",
                "https://x.example/a?b=1|true",
                "HTTPS://X.EXAMPLE|true",
                "mailto:a@b.example|true",
                "MailTo:a@b.example|true",
                "javascript:alert(1)|false",
                "JaVaScRiPt:alert(1)|false",
                "vbscript:msgbox(1)|false",
                "data:text/html,x|false",
                "file:///etc/passwd|false",
                "ftp://x.example/|false",
                "/relative/path|false",
                "relative/path|false",
                "//x.example/|false",
                "#top|false",
                "?q=1|false",
                "%6Aavascript:alert(1)|false",
                "javascript%3Aalert(1)|false",
                "http|false",
                "1http://x|false",
                "''|false",
            })
    void linkUrlPolicy(String url, boolean allowed) {
        assertEquals(allowed, SafeUrls.isLink(url));
    }

    @Test
    void linkUrlPolicyRefusesHiddenCharacters() {
        for (String url : List.of(
                " javascript:x",
                "\tjavascript:x",
                "\u0001javascript:x",
                "java\tscript:x",
                "java\nscript:x",
                "java\u0000script:x",
                "javascript\uff1ax",
                "\u00a0http://x",
                "http\u200b://x",
                "h\u0074tp\u0000://x")) {
            assertFalse(SafeUrls.isLink(url), url);
        }
        assertFalse(SafeUrls.isLink(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailto:a@b.example", "javascript:x", "data:image/png;base64,AAAA", "/i.png"})
    void imageUrlPolicyIsHttpOnly(String url) {
        assertFalse(SafeUrls.isImage(url));
        assertTrue(SafeUrls.isImage("https://x.example/i.png"));
    }

    // ---------------------------------------------------------------------------------------------
    // Limits: each at and just past the boundary

    @Test
    void inputOfMaxLengthIsRendered() {
        String markdown = "**b** " + "a".repeat(MAX_INPUT_LENGTH - 6);
        assertEquals(MAX_INPUT_LENGTH, markdown.length());
        assertEquals("<p><strong>b</strong> " + "a".repeat(MAX_INPUT_LENGTH - 6) + "</p>\n", RENDERER.toHtml(markdown));
        assertEquals("<strong>b</strong> " + "a".repeat(MAX_INPUT_LENGTH - 6), RENDERER.toHtmlInline(markdown));
    }

    @Test
    void inputPastMaxLengthFallsBackToPlainText() {
        String markdown = "**b** <i> " + "a".repeat(MAX_INPUT_LENGTH - 9);
        assertEquals(MAX_INPUT_LENGTH + 1, markdown.length());
        assertEquals("<p>**b** &lt;i&gt; " + "a".repeat(MAX_INPUT_LENGTH - 9) + "</p>\n", RENDERER.toHtml(markdown));
        assertEquals("**b** &lt;i&gt; " + "a".repeat(MAX_INPUT_LENGTH - 9), RENDERER.toHtmlInline(markdown));
    }

    @Test
    void blockQuotesAtMaxDepthAreRendered() {
        // document > quote x k > paragraph > text: the text is at depth k + 2
        int k = MAX_NESTING_DEPTH - 2;
        assertEquals(
                "<blockquote>\n".repeat(k) + "<p>x</p>\n" + "</blockquote>\n".repeat(k),
                RENDERER.toHtml(">".repeat(k) + " x"));
    }

    @Test
    void blockQuotesPastMaxDepthFallBack() {
        int k = MAX_NESTING_DEPTH - 1;
        assertEquals("<p>" + "&gt;".repeat(k) + " x</p>\n", RENDERER.toHtml(">".repeat(k) + " x"));
    }

    @Test
    void nestedListsAtAndPastMaxDepth() {
        // document > (list > item) x k > paragraph > text: the text is at depth 2k + 2
        int atLimit = (MAX_NESTING_DEPTH - 2) / 2;
        String html = RENDERER.toHtml("- ".repeat(atLimit) + "x");
        assertEquals(atLimit, count(html, "<ul>"), html);
        assertEquals("<p>" + "- ".repeat(atLimit + 1) + "x</p>\n", RENDERER.toHtml("- ".repeat(atLimit + 1) + "x"));
    }

    @Test
    void emphasisAtAndPastMaxDepth() {
        // document > paragraph > strong x n/2 > text: the text is at depth n/2 + 2
        int n = 2 * (MAX_NESTING_DEPTH - 2);
        String stars = "*".repeat(n);
        assertEquals(
                "<p>" + "<strong>".repeat(n / 2) + "x" + "</strong>".repeat(n / 2) + "</p>\n",
                RENDERER.toHtml(stars + "x" + stars));
        String more = "*".repeat(n + 1);
        assertEquals("<p>" + more + "x" + more + "</p>\n", RENDERER.toHtml(more + "x" + more));
    }

    @Test
    void renderWithinTheBudgetIsKept() {
        Duration budget = Duration.ofMillis(5);
        assertEquals(
                "<p><strong>b</strong></p>\n",
                new MarkdownRenderer(budget, clockAfterStart(budget.toNanos())).toHtml("**b**"));
        assertEquals(
                "<strong>b</strong>",
                new MarkdownRenderer(budget, clockAfterStart(budget.toNanos())).toHtmlInline("**b**"));
    }

    @Test
    void renderPastTheBudgetFallsBack() {
        Duration budget = Duration.ofMillis(5);
        assertEquals(
                "<p>**b**</p>\n", new MarkdownRenderer(budget, clockAfterStart(budget.toNanos() + 1)).toHtml("**b**"));
        assertEquals(
                "**b**", new MarkdownRenderer(budget, clockAfterStart(budget.toNanos() + 1)).toHtmlInline("**b**"));
    }

    @Test
    void budgetIsCheckedWithTheRealClock() {
        assertEquals(Duration.ofSeconds(2), RENDER_TIME_BUDGET);
        MarkdownRenderer noTime = new MarkdownRenderer(Duration.ZERO, System::nanoTime);
        assertEquals("<p>**b**</p>\n", noTime.toHtml("**b**"));
    }

    @Test
    void anythingThrownFallsBack() {
        for (Throwable t : List.of(new StackOverflowError("deep"), new IllegalStateException("bug"))) {
            AtomicInteger calls = new AtomicInteger();
            LongSupplier clock = () -> {
                if (calls.getAndIncrement() > 0) {
                    throwUnchecked(t);
                }
                return 0L;
            };
            MarkdownRenderer renderer = new MarkdownRenderer(RENDER_TIME_BUDGET, clock);
            assertEquals("<p>a *b*<br />\nc</p>\n", renderer.toHtml("a *b*\nc"), t.toString());
            // a failure of ours, not of the input: a warning with the cause, for whoever reads the server log
            LogRecord warning = log.expect(
                    Level.WARNING, "markdown rendering failed, showing the post as plain text", t.getClass());
            assertSame(t, warning.getThrown());
        }
        assertEquals(2, log.records(Level.WARNING).size());
    }

    // ---------------------------------------------------------------------------------------------
    // Pathological input: bounded time, never throws

    static Stream<Arguments> pathological() {
        StringBuilder backticks = new StringBuilder();
        for (int i = 1; backticks.length() < MAX_INPUT_LENGTH; i++) {
            backticks.append("`".repeat(i)).append('a');
        }
        int max = MAX_INPUT_LENGTH;
        return Stream.of(
                Arguments.of("block quotes x 10,000", ">".repeat(HOSTILE) + " x"),
                Arguments.of("spaced block quotes x 10,000", "> ".repeat(HOSTILE) + "x"),
                Arguments.of("open brackets x 10,000", "[".repeat(HOSTILE) + "x"),
                Arguments.of("nested brackets x 10,000", "[".repeat(HOSTILE) + "x" + "]".repeat(HOSTILE)),
                Arguments.of("nested links x 10,000", "[".repeat(HOSTILE) + "x" + "](u)".repeat(HOSTILE)),
                Arguments.of("nested images x 10,000", "![".repeat(HOSTILE) + "x" + "](u)".repeat(HOSTILE)),
                Arguments.of("stars x 10,000", "*".repeat(HOSTILE)),
                Arguments.of("emphasis x 10,000", "*".repeat(HOSTILE) + "x" + "*".repeat(HOSTILE)),
                Arguments.of("underscores x 10,000", "_".repeat(HOSTILE) + "x" + "_".repeat(HOSTILE)),
                Arguments.of("strikethrough x 10,000", "~".repeat(HOSTILE) + "x" + "~".repeat(HOSTILE)),
                Arguments.of("nested lists x 10,000", "- ".repeat(HOSTILE) + "x"),
                Arguments.of("nested ordered lists x 10,000", "1. ".repeat(HOSTILE) + "x"),
                Arguments.of("nested lists by indentation x 200", indentedList(200)),
                Arguments.of("nested lists by indentation, as deep as fits", indentedList(170)),
                Arguments.of("deep indentation x 10,000", "  ".repeat(HOSTILE) + "- x"),
                Arguments.of("mixed quotes and lists x 10,000", "> - ".repeat(HOSTILE) + "x"),
                Arguments.of("long: emphasis openers", "*a ".repeat(max / 3)),
                Arguments.of("long: mixed delimiters", "*a_ ".repeat(max / 4)),
                Arguments.of("long: strong in emphasis", "*a **a ".repeat(max / 14) + "b" + " a** a*".repeat(max / 14)),
                Arguments.of("long: link closers", "a]".repeat(max / 2)),
                Arguments.of("long: unclosed link destinations", "[a](".repeat(max / 4)),
                Arguments.of("long: unclosed link titles", "[a](b \"".repeat(max / 7)),
                Arguments.of("long: backtick runs", backticks.substring(0, max)),
                Arguments.of("long: angle brackets", "<".repeat(max)),
                Arguments.of("long: unclosed tags", "<a ".repeat(max / 3)),
                Arguments.of("long: backslashes", "[" + "\\".repeat(max - 1)),
                Arguments.of("long: entities", "&#106;".repeat(max / 6)),
                Arguments.of("long: table rows", "|a|b|\n|-|-|\n" + "|x|y|\n".repeat((max - 12) / 6)),
                Arguments.of(
                        "long: table columns",
                        "|" + "a|".repeat(max / 8) + "\n|" + "-|".repeat(max / 8) + "\n|" + "b|".repeat(max / 8)),
                Arguments.of("long: headings", "# x\n".repeat(max / 4)),
                Arguments.of("long: setext headings", "x\n=\n".repeat(max / 4)),
                Arguments.of(
                        "long: reference definitions", "[a]: http://x\n".repeat(max / 28) + "[a] ".repeat(max / 8)),
                Arguments.of("long: shortcodes", ":+1:".repeat(max / 4)),
                Arguments.of("long: colons", ":a".repeat(max / 2)),
                Arguments.of("long: mentions", "@a ~b ".repeat(max / 6)),
                Arguments.of("long: autolinks", "www.a.example ".repeat(max / 14)),
                Arguments.of("long: NUL", "\0".repeat(max)),
                Arguments.of("long: fences", "```\n".repeat(max / 4)),
                Arguments.of("long: pipes", "|".repeat(max)),
                Arguments.of("long: lines", "x\n".repeat(max / 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathological")
    void pathologicalInputRendersInBoundedTime(String name, String markdown) {
        String html = assertTimeoutPreemptively(SAFETY_NET, () -> RENDERER.toHtml(markdown));
        assertFalse(html.isEmpty());
        String inline = assertTimeoutPreemptively(SAFETY_NET, () -> RENDERER.toHtmlInline(markdown));
        assertFalse(inline.isEmpty());
        assertSafe(html);
        assertSafe(inline);
    }

    @Test
    void deepPathologicalInputFallsBackToPlainText() {
        assertEquals("<p>" + "&gt;".repeat(HOSTILE) + " x</p>\n", RENDERER.toHtml(">".repeat(HOSTILE) + " x"));
        assertEquals("<p>" + "- ".repeat(HOSTILE) + "x</p>\n", RENDERER.toHtml("- ".repeat(HOSTILE) + "x"));
        String stars = "*".repeat(HOSTILE);
        assertEquals("<p>" + stars + "x" + stars + "</p>\n", RENDERER.toHtml(stars + "x" + stars));
        assertEquals("<p>" + "[".repeat(HOSTILE) + "x</p>\n", RENDERER.toHtml("[".repeat(HOSTILE) + "x"));
        String deepList = RENDERER.toHtml(indentedList(200));
        assertTrue(deepList.startsWith("<p>- x<br />\n  - x<br />\n    - x<br />"), deepList);
        assertFalse(deepList.contains("<ul>"));
    }

    @Test
    void fallbackKeepsLinesAndEscapes() {
        String markdown = "\n" + ">".repeat(HOSTILE) + " <b>&\"'\r\nsecond\rthird\n\n";
        assertEquals(
                "<p>" + "&gt;".repeat(HOSTILE) + " &lt;b&gt;&amp;&quot;&#39;<br />\nsecond<br />\nthird</p>\n",
                RENDERER.toHtml(markdown));
    }

    // ---------------------------------------------------------------------------------------------
    // Inline rendering

    @Test
    void inlineRendersSpansWithoutBlocks() {
        assertEquals(
                "<strong>b</strong> and " + emojiImage("1f44d.svg", "\ud83d\udc4d")
                        + " <span class=\"mention\">@alice</span>"
                        + " <span class=\"channel-mention\">~ops</span> <a href=\"https://x.example\""
                        + " rel=\"noopener noreferrer nofollow\" target=\"_blank\">x</a>",
                RENDERER.toHtmlInline("**b** and :+1: @alice ~ops [x](https://x.example)"));
        assertEquals(
                "# not a heading &gt; nor a quote - nor a list",
                RENDERER.toHtmlInline("# not a heading\n> nor a quote\r\n- nor a list"));
        assertEquals(
                "alt <em>t</em> and <code>x</code>",
                RENDERER.toHtmlInline("![alt *t*](https://x.example/i.png) and `x`"));
        assertEquals("a &lt;b&gt;c&lt;/b&gt;", RENDERER.toHtmlInline("a <b>c</b>"));
        assertEquals("[a]: http://x", RENDERER.toHtmlInline("[a]: http://x"));
    }

    @Test
    void nullAndBlankRenderEmpty() {
        assertEquals("", RENDERER.toHtml(null));
        assertEquals("", RENDERER.toHtml(" \n\t"));
        assertEquals("", RENDERER.toHtmlInline(null));
        assertEquals("", RENDERER.toHtmlInline(" \r\n"));
    }

    // ---------------------------------------------------------------------------------------------
    // Thread safety

    @Test
    void sharedRendererIsThreadSafe() throws Exception {
        assertSame(RENDERER, MarkdownRenderer.shared());
        List<Arguments> vectors = renderVectors().toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 20 * vectors.size(); i++) {
                        Object[] v = vectors.get((i + offset) % vectors.size()).get();
                        assertEquals(v[2], RENDERER.toHtml((String) v[1]), (String) v[0]);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    /**
     * The output is safe: no script element, no event handler or style attribute, only known tags and
     * attributes, every attribute quoted, every href/src an allowed absolute URL (checked both on the
     * raw text and as jsoup, an HTML5 parser like a browser's, reads it).
     */
    static void assertSafe(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), html);
        assertFalse(lower.contains("<iframe") || lower.contains("<svg") || lower.contains("<style"), html);

        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            assertTrue(ALLOWED_TAGS.contains(name), () -> "tag <" + name + "> in " + html);
            String rest = tag.group(3);
            if (rest.endsWith(" /")) {
                rest = rest.substring(0, rest.length() - 2);
            }
            String namesOnly = QUOTED_ATTRIBUTE.matcher(rest).replaceAll(" $1=\"\"");
            assertFalse(EVENT_HANDLER.matcher(namesOnly).find(), () -> "event handler in " + tag.group());
            Matcher attribute = QUOTED_ATTRIBUTE.matcher(rest);
            Map<String, String> attributes = new LinkedHashMap<>();
            int end = 0;
            while (attribute.lookingAt()) {
                String attributeName = attribute.group(1).toLowerCase(Locale.ROOT);
                assertFalse(
                        attributes.containsKey(attributeName), () -> "twice " + attributeName + " in " + tag.group());
                attributes.put(attributeName, decodeEntities(attribute.group(2)));
                end = attribute.end();
                attribute.region(end, rest.length());
            }
            assertEquals(rest.length(), end, () -> "unquoted or malformed attributes in " + tag.group());
            assertAllowedAttributes(name, attributes, tag.group());
        }

        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            String name = element.normalName();
            assertTrue(
                    name.equals("body") || ALLOWED_TAGS.contains(name), () -> "jsoup sees <" + name + "> in " + html);
            Map<String, String> attributes = new LinkedHashMap<>();
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                assertFalse(key.startsWith("on"), () -> "jsoup sees " + key + " in " + html);
                attributes.put(key, attribute.getValue());
            }
            assertAllowedAttributes(name, attributes, "jsoup: " + html);
        }
    }

    /**
     * Only known attributes, href and src only allowed absolute URLs; except an emoji image, which has exactly
     * {@code class="emoji"}, a {@code src} that is one of the bundled images on this host, an {@code alt} and
     * {@code width} and {@code height} of {@link EmojiImages#SIZE}.
     */
    private static void assertAllowedAttributes(String tag, Map<String, String> attributes, String context) {
        if (tag.equals("img") && EmojiImages.CSS_CLASS.equals(attributes.get("class"))) {
            assertEquals(EMOJI_ATTRIBUTES, attributes.keySet(), () -> "emoji image attributes in " + context);
            String src = attributes.get("src");
            assertTrue(
                    src.startsWith(EmojiImages.URL_PREFIX)
                            && EmojiImages.isBundled(src.substring(EmojiImages.URL_PREFIX.length())),
                    () -> "emoji src " + src + " in " + context);
            String size = Integer.toString(EmojiImages.SIZE);
            assertEquals(size, attributes.get("width"), context);
            assertEquals(size, attributes.get("height"), context);
            return;
        }
        attributes.forEach((key, value) -> {
            assertTrue(ALLOWED_ATTRIBUTES.contains(key), () -> key + " in " + context);
            if (key.equals("href") || key.equals("src")) {
                assertAllowedUrl(value, key, context);
            }
        });
    }

    private static void assertAllowedUrl(String url, String attribute, String context) {
        String squeezed = HIDDEN.matcher(url).replaceAll("").toLowerCase(Locale.ROOT);
        for (String scheme : List.of("javascript:", "vbscript:", "data:")) {
            assertFalse(squeezed.contains(scheme), () -> scheme + " in " + context);
        }
        boolean allowed = squeezed.startsWith("http://")
                || squeezed.startsWith("https://")
                || (attribute.equals("href") && squeezed.startsWith("mailto:"));
        assertTrue(allowed, () -> attribute + "=\"" + url + "\" in " + context);
        assertEquals(url, url.strip(), () -> "padded URL in " + context);
    }

    private static String decodeEntities(String value) {
        Matcher m = ENTITY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String decoded = switch (entity) {
                case "amp" -> "&";
                case "quot" -> "\"";
                case "lt" -> "<";
                case "gt" -> ">";
                default ->
                    new String(Character.toChars(
                            entity.startsWith("#x")
                                    ? Integer.parseInt(entity.substring(2), 16)
                                    : Integer.parseInt(entity.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(decoded));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A list nested {@code depth} deep by indentation, one item per level. */
    private static String indentedList(int depth) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            list.append("  ".repeat(i)).append("- x\n");
        }
        return list.toString();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** A clock for one render: at 0 for its start and at {@code elapsed} for every later look. */
    private static LongSupplier clockAfterStart(long elapsed) {
        AtomicInteger calls = new AtomicInteger();
        return () -> calls.getAndIncrement() == 0 ? 0L : elapsed;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void throwUnchecked(Throwable t) throws T {
        throw (T) t;
    }
}
