package io.hookline.ejb.common;

import java.util.Locale;

/**
 * Search text as a JPQL {@code LIKE} pattern, always bound as a parameter: lowercased and trimmed, its own
 * {@code %} and {@code _} (and the escape character {@value #ESCAPE}) escaped, so "50%" finds "50%" and "a_b"
 * does not find "axb". Use with {@link #ESCAPE_CLAUSE} after the parameter.
 */
public final class Like {

    /** The escape character: not a backslash, whose meaning in string literals differs between databases. */
    public static final char ESCAPE = '!';

    /** What follows {@code LIKE :param} in JPQL. */
    public static final String ESCAPE_CLAUSE = " ESCAPE '" + ESCAPE + "'";

    /** Longer search text is cut: nobody types more, and it bounds the work of a LIKE. */
    public static final int MAX_TEXT = 100;

    private Like() {}

    /** True when there is nothing to search for. */
    public static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Matches values that contain {@code text}, case-insensitively (compare with a lowercased value). */
    public static String contains(String text) {
        return "%" + escape(normalize(text)) + "%";
    }

    /** Matches values that start with {@code text}, case-insensitively. */
    public static String prefix(String text) {
        return escape(normalize(text)) + "%";
    }

    /** Trimmed, lowercased, at most {@link #MAX_TEXT} characters. */
    public static String normalize(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }

    /** {@code text} with the LIKE wildcards and the escape character taken literally. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == ESCAPE) {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }
}
