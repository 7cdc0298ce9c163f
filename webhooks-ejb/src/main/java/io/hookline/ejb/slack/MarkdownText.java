package io.hookline.ejb.slack;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Markdown written by hand for Block Kit: escaping literal text so markdown shows it as written, and the string
 * forms (links, images, code spans, table cells, quotes) that wrap it. All linear, no regex.
 *
 * <p>Escaping: markdown syntax in literal text is backslash-escaped ({@code ` * [ ] ~}, {@code _} unless inside a
 * word, {@code \} before punctuation, {@code <} before a non-blank, {@code &} starting an entity; at the start of a
 * line what would open a block: {@code # }, {@code > }, {@code - }, {@code + }, {@code 1. }, a thematic break or
 * setext underline, a table delimiter row); leading blanks of a line are dropped (four would start a code block).
 */
final class MarkdownText {

    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private MarkdownText() {}

    static String link(String label, String url, boolean code) {
        String text = code ? codeSpan(oneLine(label)) : escapeText(oneLine(label), false, false);
        return "[" + text + "](" + SlackTranslator.encodeUrl(url) + ")";
    }

    /**
     * A link or image title for commonmark's renderer, which escapes its {@code "} and {@code \\}: here an
     * {@code &} that would start an entity, which it leaves.
     */
    static String escapeTitle(String title) {
        StringBuilder sb = new StringBuilder(title.length() + 8);
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c == '&' && entityLike(title, i)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * The emphasis that makes a context line subtle without pairing with the line's own delimiters: {@code _},
     * or {@code *} when the line starts or ends with {@code _}; null (left plain) when it also starts or ends
     * with {@code *}, where nesting would break the emphasis.
     */
    static String subtleDelimiter(String line) {
        char first = line.charAt(0);
        char last = line.charAt(line.length() - 1);
        if (first != '_' && last != '_') {
            return "_";
        }
        return first != '*' && last != '*' ? "*" : null;
    }

    /** The line, with a lone final backslash doubled so that it cannot escape a closing delimiter after it. */
    static String beforeClosingDelimiter(String line) {
        int backslashes = 0;
        while (backslashes < line.length() && line.charAt(line.length() - 1 - backslashes) == '\\') {
            backslashes++;
        }
        return backslashes % 2 == 1 ? line + "\\" : line;
    }

    /**
     * A GFM table: the first row is the header row, every row padded to the alignments' count of columns, each cell
     * made fit by {@link #tableCell}; an alignment is {@code left}, {@code center}, {@code right} or null.
     */
    static String table(List<List<String>> rows, List<String> alignments) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            sb.append(r == 0 ? "|" : "\n|");
            for (int c = 0; c < alignments.size(); c++) {
                String cell = c < rows.get(r).size() ? tableCell(rows.get(r).get(c)) : "";
                sb.append(cell.isEmpty() ? " |" : " " + cell + " |");
            }
            if (r == 0) {
                sb.append("\n|");
                for (String align : alignments) {
                    sb.append(
                            switch (align == null ? "" : align) {
                                case "center" -> " :---: |";
                                case "right" -> " ---: |";
                                case "left" -> " :--- |";
                                default -> " --- |";
                            });
                }
            }
        }
        return sb.toString();
    }

    /** Markdown made fit for a GFM table cell: on one line, with every {@code |} escaped. */
    static String tableCell(String markdown) {
        String line = oneLine(markdown).strip();
        StringBuilder sb = new StringBuilder(line.length() + 8);
        int backslashes = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '|' && backslashes % 2 == 0) {
                sb.append('\\');
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            sb.append(c);
        }
        return sb.toString();
    }

    static String quote(String markdown) {
        if (markdown.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(markdown.length() + 16);
        for (String line : markdown.split("\n", -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(line.isBlank() ? ">" : "> " + line);
        }
        return sb.toString();
    }

    static String codeSpan(String text) {
        String s = text.replace('\n', ' ');
        String fence = "`".repeat(longestRun(s, '`') + 1);
        boolean pad = s.startsWith("`") || s.endsWith("`") || (s.startsWith(" ") && s.endsWith(" ") && !s.isBlank());
        return pad ? fence + " " + s + " " + fence : fence + s + fence;
    }

    /**
     * Escapes literal text so that markdown shows it as written. Leading blanks of each line are dropped; line
     * breaks are kept.
     *
     * @param atLineStart whether the text starts at the beginning of a line (so block syntax there is escaped)
     * @param heading     escapes every {@code #} that follows a blank (an ATX heading's closing sequence)
     */
    static String escapeText(String raw, boolean atLineStart, boolean heading) {
        String s = normalizeNewlines(raw);
        int n = s.length();
        StringBuilder out = new StringBuilder(n + 16);
        boolean lineStart = atLineStart;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                out.append('\n');
                lineStart = true;
                continue;
            }
            if (lineStart) {
                if (c == ' ' || c == '\t') {
                    continue; // four of them would start a code block; fewer are not shown anyway
                }
                lineStart = false;
                int lineEnd = s.indexOf('\n', i);
                int at = blockSyntaxAt(s, i, lineEnd < 0 ? n : lineEnd);
                if (at >= 0) {
                    out.append(s, i, at).append('\\').append(s.charAt(at));
                    i = at;
                    continue;
                }
            }
            switch (c) {
                case '\\' -> {
                    char next = i + 1 < n ? s.charAt(i + 1) : '\n';
                    out.append(next == '\n' || ASCII_PUNCTUATION.indexOf(next) >= 0 ? "\\\\" : "\\");
                }
                case '`', '*', '[', ']', '~' -> out.append('\\').append(c);
                case '_' -> {
                    boolean inWord = i > 0
                            && Character.isLetterOrDigit(s.charAt(i - 1))
                            && i + 1 < n
                            && Character.isLetterOrDigit(s.charAt(i + 1));
                    out.append(inWord ? "_" : "\\_");
                }
                case '<' -> out.append(i + 1 < n && !isBlank(s.charAt(i + 1)) && s.charAt(i + 1) != '\n' ? "\\<" : "<");
                case '&' -> out.append(entityLike(s, i) ? "\\&" : "&");
                case '#' -> out.append(heading && closingSequence(s, i) ? "\\#" : "#");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Where a line (from its first non-blank character {@code i} to {@code end}) starts block syntax that must be
     * escaped: the index of the character to escape, or -1. Covers ATX headings, block quotes, bullet and ordered
     * list markers, thematic breaks, setext underlines and table delimiter rows ({@code * _ ` ~ <} are escaped
     * everywhere anyway).
     */
    static int blockSyntaxAt(String s, int i, int end) {
        char c = s.charAt(i);
        if (c == '>') {
            return i;
        }
        if (c == '#') {
            int j = i;
            while (j < end && j - i < 7 && s.charAt(j) == '#') {
                j++;
            }
            return j - i <= 6 && (j == end || isBlank(s.charAt(j))) ? i : -1;
        }
        if (c >= '0' && c <= '9') {
            int j = i;
            while (j < end && j - i < 10 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                j++;
            }
            boolean marker = j - i <= 9
                    && j < end
                    && (s.charAt(j) == '.' || s.charAt(j) == ')')
                    && (j + 1 == end || isBlank(s.charAt(j + 1)));
            return marker ? j : -1;
        }
        if ((c == '-' || c == '+') && (i + 1 == end || isBlank(s.charAt(i + 1)))) {
            return i; // a list marker
        }
        if (c == '-' || c == '=' || c == '|' || c == ':') {
            // a thematic break or setext underline (only '-' or only '='), or a table delimiter row
            boolean onlySame = true;
            boolean delimiterRow = true;
            boolean dash = false;
            for (int j = i; j < end && (onlySame || delimiterRow); j++) {
                char d = s.charAt(j);
                onlySame &= d == c || isBlank(d);
                delimiterRow &= d == '-' || d == '|' || d == ':' || isBlank(d);
                dash |= d == '-';
            }
            return (onlySame && c != '|' && c != ':') || (delimiterRow && dash) ? i : -1;
        }
        return -1;
    }

    /** Whether the {@code #} at {@code i} opens a run that would be read as an ATX heading's closing sequence. */
    static boolean closingSequence(String s, int i) {
        if (i > 0 && !isBlank(s.charAt(i - 1))) {
            return false;
        }
        int j = i;
        while (j < s.length() && s.charAt(j) == '#') {
            j++;
        }
        while (j < s.length() && isBlank(s.charAt(j))) {
            j++;
        }
        return j == s.length() || s.charAt(j) == '\n';
    }

    /** Whether the {@code &} at {@code i} starts something a renderer could decode ({@code &name;}, {@code &#..;}). */
    static boolean entityLike(String s, int i) {
        int end = Math.min(s.length(), i + 34);
        for (int j = i + 1; j < end; j++) {
            char c = s.charAt(j);
            if (c == ';') {
                return j > i + 1;
            }
            if (!(c == '#' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return false;
    }

    /** Line breaks (and the blanks around them) become single spaces. Linear, no regex. */
    static String oneLine(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean skipBlanks = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                int len = sb.length();
                while (len > 0 && isBlank(sb.charAt(len - 1))) {
                    len--;
                }
                sb.setLength(len);
                if (len > 0) {
                    sb.append(' ');
                }
                skipBlanks = true;
            } else if (skipBlanks && isBlank(c)) {
                continue;
            } else {
                skipBlanks = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The lines that are not blank. */
    static String collapseBlankLines(String s) {
        return Arrays.stream(s.split("\n")).filter(line -> !line.isBlank()).collect(Collectors.joining("\n"));
    }

    static String normalizeNewlines(String s) {
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Drops trailing line breaks and blanks. */
    static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || isBlank(s.charAt(end - 1)))) {
            end--;
        }
        return s.substring(0, end);
    }

    static int longestRun(String s, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    static boolean atLineStart(StringBuilder sb) {
        return sb.length() == 0 || sb.charAt(sb.length() - 1) == '\n';
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static int clamp(long value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }
}
