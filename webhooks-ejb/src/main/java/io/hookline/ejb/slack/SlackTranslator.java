package io.hookline.ejb.slack;

import io.hookline.ejb.common.SafeUrls;
import java.util.BitSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Translates Slack message markup ("mrkdwn" control sequences) into Mattermost-flavoured markdown.
 *
 * <p>What Mattermost itself does (mattermost/mattermost {@code server/channels/app/webhook.go},
 * {@code server/channels/app/slack.go}, {@code server/public/model/slack_attachment.go}): {@code <url|label>}
 * becomes {@code [label](url)} by regex; {@code <!channel>}, {@code <!here>}, {@code <!all>} become
 * {@code @channel}, {@code @here}, {@code @all}; {@code <@ID>} becomes {@code @username} for known users.
 * Everything else, including the unlabeled {@code <http://x>}, is left untouched (Mattermost's markdown
 * renderer, mattermost/marked, shows {@code <http://x>} as an autolink whose text is the URL). No entity decoding
 * is done. Slack's {@code *bold*}, {@code _italic_} and {@code ~strike~} are <em>not</em> converted by
 * Mattermost, and are not converted here either: text outside {@code <...>} is passed through as markdown
 * (so {@code *bold*} renders as italic, as it does in Mattermost).
 *
 * <p>Rules implemented here:
 * <ul>
 *   <li>{@code <http(s)://x>} becomes {@code [http(s)://x](http(s)://x)}, a link in any renderer (Mattermost
 *       keeps the Slack form and relies on its renderer's autolinks; the stored message here is plain markdown);
 *       {@code <http(s)://x|label>} becomes {@code [label](x)}; {@code <mailto:a@b|l>} becomes
 *       {@code [l](mailto:a@b)} and {@code <mailto:a@b>} becomes {@code [a@b](mailto:a@b)}. Only the first
 *       {@code |} separates URL and label; a blank label counts as none. Link targets are percent-encoded where
 *       markdown would otherwise break (whitespace, parentheses, angle brackets, quote, backslash); labels get
 *       {@code [ ] `} and the dangerous backslashes escaped.</li>
 *   <li>Any other {@code <scheme:...>} (or scheme-less target) is not a link: it is kept as literal text.</li>
 *   <li>{@code <!channel>}, {@code <!here>}, {@code <!everyone>} (and Mattermost's {@code <!all>}) become
 *       {@code @channel}, {@code @here}, {@code @all}, with or without a label; other {@code <!...>} become
 *       their label, or stay literal without one.</li>
 *   <li>{@code <@U1>} becomes {@code @name} (resolved, else {@code @U1}); {@code <@U1|name>} becomes {@code @name}.
 *       {@code <#C1>} / {@code <#C1|name>} become {@code ~name} the same way.</li>
 *   <li>{@code &lt;}, {@code &gt;}, {@code &amp;} are decoded once, in a single pass (so {@code &amp;lt;} gives
 *       {@code &lt;}), and only after the {@code <...>} sequences were recognised, so escaped brackets never
 *       form a Slack link.</li>
 * </ul>
 *
 * <p>Safety: a {@code <} that ends up in literal text (decoded from {@code &lt;}, unterminated, or a rejected
 * {@code <...>}) is written as the entity {@code &lt;} whenever a markdown renderer could read it as the start
 * of an autolink or of raw HTML; it still displays as {@code <}. Otherwise it is left as {@code <}. A
 * {@code !} directly before a generated {@code [label](url)} is written as {@code &#33;} so it cannot turn the
 * link into an image. (Renderers may still auto-link bare URLs in text, as Slack does; that is not markup.)
 *
 * <p>The parser is a single left-to-right scan plus one backward pass, so it runs in linear time on any input;
 * the few regexes only look at short, anchored prefixes and cannot backtrack catastrophically. The class is
 * stateless and thread-safe.
 */
public final class SlackTranslator {

    /** Slack user, channel and team IDs, e.g. U024BE7LH. (Same charset as Mattermost's {@code <@([a-zA-Z0-9]+)>}.) */
    private static final Pattern MENTION_ID = Pattern.compile("[A-Za-z0-9]+");

    private SlackTranslator() {}

    /**
     * Translates one Slack-formatted text.
     *
     * @param slackText the text as sent by a Slack-compatible client; may be null
     * @param mentions  resolves {@code <@U..>} and {@code <#C..>} IDs; null means {@link Mentions#NONE}
     * @return the markdown, or null for null input
     */
    public static String toMarkdown(String slackText, Mentions mentions) {
        if (slackText == null || slackText.isEmpty()) {
            return slackText;
        }
        Mentions resolver = mentions == null ? Mentions.NONE : mentions;
        Output out = new Output(slackText.length());
        int n = slackText.length();
        int textStart = 0;
        int i = 0;
        while (i < n) {
            if (slackText.charAt(i) != '<') {
                i++;
                continue;
            }
            // A control sequence is '<' ... '>' on one line with no '<' inside (Slack escapes those as &lt;).
            int j = i + 1;
            while (j < n) {
                char c = slackText.charAt(j);
                if (c == '>' || c == '<' || c == '\n' || c == '\r') {
                    break;
                }
                j++;
            }
            if (j < n && slackText.charAt(j) == '>') {
                out.text(decode(slackText.substring(textStart, i)));
                translateSequence(slackText.substring(i + 1, j), resolver, out);
                i = j + 1;
                textStart = i;
            } else {
                // Stray '<': literal. Nothing in (i, j) is a '<', so resuming at j keeps the scan linear.
                i = j;
            }
        }
        out.text(decode(slackText.substring(textStart)));
        return out.finish();
    }

    /** Translates the inside of one {@code <...>} sequence. */
    private static void translateSequence(String body, Mentions resolver, Output out) {
        int bar = body.indexOf('|');
        String target = bar < 0 ? body : body.substring(0, bar);
        String label = bar < 0 ? null : decode(body.substring(bar + 1));
        if (label != null && label.isBlank()) {
            label = null;
        }
        boolean done;
        if (target.startsWith("!")) {
            done = special(target.substring(1), label, out);
        } else if (target.startsWith("@")) {
            done = mention('@', '@', target.substring(1), label, resolver::username, out);
        } else if (target.startsWith("#")) {
            done = mention('~', '#', target.substring(1), label, resolver::channelName, out);
        } else {
            done = link(decode(target), label, out);
        }
        if (!done) {
            // Not something we translate: show it as the sender wrote it (Slack entities decoded).
            out.text("<" + decode(body) + ">");
        }
    }

    private static boolean special(String command, String label, Output out) {
        switch (command) {
            case "channel":
                out.text("@channel");
                return true;
            case "here":
                out.text("@here");
                return true;
            case "everyone":
            case "all": // not Slack, but Mattermost's own expandAnnouncement accepts it
                out.text("@all");
                return true;
            default:
                // <!date^...|fallback>, <!subteam^ID|@team>: the label is Slack's own fallback text.
                if (label == null) {
                    return false;
                }
                out.text(label);
                return true;
        }
    }

    /** {@code slackSigil} is what Slack labels tend to repeat ({@code <@U1|@bob>}, {@code <#C1|#general>}). */
    private static boolean mention(
            char sigil, char slackSigil, String id, String label, Function<String, String> lookup, Output out) {
        if (!MENTION_ID.matcher(id).matches()) {
            return false;
        }
        String name;
        if (label != null) {
            name = label.charAt(0) == slackSigil ? label.substring(1) : label;
            if (name.isBlank()) {
                name = id;
            }
        } else {
            name = lookup.apply(id);
            if (name == null || name.isBlank()) {
                name = id;
            }
        }
        out.text(sigil + name);
        return true;
    }

    private static boolean link(String url, String label, Output out) {
        int addressStart = SafeUrls.slackLinkAddressStart(url);
        if (addressStart < 0) {
            return false;
        }
        String href = encodeUrl(url);
        if (label != null) {
            out.link(label, href);
        } else if (SafeUrls.isMailto(url)) {
            // mailto has no useful autolink form (<mailto:a@b> shows the scheme); show the address.
            String address = url.substring(addressStart);
            int query = address.indexOf('?');
            if (query > 0) {
                address = address.substring(0, query);
            }
            out.link(address, href);
        } else {
            // Mattermost leaves <http://x> for its renderer to autolink; an explicit [x](x) is a link in every
            // markdown renderer and leaves no Slack syntax in the stored message.
            out.link(url, href);
        }
        return true;
    }

    /** Decodes Slack's three entities in one pass, so {@code &amp;lt;} yields {@code &lt;}, never {@code <}. */
    static String decode(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        sb.append(s, 0, amp);
        for (int i = amp; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '&') {
                if (s.startsWith("&lt;", i)) {
                    sb.append('<');
                    i += 3;
                    continue;
                }
                if (s.startsWith("&gt;", i)) {
                    sb.append('>');
                    i += 3;
                    continue;
                }
                if (s.startsWith("&amp;", i)) {
                    sb.append('&');
                    i += 4;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Percent-encodes what would end or confuse a markdown link target or autolink: whitespace and controls
     * (a space would start a link title), parentheses, angle brackets, double quote, and backslash (which
     * CommonMark treats as an escape inside destinations). Everything else, including '%' and non-ASCII, is kept.
     */
    static String encodeUrl(String url) {
        return SafeUrls.percentEncode(url, SlackTranslator::confusesLinkTarget);
    }

    private static boolean confusesLinkTarget(int c) {
        return c == '('
                || c == ')'
                || c == '<'
                || c == '>'
                || c == '"'
                || c == '\\'
                || Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.isISOControl(c);
    }

    /** Accumulates the markdown and remembers which '<' characters are literal text (see {@link #finish()}). */
    private static final class Output {
        private final StringBuilder sb;
        private final BitSet literalLt = new BitSet();

        Output(int capacity) {
            sb = new StringBuilder(capacity + 16);
        }

        /** Plain text (already entity-decoded); passed through as markdown. */
        void text(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '<') {
                    literalLt.set(sb.length());
                }
                sb.append(c);
            }
        }

        /** {@code [label](href)}; the label is decoded text, the href already encoded. */
        void link(String label, String href) {
            int last = sb.length() - 1;
            if (last >= 0 && sb.charAt(last) == '!') {
                // "!" + "[x](y)" would be an image embed the sender never asked for, unless the '!' is already
                // backslash-escaped (preceded by an odd number of backslashes).
                int backslashes = 0;
                while (last - backslashes - 1 >= 0 && sb.charAt(last - backslashes - 1) == '\\') {
                    backslashes++;
                }
                if (backslashes % 2 == 0) {
                    sb.setLength(last);
                    sb.append("&#33;");
                }
            }
            sb.append('[');
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                switch (c) {
                    case '[', ']', '`' -> sb.append('\\').append(c); // '`' could open a code span swallowing ']'
                    case '\\' -> {
                        // Only a backslash that would pair with a following escape, bracket, or with the closing
                        // ']' needs doubling; elsewhere "\x" is shown as is (Mattermost does not unescape "\\x").
                        char next = i + 1 < label.length() ? label.charAt(i + 1) : ']';
                        sb.append(next == '\\' || next == '[' || next == ']' || next == '`' ? "\\\\" : "\\");
                    }
                    case '<' -> {
                        literalLt.set(sb.length());
                        sb.append(c);
                    }
                    default -> sb.append(c);
                }
            }
            sb.append("](").append(href).append(')');
        }

        /**
         * Writes literal '<' as {@code &lt;} where it could open markup: when a '>' follows before the next space
         * (an autolink in CommonMark or, laxer, Mattermost's {@code <[^ >]+>}), or when it is followed by a letter,
         * '/', '!' or '?' and any '>' comes later (an HTML tag, comment or declaration). One backward pass.
         */
        String finish() {
            if (literalLt.isEmpty()) {
                return sb.toString();
            }
            BitSet unsafe = new BitSet();
            int nextGt = -1;
            int nextSpace = -1;
            for (int p = sb.length() - 1; p >= 0; p--) {
                char c = sb.charAt(p);
                if (c == '<' && literalLt.get(p) && nextGt > p) {
                    boolean autolink = nextGt > p + 1 && (nextSpace < 0 || nextGt < nextSpace);
                    char after = sb.charAt(p + 1);
                    boolean tag = (after >= 'a' && after <= 'z')
                            || (after >= 'A' && after <= 'Z')
                            || after == '/'
                            || after == '!'
                            || after == '?';
                    if (autolink || tag) {
                        unsafe.set(p);
                    }
                } else if (c == '>') {
                    nextGt = p;
                } else if (c == ' ') {
                    nextSpace = p;
                }
            }
            if (unsafe.isEmpty()) {
                return sb.toString();
            }
            StringBuilder result = new StringBuilder(sb.length() + 3 * unsafe.cardinality());
            int from = 0;
            for (int p = unsafe.nextSetBit(0); p >= 0; p = unsafe.nextSetBit(p + 1)) {
                result.append(sb, from, p).append("&lt;");
                from = p + 1;
            }
            return result.append(sb, from, sb.length()).toString();
        }
    }
}
