package io.hookline.ejb.slack;

import java.math.BigDecimal;
import java.util.List;

/**
 * A Block Kit block as {@link BlockReader} reads it: only the members Hookline shows, each of its JSON type. URLs
 * are kept only when usable ({@link BlockReader} applies the http(s) rule), so a null URL means "show no link".
 * Blocks Hookline does not show ({@code file}, {@code call}, unknown types) are not read into records at all.
 */
sealed interface Block {

    /** A {@code header}; {@code text} is null when absent. */
    record Header(TextObject text) implements Block {}

    /** A {@code section}: its text (or null), its fields (possibly empty), and what its accessory gives. */
    record Section(TextObject text, List<TextObject> fields, Image accessoryImage, boolean interactiveAccessory)
            implements Block {}

    /** A {@code divider}. */
    record Divider() implements Block {}

    /** A {@code context}: its elements in order. */
    record Context(List<ContextElement> elements) implements Block {}

    /** A {@code rich_text} block (also the content of a rich text table cell). */
    record RichText(List<RichElement> elements) implements Block, TableCell {}

    /** Slack's standard-markdown {@code markdown} block. */
    record Markdown(String text) implements Block {}

    /** A {@code table}: rows of at most {@link BlockKit#MAX_TABLE_COLUMNS} cells, and each column's alignment. */
    record Table(List<List<TableCell>> rows, List<String> alignments) implements Block {}

    /** A {@code video} with a usable URL: {@code title_url}, else {@code video_url}. */
    record Video(String url, TextObject title, String altText) implements Block {}

    /** An {@code actions}, {@code input} or {@code context_actions} block: nothing to show, noted once. */
    record Interactive() implements Block, ContextElement {}

    /** An image block or element with a usable URL; the title only for an image block. */
    record Image(String url, String altText, TextObject title) implements Block, ContextElement {}

    /** A text object: {@code plain_text} is literal, {@code mrkdwn} is Slack markup. */
    record TextObject(String text, boolean plain) implements ContextElement {}

    /** What a context block holds. */
    sealed interface ContextElement permits Image, TextObject, Interactive, Ignored {}

    /** A context element or rich text element that shows nothing (unknown type, an image without usable URL). */
    record Ignored() implements ContextElement, RichElement {}

    /** A table cell: {@code raw_text} or {@code rich_text}. */
    sealed interface TableCell permits RawText, RichText {}

    /** A {@code raw_text} table cell (literal text). */
    record RawText(String text) implements TableCell {}

    /** An element of a rich text block. */
    sealed interface RichElement permits RichSection, RichQuote, Preformatted, RichList, Ignored {}

    /** A {@code rich_text_section}. */
    record RichSection(List<Inline> elements) implements RichElement {}

    /** A {@code rich_text_quote}. */
    record RichQuote(List<Inline> elements) implements RichElement {}

    /** A {@code rich_text_preformatted} that shows something, and its {@code language} as given (or null). */
    record Preformatted(List<Inline> elements, String language) implements RichElement {}

    /** A {@code rich_text_list}; {@code indent} and {@code offset} as given (0 when absent), items in order. */
    record RichList(boolean ordered, long indent, long offset, List<List<Inline>> items) implements RichElement {}

    /** An inline rich text element, with its style. */
    sealed interface Inline permits Text, Link, User, Channel, Usergroup, Broadcast, Emoji, Date {
        Style style();
    }

    /** Literal text ({@code text} and {@code color} elements). */
    record Text(String text, Style style) implements Inline {}

    /** A {@code link}; {@code url} is null when unusable (its text is then shown without a link). */
    record Link(String url, String text, Style style) implements Inline {}

    record User(String userId, Style style) implements Inline {}

    record Channel(String channelId, Style style) implements Inline {}

    record Usergroup(String usergroupId, Style style) implements Inline {}

    /** A {@code broadcast}: {@code @here}, {@code @channel} or {@code @all}. */
    record Broadcast(String announcement, Style style) implements Inline {}

    record Emoji(String name, String unicode, Style style) implements Inline {}

    /** A {@code date}: its fallback text (may be null) and its timestamp (may be null). */
    record Date(String fallback, BigDecimal timestamp, Style style) implements Inline {}

    /** The style flags of an inline element. */
    record Style(boolean bold, boolean italic, boolean strike, boolean code) {
        static final Style NONE = new Style(false, false, false, false);

        boolean visible() {
            return bold || italic || strike || code;
        }

        Style withoutCode() {
            return new Style(bold, italic, strike, false);
        }
    }
}
