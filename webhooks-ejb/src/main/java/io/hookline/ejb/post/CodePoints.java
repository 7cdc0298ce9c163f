package io.hookline.ejb.post;

/** Code point offsets of every char index of a text, so that any length is one subtraction. */
final class CodePoints {
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
     * The furthest code point boundary at most {@code count} code points after {@code from}. The largest
     * index whose prefix count is within reach is always a boundary: the index inside a surrogate pair shares
     * its count with the boundary after the pair.
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
