package io.hookline.web.console.channel;

import io.hookline.ejb.slack.SlackAttachments;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The one rule for every URL the channel view puts into an {@code href} or {@code src} outside the
 * rendered markdown (icons, attachment links and images): an absolute http or https URL with a host,
 * or nothing. The write path applied the same rule when the post was stored; checking again here means
 * a post stored by an older version, another writer or a hand-edited database still cannot reach the
 * page with {@code javascript:}, {@code data:} or a relative URL.
 */
public final class HttpUrls {

    /** Longest URL shown; the write path keeps none longer ({@link SlackAttachments#MAX_URL_LENGTH}). */
    public static final int MAX_LENGTH = SlackAttachments.MAX_URL_LENGTH;

    private HttpUrls() {
    }

    /**
     * The URL itself when it is absolute http(s) with a host, else null. Refused as well: any whitespace
     * or control character anywhere (browsers strip or skip them, which is how {@code java\tscript:}
     * and {@code " javascript:"} sneak past naive checks), a backslash (browsers read it as a slash in
     * http URLs, java.net.URI does not), user info ({@code https://trusted.example@evil.example/}: browsers
     * block such images, and in a link it only disguises the host), and whatever java.net.URI cannot
     * parse. Entities and percent escapes are not decoded: {@code &#106;avascript:} is a relative
     * reference here and refused.
     */
    public static String orNull(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
            return null;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c) || c == '\\') {
                return null;
            }
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException notAUri) {
            return null;
        }
        String scheme = uri.getScheme();
        boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        if (!http || uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
            return null;
        }
        return raw;
    }
}
