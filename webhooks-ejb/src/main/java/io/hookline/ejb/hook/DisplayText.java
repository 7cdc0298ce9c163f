package io.hookline.ejb.hook;

/**
 * Text a post shows as its author (the {@code username} override): one line, and nothing that changes how
 * the text around it reads. Applied when the props are written, so every reader of the stored post (the
 * console, the API, a Mattermost client) gets clean text, not only the views that clean it again.
 *
 * <p>Dropped: the bidirectional controls U+200E/U+200F (marks), U+061C (Arabic letter mark), U+202A–U+202E
 * (embeddings and overrides) and U+2066–U+2069 (isolates), with which "txt.exe" can be made to read as
 * "exe.txt". Turned into a space: C0 and C1 control characters (line breaks, tabs, escapes, DEL) and the
 * Unicode line and paragraph separators, so a name stays one line. Nothing else changes.
 */
final class DisplayText {

    private DisplayText() {}

    /** {@code text} cleaned as above and stripped of surrounding white space; {@code null} stays {@code null}. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean drop = isBidiControl(c);
            boolean space = !drop && isLineOrControl(c);
            if ((drop || space) && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null && !drop) {
                out.append(space ? ' ' : c);
            }
        }
        return (out == null ? text : out.toString()).strip();
    }

    /** True when {@code text} holds a character {@link #clean} would drop or replace. */
    static boolean hasControls(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isBidiControl(c) || isLineOrControl(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean isBidiControl(char c) {
        return c == '\u200E'
                || c == '\u200F'
                || c == '\u061C'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean isLineOrControl(char c) {
        // Character.isISOControl is exactly C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F).
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
