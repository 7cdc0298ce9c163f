package io.hookline.ejb.hook;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import io.hookline.ejb.slack.BlockKit;
import io.hookline.ejb.slack.MentionResolver;
import io.hookline.ejb.slack.Mentions;
import io.hookline.ejb.slack.SlackAttachments;
import io.hookline.ejb.slack.SlackTranslator;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * A hook payload's Slack content turned into what a Mattermost post holds: the markdown message and
 * the attachments in Mattermost's shape.
 *
 * <p>Blocks, like in Slack, replace {@code text} on screen: Slack shows {@code text} only as the
 * notification fallback when blocks are present. So when the blocks render to something, the message
 * is their markdown, the original {@code text} is kept in props {@code fallback}, and the original
 * blocks in props {@code blocks} for API clients. Blocks that render to nothing leave {@code text}.
 */
record SlackContent(String message, String fallback, JsonArray attachments, JsonArray blocks) {

    /** Looked up once: {@code Json.create…} asks the ServiceLoader for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Mattermost's cap on a post's props, in characters (it counts runes): attachments live there. */
    static final int MAX_PROPS_LENGTH = 760_000;

    /**
     * Translates the payload; the mentions in its text, attachments and blocks are resolved together, by at
     * most one {@code resolver} call for at most {@link Mentions#MAX_RESOLVED_IDS} ids (see {@link Mentions}).
     */
    static SlackContent of(WebhookPayload payload, MentionResolver resolver) {
        return Mentions.translate(resolver, mentions -> translate(payload, mentions));
    }

    private static SlackContent translate(WebhookPayload payload, Mentions mentions) {
        String text = payload.text() == null ? "" : SlackTranslator.toMarkdown(payload.text(), mentions);
        JsonArray attachments = payload.hasAttachments()
                ? SlackAttachments.normalize(
                        payload.attachments(), mentions, blocks -> BlockKit.toMarkdown(blocks, mentions))
                : null;
        if (!payload.hasBlocks()) {
            return new SlackContent(text, null, attachments, null);
        }
        String fromBlocks = BlockKit.toMarkdown(payload.blocks(), mentions);
        if (fromBlocks.isBlank()) {
            return new SlackContent(text, null, attachments, payload.blocks());
        }
        return new SlackContent(fromBlocks, text.isBlank() ? null : payload.text(), attachments, payload.blocks());
    }

    /**
     * The props of the part that carries the Slack content (the last one), within Mattermost's size
     * cap. Like Mattermost, an attachment whose text alone pushes the props past the cap is cut by the
     * overflow; when no single text can absorb it, the request is refused (400).
     */
    JsonObject addTo(JsonObject props, JsonObject priority) {
        if (attachments == null && blocks == null && fallback == null && priority == null) {
            // Text-only posts: the client's own props must fit the same cap (found by the hostile corpus).
            if (props.toString().length() > MAX_PROPS_LENGTH) {
                throw tooLarge();
            }
            return props;
        }
        JsonArray fitted = attachments;
        for (int attempt = 0; ; attempt++) {
            JsonObject built = build(props, priority, fitted);
            int overflow = built.toString().length() - MAX_PROPS_LENGTH;
            if (overflow <= 0) {
                return built;
            }
            JsonArray cut = attempt < 3 && fitted != null ? cutLongestText(fitted, overflow) : null;
            if (cut == null) {
                throw tooLarge();
            }
            fitted = cut;
        }
    }

    private static HooklineException tooLarge() {
        return HooklineException.badRequest(
                "invalid_payload",
                "The attachments, blocks and props are larger than " + MAX_PROPS_LENGTH + " characters.");
    }

    private JsonObject build(JsonObject props, JsonObject priority, JsonArray fittedAttachments) {
        JsonObjectBuilder builder = JSON.createObjectBuilder(props);
        if (fittedAttachments != null) {
            builder.add("attachments", fittedAttachments);
        }
        if (blocks != null) {
            builder.add("blocks", blocks);
        }
        if (fallback != null) {
            builder.add("fallback", fallback);
        }
        if (priority != null) {
            builder.add("priority", priority);
        }
        return builder.build();
    }

    /** The attachments with the longest {@code text} shortened by {@code overflow} (plus escaping slack), or null. */
    private static JsonArray cutLongestText(JsonArray attachments, int overflow) {
        int longest = -1;
        int longestLength = 0;
        for (int i = 0; i < attachments.size(); i++) {
            String text = attachments.getJsonObject(i).getString("text", "");
            if (text.length() > longestLength) {
                longest = i;
                longestLength = text.length();
            }
        }
        // JSON escapes can make the serialized text longer than the text: cut a little more than the overflow.
        int cutBy = overflow + 64;
        if (longest < 0 || longestLength <= cutBy) {
            return null;
        }
        String text = attachments.getJsonObject(longest).getString("text");
        int keep = text.offsetByCodePoints(0, text.codePointCount(0, text.length() - cutBy));
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (int i = 0; i < attachments.size(); i++) {
            JsonObject a = attachments.getJsonObject(i);
            out.add(
                    i == longest
                            ? JSON.createObjectBuilder(a)
                                    .add("text", text.substring(0, keep))
                                    .build()
                            : a);
        }
        return out.build();
    }
}
