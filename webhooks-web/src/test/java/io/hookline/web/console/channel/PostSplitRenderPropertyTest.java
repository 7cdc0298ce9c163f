package io.hookline.web.console.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.ejb.post.PostMarkdown;
import io.hookline.ejb.post.PostSplitter;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Property: the parts of a message split by {@link PostSplitter} render to the same blocks as the whole
 * message, parsed as {@link MarkdownRenderer} parses it (it lives beside the renderer and its vectors).
 * Messages are random markdown assembled from the render vectors ({@code markdown/render-vectors.json}: whole
 * inputs and runs of their lines) and from code fences, tables and lists (at the top level, in list items and
 * in block quotes), cut at random limits. Each case has its own seed, printed when it fails; the base seed can be
 * changed with {@code -Dsplitter.seed=N} and the number of cases with {@code -Dsplitter.cases=N}.
 *
 * <h2>What "the same blocks" means</h2>
 * Each text is parsed by the renderer's parser ({@link PostMarkdown}) and flattened into a sequence of
 * tokens, one per unit of leaf-block content, in document order:
 * <ul>
 * <li>a fenced code block gives one token per non-blank line of its literal ({@code code[info] line},
 * trailing whitespace dropped), an indented code block the same with the info {@code (indented)};</li>
 * <li>a table gives one token per row: {@code head} or {@code row} and its cells' text;</li>
 * <li>a paragraph gives one token per whitespace-separated word of its source text;</li>
 * <li>a heading gives one token, its level and text; a thematic break one; an HTML block one per non-blank
 * line; a link reference definition one, its label.</li>
 * </ul>
 * Containers (block quotes, lists, list items) give no token: the splitter repeats no list marker, so a list
 * item continued in the next part is continued outside the list, and that is by design. Blank code lines
 * and trailing whitespace are left out because the splitter drops whitespace at its cuts (class comment of
 * {@link PostSplitter}), and paragraphs count as words because a cut may split a paragraph in two. A
 * {@code head} token equal to the last {@code head}, with only {@code row}s since, is dropped: that is the
 * header the splitter repeats (a reopened fence needs no such rule, its lines continue the same
 * {@code code[info]} tokens). The property: the tokens of the parts, concatenated, equal the tokens of the
 * whole.
 *
 * <p>Pieces are separated by a blank line, after a fence sometimes by a line break only, and a piece with a
 * list is followed by a plain paragraph. Limits of the splitter make that choice, all from list markers not
 * being repeated: a part that starts inside a list item reads the rest of the item outside the list (an
 * indented line after a fence in an item becomes an indented code block); a table in a list item that the
 * next line ends is not repeated, by design (see "Blocks" in {@link PostSplitter}); and text glued to a list
 * item continues its paragraph lazily, where a cut changes how the following lines are read (outside the
 * item, a row of pipes under them can become a table).
 *
 * <p>Limits are at least twice the message's longest line, so that no line has to be cut in the middle (a
 * hard cut inside a word or code line changes its tokens by design), and at least {@link
 * PostSplitter#MAX_REPEAT_SHARE} times its longest fence or header repair, so that every fence is reopened
 * and every header repeated (past that share the splitter leaves them out by design).
 */
class PostSplitRenderPropertyTest {

    private static final int CASES = 300;
    private static final long DEFAULT_SEED = 190_019L;
    private static final int MAX_EXTRA_LIMIT = 600;
    private static final int MIN_LIMIT = 100;

    private static final Parser PARSER = PostMarkdown.parserBuilder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    private static final List<String> VECTORS = renderVectorInputs();

    @Test
    void thePartsOfASplitMessageRenderToTheBlocksOfTheWhole() {
        long baseSeed = Long.getLong("splitter.seed", DEFAULT_SEED);
        Random seeds = new Random(baseSeed);
        int cases = Integer.getInteger("splitter.cases", CASES);
        int split = 0;
        for (int i = 0; i < cases; i++) {
            long seed = seeds.nextLong();
            Random random = new Random(seed);
            String message = randomMessage(random);
            int max = Math.max(
                            MIN_LIMIT,
                            Math.max(2 * longestLine(message), PostSplitter.MAX_REPEAT_SHARE * longestRepair(message)))
                    + random.nextInt(MAX_EXTRA_LIMIT);
            List<String> parts = PostSplitter.split(message, max);
            split += parts.size() > 1 ? 1 : 0;
            List<String> partTokens = new ArrayList<>();
            for (String part : parts) {
                partTokens.addAll(tokensOf(part));
            }
            assertEquals(
                    withoutRepeatedHeaders(tokensOf(message)),
                    withoutRepeatedHeaders(partTokens),
                    () -> "seed " + seed + " (base " + baseSeed + "), limit " + max + "\n--- message:\n" + message
                            + "\n--- parts:\n" + String.join("\n<<<cut>>>\n", parts));
        }
        // The generator must exercise the splitter, not only pass short messages through.
        assertTrue(split > cases / 2, split + " of " + cases + " messages were split");
    }

    /** The tokens of the class comment, before the repeated-header rule. */
    private static List<String> tokensOf(String markdown) {
        List<String> tokens = new ArrayList<>();
        collect(PARSER.parse(markdown), markdown, tokens);
        return tokens;
    }

    /** The repeated-header rule of the class comment, applied to tokens in order (across parts). */
    private static List<String> withoutRepeatedHeaders(List<String> tokens) {
        List<String> withoutRepeats = new ArrayList<>();
        String lastHead = null;
        boolean onlyRowsSince = false;
        for (String token : tokens) {
            if (token.startsWith("head ")) {
                if (onlyRowsSince && token.equals(lastHead)) {
                    continue;
                }
                lastHead = token;
                onlyRowsSince = true;
            } else if (!token.startsWith("row ")) {
                onlyRowsSince = false;
            }
            withoutRepeats.add(token);
        }
        return withoutRepeats;
    }

    private static void collect(Node parent, String markdown, List<String> tokens) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof FencedCodeBlock fence) {
                codeLines("code[" + fence.getInfo() + "] ", fence.getLiteral(), tokens);
            } else if (node instanceof IndentedCodeBlock code) {
                codeLines("code[(indented)] ", code.getLiteral(), tokens);
            } else if (node instanceof TableBlock table) {
                tableRows(table, tokens);
            } else if (node instanceof Paragraph paragraph) {
                for (SourceSpan span : paragraph.getSourceSpans()) {
                    String source = markdown.substring(span.getInputIndex(), span.getInputIndex() + span.getLength());
                    for (String word : source.strip().split("\\s+")) {
                        tokens.add(word.isEmpty() ? "" : "word " + word);
                    }
                }
                tokens.removeIf(String::isEmpty);
            } else if (node instanceof Heading heading) {
                tokens.add("h" + heading.getLevel() + " " + text(heading));
            } else if (node instanceof ThematicBreak) {
                tokens.add("hr");
            } else if (node instanceof HtmlBlock html) {
                codeLines("html ", html.getLiteral(), tokens);
            } else if (node instanceof LinkReferenceDefinition definition) {
                tokens.add("definition " + definition.getLabel());
            } else if (node instanceof Block) {
                collect(node, markdown, tokens);
            }
        }
    }

    private static void codeLines(String kind, String literal, List<String> tokens) {
        for (String line : literal.split("\n")) {
            if (!line.isBlank()) {
                tokens.add(kind + line.stripTrailing());
            }
        }
    }

    private static void tableRows(TableBlock table, List<String> tokens) {
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            String kind = section instanceof TableHead ? "head " : "row ";
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (row instanceof TableRow) {
                    StringBuilder cells = new StringBuilder();
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        cells.append("| ").append(text(cell)).append(' ');
                    }
                    tokens.add(kind + cells);
                }
            }
        }
    }

    /** The text of a node's inline content, markup left out. */
    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        appendText(node, text);
        return text.toString().strip();
    }

    private static void appendText(Node node, StringBuilder text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text literal) {
                text.append(literal.getLiteral());
            } else if (child instanceof Code code) {
                text.append(code.getLiteral());
            } else {
                appendText(child, text);
            }
        }
    }

    // ---- the generator ----

    private static final String[] WORDS = {
        "deploy",
        "failed",
        "on",
        "node",
        "the",
        "build",
        "`inline`",
        "**bold**",
        "_it_",
        "https://example.com/runs/1",
        "\u26A0\uFE0F",
        "\uD83D\uDE00",
        "caf\u00E9",
        "\u65E5\u672C\u8A9E"
    };
    private static final String[] INFOS = {"", "sh", "java", "json title=\"x.json\""};
    private static final String[] CONTAINERS = {"", "", "- ", "1. ", "> "};
    private static final Pattern LIST_ITEM = Pattern.compile("(?m)^ {0,3}(?:[-*+]|\\d{1,9}[.)])(?: |$)");

    private static String randomMessage(Random random) {
        StringBuilder message = new StringBuilder();
        int pieces = 2 + random.nextInt(12);
        for (int piece = 0; piece < pieces; piece++) {
            int kind = random.nextInt(7);
            switch (kind) {
                case 0 -> message.append(VECTORS.get(random.nextInt(VECTORS.size())));
                case 1 -> message.append(vectorFragment(random));
                case 2, 3 -> message.append(fence(random));
                case 4, 5 -> message.append(table(random));
                default -> message.append(list(random));
            }
            boolean fence = kind == 2 || kind == 3;
            message.append(fence && random.nextBoolean() ? "\n" : "\n\n");
            if (LIST_ITEM.matcher(message).find(message.lastIndexOf("\n\n", message.length() - 3) + 1)) {
                // Text after a list, indented, would belong to its last item; a part reads it outside the list.
                message.append("After the list.\n\n");
            }
        }
        return message.toString();
    }

    /** A run of consecutive lines of one render vector. */
    private static String vectorFragment(Random random) {
        List<String> lines = VECTORS.get(random.nextInt(VECTORS.size())).lines().toList();
        if (lines.isEmpty()) {
            return "";
        }
        int from = random.nextInt(lines.size());
        int to = from + 1 + random.nextInt(lines.size() - from);
        return String.join("\n", lines.subList(from, to));
    }

    private static String fence(Random random) {
        String container = CONTAINERS[random.nextInt(CONTAINERS.length)];
        String continuation = continuation(container);
        String marker = random.nextBoolean() ? "```" : "~~~~";
        StringBuilder fence = new StringBuilder(container)
                .append(marker)
                .append(INFOS[random.nextInt(INFOS.length)])
                .append('\n');
        int lines = 1 + random.nextInt(40);
        for (int i = 0; i < lines; i++) {
            fence.append(continuation).append(" ".repeat(2 * random.nextInt(3)));
            if (random.nextInt(6) != 0) {
                fence.append("step(")
                        .append(i)
                        .append(", ")
                        .append(word(random))
                        .append(")");
            }
            fence.append('\n');
        }
        return fence.append(continuation).append(marker).toString();
    }

    private static String table(Random random) {
        String container = CONTAINERS[random.nextInt(CONTAINERS.length)];
        String continuation = continuation(container);
        int columns = 1 + random.nextInt(3);
        StringBuilder table = new StringBuilder(container).append("| Name");
        StringBuilder delimiter = new StringBuilder(continuation).append("|---");
        for (int c = 1; c < columns; c++) {
            table.append(" | Col").append(c);
            delimiter.append(random.nextBoolean() ? "|---" : "|:-:");
        }
        table.append(" |\n").append(delimiter).append("|\n");
        int rows = 1 + random.nextInt(30);
        for (int r = 0; r < rows; r++) {
            table.append(continuation).append('|');
            for (int c = 0; c < columns; c++) {
                table.append(' ').append(word(random)).append(" |");
            }
            table.append('\n');
        }
        return table.toString().stripTrailing();
    }

    private static String list(Random random) {
        StringBuilder list = new StringBuilder();
        int items = 1 + random.nextInt(8);
        for (int i = 0; i < items; i++) {
            list.append(random.nextBoolean() ? "- " : (i + 1) + ". ");
            int words = 1 + random.nextInt(12);
            for (int w = 0; w < words; w++) {
                list.append(word(random)).append(' ');
            }
            list.append('\n');
            if (random.nextInt(4) == 0) {
                list.append("  - nested ").append(word(random)).append('\n');
            }
        }
        return list.toString().stripTrailing();
    }

    /** What the lines after the first of a block carry in the container: quote marker or indentation. */
    private static String continuation(String container) {
        return container.startsWith(">") ? container : " ".repeat(container.length());
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    /**
     * An upper bound of what the splitter adds to a part for the message's longest fence or table header:
     * the opening line twice (reopened, and as long as the closing line), or the header and delimiter rows.
     */
    private static int longestRepair(String message) {
        int longest = 0;
        for (Node node = PARSER.parse(message); node != null; node = next(node)) {
            List<SourceSpan> spans = node.getSourceSpans();
            if (node instanceof FencedCodeBlock) {
                longest = Math.max(longest, 2 * lineLength(message, spans.get(0)) + 2);
            } else if (node instanceof TableBlock) {
                longest = Math.max(longest, lineLength(message, spans.get(0)) + lineLength(message, spans.get(1)) + 2);
            }
        }
        return longest;
    }

    /** The next node in document order. */
    private static Node next(Node node) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        for (Node at = node; at != null; at = at.getParent()) {
            if (at.getNext() != null) {
                return at.getNext();
            }
        }
        return null;
    }

    /** Code points of the whole line a span is on, container prefix included. */
    private static int lineLength(String message, SourceSpan span) {
        int start = message.lastIndexOf('\n', span.getInputIndex()) + 1;
        int end = message.indexOf('\n', span.getInputIndex());
        return message.codePointCount(start, end < 0 ? message.length() : end);
    }

    private static int longestLine(String message) {
        return message.lines()
                .mapToInt(line -> line.codePointCount(0, line.length()))
                .max()
                .orElse(0);
    }

    private static List<String> renderVectorInputs() {
        try (InputStream in = PostSplitRenderPropertyTest.class.getResourceAsStream("/markdown/render-vectors.json");
                JsonReader reader = Json.createReader(in)) {
            List<String> inputs = new ArrayList<>();
            JsonArray vectors = reader.readArray();
            // The renderer's test owns the file's minimum; a file that lost vectors fails here too.
            if (vectors.size() < MarkdownRendererTest.MIN_RENDER_VECTORS) {
                throw new AssertionError("render-vectors.json has " + vectors.size() + " vectors, fewer than "
                        + MarkdownRendererTest.MIN_RENDER_VECTORS + ": vectors were lost (when adding vectors, raise"
                        + " MarkdownRendererTest.MIN_RENDER_VECTORS)");
            }
            for (JsonValue value : vectors) {
                String markdown = ((JsonObject) value).getString("markdown");
                if (!markdown.isBlank()) {
                    inputs.add(markdown);
                }
            }
            return inputs;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
