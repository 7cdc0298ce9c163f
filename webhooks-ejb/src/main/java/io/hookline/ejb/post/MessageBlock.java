package io.hookline.ejb.post;

import io.hookline.ejb.post.CutOptions.Grade;

/**
 * A fenced code block, a table or a setext heading of the message, with the splitter's rules for cutting
 * it. Spans from the
 * start of its first line ({@code start}) to the end of its last line ({@code end}, the index of the line
 * break after it or the text length); a cut position is inside when strictly between the two.
 */
abstract sealed class MessageBlock permits MessageBlock.Fence, MessageBlock.Table, MessageBlock.SetextHeading {
    final int start;
    final int end;
    final boolean fitsAlone;
    /** What a part cut inside gets at its end (a line break and a closing fence line), or "". */
    final String closing;

    final int closingLength;
    final String repeatAfterLineBreak;
    final String repeatAfterCutWithinLine;

    private MessageBlock(
            int start,
            int end,
            boolean fitsAlone,
            String closing,
            String repeatAfterLineBreak,
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
     * The furthest position at or before {@code position} where a cut within a line could be allowed; moving
     * back there can turn a refused hard cut into an allowed one.
     */
    int lastCutWithinLineAtOrBefore(int position) {
        return position;
    }

    abstract Grade lineBreakGradeWhenOversized(int newline);

    abstract boolean allowsCutWithinLineWhenOversized(int position);

    static final class Fence extends MessageBlock {
        /** Index of the first visible character of the content; -1 when the content is blank. */
        private final int firstVisible;
        /** Index just after the last visible character of the content; -1 when the content is blank. */
        private final int visibleEnd;
        /** Index of the last visible code point of the content; -1 when the content is blank. */
        private final int lastVisible;

        /**
         * {@code reopening} (the opening line and its line break) starts the part after a cut inside,
         * {@code closing} ends the part before it; without {@code repairs} neither is added.
         */
        Fence(
                int start,
                int end,
                boolean fitsAlone,
                boolean repairs,
                String reopening,
                String closing,
                int firstVisible,
                int visibleEnd,
                int lastVisible) {
            super(start, end, fitsAlone, repairs ? closing : "", repairs ? reopening : "", repairs ? reopening : "");
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

    static final class Table extends MessageBlock {
        private final int headerEnd;
        private final int delimiterEnd;

        /** {@code repeated}: the header and delimiter rows with their line breaks, or "" when not repeated. */
        Table(int start, int end, boolean fitsAlone, String repeated, int headerEnd, int delimiterEnd) {
            super(start, end, fitsAlone, "", repeated, "");
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

    /**
     * A heading underlined by {@code ===} or {@code ---}: cut between its text and its underline, the text
     * would be a paragraph and a {@code ---} underline a thematic break. Never repaired.
     */
    static final class SetextHeading extends MessageBlock {

        SetextHeading(int start, int end, boolean fitsAlone) {
            super(start, end, fitsAlone, "", "", "");
        }

        @Override
        Grade lineBreakGradeWhenOversized(int newline) {
            return Grade.INSIDE_OVERSIZED_BLOCK;
        }

        @Override
        boolean allowsCutWithinLineWhenOversized(int position) {
            return true;
        }
    }
}
