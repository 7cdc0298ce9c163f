package io.hookline.ejb.post;

import io.hookline.ejb.post.CutOptions.Cut;
import io.hookline.ejb.post.CutOptions.Grade;
import io.hookline.ejb.post.PostSplitter.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Cuts one message into parts for one limit, following the rules of {@link PostSplitter}'s class comment. */
final class PartCutter {
    private final String text;
    private final int max;
    private final CodePoints codePoints;
    private final List<MessageBlock> blocks;
    private final PostSplitter.Budget budget;
    /** Index just after the last non-whitespace character: trailing whitespace is never emitted. */
    private final int visibleEnd;
    /** Index of the first block that does not end before the current part starts. */
    private int firstBlockNotBehind;

    private final HardCuts hardCuts;
    /** Moves the start of a part past indentation that would change what its first line is. */
    private final IntUnaryOperator partStart;

    PartCutter(
            String text,
            CodePoints codePoints,
            List<MessageBlock> blocks,
            IntUnaryOperator partStart,
            int max,
            PostSplitter.Budget budget) {
        this.text = text;
        this.partStart = partStart;
        this.max = max;
        this.budget = budget;
        this.codePoints = codePoints;
        this.blocks = blocks;
        this.hardCuts = new HardCuts(text);
        this.visibleEnd = trimTrailingWhitespace(0, text.length());
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
            start = partStart.applyAsInt(skipBlankLines(cut.resume()));
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
        MessageBlock around = new BlockLookup().around(start);
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
            } else if (HardCuts.isSpaceOrTab(ch)) {
                int runEnd = hardCuts.endOfSpaceRun(i);
                if (separatesWords(i, runEnd) && firstVisible >= 0 && !hardCuts.wouldStartWithFence(runEnd)) {
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

    private void offerLineBreak(CutOptions options, BlockLookup lookup, int start, int repeatedLength, int newline) {
        MessageBlock block = lookup.around(newline);
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

    private void offerSpace(
            CutOptions options, BlockLookup lookup, int start, int repeatedLength, int runStart, int runEnd) {
        MessageBlock block = lookup.around(runStart);
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
        int end = hardCuts.safe(firstVisible, furthest);
        MessageBlock block = new BlockLookup().around(end);
        if (block == null) {
            return end > firstVisible && !hardCuts.wouldStartWithFence(end) ? new Cut(end, end, "", "") : null;
        }
        if (block.closingLength > 0) {
            // The closing fence line takes room, so the cut moves back; it must still be in the block.
            end = codePoints.indexAfter(start, budget - block.closingLength);
        }
        end = hardCuts.safe(firstVisible, block.lastCutWithinLineAtOrBefore(end));
        if (!block.contains(end)
                || !block.allowsCutWithinLine(end)
                || end <= firstVisible
                || hardCuts.wouldStartWithFence(end)) {
            return null;
        }
        return new Cut(end, end, block.closing, block.repeatAfterCutWithinLine);
    }

    /**
     * Nothing acceptable fits (only possible with very small limits or unusual fences): cut at the
     * limit anyway, still closing a code block if there is room for that.
     */
    private Cut forcedCut(int start, int budget, int firstVisible, int furthest) {
        int end = hardCuts.safe(firstVisible, furthest);
        MessageBlock block = new BlockLookup().around(end);
        if (block != null && block.closingLength > 0 && block.closingLength < budget) {
            int inner = hardCuts.safe(firstVisible, codePoints.indexAfter(start, budget - block.closingLength));
            if (inner > firstVisible && block.contains(inner)) {
                return new Cut(inner, inner, block.closing, block.repeatAfterCutWithinLine);
            }
        }
        return new Cut(end, end, "", "");
    }

    private static int closingLength(MessageBlock block) {
        return block == null ? 0 : block.closingLength;
    }

    /**
     * Spaces at the start or end of a line are not word separators: the line break covers them. (A
     * space before a fence marker is no cut either, see {@link HardCuts#wouldStartWithFence}.)
     */
    private boolean separatesWords(int runStart, int runEnd) {
        return runStart > 0
                && !Character.isWhitespace(text.charAt(runStart - 1))
                && runEnd < text.length()
                && !Character.isWhitespace(text.charAt(runEnd));
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

        MessageBlock around(int position) {
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
