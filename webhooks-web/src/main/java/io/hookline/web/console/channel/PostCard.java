package io.hookline.web.console.channel;

import io.hookline.web.emoji.EmojiImages;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One post as the channel view shows it, built by {@link PostCards#of}. Everything here is safe to put
 * into a page: plain strings are escaped by Faces, {@code *Html} strings come from the shared markdown
 * renderer, URLs are absolute http(s) or null. Serializable because the channel page is view-scoped.
 *
 * @param id          the post's id
 * @param createAt    when it was posted, epoch milliseconds
 * @param authorName  plain text: the webhook's override username, else the creator's username, else "unknown"
 * @param iconUrl     the webhook's override icon, an absolute http(s) URL, or null
 * @param iconEmoji   the webhook's override emoji as Unicode (when there is no icon URL), or null
 * @param initials    one upper-case letter or digit for the avatar when there is neither icon nor emoji
 * @param bot         whether the post came from a webhook (Mattermost's BOT tag)
 * @param messageHtml the message rendered as block HTML; {@code ""} when there is no message
 * @param attachments the attachments to show, in order; never null
 * @param clipped     whether the view cut this post to its per-post bound ({@link PostWindow}): the page
 *                    then says that part of it is not shown
 */
public record PostCard(
        String id,
        long createAt,
        String authorName,
        String iconUrl,
        String iconEmoji,
        String initials,
        boolean bot,
        String messageHtml,
        List<AttachmentCard> attachments,
        boolean clipped)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The label next to the author, as Mattermost's compact time; in UTC because the page is rendered on the server. */
    private static final DateTimeFormatter TIME_LABEL =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    public PostCard {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A whole post. */
    public PostCard(
            String id,
            long createAt,
            String authorName,
            String iconUrl,
            String iconEmoji,
            String initials,
            boolean bot,
            String messageHtml,
            List<AttachmentCard> attachments) {
        this(id, createAt, authorName, iconUrl, iconEmoji, initials, bot, messageHtml, attachments, false);
    }

    /** This post with only {@code kept} of its attachments, marked clipped. */
    public PostCard clipped(List<AttachmentCard> kept) {
        return new PostCard(id, createAt, authorName, iconUrl, iconEmoji, initials, bot, messageHtml, kept, true);
    }

    /** This post without its message, marked clipped. */
    public PostCard withoutMessage() {
        return new PostCard(id, createAt, authorName, iconUrl, iconEmoji, initials, bot, "", attachments, true);
    }

    /**
     * The bundled image of {@link #iconEmoji()} ({@link EmojiImages}), a URL on this host; null when there is no
     * emoji or the set has no image for it (the avatar then shows the emoji as text).
     */
    public String iconEmojiUrl() {
        return iconEmoji == null
                ? null
                : EmojiImages.fileFor(iconEmoji)
                        .map(file -> EmojiImages.URL_PREFIX + file)
                        .orElse(null);
    }

    /** For the {@code datetime} attribute of {@code <time>}: ISO-8601 in UTC, e.g. {@code 2015-12-12T15:32:00Z}. */
    public String isoTime() {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(createAt));
    }

    /** The short label shown, e.g. {@code 15:32} (UTC; the full time is in {@link #isoTime()}). */
    public String timeLabel() {
        return TIME_LABEL.format(Instant.ofEpochMilli(createAt));
    }
}
