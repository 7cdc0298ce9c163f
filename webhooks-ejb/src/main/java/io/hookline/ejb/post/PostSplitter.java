package io.hookline.ejb.post;

import io.hookline.api.error.HooklineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a long markdown message into parts that each fit the maximum post size. Mattermost does this
 * for long webhook messages by cutting blindly; this splitter knows enough markdown to keep every part
 * rendering the way the whole message would have.
 *
 * <h2>Length and content</h2>
 * <ul>
 * <li>Lengths are Unicode code points (Mattermost counts runes) and include everything the splitter
 * adds. {@code maxLength} must be at least 1.</li>
 * <li>A message within the limit is the only part, unchanged (the empty message gives one empty
 * part).</li>
 * <li>Otherwise every part is at most {@code maxLength} long, no part is empty or whitespace-only,
 * and the parts in order, without the fence lines and table headers the splitter adds, are the
 * original text: only whitespace at the cut points and at the ends of the message is dropped. A
 * message that is nothing but whitespace and too long gives one empty part.</li>
 * </ul>
 *
 * <h2>Where to cut</h2>
 * Among the cuts that fit, in this order:
 * <ol>
 * <li>the last line break in the window, the window being "the part is at least half the limit";
 * line breaks are graded and a better grade wins over a later position: plain line breaks, then line
 * breaks inside a code block or table too long for one post, then the line break right after a table's
 * delimiter row;</li>
 * <li>the last space in the window (a run of spaces or tabs between two words of one line);</li>
 * <li>a hard cut at the limit;</li>
 * <li>the best line break, then the last space, anywhere in the part (used when the hard cut would
 * land somewhere it must not, such as inside a block that fits in one post);</li>
 * <li>as a last resort, a hard cut that ignores the markdown rules.</li>
 * </ol>
 * Hard cuts never split a surrogate pair, and they step back rather than separate a character from
 * what extends it: a variation selector (the U+FE0F of "⚠️"), a skin tone, a zero-width joiner
 * sequence, a combining mark, the second half of a flag. Only a cluster longer than the room left is
 * split, at a code point boundary. A space or hard cut is never made right before a fence marker
 * ({@code ```} or {@code ~~~} in the middle of a line): at the start of the next part it would open a
 * code block that is not in the message. A part starting at a line break keeps the indentation of its first
 * line (it matters in lists and code), unless that line is a paragraph's (a continuation line, or in a list
 * item) and is indented four columns or more: the paragraph ignores the indentation, but a part starting
 * with it would show an indented code block, so the part starts at the line's text. List markers are not
 * repeated: a part that starts inside a list item shows the rest of the item outside the list.
 *
 * <h2>Blocks</h2>
 * <ul>
 * <li>The blocks are the fenced code blocks and GFM tables that commonmark-java finds, parsed exactly as
 * the renderer parses a post ({@link PostMarkdown}), located by their source spans: a fence or table inside
 * a list item or block quote is a block too, a fence or table the renderer does not see (inside another
 * code block, in an HTML block) is not. A block spans its lines, from its opening line or header row to
 * its closing line or last row; an unclosed fence runs to the end of its container (for a top-level
 * fence, the end of the message). A heading underlined by {@code ===} or {@code ---} is a block too, never
 * repaired: cut before its underline, its text would show as a paragraph.</li>
 * <li>A block that fits in one post is never cut inside: the splitter cuts before it.</li>
 * <li>A block longer than the limit has to be cut anyway, so its inner line breaks are candidates too
 * (graded below plain ones): a short introduction line stays with the beginning of its code rather than
 * becoming a post of its own. A code block cut inside is closed at the end of the part (its marker on a
 * line of its own) and reopened at the start of the next part with its original opening line, info
 * string included. A table cut between rows gets its header and delimiter rows
 * repeated at the start of the next part. Both count toward the limit. Inside a list item or block quote,
 * the reopened, closing and repeated lines carry the container's prefix (quote markers kept, list markers
 * turned into spaces), so that the next part sees the same code block or table; a fence its container
 * ends without a closing line, a table in a container that no blank line ends (outside the container
 * the next line would be one more row), and a block whose prefix would indent it into an indented code
 * block are kept whole when they fit but not repaired. A table row cut in the middle
 * (only when the row alone does not fit) gets no header: the fragment could not render as a row.</li>
 * <li>The header row is never separated from its delimiter row, and a code block is never cut right
 * after its opening line or where only blank lines remain before its closing line, which would
 * leave an empty code block.</li>
 * <li>When the limit is too small for the repair (reopening line plus closing line, or the repeated
 * header and delimiter rows, leave no room for a single code point), the block is treated as plain
 * text.</li>
 * <li>The repair is made only while what it adds to a part is at most a tenth of the limit
 * ({@link #MAX_REPEAT_SHARE}). A longer header or opening line is still a block (kept whole when it
 * fits, the header kept with its delimiter row) but is not repeated: the continuation shows its rows or
 * code as plain lines (and the budget below decides whether such a message is taken at all). Without
 * this rule a 3,990-character header over 300 one-character rows made 150 posts and 600,000 characters
 * out of a 4.9 KB request (issue 15).</li>
 * </ul>
 *
 * <h2>Budget</h2>
 * {@link #split(String, int, int)} also bounds what one message may become: at most {@code maxParts}
 * parts holding together at most {@link #MAX_GROWTH} times the message's code points; past either, the
 * message is refused (400 {@value #MESSAGE_TOO_LONG}). Splitting stops at the first part past the
 * budget, so a hostile message costs no more than the budget.
 * <p>
 * The budget judges the message's shape, not only the parts actually made: when the repeat rule left a
 * header or fence unrepeated, the message is also split as if every header and fence that has room were
 * repeated (the splitter's behaviour before issue 15), and that split must fit the budget too. So the
 * reproduction above (a 3,990-character header over 300 tiny rows) is refused as the amplification it
 * is, rather than stored as one table and a post of stray {@code |x|} lines; while a wide table whose
 * header is just past the tenth, over rows of ordinary length, is accepted and split without repeats.
 * Whether a message is accepted therefore does not depend on where the repeat rule happened to cut. The
 * second split runs only for such messages, under the same budget.
 *
 * <h2>Cost</h2>
 * Linear in the message: one parse finds the blocks (shared by the budget's second split), each part
 * scans only the span that could fit in it, and a code point index makes every length a subtraction.
 */
public final class PostSplitter {

    /**
     * A repeated header or reopened fence (what the splitter adds to one part) may take at most
     * 1/{@value} of the limit: each part then carries at least nine tenths of new text.
     */
    public static final int MAX_REPEAT_SHARE = 10;

    /** The parts of a split message hold at most this many times the message's code points. */
    public static final int MAX_GROWTH = 2;

    /** The error id of a message whose parts would go past the budget (400). */
    public static final String MESSAGE_TOO_LONG = "message_too_long";

    private PostSplitter() {}

    /**
     * Splits like {@link #split(String, int)}, within the budget of the class comment.
     *
     * @throws HooklineException 400 {@value #MESSAGE_TOO_LONG} when the parts would be more than
     *                           {@code maxParts} or hold more than {@link #MAX_GROWTH} times the message's
     *                           code points
     * @throws IllegalArgumentException when {@code maxLength} or {@code maxParts} is below 1
     */
    public static List<String> split(String message, int maxLength, int maxParts) {
        if (maxParts < 1) {
            throw new IllegalArgumentException("maxParts must be at least 1, was " + maxParts);
        }
        return texts(splitIntoParts(
                message,
                maxLength,
                new Budget(maxParts, (long) MAX_GROWTH * message.codePointCount(0, message.length()))));
    }

    /**
     * Splits {@code message} into parts of at most {@code maxLength} code points, following the rules
     * of the class comment.
     *
     * @throws IllegalArgumentException when {@code maxLength} is below 1
     */
    public static List<String> split(String message, int maxLength) {
        return texts(splitIntoParts(message, maxLength));
    }

    private static List<String> texts(List<Part> parts) {
        List<String> texts = new ArrayList<>(parts.size());
        for (Part part : parts) {
            texts.add(part.text());
        }
        return List.copyOf(texts);
    }

    /** Same as {@link #split}, keeping apart what is original text and what the splitter added. */
    static List<Part> splitIntoParts(String message, int maxLength) {
        return splitIntoParts(message, maxLength, Budget.UNLIMITED);
    }

    static List<Part> splitIntoParts(String message, int maxLength, Budget budget) {
        Objects.requireNonNull(message, "message");
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
        if (message.codePointCount(0, message.length()) <= maxLength) {
            return List.of(new Part("", message, ""));
        }
        CodePoints codePoints = new CodePoints(message);
        MarkdownBlocks markdown = new MarkdownBlocks(message, codePoints);
        MarkdownBlocks.Blocks blocks = markdown.forLimit(maxLength, false);
        List<Part> parts =
                new PartCutter(message, codePoints, blocks.list(), markdown::partStart, maxLength, budget).split();
        if (blocks.leftRepeatsOut() && budget != Budget.UNLIMITED) {
            // Thrown away unless it is over the budget: see "Budget" in the class comment.
            List<MessageBlock> repeatingAll = markdown.forLimit(maxLength, true).list();
            new PartCutter(message, codePoints, repeatingAll, markdown::partStart, maxLength, budget).split();
        }
        return parts;
    }

    /** The most parts, and code points in all of them, that one message may become. */
    record Budget(int maxParts, long maxCodePoints) {
        static final Budget UNLIMITED = new Budget(Integer.MAX_VALUE, Long.MAX_VALUE);

        /** Throws once {@code parts} parts holding {@code codePoints} are past the budget. */
        void check(int parts, long codePoints) {
            if (parts > maxParts) {
                throw HooklineException.badRequest(
                        MESSAGE_TOO_LONG,
                        "The message would be split into more than " + maxParts
                                + " posts (ServiceSettings.MaxPostsPerRequest); send a shorter message.");
            }
            if (codePoints > maxCodePoints) {
                throw HooklineException.badRequest(
                        MESSAGE_TOO_LONG,
                        "Split into posts, the message would be more"
                                + " than " + MAX_GROWTH
                                + " times as long (repeated table headers or code fences); send a"
                                + " shorter message.");
            }
        }
    }

    /**
     * One part: {@code repeated} is what the splitter puts first (a reopened fence line or a table's
     * header and delimiter rows, each with its line break), {@code body} a slice of the original message,
     * {@code closing} what the splitter puts last (a line break and a closing fence marker).
     */
    record Part(String repeated, String body, String closing) {
        String text() {
            return repeated + body + closing;
        }
    }
}
