package io.hookline.ejb.slack;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.common.SafeUrls;
import io.hookline.ejb.slack.Block.Broadcast;
import io.hookline.ejb.slack.Block.Channel;
import io.hookline.ejb.slack.Block.Context;
import io.hookline.ejb.slack.Block.ContextElement;
import io.hookline.ejb.slack.Block.Date;
import io.hookline.ejb.slack.Block.Emoji;
import io.hookline.ejb.slack.Block.Header;
import io.hookline.ejb.slack.Block.Ignored;
import io.hookline.ejb.slack.Block.Image;
import io.hookline.ejb.slack.Block.Inline;
import io.hookline.ejb.slack.Block.Link;
import io.hookline.ejb.slack.Block.Preformatted;
import io.hookline.ejb.slack.Block.RawText;
import io.hookline.ejb.slack.Block.RichElement;
import io.hookline.ejb.slack.Block.RichList;
import io.hookline.ejb.slack.Block.RichQuote;
import io.hookline.ejb.slack.Block.RichSection;
import io.hookline.ejb.slack.Block.RichText;
import io.hookline.ejb.slack.Block.Section;
import io.hookline.ejb.slack.Block.Style;
import io.hookline.ejb.slack.Block.Table;
import io.hookline.ejb.slack.Block.TableCell;
import io.hookline.ejb.slack.Block.Text;
import io.hookline.ejb.slack.Block.TextObject;
import io.hookline.ejb.slack.Block.User;
import io.hookline.ejb.slack.Block.Usergroup;
import io.hookline.ejb.slack.Block.Video;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads Block Kit JSON into {@link Block} records. A member that is read must have its JSON type ({@code text} a
 * string, {@code elements} an array, {@code style} flags booleans, {@code indent} a number, ...), and array
 * elements must be objects; otherwise a 400 {@code invalid_payload} names the path, e.g.
 * {@code blocks[2].text.text must be a string}. {@code null} members count as absent; a bare string where a text
 * object is expected is that text. Members are read in a fixed order and only where they can matter (an image's
 * {@code alt_text} only once its URL is usable, a {@code video_url} only when the {@code title_url} is not, a
 * preformatted element's {@code language} only when it shows something), so the first error named is always the
 * same one. The nesting read is fixed (block, element, inline element; a table cell holds one rich text), so
 * nothing recurses, whatever the input. Stateless.
 */
final class BlockReader {

    private static final String INVALID_PAYLOAD = "invalid_payload";

    private static final Set<String> INTERACTIVE_BLOCKS = Set.of("actions", "input", "context_actions");

    /** Interactive elements as they may appear in a context block (where Slack allows only text and images). */
    private static final Set<String> INTERACTIVE_ELEMENTS = Set.of(
            "button",
            "checkboxes",
            "datepicker",
            "datetimepicker",
            "email_text_input",
            "external_select",
            "feedback_buttons",
            "file_input",
            "icon_button",
            "multi_channels_select",
            "multi_conversations_select",
            "multi_external_select",
            "multi_static_select",
            "multi_users_select",
            "number_input",
            "overflow",
            "plain_text_input",
            "radio_buttons",
            "rich_text_input",
            "channels_select",
            "conversations_select",
            "static_select",
            "timepicker",
            "url_text_input",
            "users_select",
            "workflow_button");

    private BlockReader() {}

    /**
     * The blocks of {@code array}, in order, without those that show nothing (unknown types, unusable images).
     *
     * @param where how errors name the array, e.g. {@code blocks} or {@code attachments[0].blocks}
     */
    static List<Block> blocks(JsonArray array, String where) {
        if (array.size() > BlockKit.MAX_BLOCKS) {
            throw invalid(where + " has " + array.size() + " blocks; at most " + BlockKit.MAX_BLOCKS + " are allowed");
        }
        List<Block> blocks = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            Block block = block(objectAt(array, i, where), where + "[" + i + "]");
            if (block != null) {
                blocks.add(block);
            }
        }
        return blocks;
    }

    private static Block block(JsonObject block, String path) {
        String type = optString(block, "type", path);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "header" -> new Header(textObject(block, "text", path, true));
            case "section" -> section(block, path);
            case "divider" -> new Block.Divider();
            case "context" -> context(block, path);
            case "image" -> image(block, path, true);
            case "rich_text" -> richText(block, path);
            case "markdown" -> new Block.Markdown(optString(block, "text", path));
            case "table" -> table(block, path);
            case "video" -> video(block, path);
            default -> INTERACTIVE_BLOCKS.contains(type) ? new Block.Interactive() : null; // file, call, unknown
        };
    }

    private static Section section(JsonObject block, String path) {
        TextObject text = textObject(block, "text", path, false);
        List<TextObject> fields = new ArrayList<>();
        JsonArray fieldValues = optArray(block, "fields", path);
        if (fieldValues != null) {
            for (int i = 0; i < fieldValues.size(); i++) {
                fields.add(textValue(fieldValues.get(i), path + ".fields[" + i + "]", false));
            }
        }
        Image image = null;
        boolean interactive = false;
        JsonObject accessory = optObject(block, "accessory", path);
        if (accessory != null) {
            String accessoryPath = path + ".accessory";
            String type = optString(accessory, "type", accessoryPath);
            if ("image".equals(type)) {
                image = image(accessory, accessoryPath, false);
            } else {
                interactive = type != null;
            }
        }
        return new Section(text, fields, image, interactive);
    }

    private static Context context(JsonObject block, String path) {
        JsonArray elements = optArray(block, "elements", path);
        if (elements == null) {
            return new Context(null);
        }
        List<ContextElement> read = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            String elementPath = path + ".elements[" + i + "]";
            JsonObject element = objectAt(elements, i, path + ".elements");
            String type = optString(element, "type", elementPath);
            ContextElement item;
            if ("image".equals(type)) {
                Image image = image(element, elementPath, false);
                item = image == null ? new Ignored() : image;
            } else if (type != null && INTERACTIVE_ELEMENTS.contains(type)) {
                item = new Block.Interactive();
            } else if (type == null || "mrkdwn".equals(type) || "plain_text".equals(type)) {
                item = textOf(element, elementPath, false);
            } else {
                item = new Ignored();
            }
            read.add(item);
        }
        return new Context(read);
    }

    /** An image block ({@code withTitle}) or element; null without a usable URL (then nothing else is read). */
    private static Image image(JsonObject image, String path, boolean withTitle) {
        String url = safeUrl(optString(image, "image_url", path));
        if (url == null) {
            return null; // not http(s), or only a slack_file: a private Slack URL nobody here can open
        }
        String alt = optString(image, "alt_text", path);
        TextObject title = withTitle ? textObject(image, "title", path, true) : null;
        return new Image(url, alt == null ? "" : alt, title);
    }

    private static Video video(JsonObject block, String path) {
        String url = safeUrl(optString(block, "title_url", path));
        if (url == null) {
            url = safeUrl(optString(block, "video_url", path));
        }
        TextObject title = textObject(block, "title", path, true);
        String alt = optString(block, "alt_text", path);
        return url == null ? null : new Video(url, title, alt);
    }

    private static Table table(JsonObject block, String path) {
        JsonArray rows = optArray(block, "rows", path);
        if (rows == null || rows.isEmpty()) {
            return null;
        }
        List<List<TableCell>> cells = new ArrayList<>(rows.size());
        int columns = 0;
        for (int r = 0; r < rows.size(); r++) {
            String rowPath = path + ".rows[" + r + "]";
            JsonValue rowValue = rows.get(r);
            if (rowValue.getValueType() != JsonValue.ValueType.ARRAY) {
                throw invalid(rowPath + " must be an array");
            }
            JsonArray row = rowValue.asJsonArray();
            List<TableCell> read = new ArrayList<>(Math.min(row.size(), BlockKit.MAX_TABLE_COLUMNS));
            for (int c = 0; c < row.size() && c < BlockKit.MAX_TABLE_COLUMNS; c++) {
                String cellPath = rowPath + "[" + c + "]";
                JsonObject cell = objectAt(row, c, rowPath);
                String type = optString(cell, "type", cellPath);
                read.add(
                        "rich_text".equals(type)
                                ? richText(cell, cellPath)
                                : new RawText(optString(cell, "text", cellPath)));
            }
            columns = Math.max(columns, read.size());
            cells.add(read);
        }
        if (columns == 0) {
            return null;
        }
        JsonArray settings = optArray(block, "column_settings", path);
        List<String> alignments = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            String align = null;
            if (settings != null
                    && c < settings.size()
                    && settings.get(c).getValueType() == JsonValue.ValueType.OBJECT) {
                align = optString(settings.getJsonObject(c), "align", path + ".column_settings[" + c + "]");
            }
            alignments.add(align);
        }
        return new Table(cells, alignments);
    }

    // ------------------------------------------------------------------------------------------------- rich text

    private static RichText richText(JsonObject block, String path) {
        JsonArray elements = optArray(block, "elements", path);
        if (elements == null) {
            return new RichText(null);
        }
        List<RichElement> read = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            String elementPath = path + ".elements[" + i + "]";
            JsonObject element = objectAt(elements, i, path + ".elements");
            String type = optString(element, "type", elementPath);
            read.add(
                    switch (type == null ? "" : type) {
                        case "rich_text_list" -> list(element, elementPath);
                        case "rich_text_section" -> new RichSection(inlines(element, elementPath));
                        case "rich_text_quote" -> new RichQuote(inlines(element, elementPath));
                        case "rich_text_preformatted" -> preformatted(element, elementPath);
                        default -> new Ignored(); // unknown rich text element: nothing to show, but it ends a list
                    });
        }
        return new RichText(read);
    }

    private static RichList list(JsonObject list, String path) {
        boolean ordered = "ordered".equals(optString(list, "style", path));
        long indent = optInt(list, "indent", path);
        long offset = optInt(list, "offset", path);
        JsonArray items = optArray(list, "elements", path);
        List<List<Inline>> read = new ArrayList<>();
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                read.add(inlines(objectAt(items, i, path + ".elements"), path + ".elements[" + i + "]"));
            }
        }
        return new RichList(ordered, indent, offset, read);
    }

    private static RichElement preformatted(JsonObject element, String path) {
        List<Inline> inlines = inlines(element, path);
        if (InlinePieces.plainText(inlines, Mentions.NONE).isBlank()) {
            return new Ignored(); // names do not matter here: a mention is never blank
        }
        return new Preformatted(inlines, optString(element, "language", path));
    }

    /** The inline elements of a section, quote, list item or preformatted element; unshowable ones left out. */
    private static List<Inline> inlines(JsonObject container, String path) {
        JsonArray elements = optArray(container, "elements", path);
        List<Inline> read = new ArrayList<>();
        if (elements != null) {
            for (int i = 0; i < elements.size(); i++) {
                Inline inline = inline(objectAt(elements, i, path + ".elements"), path + ".elements[" + i + "]");
                if (inline != null) {
                    read.add(inline);
                }
            }
        }
        return read;
    }

    private static Inline inline(JsonObject element, String path) {
        String type = optString(element, "type", path);
        Style style = style(element, path);
        switch (type == null ? "" : type) {
            case "text":
                return text(optString(element, "text", path), style);
            case "link": {
                String url = safeUrl(optString(element, "url", path));
                return new Link(url, optString(element, "text", path), style);
            }
            case "user": {
                String id = optString(element, "user_id", path);
                return id == null ? null : new User(id, style);
            }
            case "channel": {
                String id = optString(element, "channel_id", path);
                return id == null ? null : new Channel(id, style);
            }
            case "usergroup": {
                String id = optString(element, "usergroup_id", path);
                return id == null ? null : new Usergroup(id, style);
            }
            case "broadcast": {
                String range = optString(element, "range", path);
                String announcement = switch (range == null ? "" : range) {
                    case "here" -> "@here";
                    case "channel" -> "@channel";
                    case "everyone" -> "@all";
                    default -> null;
                };
                return announcement == null ? null : new Broadcast(announcement, style);
            }
            case "emoji": {
                String name = optString(element, "name", path);
                return new Emoji(name == null ? "" : name, optString(element, "unicode", path), style);
            }
            case "color":
                return text(optString(element, "value", path), style);
            case "date": {
                String fallback = optString(element, "fallback", path);
                JsonNumber timestamp = optNumber(element, "timestamp", path);
                return new Date(fallback, timestamp == null ? null : timestamp.bigDecimalValue(), style);
            }
            default:
                return null; // team, canvas, file, ...: nothing we can show
        }
    }

    private static Text text(String text, Style style) {
        return text == null || text.isEmpty() ? null : new Text(text, style);
    }

    private static Style style(JsonObject element, String path) {
        JsonObject style = optObject(element, "style", path);
        if (style == null) {
            return Style.NONE;
        }
        String stylePath = path + ".style";
        return new Style(
                optBool(style, "bold", stylePath),
                optBool(style, "italic", stylePath),
                optBool(style, "strike", stylePath),
                optBool(style, "code", stylePath));
    }

    // ---------------------------------------------------------------------------------------------- text objects

    /** A text object member: an object with {@code type} and {@code text}, or (leniently) a bare string. */
    private static TextObject textObject(JsonObject object, String key, String path, boolean plainByDefault) {
        JsonValue value = member(object, key);
        return value == null ? null : textValue(value, path + "." + key, plainByDefault);
    }

    private static TextObject textValue(JsonValue value, String path, boolean plainByDefault) {
        return switch (value.getValueType()) {
            case STRING -> new TextObject(((JsonString) value).getString(), plainByDefault);
            case OBJECT -> textOf(value.asJsonObject(), path, plainByDefault);
            default ->
                throw invalid(path + " must be a text object"
                        + (value.getValueType() == JsonValue.ValueType.NULL ? ", not null" : ""));
        };
    }

    private static TextObject textOf(JsonObject text, String path, boolean plainByDefault) {
        String type = optString(text, "type", path);
        String content = optString(text, "text", path);
        boolean plain = type == null ? plainByDefault : "plain_text".equals(type);
        return new TextObject(content == null ? "" : content, plain);
    }

    // ------------------------------------------------------------------------------------------------- members

    /** An http(s) URL fit for a markdown link or image, or null. */
    private static String safeUrl(String raw) {
        return raw == null ? null : SafeUrls.httpUrl(raw);
    }

    private static JsonValue member(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private static JsonValue typed(JsonObject object, String key, String path, JsonValue.ValueType type, String what) {
        JsonValue value = member(object, key);
        if (value != null && value.getValueType() != type) {
            throw invalid(path + "." + key + " must be " + what);
        }
        return value;
    }

    private static String optString(JsonObject object, String key, String path) {
        JsonValue value = typed(object, key, path, JsonValue.ValueType.STRING, "a string");
        return value == null ? null : ((JsonString) value).getString();
    }

    private static JsonArray optArray(JsonObject object, String key, String path) {
        JsonValue value = typed(object, key, path, JsonValue.ValueType.ARRAY, "an array");
        return value == null ? null : value.asJsonArray();
    }

    private static JsonObject optObject(JsonObject object, String key, String path) {
        JsonValue value = typed(object, key, path, JsonValue.ValueType.OBJECT, "an object");
        return value == null ? null : value.asJsonObject();
    }

    private static JsonNumber optNumber(JsonObject object, String key, String path) {
        return (JsonNumber) typed(object, key, path, JsonValue.ValueType.NUMBER, "a number");
    }

    private static boolean optBool(JsonObject object, String key, String path) {
        JsonValue value = member(object, key);
        if (value == null || value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        throw invalid(path + "." + key + " must be a boolean");
    }

    /** A whole number, clamped to the int range (fractions cut); 0 when absent. */
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

    private static HooklineException invalid(String message) {
        return HooklineException.badRequest(INVALID_PAYLOAD, message);
    }
}
