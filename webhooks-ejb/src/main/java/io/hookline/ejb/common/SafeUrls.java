package io.hookline.ejb.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The one owner of "which URL may Hookline store, and which may it put into a page". Every URL a post carries
 * passes here, on the write path and in the view; no other class decides what a safe URL is.
 *
 * <h2>The rules</h2>
 * <ul>
 * <li><b>Link in markdown</b> ({@link #isLink}): absolute, scheme {@code http}, {@code https} or {@code mailto}
 * ({@link #LINK_SCHEMES}), read from the URL as the markdown parser decoded it, no user info. A Slack {@code <url|label>} becomes
 * such a link only when it starts {@code http://}, {@code https://} or {@code mailto:} and has something after
 * it ({@link #slackLinkAddressStart}).</li>
 * <li><b>Image in markdown</b> ({@link #isImage}): the same, {@code http} or {@code https} only
 * ({@link #IMAGE_SCHEMES}).</li>
 * <li><b>Link or image field</b> of an attachment or a block (title_link, image_url, author_icon, a button's
 * url…): stored in the form {@link #httpUrl} gives (trimmed, scheme lower-cased, inner spaces percent-encoded), or
 * not at all. The host is found as browsers find it (WHATWG URL: the authority also ends at a backslash).</li>
 * <li><b>Icon</b> of a post or a hook ({@code icon_url}): at most {@link #MAX_ICON_LENGTH} characters and
 * {@link #iconUrl}: the URL as sent, trimmed, when java.net.URI reads it as http(s) with a host.</li>
 * <li><b>Shown</b> ({@link #shownHttpUrl}): what the channel view may put into an {@code href} or {@code src} of
 * its own (icons, attachment links and images). A stored form of the rules above that java.net.URI reads as
 * http(s) with a host, with no whitespace, control character or backslash anywhere, and no user info. Checked
 * again in the view so a post stored by an older version, another writer or a hand-edited database still cannot
 * reach the page with {@code javascript:}, {@code data:} or a relative URL.</li>
 * </ul>
 *
 * <h2>User info ({@code https://name:secret@host/})</h2>
 * Decided here, once: <b>stored as sent, never used in a page</b>. Mattermost stores it (its {@code IsValidHTTPURL} accepts
 * any URL Go's {@code url.ParseRequestURI} reads), and Hookline stores what Mattermost stores, so a client reading
 * the post through the API sees the same props (the attachment vectors and the XSS corpus pin this). A page never
 * uses it, neither the view's own links, images and icons nor a link or image in rendered markdown (shown as its
 * text): browsers refuse to load images with embedded credentials, and in a link user info only disguises the
 * real host ({@code https://trusted.example@evil.example/}).
 */
public final class SafeUrls {

    private static final String HEX_DIGITS = "0123456789ABCDEF";

    /** The longest link or image URL stored or shown, in characters; longer ones are dropped, never cut. */
    public static final int MAX_LENGTH = 2048;

    /** The longest icon URL a post or a hook may set, in characters (a longer one is a 400). */
    public static final int MAX_ICON_LENGTH = 1024;

    /** URL schemes a link may have (lower case; matched case-insensitively). */
    public static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");

    /** URL schemes an image may have (lower case; matched case-insensitively). */
    public static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");

    private static final String HTTP = "http://";
    private static final String HTTPS = "https://";
    private static final String MAILTO = "mailto:";

    private SafeUrls() {}

    // ------------------------------------------------------------------------------------------------ markdown

    /** Whether a markdown link's destination, as the parser decoded it, may stay a link: no user info either. */
    public static boolean isLink(String url) {
        return hasScheme(url, LINK_SCHEMES) && !hasUserInfo(url);
    }

    /** Whether a markdown image's source, as the parser decoded it, may stay an image: no user info either. */
    public static boolean isImage(String url) {
        return hasScheme(url, IMAGE_SCHEMES) && !hasUserInfo(url);
    }

    /**
     * Where the address starts in the target of a Slack {@code <target|label>} that may become a markdown link:
     * after {@code http://}, {@code https://} or {@code mailto:} (any case) when something follows, else -1.
     * Every target accepted here is a {@link #isLink link}.
     */
    public static int slackLinkAddressStart(String target) {
        for (String prefix : new String[] {HTTP, HTTPS, MAILTO}) {
            if (startsWithIgnoringAsciiCase(target, prefix)) {
                return target.length() > prefix.length() ? prefix.length() : -1;
            }
        }
        return -1;
    }

    /** Whether a Slack link target is a {@code mailto:} one (whose label, when missing, is the address). */
    public static boolean isMailto(String target) {
        return startsWithIgnoringAsciiCase(target, MAILTO);
    }

    /**
     * Whether a URL is absolute with one of the schemes: the scheme must start at the first character (a
     * letter), consist of letters, digits, {@code + - .} and end with {@code :}. So a leading space or control
     * character, {@code java\tscript:}, {@code &#106;avascript:} (undecoded), {@code %6Aavascript:}, relative and
     * protocol-relative URLs are all refused.
     */
    static boolean hasScheme(String url, Set<String> schemes) {
        if (url == null || url.isEmpty() || !isAsciiLetter(url.charAt(0))) {
            return false;
        }
        int colon = -1;
        for (int i = 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                colon = i;
                break;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return colon > 0 && schemes.contains(url.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a URL that {@link #hasScheme has a scheme} is http(s) with user info, read as browsers read it
     * (WHATWG URL): after the colon, any run of slashes and backslashes starts the authority (so
     * {@code http:user@host} has user info too), which ends at {@code / ? #} or a backslash; an {@code @} in it
     * ends the user info. Other schemes have no authority here: {@code mailto:a@b.example} is an address.
     */
    static boolean hasUserInfo(String url) {
        int colon = url.indexOf(':');
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!IMAGE_SCHEMES.contains(scheme)) {
            return false;
        }
        int i = colon + 1;
        while (i < url.length() && (url.charAt(i) == '/' || url.charAt(i) == '\\')) {
            i++;
        }
        for (; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '@') {
                return true;
            }
            if (c == '/' || c == '?' || c == '#' || c == '\\') {
                return false;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ stored

    /**
     * The stored form of an attachment's or a block's link or image URL: an absolute http(s) URL with a
     * non-empty host and no control character, at most {@link #MAX_LENGTH} characters before and after it is
     * tidied (surrounding white space stripped, scheme lower-cased, inner white space percent-encoded); else
     * null. User info is kept (see the class comment).
     */
    public static String httpUrl(String raw) {
        String s = raw.strip();
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            return null;
        }
        int authorityStart;
        // Unicode case folding is harmless here: the scheme is written anew below.
        if (s.regionMatches(true, 0, HTTP, 0, HTTP.length())) {
            authorityStart = HTTP.length();
        } else if (s.regionMatches(true, 0, HTTPS, 0, HTTPS.length())) {
            authorityStart = HTTPS.length();
        } else {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return null;
            }
        }
        // Browsers end the authority at '\' too (WHATWG URL, special schemes), so do the same.
        int authorityEnd = authorityStart;
        while (authorityEnd < s.length() && "/?#\\".indexOf(s.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = s.substring(authorityStart, authorityEnd);
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            host = close < 0 ? "" : hostPort.substring(1, close);
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        }
        if (host.isEmpty() || containsSpace(host)) {
            return null;
        }
        String scheme = authorityStart == HTTP.length() ? HTTP : HTTPS;
        String result = scheme + encodeSpaces(s.substring(authorityStart));
        return result.length() > MAX_LENGTH ? null : result;
    }

    /**
     * The stored form of an icon URL (a post's {@code icon_url} override, a hook's default icon): the URL as
     * sent, trimmed, when java.net.URI reads it as http(s) with a host; else null. The caller bounds the length
     * ({@link #MAX_ICON_LENGTH}) and refuses control and bidi characters first, each with its own message.
     * User info is kept (see the class comment).
     */
    public static String iconUrl(String raw) {
        String url = raw.trim();
        return httpUri(url) == null ? null : url;
    }

    // ------------------------------------------------------------------------------------------------ shown

    /**
     * The URL itself when the view may put it into an {@code href} or {@code src}, else null: at most
     * {@link #MAX_LENGTH} characters, absolute http(s) with a host as java.net.URI reads it. Refused as well:
     * any whitespace or control character anywhere (browsers strip or skip them, which is how
     * {@code java\tscript:} and {@code " javascript:"} sneak past naive checks), a backslash (browsers read it as
     * a slash in http URLs, java.net.URI does not), user info (see the class comment), and whatever
     * java.net.URI cannot parse. Entities and percent escapes are not decoded: {@code &#106;avascript:} is a
     * relative reference here and refused.
     */
    public static String shownHttpUrl(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_LENGTH) {
            return null;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (isSpace(c) || Character.isISOControl(c) || c == '\\') {
                return null;
            }
        }
        URI uri = httpUri(url);
        return uri == null || uri.getRawUserInfo() != null ? null : url;
    }

    // ------------------------------------------------------------------------------------------------ parts

    /** The URL as java.net.URI reads it when that is an absolute http(s) URL with a host, else null. */
    private static URI httpUri(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException notAUri) {
            return null;
        }
        String scheme = uri.getScheme();
        boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        return http
                        && !uri.isOpaque()
                        && uri.getHost() != null
                        && !uri.getHost().isEmpty()
                ? uri
                : null;
    }

    /**
     * ASCII case only: the target is kept as sent, and a look-alike such as U+017F ({@code ſ}, which
     * {@link String#regionMatches(boolean, int, String, int, int)} folds to {@code s}) must not pass for a scheme.
     */
    private static boolean startsWithIgnoringAsciiCase(String s, String lowerPrefix) {
        if (s.length() < lowerPrefix.length()) {
            return false;
        }
        for (int i = 0; i < lowerPrefix.length(); i++) {
            char c = s.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != lowerPrefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean containsSpace(String s) {
        return s.chars().anyMatch(c -> isSpace((char) c));
    }

    private static String encodeSpaces(String s) {
        return percentEncode(s, c -> isSpace((char) c));
    }

    /**
     * {@code s} with every character {@code encode} accepts percent-encoded as its UTF-8 bytes (upper-case hex),
     * every other character kept; {@code s} itself when nothing is encoded.
     */
    public static String percentEncode(String s, IntPredicate encode) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (encode.test(c)) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(HEX_DIGITS.charAt((b >> 4) & 0xF)).append(HEX_DIGITS.charAt(b & 0xF));
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
