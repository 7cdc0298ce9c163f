package io.hookline.ejb.slack;

import io.hookline.api.error.HooklineException;
import jakarta.json.JsonArray;
import java.util.List;

/**
 * Translates Slack Block Kit {@code blocks} into markdown. Mattermost ignores Block Kit entirely, so a message
 * sent with only blocks would arrive empty there; Hookline renders the blocks as the post's message instead.
 *
 * <p>{@link BlockReader} reads the JSON into {@link Block} records (a member of the wrong type is a 400 naming its
 * path), {@link BlockNodes} builds a commonmark node tree from them and {@link BlockMarkdown} renders it. The
 * output is CommonMark with GFM tables and strikethrough, blocks separated by a blank line; what each block
 * becomes is listed in the README ("Slack attachments and Block Kit") and pinned byte for byte by
 * {@code src/test/resources/slack/block-vectors.json}. The choices a reader of the code would not guess:
 * <ul>
 *   <li>Section {@code fields} become a two-column table under an <em>empty</em> header row: GFM tables need one,
 *       and promoting the first pair to a bold header would misrepresent Slack's fields.</li>
 *   <li>A {@code context} line is wrapped in {@code _..._} (or {@code *...*} when the line starts or ends with
 *       {@code _}; unwrapped when it also starts or ends with {@code *}): markdown has no small text and
 *       Mattermost shows HTML as text.</li>
 *   <li>Styled rich text keeps whitespace outside its delimiters and is wrapped line by line; a run whose
 *       delimiters could not flank ({@code foo**(bar)**}, shown literally by CommonMark) is shown unstyled.</li>
 *   <li>Nested lists are indented to their parent item's content column, as CommonMark requires; a nested
 *       ordered list not starting at 1 gets a blank line before it (it could not interrupt its parent's text).</li>
 *   <li>{@code actions}, {@code input} and interactive elements are dropped, noted once at the end by
 *       {@value #INTERACTIVE_NOTE}, but only when something else was rendered (a message of only buttons renders
 *       to {@code ""}, so the caller keeps the sender's {@code text}).</li>
 *   <li>{@code mrkdwn} goes through {@link SlackTranslator}; {@code plain_text} and rich text are literal, their
 *       markdown syntax escaped by {@link MarkdownText}. URLs are kept only when http(s) with a host
 *       ({@link io.hookline.ejb.common.SafeUrls#httpUrl}).</li>
 * </ul>
 * Stateless and thread-safe; it uses only the Jakarta JSON Processing API and commonmark-java.
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
