package io.hookline.api.hook;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * What an integration asks to post through {@code /hooks/{id}}, already parsed and type-checked
 * from whatever body form it arrived in. Absent fields are {@code null}; the "not set" spellings
 * real clients use ({@code ""} for channel, username, icon_url, icon_emoji) are normalized to
 * {@code null} by the parser so later rules need only one check.
 *
 * @param attachments Slack message attachments: an array of objects (never null elements)
 * @param blocks      Slack Block Kit blocks: an array of objects
 * @param props       extra post props the integration sends (Mattermost's {@code props})
 * @param type        post type; {@code system_*} types are refused
 * @param rootId      id of the post to reply to (a thread)
 * @param priority    Mattermost's message priority object ({@code priority}, {@code requested_ack})
 * @param threadTs    Slack's {@code thread_ts}: {@code rootId}'s alias, a post id or a post's {@code ts}
 */
public record WebhookPayload(
        String text,
        String channel,
        String username,
        String iconUrl,
        String iconEmoji,
        JsonArray attachments,
        JsonArray blocks,
        JsonObject props,
        String type,
        String rootId,
        JsonObject priority,
        String threadTs) {

    /** A payload without {@code thread_ts}. */
    public WebhookPayload(
            String text,
            String channel,
            String username,
            String iconUrl,
            String iconEmoji,
            JsonArray attachments,
            JsonArray blocks,
            JsonObject props,
            String type,
            String rootId,
            JsonObject priority) {
        this(text, channel, username, iconUrl, iconEmoji, attachments, blocks, props, type, rootId, priority, null);
    }

    /** Mattermost's and Slack's cap on attachments in one message. */
    public static final int MAX_ATTACHMENTS = 100;

    public boolean hasAttachments() {
        return attachments != null && !attachments.isEmpty();
    }

    public boolean hasBlocks() {
        return blocks != null && !blocks.isEmpty();
    }
}
