package io.hookline.ejb.slack;

import io.hookline.api.error.HooklineException;
import jakarta.json.JsonArray;
import java.util.List;

/**
 * Translates Slack Block Kit {@code blocks} into markdown. Mattermost ignores Block Kit entirely, so a message
 * sent with only blocks would arrive empty there; Hookline renders the blocks as the post's message instead.
 *
 * <p>The output is CommonMark with the GFM table and strikethrough extensions, as Mattermost renders it. Blocks
 * are separated by a blank line. What is rendered:
 * <ul>
 *   <li>{@code header}: {@code ### text}, on one line.</li>
 *   <li>{@code section}: its {@code text}; then its {@code fields}: one field as a paragraph, two or more as a
 *       two-column table, two fields a row in Slack's order, under an <em>empty</em> header row (GFM tables
 *       need one; Slack fields have none, and promoting the first pair to a bold header would misrepresent it).
 *       A line break inside a field becomes a space (a table cell is one line), {@code |} is escaped. Then an
 *       {@code image} accessory as {@code ![alt](url)}; any other accessory (button, select, overflow, date
 *       picker, ...) is dropped with the note below.</li>
 *   <li>{@code divider}: {@code ---}; always a block of its own between blank lines, so it can never turn the
 *       text above it into a setext heading.</li>
 *   <li>{@code context}: its elements on one line, joined by spaces (text translated, images as
 *       {@code ![alt](url)}), wrapped in {@code _..._}. Markdown has no small text and Mattermost does not render
 *       HTML ({@code <sub>}, {@code <small>} would show as text), so italics is the subtle form used. When the
 *       line itself starts or ends with {@code _}, {@code *...*} is used, and when it also starts or ends with
 *       {@code *} the line is left unwrapped (nesting would break the emphasis).</li>
 *   <li>{@code image}: {@code ![alt_text](image_url "title")}; the title only when present.</li>
 *   <li>{@code rich_text}: {@code rich_text_section} as a paragraph; inline {@code text} with {@code style}
 *       bold/italic/strike/code as {@code **}, {@code _} (or {@code *} inside a word, where {@code _} does not
 *       work), {@code ~~}, and a code span (its backtick fence longer than any run inside); whitespace at the
 *       edges of a styled run stays outside the delimiters, each line of a run is wrapped on its own, and a run
 *       whose delimiters would stand between a letter and punctuation ({@code foo**(bar)**}, which CommonMark
 *       shows literally) is shown unstyled; {@code link} as {@code [text](url)}, or {@code [url](url)} without
 *       text; {@code user} as {@code @name} (resolved, else {@code @U..}); {@code channel} as {@code ~name}
 *       (resolved, else {@code ~C..}); {@code emoji} as {@code :name:} (skin tone dropped; the {@code unicode}
 *       code points when the name is unusable); {@code broadcast} as {@code @here}, {@code @channel},
 *       {@code @all} (for {@code everyone}); {@code usergroup} as {@code @} + its ID (Hookline has no user
 *       groups to resolve it to); {@code color} as its value; {@code date} as its {@code fallback}, else the
 *       timestamp in UTC. {@code rich_text_list} as a markdown list ({@code -} or {@code N.}, numbers starting
 *       at {@code offset + 1}); nested by {@code indent} under the last item one level up, indented to that
 *       item's content column (2 spaces under {@code - }, 3 under {@code 1. }, more under longer numbers), as
 *       CommonMark requires; {@code indent} is clamped to 0..{@value #MAX_LIST_INDENT} and to one level below
 *       the previous list, {@code offset} to 0..{@value #MAX_LIST_OFFSET}; line breaks inside an item are indented
 *       to its content column, empty items are skipped, and a nested ordered list not starting at 1 gets a blank
 *       line before it (it could not interrupt its parent item's text). {@code rich_text_quote} as {@code > }
 *       lines; {@code rich_text_preformatted} as a fenced code block whose backtick fence is longer than any
 *       backtick run inside (its {@code language}, when a plain word, as the info string).</li>
 *   <li>{@code markdown} (Slack's standard-markdown block): its text, unchanged.</li>
 *   <li>{@code table}: a GFM table, first row as the header row, {@code column_settings[].align} as the
 *       delimiter row's alignment; cells are {@code raw_text} or {@code rich_text} (flattened to one line); at
 *       most {@value #MAX_TABLE_COLUMNS} columns, short rows padded.</li>
 *   <li>{@code video}: a link {@code [title](title_url)} ({@code video_url} when there is no usable
 *       {@code title_url}); Mattermost previews the link itself.</li>
 *   <li>{@code actions}, {@code input}, {@code context_actions} and every interactive element (a non-image
 *       accessory, an interactive element in a context) are dropped; if anything was dropped, the discreet line
 *       {@value #INTERACTIVE_NOTE} is appended once, at the end, but only when something else was rendered (a
 *       message of only buttons renders to {@code ""}, so the caller keeps the sender's {@code text}).</li>
 *   <li>{@code file}, {@code call} and unknown block types are dropped silently; so are unknown rich text
 *       elements and images given only as a {@code slack_file} (a private Slack URL nobody here can open).</li>
 * </ul>
 *
 * <p>Text: {@code mrkdwn} goes through {@link SlackTranslator} (so, as there, Slack's {@code *bold*} is passed
 * through as markdown). {@code plain_text} and rich text are literal: markdown syntax in them is escaped (see
 * {@link MarkdownText}); Slack entities are not decoded there. The {@code emoji} flag of {@code plain_text} has no
 * effect: {@code :name:} is left as written and Mattermost shows it as an emoji, which is what Slack does for the
 * default {@code emoji: true}; markdown has no way to suppress that for {@code emoji: false}.
 *
 * <p>URLs (images, links, video) are kept only when they are http(s) with a host (the rule of
 * {@link io.hookline.ejb.common.SafeUrls#httpUrl}); anything else drops the image, or leaves a link's text
 * without the link. They are percent-encoded where markdown would misread them; alt and title texts are escaped.
 *
 * <p>{@link BlockReader} reads the JSON into {@link Block} records (a member of the wrong type is a 400 naming its
 * path); {@link BlockNodes} builds commonmark nodes from them and {@link BlockMarkdown} renders those. At most
 * {@link #MAX_BLOCKS} blocks are accepted (Slack allows 50).
 * Stateless and thread-safe; it uses only the Jakarta JSON Processing API.
 */
