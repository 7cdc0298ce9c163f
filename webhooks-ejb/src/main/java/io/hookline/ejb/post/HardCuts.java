package io.hookline.ejb.post;

/**
 * Where a cut inside a line of the message may go: not inside what is shown as one character, and not
 * where the next part would begin with a fence marker.
 */
final class HardCuts {
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    /** A fence marker is at least this many backticks or tildes. */
    private static final int MIN_FENCE_LENGTH = 3;

    private final String text;

    HardCuts(String text) {
        this.text = text;
    }

    /**
     * Moves a hard cut back to where it keeps clusters together and does not put a fence marker at the start
     * of the next part; positions at or before {@code lowerBound} are not used.
     */
    int safe(int lowerBound, int cut) {
        return keepClustersTogether(lowerBound, avoidStartingWithFence(lowerBound, cut));
    }

    /**
     * Whether a part starting at {@code position} (in the middle of a line) would begin with a fence opening:
     * the marker would open a code block that is not in the message. Spaces before it do not help, an
     * indented marker still opens a fence.
     */
    boolean wouldStartWithFence(int position) {
        return opensFence(endOfSpaceRun(position));
    }

    int endOfSpaceRun(int from) {
        int i = from;
        while (i < text.length() && isSpaceOrTab(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isSpaceOrTab(char ch) {
        return ch == ' ' || ch == '\t';
    }

    /**
     * Steps a hard cut back before the word ahead of a fence marker ({@code z ~~~} moves to the next part
     * whole), so that the marker stays in the middle of a line. Gives the cut back unchanged when there is no
     * such place.
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
     * Steps a hard cut back while it would separate a character from what extends it. Never goes to or before
     * {@code lowerBound}: a cluster longer than the room left is split at a code point.
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
        if (extendsPrevious(next) || previous == ZERO_WIDTH_JOINER) {
            return true;
        }
        return isRegionalIndicator(previous)
                && isRegionalIndicator(next)
                && oddRegionalIndicatorsBefore(index, lowerBound);
    }

    /** Flags are pairs of regional indicators: a cut after an odd number of them splits a flag. */
    private boolean oddRegionalIndicatorsBefore(int index, int lowerBound) {
        int count = 0;
        int i = index;
        while (i > lowerBound && isRegionalIndicator(text.codePointBefore(i))) {
            count++;
            i = text.offsetByCodePoints(i, -1);
        }
        return count % 2 == 1;
    }

    /**
     * Whether the text from {@code markerStart} to the end of its line is a fence opening (indentation
     * aside): three or more backticks or tildes; after backticks, an info string without backticks
     * (otherwise it is inline code). Asked of text that is not a line start in the message, so the parse
     * cannot answer it.
     */
    private boolean opensFence(int markerStart) {
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
        if (i - markerStart < MIN_FENCE_LENGTH) {
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

    /** Code points that belong to the character before them. */
    private static boolean extendsPrevious(int codePoint) {
        if (codePoint == ZERO_WIDTH_JOINER
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F) // variation selectors, U+FE0F emoji style
                || (codePoint >= 0xE0100 && codePoint <= 0xE01EF) // variation selectors supplement
                || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF) // emoji skin tones
                || (codePoint >= 0xE0020 && codePoint <= 0xE007F)) { // tags of subdivision flags
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isRegionalIndicator(int codePoint) {
        return codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;
    }
}
