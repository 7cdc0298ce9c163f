package io.hookline.ejb.post;

/** The best candidates seen while scanning one part; later candidates replace earlier ones. */
final class CutOptions {

    /** How good a line break is as a cut; declared best first. */
    enum Grade {
        PLAIN,
        INSIDE_OVERSIZED_BLOCK,
        AFTER_TABLE_DELIMITER
    }

    /**
     * A chosen cut: the part ends at {@code end} (exclusive, before trailing whitespace is trimmed) and gets
     * {@code closing}; the next part starts at {@code resume} once blank lines are skipped, after
     * {@code repeatInNext}.
     */
    record Cut(int end, int resume, String closing, String repeatInNext) {}

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
