package io.hookline.web.console.channel;

/**
 * What a {@link PostCard} costs a channel view, in bytes of the page it renders into: UTF-8 length of
 * every string, with the worst-case growth of Faces' escaping for plain strings and URLs (a {@code "}
 * becomes {@code &quot;}), plus the markup around each post, attachment and field. An estimate on the
 * high side, so that a bound on it is a bound on the page; the heap the strings take is at most twice it.
 */
public final class RenderedSize {

    /** The post template's markup around one post (avatar, header, time, body). */
    static final int POST_MARKUP_BYTES = 1024;
    /** The markup around one attachment. */
    static final int ATTACHMENT_MARKUP_BYTES = 768;
    /** The markup around one field. */
    static final int FIELD_MARKUP_BYTES = 160;
    /** The longest entity Faces escapes a character to ({@code &quot;}), less the character itself. */
    static final int ESCAPE_GROWTH = 5;

    private RenderedSize() {}

    public static long of(PostCard card) {
        long bytes = POST_MARKUP_BYTES
                + html(card.messageHtml())
                + plain(card.authorName())
                + plain(card.iconUrl())
                + plain(card.iconEmoji())
                + plain(card.initials())
                + plain(card.id());
        for (AttachmentCard attachment : card.attachments()) {
            bytes += of(attachment);
        }
        return bytes;
    }

    public static long of(AttachmentCard a) {
        long bytes = ATTACHMENT_MARKUP_BYTES
                + plain(a.color())
                + html(a.pretextHtml())
                + plain(a.authorName())
                + plain(a.authorLink())
                + plain(a.authorIcon())
                + html(a.titleHtml())
                + plain(a.titleLink())
                + html(a.textHtml())
                + plain(a.imageUrl())
                + plain(a.thumbUrl())
                + html(a.footerHtml())
                + plain(a.footerIcon());
        for (AttachmentField field : a.fields()) {
            bytes += FIELD_MARKUP_BYTES + html(field.titleHtml()) + html(field.valueHtml());
        }
        return bytes;
    }

    /** HTML written as is: its UTF-8 length. */
    static long html(String s) {
        return utf8(s, 0);
    }

    /** Text Faces escapes: its UTF-8 length plus the growth of each character that may be escaped. */
    static long plain(String s) {
        return utf8(s, ESCAPE_GROWTH);
    }

    private static long utf8(String s, int escapeGrowth) {
        if (s == null) {
            return 0;
        }
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
                if (c == '<' || c == '>' || c == '&' || c == '"' || c == '\'') {
                    bytes += escapeGrowth;
                }
            } else if (c < 0x800 || Character.isSurrogate(c)) {
                bytes += 2; // a surrogate pair is 4 bytes: 2 for each half
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
