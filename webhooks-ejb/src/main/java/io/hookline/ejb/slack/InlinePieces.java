package io.hookline.ejb.slack;

import static io.hookline.ejb.slack.MarkdownText.atLineStart;
import static io.hookline.ejb.slack.MarkdownText.codeSpan;
import static io.hookline.ejb.slack.MarkdownText.escapeText;
import static io.hookline.ejb.slack.MarkdownText.isBlank;
import static io.hookline.ejb.slack.MarkdownText.normalizeNewlines;

import io.hookline.ejb.slack.Block.Inline;
import io.hookline.ejb.slack.Block.Style;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.text.Characters;

/**
 * Rich text inline elements as pieces: what each one reads as ({@code plain}) and, for what is not literal text,
 * its markup. Consecutive literal texts of the same style are merged (Slack splits text at every change of
 * element), so that a style run gets one pair of delimiters.
 */
final class InlinePieces {

    private static final Pattern EMOJI_NAME = Pattern.compile("[A-Za-z0-9_+'\\-]{1,100}");
    private static final Pattern EMOJI_UNICODE = Pattern.compile("[0-9A-Fa-f]{1,6}(?:-[0-9A-Fa-f]{1,6}){0,9}");
    /** Names that can follow {@code @} or {@code ~} as they are (Mattermost user and channel names). */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._\\-]{0,62}[A-Za-z0-9])?");

    private static final DateTimeFormatter UTC_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private InlinePieces() {}

    /**
     * A rich text inline element: {@code plain} is how it reads, {@code markdown} its markup (null for literal
     * text, which is escaped where it lands).
     */
    record Piece(String plain, String markdown, boolean literal, Style style) {}

    /** How the elements read, markup aside (a preformatted element's code). */
    static String plainText(List<Inline> inlines, Mentions mentions) {
        return of(inlines, mentions).stream().map(Piece::plain).collect(Collectors.joining());
    }

    static List<Piece> of(List<Inline> inlines, Mentions mentions) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        Style runStyle = null;
        for (Inline inline : inlines) {
            Piece piece = piece(inline, mentions);
            if (piece == null || piece.plain().isEmpty()) {
                continue;
            }
            if (runStyle != null && !(piece.literal() && piece.style().equals(runStyle))) {
                pieces.add(new Piece(run.toString(), null, true, runStyle));
                run.setLength(0);
                runStyle = null;
            }
            if (piece.literal()) {
                run.append(piece.plain());
                runStyle = piece.style();
            } else {
                pieces.add(piece);
            }
        }
        if (runStyle != null) {
            pieces.add(new Piece(run.toString(), null, true, runStyle));
        }
        return pieces;
    }

    private static Piece piece(Inline inline, Mentions mentions) {
        Style style = inline.style();
        if (inline instanceof Block.Text text) {
            return literal(text.text(), style);
        } else if (inline instanceof Block.Link link) {
            return link(link, style);
        } else if (inline instanceof Block.User user) {
            return mention('@', lookup(mentions.username(user.userId()), user.userId()), style);
        } else if (inline instanceof Block.Channel channel) {
            return mention('~', lookup(mentions.channelName(channel.channelId()), channel.channelId()), style);
        } else if (inline instanceof Block.Usergroup group) {
            return mention('@', group.usergroupId(), style);
        } else if (inline instanceof Block.Broadcast broadcast) {
            return new Piece(broadcast.announcement(), broadcast.announcement(), false, style);
        } else if (inline instanceof Block.Emoji emoji) {
            return emoji(emoji, style);
        }
        return date((Block.Date) inline, style);
    }

    private static Piece link(Block.Link link, Style style) {
        if (link.url() == null) {
            return literal(link.text(), style); // the link is dropped, its text stays
        }
        String label = link.text() == null || link.text().isBlank() ? link.url() : link.text();
        return new Piece(label, MarkdownText.link(label, link.url(), style.code()), false, style.withoutCode());
    }

    private static Piece date(Block.Date date, Style style) {
        if (date.fallback() != null && !date.fallback().isBlank()) {
            return literal(date.fallback(), style);
        }
        if (date.timestamp() == null) {
            return null;
        }
        long seconds = date.timestamp()
                .max(BigDecimal.valueOf(BlockKit.MIN_DATE_SECONDS))
                .min(BigDecimal.valueOf(BlockKit.MAX_DATE_SECONDS))
                .longValue();
        return literal(UTC_DATE.format(Instant.ofEpochSecond(seconds)), style);
    }

    private static Piece emoji(Block.Emoji emoji, Style style) {
        String name = emoji.name();
        int skinTone = name.indexOf("::");
        if (skinTone >= 0) {
            name = name.substring(0, skinTone);
        }
        if (EMOJI_NAME.matcher(name).matches()) {
            String shortcode = ":" + name + ":";
            return new Piece(shortcode, shortcode, false, style);
        }
        String unicode = emoji.unicode();
        if (unicode != null && EMOJI_UNICODE.matcher(unicode).matches()) {
            StringBuilder sb = new StringBuilder();
            for (String hex : unicode.split("-")) {
                int codePoint = Integer.parseInt(hex, 16);
                if (Character.isValidCodePoint(codePoint) && !Character.isISOControl(codePoint)) {
                    sb.appendCodePoint(codePoint);
                }
            }
            return literal(sb.toString(), style);
        }
        return null;
    }

    private static Piece mention(char sigil, String name, Style style) {
        String shown = sigil + name;
        String markdown =
                PLAIN_NAME.matcher(name).matches() ? shown : sigil + MarkdownText.escapeText(name, false, false);
        return new Piece(shown, markdown, false, style);
    }

    private static String lookup(String resolved, String id) {
        return resolved == null || resolved.isBlank() ? id : resolved;
    }

    private static Piece literal(String text, Style style) {
        return text == null || text.isEmpty() ? null : new Piece(text, null, true, style);
    }

    /** The elements as markdown. */
    static String markdown(List<Inline> inlines, Mentions mentions) {
        return assemble(of(inlines, mentions));
    }

    /**
     * Joins pieces into markdown, escaping literal text (with knowledge of line starts) and wrapping styled runs
     * in delimiters that CommonMark accepts where they stand: whitespace moves outside the delimiters, each line
     * of a styled run is wrapped on its own, and italics use {@code *} inside words (where {@code _} does not
     * work) and {@code _} elsewhere.
     */
    private static String assemble(List<Piece> input) {
        List<Piece> pieces = splitStyledLines(input);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < pieces.size(); k++) {
            Piece piece = pieces.get(k);
            if (!piece.style.visible()) {
                if (piece.literal) {
                    sb.append(escapeText(piece.plain, atLineStart(sb), false));
                } else {
                    appendMarkup(sb, piece.markdown);
                }
                continue;
            }
            String text = piece.literal ? piece.plain : piece.markdown;
            int start = 0;
            int end = text.length();
            if (piece.literal) {
                while (start < end && isBlank(text.charAt(start))) {
                    start++;
                }
                while (end > start && isBlank(text.charAt(end - 1))) {
                    end--;
                }
            }
            if (start == end) {
                sb.append(escapeText(text, atLineStart(sb), false));
                continue;
            }
            if (start > 0) {
                sb.append(escapeText(text.substring(0, start), atLineStart(sb), false));
            }
            String body = text.substring(start, end);
            String markdown;
            if (!piece.literal) {
                markdown = body;
            } else if (piece.style().code()) {
                markdown = codeSpan(body);
            } else {
                markdown = escapeText(body, false, false);
            }
            char before = sb.length() == 0 ? ' ' : sb.charAt(sb.length() - 1);
            char after = end < text.length() ? ' ' : firstCharOf(k + 1 < pieces.size() ? pieces.get(k + 1) : null);
            boolean inWord = Character.isLetterOrDigit(before) || Character.isLetterOrDigit(after);
            // A delimiter between a letter and punctuation (foo**(bar)**) is not left- or right-flanking,
            // so it would show as is: then the run is shown without bold, italics and strike.
            boolean flanks =
                    !(Character.isLetterOrDigit(before) && Characters.isPunctuationCodePoint(markdown.charAt(0)))
                            && !(Character.isLetterOrDigit(after)
                                    && Characters.isPunctuationCodePoint(markdown.charAt(markdown.length() - 1)));
            String open = !flanks
                    ? ""
                    : (piece.style().bold() ? "**" : "")
                            + (piece.style().italic() ? (inWord ? "*" : "_") : "")
                            + (piece.style().strike() ? "~~" : "");
            sb.append(open).append(markdown).append(new StringBuilder(open).reverse());
            if (end < text.length()) {
                sb.append(escapeText(text.substring(end), false, false));
            }
        }
        return sb.toString();
    }

    /** Styled literal text spanning lines becomes one styled piece per line, joined by plain line breaks. */
    private static List<Piece> splitStyledLines(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>(pieces.size());
        for (Piece piece : pieces) {
            if (!piece.literal || !piece.style.visible()) {
                out.add(piece);
                continue;
            }
            String text = normalizeNewlines(piece.plain);
            if (text.indexOf('\n') < 0) {
                out.add(piece);
                continue;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.add(new Piece("\n", null, true, Style.NONE));
                }
                if (!lines[i].isEmpty()) {
                    out.add(new Piece(lines[i], null, true, piece.style));
                }
            }
        }
        return out;
    }

    /** The first character the rendering of {@code piece} will start with, as far as flanking rules care. */
    private static char firstCharOf(Piece piece) {
        if (piece == null || piece.plain.isEmpty()) {
            return ' ';
        }
        char first = piece.literal ? piece.plain.charAt(0) : piece.markdown.charAt(0);
        if (piece.style.visible() && !isBlank(first)) {
            return '*'; // a delimiter: punctuation
        }
        return first;
    }

    /** Appends generated markup; a {@code !} right before a generated link would make it an image, so it is escaped. */
    private static void appendMarkup(StringBuilder sb, String markup) {
        int last = sb.length() - 1;
        if (markup.startsWith("[") && last >= 0 && sb.charAt(last) == '!') {
            int backslashes = 0;
            while (last - backslashes - 1 >= 0 && sb.charAt(last - backslashes - 1) == '\\') {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                sb.insert(last, '\\');
            }
        }
        sb.append(markup);
    }
}