public final class BlockKit {

    /** The most blocks translated in one call; more is a 400 (Slack allows 50 per message; this is lenient). */
    public static final int MAX_BLOCKS = 100;

    /** Appended once when interactive blocks or elements were dropped. */
    public static final String INTERACTIVE_NOTE = "_(interactive elements not supported)_";

    /** Deepest {@code rich_text_list} {@code indent} (Slack's range is 0 to 8); deeper is clamped. */
    static final int MAX_LIST_INDENT = 8;

    /** Largest {@code rich_text_list} {@code offset} honoured, so numbers stay short (CommonMark allows 9 digits). */
    static final int MAX_LIST_OFFSET = 99_999;

    /** Columns kept in a {@code table} block (Slack's maximum); cells past it are dropped. */
    static final int MAX_TABLE_COLUMNS = 20;

    /** Earliest {@code date} shown: 0001-01-01T00:00:00Z; earlier timestamps are shown as this. */
    static final long MIN_DATE_SECONDS = -62_135_596_800L;

    /** Latest {@code date} shown: 9999-12-31T23:59:59Z; later timestamps are shown as this. */
    static final long MAX_DATE_SECONDS = 253_402_300_799L;

    private BlockKit() {}

    /**
     * Translates a message's {@code blocks}; errors name paths under {@code blocks}.
     *
     * @see #toMarkdown(JsonArray, Mentions, String)
     */
    public static String toMarkdown(JsonArray blocks, Mentions mentions) {
        return toMarkdown(blocks, mentions, "blocks");
    }

    /**
     * Translates Block Kit blocks into markdown.
     *
     * @param blocks   the blocks; null or empty gives {@code ""}
     * @param mentions resolves user and channel IDs; null means {@link Mentions#NONE}
     * @param path     how errors name the array, e.g. {@code attachments[0].blocks}; null means {@code blocks}
     * @return the markdown, blocks separated by blank lines; {@code ""} when nothing is renderable
     * @throws HooklineException 400 {@code invalid_payload} for more than {@link #MAX_BLOCKS} blocks or a member of
     *                           the wrong type, naming its path
     */
    public static String toMarkdown(JsonArray blocks, Mentions mentions, String path) {
        if (blocks == null || blocks.isEmpty()) {
            return "";
        }
        List<Block> read = BlockReader.blocks(blocks, path == null || path.isBlank() ? "blocks" : path);
        return new BlockNodes(mentions == null ? Mentions.NONE : mentions).render(read);
    }
}
