package io.hookline.web.console.channel;

import io.hookline.api.hook.WebhookPayload;
import io.hookline.ejb.common.SafeUrls;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a post's {@code props.attachments} (Mattermost's stored attachment shape, see
 * {@code io.hookline.ejb.slack.SlackAttachments}) into {@link AttachmentCard}s. Text goes through the
 * shared markdown renderer, URLs through {@link SafeUrls#shownHttpUrl}, the colour through {@link AttachmentColors};
 * a member of the wrong JSON type counts as absent, and nothing here throws on stored data.
 */
final class AttachmentCards {

    /** Attachments shown per post: the most a hook may send ({@link WebhookPayload#MAX_ATTACHMENTS}). */
    static final int MAX_ATTACHMENTS = WebhookPayload.MAX_ATTACHMENTS;

    /**
     * Fields shown per attachment. Slack and Mattermost set no limit; this one keeps the work of one page
     * bounded (100 attachments of 100 fields is already 10,000 renders) while no real integration sends
     * anywhere near it.
     */
    static final int MAX_FIELDS_PER_ATTACHMENT = 100;

    /** Longest footer shown, in code points, before an ellipsis: Mattermost's {@code MAX_ATTACHMENT_FOOTER_LENGTH}. */
    static final int MAX_FOOTER_LENGTH = 300;

    /** Latest {@code ts} shown, in epoch seconds (9999-12-31T23:59:59Z): past it a date has no four-digit year. */
    static final long MAX_TS_SECONDS = 253_402_300_799L;

    /** Slack's {@code ts} as a string: epoch seconds with an optional fraction ({@code "1503435956.000247"}). */
    private static final Pattern NUMERIC_TS = Pattern.compile("[0-9]{1,19}(?:\\.[0-9]{1,19})?");

    /** Link tags of the renderer's output (see {@link PlainText}: a {@code <} there always opens a tag). */
    private static final Pattern RENDERED_LINK_TAG = Pattern.compile("</?a(?:\\s[^>]*)?>");

    private static final MarkdownRenderer RENDERER = MarkdownRenderer.shared();

    private AttachmentCards() {}

    /** The cards of {@code props.attachments}; an empty list when it is absent or not an array. */
    static List<AttachmentCard> of(JsonValue attachments) {
        List<AttachmentCard> cards = new ArrayList<>();
        for (JsonValue value : TolerantJson.array(attachments)) {
            JsonObject attachment = TolerantJson.object(value);
            if (attachment != null) {
                cards.add(card(attachment));
                if (cards.size() == MAX_ATTACHMENTS) {
                    break;
                }
            }
        }
        return List.copyOf(cards);
    }

    private static AttachmentCard card(JsonObject a) {
        String titleLink = SafeUrls.shownHttpUrl(TolerantJson.text(a, "title_link"));
        String titleHtml = RENDERER.toHtmlInline(TolerantJson.text(a, "title"));
        if (titleLink != null) {
            // The page wraps the title in its own link; a link inside a link is invalid HTML.
            titleHtml = RENDERED_LINK_TAG.matcher(titleHtml).replaceAll("");
        }
        return new AttachmentCard(
                AttachmentColors.css(TolerantJson.text(a, "color")),
                RENDERER.toHtml(TolerantJson.text(a, "pretext")),
                PlainText.ofRenderedHtml(RENDERER.toHtmlInline(TolerantJson.text(a, "author_name"))),
                SafeUrls.shownHttpUrl(TolerantJson.text(a, "author_link")),
                SafeUrls.shownHttpUrl(TolerantJson.text(a, "author_icon")),
                titleHtml,
                titleLink,
                RENDERER.toHtml(TolerantJson.text(a, "text")),
                fields(a.get("fields")),
                SafeUrls.shownHttpUrl(TolerantJson.text(a, "image_url")),
                SafeUrls.shownHttpUrl(TolerantJson.text(a, "thumb_url")),
                RENDERER.toHtmlInline(footer(TolerantJson.text(a, "footer"))),
                SafeUrls.shownHttpUrl(TolerantJson.text(a, "footer_icon")),
                epochMillis(a.get("ts")));
    }

    /** The fields that show something; a field with neither title nor value would be an empty cell. */
    private static List<AttachmentField> fields(JsonValue fields) {
        List<AttachmentField> out = new ArrayList<>();
        for (JsonValue value : TolerantJson.array(fields)) {
            JsonObject field = TolerantJson.object(value);
            if (field == null) {
                continue;
            }
            String title = TolerantJson.text(field, "title");
            String text = TolerantJson.text(field, "value");
            if (title == null && text == null) {
                continue;
            }
            out.add(new AttachmentField(
                    RENDERER.toHtmlInline(title), RENDERER.toHtml(text), TolerantJson.isTrue(field, "short")));
            if (out.size() == MAX_FIELDS_PER_ATTACHMENT) {
                break;
            }
        }
        return List.copyOf(out);
    }

    private static String footer(String footer) {
        String cut = PlainText.truncate(footer, MAX_FOOTER_LENGTH);
        return cut == null || cut.equals(footer) ? cut : cut + "…";
    }

    /**
     * Slack's {@code ts} (epoch seconds, a JSON number or a numeric string, maybe with a fraction) as
     * epoch milliseconds; null when absent, of another type, negative or past {@link #MAX_TS_SECONDS}.
     */
    static Long epochMillis(JsonValue ts) {
        BigDecimal seconds;
        if (ts instanceof JsonNumber number) {
            seconds = number.bigDecimalValue();
        } else if (ts instanceof JsonString string
                && NUMERIC_TS.matcher(string.getString().strip()).matches()) {
            seconds = new BigDecimal(string.getString().strip());
        } else {
            return null;
        }
        // Compared before any arithmetic: a hostile 1e999999999 is one comparison, not a billion-digit number.
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_TS_SECONDS)) > 0) {
            return null;
        }
        // Below a millisecond (this also keeps 1e-999999999 from costing a billion-digit division).
        if (seconds.signum() == 0 || seconds.precision() - seconds.scale() <= -3) {
            return 0L;
        }
        // 20 significant digits hold any millisecond up to MAX_TS_SECONDS; the scale is then small.
        return seconds.round(new MathContext(20, RoundingMode.DOWN))
                .movePointRight(3)
                .setScale(0, RoundingMode.DOWN)
                .longValueExact();
    }
}
