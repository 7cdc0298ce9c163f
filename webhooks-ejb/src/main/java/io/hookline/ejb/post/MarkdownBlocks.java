package io.hookline.ejb.post;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.Block;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The fenced code blocks, tables and setext headings of a message, found by the parser the renderer uses
 * ({@link PostMarkdown}), located by their source spans. Parsed once per message; {@link #forLimit} then
 * turns them into {@link MessageBlock}s for one limit.
 *
 * <p>A block inside a list item or block quote is repaired with what its lines carry in front of it: the
 * reopened fence line and the repeated header are prefixed with the container's quote markers, its list
 * markers turned into spaces, and so is the closing fence line. At the top level that prefix is empty.
 */
final class MarkdownBlocks {

    /** A line indented this much is an indented code block, not a fence or table row, at the start of a part. */
    private static final int CODE_INDENT = 4;

    /**
     * The renderer's parser with spans, minus inline parsing: the block structure does not depend on it (link
     * reference definitions are read by the block parser), and it is most of the time on a long message.
     */
    private static final Parser PARSER = PostMarkdown.parserBuilder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .inlineParserFactory(context -> (lines, block) -> {})
            .build();

    /**
     * What the parse says about one block, whatever the limit: its extent, what repairs a cut inside it
     * ({@code repeat} starts the next part, {@code closing} ends the part; fences only) and whether it can
     * be repaired at all.
     */
    private record Shape(int start, int end, String repeat, String closing, boolean repairable, Found kind) {}

    /** The rest of a block's shape, by kind. */
    private sealed interface Found permits FenceContent, TableRows, HeadingLines {}

    /** A setext heading: its text lines and underline. */
    private record HeadingLines() implements Found {}

    /** Visible content of a fence between its opening and closing lines (-1 when blank). */
    private record FenceContent(int firstVisible, int visibleEnd, int lastVisible) implements Found {}

    /** Line breaks after a table's header and delimiter rows. */
    private record TableRows(int headerEnd, int delimiterEnd) implements Found {}

    /** The blocks for one limit, and whether a header or fence was left unrepeated by its length. */
    record Blocks(List<MessageBlock> list, boolean leftRepeatsOut) {}

    private final String text;
    private final CodePoints codePoints;
    private final List<Shape> shapes = new ArrayList<>();
    /** Start of a paragraph's line indented like code, to the line's first visible character. */
    private final Map<Integer, Integer> codeDeepParagraphLines = new HashMap<>();
    /** Index just after the last non-whitespace character. */
    private final int visibleEnd;

    MarkdownBlocks(String text, CodePoints codePoints) {
        this.text = text;
        this.codePoints = codePoints;
        this.visibleEnd = trimEnd(0, text.length());
        if (mayHoldBlocks(text)) {
            collect(PARSER.parse(text));
        }
    }

    /**
     * Without a pipe, a fence marker, a line starting with {@code =} or {@code -} (a setext underline) or a
     * line indented like code there is nothing to find, and no need to parse.
     */
    private static boolean mayHoldBlocks(String text) {
        if (text.indexOf('|') >= 0 || text.contains("```") || text.contains("~~~")) {
            return true;
        }
        for (int lineStart = text.indexOf('\n') + 1; lineStart > 0; lineStart = text.indexOf('\n', lineStart) + 1) {
            int i = lineStart;
            while (i < text.length() && i - lineStart < CODE_INDENT && text.charAt(i) == ' ') {
                i++;
            }
            if (i < text.length() && (i - lineStart == CODE_INDENT || "=-\t".indexOf(text.charAt(i)) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The blocks whose repair leaves room for content within {@code max}; {@code repeatEveryBlock} ignores
     * {@link PostSplitter#MAX_REPEAT_SHARE} (the budget's second split).
     */
    Blocks forLimit(int max, boolean repeatEveryBlock) {
        List<MessageBlock> blocks = new ArrayList<>(shapes.size());
        boolean leftRepeatsOut = false;
        for (Shape shape : shapes) {
            int added = CodePoints.length(shape.repeat()) + CodePoints.length(shape.closing());
            if (added + 1 > max) {
                continue; // too small for the repair: plain text
            }
            boolean small = repeatEveryBlock || (long) added * PostSplitter.MAX_REPEAT_SHARE <= max;
            leftRepeatsOut |= shape.repairable() && !small;
            boolean repairs = shape.repairable() && small;
            boolean fitsAlone = codePoints.between(shape.start(), shape.end()) <= max;
            if (shape.kind() instanceof FenceContent content) {
                blocks.add(new MessageBlock.Fence(
                        shape.start(),
                        shape.end(),
                        fitsAlone,
                        repairs,
                        shape.repeat(),
                        shape.closing(),
                        content.firstVisible(),
                        content.visibleEnd(),
                        content.lastVisible()));
            } else if (shape.kind() instanceof TableRows rows) {
                blocks.add(new MessageBlock.Table(
                        shape.start(),
                        shape.end(),
                        fitsAlone,
                        repairs ? shape.repeat() : "",
                        rows.headerEnd(),
                        rows.delimiterEnd()));
            } else {
                blocks.add(new MessageBlock.SetextHeading(shape.start(), shape.end(), fitsAlone));
            }
        }
        return new Blocks(blocks, leftRepeatsOut);
    }

    /** Walks the block tree in document order; the blocks found are leaves, so the list is sorted. */
    private void collect(Node parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof FencedCodeBlock fence && !fence.getSourceSpans().isEmpty()) {
                shapes.add(fence(fence));
            } else if (node instanceof TableBlock table
                    && table.getSourceSpans().size() >= 2) {
                shapes.add(table(table.getSourceSpans()));
            } else if (node instanceof Heading heading
                    && heading.getSourceSpans().size() >= 2) {
                List<SourceSpan> spans = heading.getSourceSpans();
                int start = lineStart(spans.get(0).getInputIndex());
                int end = spanLineEnd(spans.get(spans.size() - 1));
                shapes.add(new Shape(start, end, "", "", false, new HeadingLines()));
            } else if (node instanceof Paragraph paragraph) {
                codeDeepLines(paragraph.getSourceSpans());
            } else if (node instanceof Block) {
                collect(node);
            }
        }
    }

    /**
     * Where a part may start: at {@code start}, unless that is a paragraph's line indented four columns or
     * more (a continuation line, or a paragraph in a list item). The paragraph ignores that indentation, but at
     * the start of a part it would make the line an indented code block; the part starts at the line's text
     * instead (whitespace at a cut is dropped).
     */
    int partStart(int start) {
        return codeDeepParagraphLines.getOrDefault(start, start);
    }

    private void codeDeepLines(List<SourceSpan> spans) {
        for (SourceSpan span : spans) {
            int lineStart = lineStart(span.getInputIndex());
            int columns = 0;
            int visible = lineStart;
            for (; visible < text.length() && HardCuts.isSpaceOrTab(text.charAt(visible)); visible++) {
                columns += text.charAt(visible) == '\t' ? CODE_INDENT : 1;
            }
            if (columns >= CODE_INDENT) {
                codeDeepParagraphLines.put(lineStart, visible);
            }
        }
    }

    private Shape fence(FencedCodeBlock fence) {
        List<SourceSpan> spans = fence.getSourceSpans();
        SourceSpan opening = spans.get(0);
        int start = lineStart(opening.getInputIndex());
        String prefix = containerPrefix(start, opening.getInputIndex());
        String reopening = line(prefix, opening) + "\n";
        String marker = fence.getFenceCharacter().repeat(fence.getOpeningFenceLength());
        boolean closed = fence.getClosingFenceLength() != null;
        int end = spanLineEnd(spans.get(spans.size() - 1));
        int firstVisible = -1;
        int contentEnd = -1;
        for (SourceSpan span : spans.subList(1, closed ? spans.size() - 1 : spans.size())) {
            int from = span.getInputIndex();
            int to = trimEnd(from, from + span.getLength());
            int visible = skipWhitespace(from, to);
            if (visible < to) {
                firstVisible = firstVisible < 0 ? visible : firstVisible;
                contentEnd = to;
            }
        }
        int lastVisible = contentEnd < 0 ? -1 : text.offsetByCodePoints(contentEnd, -1);
        // A fence its container ends (no closing line, more text after it) would, reopened at the start
        // of a part, swallow what follows the container: it is kept whole when it fits, never reopened.
        boolean repairable = (closed || visibleEnd <= end) && startsAsBlock(reopening);
        return new Shape(
                start,
                end,
                reopening,
                "\n" + prefix + marker,
                repairable,
                new FenceContent(firstVisible, contentEnd, lastVisible));
    }

    private Shape table(List<SourceSpan> spans) {
        SourceSpan header = spans.get(0);
        SourceSpan delimiter = spans.get(1);
        int start = lineStart(header.getInputIndex());
        String prefix = containerPrefix(start, header.getInputIndex());
        String repeat = line(prefix, header) + "\n"
                + line(containerPrefix(lineStart(delimiter.getInputIndex()), delimiter.getInputIndex()), delimiter)
                + "\n";
        int end = spanLineEnd(spans.get(spans.size() - 1));
        // A table its container ends (a list item ending at the next line) would, repeated at the start of a
        // part outside the container, take that line as one more row: repaired only when a blank line ends it.
        boolean repairable = (prefix.isEmpty() || endsWithBlankLine(end)) && startsAsBlock(repeat);
        TableRows rows = new TableRows(spanLineEnd(header), spanLineEnd(delimiter));
        return new Shape(start, end, repeat, "", repairable, rows);
    }

    /** Whether the line after the line break at {@code lineEnd} is blank, or there is none. */
    private boolean endsWithBlankLine(int lineEnd) {
        int next = Math.min(lineEnd + 1, text.length());
        return skipWhitespace(next, lineEnd(next)) == lineEnd(next);
    }

    /** The line of a span, its container prefix in front, trailing whitespace dropped. */
    private String line(String prefix, SourceSpan span) {
        int from = span.getInputIndex();
        return prefix + text.substring(from, trimEnd(from, lineEnd(from)));
    }

    /**
     * What stands before a block's content on its line: quote markers and indentation stay, list markers
     * become spaces (a repeated line must not start a new list item).
     */
    private String containerPrefix(int lineStart, int contentStart) {
        StringBuilder prefix = new StringBuilder(contentStart - lineStart);
        for (int i = lineStart; i < contentStart; i++) {
            char ch = text.charAt(i);
            prefix.append(ch == '>' || ch == '\t' ? ch : ' ');
        }
        return prefix.toString();
    }

    /** Whether a repeated line, at the start of a part, is still a fence or table line (not indented code). */
    private static boolean startsAsBlock(String repeated) {
        int columns = 0;
        for (int i = 0; i < repeated.length() && (repeated.charAt(i) == ' ' || repeated.charAt(i) == '\t'); i++) {
            columns += repeated.charAt(i) == '\t' ? CODE_INDENT : 1;
        }
        return columns < CODE_INDENT;
    }

    private int spanLineEnd(SourceSpan span) {
        return lineEnd(span.getInputIndex() + span.getLength());
    }

    private int lineStart(int index) {
        int i = index;
        while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }

    /** The index of the line break ending the line at {@code index} (its {@code \n} for CRLF), or the length. */
    private int lineEnd(int index) {
        int i = index;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i + 1 < text.length() && text.charAt(i) == '\r' && text.charAt(i + 1) == '\n' ? i + 1 : i;
    }

    private int skipWhitespace(int from, int end) {
        int i = from;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private int trimEnd(int start, int end) {
        int i = end;
        while (i > start && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
