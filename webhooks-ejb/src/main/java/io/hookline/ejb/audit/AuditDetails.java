package io.hookline.ejb.audit;

import java.util.Objects;
import java.util.StringJoiner;

/**
 * The "what" of an audit entry as one short line: {@code display_name "Build" → "CI", channel_locked false → true}.
 * Text values are quoted with control characters escaped (an entry is one log line, whatever a user typed)
 * and cut to {@link #MAX_VALUE_LENGTH}; the whole line to {@link #MAX_LENGTH}.
 */
public final class AuditDetails {

    /** Longest details line (the {@code audits.details} column). */
    public static final int MAX_LENGTH = 1024;
    /** Longest text value shown inside it: enough to recognise a name or URL, not to copy a description. */
    public static final int MAX_VALUE_LENGTH = 80;
    /** Ends a cut value or line. */
    public static final String CUT = "…";

    private final StringJoiner parts = new StringJoiner(", ");
    private boolean empty = true;

    public static AuditDetails of() {
        return new AuditDetails();
    }

    /** {@code name before → after}, only when the two differ. */
    public AuditDetails changed(String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            add(name + " " + value(before) + " → " + value(after));
        }
        return this;
    }

    /** {@code name value}. */
    public AuditDetails with(String name, Object value) {
        add(name + " " + value(value));
        return this;
    }

    public boolean isEmpty() {
        return empty;
    }

    @Override
    public String toString() {
        return cut(parts.toString(), MAX_LENGTH);
    }

    private void add(String part) {
        parts.add(part);
        empty = false;
    }

    /** Numbers and booleans as they are; text quoted, escaped and cut. */
    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (!(value instanceof CharSequence)) {
            return String.valueOf(value);
        }
        String text = cut(value.toString(), MAX_VALUE_LENGTH);
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                        quoted.append(String.format("\\u%04x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }

    /** At most {@code max} characters, the last one {@link #CUT} when anything was left out; never half a pair. */
    static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int end = max - CUT.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + CUT;
    }
}
