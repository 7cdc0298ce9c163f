package io.hookline.web.console.channel;

import java.util.regex.Pattern;

/**
 * Plain text for places where HTML does not belong (a name inside a link, a name in a header). The
 * results are still escaped by Faces; these helpers only decide what text is shown.
 */
final class PlainText {

    /**
     * A tag of the renderer's output. The renderer escapes every {@code <} and {@code >} in text and in
     * attribute values, so in its output a {@code <} always opens a tag and the next {@code >} closes it.
     */
    private static final Pattern RENDERED_TAG = Pattern.compile("<[^>]*>");

    /** An emoji image of the renderer's output: its text is its alt text, the emoji as written. */
    private static final Pattern EMOJI_IMAGE =
            Pattern.compile("<img class=\"emoji\" src=\"[^\"]*\" alt=\"([^\"]*)\"[^>]*>");

    private PlainText() {}

    /**
     * The text of inline HTML produced by the markdown renderer: emoji images replaced by their emoji, other
     * tags dropped, the renderer's escapes
     * decoded ({@code &amp;} last, so {@code &amp;lt;} becomes {@code &lt;} and not {@code <}).
     */
    static String ofRenderedHtml(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        return RENDERED_TAG
                .matcher(EMOJI_IMAGE.matcher(html).replaceAll("$1"))
                .replaceAll("")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
                .strip();
    }

    /**
     * One line of at most {@code maxCodePoints}: line breaks and other control characters become spaces,
     * and the bidirectional controls (U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) are dropped so
     * that a name cannot reverse the text shown after it.
     */
    static String oneLine(String text, int maxCodePoints) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxCodePoints * 2));
        int kept = 0;
        for (int i = 0; i < text.length() && kept < maxCodePoints; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isBidiControl(cp)) {
                continue;
            }
            out.appendCodePoint(Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 ? ' ' : cp);
            kept++;
        }
        return out.toString().strip();
    }

    /** At most {@code maxCodePoints} of {@code text}, never splitting a surrogate pair. */
    static String truncate(String text, int maxCodePoints) {
        if (text == null || text.length() <= maxCodePoints || text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxCodePoints));
    }

    private static boolean isBidiControl(int cp) {
        return cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }
}
