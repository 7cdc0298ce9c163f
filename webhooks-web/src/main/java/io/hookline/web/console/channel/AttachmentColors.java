package io.hookline.web.console.channel;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The colour of an attachment's side bar. The result goes into a {@code style} attribute, so it can
 * only ever be {@code #} followed by three or six hex digits: Slack's three colour names map to Slack's
 * colours, and anything else ({@code red}, {@code red;background:url(javascript:...)}, a number) is the
 * default grey.
 */
public final class AttachmentColors {

    /** Slack's {@code good}. */
    public static final String GOOD = "#2eb886";
    /** Slack's {@code warning}. */
    public static final String WARNING = "#daa038";
    /** Slack's {@code danger}. */
    public static final String DANGER = "#a30200";
    /** The bar of an attachment without a (usable) colour. */
    public static final String DEFAULT = "#dddddd";

    private static final Map<String, String> NAMED = Map.of("good", GOOD, "warning", WARNING, "danger", DANGER);
    private static final Pattern HEX = Pattern.compile("#(?:[0-9a-f]{3}|[0-9a-f]{6})");

    private AttachmentColors() {}

    /** A CSS colour that is {@code #rgb} or {@code #rrggbb} (lower case), whatever {@code raw} is. */
    public static String css(String raw) {
        if (raw == null) {
            return DEFAULT;
        }
        String color = raw.strip().toLowerCase(Locale.ROOT);
        String named = NAMED.get(color);
        if (named != null) {
            return named;
        }
        return HEX.matcher(color).matches() ? color : DEFAULT;
    }
}
