package io.hookline.ejb.slack;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.common.SafeUrls;
import io.hookline.ejb.slack.Block.ContextElement;
import io.hookline.ejb.slack.Block.Image;
import io.hookline.ejb.slack.Block.Inline;
import io.hookline.ejb.slack.Block.RichElement;
import io.hookline.ejb.slack.Block.RichText;
import io.hookline.ejb.slack.Block.Style;
import io.hookline.ejb.slack.Block.TableCell;
import io.hookline.ejb.slack.Block.TextObject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

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

    private static final Set<String> INTERACTIVE_BLOCKS = Set.of("actions", "input", "context_actions");

    /** Interactive elements as they may appear in a context block (where Slack allows only text and images). */
    private static final Set<String> INTERACTIVE_ELEMENTS = Set.of("""
            button checkboxes datepicker datetimepicker email_text_input external_select feedback_buttons file_input
            icon_button multi_channels_select multi_conversations_select multi_external_select multi_static_select
            multi_users_select number_input overflow plain_text_input radio_buttons rich_text_input channels_select
            conversations_select static_select timepicker url_text_input users_select workflow_button""".split("\\s+"));

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
        return objects(array, where, BlockReader::block);
    }

    private static Block block(JsonObject block, String path) {
        String type = optString(block, "type", path);
        type = type == null ? "" : type;
        return switch (type) {
            case "header" -> new Block.Header(textObject(block, "text", path, true));
            case "section" -> section(block, path);
            case "divider" -> new Block.Divider();
            case "context" -> new Block.Context(objects(block, "elements", path, BlockReader::contextElement));
            case "image" -> image(block, path, true);
            case "rich_text" -> richText(block, path);
            case "markdown" -> new Block.Markdown(optString(block, "text", path));
            case "table" -> table(block, path);
            case "video" -> video(block, path);
            default -> INTERACTIVE_BLOCKS.contains(type) ? new Block.Interactive() : null; // file, call, unknown
        };
    }

    private static Block.Section section(JsonObject block, String path) {
        TextObject text = textObject(block, "text", path, false);
        List<TextObject> fields = new ArrayList<>();
        JsonArray fieldValues = optArray(block, "fields", path);
        for (int i = 0; fieldValues != null && i < fieldValues.size(); i++) {
            fields.add(textValue(fieldValues.get(i), path + ".fields[" + i + "]", false));
        }
        JsonObject accessory = optObject(block, "accessory", path);
        String accessoryType = accessory == null ? null : optString(accessory, "type", path + ".accessory");
        boolean image = "image".equals(accessoryType);
        return new Block.Section(
                text,
                fields,
                image ? image(accessory, path + ".accessory", false) : null,
                !image && accessoryType != null);
    }

    private static ContextElement contextElement(JsonObject element, String path) {
        String type = optString(element, "type", path);
        if ("image".equals(type)) {
            Image image = image(element, path, false);
            return image == null ? new Block.Ignored() : image;
        } else if (type != null && INTERACTIVE_ELEMENTS.contains(type)) {
            return new Block.Interactive();
        } else if (type == null || "mrkdwn".equals(type) || "plain_text".equals(type)) {
            return textOf(element, path, false);
        }
        return new Block.Ignored();
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

    private static Block.Video video(JsonObject block, String path) {
        String url = safeUrl(optString(block, "title_url", path));
        if (url == null) {
            url = safeUrl(optString(block, "video_url", path));
        }
        TextObject title = textObject(block, "title", path, true);
        String alt = optString(block, "alt_text", path);
        return url == null ? null : new Block.Video(url, title, alt);
    }

    private static Block.Table table(JsonObject block, String path) {
        JsonArray rows = optArray(block, "rows", path);
        List<List<TableCell>> cells = new ArrayList<>();
        int columns = 0;
        for (int r = 0; rows != null && r < rows.size(); r++) {
            String rowPath = path + ".rows[" + r + "]";
            if (rows.get(r).getValueType() != ValueType.ARRAY) {
                throw invalid(rowPath + " must be an array");
            }
            JsonArray row = rows.get(r).asJsonArray();
            List<TableCell> read = objects(
                    row.subList(0, Math.min(row.size(), BlockKit.MAX_TABLE_COLUMNS)), rowPath, BlockReader::tableCell);
            cells.add(read);
            columns = Math.max(columns, read.size());
        }
        if (columns == 0) {
            return null;
        }
        JsonArray settings = optArray(block, "column_settings", path);
        List<String> alignments = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            boolean set =
                    settings != null && c < settings.size() && settings.get(c).getValueType() == ValueType.OBJECT;
            alignments.add(
                    set ? optString(settings.getJsonObject(c), "align", path + ".column_settings[" + c + "]") : null);
        }
        return new Block.Table(cells, alignments);
    }

    private static TableCell tableCell(JsonObject cell, String path) {
        return "rich_text".equals(optString(cell, "type", path))
                ? richText(cell, path)
                : new Block.RawText(optString(cell, "text", path));
    }

    // ------------------------------------------------------------------------------------------------- rich text

    private static RichText richText(JsonObject block, String path) {
        return new RichText(objects(block, "elements", path, BlockReader::richElement));
    }

    private static RichElement richElement(JsonObject element, String path) {
        String type = optString(element, "type", path);
        return switch (type == null ? "" : type) {
            case "rich_text_list" -> list(element, path);
            case "rich_text_section" -> new Block.RichSection(inlines(element, path));
            case "rich_text_quote" -> new Block.RichQuote(inlines(element, path));
            case "rich_text_preformatted" -> preformatted(element, path);
            default -> new Block.Ignored(); // unknown rich text element: nothing to show, but it ends a list
        };
    }

    private static Block.RichList list(JsonObject list, String path) {
        boolean ordered = "ordered".equals(optString(list, "style", path));
        long indent = optInt(list, "indent", path);
        long offset = optInt(list, "offset", path);
        return new Block.RichList(ordered, indent, offset, objects(list, "elements", path, BlockReader::inlines));
    }

    private static RichElement preformatted(JsonObject element, String path) {
        List<Inline> inlines = inlines(element, path);
        if (InlinePieces.plainText(inlines, Mentions.NONE).isBlank()) {
            return new Block.Ignored(); // names do not matter here: a mention is never blank
        }
        return new Block.Preformatted(inlines, optString(element, "language", path));
    }

    /** The inline elements of a section, quote, list item or preformatted element; unshowable ones left out. */
    private static List<Inline> inlines(JsonObject container, String path) {
        return objects(container, "elements", path, BlockReader::inline);
    }

    private static Inline inline(JsonObject element, String path) {
        String type = optString(element, "type", path);
        Style style = style(element, path);
        return switch (type == null ? "" : type) {
            case "text" -> text(optString(element, "text", path), style);
            case "link" ->
                new Block.Link(safeUrl(optString(element, "url", path)), optString(element, "text", path), style);
            case "user" -> ifPresent(optString(element, "user_id", path), id -> new Block.User(id, style));
            case "channel" -> ifPresent(optString(element, "channel_id", path), id -> new Block.Channel(id, style));
            case "usergroup" ->
                ifPresent(optString(element, "usergroup_id", path), id -> new Block.Usergroup(id, style));
            case "broadcast" ->
                ifPresent(broadcast(optString(element, "range", path)), at -> new Block.Broadcast(at, style));
            case "emoji" -> {
                String name = optString(element, "name", path);
                yield new Block.Emoji(name == null ? "" : name, optString(element, "unicode", path), style);
            }
            case "color" -> text(optString(element, "value", path), style);
            case "date" -> {
                String fallback = optString(element, "fallback", path);
                JsonNumber timestamp = optNumber(element, "timestamp", path);
                yield new Block.Date(fallback, timestamp == null ? null : timestamp.bigDecimalValue(), style);
            }
            default -> null; // team, canvas, file, ...: nothing we can show
        };
    }

    private static String broadcast(String range) {
        return switch (range == null ? "" : range) {
            case "here" -> "@here";
            case "channel" -> "@channel";
            case "everyone" -> "@all";
            default -> null;
        };
    }

    private static <T> T ifPresent(String value, Function<String, T> make) {
        return value == null ? null : make.apply(value);
    }

    private static Block.Text text(String text, Style style) {
        return text == null || text.isEmpty() ? null : new Block.Text(text, style);
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
            default -> throw invalid(path + " must be a text object" + notNull(value));
        };
    }

    private static TextObject textOf(JsonObject text, String path, boolean plainByDefault) {
        String type = optString(text, "type", path);
        String content = optString(text, "text", path);
        return new TextObject(
                content == null ? "" : content, type == null ? plainByDefault : "plain_text".equals(type));
    }

    // ------------------------------------------------------------------------------------------------- members

    /** An http(s) URL fit for a markdown link or image, or null. */
    private static String safeUrl(String raw) {
        return raw == null ? null : SafeUrls.httpUrl(raw);
    }

    /**
     * Each object of the array member {@code key} read by {@code read} at its path ({@code path.key[i]}), those read
     * as null left out; empty when the member is absent.
     */
    private static <T> List<T> objects(
            JsonObject object, String key, String path, BiFunction<JsonObject, String, T> read) {
        JsonArray array = optArray(object, key, path);
        return array == null ? List.of() : objects(array, path + "." + key, read);
    }

    private static <T> List<T> objects(
            List<JsonValue> array, String arrayPath, BiFunction<JsonObject, String, T> read) {
        List<T> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonValue value = array.get(i);
            if (value.getValueType() != ValueType.OBJECT) {
                throw invalid(arrayPath + "[" + i + "] must be an object" + notNull(value));
            }
            T item = read.apply(value.asJsonObject(), arrayPath + "[" + i + "]");
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    private static JsonValue member(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value == null || value.getValueType() == ValueType.NULL ? null : value;
    }

    /** The member, or null when absent; of another type than {@code type}, a 400 saying it must be {@code what}. */
    private static JsonValue typed(JsonObject object, String key, String path, ValueType type, String what) {
        JsonValue value = member(object, key);
        if (value != null && value.getValueType() != type) {
            throw invalid(path + "." + key + " must be " + what);
        }
        return value;
    }

    private static String optString(JsonObject object, String key, String path) {
        JsonValue value = typed(object, key, path, ValueType.STRING, "a string");
        return value == null ? null : ((JsonString) value).getString();
    }

    private static JsonArray optArray(JsonObject object, String key, String path) {
        JsonValue value = typed(object, key, path, ValueType.ARRAY, "an array");
        return value == null ? null : value.asJsonArray();
    }

    private static JsonObject optObject(JsonObject object, String key, String path) {
        JsonValue value = typed(object, key, path, ValueType.OBJECT, "an object");
        return value == null ? null : value.asJsonObject();
    }

    private static JsonNumber optNumber(JsonObject object, String key, String path) {
        return (JsonNumber) typed(object, key, path, ValueType.NUMBER, "a number");
    }

    private static boolean optBool(JsonObject object, String key, String path) {
        JsonValue value = member(object, key);
        if (value != null && value.getValueType() != ValueType.TRUE && value.getValueType() != ValueType.FALSE) {
            throw invalid(path + "." + key + " must be a boolean");
        }
        return value != null && value.getValueType() == ValueType.TRUE;
    }

    /** A whole number, clamped to the int range (fractions cut); 0 when absent. */
    private static long optInt(JsonObject object, String key, String path) {
        JsonNumber number = optNumber(object, key, path);
        if (number == null) {
            return 0;
        }
        BigDecimal value = number.bigDecimalValue()
                .max(BigDecimal.valueOf(Integer.MIN_VALUE))
                .min(BigDecimal.valueOf(Integer.MAX_VALUE));
        return value.longValue();
    }

    private static String notNull(JsonValue value) {
        return value.getValueType() == ValueType.NULL ? ", not null" : "";
    }

    private static HooklineException invalid(String message) {
        return HooklineException.badRequest("invalid_payload", message);
    }
}
