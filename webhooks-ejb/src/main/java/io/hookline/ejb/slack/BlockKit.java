package io.hookline.ejb.slack;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.common.SafeUrls;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
 * through as markdown). {@code plain_text} and rich text are literal: markdown syntax in them is backslash-escaped
 * ({@code ` * [ ] ~}, {@code _} unless inside a word, {@code \} before punctuation, {@code <} before a non-blank,
 * {@code &} starting an entity; at the start of a line what would open a block: {@code # }, {@code > },
 * {@code - }, {@code + }, {@code 1. }, a thematic break or setext underline, a table delimiter row); leading blanks
 * of a line are dropped (four would start a code block). Slack entities are not decoded there. The {@code emoji}
 * flag of {@code plain_text} has no effect: {@code :name:} is left as written and Mattermost shows it as an emoji,
 * which is what Slack does for the default {@code emoji: true}; markdown has no way to suppress that for
 * {@code emoji: false}.
 *
 * <p>URLs (images, links, video) are kept only when they are http(s) with a host (the rule of
 * {@link SlackAttachments}); anything else drops the image, or leaves a link's text without the link. They are
 * percent-encoded where markdown would misread them; alt and title texts are escaped.
 *
 * <p>Types: a member that is read must have its JSON type ({@code text} a string, {@code elements} an array,
 * {@code style} flags booleans, {@code indent} a number, ...), and array elements must be objects; otherwise a 400
 * {@code invalid_payload} names the path, e.g. {@code blocks[2].text.text must be a string}. {@code null} members
 * count as absent. A bare string where a text object is expected is accepted as that text. At most
 * {@link #MAX_BLOCKS} blocks are accepted (Slack allows 50). The nesting of what is read is fixed (block, element,
 * inline element; a table cell holds one rich text), so nothing recurses, whatever the input.
 *
 * <p>The class is stateless and thread-safe; it uses only the Jakarta JSON Processing API.
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

    private static final String INVALID_PAYLOAD = "invalid_payload";

    private static final Set<String> INTERACTIVE_BLOCKS = Set.of("actions", "input", "context_actions");

    /** Interactive elements as they may appear in a context block (where Slack allows only text and images). */
    private static final Set<String> INTERACTIVE_ELEMENTS = Set.of(
            "button", "checkboxes", "datepicker", "datetimepicker", "email_text_input", "external_select",
            "feedback_buttons", "file_input", "icon_button", "multi_channels_select", "multi_conversations_select",
            "multi_external_select", "multi_static_select", "multi_users_select", "number_input", "overflow",
            "plain_text_input", "radio_buttons", "rich_text_input", "channels_select", "conversations_select",
            "static_select", "timepicker", "url_text_input", "users_select", "workflow_button");

    private static final Pattern EMOJI_NAME = Pattern.compile("[A-Za-z0-9_+'\\-]{1,100}");
    private static final Pattern EMOJI_UNICODE = Pattern.compile("[0-9A-Fa-f]{1,6}(?:-[0-9A-Fa-f]{1,6}){0,9}");
    /** Names that can follow {@code @} or {@code ~} as they are (Mattermost user and channel names). */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._\\-]{0,62}[A-Za-z0-9])?");
    private static final Pattern CODE_LANGUAGE = Pattern.compile("[A-Za-z0-9_+#.\\-]{1,32}");
    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    /** Earliest {@code date} shown: 0001-01-01T00:00:00Z; earlier timestamps are shown as this. */
    static final long MIN_DATE_SECONDS = -62_135_596_800L;
    /** Latest {@code date} shown: 9999-12-31T23:59:59Z; later timestamps are shown as this. */
    static final long MAX_DATE_SECONDS = 253_402_300_799L;

    private static final DateTimeFormatter UTC_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private BlockKit() {
    }

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
        String where = path == null || path.isBlank() ? "blocks" : path;
        if (blocks == null || blocks.isEmpty()) {
            return "";
        }
        if (blocks.size() > MAX_BLOCKS) {
            throw invalid(where + " has " + blocks.size() + " blocks; at most " + MAX_BLOCKS + " are allowed");
        }
        Renderer renderer = new Renderer(mentions == null ? Mentions.NONE : mentions);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            JsonObject block = objectAt(blocks, i, where);
            String markdown = renderer.block(block, where + "[" + i + "]");
            if (markdown != null && !markdown.isBlank()) {
                parts.add(markdown);
            }
        }
        if (parts.isEmpty()) {
            return "";
        }
        if (renderer.droppedInteractive) {
            parts.add(INTERACTIVE_NOTE);
        }
        return String.join("\n\n", parts);
    }

    // ------------------------------------------------------------------------------------------------ rendering

    /** One translation; holds the resolver and whether anything interactive was dropped. Not shared. */
    private static final class Renderer {
        private final Mentions mentions;
        private boolean droppedInteractive;

        Renderer(Mentions mentions) {
            this.mentions = mentions;
        }

        String block(JsonObject block, String path) {
            String type = optString(block, "type", path);
            if (type == null) {
                return null;
            }
            switch (type) {
                case "header":
                    return header(block, path);
                case "section":
                    return section(block, path);
                case "divider":
                    return "---";
                case "context":
                    return context(block, path);
                case "image":
                    return imageOf(block, path, true);
                case "rich_text":
                    return richText(block, path);
                case "markdown":
                    return markdownBlock(block, path);
                case "table":
                    return table(block, path);
                case "video":
                    return video(block, path);
                default:
                    if (INTERACTIVE_BLOCKS.contains(type)) {
                        droppedInteractive = true;
                    }
                    return null; // file, call, unknown: nothing to show
            }
        }

        // ------------------------------------------------------------------------------------- simple blocks

        private String header(JsonObject block, String path) {
            Text text = textObject(block, "text", path, true);
            if (text == null) {
                return null;
            }
            String line = text.plain
                    ? escapeText(oneLine(text.text), false, true)
                    : oneLine(nullToEmpty(SlackTranslator.toMarkdown(text.text, mentions)));
            line = line.strip();
            return line.isEmpty() ? null : "### " + line;
        }

        private String section(JsonObject block, String path) {
            List<String> parts = new ArrayList<>();
            Text text = textObject(block, "text", path, false);
            String body = render(text).strip();
            if (!body.isEmpty()) {
                parts.add(body);
            }
            JsonArray fields = optArray(block, "fields", path);
            if (fields != null && !fields.isEmpty()) {
                List<String> cells = new ArrayList<>(fields.size());
                boolean any = false;
                for (int i = 0; i < fields.size(); i++) {
                    String fieldPath = path + ".fields[" + i + "]";
                    String cell = render(textValue(fields.get(i), fieldPath, false)).strip();
                    any |= !cell.isEmpty();
                    cells.add(cell);
                }
                if (any) {
                    parts.add(cells.size() == 1 ? cells.get(0) : fieldsTable(cells));
                }
            }
            JsonObject accessory = optObject(block, "accessory", path);
            if (accessory != null) {
                String accessoryPath = path + ".accessory";
                String type = optString(accessory, "type", accessoryPath);
                if ("image".equals(type)) {
                    String image = imageOf(accessory, accessoryPath, false);
                    if (image != null) {
                        parts.add(image);
                    }
                } else if (type != null) {
                    droppedInteractive = true;
                }
            }
            return String.join("\n\n", parts);
        }

        private String context(JsonObject block, String path) {
            JsonArray elements = optArray(block, "elements", path);
            if (elements == null) {
                return null;
            }
            List<String> items = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                String elementPath = path + ".elements[" + i + "]";
                JsonObject element = objectAt(elements, i, path + ".elements");
                String type = optString(element, "type", elementPath);
                String item;
                if ("image".equals(type)) {
                    item = imageOf(element, elementPath, false);
                } else if (type != null && INTERACTIVE_ELEMENTS.contains(type)) {
                    droppedInteractive = true;
                    item = null;
                } else if (type == null || "mrkdwn".equals(type) || "plain_text".equals(type)) {
                    item = render(textOf(element, elementPath, false));
                } else {
                    item = null;
                }
                if (item != null && !item.isBlank()) {
                    items.add(item.strip());
                }
            }
            String line = oneLine(String.join(" ", items)).strip();
            if (line.isEmpty()) {
                return null;
            }
            return subtle(line);
        }

        /** An image block ({@code block}: with title) or image element; null when there is no usable URL. */
        private String imageOf(JsonObject image, String path, boolean block) {
            String url = safeUrl(optString(image, "image_url", path));
            if (url == null) {
                return null; // not http(s), or only a slack_file: a private Slack URL nobody here can open
            }
            String alt = nullToEmpty(optString(image, "alt_text", path));
            String title = null;
            if (block) {
                Text t = textObject(image, "title", path, true);
                title = t == null ? null : oneLine(t.text).strip();
            }
            return imageMarkdown(alt, url, title);
        }

        private String markdownBlock(JsonObject block, String path) {
            String text = optString(block, "text", path);
            return text == null ? null : text.strip();
        }

        private String video(JsonObject block, String path) {
            String url = safeUrl(optString(block, "title_url", path));
            if (url == null) {
                url = safeUrl(optString(block, "video_url", path));
            }
            Text title = textObject(block, "title", path, true);
            String alt = optString(block, "alt_text", path);
            if (url == null) {
                return null;
            }
            String label = title != null && !title.text.isBlank() ? title.text
                    : alt != null && !alt.isBlank() ? alt : url;
            return link(oneLine(label).strip(), url, false);
        }

        private String table(JsonObject block, String path) {
            JsonArray rows = optArray(block, "rows", path);
            if (rows == null || rows.isEmpty()) {
                return null;
            }
            List<List<String>> cells = new ArrayList<>(rows.size());
            int columns = 0;
            for (int r = 0; r < rows.size(); r++) {
                String rowPath = path + ".rows[" + r + "]";
                JsonValue rowValue = rows.get(r);
                if (rowValue.getValueType() != JsonValue.ValueType.ARRAY) {
                    throw invalid(rowPath + " must be an array");
                }
                JsonArray row = rowValue.asJsonArray();
                List<String> rendered = new ArrayList<>(Math.min(row.size(), MAX_TABLE_COLUMNS));
                for (int c = 0; c < row.size() && c < MAX_TABLE_COLUMNS; c++) {
                    String cellPath = rowPath + "[" + c + "]";
                    JsonObject cell = objectAt(row, c, rowPath);
                    String type = optString(cell, "type", cellPath);
                    String markdown;
                    if ("rich_text".equals(type)) {
                        markdown = nullToEmpty(richText(cell, cellPath));
                    } else {
                        markdown = escapeText(nullToEmpty(optString(cell, "text", cellPath)), false, false);
                    }
                    rendered.add(tableCell(markdown));
                }
                columns = Math.max(columns, rendered.size());
                cells.add(rendered);
            }
            if (columns == 0) {
                return null;
            }
            JsonArray settings = optArray(block, "column_settings", path);
            StringBuilder sb = new StringBuilder();
            appendRow(sb, cells.get(0), columns);
            sb.append('\n').append('|');
            for (int c = 0; c < columns; c++) {
                String align = null;
                if (settings != null && c < settings.size()
                        && settings.get(c).getValueType() == JsonValue.ValueType.OBJECT) {
                    align = optString(settings.getJsonObject(c), "align", path + ".column_settings[" + c + "]");
                }
                sb.append(switch (align == null ? "" : align) {
                    case "center" -> " :---: |";
                    case "right" -> " ---: |";
                    case "left" -> " :--- |";
                    default -> " --- |";
                });
            }
            for (int r = 1; r < cells.size(); r++) {
                sb.append('\n');
                appendRow(sb, cells.get(r), columns);
            }
            return sb.toString();
        }

        // ----------------------------------------------------------------------------------------- rich text

        private String richText(JsonObject block, String path) {
            JsonArray elements = optArray(block, "elements", path);
            if (elements == null) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            ListWriter list = null;
            for (int i = 0; i < elements.size(); i++) {
                String elementPath = path + ".elements[" + i + "]";
                JsonObject element = objectAt(elements, i, path + ".elements");
                String type = nullToEmpty(optString(element, "type", elementPath));
                if (type.equals("rich_text_list")) {
                    if (list == null) {
                        list = new ListWriter();
                    }
                    list.add(element, elementPath);
                    continue;
                }
                if (list != null) {
                    addIfPresent(parts, list.finish());
                    list = null;
                }
                switch (type) {
                    case "rich_text_section" -> addIfPresent(parts, inline(element, elementPath).strip());
                    case "rich_text_quote" -> addIfPresent(parts, quote(inline(element, elementPath).strip()));
                    case "rich_text_preformatted" -> addIfPresent(parts, preformatted(element, elementPath));
                    default -> {
                        // unknown rich text element: nothing to show
                    }
                }
            }
            if (list != null) {
                addIfPresent(parts, list.finish());
            }
            return String.join("\n\n", parts);
        }

        private String preformatted(JsonObject element, String path) {
            List<Piece> pieces = pieces(element, path);
            StringBuilder code = new StringBuilder();
            for (Piece piece : pieces) {
                code.append(piece.plain);
            }
            String content = stripTrailingNewlines(normalizeNewlines(code.toString()));
            if (content.isBlank()) {
                return null;
            }
            String fence = "`".repeat(Math.max(3, longestRun(content, '`') + 1));
            String language = optString(element, "language", path);
            String info = language != null && CODE_LANGUAGE.matcher(language).matches() ? language : "";
            return fence + info + "\n" + content + "\n" + fence;
        }

        /** Writes consecutive {@code rich_text_list} elements as one (possibly nested) markdown list. */
        private final class ListWriter {
            private final StringBuilder sb = new StringBuilder();
            /** The content column of the last item written at each level. */
            private final int[] contentColumn = new int[MAX_LIST_INDENT + 1];
            private int lastLevel = -1;

            void add(JsonObject list, String path) {
                boolean ordered = "ordered".equals(optString(list, "style", path));
                int level = Math.min(clamp(optInt(list, "indent", path), 0, MAX_LIST_INDENT), lastLevel + 1);
                int number = clamp(optInt(list, "offset", path), 0, MAX_LIST_OFFSET) + 1;
                int base = level == 0 ? 0 : contentColumn[level - 1];
                JsonArray items = optArray(list, "elements", path);
                if (items == null) {
                    return;
                }
                for (int i = 0; i < items.size(); i++, number++) {
                    String itemPath = path + ".elements[" + i + "]";
                    JsonObject item = objectAt(items, i, path + ".elements");
                    String content = collapseBlankLines(inline(item, itemPath).strip());
                    if (content.isEmpty()) {
                        continue; // an empty item could even turn the line above into a setext heading
                    }
                    String marker = ordered ? number + ". " : "- ";
                    if (sb.length() > 0) {
                        sb.append('\n');
                        // An ordered list not starting at 1 cannot interrupt a paragraph: right under its parent
                        // item's text it would be read as more of that text.
                        if (ordered && number != 1 && level > 0 && lastLevel == level - 1) {
                            sb.append('\n');
                        }
                    }
                    int column = base + marker.length();
                    sb.append(" ".repeat(base)).append(marker).append(content.replace("\n", "\n" + " ".repeat(column)));
                    contentColumn[level] = column;
                    lastLevel = level;
                }
            }

            String finish() {
                return sb.toString();
            }
        }

        private String inline(JsonObject container, String path) {
            return assemble(pieces(container, path));
        }

        /** The inline elements of a section, quote, list item or preformatted element, as pieces. */
        private List<Piece> pieces(JsonObject container, String path) {
            JsonArray elements = optArray(container, "elements", path);
            List<Piece> pieces = new ArrayList<>();
            if (elements == null) {
                return pieces;
            }
            // Consecutive literal texts of the same style are merged (Slack splits text at every change of
            // element), so that a style run gets one pair of delimiters.
            StringBuilder run = new StringBuilder();
            Style runStyle = null;
            for (int i = 0; i < elements.size(); i++) {
                String elementPath = path + ".elements[" + i + "]";
                Piece piece = piece(objectAt(elements, i, path + ".elements"), elementPath);
                if (piece == null || piece.plain.isEmpty()) {
                    continue;
                }
                if (runStyle != null && !(piece.literal && piece.style.equals(runStyle))) {
                    pieces.add(new Piece(run.toString(), null, true, runStyle));
                    run.setLength(0);
                    runStyle = null;
                }
                if (piece.literal) {
                    run.append(piece.plain);
                    runStyle = piece.style;
                } else {
                    pieces.add(piece);
                }
            }
            if (runStyle != null) {
                pieces.add(new Piece(run.toString(), null, true, runStyle));
            }
            return pieces;
        }

        private Piece piece(JsonObject element, String path) {
            String type = nullToEmpty(optString(element, "type", path));
            Style style = style(element, path);
            switch (type) {
                case "text":
                    return literal(optString(element, "text", path), style);
                case "link": {
                    String raw = optString(element, "url", path);
                    String text = optString(element, "text", path);
                    String url = safeUrl(raw);
                    if (url == null) {
                        return literal(text, style); // the link is dropped, its text stays
                    }
                    String label = text == null || text.isBlank() ? url : text;
                    String markdown = link(label, url, style.code);
                    return new Piece(label, markdown, false, style.withoutCode());
                }
                case "user": {
                    String id = optString(element, "user_id", path);
                    return id == null ? null : mention('@', lookup(mentions.username(id), id), style);
                }
                case "channel": {
                    String id = optString(element, "channel_id", path);
                    return id == null ? null : mention('~', lookup(mentions.channelName(id), id), style);
                }
                case "usergroup": {
                    String id = optString(element, "usergroup_id", path);
                    return id == null ? null : mention('@', id, style);
                }
                case "broadcast": {
                    String range = nullToEmpty(optString(element, "range", path));
                    String announcement = switch (range) {
                        case "here" -> "@here";
                        case "channel" -> "@channel";
                        case "everyone" -> "@all";
                        default -> null;
                    };
                    return announcement == null ? null : new Piece(announcement, announcement, false, style);
                }
                case "emoji":
                    return emoji(element, path, style);
                case "color":
                    return literal(optString(element, "value", path), style);
                case "date": {
                    String fallback = optString(element, "fallback", path);
                    JsonNumber timestamp = optNumber(element, "timestamp", path);
                    if (fallback != null && !fallback.isBlank()) {
                        return literal(fallback, style);
                    }
                    if (timestamp == null) {
                        return null;
                    }
                    long seconds = timestamp.bigDecimalValue()
                            .max(BigDecimal.valueOf(MIN_DATE_SECONDS))
                            .min(BigDecimal.valueOf(MAX_DATE_SECONDS)).longValue();
                    return literal(UTC_DATE.format(Instant.ofEpochSecond(seconds)), style);
                }
                default:
                    return null; // team, canvas, file, ...: nothing we can show
            }
        }

        private Piece emoji(JsonObject element, String path, Style style) {
            String name = nullToEmpty(optString(element, "name", path));
            String unicode = optString(element, "unicode", path);
            int skinTone = name.indexOf("::");
            if (skinTone >= 0) {
                name = name.substring(0, skinTone);
            }
            if (EMOJI_NAME.matcher(name).matches()) {
                String shortcode = ":" + name + ":";
                return new Piece(shortcode, shortcode, false, style);
            }
            if (unicode != null && EMOJI_UNICODE.matcher(unicode).matches()) {
                StringBuilder sb = new StringBuilder();
                for (String hex : unicode.split("-")) {
                    int codePoint = Integer.parseInt(hex, 16);
                    if (Character.isValidCodePoint(codePoint) && !Character.isISOControl(codePoint)) {
                        sb.appendCodePoint(codePoint);
                    }
                }
                return literal(sb.toString(), style);
            }
            return null;
        }

        private Piece mention(char sigil, String name, Style style) {
            String shown = sigil + name;
            String markdown = PLAIN_NAME.matcher(name).matches() ? shown : sigil + escapeText(name, false, false);
            return new Piece(shown, markdown, false, style);
        }

        /**
         * Joins pieces into markdown, escaping literal text (with knowledge of line starts) and wrapping styled runs
         * in delimiters that CommonMark accepts where they stand: whitespace moves outside the delimiters, each line
         * of a styled run is wrapped on its own, and italics use {@code *} inside words (where {@code _} does not
         * work) and {@code _} elsewhere.
         */
        private String assemble(List<Piece> input) {
            List<Piece> pieces = splitStyledLines(input);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < pieces.size(); k++) {
                Piece piece = pieces.get(k);
                if (!piece.style.visible()) {
                    if (piece.literal) {
                        sb.append(escapeText(piece.plain, atLineStart(sb), false));
                    } else {
                        appendMarkup(sb, piece.markdown);
                    }
                    continue;
                }
                String text = piece.literal ? piece.plain : piece.markdown;
                int start = 0;
                int end = text.length();
                if (piece.literal) {
                    while (start < end && isBlank(text.charAt(start))) {
                        start++;
                    }
                    while (end > start && isBlank(text.charAt(end - 1))) {
                        end--;
                    }
                }
                if (start == end) {
                    sb.append(escapeText(text, atLineStart(sb), false));
                    continue;
                }
                if (start > 0) {
                    sb.append(escapeText(text.substring(0, start), atLineStart(sb), false));
                }
                String body = text.substring(start, end);
                String markdown;
                if (!piece.literal) {
                    markdown = body;
                } else if (piece.style.code) {
                    markdown = codeSpan(body);
                } else {
                    markdown = escapeText(body, false, false);
                }
                char before = sb.length() == 0 ? ' ' : sb.charAt(sb.length() - 1);
                char after = end < text.length() ? ' ' : firstCharOf(k + 1 < pieces.size() ? pieces.get(k + 1) : null);
                boolean inWord = Character.isLetterOrDigit(before) || Character.isLetterOrDigit(after);
                // A delimiter between a letter and punctuation (foo**(bar)**) is not left- or right-flanking,
                // so it would show as is: then the run is shown without bold, italics and strike.
                boolean flanks = !(Character.isLetterOrDigit(before) && isPunctuation(markdown.charAt(0)))
                        && !(Character.isLetterOrDigit(after) && isPunctuation(markdown.charAt(markdown.length() - 1)));
                String open = !flanks ? "" : (piece.style.bold ? "**" : "")
                        + (piece.style.italic ? (inWord ? "*" : "_") : "") + (piece.style.strike ? "~~" : "");
                sb.append(open).append(markdown).append(new StringBuilder(open).reverse());
                if (end < text.length()) {
                    sb.append(escapeText(text.substring(end), false, false));
                }
            }
            return sb.toString();
        }

        /** Styled literal text spanning lines becomes one styled piece per line, joined by plain line breaks. */
        private List<Piece> splitStyledLines(List<Piece> pieces) {
            List<Piece> out = new ArrayList<>(pieces.size());
            for (Piece piece : pieces) {
                if (!piece.literal || !piece.style.visible()) {
                    out.add(piece);
                    continue;
                }
                String text = normalizeNewlines(piece.plain);
                if (text.indexOf('\n') < 0) {
                    out.add(piece);
                    continue;
                }
                String[] lines = text.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) {
                        out.add(new Piece("\n", null, true, Style.NONE));
                    }
                    if (!lines[i].isEmpty()) {
                        out.add(new Piece(lines[i], null, true, piece.style));
                    }
                }
            }
            return out;
        }

        // ------------------------------------------------------------------------------------------- helpers

        private String render(Text text) {
            if (text == null || text.text.isEmpty()) {
                return "";
            }
            return text.plain ? escapeText(text.text, true, false)
                    : nullToEmpty(SlackTranslator.toMarkdown(text.text, mentions));
        }
    }

    /** A rich text inline element: {@code plain} is how it reads, {@code markdown} its markup (null for literals). */
    private record Piece(String plain, String markdown, boolean literal, Style style) {
    }

    private record Style(boolean bold, boolean italic, boolean strike, boolean code) {
        static final Style NONE = new Style(false, false, false, false);

        boolean visible() {
            return bold || italic || strike || code;
        }

        Style withoutCode() {
            return new Style(bold, italic, strike, false);
        }
    }

    private record Text(String text, boolean plain) {
    }

    private static Piece literal(String text, Style style) {
        return text == null || text.isEmpty() ? null : new Piece(text, null, true, style);
    }

    private static Style style(JsonObject element, String path) {
        JsonObject style = optObject(element, "style", path);
        if (style == null) {
            return Style.NONE;
        }
        String stylePath = path + ".style";
        return new Style(optBool(style, "bold", stylePath), optBool(style, "italic", stylePath),
                optBool(style, "strike", stylePath), optBool(style, "code", stylePath));
    }

    private static String lookup(String resolved, String id) {
        return resolved == null || resolved.isBlank() ? id : resolved;
    }

    /** The first character the rendering of {@code piece} will start with, as far as flanking rules care. */
    private static char firstCharOf(Piece piece) {
        if (piece == null || piece.plain.isEmpty()) {
            return ' ';
        }
        char first = piece.literal ? piece.plain.charAt(0) : piece.markdown.charAt(0);
        if (piece.style.visible() && !isBlank(first)) {
            return '*'; // a delimiter: punctuation
        }
        return first;
    }

    /** Appends generated markup; a {@code !} right before a generated link would make it an image, so it is escaped. */
    private static void appendMarkup(StringBuilder sb, String markup) {
        int last = sb.length() - 1;
        if (markup.startsWith("[") && last >= 0 && sb.charAt(last) == '!') {
            int backslashes = 0;
            while (last - backslashes - 1 >= 0 && sb.charAt(last - backslashes - 1) == '\\') {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                sb.insert(last, '\\');
            }
        }
        sb.append(markup);
    }

    private static String link(String label, String url, boolean code) {
        String text = code ? codeSpan(oneLine(label)) : escapeText(oneLine(label), false, false);
        return "[" + text + "](" + SlackTranslator.encodeUrl(url) + ")";
    }

    private static String imageMarkdown(String alt, String url, String title) {
        StringBuilder sb = new StringBuilder("![").append(escapeText(oneLine(alt).strip(), false, false))
                .append("](").append(SlackTranslator.encodeUrl(url));
        if (title != null && !title.isEmpty()) {
            sb.append(" \"");
            for (int i = 0; i < title.length(); i++) {
                char c = title.charAt(i);
                switch (c) {
                    case '\\', '"' -> sb.append('\\').append(c);
                    case '&' -> sb.append(entityLike(title, i) ? "\\&" : "&");
                    default -> sb.append(c);
                }
            }
            sb.append('"');
        }
        return sb.append(')').toString();
    }

    /** Wraps a context line in emphasis that cannot pair with the line's own delimiters (see the class comment). */
    private static String subtle(String line) {
        String trailingSafe = line;
        int backslashes = 0;
        while (backslashes < line.length() && line.charAt(line.length() - 1 - backslashes) == '\\') {
            backslashes++;
        }
        if (backslashes % 2 == 1) {
            trailingSafe = line + "\\"; // a lone final backslash would escape the closing delimiter
        }
        char first = line.charAt(0);
        char last = line.charAt(line.length() - 1);
        if (first != '_' && last != '_') {
            return "_" + trailingSafe + "_";
        }
        if (first != '*' && last != '*') {
            return "*" + trailingSafe + "*";
        }
        return line;
    }

    private static String fieldsTable(List<String> cells) {
        StringBuilder sb = new StringBuilder("| | |\n| --- | --- |");
        for (int i = 0; i < cells.size(); i += 2) {
            sb.append('\n');
            List<String> row = new ArrayList<>(2);
            row.add(tableCell(cells.get(i)));
            row.add(i + 1 < cells.size() ? tableCell(cells.get(i + 1)) : "");
            appendRow(sb, row, 2);
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<String> row, int columns) {
        sb.append('|');
        for (int c = 0; c < columns; c++) {
            String cell = c < row.size() ? row.get(c) : "";
            sb.append(cell.isEmpty() ? " |" : " " + cell + " |");
        }
    }

    /** Markdown made fit for a GFM table cell: on one line, with every {@code |} escaped. */
    static String tableCell(String markdown) {
        String line = oneLine(markdown).strip();
        StringBuilder sb = new StringBuilder(line.length() + 8);
        int backslashes = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '|' && backslashes % 2 == 0) {
                sb.append('\\');
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            sb.append(c);
        }
        return sb.toString();
    }

    private static String quote(String markdown) {
        if (markdown.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(markdown.length() + 16);
        for (String line : markdown.split("\n", -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(line.isBlank() ? ">" : "> " + line);
        }
        return sb.toString();
    }

    private static String codeSpan(String text) {
        String s = text.replace('\n', ' ');
        String fence = "`".repeat(longestRun(s, '`') + 1);
        boolean pad = s.startsWith("`") || s.endsWith("`") || (s.startsWith(" ") && s.endsWith(" ") && !s.isBlank());
        return pad ? fence + " " + s + " " + fence : fence + s + fence;
    }

    // ------------------------------------------------------------------------------------------------ escaping

    /**
     * Escapes literal text so that markdown shows it as written. Leading blanks of each line are dropped; line
     * breaks are kept.
     *
     * @param atLineStart whether the text starts at the beginning of a line (so block syntax there is escaped)
     * @param heading     escapes every {@code #} that follows a blank (an ATX heading's closing sequence)
     */
    static String escapeText(String raw, boolean atLineStart, boolean heading) {
        String s = normalizeNewlines(raw);
        int n = s.length();
        StringBuilder out = new StringBuilder(n + 16);
        boolean lineStart = atLineStart;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                out.append('\n');
                lineStart = true;
                continue;
            }
            if (lineStart) {
                if (c == ' ' || c == '\t') {
                    continue; // four of them would start a code block; fewer are not shown anyway
                }
                lineStart = false;
                int lineEnd = s.indexOf('\n', i);
                int at = blockSyntaxAt(s, i, lineEnd < 0 ? n : lineEnd);
                if (at >= 0) {
                    out.append(s, i, at).append('\\').append(s.charAt(at));
                    i = at;
                    continue;
                }
            }
            switch (c) {
                case '\\' -> {
                    char next = i + 1 < n ? s.charAt(i + 1) : '\n';
                    out.append(next == '\n' || ASCII_PUNCTUATION.indexOf(next) >= 0 ? "\\\\" : "\\");
                }
                case '`', '*', '[', ']', '~' -> out.append('\\').append(c);
                case '_' -> {
                    boolean inWord = i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))
                            && i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1));
                    out.append(inWord ? "_" : "\\_");
                }
                case '<' -> out.append(i + 1 < n && !isBlank(s.charAt(i + 1)) && s.charAt(i + 1) != '\n' ? "\\<" : "<");
                case '&' -> out.append(entityLike(s, i) ? "\\&" : "&");
                case '#' -> out.append(heading && closingSequence(s, i) ? "\\#" : "#");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Where a line (from its first non-blank character {@code i} to {@code end}) starts block syntax that must be
     * escaped: the index of the character to escape, or -1. Covers ATX headings, block quotes, bullet and ordered
     * list markers, thematic breaks, setext underlines and table delimiter rows ({@code * _ ` ~ <} are escaped
     * everywhere anyway).
     */
    private static int blockSyntaxAt(String s, int i, int end) {
        char c = s.charAt(i);
        if (c == '>') {
            return i;
        }
        if (c == '#') {
            int j = i;
            while (j < end && j - i < 7 && s.charAt(j) == '#') {
                j++;
            }
            return j - i <= 6 && (j == end || isBlank(s.charAt(j))) ? i : -1;
        }
        if (c >= '0' && c <= '9') {
            int j = i;
            while (j < end && j - i < 10 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                j++;
            }
            boolean marker = j - i <= 9 && j < end && (s.charAt(j) == '.' || s.charAt(j) == ')')
                    && (j + 1 == end || isBlank(s.charAt(j + 1)));
            return marker ? j : -1;
        }
        if ((c == '-' || c == '+') && (i + 1 == end || isBlank(s.charAt(i + 1)))) {
            return i; // a list marker
        }
        if (c == '-' || c == '=' || c == '|' || c == ':') {
            // a thematic break or setext underline (only '-' or only '='), or a table delimiter row
            boolean onlySame = true;
            boolean delimiterRow = true;
            boolean dash = false;
            for (int j = i; j < end && (onlySame || delimiterRow); j++) {
                char d = s.charAt(j);
                onlySame &= d == c || isBlank(d);
                delimiterRow &= d == '-' || d == '|' || d == ':' || isBlank(d);
                dash |= d == '-';
            }
            return (onlySame && c != '|' && c != ':') || (delimiterRow && dash) ? i : -1;
        }
        return -1;
    }

    /** Whether the {@code #} at {@code i} opens a run that would be read as an ATX heading's closing sequence. */
    private static boolean closingSequence(String s, int i) {
        if (i > 0 && !isBlank(s.charAt(i - 1))) {
            return false;
        }
        int j = i;
        while (j < s.length() && s.charAt(j) == '#') {
            j++;
        }
        while (j < s.length() && isBlank(s.charAt(j))) {
            j++;
        }
        return j == s.length() || s.charAt(j) == '\n';
    }

    /** Whether the {@code &} at {@code i} starts something a renderer could decode ({@code &name;}, {@code &#..;}). */
    private static boolean entityLike(String s, int i) {
        int end = Math.min(s.length(), i + 34);
        for (int j = i + 1; j < end; j++) {
            char c = s.charAt(j);
            if (c == ';') {
                return j > i + 1;
            }
            if (!(c == '#' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return false;
    }

    /** Line breaks (and the blanks around them) become single spaces. Linear, no regex. */
    static String oneLine(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean skipBlanks = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                int len = sb.length();
                while (len > 0 && isBlank(sb.charAt(len - 1))) {
                    len--;
                }
                sb.setLength(len);
                if (len > 0) {
                    sb.append(' ');
                }
                skipBlanks = true;
            } else if (skipBlanks && isBlank(c)) {
                continue;
            } else {
                skipBlanks = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String collapseBlankLines(String s) {
        if (!s.contains("\n")) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (String line : s.split("\n")) {
            if (!line.isBlank()) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(line);
            }
        }
        return sb.toString();
    }

    private static String normalizeNewlines(String s) {
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Drops trailing line breaks and blanks. */
    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || isBlank(s.charAt(end - 1)))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static int longestRun(String s, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static boolean atLineStart(StringBuilder sb) {
        return sb.length() == 0 || sb.charAt(sb.length() - 1) == '\n';
    }

    /** ASCII or Unicode punctuation or symbol, as CommonMark's flanking rules define punctuation. */
    private static boolean isPunctuation(char c) {
        if (c < 128) {
            return ASCII_PUNCTUATION.indexOf(c) >= 0;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static void addIfPresent(List<String> parts, String markdown) {
        if (markdown != null && !markdown.isBlank()) {
            parts.add(markdown);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static int clamp(long value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }

    /** An http(s) URL fit for a markdown link or image, or null. */
    private static String safeUrl(String raw) {
        if (raw == null) {
            return null;
        }
        return SafeUrls.httpUrl(raw);
    }

    // ------------------------------------------------------------------------------------------------- reading

    private static JsonValue member(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private static String optString(JsonObject object, String key, String path) {
        JsonValue value = member(object, key);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw invalid(path + "." + key + " must be a string");
        }
        return ((JsonString) value).getString();
    }

    private static JsonArray optArray(JsonObject object, String key, String path) {
        JsonValue value = member(object, key);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid(path + "." + key + " must be an array");
        }
        return value.asJsonArray();
    }

    private static JsonObject optObject(JsonObject object, String key, String path) {
        JsonValue value = member(object, key);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid(path + "." + key + " must be an object");
        }
        return value.asJsonObject();
    }

    private static boolean optBool(JsonObject object, String key, String path) {
        JsonValue value = member(object, key);
        if (value == null) {
            return false;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw invalid(path + "." + key + " must be a boolean");
    }

    private static JsonNumber optNumber(JsonObject object, String key, String path) {
        JsonValue value = member(object, key);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw invalid(path + "." + key + " must be a number");
        }
        return (JsonNumber) value;
    }

    /** A whole number, clamped to the long range (fractions cut); 0 when absent. */
    private static long optInt(JsonObject object, String key, String path) {
        JsonNumber number = optNumber(object, key, path);
        if (number == null) {
            return 0;
        }
        BigDecimal value = number.bigDecimalValue();
        if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return Integer.MAX_VALUE;
        }
        if (value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            return Integer.MIN_VALUE;
        }
        return value.longValue();
    }

    private static JsonObject objectAt(JsonArray array, int index, String arrayPath) {
        JsonValue value = array.get(index);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid(arrayPath + "[" + index + "] must be an object"
                    + (value.getValueType() == JsonValue.ValueType.NULL ? ", not null" : ""));
        }
        return value.asJsonObject();
    }

    /** A text object member: an object with {@code type} and {@code text}, or (leniently) a bare string. */
    private static Text textObject(JsonObject object, String key, String path, boolean plainByDefault) {
        JsonValue value = member(object, key);
        return value == null ? null : textValue(value, path + "." + key, plainByDefault);
    }

    private static Text textValue(JsonValue value, String path, boolean plainByDefault) {
        switch (value.getValueType()) {
            case STRING:
                return new Text(((JsonString) value).getString(), plainByDefault);
            case OBJECT:
                return textOf(value.asJsonObject(), path, plainByDefault);
            default:
                throw invalid(path + " must be a text object"
                        + (value.getValueType() == JsonValue.ValueType.NULL ? ", not null" : ""));
        }
    }

    private static Text textOf(JsonObject text, String path, boolean plainByDefault) {
        String type = optString(text, "type", path);
        String content = optString(text, "text", path);
        boolean plain = type == null ? plainByDefault : "plain_text".equals(type);
        return new Text(content == null ? "" : content, plain);
    }

    private static HooklineException invalid(String message) {
        return HooklineException.badRequest(INVALID_PAYLOAD, message);
    }
}
