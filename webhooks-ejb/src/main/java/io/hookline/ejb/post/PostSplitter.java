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
 * code block that is not in the message.
 *
 * <h2>Blocks</h2>
 * <ul>
 * <li>A fenced code block opens with three or more backticks or tildes (at most three spaces of
 * indentation, optional info string such as {@code java}) and closes with at least as many of the same
 * character; an unclosed fence runs to the end of the message. A table is a row containing a pipe,
 * then a delimiter row ({@code |---|:--:|}) with the same number of cells, then the following
 * non-blank rows that contain a pipe. Tables are not looked for inside code blocks.</li>
 * <li>A block that fits in one post is never cut inside: the splitter cuts before it.</li>
 * <li>A block longer than the limit has to be cut anyway, so its inner line breaks are candidates too
 * (graded below plain ones): a short introduction line stays with the beginning of its code rather than
 * becoming a post of its own. A code block cut inside is closed at the end of the part (its marker on a
 * line of its own) and reopened at the start of the next part with its original opening line, info
 * string included. A table cut between rows gets its header and delimiter rows
 * repeated at the start of the next part. Both count toward the limit. A table row cut in the middle
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
 * Linear in the message: one pass finds the blocks, each part scans only the span that could fit in it,
 * and a code point index makes every length a subtraction.
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

    private PostSplitter() {
    }

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
        return texts(splitIntoParts(message, maxLength, new Budget(maxParts,
                (long) MAX_GROWTH * message.codePointCount(0, message.length()))));
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
        Splitter splitter = new Splitter(message, maxLength, budget, false);
        List<Part> parts = splitter.split();
        if (splitter.leftRepeatsOut() && budget != Budget.UNLIMITED) {
            // Thrown away unless it is over the budget: see "Budget" in the class comment.
            new Splitter(message, maxLength, budget, true).split();
        }
        return parts;
    }

    /** The most parts, and code points in all of them, that one message may become. */
    record Budget(int maxParts, long maxCodePoints) {
        static final Budget UNLIMITED = new Budget(Integer.MAX_VALUE, Long.MAX_VALUE);

        /** Throws once {@code parts} parts holding {@code codePoints} are past the budget. */
        void check(int parts, long codePoints) {
            if (parts > maxParts) {
                throw HooklineException.badRequest(MESSAGE_TOO_LONG, "The message would be split into more than "
                        + maxParts + " posts (ServiceSettings.MaxPostsPerRequest); send a shorter message.");
            }
            if (codePoints > maxCodePoints) {
                throw HooklineException.badRequest(MESSAGE_TOO_LONG, "Split into posts, the message would be more"
                        + " than " + MAX_GROWTH + " times as long (repeated table headers or code fences); send a"
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

    /** How good a line break is as a cut; declared best first. */
    private enum Grade {
        PLAIN,
        INSIDE_OVERSIZED_BLOCK,
        AFTER_TABLE_DELIMITER
    }

    /**
     * A chosen cut: the part ends at {@code end} (exclusive, before trailing whitespace is trimmed), the
     * next part starts at {@code resume} once blank lines are skipped.
     */
    private record Cut(int end, int resume, String closing, String repeatInNext) {
    }

    private static final class Splitter {
        private final String text;
        private final int max;
        private final CodePoints codePoints;
        private final List<Block> blocks;
        private final Budget budget;
        /** Index just after the last non-whitespace character: trailing whitespace is never emitted. */
        private final int visibleEnd;
        /** Index of the first block that does not end before the current part starts. */
        private int firstBlockNotBehind;

        private final BlockFinder blockFinder;

        /** {@code repeatEveryBlock}: ignore {@link #MAX_REPEAT_SHARE} (the budget's second split). */
        Splitter(String text, int max, Budget budget, boolean repeatEveryBlock) {
            this.text = text;
            this.max = max;
            this.budget = budget;
            this.codePoints = new CodePoints(text);
            this.blockFinder = new BlockFinder(text, codePoints, max, repeatEveryBlock);
            this.blocks = blockFinder.find();
            this.visibleEnd = trimTrailingWhitespace(0, text.length());
        }

        /** Whether a block was found whose header or fence is not repeated because of its length. */
        boolean leftRepeatsOut() {
            return blockFinder.leftRepeatsOut;
        }

        List<Part> split() {
            List<Part> parts = new ArrayList<>();
            String repeated = "";
            long emitted = 0;
            int start = skipBlankLines(0);
            while (start < visibleEnd) {
                int repeatedLength = CodePoints.length(repeated);
                int budget = max - repeatedLength;
                skipBlocksEndingBefore(start);
                start = dropIndentationThatLeavesNoRoom(start, budget);
                if (codePoints.between(start, visibleEnd) <= budget) {
                    emitted += repeatedLength + codePoints.between(start, visibleEnd);
                    this.budget.check(parts.size() + 1, emitted);
                    parts.add(new Part(repeated, text.substring(start, visibleEnd), ""));
                    break;
                }
                Cut cut = chooseCut(start, repeatedLength);
                int bodyEnd = trimTrailingWhitespace(start, cut.end());
                emitted += repeatedLength + codePoints.between(start, bodyEnd) + CodePoints.length(cut.closing());
                this.budget.check(parts.size() + 1, emitted);
                String body = text.substring(start, bodyEnd);
                parts.add(new Part(repeated, body, cut.closing()));
                repeated = cut.repeatInNext();
                start = skipBlankLines(cut.resume());
            }
            if (parts.isEmpty()) {
                // Only whitespace, too long to pass unchanged: nothing visible is lost by sending nothing.
                parts.add(new Part("", "", ""));
            }
            return parts;
        }

        private void skipBlocksEndingBefore(int start) {
            while (firstBlockNotBehind < blocks.size() && blocks.get(firstBlockNotBehind).end <= start) {
                firstBlockNotBehind++;
            }
        }

        /**
         * With tiny limits a line's indentation alone can fill the part, which would make it
         * whitespace-only; then the indentation is dropped like whitespace at a cut.
         */
        private int dropIndentationThatLeavesNoRoom(int start, int budget) {
            int visible = start;
            // skipBlankLines left a visible character on this line, so this stops on the same line.
            while (visible < text.length() && Character.isWhitespace(text.charAt(visible))) {
                visible++;
            }
            if (visible == start) {
                return start;
            }
            Block around = new BlockLookup().around(start);
            int closingLength = around == null ? 0 : around.closingLength;
            boolean room = codePoints.between(start, visible) + 1 + closingLength <= budget;
            return room ? start : visible;
        }

        private Cut chooseCut(int start, int repeatedLength) {
            int budget = max - repeatedLength;
            int furthest = codePoints.indexAfter(start, budget);
            CutOptions options = new CutOptions();
            BlockLookup lookup = new BlockLookup();
            int firstVisible = -1;
            int i = start;
            // A line break or space run starting exactly at `furthest` still fits: it is dropped at the cut.
            while (i <= furthest && i < text.length()) {
                char ch = text.charAt(i);
                if (ch == '\n') {
                    if (firstVisible >= 0) {
                        offerLineBreak(options, lookup, start, repeatedLength, i);
                    }
                    i++;
                } else if (isSpaceOrTab(ch)) {
                    int runEnd = endOfSpaceRun(i);
                    if (separatesWords(i, runEnd) && firstVisible >= 0 && !wouldStartWithFence(runEnd)) {
                        offerSpace(options, lookup, start, repeatedLength, i, runEnd);
                    }
                    i = runEnd;
                } else {
                    if (firstVisible < 0 && i < furthest && !Character.isWhitespace(ch)) {
                        firstVisible = i;
                    }
                    i++;
                }
            }
            Cut cut = options.bestInWindow();
            if (cut == null && firstVisible >= 0) {
                cut = hardCut(start, budget, firstVisible, furthest);
            }
            if (cut == null) {
                cut = options.bestAnywhere();
            }
            if (cut == null) {
                cut = forcedCut(start, budget, Math.max(start, firstVisible), furthest);
            }
            return cut;
        }

        private void offerLineBreak(CutOptions options, BlockLookup lookup, int start, int repeatedLength,
                int newline) {
            Block block = lookup.around(newline);
            Grade grade = block == null ? Grade.PLAIN : block.lineBreakGrade(newline);
            if (grade == null) {
                return;
            }
            int length = repeatedLength + codePoints.between(start, newline) + closingLength(block);
            if (length <= max) {
                Cut cut = block == null
                        ? new Cut(newline, newline, "", "")
                        : new Cut(newline, newline, block.closing, block.repeatAfterLineBreak);
                options.offerLineBreak(grade, isInWindow(length), cut);
            }
        }

        private void offerSpace(CutOptions options, BlockLookup lookup, int start, int repeatedLength,
                int runStart, int runEnd) {
            Block block = lookup.around(runStart);
            if (block != null && !block.allowsCutWithinLine(runStart)) {
                return;
            }
            int length = repeatedLength + codePoints.between(start, runStart) + closingLength(block);
            if (length <= max) {
                Cut cut = block == null
                        ? new Cut(runStart, runEnd, "", "")
                        : new Cut(runStart, runEnd, block.closing, block.repeatAfterCutWithinLine);
                options.offerSpace(isInWindow(length), cut);
            }
        }

        /** The window is the second half of the allowed length: cuts there waste at most half a post. */
        private boolean isInWindow(int partLength) {
            return partLength >= max / 2;
        }

        /**
         * A cut at the limit, stepped back to a character boundary; null when it would land where a cut is
         * not allowed (inside a block that fits, on a fence line, in a table's header or delimiter row).
         */
        private Cut hardCut(int start, int budget, int firstVisible, int furthest) {
            int end = safeHardCut(firstVisible, furthest);
            Block block = new BlockLookup().around(end);
            if (block == null) {
                return end > firstVisible && !wouldStartWithFence(end) ? new Cut(end, end, "", "") : null;
            }
            if (block.closingLength > 0) {
                // The closing fence line takes room, so the cut moves back; it must still be in the block.
                end = codePoints.indexAfter(start, budget - block.closingLength);
            }
            end = safeHardCut(firstVisible, block.lastCutWithinLineAtOrBefore(end));
            if (!block.contains(end) || !block.allowsCutWithinLine(end) || end <= firstVisible
                    || wouldStartWithFence(end)) {
                return null;
            }
            return new Cut(end, end, block.closing, block.repeatAfterCutWithinLine);
        }

        /**
         * Nothing acceptable fits (only possible with very small limits or unusual fences): cut at the
         * limit anyway, still closing a code block if there is room for that.
         */
        private Cut forcedCut(int start, int budget, int firstVisible, int furthest) {
            int end = safeHardCut(firstVisible, furthest);
            Block block = new BlockLookup().around(end);
            if (block != null && block.closingLength > 0 && block.closingLength < budget) {
                int inner = safeHardCut(firstVisible, codePoints.indexAfter(start, budget - block.closingLength));
                if (inner > firstVisible && block.contains(inner)) {
                    return new Cut(inner, inner, block.closing, block.repeatAfterCutWithinLine);
                }
            }
            return new Cut(end, end, "", "");
        }

        private static int closingLength(Block block) {
            return block == null ? 0 : block.closingLength;
        }

        /**
         * Moves a hard cut back to where it keeps clusters together and does not put a fence marker at the
         * start of the next part; positions at or before {@code lowerBound} are not used.
         */
        private int safeHardCut(int lowerBound, int cut) {
            return keepClustersTogether(lowerBound, avoidStartingWithFence(lowerBound, cut));
        }

        /**
         * Steps a hard cut back before the word ahead of a fence marker ({@code z ~~~} moves to the next
         * part whole), so that the marker stays in the middle of a line. Gives the cut back unchanged
         * when there is no such place.
         */
        private int avoidStartingWithFence(int lowerBound, int cut) {
            int candidate = cut;
            while (candidate > lowerBound && wouldStartWithFence(candidate)) {
                while (candidate > lowerBound && isSpaceOrTab(text.charAt(candidate - 1))) {
                    candidate--;
                }
                if (candidate > lowerBound) {
                    candidate = text.offsetByCodePoints(candidate, -1);
                }
            }
            return candidate > lowerBound ? candidate : cut;
        }

        /**
         * Steps a hard cut back while it would separate a character from what extends it. Never goes to
         * or before {@code lowerBound}: a cluster longer than the room left is split at a code point.
         */
        private int keepClustersTogether(int lowerBound, int cut) {
            int candidate = cut;
            while (candidate > lowerBound && candidate < text.length() && splitsCluster(candidate, lowerBound)) {
                candidate = text.offsetByCodePoints(candidate, -1);
            }
            return candidate > lowerBound ? candidate : cut;
        }

        private boolean splitsCluster(int index, int lowerBound) {
            int next = text.codePointAt(index);
            int previous = text.codePointBefore(index);
            if (Unicode.extendsPrevious(next) || previous == Unicode.ZERO_WIDTH_JOINER) {
                return true;
            }
            return Unicode.isRegionalIndicator(previous) && Unicode.isRegionalIndicator(next)
                    && oddRegionalIndicatorsBefore(index, lowerBound);
        }

        /** Flags are pairs of regional indicators: a cut after an odd number of them splits a flag. */
        private boolean oddRegionalIndicatorsBefore(int index, int lowerBound) {
            int count = 0;
            int i = index;
            while (i > lowerBound && Unicode.isRegionalIndicator(text.codePointBefore(i))) {
                count++;
                i = text.offsetByCodePoints(i, -1);
            }
            return count % 2 == 1;
        }

        /**
         * Spaces at the start or end of a line are not word separators: the line break covers them. (A
         * space before a fence marker is no cut either, see {@link #wouldStartWithFence}.)
         */
        private boolean separatesWords(int runStart, int runEnd) {
            return runStart > 0 && !Character.isWhitespace(text.charAt(runStart - 1))
                    && runEnd < text.length() && !Character.isWhitespace(text.charAt(runEnd));
        }

        /**
         * Whether a part starting at {@code position} (in the middle of a line) would begin with a fence
         * opening: the marker would open a code block that is not in the message. Spaces before it do not
         * help, an indented marker still opens a fence.
         */
        private boolean wouldStartWithFence(int position) {
            return opensFence(text, endOfSpaceRun(position));
        }

        private int endOfSpaceRun(int from) {
            int i = from;
            while (i < text.length() && isSpaceOrTab(text.charAt(i))) {
                i++;
            }
            return i;
        }

        /**
         * From {@code from}, skips whitespace up to the next visible character. Whole blank lines go, and
         * so does the rest of a line that holds only whitespace; the indentation of the line with the
         * visible character stays (it matters in code and lists). Returns the text length when nothing
         * visible is left.
         */
        private int skipBlankLines(int from) {
            int keepFrom = from;
            for (int i = from; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '\n') {
                    keepFrom = i + 1;
                } else if (!Character.isWhitespace(ch)) {
                    return keepFrom;
                }
            }
            return text.length();
        }

        private int trimTrailingWhitespace(int start, int end) {
            int trimmed = end;
            while (trimmed > start && Character.isWhitespace(text.charAt(trimmed - 1))) {
                trimmed--;
            }
            return trimmed;
        }

        /**
         * Finds the block around a position. Positions asked must not decrease, so that each part walks the
         * block list once from the first block that is not behind it.
         */
        private final class BlockLookup {
            private int index = firstBlockNotBehind;

            Block around(int position) {
                while (index < blocks.size() && blocks.get(index).end <= position) {
                    index++;
                }
                if (index < blocks.size() && blocks.get(index).contains(position)) {
                    return blocks.get(index);
                }
                return null;
            }
        }
    }

    /** The best candidates seen while scanning one part; later candidates replace earlier ones. */
    private static final class CutOptions {
        private final Cut[] lineBreakInWindow = new Cut[Grade.values().length];
        private final Cut[] lineBreakAnywhere = new Cut[Grade.values().length];
        private Cut spaceInWindow;
        private Cut spaceAnywhere;

        void offerLineBreak(Grade grade, boolean inWindow, Cut cut) {
            lineBreakAnywhere[grade.ordinal()] = cut;
            if (inWindow) {
                lineBreakInWindow[grade.ordinal()] = cut;
            }
        }

        void offerSpace(boolean inWindow, Cut cut) {
            spaceAnywhere = cut;
            if (inWindow) {
                spaceInWindow = cut;
            }
        }

        Cut bestInWindow() {
            Cut lineBreak = bestOf(lineBreakInWindow);
            return lineBreak != null ? lineBreak : spaceInWindow;
        }

        Cut bestAnywhere() {
            Cut lineBreak = bestOf(lineBreakAnywhere);
            return lineBreak != null ? lineBreak : spaceAnywhere;
        }

        private static Cut bestOf(Cut[] byGrade) {
            for (Cut cut : byGrade) {
                if (cut != null) {
                    return cut;
                }
            }
            return null;
        }
    }

    /**
     * A fenced code block or a table. Spans from the start of its first line ({@code start}) to the end
     * of its last line ({@code end}, the index of the line break after it or the text length); a cut
     * position is inside when strictly between the two.
     */
    private abstract static class Block {
        final int start;
        final int end;
        final boolean fitsAlone;
        final String closing;
        final int closingLength;
        final String repeatAfterLineBreak;
        final String repeatAfterCutWithinLine;

        Block(int start, int end, boolean fitsAlone, String closing, String repeatAfterLineBreak,
                String repeatAfterCutWithinLine) {
            this.start = start;
            this.end = end;
            this.fitsAlone = fitsAlone;
            this.closing = closing;
            this.closingLength = CodePoints.length(closing);
            this.repeatAfterLineBreak = repeatAfterLineBreak;
            this.repeatAfterCutWithinLine = repeatAfterCutWithinLine;
        }

        final boolean contains(int position) {
            return start < position && position < end;
        }

        /** Grade of the line break at {@code newline} (inside this block), or null when it must not be cut. */
        final Grade lineBreakGrade(int newline) {
            return fitsAlone ? null : lineBreakGradeWhenOversized(newline);
        }

        /** Whether a space or hard cut at {@code position} (inside this block) is allowed. */
        final boolean allowsCutWithinLine(int position) {
            return !fitsAlone && allowsCutWithinLineWhenOversized(position);
        }

        /**
         * The furthest position at or before {@code position} where a cut within a line could be allowed;
         * moving back there can turn a refused hard cut into an allowed one.
         */
        int lastCutWithinLineAtOrBefore(int position) {
            return position;
        }

        abstract Grade lineBreakGradeWhenOversized(int newline);

        abstract boolean allowsCutWithinLineWhenOversized(int position);
    }

    private static final class Fence extends Block {
        /** Index of the first visible character of the content; -1 when the content is blank. */
        private final int firstVisible;
        /** Index just after the last visible character of the content; -1 when the content is blank. */
        private final int visibleEnd;
        /** Index of the last visible code point of the content; -1 when the content is blank. */
        private final int lastVisible;

        /** Without {@code repairs}, a part cut inside is neither closed nor reopened (see MAX_REPEAT_SHARE). */
        Fence(int start, int end, boolean fitsAlone, boolean repairs, String openingLine, String closingMarker,
                int firstVisible, int visibleEnd, int lastVisible) {
            super(start, end, fitsAlone, repairs ? "\n" + closingMarker : "", repairs ? openingLine + "\n" : "",
                    repairs ? openingLine + "\n" : "");
            this.firstVisible = firstVisible;
            this.visibleEnd = visibleEnd;
            this.lastVisible = lastVisible;
        }

        @Override
        int lastCutWithinLineAtOrBefore(int position) {
            // Cutting after the last visible code point would leave the next part an empty code block.
            return lastVisible >= 0 ? Math.min(position, lastVisible) : position;
        }

        @Override
        Grade lineBreakGradeWhenOversized(int newline) {
            return hasContentOnBothSides(newline) ? Grade.INSIDE_OVERSIZED_BLOCK : null;
        }

        @Override
        boolean allowsCutWithinLineWhenOversized(int position) {
            return hasContentOnBothSides(position);
        }

        /** Keeps the opening line and the closing line away from empty code blocks on either side. */
        private boolean hasContentOnBothSides(int position) {
            return firstVisible >= 0 && position > firstVisible && position < visibleEnd;
        }
    }

    private static final class Table extends Block {
        private final int headerEnd;
        private final int delimiterEnd;

        Table(int start, int end, boolean fitsAlone, String headerAndDelimiter, int headerEnd, int delimiterEnd) {
            super(start, end, fitsAlone, "", headerAndDelimiter, "");
            this.headerEnd = headerEnd;
            this.delimiterEnd = delimiterEnd;
        }

        @Override
        Grade lineBreakGradeWhenOversized(int newline) {
            if (newline == headerEnd) {
                return null;
            }
            return newline == delimiterEnd ? Grade.AFTER_TABLE_DELIMITER : Grade.INSIDE_OVERSIZED_BLOCK;
        }

        @Override
        boolean allowsCutWithinLineWhenOversized(int position) {
            // Only inside a body row too long for a post; the header and delimiter rows stay whole.
            return position > delimiterEnd;
        }
    }

    /** One pass over the lines of the message, finding code blocks and tables. */
    private static final class BlockFinder {
        private final String text;
        private final CodePoints codePoints;
        private final int max;
        private final List<Block> blocks = new ArrayList<>();

        private final boolean repeatEveryBlock;
        private boolean leftRepeatsOut;

        BlockFinder(String text, CodePoints codePoints, int max, boolean repeatEveryBlock) {
            this.repeatEveryBlock = repeatEveryBlock;
            this.text = text;
            this.codePoints = codePoints;
            this.max = max;
        }

        List<Block> find() {
            int lineStart = 0;
            while (lineStart < text.length()) {
                int lineEnd = lineEnd(lineStart);
                if (isFenceOpening(lineStart, lineEnd)) {
                    lineEnd = readFence(lineStart, lineEnd);
                } else if (startsTable(lineStart, lineEnd)) {
                    lineEnd = readTable(lineStart, lineEnd);
                }
                lineStart = lineEnd + 1;
            }
            return blocks;
        }

        /** Reads a fence from its opening line; returns the end of its last line. */
        private int readFence(int openingStart, int openingEnd) {
            int markerStart = skipIndentation(openingStart, openingEnd);
            char markerChar = text.charAt(markerStart);
            int markerLength = runLength(markerStart, openingEnd, markerChar);
            int firstVisible = -1;
            int visibleEnd = -1;
            int lastLineEnd = openingEnd;
            int lineStart = openingEnd + 1;
            while (lineStart < text.length()) {
                int lineEnd = lineEnd(lineStart);
                lastLineEnd = lineEnd;
                if (isFenceClosing(lineStart, lineEnd, markerChar, markerLength)) {
                    break;
                }
                int visible = skipWhitespace(lineStart, lineEnd);
                if (visible < lineEnd) {
                    if (firstVisible < 0) {
                        firstVisible = visible;
                    }
                    visibleEnd = trimEnd(lineStart, lineEnd);
                }
                lineStart = lineEnd + 1;
            }
            String openingLine = text.substring(openingStart, trimEnd(openingStart, openingEnd));
            String closingMarker = String.valueOf(markerChar).repeat(markerLength);
            // Reopening line + line break + closing (line break + marker), then one code point of content.
            int added = CodePoints.length(openingLine) + 1 + 1 + markerLength;
            if (added + 1 <= max) {
                boolean fitsAlone = codePoints.between(openingStart, lastLineEnd) <= max;
                int lastVisible = visibleEnd < 0 ? -1 : text.offsetByCodePoints(visibleEnd, -1);
                blocks.add(new Fence(openingStart, lastLineEnd, fitsAlone, isSmallRepeat(added), openingLine,
                        closingMarker, firstVisible, visibleEnd, lastVisible));
            }
            return lastLineEnd;
        }

        /** Reads a table from its header row; returns the end of its last row. */
        private int readTable(int headerStart, int headerEnd) {
            int delimiterStart = headerEnd + 1;
            int delimiterEnd = lineEnd(delimiterStart);
            int lastLineEnd = delimiterEnd;
            int rowStart = delimiterEnd + 1;
            while (rowStart < text.length()) {
                int rowEnd = lineEnd(rowStart);
                if (isBlank(rowStart, rowEnd) || !containsPipe(rowStart, rowEnd)
                        || isFenceOpening(rowStart, rowEnd)) {
                    break;
                }
                lastLineEnd = rowEnd;
                rowStart = rowEnd + 1;
            }
            String headerAndDelimiter = text.substring(headerStart, trimEnd(headerStart, headerEnd)) + "\n"
                    + text.substring(delimiterStart, trimEnd(delimiterStart, delimiterEnd)) + "\n";
            int added = CodePoints.length(headerAndDelimiter);
            if (added + 1 <= max) {
                boolean fitsAlone = codePoints.between(headerStart, lastLineEnd) <= max;
                blocks.add(new Table(headerStart, lastLineEnd, fitsAlone,
                        isSmallRepeat(added) ? headerAndDelimiter : "", headerEnd, delimiterEnd));
            }
            return lastLineEnd;
        }

        /** Whether a repair adding {@code added} code points to a part is at most a tenth of the limit. */
        private boolean isSmallRepeat(int added) {
            if (repeatEveryBlock || (long) added * MAX_REPEAT_SHARE <= max) {
                return true;
            }
            leftRepeatsOut = true;
            return false;
        }

        private boolean startsTable(int lineStart, int lineEnd) {
            if (lineEnd >= text.length() || !containsPipe(lineStart, lineEnd)) {
                return false;
            }
            int delimiterStart = lineEnd + 1;
            int delimiterCells = delimiterRowCells(delimiterStart, lineEnd(delimiterStart));
            return delimiterCells > 0 && delimiterCells == headerCells(lineStart, lineEnd);
        }

        /** Cells of a delimiter row such as {@code | --- | :-: |}, or -1 when the line is not one. */
        private int delimiterRowCells(int lineStart, int lineEnd) {
            int end = trimEnd(lineStart, lineEnd);
            int i = skipWhitespace(lineStart, end);
            boolean sawPipe = false;
            int cells = 0;
            if (i < end && text.charAt(i) == '|') {
                sawPipe = true;
                i++;
            }
            while (true) {
                i = skipWhitespace(i, end);
                if (i >= end) {
                    break;
                }
                if (text.charAt(i) == ':') {
                    i++;
                }
                int dashes = runLength(i, end, '-');
                if (dashes == 0) {
                    return -1;
                }
                i += dashes;
                if (i < end && text.charAt(i) == ':') {
                    i++;
                }
                i = skipWhitespace(i, end);
                cells++;
                if (i >= end) {
                    break;
                }
                if (text.charAt(i) != '|') {
                    return -1;
                }
                sawPipe = true;
                i++;
            }
            return sawPipe ? cells : -1;
        }

        /** Cells of a header row: unescaped pipes separate them; a leading or trailing pipe only frames. */
        private int headerCells(int lineStart, int lineEnd) {
            int end = trimEnd(lineStart, lineEnd);
            int begin = skipWhitespace(lineStart, end);
            int pipes = 0;
            for (int i = begin; i < end; i++) {
                char ch = text.charAt(i);
                if (ch == '\\') {
                    i++;
                } else if (ch == '|') {
                    pipes++;
                }
            }
            int cells = pipes + 1;
            if (begin < end && text.charAt(begin) == '|') {
                cells--;
            }
            if (end - 1 > begin && text.charAt(end - 1) == '|' && text.charAt(end - 2) != '\\') {
                cells--;
            }
            return cells;
        }

        private boolean isFenceOpening(int lineStart, int lineEnd) {
            int markerStart = skipIndentation(lineStart, lineEnd);
            return markerStart >= 0 && opensFence(text, markerStart);
        }

        private boolean isFenceClosing(int lineStart, int lineEnd, char markerChar, int openingLength) {
            int markerStart = skipIndentation(lineStart, lineEnd);
            if (markerStart < 0) {
                return false;
            }
            int markerLength = runLength(markerStart, lineEnd, markerChar);
            return markerLength >= openingLength && isBlank(markerStart + markerLength, lineEnd);
        }

        /** Index after at most three spaces of indentation, or -1 when the line is indented more. */
        private int skipIndentation(int lineStart, int lineEnd) {
            int i = lineStart;
            while (i < lineEnd && text.charAt(i) == ' ') {
                i++;
            }
            return i - lineStart <= 3 ? i : -1;
        }

        private int runLength(int from, int end, char ch) {
            int i = from;
            while (i < end && text.charAt(i) == ch) {
                i++;
            }
            return i - from;
        }

        private int indexOf(char ch, int from, int end) {
            for (int i = from; i < end; i++) {
                if (text.charAt(i) == ch) {
                    return i;
                }
            }
            return -1;
        }

        private boolean containsPipe(int lineStart, int lineEnd) {
            return indexOf('|', lineStart, lineEnd) >= 0;
        }

        private boolean isBlank(int from, int end) {
            return skipWhitespace(from, end) >= end;
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

        /** Index of the line break ending the line that starts at {@code lineStart}, or the text length. */
        private int lineEnd(int lineStart) {
            int newline = text.indexOf('\n', lineStart);
            return newline < 0 ? text.length() : newline;
        }
    }

    /** Code point offsets of every char index, so that any length is one subtraction. */
    private static final class CodePoints {
        /** before[i]: code points that start before char index i. */
        private final int[] before;

        CodePoints(String text) {
            before = new int[text.length() + 1];
            int count = 0;
            int i = 0;
            while (i < text.length()) {
                int charCount = Character.charCount(text.codePointAt(i));
                before[i] = count;
                count++;
                if (charCount == 2) {
                    before[i + 1] = count;
                }
                i += charCount;
            }
            before[text.length()] = count;
        }

        static int length(String s) {
            return s.codePointCount(0, s.length());
        }

        /** Code points between two char indexes that are code point boundaries. */
        int between(int from, int to) {
            return before[to] - before[from];
        }

        /**
         * The furthest code point boundary at most {@code count} code points after {@code from}. The
         * largest index whose prefix count is within reach is always a boundary: the index inside a
         * surrogate pair shares its count with the boundary after the pair.
         */
        int indexAfter(int from, int count) {
            long target = (long) before[from] + count;
            int low = from;
            int high = before.length - 1;
            while (low < high) {
                int middle = (low + high + 1) >>> 1;
                if (before[middle] <= target) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            return low;
        }
    }

    /** The few Unicode facts a hard cut needs to avoid tearing what is shown as one character apart. */
    private static final class Unicode {
        static final int ZERO_WIDTH_JOINER = 0x200D;

        private Unicode() {
        }

        /** Code points that belong to the character before them. */
        static boolean extendsPrevious(int codePoint) {
            if (codePoint == ZERO_WIDTH_JOINER
                    || (codePoint >= 0xFE00 && codePoint <= 0xFE0F) // variation selectors, U+FE0F emoji style
                    || (codePoint >= 0xE0100 && codePoint <= 0xE01EF) // variation selectors supplement
                    || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF) // emoji skin tones
                    || (codePoint >= 0xE0020 && codePoint <= 0xE007F)) { // tags of subdivision flags
                return true;
            }
            int type = Character.getType(codePoint);
            return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
        }

        static boolean isRegionalIndicator(int codePoint) {
            return codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;
        }
    }

    /**
     * Whether the text from {@code markerStart} to the end of its line is a fence opening (indentation
     * aside): three or more backticks or tildes; after backticks, an info string without backticks
     * (otherwise it is inline code).
     */
    private static boolean opensFence(String text, int markerStart) {
        if (markerStart >= text.length()) {
            return false;
        }
        char markerChar = text.charAt(markerStart);
        if (markerChar != '`' && markerChar != '~') {
            return false;
        }
        int i = markerStart;
        while (i < text.length() && text.charAt(i) == markerChar) {
            i++;
        }
        if (i - markerStart < 3) {
            return false;
        }
        if (markerChar == '~') {
            return true;
        }
        for (; i < text.length() && text.charAt(i) != '\n'; i++) {
            if (text.charAt(i) == '`') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpaceOrTab(char ch) {
        return ch == ' ' || ch == '\t';
    }
}
